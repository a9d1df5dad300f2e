#include "geokg/core/place.hpp"

namespace geokg {

const char* to_string(PlacePrecision p) {
  switch (p) {
    case PlacePrecision::kCountry: return "country";
    case PlacePrecision::kAdm1: return "adm1";
    case PlacePrecision::kCity: return "city";
    case PlacePrecision::kLandmark: return "landmark";
    case PlacePrecision::kRegion: return "region";
    case PlacePrecision::kNone: break;
  }
  return "none";
}

std::optional<PlacePrecision> place_precision_from_string(std::string_view s) {
  for (auto p : {PlacePrecision::kNone, PlacePrecision::kCountry, PlacePrecision::kAdm1, PlacePrecision::kCity,
                 PlacePrecision::kLandmark, PlacePrecision::kRegion})
    if (s == to_string(p)) return p;
  return std::nullopt;
}

}  // namespace geokg
