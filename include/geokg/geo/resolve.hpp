#pragma once
// Place resolution: a place named in a text, resolved to one gazetteer entry
// using what the article says about where it is. Pure: no I/O, no state.
//
//   "talks in Paris" in a story on France and the United States -> Paris, FRA (city, 2988507)
//   "a rally in Paris, Texas"                                    -> Paris, USA, US-TX (city, 4717560)
//   "troops entered Georgia" with Shevardnadze (GEO)             -> Georgia (country GEO)
//   "a speech in Georgia" in a story on two U.S. senators       -> Georgia (adm1 US-GA)
//   "at the Kremlin" (a metonym of RUS)                          -> the Kremlin (landmark, Moscow)
//   "clashes near Basra"                                         -> Basra, IRQ (city), near

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geokg/core/place.hpp"
#include "geokg/geo/gazetteer.hpp"

namespace geokg::geo {

// The place as the text names it.
struct PlaceQuery {
  std::string_view name;          // "Paris", "the Kremlin", "Georgia"
  // The country the lexicon ties the name to ("Beijing" is CHN, "the Kremlin"
  // RUS), or the country itself when `is_country`; "" when none.
  std::string_view hint_country;
  bool is_country = false;        // the place is a country actor: hint_country is its code
  std::string_view qualifier;     // the words after "NAME, " in the text: "Texas" of "Paris, Texas"
  bool near = false;              // "near X", "outside X"
};

// What the article says about where things are.
struct PlaceContext {
  // The countries the article's actors stand for, each with its share of the
  // article's actor mentions (0..1).
  std::vector<std::pair<std::string, double>> article_countries;
  std::vector<std::string> event_countries;   // the countries of the event's source and target
  std::string dateline_country;               // of the dateline's place, when resolved
  std::string dateline_city;                  // its name ("Moscow"), a landmark's city of last resort
  std::vector<std::string> sentence_places;   // other places the sentence names, for a landmark's city
};

// The best entry for `q` in `context`, or a place with only its name (and
// PlacePrecision::kNone) when no entry fits. Among namesakes the score is the
// entry's size (a city's population, a fixed prior for countries and
// subdivisions), a capital's bonus, and the article's countries: the
// lexicon's country, an explicit qualifier ("Paris, Texas") and the event's
// actors weigh most. Landmarks (a lexicon metonym that is no gazetteer name,
// or a name ending in "Palace", "Airport", "Base" …) are placed at a city the
// sentence names, else at the capital of the lexicon's country.
Place resolve_place(const Gazetteer& gazetteer, const PlaceQuery& q, const PlaceContext& context);

// The dateline at the start of an article's text ("MOSCOW, March 3 (Reuters) -",
// "PARIS, Texas -", "BEIJING —"): the place in capitals and the qualifier
// after its comma when that is not a date ("Texas"). Both empty when the text
// starts otherwise.
struct Dateline {
  std::string place;       // as written: "MOSCOW"
  std::string qualifier;   // "Texas", or ""
};
Dateline find_dateline(std::string_view text);

}  // namespace geokg::geo
