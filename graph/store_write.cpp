// Writes: commit() turns one article's extraction into one WriteBatch
// (the steps are CommitWriter's, below).

#include <algorithm>
#include <climits>
#include <deque>
#include <optional>
#include <type_traits>

#include "geokg/core/ids.hpp"
#include "geokg/core/ascii.hpp"
#include "rocksdb_call.hpp"
#include "store_impl.hpp"

namespace geokg {

using namespace detail;   // the store's internals (store_impl.hpp)

// The three index entries of an event edge: adjacency out and in, timeline.
void detail::put_event_index(const GraphStore::Impl& im, rdb::WriteBatchBase& batch, NodeId source,
                             NodeId target, std::int32_t date_key, const std::string& cameo, EdgeId id,
                             std::uint8_t flags) {
  batch.Put(im.cf(kAdj), keys::adj_key({keys::kDirOut, source, date_key, cameo, id}),
            keys::adj_value({target, flags}));
  batch.Put(im.cf(kAdj), keys::adj_key({keys::kDirIn, target, date_key, cameo, id}),
            keys::adj_value({source, flags}));
  batch.Put(im.cf(kTimeline), keys::timeline_key({date_key, id}), keys::timeline_value({flags, cameo}));
}

void detail::delete_event_index(const GraphStore::Impl& im, rdb::WriteBatchBase& batch, NodeId source,
                                NodeId target, std::int32_t date_key, const std::string& cameo, EdgeId id) {
  batch.Delete(im.cf(kAdj), keys::adj_key({keys::kDirOut, source, date_key, cameo, id}));
  batch.Delete(im.cf(kAdj), keys::adj_key({keys::kDirIn, target, date_key, cameo, id}));
  batch.Delete(im.cf(kTimeline), keys::timeline_key({date_key, id}));
}

namespace {

Status validate(const Article& article, const Extraction& ex) {
  if (article.id.empty()) return Status::InvalidInput("article has no id");
  const int n = static_cast<int>(ex.actors.size());
  for (std::size_t i = 0; i < ex.actors.size(); ++i)
    if (normalize_name(ex.actors[i].name).empty())
      return Status::InvalidInput("actor " + std::to_string(i) + " has an empty name");
  for (std::size_t i = 0; i < ex.events.size(); ++i) {
    const auto& e = ex.events[i];
    const std::string at = "event " + std::to_string(i) + ": ";
    if (e.source < 0 || e.source >= n) return Status::InvalidInput(at + "source out of range");
    if (e.target < 0 || e.target >= n) return Status::InvalidInput(at + "target out of range");
    if (e.location < -1 || e.location >= n) return Status::InvalidInput(at + "location out of range");
    if (e.cameo.empty() || e.cameo.size() > keys::kCameoBytes ||
        e.cameo.find('\0') != std::string::npos)
      return Status::InvalidInput(at + "CAMEO code '" + e.cameo + "' is not 1-4 characters");
  }
  return Status::Ok();
}

// Two reports can be of one event when their dates are compatible; an undated
// report is compatible only with an undated one (it could be any of them).
bool report_dates_match(const Date& a, const Date& b) {
  if (!a.known() || !b.known()) return !a.known() && !b.known();
  return a.compatible(b);
}

bool same_root(std::string_view a, std::string_view b) {
  return a.size() >= 2 && b.size() >= 2 && a.substr(0, 2) == b.substr(0, 2);
}

// The read-before-write of one commit's events: resolves event reports to
// stored (or earlier in this commit) edges. Reads see the store as of the
// commit's start; the commit lock keeps it so.
class ReportPlacer {
 public:
  // An edge this commit writes to, with its date and code after every report
  // so far (the same rules the edges merge operator applies).
  struct Touched {
    EdgeId id = 0;
    NodeId source = 0, target = 0;
    std::uint8_t flags = 0;
    std::string cameo;
    Date date;
    bool stored = false;              // the edge existed before this commit
    std::int32_t stored_key = 0;      // its indexed date key and code then
    std::string stored_cameo;
  };

  explicit ReportPlacer(GraphStore::Impl& im) : im_(im) {}

  // The edge id `report` belongs to; records the report's effect in `touched`.
  Result<EdgeId> place(const EventEdge& report, std::uint8_t flags, CommitResult& result) {
    // The candidate with the most precise date wins; on ties the first seen
    // (this commit's edges first, then the store's in key order).
    Touched* best = nullptr;
    for (Touched& t : touched)
      if (t.source == report.source && t.target == report.target && t.flags == flags &&
          same_root(t.cameo, report.cameo) && report_dates_match(t.date, report.date) &&
          (best == nullptr || t.date.precision > best->date.precision))
        best = &t;
    int best_precision = best != nullptr ? static_cast<int>(best->date.precision) : -1;
    std::optional<Touched> found;
    Status s = scan_candidates(report, flags, [&](const keys::AdjKey& k) {
      for (const Touched& t : touched)
        if (t.id == k.edge) return;   // seen above with its current state
      const Date date = Date::FromKey(k.date_key);
      if (static_cast<int>(date.precision) <= best_precision) return;
      best_precision = static_cast<int>(date.precision);
      Touched t;
      t.id = k.edge;
      t.source = report.source;
      t.target = report.target;
      t.flags = flags;
      t.cameo = k.cameo;
      t.date = date;
      t.stored = true;
      t.stored_key = k.date_key;
      t.stored_cameo = k.cameo;
      found = std::move(t);
    });
    if (!s.ok()) return s;
    if (found) {
      touched.push_back(std::move(*found));
      best = &touched.back();
    }
    if (best == nullptr) {
      Touched t;
      t.id = event_id(report.source, report.target, report.cameo, report.date, report.negated,
                      report.hypothetical);
      t.source = report.source;
      t.target = report.target;
      t.flags = flags;
      t.cameo = report.cameo;
      t.date = report.date;
      touched.push_back(std::move(t));
      return touched.back().id;
    }
    ++result.merged_reports;
    if (codec::date_wins(best->date, report.date)) best->date = report.date;
    if (codec::cameo_wins(best->cameo, report.cameo)) best->cameo = report.cameo;
    return best->id;
  }

  std::deque<Touched> touched;   // deque: `best` pointers stay valid on push_back

 private:
  // Stored outgoing events of report.source towards report.target that could
  // be this report: only the date keys compatible with its date are read (the
  // year key, the month key and the day key, or the whole month / year).
  template <typename Fn>
  Status scan_candidates(const EventEdge& report, std::uint8_t flags, Fn&& fn) {
    const Date& d = report.date;
    std::vector<std::pair<std::int32_t, std::int32_t>> ranges;
    if (!d.known()) {
      ranges.emplace_back(0, 0);
    } else {
      const std::int32_t y = d.year * 10000;
      if (d.precision == DatePrecision::kYear) {
        ranges.emplace_back(y, y + 9999);
      } else {
        const std::int32_t m = y + d.month * 100;
        ranges.emplace_back(y, y);
        if (d.precision == DatePrecision::kMonth) {
          ranges.emplace_back(m, m + 99);
        } else {
          ranges.emplace_back(m, m);
          ranges.emplace_back(d.key(), d.key());
        }
      }
    }
    if (!adj_) adj_ = im_.new_iterator(kAdj);
    const std::string node_prefix = keys::adj_prefix(keys::kDirOut, report.source);
    keys::AdjKey k;
    keys::AdjValue v;
    for (const auto& [lo, hi] : ranges) {
      for (adj_->Seek(keys::adj_prefix(keys::kDirOut, report.source, lo));
           adj_->Valid() && adj_->key().starts_with(node_prefix); adj_->Next()) {
        if (!keys::decode_adj_key(view(adj_->key()), k) || !keys::decode_adj_value(view(adj_->value()), v))
          return Status::Corruption("malformed adjacency entry");
        if (k.date_key > hi) break;
        if (v.other != report.target || v.flags != flags || !same_root(k.cameo, report.cameo)) continue;
        if (!report_dates_match(Date::FromKey(k.date_key), d)) continue;
        fn(k);
      }
      if (Status s = from_rocks(adj_->status(), "adjacency scan"); !s.ok()) return s;
    }
    return Status::Ok();
  }

  GraphStore::Impl& im_;
  std::unique_ptr<rdb::Iterator> adj_;
};

// Writes one commit's merge operands into its batch. Every kMaxMergeChain-th
// operand of a key (per the store's counters) becomes a Put of the key's
// whole record instead: the stored value with the operand merged in, exactly
// what the merge operator would make of it. So a read of a popular node
// never merges more than about that many operands, which RocksDB's
// max_successive_merges would ensure at the cost of a memtable walk per
// merge. An event's record grows with its reports, and rewriting it every
// 32 reports made ingesting N reports of one event quadratic (200,000: 531
// s): an edge folds again only after half as many operands as its record
// holds reports, so the records rewritten form a geometric series (total
// work about 3 times the final record) and a read merges at most half the
// record again in small operands. A key written earlier in the same batch
// is never folded (the read would not see the batch's own operand).
class MergeWriter {
 public:
  static constexpr std::uint32_t kMaxMergeChain = 32;

  MergeWriter(GraphStore::Impl& im, rdb::WriteBatchBase& batch) : im_(im), batch_(batch) {}

  Status node(const std::string& key, const Node& partial) {
    return write<Node>(kNodes, key, codec::encode(partial));
  }
  Status edge(const std::string& key, const EventEdge& partial) {
    return write<EventEdge>(kEdges, key, codec::encode(partial));
  }
  // One more article for a name of a node (names values are counts).
  Status name(const std::string& key) { return write<std::uint64_t>(kNames, key, one_); }

 private:
  template <typename Record>
  Status write(Family f, const std::string& key, const std::string& operand) {
    if (im_.merge_chain.empty()) im_.merge_chain.resize(std::size_t{1} << 18);
    const std::uint64_t h = stable_hash64(key) ^ (static_cast<std::uint64_t>(f) * 0x9E3779B97F4A7C15ull);
    GraphStore::Impl::MergeChain& chain = im_.merge_chain[h & (im_.merge_chain.size() - 1)];
    const std::uint32_t limit = std::max(kMaxMergeChain, chain.fold_at);
    const bool in_batch = std::find(written_.begin(), written_.end(), std::pair(f, key)) != written_.end();
    if (++chain.operands < limit || in_batch) {
      if (chain.operands >= limit) chain.operands = limit - 1;
      if (f == kEdges) written_.emplace_back(f, key);
      batch_.Merge(im_.cf(f), key, operand);
      return Status::Ok();
    }
    chain.operands = 0;
    std::string stored;
    Status s = im_.get(f, key, stored);
    if (s.is_not_found()) {
      batch_.Put(im_.cf(f), key, operand);
      return Status::Ok();
    }
    if (!s.ok()) return s;
    if constexpr (std::is_same_v<Record, std::uint64_t>) {
      batch_.Put(im_.cf(f), key,
                 keys::name_count_value(keys::decode_name_count(stored) + keys::decode_name_count(operand)));
    } else {
      Record acc, update;
      if (Status d = codec::decode(stored, acc); !d.ok()) return d;
      if (Status d = codec::decode(operand, update); !d.ok()) return d;
      codec::merge_into(acc, update);
      batch_.Put(im_.cf(f), key, codec::encode(acc));
      if constexpr (std::is_same_v<Record, EventEdge>)
        chain.fold_at = static_cast<std::uint32_t>(std::min<std::size_t>(acc.evidence.size() / 2, UINT32_MAX));
    }
    if (f == kEdges) written_.emplace_back(f, key);
    return Status::Ok();
  }

  GraphStore::Impl& im_;
  rdb::WriteBatchBase& batch_;
  const std::string one_ = keys::name_count_value(1);
  // Keys of this batch that may come again in it: only an edge can (two
  // reports of one event in one article); a node and its names once each.
  std::vector<std::pair<Family, std::string>> written_;
};

// The steps of one commit, in the order they write into its batch: the
// stored version checked (and taken out when it is replaced), the actors
// resolved to nodes, the nodes and names written, the event reports placed
// on edges and written, the edges' index entries, the role edges, then the
// article record and the commit's sequence number. Runs under the commit lock.
class CommitWriter {
 public:
  CommitWriter(GraphStore::Impl& im, const Article& article, const Extraction& ex)
      : im_(im), article_(article), ex_(ex), actors_(im), placer_(im) {}

  Result<CommitResult> run() {
    const std::uint64_t hash = article_content_hash(article_);
    Result<std::optional<ArticleRecord>> stored =
        read_record<ArticleRecord>(im_, kArticles, keys::article_key(article_.id));
    if (!stored.ok()) return stored.status();
    old_ = std::move(*stored);
    if (old_) {
      // A record from before content hashes cannot be told apart: kept.
      if (old_->content_hash == 0 || old_->content_hash == hash) {
        result_.already_present = true;
        return result_;
      }
      if (im_.options.on_changed == ChangedArticle::kKeep) {
        result_.changed_kept = true;
        return result_;
      }
      // A replacement is one batch too: the removal of the old version, then
      // the new version resolved against the store as the removal leaves it
      // (its reads go through the batch, which an index makes readable).
      batch_ = &indexed_;
      if (Status s = remove_contribution(im_, *old_, indexed_); !s.ok()) return s;
      overlay_.emplace(im_, &indexed_);
      result_.replaced = true;
    }
    start_record(hash);
    if (Status s = resolve_actors(); !s.ok()) return s;
    MergeWriter merges(im_, *batch_);
    if (Status s = write_nodes(merges); !s.ok()) return s;
    if (Status s = write_events(merges); !s.ok()) return s;
    write_event_index();
    write_roles();
    return write();
  }

 private:
  void start_record(std::uint64_t hash) {
    record_.id = article_.id;
    record_.title = article_.title;
    record_.date = article_.date;
    record_.source = article_.source;
    record_.url = article_.url;
    record_.ingested_at = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    record_.text_bytes = article_text_bytes(article_);
    record_.content_hash = hash;
  }

  // Nodes: one partial record per distinct id (two actors of one article that
  // resolve to one node still count as one article).
  Status resolve_actors() {
    ids_.assign(ex_.actors.size(), 0);
    // A common noun ("the agreement") that no event of the article uses names
    // nothing the graph can link: it gets no node.
    std::vector<bool> in_event(ex_.actors.size(), false);
    for (const ExtractedEvent& e : ex_.events)
      for (int k : {e.source, e.target, e.location})
        if (k >= 0) in_event[static_cast<std::size_t>(k)] = true;
    std::unordered_map<NodeId, std::size_t> partial_of;
    for (std::size_t i = 0; i < ex_.actors.size(); ++i) {
      const ExtractedActor& a = ex_.actors[i];
      if (a.naming == Naming::kCommon && !in_event[i]) continue;
      const NodeId own = node_id(a, article_.id);
      Result<NodeId> resolved = resolve_actor(a, own, article_.date, actors_);
      if (!resolved.ok()) return resolved.status();
      const NodeId id = *resolved;
      ids_[i] = id;
      if (id != own) ++result_.resolved_actors;
      if (a.kind == NodeKind::kCountry && !a.country.empty())
        country_nodes_.emplace(ascii_upper(a.country), id);
      Node p = partial_node(a, id, own);
      auto [it, fresh] = partial_of.emplace(id, partials_.size());
      if (fresh) {
        partials_.push_back(std::move(p));
      } else {
        p.articles = 0;
        codec::merge_into(partials_[it->second], p);
      }
    }
    return Status::Ok();
  }

  // What this article says of node `id`, which actor `a` (of id `own`) became.
  Node partial_node(const ExtractedActor& a, NodeId id, NodeId own) const {
    Node p;
    p.id = id;
    p.kind = a.kind;
    p.name = a.name;
    // Under another node the actor's own name is one more alias of it.
    if (id != own) p.aliases.push_back(a.name);
    for (const auto& alias : a.aliases)
      if (!alias.empty() && alias != a.name) p.aliases.push_back(alias);
    p.country = a.country;
    p.sector = a.sector;
    p.code = a.code;
    p.naming = a.naming;
    if (!a.country.empty()) p.country_date = article_.date;
    p.roles = a.roles;
    p.mentions = std::max<std::uint32_t>(a.mentions, 1);
    p.articles = 1;
    p.first_seen = article_.date;
    p.last_seen = article_.date;
    return p;
  }

  Status write_nodes(MergeWriter& merges) {
    for (const Node& p : partials_) {
      if (Status s = merges.node(keys::node_key(p.id), p); !s.ok()) return s;
      // Each distinct name once per article: the count is of articles.
      std::vector<std::string> names;
      auto add_name = [&](std::string_view name) {
        std::string n = normalize_name(name);
        if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end())
          names.push_back(std::move(n));
      };
      add_name(p.name);
      for (const auto& alias : p.aliases) add_name(alias);
      for (const auto& n : names)
        if (Status s = merges.name(keys::name_key(n, p.id)); !s.ok()) return s;
      record_.nodes.push_back(p.id);
      record_.node_mentions.push_back(p.mentions);
      record_.node_names.push_back(std::move(names));
    }
    return Status::Ok();
  }

  // Event edges: each report merges into the edge of the same event when one
  // is stored or was written earlier in this commit, else makes a new edge.
  Status write_events(MergeWriter& merges) {
    std::unordered_map<EdgeId, std::uint32_t> reports_of;
    for (const ExtractedEvent& e : ex_.events) {
      EventEdge p = report_of(e);
      Result<EdgeId> id = placer_.place(p, keys::event_flags(p.negated, p.hypothetical), result_);
      if (!id.ok()) return id.status();
      p.id = *id;
      if (Status s = merges.edge(keys::edge_key(p.id), p); !s.ok()) return s;
      if (reports_of[p.id]++ == 0) record_.edges.push_back(p.id);
    }
    for (EdgeId id : record_.edges) record_.edge_reports.push_back(reports_of[id]);
    return Status::Ok();
  }

  // One report as a partial edge record, between the resolved nodes.
  EventEdge report_of(const ExtractedEvent& e) const {
    EventEdge p;
    p.source = ids_[static_cast<std::size_t>(e.source)];
    p.target = ids_[static_cast<std::size_t>(e.target)];
    if (e.symmetric && p.source > p.target) std::swap(p.source, p.target);  // canonical direction
    p.cameo = e.cameo;
    p.relation = e.relation;
    p.date = e.date;
    p.location = e.location >= 0 ? ids_[static_cast<std::size_t>(e.location)] : 0;
    if (p.location != 0) p.place = e.place;
    p.negated = e.negated;
    p.hypothetical = e.hypothetical;
    p.confidence = e.confidence;
    p.quote = e.quote;
    p.mentions = 1;
    if (!article_.source.empty()) p.sources.push_back(article_.source);
    p.articles.push_back(article_.id);
    Evidence ev = e.evidence;
    ev.article_id = article_.id;
    if (ev.source.empty()) ev.source = article_.source;
    ev.cameo = e.cameo;
    ev.date = e.date;
    p.evidence.push_back(std::move(ev));
    return p;
  }

  // Index entries of the edges this commit touched, at their final date and
  // code: new edges get theirs, stored edges whose date or code changed move.
  void write_event_index() {
    for (const ReportPlacer::Touched& t : placer_.touched) {
      const std::int32_t dk = t.date.key();
      if (t.stored) {
        if (dk == t.stored_key && t.cameo == t.stored_cameo) continue;
        delete_event_index(im_, *batch_, t.source, t.target, t.stored_key, t.stored_cameo, t.id);
      }
      put_event_index(im_, *batch_, t.source, t.target, dk, t.cameo, t.id, t.flags);
    }
  }

  // Role edges to the countries this article names.
  void write_roles() {
    for (std::size_t i = 0; i < ex_.actors.size(); ++i) {
      for (const Role& role : ex_.actors[i].roles) {
        if (role.country.empty()) continue;
        auto it = country_nodes_.find(ascii_upper(role.country));
        if (ids_[i] == 0 || it == country_nodes_.end() || it->second == ids_[i]) continue;
        StaticEdge se{ids_[i], it->second, StaticRelation::kRole, role};
        batch_->Put(im_.cf(kStatic), keys::static_key(se), codec::encode(se));
        ++result_.static_edges;
        if (std::find(record_.static_edges.begin(), record_.static_edges.end(), se) == record_.static_edges.end())
          record_.static_edges.push_back(std::move(se));
      }
    }
  }

  // The article record, the commit's sequence number, then the one write.
  Result<CommitResult> write() {
    batch_->Put(im_.cf(kArticles), keys::article_key(article_.id), codec::encode(record_));
    // The commit's sequence number, in the same batch: what an open after a
    // damaged write-ahead log holds, to compare with the commit journal.
    std::string last_commit;
    keys::put_u64(last_commit, im_.commit_seq + 1);
    last_commit += article_.id;
    batch_->Put(im_.cf(kMeta), std::string(keys::kMetaLastCommit), last_commit);
    result_.nodes = static_cast<std::uint32_t>(record_.nodes.size());
    result_.events = static_cast<std::uint32_t>(record_.edges.size());

    if (im_.fail_next_write) {
      im_.fail_next_write = false;
      return Status::IOError("injected write failure (test hook)");
    }
    rdb::WriteOptions wo;
    wo.sync = im_.options.sync_writes;
    rdb::WriteBatch* written = old_ ? indexed_.GetWriteBatch() : &plain_;
    if (Status s = from_rocks(im_.db->Write(wo, written), "commit of article " + article_.id); !s.ok())
      return s;
    ++im_.commit_seq;
    if (Status s = im_.committed(article_.id); !s.ok()) return s;
    return result_;
  }

  GraphStore::Impl& im_;
  const Article& article_;
  const Extraction& ex_;
  CommitResult result_;
  std::optional<ArticleRecord> old_;
  ArticleRecord record_;
  // Declared before the readers below, which may iterate over the overlay:
  // they go first.
  rdb::WriteBatch plain_;
  rdb::WriteBatchWithIndex indexed_{rdb::BytewiseComparator(), 0, /*overwrite_key=*/false};
  rdb::WriteBatchBase* batch_ = &plain_;   // &indexed_ for a replacement
  std::optional<OverlayScope> overlay_;
  StoredActors actors_;
  ReportPlacer placer_;
  std::vector<NodeId> ids_;                 // node of each actor (0: none)
  std::vector<Node> partials_;
  std::unordered_map<std::string, NodeId> country_nodes_;   // ISO code -> country actor's node
};

}  // namespace

Result<CommitResult> GraphStore::commit(const Article& article, const Extraction& ex) {
  Impl& im = *impl_;
  if (im.options.read_only) return Status::InvalidInput("the database is open read-only");
  if (Status s = validate(article, ex); !s.ok()) return s;

  std::lock_guard<std::mutex> lock(im.commit_mu);
  const RocksdbCall call;
  return CommitWriter(im, article, ex).run();
}

}  // namespace geokg
