// The event pattern lexicon: shipped files cover the CAMEO roots with known
// codes, malformed input is reported with file and pattern, user files extend
// and override the shipped patterns.

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "event_test_support.hpp"
#include "geokg/ingest/model_files.hpp"
#include "geokg/core/cameo.hpp"
#include "geokg/extract/event_lexicon.hpp"

using namespace geokg;
using namespace geokg::test;

BOOST_AUTO_TEST_SUITE(event_lexicon)

BOOST_AUTO_TEST_CASE(shipped_patterns_cover_all_twenty_roots_with_known_codes) {
  auto cameo = CameoTable::Load(data_dir() + "/cameo-codes.tsv");
  BOOST_TEST_REQUIRE(cameo.ok());
  std::set<std::string> roots;
  std::size_t patterns = 0;
  for (const auto& f : std::filesystem::directory_iterator(data_dir() + "/events")) {
    if (!f.is_regular_file() || f.path().extension() != ".json") continue;   // triggers/ is the tree coder's
    EventLexicon lex;
    Status s = add_lexicon_file(lex, f.path().string());
    BOOST_TEST_REQUIRE(s.ok(), s.message());
    auto doc = nlohmann::json::parse(read_file(f.path()));
    for (const auto& e : doc.value("events", nlohmann::json::array())) {
      const std::string code = e.at("cameo").get<std::string>();
      BOOST_TEST(cameo->find(code) != nullptr, "unknown CAMEO code " << code << " in " << e.at("id"));
      roots.insert(code.substr(0, 2));
      ++patterns;
    }
  }
  BOOST_TEST(patterns >= 150u);
  BOOST_TEST(roots.size() == 20u);
}

BOOST_AUTO_TEST_CASE(malformed_input_names_file_and_pattern) {
  EventLexicon lex;
  Status s = lex.add_json("{\"events\": [", "user.json");
  BOOST_TEST((s.code() == Status::Code::kInvalidInput));
  BOOST_TEST(s.message().find("user.json") != std::string::npos);

  s = lex.add_json(R"({"events": [{"id": "ok", "cameo": "040", "label": "met", "verb": "greet"},
                                   {"id": "snub", "label": "snubbed", "verb": "snub"}]})", "mine.json");
  BOOST_TEST((s.code() == Status::Code::kInvalidInput));
  BOOST_TEST(s.message().find("mine.json") != std::string::npos);
  BOOST_TEST(s.message().find("events[1]") != std::string::npos);
  BOOST_TEST(s.message().find("snub") != std::string::npos);
  BOOST_TEST(s.message().find("cameo") != std::string::npos);

  for (const char* bad : {
           R"({"events": [{"id": "x", "cameo": "04a", "label": "met", "verb": "meet"}]})",
           R"({"events": [{"id": "x", "cameo": "040", "label": "met", "verb": "meet", "noun": ["meeting"]}]})",
           R"({"events": [{"id": "x", "cameo": "040", "label": "met"}]})",
           R"({"events": [{"id": "x", "cameo": "040", "label": "met", "verb": "meet", "targte": ["with"]}]})",
           R"({"events": [{"id": "x", "cameo": "040", "label": "met", "verb": "meet with"}]})",
           R"({"events": {"id": "x"}})",
           R"({"words": {"negatoin": ["not"]}})"}) {
    Status b = lex.add_json(bad, "bad.json");
    BOOST_TEST((b.code() == Status::Code::kInvalidInput), bad);
    BOOST_TEST(b.message().find("bad.json") != std::string::npos);
  }
  const Status missing = add_lexicon_file(lex, "/nonexistent/events.json");
  BOOST_TEST((missing.code() == Status::Code::kNotFound));
  BOOST_TEST(missing.message().find("/nonexistent/events.json") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sections_of_other_loaders_are_ignored_and_ids_override) {
  EventLexicon lex;
  BOOST_TEST_REQUIRE(lex.add_json(R"({"actors": [{"name": "Ruritania", "kind": "country", "country": "RUR"}],
      "events": [{"id": "snub", "cameo": "120", "label": "snubbed", "verb": "snub", "forms": ["snubbed"]}]})",
                                  "user.json").ok());
  BOOST_TEST(lex.size() == 1u);
  BOOST_TEST_REQUIRE(lex.add_json(R"({"events": [{"id": "snub", "cameo": "125", "label": "snubbed", "verb": "snub"}]})",
                                  "later.json").ok());
  BOOST_TEST(lex.size() == 1u);
}

BOOST_AUTO_TEST_CASE(user_file_adds_a_pattern_end_to_end) {
  TempDir tmp;
  write_file(tmp / "mine.json", R"({"events": [{"id": "user-snub", "cameo": "125", "label": "snubbed",
      "verb": "snub", "forms": ["snubbed", "snubbing"], "target": ["obj"]}]})");
  auto lex = load_lexicons(data_dir(), {(tmp / "mine.json").string()});
  BOOST_TEST_REQUIRE(lex.ok(), (lex.ok() ? "" : lex.status().message()));
  Extractor ex(*lex);
  Article a;
  a.text = "Russian President Vladimir Putin snubbed French President Emmanuel Macron on Tuesday.";
  a.date = Date::Day(2024, 5, 3);
  Extraction out = ex.extract(a);
  const ExtractedEvent* e = find_event(out, "Vladimir Putin", "Emmanuel Macron", "125");
  BOOST_TEST_REQUIRE(e != nullptr, describe(out));
  BOOST_TEST(e->evidence.rule == "user-snub");
  BOOST_TEST(e->relation == "snubbed");
  BOOST_TEST(e->date.iso() == "2024-04-30");
}

BOOST_AUTO_TEST_SUITE_END()
