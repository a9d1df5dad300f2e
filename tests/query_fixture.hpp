#pragma once
// A small hand-made graph for the query tests, committed through
// GraphStore::commit so that the tests do not depend on extraction quality.
// Two articles report the same Blinken-Wang Yi meeting (one edge, two
// reports); Shoigu and Dong Jun are linked to the rest only through Dong
// Jun's role; one event is negated; one is month-precise; and two actors have
// names built to break writers: quotes, a backslash, '<', '&', braces, a
// newline, and Cyrillic.

#include <memory>
#include <string>

#include "geokg/core/model.hpp"
#include "geokg/graph/store.hpp"
#include "test_support.hpp"

namespace geokg::test {

inline ExtractedActor actor(std::string name, NodeKind kind, std::string country,
                            std::vector<std::string> aliases = {}, std::uint32_t mentions = 1) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = kind;
  a.country = std::move(country);
  a.aliases = std::move(aliases);
  a.mentions = mentions;
  return a;
}

inline ExtractedEvent event(int source, int target, std::string cameo, std::string relation, Date date,
                            std::string sentence, int location = -1) {
  ExtractedEvent e;
  e.source = source;
  e.target = target;
  e.cameo = std::move(cameo);
  e.relation = std::move(relation);
  e.date = date;
  e.location = location;
  e.confidence = 0.9f;
  e.evidence.sentence = std::move(sentence);
  e.evidence.start = 0;
  e.evidence.end = static_cast<std::uint32_t>(e.evidence.sentence.size());
  e.evidence.rule = "fixture";
  return e;
}

// Names with every character a writer must escape.
inline const std::string kTrickyOrg = "Acme & <Sons> \"Ltd\" {x}";
inline const std::string kTrickyGroup = "O'Brien\\ Front\nNorth";
inline const std::string kCyrillic = "Владимир Путин";

inline void commit_fixture(GraphStore& store) {
  {
    Article a;
    a.id = "a1";
    a.title = "Blinken in Beijing";
    a.date = Date::Day(2024, 4, 26);
    a.source = "Reuters";
    a.url = "https://example.org/a1";
    Extraction x;
    x.actors.push_back(actor("Antony Blinken", NodeKind::kPerson, "USA", {"Blinken"}, 5));  // 0
    x.actors[0].roles.push_back({"Secretary of State", "USA", "GOV", "", Date::Day(2021, 1, 26), Date{}});
    x.actors.push_back(actor("Wang Yi", NodeKind::kPerson, "CHN", {"Wang"}, 3));           // 1
    x.actors.push_back(actor("China", NodeKind::kCountry, "CHN", {"Beijing"}, 4));         // 2
    x.actors.push_back(actor("United States", NodeKind::kCountry, "USA", {"U.S."}, 2));    // 3
    x.actors.push_back(actor("Beijing", NodeKind::kLocation, "CHN"));                      // 4
    x.actors.push_back(actor("Wang Xiaohong", NodeKind::kPerson, "CHN", {}, 1));           // 5
    x.events.push_back(event(0, 1, "040", "met", Date::Day(2024, 4, 26),
                             "Blinken met Wang Yi in Beijing on Friday.", 4));
    x.events.push_back(event(1, 0, "010", "told", Date::Day(2024, 4, 26),
                             "Wang told Blinken that ties had \"stabilised\".", -1));
    x.events.push_back(event(0, 5, "040", "met", Date::Day(2024, 4, 26),
                             "Blinken met Wang Xiaohong, China's minister of public security.", -1));
    x.events.push_back(event(0, 2, "112", "accused", Date::Day(2024, 4, 26),
                             "Blinken accused China of fuelling the war.", -1));
    auto neg = event(0, 2, "138", "threatened", Date::Day(2024, 4, 26),
                     "Blinken did not threaten China with sanctions.", -1);
    neg.negated = true;
    x.events.push_back(neg);
    BOOST_REQUIRE(store.commit(a, x).ok());
  }
  {
    Article a;
    a.id = "a2";
    a.title = "Shoigu meets Dong Jun";
    a.date = Date::Day(2024, 4, 27);
    a.source = "AP";
    a.url = "https://example.org/a2";
    Extraction x;
    x.actors.push_back(actor("Antony Blinken", NodeKind::kPerson, "USA", {"Blinken"}, 2));  // 0
    x.actors.push_back(actor("Wang Yi", NodeKind::kPerson, "CHN", {"Wang"}, 1));           // 1
    x.actors.push_back(actor("Sergei Shoigu", NodeKind::kPerson, "RUS", {"Shoigu"}, 2));   // 2
    x.actors.push_back(actor("Dong Jun", NodeKind::kPerson, "CHN", {}, 1));                // 3
    x.actors[3].roles.push_back({"Defence Minister", "CHN", "MIL", "", Date::Day(2023, 12, 29), Date{}});
    x.actors.push_back(actor("China", NodeKind::kCountry, "CHN", {}, 1));                  // 4
    x.actors.push_back(actor(kTrickyOrg, NodeKind::kOrganization, "GBR", {}, 1));          // 5
    x.actors.push_back(actor(kTrickyGroup, NodeKind::kGroup, "", {}, 1));                  // 6
    x.actors.push_back(actor(kCyrillic, NodeKind::kPerson, "RUS", {"Vladimir Putin"}, 2)); // 7
    x.events.push_back(event(0, 1, "040", "met", Date::Day(2024, 4, 26),
                             "Blinken met Wang Yi, AP reported.", -1));
    x.events.push_back(event(2, 3, "040", "met", Date::Day(2024, 4, 26),
                             "Shoigu met his Chinese counterpart Dong Jun.", -1));
    x.events.push_back(event(5, 6, "057", "signed", Date::Day(2024, 3, 1),
                             "Acme & <Sons> signed a deal with the \"Front\", a {braced} name.", -1));
    x.events.push_back(event(7, 4, "042", "visited", Date::Month(2023, 2),
                             "Путин visited China in February 2023.", -1));
    BOOST_REQUIRE(store.commit(a, x).ok());
  }
}

// A store at `dir` holding the fixture.
inline std::unique_ptr<GraphStore> fixture_store(const std::string& dir) {
  auto s = GraphStore::Open(dir);
  BOOST_REQUIRE(s.ok());
  auto store = std::move(s).value();
  commit_fixture(*store);
  return store;
}

// The fixture in one database per test executable, made on first use (the
// CLI opens it read-only), and `args` run against it.
inline const std::string& fixture_db_path() {
  static const struct Db {
    TempDir dir;
    std::string path = dir.str() + "/db";
    Db() { fixture_store(path); }
  } db;
  return db.path;
}
inline std::string with_fixture_db(const std::string& args) { return args + " --db " + shell_quote(fixture_db_path()); }

}  // namespace geokg::test
