#pragma once
// What the SVG pictures share (timeline, trend): the quad-class colours, text
// widths estimated without font metrics, the header and title block, a
// legend laid out in rows, and axis labels slanted from their tick.
// Internal to geokg::query.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::query::svg {

// CAMEO quad classes 1-4 (verbal / material cooperation, verbal / material
// conflict); anything else is grey.
const char* quad_colour(int quad);
const char* quad_name(int quad);

// A number with one decimal, as coordinates are written.
std::string num(double v);

// Text width estimate: an SVG we write has no font metrics and the viewer
// picks the font, so these are DejaVu Sans advances (the font Linux viewers
// fall back to, wider than Helvetica and Arial) rounded up, by class of
// character; bold is 10% wider. Valid UTF-8 in (one_line output).
double text_px(std::string_view s, double font_px = 11, bool bold = false);
// `s` on one line, cut with "…" to fit in `px` at that font.
std::string fitted(std::string_view s, double px, double font_px, bool bold = false);

// Axis labels are rotated by this much, their end at the tick.
inline constexpr double kTickAngle = 35;

// The XML prolog, the <svg> element with its size, a <title>, a white
// background, a bold title line at y 24 and a grey subtitle line at y 42,
// both cut to the width.
void write_header(std::ostream& out, double width, double height, const std::string& title,
                  const std::string& subtitle);

// One key of a legend: a mark and its text.
struct LegendItem {
  enum Mark { kDot, kSpan, kDashed, kSwatch, kLine, kNone } mark;
  std::string colour;
  std::string text;
  double mark_w = 10;
  double x = 0, y = 0;   // set by layout_legend
};
// Places the items from y 61 on, in rows wrapped to the width; returns the
// baseline of the last row.
double layout_legend(std::vector<LegendItem>& items, double width);
void write_legend(std::ostream& out, const std::vector<LegendItem>& items);

// A dashed grid line from y0 to y1 at x and its label, slanted down-left
// from the tick below y1 so that the last label cannot leave the picture.
void write_tick(std::ostream& out, double x, double y0, double y1, const std::string& label);

}  // namespace geokg::query::svg
