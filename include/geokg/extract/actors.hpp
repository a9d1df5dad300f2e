#pragma once
// Actor recognition and in-article coreference.

#include "geokg/geo/gazetteer.hpp"
#include "geokg/extract/document.hpp"
#include "geokg/extract/lexicon.hpp"

namespace geokg {

// Fills Document::actors and Document::mentions: lexicon names, titles and
// appositions ("Russian Defence Minister Sergei Shoigu", "China's minister of
// public security, Wang Xiaohong"), a guarded capitalised-span fallback,
// artifacts (bills, treaties), then coreference (surnames, titles, pronouns,
// "the two countries"). With a gazetteer, a city the lexicon lacks is a place
// after "in", "near", ... ("police in Johannesburg": South Africa's police).
// REQUIRES: prepare_document and anchor_times ran.
void find_actors(Document& doc, const ActorLexicon& lexicon, const geo::Gazetteer* gazetteer = nullptr);

}  // namespace geokg
