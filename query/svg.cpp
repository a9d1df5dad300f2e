#include "svg.hpp"

#include <cstdio>

#include "geokg/core/cameo.hpp"
#include "geokg/query/text.hpp"

namespace geokg::query::svg {

const char* quad_colour(int quad) {
  switch (quad) {
    case 1: return "#2e7d32";
    case 2: return "#1565c0";
    case 3: return "#ef6c00";
    case 4: return "#c62828";
  }
  return "#616161";
}

const char* quad_name(int quad) {
  const char* name = quad_class_name(quad);
  return *name ? name : "unknown class";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

namespace {
// DejaVu Sans advances in em, rounded up, by class of character.
double char_em(unsigned char c) {
  if (c >= 0xE0) return 1.0;    // lead byte of U+0800 and up: symbols, arrows, …, CJK
  if (c >= 0xC0) return 0.75;    // U+0080 to U+07FF: accented Latin, Greek, Cyrillic
  switch (c) {
    case ' ': case '.': case ',': case ':': case ';': case '\'': case '!': case '|':
    case 'i': case 'j': case 'l': case 'I': case 'J':
      return 0.33;
    case 'f': case 'r': case 't': case '(': case ')': case '[': case ']': case '-': case '/': case '"':
      return 0.42;
    case 'm': case 'w': case 'M': case 'W': case '@': case '%':
      return 1.0;
  }
  if (c >= 'A' && c <= 'Z') return 0.79;
  return 0.65;   // lower case, digits, the rest
}
}  // namespace

double text_px(std::string_view s, double font_px, bool bold) {
  double em = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) em += char_em(c);   // continuation bytes add nothing
  }
  return em * font_px * (bold ? 1.1 : 1.0);
}

std::string fitted(std::string_view s, double px, double font_px, bool bold) {
  std::string line = one_line(s);
  for (std::size_t n = display_width(line); n > 1 && text_px(line, font_px, bold) > px; --n)
    line = one_line(s, n - 1);
  return line;
}

void write_header(std::ostream& out, double width, double height, const std::string& title,
                  const std::string& subtitle) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width) << "\" height=\""
      << num(height) << "\" viewBox=\"0 0 " << num(width) << " " << num(height)
      << "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
      << "<title>" << xml_escape(title) << "</title>\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      << "<text x=\"12\" y=\"24\" font-size=\"16\" font-weight=\"bold\">"
      << xml_escape(fitted(title, width - 24, 16, true)) << "</text>\n"
      << "<text x=\"12\" y=\"42\" fill=\"#555\">" << xml_escape(fitted(subtitle, width - 24, 11))
      << "</text>\n";
}

double layout_legend(std::vector<LegendItem>& items, double width) {
  double lx = 12, ly = 61;
  for (auto& item : items) {
    const double w = item.mark_w + 5 + text_px(item.text);
    if (lx > 12 && lx + w > width - 12) {
      lx = 12;
      ly += 16;
    }
    item.x = lx;
    item.y = ly;
    lx += w + 22;
  }
  return ly;
}

void write_legend(std::ostream& out, const std::vector<LegendItem>& items) {
  for (const auto& item : items) {
    const double lx = item.x, ly = item.y;
    switch (item.mark) {
      case LegendItem::kDot:
        out << "<circle cx=\"" << num(lx + 5) << "\" cy=\"" << num(ly - 4) << "\" r=\"5\" fill=\""
            << item.colour << "\"/>";
        break;
      case LegendItem::kSpan:
        out << "<rect x=\"" << num(lx) << "\" y=\"" << num(ly - 8) << "\" width=\"16\" height=\"8\" "
            << "rx=\"3\" fill=\"" << item.colour << "\" fill-opacity=\"0.35\" stroke=\"" << item.colour
            << "\"/>";
        break;
      case LegendItem::kDashed:
        out << "<circle cx=\"" << num(lx + 5) << "\" cy=\"" << num(ly - 4) << "\" r=\"5\" fill=\"none\" "
            << "stroke=\"" << item.colour << "\" stroke-width=\"1.5\" stroke-dasharray=\"2,2\"/>";
        break;
      case LegendItem::kSwatch:
        out << "<rect x=\"" << num(lx) << "\" y=\"" << num(ly - 9) << "\" width=\"" << num(item.mark_w)
            << "\" height=\"10\" fill=\"" << item.colour << "\" fill-opacity=\"0.8\"/>";
        break;
      case LegendItem::kLine:
        out << "<line x1=\"" << num(lx) << "\" y1=\"" << num(ly - 4) << "\" x2=\"" << num(lx + item.mark_w)
            << "\" y2=\"" << num(ly - 4) << "\" stroke=\"" << item.colour << "\" stroke-width=\"2\"/>";
        break;
      case LegendItem::kNone:
        break;
    }
    out << "<text x=\"" << num(lx + item.mark_w + 5) << "\" y=\"" << num(ly) << "\">"
        << xml_escape(item.text) << "</text>\n";
  }
}

void write_tick(std::ostream& out, double x, double y0, double y1, const std::string& label) {
  out << "<line x1=\"" << num(x) << "\" y1=\"" << num(y0) << "\" x2=\"" << num(x) << "\" y2=\""
      << num(y1 + 5) << "\" stroke=\"#d0d4d8\" stroke-dasharray=\"2,3\"/>\n"
      // Rotated up from its end at the tick, so the text runs down-left
      // into the plot's width: the last label cannot leave the picture.
      << "<text x=\"" << num(x + 4) << "\" y=\"" << num(y1 + 16) << "\" text-anchor=\"end\" "
      << "transform=\"rotate(" << -kTickAngle << " " << num(x + 4) << " " << num(y1 + 16)
      << ")\" fill=\"#333\">" << xml_escape(label) << "</text>\n";
}

}  // namespace geokg::query::svg
