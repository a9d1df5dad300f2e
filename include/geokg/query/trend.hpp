#pragma once
// Counts over time: how many of the selected events fell in each day, week,
// month or year, split by CAMEO quad class or root class, with the Goldstein
// sum and mean of each period, and (on request) the counts per article
// ingested in the period, since raw counts follow news volume.
//
//   TrendQuery q;                         // an EventSelection: actors, filter, country …
//   q.actors = {us, japan};
//   q.filter.from = Date::Year(1987); q.filter.to = Date::Year(1987);
//   q.period = TrendPeriod::kMonth;  q.group = TrendGroup::kQuadClass;
//   auto t = build_trend(store, q, cameo);   // t->buckets: 1987-01 … 1987-12
//
// The sum of the buckets' counts plus `undated` plus `coarser` is the number
// of events the same selection gives a timeline.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/select.hpp"

namespace geokg::query {

enum class TrendPeriod { kDay, kWeek, kMonth, kYear };
std::optional<TrendPeriod> trend_period_from_string(std::string_view s);   // day, week, month, year
const char* to_string(TrendPeriod p);

enum class TrendGroup { kNone, kQuadClass, kRoot };
std::optional<TrendGroup> trend_group_from_string(std::string_view s);     // none, quad, root
const char* to_string(TrendGroup g);

struct TrendQuery : EventSelection {
  TrendPeriod period = TrendPeriod::kMonth;     // Default: month
  TrendGroup group = TrendGroup::kQuadClass;    // Default: quad class
  // Count the articles dated in each period (of the filter's publishers when
  // it names any) for the per-article figures. Default: false
  bool normalize = false;
  // Most periods from the first to the last (a day-by-day count over
  // centuries is a mistake, not a question). Default: 100,000
  std::size_t max_periods = 100'000;
};

// One series: a quad class ("1", "verbal cooperation") or a root class
// ("04", "CONSULT"); with TrendGroup::kNone the one series "all".
struct TrendSeries {
  std::string key;
  std::string label;
  int quad_class = 0;    // the series' quad class (0 for "all")
};

struct TrendCell {
  std::size_t events = 0;
  double goldstein_sum = 0.0;
};

struct TrendBucket {
  Date start;                    // first day of the period
  Date end;                      // last day of the period
  std::string label;             // "1987-03-02" (day), "1987-W10" (ISO week), "1987-03", "1987"
  std::vector<TrendCell> cells;  // one per Trend::series
  std::size_t events = 0;        // all series
  double goldstein_sum = 0.0;
  std::size_t scored = 0;        // events with a Goldstein value (the mean's denominator)
  std::size_t articles = 0;      // articles dated in the period (normalize only)
  // goldstein_sum / scored; nullopt without scored events.
  std::optional<double> goldstein_mean() const;
  // count / articles; nullopt when not normalised or no article is dated in the period.
  std::optional<double> per_article(std::size_t count, bool normalized) const;
};

struct Trend {
  std::vector<std::string> actor_names;
  TrendPeriod period = TrendPeriod::kMonth;
  TrendGroup group = TrendGroup::kQuadClass;
  bool normalized = false;
  std::vector<TrendSeries> series;    // quad classes 1-4; the root classes that occur, in code order
  std::vector<TrendBucket> buckets;   // every period from the first to the last, empty ones included
  std::size_t events = 0;             // counted in buckets
  std::size_t undated = 0;            // selected but without a date: in no bucket
  std::size_t coarser = 0;            // dated less precisely than the period (a year by month): in no bucket
  std::size_t unscored = 0;           // counted, but their code has no Goldstein value in the table
  std::size_t total() const { return events + undated + coarser; }
};

// The first day of the period holding `day` (REQUIRES: day precision), and
// the period's label.
Date period_start(const Date& day, TrendPeriod p);
std::string period_label(const Date& start, TrendPeriod p);

// Buckets span the filter's window where it is given (from its first to its
// last period) and the counted events' dates where it is open. Reads the
// index entries only, unless the selection needs records (country, sector,
// publishers, min_sources); with normalize, also every article record.
// Errors: store failures; InvalidInput for more than two actors or more than
// max_periods periods.
Result<Trend> build_trend(const GraphStore& store, const TrendQuery& query, const CameoTable& cameo);

}  // namespace geokg::query
