// The gazetteer file: parsing, lookups by any name, errors that name the line,
// and the shipped data/places/gazetteer.tsv.
#include <boost/test/unit_test.hpp>

#include <set>

#include "geokg/geo/gazetteer.hpp"
#include "test_support.hpp"

using namespace geokg;
using namespace geokg::geo;

namespace {

const char* kSmall =
    "# a comment\n"
    "FRA\tcountry\tFRA\t\t\t46.2276\t2.2137\t0\t\tFrance\tFrench Republic\n"
    "US-TX\tadm1\tUSA\tUS-TX\tTexas\t31.9686\t-99.9018\t0\t\tTexas\t\n"
    "2988507\tcity\tFRA\t\tÎle-de-France Region\t48.8534\t2.3488\t2138551\tcapital\tParis\t\n"
    "4717560\tcity\tUSA\tUS-TX\tTexas\t33.6609\t-95.5555\t24782\t\tParis\t\n"
    "2950159\tcity\tDEU\t\tBerlin\t52.5244\t13.4105\t3426354\tcapital\tBerlin\t\n"
    "1\tcity\tZZZ\t\t\t10.0\t10.0\t5\t\tThe Hague\tDen Haag\n";

}  // namespace

BOOST_AUTO_TEST_CASE(finds_every_entry_of_a_name_in_any_case_and_accent) {
  auto g = Gazetteer::parse(kSmall, "small");
  BOOST_TEST_REQUIRE(g.ok(), (g.ok() ? std::string() : g.status().message()));
  BOOST_TEST(g->size() == 6u);
  const auto paris = g->find("PARIS");
  BOOST_REQUIRE_EQUAL(paris.size(), 2u);
  std::set<std::string> countries;
  for (auto i : paris) countries.insert(g->entry(i).country);
  BOOST_TEST((countries == std::set<std::string>{"FRA", "USA"}));
  BOOST_TEST(g->find("french republic").size() == 1u);
  BOOST_TEST(g->find("Hague").size() == 1u);       // "the" is optional on both sides
  BOOST_TEST(g->find("the Hague").size() == 1u);
  BOOST_TEST(g->find("den haag").size() == 1u);
  BOOST_TEST(g->find("Lyon").empty());
  BOOST_REQUIRE(g->capital("FRA") != nullptr);
  BOOST_TEST(g->capital("FRA")->name == "Paris");
  BOOST_TEST(g->capital("USA") == nullptr);
  BOOST_REQUIRE(g->country("FRA") != nullptr);
  BOOST_TEST(g->country("FRA")->lat == 46.2276);
  const Entry& tx = g->entry(g->find("Texas").front());
  BOOST_TEST((tx.type == EntryType::kAdm1));
  BOOST_TEST(tx.adm1 == "US-TX");
}

BOOST_AUTO_TEST_CASE(a_malformed_line_is_an_error_naming_file_and_line) {
  auto few = Gazetteer::parse("# c\nFRA\tcountry\tFRA\n", "g.tsv");
  BOOST_REQUIRE(!few.ok());
  BOOST_TEST(few.status().message().find("g.tsv:2:") != std::string::npos);
  BOOST_TEST(few.status().message().find("11 tab-separated fields") != std::string::npos);

  auto type = Gazetteer::parse("X\tvillage\tFRA\t\t\t1\t1\t0\t\tX\t\n", "g.tsv");
  BOOST_REQUIRE(!type.ok());
  BOOST_TEST(type.status().message().find("unknown type 'village'") != std::string::npos);

  auto lat = Gazetteer::parse("X\tcity\tFRA\t\t\t91\t1\t0\t\tX\t\n", "g.tsv");
  BOOST_REQUIRE(!lat.ok());
  BOOST_TEST(lat.status().message().find("out of range") != std::string::npos);

  auto pop = Gazetteer::parse("X\tcity\tFRA\t\t\t1\t1\tmany\t\tX\t\n", "g.tsv");
  BOOST_REQUIRE(!pop.ok());
  BOOST_TEST(pop.status().message().find("population") != std::string::npos);

  auto orphan = Gazetteer::parse("1\tlandmark\tFRA\t\t\t1\t1\t0\t\tElysee\t\n", "g.tsv");
  BOOST_REQUIRE(!orphan.ok());
  BOOST_TEST(orphan.status().message().find("g.tsv:1: landmark 'Elysee' names city 1") != std::string::npos);

  auto missing = Gazetteer::load("/nonexistent/gazetteer.tsv");
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST((missing.status().code() == Status::Code::kIOError));
}

BOOST_AUTO_TEST_CASE(an_empty_gazetteer_finds_nothing) {
  Gazetteer g;
  BOOST_TEST(g.empty());
  BOOST_TEST(g.find("Paris").empty());
  BOOST_TEST(g.country("FRA") == nullptr);
}

BOOST_AUTO_TEST_CASE(the_shipped_gazetteer_holds_cities_subdivisions_and_every_country) {
  auto g = Gazetteer::load(test::data_dir() + "/places/gazetteer.tsv");
  BOOST_TEST_REQUIRE(g.ok(), (g.ok() ? std::string() : g.status().message()));
  std::size_t cities = 0, adm1 = 0, countries = 0, landmarks = 0;
  for (std::uint32_t i = 0; i < g->size(); ++i) {
    switch (g->entry(i).type) {
      case EntryType::kCity: ++cities; break;
      case EntryType::kAdm1: ++adm1; break;
      case EntryType::kCountry: ++countries; break;
      case EntryType::kLandmark: ++landmarks; break;
    }
  }
  BOOST_TEST(cities > 20000u);
  BOOST_TEST(adm1 > 3000u);
  BOOST_TEST(countries > 240u);
  BOOST_TEST(landmarks > 10u);
  // The project's codes: historical states and Kosovo are there.
  for (const char* c : {"USA", "SUN", "XKX", "GEO", "PSE"}) BOOST_TEST_CONTEXT(c) { BOOST_TEST(g->country(c) != nullptr); }
  // Capitals as the country table names them, whatever GeoNames calls them.
  BOOST_REQUIRE(g->capital("USA") != nullptr);
  BOOST_TEST(g->capital("USA")->adm1 == "US-DC");
  BOOST_REQUIRE(g->capital("RUS") != nullptr);
  BOOST_TEST(g->capital("RUS")->name == "Moscow");
  // Landmarks stand at their city.
  BOOST_REQUIRE(!g->find("the White House").empty());
  const Entry& wh = g->entry(g->find("the White House").front());
  BOOST_TEST((wh.type == EntryType::kLandmark));
  BOOST_REQUIRE(wh.city >= 0);
  BOOST_TEST(g->entry(static_cast<std::uint32_t>(wh.city)).id == g->capital("USA")->id);
  // Former English names of the 1980s wire.
  BOOST_REQUIRE(!g->find("Peking").empty());
  BOOST_TEST(g->entry(g->find("Peking").front()).country == "CHN");
  // Namesakes across countries.
  std::set<std::string> paris;
  for (auto i : g->find("Paris")) paris.insert(g->entry(i).country);
  BOOST_TEST(paris.count("FRA") == 1u);
  BOOST_TEST(paris.count("USA") == 1u);
  std::set<std::string> georgia;
  for (auto i : g->find("Georgia")) georgia.insert(to_string(g->entry(i).type) + std::string(":") + g->entry(i).country);
  BOOST_TEST(georgia.count("country:GEO") == 1u);
  BOOST_TEST(georgia.count("adm1:USA") == 1u);
}
