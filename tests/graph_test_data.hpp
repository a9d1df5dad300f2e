#pragma once
// Small articles and extractions for the graph store and view tests, built by
// hand from sentences of the example article (shared/examples), so that the
// storage tests do not depend on the extractor's current quality.

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>

#include "geokg/core/ids.hpp"
#include "geokg/core/model.hpp"
#include "geokg/graph/store.hpp"
#include "test_support.hpp"

namespace geokg::test {

// A fresh store in `dir` (the test fails when it does not open).
inline std::unique_ptr<GraphStore> open_store(const TempDir& dir) {
  auto s = GraphStore::Open(dir.str());
  BOOST_TEST_REQUIRE(s.ok(), (s.ok() ? "" : s.status().to_string()));
  return std::move(s).value();
}

// verify() finds nothing wrong with the store.
inline void require_sound(const GraphStore& s) {
  auto r = s.verify();
  BOOST_TEST_REQUIRE(r.ok());
  for (const auto& p : r->problems) BOOST_TEST_MESSAGE(p);
  BOOST_TEST(r->ok());
}

inline ExtractedActor person(std::string name, std::string country, std::string title,
                             std::vector<std::string> aliases = {}, std::uint32_t mentions = 1) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = NodeKind::kPerson;
  a.country = country;
  a.sector = "GOV";
  a.aliases = std::move(aliases);
  a.mentions = mentions;
  if (!title.empty()) a.roles.push_back(Role{std::move(title), std::move(country), "GOV", "", {}, {}});
  return a;
}

inline ExtractedActor country(std::string name, std::string iso3, std::vector<std::string> aliases = {}) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = NodeKind::kCountry;
  a.country = std::move(iso3);
  a.aliases = std::move(aliases);
  a.mentions = 1;
  return a;
}

inline ExtractedActor place(std::string name, std::string iso3) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = NodeKind::kLocation;
  a.country = std::move(iso3);
  a.mentions = 1;
  return a;
}

inline ExtractedEvent event(int source, int target, std::string cameo, std::string relation,
                            Date date, std::string sentence, std::uint32_t start = 0) {
  ExtractedEvent e;
  e.source = source;
  e.target = target;
  e.cameo = std::move(cameo);
  e.relation = std::move(relation);
  e.date = date;
  e.confidence = 0.8f;
  e.evidence.sentence = std::move(sentence);
  e.evidence.start = start;
  e.evidence.end = start + static_cast<std::uint32_t>(e.evidence.sentence.size());
  e.evidence.rule = "test";
  return e;
}

inline Article article(std::string id, std::string source, Date date, std::string title) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.date = date;
  a.title = std::move(title);
  a.url = "https://example.org/" + a.id;
  a.text = a.title;
  return a;
}

// Actor indexes of beijing_extraction().
enum : int { kBlinken = 0, kWangYi = 1, kUsa = 2, kChina = 3, kBeijing = 4 };

inline const Date kApril26 = Date::Day(2024, 4, 26);

inline const char* kTalksSentence =
    "Blinken raised the matter during five-and-a-half hours of talks with China's top "
    "diplomat Wang Yi in Beijing, the latest high-level contact between the countries that "
    "have eased last year's acrimony.";

// Blinken in Beijing: a meeting, a criticism, a hypothetical sanction.
inline Extraction beijing_extraction() {
  Extraction x;
  x.actors = {person("Antony Blinken", "USA", "Secretary of State", {"Blinken", "Secretary Blinken"}, 9),
              person("Wang Yi", "CHN", "Foreign Minister", {"Wang"}, 4),
              country("United States", "USA", {"U.S.", "Washington"}),
              country("China", "CHN", {"PRC", "People's Republic of China"}),
              place("Beijing", "CHN")};
  ExtractedEvent met = event(kBlinken, kWangYi, "040", "met", kApril26, kTalksSentence, 812);
  met.location = kBeijing;
  ExtractedEvent criticized = event(
      kBlinken, kChina, "111", "criticized", kApril26,
      "U.S. Secretary of State Antony Blinken raised concerns on Friday about China's support "
      "for Russia's military.", 400);
  ExtractedEvent sanctions = event(
      kUsa, kChina, "163", "imposed sanctions", kApril26,
      "Blinken did not respond to a question on whether Washington would impose sanctions over "
      "China's support for Russia.", 2100);
  sanctions.hypothetical = true;
  x.events = {met, criticized, sanctions};
  return x;
}

// Blinken's events over several articles, dated with every precision.
inline void commit_blinken_history(GraphStore& store) {
  struct Item {
    const char* id;
    Date date;
    int target;   // index into actors below
    const char* cameo;
    const char* relation;
    bool hypothetical;
  };
  const Item items[] = {
      {"h1", Date::Day(2024, 4, 26), 1, "040", "met", false},
      {"h2", Date::Day(2023, 6, 19), 2, "040", "met", false},
      {"h3", Date::Month(2023, 2), 3, "111", "criticized", false},
      {"h4", Date{}, 3, "112", "accused", false},
      {"h5", Date::Day(2024, 4, 25), 3, "172", "imposed sanctions", true},
      {"h6", Date::Year(2022), 4, "0233", "appealed for humanitarian aid", false},
  };
  for (const Item& it : items) {
    Extraction x;
    x.actors = {person("Antony Blinken", "USA", "Secretary of State", {"Blinken"}),
                person("Wang Yi", "CHN", "Foreign Minister"), person("Xi Jinping", "CHN", "President"),
                country("China", "CHN"), country("Ukraine", "UKR")};
    ExtractedEvent e = event(0, it.target, it.cameo, it.relation, it.date, std::string("sentence of ") + it.id);
    e.hypothetical = it.hypothetical;
    x.events = {e};
    // Xi meets Blinken too, so Blinken also has an incoming event.
    if (std::string(it.id) == "h2") x.events.push_back(event(2, 0, "042", "hosted", it.date, "Xi hosted Blinken"));
    BOOST_TEST_REQUIRE(store.commit(article(it.id, "Reuters", it.date, it.id), x).ok());
  }
}

}  // namespace geokg::test
