#pragma once
// The `geokg extract` JSON shape (DESIGN.md): one object per article with
// "article", "actors" and "events"; events name their actors by canonical name.
//
// Two shapes of it:
//  - display: what `geokg extract` prints for people and scorers;
//  - interchange: the records of an extraction file (`geokg extract -o FILE`,
//    geokg/ingest/extraction_file.hpp), which carry everything
//    GraphStore::commit reads, exactly: the display shape plus
//      article.content_hash  (16 hex digits) and article.text_bytes, which
//                            stand for the text, which is not carried;
//      actors[].scope        (when set: what bounds a common noun's identity);
//      events[].source_index, target_index, location_index  (positions in
//                            "actors": canonical names need not be unique);
//      events[].confidence   unrounded (the shortest decimal that reads back
//                            as the same float);
//      events[].evidence.source  (only when it differs from the article's);
//    and without article.path (a record depends on the article alone, not on
//    the file it was read from).

#include <nlohmann/json.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"

namespace geokg {

enum class ExtractionShape : std::uint8_t { kDisplay, kInterchange };

// `cameo` may be null; when given, events carry the CAMEO label, Goldstein
// value and quad class as GDELT users expect.
nlohmann::json extraction_to_json(const Article& article, const Extraction& extraction,
                                  const CameoTable* cameo,
                                  ExtractionShape shape = ExtractionShape::kDisplay);

// Reads a record of the interchange shape back into the Article (no text:
// text_bytes and content_hash stand for it; origin is left as it was) and
// the Extraction, as they were written. Fields of the display shape that
// commit does not read (actor ids, labels, Goldstein values) are ignored.
// InvalidInput naming the field when one is missing or malformed (nothing
// of the record is then usable).
Status extraction_from_json(const nlohmann::json& record, Article& article, Extraction& extraction);

nlohmann::json role_to_json(const Role& role);

// The fields every event JSON shares: `extract`'s events here, and the stored
// events of timelines, paths and the explorer (query/format_json.cpp). The
// ends and the location by name (null when none); the CAMEO code with its
// label, Goldstein value and quad class when `cameo` is given and knows the
// code or its root; date and precision; the gazetteer place; the flags; the
// quote. Each writer adds its own fields (indices, ids, confidence,
// evidence, counts).
nlohmann::json event_shape_json(nlohmann::json source, nlohmann::json target, nlohmann::json location,
                                const std::string& code, const std::string& relation, const Date& date,
                                const Place& place, bool negated, bool hypothetical, const std::string& quote,
                                const CameoTable* cameo);

// The same for an ExtractedEvent or a stored EventEdge.
template <typename Event>
nlohmann::json event_shape_json(const Event& e, nlohmann::json source, nlohmann::json target,
                                nlohmann::json location, const CameoTable* cameo) {
  return event_shape_json(std::move(source), std::move(target), std::move(location), e.cameo, e.relation, e.date,
                          e.place, e.negated, e.hypothetical, e.quote, cameo);
}

}  // namespace geokg
