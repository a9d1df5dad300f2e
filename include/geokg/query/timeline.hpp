#pragma once
// Timelines: the events of an actor, of a pair of actors, of a relation class
// or of everything, in date order, with the names needed to print them.

#include <cstddef>
#include <string>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::query {

struct TimelineQuery {
  // 0, 1 or 2 actors: everything, one actor's events, the events between two.
  std::vector<NodeId> actors;
  // Dates, CAMEO prefixes and flagged events (EdgeFilter::include_flagged).
  EdgeFilter filter;
  // Events reported by at least this many distinct publishers (an article
  // without a publisher counts as one). Default: 1.
  std::size_t min_sources = 1;
  // Most events returned, earliest first (0 = no limit). Default: 0.
  std::size_t limit = 0;
};

// Distinct publishers of an event; an article without a publisher counts as one.
inline std::size_t event_source_count(const EventEdge& e) {
  return e.sources.empty() ? (e.articles.empty() ? 0 : 1) : e.sources.size();
}

// One event with its actors' names resolved for printing.
struct TimelineEvent {
  EventEdge edge;
  std::string source_name;
  std::string target_name;
  std::string location_name;   // "" when no place
  std::string source_kind;     // node kinds ("person", …), "" when the node is missing
  std::string target_kind;
};

struct Timeline {
  std::vector<NodeId> actors;          // as asked
  std::vector<std::string> actor_names;
  std::vector<TimelineEvent> events;   // dated events by date (then id); undated last
  std::size_t truncated = 0;           // events cut by the limit
};

// Reads one actor's events with scan_adjacency, a pair's with the adjacency
// of the actor with fewer mentions, everything else with scan_timeline; the
// index entries decide the filter and the order, and event records are read
// only for the rows returned (so a limit bounds the reads; `truncated` counts
// the rest without reading them unless min_sources > 1).
// Errors: store failures; InvalidInput for more than two actors.
Result<Timeline> build_timeline(const GraphStore& store, const TimelineQuery& query);

}  // namespace geokg::query
