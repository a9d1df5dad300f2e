// Events placed on the map: the extractor (shipped lexicons, gazetteer and
// coder, as `geokg extract` runs) resolves each event's place; short texts
// written for these tests, one construction each.
#include <boost/test/unit_test.hpp>

#include "event_test_support.hpp"
#include "geokg/extract/extraction_json.hpp"
#include "geokg/extract/places.hpp"

using namespace geokg;
using geokg::test::extract_text;

namespace {

// The place of the only placed event, failing the test when there is not exactly one.
Place only_place(const Extraction& ex) {
  const ExtractedEvent* placed = nullptr;
  int n = 0;
  for (const auto& e : ex.events)
    if (e.location >= 0) placed = &e, ++n;
  BOOST_TEST_REQUIRE(n == 1, "placed events: " << n << "; " << test::describe(ex));
  BOOST_TEST(placed->place.name == ex.actors[static_cast<std::size_t>(placed->location)].name);
  return placed->place;
}

Extraction extract(const std::string& text) { return extract_text(text, "1987-03-03", false); }

}  // namespace

BOOST_AUTO_TEST_CASE(a_meeting_in_a_city_is_placed_at_that_city) {
  const Place p = only_place(extract(
      "Secretary of State George Shultz met Soviet Foreign Minister Eduard Shevardnadze in Geneva on Tuesday."));
  BOOST_TEST(p.name == "Geneva");
  BOOST_TEST(p.country == "CHE");
  BOOST_TEST(to_string(p.precision) == std::string("city"));
  BOOST_TEST(p.lat > 46.0);
  BOOST_TEST(p.lat < 46.5);
  BOOST_TEST(!p.near);
}

BOOST_AUTO_TEST_CASE(of_two_places_in_a_sentence_the_event_s_own_is_resolved) {
  const Place p = only_place(extract(
      "Secretary of State George Shultz met Soviet Foreign Minister Eduard Shevardnadze in Geneva on Tuesday "
      "after flying from Helsinki."));
  BOOST_TEST(p.name == "Geneva");
  BOOST_TEST(p.country == "CHE");
}

BOOST_AUTO_TEST_CASE(a_visit_is_placed_at_its_destination_country) {
  const Extraction ex = extract("World Bank President Barber Conable visited Indonesia on Monday.");
  const Place p = only_place(ex);
  BOOST_TEST(p.name == "Indonesia");
  BOOST_TEST(p.country == "IDN");
  BOOST_TEST(to_string(p.precision) == std::string("country"));
}

BOOST_AUTO_TEST_CASE(near_a_city_is_marked_near) {
  const Place p = only_place(extract("Syrian forces attacked rebels near Aleppo on Sunday."));
  BOOST_TEST(p.name == "Aleppo");
  BOOST_TEST(p.country == "SYR");
  BOOST_TEST(to_string(p.precision) == std::string("city"));
  BOOST_TEST(p.near);
  const Place in = only_place(extract("Syrian forces attacked rebels in Aleppo on Sunday."));
  BOOST_TEST(in.country == "SYR");
  BOOST_TEST(!in.near);
}

BOOST_AUTO_TEST_CASE(a_namesake_is_chosen_by_the_qualifier_the_text_gives) {
  const Place texas = only_place(extract(
      "Texas Governor Bill Clements met Mexican President Miguel de la Madrid in Paris, Texas, on Friday."));
  BOOST_TEST(texas.name == "Paris");
  BOOST_TEST(texas.country == "USA");
  BOOST_TEST(texas.adm1 == "US-TX");
  const Place france = only_place(extract(
      "Secretary of State George Shultz met Soviet Foreign Minister Eduard Shevardnadze in Paris on Friday."));
  BOOST_TEST(france.country == "FRA");
  BOOST_TEST(france.entry == "2988507");
}

BOOST_AUTO_TEST_CASE(a_landmark_keeps_its_name_and_its_city) {
  const Place p = only_place(extract(
      "Soviet leader Mikhail Gorbachev met Indian Prime Minister Rajiv Gandhi at the Kremlin on Monday."));
  BOOST_TEST(to_string(p.precision) == std::string("landmark"));
  BOOST_TEST(p.entry_name == "Moscow");
  BOOST_TEST(p.country == "RUS");
}

// ---- resolve_event_places on extractions built by hand (the coder aside) ----

namespace {

const geo::Gazetteer& shipped_gazetteer() { return test::plain_extractor().lexicons().gazetteer; }

ExtractedActor actor(std::string name, NodeKind kind, std::string country = {}, std::uint32_t mentions = 1) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = kind;
  a.country = std::move(country);
  a.mentions = mentions;
  return a;
}

// One event between actors 0 and 1, placed at actor 2, read from `sentence`.
Extraction one_event(std::vector<ExtractedActor> actors, std::string sentence) {
  Extraction ex;
  ex.actors = std::move(actors);
  ExtractedEvent e;
  e.source = 0;
  e.target = 1;
  e.location = 2;
  e.cameo = "040";
  e.evidence.sentence = std::move(sentence);
  ex.events.push_back(e);
  return ex;
}

Article article(std::string text) {
  Article a;
  a.id = "t";
  a.text = std::move(text);
  return a;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_dateline_decides_between_namesakes) {
  const std::string sentence = "The two governors met in Georgia on Friday.";
  auto actors = [] {
    return std::vector<ExtractedActor>{actor("Joe Frank Harris", NodeKind::kPerson), actor("Guy Hunt", NodeKind::kPerson),
                                       actor("Georgia", NodeKind::kLocation)};
  };
  Extraction atlanta = one_event(actors(), sentence);
  resolve_event_places(article("ATLANTA (AP) - " + sentence), atlanta, shipped_gazetteer());
  BOOST_TEST(atlanta.events[0].place.entry == "US-GA");
  Extraction tbilisi = one_event(actors(), sentence);
  resolve_event_places(article("TBILISI (Reuters) - " + sentence), tbilisi, shipped_gazetteer());
  BOOST_TEST(tbilisi.events[0].place.entry == "GEO");

  const geo::PlaceContext ctx =
      article_place_context(article("PARIS, Texas (AP) - Nothing else."), Extraction{}, shipped_gazetteer());
  BOOST_TEST(ctx.dateline_country == "USA");
  BOOST_TEST(ctx.dateline_city == "Paris");
}

BOOST_AUTO_TEST_CASE(the_event_s_actors_decide_between_namesakes) {
  const std::string sentence = "Senator Sam Nunn met Governor Joe Frank Harris in Georgia.";
  Extraction us = one_event({actor("Sam Nunn", NodeKind::kPerson, "USA"), actor("Joe Frank Harris", NodeKind::kPerson, "USA"),
                             actor("Georgia", NodeKind::kLocation)},
                            sentence);
  resolve_event_places(article(sentence), us, shipped_gazetteer());
  BOOST_TEST(us.events[0].place.entry == "US-GA");
  BOOST_TEST(to_string(us.events[0].place.precision) == std::string("adm1"));

  const std::string s2 = "Eduard Shevardnadze met Russian envoys in Georgia.";
  Extraction geo = one_event({actor("Eduard Shevardnadze", NodeKind::kPerson, "GEO"),
                              actor("Russian envoys", NodeKind::kOrganization, "RUS"), actor("Georgia", NodeKind::kLocation)},
                             s2);
  resolve_event_places(article(s2), geo, shipped_gazetteer());
  BOOST_TEST(geo.events[0].place.entry == "GEO");
}

BOOST_AUTO_TEST_CASE(a_landmark_is_placed_in_the_city_its_sentence_names) {
  const std::string sentence = "Chirac received Kohl at the Elysee Palace in Paris.";
  Extraction ex = one_event({actor("Jacques Chirac", NodeKind::kPerson, "FRA"), actor("Helmut Kohl", NodeKind::kPerson, "DEU"),
                             actor("Elysee Palace", NodeKind::kLocation), actor("Paris", NodeKind::kLocation, "FRA")},
                            sentence);
  resolve_event_places(article(sentence), ex, shipped_gazetteer());
  const Place& p = ex.events[0].place;
  BOOST_TEST(p.name == "Elysee Palace");
  BOOST_TEST(to_string(p.precision) == std::string("landmark"));
  BOOST_TEST(p.entry == "2988507");
  BOOST_TEST(p.entry_name == "Paris");
}

BOOST_AUTO_TEST_CASE(qualifier_and_near_are_read_from_the_sentence) {
  const std::string sentence = "Police clashed with protesters near Moscow, Idaho, on Sunday.";
  Extraction ex = one_event({actor("police", NodeKind::kOrganization), actor("protesters", NodeKind::kGroup),
                             actor("Moscow", NodeKind::kLocation, "RUS")},
                            sentence);
  resolve_event_places(article(sentence), ex, shipped_gazetteer());
  const Place& p = ex.events[0].place;
  BOOST_TEST(p.country == "USA");
  BOOST_TEST(p.adm1 == "US-ID");
  BOOST_TEST(p.near);
}

BOOST_AUTO_TEST_CASE(events_without_a_place_and_unknown_places_stay_as_they_were) {
  const std::string sentence = "Iranian gunboats attacked a tanker off Sirri Island.";
  Extraction ex = one_event({actor("Iranian gunboats", NodeKind::kOrganization, "IRN"), actor("tanker", NodeKind::kArtifact),
                             actor("Sirri Island", NodeKind::kLocation)},
                            sentence);
  ExtractedEvent unplaced = ex.events[0];
  unplaced.location = -1;
  ex.events.push_back(unplaced);
  resolve_event_places(article(sentence), ex, shipped_gazetteer());
  BOOST_TEST(ex.events[0].place.name == "Sirri Island");
  BOOST_TEST(!ex.events[0].place.resolved());
  BOOST_TEST(ex.events[0].place.near);   // "off Sirri Island"
  BOOST_TEST(ex.events[1].place.name.empty());
  // An empty gazetteer leaves every place a name.
  Extraction bare = one_event({actor("A", NodeKind::kPerson), actor("B", NodeKind::kPerson),
                               actor("Paris", NodeKind::kLocation, "FRA")},
                              "A met B in Paris.");
  resolve_event_places(article("A met B in Paris."), bare, geo::Gazetteer{});
  BOOST_TEST(bare.events[0].place.name == "Paris");
  BOOST_TEST(!bare.events[0].place.resolved());
  BOOST_TEST(bare.events[0].place.country == "FRA");
}

BOOST_AUTO_TEST_CASE(the_place_travels_through_the_extraction_json_and_back) {
  const std::string sentence = "A met B in Paris, Texas.";
  Extraction ex = one_event({actor("A", NodeKind::kPerson), actor("B", NodeKind::kPerson),
                             actor("Paris", NodeKind::kLocation, "FRA")},
                            sentence);
  Article a = article(sentence);
  resolve_event_places(a, ex, shipped_gazetteer());
  BOOST_REQUIRE(ex.events[0].place.resolved());
  const auto shown = extraction_to_json(a, ex, nullptr, ExtractionShape::kDisplay);
  const auto& place = shown["events"][0]["place"];
  BOOST_TEST(place["name"] == "Paris");
  BOOST_TEST(place["country"] == "USA");
  BOOST_TEST(place["precision"] == "city");
  BOOST_TEST(place["geonameid"] == 4717560u);
  BOOST_TEST(shown["events"][0]["location"] == "Paris");   // the name field stays

  const auto file = extraction_to_json(a, ex, nullptr, ExtractionShape::kInterchange);
  Article back_article;
  Extraction back;
  const Status s = extraction_from_json(file, back_article, back);
  BOOST_TEST_REQUIRE(s.ok(), s.message());
  BOOST_TEST((back.events[0].place == ex.events[0].place));

  auto broken = file;
  broken["events"][0]["place"]["precision"] = "village";
  BOOST_TEST(!extraction_from_json(broken, back_article, back).ok());
  broken["events"][0]["place"] = "Paris";
  BOOST_TEST(!extraction_from_json(broken, back_article, back).ok());
}
