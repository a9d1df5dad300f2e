#include "geokg/query/profile.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "geokg/query/subgraph.hpp"

namespace geokg::query {

namespace {

// Roles: the node's own and its static edges; identical roles once, by start date.
Status collect_roles(const GraphStore& store, NodeId id, NodeCache& cache, ActorProfile& p) {
  for (const Role& r : p.node.roles) p.roles.push_back({r, std::nullopt, 0, ""});
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
  return Status::Ok();
}

// A counterpart being gathered from the adjacency entries.
struct CounterpartAcc {
  Counterpart c;
  std::unordered_map<std::string, std::pair<std::size_t, EdgeId>> relations;  // code -> count, a sample
  std::vector<EdgeId> edges;
};

// One adjacency entry counted in the counterpart's events, codes, quad
// classes and Goldstein sum.
void count_with(CounterpartAcc& c, const AdjacencyEntry& a, const CameoTable& cameo) {
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
}

// The events passing the filter, from the adjacency index alone: their
// number and dates, their root classes, and per counterpart into `acc`.
Status tally_events(const GraphStore& store, NodeId id, const CameoTable& cameo, const EdgeFilter& filter,
                    ActorProfile& p, std::unordered_map<NodeId, CounterpartAcc>& acc) {
  std::map<std::string, RootClassCount> roots;
  std::unordered_set<EdgeId> seen;
  Status s = store.scan_adjacency(id, Direction::kBoth, filter, [&](const AdjacencyEntry& a) {
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
    count_with(acc[a.other], a, cameo);
    return true;
  });
  if (!s.ok()) return s;
  for (auto& [root, rc] : roots) {
    const CameoCode* code = cameo.find(root);
    rc.label = code ? code->label : std::string();
    p.by_root.push_back(rc);
  }
  return Status::Ok();
}

// The `top` busiest counterparts: most events, then latest, then name.
// Names are read only for the counterparts listed and those tied with the
// last one listed (a hub has tens of thousands of counterparts, one node
// read each).
std::vector<CounterpartAcc*> busiest(std::unordered_map<NodeId, CounterpartAcc>& acc, std::size_t top,
                                     NodeCache& cache) {
  std::vector<CounterpartAcc*> order;
  for (auto& [other, a] : acc) order.push_back(&a);
  auto busier = [](const CounterpartAcc* x, const CounterpartAcc* y) {
    if (x->c.events != y->c.events) return x->c.events > y->c.events;
    return x->c.last.key() > y->c.last.key();
  };
  std::sort(order.begin(), order.end(), [&](const CounterpartAcc* x, const CounterpartAcc* y) {
    if (busier(x, y) || busier(y, x)) return busier(x, y);
    return x->c.id < y->c.id;
  });
  const std::size_t keep = std::min(order.size(), top);
  std::size_t named = keep;
  while (keep > 0 && named < order.size() && !busier(order[keep - 1], order[named])) ++named;
  for (std::size_t i = 0; i < named; ++i) order[i]->c.name = cache.name(order[i]->c.id);
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(named),
            [&](const CounterpartAcc* x, const CounterpartAcc* y) {
    if (busier(x, y) || busier(y, x)) return busier(x, y);
    if (x->c.name != y->c.name) return x->c.name < y->c.name;
    return x->c.id < y->c.id;
  });
  order.resize(keep);
  return order;
}

// The three most frequent codes, named by the relation label the extractor
// gave a sample event (one point read each), else the CAMEO label.
Status name_top_relations(const GraphStore& store, const CameoTable& cameo, CounterpartAcc& a) {
  std::vector<std::pair<std::string, std::pair<std::size_t, EdgeId>>> codes(a.relations.begin(),
                                                                            a.relations.end());
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
  for (std::size_t i = 0; i < labels.size(); ++i) a.c.top_relation += (i ? ", " : "") + labels[i];
  return Status::Ok();
}

// Articles and publishers: the records of the events with this counterpart.
Status count_articles(const GraphStore& store, CounterpartAcc& a) {
  std::unordered_set<std::string> articles;
  for (EdgeId edge : a.edges) {
    auto e = store.edge(edge);
    if (!e.ok()) {
      if (e.status().is_not_found()) continue;
      return e.status();
    }
    articles.insert(e->articles.begin(), e->articles.end());
    for (const auto& publisher : e->sources)
      if (std::find(a.c.publishers.begin(), a.c.publishers.end(), publisher) == a.c.publishers.end())
        a.c.publishers.push_back(publisher);
  }
  a.c.articles = articles.size();
  return Status::Ok();
}

// Where it acted: the places of its events, most events first.
Status where_acted(const GraphStore& store, NodeId id, const CameoTable& cameo, const ProfileOptions& options,
                   ActorProfile& p) {
  EventSelection where;
  where.actors = {id};
  where.filter = options.filter;
  auto t = count_places(store, where, &cameo, {.limit = options.top_places});
  if (!t.ok()) return t.status();
  p.places = std::move(t->places);
  p.places_counted = true;
  p.total_places = t->total_places;
  p.unplaced = t->unplaced;
  return Status::Ok();
}

}  // namespace

Result<ActorProfile> actor_profile(const GraphStore& store, NodeId id, const CameoTable& cameo,
                                   const ProfileOptions& options) {
  auto node = store.node(id);
  if (!node.ok()) return node.status();
  ActorProfile p;
  p.node = std::move(node).value();
  NodeCache cache(store);
  if (Status s = collect_roles(store, id, cache, p); !s.ok()) return s;

  std::unordered_map<NodeId, CounterpartAcc> acc;
  if (Status s = tally_events(store, id, cameo, options.filter, p, acc); !s.ok()) return s;
  p.total_counterparts = acc.size();
  for (CounterpartAcc* a : busiest(acc, options.top_counterparts, cache)) {
    if (const Node* n = cache.get(a->c.id)) {
      a->c.kind = to_string(n->kind);
      a->c.country = n->country;
    }
    if (Status s = name_top_relations(store, cameo, *a); !s.ok()) return s;
    if (Status s = count_articles(store, *a); !s.ok()) return s;
    p.counterparts.push_back(std::move(a->c));
  }
  if (!cache.status().ok()) return cache.status();
  if (options.top_places > 0) {
    if (Status s = where_acted(store, id, cameo, options, p); !s.ok()) return s;
  }
  return p;
}

void profile_at(ActorProfile& p, const Date& at) {
  node_as_of(p.node, at);
  std::erase_if(p.roles, [&](const ProfileRole& r) { return !role_held_at(r.role, at); });
}

}  // namespace geokg::query
