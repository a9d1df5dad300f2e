#pragma once
// Where an event happened, as resolved against the gazetteer
// (data/places/gazetteer.tsv, geokg::geo): the place the text names, the
// gazetteer entry it was matched to, its country, coordinates and how precise
// the match is. Unresolved places keep their name and nothing else.

#include <optional>
#include <string>
#include <string_view>

namespace geokg {

// How precise a place is: a whole country, a first-level subdivision (a
// state, province), a city, a landmark (a building, base or square, kept as
// its name and placed at its city), or a region (a sea, strait, continent or
// territory: "the Persian Gulf", "Europe", "the Gaza Strip"; placed at its
// middle, with a country only when it lies within one). The values are
// stored: a new one takes the next number, so the numbers do not order them.
enum class PlacePrecision : unsigned char { kNone = 0, kCountry = 1, kAdm1 = 2, kCity = 3, kLandmark = 4, kRegion = 5 };
// "none", "country", "adm1", "city", "landmark", "region".
const char* to_string(PlacePrecision p);
std::optional<PlacePrecision> place_precision_from_string(std::string_view s);

struct Place {
  std::string name;         // as the text names it ("Paris", "the Kremlin"); "" = no place
  PlacePrecision precision = PlacePrecision::kNone;   // kNone: no gazetteer entry matched
  std::string entry;        // the entry's id: a city's geonameid ("2988507"), a subdivision's
                            // ISO 3166-2 code ("US-TX"), a country's alpha-3 code ("FRA")
  std::string entry_name;   // the entry's name ("Paris"; a landmark's city: "Moscow")
  std::string country;      // ISO alpha-3 (or SUN, YUG … of the country table)
  std::string adm1;         // ISO 3166-2 code of the subdivision, when known ("US-TX")
  double lat = 0.0;         // WGS 84 degrees; meaningful when resolved()
  double lon = 0.0;
  bool near = false;        // "near X", "outside X": the event was close to the place, not in it
  bool resolved() const { return precision != PlacePrecision::kNone; }
  friend bool operator==(const Place&, const Place&) = default;
};

}  // namespace geokg
