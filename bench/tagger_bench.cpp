// Throughput of the part-of-speech tagger alone on one core: documents are
// prepared first (prepare_document), then only PosTagger::tag is timed.
// Usage: tagger_bench [ARTICLES] [WEIGHTS] [REPEATS]
//   (default ../shared/corpus/bulk.jsonl.gz, data/tagger/ptb-perceptron.bin, 3)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/ingest/reader.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/extract/text.hpp"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/corpus/bulk.jsonl.gz";
  const std::string weights = argc > 2 ? argv[2] : "data/tagger/ptb-perceptron.bin";
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
  auto tagger = geokg::load_tagger(weights);
  if (!tagger.ok()) {
    std::fprintf(stderr, "tagger_bench: %s\n", tagger.status().to_string().c_str());
    return 1;
  }
  std::vector<geokg::Document> docs;
  std::vector<geokg::Article> articles;
  std::size_t bytes = 0, tokens = 0;
  const geokg::Status s = geokg::read_articles(
      path, geokg::ReadOptions{},
      [&](geokg::Article&& a) {
        articles.push_back(std::move(a));
        return true;
      },
      [&](const geokg::ReadIssue&) {});
  if (!s.ok()) {
    std::fprintf(stderr, "tagger_bench: %s\n", s.to_string().c_str());
    return 1;
  }
  for (const auto& a : articles) {
    docs.push_back(geokg::prepare_document(a));
    bytes += a.text.size();
    tokens += docs.back().tokens.size();
  }
  // Process CPU time is the fairer one-core figure on a shared machine.
  double best = 1e30, best_cpu = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    for (auto& d : docs) tagger->tag(d);
    const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    if (sec < best) best = sec;
    if (cpu < best_cpu) best_cpu = cpu;
  }
  std::printf("articles %zu, text %.1f MB, tokens %zu\n", docs.size(), bytes / 1e6, tokens);
  std::printf("PosTagger::tag: best of %d: wall %.3f s = %.2f M tokens/s (%.1f MB/s), cpu %.3f s = %.2f M tokens/s (%.1f MB/s)\n",
              repeats, best, tokens / 1e6 / best, bytes / 1e6 / best, best_cpu, tokens / 1e6 / best_cpu,
              bytes / 1e6 / best_cpu);
  return 0;
}
