#include "geokg/query/text.hpp"

#include <cstdint>
#include <ctime>

#include "geokg/core/utf8.hpp"

namespace geokg::query {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Shared walk: calls emit(piece) for each valid character (after mapping
// controls to ' ' unless keep_newlines and the byte is \n or \r).
template <typename Emit>
void walk(std::string_view s, bool keep_newlines, Emit&& emit) {
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decode_utf8(s, i, cp);
    if (n == 0) {
      emit(kReplacement, 0xFFFD);
      ++i;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F) {
      if (keep_newlines && (cp == '\n' || cp == '\r')) emit(s.substr(i, 1), cp);
      else emit(std::string_view(" "), 0x20);
    } else if (cp == 0xFFFE || cp == 0xFFFF) {
      emit(kReplacement, 0xFFFD);  // not allowed in XML
    } else {
      emit(s.substr(i, n), cp);
    }
    i += n;
  }
}

}  // namespace

std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  walk(s, false, [&](std::string_view piece, std::uint32_t) { out += piece; });
  return out;
}

std::string one_line(std::string_view s, std::size_t max_chars) {
  std::string out;
  out.reserve(s.size());
  std::size_t chars = 0;
  bool pending_space = false;
  bool cut = false;
  walk(s, false, [&](std::string_view piece, std::uint32_t cp) {
    if (cut) return;
    if (cp == 0x20 || cp == 0xA0) {
      pending_space = !out.empty();
      return;
    }
    const std::size_t need = pending_space ? 2 : 1;
    if (max_chars != 0 && chars + need > max_chars) {
      cut = true;
      return;
    }
    if (pending_space) {
      out += ' ';
      ++chars;
      pending_space = false;
    }
    out += piece;
    ++chars;
  });
  if (cut) {
    // Leave room for the ellipsis.
    while (max_chars != 0 && chars >= max_chars && !out.empty()) {
      std::size_t k = out.size() - 1;
      while (k > 0 && (static_cast<unsigned char>(out[k]) & 0xC0) == 0x80) --k;
      out.resize(k);
      --chars;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\xE2\x80\xA6";  // …
  }
  return out;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  for (std::size_t w = display_width(s); w < width; ++w) out += ' ';
  return out;
}

std::string csv_field(std::string_view s, bool keep_newlines) {
  std::string clean;
  clean.reserve(s.size());
  walk(s, keep_newlines, [&](std::string_view piece, std::uint32_t) { clean += piece; });
  bool quote = !clean.empty() && (clean.front() == ' ' || clean.back() == ' ');
  for (char c : clean)
    if (c == ',' || c == '"' || c == '\n' || c == '\r') quote = true;
  if (!quote) return clean;
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  walk(s, false, [&](std::string_view piece, std::uint32_t cp) {
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += piece;
    }
  });
  return out;
}

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  walk(s, false, [&](std::string_view piece, std::uint32_t cp) {
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      // Graphviz decodes HTML entities in labels; "&amp;" keeps '&' literal.
      case '&': out += "&amp;"; break;
      default: out += piece;
    }
  });
  out += '"';
  return out;
}

std::string md_cell(std::string_view s, std::size_t max_chars) {
  const std::string line = one_line(s, max_chars);
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '[' ||
        c == ']')
      out += '\\';
    out += c;
  }
  return out;
}

std::string utc_time(std::int64_t unix_seconds, const char* format) {
  if (unix_seconds <= 0) return {};
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  return std::strftime(buf, sizeof buf, format, &tm) ? std::string(buf) : std::string();
}

std::string md_url(std::string_view url) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = c > 0x20 && c < 0x7f && std::string_view("|<>()[]\\`\"{}^").find(ch) == std::string_view::npos;
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace geokg::query
