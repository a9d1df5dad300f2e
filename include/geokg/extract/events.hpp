#pragma once
// Event detection: CAMEO-coded events with source, target, date, place,
// polarity/modality and provenance.

#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/extract/document.hpp"
#include "geokg/extract/event_lexicon.hpp"

namespace geokg {

// Appends the events of the document (of the sentences marked in `only`,
// when given). Source/target/location index Document::actors.
// REQUIRES: find_actors ran; `only`, when given, has one entry per sentence.
void find_events(const Document& doc, const EventLexicon& patterns,
                 std::vector<ExtractedEvent>& out, const std::vector<bool>* only = nullptr);

}  // namespace geokg
