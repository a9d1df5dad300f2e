// Replacing a changed article: what its stored version contributed comes out.

#include <algorithm>
#include <unordered_set>

#include "geokg/core/ids.hpp"
#include "store_impl.hpp"

namespace geokg::detail {

// Writes into `batch` the removal of what `old` contributed (see store.hpp):
// its reports leave their edges (an edge left without reports goes, with its
// index entries; one whose date or code came from the removed reports moves
// to what its remaining reports give), its mentions and name counts leave
// its nodes (a name no article gives any more goes, a node no article
// mentions goes with its names and the role edges this article wrote to or
// from it), and the article record goes.
// REQUIRES: old.content_hash != 0 (the record says what the article gave).
Status remove_contribution(GraphStore::Impl& im, const ArticleRecord& old, rdb::WriteBatchBase& batch) {
  std::unordered_set<NodeId> gone;   // nodes no article mentions any more
  for (std::size_t i = 0; i < old.nodes.size(); ++i) {
    const NodeId id = old.nodes[i];
    Result<std::optional<Node>> stored = read_record<Node>(im, kNodes, keys::node_key(id));
    if (!stored.ok()) return stored.status();
    if (!*stored) continue;
    Node& n = **stored;
    const std::uint64_t mentions = i < old.node_mentions.size() ? old.node_mentions[i] : 0;
    n.mentions -= std::min(n.mentions, mentions);
    n.articles -= std::min<std::uint32_t>(n.articles, 1);
    std::vector<std::string> names;
    if (i < old.node_names.size()) names = old.node_names[i];
    if (n.articles == 0) {
      // Every name of the node goes with it.
      gone.insert(id);
      names.push_back(normalize_name(n.name));
      for (const auto& alias : n.aliases) names.push_back(normalize_name(alias));
      for (const auto& name : names)
        if (!name.empty()) batch.Delete(im.cf(kNames), keys::name_key(name, id));
      batch.Delete(im.cf(kNodes), keys::node_key(id));
      continue;
    }
    const std::string canonical = normalize_name(n.name);
    for (const auto& name : names) {
      const std::string key = keys::name_key(name, id);
      std::string count;
      const Status s = im.get(kNames, key, count);
      if (s.is_not_found()) continue;
      if (!s.ok()) return s;
      const std::uint64_t c = keys::decode_name_count(count);
      if (c == 0) continue;   // a count from before counts were kept: unknown, left alone
      if (c > 1 || name == canonical) {
        // The canonical name stays indexed while the node lives, whatever its count.
        batch.Put(im.cf(kNames), key, keys::name_count_value(c - 1));
        continue;
      }
      batch.Delete(im.cf(kNames), key);
      std::erase_if(n.aliases, [&](const std::string& a) { return normalize_name(a) == name; });
    }
    batch.Put(im.cf(kNodes), keys::node_key(id), codec::encode(n));
  }

  for (std::size_t i = 0; i < old.edges.size(); ++i) {
    const EdgeId id = old.edges[i];
    Result<std::optional<EventEdge>> stored = read_record<EventEdge>(im, kEdges, keys::edge_key(id));
    if (!stored.ok()) return stored.status();
    if (!*stored) continue;
    EventEdge& e = **stored;
    const std::int32_t old_key = e.date.key();
    const std::string old_cameo = e.cameo;
    const auto drop_index = [&] { delete_event_index(im, batch, e.source, e.target, old_key, old_cameo, id); };
    const std::uint32_t reports = i < old.edge_reports.size() ? old.edge_reports[i] : 1;
    e.mentions -= std::min(e.mentions, reports);
    std::erase(e.articles, old.id);
    std::erase_if(e.evidence, [&](const Evidence& ev) { return ev.article_id == old.id; });
    if (e.mentions == 0 || e.evidence.empty()) {
      drop_index();
      batch.Delete(im.cf(kEdges), keys::edge_key(id));
      continue;
    }
    e.sources.clear();
    for (const Evidence& ev : e.evidence)
      if (!ev.source.empty() && std::find(e.sources.begin(), e.sources.end(), ev.source) == e.sources.end())
        e.sources.push_back(ev.source);
    // The date and code the remaining reports give, by the rules that merged
    // them (reports from before evidence kept its own code and date leave
    // the edge's as they are).
    if (!e.evidence.front().cameo.empty()) {
      e.cameo = e.evidence.front().cameo;
      e.date = e.evidence.front().date;
      for (const Evidence& ev : e.evidence) {
        if (ev.cameo.empty()) continue;
        if (codec::cameo_wins(e.cameo, ev.cameo)) e.cameo = ev.cameo;
        if (codec::date_wins(e.date, ev.date)) e.date = ev.date;
      }
    }
    if (e.location != 0 && gone.count(e.location)) {
      e.location = 0;
      e.place = Place{};
    }
    if (e.date.key() != old_key || e.cameo != old_cameo) {
      drop_index();
      put_event_index(im, batch, e.source, e.target, e.date.key(), e.cameo, id,
                      keys::event_flags(e.negated, e.hypothetical));
    }
    batch.Put(im.cf(kEdges), keys::edge_key(id), codec::encode(e));
  }

  // A role edge is written by every article that names both ends; one whose
  // end no article names any more was written by this one alone.
  for (const StaticEdge& se : old.static_edges)
    if (gone.count(se.source) || gone.count(se.target)) batch.Delete(im.cf(kStatic), keys::static_key(se));
  batch.Delete(im.cf(kArticles), keys::article_key(old.id));
  return Status::Ok();
}

}  // namespace geokg::detail
