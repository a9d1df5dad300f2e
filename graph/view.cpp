#include "geokg/graph/view.hpp"

#include <deque>
#include <unordered_set>

namespace geokg {

namespace {

VertexProps vertex_props(const Node& n) {
  return VertexProps{n.id, n.name, n.kind, n.country, n.mentions, n.sector, n.naming};
}

EdgeProps edge_props(const EventEdge& e) {
  return EdgeProps{e.id,       e.cameo,    e.relation, e.date, e.mentions,
                   static_cast<std::uint32_t>(e.sources.size()), e.flagged()};
}

// Adds the nodes with these ids (in order) and the edges between them.
Result<GraphView> assemble(const GraphStore& store, const std::vector<NodeId>& node_ids,
                           const std::vector<EdgeId>& edge_ids) {
  GraphView v;
  for (NodeId id : node_ids) {
    auto n = store.node(id);
    if (!n.ok()) return n.status();
    v.add_node(*n);
  }
  for (EdgeId id : edge_ids) {
    auto e = store.edge(id);
    if (!e.ok()) return e.status();
    if (v.find(e->source) && v.find(e->target)) v.add_edge(*e);
  }
  return v;
}

}  // namespace

std::optional<Vertex> GraphView::find(NodeId id) const {
  auto it = vertex_of.find(id);
  if (it == vertex_of.end()) return std::nullopt;
  return it->second;
}

Vertex GraphView::add_node(const Node& node) {
  auto it = vertex_of.find(node.id);
  if (it != vertex_of.end()) return it->second;
  const Vertex v = boost::add_vertex(vertex_props(node), graph);
  vertex_of.emplace(node.id, v);
  return v;
}

GraphEdge GraphView::add_edge(const EventEdge& edge) {
  return boost::add_edge(vertex_of.at(edge.source), vertex_of.at(edge.target), edge_props(edge),
                         graph)
      .first;
}

GraphView make_view(const std::vector<Node>& nodes, const std::vector<EventEdge>& edges) {
  GraphView v;
  for (const Node& n : nodes) v.add_node(n);
  for (const EventEdge& e : edges)
    if (v.find(e.source) && v.find(e.target)) v.add_edge(e);
  return v;
}

Result<GraphView> whole_view(const GraphStore& store, const EdgeFilter& filter,
                             const WholeViewOptions& options) {
  std::vector<Node> nodes;
  std::vector<EventEdge> edges;
  Status s = store.for_each_edge([&](const EventEdge& e) {
    if (edge_passes(filter, e)) edges.push_back(e);
    return true;
  });
  if (!s.ok()) return s;
  std::unordered_set<NodeId> touched;
  if (!options.keep_isolated)
    for (const auto& e : edges) touched.insert({e.source, e.target});
  s = store.for_each_node([&](const Node& n) {
    if (options.keep_isolated || touched.count(n.id)) nodes.push_back(n);
    return true;
  });
  if (!s.ok()) return s;
  return make_view(nodes, edges);
}

Result<GraphView> window_view(const GraphStore& store, const EdgeFilter& filter) {
  std::vector<EdgeId> edge_ids;
  Status s = store.scan_timeline(filter, [&](EdgeId id, const Date&) {
    edge_ids.push_back(id);
    return true;
  });
  if (!s.ok()) return s;
  // Node order follows the first event that touches each node (date order).
  std::vector<NodeId> node_ids;
  std::unordered_set<NodeId> seen;
  std::vector<EventEdge> edges;
  edges.reserve(edge_ids.size());
  for (EdgeId id : edge_ids) {
    auto e = store.edge(id);
    if (!e.ok()) return e.status();
    for (NodeId n : {e->source, e->target})
      if (seen.insert(n).second) node_ids.push_back(n);
    edges.push_back(std::move(e).value());
  }
  GraphView v;
  for (NodeId id : node_ids) {
    auto n = store.node(id);
    if (!n.ok()) return n.status();
    v.add_node(*n);
  }
  for (const auto& e : edges) v.add_edge(e);
  return v;
}

Result<GraphView> ego_view(const GraphStore& store, NodeId center, const EdgeFilter& filter,
                           const EgoOptions& options) {
  if (auto c = store.node(center); !c.ok()) return c.status();
  // Breadth-first over adjacency scans in both directions.
  std::vector<NodeId> order{center};
  std::unordered_map<NodeId, int> depth{{center, 0}};
  std::deque<NodeId> queue{center};
  const auto full = [&] { return options.max_nodes != 0 && order.size() >= options.max_nodes; };
  while (!queue.empty() && !full()) {
    const NodeId n = queue.front();
    queue.pop_front();
    const int d = depth[n];
    if (d >= options.depth) continue;
    Status s = store.scan_adjacency(n, Direction::kBoth, filter, [&](const AdjacencyEntry& a) {
      if (depth.emplace(a.other, d + 1).second) {
        order.push_back(a.other);
        queue.push_back(a.other);
      }
      return !full();
    });
    if (!s.ok()) return s;
  }
  // Every passing event among the chosen nodes: each one's outgoing events
  // whose target was chosen too (so ring-to-ring events are included).
  std::vector<EdgeId> edge_ids;
  for (NodeId n : order) {
    Status s = store.scan_adjacency(n, Direction::kOut, filter, [&](const AdjacencyEntry& a) {
      if (depth.count(a.other)) edge_ids.push_back(a.edge);
      return true;
    });
    if (!s.ok()) return s;
  }
  return assemble(store, order, edge_ids);
}

}  // namespace geokg
