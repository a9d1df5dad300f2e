// The codebook suite (tests/codebook/): a team-written sentence for every
// CAMEO code, coded by the shipped extractor. Recall per CAMEO root with both
// ends right at country level, and no event at all on the sentences that
// hold none (sports results, trade figures, history, negations, idioms).
// The floors sit under the figures reached (tests/codebook/README.md).

#include <array>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/ingest/reader.hpp"
#include "test_support.hpp"

namespace geokg {
namespace {

const std::string kDir = std::string(GEOKG_TEST_SOURCE_DIR) + "/tests/codebook/";

const Extractor& extractor() {
  LexiconOptions o;
  o.tree_coder = true;
  static const auto lex = load_lexicons(GEOKG_TEST_DATA_DIR, {}, o);
  if (!lex.ok()) BOOST_FAIL("cannot load lexicons: " << lex.status().to_string());
  static const Extractor x(lex.value());
  return x;
}

struct Item {
  Article article;
  nlohmann::json expected;
  std::string construction;
};

std::vector<Item> read_items(const std::string& file) {
  std::vector<Item> out;
  std::ifstream in(kDir + file);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << kDir + file);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    auto a = parse_jsonl_line(line, ReadOptions{}, file + ":" + std::to_string(n));
    if (!a.ok()) BOOST_FAIL(a.status().to_string());
    const auto j = nlohmann::json::parse(line);
    out.push_back(Item{std::move(a).value(), j.at("expected"), j.value("construction", "")});
  }
  return out;
}

// A side of an expected coding matches an actor when the country (first three
// letters) is the actor's; IGO/NGO/MNC and bare sectors match any actor.
bool side_matches(const std::string& code, const std::string& country) {
  static const std::set<std::string> kAny = {"IGO", "NGO", "MNC", "---", "UAF", "REB", "INS", "OPP", "CVL"};
  const std::string c = code.substr(0, 3);
  return kAny.count(c) > 0 || c == country;
}

struct Tally {
  int found = 0, total = 0;
  double recall() const { return total ? static_cast<double>(found) / total : 1.0; }
};

// Codes every item and returns the tally per root ("01".."20") and per construction.
void code_items(const std::vector<Item>& items, std::map<std::string, Tally>& by_root,
                std::map<std::string, Tally>& by_construction, std::vector<std::string>& misses) {
  for (const Item& item : items) {
    const Extraction x = extractor().extract(item.article);
    // An event answers one expected coding; a symmetric one (a meeting,
    // talks, a clash: one edge whichever side the sentence names first)
    // answers one in each direction, as CAMEO codes "X and Y met" twice.
    std::vector<bool> used(x.events.size(), false), used_back(x.events.size(), false);
    for (const auto& e : item.expected) {
      const std::string cameo = e.at("cameo").get<std::string>();
      const std::string root = cameo.substr(0, 2);
      bool ok = false;
      for (std::size_t i = 0; i < x.events.size() && !ok; ++i) {
        const ExtractedEvent& ev = x.events[i];
        if (ev.negated || ev.hypothetical || ev.cameo.substr(0, 2) != root) continue;
        const auto& s = x.actors[static_cast<std::size_t>(ev.source)];
        const auto& t = x.actors[static_cast<std::size_t>(ev.target)];
        if (!used[i] && side_matches(e.at("source"), s.country) && side_matches(e.at("target"), t.country)) {
          used[i] = ok = true;
        } else if (ev.symmetric && !used_back[i] && side_matches(e.at("source"), t.country) &&
                   side_matches(e.at("target"), s.country)) {
          used_back[i] = ok = true;
        }
      }
      ++by_root[root].total;
      ++by_construction[item.construction].total;
      if (ok) {
        ++by_root[root].found;
        ++by_construction[item.construction].found;
      } else {
        misses.push_back(item.article.id + " " + e.dump() + " | " + item.article.text);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(recall_per_root) {
  std::vector<Item> items = read_items("roots-01-10.jsonl");
  for (auto& i : read_items("roots-11-20.jsonl")) items.push_back(std::move(i));
  std::map<std::string, Tally> by_root, by_construction;
  std::vector<std::string> misses;
  code_items(items, by_root, by_construction, misses);
  Tally all;
  std::ostringstream report;
  for (const auto& [root, t] : by_root) {
    report << root << " " << t.found << "/" << t.total << "  ";
    all.found += t.found;
    all.total += t.total;
  }
  BOOST_TEST_MESSAGE("codebook recall by root: " << report.str());
  std::ostringstream rc;
  for (const auto& [c, t] : by_construction) rc << c << " " << t.found << "/" << t.total << "  ";
  BOOST_TEST_MESSAGE("codebook recall by construction: " << rc.str());
  BOOST_TEST_MESSAGE("codebook recall: " << all.found << "/" << all.total << " = " << all.recall());
  if (std::getenv("GEOKG_CODEBOOK_MISSES"))
    for (const auto& m : misses) BOOST_TEST_MESSAGE("missed " << m);
  // Floors: the figures reached, rounded down to 0.05 (tests/codebook/README.md):
  // 470 of 636 = 0.739 with the default coder (tree, flat fallback).
  static const std::map<std::string, double> kFloor = {
      {"01", 0.70}, {"02", 0.90}, {"03", 0.70}, {"04", 0.95}, {"05", 0.75},
      {"06", 0.80}, {"07", 0.80}, {"08", 0.55}, {"09", 0.70}, {"10", 0.85},
      {"11", 0.75}, {"12", 0.70}, {"13", 0.65}, {"14", 0.60}, {"15", 0.60},
      {"16", 0.70}, {"17", 0.55}, {"18", 0.60}, {"19", 0.85}, {"20", 0.50}};
  for (const auto& [root, floor] : kFloor) BOOST_TEST(by_root[root].recall() >= floor, "root " << root);
  BOOST_TEST(all.recall() >= 0.70);
}

BOOST_AUTO_TEST_CASE(no_event_sentences_give_none) {
  std::vector<Item> items = read_items("no-event-a.jsonl");
  for (auto& i : read_items("no-event-b.jsonl")) items.push_back(std::move(i));
  int events = 0;
  for (const Item& item : items) {
    const Extraction x = extractor().extract(item.article);
    for (const auto& ev : x.events) {
      if (ev.negated || ev.hypothetical) continue;
      ++events;
      BOOST_TEST_MESSAGE("event in " << item.article.id << " (" << item.construction << "): "
                                     << x.actors[static_cast<std::size_t>(ev.source)].name << " " << ev.cameo << " "
                                     << x.actors[static_cast<std::size_t>(ev.target)].name << " | " << item.article.text);
    }
  }
  BOOST_TEST(events == 0);
}

}  // namespace
}  // namespace geokg
