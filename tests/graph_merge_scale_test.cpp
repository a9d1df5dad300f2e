// Many reports of one event: the store's commit and merge work stays linear
// in the number of reports (it was quadratic: 200,000 one-line articles
// reporting the same event took 531 s), and the merged edge holds every
// report once. bench/same_event.sh measures the full-size case.
#include <boost/test/unit_test.hpp>

#include <sys/resource.h>

#include "geokg/graph/codec.hpp"
#include "geokg/graph/store.hpp"
#include "graph_test_data.hpp"
#include "test_support.hpp"

namespace geokg {

namespace {

double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

Extraction one_meeting() {
  Extraction ex;
  ex.actors = {test::person("Antony Blinken", "USA", "Secretary of State"),
               test::person("Wang Yi", "CHN", "Foreign Minister")};
  ex.events = {test::event(0, 1, "040", "met", test::kApril26, "Blinken met Wang Yi in Beijing.")};
  return ex;
}

// Commits `n` one-report articles of the same event into a fresh store;
// returns the CPU seconds the commits took.
double commit_reports(const std::string& dir, int n) {
  auto store = GraphStore::Open(dir);
  BOOST_REQUIRE(store.ok());
  const Extraction ex = one_meeting();
  const char* publishers[] = {"Reuters", "AP", "AFP", "BBC", "Xinhua"};
  const double t0 = cpu_seconds();
  for (int i = 0; i < n; ++i) {
    std::string id(1, 'r');
    id += std::to_string(i);
    auto r = (*store)->commit(test::article(id, publishers[i % 5], test::kApril26, "Talks"), ex);
    BOOST_REQUIRE(r.ok());
  }
  const double secs = cpu_seconds() - t0;
  std::size_t edges = 0;
  BOOST_REQUIRE((*store)->for_each_edge([&](const EventEdge& e) {
    ++edges;
    BOOST_TEST(e.mentions == static_cast<std::uint32_t>(n));
    BOOST_TEST(e.articles.size() == static_cast<std::size_t>(n));
    BOOST_TEST(e.evidence.size() == static_cast<std::size_t>(n));
    BOOST_TEST(e.sources.size() == 5u);
    return true;
  }).ok());
  BOOST_TEST(edges == 1u);
  auto v = (*store)->verify();
  BOOST_REQUIRE(v.ok());
  BOOST_TEST(v->ok());
  return secs;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graph_merge_scale)

BOOST_AUTO_TEST_CASE(reports_of_one_event_merge_in_linear_time) {
  test::TempDir dir;
  const double small = commit_reports(dir.str() + "/small", 4000);
  const double large = commit_reports(dir.str() + "/large", 16000);
  BOOST_TEST_MESSAGE("4,000 reports: " << small << " CPU-s; 16,000: " << large << " CPU-s");
  // Four times the reports: about four times the work (quadratic was 16).
  BOOST_TEST(large < 8 * std::max(small, 0.05), "16k/4k CPU time ratio " << large / small);
}

BOOST_AUTO_TEST_CASE(edge_fold_equals_merge_into) {
  // EdgeFold (the merge operator's linear fold) gives what merge_into gives
  // one update at a time, duplicates dropped the same way.
  EventEdge base;
  base.id = 7;
  base.cameo = "040";
  base.date = Date::Month(2024, 4);
  base.mentions = 1;
  base.sources = {"Reuters"};
  base.articles = {"a0"};
  Evidence ev0;
  ev0.article_id = "a0";
  ev0.sentence = "Blinken met Wang Yi.";
  base.evidence = {ev0};
  std::vector<EventEdge> updates;
  for (int i = 1; i <= 6; ++i) {
    EventEdge u;
    u.id = 7;
    u.cameo = i == 3 ? "043" : "040";
    u.date = i == 4 ? test::kApril26 : Date::Month(2024, 4);
    u.mentions = 1;
    u.confidence = 0.1f * static_cast<float>(i);
    u.sources = {i % 2 ? "AP" : "Reuters"};
    std::string id(1, 'a');
    id += std::to_string(i % 4);   // a0..a3 again: some articles repeat
    u.articles = {id};
    Evidence ev = ev0;
    ev.article_id = id;
    u.evidence = {ev};
    updates.push_back(u);
  }
  EventEdge one_by_one = base;
  for (const auto& u : updates) codec::merge_into(one_by_one, u);
  codec::EdgeFold fold(base);
  for (const auto& u : updates) fold.add(u);
  BOOST_TEST(codec::encode(fold.result()) == codec::encode(one_by_one));
  BOOST_TEST(fold.result().articles.size() == 4u);
  BOOST_TEST(fold.result().evidence.size() == 4u);
  BOOST_TEST(fold.result().mentions == 7u);
  BOOST_TEST(fold.result().cameo == "043");
  BOOST_TEST(fold.result().date.iso() == "2024-04-26");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg
