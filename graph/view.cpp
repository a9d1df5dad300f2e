#include "geokg/graph/view.hpp"

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

}  // namespace geokg
