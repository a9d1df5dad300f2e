#pragma once
// Resolving the places of one article's events against the gazetteer: the
// step after event coding that turns each event's location actor into a
// Place (ExtractedEvent::place). Pure: the gazetteer is passed in.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/geo/gazetteer.hpp"
#include "geokg/geo/resolve.hpp"

namespace geokg {

// The context resolve_place reads, as `ex` gives it: the countries of the
// article's actors weighted by their mentions, and the dateline resolved
// against `gazetteer` with that.
geo::PlaceContext article_place_context(const Article& article, const Extraction& ex,
                                        const geo::Gazetteer& gazetteer);

// The states `name` names places in: per state its most populous namesake,
// most populous first. `stateless` when an entry has no state (a region),
// `cities_only` false when an entry is no city (a subdivision, a state).
// `cities_or_subdivisions` false when one is neither.
struct Namesakes {
  std::vector<std::pair<std::uint64_t, std::string>> by_state;
  bool stateless = false;
  bool cities_only = true;
  bool cities_or_subdivisions = true;   // false when an entry is a state, a landmark or a region
};
Namesakes namesakes_by_state(const geo::Gazetteer& gazetteer, std::string_view name);

// Of namesakes in several states, the one ten times as populous as the next
// and of 100,000 people or more; "" when none stands out.
std::string dominant_state(const Namesakes& n);

// The state a city or province of this name stands for ("police in Uttar
// Pradesh"; "Punjab", a province of two states, for neither): the one state
// of a name that is not only a city's, else the dominant one; "" for a
// region, a landmark or a state of that name.
std::string city_state_of(const geo::Gazetteer& gazetteer, std::string_view name);

// Gives a place the actor finder read with no state ("Peshawar", "Halabja")
// the state of its gazetteer entries when they all agree; among namesakes in
// several states, the one state the article's other actors name, else one
// whose namesake is ten times more populous (and a city of 100,000 or more).
// A name the gazetteer also knows as a region of no state keeps none.
void place_actor_countries(std::vector<ExtractedActor>& actors, const geo::Gazetteer& gazetteer);

// Sets ExtractedEvent::place of every event with a location: the location
// actor's name resolved with the article's context, the countries of the
// event's actors, what follows the name in the sentence ("Paris, Texas"),
// the word before it ("near"), and the other places the sentence names (a
// landmark's city). Events without a location keep an empty place. An empty
// gazetteer leaves every place a name.
void resolve_event_places(const Article& article, Extraction& ex, const geo::Gazetteer& gazetteer);

}  // namespace geokg
