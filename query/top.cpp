#include "geokg/query/top.hpp"

#include <algorithm>
#include <queue>

#include "geokg/query/rank.hpp"

namespace geokg::query {

std::optional<TopBy> top_by_from_string(std::string_view s) {
  if (s == "mentions") return TopBy::kMentions;
  if (s == "articles") return TopBy::kArticles;
  if (s == "recent") return TopBy::kRecent;
  return std::nullopt;
}

const char* to_string(TopBy by) {
  switch (by) {
    case TopBy::kMentions: return "mentions";
    case TopBy::kArticles: return "articles";
    case TopBy::kRecent: return "recent";
  }
  return "mentions";
}

Result<std::vector<Node>> top_actors(const GraphStore& store, const TopOptions& options) {
  auto key = [&](const Node& n) -> std::int64_t {
    switch (options.by) {
      case TopBy::kMentions: return static_cast<std::int64_t>(n.mentions);
      case TopBy::kArticles: return n.articles;
      case TopBy::kRecent: return n.last_seen.key();   // 0 (undated) sorts last
    }
    return 0;
  };
  // before(a, b): a is listed before b.
  auto before = [&](const Node& a, const Node& b) {
    const auto ka = key(a), kb = key(b);
    if (ka != kb) return ka > kb;
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  };
  // Overlap of [first_seen, last_seen] with the window, by the store's date rule.
  EdgeFilter since, until;
  since.from = options.seen_from;
  until.to = options.seen_to;
  auto seen_in_window = [&](const Node& n) {
    if (options.seen_from.known() && !(n.last_seen.known() && edge_passes(since, n.last_seen, "", false)))
      return false;
    if (options.seen_to.known() && !(n.first_seen.known() && edge_passes(until, n.first_seen, "", false)))
      return false;
    return true;
  };
  // A max-heap under `before` keeps the worst kept node on top, to be replaced.
  std::priority_queue<Node, std::vector<Node>, decltype(before)> heap(before);
  const std::size_t limit = std::max<std::size_t>(1, options.limit);
  Status s = store.for_each_node([&](const Node& n) {
    if (options.kind ? n.kind != *options.kind : n.kind == NodeKind::kLocation) return true;
    if (!is_specific(n.naming, n.country)) return true;
    // Country and sector as rank_actors reads them: a person's from the roles
    // held in the window, anyone's sector also from its CAMEO code.
    if (!options.country.empty() &&
        !(n.kind == NodeKind::kPerson
              ? of_country_between(n.roles, n.country, options.country, options.seen_from, options.seen_to)
              : n.country == options.country))
      return true;
    if (!options.sector.empty() && !of_sector_between(n, options.sector, options.seen_from, options.seen_to))
      return true;
    if (!seen_in_window(n)) return true;
    if (heap.size() < limit) {
      heap.push(n);
    } else if (before(n, heap.top())) {
      heap.pop();
      heap.push(n);
    }
    return true;
  });
  if (!s.ok()) return s;
  std::vector<Node> out;
  out.reserve(heap.size());
  while (!heap.empty()) {
    out.push_back(heap.top());
    heap.pop();
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace geokg::query
