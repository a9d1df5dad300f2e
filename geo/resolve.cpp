#include "geokg/geo/resolve.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "geokg/core/ids.hpp"

namespace geokg::geo {

namespace {

// Priors standing for the size of a place the text may mean: a country is
// named as a place more often than any namesake city or state ("Georgia"
// alone is the country unless the article is about the United States), a
// subdivision as often as a city of a few hundred thousand.
constexpr double kCountryPrior = 10.0;
constexpr double kAdm1Prior = 8.0;
constexpr double kLandmarkPrior = 9.0;   // a name only a landmark has ("the Kremlin")
// "the Red Sea", "Asia", "Kurdistan": the sea, continent or region the news
// means, not the Sudanese state, the Philippine town or the Iranian province
// of the name, unless the article points at their country.
constexpr double kRegionPrior = 9.5;
constexpr double kCapitalBonus = 1.5;
// What the article says, in the same units.
constexpr double kHintWeight = 4.0;        // the lexicon ties the name to this country
constexpr double kQualifierWeight = 10.0;  // "Paris, Texas"
constexpr double kQualifierMiss = -3.0;    // "Paris, Texas" is not Paris, France
constexpr double kEventWeight = 2.0;       // the event's source or target is of this country
constexpr double kArticleWeight = 2.0;     // times the country's share of the article's mentions
constexpr double kDatelineWeight = 2.5;
// A small city of a country the article never names is more likely a word
// that is no place at all, or another place: below this many people such a
// match is not made.
constexpr std::uint64_t kUnsupportedCityFloor = 100000;

// Head words of a place that is a building, site or street rather than a
// settlement: kept as a landmark of its city.
constexpr std::array<std::string_view, 36> kLandmarkHeads = {
    "palace",   "house",    "hotel",     "airport",   "airbase",   "base",      "square",   "hall",     "building",
    "embassy",  "consulate", "camp",     "castle",    "stadium",   "street",    "cathedral", "mosque",  "church",
    "temple",   "university", "bridge",  "harbour",   "harbor",    "port",      "centre",   "center",   "headquarters",
    "ministry", "parliament", "hospital", "prison",   "plaza",     "park",      "residence", "compound", "kremlin"};

// Words that name what kind of subdivision follows a name ("Sindh province").
constexpr std::array<std::string_view, 10> kAdm1Words = {"province", "state",   "region", "governorate", "prefecture",
                                                         "oblast",   "emirate", "county", "district",    "territory"};

std::string last_word(const std::string& key) {
  const auto sp = key.rfind(' ');
  return sp == std::string::npos ? key : key.substr(sp + 1);
}

bool is_landmark_name(std::string_view name) {
  const std::string w = last_word(place_key(name));
  return std::find(kLandmarkHeads.begin(), kLandmarkHeads.end(), w) != kLandmarkHeads.end();
}

bool qualifier_matches(const Gazetteer& g, const Entry& e, std::string_view qualifier) {
  const std::string q = place_key(qualifier);
  if (q.empty()) return false;
  if (place_key(e.adm1_name) == q) return true;
  // US postal codes and ISO subdivision codes: "Paris, TX"; "Tex." style abbreviations by prefix.
  if (!e.adm1.empty()) {
    const auto dash = e.adm1.find('-');
    if (dash != std::string::npos && normalize_name(e.adm1.substr(dash + 1)) == q) return true;
  }
  if (q.size() >= 3 && place_key(e.adm1_name).starts_with(q)) return true;
  if (const Entry* c = g.country(e.country)) {
    if (place_key(c->name) == q) return true;
    for (const auto& a : c->aliases)
      if (place_key(a) == q) return true;
  }
  return false;
}

Place from_entry(const Gazetteer& g, const PlaceQuery& q, const Entry& e, PlacePrecision precision) {
  Place p;
  p.name = std::string(q.name);
  p.precision = precision;
  p.entry = e.id;
  p.entry_name = e.name;
  // A landmark keeps its own name and gives its city's.
  if (e.type == EntryType::kLandmark) p.entry_name = e.city >= 0 ? g.entry(static_cast<std::uint32_t>(e.city)).name : "";
  p.country = e.country;
  p.adm1 = e.adm1;
  p.lat = e.lat;
  p.lon = e.lon;
  p.near = q.near;
  return p;
}

PlacePrecision precision_of(EntryType t) {
  switch (t) {
    case EntryType::kCountry: return PlacePrecision::kCountry;
    case EntryType::kAdm1: return PlacePrecision::kAdm1;
    case EntryType::kCity: return PlacePrecision::kCity;
    case EntryType::kLandmark: return PlacePrecision::kLandmark;
    case EntryType::kRegion: return PlacePrecision::kRegion;
  }
  return PlacePrecision::kCity;
}

struct Scored {
  const Entry* entry = nullptr;
  double score = -1e9;
  bool supported = false;   // something in the article points at its country
};

// The best of the entries `name` finds; entry null when none is acceptable.
Scored best_entry(const Gazetteer& g, std::string_view name, const PlaceQuery& q, const PlaceContext& ctx,
                  bool adm1_only) {
  std::span<const std::uint32_t> found = g.find(name);
  Scored best;
  bool has_country = false;
  std::vector<std::string_view> city_countries;
  for (std::uint32_t i : found) {
    has_country |= g.entry(i).type == EntryType::kCountry;
    if (g.entry(i).type == EntryType::kCity) city_countries.push_back(g.entry(i).country);
  }
  for (std::uint32_t i : found) {
    const Entry& e = g.entry(i);
    if (adm1_only && e.type != EntryType::kAdm1) continue;
    double s = 0;
    switch (e.type) {
      case EntryType::kCountry: s = kCountryPrior; break;
      case EntryType::kAdm1:
        s = kAdm1Prior;
        // "Geneva", "New York": the city, not the canton or state of its name.
        if (std::find(city_countries.begin(), city_countries.end(), e.country) != city_countries.end()) s -= 3.0;
        break;
      case EntryType::kLandmark: s = kLandmarkPrior; break;
      case EntryType::kRegion: s = kRegionPrior; break;
      case EntryType::kCity:
        s = 1.5 * std::log10(static_cast<double>(e.population) + 10.0) + (e.capital ? kCapitalBonus : 0.0);
        // "Kuwait", "Panama": the country, not its capital of the same name.
        if (has_country) s -= 5.0;
        break;
    }
    bool supported = false;
    if (!q.hint_country.empty() && e.country == q.hint_country) s += kHintWeight, supported = true;
    if (!q.qualifier.empty()) {
      if (qualifier_matches(g, e, q.qualifier)) s += kQualifierWeight, supported = true;
      else s += kQualifierMiss;
    }
    if (std::find(ctx.event_countries.begin(), ctx.event_countries.end(), e.country) != ctx.event_countries.end())
      s += kEventWeight, supported = true;
    for (const auto& [c, share] : ctx.article_countries)
      if (c == e.country) s += kArticleWeight * share, supported = true;
    if (!ctx.dateline_country.empty() && e.country == ctx.dateline_country) s += kDatelineWeight, supported = true;
    if (e.type == EntryType::kCity && !supported && !e.capital && e.population < kUnsupportedCityFloor) continue;
    if (s > best.score) best = {&e, s, supported};
  }
  return best;
}

// Where a landmark the gazetteer does not hold stands ("Elysee Palace" aside,
// "the Sheraton Hotel"): a city the sentence names (of the landmark's country
// when the lexicon gives one), else the dateline's city.
const Entry* landmark_city(const Gazetteer& g, const PlaceQuery& q, const PlaceContext& ctx) {
  auto city_of = [&](std::string_view name) -> const Entry* {
    PlaceQuery sub;
    sub.name = name;
    sub.hint_country = q.hint_country;
    const Scored s = best_entry(g, name, sub, ctx, false);
    if (!s.entry || s.entry->type != EntryType::kCity) return nullptr;
    if (!q.hint_country.empty() && s.entry->country != q.hint_country) return nullptr;
    return s.entry;
  };
  for (const auto& p : ctx.sentence_places)
    if (place_key(p) != place_key(q.name))
      if (const Entry* e = city_of(p)) return e;
  if (!ctx.dateline_city.empty())
    if (const Entry* e = city_of(ctx.dateline_city)) return e;
  return nullptr;
}

}  // namespace

Place resolve_place(const Gazetteer& g, const PlaceQuery& q, const PlaceContext& ctx) {
  Place unresolved;
  unresolved.name = std::string(q.name);
  unresolved.near = q.near;
  if (q.name.empty()) return unresolved;
  if (!q.hint_country.empty()) unresolved.country = std::string(q.hint_country);

  if (q.is_country) {
    if (const Entry* c = g.country(q.hint_country)) return from_entry(g, q, *c, PlacePrecision::kCountry);
    return unresolved;
  }

  const bool landmark_word = is_landmark_name(q.name);
  Scored best = best_entry(g, q.name, q, ctx, false);
  if (!best.entry && !landmark_word) {
    // "Sindh province", "Washington state": the subdivision.
    const std::string key = place_key(q.name);
    const std::string w = last_word(key);
    if (key.size() > w.size() && std::find(kAdm1Words.begin(), kAdm1Words.end(), w) != kAdm1Words.end())
      best = best_entry(g, key.substr(0, key.size() - w.size() - 1), q, ctx, true);
  }
  if (best.entry) return from_entry(g, q, *best.entry, precision_of(best.entry->type));

  // A building the gazetteer does not hold: a landmark of the city its text gives.
  if (landmark_word)
    if (const Entry* city = landmark_city(g, q, ctx)) return from_entry(g, q, *city, PlacePrecision::kLandmark);
  return unresolved;
}

Dateline find_dateline(std::string_view text) {
  Dateline d;
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  const std::size_t start = i;
  std::size_t letters = 0;
  // The place: capitals, spaces, dots, hyphens and apostrophes ("NEW YORK", "ST. LOUIS", "N'DJAMENA").
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isupper(c)) ++letters;
    else if (c == ' ' || c == '.' || c == '-' || c == '\'') {
      if (c == ' ' && i + 1 < text.size() && (text[i + 1] == '-' || text[i + 1] == '(')) break;
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0x93 || static_cast<unsigned char>(text[i + 2]) == 0x94)) {
      break;       // an en or em dash ends the place
    } else if (c >= 0x80) {
      ++letters;   // an accented capital ("BOGOTÁ"); the next byte is its continuation
    } else {
      break;
    }
    ++i;
  }
  std::string_view place = text.substr(start, i - start);
  while (!place.empty() && (place.back() == ' ' || place.back() == '-')) place.remove_suffix(1);
  if (letters < 3 || i >= text.size()) return d;
  // What ends a dateline: a comma (then a qualifier or a date), " -", " (", "—".
  std::string_view rest = text.substr(i);
  const bool comma = rest.starts_with(",");
  const bool dash = rest.starts_with(" -") || rest.starts_with(" (") || rest.starts_with(" \xE2\x80\x94") ||
                    rest.starts_with("\xE2\x80\x94") || rest.starts_with("(");
  if (!comma && !dash) return d;
  // A lone word in capitals followed by a comma is as likely the start of a
  // sentence shouted in a headline; a dateline's comma is followed by a date
  // or a capitalised qualifier, then a dash or parenthesis soon after.
  if (comma) {
    std::string_view after = rest.substr(1);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    std::size_t end = 0;
    while (end < after.size() && end < 40 && after[end] != '(' && after[end] != '-' &&
           !after.substr(end).starts_with("\xE2\x80\x94") && after[end] != '\n')
      ++end;
    if (end >= after.size() || end >= 40 || after[end] == '\n') return d;
    std::string_view qual = after.substr(0, end);
    while (!qual.empty() && qual.back() == ' ') qual.remove_suffix(1);
    static constexpr std::array<std::string_view, 24> kMonths = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        "Sept", "January", "February", "March", "April", "June", "July", "August", "September", "October",
        "November", "December"};
    bool date = qual.empty() || std::isdigit(static_cast<unsigned char>(qual.front()));
    for (auto m : kMonths)
      if (qual.starts_with(m)) date = true;
    if (!date && !qual.empty() && std::isupper(static_cast<unsigned char>(qual.front()))) {
      // "Texas, March 3": the qualifier ends at its own comma.
      const auto c2 = qual.find(',');
      d.qualifier = std::string(qual.substr(0, c2));
    }
  }
  d.place = std::string(place);
  return d;
}

}  // namespace geokg::geo
