#include "geokg/query/subgraph.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "geokg/core/ids.hpp"

namespace geokg::query {

const Node* NodeCache::get(NodeId id) {
  if (auto it = nodes_.find(id); it != nodes_.end()) return &it->second;
  if (missing_.count(id)) return nullptr;
  auto n = store_.node(id);
  if (!n.ok()) {
    if (!n.status().is_not_found() && status_.ok()) status_ = n.status();
    missing_[id] = true;
    return nullptr;
  }
  return &nodes_.emplace(id, std::move(n).value()).first->second;
}

std::string NodeCache::name(NodeId id) {
  if (id == 0) return {};
  const Node* n = get(id);
  return n ? n->name : to_hex(id);
}

namespace {

bool edge_order(const EventEdge& a, const EventEdge& b) {
  if (a.date.key() != b.date.key()) return a.date.key() < b.date.key();
  return a.id < b.id;
}

// Loads the edges and the nodes they touch (plus `extra` nodes), dropping
// edges whose endpoint record is missing.
Status fill(const GraphStore& store, const std::vector<EdgeId>& edge_ids,
            const std::vector<NodeId>& extra, Subgraph& g) {
  std::vector<NodeId> node_ids = extra;
  std::unordered_set<NodeId> wanted(extra.begin(), extra.end());
  g.edges.reserve(edge_ids.size());
  for (EdgeId id : edge_ids) {
    auto e = store.edge(id);
    if (!e.ok()) {
      if (e.status().is_not_found()) continue;
      return e.status();
    }
    for (NodeId n : {e->source, e->target})
      if (wanted.insert(n).second) node_ids.push_back(n);
    g.edges.push_back(std::move(e).value());
  }
  for (NodeId id : node_ids) {
    auto n = store.node(id);
    if (!n.ok()) {
      if (n.status().is_not_found()) continue;
      return n.status();
    }
    g.nodes.push_back(std::move(n).value());
  }
  std::sort(g.nodes.begin(), g.nodes.end(), [&](const Node& a, const Node& b) {
    if ((a.id == g.center) != (b.id == g.center)) return a.id == g.center;
    if (!g.depth.empty()) {
      const int da = g.depth.at(a.id), db = g.depth.at(b.id);
      if (da != db) return da < db;
    }
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  });
  g.index.clear();
  for (std::size_t i = 0; i < g.nodes.size(); ++i) g.index[g.nodes[i].id] = i;
  std::erase_if(g.edges, [&](const EventEdge& e) {
    return !g.index.count(e.source) || !g.index.count(e.target);
  });
  std::sort(g.edges.begin(), g.edges.end(), edge_order);
  return Status::Ok();
}

}  // namespace

Result<Subgraph> ego_network(const GraphStore& store, NodeId center, const EgoNetworkOptions& options) {
  auto c = store.node(center);
  if (!c.ok()) return c.status();
  Subgraph g;
  g.center = center;
  g.depth[center] = 0;
  std::vector<NodeId> frontier{center};
  std::vector<NodeId> order{center};
  // Candidate events with their endpoints; an event between two expanded
  // nodes is seen from both sides, hence the set.
  std::set<EdgeId> seen_edges;
  std::vector<std::pair<EdgeId, std::pair<NodeId, NodeId>>> candidates;
  for (int d = 0; d < options.depth && !frontier.empty(); ++d) {
    std::vector<NodeId> next;
    for (NodeId n : frontier) {
      Status s = store.scan_adjacency(n, Direction::kBoth, options.filter,
                                      [&](const AdjacencyEntry& a) {
        if (!g.depth.count(a.other) && g.depth.size() < options.max_nodes) {
          g.depth[a.other] = d + 1;
          next.push_back(a.other);
          order.push_back(a.other);
        }
        if (seen_edges.insert(a.edge).second) candidates.push_back({a.edge, {n, a.other}});
        return true;
      });
      if (!s.ok()) return s;
    }
    frontier = std::move(next);
  }
  std::vector<EdgeId> edge_ids;
  for (const auto& [id, ends] : candidates)
    if (g.depth.count(ends.first) && g.depth.count(ends.second)) edge_ids.push_back(id);
  Status s = fill(store, edge_ids, order, g);
  if (!s.ok()) return s;
  return g;
}

Result<Subgraph> window_subgraph(const GraphStore& store, const EdgeFilter& filter) {
  std::vector<EdgeId> ids;
  Status s = store.scan_timeline(filter, [&](EdgeId id, const Date&) {
    ids.push_back(id);
    return true;
  });
  if (!s.ok()) return s;
  Subgraph g;
  s = fill(store, ids, {}, g);
  if (!s.ok()) return s;
  return g;
}

Result<Subgraph> whole_subgraph(const GraphStore& store, const EdgeFilter& filter) {
  Subgraph g;
  Status s = store.for_each_node([&](const Node& n) {
    g.nodes.push_back(n);
    return true;
  });
  if (!s.ok()) return s;
  std::sort(g.nodes.begin(), g.nodes.end(), [](const Node& a, const Node& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  });
  for (std::size_t i = 0; i < g.nodes.size(); ++i) g.index[g.nodes[i].id] = i;
  Status read;
  s = store.scan_timeline(filter, [&](EdgeId id, const Date&) {
    auto e = store.edge(id);
    if (!e.ok()) {
      if (e.status().is_not_found()) return true;
      read = e.status();
      return false;
    }
    if (g.index.count(e->source) && g.index.count(e->target)) g.edges.push_back(std::move(e).value());
    return true;
  });
  if (!s.ok()) return s;
  if (!read.ok()) return read;
  std::sort(g.edges.begin(), g.edges.end(), edge_order);
  return g;
}

std::unordered_map<NodeId, std::size_t> subgraph_degrees(const Subgraph& g) {
  std::unordered_map<NodeId, std::size_t> deg;
  for (const auto& n : g.nodes) deg[n.id] = 0;
  for (const auto& e : g.edges) {
    ++deg[e.source];
    if (e.target != e.source) ++deg[e.target];
  }
  return deg;
}

namespace {
void prune_edges(Subgraph& g, std::size_t max_edges) {
  if (max_edges == 0 || g.edges.size() <= max_edges) return;
  std::stable_sort(g.edges.begin(), g.edges.end(), [](const EventEdge& a, const EventEdge& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.date.key() > b.date.key();
  });
  g.pruned_edges += g.edges.size() - max_edges;
  g.edges.resize(max_edges);
  std::sort(g.edges.begin(), g.edges.end(), edge_order);
}
}  // namespace

void prune_subgraph(Subgraph& g, std::size_t max_nodes, std::size_t max_edges) {
  if (max_nodes == 0 || g.nodes.size() <= max_nodes) {
    prune_edges(g, max_edges);
    return;
  }
  const auto deg = subgraph_degrees(g);
  std::vector<std::size_t> order(g.nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Node& x = g.nodes[a];
    const Node& y = g.nodes[b];
    if ((x.id == g.center) != (y.id == g.center)) return x.id == g.center;
    const std::size_t dx = deg.at(x.id), dy = deg.at(y.id);
    if (dx != dy) return dx > dy;
    if (x.mentions != y.mentions) return x.mentions > y.mentions;
    return x.name < y.name;
  });
  std::vector<bool> keep(g.nodes.size(), false);
  for (std::size_t i = 0; i < max_nodes; ++i) keep[order[i]] = true;
  std::vector<Node> kept;
  kept.reserve(max_nodes);
  for (std::size_t i = 0; i < g.nodes.size(); ++i)
    if (keep[i]) kept.push_back(std::move(g.nodes[i]));
  g.pruned_nodes += g.nodes.size() - kept.size();
  g.nodes = std::move(kept);
  g.index.clear();
  for (std::size_t i = 0; i < g.nodes.size(); ++i) g.index[g.nodes[i].id] = i;
  const std::size_t before = g.edges.size();
  std::erase_if(g.edges, [&](const EventEdge& e) {
    return !g.index.count(e.source) || !g.index.count(e.target);
  });
  g.pruned_edges += before - g.edges.size();
  if (!g.depth.empty())
    std::erase_if(g.depth, [&](const auto& kv) { return !g.index.count(kv.first); });
  prune_edges(g, max_edges);
}

Result<Neighborhood> neighbors(const GraphStore& store, NodeId center,
                               const NeighborOptions& options) {
  EgoNetworkOptions ego;
  ego.depth = std::max(1, options.depth);
  ego.filter = options.filter;
  auto sub = ego_network(store, center, ego);
  if (!sub.ok()) return sub.status();
  Subgraph& g = *sub;

  // Weight of a node: events tying it to nodes nearer the center.
  std::unordered_map<NodeId, std::size_t> weight;
  for (const auto& e : g.edges) {
    const int ds = g.depth.at(e.source), dt = g.depth.at(e.target);
    if (ds < dt) ++weight[e.target];
    else if (dt < ds) ++weight[e.source];
  }
  Neighborhood out;
  std::vector<Node> rest;
  for (auto& n : g.nodes) {
    if (n.id == center) out.center = n;
    else rest.push_back(n);
  }
  std::stable_sort(rest.begin(), rest.end(), [&](const Node& a, const Node& b) {
    const int da = g.depth.at(a.id), db = g.depth.at(b.id);
    if (da != db) return da < db;
    const std::size_t wa = weight[a.id], wb = weight[b.id];
    if (wa != wb) return wa > wb;
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  if (options.limit != 0 && rest.size() > options.limit) {
    out.omitted = rest.size() - options.limit;
    rest.resize(options.limit);
  }
  std::unordered_set<NodeId> kept{center};
  for (const auto& n : rest) {
    kept.insert(n.id);
    out.depth[n.id] = g.depth.at(n.id);
  }
  out.depth[center] = 0;
  out.nodes = std::move(rest);

  struct Acc {
    NeighborLink link;
    std::map<std::string, std::pair<std::size_t, std::string>> codes;  // code -> count, label
  };
  std::map<std::pair<NodeId, NodeId>, Acc> acc;
  for (const auto& e : g.edges) {
    if (!kept.count(e.source) || !kept.count(e.target)) continue;
    Acc& a = acc[{e.source, e.target}];
    a.link.source = e.source;
    a.link.target = e.target;
    ++a.link.events;
    a.link.mentions += e.mentions;
    auto& c = a.codes[e.cameo];
    ++c.first;
    if (c.second.empty()) c.second = e.relation;
    if (e.date.known()) {
      if (!a.link.first.known() || e.date < a.link.first) a.link.first = e.date;
      if (!a.link.last.known() || a.link.last < e.date) a.link.last = e.date;
    }
  }
  for (auto& [key, a] : acc) {
    std::vector<std::pair<std::string, std::pair<std::size_t, std::string>>> codes(a.codes.begin(),
                                                                                   a.codes.end());
    std::stable_sort(codes.begin(), codes.end(),
                     [](const auto& x, const auto& y) { return x.second.first > y.second.first; });
    for (auto& [code, cl] : codes) {
      a.link.cameo.push_back(code);
      a.link.relations.push_back(cl.second);
    }
    out.links.push_back(std::move(a.link));
  }
  // Links touching the center first, then by events.
  std::stable_sort(out.links.begin(), out.links.end(), [&](const NeighborLink& x, const NeighborLink& y) {
    const bool cx = x.source == center || x.target == center;
    const bool cy = y.source == center || y.target == center;
    if (cx != cy) return cx;
    return x.events > y.events;
  });
  return out;
}

}  // namespace geokg::query
