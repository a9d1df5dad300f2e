#pragma once
// Readers: files, directories, stdin and .gz into Articles.
// Formats: plain text (optional "Title:/Date:/Source:/URL:" header block, then
// a blank line), JSONL (id, title, date, source, url, text per line), HTML.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"

namespace geokg {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };
const char* to_string(InputFormat f);
std::optional<InputFormat> input_format_from_string(std::string_view s);

struct ReadOptions {
  // How to parse inputs. Default: detected from the content.
  InputFormat format = InputFormat::kAuto;
  // Date for articles that carry none (--date). Default: none.
  Date default_date;
  // Publisher for articles that name none (--source). Default: "".
  std::string default_source;
  // Largest article text accepted; larger ones are skipped with a message. Default: 16 MiB.
  std::size_t max_article_bytes = 16u << 20;
};

// A problem with one input that does not stop the run: the input is skipped.
struct ReadIssue {
  std::string where;     // "feed.jsonl:17", "pages/a.html"
  std::string message;   // "malformed JSON: ...", "missing \"text\""
};

using ArticleSink = std::function<bool(Article&&)>;        // return false to stop reading
using IssueSink = std::function<void(const ReadIssue&)>;

// Reads `path`: a file, a directory (recursively, in name order), "-" for
// stdin; ".gz" files are decompressed. Every article goes to `on_article`,
// every skipped input or line to `on_issue`.
// Returns NotFound for a missing path, IOError when the path cannot be read
// at all; Ok otherwise (even when some inputs were skipped).
Status read_articles(const std::string& path, const ReadOptions& options,
                     const ArticleSink& on_article, const IssueSink& on_issue);

// Pure parsers over content already in memory; `origin` names it in messages.
InputFormat detect_format(std::string_view content, std::string_view file_name);
Result<Article> parse_text_article(std::string_view content, const ReadOptions& options,
                                   const std::string& origin);
Result<Article> parse_jsonl_line(std::string_view line, const ReadOptions& options,
                                 const std::string& origin);
Result<Article> parse_html_article(std::string_view content, const ReadOptions& options,
                                   const std::string& origin);

}  // namespace geokg
