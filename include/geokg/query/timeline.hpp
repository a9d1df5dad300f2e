#pragma once
// Timelines: the events of an actor, of a pair of actors, of a relation class
// or of everything, in date order, with the names needed to print them.

#include <cstddef>
#include <string>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/articles.hpp"
#include "geokg/query/select.hpp"

namespace geokg::query {

// The events (actors, filter, country, sector, quad classes: EventSelection)
// and how many of them.
struct TimelineQuery : EventSelection {
  // Events reported by at least this many distinct publishers (an article
  // without a publisher counts as one); the larger of this and
  // filter.min_sources applies. Default: 1.
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
  ArticleIndex articles;               // the articles the events cite (URLs, publishers)
};

// The selected events (select_events: the index entries decide the filter
// and the order); event records are read for the rows returned, and for all
// of them only when the selection needs records (a limit then bounds the
// reads: `truncated` counts the rest). `cameo` is needed for quad classes
// (nullptr otherwise allowed). Errors: store failures; InvalidInput for more
// than two actors.
Result<Timeline> build_timeline(const GraphStore& store, const TimelineQuery& query,
                                const CameoTable* cameo = nullptr);

}  // namespace geokg::query
