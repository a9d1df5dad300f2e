#pragma once
// Internal (graph/ only): what the files of GraphStore share, in the manner
// of RocksDB's db_impl.h beside db_impl_open.cc, db_impl_write.cc, ...:
//   store_open.cpp        Open: create, open a writer, open a reader beside one
//   store_durability.cpp  the commit journal, flushes, lost commits
//   store_write.cpp       commit(): one article, one WriteBatch (CommitWriter)
//   store_actors.cpp      the stored actors as the identity policy reads them
//   store_replace.cpp     taking a changed article's old version out
//   store_read.cpp        point reads, scans, counts
//   store_verify.cpp      verify() (Verifier)
//   merge_operators.cpp   the RocksDB merge operators of nodes, edges, names
//   store_internal.cpp    StoreInternals (store_internal.hpp)

#include <rocksdb/db.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/utilities/write_batch_with_index.h>
#include <rocksdb/write_batch.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/graph/codec.hpp"
#include "geokg/graph/keys.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/identity/actor_resolver.hpp"
#include "commit_journal.hpp"

namespace geokg {

namespace rdb = ROCKSDB_NAMESPACE;

namespace detail {

enum Family : std::size_t { kMeta, kNodes, kNames, kEdges, kStatic, kAdj, kTimeline, kArticles, kFamilyCount };

inline constexpr std::array<const char*, kFamilyCount> kFamilyNames = {
    keys::kMetaFamily,   keys::kNodesFamily, keys::kNamesFamily,    keys::kEdgesFamily,
    keys::kStaticFamily, keys::kAdjFamily,   keys::kTimelineFamily, keys::kArticlesFamily};

inline std::string_view view(const rdb::Slice& s) { return {s.data(), s.size()}; }

inline Status from_rocks(const rdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::Ok();
  std::string m = std::string(context) + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(std::move(m));
  if (s.IsCorruption()) return Status::Corruption(std::move(m));
  if (s.IsIOError()) return Status::IOError(std::move(m));
  if (s.IsBusy() || s.IsTimedOut()) return Status::Busy(std::move(m));
  return Status::IOError(std::move(m));
}

// ---- the one prefix iterator -------------------------------------------------------

// Iterates the keys of one family that start with `prefix`, from `seek` (a key
// >= prefix; the prefix itself by default). Stops at the end of the prefix
// through an upper bound and a starts_with check; status() must be consulted
// when iteration ends, since an I/O error also ends it.
class PrefixCursor {
 public:
  PrefixCursor(rdb::DB* db, rdb::ColumnFamilyHandle* cf, std::string prefix,
               std::string_view seek = {}, bool fill_cache = true)
      : prefix_(std::move(prefix)), upper_(keys::prefix_successor(prefix_)), upper_slice_(upper_) {
    rdb::ReadOptions ro;
    ro.fill_cache = fill_cache;
    if (!upper_.empty()) ro.iterate_upper_bound = &upper_slice_;
    it_.reset(db->NewIterator(ro, cf));
    if (seek.empty() || seek < std::string_view(prefix_)) it_->Seek(prefix_);
    else it_->Seek(rdb::Slice(seek.data(), seek.size()));
  }
  PrefixCursor(const PrefixCursor&) = delete;
  PrefixCursor& operator=(const PrefixCursor&) = delete;

  bool valid() const { return it_->Valid() && it_->key().starts_with(prefix_); }
  void next() { it_->Next(); }
  std::string_view key() const { return view(it_->key()); }
  std::string_view value() const { return view(it_->value()); }
  Status status() const { return from_rocks(it_->status(), "scan"); }

 private:
  std::string prefix_;
  std::string upper_;
  rdb::Slice upper_slice_;
  std::unique_ptr<rdb::Iterator> it_;
};

using KeyValueFn = std::function<bool(std::string_view key, std::string_view value)>;

// Every scan of the store goes through here (or through a PrefixCursor when it
// must interleave two ranges).
Status scan_prefix(rdb::DB* db, rdb::ColumnFamilyHandle* cf, std::string prefix,
                   std::string_view seek, const KeyValueFn& fn);

// The merge operators of the nodes, edges and names families (merge_operators.cpp).
std::shared_ptr<rdb::MergeOperator> node_merge_operator();
std::shared_ptr<rdb::MergeOperator> edge_merge_operator();
std::shared_ptr<rdb::MergeOperator> name_count_operator();

}  // namespace detail

// ---- Impl: owns the DB and its column-family handles --------------------------------

class GraphStore::Impl {
 public:
  ~Impl() {
    if (!db) return;
    // Flushing on close spares the next open (writer or reader) replaying
    // the write-ahead log and its merge operands. (A writer that must know
    // the flush worked calls flush() first.)
    if (!options.read_only) {
      (void)flush_all();
      stop_writing();
    }
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    handles.clear();
    db->Close().PermitUncheckedError();
  }

  rdb::ColumnFamilyHandle* cf(detail::Family f) const { return families[f]; }

  // Point reads see the batch of a replacing commit while it is built (overlay).
  Status get(detail::Family f, std::string_view key, std::string& value) const {
    const rdb::Slice k(key.data(), key.size());
    const rdb::Status s = overlay ? overlay->GetFromBatchAndDB(db.get(), rdb::ReadOptions(), cf(f), k, &value)
                                  : db->Get(rdb::ReadOptions(), cf(f), k, &value);
    if (s.IsNotFound()) return Status::NotFound();
    return detail::from_rocks(s, "read");
  }
  // The same read without copying the value: it stays pinned in the block
  // cache (or memtable) while `value` lives. For records decoded right away.
  Status get(detail::Family f, std::string_view key, rdb::PinnableSlice& value) const {
    const rdb::Slice k(key.data(), key.size());
    const rdb::Status s = overlay ? overlay->GetFromBatchAndDB(db.get(), rdb::ReadOptions(), cf(f), k, &value)
                                  : db->Get(rdb::ReadOptions(), cf(f), k, &value);
    if (s.IsNotFound()) return Status::NotFound();
    return detail::from_rocks(s, "read");
  }
  // An iterator for commit's reads, through the overlay when there is one.
  std::unique_ptr<rdb::Iterator> new_iterator(detail::Family f) const {
    rdb::Iterator* base = db->NewIterator(rdb::ReadOptions(), cf(f));
    return std::unique_ptr<rdb::Iterator>(overlay ? overlay->NewIteratorWithBase(cf(f), base) : base);
  }

  Status scan(detail::Family f, std::string prefix, std::string_view seek, const detail::KeyValueFn& fn) const {
    return detail::scan_prefix(db.get(), cf(f), std::move(prefix), seek, fn);
  }

  Status scan_adjacency(NodeId node, Direction dir, const EdgeFilter& filter,
                        const std::function<bool(const AdjacencyEntry&)>& fn) const;

  // EdgeFilter::min_sources and publishers: the checks that need the edge record.
  Result<bool> record_passes(EdgeId id, const EdgeFilter& filter) const {
    rdb::PinnableSlice v;
    if (Status s = get(detail::kEdges, keys::edge_key(id), v); !s.ok()) return s;
    EventEdge e;
    if (Status s = codec::decode(detail::view(v), e); !s.ok()) return s;
    return edge_source_count(e) >= filter.min_sources && publishers_pass(filter.publishers, e);
  }

  std::string dir;
  StoreOptions options;
  std::unique_ptr<rdb::DB> db;
  std::vector<rdb::ColumnFamilyHandle*> handles;   // every handle opened, for cleanup
  std::array<rdb::ColumnFamilyHandle*, detail::kFamilyCount> families{};
  std::shared_ptr<rdb::Cache> cache;
  std::mutex commit_mu;           // commit() is check-then-write; one at a time
  // Merge operands commit() wrote per key since it last folded the key, and
  // when to fold it next, in a fixed table indexed by a hash of (family,
  // key); see MergeWriter in store_write.cpp. Two keys sharing an entry only fold a little
  // earlier or later. Allocated by the first commit (readers never need it).
  struct MergeChain {
    std::uint32_t operands = 0;
    std::uint32_t fold_at = 0;   // 0: MergeWriter::kMaxMergeChain
  };
  std::vector<MergeChain> merge_chain;
  bool fail_next_write = false;   // test hook (store_internal.hpp)

  // ---- durability (store_durability.cpp) ----
  // Reads what the database holds of its commits and the commit journal;
  // a writer also records lost commits, flushes and starts a fresh journal.
  Status start(bool writer);
  // Flushes every family's memtable (atomically) and starts the journal afresh.
  Status flush_all();
  // A commit was written: journal it, flush when the policy says so.
  Status committed(const std::string& article_id);
  void stop_writing();

  detail::CommitJournal journal;
  std::uint64_t commit_seq = 0;          // sequence number of the last commit
  std::uint32_t commits_since_flush = 0;
  std::chrono::steady_clock::time_point last_flush = std::chrono::steady_clock::now();
  bool writing = false;                  // registered as this process's writer of `dir`
  RecoveryReport recovery;
  // While a replacing commit builds its batch, the reads of that commit go
  // through it (the old version's contribution is gone before the new one is
  // resolved against the store).
  rdb::WriteBatchWithIndex* overlay = nullptr;
};

namespace detail {

// Reads and decodes one record; nullopt when there is none.
template <typename Record>
Result<std::optional<Record>> read_record(const GraphStore::Impl& im, Family f, const std::string& key) {
  rdb::PinnableSlice v;
  Status s = im.get(f, key, v);
  if (s.is_not_found()) return std::optional<Record>();
  if (!s.ok()) return s;
  Record r;
  if (Status d = codec::decode(view(v), r); !d.ok()) return d;
  return std::optional<Record>(std::move(r));
}

// The three index entries of an event edge: adjacency out and in, timeline
// (store_write.cpp).
void put_event_index(const GraphStore::Impl& im, rdb::WriteBatchBase& batch, NodeId source, NodeId target,
                     std::int32_t date_key, const std::string& cameo, EdgeId id, std::uint8_t flags);
void delete_event_index(const GraphStore::Impl& im, rdb::WriteBatchBase& batch, NodeId source, NodeId target,
                        std::int32_t date_key, const std::string& cameo, EdgeId id);

// Writes into `batch` the removal of what `old` contributed (see store.hpp;
// store_replace.cpp):
// its reports leave their edges (an edge left without reports goes, with its
// index entries; one whose date or code came from the removed reports moves
// to what its remaining reports give), its mentions and name counts leave
// its nodes (a name no article gives any more goes, a node no article
// mentions goes with its names and the role edges this article wrote to or
// from it), and the article record goes.
// REQUIRES: old.content_hash != 0 (the record says what the article gave).
Status remove_contribution(GraphStore::Impl& im, const ArticleRecord& old, rdb::WriteBatchBase& batch);

// Points the store's commit reads at a batch while it lives.
class OverlayScope {
 public:
  OverlayScope(GraphStore::Impl& im, rdb::WriteBatchWithIndex* batch) : im_(im) { im_.overlay = batch; }
  ~OverlayScope() { im_.overlay = nullptr; }
  OverlayScope(const OverlayScope&) = delete;
  OverlayScope& operator=(const OverlayScope&) = delete;

 private:
  GraphStore::Impl& im_;
};

// The stored actors of one commit as the identity policy (resolve_actor,
// geokg/identity/actor_resolver.hpp) reads them (store_actors.cpp). Reads
// see the store as of the commit's start; the commit lock keeps it so.
class StoredActors final : public ActorDirectory {
 public:
  explicit StoredActors(GraphStore::Impl& im) : im_(im) {}

  Result<const Node*> node(NodeId id) override;
  Result<std::vector<NodeId>> named(const std::string& norm) override;

 private:
  GraphStore::Impl& im_;
  std::unordered_map<NodeId, std::optional<Node>> nodes_;   // decoded once; pointers stay valid
  std::unique_ptr<rdb::Iterator> names_;
};

}  // namespace detail

}  // namespace geokg
