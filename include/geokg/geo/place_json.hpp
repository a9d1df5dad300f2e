#pragma once
// A Place as JSON, the shape every output shares (extract, timelines, the API):
//   {"name": "Paris", "precision": "city", "id": "2988507", "geonameid": 2988507,
//    "entry": "Paris", "country": "FRA", "adm1": "FR-IDF", "lat": 48.8534, "lon": 2.3488}
// An unresolved place is {"name": "Sirri Island", "precision": "none"} (with
// "country" when the lexicon gave one); "near": true when the text said
// "near"; "geonameid" for cities and landmarks (GeoNames' id of the city).

#include <nlohmann/json.hpp>

#include "geokg/core/place.hpp"
#include "geokg/core/status.hpp"

namespace geokg::geo {

nlohmann::json place_to_json(const Place& place);

// Reads what place_to_json wrote. InvalidInput naming the field when a field
// has the wrong type or the precision is unknown.
Status place_from_json(const nlohmann::json& j, Place& out);

}  // namespace geokg::geo
