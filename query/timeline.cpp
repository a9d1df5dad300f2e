#include "geokg/query/timeline.hpp"

#include <algorithm>

#include "geokg/query/subgraph.hpp"

namespace geokg::query {

Result<Timeline> build_timeline(const GraphStore& store, const TimelineQuery& query, const CameoTable* cameo) {
  if (query.actors.size() > 2) return Status::InvalidInput("a timeline takes at most two actors");
  Timeline t;
  t.actors = query.actors;
  NodeCache cache(store);
  for (NodeId id : query.actors) t.actor_names.push_back(cache.name(id));

  EventSelection sel = query;
  sel.filter.min_sources = std::max({sel.filter.min_sources, query.min_sources, std::size_t{1}});
  auto rows = select_events(store, sel, cameo, cache);
  if (!rows.ok()) return rows.status();

  std::size_t i = 0;
  for (; i < rows->size(); ++i) {
    if (query.limit != 0 && t.events.size() == query.limit) break;
    auto e = store.edge((*rows)[i].id);
    if (!e.ok()) {
      if (e.status().is_not_found()) continue;
      return e.status();
    }
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
  t.truncated = rows->size() - i;
  std::vector<const EventEdge*> edges;
  edges.reserve(t.events.size());
  for (const auto& ev : t.events) edges.push_back(&ev.edge);
  if (Status s = cite_articles(store, edges, t.articles); !s.ok()) return s;
  return t;
}

}  // namespace geokg::query
