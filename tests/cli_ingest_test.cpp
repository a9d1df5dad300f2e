// The command-line contract of ingest, extract, stats and verify, run as a
// user runs it: the geokg binary in a child process.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "geokg/graph/store.hpp"
#include "test_support.hpp"

using geokg::test::run_cli;
using geokg::test::TempDir;
using geokg::test::write_file;

namespace {
std::string example() { return geokg::test::source_dir() + "/examples/blinken-beijing-2024-04-26.txt"; }

nlohmann::json stats_json(const std::string& db) {
  auto r = run_cli("stats --json --db '" + db + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cli_ingest)

BOOST_AUTO_TEST_CASE(help_goes_to_stdout_with_exit_zero) {
  auto r = run_cli("--help");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out.find("ingest") != std::string::npos);
  BOOST_TEST(r.out.find("timeline") != std::string::npos);
  for (const char* cmd : {"ingest", "extract", "stats", "verify"}) {
    auto h = run_cli(std::string(cmd) + " --help");
    BOOST_TEST(h.exit_code == 0, cmd);
    BOOST_TEST(h.out.find("--") != std::string::npos, cmd);
  }
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_one_on_stderr) {
  auto r = run_cli("ingest");  // PATH is required
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(!r.err.empty());
  BOOST_TEST(run_cli("no-such-command").exit_code == 1);
  BOOST_TEST(run_cli("ingest --format xml x").exit_code == 1);
}

BOOST_AUTO_TEST_CASE(ingest_stats_verify_and_idempotent_reingest) {
  TempDir dir;
  const std::string db = (dir / "g.db").string();
  auto r = run_cli("ingest -q --db '" + db + "' '" + example() + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto first = stats_json(db);
  BOOST_TEST(first["articles"].get<int>() == 1);
  BOOST_TEST(first["nodes"].get<int>() > 5);
  BOOST_TEST(first["events"].get<int>() > 3);

  auto v = run_cli("verify --db '" + db + "'");
  BOOST_TEST(v.exit_code == 0, v.out << v.err);
  BOOST_TEST(v.out.find("ok") != std::string::npos);

  // The same article again: nothing changes.
  r = run_cli("ingest --db '" + db + "' '" + example() + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.err.find("1 already stored") != std::string::npos, r.err);
  BOOST_TEST(stats_json(db) == first);
}

BOOST_AUTO_TEST_CASE(database_from_environment) {
  TempDir dir;
  const std::string env_db = (dir / "env.db").string();
  const std::string flag_db = (dir / "flag.db").string();
  ::setenv("GEOKG_DB", env_db.c_str(), 1);
  auto r = run_cli("ingest -q '" + example() + "'");
  auto f = run_cli("ingest -q --db '" + flag_db + "' '" + example() + "'");
  ::unsetenv("GEOKG_DB");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_REQUIRE_MESSAGE(f.exit_code == 0, f.err);
  // $GEOKG_DB is used without --db; --db wins over it.
  BOOST_TEST(std::filesystem::is_directory(env_db));
  BOOST_TEST(std::filesystem::is_directory(flag_db));
  BOOST_TEST(stats_json(env_db)["articles"].get<int>() == 1);
}

BOOST_AUTO_TEST_CASE(missing_path_is_named) {
  TempDir dir;
  auto r = run_cli("ingest --db '" + (dir / "g.db").string() + "' '" + (dir / "nope.txt").string() + "'");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("nope.txt") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(queries_on_a_missing_database_say_so) {
  TempDir dir;
  auto r = run_cli("stats --db '" + (dir / "none.db").string() + "'");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("no geokg database") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(not_a_geokg_database) {
  TempDir dir;
  std::filesystem::create_directories(dir / "notes");
  write_file(dir / "notes" / "shopping.txt", "milk\n");
  auto r = run_cli("ingest --db '" + (dir / "notes").string() + "' '" + example() + "'");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("not a geokg database") != std::string::npos, r.err);
  // and nothing was written into the user's folder
  BOOST_TEST(std::distance(std::filesystem::directory_iterator(dir / "notes"),
                           std::filesystem::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(second_writer_gets_a_clear_message_and_readers_still_read) {
  TempDir dir;
  const std::string db = (dir / "g.db").string();
  BOOST_REQUIRE(run_cli("ingest -q --db '" + db + "' '" + example() + "'").exit_code == 0);
  // This process holds the write lock, as a running ingest would.
  auto writer = geokg::GraphStore::Open(db);
  BOOST_REQUIRE(writer.ok());
  auto r = run_cli("ingest --db '" + db + "' '" + example() + "'");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("in use by another geokg process") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("LOCK") == std::string::npos, r.err);  // no RocksDB dump
  auto s = run_cli("stats --json --db '" + db + "'");
  BOOST_TEST(s.exit_code == 0, s.err);
  BOOST_TEST(nlohmann::json::parse(s.out)["articles"].get<int>() == 1);
}

BOOST_AUTO_TEST_CASE(extract_prints_one_json_object_per_article) {
  auto r = run_cli("extract '" + example() + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j.contains("article"));
  BOOST_TEST(j["actors"].is_array());
  BOOST_TEST(j["events"].is_array());
  for (const auto& e : j["events"]) {
    BOOST_TEST(e["cameo"].get<std::string>().size() >= 3u);
    BOOST_TEST(e["evidence"]["end"].get<int>() > e["evidence"]["start"].get<int>());
  }
}

BOOST_AUTO_TEST_CASE(extract_reads_jsonl_from_stdin) {
  TempDir dir;
  write_file(dir / "two.jsonl",
             R"({"id":"a1","title":"T","date":"2024-04-26","source":"S","url":null,"text":"Blinken met Wang Yi in Beijing on Friday."})"
             "\n"
             R"({"id":"a2","title":"U","date":"2024-04-27","source":"S","url":null,"text":"Xi Jinping said China wants stable ties."})"
             "\n");
  auto r = run_cli("extract -", (dir / "two.jsonl").string());
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(lines, line)) ids.push_back(nlohmann::json::parse(line)["article"]["id"]);
  BOOST_TEST((ids == std::vector<std::string>{"a1", "a2"}));
}

BOOST_AUTO_TEST_CASE(min_sources_keeps_only_corroborated_events) {
  TempDir dir;
  const std::string db = (dir / "g.db").string();
  // The same story from two publishers, and a third story from one.
  const std::string story = "Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday.";
  const std::string other = "Iran's foreign minister Hossein Amirabdollahian met Syrian President Bashar al-Assad on Friday.";
  auto line = [](const std::string& id, const std::string& source, const std::string& text) {
    return nlohmann::json({{"id", id}, {"title", id}, {"date", "2024-04-26"}, {"source", source},
                           {"url", nullptr}, {"text", text}}).dump() + "\n";
  };
  write_file(dir / "feed.jsonl", line("a", "Reuters", story) + line("b", "AP", story) +
                                     line("c", "AP", other));
  BOOST_REQUIRE(run_cli("ingest -q --db '" + db + "' '" + (dir / "feed.jsonl").string() + "'").exit_code == 0);
  auto all = run_cli("neighbors --json --db '" + db + "' 'Sergei Shoigu'");
  BOOST_REQUIRE_MESSAGE(all.exit_code == 0, all.err);
  BOOST_TEST(all.out.find("Dong Jun") != std::string::npos);
  auto two = run_cli("neighbors --json --min-sources 2 --db '" + db + "' 'Sergei Shoigu'");
  BOOST_TEST(two.out.find("Dong Jun") != std::string::npos, two.out << two.err);
  auto lone = run_cli("neighbors --json --min-sources 2 --db '" + db + "' 'Bashar al-Assad'");
  BOOST_TEST(lone.out.find("Abdollahian") == std::string::npos, lone.out << lone.err);
  auto lone1 = run_cli("neighbors --json --db '" + db + "' 'Bashar al-Assad'");
  BOOST_TEST(lone1.out.find("Abdollahian") != std::string::npos, lone1.out << lone1.err);
  auto t = run_cli("timeline --format json --min-sources 2 --db '" + db + "'");
  BOOST_REQUIRE_MESSAGE(t.exit_code == 0, t.err);
  auto events = nlohmann::json::parse(t.out);
  BOOST_TEST(events.size() >= 1u);
  for (const auto& e : events) BOOST_TEST(e["sources"].size() >= 2u, e.dump());
}

// An article read from plain text without a "Source:" line has no publisher;
// every timeline format must still print its events (timeline --format csv
// once read the first publisher of an event that had none and crashed).
BOOST_AUTO_TEST_CASE(timeline_of_events_without_a_publisher_in_every_format) {
  TempDir dir;
  const std::string db = (dir / "g.db").string();
  write_file(dir / "story.txt",
             "Title: Talks\nDate: 2024-04-26\n\n"
             "Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday.\n");
  auto r = run_cli("ingest -q --db '" + db + "' '" + (dir / "story.txt").string() + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  for (const char* format : {"table", "json", "csv", "md", "svg"}) {
    auto t = run_cli(std::string("timeline --format ") + format + " --db '" + db + "' Shoigu");
    BOOST_TEST(t.exit_code == 0, format << ": " << t.err);
    BOOST_TEST(t.out.find("Dong Jun") != std::string::npos, format << ": " << t.out);
  }
  auto csv = run_cli("timeline --format csv --db '" + db + "' Shoigu");
  // The sources column (9th) is empty: no publisher is invented.
  BOOST_TEST(csv.out.find(",1,,") != std::string::npos, csv.out);
}

// Articles without a date take one of year or month precision (--date
// 2005), which they keep; actors carry their CAMEO code; actors --country
// and --sector filter the listing (issue 13).
BOOST_AUTO_TEST_CASE(date_of_year_precision_codes_and_country_and_sector_filters) {
  TempDir dir;
  write_file(dir / "a.txt", "Malaysian police arrested two activists. Mr Blair met President Bush.\n");
  auto r = run_cli("extract --date 2005 '" + (dir / "a.txt").string() + "'");
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["article"]["date"] == "2005");
  bool police = false, blair = false;
  for (const auto& a : j["actors"]) {
    if (a["name"] == "Malaysian police") police = a["code"] == "MYSCOP" && a["naming"] == "unnamed";
    if (a["name"] == "Tony Blair") blair = a["code"] == "GBRGOV";
  }
  BOOST_TEST(police, r.out);
  BOOST_TEST(blair, r.out);
  for (const auto& e : j["events"]) BOOST_TEST(e["date_precision"] == "year", r.out);
  BOOST_TEST(run_cli("extract --date 2005-13 '" + (dir / "a.txt").string() + "'").exit_code == 1);

  const std::string db = (dir / "g.db").string();
  BOOST_TEST_REQUIRE(run_cli("ingest -q --date 2005-03 --db '" + db + "' '" + (dir / "a.txt").string() + "'").exit_code == 0);
  auto cop = run_cli("actors --db '" + db + "' --sector COP --json");
  BOOST_TEST_REQUIRE(cop.exit_code == 0, cop.err);
  auto list = nlohmann::json::parse(cop.out);
  BOOST_TEST_REQUIRE(list.size() == 1u, cop.out);
  BOOST_TEST(list[0]["name"] == "Malaysian police");
  auto gbr = run_cli("actors --db '" + db + "' --country gbr --kind person --json");
  BOOST_TEST_REQUIRE(gbr.exit_code == 0, gbr.err);
  list = nlohmann::json::parse(gbr.out);
  BOOST_TEST_REQUIRE(list.size() == 1u, gbr.out);
  BOOST_TEST(list[0]["name"] == "Tony Blair");
  BOOST_TEST(run_cli("actors --db '" + db + "' --sector police").exit_code == 1);
  auto prof = run_cli("actor --db '" + db + "' Blair");
  BOOST_TEST(prof.out.find("Code:       GBRGOV") != std::string::npos, prof.out);
}

BOOST_AUTO_TEST_SUITE_END()
