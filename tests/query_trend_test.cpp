// Trends (geokg/query/trend.hpp) on the hand-made fixture: periods, series,
// Goldstein sums, normalisation, the shared selection, and the rule that a
// trend's counts add up to the timeline of the same selection.
#include <boost/test/unit_test.hpp>

#include <numeric>

#include "geokg/core/cameo.hpp"
#include "geokg/query/resolve.hpp"
#include "geokg/query/timeline.hpp"
#include "geokg/query/trend.hpp"
#include "query_fixture.hpp"

namespace q = geokg::query;
using geokg::Date;

namespace {

struct Fixture {
  geokg::test::TempDir dir;
  std::unique_ptr<geokg::GraphStore> store = geokg::test::fixture_store(dir.str() + "/db");
  geokg::CameoTable cameo = [] {
    auto t = geokg::CameoTable::Load(geokg::test::data_dir() + "/cameo-codes.tsv");
    BOOST_REQUIRE(t.ok());
    return std::move(t).value();
  }();
  geokg::NodeId id(const std::string& name) {
    auto r = q::resolve_name(*store, name);
    BOOST_REQUIRE(r.ok() && r->found());
    return r->node.id;
  }
  q::Trend trend(const q::TrendQuery& query) {
    auto t = q::build_trend(*store, query, cameo);
    BOOST_REQUIRE_MESSAGE(t.ok(), (t.ok() ? std::string() : t.status().message()));
    return std::move(t).value();
  }
  std::size_t timeline_count(const q::EventSelection& sel) {
    q::TimelineQuery tq;
    static_cast<q::EventSelection&>(tq) = sel;
    auto t = q::build_timeline(*store, tq, &cameo);
    BOOST_REQUIRE(t.ok());
    return t->events.size();
  }
};

std::size_t bucket_sum(const q::Trend& t) {
  return std::accumulate(t.buckets.begin(), t.buckets.end(), std::size_t{0},
                         [](std::size_t n, const q::TrendBucket& b) { return n + b.events; });
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(query_trend, Fixture)

BOOST_AUTO_TEST_CASE(months_quad_classes_and_goldstein) {
  q::TrendQuery query;   // every event, by month, by quad class
  const q::Trend t = trend(query);
  // 2023-02 (Putin's month-precise visit) to 2024-04, empty months included.
  BOOST_REQUIRE(t.buckets.size() == 15u);
  BOOST_TEST(t.buckets.front().label == "2023-02");
  BOOST_TEST(t.buckets.back().label == "2024-04");
  BOOST_TEST(t.buckets.back().end.iso() == "2024-04-30");
  BOOST_TEST(t.buckets[1].events == 0u);
  BOOST_TEST(t.events == 7u);
  BOOST_TEST(t.undated + t.coarser == 0u);
  const q::TrendBucket& april = t.buckets.back();
  BOOST_TEST(april.events == 5u);   // accused, told, three meetings (the negated threat is left out)
  BOOST_REQUIRE(t.series.size() == 4u);
  BOOST_TEST(april.cells[0].events == 4u);   // verbal cooperation: told, met x3
  BOOST_TEST(april.cells[2].events == 1u);   // verbal conflict: accused
  // Goldstein: 010 0.0 + 040 1.0 x3 + 112 -2.0.
  BOOST_TEST(april.goldstein_sum == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(*april.goldstein_mean() == 0.2, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(!t.buckets[1].goldstein_mean().has_value());
}

BOOST_AUTO_TEST_CASE(days_weeks_years_and_roots) {
  q::TrendQuery query;
  query.period = q::TrendPeriod::kWeek;
  query.group = q::TrendGroup::kRoot;
  query.filter.from = Date::Year(2024);
  const q::Trend weeks = trend(query);
  // 2024-04-26 is a Friday of ISO week 17, which starts on Monday the 22nd.
  BOOST_TEST(weeks.buckets.front().label == "2024-W01");
  BOOST_TEST(weeks.buckets.back().label == "2024-W17");
  BOOST_TEST(weeks.buckets.back().start.iso() == "2024-04-22");
  BOOST_TEST(weeks.events == 6u);
  BOOST_REQUIRE(weeks.series.size() == 4u);   // roots 01, 04, 05, 11
  BOOST_TEST(weeks.series[1].key == "04");
  BOOST_TEST(weeks.series[1].label == "CONSULT");
  BOOST_TEST(weeks.buckets.back().cells[1].events == 3u);

  q::TrendQuery days;
  days.period = q::TrendPeriod::kDay;
  const q::Trend d = trend(days);
  BOOST_TEST(d.coarser == 1u);   // the month-precise visit fits no day
  BOOST_TEST(d.events == 6u);
  BOOST_TEST(d.buckets.front().label == "2024-03-01");

  q::TrendQuery years;
  years.period = q::TrendPeriod::kYear;
  years.group = q::TrendGroup::kNone;
  const q::Trend y = trend(years);
  BOOST_REQUIRE(y.buckets.size() == 2u);
  BOOST_TEST(y.buckets[0].events == 1u);
  BOOST_TEST(y.buckets[1].events == 6u);
  BOOST_TEST(y.series.size() == 1u);

  BOOST_TEST(q::period_label(Date::Day(2021, 1, 4), q::TrendPeriod::kWeek) == "2021-W01");
  BOOST_TEST(q::period_label(Date::Day(2020, 12, 28), q::TrendPeriod::kWeek) == "2020-W53");
}

BOOST_AUTO_TEST_CASE(normalised_per_article_of_the_period) {
  q::TrendQuery query;
  query.normalize = true;
  query.filter.from = Date::Month(2024, 4);
  const q::Trend t = trend(query);
  BOOST_REQUIRE(t.buckets.size() == 1u);
  BOOST_TEST(t.buckets[0].articles == 2u);   // a1 and a2, both of April 2024
  BOOST_TEST(*t.buckets[0].per_article(t.buckets[0].events, true) == 2.5);
  // Of one publisher: its events and its articles.
  query.filter.publishers = {"ap"};
  const q::Trend ap = trend(query);
  BOOST_TEST(ap.buckets[0].articles == 1u);
  BOOST_TEST(ap.buckets[0].events == 2u);   // Shoigu met Dong Jun; Blinken met Wang Yi (AP too)
}

BOOST_AUTO_TEST_CASE(selections_country_quad_pair_and_too_many_periods) {
  q::TrendQuery russia;
  russia.country = "RUS";
  BOOST_TEST(trend(russia).events == 2u);   // Putin's visit, Shoigu's meeting
  q::TrendQuery conflict;
  conflict.quad_classes = {3};
  BOOST_TEST(trend(conflict).events == 1u);   // accused
  q::TrendQuery pair;
  pair.actors = {id("Blinken"), id("Wang Yi")};
  BOOST_TEST(trend(pair).events == 2u);
  BOOST_TEST(trend(pair).actor_names[1] == "Wang Yi");
  q::TrendQuery huge;
  huge.period = q::TrendPeriod::kDay;
  huge.filter.from = Date::Year(1000);
  huge.filter.to = Date::Day(2999, 12, 31);
  BOOST_TEST((q::build_trend(*store, huge, cameo).status().code() == geokg::Status::Code::kInvalidInput));
}

// The measured acceptance: for the same selection, the periods' counts plus
// those left out (undated, dated less precisely than the period) equal the
// timeline's number of events.
BOOST_AUTO_TEST_CASE(trend_sums_equal_timeline_counts) {
  std::vector<q::EventSelection> selections(8);
  selections[1].actors = {id("Blinken")};
  selections[2].actors = {id("Blinken"), id("Wang Yi")};
  selections[3].filter.include_flagged = true;
  selections[4].filter.publishers = {"Reuters"};
  selections[5].country = "CHN";
  selections[6].quad_classes = {1};
  selections[6].filter.from = Date::Month(2024, 3);
  selections[7].sector = "MIL";
  for (std::size_t i = 0; i < selections.size(); ++i) {
    const std::size_t timeline = timeline_count(selections[i]);
    for (auto period : {q::TrendPeriod::kDay, q::TrendPeriod::kWeek, q::TrendPeriod::kMonth, q::TrendPeriod::kYear}) {
      q::TrendQuery query;
      static_cast<q::EventSelection&>(query) = selections[i];
      query.period = period;
      const q::Trend t = trend(query);
      BOOST_TEST(bucket_sum(t) == t.events, "selection " << i);
      BOOST_TEST(t.total() == timeline, "selection " << i << " by " << q::to_string(period));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
