#pragma once
// Actor recognition and in-article coreference.

#include "geokg/ingest/document.hpp"
#include "geokg/ingest/lexicon.hpp"

namespace geokg {

// Fills Document::actors and Document::mentions: lexicon names, titles and
// appositions ("Russian Defence Minister Sergei Shoigu", "China's minister of
// public security, Wang Xiaohong"), a guarded capitalised-span fallback,
// artifacts (bills, treaties), then coreference (surnames, titles, pronouns,
// "the two countries"). REQUIRES: prepare_document and anchor_times ran.
void find_actors(Document& doc, const ActorLexicon& lexicon);

}  // namespace geokg
