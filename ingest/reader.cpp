#include "geokg/ingest/reader.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "geokg/core/ids.hpp"
#include "geokg/core/utf8.hpp"
#include "geokg/extract/time.hpp"
#include "reader_impl.hpp"

namespace geokg {

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

}  // namespace geokg
