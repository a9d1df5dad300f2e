#pragma once
// Readers: files, directories, stdin, FIFOs and gzip streams into Articles.
// Formats: plain text (optional "Title:/Date:/Source:/URL:" header block, then
// a blank line), JSONL (id, title, date, source, url, text per line), JSON (an
// array of such objects, or objects one after another), HTML.
//
// Memory is bounded whatever the input: JSON records are read one at a time
// (at most max_record_bytes each), gzip is decompressed as it is read, a text
// or HTML article is refused past its cap before more of it is read.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"

namespace geokg {

enum class InputFormat { kAuto, kText, kJsonl, kJson, kHtml };
const char* to_string(InputFormat f);
std::optional<InputFormat> input_format_from_string(std::string_view s);

struct ReadOptions {
  // How to parse inputs. Default: detected from the content.
  InputFormat format = InputFormat::kAuto;
  // Date for articles that carry none (--date). Default: none.
  Date default_date;
  // Publisher for articles that name none (--source). Default: "".
  std::string default_source;
  // Largest article text accepted; larger ones are skipped with a message.
  // A text input may be this plus 64 KiB (header block). Default: 16 MiB.
  std::size_t max_article_bytes = 16u << 20;
  // Largest HTML input, markup included, refused before it is parsed: the
  // parser's time and memory grow with the markup (README "Limits"), and no
  // news page comes near. Default: 16 MiB.
  std::size_t max_html_bytes = 16u << 20;
  // Largest JSONL line or JSON record; longer ones are read past without
  // being kept, and skipped with a message. Default: 32 MiB.
  std::size_t max_record_bytes = 32u << 20;
  // The extensions (lower case, no dot, ".gz" implied) of the files read
  // from a directory; other files are ignored with a note. "" stands for
  // files without an extension, "*" for every file. Files named directly
  // are always read.
  std::vector<std::string> extensions = {"txt", "text", "jsonl", "ndjson", "json",
                                         "html", "htm", "xhtml", "shtml"};
};

// A problem with one input that does not stop the run: the input (or the
// line) is skipped. An ignored file is not a problem: a directory's file left
// out by choice (its extension, not a regular file).
struct ReadIssue {
  std::string where;     // "feed.jsonl:17", "pages/a.html"
  std::string message;   // "malformed JSON: ...", "missing \"text\""
  std::uint64_t count = 1;   // inputs or records this issue stands for
  bool ignored = false;
};

using ArticleSink = std::function<bool(Article&&)>;        // return false to stop reading
using IssueSink = std::function<void(const ReadIssue&)>;

// Reads `path`: a file, FIFO or device, a directory (recursively, in name
// order, hidden entries left out, only files with ReadOptions::extensions),
// "-" for stdin. gzip data is decompressed whatever the name. Every article
// goes to `on_article`, every skipped input or line to `on_issue` (at most 20
// records per input one by one, then one issue counting the rest).
// Returns NotFound for a missing path, IOError when the path cannot be read
// at all; Ok otherwise (even when some inputs were skipped).
Status read_articles(const std::string& path, const ReadOptions& options,
                     const ArticleSink& on_article, const IssueSink& on_issue);

// read_articles over content already in memory, as if read from a file
// named `name` (its name takes part in format detection).
void read_articles_from(std::string_view content, const std::string& name, const ReadOptions& options,
                        const ArticleSink& on_article, const IssueSink& on_issue);

// Pure parsers over content already in memory; `origin` names it in messages.
// detect_format decides by the name and the content together: a .jsonl /
// .ndjson / .json name is JSON whatever its content (a broken first line is
// reported as such, never read as text); content that opens as JSON is JSON
// whatever its name but these; otherwise HTML by name or markup, JSONL when
// most of the first lines are JSON objects, else text.
InputFormat detect_format(std::string_view content, std::string_view file_name);
// The lower-case extension of a file name, ".gz" ignored: "a/B.JSONL.gz" -> "jsonl".
std::string article_extension(std::string_view file_name);
Result<Article> parse_text_article(std::string_view content, const ReadOptions& options,
                                   const std::string& origin);
Result<Article> parse_jsonl_line(std::string_view line, const ReadOptions& options,
                                 const std::string& origin);
Result<Article> parse_html_article(std::string_view content, const ReadOptions& options,
                                   const std::string& origin);
// The markup parse_html_article hands to the HTML parser: tags beyond 256
// open elements, beyond 12 open formatting elements (<b>, <i>, <font>...) or
// beyond 100,000 elements removed, their text kept (the parser's time and
// memory grow faster than the input past these). nullopt when nothing goes.
std::optional<std::string> bound_html(std::string_view html);

}  // namespace geokg
