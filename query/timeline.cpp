#include "geokg/query/timeline.hpp"

#include <algorithm>
#include <climits>
#include <unordered_set>

#include "geokg/query/subgraph.hpp"

namespace geokg::query {

Result<Timeline> build_timeline(const GraphStore& store, const TimelineQuery& query) {
  if (query.actors.size() > 2) return Status::InvalidInput("a timeline takes at most two actors");
  std::vector<EdgeId> ids;
  std::unordered_set<EdgeId> seen;
  Status s;
  if (query.actors.empty()) {
    s = store.scan_timeline(query.filter, [&](EdgeId id, const Date&) {
      if (seen.insert(id).second) ids.push_back(id);
      return true;
    });
  } else {
    const NodeId first = query.actors[0];
    const NodeId second = query.actors.size() == 2 ? query.actors[1] : 0;
    s = store.scan_adjacency(first, Direction::kBoth, query.filter, [&](const AdjacencyEntry& a) {
      if (second != 0 && a.other != second) return true;
      if (seen.insert(a.edge).second) ids.push_back(a.edge);
      return true;
    });
  }
  if (!s.ok()) return s;

  Timeline t;
  t.actors = query.actors;
  NodeCache cache(store);
  for (NodeId id : query.actors) t.actor_names.push_back(cache.name(id));
  for (EdgeId id : ids) {
    auto e = store.edge(id);
    if (!e.ok()) {
      if (e.status().is_not_found()) continue;
      return e.status();
    }
    // An article without a publisher still is one source.
    if (event_source_count(*e) < query.min_sources) continue;
    TimelineEvent ev;
    ev.edge = std::move(e).value();
    ev.source_name = cache.name(ev.edge.source);
    ev.target_name = cache.name(ev.edge.target);
    if (ev.edge.location != 0) ev.location_name = cache.name(ev.edge.location);
    if (const Node* n = cache.get(ev.edge.source)) ev.source_kind = to_string(n->kind);
    if (const Node* n = cache.get(ev.edge.target)) ev.target_kind = to_string(n->kind);
    t.events.push_back(std::move(ev));
  }
  if (!cache.status().ok()) return cache.status();
  std::sort(t.events.begin(), t.events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    const auto ka = a.edge.date.known() ? a.edge.date.key() : INT_MAX;
    const auto kb = b.edge.date.known() ? b.edge.date.key() : INT_MAX;
    if (ka != kb) return ka < kb;
    return a.edge.id < b.edge.id;
  });
  if (query.limit != 0 && t.events.size() > query.limit) {
    t.truncated = t.events.size() - query.limit;
    t.events.resize(query.limit);
  }
  return t;
}

}  // namespace geokg::query
