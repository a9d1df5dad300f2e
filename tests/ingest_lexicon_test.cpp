// Actor lexicon loading: the shipped files, user files, and errors that name
// the file and the entry.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/actors.hpp"
#include "geokg/extract/lexicon.hpp"
#include "geokg/extract/text.hpp"
#include "geokg/extract/time.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace geokg;

namespace {

const fs::path kActors = fs::path(GEOKG_TEST_DATA_DIR) / "actors";

std::vector<std::string> shipped_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(kActors))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

const ExtractedActor* find(const Document& doc, std::string_view name) {
  for (const auto& a : doc.actors)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_lexicon)

BOOST_AUTO_TEST_CASE(shipped_files_load) {
  ActorLexicon lex;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& f : shipped_files()) {
    Status s = add_lexicon_file(lex, f);
    BOOST_TEST_REQUIRE(s.ok(), s.message());
  }
  lex.finalize();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST_MESSAGE("loaded " << lex.size() << " actor lexicon entries in " << ms << " ms");
  BOOST_TEST(lex.size() > 500u);  // 249 ISO countries alone, plus organisations and titles
}

BOOST_AUTO_TEST_CASE(countries_cover_iso_codes_and_special_cases) {
  auto j = nlohmann::json::parse(geokg::test::read_file(kActors / "countries.json"));
  std::set<std::string> codes;
  for (const auto& a : j["actors"])
    if (a["kind"] == "country") codes.insert(a["country"].get<std::string>());
  BOOST_TEST(codes.size() >= 249u);
  for (const char* c : {"USA", "CHN", "RUS", "TWN", "XKX", "PSE", "VAT", "SUN", "PRK", "KOR"})
    BOOST_TEST(codes.count(c) == 1u, c);
}

BOOST_AUTO_TEST_CASE(malformed_json_names_the_file) {
  geokg::test::TempDir dir;
  const auto path = dir / "broken.json";
  geokg::test::write_file(path, "{\"actors\": [ {\"name\": \"X\", ");
  ActorLexicon lex;
  Status s = add_lexicon_file(lex, path.string());
  BOOST_TEST(!s.ok());
  BOOST_TEST((s.code() == Status::Code::kInvalidInput));
  BOOST_TEST(s.message().find(path.string()) != std::string::npos, s.message());
}

BOOST_AUTO_TEST_CASE(bad_entry_names_file_index_and_name) {
  ActorLexicon lex;
  Status s = lex.add_json(R"({"actors": [
      {"name": "Antony Blinken", "kind": "person", "country": "USA"},
      {"name": "Xi Jinping", "kind": "persn", "country": "CHN"}]})", "people.json");
  BOOST_TEST(!s.ok());
  BOOST_TEST(s.message().find("people.json: actors[1] (\"Xi Jinping\")") != std::string::npos, s.message());
  BOOST_TEST(s.message().find("persn") != std::string::npos);

  // Wrong types are errors too, never exceptions.
  s = lex.add_json(R"({"actors": [{"name": "NATO", "kind": "organization", "aliases": 5}]})", "u.json");
  BOOST_TEST(s.message().find("u.json: actors[0]") != std::string::npos, s.message());
  s = lex.add_json(R"({"actors": [{"name": "Wang Yi", "kind": "person",
      "roles": [{"title": "Foreign Minister", "from": "last year"}]}]})", "u.json");
  BOOST_TEST(s.message().find("'from'") != std::string::npos, s.message());
  s = lex.add_json(R"({"actors": [{"name": "Nowhere", "kind": "country", "country": "usa"}]})", "u.json");
  BOOST_TEST(!s.ok());
  s = lex.add_json(R"([1, 2])", "u.json");
  BOOST_TEST(!s.ok());
  // A rejected file adds nothing.
  BOOST_TEST(lex.size() == 0u);
}

BOOST_AUTO_TEST_CASE(user_file_extends_shipped_entries) {
  ActorLexicon lex;
  for (const auto& f : shipped_files())
    if (f.find("people") == std::string::npos) BOOST_TEST_REQUIRE(add_lexicon_file(lex, f).ok());
  // A user lexicon: a person with a dated role, and one more alias for a shipped country.
  BOOST_TEST_REQUIRE(lex.add_json(R"({"actors": [
      {"name": "Abdourahim Said Bacar", "kind": "person", "country": "COM",
       "roles": [{"title": "Spokesperson", "from": "2008"}]},
      {"name": "Comoros", "kind": "country", "country": "COM", "aliases": ["Union of the Comoros"]}]})",
                                  "user.json").ok());
  lex.finalize();
  Article art;
  art.date = Date::Day(2008, 3, 25);
  // wn-anjouan (Wikinews), 2008.
  art.text = "\"Colonel Mohamed Bacar has been spotted in the village of Sadanpoini,\" Abdourahim Said "
             "Bacar said. The Union of the Comoros sent troops.";
  Document doc = prepare_document(art);
  anchor_times(doc);
  find_actors(doc, lex);
  const ExtractedActor* p = find(doc, "Abdourahim Said Bacar");
  BOOST_TEST_REQUIRE(p != nullptr);
  BOOST_TEST(p->from_lexicon);
  BOOST_TEST(p->country == "COM");
  BOOST_TEST_REQUIRE(p->roles.size() == 1u);
  BOOST_TEST(p->roles[0].from.iso() == "2008");
  const ExtractedActor* c = find(doc, "Comoros");
  BOOST_TEST_REQUIRE(c != nullptr);
  BOOST_TEST(std::count(c->aliases.begin(), c->aliases.end(), "Union of the Comoros") == 1);
}

BOOST_AUTO_TEST_CASE(ignore_section_keeps_agencies_out) {
  ActorLexicon lex;
  for (const auto& f : shipped_files()) BOOST_TEST_REQUIRE(add_lexicon_file(lex, f).ok());
  lex.finalize();
  Article art;
  art.text = "Reporting by Humeyra Pamuk; Editing by Associated Press staff. Reuters said the talks ended.";
  Document doc = prepare_document(art);
  find_actors(doc, lex);
  BOOST_TEST(find(doc, "Reuters") == nullptr);
  BOOST_TEST(find(doc, "Associated Press") == nullptr);
  for (const auto& a : doc.actors) BOOST_TEST((a.kind != NodeKind::kPerson), a.name);
}

BOOST_AUTO_TEST_CASE(dated_names_are_checked_and_agent_heads_merged) {
  ActorLexicon lex;
  for (const char* bad : {R"({"dated_names": [{"name": "Moscow", "country": "SUN"}]})",
                          R"({"dated_names": [{"name": "Moscow", "country": "USSR", "to": "1991-12-25"}]})",
                          R"({"dated_names": [{"name": "Moscow", "country": "SUN", "to": "1991-13-25"}]})",
                          R"({"dated_names": [{"country": "SUN", "to": "1991-12-25"}]})",
                          R"({"dated_names": {"name": "Moscow"}})"}) {
    Status s = lex.add_json(bad, "eras.json");
    BOOST_TEST((s.code() == Status::Code::kInvalidInput), bad);
    BOOST_TEST(s.message().find("eras.json") != std::string::npos, s.message());
  }
  for (const auto& f : shipped_files()) BOOST_TEST_REQUIRE(add_lexicon_file(lex, f).ok());
  lex.finalize();
  // One place for agent nouns: the agents' nouns and bodies and the extra heads.
  const auto heads = lex.agent_heads();
  for (const char* w : {"officials", "troops", "government", "protesters", "minister"})
    BOOST_TEST(std::binary_search(heads.begin(), heads.end(), std::string(w)), w);
  const auto words = nlohmann::json::parse(
      geokg::test::read_file(fs::path(GEOKG_TEST_DATA_DIR) / "events" / "00-words.json"));
  BOOST_TEST(!words["words"].contains("agent_heads"));
}

BOOST_AUTO_TEST_SUITE_END()
