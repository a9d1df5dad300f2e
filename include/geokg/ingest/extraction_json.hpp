#pragma once
// The `geokg extract` JSON shape (DESIGN.md): one object per article with
// "article", "actors" and "events"; events name their actors by canonical name.

#include <nlohmann/json.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"

namespace geokg {

// `cameo` may be null; when given, events carry the CAMEO label, Goldstein
// value and quad class as GDELT users expect.
nlohmann::json extraction_to_json(const Article& article, const Extraction& extraction,
                                  const CameoTable* cameo);

nlohmann::json role_to_json(const Role& role);

}  // namespace geokg
