// Timeline writers: JSON, CSV, Markdown and SVG (the table is in format_text.cpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "geokg/core/ids.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/text.hpp"
#include "svg.hpp"

namespace geokg::query {

std::optional<TimelineFormat> timeline_format_from_string(std::string_view s) {
  if (s == "table" || s == "text") return TimelineFormat::kTable;
  if (s == "json") return TimelineFormat::kJson;
  if (s == "csv") return TimelineFormat::kCsv;
  if (s == "md" || s == "markdown") return TimelineFormat::kMarkdown;
  if (s == "svg") return TimelineFormat::kSvg;
  return std::nullopt;
}

void write_timeline_json(std::ostream& out, const Timeline& t, const CameoTable* cameo) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& ev : t.events) arr.push_back(event_json(ev, cameo, &t.articles));
  out << json_text(arr);
}

namespace {

// place_country, place_precision, place_lat, place_lon, place_id: empty
// without a place; country (when the lexicon gave one) and "none" for a
// place the gazetteer did not resolve.
std::string place_columns(const Place& p) {
  if (p.name.empty()) return ",,,,";
  std::string out = csv_field(p.country) + ',' + to_string(p.precision) + ',';
  if (p.resolved()) {
    char ll[64];
    std::snprintf(ll, sizeof ll, "%.4f,%.4f", p.lat, p.lon);
    out += ll;
    out += ',' + csv_field(p.entry);
  } else {
    out += ",,";
  }
  return out;
}

}  // namespace

void write_timeline_csv(std::ostream& out, const Timeline& t, const CameoTable* cameo) {
  // RFC 4180: CRLF line ends. New columns go at the end, so that readers by
  // position keep working.
  out << "date,date_precision,source,cameo,relation,target,location,mentions,sources,articles,"
         "confidence,negated,hypothetical,evidence,id,label,goldstein,quad_class,num_sources,"
         "num_articles,urls,place_country,place_precision,place_lat,place_lon,place_id\r\n";
  for (const auto& ev : t.events) {
    const EventEdge& e = ev.edge;
    const EventFacts facts = event_facts(e, cameo, &t.articles);
    // Publishers as stored: an article without a publisher adds none (the
    // event still counts one source in event_source_count, but has no name).
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.3f", static_cast<double>(e.confidence));
    char gold[16] = "";
    if (facts.goldstein) std::snprintf(gold, sizeof gold, "%.1f", *facts.goldstein);
    out << csv_field(e.date.iso()) << ',' << to_string(e.date.precision) << ','
        << csv_field(ev.source_name) << ',' << csv_field(e.cameo) << ',' << csv_field(e.relation)
        << ',' << csv_field(ev.target_name) << ',' << csv_field(ev.location_name) << ','
        << e.mentions << ',' << csv_field(joined(e.sources, ";")) << ','
        << csv_field(joined(e.articles, ";")) << ',' << conf << ',' << (e.negated ? "true" : "false")
        << ',' << (e.hypothetical ? "true" : "false") << ','
        << csv_field(e.evidence.empty() ? std::string() : e.evidence.front().sentence) << ','
        << to_hex(e.id) << ',' << csv_field(facts.label) << ',' << gold << ','
        << (facts.quad_class ? std::to_string(facts.quad_class) : std::string()) << ','
        << event_source_count(e) << ',' << e.articles.size() << ',' << csv_field(joined(facts.urls, ";"))
        << ',' << place_columns(e.place) << "\r\n";
  }
}

namespace {
// Publishers in Markdown, each linked to the URL of its first article that has one.
std::string md_publishers(const EventEdge& e, const ArticleIndex& articles) {
  std::string out;
  for (const auto& publisher : e.sources) {
    std::string url;
    for (const auto& id : e.articles) {
      auto it = articles.find(id);
      if (it != articles.end() && it->second.publisher == publisher && !it->second.url.empty()) {
        url = it->second.url;
        break;
      }
    }
    if (!out.empty()) out += ", ";
    out += url.empty() ? md_cell(publisher, 40) : "[" + md_cell(publisher, 40) + "](" + md_url(url) + ")";
  }
  // URLs of articles without a publisher.
  for (const auto& id : e.articles) {
    auto it = articles.find(id);
    if (it == articles.end() || !it->second.publisher.empty() || it->second.url.empty()) continue;
    out += (out.empty() ? "" : ", ") + ("[link](" + md_url(it->second.url) + ")");
  }
  return out;
}
}  // namespace

void write_timeline_markdown(std::ostream& out, const Timeline& t, const CameoTable* cameo) {
  if (!t.actor_names.empty()) {
    out << "## Timeline: ";
    for (std::size_t i = 0; i < t.actor_names.size(); ++i)
      out << (i ? " and " : "") << md_cell(t.actor_names[i]);
    out << "\n\n";
  } else {
    out << "## Timeline\n\n";
  }
  out << "| Date | Source | Relation | Target | Place | Goldstein | Quad | Articles | Publishers | Evidence |\n"
         "|---|---|---|---|---|---:|---|---:|---|---|\n";
  for (const auto& ev : t.events) {
    const EventEdge& e = ev.edge;
    const EventFacts facts = event_facts(e, cameo, nullptr);
    std::string rel = e.relation.empty() ? e.cameo : e.relation;
    rel += " (" + e.cameo + ")";
    if (e.negated) rel = "NOT " + rel;
    if (e.hypothetical) rel += " [hypothetical]";
    char gold[16] = "-";
    if (facts.goldstein) std::snprintf(gold, sizeof gold, "%.1f", *facts.goldstein);
    out << "| " << (e.date.known() ? e.date.iso() : "-") << " | " << md_cell(ev.source_name)
        << " | " << md_cell(rel) << " | " << md_cell(ev.target_name) << " | "
        << (ev.location_name.empty() ? "-" : md_cell(ev.location_name)) << " | " << gold << " | "
        << quad_short(facts.quad_class) << " | " << e.articles.size() << " | "
        << md_publishers(e, t.articles) << " | "
        << (e.evidence.empty() ? "" : md_cell(e.evidence.front().sentence, 160)) << " |\n";
  }
  out << "\n" << t.events.size() << " event" << (t.events.size() == 1 ? "" : "s") << ".\n";
}

// ---- SVG ---------------------------------------------------------------------

namespace {

using svg::fitted;
using svg::num;
using svg::quad_colour;
using svg::quad_name;
using svg::text_px;
using Lanes = SvgOptions::Lanes;

constexpr double kLeft = 240;          // the lane names' column
constexpr double kRight = 30;
constexpr std::size_t kMaxRows = 4;    // label rows per lane
constexpr double kRowH = 15;

// The day span [first, last] a date covers (a month-precise date covers the month).
std::pair<std::int64_t, std::int64_t> day_span(const Date& d) {
  return {d.first_day().days_since_epoch(), d.last_day().days_since_epoch()};
}

// A dated event as drawn: the days it covers, its colour, its lane and label.
struct Mark {
  const TimelineEvent* ev;
  std::int64_t d0, d1;
  int quad;
  std::string lane;
  std::string label;
};

// The dated events as marks; `mode` is resolved (not kAuto), `focus` the one
// actor asked, else 0.
std::vector<Mark> timeline_marks(const Timeline& t, const CameoTable* cameo, Lanes mode, NodeId focus) {
  std::vector<Mark> marks;
  for (const auto& ev : t.events) {
    if (!ev.edge.date.known()) continue;
    Mark m;
    m.ev = &ev;
    auto [a, b] = day_span(ev.edge.date);
    m.d0 = a;
    m.d1 = b;
    const CameoCode* c = cameo ? cameo->find(ev.edge.cameo) : nullptr;
    m.quad = c ? c->quad_class : 0;
    const std::string rel = ev.edge.relation.empty() ? ev.edge.cameo : ev.edge.relation;
    if (mode == Lanes::kRelation) {
      const std::string root = ev.edge.cameo.substr(0, 2);
      const std::string label = cameo ? cameo->root_label(ev.edge.cameo) : std::string();
      m.lane = root + " " + (label.empty() ? "?" : label);
      m.label = one_line(ev.source_name, 18) + " " + rel + " " + one_line(ev.target_name, 18);
    } else if (focus != 0) {
      // One lane per counterpart; the label says which way the event went.
      const bool out_going = ev.edge.source == focus;
      m.lane = out_going ? ev.target_name : ev.source_name;
      m.label = out_going ? rel : "\u2190 " + rel;  // ← : the counterpart acted
      if (ev.edge.source == ev.edge.target) m.lane = ev.source_name;
    } else {
      m.lane = ev.source_name;
      m.label = rel + " " + one_line(ev.target_name, 22);
    }
    if (ev.edge.negated) m.label = "NOT " + m.label;
    if (ev.edge.hypothetical) m.label += "?";
    m.label = one_line(m.label);   // what is measured is what is written
    marks.push_back(std::move(m));
  }
  return marks;
}

// Lanes (name, events) ordered by their number of events (then name); past
// `max_lanes` the tail merges into one "(other)" lane, and its marks move there.
std::vector<std::pair<std::string, std::size_t>> order_lanes(std::vector<Mark>& marks,
                                                             std::size_t max_lanes) {
  std::map<std::string, std::size_t> lane_count;
  for (const auto& m : marks) ++lane_count[m.lane];
  std::vector<std::pair<std::string, std::size_t>> lanes(lane_count.begin(), lane_count.end());
  std::stable_sort(lanes.begin(), lanes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::string kOther = "(other)";
  if (lanes.size() > max_lanes && max_lanes > 1) {
    std::set<std::string> keep;
    for (std::size_t i = 0; i + 1 < max_lanes; ++i) keep.insert(lanes[i].first);
    for (auto& m : marks)
      if (!keep.count(m.lane)) m.lane = kOther;
    lanes.resize(max_lanes - 1);
    lanes.push_back({kOther, 0});
  }
  return lanes;
}

// The days drawn (the marks' span padded by a twentieth on each side) and
// where a day falls between the lane names and the right margin.
struct TimeAxis {
  std::int64_t lo = 0, hi = 0, pad = 0;
  double width = 0, plot_w = 0;
  double x_of(double day) const {
    return kLeft + plot_w * (day - static_cast<double>(lo)) / static_cast<double>(hi - lo);
  }
};

TimeAxis time_axis(const std::vector<Mark>& marks, int width) {
  TimeAxis axis;
  if (!marks.empty()) {
    axis.lo = marks.front().d0;
    axis.hi = marks.front().d1;
    for (const auto& m : marks) {
      axis.lo = std::min(axis.lo, m.d0);
      axis.hi = std::max(axis.hi, m.d1);
    }
  }
  axis.pad = std::max<std::int64_t>(1, (axis.hi - axis.lo) / 20);
  axis.lo -= axis.pad;
  axis.hi += axis.pad;
  axis.width = std::max(600, width);
  axis.plot_w = axis.width - kLeft - kRight;
  return axis;
}

// Where each mark's label goes: its row in the lane (-1: tooltip only) and
// whether it stands left of the mark; and the rows each lane needs.
struct LabelPlacement {
  std::vector<int> row;
  std::vector<bool> left;
  std::vector<std::size_t> lane_rows;
};

// Greedy placement left to right: a label goes right of its mark, or left of
// it near the right edge, in the first of kMaxRows rows where it overlaps no
// other; a label that fits no row is left to the tooltip.
LabelPlacement place_labels(const std::vector<Mark>& marks,
                            const std::unordered_map<std::string, std::size_t>& lane_index,
                            std::size_t lane_total, const TimeAxis& axis) {
  // Each row holds label intervals.
  std::vector<std::vector<std::vector<std::pair<double, double>>>> rows_of(lane_total);
  LabelPlacement p;
  p.row.assign(marks.size(), -1);
  p.left.assign(marks.size(), false);
  std::vector<std::size_t> order(marks.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return marks[a].d0 < marks[b].d0; });
  for (std::size_t i : order) {
    const std::size_t lane = lane_index.at(marks[i].lane);
    const double x = axis.x_of(static_cast<double>(marks[i].d0));
    const double w = text_px(marks[i].label) + 8;
    double a = x, b = x + w;
    if (b > axis.width - 4) {
      a = x - w;
      b = x;
      p.left[i] = true;
      if (a < kLeft) continue;   // fits neither side: tooltip only
    }
    auto& rows = rows_of[lane];
    for (std::size_t r = 0; r < kMaxRows; ++r) {
      if (r == rows.size()) rows.emplace_back();
      bool free = true;
      for (const auto& [u, v] : rows[r]) free = free && (b <= u || v <= a);
      if (free) {
        rows[r].push_back({a, b});
        p.row[i] = static_cast<int>(r);
        break;
      }
    }
  }
  p.lane_rows.assign(lane_total, 0);
  for (std::size_t i = 0; i < lane_total; ++i) {
    std::size_t rows = 0;
    for (std::size_t r = 0; r < rows_of[i].size(); ++r)
      if (!rows_of[i][r].empty()) rows = r + 1;
    p.lane_rows[i] = std::max<std::size_t>(1, rows);
  }
  return p;
}

// Legend below the title and subtitle, on lines of its own (a long title
// cannot run into it), items spaced by their text, wrapped to the width;
// only the kinds of mark the picture holds.
std::vector<svg::LegendItem> timeline_legend(const std::vector<Mark>& marks, Lanes mode, NodeId focus) {
  using svg::LegendItem;
  std::vector<LegendItem> legend;
  std::set<int> quads;
  bool spans = false, flagged = false, inbound = false;
  for (const auto& m : marks) {
    quads.insert(m.quad);
    spans = spans || m.ev->edge.date.precision != DatePrecision::kDay;
    flagged = flagged || m.ev->edge.flagged();
    inbound = inbound || (focus != 0 && mode == Lanes::kActor && m.ev->edge.source != focus);
  }
  for (int q = 1; q <= 4; ++q) legend.push_back({LegendItem::kDot, quad_colour(q), quad_name(q)});
  if (quads.count(0)) legend.push_back({LegendItem::kDot, quad_colour(0), quad_name(0)});
  if (spans) legend.push_back({LegendItem::kSpan, quad_colour(0), "month or year only", 16});
  if (flagged) legend.push_back({LegendItem::kDashed, quad_colour(0), "negated or hypothetical"});
  if (inbound) legend.push_back({LegendItem::kNone, "", "\u2190 the counterpart acted", 0});
  return legend;
}

// The picture's geometry: the time axis, the lanes' bands from `top` down,
// the axis line below them, each mark's label row.
struct Layout {
  TimeAxis axis;
  std::unordered_map<std::string, std::size_t> lane_index;
  LabelPlacement labels;
  std::vector<double> lane_y, lane_h;
  double top = 0, axis_y = 0, height = 0;

  double mark_x(const Mark& m) const { return axis.x_of(static_cast<double>(m.d0)); }
  double mark_y(const Mark& m) const { return lane_y[lane_index.at(m.lane)] + 14; }
  double label_y(const Mark& m, std::size_t i) const { return mark_y(m) + 16 + kRowH * labels.row[i]; }
};

// Lane bands tall enough for their label rows, stacked from `top`.
void stack_lanes(Layout& layout, std::size_t lane_total) {
  layout.lane_y.resize(lane_total);
  layout.lane_h.resize(lane_total);
  double y = layout.top;
  for (std::size_t i = 0; i < lane_total; ++i) {
    layout.lane_y[i] = y;
    layout.lane_h[i] = 26 + kRowH * static_cast<double>(layout.labels.lane_rows[i]);
    y += layout.lane_h[i];
  }
  layout.axis_y = y + 6;
  layout.height = layout.axis_y + 80;
}

// The given title, else "Timeline" with the actors asked.
std::string timeline_title(const Timeline& t, const SvgOptions& options) {
  std::string title = options.title;
  if (title.empty()) {
    title = "Timeline";
    if (!t.actor_names.empty()) {
      title += ": ";
      for (std::size_t i = 0; i < t.actor_names.size(); ++i)
        title += (i ? " and " : "") + t.actor_names[i];
    }
  }
  return title;
}

// What is drawn and what is not: dated events and their span, undated ones,
// those cut by the limit.
std::string timeline_subtitle(const Timeline& t, std::size_t drawn, const TimeAxis& axis) {
  const std::size_t undated = t.events.size() - drawn;
  std::string sub = std::to_string(drawn) + " dated event" + (drawn == 1 ? "" : "s");
  if (drawn)
    sub += ", " + Date::FromDaysSinceEpoch(axis.lo + axis.pad).iso() + " to " +
           Date::FromDaysSinceEpoch(axis.hi - axis.pad).iso();
  if (undated) sub += "; " + std::to_string(undated) + " undated not drawn";
  if (t.truncated) sub += "; " + std::to_string(t.truncated) + " cut by --limit";
  return sub;
}

// Alternating lane bands with the lane's name in the left column.
void write_lanes(std::ostream& out, const std::vector<std::pair<std::string, std::size_t>>& lanes,
                 const Layout& layout) {
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    out << "<g class=\"lane\">\n<rect x=\"0\" y=\"" << num(layout.lane_y[i]) << "\" width=\""
        << num(layout.axis.width) << "\" height=\"" << num(layout.lane_h[i]) << "\" fill=\""
        << (i % 2 ? "#ffffff" : "#f4f6f8") << "\"/>\n<text x=\"" << num(kLeft - 10) << "\" y=\""
        << num(layout.lane_y[i] + 18) << "\" text-anchor=\"end\" font-weight=\"bold\">"
        << xml_escape(fitted(lanes[i].first, kLeft - 20, 11, true)) << "</text>\n</g>\n";
  }
}

// Axis ticks (day, label) in [lo, hi]: days or weeks, months or quarters,
// or years depending on the span.
std::vector<std::pair<std::int64_t, std::string>> axis_ticks(std::int64_t lo, std::int64_t hi) {
  const Date a = Date::FromDaysSinceEpoch(lo), b = Date::FromDaysSinceEpoch(hi);
  const std::int64_t span = hi - lo;
  std::vector<std::pair<std::int64_t, std::string>> ticks;
  if (span <= 45) {
    const std::int64_t step = span <= 14 ? 1 : 7;
    for (std::int64_t d = lo; d <= hi; d += step) ticks.push_back({d, Date::FromDaysSinceEpoch(d).iso()});
  } else if (span <= 3 * 366) {
    const int step = span <= 400 ? 1 : 3;
    for (int yy = a.year, mm = a.month;;) {
      const Date m = Date::Day(yy, mm, 1);
      if (m.days_since_epoch() > hi) break;
      if (m.days_since_epoch() >= lo) ticks.push_back({m.days_since_epoch(), Date::Month(yy, mm).iso()});
      mm += step;
      while (mm > 12) {
        mm -= 12;
        ++yy;
      }
    }
  } else {
    const int years = b.year - a.year + 1;
    const int step = std::max(1, years / 12);
    for (int yy = a.year; yy <= b.year + 1; yy += step) {
      const auto d = Date::Day(yy, 1, 1).days_since_epoch();
      if (d >= lo && d <= hi) ticks.push_back({d, std::to_string(yy)});
    }
  }
  return ticks;
}

// The axis line under the lanes and its dated ticks.
void write_axis(std::ostream& out, const Layout& layout) {
  const TimeAxis& axis = layout.axis;
  out << "<line x1=\"" << num(kLeft) << "\" y1=\"" << num(layout.axis_y) << "\" x2=\""
      << num(axis.width - kRight) << "\" y2=\"" << num(layout.axis_y) << "\" stroke=\"#333\"/>\n";
  for (const auto& [d, label] : axis_ticks(axis.lo, axis.hi))
    svg::write_tick(out, axis.x_of(static_cast<double>(d)), layout.top, layout.axis_y, label);
}

// An event's hover text: date, who did what to whom, where, Goldstein and
// quad class, reports, articles and sources, the evidence and the URLs.
std::string event_tip(const TimelineEvent& ev, const EventFacts& facts) {
  const EventEdge& e = ev.edge;
  std::string tip = e.date.iso() + "  " + ev.source_name + " " +
                    (e.relation.empty() ? e.cameo : e.relation) + " " + ev.target_name +
                    " (CAMEO " + e.cameo + ")";
  if (!ev.location_name.empty()) tip += " in " + ev.location_name;
  if (facts.goldstein) {
    char gold[16];
    std::snprintf(gold, sizeof gold, "%+.1f", *facts.goldstein);
    tip += "; Goldstein " + std::string(gold) + ", " + quad_name(facts.quad_class);
  }
  tip += "; " + std::to_string(e.mentions) + " report" + (e.mentions == 1 ? "" : "s") + " in " +
         std::to_string(e.articles.size()) + " article" + (e.articles.size() == 1 ? "" : "s") + ", " +
         std::to_string(event_source_count(e)) + " source" + (event_source_count(e) == 1 ? "" : "s");
  if (!e.sources.empty()) tip += " (" + one_line(joined(e.sources, "; "), 200) + ")";
  if (!e.evidence.empty()) tip += "\n\u201c" + one_line(e.evidence.front().sentence, 400) + "\u201d";
  for (const auto& url : facts.urls) tip += "\n" + one_line(url, 300);
  return tip;
}

// Bottom layer: a line from each labelled mark down to its label.
void write_leaders(std::ostream& out, const std::vector<Mark>& marks, const Layout& layout) {
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (layout.labels.row[i] < 0) continue;
    const Mark& m = marks[i];
    const double x = layout.mark_x(m);
    out << "<line class=\"leader\" x1=\"" << num(x) << "\" y1=\"" << num(layout.mark_y(m) + 4)
        << "\" x2=\"" << num(x) << "\" y2=\"" << num(layout.label_y(m, i) - 4) << "\" stroke=\""
        << quad_colour(m.quad) << "\" stroke-opacity=\"0.5\"/>\n";
  }
}

// Middle layer: the labels, whose white halo masks a later mark's leader
// line where it crosses them.
void write_labels(std::ostream& out, const std::vector<Mark>& marks, const Layout& layout,
                  const std::vector<std::string>& tips) {
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (layout.labels.row[i] < 0) continue;
    const Mark& m = marks[i];
    const double x0 = layout.mark_x(m), ly = layout.label_y(m, i);
    const bool left = layout.labels.left[i];
    out << "<g class=\"label\"><title>" << tips[i] << "</title><text x=\""
        << num(left ? x0 - 3 : x0 + 3) << "\" y=\"" << num(ly) << "\""
        << (left ? " text-anchor=\"end\"" : "")
        << " fill=\"#222\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-opacity=\"0.85\" "
           "paint-order=\"stroke\">"
        << xml_escape(m.label) << "</text></g>\n";
  }
}

// Top layer: the marks, a dot for a day, a span for a month or year; a
// click opens `links[i]`.
void write_marks(std::ostream& out, const std::vector<Mark>& marks, const Layout& layout,
                 const std::vector<std::string>& tips, const std::vector<std::string>& links) {
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const Mark& m = marks[i];
    const EventEdge& e = m.ev->edge;
    const double cy = layout.mark_y(m);
    const double x0 = layout.mark_x(m);
    const double x1 = layout.axis.x_of(static_cast<double>(m.d1) + 1);
    const char* colour = quad_colour(m.quad);
    // An <a> only for http(s) URLs: a picture must not run script from a feed.
    const bool link = links[i].starts_with("http://") || links[i].starts_with("https://");
    if (link) out << "<a href=\"" << xml_escape(links[i]) << "\" target=\"_blank\">";
    out << "<g class=\"event\"><title>" << tips[i] << "</title>";
    const bool dashed = e.flagged();
    if (e.date.precision == DatePrecision::kDay) {
      // A negated or hypothetical event is a hollow ring a little larger than
      // a mark, so that a reported event of the same day stays visible inside it.
      const double r = std::min(9.0, 4.0 + 1.5 * std::log2(1.0 + e.mentions)) + (dashed ? 2.5 : 0.0);
      out << "<circle cx=\"" << num(x0) << "\" cy=\"" << num(cy) << "\" r=\"" << num(r) << "\" fill=\""
          << (dashed ? "none" : colour) << "\" stroke=\"" << colour << "\" stroke-width=\"1.5\""
          << (dashed ? " stroke-dasharray=\"2,2\"" : "") << "/>";
    } else {
      out << "<rect x=\"" << num(x0) << "\" y=\"" << num(cy - 4) << "\" width=\""
          << num(std::max(4.0, x1 - x0)) << "\" height=\"8\" rx=\"3\" fill=\"" << colour
          << "\" fill-opacity=\"0.35\" stroke=\"" << colour << "\"/>";
    }
    out << "</g>" << (link ? "</a>" : "") << "\n";
  }
}

// The events in three layers (leader lines, labels, marks), labels and marks
// carrying the event's details as a hover tooltip.
void write_events(std::ostream& out, const std::vector<Mark>& marks, const Layout& layout,
                  const Timeline& t, const CameoTable* cameo) {
  std::vector<std::string> tips(marks.size());
  std::vector<std::string> links(marks.size());   // a click opens the first report's URL
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const EventFacts facts = event_facts(marks[i].ev->edge, cameo, &t.articles);
    tips[i] = xml_escape(event_tip(*marks[i].ev, facts));
    links[i] = facts.urls.empty() ? std::string() : facts.urls.front();
  }
  write_leaders(out, marks, layout);
  write_labels(out, marks, layout, tips);
  write_marks(out, marks, layout, tips, links);
}

}  // namespace

void write_timeline_svg(std::ostream& out, const Timeline& t, const CameoTable* cameo,
                        const SvgOptions& options) {
  Lanes mode = options.lanes;
  if (mode == Lanes::kAuto) mode = t.actors.empty() ? Lanes::kRelation : Lanes::kActor;
  const NodeId focus = t.actors.size() == 1 ? t.actors[0] : 0;

  std::vector<Mark> marks = timeline_marks(t, cameo, mode, focus);
  const auto lanes = order_lanes(marks, options.max_lanes);
  Layout layout;
  for (std::size_t i = 0; i < lanes.size(); ++i) layout.lane_index[lanes[i].first] = i;
  layout.axis = time_axis(marks, options.width);
  layout.labels = place_labels(marks, layout.lane_index, lanes.size(), layout.axis);
  std::vector<svg::LegendItem> legend = timeline_legend(marks, mode, focus);
  layout.top = svg::layout_legend(legend, layout.axis.width) + 15;
  stack_lanes(layout, lanes.size());

  svg::write_header(out, layout.axis.width, layout.height, timeline_title(t, options),
                    timeline_subtitle(t, marks.size(), layout.axis));
  svg::write_legend(out, legend);
  write_lanes(out, lanes, layout);
  write_axis(out, layout);
  write_events(out, marks, layout, t, cameo);
  if (marks.empty())
    out << "<text x=\"" << num(kLeft) << "\" y=\"" << num(layout.top + 20) << "\" fill=\"#555\">"
        << "No dated events match.</text>\n";
  out << "</svg>\n";
}

}  // namespace geokg::query
