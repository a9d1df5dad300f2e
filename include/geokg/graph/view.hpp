#pragma once
// In-memory Boost.Graph views of the stored graph, for algorithms (rankings,
// paths, components) and exports (DOT, GraphML). A view is a snapshot: it
// copies the few fields algorithms and exports need, not whole records; look
// a vertex's or edge's full record up in the store by its id when needed.
//
//   GraphView v = *whole_view(store, filter);
//   for (auto e : boost::make_iterator_range(boost::edges(v.graph)))
//     std::cout << v.graph[boost::source(e, v.graph)].name << " " << v.graph[e].relation;
//
// Vertex and edge descriptors are plain indices (vecS), stable as long as the
// view is not modified. Events are directed source -> target; bidirectionalS
// gives in_edges() as well as out_edges(). Two events between the same pair
// are two parallel edges (one per event edge of the store).

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg {

struct VertexProps {
  NodeId id = 0;
  std::string name;
  NodeKind kind = NodeKind::kPerson;
  std::string country;
  std::uint64_t mentions = 0;
  std::string sector;
  Naming naming = Naming::kProper;
};

struct EdgeProps {
  EdgeId id = 0;
  std::string cameo;
  std::string relation;
  Date date;
  std::uint32_t mentions = 0;
  std::uint32_t sources = 0;   // distinct publishers
  bool flagged = false;        // negated or hypothetical
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using GraphEdge = boost::graph_traits<Graph>::edge_descriptor;

struct GraphView {
  Graph graph;
  std::unordered_map<NodeId, Vertex> vertex_of;   // every vertex's store id

  // The vertex of a node, or nullopt when the node is not in the view.
  std::optional<Vertex> find(NodeId id) const;
  // Adds the node (once) and returns its vertex.
  Vertex add_node(const Node& node);
  // Adds the event as an edge. REQUIRES: both endpoints are in the view.
  GraphEdge add_edge(const EventEdge& edge);
};

// The subgraph induced by explicit records: every node becomes a vertex; an
// edge is added when both its endpoints are among `nodes` and skipped otherwise.
GraphView make_view(const std::vector<Node>& nodes, const std::vector<EventEdge>& edges);

struct WholeViewOptions {
  // Keep nodes that have no event passing the filter. Default: true.
  bool keep_isolated = true;
};

// The whole stored graph, events filtered by `filter` (dates, CAMEO prefixes,
// flagged). Errors: the store's scan or decode errors.
Result<GraphView> whole_view(const GraphStore& store, const EdgeFilter& filter = {},
                             const WholeViewOptions& options = {});

}  // namespace geokg
