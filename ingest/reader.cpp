#include "geokg/ingest/reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

#include "geokg/core/ids.hpp"
#include "geokg/core/utf8.hpp"
#include "geokg/ingest/time.hpp"
#include "input_stream.hpp"
#include "reader_impl.hpp"

namespace geokg {

namespace fs = std::filesystem;

// ---- bytes, shared with the other readers (reader_impl.hpp) ----------------------

namespace detail {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Doing it here (not in normalisation) keeps Article::text, the evidence
// offsets into it and JSON output consistent.
std::string sanitize_utf8(std::string_view s) {
  std::size_t i = 0;
  for (; i < s.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decode_utf8(s, i, cp);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return std::string(s);
  std::string out(s.substr(0, i));
  out.reserve(s.size() + 16);
  while (i < s.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = decode_utf8(s, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string utf16_to_utf8(std::string_view s, bool big_endian) {
  std::string out;
  out.reserve(s.size());
  const auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
      const std::uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
  }
  if (s.size() % 2) out += "\xEF\xBF\xBD";
  return out;
}


std::string too_big(std::uint64_t size, std::uint64_t cap, const char* what) {
  return std::string(what) + " of " + std::to_string(size) + " bytes exceeds the limit of " +
         std::to_string(cap) + " bytes";
}

std::optional<Date> parse_date_value(std::string_view v) {
  v = trim(v);
  if (v.empty()) return std::nullopt;
  if (auto d = Date::Parse(v)) return d;
  auto d = resolve_time_expression(v, Date{});
  if (d && d->known()) return d;
  return std::nullopt;
}

void finish_article(Article& a, const ReadOptions& options, const std::string& origin) {
  a.origin = origin;
  if (!a.date.known()) a.date = options.default_date;
  if (a.source.empty()) a.source = options.default_source;
  if (a.id.empty()) a.id = article_id(a.url, a.text);
}

Status check_size(const Article& a, const ReadOptions& options) {
  if (a.text.size() > options.max_article_bytes)
    return Status::Limit(too_big(a.text.size(), options.max_article_bytes, "article"));
  return Status::Ok();
}


}  // namespace detail

using namespace detail;

// ---- formats --------------------------------------------------------------------------

const char* to_string(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kJson: return "json";
    case InputFormat::kHtml: return "html";
  }
  return "auto";
}

std::optional<InputFormat> input_format_from_string(std::string_view s) {
  if (s == "auto") return InputFormat::kAuto;
  if (s == "text" || s == "txt") return InputFormat::kText;
  if (s == "jsonl" || s == "ndjson") return InputFormat::kJsonl;
  if (s == "json") return InputFormat::kJson;
  if (s == "html" || s == "htm") return InputFormat::kHtml;
  return std::nullopt;
}

std::string article_extension(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  if (iends_with(base, ".gz")) base.remove_suffix(3);
  const std::size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(base.substr(dot + 1));
  for (char& c : ext) c = ascii_lower(c);
  return ext;
}

namespace {

// Content after leading whitespace (the byte order mark is gone by now).
std::string_view skip_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  return s;
}

// '[' then '{' or ']': an array of objects, not a text that opens with "[Updated]".
bool opens_json_array(std::string_view s) {
  if (s.empty() || s.front() != '[') return false;
  const std::string_view rest = skip_space(s.substr(1));
  return !rest.empty() && (rest.front() == '{' || rest.front() == ']');
}

// JSON Lines after a first line that is not one (a comment, a broken record):
// among the first 16 complete non-blank lines, one is an object with a "text"
// member, or most start with '{'.
bool mostly_json_lines(std::string_view s) {
  int lines = 0, braces = 0;
  bool article = false;
  while (!s.empty() && lines < 16) {
    const std::size_t eol = s.find('\n');
    if (eol == std::string_view::npos) break;   // a line cut by the sample proves nothing
    const std::string_view line = trim(s.substr(0, eol));
    s.remove_prefix(eol + 1);
    if (line.empty()) continue;
    ++lines;
    if (line.front() != '{') continue;
    ++braces;
    if (!article && line.back() == '}') {
      const auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
      article = !j.is_discarded() && j.is_object() && j.contains("text");
    }
  }
  return article || (lines > 0 && 2 * braces > lines);
}

}  // namespace

InputFormat detect_format(std::string_view content, std::string_view file_name) {
  // Content that is JSON wins over any name but a JSON one; a JSON name wins
  // over any content, so that a broken record is reported as one (with its
  // line) instead of the whole file becoming a text article.
  const std::string ext = article_extension(file_name);
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  if (ext == "json") return InputFormat::kJson;
  const std::string_view s = skip_space(content);
  if (opens_json_array(s)) return InputFormat::kJson;
  if (!s.empty() && s.front() == '{') {
    // One object per line, or objects across lines (pretty-printed).
    const std::string_view first = trim(s.substr(0, s.find('\n')));
    return first.size() > 1 && first.back() == '}' ? InputFormat::kJsonl : InputFormat::kJson;
  }
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return InputFormat::kHtml;
  if (istarts_with(s, "<!doctype") || istarts_with(s, "<html") || istarts_with(s, "<?xml"))
    return InputFormat::kHtml;
  const std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 64 * 1024));
  if (ifind(head, "<body") != std::string_view::npos || ifind(head, "<p>") != std::string_view::npos ||
      ifind(head, "<p ") != std::string_view::npos)
    return InputFormat::kHtml;
  if (mostly_json_lines(head)) return InputFormat::kJsonl;
  return InputFormat::kText;
}

Result<Article> parse_text_article(std::string_view content, const ReadOptions& options,
                                   const std::string& origin) {
  const std::string text = sanitize_utf8(content);
  Article a;
  std::string_view rest(text);
  if (rest.size() >= 3 && rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  // A header block: only Title/Date/Source/URL/Id lines, then a blank line.
  {
    std::string_view p = rest;
    Article h;
    bool any = false, ok = true, blank = false;
    while (!p.empty()) {
      const std::size_t eol = p.find('\n');
      std::string_view line = p.substr(0, eol);
      p = eol == std::string_view::npos ? std::string_view{} : p.substr(eol + 1);
      line = trim(line);
      if (line.empty()) {
        blank = true;
        break;
      }
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) { ok = false; break; }
      const std::string_view key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
      if (istarts_with(key, "title") && key.size() == 5) h.title = value;
      else if (istarts_with(key, "source") && key.size() == 6) h.source = value;
      else if (istarts_with(key, "url") && key.size() == 3) h.url = value;
      else if (istarts_with(key, "id") && key.size() == 2) h.id = value;
      else if (istarts_with(key, "date") && key.size() == 4) {
        auto d = parse_date_value(value);
        if (!d) return Status::InvalidInput("unparseable Date: '" + std::string(value) + "'");
        h.date = *d;
      } else { ok = false; break; }
      any = true;
    }
    if (any && ok && (blank || p.empty())) {
      a = std::move(h);
      rest = p;
    }
  }
  while (!rest.empty() && (rest.front() == '\n' || rest.front() == '\r')) rest.remove_prefix(1);
  a.text = std::string(rest);
  if (trim(a.text).empty()) return Status::InvalidInput("empty article text");
  if (Status s = check_size(a, options); !s.ok()) return s;
  finish_article(a, options, origin);
  return a;
}

namespace {

// The usual JSONL article line, a flat object whose values are all strings or
// null, parsed without building a DOM: nlohmann's lexer appends a string byte
// by byte, which made it 90% of the reader thread's time (the reader feeds
// every worker). Anything else (a number, a nested value, a duplicate key, an
// escape or byte JSON forbids) returns nullopt, and the line goes through
// nlohmann as before, for the same result or the same error message.
class FlatJsonObject {
 public:
  using Fields = std::vector<std::pair<std::string, std::optional<std::string>>>;

  static std::optional<Fields> parse(std::string_view s) {
    FlatJsonObject r(s);
    Fields fields;
    if (!r.object(fields)) return std::nullopt;
    return fields;
  }

 private:
  explicit FlatJsonObject(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool object(Fields& fields) {
    space();
    if (!eat('{')) return false;
    space();
    if (!eat('}')) {
      for (;;) {
        std::string key;
        if (!string(key)) return false;
        for (const auto& f : fields)
          if (f.first == key) return false;   // duplicate: nlohmann decides
        space();
        if (!eat(':')) return false;
        space();
        std::optional<std::string> value;
        if (p_ < end_ && *p_ == '"') {
          value.emplace();
          if (!string(*value)) return false;
        } else if (end_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
          p_ += 4;
        } else {
          return false;
        }
        fields.emplace_back(std::move(key), std::move(value));
        space();
        if (eat(',')) {
          space();
          continue;
        }
        if (eat('}')) break;
        return false;
      }
    }
    space();
    return p_ == end_;
  }

  // A JSON string at p_, decoded into `out` (escapes and \u surrogate pairs).
  bool string(std::string& out) {
    if (!eat('"')) return false;
    for (;;) {
      const char* q = p_;
      while (q < end_ && *q != '"' && *q != '\\' && static_cast<unsigned char>(*q) >= 0x20) ++q;
      out.append(p_, q);
      p_ = q;
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      if (*p_++ == '"') return true;
      if (p_ == end_) return false;
      switch (*p_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate pairs with the low one after it; alone (as
            // truncating writers leave it) it stands for U+FFFD, as any bad
            // byte does, instead of costing the article.
            std::uint32_t low = 0;
            const char* after = p_;
            if (eat('\\') && eat('u') && hex4(low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              p_ = after;
              cp = 0xFFFD;
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          append_utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
  }

  bool hex4(std::uint32_t& v) {
    if (end_ - p_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  void space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool eat(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  const char* p_;
  const char* end_;
};

// What both JSONL paths do once the fields are read: the text must say
// something, a non-blank date must parse, then the size cap and finishing.
Result<Article> finish_jsonl_article(Article a, std::string_view date, const ReadOptions& options,
                                     const std::string& origin) {
  if (trim(a.text).empty()) return Status::InvalidInput("empty \"text\"");
  if (!trim(date).empty()) {
    auto parsed = parse_date_value(date);
    if (!parsed) return Status::InvalidInput("unparseable \"date\": '" + std::string(date) + "'");
    a.date = *parsed;
  }
  if (Status s = check_size(a, options); !s.ok()) return s;
  finish_article(a, options, origin);
  return a;
}

// nlohmann refuses a \\u escape of an unpaired surrogate; the flat parser
// reads it as U+FFFD, and so does this rewrite for the lines nlohmann parses.
void replace_lone_surrogates(std::string& s) {
  const auto unit_at = [&](std::size_t i) -> std::optional<std::uint32_t> {
    if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return std::nullopt;
    std::uint32_t v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
      const char c = s[k];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return std::nullopt;
    }
    return v;
  };
  for (std::size_t i = s.find('\\'); i != std::string::npos && i + 1 < s.size(); i = s.find('\\', i)) {
    const auto u = unit_at(i);
    if (!u) {
      i += 2;   // another escape, or a stray backslash nlohmann will refuse
      continue;
    }
    if (*u >= 0xD800 && *u <= 0xDBFF) {
      const auto low = unit_at(i + 6);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        i += 12;
        continue;
      }
    }
    if (*u >= 0xD800 && *u <= 0xDFFF) s.replace(i + 2, 4, "FFFD");
    i += 6;
  }
}

// parse_jsonl_line over fields FlatJsonObject read: the same checks, in the
// same order, as the nlohmann path below.
Result<Article> article_from_fields(FlatJsonObject::Fields& fields, const ReadOptions& options,
                                    const std::string& origin) {
  auto find = [&](std::string_view key) -> std::optional<std::string>* {
    for (auto& f : fields)
      if (f.first == key) return &f.second;
    return nullptr;
  };
  Article a;
  for (auto [key, out] : {std::pair{"id", &a.id}, std::pair{"title", &a.title},
                          std::pair{"source", &a.source}, std::pair{"url", &a.url}}) {
    if (auto* v = find(key); v != nullptr && v->has_value()) *out = std::move(**v);
  }
  auto* t = find("text");
  if (t == nullptr || !t->has_value()) return Status::InvalidInput("missing \"text\"");
  a.text = std::move(**t);
  const auto* d = find("date");
  return finish_jsonl_article(std::move(a), d != nullptr && d->has_value() ? std::string_view(**d) : "",
                              options, origin);
}

}  // namespace

Result<Article> parse_jsonl_line(std::string_view line, const ReadOptions& options,
                                 const std::string& origin) {
  std::string clean = sanitize_utf8(line);
  if (auto fields = FlatJsonObject::parse(clean)) return article_from_fields(*fields, options, origin);
  replace_lone_surrogates(clean);
  const auto j = nlohmann::json::parse(clean, nullptr, false);
  if (j.is_discarded()) return Status::InvalidInput("malformed JSON line");
  if (!j.is_object()) return Status::InvalidInput("JSON line is not an object");
  Article a;
  const auto str_field = [&](const char* key, std::string& out) -> Status {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return Status::Ok();
    if (it->is_string()) out = it->get<std::string>();
    else if (it->is_number_integer() && std::string_view(key) == "id") out = std::to_string(it->get<long long>());
    else return Status::InvalidInput(std::string("\"") + key + "\" is not a string");
    return Status::Ok();
  };
  for (auto [key, out] : {std::pair{"id", &a.id}, std::pair{"title", &a.title},
                          std::pair{"source", &a.source}, std::pair{"url", &a.url}}) {
    if (Status s = str_field(key, *out); !s.ok()) return s;
  }
  auto t = j.find("text");
  if (t == j.end() || t->is_null()) return Status::InvalidInput("missing \"text\"");
  if (!t->is_string()) return Status::InvalidInput("\"text\" is not a string");
  a.text = t->get<std::string>();
  std::string date;
  auto d = j.find("date");
  if (d != j.end() && !d->is_null()) {
    if (!d->is_string()) return Status::InvalidInput("\"date\" is not a string or null");
    date = d->get<std::string>();
  }
  return finish_jsonl_article(std::move(a), date, options, origin);
}

// ---- reading inputs ---------------------------------------------------------------------

namespace {

// Bad records listed one by one per input; past this many, counted in one line.
constexpr std::uint64_t kMaxIssuesPerInput = 20;
// Bytes looked at to tell the format.
constexpr std::size_t kDetectBytes = 64 * 1024;
// A .gz that decompresses to at most this much is checked whole (its CRC)
// before any record is read, so that a corrupt small file is skipped whole.
constexpr std::size_t kGzipCheckedBytes = std::size_t{64} << 20;
// Room for a text article's header block.
constexpr std::size_t kTextHeaderBytes = 64 * 1024;
// Entries read from one directory.
constexpr std::size_t kMaxDirectoryEntries = 1'000'000;

// Everything one run of read_articles shares.
struct ReadRun {
  const ReadOptions& options;
  const ArticleSink& on_article;
  const IssueSink& on_issue;
  bool stop = false;

  void ignored(const std::string& where, std::string message) {
    ReadIssue i{where, std::move(message)};
    i.ignored = true;
    on_issue(i);
  }
};

// The problems of one input: the first kMaxIssuesPerInput each on its own,
// then one line counting the rest.
class InputIssues {
 public:
  InputIssues(ReadRun& run, std::string name) : run_(run), name_(std::move(name)) {}
  ~InputIssues() {
    if (more_ == 0) return;
    ReadIssue i{name_, std::to_string(more_) + " more bad records not listed"};
    i.count = more_;
    run_.on_issue(i);
  }
  InputIssues(const InputIssues&) = delete;
  InputIssues& operator=(const InputIssues&) = delete;

  void operator()(std::string where, std::string message) {
    if (++seen_ <= kMaxIssuesPerInput) run_.on_issue(ReadIssue{std::move(where), std::move(message)});
    else ++more_;
  }
  const std::string& name() const { return name_; }

 private:
  ReadRun& run_;
  std::string name_;
  std::uint64_t seen_ = 0, more_ = 0;
};

bool emit(ReadRun& run, InputIssues& issue, const std::string& where, Result<Article> a) {
  if (!a.ok()) {
    issue(where, a.status().message());
    return true;
  }
  if (!run.on_article(std::move(a).value())) run.stop = true;
  return !run.stop;
}

// JSON Lines: one record per line, each line at most max_record_bytes.
void read_json_lines(detail::InputReader& in, ReadRun& run, InputIssues& issue) {
  std::uint64_t line_no = 0;
  for (;;) {
    std::string_view line;
    std::uint64_t length = 0;
    const auto r = in.next_line(line, run.options.max_record_bytes, length);
    if (r == detail::InputReader::Line::kEnd) return;
    ++line_no;
    const std::string where = issue.name() + ":" + std::to_string(line_no);
    if (r == detail::InputReader::Line::kTooLong) {
      issue(where, too_big(length, run.options.max_record_bytes, "line"));
      continue;
    }
    // A last line cut short by a read error is not a record; the error is reported.
    if (r == detail::InputReader::Line::kLastLine && !in.error().ok()) return;
    if (trim(line).empty()) continue;
    if (!emit(run, issue, where, parse_jsonl_line(line, run.options, where))) return;
  }
}

// JSON: the objects of a top-level array, or objects one after another
// (pretty-printed or not). The text is split into records by their brackets
// and strings, each record parsed as a JSONL line is, each named by the line
// it starts on. After a broken record, reading goes on at the next line that
// starts with '{'.
class JsonRecords {
 public:
  JsonRecords(ReadRun& run, InputIssues& issue) : run_(run), issue_(issue) {}

  void read(detail::InputReader& in) {
    std::string chunk(256 * 1024, '\0');
    for (;;) {
      const std::size_t got = in.read(chunk.data(), chunk.size());
      if (got == 0) break;
      for (std::size_t i = 0; i < got && !run_.stop; ++i) feed(chunk[i]);
      if (run_.stop) return;
    }
    if (!in.error().ok()) return;   // reported by the caller; a cut record is no record
    if (in_record_) {
      if (scalar_) finish();
      else fail("malformed JSON: the input ends inside this record");
    }
    if (in_array_) issue_(where(line_), "the JSON array is not closed (the input may be cut short)");
  }

 private:
  std::string where(std::uint64_t line) const { return issue_.name() + ":" + std::to_string(line); }

  void start(char c) {
    in_record_ = true;
    record_.assign(1, c);
    length_ = 1;
    record_line_ = line_;
    depth_ = (c == '{' || c == '[') ? 1 : 0;
    scalar_ = depth_ == 0;
    in_string_ = c == '"';
    escape_ = false;
  }

  void append(char c) {
    ++length_;
    if (length_ <= run_.options.max_record_bytes) record_ += c;
    else if (!record_.empty()) std::string().swap(record_);   // too long: kept no more
  }

  void finish() {
    in_record_ = false;
    const std::string at = where(record_line_);
    if (length_ > run_.options.max_record_bytes)
      issue_(at, too_big(length_, run_.options.max_record_bytes, "record"));
    else
      emit(run_, issue_, at, parse_jsonl_line(record_, run_.options, at));
    std::string().swap(record_);
  }

  void fail(const std::string& message) {
    in_record_ = false;
    std::string().swap(record_);
    issue_(where(record_line_), message);
  }

  static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  void feed(char c) {
    const bool line_start = at_line_start_;
    at_line_start_ = c == '\n';
    if (!in_record_) {
      top(c, line_start);
    } else if (line_start && c == '{' && !scalar_) {
      fail("malformed JSON: this record never ends (a new one starts on line " + std::to_string(line_) + ")");
      start(c);
    } else if (scalar_ && !in_string_ && (c == ',' || c == ']' || space(c))) {
      finish();   // an array element that is not an object: the parser says so
      top(c, line_start);
    } else {
      record(c);
    }
    if (c == '\n') ++line_;
  }

  void record(char c) {
    append(c);
    if (in_string_) {
      if (escape_) escape_ = false;
      else if (c == '\\') escape_ = true;
      else if (c == '"') in_string_ = false;
      else if (c == '\n') {
        fail("malformed JSON: a string runs past the end of line " + std::to_string(line_));
        skipping_ = true;
      }
      return;
    }
    if (c == '"') in_string_ = true;
    else if (c == '{' || c == '[') ++depth_;
    else if ((c == '}' || c == ']') && --depth_ == 0) finish();
  }

  // Between records.
  void top(char c, bool line_start) {
    if (skipping_) {
      if (line_start && c == '{') {
        skipping_ = false;
        start(c);
      }
      return;
    }
    if (space(c)) return;
    const bool value = c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' ||
                       c == 'f' || c == 'n';
    if (c == '{' || (in_array_ && value)) {
      start(c);
    } else if (c == '[') {
      in_array_ = true;
    } else if (in_array_ && (c == ',' || c == ']')) {
      in_array_ = c == ',';
    } else {
      issue_(where(line_), std::string("malformed JSON: '") + c + "' where a record should start");
      skipping_ = true;
    }
  }

  ReadRun& run_;
  InputIssues& issue_;
  std::string record_;
  std::uint64_t length_ = 0, line_ = 1, record_line_ = 1;
  int depth_ = 0;
  bool in_record_ = false, scalar_ = false, in_string_ = false, escape_ = false;
  bool in_array_ = false, skipping_ = false;
  bool at_line_start_ = true;
};

// One text or HTML article: the whole input, refused past its cap before it is read.
void read_one_article(detail::InputReader& in, InputFormat fmt, std::optional<std::uint64_t> size,
                      ReadRun& run, InputIssues& issue) {
  const bool html = fmt == InputFormat::kHtml;
  const std::size_t max = run.options.max_article_bytes;
  const std::size_t cap = html ? run.options.max_html_bytes : max + kTextHeaderBytes;
  const auto refuse = [&](const std::string& bytes) {
    const std::string limit = std::to_string(html ? cap : max);
    issue(issue.name(), (html ? "HTML input of " : "article of ") + bytes + " bytes exceeds the limit of " + limit +
                            " bytes");
  };
  if (size && *size > cap) return refuse(std::to_string(*size));
  auto content = in.rest(cap);
  if (!content.ok()) {
    if (content.status().code() == Status::Code::kLimit) return refuse("more than " + std::to_string(cap));
    return issue(issue.name(), content.status().message());
  }
  emit(run, issue, issue.name(),
       html ? parse_html_article(*content, run.options, issue.name())
            : parse_text_article(*content, run.options, issue.name()));
}

// One input: decoders, checks, format, records. `size` is the input's when
// known (a regular file).
void read_input(std::unique_ptr<detail::ByteSource> raw, const std::string& name,
                std::optional<std::uint64_t> size, ReadRun& run) {
  InputIssues issue(run, name);
  detail::OpenedInput opened = detail::open_input(std::move(raw));
  detail::InputReader& in = *opened.reader;
  if (iends_with(name, ".gz") && !opened.gzip) return issue(name, "not gzip data (no gzip header)");
  if (opened.gzip) size.reset();
  // A small .gz is decompressed whole first: its CRC is checked before any record counts.
  const std::string_view head =
      opened.gzip ? in.peek(kGzipCheckedBytes + 1) : in.peek_lines(kDetectBytes);
  if (Status e = in.error(); !e.ok() && (head.size() <= kGzipCheckedBytes || !opened.gzip))
    return issue(name, e.message());
  if (std::memchr(head.data(), 0, std::min<std::size_t>(head.size(), 1024)))
    return issue(name, "binary file (NUL bytes), skipped");
  if (trim(head).empty() && head.size() < kDetectBytes) return issue(name, "empty input");

  const InputFormat fmt = run.options.format == InputFormat::kAuto
                              ? detect_format(head.substr(0, kDetectBytes), name)
                              : run.options.format;
  switch (fmt) {
    case InputFormat::kJsonl: read_json_lines(in, run, issue); break;
    case InputFormat::kJson: JsonRecords(run, issue).read(in); break;
    default: return read_one_article(in, fmt, size, run, issue);
  }
  if (Status e = in.error(); !e.ok()) issue(name, e.message());
}

bool hidden_name(const std::string& n) { return !n.empty() && n[0] == '.'; }

bool extension_allowed(const ReadOptions& options, const std::string& name) {
  const std::string ext = article_extension(name);
  for (const auto& e : options.extensions)
    if (e == "*" || e == ext) return true;
  return false;
}

void read_file(const std::string& path, std::optional<std::uint64_t> size, ReadRun& run) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    InputIssues(run, path)(path, std::string("cannot open: ") + std::strerror(errno));
    return;
  }
  read_input(std::make_unique<detail::FdSource>(fd, true), path, size, run);
}

// A directory, recursively: entries in name order, hidden ones left out,
// files read when their extension is an article format.
void read_directory(const fs::path& dir, ReadRun& run) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  const auto unreadable = [&] {
    InputIssues(run, dir.string())(dir.string(), "cannot read directory: " + ec.message());
  };
  if (ec) return unreadable();
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return unreadable();
    if (hidden_name(it->path().filename().string())) continue;
    if (entries.size() == kMaxDirectoryEntries) {
      InputIssues(run, dir.string())(dir.string(), "directory of more than " +
                                                       std::to_string(kMaxDirectoryEntries) +
                                                       " entries; split it");
      return;
    }
    entries.push_back(*it);
  }
  if (ec) return unreadable();
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    if (run.stop) return;
    const std::string path = e.path().string();
    const auto link = e.symlink_status(ec);
    const auto st = e.status(ec);
    if (fs::is_directory(st)) {
      if (fs::is_symlink(link)) run.ignored(path, "symbolic link to a directory, not followed");
      else read_directory(e.path(), run);
    } else if (!fs::is_regular_file(st)) {
      run.ignored(path, ec ? "cannot read: " + ec.message() : "not a regular file");
    } else if (!extension_allowed(run.options, path)) {
      const std::string ext = article_extension(path);
      run.ignored(path, (ext.empty() ? std::string("no file extension") : "extension ." + ext) +
                            " is not an article format (--extensions to read it)");
    } else {
      const auto size = e.file_size(ec);
      read_file(path, ec ? std::nullopt : std::optional<std::uint64_t>(size), run);
    }
  }
}

}  // namespace

Status read_articles(const std::string& path, const ReadOptions& options,
                     const ArticleSink& on_article, const IssueSink& on_issue) {
  ReadRun run{options, on_article, on_issue};
  if (path == "-") {
    read_input(std::make_unique<detail::FdSource>(STDIN_FILENO, false), "<stdin>", std::nullopt, run);
    return Status::Ok();
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Status::NotFound("no such file or directory: " + path);
    return Status::IOError("cannot read " + path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    read_directory(path, run);
    return Status::Ok();
  }
  // A file, FIFO or device the user named: read whatever its name.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  read_input(std::make_unique<detail::FdSource>(fd, true), path,
             S_ISREG(st.st_mode) ? std::optional<std::uint64_t>(st.st_size) : std::nullopt, run);
  return Status::Ok();
}

void read_articles_from(std::string_view content, const std::string& name, const ReadOptions& options,
                        const ArticleSink& on_article, const IssueSink& on_issue) {
  ReadRun run{options, on_article, on_issue};
  read_input(std::make_unique<detail::MemorySource>(content), name, content.size(), run);
}

}  // namespace geokg
