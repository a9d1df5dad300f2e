// Place resolution (geokg::geo::resolve_place, find_dateline): namesakes,
// qualifiers, countries, landmarks, "near", datelines. Pure function over a
// small hand-written gazetteer, then a few cases on the shipped one.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "geokg/geo/resolve.hpp"
#include "test_support.hpp"

using namespace geokg;
using namespace geokg::geo;

namespace {

const char* kGazetteer =
    "FRA\tcountry\tFRA\t\t\t46.2276\t2.2137\t0\t\tFrance\t\n"
    "USA\tcountry\tUSA\t\t\t37.0902\t-95.7129\t0\t\tUnited States\tU.S.\n"
    "GEO\tcountry\tGEO\t\t\t42.3154\t43.3569\t0\t\tGeorgia\t\n"
    "RUS\tcountry\tRUS\t\t\t61.5240\t105.3188\t0\t\tRussia\t\n"
    "IRQ\tcountry\tIRQ\t\t\t33.2232\t43.6793\t0\t\tIraq\t\n"
    "KWT\tcountry\tKWT\t\t\t29.3117\t47.4818\t0\t\tKuwait\t\n"
    "US-GA\tadm1\tUSA\tUS-GA\tGeorgia\t32.1656\t-82.9001\t0\t\tGeorgia\t\n"
    "US-TX\tadm1\tUSA\tUS-TX\tTexas\t31.9686\t-99.9018\t0\t\tTexas\t\n"
    "US-WA\tadm1\tUSA\tUS-WA\tWashington\t47.7511\t-120.7401\t0\t\tWashington\t\n"
    "2988507\tcity\tFRA\tFR-IDF\tÎle-de-France\t48.8534\t2.3488\t2138551\tcapital\tParis\t\n"
    "4717560\tcity\tUSA\tUS-TX\tTexas\t33.6609\t-95.5555\t24782\t\tParis\t\n"
    "4140963\tcity\tUSA\tUS-DC\tDistrict of Columbia\t38.8951\t-77.0364\t689545\tcapital\tWashington D.C.\tWashington\n"
    "524901\tcity\tRUS\tRU-MOW\tMoscow\t55.7522\t37.6156\t10381222\tcapital\tMoscow\t\n"
    "5601538\tcity\tUSA\tUS-ID\tIdaho\t46.7324\t-117.0002\t25060\t\tMoscow\t\n"
    "99532\tcity\tIRQ\t\tBasra\t30.5085\t47.7804\t2600000\t\tBasra\t\n"
    "285787\tcity\tKWT\t\tAl Asimah\t29.3697\t47.9783\t60064\tcapital\tKuwait City\tKuwait\n"
    "7\tcity\tFRA\t\t\t45.0\t5.0\t20000\t\tSmallville\t\n"
    "524901\tlandmark\tRUS\tRU-MOW\tMoscow\t55.7522\t37.6156\t0\t\tKremlin\t\n";

const Gazetteer& gaz() {
  static const Gazetteer g = [] {
    auto r = Gazetteer::parse(kGazetteer, "test");
    BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? std::string() : r.status().message()));
    return std::move(r).value();
  }();
  return g;
}

Place resolve(std::string_view name, const PlaceContext& ctx = {}, std::string_view hint = {},
              std::string_view qualifier = {}) {
  PlaceQuery q;
  q.name = name;
  q.hint_country = hint;
  q.qualifier = qualifier;
  return resolve_place(gaz(), q, ctx);
}

PlaceContext article_about(std::vector<std::pair<std::string, double>> countries,
                           std::vector<std::string> event = {}) {
  PlaceContext c;
  c.article_countries = std::move(countries);
  c.event_countries = std::move(event);
  return c;
}

// The gazetteer the product ships, loaded once.
const Gazetteer& shipped() {
  static const Gazetteer g = [] {
    auto r = Gazetteer::load(test::data_dir() + "/places/gazetteer.tsv");
    BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? std::string() : r.status().message()));
    return std::move(r).value();
  }();
  return g;
}

Place at(std::string_view name, const PlaceContext& ctx = {}, std::string_view hint = {}) {
  PlaceQuery q;
  q.name = name;
  q.hint_country = hint;
  return resolve_place(shipped(), q, ctx);
}

}  // namespace

BOOST_AUTO_TEST_CASE(paris_is_france_unless_the_text_says_texas) {
  const Place alone = resolve("Paris");
  BOOST_TEST(alone.entry == "2988507");
  BOOST_TEST(alone.country == "FRA");
  BOOST_TEST(to_string(alone.precision) == std::string("city"));
  BOOST_TEST(alone.lat == 48.8534);
  BOOST_TEST(alone.entry_name == "Paris");
  // An American story still means the French capital: population outweighs
  // the article's country.
  BOOST_TEST(resolve("Paris", article_about({{"USA", 1.0}}, {"USA"})).country == "FRA");
  // "Paris, Texas", even where the lexicon ties "Paris" to France.
  const Place texas = resolve("Paris", {}, {}, "Texas");
  BOOST_TEST(texas.entry == "4717560");
  BOOST_TEST(texas.adm1 == "US-TX");
  BOOST_TEST(resolve("Paris", {}, "FRA", "Texas").entry == "4717560");
  BOOST_TEST(resolve("Paris", {}, {}, "TX").entry == "4717560");
  BOOST_TEST(resolve("Paris", {}, {}, "France").entry == "2988507");
}

BOOST_AUTO_TEST_CASE(georgia_is_the_country_unless_the_story_is_american) {
  BOOST_TEST(to_string(resolve("Georgia").precision) == std::string("country"));
  BOOST_TEST(resolve("Georgia").entry == "GEO");
  const Place state = resolve("Georgia", article_about({{"USA", 0.9}}, {"USA", "USA"}));
  BOOST_TEST(to_string(state.precision) == std::string("adm1"));
  BOOST_TEST(state.entry == "US-GA");
  // A story on Georgia and Russia: the country, though it names Americans too.
  BOOST_TEST(resolve("Georgia", article_about({{"USA", 0.3}, {"GEO", 0.4}, {"RUS", 0.3}}, {"GEO", "RUS"})).entry ==
             "GEO");
}

BOOST_AUTO_TEST_CASE(moscow_of_idaho_needs_the_story_to_say_so) {
  BOOST_TEST(resolve("Moscow", article_about({{"USA", 1.0}}, {"USA"})).country == "RUS");
  BOOST_TEST(resolve("Moscow", {}, {}, "Idaho").entry == "5601538");
  BOOST_TEST(resolve("Moscow", {}, {}, "Ida").entry == "5601538");   // "Moscow, Ida."
}

BOOST_AUTO_TEST_CASE(washington_is_the_capital_and_washington_state_the_state) {
  BOOST_TEST(resolve("Washington").entry == "4140963");
  const Place state = resolve("Washington state");
  BOOST_TEST(state.entry == "US-WA");
  BOOST_TEST(state.name == "Washington state");
}

BOOST_AUTO_TEST_CASE(a_country_named_like_its_capital_is_the_country) {
  BOOST_TEST(resolve("Kuwait").entry == "KWT");
  BOOST_TEST(resolve("Kuwait City").entry == "285787");
}

BOOST_AUTO_TEST_CASE(a_country_actor_is_its_country_entry) {
  PlaceQuery q;
  q.name = "the Soviet republic of Georgia";
  q.hint_country = "GEO";
  q.is_country = true;
  const Place p = resolve_place(gaz(), q, {});
  BOOST_TEST(p.entry == "GEO");
  BOOST_TEST(to_string(p.precision) == std::string("country"));
  BOOST_TEST(p.name == "the Soviet republic of Georgia");
  q.hint_country = "ATL";   // no such entry: a name with its code
  const Place none = resolve_place(gaz(), q, {});
  BOOST_TEST(!none.resolved());
  BOOST_TEST(none.country == "ATL");
}

BOOST_AUTO_TEST_CASE(landmarks_keep_their_name_and_stand_at_their_city) {
  // A landmark of the gazetteer (the country table's metonyms), by any case and "the".
  const Place kremlin = resolve("the Kremlin", {}, "RUS");
  BOOST_TEST(to_string(kremlin.precision) == std::string("landmark"));
  BOOST_TEST(kremlin.name == "the Kremlin");
  BOOST_TEST(kremlin.entry == "524901");
  BOOST_TEST(kremlin.entry_name == "Moscow");
  BOOST_TEST(kremlin.country == "RUS");
  BOOST_TEST(resolve("KREMLIN").entry_name == "Moscow");
  // A region the lexicon ties to a country is not put at that country's
  // capital: it stays a name with its country.
  const Place golan = resolve("Golan Heights", {}, "SYR");
  BOOST_TEST(!golan.resolved());
  BOOST_TEST(golan.country == "SYR");
  // A building the sentence places in a city.
  PlaceContext ctx;
  ctx.sentence_places = {"Paris"};
  const Place palace = resolve("Elysee Palace", ctx);
  BOOST_TEST(to_string(palace.precision) == std::string("landmark"));
  BOOST_TEST(palace.entry == "2988507");
  // A building in the dateline's city.
  PlaceContext dl;
  dl.dateline_city = "Basra";
  BOOST_TEST(resolve("Sheraton Hotel", dl).entry == "99532");
  // Without a city, a landmark stays a name.
  const Place lost = resolve("Camp Bastion");
  BOOST_TEST(!lost.resolved());
  BOOST_TEST(lost.name == "Camp Bastion");
}

BOOST_AUTO_TEST_CASE(near_is_kept_and_unknown_places_stay_names) {
  PlaceQuery q;
  q.name = "Basra";
  q.near = true;
  const Place p = resolve_place(gaz(), q, {});
  BOOST_TEST(p.entry == "99532");
  BOOST_TEST(p.near);
  const Place sirri = resolve("Sirri Island", article_about({{"IRN", 1.0}}));
  BOOST_TEST(!sirri.resolved());
  BOOST_TEST(sirri.name == "Sirri Island");
  BOOST_TEST(sirri.entry.empty());
  BOOST_TEST(!resolve("").resolved());
}

BOOST_AUTO_TEST_CASE(a_small_city_of_a_country_the_story_never_names_is_not_matched) {
  BOOST_TEST(!resolve("Smallville", article_about({{"USA", 1.0}})).resolved());
  BOOST_TEST(resolve("Smallville", article_about({{"FRA", 0.5}})).entry == "7");
  PlaceContext dl;
  dl.dateline_country = "FRA";
  BOOST_TEST(resolve("Smallville", dl).entry == "7");
}

BOOST_AUTO_TEST_CASE(datelines_give_their_place_and_qualifier) {
  auto d = find_dateline("MOSCOW, March 3 (Reuters) - Soviet leader Mikhail Gorbachev said");
  BOOST_TEST(d.place == "MOSCOW");
  BOOST_TEST(d.qualifier.empty());
  d = find_dateline("PARIS, Texas (AP) - The mayor said");
  BOOST_TEST(d.place == "PARIS");
  BOOST_TEST(d.qualifier == "Texas");
  d = find_dateline("  NEW YORK - Stocks fell");
  BOOST_TEST(d.place == "NEW YORK");
  d = find_dateline("WASHINGTON \xE2\x80\x94 The Senate voted");
  BOOST_TEST(d.place == "WASHINGTON");
  d = find_dateline("BEIJING, April 26, 2024 - Blinken");
  BOOST_TEST(d.place == "BEIJING");
  BOOST_TEST(d.qualifier.empty());
  // Not datelines: ordinary sentences, a shouted word, a lone letter.
  BOOST_TEST(find_dateline("The president said on Monday - briefly").place.empty());
  BOOST_TEST(find_dateline("NATO, the alliance, met today.").place.empty());
  BOOST_TEST(find_dateline("A - B").place.empty());
  BOOST_TEST(find_dateline("").place.empty());
  BOOST_TEST(find_dateline("PARIS").place.empty());
}

BOOST_AUTO_TEST_CASE(the_shipped_gazetteer_resolves_the_wire_s_places) {
  BOOST_TEST(at("Paris").country == "FRA");
  BOOST_TEST(at("Geneva").country == "CHE");
  BOOST_TEST(at("Helsinki").country == "FIN");
  BOOST_TEST(at("Basra").country == "IRQ");
  BOOST_TEST(at("Peking").country == "CHN");
  BOOST_TEST(at("Georgia").entry == "GEO");
  BOOST_TEST(at("Georgia", article_about({{"USA", 1.0}}, {"USA"})).entry == "US-GA");
  BOOST_TEST(to_string(at("the White House", {}, "USA").precision) == std::string("landmark"));
  BOOST_TEST(at("the White House", {}, "USA").adm1 == "US-DC");
}

BOOST_AUTO_TEST_CASE(seas_territories_and_continents_are_regions) {
  // A sea across states: a region with no country, placed at its middle.
  const Place gulf = at("the Persian Gulf");
  BOOST_TEST(to_string(gulf.precision) == std::string("region"));
  BOOST_TEST(gulf.country.empty());
  BOOST_TEST(gulf.lat > 24.0);
  BOOST_TEST(gulf.lat < 30.0);
  BOOST_TEST(gulf.lon > 48.0);
  BOOST_TEST(gulf.lon < 56.0);
  BOOST_TEST(at("the Gulf").entry == "persian-gulf");
  // The sea, not the Sudanese state of its name; the continent, not the Philippine town.
  BOOST_TEST(at("Red Sea").entry == "red-sea");
  BOOST_TEST(at("Asia").entry == "asia");
  // A territory keeps its country.
  const Place gaza = at("Gaza Strip", {}, "PSE");
  BOOST_TEST(to_string(gaza.precision) == std::string("region"));
  BOOST_TEST(gaza.country == "PSE");
  BOOST_TEST(at("Europe").resolved());
}

BOOST_AUTO_TEST_CASE(every_place_of_the_lexicon_is_in_the_gazetteer) {
  // The country table's locations ("Golan Heights", "the Indian Ocean") are the
  // places the extractor finds by name; each must resolve, or events there get no point on a map.
  std::ifstream in(test::data_dir() + "/actors/countries.json");
  const nlohmann::json table = nlohmann::json::parse(in);
  int locations = 0;
  for (const auto& a : table.at("actors")) {
    if (a.value("kind", "") != "location") continue;
    ++locations;
    PlaceQuery q;
    const std::string name = a.at("name").get<std::string>(), country = a.value("country", "");
    q.name = name;
    q.hint_country = country;
    const Place p = resolve_place(shipped(), q, {});
    BOOST_TEST(p.resolved(), name);
    if (!country.empty()) BOOST_TEST(p.country == country, name);
  }
  BOOST_TEST(locations > 40);
}
