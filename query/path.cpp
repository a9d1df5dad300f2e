#include "geokg/query/path.hpp"

#include <algorithm>
#include <unordered_map>

namespace geokg::query {

namespace {

struct Side {
  // node -> (parent toward this side's root, hops from the root)
  std::unordered_map<NodeId, std::pair<NodeId, int>> seen;
  std::vector<NodeId> frontier;
  int depth = 0;
};

// The event to show for one hop: most reports, then latest date, then id.
Status best_event(const GraphStore& store, NodeId from, NodeId to, const EdgeFilter& filter,
                  PathHop& hop) {
  EdgeId best = 0;
  std::uint32_t best_mentions = 0;
  std::int32_t best_date = -1;
  std::size_t count = 0;
  std::vector<EdgeId> ids;
  Status s = store.scan_adjacency(from, Direction::kBoth, filter, [&](const AdjacencyEntry& a) {
    if (a.other == to) ids.push_back(a.edge);
    return true;
  });
  if (!s.ok()) return s;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (EdgeId id : ids) {
    auto e = store.edge(id);
    if (!e.ok()) {
      if (e.status().is_not_found()) continue;
      return e.status();
    }
    ++count;
    const auto key = e->date.key();
    if (best == 0 || e->mentions > best_mentions ||
        (e->mentions == best_mentions && key > best_date)) {
      best = id;
      best_mentions = e->mentions;
      best_date = key;
      hop.event = std::move(e).value();
    }
  }
  if (count == 0) return Status::NotFound("event between path nodes vanished");
  hop.from = from;
  hop.to = to;
  hop.forward = hop.event.source == from;
  hop.events = count;
  return Status::Ok();
}

bool role_in_window(const Role& r, const EdgeFilter& f) { return role_overlaps(r, f.from, f.to); }

// A role edge between the two, either way round.
Status role_hop(const GraphStore& store, NodeId from, NodeId to, const EdgeFilter& filter,
                PathHop& hop) {
  for (const bool forward : {true, false}) {
    bool found = false;
    Status s = store.scan_static(forward ? from : to, [&](const StaticEdge& e) {
      if (e.target != (forward ? to : from) || !role_in_window(e.role, filter)) return true;
      hop.role = e;
      found = true;
      return false;
    });
    if (!s.ok()) return s;
    if (found) {
      hop.from = from;
      hop.to = to;
      hop.is_role = true;
      hop.forward = forward;
      return Status::Ok();
    }
  }
  return Status::NotFound("role edge between path nodes vanished");
}

}  // namespace

Result<PathResult> find_path(const GraphStore& store, NodeId a, NodeId b, const PathOptions& options) {
  auto na = store.node(a);
  if (!na.ok()) return na.status();
  auto nb = store.node(b);
  if (!nb.ok()) return nb.status();
  PathResult out;
  if (a == b) {
    out.found = true;
    out.nodes.push_back(std::move(na).value());
    out.visited = 1;
    return out;
  }

  Side sa, sb;
  sa.seen[a] = {0, 0};
  sa.frontier = {a};
  sb.seen[b] = {0, 0};
  sb.frontier = {b};
  NodeId meet = 0;
  int meet_len = 0;
  // Common nouns and countryless unnamed actors ("the agreement", "rebels")
  // link stories that have nothing to do with each other: a path never
  // passes through one. Looked up once per node a path could use.
  std::unordered_map<NodeId, bool> specific;
  Status lookup_status = Status::Ok();
  auto passable = [&](NodeId id) {
    if (id == a || id == b) return true;
    auto it = specific.find(id);
    if (it != specific.end()) return it->second;
    bool ok = true;
    auto n = store.node(id);
    if (n.ok()) ok = is_specific(n->naming, n->country);
    else if (!n.status().is_not_found()) lookup_status = n.status();
    specific.emplace(id, ok);
    return ok;
  };

  while (!sa.frontier.empty() && !sb.frontier.empty() &&
         sa.depth + sb.depth < options.max_depth && meet == 0) {
    // Expand the smaller frontier one whole level: fewer scans.
    const bool expand_a = sa.frontier.size() <= sb.frontier.size();
    Side& me = expand_a ? sa : sb;
    Side& other = expand_a ? sb : sa;
    std::vector<NodeId> next;
    for (NodeId n : me.frontier) {
      if (!passable(n)) continue;
      auto reach = [&](NodeId other_node) {
        if (me.seen.count(other_node)) return true;
        if (sa.seen.size() + sb.seen.size() >= options.max_visited) {
          out.truncated = true;
          return false;
        }
        me.seen[other_node] = {n, me.depth + 1};
        next.push_back(other_node);
        if (auto it = other.seen.find(other_node); it != other.seen.end() && passable(other_node)) {
          const int len = me.depth + 1 + it->second.second;
          if (meet == 0 || len < meet_len) {
            meet = other_node;
            meet_len = len;
          }
        }
        return true;
      };
      Status s = store.scan_adjacency(n, Direction::kBoth, options.filter,
                                      [&](const AdjacencyEntry& e) { return reach(e.other); });
      if (!s.ok()) return s;
      if (options.use_roles && !out.truncated) {
        s = store.scan_static(n, [&](const StaticEdge& e) {
          return role_in_window(e.role, options.filter) ? reach(e.target) : true;
        });
        if (!s.ok()) return s;
      }
      if (out.truncated) break;
    }
    ++me.depth;
    me.frontier = std::move(next);
    if (!lookup_status.ok()) return lookup_status;
    if (out.truncated) break;
  }
  out.visited = sa.seen.size() + sb.seen.size();
  if (meet == 0) return out;

  std::vector<NodeId> chain;
  for (NodeId n = meet; n != a; n = sa.seen.at(n).first) chain.push_back(n);
  chain.push_back(a);
  std::reverse(chain.begin(), chain.end());
  for (NodeId n = meet; n != b;) {
    n = sb.seen.at(n).first;
    chain.push_back(n);
  }
  for (NodeId id : chain) {
    auto n = store.node(id);
    if (!n.ok()) return n.status();
    out.nodes.push_back(std::move(n).value());
  }
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    PathHop hop;
    Status s = best_event(store, chain[i], chain[i + 1], options.filter, hop);
    if (s.is_not_found() && options.use_roles) s = role_hop(store, chain[i], chain[i + 1], options.filter, hop);
    if (!s.ok()) return s;
    if (hop.event.location != 0) {
      auto place = store.node(hop.event.location);
      if (place.ok()) hop.location_name = place->name;
    }
    out.hops.push_back(std::move(hop));
  }
  out.found = true;
  std::vector<const EventEdge*> events;
  for (const auto& h : out.hops)
    if (!h.is_role) events.push_back(&h.event);
  if (Status s = cite_articles(store, events, out.articles); !s.ok()) return s;
  return out;
}

}  // namespace geokg::query
