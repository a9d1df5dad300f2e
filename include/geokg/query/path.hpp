#pragma once
// Who connects two actors: the shortest chain of events (and, optionally,
// role / membership edges) between them,
// found by a bidirectional breadth-first search over the store's adjacency
// scans (events in either direction link two actors), so only the
// neighbourhoods actually reached are read.

#include <cstddef>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/articles.hpp"

namespace geokg::query {

struct PathOptions {
  // Most hops (events) in the path. Default: 4.
  int max_depth = 4;
  EdgeFilter filter;
  // Stop after reaching this many nodes in total (hubs such as countries can
  // open huge frontiers). Default: 200,000.
  std::size_t max_visited = 200'000;
  // Also walk role / membership edges (Shoigu -role-> Russia), from the
  // person or member side only (the static index is keyed by source), so a
  // path can climb from an official to their country. A role counts when its
  // dates overlap the filter's window. Default: true.
  bool use_roles = true;
};

struct PathHop {
  NodeId from = 0;          // in path order: from -> to
  NodeId to = 0;
  EventEdge event;          // the most reported event between the two (then the latest)
  bool forward = true;      // event.source == from
  std::size_t events = 0;   // events between the two passing the filter
  std::string location_name;   // the event's place, "" when none
  bool is_role = false;        // the hop is a role / membership edge, not an event
  StaticEdge role;             // is_role: from -> to (forward) or to -> from
};

struct PathResult {
  bool found = false;
  std::vector<Node> nodes;      // a, …, b (found only)
  std::vector<PathHop> hops;    // nodes.size() - 1 hops
  std::size_t visited = 0;      // nodes reached by the search
  bool truncated = false;       // stopped by max_visited rather than max_depth
  ArticleIndex articles;        // the articles the hops' events cite (URLs, publishers)
};

// Shortest path from `a` to `b` of at most options.max_depth hops.
// found == false is an answer ("no path within N hops"), not an error.
// Errors: store failures; NotFound when a or b is absent.
Result<PathResult> find_path(const GraphStore& store, NodeId a, NodeId b, const PathOptions& options);

}  // namespace geokg::query
