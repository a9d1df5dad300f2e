#include "geokg/query/timeline.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <unordered_set>

#include "geokg/query/subgraph.hpp"

namespace geokg::query {

Result<Timeline> build_timeline(const GraphStore& store, const TimelineQuery& query) {
  if (query.actors.size() > 2) return Status::InvalidInput("a timeline takes at most two actors");
  Timeline t;
  t.actors = query.actors;
  NodeCache cache(store);
  for (NodeId id : query.actors) t.actor_names.push_back(cache.name(id));

  // The index entries carry date, code and flags, so the filter and the order
  // come from the scan; event records are read only for the rows returned.
  struct Row {
    std::int32_t key;   // dated by Date::key(), undated last
    EdgeId edge;
  };
  std::vector<Row> rows;
  std::unordered_set<EdgeId> seen;
  auto add = [&](EdgeId id, const Date& date) {
    if (seen.insert(id).second) rows.push_back({date.known() ? date.key() : INT_MAX, id});
  };
  Status s;
  if (query.actors.empty()) {
    s = store.scan_timeline(query.filter, [&](EdgeId id, const Date& date) {
      add(id, date);
      return true;
    });
  } else {
    NodeId first = query.actors[0];
    NodeId second = query.actors.size() == 2 ? query.actors[1] : 0;
    // A pair: scan the side with fewer mentions (a proxy for fewer events),
    // since the other's adjacency may be a hub's tens of thousands of entries.
    if (second != 0) {
      const Node* a = cache.get(first);
      const Node* b = cache.get(second);
      if (a && b && b->mentions < a->mentions) std::swap(first, second);
    }
    s = store.scan_adjacency(first, Direction::kBoth, query.filter, [&](const AdjacencyEntry& a) {
      if (second != 0 && a.other != second) return true;
      add(a.edge, a.date);
      return true;
    });
  }
  if (!s.ok()) return s;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.edge < b.edge;
  });

  std::size_t i = 0;
  for (; i < rows.size(); ++i) {
    if (query.limit != 0 && t.events.size() == query.limit) break;
    auto e = store.edge(rows[i].edge);
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
  // Rows past the limit: with a source threshold they must be read to be
  // counted; otherwise every stored event passes it.
  if (query.min_sources <= 1) {
    t.truncated = rows.size() - i;
  } else {
    for (; i < rows.size(); ++i) {
      auto e = store.edge(rows[i].edge);
      if (!e.ok()) {
        if (e.status().is_not_found()) continue;
        return e.status();
      }
      if (event_source_count(*e) >= query.min_sources) ++t.truncated;
    }
  }
  return t;
}

}  // namespace geokg::query
