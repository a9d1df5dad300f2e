#include "geokg/query/suggest.hpp"

#include <algorithm>
#include <unordered_map>

#include "geokg/core/ids.hpp"

namespace geokg::query {

Result<std::vector<Suggestion>> suggest_names(const GraphStore& store, std::string_view text,
                                             const SuggestOptions& options) {
  std::vector<Suggestion> out;
  const std::string prefix = normalize_name(text);
  if (prefix.empty() || options.limit == 0) return out;

  // Node id -> the shortest alias that matched, in first-seen order.
  std::vector<NodeId> ids;
  std::unordered_map<NodeId, std::string> alias_of;
  std::size_t scanned = 0;
  Status s = store.scan_names(prefix, [&](std::string_view alias, NodeId id) {
    if (++scanned > options.max_scan) return false;
    auto [it, added] = alias_of.try_emplace(id, alias);
    if (added) {
      ids.push_back(id);
      return ids.size() < options.max_nodes;
    }
    if (alias.size() < it->second.size()) it->second = std::string(alias);
    return true;
  });
  if (!s.ok()) return s;

  out.reserve(ids.size());
  for (NodeId id : ids) {
    auto n = store.node(id);
    if (!n.ok()) {
      if (n.status().is_not_found()) continue;   // a dangling index entry: `verify` reports it
      return n.status();
    }
    out.push_back({std::move(n).value(), std::move(alias_of[id])});
  }
  std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    if (a.node.mentions != b.node.mentions) return a.node.mentions > b.node.mentions;
    if (a.node.name != b.node.name) return a.node.name < b.node.name;
    return a.node.id < b.node.id;
  });
  if (out.size() > options.limit) out.resize(options.limit);
  return out;
}

}  // namespace geokg::query
