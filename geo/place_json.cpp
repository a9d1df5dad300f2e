#include "geokg/geo/place_json.hpp"

#include <cmath>

namespace geokg::geo {

nlohmann::json place_to_json(const Place& p) {
  nlohmann::json j = {{"name", p.name}, {"precision", to_string(p.precision)}};
  if (p.resolved()) {
    j["id"] = p.entry;
    if ((p.precision == PlacePrecision::kCity || p.precision == PlacePrecision::kLandmark) && !p.entry.empty() &&
        p.entry.find_first_not_of("0123456789") == std::string::npos)
      j["geonameid"] = std::stoull(p.entry);
    j["entry"] = p.entry_name;
  }
  if (!p.country.empty()) j["country"] = p.country;
  if (!p.adm1.empty()) j["adm1"] = p.adm1;
  if (p.resolved()) {
    j["lat"] = p.lat;   // as the gazetteer has it: 4 decimals, printed shortest
    j["lon"] = p.lon;
  }
  if (p.near) j["near"] = true;
  return j;
}

Status place_from_json(const nlohmann::json& j, Place& out) {
  out = Place{};
  if (!j.is_object()) return Status::InvalidInput("place is not an object");
  auto str = [&](const char* key, std::string& into) -> Status {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return Status::Ok();
    if (!it->is_string()) return Status::InvalidInput(std::string("place.") + key + " is not a string");
    into = it->get<std::string>();
    return Status::Ok();
  };
  auto num = [&](const char* key, double& into) -> Status {
    const auto it = j.find(key);
    if (it == j.end()) return Status::Ok();
    if (!it->is_number() || !std::isfinite(it->get<double>()))
      return Status::InvalidInput(std::string("place.") + key + " is not a number");
    into = it->get<double>();
    return Status::Ok();
  };
  std::string precision;
  for (Status s : {str("name", out.name), str("precision", precision), str("id", out.entry),
                   str("entry", out.entry_name), str("country", out.country), str("adm1", out.adm1),
                   num("lat", out.lat), num("lon", out.lon)})
    if (!s.ok()) return s;
  const auto p = place_precision_from_string(precision.empty() ? "none" : precision);
  if (!p) return Status::InvalidInput("place.precision '" + precision + "' is not none, country, adm1, city, landmark or region");
  out.precision = *p;
  if (out.lat < -90 || out.lat > 90 || out.lon < -180 || out.lon > 180)
    return Status::InvalidInput("place.lat/lon out of range");
  if (const auto it = j.find("near"); it != j.end()) {
    if (!it->is_boolean()) return Status::InvalidInput("place.near is not true or false");
    out.near = it->get<bool>();
  }
  return Status::Ok();
}

}  // namespace geokg::geo
