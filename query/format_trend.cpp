// Trend writers: table, CSV, JSON and SVG.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "geokg/core/ascii.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/text.hpp"
#include "svg.hpp"

namespace geokg::query {

using nlohmann::json;

std::optional<TrendFormat> trend_format_from_string(std::string_view s) {
  if (s == "table" || s == "text") return TrendFormat::kTable;
  if (s == "csv") return TrendFormat::kCsv;
  if (s == "json") return TrendFormat::kJson;
  if (s == "svg") return TrendFormat::kSvg;
  return std::nullopt;
}

namespace {

json number_or_null(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Figures rounded for print: sums to 0.1 (Goldstein values have one decimal).
double round_to(double v, double unit) { return std::round(v / unit) * unit; }

std::string fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A per-article ratio with four significant digits ("0.01234").
std::string ratio(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string period_noun(TrendPeriod p) { return to_string(p); }

// A series as a CSV column name: verbal_cooperation, r04_consult, events.
std::string column_name(const Trend& t, const TrendSeries& s) {
  std::string name = t.group == TrendGroup::kRoot ? "r" + s.key + "_" + s.label : s.label;
  std::string out;
  for (char c : name) {
    c = ascii_lower(c);
    const bool word = is_ascii_lower(c) || is_ascii_digit(c);
    if (word) out += c;
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// What the buckets leave out, for a footer or subtitle: "2 dated only to the
// year, 1 undated: not counted".
std::string left_out(const Trend& t) {
  std::string s;
  if (t.coarser)
    s += std::to_string(t.coarser) + " dated less precisely than a " + period_noun(t.period);
  if (t.undated) s += (s.empty() ? "" : ", ") + std::to_string(t.undated) + " undated";
  return s.empty() ? s : s + ": not counted";
}

std::string title_of(const Trend& t) {
  std::string title = "Events by " + period_noun(t.period);
  if (!t.actor_names.empty()) {
    title += ": ";
    for (std::size_t i = 0; i < t.actor_names.size(); ++i) title += (i ? " and " : "") + t.actor_names[i];
  }
  return title;
}

}  // namespace

json trend_json(const Trend& t) {
  json series = json::array();
  for (const auto& s : t.series)
    series.push_back({{"key", s.key}, {"label", s.label}, {"quad_class", s.quad_class}});
  json periods = json::array();
  for (const auto& b : t.buckets) {
    json cells = json::object();
    for (std::size_t i = 0; i < t.series.size(); ++i) {
      json c = {{"events", b.cells[i].events}, {"goldstein_sum", round_to(b.cells[i].goldstein_sum, 0.01)}};
      if (t.normalized) c["per_article"] = number_or_null(b.per_article(b.cells[i].events, true));
      cells[t.series[i].key] = std::move(c);
    }
    const auto mean = b.goldstein_mean();
    json p = {{"period", b.label},
              {"start", b.start.iso()},
              {"end", b.end.iso()},
              {"events", b.events},
              {"goldstein_sum", round_to(b.goldstein_sum, 0.01)},
              {"goldstein_mean", mean ? json(round_to(*mean, 0.001)) : json(nullptr)},
              {"series", std::move(cells)}};
    if (t.normalized) {
      p["articles"] = b.articles;
      p["events_per_article"] = number_or_null(b.per_article(b.events, true));
    }
    periods.push_back(std::move(p));
  }
  return {{"actors", t.actor_names},
          {"by", to_string(t.period)},
          {"group", to_string(t.group)},
          {"normalized", t.normalized},
          {"series", std::move(series)},
          {"periods", std::move(periods)},
          {"events", t.events},
          {"undated", t.undated},
          {"coarser", t.coarser},
          {"unscored", t.unscored}};
}

void write_trend_json(std::ostream& out, const Trend& t) { out << json_text(trend_json(t)); }

void write_trend_table(std::ostream& out, const Trend& t) {
  // Short headers: quad classes by their initials, roots by their codes (a key follows).
  auto header_of = [&](const TrendSeries& s) -> std::string {
    if (t.group == TrendGroup::kQuadClass) {
      static const char* const kShort[] = {"", "VERB COOP", "MAT COOP", "VERB CONFL", "MAT CONFL"};
      return s.quad_class >= 1 && s.quad_class <= 4 ? kShort[s.quad_class] : s.label;
    }
    return t.group == TrendGroup::kRoot ? s.key : std::string();
  };
  std::vector<std::string> header{"PERIOD", "EVENTS"};
  if (t.group != TrendGroup::kNone)
    for (const auto& s : t.series) header.push_back(header_of(s));
  header.insert(header.end(), {"GOLDSTEIN SUM", "MEAN"});
  if (t.normalized) header.insert(header.end(), {"ARTICLES", "PER ARTICLE"});
  std::vector<std::vector<std::string>> rows{header};
  for (const auto& b : t.buckets) {
    std::vector<std::string> row{b.label, std::to_string(b.events)};
    if (t.group != TrendGroup::kNone)
      for (const auto& c : b.cells) row.push_back(std::to_string(c.events));
    const auto mean = b.goldstein_mean();
    row.push_back(fixed(b.goldstein_sum, 1));
    row.push_back(mean ? fixed(*mean, 2) : "-");
    if (t.normalized) {
      row.push_back(std::to_string(b.articles));
      const auto per = b.per_article(b.events, true);
      row.push_back(per ? ratio(*per) : "-");
    }
    rows.push_back(std::move(row));
  }
  // Numbers right-aligned under their headers.
  std::vector<std::size_t> w(header.size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], display_width(r[i]));
  for (std::size_t k = 0; k < rows.size(); ++k) {
    std::string line;
    for (std::size_t i = 0; i < rows[k].size(); ++i) {
      const std::string& cell = rows[k][i];
      const std::string pad(w[i] - display_width(cell), ' ');
      line += i == 0 ? cell + pad : "  " + pad + cell;
    }
    out << line << "\n";
    if (k == 0) {
      std::string rule;
      for (std::size_t i = 0; i < w.size(); ++i) rule += (i ? "  " : "") + std::string(w[i], '-');
      out << rule << "\n";
    }
  }
  out << t.events << " event" << (t.events == 1 ? "" : "s") << " in " << t.buckets.size() << " "
      << period_noun(t.period) << (t.buckets.size() == 1 ? "" : "s");
  if (const std::string l = left_out(t); !l.empty()) out << "; " << l;
  out << "\n";
  if (t.group == TrendGroup::kRoot && !t.series.empty()) {
    out << "CAMEO root classes:";
    for (std::size_t i = 0; i < t.series.size(); ++i)
      out << (i ? ", " : " ") << t.series[i].key << " " << t.series[i].label;
    out << "\n";
  }
  if (t.unscored)
    out << t.unscored << " event" << (t.unscored == 1 ? " has a code" : "s have codes")
        << " without a Goldstein value: not in the sums\n";
}

void write_trend_csv(std::ostream& out, const Trend& t) {
  out << "period,start,end,events,goldstein_sum,goldstein_mean";
  if (t.group != TrendGroup::kNone)
    for (const auto& s : t.series) out << ',' << column_name(t, s);
  if (t.normalized) {
    out << ",articles,events_per_article";
    if (t.group != TrendGroup::kNone)
      for (const auto& s : t.series) out << ',' << column_name(t, s) << "_per_article";
  }
  out << "\r\n";
  for (const auto& b : t.buckets) {
    const auto mean = b.goldstein_mean();
    out << b.label << ',' << b.start.iso() << ',' << b.end.iso() << ',' << b.events << ','
        << fixed(b.goldstein_sum, 1) << ',' << (mean ? fixed(*mean, 3) : "");
    if (t.group != TrendGroup::kNone)
      for (const auto& c : b.cells) out << ',' << c.events;
    if (t.normalized) {
      auto per = [&](std::size_t n) {
        const auto v = b.per_article(n, true);
        return v ? ratio(*v) : std::string();
      };
      out << ',' << b.articles << ',' << per(b.events);
      if (t.group != TrendGroup::kNone)
        for (const auto& c : b.cells) out << ',' << per(c.events);
    }
    out << "\r\n";
  }
}

// ---- SVG ---------------------------------------------------------------------

namespace {

using svg::num;

// `hex` ("#2e7d32") mixed with white: 0 keeps it, 1 is white.
std::string lighter(const std::string& hex, double f) {
  unsigned r = 0, g = 0, b = 0;
  if (std::sscanf(hex.c_str(), "#%02x%02x%02x", &r, &g, &b) != 3) return hex;
  auto mix = [f](unsigned c) { return static_cast<unsigned>(std::lround(c + (255.0 - c) * f)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", mix(r), mix(g), mix(b));
  return buf;
}

// Series colours: quad classes in the timeline's colours; root classes in
// shades of their quad class's colour, so that conflict stays red.
std::vector<std::string> series_colours(const Trend& t) {
  std::vector<std::string> colours;
  for (const auto& s : t.series) {
    if (t.group == TrendGroup::kNone) {
      colours.push_back("#455a64");
      continue;
    }
    if (t.group == TrendGroup::kQuadClass) {
      colours.push_back(svg::quad_colour(s.quad_class));
      continue;
    }
    std::size_t rank = 0, of = 0;
    for (const auto& o : t.series) {
      if (o.quad_class != s.quad_class) continue;
      if (o.key < s.key) ++rank;
      ++of;
    }
    colours.push_back(lighter(svg::quad_colour(s.quad_class), of > 1 ? 0.6 * rank / (of - 1) : 0.0));
  }
  return colours;
}

// A round upper bound for an axis (1, 2 or 5 times a power of ten per step,
// about five steps) and its step.
std::pair<double, double> nice_axis(double max) {
  if (max <= 0) return {1, 1};
  const double raw = max / 5;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  return {std::ceil(max / step - 1e-9) * step, step};
}

std::string axis_number(double v, double step) {
  if (step >= 1) return fixed(v, 0);
  const int decimals = std::min(6, static_cast<int>(std::ceil(-std::log10(step))));
  return fixed(v, decimals);
}


// What is drawn: counts, or counts per article ingested in the period.
std::optional<double> drawn_value(const Trend& t, const TrendBucket& b, std::size_t count) {
  if (!t.normalized) return static_cast<double>(count);
  return b.per_article(count, true);
}

constexpr double kLeft = 72;    // the y labels' column
constexpr double kRight = 30;

// The picture's geometry: the upper panel of stacked counts, the lower
// panel of Goldstein means, one column per period.
struct TrendPlot {
  double width = 0, plot_w = 0;
  std::size_t n = 0;              // periods
  double y_max = 0, y_step = 0;   // the upper panel's scale
  double top = 0;
  double upper_h = 240, gap = 34, lower_h = 110;
  double upper_bottom = 0, lower_top = 0, lower_bottom = 0, height = 0;

  double x_of(std::size_t i) const {
    return kLeft + plot_w * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
  }
  double y_of(double v) const { return upper_bottom - upper_h * v / y_max; }
  double g_of(double g) const { return lower_top + lower_h * (10.0 - g) / 20.0; }
};

// Width and scale of the plot; the panels hang from `top`, set by place_panels.
TrendPlot trend_plot(const Trend& t, int width) {
  TrendPlot p;
  p.width = std::max(600, width);
  p.plot_w = p.width - kLeft - kRight;
  p.n = t.buckets.size();
  double top_value = 0;
  for (const auto& b : t.buckets)
    if (auto v = drawn_value(t, b, b.events)) top_value = std::max(top_value, *v);
  std::tie(p.y_max, p.y_step) = nice_axis(top_value);
  return p;
}

// The panels' vertical places below a legend ending at `legend_bottom`.
void place_panels(TrendPlot& p, double legend_bottom) {
  p.top = legend_bottom + 32;
  p.upper_bottom = p.top + p.upper_h;
  p.lower_top = p.upper_bottom + p.gap;
  p.lower_bottom = p.lower_top + p.lower_h;
  p.height = p.lower_bottom + 84;
}

// Legend: the series with events (every quad class), then the Goldstein line.
std::vector<svg::LegendItem> trend_legend(const Trend& t, const std::vector<std::string>& colours) {
  using svg::LegendItem;
  std::vector<LegendItem> legend;
  for (std::size_t i = 0; i < t.series.size(); ++i) {
    std::size_t events = 0;
    for (const auto& b : t.buckets) events += b.cells[i].events;
    if (events == 0 && t.group == TrendGroup::kRoot) continue;
    std::string text = t.group == TrendGroup::kRoot ? t.series[i].key + " " + t.series[i].label : t.series[i].label;
    legend.push_back({LegendItem::kSwatch, colours[i], one_line(text, 40) + " (" + std::to_string(events) + ")", 14});
  }
  legend.push_back({LegendItem::kLine, "#37474f", "Goldstein mean (lower panel)", 16});
  return legend;
}

// Events and periods drawn, how they are stacked and scaled, what is left out.
std::string trend_subtitle(const Trend& t) {
  std::string sub = std::to_string(t.events) + " event" + (t.events == 1 ? "" : "s");
  if (!t.buckets.empty()) sub += ", " + t.buckets.front().label + " to " + t.buckets.back().label;
  if (t.group != TrendGroup::kNone) sub += std::string(", stacked by ") + (t.group == TrendGroup::kQuadClass ? "quad class" : "CAMEO root class");
  if (t.normalized) sub += "; per article ingested in the " + period_noun(t.period);
  if (const std::string l = left_out(t); !l.empty()) sub += "; " + l;
  return sub;
}

// Upper panel: grid, y labels, axis name.
void write_count_grid(std::ostream& out, const Trend& t, const TrendPlot& p) {
  for (double v = 0; v <= p.y_max + p.y_step / 2; v += p.y_step) {
    const double y = p.y_of(v);
    out << "<line x1=\"" << num(kLeft) << "\" y1=\"" << num(y) << "\" x2=\"" << num(p.width - kRight) << "\" y2=\""
        << num(y) << "\" stroke=\"" << (v == 0 ? "#333" : "#e3e6e9") << "\"/>\n"
        << "<text x=\"" << num(kLeft - 6) << "\" y=\"" << num(y + 4) << "\" text-anchor=\"end\" fill=\"#333\">"
        << axis_number(v, p.y_step) << "</text>\n";
  }
  out << "<text x=\"" << num(kLeft) << "\" y=\"" << num(p.top - 10) << "\" fill=\"#555\">"
      << xml_escape(svg::fitted(t.normalized ? "events per article" : "events", p.plot_w, 11)) << "</text>\n";
  if (p.n == 0)
    out << "<text x=\"" << num(kLeft + 8) << "\" y=\"" << num(p.top + 20) << "\" fill=\"#555\">No dated events match.</text>\n";
}

// Stacked areas, bottom series first; one period is drawn as a bar. Then
// the total as a line. REQUIRES: p.n > 0.
void write_stacked_areas(std::ostream& out, const Trend& t, const TrendPlot& p,
                         const std::vector<std::string>& colours) {
  const std::size_t n = p.n;
  std::vector<double> base(n, 0.0);
  const double half = n == 1 ? p.plot_w * 0.3 : 0.0;
  for (std::size_t s = 0; s < t.series.size(); ++s) {
    std::vector<double> topv(n);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      topv[i] = base[i] + drawn_value(t, t.buckets[i], t.buckets[i].cells[s].events).value_or(0.0);
      any = any || t.buckets[i].cells[s].events > 0;
    }
    if (any) {
      std::string points;
      auto add = [&](double x, double v) { points += num(x) + "," + num(p.y_of(v)) + " "; };
      for (std::size_t i = 0; i < n; ++i) {
        if (n == 1) add(p.x_of(i) - half, topv[i]);
        add(p.x_of(i) + (n == 1 ? half : 0.0), topv[i]);
      }
      for (std::size_t i = n; i-- > 0;) {
        add(p.x_of(i) + (n == 1 ? half : 0.0), base[i]);
        if (n == 1) add(p.x_of(i) - half, base[i]);
      }
      points.pop_back();
      out << "<polygon class=\"series\" points=\"" << points << "\" fill=\"" << colours[s]
          << "\" fill-opacity=\"0.8\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>"
          << xml_escape(t.series[s].label) << "</title></polygon>\n";
    }
    base = std::move(topv);
  }
  // The total as a line with a dot per period.
  std::string line;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) line += ' ';
    line += num(p.x_of(i)) + "," + num(p.y_of(base[i]));
  }
  if (n > 1)
    out << "<polyline points=\"" << line << "\" fill=\"none\" stroke=\"#263238\" stroke-width=\"1.2\"/>\n";
}

// Lower panel: the Goldstein mean, -10 (conflict) to +10 (cooperation); its
// grid, then segments joining consecutive periods that both have events,
// then a dot per period coloured by the sign.
void write_goldstein_panel(std::ostream& out, const Trend& t, const TrendPlot& p) {
  for (int g : {-10, -5, 0, 5, 10}) {
    const double y = p.g_of(g);
    out << "<line x1=\"" << num(kLeft) << "\" y1=\"" << num(y) << "\" x2=\"" << num(p.width - kRight) << "\" y2=\""
        << num(y) << "\" stroke=\"" << (g == 0 ? "#90a4ae" : "#eceff1") << "\"/>\n"
        << "<text x=\"" << num(kLeft - 6) << "\" y=\"" << num(y + 4) << "\" text-anchor=\"end\" fill=\"#333\">"
        << (g > 0 ? "+" : "") << g << "</text>\n";
  }
  out << "<text x=\"" << num(kLeft) << "\" y=\"" << num(p.lower_top - 8) << "\" fill=\"#555\">"
      << "Goldstein mean (\u221210 conflict \u2026 +10 cooperation)</text>\n";
  std::string seg;
  auto flush = [&] {
    if (seg.find(' ') != std::string::npos)
      out << "<polyline points=\"" << seg << "\" fill=\"none\" stroke=\"#37474f\" stroke-width=\"1.5\"/>\n";
    seg.clear();
  };
  for (std::size_t i = 0; i < p.n; ++i) {
    const auto mean = t.buckets[i].goldstein_mean();
    if (!mean) {
      flush();
      continue;
    }
    if (!seg.empty()) seg += ' ';
    seg += num(p.x_of(i)) + "," + num(p.g_of(*mean));
  }
  flush();
  for (std::size_t i = 0; i < p.n; ++i) {
    const auto mean = t.buckets[i].goldstein_mean();
    if (!mean) continue;
    out << "<circle cx=\"" << num(p.x_of(i)) << "\" cy=\"" << num(p.g_of(*mean)) << "\" r=\"3\" fill=\""
        << (*mean >= 0 ? svg::quad_colour(1) : svg::quad_colour(4)) << "\"/>\n";
  }
}

// Period labels under the lower panel, thinned so that slanted labels do
// not overlap (about 20 px apart at least).
void write_period_ticks(std::ostream& out, const Trend& t, const TrendPlot& p) {
  const std::size_t n = p.n;
  const std::size_t label_step = n == 0 ? 1 : std::max<std::size_t>(1, static_cast<std::size_t>(
                                                                          std::ceil(20.0 * static_cast<double>(n) / p.plot_w)));
  for (std::size_t i = 0; i < n; i += label_step)
    svg::write_tick(out, p.x_of(i), p.top, p.lower_bottom, t.buckets[i].label);
}

// A period's hover text: its span, events (per article), series, Goldstein.
std::string period_tip(const Trend& t, const TrendBucket& b) {
  std::string tip = b.label + " (" + b.start.iso() + " to " + b.end.iso() + "): " + std::to_string(b.events) +
                    " event" + (b.events == 1 ? "" : "s");
  if (t.normalized) {
    const auto per = b.per_article(b.events, true);
    tip += ", " + std::to_string(b.articles) + " articles" + (per ? ", " + ratio(*per) + " per article" : "");
  }
  if (t.group != TrendGroup::kNone)
    for (std::size_t s = 0; s < t.series.size(); ++s)
      if (b.cells[s].events) tip += "\n" + t.series[s].label + ": " + std::to_string(b.cells[s].events);
  const auto mean = b.goldstein_mean();
  tip += "\nGoldstein sum " + fixed(b.goldstein_sum, 1) + (mean ? ", mean " + fixed(*mean, 2) : "");
  return tip;
}

// Hover: one transparent column per period, across both panels.
void write_period_hovers(std::ostream& out, const Trend& t, const TrendPlot& p) {
  for (std::size_t i = 0; i < p.n; ++i) {
    const double w = p.plot_w / static_cast<double>(p.n);
    out << "<rect class=\"period\" x=\"" << num(p.x_of(i) - w / 2) << "\" y=\"" << num(p.top) << "\" width=\""
        << num(w) << "\" height=\"" << num(p.lower_bottom - p.top) << "\" fill=\"#000000\" fill-opacity=\"0\"><title>"
        << xml_escape(period_tip(t, t.buckets[i])) << "</title></rect>\n";
  }
}

}  // namespace

void write_trend_svg(std::ostream& out, const Trend& t, const TrendSvgOptions& options) {
  TrendPlot plot = trend_plot(t, options.width);
  const std::vector<std::string> colours = series_colours(t);
  std::vector<svg::LegendItem> legend = trend_legend(t, colours);
  place_panels(plot, svg::layout_legend(legend, plot.width));

  svg::write_header(out, plot.width, plot.height, options.title.empty() ? title_of(t) : options.title,
                    trend_subtitle(t));
  svg::write_legend(out, legend);
  write_count_grid(out, t, plot);
  if (plot.n > 0) write_stacked_areas(out, t, plot, colours);
  write_goldstein_panel(out, t, plot);
  write_period_ticks(out, t, plot);
  write_period_hovers(out, t, plot);
  out << "</svg>\n";
}

}  // namespace geokg::query
