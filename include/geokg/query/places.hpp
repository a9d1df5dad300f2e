#pragma once
// Where events happened: the selected events (EventSelection: an actor, a
// pair, dates, codes, countries, --in-country, --near) counted by the
// gazetteer entry of their resolved place. Behind the profile's "where it
// acted", `GET /api/places` and the explorer's map.
//
//   Blinken's events of April 2024 -> Beijing (CHN, city) 3, Shanghai (CHN, city) 1;
//                                     2 events without a resolved place

#include <cstddef>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/date.hpp"
#include "geokg/core/place.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/select.hpp"

namespace geokg::query {

struct PlaceCount {
  // The entry: `name` is the gazetteer's name ("Beijing" for a text's
  // "Peking"), a landmark's own ("the Kremlin"), placed at its city;
  // `near` is false (a place is counted whether or not the text said "near").
  Place place;
  std::size_t events = 0;
  Date first;   // earliest / latest dated event there; unknown when none is dated
  Date last;
};

struct PlaceTally {
  std::vector<PlaceCount> places;   // most events first, then name, then entry id
  std::size_t total_places = 0;     // distinct places before the limit
  std::size_t events = 0;           // selected events
  std::size_t unplaced = 0;         // of them, without a resolved place
};

struct PlaceTallyOptions {
  // Most places returned (0 = all). Default: 0
  std::size_t limit = 0;
};

// Reads every selected event's record once. `cameo` is needed for the
// selection's quad classes (REQUIRES: cameo != nullptr when quad_classes is
// not empty). Errors: store failures; InvalidInput for more than two actors.
Result<PlaceTally> count_places(const GraphStore& store, const EventSelection& selection,
                                const CameoTable* cameo, const PlaceTallyOptions& options = {});

}  // namespace geokg::query
