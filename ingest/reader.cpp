#include "geokg/ingest/reader.hpp"

#include <gumbo.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <vector>

#include "geokg/core/ids.hpp"
#include "geokg/ingest/time.hpp"

namespace geokg {

namespace fs = std::filesystem;

namespace {

// ---- bytes ----------------------------------------------------------------

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[i]) != ascii_lower(prefix[i])) return false;
  return true;
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && istarts_with(s.substr(s.size() - suffix.size()), suffix);
}

std::size_t ifind(std::string_view s, std::string_view needle) {
  if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (istarts_with(s.substr(i), needle)) return i;
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the valid UTF-8 sequence at s[i], 0 when the bytes there are not
// one (overlong forms, surrogates and truncated sequences included).
std::size_t utf8_len(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

// The reader hands over valid UTF-8 only: every byte that is not part of a
// valid sequence becomes U+FFFD. Doing it here (not in normalisation) keeps
// Article::text, the evidence offsets into it and JSON output consistent.
std::string sanitize_utf8(std::string_view s) {
  std::size_t i = 0;
  for (; i < s.size();) {
    const std::size_t n = utf8_len(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) return std::string(s);
  std::string out(s.substr(0, i));
  out.reserve(s.size() + 16);
  while (i < s.size()) {
    const std::size_t n = utf8_len(s, i);
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

// ---- gzip -------------------------------------------------------------------

// Caps on one input file (the reader holds a file in memory while it splits
// it into articles). Beyond them the file is skipped with a message instead
// of exhausting memory: a whole file, or the decompressed content of a .gz
// (which also stops a decompression bomb), may hold at most 2 GiB; a text or
// HTML file holds one article, so it may hold at most 4 x max_article_bytes
// (HTML markup around the text included).
constexpr std::size_t kMaxInputBytes = std::size_t{2} << 30;
constexpr std::size_t kHtmlOverhead = 4;

std::string too_big(std::size_t size, std::size_t cap, const char* what) {
  return std::string(what) + " of " + std::to_string(size) + " bytes exceeds the limit of " +
         std::to_string(cap) + " bytes";
}

Result<std::string> gunzip(std::string_view in) {
  z_stream zs{};
  // 15 + 32: zlib or gzip header, detected.
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::Internal("zlib init failed");
  std::string out;
  char buf[1 << 16];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > kMaxInputBytes) {
      inflateEnd(&zs);
      return Status::Limit(too_big(out.size(), kMaxInputBytes, "decompressed input"));
    }
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members (what `cat a.gz b.gz` makes) continue.
      if (zs.avail_in == 0) break;
      if (inflateReset(&zs) != Z_OK) break;
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // input ended mid-stream
    if (rc != Z_OK) break;
  }
  inflateEnd(&zs);
  if (rc == Z_STREAM_END) return out;
  if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR)
    return Status::Corruption(std::string("corrupt gzip data") + (zs.msg ? std::string(": ") + zs.msg : ""));
  return Status::Corruption("truncated gzip data");
}

// ---- header block and dates -------------------------------------------------

// "2024-04-26", "2024-04-26T09:00:00Z", "April 26, 2024", "26 April 2024".
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
    return Status::Limit("article of " + std::to_string(a.text.size()) + " bytes exceeds the limit of " +
                         std::to_string(options.max_article_bytes) + " bytes");
  return Status::Ok();
}

// ---- HTML -------------------------------------------------------------------

bool is_dropped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MENU:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BR: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

// class/id/role words that mark page furniture rather than the story.
bool is_furniture(const GumboElement& e) {
  static constexpr std::string_view kWords[] = {
      "share", "social", "menu", "navbar", "breadcrumb", "related", "comment", "newsletter",
      "subscribe", "advert", "promo", "cookie", "sidebar", "footer", "header", "byline",
      "caption", "credit", "toolbar", "signup", "popup", "modal", "banner", "recommend"};
  for (const char* name : {"class", "id", "role"}) {
    const char* v = attr(e, name);
    if (!v) continue;
    const std::string_view s(v);
    for (auto w : kWords)
      if (ifind(s, w) != std::string_view::npos) return true;
  }
  const char* role = attr(e, "role");
  if (role && (istarts_with(role, "navigation") || istarts_with(role, "complementary"))) return true;
  return attr(e, "hidden") != nullptr || (attr(e, "aria-hidden") && std::string_view(attr(e, "aria-hidden")) == "true");
}

struct HtmlText {
  std::string out;
  bool pending_space = false;
  void brk() {
    pending_space = false;
    if (out.empty()) return;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') return;
    out += out.back() == '\n' ? "\n" : "\n\n";
  }
  void text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space = true;
        continue;
      }
      if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
      pending_space = false;
      out += c;
    }
  }
};

void collect_text(const GumboNode* node, HtmlText& t, int depth) {
  if (depth > 400) return;  // pathological nesting
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    t.text(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& e = node->v.element;
  if (is_dropped_tag(e.tag)) return;
  // <body> and <article> carry site-wide classes; only inner elements are judged.
  if (e.tag != GUMBO_TAG_BODY && e.tag != GUMBO_TAG_ARTICLE && e.tag != GUMBO_TAG_MAIN && is_furniture(e))
    return;
  const bool block = is_block_tag(e.tag);
  if (block) t.brk();
  for (unsigned i = 0; i < e.children.length; ++i)
    collect_text(static_cast<const GumboNode*>(e.children.data[i]), t, depth + 1);
  if (block) t.brk();
}

void node_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  for (unsigned i = 0; i < node->v.element.children.length; ++i)
    node_text(static_cast<const GumboNode*>(node->v.element.children.data[i]), out);
}

std::string collapse_ws(std::string_view s) {
  std::string out;
  bool sp = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      sp = true;
      continue;
    }
    if (sp && !out.empty()) out += ' ';
    sp = false;
    out += c;
  }
  return out;
}

struct HtmlFinds {
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::string title_tag, og_title, h1, date_meta, time_datetime, url, site;
};

void scan_html(const GumboNode* node, HtmlFinds& f, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 400) return;
  const GumboElement& e = node->v.element;
  switch (e.tag) {
    case GUMBO_TAG_TITLE:
      if (f.title_tag.empty()) node_text(node, f.title_tag);
      break;
    case GUMBO_TAG_H1:
      if (f.h1.empty()) node_text(node, f.h1);
      break;
    case GUMBO_TAG_ARTICLE:
      if (!f.article) f.article = node;
      break;
    case GUMBO_TAG_MAIN:
      if (!f.main) f.main = node;
      break;
    case GUMBO_TAG_BODY:
      if (!f.body) f.body = node;
      break;
    case GUMBO_TAG_TIME:
      if (f.time_datetime.empty() && attr(e, "datetime")) f.time_datetime = attr(e, "datetime");
      break;
    case GUMBO_TAG_META: {
      const char* key = attr(e, "property");
      if (!key) key = attr(e, "name");
      if (!key) key = attr(e, "itemprop");
      const char* content = attr(e, "content");
      if (key && content) {
        const std::string_view k(key);
        if (k == "og:title" && f.og_title.empty()) f.og_title = content;
        else if ((k == "article:published_time" || k == "datePublished" || k == "date" ||
                  k == "pubdate" || k == "publish-date" || k == "dc.date") && f.date_meta.empty())
          f.date_meta = content;
        else if (k == "og:url" && f.url.empty()) f.url = content;
        else if (k == "og:site_name" && f.site.empty()) f.site = content;
      }
      break;
    }
    default:
      break;
  }
  for (unsigned i = 0; i < e.children.length; ++i)
    scan_html(static_cast<const GumboNode*>(e.children.data[i]), f, depth + 1);
}

// Content after a possible BOM and leading whitespace.
std::string_view skip_space(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  return s;
}

// ---- files ------------------------------------------------------------------

Result<std::string> read_whole(std::istream& in) {
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError("read failed");
  return s;
}

// A regular file in one read of its known size (no doubling growth), or a
// Limit when it is larger than any input the reader accepts.
Result<std::string> read_file_bounded(const fs::path& p, std::ifstream& in) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) return read_whole(in);  // not a regular file (a FIFO...): read as a stream
  if (size > kMaxInputBytes) return Status::Limit(too_big(size, kMaxInputBytes, "file"));
  std::string s(size, '\0');
  in.read(s.data(), static_cast<std::streamsize>(size));
  s.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return Status::IOError("read failed");
  return s;
}

void read_content(std::string content, const std::string& name, const ReadOptions& options,
                  const ArticleSink& on_article, const IssueSink& on_issue, bool& stop) {
  const auto issue = [&](std::string where, std::string msg) { on_issue(ReadIssue{std::move(where), std::move(msg)}); };
  if (iends_with(name, ".gz")) {
    auto plain = gunzip(content);
    if (!plain.ok()) return issue(name, plain.status().message());
    content = std::move(plain).value();
  }
  if (content.size() >= 2 && static_cast<unsigned char>(content[0]) == 0xFF &&
      static_cast<unsigned char>(content[1]) == 0xFE) {
    content = utf16_to_utf8(std::string_view(content).substr(2), false);
  } else if (content.size() >= 2 && static_cast<unsigned char>(content[0]) == 0xFE &&
             static_cast<unsigned char>(content[1]) == 0xFF) {
    content = utf16_to_utf8(std::string_view(content).substr(2), true);
  } else if (std::memchr(content.data(), 0, std::min<std::size_t>(content.size(), 1024))) {
    return issue(name, "binary file (NUL bytes), skipped");
  }
  if (content.size() >= 3 && content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.erase(0, 3);
  if (trim(content).empty()) return issue(name, "empty input");

  InputFormat fmt = options.format == InputFormat::kAuto ? detect_format(content, name) : options.format;
  // One article per text or HTML file: refuse an oversized one before copying it.
  if (fmt == InputFormat::kText && content.size() > options.max_article_bytes + 64 * 1024)
    return issue(name, too_big(content.size(), options.max_article_bytes, "article"));
  if (fmt == InputFormat::kHtml && content.size() / kHtmlOverhead > options.max_article_bytes)
    return issue(name, too_big(content.size(), kHtmlOverhead * options.max_article_bytes, "HTML input"));
  if (fmt == InputFormat::kJsonl) {
    std::size_t line_no = 0, pos = 0;
    while (pos < content.size() && !stop) {
      std::size_t eol = content.find('\n', pos);
      if (eol == std::string::npos) eol = content.size();
      ++line_no;
      const std::string_view line(content.data() + pos, eol - pos);
      pos = eol + 1;
      if (trim(line).empty()) continue;
      const std::string where = name + ":" + std::to_string(line_no);
      auto a = parse_jsonl_line(line, options, where);
      if (!a.ok()) issue(where, a.status().message());
      else if (!on_article(std::move(a).value())) stop = true;
    }
    return;
  }
  auto a = fmt == InputFormat::kHtml ? parse_html_article(content, options, name)
                                     : parse_text_article(content, options, name);
  if (!a.ok()) return issue(name, a.status().message());
  if (!on_article(std::move(a).value())) stop = true;
}

bool hidden_name(const fs::path& p) {
  const std::string n = p.filename().string();
  return !n.empty() && n[0] == '.';
}

}  // namespace

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
  if (s == "text" || s == "txt") return InputFormat::kText;
  if (s == "jsonl" || s == "json") return InputFormat::kJsonl;
  if (s == "html" || s == "htm") return InputFormat::kHtml;
  return std::nullopt;
}

InputFormat detect_format(std::string_view content, std::string_view file_name) {
  const std::string_view s = skip_space(content);
  if (!s.empty() && s.front() == '{') {
    // JSONL when the first line parses as a JSON object.
    const std::string_view first = s.substr(0, s.find('\n'));
    const auto j = nlohmann::json::parse(first.begin(), first.end(), nullptr, false);
    if (!j.is_discarded() && j.is_object()) return InputFormat::kJsonl;
  }
  if (istarts_with(s, "<!doctype") || istarts_with(s, "<html") || istarts_with(s, "<?xml"))
    return InputFormat::kHtml;
  const std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 64 * 1024));
  if (ifind(head, "<body") != std::string_view::npos || ifind(head, "<p>") != std::string_view::npos ||
      ifind(head, "<p ") != std::string_view::npos)
    return InputFormat::kHtml;
  if ((iends_with(file_name, ".html") || iends_with(file_name, ".htm")) && !s.empty() && s.front() == '<')
    return InputFormat::kHtml;
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
            std::uint32_t low = 0;
            if (!eat('\\') || !eat('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
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
  const std::string clean = sanitize_utf8(line);
  if (auto fields = FlatJsonObject::parse(clean)) return article_from_fields(*fields, options, origin);
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

Result<Article> parse_html_article(std::string_view content, const ReadOptions& options,
                                   const std::string& origin) {
  const std::string clean = sanitize_utf8(content);
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, clean.data(), clean.size());
  if (!out) return Status::InvalidInput("HTML could not be parsed");
  HtmlFinds f;
  scan_html(out->root, f, 0);
  const GumboNode* root = f.article ? f.article : f.main ? f.main : f.body ? f.body : out->root;
  HtmlText t;
  collect_text(root, t, 0);
  gumbo_destroy_output(&kGumboDefaultOptions, out);

  Article a;
  a.text = std::string(trim(t.out));
  a.title = collapse_ws(!f.og_title.empty() ? f.og_title : !f.title_tag.empty() ? f.title_tag : f.h1);
  a.url = f.url;
  for (const std::string* v : {&f.date_meta, &f.time_datetime}) {
    if (v->empty()) continue;
    if (auto d = parse_date_value(*v)) {
      a.date = *d;
      break;
    }
  }
  if (trim(a.text).empty()) return Status::InvalidInput("no article text in HTML");
  if (Status s = check_size(a, options); !s.ok()) return s;
  finish_article(a, options, origin);
  return a;
}

Status read_articles(const std::string& path, const ReadOptions& options,
                     const ArticleSink& on_article, const IssueSink& on_issue) {
  bool stop = false;
  if (path == "-") {
    auto content = read_whole(std::cin);
    if (!content.ok()) return Status::IOError("cannot read stdin");
    read_content(std::move(content).value(), "<stdin>", options, on_article, on_issue, stop);
    return Status::Ok();
  }
  std::error_code ec;
  const fs::path root(path);
  const auto st = fs::status(root, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("no such file or directory: " + path);

  std::vector<fs::path> files;
  if (fs::is_directory(st)) {
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status::IOError("cannot read directory " + path + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        on_issue({it->path().string(), "cannot read: " + ec.message()});
        ec.clear();
        continue;
      }
      if (hidden_name(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(root);
  }

  for (const auto& f : files) {
    if (stop) break;
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      if (files.size() == 1 && !fs::is_directory(st)) return Status::IOError("cannot open " + f.string());
      on_issue({f.string(), "cannot open"});
      continue;
    }
    auto content = read_file_bounded(f, in);
    if (!content.ok()) {
      on_issue({f.string(), content.status().message()});
      continue;
    }
    read_content(std::move(content).value(), f.string(), options, on_article, on_issue, stop);
  }
  return Status::Ok();
}

}  // namespace geokg
