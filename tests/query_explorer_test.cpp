// The query functions the explorer needs beside the CLI's: typed-prefix
// suggestions, the bounded actor list, event evidence with actor spans,
// web links, and per-code counts on neighbour links.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "geokg/core/ids.hpp"
#include "geokg/query/evidence.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/suggest.hpp"
#include "geokg/query/top.hpp"
#include "query_fixture.hpp"
#include "serve_fixture.hpp"

namespace q = geokg::query;
using geokg::Date;
using geokg::Node;
using geokg::NodeKind;

namespace {

struct Db {
  geokg::test::TempDir dir;
  std::unique_ptr<geokg::GraphStore> store = geokg::test::fixture_store(dir.str() + "/db");
};

geokg::NodeId id_of(const geokg::GraphStore& s, const std::string& name) {
  auto ids = s.find_nodes(geokg::normalize_name(name));
  BOOST_REQUIRE(ids.ok());
  BOOST_REQUIRE_EQUAL(ids->size(), 1u);
  return ids->front();
}

std::vector<std::string> names(const std::vector<q::Suggestion>& s) {
  std::vector<std::string> out;
  for (const auto& x : s) out.push_back(x.node.name);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(query_explorer)

BOOST_AUTO_TEST_CASE(suggestions_by_alias_prefix) {
  Db db;
  auto r = q::suggest_names(*db.store, "blin");
  BOOST_REQUIRE(r.ok());
  BOOST_REQUIRE_EQUAL(r->size(), 1u);
  BOOST_TEST(r->front().node.name == "Antony Blinken");
  BOOST_TEST(r->front().alias == "blinken");
  // Case and accents do not matter; most mentioned first.
  r = q::suggest_names(*db.store, "WANG");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(names(*r) == (std::vector<std::string>{"Wang Yi", "Wang Xiaohong"}));
  r = q::suggest_names(*db.store, "wang x");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(names(*r) == std::vector<std::string>{"Wang Xiaohong"});
  // Nothing typed, nothing matching.
  BOOST_TEST(q::suggest_names(*db.store, "  ")->empty());
  BOOST_TEST(q::suggest_names(*db.store, "zzz")->empty());
}

BOOST_AUTO_TEST_CASE(suggestions_are_bounded) {
  Db db;
  q::SuggestOptions o;
  o.limit = 1;
  auto r = q::suggest_names(*db.store, "w", o);
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->size() == 1u);
  // A scan cap of one entry reads one alias only.
  o.limit = 10;
  o.max_scan = 1;
  r = q::suggest_names(*db.store, "wang", o);
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->size() == 1u);
}

BOOST_AUTO_TEST_CASE(top_actors_by_mentions_with_filters) {
  Db db;
  auto all = q::top_actors(*db.store, {});
  BOOST_REQUIRE(all.ok());
  BOOST_REQUIRE(!all->empty());
  for (std::size_t i = 1; i < all->size(); ++i) BOOST_TEST((*all)[i - 1].mentions >= (*all)[i].mentions);
  // Locations only when asked for.
  BOOST_TEST(std::none_of(all->begin(), all->end(), [](const Node& n) { return n.kind == NodeKind::kLocation; }));
  q::TopOptions o;
  o.kind = NodeKind::kLocation;
  auto places = q::top_actors(*db.store, o);
  BOOST_REQUIRE(places.ok());
  BOOST_REQUIRE_EQUAL(places->size(), 1u);
  BOOST_TEST(places->front().name == "Beijing");

  o = {};
  o.country = "RUS";
  o.limit = 1;
  auto rus = q::top_actors(*db.store, o);
  BOOST_REQUIRE(rus.ok());
  BOOST_REQUIRE_EQUAL(rus->size(), 1u);
  BOOST_TEST(rus->front().country == "RUS");

  auto has = [](const std::vector<Node>& v, const std::string& n) {
    return std::any_of(v.begin(), v.end(), [&](const Node& x) { return x.name == n; });
  };
  // Sector as rank_actors reads it: the node's own, or a role's held in the
  // window (Blinken's GOV role from 2021, Dong Jun's MIL role from 2023-12-29).
  o = {};
  o.limit = 100;
  o.sector = "GOV";
  auto gov = q::top_actors(*db.store, o);
  BOOST_REQUIRE(gov.ok());
  BOOST_TEST(has(*gov, "Antony Blinken"));
  BOOST_TEST(!has(*gov, "Dong Jun"));
  BOOST_TEST(!has(*gov, "Wang Yi"));
  o.sector = "MIL";
  auto mil = q::top_actors(*db.store, o);
  BOOST_REQUIRE(mil.ok());
  BOOST_REQUIRE_EQUAL(mil->size(), 1u);
  BOOST_TEST(mil->front().name == "Dong Jun");

  // Seen in a window: a2 (2024-04-27) mentions Shoigu, a1 (2024-04-26) does not.
  o = {};
  o.limit = 100;
  o.seen_to = Date::Day(2024, 4, 26);
  auto early = q::top_actors(*db.store, o);
  BOOST_REQUIRE(early.ok());
  BOOST_TEST(has(*early, "Wang Xiaohong"));
  BOOST_TEST(!has(*early, "Sergei Shoigu"));
  o.seen_to = {};
  o.seen_from = Date::Month(2024, 4);
  BOOST_TEST(has(*q::top_actors(*db.store, o), "Sergei Shoigu"));
  o.seen_from = Date::Year(2025);
  BOOST_TEST(q::top_actors(*db.store, o)->empty());
}

BOOST_AUTO_TEST_CASE(top_actors_keeps_the_best_of_a_stream) {
  Db db;
  q::TopOptions o;
  o.limit = 3;
  auto three = q::top_actors(*db.store, o);
  o.limit = 100;
  auto all = q::top_actors(*db.store, o);
  BOOST_REQUIRE(three.ok() && all.ok());
  BOOST_REQUIRE_EQUAL(three->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) BOOST_TEST((*three)[i].id == (*all)[i].id);
  o.by = q::TopBy::kRecent;
  auto recent = q::top_actors(*db.store, o);
  BOOST_REQUIRE(recent.ok());
  BOOST_TEST(recent->front().last_seen.iso() == "2024-04-27");
  BOOST_TEST(!q::top_by_from_string("degree").has_value());
}

BOOST_AUTO_TEST_CASE(mentions_found_on_word_boundaries_longest_first) {
  Node wang;
  wang.name = "Wang Yi";
  wang.aliases = {"Wang"};
  Node blinken;
  blinken.name = "Antony Blinken";
  blinken.aliases = {"Blinken"};
  const std::string s = "Blinken met Wang Yi; WANG told blinken, not Wangs or Blinkenism.";
  auto spans = q::find_mentions(s, {{&blinken, q::MentionRole::kSource}, {&wang, q::MentionRole::kTarget}});
  std::vector<std::string> got;
  for (const auto& m : spans) got.push_back(s.substr(m.start, m.end - m.start) + ":" + q::to_string(m.role));
  BOOST_TEST(got == (std::vector<std::string>{"Blinken:source", "Wang Yi:target", "WANG:target", "blinken:source"}));
  // A missing actor is skipped; a one-byte name is never looked for.
  Node x;
  x.name = "X";
  BOOST_TEST(q::find_mentions("X met X", {{nullptr, q::MentionRole::kSource}, {&x, q::MentionRole::kTarget}}).empty());
}

BOOST_AUTO_TEST_CASE(web_links_only_for_http_and_https) {
  BOOST_TEST(q::web_link("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c");
  BOOST_TEST(q::web_link("HTTP://example.org") == "HTTP://example.org");
  for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", " https://x.org", "data:text/html,<b>",
                          "//example.org", "https:///path", "https://", "ftp://x.org", "/relative",
                          "https://x.org/a b", "https://x.org/\n", "vbscript:x", ""})
    BOOST_TEST(q::web_link(bad).empty(), bad);
}

BOOST_AUTO_TEST_CASE(event_detail_has_every_report_with_article_and_spans) {
  Db db;
  const auto blinken = id_of(*db.store, "Antony Blinken");
  const auto wang = id_of(*db.store, "Wang Yi");
  geokg::EdgeId met = 0;
  BOOST_REQUIRE(db.store->scan_adjacency(blinken, geokg::Direction::kOut, {}, [&](const geokg::AdjacencyEntry& a) {
    if (a.other == wang && a.cameo == "040") met = a.edge;
    return true;
  }).ok());
  BOOST_REQUIRE(met != 0);
  auto d = q::event_detail(*db.store, met);
  BOOST_REQUIRE(d.ok());
  BOOST_TEST(d->total_reports == 2u);
  BOOST_REQUIRE_EQUAL(d->reports.size(), 2u);
  for (const auto& r : d->reports) {
    BOOST_REQUIRE(r.article.has_value());
    BOOST_TEST(r.article->url.starts_with("https://example.org/a"));
    BOOST_REQUIRE_GE(r.mentions.size(), 2u);
    BOOST_TEST(r.evidence.sentence.substr(r.mentions[0].start, r.mentions[0].end - r.mentions[0].start) == "Blinken");
    BOOST_TEST(std::string(q::to_string(r.mentions[0].role)) == "source");
    BOOST_TEST(std::string(q::to_string(r.mentions[1].role)) == "target");
  }
  const auto j = q::event_detail_json(*d, nullptr);
  BOOST_TEST(j["source_id"] == geokg::to_hex(blinken));
  BOOST_TEST(j["reports"][0]["article"]["link"] == j["reports"][0]["article"]["url"]);
  // The segments put the sentence back together.
  for (const auto& r : j["reports"]) {
    std::string joined;
    for (const auto& s : r["segments"]) joined += s["text"].get<std::string>();
    BOOST_TEST(joined == r["sentence"].get<std::string>());
  }
  q::EventDetailOptions one;
  one.max_reports = 1;
  BOOST_TEST(q::event_detail(*db.store, met, one)->reports.size() == 1u);
  BOOST_TEST(q::event_detail(*db.store, 12345).status().is_not_found());
}

BOOST_AUTO_TEST_CASE(hostile_article_url_is_not_a_link) {
  Db db;
  BOOST_REQUIRE(geokg::test::commit_hostile(*db.store).ok());
  const auto script = id_of(*db.store, geokg::test::kHostileScript);
  geokg::EdgeId id = 0;
  BOOST_REQUIRE(db.store->scan_adjacency(script, geokg::Direction::kOut, {}, [&](const geokg::AdjacencyEntry& a) {
    id = a.edge;
    return false;
  }).ok());
  auto d = q::event_detail(*db.store, id);
  BOOST_REQUIRE(d.ok());
  const auto j = q::event_detail_json(*d, nullptr);
  BOOST_TEST(j["reports"][0]["article"]["url"] == geokg::test::kHostileUrl);
  BOOST_TEST(j["reports"][0]["article"]["link"].is_null());
  BOOST_TEST(j["reports"][0]["segments"][0]["text"] == geokg::test::kHostileScript);
  BOOST_TEST(j["reports"][0]["segments"][0]["role"] == "source");
}

BOOST_AUTO_TEST_CASE(neighbour_links_count_events_per_code) {
  Db db;
  const auto blinken = id_of(*db.store, "Antony Blinken");
  auto n = q::neighbors(*db.store, blinken, {});
  BOOST_REQUIRE(n.ok());
  for (const auto& l : n->links) {
    BOOST_REQUIRE_EQUAL(l.cameo_events.size(), l.cameo.size());
    std::size_t sum = 0;
    for (std::size_t c : l.cameo_events) sum += c;
    BOOST_TEST(sum == l.events);
    BOOST_TEST(std::is_sorted(l.cameo_events.rbegin(), l.cameo_events.rend()));
  }
}

BOOST_AUTO_TEST_SUITE_END()
