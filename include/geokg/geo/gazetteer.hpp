#pragma once
// The gazetteer: countries, first-level subdivisions and cities with their
// names, country, coordinates and population, loaded from
// data/places/gazetteer.tsv (made by scripts/gen_gazetteer.py from GeoNames
// cities, ruby-countries' countries and subdivisions and the country table).
// Loaded once, then read-only: any number of threads may look up at once.
//
// File format (UTF-8, '#' lines are comments), one entry per line, tab-separated:
//   id  type  country  adm1  adm1_name  lat  lon  population  flags  name  aliases
//   4717560  city      USA  US-TX   Texas   33.6609  -95.5555  24782  -        Paris   -
//   US-TX    adm1      USA  US-TX   Texas   31.9686  -99.9018  0      -        Texas   -
//   GEO      country   GEO  -       -       42.3154  43.3569   0      -        Georgia Georgien|Géorgie
//   524901   landmark  RUS  RU-MOW  Moscow  55.7522  37.6156   0      -        Kremlin -
//   persian-gulf region -  -      -       26.5000 52.0000   0      -        Persian Gulf Gulf
// ("-" stands for an empty field.) type: country | adm1 | city | landmark (a
// building or site, whose id is its city's geonameid and whose coordinates
// are the city's) | region (a sea, territory or world region, whose country
// is empty when it crosses borders); flags: "capital", "historical" or ""; aliases
// '|'-separated.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg::geo {

enum class EntryType : std::uint8_t { kCountry = 0, kAdm1 = 1, kCity = 2, kLandmark = 3, kRegion = 4 };
const char* to_string(EntryType t);

struct Entry {
  std::string id;         // geonameid (city; a landmark's city), ISO 3166-2 (adm1), ISO alpha-3 (country)
  EntryType type = EntryType::kCity;
  std::string country;    // ISO alpha-3 as geokg writes it
  std::string adm1;       // ISO 3166-2 of the subdivision ("US-TX"), "" when not known
  std::string adm1_name;  // "Texas"
  double lat = 0.0;
  double lon = 0.0;
  std::uint64_t population = 0;   // cities only; 0 otherwise
  bool capital = false;           // the capital of its country (cities)
  bool historical = false;        // a state that no longer exists (countries)
  std::string name;
  std::vector<std::string> aliases;
  // A landmark's city (the city entry of the same id); -1 otherwise or when
  // the file has no such city.
  std::int32_t city = -1;
};

class Gazetteer {
 public:
  Gazetteer() = default;   // empty: every lookup finds nothing

  // Reads a gazetteer file. Errors: IOError when it cannot be read,
  // InvalidInput naming "FILE:LINE" for a malformed line or a landmark whose
  // id is no city of the file.
  static Result<Gazetteer> load(const std::string& path);
  // The same from text in memory; `origin` names it in errors.
  static Result<Gazetteer> parse(std::string_view text, std::string_view origin);

  // Entries with `name` among their names, compared as normalize_name does
  // (case, accents and dots aside; a leading "the" optional). Empty when none.
  std::span<const std::uint32_t> find(std::string_view name) const;
  const Entry& entry(std::uint32_t index) const { return entries_[index]; }
  // A country's entry by its alpha-3 code, its capital city's; nullptr when none.
  const Entry* country(std::string_view iso3) const;
  const Entry* capital(std::string_view iso3) const;

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // The number of distinct lookup names (for the benchmark).
  std::size_t names() const { return by_name_.size(); }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_name_;
  std::unordered_map<std::string, std::uint32_t> countries_;
  std::unordered_map<std::string, std::uint32_t> capitals_;
};

// The lookup key of a place name: normalize_name without a leading "the ".
std::string place_key(std::string_view name);

}  // namespace geokg::geo
