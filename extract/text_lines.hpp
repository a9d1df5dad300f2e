#pragma once
// Internal to ingest: the boilerplate-line stage of prepare_document
// (text.cpp), defined in text_lines.cpp: which lines of a scraped page are
// article body or headings, and which are navigation, captions, bylines,
// credits and the like to drop.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::detail {

enum class LineKind : std::uint8_t { kBlank, kBody, kHeading, kDrop };

struct Line {
  std::uint32_t start = 0, end = 0;  // in the normalised text, trimmed
  LineKind kind = LineKind::kBody;
  bool shortish = false;   // headline-like or link-like: few words, no sentence end
  bool wrapped = false;    // part of a hard-wrapped prose paragraph
  bool block_start = false;  // first line after a blank line
  std::uint32_t words = 0;
};

// Splits the normalised text into trimmed lines and classifies each;
// `lowered` is its ASCII-lowercased copy, `title` the article's title (a
// line repeating it is no body).
void classify_lines(const std::string& text, const std::string& lowered, std::string_view title,
                    std::vector<Line>& lines);

}  // namespace geokg::detail
