#pragma once
// The fuzzed entry points, shared by the libFuzzer targets (fuzz/*_fuzz.cpp)
// and by the regression replay test (tests/robust_fuzz_regressions_test.cpp),
// so that every crash libFuzzer finds is replayed through exactly the same
// code in the normal build, without clang.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "geokg/extract/extractor.hpp"
#include "geokg/ingest/model_files.hpp"
#include "geokg/ingest/reader.hpp"

namespace geokg::fuzz {

// Readers: format detection, then the parser for the detected format (JSONL
// line by line) and, so that every parser sees every input, the two others
// too; then the whole input path as read_articles takes a file (decoders,
// line and JSON record splitting, caps). The first byte picks a file name so
// the name-based detection paths run as well.
inline void run_readers(const std::uint8_t* data, std::size_t size) {
  static const char* kNames[] = {"a.txt", "a.html", "a.jsonl", "a", "a.json", "a.jsonl.gz"};
  std::string name = "in";
  std::string_view content(reinterpret_cast<const char*>(data), size);
  if (!content.empty()) {
    name = kNames[static_cast<unsigned char>(content[0]) % 6];
  }
  ReadOptions options;
  options.max_article_bytes = 1 << 20;
  const InputFormat f = detect_format(content, name);
  if (f == InputFormat::kJsonl) {
    std::size_t pos = 0;
    while (pos < content.size()) {
      std::size_t eol = content.find('\n', pos);
      if (eol == std::string_view::npos) eol = content.size();
      (void)parse_jsonl_line(content.substr(pos, eol - pos), options, name);
      pos = eol + 1;
    }
  } else {
    (void)parse_jsonl_line(content, options, name);
  }
  (void)parse_text_article(content, options, name);
  (void)parse_html_article(content, options, name);
  options.max_record_bytes = 1 << 16;
  read_articles_from(content, name, options, [](Article&&) { return true; }, [](const ReadIssue&) {});
}

// The extractor over fuzzed article text (as the text reader would hand it
// over: through parse_text_article, so it is valid UTF-8), and over the raw
// bytes as text, which the library must survive too.
inline void run_extractor(const Extractor& extractor, const std::uint8_t* data, std::size_t size) {
  std::string_view content(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_article_bytes = 1 << 20;
  auto a = parse_text_article(content, options, "fuzz");
  if (a.ok()) (void)extractor.extract(a.value());
}

}  // namespace geokg::fuzz
