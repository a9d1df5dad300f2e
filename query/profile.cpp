#include "geokg/query/profile.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "geokg/query/subgraph.hpp"

namespace geokg::query {

Result<ActorProfile> actor_profile(const GraphStore& store, NodeId id, const CameoTable& cameo,
                                   const ProfileOptions& options) {
  auto node = store.node(id);
  if (!node.ok()) return node.status();
  ActorProfile p;
  p.node = std::move(node).value();
  NodeCache cache(store);

  // Roles: the node's own and its static edges; identical roles once.
  std::vector<Role> seen_roles;
  for (const Role& r : p.node.roles) {
    seen_roles.push_back(r);
    p.roles.push_back({r, "", 0, ""});
  }
  Status s = store.scan_static(id, [&](const StaticEdge& e) {
    ProfileRole pr{e.role, e.relation, e.target, cache.name(e.target)};
    for (auto& existing : p.roles) {
      if (existing.role == e.role) {
        if (existing.target == 0) {   // same role: keep the richer record with its target
          existing.relation = e.relation;
          existing.target = e.target;
          existing.target_name = pr.target_name;
        }
        return true;
      }
    }
    p.roles.push_back(std::move(pr));
    return true;
  });
  if (!s.ok()) return s;
  std::stable_sort(p.roles.begin(), p.roles.end(), [](const ProfileRole& a, const ProfileRole& b) {
    const auto ka = a.role.from.known() ? a.role.from.key() : 0;
    const auto kb = b.role.from.known() ? b.role.from.key() : 0;
    return ka < kb;
  });

  std::map<std::string, RootClassCount> roots;
  struct Acc {
    Counterpart c;
    std::unordered_map<std::string, std::pair<std::size_t, EdgeId>> relations;  // code -> count, a sample
    std::vector<EdgeId> edges;
  };
  std::unordered_map<NodeId, Acc> acc;
  std::unordered_set<EdgeId> seen;
  std::vector<std::pair<EdgeId, NodeId>> rel_lookups;
  s = store.scan_adjacency(id, Direction::kBoth, options.filter, [&](const AdjacencyEntry& a) {
    // A self-event is indexed in both directions: count it once.
    if (!seen.insert(a.edge).second) return true;
    ++p.events;
    const std::string root = a.cameo.substr(0, 2);
    auto& rc = roots[root];
    rc.root = root;
    (a.outgoing ? rc.as_source : rc.as_target)++;
    if (a.date.known()) {
      if (!p.first_event.known() || a.date < p.first_event) p.first_event = a.date;
      if (!p.last_event.known() || p.last_event < a.date) p.last_event = a.date;
    }
    Acc& c = acc[a.other];
    c.c.id = a.other;
    ++c.c.events;
    if (a.outgoing) ++c.c.as_source;
    if (a.date.known() && (!c.c.last.known() || c.c.last < a.date)) c.c.last = a.date;
    auto& rel = c.relations[a.cameo];
    ++rel.first;
    rel.second = a.edge;
    c.edges.push_back(a.edge);
    const CameoCode* code = cameo.find_or_root(a.cameo);
    ++c.c.quad_classes[code && code->quad_class >= 1 && code->quad_class <= 4 ? code->quad_class : 0];
    if (code) {
      c.c.goldstein_sum += code->goldstein;
      ++c.c.scored;
    }
    return true;
  });
  if (!s.ok()) return s;
  for (auto& [root, rc] : roots) {
    const CameoCode* code = cameo.find(root);
    rc.label = code ? code->label : std::string();
    p.by_root.push_back(rc);
  }

  std::vector<Acc*> order;
  for (auto& [other, a] : acc) order.push_back(&a);
  p.total_counterparts = order.size();
  // Most events, then latest, then name: names are read only for the
  // counterparts listed and those tied with the last one listed (a hub has
  // tens of thousands of counterparts, one node read each).
  auto busier = [](const Acc* x, const Acc* y) {
    if (x->c.events != y->c.events) return x->c.events > y->c.events;
    return x->c.last.key() > y->c.last.key();
  };
  std::sort(order.begin(), order.end(), [&](const Acc* x, const Acc* y) {
    if (busier(x, y) || busier(y, x)) return busier(x, y);
    return x->c.id < y->c.id;
  });
  const std::size_t keep = std::min(order.size(), options.top_counterparts);
  std::size_t named = keep;
  while (keep > 0 && named < order.size() && !busier(order[keep - 1], order[named])) ++named;
  for (std::size_t i = 0; i < named; ++i) order[i]->c.name = cache.name(order[i]->c.id);
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(named), [&](const Acc* x, const Acc* y) {
    if (busier(x, y) || busier(y, x)) return busier(x, y);
    if (x->c.name != y->c.name) return x->c.name < y->c.name;
    return x->c.id < y->c.id;
  });
  order.resize(keep);
  for (Acc* a : order) {
    if (const Node* n = cache.get(a->c.id)) {
      a->c.kind = to_string(n->kind);
      a->c.country = n->country;
    }
    // The three most frequent codes, named by the relation label the
    // extractor gave a sample event (one point read each), else the CAMEO label.
    std::vector<std::pair<std::string, std::pair<std::size_t, EdgeId>>> codes(a->relations.begin(),
                                                                              a->relations.end());
    std::sort(codes.begin(), codes.end(), [](const auto& x, const auto& y) {
      if (x.second.first != y.second.first) return x.second.first > y.second.first;
      return x.first < y.first;
    });
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < codes.size() && labels.size() < 3; ++i) {
      std::string label;
      auto e = store.edge(codes[i].second.second);
      if (e.ok()) label = e->relation;
      else if (!e.status().is_not_found()) return e.status();
      if (label.empty()) {
        const CameoCode* code = cameo.find(codes[i].first);
        label = code ? code->label : codes[i].first;
      }
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
    }
    for (std::size_t i = 0; i < labels.size(); ++i) a->c.top_relation += (i ? ", " : "") + labels[i];
    // Articles and publishers: the records of the events with this counterpart.
    std::unordered_set<std::string> articles;
    for (EdgeId edge : a->edges) {
      auto e = store.edge(edge);
      if (!e.ok()) {
        if (e.status().is_not_found()) continue;
        return e.status();
      }
      articles.insert(e->articles.begin(), e->articles.end());
      for (const auto& publisher : e->sources)
        if (std::find(a->c.publishers.begin(), a->c.publishers.end(), publisher) == a->c.publishers.end())
          a->c.publishers.push_back(publisher);
    }
    a->c.articles = articles.size();
    p.counterparts.push_back(std::move(a->c));
  }
  if (!cache.status().ok()) return cache.status();
  if (options.top_places > 0) {
    EventSelection where;
    where.actors = {id};
    where.filter = options.filter;
    auto t = count_places(store, where, &cameo, {.limit = options.top_places});
    if (!t.ok()) return t.status();
    p.places = std::move(t->places);
    p.places_counted = true;
    p.total_places = t->total_places;
    p.unplaced = t->unplaced;
  }
  return p;
}

void profile_at(ActorProfile& p, const Date& at) {
  node_as_of(p.node, at);
  std::erase_if(p.roles, [&](const ProfileRole& r) { return !role_held_at(r.role, at); });
}

}  // namespace geokg::query
