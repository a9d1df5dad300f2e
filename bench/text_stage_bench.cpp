// Throughput of the first extraction stage (prepare_document + anchor_times)
// on one core. Reads every article first, then times the stage alone.
// Usage: text_stage_bench [FILE] [REPEATS]   (default ../shared/corpus/bulk.jsonl.gz, 3)

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "geokg/ingest/reader.hpp"
#include "geokg/extract/text.hpp"
#include "geokg/extract/time.hpp"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/corpus/bulk.jsonl.gz";
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<geokg::Article> articles;
  std::size_t bytes = 0, issues = 0;
  const geokg::Status s = geokg::read_articles(
      path, geokg::ReadOptions{},
      [&](geokg::Article&& a) {
        bytes += a.text.size();
        articles.push_back(std::move(a));
        return true;
      },
      [&](const geokg::ReadIssue&) { ++issues; });
  if (!s.ok()) {
    std::fprintf(stderr, "text_stage_bench: %s\n", s.to_string().c_str());
    return 1;
  }
  // Wall time and process CPU time: on a shared machine the CPU time is the
  // fairer one-core figure.
  double best = 1e30, best_cpu = 1e30;
  std::size_t sentences = 0, tokens = 0, times = 0;
  for (int r = 0; r < repeats; ++r) {
    sentences = tokens = times = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    for (const auto& a : articles) {
      geokg::Document doc = geokg::prepare_document(a);
      geokg::anchor_times(doc);
      sentences += doc.sentences.size();
      tokens += doc.tokens.size();
      times += doc.times.size();
    }
    const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    if (sec < best) best = sec;
    if (cpu < best_cpu) best_cpu = cpu;
  }
  std::printf("articles %zu (issues %zu), text %.1f MB, sentences %zu, tokens %zu, time expressions %zu\n",
              articles.size(), issues, bytes / 1e6, sentences, tokens, times);
  std::printf("prepare_document+anchor_times: best of %d: wall %.3f s = %.1f MB/s, cpu %.3f s = %.1f MB/s (one core)\n",
              repeats, best, bytes / 1e6 / best, best_cpu, bytes / 1e6 / best_cpu);
  return 0;
}
