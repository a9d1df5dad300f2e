#pragma once
// Rankings over the whole graph (the one place a query loads everything,
// through the Boost.Graph view of geokg/graph/view.hpp): mentions, degree,
// betweenness centrality (Brandes, Boost.Graph) and a PageRank score.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::query {

// kEvents: events (and then reports) that pass the filter, the ranking of a
// window ("who acted in 1987"); kMentions: the mentions of all time.
enum class RankBy { kMentions, kEvents, kDegree, kCentrality, kPageRank };
std::optional<RankBy> rank_by_from_string(std::string_view s);
const char* to_string(RankBy by);

struct RankOptions {
  RankBy by = RankBy::kMentions;              // Default: mentions
  // Only this kind. Default: every kind except location (places are where
  // events happen, not actors; ask for --kind location to list them).
  // Common nouns ("the agreement") and unnamed actors without a country
  // ("rebels") are never listed: they are not one actor (is_specific).
  std::optional<NodeKind> kind;
  // Only actors of this country (ISO alpha-3, or a historical or regional
  // code: SUN, WST) at some time in filter's [from, to]: a person is of the
  // country of a role held then (Gorbachev is SUN in 1987), else of the
  // node's country. Default: any
  std::string country;
  // Only actors of this sector (GOV, MIL, JUD, REB …): the node's sector, the
  // sector part of its CAMEO code, or a role's held in [from, to]. Default: any
  std::string sector;
  std::size_t limit = 25;                     // 0 = all. Default: 25
  EdgeFilter filter;                          // which events count for degree / rankings
  // Only actors with at least one event passing the filter: the answer to a
  // window's question. Default: false (also actors without events)
  bool active_only = false;
};

// Whether a filter asks about some events rather than all of them (a window,
// codes, publishers, corroboration): rankings then rank by those events.
bool filter_scopes(const EdgeFilter& filter);

struct RankedActor {
  Node node;
  std::size_t degree = 0;          // distinct counterparts
  std::size_t events = 0;          // events as source or target (passing the filter)
  std::uint64_t reports = 0;       // reports of those events (their mentions summed)
  double betweenness = 0.0;        // normalised to [0, 1]; computed for RankBy::kCentrality only
  bool has_betweenness = false;
  double pagerank = 0.0;           // sums to 1 over the graph
};

// Whether a node is of `sector` at some time in [from, to] (either end open
// when unknown): its sector, the last three letters of its CAMEO code, or the
// sector of a role overlapping the window. An empty sector matches anything.
bool of_sector_between(const Node& node, std::string_view sector, const Date& from, const Date& to);

// Ties break by mentions, then name, then id, so the order is deterministic.
// Betweenness is O(V·E) on the undirected simple graph of actors: it is
// computed only when ranking by it.
Result<std::vector<RankedActor>> rank_actors(const GraphStore& store, const RankOptions& options);

}  // namespace geokg::query
