// Places on the map through the queries: --near/--within and --in-country on
// timeline, trend and export, the profile's "where it acted" (--top-places,
// JSON "places"), the place columns of the GraphML and Neo4j CSV exports, and
// GET /api/places. Two short articles written for this test: talks in Geneva,
// a summit in Paris, and an event with no place.
#include <boost/test/unit_test.hpp>

#include <httplib.h>

#include <set>

#include <nlohmann/json.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/geo/distance.hpp"
#include "geokg/serve/server.hpp"
#include "placed_events_db.hpp"
#include "test_support.hpp"

using namespace geokg::test;
using nlohmann::json;

namespace {

using Db = PlacedEventsDb;

// The place names of a timeline's JSON events ("" for an event without one).
std::vector<std::string> places_of(const std::string& timeline_json) {
  std::vector<std::string> out;
  for (const auto& e : json::parse(timeline_json))
    out.push_back(e.contains("place") ? e["place"]["name"].get<std::string>() : "");
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(great_circle_distances_are_those_of_the_atlas) {
  // Paris - London 343.6 km, Geneva - Paris 410 km; symmetric; antipodes half the circumference.
  BOOST_TEST(geokg::geo::great_circle_km(48.8534, 2.3488, 51.5085, -0.1257) == 343.6, boost::test_tools::tolerance(0.005));
  BOOST_TEST(geokg::geo::great_circle_km(46.2022, 6.1457, 48.8534, 2.3488) ==
                 geokg::geo::great_circle_km(48.8534, 2.3488, 46.2022, 6.1457));
  BOOST_TEST(geokg::geo::great_circle_km(10, 20, 10, 20) == 0.0);
  BOOST_TEST(geokg::geo::great_circle_km(0, 0, 0, 180) == 20015.1, boost::test_tools::tolerance(0.001));
}

BOOST_AUTO_TEST_CASE(near_keeps_the_events_within_the_radius_of_a_gazetteer_place) {
  Db d;
  // Geneva's own events: the default radius (100 km).
  const auto geneva = run_cli(d.cli("timeline --format json --near Geneva"));
  BOOST_TEST_REQUIRE(geneva.exit_code == 0, geneva.err);
  BOOST_TEST(places_of(geneva.out) == std::vector<std::string>{"Geneva"});
  BOOST_TEST(geneva.err.find("--near Geneva: Geneva (city, CHE)") != std::string::npos, geneva.err);

  // From Lyon: Geneva is 112 km away, Paris 392 km.
  auto near_lyon = [&](const std::string& km) {
    const auto r = run_cli(d.cli("timeline --format json --near Lyon --within " + km));
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return places_of(r.out);
  };
  BOOST_TEST(near_lyon("50").empty());
  BOOST_TEST(near_lyon("150") == std::vector<std::string>{"Geneva"});
  BOOST_TEST(near_lyon("400") == (std::vector<std::string>{"Geneva", "Paris"}));
  // The event without a place is never near anything.
  BOOST_TEST(near_lyon("20000").size() == 2u);

  // A qualified namesake: Paris, Texas is an ocean away from both events.
  const auto texas = run_cli(d.cli("timeline --format json --near 'Paris, Texas' --within 1000"));
  BOOST_TEST_REQUIRE(texas.exit_code == 0, texas.err);
  BOOST_TEST(json::parse(texas.out).empty());

  const auto unknown = run_cli(d.cli("timeline --near Atlantisville"));
  BOOST_TEST(unknown.exit_code == 3);
  BOOST_TEST(unknown.err.find("--near: no place named 'Atlantisville' in the gazetteer") != std::string::npos,
             unknown.err);
  const auto negative = run_cli(d.cli("timeline --near Geneva --within -5"));
  BOOST_TEST(negative.exit_code == 1);
}

BOOST_AUTO_TEST_CASE(trend_and_export_select_by_near_and_in_country_as_the_timeline_does) {
  Db d;
  for (const std::string sel : {"--near Paris", "--in-country FRA"}) {
    const auto trend = run_cli(d.cli("trend --by year --format json " + sel));
    BOOST_TEST_REQUIRE(trend.exit_code == 0, trend.err);
    BOOST_TEST(json::parse(trend.out)["events"] == 1, sel);
    const auto g = run_cli(d.cli("export --format json " + sel));
    BOOST_TEST_REQUIRE(g.exit_code == 0, g.err);
    const auto graph = json::parse(g.out);
    BOOST_TEST_REQUIRE(graph["edges"].size() == 1u, sel);
    BOOST_TEST(graph["edges"][0]["place"]["name"] == "Paris");
  }
  const auto all = run_cli(d.cli("trend --by year --format json"));
  BOOST_TEST_REQUIRE(all.exit_code == 0, all.err);
  BOOST_TEST(json::parse(all.out)["events"] == 3);
  const auto che = run_cli(d.cli("trend --by year --format json --in-country CHE --near Paris --within 300"));
  BOOST_TEST_REQUIRE(che.exit_code == 0, che.err);
  BOOST_TEST(json::parse(che.out)["events"] == 0);   // both tests apply: Geneva is 410 km from Paris
}

BOOST_AUTO_TEST_CASE(the_profile_says_where_an_actor_acted) {
  Db d;
  const auto r = run_cli(d.cli("actor Kohl --json"));
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  const auto p = json::parse(r.out);
  BOOST_TEST_REQUIRE(p.contains("places"));
  BOOST_TEST_REQUIRE(p["places"].size() == 1u, p.dump());
  const auto& paris = p["places"][0];
  BOOST_TEST(paris["name"] == "Paris");
  BOOST_TEST(paris["country"] == "FRA");
  BOOST_TEST(paris["precision"] == "city");
  BOOST_TEST(paris["geonameid"] == 2988507u);
  BOOST_TEST(paris["first"] == "1987-03-06");
  BOOST_TEST(p["total_places"] == 1);
  // Every event is at a place or counted apart.
  BOOST_TEST(paris["events"].get<int>() + p["unplaced_events"].get<int>() == p["events"].get<int>());
  BOOST_TEST(p["unplaced_events"].get<int>() >= 1);

  const auto none = run_cli(d.cli("actor Kohl --json --top-places 0"));
  BOOST_TEST_REQUIRE(none.exit_code == 0, none.err);
  BOOST_TEST(!json::parse(none.out).contains("places"));

  const auto text = run_cli(d.cli("actor Kohl"));
  BOOST_TEST_REQUIRE(text.exit_code == 0, text.err);
  BOOST_TEST(text.out.find("Where it acted (1 of 1 place;") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("Paris") != std::string::npos);
  BOOST_TEST(text.out.find("48.85") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(graphml_and_neo4j_csv_carry_the_place) {
  Db d;
  const auto g = run_cli(d.cli("export --format graphml --in-country CHE"));
  BOOST_TEST_REQUIRE(g.exit_code == 0, g.err);
  for (const char* key : {"place", "place_country", "place_lat", "place_lon", "place_precision"})
    BOOST_TEST(g.out.find("attr.name=\"" + std::string(key) + "\"") != std::string::npos, key);
  BOOST_TEST(g.out.find(">Geneva</data>") != std::string::npos, g.out);
  BOOST_TEST(g.out.find(">CHE</data>") != std::string::npos);
  BOOST_TEST(g.out.find(">46.2022</data>") != std::string::npos);
  BOOST_TEST(g.out.find(">6.1457</data>") != std::string::npos);

  const auto csv = d.dir / "g.csv";
  const auto c = run_cli(d.cli("export --format csv -o " + shell_quote(csv)));
  BOOST_TEST_REQUIRE(c.exit_code == 0, c.err);
  const auto rows = nonempty_lines(read_file(d.dir / "g-edges.csv"));
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  BOOST_TEST(rows[0].ends_with(",urls:string[],place,place_country,place_lat:float,place_lon:float,place_precision"));
  int geneva = 0, paris = 0, none = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    geneva += rows[i].ends_with(",Geneva,CHE,46.2022,6.1457,city");
    paris += rows[i].ends_with(",Paris,FRA,48.8534,2.3488,city");
    none += rows[i].ends_with(",,,,,");
  }
  BOOST_TEST(geneva == 1);
  BOOST_TEST(paris == 1);
  BOOST_TEST(none == 1);
}

BOOST_AUTO_TEST_CASE(api_places_counts_the_selected_events_by_place) {
  Db d;
  auto cameo = geokg::CameoTable::Load(data_dir() + "/cameo-codes.tsv");
  BOOST_TEST_REQUIRE(cameo.ok());
  geokg::serve::ServeOptions o;
  o.port = 0;
  auto server = geokg::serve::Server::Start(d.db, &*cameo, o);
  BOOST_TEST_REQUIRE(server.ok());
  httplib::Client client("127.0.0.1", (*server)->port());
  client.set_read_timeout(30);
  auto get = [&](const std::string& path) {
    auto r = client.Get(path.c_str());
    BOOST_TEST_REQUIRE(static_cast<bool>(r));
    return std::make_pair(r->status, json::parse(r->body));
  };

  auto [status, all] = get("/api/places");
  BOOST_TEST_REQUIRE(status == 200, all.dump());
  BOOST_TEST(all["events"] == 3);
  BOOST_TEST(all["unplaced_events"] == 1);
  BOOST_TEST(all["total_places"] == 2);
  BOOST_TEST_REQUIRE(all["places"].size() == 2u);
  std::set<std::string> names;
  for (const auto& p : all["places"]) {
    names.insert(p["name"].get<std::string>());
    BOOST_TEST(p["events"] == 1);
    BOOST_TEST(p["lat"].is_number());
    BOOST_TEST(p["lon"].is_number());
  }
  BOOST_TEST((names == std::set<std::string>{"Geneva", "Paris"}));

  auto [s1, shultz] = get("/api/places?actor=Shultz");
  BOOST_TEST_REQUIRE(s1 == 200, shultz.dump());
  BOOST_TEST_REQUIRE(shultz["places"].size() == 1u);
  BOOST_TEST(shultz["places"][0]["name"] == "Geneva");
  BOOST_TEST(shultz["places"][0]["lat"].get<double>() == 46.2022, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(shultz["actors"][0]["name"] == "George Shultz");

  auto [s2, fra] = get("/api/places?in_country=fra");
  BOOST_TEST(s2 == 200);
  BOOST_TEST(fra["places"].size() == 1u);
  BOOST_TEST(fra["events"] == 1);
  auto [s3, later] = get("/api/places?from=1987-03-04");
  BOOST_TEST(s3 == 200);
  BOOST_TEST_REQUIRE(later["places"].size() == 1u);
  BOOST_TEST(later["places"][0]["name"] == "Paris");
  auto [s4, bad] = get("/api/places?in_country=France");
  BOOST_TEST(s4 == 400);
  BOOST_TEST(bad["parameter"] == "in_country");

  auto [s5, profile] = get("/api/actor/Kohl?places=3");
  BOOST_TEST_REQUIRE(s5 == 200);
  BOOST_TEST_REQUIRE(profile["places"].size() == 1u);
  BOOST_TEST(profile["places"][0]["name"] == "Paris");
  auto [s6, without] = get("/api/actor/Kohl?places=0");
  BOOST_TEST(s6 == 200);
  BOOST_TEST(!without.contains("places"));
}
