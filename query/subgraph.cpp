#include "geokg/query/subgraph.hpp"

#include <algorithm>
#include <cstdint>
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

void node_as_of(Node& n, const Date& at) {
  const std::string then = country_at(n.roles, n.country, at);
  if (then == n.country) return;
  if (n.code.starts_with(n.country)) n.code = then + n.code.substr(n.country.size());
  n.country = then;
}

namespace {

bool edge_order(const EventEdge& a, const EventEdge& b) {
  if (a.date.key() != b.date.key()) return a.date.key() < b.date.key();
  return a.id < b.id;
}

// A window's nodes show the country they stood for then: at its end, else
// its start (Gorbachev is SUN in an export of 1987).
void countries_of_window(Subgraph& g, const EdgeFilter& filter) {
  const Date& at = filter.to.known() ? filter.to : filter.from;
  if (!at.known()) return;
  for (Node& n : g.nodes) node_as_of(n, at);
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
  return cite_articles(store, g.edges, g.articles);
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
  // Candidate events with their endpoints. An event between two expanded
  // nodes is seen from both sides: it is kept from the side expanded first
  // (no set of every edge id seen, which for a hub is millions of entries).
  std::unordered_set<NodeId> expanded;
  std::vector<std::pair<EdgeId, std::pair<NodeId, NodeId>>> candidates;
  for (int d = 0; d < options.depth && !frontier.empty(); ++d) {
    std::vector<NodeId> next;
    for (NodeId n : frontier) {
      expanded.insert(n);
      Status s = store.scan_adjacency(n, Direction::kBoth, options.filter,
                                      [&](const AdjacencyEntry& a) {
        const bool known = g.depth.count(a.other) != 0;
        if (!known && g.depth.size() < options.max_nodes) {
          g.depth[a.other] = d + 1;
          next.push_back(a.other);
          order.push_back(a.other);
        } else if (!known) {
          return true;   // beyond the cap: this event can never be kept
        }
        if (a.other == n ? !a.outgoing : expanded.count(a.other) != 0) return true;
        candidates.push_back({a.edge, {n, a.other}});
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
  countries_of_window(g, options.filter);
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
  countries_of_window(g, filter);
  return g;
}

Result<Subgraph> selected_subgraph(const GraphStore& store, const EventSelection& selection,
                                   const CameoTable* cameo) {
  NodeCache cache(store);
  auto rows = select_events(store, selection, cameo, cache);
  if (!rows.ok()) return rows.status();
  std::vector<EdgeId> ids;
  ids.reserve(rows->size());
  for (const auto& r : *rows) ids.push_back(r.id);
  Subgraph g;
  Status s = fill(store, ids, {}, g);
  if (!s.ok()) return s;
  countries_of_window(g, selection.filter);
  return g;
}

Result<std::size_t> keep_selected_edges(const GraphStore& store, Subgraph& g, const EventSelection& selection) {
  if (!selection.tests_records()) return std::size_t{0};
  NodeCache cache(store);
  const std::size_t before = g.edges.size();
  std::erase_if(g.edges, [&](const EventEdge& e) { return !actors_pass(selection, e, cache); });
  if (!cache.status().ok()) return cache.status();
  g.pruned_edges += before - g.edges.size();
  return before - g.edges.size();
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
  countries_of_window(g, filter);
  // Every article, not only the cited ones: the whole database's.
  s = store.for_each_article([&](const ArticleRecord& a) {
    g.articles.emplace(a.id, article_ref(a));
    return true;
  });
  if (!s.ok()) return s;
  return g;
}

int PairEdge::dominant_quad() const {
  int best = 0;
  for (int q = 1; q <= 4; ++q)
    if (quad_classes[q] > 0 && quad_classes[q] >= quad_classes[best]) best = q;
  return best;
}

std::vector<PairEdge> pair_edges(const Subgraph& g, const CameoTable* cameo) {
  std::vector<PairEdge> pairs;
  std::map<std::pair<NodeId, NodeId>, std::size_t> index;
  std::vector<std::unordered_set<std::string>> articles;
  std::vector<std::map<std::string, std::size_t>> relations;
  std::vector<std::size_t> reverse;   // events to -> from, to decide the direction
  for (const EventEdge& e : g.edges) {
    const auto key = std::minmax(e.source, e.target);
    auto [it, added] = index.try_emplace({key.first, key.second}, pairs.size());
    if (added) {
      PairEdge p;
      p.from = e.source;
      p.to = e.target;
      pairs.push_back(std::move(p));
      articles.emplace_back();
      relations.emplace_back();
      reverse.push_back(0);
    }
    const std::size_t i = it->second;
    PairEdge& p = pairs[i];
    ++p.events;
    (e.source == p.from ? p.forward : reverse[i])++;
    if (e.flagged()) ++p.flagged;
    p.mentions += e.mentions;
    const CameoCode* code = cameo ? cameo->find_or_root(e.cameo) : nullptr;
    ++p.quad_classes[code && code->quad_class >= 1 && code->quad_class <= 4 ? code->quad_class : 0];
    if (code) {
      p.goldstein_sum += code->goldstein;
      ++p.scored;
    }
    ++relations[i][e.relation.empty() ? e.cameo : e.relation];
    if (e.date.known()) {
      if (!p.first.known() || e.date < p.first) p.first = e.date;
      if (!p.last.known() || p.last < e.date) p.last = e.date;
    }
    articles[i].insert(e.articles.begin(), e.articles.end());
    for (const auto& publisher : e.sources)
      if (std::find(p.publishers.begin(), p.publishers.end(), publisher) == p.publishers.end())
        p.publishers.push_back(publisher);
    if (p.url.empty()) p.url = first_url(e, g.articles);
  }
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    PairEdge& p = pairs[i];
    p.articles = articles[i].size();
    if (reverse[i] > p.forward) {
      std::swap(p.from, p.to);
      p.forward = reverse[i];
    }
    p.relations.assign(relations[i].begin(), relations[i].end());
    std::stable_sort(p.relations.begin(), p.relations.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  return pairs;
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

std::size_t drop_isolated(Subgraph& g) {
  std::unordered_set<NodeId> touched;
  touched.reserve(2 * g.edges.size());
  for (const auto& e : g.edges) {
    touched.insert(e.source);
    touched.insert(e.target);
  }
  const std::size_t before = g.nodes.size();
  std::erase_if(g.nodes, [&](const Node& n) { return n.id != g.center && !touched.count(n.id); });
  const std::size_t dropped = before - g.nodes.size();
  if (dropped == 0) return 0;
  g.index.clear();
  for (std::size_t i = 0; i < g.nodes.size(); ++i) g.index[g.nodes[i].id] = i;
  if (!g.depth.empty())
    std::erase_if(g.depth, [&](const auto& kv) { return !g.index.count(kv.first); });
  g.dropped_isolated += dropped;
  return dropped;
}

namespace {

// neighbors() aggregates everything from the adjacency entries (counterpart,
// edge, date, CAMEO code, flags): no event record is read to rank, and only
// the nodes that are returned (plus the ties at the cut) are read.

// A node reached from the center: its hop count and its events with
// expanded nodes nearer the center (its rank within the depth).
struct Candidate {
  NodeId id;
  int depth;
  std::size_t weight;
};

// An event between two candidates, as its adjacency entry gives it.
struct SeenEvent {
  std::uint32_t source, target;   // indexes into cands
  EdgeId edge;
  Date date;
  std::uint32_t code;             // index into codes
};

// What the walk from the center found: the candidates (the center first),
// the events among them, and their distinct CAMEO codes.
struct Reach {
  std::vector<Candidate> cands;
  std::vector<SeenEvent> seen;
  std::vector<std::string> codes;
};

// Breadth-first walk up to options.depth hops, at most options.max_nodes
// candidates, each event recorded once (from the side expanded first).
Result<Reach> reach_from(const GraphStore& store, NodeId center, const NeighborOptions& options) {
  Reach r;
  auto& cands = r.cands;
  cands.push_back({center, 0, 0});
  std::unordered_map<NodeId, std::uint32_t> index{{center, 0}};
  std::vector<bool> expanded{false};
  std::unordered_map<std::string, std::uint32_t> code_index;
  const int max_depth = std::max(1, options.depth);
  const std::size_t max_nodes = options.max_nodes == 0 ? SIZE_MAX : options.max_nodes;

  std::vector<std::uint32_t> frontier{0};
  for (int d = 0; d < max_depth && !frontier.empty(); ++d) {
    // Expand the busiest nodes of the level first; past the cap the rest stay
    // leaves (their events with expanded nodes are still seen from that side).
    if (options.max_frontier != 0 && frontier.size() > options.max_frontier) {
      std::stable_sort(frontier.begin(), frontier.end(), [&](std::uint32_t a, std::uint32_t b) {
        return cands[a].weight > cands[b].weight;
      });
      frontier.resize(options.max_frontier);
    }
    std::vector<std::uint32_t> next;
    for (std::uint32_t n : frontier) {
      expanded[n] = true;
      Status s = store.scan_adjacency(cands[n].id, Direction::kBoth, options.filter,
                                      [&](const AdjacencyEntry& a) {
        std::uint32_t o;
        if (auto it = index.find(a.other); it != index.end()) {
          o = it->second;
          // Already expanded: this event was recorded from that side.
          if (o != n && expanded[o]) return true;
          if (o == n && !a.outgoing) return true;   // a self-loop is seen twice
        } else {
          if (cands.size() >= max_nodes) return true;
          o = static_cast<std::uint32_t>(cands.size());
          index.emplace(a.other, o);
          cands.push_back({a.other, d + 1, 0});
          expanded.push_back(false);
          next.push_back(o);
        }
        const int dn = cands[n].depth, dother = cands[o].depth;
        if (dn < dother) ++cands[o].weight;
        else if (dother < dn) ++cands[n].weight;
        auto [cit, added] = code_index.try_emplace(a.cameo, static_cast<std::uint32_t>(r.codes.size()));
        if (added) r.codes.push_back(a.cameo);
        r.seen.push_back({a.outgoing ? n : o, a.outgoing ? o : n, a.edge, a.date, cit->second});
        return true;
      });
      if (!s.ok()) return s;
    }
    frontier = std::move(next);
  }
  return r;
}

// A candidate returned, with its node record.
struct Picked {
  std::uint32_t idx;   // into cands
  Node node;
};

// The candidates returned, best first (depth, weight, mentions, name, id),
// and how many were found but cut by the limit.
struct Pick {
  std::vector<Picked> nodes;
  std::size_t omitted = 0;
};

// Ranks by depth, then weight, and reads nodes group by group (a group =
// equal depth and weight) until the limit is filled, so ties at the cut are
// broken by mentions and name like everywhere else.
Result<Pick> pick_nodes(const GraphStore& store, const std::vector<Candidate>& cands, std::size_t limit) {
  std::vector<std::uint32_t> order;
  order.reserve(cands.size());
  for (std::uint32_t i = 1; i < cands.size(); ++i) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (cands[a].depth != cands[b].depth) return cands[a].depth < cands[b].depth;
    if (cands[a].weight != cands[b].weight) return cands[a].weight > cands[b].weight;
    return a < b;
  });
  Pick pick;
  auto& got = pick.nodes;
  std::size_t i = 0;
  while (i < order.size() && (limit == 0 || got.size() < limit)) {
    std::size_t j = i;
    const Candidate& head = cands[order[i]];
    while (j < order.size() && cands[order[j]].depth == head.depth &&
           cands[order[j]].weight == head.weight)
      ++j;
    for (std::size_t k = i; k < j; ++k) {
      auto n = store.node(cands[order[k]].id);
      if (!n.ok()) {
        if (n.status().is_not_found()) continue;   // dangling id: `verify` reports it
        return n.status();
      }
      got.push_back({order[k], std::move(n).value()});
    }
    i = j;
  }
  std::sort(got.begin(), got.end(), [&](const Picked& a, const Picked& b) {
    const Candidate& x = cands[a.idx];
    const Candidate& y = cands[b.idx];
    if (x.depth != y.depth) return x.depth < y.depth;
    if (x.weight != y.weight) return x.weight > y.weight;
    if (a.node.mentions != b.node.mentions) return a.node.mentions > b.node.mentions;
    if (a.node.name != b.node.name) return a.node.name < b.node.name;
    return a.node.id < b.node.id;
  });
  pick.omitted = order.size() - i;
  if (limit != 0 && got.size() > limit) {
    pick.omitted += got.size() - limit;
    got.resize(limit);
  }
  return pick;
}

// One CAMEO code of a link: its events and the earliest of them.
struct CodeAcc {
  std::size_t count = 0;
  std::int32_t first_key = 0;   // the earliest event with this code (date key, then id)
  EdgeId first_edge = 0;
};

// A link being gathered: its counts and dates, its codes, its events.
struct LinkAcc {
  NeighborLink link;
  std::map<std::string, CodeAcc> codes;
  std::vector<EdgeId> edges;   // link_details only
};

// The seen events among kept candidates, gathered per directed pair.
std::map<std::pair<NodeId, NodeId>, LinkAcc> gather_links(const Reach& r, const std::vector<bool>& kept,
                                                          bool link_details) {
  std::map<std::pair<NodeId, NodeId>, LinkAcc> acc;
  for (const SeenEvent& e : r.seen) {
    if (!kept[e.source] || !kept[e.target]) continue;
    LinkAcc& a = acc[{r.cands[e.source].id, r.cands[e.target].id}];
    a.link.source = r.cands[e.source].id;
    a.link.target = r.cands[e.target].id;
    ++a.link.events;
    CodeAcc& ca = a.codes[r.codes[e.code]];
    const std::int32_t key = e.date.key();
    if (ca.count == 0 || key < ca.first_key || (key == ca.first_key && e.edge < ca.first_edge)) {
      ca.first_key = key;
      ca.first_edge = e.edge;
    }
    ++ca.count;
    if (link_details) a.edges.push_back(e.edge);
    if (e.date.known()) {
      if (!a.link.first.known() || e.date < a.link.first) a.link.first = e.date;
      if (!a.link.last.known() || a.link.last < e.date) a.link.last = e.date;
    }
  }
  return acc;
}

// `n` events of `code` counted in the link's quad classes and Goldstein sum.
void score_code(NeighborLink& link, const CameoTable& cameo, const std::string& code, std::size_t n) {
  const CameoCode* cc = cameo.find_or_root(code);
  link.quad_classes[cc && cc->quad_class >= 1 && cc->quad_class <= 4 ? cc->quad_class : 0] += n;
  if (cc) {
    link.goldstein_sum += cc->goldstein * static_cast<double>(n);
    link.scored += n;
  }
}

// A gathered link made whole: its reports summed (link_details), its codes
// most frequent first with their scores and labels. Without link details a
// code's label is read once per query (from the earliest event of the first
// link that has it, kept in `label_of_code`): a hub's thousand links would
// otherwise cost thousands of event reads for a few dozen codes.
Status complete_link(const GraphStore& store, LinkAcc& a, const NeighborOptions& options,
                     std::unordered_map<std::string, std::string>& label_of_code) {
  std::vector<std::pair<std::string, CodeAcc>> by_count(a.codes.begin(), a.codes.end());
  std::stable_sort(by_count.begin(), by_count.end(),
                   [](const auto& x, const auto& y) { return x.second.count > y.second.count; });
  if (options.link_details) {
    for (EdgeId id : a.edges) {
      auto e = store.edge(id);
      if (!e.ok()) {
        if (e.status().is_not_found()) continue;
        return e.status();
      }
      a.link.mentions += e->mentions;
    }
  }
  for (const auto& [code, ca] : by_count) {
    a.link.cameo.push_back(code);
    a.link.cameo_events.push_back(ca.count);
    if (options.cameo) score_code(a.link, *options.cameo, code, ca.count);
    if (!options.link_details) {
      if (auto it = label_of_code.find(code); it != label_of_code.end()) {
        a.link.relations.push_back(it->second);
        continue;
      }
    }
    std::string label;
    auto e = store.edge(ca.first_edge);
    if (e.ok()) label = std::move(e->relation);
    else if (!e.status().is_not_found()) return e.status();
    if (!options.link_details) label_of_code.emplace(code, label);
    a.link.relations.push_back(std::move(label));
  }
  return Status::Ok();
}

}  // namespace

Result<Neighborhood> neighbors(const GraphStore& store, NodeId center,
                               const NeighborOptions& options) {
  auto c = store.node(center);
  if (!c.ok()) return c.status();
  auto reach = reach_from(store, center, options);
  if (!reach.ok()) return reach.status();
  const Reach& r = reach.value();
  auto pick = pick_nodes(store, r.cands, options.limit);
  if (!pick.ok()) return pick.status();

  Neighborhood out;
  out.center = std::move(c).value();
  out.omitted = pick->omitted;
  std::vector<bool> kept(r.cands.size(), false);
  kept[0] = true;
  out.depth[center] = 0;
  out.nodes.reserve(pick->nodes.size());
  for (auto& g : pick->nodes) {
    kept[g.idx] = true;
    out.depth[g.node.id] = r.cands[g.idx].depth;
    out.nodes.push_back(std::move(g.node));
  }

  // Links among the kept nodes, per directed pair.
  std::unordered_map<std::string, std::string> label_of_code;
  for (auto& [key, a] : gather_links(r, kept, options.link_details)) {
    if (Status s = complete_link(store, a, options, label_of_code); !s.ok()) return s;
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
