// Throughput of the syntactic stage on one core: documents are prepared
// first (prepare_document), then parse_sentence (tagging + parsing) runs on
// every sentence, timed in process CPU time, best of REPEATS.
// Usage: parser_bench [ARTICLES] [DATA_DIR] [REPEATS]
//   (default ../shared/corpus/articles.jsonl, data, 3)

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/ingest/reader.hpp"
#include "geokg/extract/syntax.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/extract/text.hpp"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/corpus/articles.jsonl";
  const std::string data = argc > 2 ? argv[2] : "data";
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
  auto tagger = geokg::load_tagger(data + "/tagger/ptb-perceptron.bin");
  auto parser = geokg::load_parser(data + "/parser/ud-arceager.bin");
  if (!tagger.ok() || !parser.ok()) {
    std::fprintf(stderr, "parser_bench: %s %s\n", tagger.ok() ? "" : tagger.status().to_string().c_str(),
                 parser.ok() ? "" : parser.status().to_string().c_str());
    return 1;
  }
  std::vector<geokg::Article> articles;
  const geokg::Status s = geokg::read_articles(
      path, geokg::ReadOptions{},
      [&](geokg::Article&& a) {
        articles.push_back(std::move(a));
        return true;
      },
      [&](const geokg::ReadIssue&) {});
  if (!s.ok()) {
    std::fprintf(stderr, "parser_bench: %s\n", s.to_string().c_str());
    return 1;
  }
  std::vector<geokg::Document> docs;
  std::size_t bytes = 0, tokens = 0, sentences = 0;
  for (const auto& a : articles) {
    docs.push_back(geokg::prepare_document(a));
    bytes += a.text.size();
    tokens += docs.back().tokens.size();
    sentences += docs.back().sentences.size();
  }
  double best_tag = 1e30, best_all = 1e30;
  for (int r = 0; r < repeats; ++r) {
    std::clock_t c0 = std::clock();
    for (auto& d : docs) tagger->tag(d);
    best_tag = std::min(best_tag, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    c0 = std::clock();
    for (auto& d : docs)
      for (std::uint32_t i = 0; i < d.sentences.size(); ++i) geokg::parse_sentence(d, i, *tagger, *parser);
    best_all = std::min(best_all, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
  }
  std::printf("articles %zu, text %.2f MB, sentences %zu, tokens %zu\n", docs.size(), bytes / 1e6, sentences, tokens);
  std::printf("tagging only (PosTagger::tag): cpu %.3f s = %.0f tokens/s\n", best_tag, tokens / best_tag);
  std::printf("tagging + parsing every sentence (parse_sentence): cpu %.3f s = %.0f tokens/s = %.2f MB/s\n",
              best_all, tokens / best_all, bytes / 1e6 / best_all);
  return 0;
}
