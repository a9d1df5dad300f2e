#include "geokg/ingest/reader.hpp"

namespace geokg {

const char* to_string(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kHtml: return "html";
  }
  return "auto";
}
std::optional<InputFormat> input_format_from_string(std::string_view s) {
  if (s == "auto") return InputFormat::kAuto;
  if (s == "text") return InputFormat::kText;
  if (s == "jsonl") return InputFormat::kJsonl;
  if (s == "html") return InputFormat::kHtml;
  return std::nullopt;
}
Status read_articles(const std::string&, const ReadOptions&, const ArticleSink&, const IssueSink&) {
  return Status::Internal("not implemented");
}
InputFormat detect_format(std::string_view, std::string_view) { return InputFormat::kText; }
Result<Article> parse_text_article(std::string_view, const ReadOptions&, const std::string&) {
  return Status::Internal("not implemented");
}
Result<Article> parse_jsonl_line(std::string_view, const ReadOptions&, const std::string&) {
  return Status::Internal("not implemented");
}
Result<Article> parse_html_article(std::string_view, const ReadOptions&, const std::string&) {
  return Status::Internal("not implemented");
}

}  // namespace geokg
