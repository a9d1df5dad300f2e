// Sources end to end: the URL an input gives (JSONL url, the text header's
// URL:, an HTML page's og:url or canonical link) reaches every output; the
// --source publisher filter on every query command; rankings scoped to a window.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "query_fixture.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::run_cli;
using geokg::test::shell_quote;

namespace {

using geokg::test::with_fixture_db;
std::string with_db(const std::string& args) { return with_fixture_db(args); }

const std::string kStory = "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Friday.";

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_sources)

BOOST_AUTO_TEST_CASE(urls_round_trip_from_each_input_format) {
  geokg::test::TempDir tmp;
  const fs::path in = tmp / "in";
  fs::create_directories(in);
  geokg::test::write_file(in / "feed.jsonl",
                          nlohmann::json({{"id", "j1"}, {"title", "JSONL"}, {"date", "2024-04-26"},
                                          {"source", "Feed"}, {"url", "https://example.org/jsonl"},
                                          {"text", kStory}}).dump() + "\n");
  geokg::test::write_file(in / "story.txt", "Title: Text\nDate: 2024-04-26\nSource: Wire\n"
                                            "URL: https://example.org/text\n\n" + kStory + "\n");
  auto page = [&](const std::string& head) {
    return "<html><head><title>Page</title>" + head +
           "<meta name=\"date\" content=\"2024-04-26\"></head><body><article><p>" + kStory +
           "</p></article></body></html>";
  };
  geokg::test::write_file(in / "og.html", page("<meta property=\"og:url\" content=\"https://example.org/og\">"));
  geokg::test::write_file(in / "canonical.html",
                          page("<link rel=\"Canonical\" href=\"https://example.org/canonical\">"));
  const std::string path = (tmp / "db").string();
  auto ingest = run_cli("ingest --db " + shell_quote(path) + " " + shell_quote(in));
  BOOST_REQUIRE_MESSAGE(ingest.exit_code == 0, ingest.err);
  const std::set<std::string> expected{"https://example.org/jsonl", "https://example.org/text",
                                       "https://example.org/og", "https://example.org/canonical"};
  const std::string on = " --db " + shell_quote(path);

  // Timeline JSON: the event's urls and each evidence's.
  auto tl = run_cli("timeline Blinken --format json" + on);
  BOOST_REQUIRE_MESSAGE(tl.exit_code == 0, tl.err);
  std::set<std::string> urls;
  for (const auto& e : nlohmann::json::parse(tl.out))
    for (const auto& u : e["urls"]) urls.insert(u.get<std::string>());
  BOOST_TEST(urls == expected, tl.out);
  // Timeline CSV and table, GDELT mentions, GraphML, Neo4j CSV, node-link JSON, DOT.
  for (const char* args : {"timeline Blinken --format csv", "timeline Blinken --format md",
                           "export --format gdelt-mentions", "export --format graphml", "export --format csv",
                           "export --format json", "export --format dot"}) {
    auto r = run_cli(args + on);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, args << ": " << r.err);
    for (const auto& u : expected) BOOST_TEST(r.out.find(u) != std::string::npos, args << " lacks " << u);
  }
  auto gdelt = run_cli("export --format gdelt" + on);
  BOOST_TEST(gdelt.out.find("\thttps://example.org/") != std::string::npos, gdelt.out);
}

BOOST_AUTO_TEST_CASE(source_filter_on_every_query_command) {
  // The fixture's publishers: Reuters (a1) and AP (a2).
  auto ap = run_cli(with_db("timeline --source ap --format json"));
  BOOST_REQUIRE_MESSAGE(ap.exit_code == 0, ap.err);
  BOOST_TEST(nlohmann::json::parse(ap.out).size() == 4u);
  auto both = run_cli(with_db("timeline --source AP,reuters --format json"));
  BOOST_TEST(nlohmann::json::parse(both.out).size() == 7u);
  auto none = run_cli(with_db("timeline --source Reut --format json"));   // whole words only
  BOOST_TEST(nlohmann::json::parse(none.out).empty());
  auto profile = run_cli(with_db("actor Blinken --source reuters --json"));
  BOOST_REQUIRE(profile.exit_code == 0);
  BOOST_TEST(nlohmann::json::parse(profile.out)["events"] == 4);
  auto profile_ap = run_cli(with_db("actor Blinken --source ap --json"));
  BOOST_TEST(nlohmann::json::parse(profile_ap.out)["events"] == 1);
  auto neighbours = run_cli(with_db("neighbors Blinken --source ap --json"));
  BOOST_TEST(nlohmann::json::parse(neighbours.out)["nodes"].size() == 2u);   // Blinken and Wang Yi
  BOOST_TEST(run_cli(with_db("path 'Wang Xiaohong' 'Wang Yi' --source ap")).exit_code == 3);   // via a Reuters event only
  BOOST_TEST(run_cli(with_db("path 'Wang Xiaohong' 'Wang Yi' --source reuters")).exit_code == 0);
  auto exported = run_cli(with_db("export --format json --source ap"));
  BOOST_TEST(nlohmann::json::parse(exported.out)["edges"].size() == 4u);
  auto actors = run_cli(with_db("actors --source reuters --json"));
  BOOST_TEST(nlohmann::json::parse(actors.out).size() == 4u);   // Blinken, Wang Yi, China, Wang Xiaohong
  auto trend = run_cli(with_db("trend --source ap --by year --format json"));
  BOOST_TEST(nlohmann::json::parse(trend.out)["events"] == 4);
}

BOOST_AUTO_TEST_CASE(actors_in_a_window_rank_by_what_happened_there) {
  // March 2024 holds one event: Acme signed with the Front.
  auto r = run_cli(with_db("actors --from 2024-03 --to 2024-03 --json"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const auto j = nlohmann::json::parse(r.out);
  std::set<std::string> march;
  for (const auto& a : j) {
    march.insert(a["name"].get<std::string>());
    BOOST_TEST(a["events"] == 1);
  }
  BOOST_TEST((march == std::set<std::string>{geokg::test::kTrickyOrg, geokg::test::kTrickyGroup}));
  // April: ranked by events there (Blinken 4), not by mentions of all time.
  auto april = nlohmann::json::parse(run_cli(with_db("actors --from 2024-04 --to 2024-04 --json")).out);
  BOOST_REQUIRE(!april.empty());
  BOOST_TEST(april[0]["name"] == "Antony Blinken");
  std::set<std::string> names;
  for (const auto& a : april) names.insert(a["name"].get<std::string>());
  BOOST_TEST(names.count(geokg::test::kCyrillic) == 0u);   // visited China in 2023
  BOOST_TEST(names.count("United States") == 0u);          // no event at all
  // Without a window every actor is listed, by mentions.
  auto all = nlohmann::json::parse(run_cli(with_db("actors --json --limit 0")).out);
  BOOST_TEST(all.size() > april.size());
}

BOOST_AUTO_TEST_SUITE_END()
