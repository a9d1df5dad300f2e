// Reads: point reads, scans, counts (read-only and writing stores alike).

#include <climits>

#include "geokg/core/ascii.hpp"
#include "geokg/core/ids.hpp"
#include "store_impl.hpp"

namespace geokg {

using namespace detail;   // the store's internals (store_impl.hpp)

Status detail::scan_prefix(rdb::DB* db, rdb::ColumnFamilyHandle* cf, std::string prefix,
                           std::string_view seek, const KeyValueFn& fn) {
  PrefixCursor c(db, cf, std::move(prefix), seek);
  for (; c.valid(); c.next())
    if (!fn(c.key(), c.value())) break;
  return c.status();
}

namespace {

// Inclusive date-key bounds of a filter.
struct DateBounds {
  std::int32_t lo = INT32_MIN;
  std::int32_t hi = INT32_MAX;
  bool open = true;   // both sides open: undated events pass
};

std::int32_t upper_key(const Date& to) {
  switch (to.precision) {
    case DatePrecision::kNone: return INT32_MAX;
    case DatePrecision::kYear: return to.year * 10000 + 9999;
    case DatePrecision::kMonth: return to.year * 10000 + to.month * 100 + 99;
    case DatePrecision::kDay: return to.key();
  }
  return INT32_MAX;
}

DateBounds bounds_of(const EdgeFilter& f) {
  DateBounds b;
  if (f.from.known()) b.lo = f.from.key();
  if (f.to.known()) b.hi = upper_key(f.to);
  b.open = !f.from.known() && !f.to.known();
  return b;
}

bool date_passes(const DateBounds& b, std::int32_t key) {
  if (key == 0) return b.open;
  return key >= b.lo && key <= b.hi;
}

bool cameo_passes(const EdgeFilter& f, std::string_view cameo) {
  if (f.cameo.empty()) return true;
  for (const auto& p : f.cameo)
    if (cameo.substr(0, p.size()) == p) return true;
  return false;
}

bool flags_pass(const EdgeFilter& f, std::uint8_t flags) { return f.include_flagged || flags == 0; }

}  // namespace

bool publisher_matches(std::string_view publisher, std::string_view name) {
  auto word_char = [](char c) { return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80; };
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty() || name.size() > publisher.size()) return false;
  for (std::size_t at = 0; at + name.size() <= publisher.size(); ++at) {
    if (at > 0 && word_char(publisher[at - 1]) && word_char(name.front())) continue;
    const std::size_t end = at + name.size();
    if (end < publisher.size() && word_char(publisher[end]) && word_char(name.back())) continue;
    if (ieq(publisher.substr(at, name.size()), name)) return true;
  }
  return false;
}

bool publishers_pass(const std::vector<std::string>& names, const EventEdge& e) {
  if (names.empty()) return true;
  for (const auto& publisher : e.sources)
    for (const auto& name : names)
      if (publisher_matches(publisher, name)) return true;
  return false;
}

bool edge_passes(const EdgeFilter& filter, const Date& date, std::string_view cameo, bool flagged) {
  return date_passes(bounds_of(filter), date.key()) && cameo_passes(filter, cameo) &&
         (filter.include_flagged || !flagged);
}

// ---- point reads ------------------------------------------------------------------------

Result<Node> GraphStore::node(NodeId id) const {
  rdb::PinnableSlice v;
  if (Status s = impl_->get(kNodes, keys::node_key(id), v); !s.ok()) return s;
  Node n;
  if (Status s = codec::decode(view(v), n); !s.ok()) return s;
  return n;
}

Result<EventEdge> GraphStore::edge(EdgeId id) const {
  rdb::PinnableSlice v;
  if (Status s = impl_->get(kEdges, keys::edge_key(id), v); !s.ok()) return s;
  EventEdge e;
  if (Status s = codec::decode(view(v), e); !s.ok()) return s;
  return e;
}

Result<ArticleRecord> GraphStore::article(std::string_view article_id) const {
  rdb::PinnableSlice v;
  if (Status s = impl_->get(kArticles, keys::article_key(article_id), v); !s.ok()) return s;
  ArticleRecord a;
  if (Status s = codec::decode(view(v), a); !s.ok()) return s;
  return a;
}

bool GraphStore::has_article(std::string_view article_id) const {
  std::string v;
  return impl_->get(kArticles, keys::article_key(article_id), v).ok();
}

Result<std::vector<NodeId>> GraphStore::find_nodes(std::string_view name) const {
  std::vector<NodeId> out;
  const std::string n = normalize_name(name);
  if (n.empty()) return out;
  Status s = impl_->scan(kNames, keys::name_exact_prefix(n), {},
                         [&](std::string_view key, std::string_view) {
                           keys::NameKey k;
                           if (keys::decode_name_key(key, k)) out.push_back(k.node);
                           return true;
                         });
  if (!s.ok()) return s;
  return out;
}

Result<std::uint64_t> GraphStore::alias_evidence(std::string_view alias, NodeId id) const {
  const std::string n = normalize_name(alias);
  if (n.empty()) return std::uint64_t{0};
  std::string v;
  Status s = impl_->get(kNames, keys::name_key(n, id), v);
  if (s.is_not_found()) return std::uint64_t{0};
  if (!s.ok()) return s;
  return keys::decode_name_count(v);
}

// ---- scans --------------------------------------------------------------------------------

Status GraphStore::scan_names(std::string_view prefix,
                              const std::function<bool(std::string_view, NodeId)>& fn) const {
  Status bad;
  Status s = impl_->scan(kNames, keys::name_prefix(prefix), {},
                         [&](std::string_view key, std::string_view) {
                           keys::NameKey k;
                           if (!keys::decode_name_key(key, k)) {
                             bad = Status::Corruption("malformed names key");
                             return false;
                           }
                           return fn(k.alias, k.node);
                         });
  return s.ok() ? bad : s;
}

Status GraphStore::Impl::scan_adjacency(
    NodeId node, Direction dir, const EdgeFilter& filter,
    const std::function<bool(const AdjacencyEntry&)>& fn) const {
  const DateBounds b = bounds_of(filter);
  // One cursor per direction; for kBoth the two ranges are interleaved by
  // (date, cameo, edge) so that the caller still sees date order.
  std::vector<std::unique_ptr<PrefixCursor>> cursors;
  for (std::uint8_t d : {keys::kDirOut, keys::kDirIn}) {
    if ((dir == Direction::kOut && d != keys::kDirOut) || (dir == Direction::kIn && d != keys::kDirIn))
      continue;
    const std::string seek = b.lo == INT32_MIN ? std::string() : keys::adj_prefix(d, node, b.lo);
    cursors.push_back(std::make_unique<PrefixCursor>(db.get(), cf(kAdj), keys::adj_prefix(d, node), seek));
  }
  std::vector<bool> done(cursors.size(), false);
  keys::AdjKey k;
  keys::AdjValue v;
  while (true) {
    int pick = -1;
    for (std::size_t i = 0; i < cursors.size(); ++i) {
      if (done[i] || !cursors[i]->valid()) continue;
      if (pick < 0 || cursors[i]->key().substr(9) < cursors[static_cast<std::size_t>(pick)]->key().substr(9))
        pick = static_cast<int>(i);
    }
    if (pick < 0) break;
    PrefixCursor& c = *cursors[static_cast<std::size_t>(pick)];
    if (!keys::decode_adj_key(c.key(), k) || !keys::decode_adj_value(c.value(), v))
      return Status::Corruption("malformed adjacency entry");
    if (k.date_key > b.hi) {
      done[static_cast<std::size_t>(pick)] = true;   // sorted by date: nothing later passes
      continue;
    }
    bool pass = date_passes(b, k.date_key) && cameo_passes(filter, k.cameo) && flags_pass(filter, v.flags);
    if (pass && filter_needs_record(filter)) {
      Result<bool> enough = record_passes(k.edge, filter);
      if (!enough.ok()) return enough.status();
      pass = *enough;
    }
    if (pass) {
      AdjacencyEntry e;
      e.node = node;
      e.other = v.other;
      e.edge = k.edge;
      e.date = Date::FromKey(k.date_key);
      e.cameo = k.cameo;
      e.outgoing = k.dir == keys::kDirOut;
      e.flagged = v.flags != 0;
      if (!fn(e)) break;
    }
    c.next();
  }
  for (const auto& c : cursors)
    if (Status s = c->status(); !s.ok()) return s;
  return Status::Ok();
}

Status GraphStore::scan_adjacency(NodeId node, Direction dir, const EdgeFilter& filter,
                                  const std::function<bool(const AdjacencyEntry&)>& fn) const {
  return impl_->scan_adjacency(node, dir, filter, fn);
}

Status GraphStore::scan_timeline(const EdgeFilter& filter,
                                 const std::function<bool(EdgeId, const Date&)>& fn) const {
  return scan_timeline_entries(filter, [&](const TimelineEntry& e) { return fn(e.edge, e.date); });
}

Status GraphStore::scan_timeline_entries(const EdgeFilter& filter,
                                         const std::function<bool(const TimelineEntry&)>& fn) const {
  const DateBounds b = bounds_of(filter);
  const std::string seek = b.lo == INT32_MIN ? std::string() : keys::timeline_prefix(b.lo);
  Status bad;
  Status s = impl_->scan(kTimeline, {}, seek, [&](std::string_view key, std::string_view value) {
    keys::TimelineKey k;
    keys::TimelineValue v;
    if (!keys::decode_timeline_key(key, k) || !keys::decode_timeline_value(value, v)) {
      bad = Status::Corruption("malformed timeline entry");
      return false;
    }
    if (k.date_key > b.hi) return false;
    if (!date_passes(b, k.date_key) || !cameo_passes(filter, v.cameo) || !flags_pass(filter, v.flags))
      return true;
    if (filter_needs_record(filter)) {
      Result<bool> enough = impl_->record_passes(k.edge, filter);
      if (!enough.ok()) {
        bad = enough.status();
        return false;
      }
      if (!*enough) return true;
    }
    TimelineEntry entry;
    entry.edge = k.edge;
    entry.date = Date::FromKey(k.date_key);
    entry.cameo = v.cameo;
    entry.flagged = v.flags != 0;
    return fn(entry);
  });
  return s.ok() ? bad : s;
}

Status GraphStore::scan_static(NodeId source,
                               const std::function<bool(const StaticEdge&)>& fn) const {
  Status bad;
  Status s = impl_->scan(kStatic, keys::static_prefix(source), {},
                         [&](std::string_view, std::string_view value) {
                           StaticEdge e;
                           bad = codec::decode(value, e);
                           return bad.ok() && fn(e);
                         });
  return s.ok() ? bad : s;
}

namespace {
template <typename Record>
Status for_each_record(const GraphStore::Impl& im, Family f,
                       const std::function<bool(const Record&)>& fn) {
  Status bad;
  Status s = im.scan(f, {}, {}, [&](std::string_view, std::string_view value) {
    Record r;
    bad = codec::decode(value, r);
    return bad.ok() && fn(r);
  });
  return s.ok() ? bad : s;
}
}  // namespace

Status GraphStore::for_each_node(const std::function<bool(const Node&)>& fn) const {
  return for_each_record<Node>(*impl_, kNodes, fn);
}
Status GraphStore::for_each_edge(const std::function<bool(const EventEdge&)>& fn) const {
  return for_each_record<EventEdge>(*impl_, kEdges, fn);
}
Status GraphStore::for_each_article(const std::function<bool(const ArticleRecord&)>& fn) const {
  return for_each_record<ArticleRecord>(*impl_, kArticles, fn);
}

Result<StoreCounts> GraphStore::counts() const {
  StoreCounts c;
  const std::pair<Family, std::uint64_t*> key_counts[] = {
      {kNodes, &c.nodes},   {kNames, &c.names},       {kStatic, &c.static_edges},
      {kAdj, &c.adjacency}, {kTimeline, &c.timeline}, {kArticles, &c.articles}};
  for (auto [f, out] : key_counts) {
    Status s = impl_->scan(f, {}, {}, [out = out](std::string_view, std::string_view) {
      ++*out;
      return true;
    });
    if (!s.ok()) return s;
  }
  Status s = for_each_edge([&](const EventEdge& e) {
    ++c.edges;
    if (e.flagged()) ++c.flagged_edges;
    c.evidence += e.mentions;
    return true;
  });
  if (!s.ok()) return s;
  return c;
}

}  // namespace geokg
