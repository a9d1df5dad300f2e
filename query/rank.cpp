#include "geokg/query/rank.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include "geokg/core/ids.hpp"
#include "geokg/graph/view.hpp"

namespace geokg::query {

std::optional<RankBy> rank_by_from_string(std::string_view s) {
  if (s == "mentions") return RankBy::kMentions;
  if (s == "events") return RankBy::kEvents;
  if (s == "degree") return RankBy::kDegree;
  if (s == "centrality" || s == "betweenness") return RankBy::kCentrality;
  if (s == "pagerank") return RankBy::kPageRank;
  return std::nullopt;
}

const char* to_string(RankBy by) {
  switch (by) {
    case RankBy::kMentions: return "mentions";
    case RankBy::kEvents: return "events";
    case RankBy::kDegree: return "degree";
    case RankBy::kCentrality: return "centrality";
    case RankBy::kPageRank: return "pagerank";
  }
  return "mentions";
}

namespace {

// PageRank over events as directed links source -> target weighted by their
// reports: being acted upon by important actors makes an actor important.
// Dangling vertices spread their rank evenly. Damping 0.85; stops when the
// L1 change falls below 1e-10 or after 100 iterations.
std::vector<double> pagerank(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> rank(n, n ? 1.0 / static_cast<double>(n) : 0.0), next(n);
  std::vector<double> out_weight(n, 0.0);
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    out_weight[boost::source(e, g)] += std::max<std::uint32_t>(1, g[e].mentions);
  const double d = 0.85;
  for (int it = 0; it < 100 && n > 0; ++it) {
    double dangling = 0.0;
    for (std::size_t v = 0; v < n; ++v)
      if (out_weight[v] == 0.0) dangling += rank[v];
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    std::fill(next.begin(), next.end(), base);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      const auto s = boost::source(e, g);
      const double w = std::max<std::uint32_t>(1, g[e].mentions);
      next[boost::target(e, g)] += d * rank[s] * w / out_weight[s];
    }
    double delta = 0.0;
    for (std::size_t v = 0; v < n; ++v) delta += std::fabs(next[v] - rank[v]);
    rank.swap(next);
    if (delta < 1e-10) break;
  }
  return rank;
}

// Betweenness on the undirected simple graph: who sits between others
// regardless of who was the grammatical subject of each event.
std::vector<double> betweenness(const Graph& g) {
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  const std::size_t n = boost::num_vertices(g);
  Simple s(n);
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    std::size_t a = boost::source(e, g), b = boost::target(e, g);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    if (pairs.insert({a, b}).second) boost::add_edge(a, b, s);
  }
  std::vector<double> c(n, 0.0);
  if (n < 3) return c;
  boost::brandes_betweenness_centrality(
      s, boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, s)));
  // Undirected: Boost counts each pair twice; normalise by (n-1)(n-2).
  const double norm = static_cast<double>(n - 1) * static_cast<double>(n - 2);
  for (double& x : c) x /= norm;
  return c;
}

}  // namespace

bool filter_scopes(const EdgeFilter& f) {
  return f.from.known() || f.to.known() || !f.cameo.empty() || !f.publishers.empty() || f.min_sources > 1;
}

bool of_sector_between(const Node& n, std::string_view sector, const Date& from, const Date& to) {
  if (sector.empty() || n.sector == sector) return true;
  if (n.code.size() >= 3 && std::string_view(n.code).substr(n.code.size() - 3) == sector) return true;
  for (const Role& r : n.roles)
    if (r.sector == sector && role_overlaps(r, from, to)) return true;
  return false;
}

Result<std::vector<RankedActor>> rank_actors(const GraphStore& store, const RankOptions& options) {
  WholeViewOptions wo;
  wo.keep_isolated = true;
  auto view = whole_view(store, options.filter, wo);
  if (!view.ok()) return view.status();
  const Graph& g = view->graph;
  const std::size_t n = boost::num_vertices(g);

  std::vector<std::size_t> events(n, 0), degree(n, 0);
  std::vector<std::uint64_t> reports(n, 0);
  {
    std::vector<std::set<std::size_t>> counterparts(n);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      const auto a = boost::source(e, g), b = boost::target(e, g);
      ++events[a];
      reports[a] += g[e].mentions;
      if (b != a) {
        ++events[b];
        reports[b] += g[e].mentions;
      }
      counterparts[a].insert(b);
      counterparts[b].insert(a);
    }
    for (std::size_t v = 0; v < n; ++v) {
      counterparts[v].erase(v);
      degree[v] = counterparts[v].size();
    }
  }
  const std::vector<double> pr = pagerank(g);
  std::vector<double> bc;
  if (options.by == RankBy::kCentrality) bc = betweenness(g);

  std::vector<std::size_t> pick;
  for (std::size_t v = 0; v < n; ++v) {
    const VertexProps& p = g[v];
    if (options.kind ? p.kind != *options.kind : p.kind == NodeKind::kLocation) continue;
    if (!is_specific(p.naming, p.country)) continue;
    if (options.active_only && events[v] == 0) continue;
    if (!options.country.empty() || !options.sector.empty()) {
      // People change country and office over time: their roles say when.
      if (p.kind == NodeKind::kPerson) {
        auto node = store.node(p.id);
        if (!node.ok()) {
          if (node.status().is_not_found()) continue;
          return node.status();
        }
        if (!of_country_between(node->roles, node->country, options.country, options.filter.from,
                                options.filter.to) ||
            !of_sector_between(*node, options.sector, options.filter.from, options.filter.to))
          continue;
      } else {
        if (!options.country.empty() && p.country != options.country) continue;
        if (!options.sector.empty() && p.sector != options.sector) {
          auto node = store.node(p.id);  // the sector part of its code: "DIP" is coded GOV
          if (!node.ok()) {
            if (node.status().is_not_found()) continue;
            return node.status();
          }
          if (!of_sector_between(*node, options.sector, options.filter.from, options.filter.to)) continue;
        }
      }
    }
    pick.push_back(v);
  }
  auto key = [&](std::size_t v) -> double {
    switch (options.by) {
      case RankBy::kMentions: return static_cast<double>(g[v].mentions);
      case RankBy::kEvents: return static_cast<double>(events[v]);
      case RankBy::kDegree: return static_cast<double>(degree[v]);
      case RankBy::kCentrality: return bc[v];
      case RankBy::kPageRank: return pr[v];
    }
    return 0.0;
  };
  std::sort(pick.begin(), pick.end(), [&](std::size_t a, std::size_t b) {
    const double ka = key(a), kb = key(b);
    if (ka != kb) return ka > kb;
    if (options.by == RankBy::kEvents && reports[a] != reports[b]) return reports[a] > reports[b];
    if (g[a].mentions != g[b].mentions) return g[a].mentions > g[b].mentions;
    if (g[a].name != g[b].name) return g[a].name < g[b].name;
    return g[a].id < g[b].id;
  });
  if (options.limit != 0 && pick.size() > options.limit) pick.resize(options.limit);

  std::vector<RankedActor> out;
  out.reserve(pick.size());
  for (std::size_t v : pick) {
    auto node = store.node(g[v].id);
    if (!node.ok()) {
      if (node.status().is_not_found()) continue;
      return node.status();
    }
    RankedActor r;
    r.node = std::move(node).value();
    r.degree = degree[v];
    r.events = events[v];
    r.reports = reports[v];
    r.pagerank = pr[v];
    if (!bc.empty()) {
      r.betweenness = bc[v];
      r.has_betweenness = true;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace geokg::query
