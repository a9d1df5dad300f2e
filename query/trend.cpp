#include "geokg/query/trend.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "geokg/query/subgraph.hpp"

namespace geokg::query {

std::optional<TrendPeriod> trend_period_from_string(std::string_view s) {
  if (s == "day") return TrendPeriod::kDay;
  if (s == "week") return TrendPeriod::kWeek;
  if (s == "month") return TrendPeriod::kMonth;
  if (s == "year") return TrendPeriod::kYear;
  return std::nullopt;
}

const char* to_string(TrendPeriod p) {
  switch (p) {
    case TrendPeriod::kDay: return "day";
    case TrendPeriod::kWeek: return "week";
    case TrendPeriod::kMonth: return "month";
    case TrendPeriod::kYear: return "year";
  }
  return "month";
}

std::optional<TrendGroup> trend_group_from_string(std::string_view s) {
  if (s == "none" || s == "all") return TrendGroup::kNone;
  if (s == "quad" || s == "quad-class") return TrendGroup::kQuadClass;
  if (s == "root" || s == "class") return TrendGroup::kRoot;
  return std::nullopt;
}

const char* to_string(TrendGroup g) {
  switch (g) {
    case TrendGroup::kNone: return "none";
    case TrendGroup::kQuadClass: return "quad";
    case TrendGroup::kRoot: return "root";
  }
  return "quad";
}

std::optional<double> TrendBucket::goldstein_mean() const {
  if (scored == 0) return std::nullopt;
  return goldstein_sum / static_cast<double>(scored);
}

std::optional<double> TrendBucket::per_article(std::size_t count, bool normalized) const {
  if (!normalized || articles == 0) return std::nullopt;
  return static_cast<double>(count) / static_cast<double>(articles);
}

Date period_start(const Date& d, TrendPeriod p) {
  switch (p) {
    case TrendPeriod::kDay: return d;
    case TrendPeriod::kWeek: return Date::FromDaysSinceEpoch(d.days_since_epoch() - d.weekday());
    case TrendPeriod::kMonth: return Date::Day(d.year, d.month, 1);
    case TrendPeriod::kYear: return Date::Day(d.year, 1, 1);
  }
  return d;
}

namespace {

Date period_end(const Date& start, TrendPeriod p) {
  switch (p) {
    case TrendPeriod::kDay: return start;
    case TrendPeriod::kWeek: return Date::FromDaysSinceEpoch(start.days_since_epoch() + 6);
    case TrendPeriod::kMonth: return Date::Month(start.year, start.month).last_day();
    case TrendPeriod::kYear: return Date::Year(start.year).last_day();
  }
  return start;
}

// Whether a date is precise enough to fall in one period.
bool fits(const Date& d, TrendPeriod p) {
  switch (p) {
    case TrendPeriod::kDay:
    case TrendPeriod::kWeek: return d.precision == DatePrecision::kDay;
    case TrendPeriod::kMonth: return d.precision >= DatePrecision::kMonth;
    case TrendPeriod::kYear: return d.known();
  }
  return false;
}

}  // namespace

std::string period_label(const Date& start, TrendPeriod p) {
  char buf[16];
  switch (p) {
    case TrendPeriod::kDay: return start.iso();
    case TrendPeriod::kWeek: {
      // ISO 8601: the week belongs to the year of its Thursday.
      const Date thursday = Date::FromDaysSinceEpoch(start.days_since_epoch() + 3);
      const int week = static_cast<int>(
          (thursday.days_since_epoch() - Date::Day(thursday.year, 1, 1).days_since_epoch()) / 7 + 1);
      std::snprintf(buf, sizeof buf, "%04d-W%02d", thursday.year, week);
      return buf;
    }
    case TrendPeriod::kMonth: return Date::Month(start.year, start.month).iso();
    case TrendPeriod::kYear: return Date::Year(start.year).iso();
  }
  return start.iso();
}

Result<Trend> build_trend(const GraphStore& store, const TrendQuery& query, const CameoTable& cameo) {
  Trend t;
  t.period = query.period;
  t.group = query.group;
  t.normalized = query.normalize;
  NodeCache cache(store);
  for (NodeId id : query.actors) t.actor_names.push_back(cache.name(id));
  auto rows = select_events(store, query, &cameo, cache);
  if (!rows.ok()) return rows.status();

  // The series.
  std::map<std::string, std::size_t> series_of;   // key -> index in t.series
  if (query.group == TrendGroup::kNone) {
    t.series.push_back({"all", "all events", 0});
  } else if (query.group == TrendGroup::kQuadClass) {
    for (int q = 1; q <= 4; ++q) t.series.push_back({std::to_string(q), quad_class_name(q), q});
  } else {
    std::map<std::string, int> roots;
    for (const auto& r : *rows) {
      const std::string root = r.cameo.substr(0, 2);
      const CameoCode* c = cameo.find(root);
      roots[root] = c ? c->quad_class : 0;
    }
    for (const auto& [root, quad] : roots) {
      const std::string label = cameo.root_label(root);
      t.series.push_back({root, label.empty() ? root : label, quad});
    }
  }
  for (std::size_t i = 0; i < t.series.size(); ++i) series_of[t.series[i].key] = i;

  // The span of the buckets: the window where given, else the events'.
  struct Counted {
    std::int64_t start;   // days since epoch of the period's first day
    const SelectedEvent* row;
  };
  std::vector<Counted> counted;
  std::int64_t lo = 0, hi = -1;   // period starts, inclusive; empty while hi < lo
  auto widen = [&](std::int64_t start) {
    if (hi < lo) lo = hi = start;
    lo = std::min(lo, start);
    hi = std::max(hi, start);
  };
  for (const auto& r : *rows) {
    if (!r.date.known()) {
      ++t.undated;
      continue;
    }
    if (!fits(r.date, query.period)) {
      ++t.coarser;
      continue;
    }
    const std::int64_t start = period_start(r.date.first_day(), query.period).days_since_epoch();
    counted.push_back({start, &r});
    widen(start);
  }
  if (query.filter.from.known()) widen(period_start(query.filter.from.first_day(), query.period).days_since_epoch());
  if (query.filter.to.known()) widen(period_start(query.filter.to.last_day(), query.period).days_since_epoch());
  if (hi < lo) return t;

  std::unordered_map<std::int64_t, std::size_t> bucket_of;
  for (std::int64_t d = lo; d <= hi;) {
    if (t.buckets.size() == query.max_periods)
      return Status::InvalidInput("more than " + std::to_string(query.max_periods) + " periods of a " +
                                  to_string(query.period) + " from " + Date::FromDaysSinceEpoch(lo).iso() +
                                  " to " + Date::FromDaysSinceEpoch(hi).iso() +
                                  "; count by a longer period or narrow the dates");
    TrendBucket b;
    b.start = Date::FromDaysSinceEpoch(d);
    b.end = period_end(b.start, query.period);
    b.label = period_label(b.start, query.period);
    b.cells.resize(t.series.size());
    bucket_of[d] = t.buckets.size();
    t.buckets.push_back(std::move(b));
    d = t.buckets.back().end.days_since_epoch() + 1;
  }

  for (const auto& c : counted) {
    TrendBucket& b = t.buckets[bucket_of.at(c.start)];
    const CameoCode* code = cameo.find_or_root(c.row->cameo);
    ++b.events;
    ++t.events;
    if (code != nullptr) {
      b.goldstein_sum += code->goldstein;
      ++b.scored;
    } else {
      ++t.unscored;
    }
    std::string key = "all";
    if (query.group == TrendGroup::kQuadClass) key = code ? std::to_string(code->quad_class) : "";
    else if (query.group == TrendGroup::kRoot) key = c.row->cameo.substr(0, 2);
    auto it = series_of.find(key);
    if (it == series_of.end()) continue;
    TrendCell& cell = b.cells[it->second];
    ++cell.events;
    if (code != nullptr) cell.goldstein_sum += code->goldstein;
  }

  if (query.normalize) {
    Status s = store.for_each_article([&](const ArticleRecord& a) {
      if (!fits(a.date, query.period)) return true;
      if (!query.filter.publishers.empty()) {
        bool named = false;
        for (const auto& p : query.filter.publishers) named = named || publisher_matches(a.source, p);
        if (!named) return true;
      }
      auto it = bucket_of.find(period_start(a.date.first_day(), query.period).days_since_epoch());
      if (it != bucket_of.end()) ++t.buckets[it->second].articles;
      return true;
    });
    if (!s.ok()) return s;
  }
  if (!cache.status().ok()) return cache.status();
  return t;
}

}  // namespace geokg::query
