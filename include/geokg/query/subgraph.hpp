#pragma once
// Subgraphs read from the store through its scans: an actor's neighbourhood
// (ego network), the events of a time window / relation class, and the
// pruning that keeps a picture readable. Exports and `neighbors` build on these.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/articles.hpp"
#include "geokg/query/select.hpp"

namespace geokg::query {

// Reads nodes once and keeps them: timelines and exports name the same
// actors again and again.
class NodeCache {
 public:
  explicit NodeCache(const GraphStore& store) : store_(store) {}
  // nullptr when the node is absent (a dangling id is reported by `verify`,
  // queries skip it). Errors other than NotFound are kept in status().
  const Node* get(NodeId id);
  // The node's canonical name, or its hex id when absent.
  std::string name(NodeId id);
  const Status& status() const { return status_; }

 private:
  const GraphStore& store_;
  std::unordered_map<NodeId, Node> nodes_;
  std::unordered_map<NodeId, bool> missing_;
  Status status_;
};

// The node as it stood on `at`: the country of a role held then
// (country_at) and its code with that country part (Gorbachev: SUN, SUNGOV in
// 1987). An unknown `at` changes nothing.
void node_as_of(Node& n, const Date& at);

// A set of nodes and the event edges among them, as exports draw them.
// Built with a time window (filter.from/to), the nodes carry the country (and
// code) they stood for at the window's end, else its start (country_at):
// Gorbachev is SUN in an export of 1987.
struct Subgraph {
  std::vector<Node> nodes;                  // order: center first, then by depth, then mentions
  std::vector<EventEdge> edges;             // in date order
  std::unordered_map<NodeId, std::size_t> index;   // node id -> position in nodes
  std::unordered_map<NodeId, int> depth;    // ego networks: hops from the center; else empty
  NodeId center = 0;                        // 0 for a window / whole graph
  std::size_t pruned_nodes = 0;             // nodes dropped by prune_subgraph
  std::size_t pruned_edges = 0;
  std::size_t dropped_isolated = 0;         // nodes left out by drop_isolated
  // The articles the edges cite (every article of the store for whole_subgraph).
  ArticleIndex articles;
  std::size_t total_nodes() const { return nodes.size(); }
};

struct EgoNetworkOptions {
  // Hops from the center. Default: 1.
  int depth = 1;
  EdgeFilter filter;
  // Stop expanding once this many nodes are reached (the frontier in
  // progress is completed by the edges already seen). Default: 20,000.
  std::size_t max_nodes = 20'000;
};

// Breadth-first over scan_adjacency (both directions) from `center`.
// Edges: every event found while expanding nodes at depth < options.depth
// whose both endpoints are in the result. Errors: store failures; NotFound
// when `center` is absent.
Result<Subgraph> ego_network(const GraphStore& store, NodeId center, const EgoNetworkOptions& options);

// Every event passing `filter` (scan_timeline) and the nodes at their ends.
// Nodes that take part in no selected event are not included.
Result<Subgraph> window_subgraph(const GraphStore& store, const EdgeFilter& filter);

// The events of a selection (select_events: actors, filter, country, sector,
// quad classes; `cameo` for quad classes) and the nodes at their ends.
Result<Subgraph> selected_subgraph(const GraphStore& store, const EventSelection& selection,
                                   const CameoTable* cameo);

// Leaves out the edges whose actors fail the selection's country and sector
// tests (actors_pass); for ego networks, whose scans apply only the filter.
// Returns how many went (counted in pruned_edges).
Result<std::size_t> keep_selected_edges(const GraphStore& store, Subgraph& g, const EventSelection& selection);

// Every node of the store (isolated ones too, so counts match `geokg stats`)
// and every event passing `filter`.
Result<Subgraph> whole_subgraph(const GraphStore& store, const EdgeFilter& filter);

// Keeps the `max_nodes` nodes of highest degree within the subgraph (ties:
// mentions, then name); the center always stays. Edges losing an endpoint
// go. Then, when more than `max_edges` events remain (0 = no limit), keeps the
// most reported ones (ties: latest). Records what was dropped in
// pruned_nodes / pruned_edges.
void prune_subgraph(Subgraph& g, std::size_t max_nodes, std::size_t max_edges = 0);

// Leaves out the nodes that no edge of `g` touches (a self-loop counts), so a
// picture is not dominated by a column of unconnected names; the center of an
// ego network always stays. Run it last, after filters and prune_subgraph,
// whose caps can leave nodes without edges. Keeps the order of the other
// nodes; returns how many went and adds that to g.dropped_isolated.
std::size_t drop_isolated(Subgraph& g);

// The events between two nodes in either direction, merged: what a rendered
// picture draws as one edge instead of one arc per event.
struct PairEdge {
  NodeId from = 0;                 // the side that was the source more often (ties: earliest event's)
  NodeId to = 0;
  std::size_t events = 0;
  std::size_t forward = 0;         // of which from -> to
  std::size_t flagged = 0;         // negated or hypothetical (with include_flagged)
  std::uint64_t mentions = 0;      // reports
  std::size_t quad_classes[5] = {};   // by quad class 1-4 ([0]: unknown code or no table)
  double goldstein_sum = 0.0;      // over the events the table scores
  std::size_t scored = 0;
  // Relation labels ("met", else the code), most frequent first, with counts.
  std::vector<std::pair<std::string, std::size_t>> relations;
  Date first, last;                // earliest / latest dated event
  std::size_t articles = 0;        // distinct articles reporting them
  std::vector<std::string> publishers;   // distinct, in order of first report
  std::string url;                 // the first report's URL that is known, else ""
  // The quad class with most events (ties: the more conflictual), 0 when none is known.
  int dominant_quad() const;
};

// One PairEdge per unordered pair of nodes that has events in `g`, in the
// order of each pair's first event (date order). `cameo` gives quad classes
// and Goldstein values (nullptr: unknown).
std::vector<PairEdge> pair_edges(const Subgraph& g, const CameoTable* cameo);

// Degree of each node within the subgraph (events in either direction).
std::unordered_map<NodeId, std::size_t> subgraph_degrees(const Subgraph& g);

// ---- neighbors: the ego network summarised per counterpart pair ------------

struct NeighborLink {
  NodeId source = 0;
  NodeId target = 0;
  std::size_t events = 0;           // distinct events source -> target
  std::uint64_t mentions = 0;       // reports summed over them (NeighborOptions::link_details only; else 0)
  std::vector<std::string> cameo;   // distinct codes, most frequent first
  std::vector<std::size_t> cameo_events;   // events per code, same order (sums to `events`)
  // Their readable labels, same order: the earliest event's of this link with
  // NeighborOptions::link_details; otherwise one label per code per query
  // (the earliest event's of the first link, in (source, target) order, that has it).
  std::vector<std::string> relations;
  Date first;                       // earliest / latest dated event
  Date last;
  // With NeighborOptions::cameo: the events by quad class 1-4 ([0]: code not
  // in the table) and the Goldstein values of those the table scores.
  std::size_t quad_classes[5] = {};
  double goldstein_sum = 0.0;
  std::size_t scored = 0;
  // goldstein_sum / scored, or 0 when none is scored.
  double goldstein_mean() const { return scored ? goldstein_sum / static_cast<double>(scored) : 0.0; }
};

struct Neighborhood {
  Node center;
  std::vector<Node> nodes;          // without the center; by depth, then events with the center side
  std::unordered_map<NodeId, int> depth;
  std::vector<NeighborLink> links;  // directed pairs among center + nodes
  std::size_t omitted = 0;          // nodes found but cut by the limit
};

struct NeighborOptions {
  int depth = 1;                    // Default: 1
  EdgeFilter filter;
  std::size_t limit = 50;           // most nodes returned (0 = no limit). Default: 50
  // Read every event record of the returned links, for NeighborLink::mentions
  // and every link's own relation labels (JSON output). Without it the answer
  // comes from the adjacency index plus one record per distinct code. Default: false.
  bool link_details = false;
  // Nodes discovered at most (later ones are ignored, like ego_network's cap). Default: 20,000.
  std::size_t max_nodes = 20'000;
  // Nodes expanded per level at most, the busiest first (a hub's depth-2
  // neighbourhood is most of the graph); 0 = all. Default: 200.
  std::size_t max_frontier = 200;
  // Gives each link's quad classes and Goldstein values (nullptr: none). Default: nullptr.
  const CameoTable* cameo = nullptr;
};

// The neighbourhood of `center`: nodes ranked by depth, then by the number of
// events linking them to expanded nodes nearer the center, then mentions and
// name. Ranked from the adjacency index alone: only the returned nodes (and
// those tied at the cut) are read.
Result<Neighborhood> neighbors(const GraphStore& store, NodeId center, const NeighborOptions& options);

}  // namespace geokg::query
