// Places through the command line: ingest stores each event's resolved place,
// timeline shows it (JSON, CSV, table) and filters by it (--in-country), the
// GDELT export fills its ActionGeo columns. Two short articles written for
// this test: talks in Geneva, a summit in Paris, and an event with no place.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "placed_events_db.hpp"
#include "test_support.hpp"

using namespace geokg::test;

namespace {

using Db = PlacedEventsDb;

std::vector<std::string> tabs(const std::string& line) {
  std::vector<std::string> f;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '\t') f.push_back(line.substr(b, i - b)), b = i + 1;
  return f;
}

}  // namespace

BOOST_AUTO_TEST_CASE(timeline_json_carries_the_stored_place_and_in_country_selects_by_it) {
  Db d;
  const auto all = run_cli("timeline --db " + shell_quote(d.db) + " --format json");
  BOOST_TEST_REQUIRE(all.exit_code == 0, all.err);
  const auto events = nlohmann::json::parse(all.out);
  BOOST_TEST_REQUIRE(events.size() == 3u);
  int placed = 0;
  for (const auto& e : events)
    if (e.contains("place")) {
      ++placed;
      BOOST_TEST(e["place"]["name"] == e["location"]);
      BOOST_TEST(e["place"]["precision"] == "city");
    }
  BOOST_TEST(placed == 2);

  const auto fra = run_cli("timeline --db " + shell_quote(d.db) + " --format json --in-country fra");
  BOOST_TEST_REQUIRE(fra.exit_code == 0, fra.err);
  const auto in_france = nlohmann::json::parse(fra.out);
  BOOST_TEST_REQUIRE(in_france.size() == 1u);
  BOOST_TEST(in_france[0]["place"]["country"] == "FRA");
  BOOST_TEST(in_france[0]["place"]["geonameid"] == 2988507u);

  const auto none = run_cli("timeline --db " + shell_quote(d.db) + " --format json --in-country JPN");
  BOOST_TEST(none.exit_code == 0);
  BOOST_TEST(nlohmann::json::parse(none.out).empty());

  const auto bad = run_cli("timeline --db " + shell_quote(d.db) + " --in-country France");
  BOOST_TEST(bad.exit_code == 1);
  BOOST_TEST(bad.err.find("--in-country: expected a three-letter ISO country code") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(timeline_csv_and_table_show_the_place_s_country) {
  Db d;
  const auto csv = run_cli("timeline --db " + shell_quote(d.db) + " --format csv");
  BOOST_TEST_REQUIRE(csv.exit_code == 0, csv.err);
  const auto rows = nonempty_lines(csv.out);
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  BOOST_TEST(rows[0].ends_with(",urls,place_country,place_precision,place_lat,place_lon,place_id"));
  bool geneva = false;
  for (const auto& r : rows)
    if (r.find("Geneva") != std::string::npos) {
      geneva = true;
      BOOST_TEST(r.ends_with(",CHE,city,46.2022,6.1457,2660646"), r);
    }
  BOOST_TEST(geneva);
  BOOST_TEST(rows.back().ends_with(",,,,") + rows[1].ends_with(",,,,") + rows[2].ends_with(",,,,") == 1);

  const auto table = run_cli("timeline --db " + shell_quote(d.db));
  BOOST_TEST_REQUIRE(table.exit_code == 0, table.err);
  BOOST_TEST(table.out.find("Paris (FRA)") != std::string::npos, table.out);
}

BOOST_AUTO_TEST_CASE(the_gdelt_export_fills_the_action_geography) {
  Db d;
  const auto out = run_cli("export --db " + shell_quote(d.db) + " --format gdelt --in-country CHE");
  BOOST_TEST_REQUIRE(out.exit_code == 0, out.err);
  const auto rows = nonempty_lines(out.out);
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  const auto f = tabs(rows[0]);
  BOOST_TEST_REQUIRE(f.size() == 61u);
  BOOST_TEST(f[51] == "4");          // ActionGeo_Type: a city outside the United States
  BOOST_TEST(f[52] == "Geneva");
  BOOST_TEST(f[53] == "CHE");
  BOOST_TEST(f[54] == "CH-GE");      // ADM1 as ISO 3166-2
  BOOST_TEST(f[56] == "46.2022");
  BOOST_TEST(f[57] == "6.1457");
  BOOST_TEST(f[58] == "2660646");    // FeatureID: the GeoNames id
}

BOOST_AUTO_TEST_CASE(the_json_and_sqlite_exports_carry_the_place) {
  Db d;
  const auto json = run_cli("export --db " + shell_quote(d.db) + " --format json --in-country FRA");
  BOOST_TEST_REQUIRE(json.exit_code == 0, json.err);
  const auto g = nlohmann::json::parse(json.out);
  BOOST_TEST_REQUIRE(g["edges"].size() == 1u);
  BOOST_TEST(g["edges"][0]["place"]["name"] == "Paris");
  BOOST_TEST(g["edges"][0]["place"]["country"] == "FRA");

  const auto db = (d.dir / "g.sqlite").string();
  const auto sql = run_cli("export --db " + shell_quote(d.db) + " --format sqlite -o " + shell_quote(db));
  BOOST_TEST_REQUIRE(sql.exit_code == 0, sql.err);
  const std::string q = "sqlite3 -separator '|' " + shell_quote(db) +
                        " 'select location, place_country, place_precision, place_lat, place_id from events "
                        "order by date' > " + shell_quote(d.dir / "rows.txt");
  BOOST_TEST_REQUIRE(std::system(q.c_str()) == 0);
  const auto rows = nonempty_lines(read_file(d.dir / "rows.txt"));
  BOOST_TEST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[0] == "Geneva|CHE|city|46.2022|2660646");
  BOOST_TEST((rows[1] == "Paris|FRA|city|48.8534|2988507" || rows[2] == "Paris|FRA|city|48.8534|2988507"));
  BOOST_TEST((rows[1] == "||||" || rows[2] == "||||"));
}
