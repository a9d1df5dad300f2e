#include "geokg/graph/store.hpp"

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/write_batch_with_index.h>
#include <rocksdb/write_batch.h>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "geokg/core/ids.hpp"
#include "geokg/graph/codec.hpp"
#include "geokg/graph/keys.hpp"
#include "store_internal.hpp"
#include "commit_journal.hpp"

namespace geokg {

namespace rdb = ROCKSDB_NAMESPACE;

namespace {

enum Family : std::size_t { kMeta, kNodes, kNames, kEdges, kStatic, kAdj, kTimeline, kArticles, kFamilyCount };

constexpr std::array<const char*, kFamilyCount> kFamilyNames = {
    keys::kMetaFamily,   keys::kNodesFamily, keys::kNamesFamily,    keys::kEdgesFamily,
    keys::kStaticFamily, keys::kAdjFamily,   keys::kTimelineFamily, keys::kArticlesFamily};

std::string_view view(const rdb::Slice& s) { return {s.data(), s.size()}; }

Status from_rocks(const rdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::Ok();
  std::string m = std::string(context) + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(std::move(m));
  if (s.IsCorruption()) return Status::Corruption(std::move(m));
  if (s.IsIOError()) return Status::IOError(std::move(m));
  if (s.IsBusy() || s.IsTimedOut()) return Status::Busy(std::move(m));
  return Status::IOError(std::move(m));
}

// RocksDB reports a held LOCK file as an IOError whose text depends on who
// holds it: this process ("lock hold by current process") or another one
// (flock's EAGAIN / ENOLCK strings).
bool is_lock_error(const rdb::Status& s) {
  if (!s.IsIOError()) return false;
  const std::string m = s.ToString();
  return m.find("lock hold by current process") != std::string::npos ||
         m.find("Resource temporarily unavailable") != std::string::npos ||
         m.find("No locks available") != std::string::npos;
}

// ---- merge operators: partial records fold into the stored one ----------------

// Full merge decodes the base and every operand once and encodes once, so
// reading a node mentioned by thousands of articles stays linear (the pairwise
// AssociativeMergeOperator re-encodes after every operand: quadratic).
template <typename Record>
class RecordMerge final : public rdb::MergeOperator {
 public:
  explicit RecordMerge(const char* name) : name_(name) {}

  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    return fold(in.existing_value, in.operand_list, out->new_value);
  }

  bool PartialMergeMulti(const rdb::Slice&, const std::deque<rdb::Slice>& operands,
                         std::string* new_value, rdb::Logger*) const override {
    return fold(nullptr, operands, *new_value);
  }

  const char* Name() const override { return name_; }

 private:
  // A record that does not decode cannot be merged; returning false makes
  // RocksDB report Corruption to the reader, which is what it is.
  template <typename Operands>
  static bool fold(const rdb::Slice* base, const Operands& operands, std::string& out) {
    Record acc, update;
    auto it = operands.begin();
    if (base != nullptr) {
      if (!codec::decode(view(*base), acc).ok()) return false;
    } else {
      if (it == operands.end() || !codec::decode(view(*it), acc).ok()) return false;
      ++it;
    }
    if constexpr (std::is_same_v<Record, EventEdge>) {
      // An event's lists grow with its reports: EdgeFold keeps the fold linear.
      codec::EdgeFold edge(std::move(acc));
      for (; it != operands.end(); ++it) {
        if (!codec::decode(view(*it), update).ok()) return false;
        edge.add(update);
      }
      out = codec::encode(edge.result());
    } else {
      for (; it != operands.end(); ++it) {
        if (!codec::decode(view(*it), update).ok()) return false;
        codec::merge_into(acc, update);
      }
      out = codec::encode(acc);
    }
    return true;
  }

  const char* name_;
};

// names values are evidence counts: operands add up (8-byte LE, "" = 0).
class CountAdd final : public rdb::AssociativeMergeOperator {
 public:
  bool Merge(const rdb::Slice&, const rdb::Slice* existing, const rdb::Slice& value,
             std::string* new_value, rdb::Logger*) const override {
    const std::uint64_t base = existing ? keys::decode_name_count(view(*existing)) : 0;
    *new_value = keys::name_count_value(base + keys::decode_name_count(view(value)));
    return true;
  }
  const char* Name() const override { return "geokg.CountAdd.v1"; }
};

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
                   std::string_view seek, const KeyValueFn& fn) {
  PrefixCursor c(db, cf, std::move(prefix), seek);
  for (; c.valid(); c.next())
    if (!fn(c.key(), c.value())) break;
  return c.status();
}

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

std::string meta_u32(std::uint32_t v) {
  std::string s;
  keys::put_u32(s, v);
  return s;
}

}  // namespace

bool publisher_matches(std::string_view publisher, std::string_view name) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty() || name.size() > publisher.size()) return false;
  for (std::size_t at = 0; at + name.size() <= publisher.size(); ++at) {
    if (at > 0 && word_char(publisher[at - 1]) && word_char(name.front())) continue;
    const std::size_t end = at + name.size();
    if (end < publisher.size() && word_char(publisher[end]) && word_char(name.back())) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < name.size(); ++i) same = lower(publisher[at + i]) == lower(name[i]);
    if (same) return true;
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

  rdb::ColumnFamilyHandle* cf(Family f) const { return families[f]; }

  // Point reads see the batch of a replacing commit while it is built (overlay).
  Status get(Family f, std::string_view key, std::string& value) const {
    const rdb::Slice k(key.data(), key.size());
    const rdb::Status s = overlay ? overlay->GetFromBatchAndDB(db.get(), rdb::ReadOptions(), cf(f), k, &value)
                                  : db->Get(rdb::ReadOptions(), cf(f), k, &value);
    if (s.IsNotFound()) return Status::NotFound();
    return from_rocks(s, "read");
  }
  // The same read without copying the value: it stays pinned in the block
  // cache (or memtable) while `value` lives. For records decoded right away.
  Status get(Family f, std::string_view key, rdb::PinnableSlice& value) const {
    const rdb::Slice k(key.data(), key.size());
    const rdb::Status s = overlay ? overlay->GetFromBatchAndDB(db.get(), rdb::ReadOptions(), cf(f), k, &value)
                                  : db->Get(rdb::ReadOptions(), cf(f), k, &value);
    if (s.IsNotFound()) return Status::NotFound();
    return from_rocks(s, "read");
  }
  // An iterator for commit's reads, through the overlay when there is one.
  std::unique_ptr<rdb::Iterator> new_iterator(Family f) const {
    rdb::Iterator* base = db->NewIterator(rdb::ReadOptions(), cf(f));
    return std::unique_ptr<rdb::Iterator>(overlay ? overlay->NewIteratorWithBase(cf(f), base) : base);
  }

  Status scan(Family f, std::string prefix, std::string_view seek, const KeyValueFn& fn) const {
    return scan_prefix(db.get(), cf(f), std::move(prefix), seek, fn);
  }

  Status scan_adjacency(NodeId node, Direction dir, const EdgeFilter& filter,
                        const std::function<bool(const AdjacencyEntry&)>& fn) const;
  Result<VerifyReport> verify() const;

  // EdgeFilter::min_sources and publishers: the checks that need the edge record.
  Result<bool> record_passes(EdgeId id, const EdgeFilter& filter) const {
    rdb::PinnableSlice v;
    if (Status s = get(kEdges, keys::edge_key(id), v); !s.ok()) return s;
    EventEdge e;
    if (Status s = codec::decode(view(v), e); !s.ok()) return s;
    return edge_source_count(e) >= filter.min_sources && publishers_pass(filter.publishers, e);
  }

  std::string dir;
  StoreOptions options;
  std::unique_ptr<rdb::DB> db;
  std::vector<rdb::ColumnFamilyHandle*> handles;   // every handle opened, for cleanup
  std::array<rdb::ColumnFamilyHandle*, kFamilyCount> families{};
  std::shared_ptr<rdb::Cache> cache;
  std::mutex commit_mu;           // commit() is check-then-write; one at a time
  // Merge operands commit() wrote per key since it last folded the key, and
  // when to fold it next, in a fixed table indexed by a hash of (family,
  // key); see MergeWriter. Two keys sharing an entry only fold a little
  // earlier or later. Allocated by the first commit (readers never need it).
  struct MergeChain {
    std::uint32_t operands = 0;
    std::uint32_t fold_at = 0;   // 0: MergeWriter::kMaxMergeChain
  };
  std::vector<MergeChain> merge_chain;
  bool fail_next_write = false;   // test hook (store_internal.hpp)

  // ---- durability (defined under "durability" below) ----
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

namespace {

rdb::ColumnFamilyOptions family_options(Family f, const std::shared_ptr<rdb::Cache>& cache) {
  rdb::ColumnFamilyOptions o;
  const auto supported = rdb::GetSupportedCompressions();
  auto has = [&](rdb::CompressionType t) {
    return std::find(supported.begin(), supported.end(), t) != supported.end();
  };
  if (has(rdb::kLZ4Compression)) o.compression = rdb::kLZ4Compression;
  else if (has(rdb::kSnappyCompression)) o.compression = rdb::kSnappyCompression;
  else o.compression = rdb::kNoCompression;
  // The families a query reads record by record (edges and nodes by point
  // lookup, adjacency by short range scans) keep LZ4 on every level and 4 KiB
  // blocks: a hub's one-year timeline reads ~400 edge records from as many
  // random blocks, and inflating a 16 KiB ZSTD block for each was 45% of its
  // time (measured on the 1M-event bench graph: hub timeline p50 7.7 -> 3.6
  // CPU-ms, store 299 -> 373 MB; bench/README.md). The rest (names, static,
  // timeline, articles) is scanned in bulk or rarely read: ZSTD at the
  // bottommost level, where a compacted store keeps nearly everything.
  const bool point_read = f == kNodes || f == kEdges || f == kAdj;
  if (has(rdb::kZSTD) && !point_read) o.bottommost_compression = rdb::kZSTD;

  rdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.block_size = point_read ? 4 * 1024 : 16 * 1024;
  t.cache_index_and_filter_blocks = true;
  t.pin_l0_filter_and_index_blocks_in_cache = true;
  // Point lookups (node, edge, article by id) skip files through a bloom
  // filter; the scanned families (names, adj, timeline, static) gain nothing.
  if (f == kNodes || f == kEdges || f == kArticles) {
    t.filter_policy.reset(rdb::NewBloomFilterPolicy(10));
    t.whole_key_filtering = true;
  }
  o.table_factory.reset(rdb::NewBlockBasedTableFactory(t));

  // 8 MiB memtables: every commit inserts ~10 entries into them and looks
  // nodes and names up in them; a smaller skiplist keeps that in cache
  // (bulk-corpus ingest: ~1 CPU-s less than with 32-64 MiB; bench/README.md).
  o.write_buffer_size = f == kMeta ? 1 << 20 : 8 << 20;
  switch (f) {
    case kNodes: o.merge_operator = std::make_shared<RecordMerge<Node>>("geokg.NodeMerge.v1"); break;
    case kEdges: o.merge_operator = std::make_shared<RecordMerge<EventEdge>>("geokg.EdgeMerge.v1"); break;
    case kNames: o.merge_operator = std::make_shared<CountAdd>(); break;
    default: break;
  }
  o.max_write_buffer_number = 3;
  o.level_compaction_dynamic_level_bytes = true;
  // Long operand chains are folded by commit() itself (MergeWriter), not by
  // max_successive_merges: RocksDB's count walks the memtable on every merge.
  // Lookups that mostly miss (a new article's id, a new actor's node) skip
  // the memtable's skiplist through a bloom filter.
  if (f == kNodes || f == kArticles) {
    o.memtable_prefix_bloom_size_ratio = 0.02;
    o.memtable_whole_key_filtering = true;
  }
  // Edges are read by ids taken from index entries, so a lookup always finds
  // its key: the bottommost level's bloom filters would only cost memory and
  // a probe per read (the upper levels keep theirs).
  if (f == kEdges) o.optimize_filters_for_hits = true;
  return o;
}

rdb::DBOptions db_options(const StoreOptions& so, bool create) {
  rdb::DBOptions o;
  o.create_if_missing = create;
  // Families are made with the database; one missing later is damage
  // (Open reports it), never to be replaced by an empty one.
  o.create_missing_column_families = create;
  o.max_background_jobs = 2;
  // Every family flushes at the same point, so the table files always hold
  // whole commits: losing the write-ahead log then loses the last commits,
  // never part of one (and point-in-time recovery needs no family ahead of
  // another). A damaged log is replayed up to the damage; the commit journal
  // says what came after.
  o.atomic_flush = true;
  o.wal_recovery_mode = rdb::WALRecoveryMode::kPointInTimeRecovery;
  // RocksDB opens table files on up to 16 threads of its own, and a thread
  // that cannot start there (an address-space limit) ends the process; one
  // is plenty for geokg's few files.
  o.max_file_opening_threads = 1;
  o.db_write_buffer_size = 256 << 20;   // all families together
  o.keep_log_file_num = 3;
  o.max_log_file_size = 4 << 20;
  o.info_log_level = rdb::InfoLogLevel::WARN_LEVEL;
  // A reader keeps every table file open, so a writer's compaction deleting
  // files under it does not pull data away (the files stay readable).
  if (so.read_only) o.max_open_files = -1;
  return o;
}

bool directory_is_empty(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_empty(p, ec) && !ec;
}

}  // namespace

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphStore::~GraphStore() = default;

const std::string& GraphStore::dir() const { return impl_->dir; }
bool GraphStore::read_only() const { return impl_->options.read_only; }

namespace {

// What a read-only open depends on that a live writer may change under it:
// the MANIFEST that CURRENT names and the write-ahead logs. RocksDB reads the
// MANIFEST, then replays the logs it lists; a writer's flush that deletes a
// log between the two leaves the reader without that log's writes (it would
// see fewer articles than a moment before). A reader compares this before and
// after its open and opens again when a log it could have needed vanished.
struct LiveFiles {
  std::string current;
  std::uintmax_t manifest_size = 0;   // grows with every flush and compaction
  std::vector<std::string> logs;      // sorted names of *.log files

  static LiveFiles of(const std::filesystem::path& dir) {
    LiveFiles f;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > 4 && name.ends_with(".log")) f.logs.push_back(name);
    }
    std::sort(f.logs.begin(), f.logs.end());
    std::ifstream in(dir / "CURRENT", std::ios::binary);
    std::getline(in, f.current);
    if (!f.current.empty()) f.manifest_size = std::filesystem::file_size(dir / f.current, ec);
    return f;
  }

  // True when nothing a successful open could have read went away since `before`.
  bool keeps(const LiveFiles& before) const {
    return current == before.current &&
           std::includes(logs.begin(), logs.end(), before.logs.begin(), before.logs.end());
  }
  // True when the writer changed anything (a failed open may then have read
  // a table file a compaction deleted, and is worth repeating).
  bool same_as(const LiveFiles& before) const {
    return keeps(before) && logs == before.logs && manifest_size == before.manifest_size;
  }
};

constexpr int kReaderOpenAttempts = 40;

// Staging directories "<name>.creating-<pid>" left by a process killed while
// it created <name>: removed when that process no longer exists.
void remove_abandoned_staging(const std::filesystem::path& target) {
  std::error_code ec;
  const std::string prefix = target.filename().string() + ".creating-";
  const std::filesystem::path parent = target.parent_path().empty() ? "." : target.parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (::kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH)
      std::filesystem::remove_all(entry.path(), ec);
  }
}

}  // namespace

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& dir,
                                                     const StoreOptions& options) {
  namespace fs = std::filesystem;
  const std::string not_geokg = "'" + dir + "' is not a geokg database";
  // A RocksDB database whose own files were damaged or lost is not "not a
  // geokg database": say what is wrong with it.
  const auto damaged = [&](const std::string& what) {
    return Status::Corruption("database '" + dir + "' is damaged: " + what +
                              ". Its files were changed or lost outside geokg: restore the directory from a "
                              "copy, or ingest again into a new database");
  };
  std::error_code ec;
  const fs::path path(dir);
  const bool exists = fs::exists(path, ec);
  if (exists && !fs::is_directory(path, ec)) return Status::Incompatible(not_geokg + " (not a directory)");
  const bool has_db = exists && fs::exists(path / "CURRENT", ec);
  // Files only a RocksDB database holds (MANIFEST: its record of its files,
  // named by CURRENT; OPTIONS, IDENTITY, table files).
  const auto has_rocksdb_files = [&](const std::string& at) {
    std::error_code e;
    for (const auto& entry : fs::directory_iterator(at, e)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with("MANIFEST-") || name.starts_with("OPTIONS-") || name == "IDENTITY" ||
          name.ends_with(".sst"))
        return true;
    }
    return false;
  };

  // One RocksDB open of `at`, creating it when `creating`.
  auto open_once = [&](const std::string& at, bool creating) -> Result<std::unique_ptr<Impl>> {
    auto impl = std::make_unique<Impl>();
    impl->dir = at;
    impl->options = options;
    impl->cache = rdb::NewLRUCache(std::max<std::size_t>(options.block_cache_mb, 1) << 20);
    const rdb::DBOptions dbo = db_options(options, creating);

    // Every family present must be opened by a writer; a reader opens ours only.
    std::vector<std::string> present;
    if (!creating) {
      const rdb::Status s = rdb::DB::ListColumnFamilies(dbo, at, &present);
      if (!s.ok()) {
        if (has_rocksdb_files(at))
          return damaged("its CURRENT or MANIFEST file cannot be read (RocksDB: " + s.ToString() + ")");
        if (s.IsCorruption() || s.IsInvalidArgument()) return Status::Incompatible(not_geokg);
        return from_rocks(s, "cannot read the database in '" + dir + "'");
      }
      const auto has = [&](const char* name) {
        return std::find(present.begin(), present.end(), name) != present.end();
      };
      const bool any_ours = std::any_of(kFamilyNames.begin(), kFamilyNames.end(), has);
      if (!has(keys::kMetaFamily)) {
        if (any_ours) return damaged("its 'meta' column family is missing (a MANIFEST cut short?)");
        return Status::Incompatible(not_geokg + " (a RocksDB database without geokg metadata)");
      }
      // Every family is made with the database: one missing is damage, and
      // a writer must not replace it with an empty one.
      for (const char* name : kFamilyNames)
        if (!has(name))
          return damaged(std::string("column family '") + name + "' is missing (a MANIFEST cut short?)");
    }

    std::vector<rdb::ColumnFamilyDescriptor> descriptors;
    descriptors.emplace_back(rdb::kDefaultColumnFamilyName, rdb::ColumnFamilyOptions());
    for (std::size_t f = 0; f < kFamilyCount; ++f)
      descriptors.emplace_back(kFamilyNames[f], family_options(static_cast<Family>(f), impl->cache));
    if (!options.read_only) {
      for (const auto& name : present) {
        const bool known = name == rdb::kDefaultColumnFamilyName ||
                           std::find(kFamilyNames.begin(), kFamilyNames.end(), name) != kFamilyNames.end();
        if (!known) descriptors.emplace_back(name, rdb::ColumnFamilyOptions());
      }
    }

    rdb::DB* raw = nullptr;
    const rdb::Status s =
        options.read_only
            ? rdb::DB::OpenForReadOnly(dbo, at, descriptors, &impl->handles, &raw)
            : rdb::DB::Open(dbo, at, descriptors, &impl->handles, &raw);
    if (!s.ok()) {
      if (is_lock_error(s))
        return Status::Busy("database '" + dir + "' is in use by another geokg process "
                            "(it holds the write lock); open it read-only to query meanwhile");
      return from_rocks(s, "cannot open the database in '" + dir + "'");
    }
    impl->db.reset(raw);
    for (std::size_t f = 0; f < kFamilyCount; ++f) impl->families[f] = impl->handles[f + 1];
    return impl;
  };

  // The schema check every open of an existing database makes.
  auto check_schema = [&](const Impl& impl) -> Status {
    std::string v;
    Status st = impl.get(kMeta, keys::kMetaSchemaVersion, v);
    if (st.is_not_found()) return Status::Incompatible(not_geokg + " (no schema version recorded)");
    if (!st.ok()) return st;
    if (v.size() != 4) return Status::Incompatible(not_geokg + " (unreadable schema version)");
    const std::uint32_t version = keys::get_u32(v.data());
    if (version > kSchemaVersion)
      return Status::Incompatible("schema version " + std::to_string(version) +
                                  " is newer than this geokg supports (" +
                                  std::to_string(kSchemaVersion) + ")");
    return Status::Ok();
  };

  if (!has_db) {
    if (exists && has_rocksdb_files(dir)) return damaged("its CURRENT file is missing");
    if (exists && !directory_is_empty(path))
      return Status::Incompatible(not_geokg + " (the directory holds other files)");
    if (options.read_only || !options.create_if_missing)
      return Status::NotFound("no geokg database at '" + dir + "'");
    // Build the new database beside its place and rename it in whole, so that
    // nobody opening `dir` meanwhile meets a half-made one (CURRENT written,
    // column families or schema version not yet).
    fs::path target = path;
    if (!target.has_filename()) target = target.parent_path();   // "db/" → "db"
    if (!target.parent_path().empty() && !fs::is_directory(target.parent_path(), ec))
      return Status::IOError("cannot create it: the directory '" + target.parent_path().string() +
                             "' does not exist");
    const fs::path staging =
        target.parent_path() / (target.filename().string() + ".creating-" + std::to_string(::getpid()));
    remove_abandoned_staging(target);
    fs::remove_all(staging, ec);
    {
      auto made = open_once(staging.string(), /*creating=*/true);
      if (!made.ok()) {
        fs::remove_all(staging, ec);
        return made.status();
      }
      rdb::WriteBatch batch;
      batch.Put((*made)->cf(kMeta), std::string(keys::kMetaSchemaVersion), meta_u32(kSchemaVersion));
      batch.Put((*made)->cf(kMeta), std::string(keys::kMetaCreator), "geokg");
      rdb::WriteOptions wo;
      wo.sync = true;
      if (Status st = from_rocks((*made)->db->Write(wo, &batch), "cannot initialise the database");
          !st.ok()) {
        made->reset();
        fs::remove_all(staging, ec);
        return st;
      }
    }   // closed (and flushed) here
    fs::rename(staging, target, ec);   // replaces `target` only when it is an empty directory
    if (ec) {
      fs::remove_all(staging, ec);
      // Another process may have created the database first; open what is there.
      if (!fs::exists(path / "CURRENT"))
        return Status::IOError("cannot create the database in '" + dir + "': " + ec.message());
    }
  }

  if (!options.read_only) {
    auto impl = open_once(dir, /*creating=*/false);
    if (!impl.ok()) return impl.status();
    if (Status st = check_schema(**impl); !st.ok()) return st;
    if (Status st = (*impl)->start(/*writer=*/true); !st.ok()) return st;
    return std::unique_ptr<GraphStore>(new GraphStore(std::move(*impl)));
  }

  // A reader beside a live writer: open again when the writer removed a log
  // or switched MANIFEST during the open (see LiveFiles).
  Status last = Status::Ok();
  for (int attempt = 0; attempt < kReaderOpenAttempts; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 * attempt, 50)));
    const LiveFiles before = LiveFiles::of(path);
    auto impl = open_once(dir, /*creating=*/false);
    const LiveFiles after = LiveFiles::of(path);
    if (impl.ok() ? !after.keeps(before) : !after.same_as(before)) {
      last = impl.ok() ? Status::Busy("database '" + dir + "' kept changing while it was opened; try again")
                       : impl.status();
      continue;
    }
    if (!impl.ok()) return impl.status();
    if (Status st = check_schema(**impl); !st.ok()) return st;
    if (Status st = (*impl)->start(/*writer=*/false); !st.ok()) return st;
    return std::unique_ptr<GraphStore>(new GraphStore(std::move(*impl)));
  }
  return last;
}

// ---- durability: the commit journal, flushes, lost commits ----------------------------

namespace {

// This process's writers, by directory: a reader beside one of them cannot
// check the journal, and fcntl locks do not show a process its own.
std::mutex& writers_mu() {
  static std::mutex mu;
  return mu;
}
std::multiset<std::string>& writers() {
  static std::multiset<std::string> dirs;
  return dirs;
}

std::string canonical_dir(const std::string& dir) {
  std::error_code ec;
  const auto p = std::filesystem::weakly_canonical(dir, ec);
  return ec ? dir : p.string();
}

// True when a writer has the database open: RocksDB's writer holds an fcntl
// lock on its LOCK file.
bool writer_live(const std::string& dir) {
  {
    std::lock_guard lock(writers_mu());
    if (writers().count(canonical_dir(dir)) > 0) return true;
  }
  const int fd = ::open((std::filesystem::path(dir) / "LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  const bool locked = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
  ::close(fd);
  return locked;
}

std::string encode_lost(const std::vector<RecoveryReport::Lost>& lost) {
  std::string out;
  for (const auto& l : lost) out += std::to_string(l.commit) + " " + detail::escape_line(l.article_id) + "\n";
  return out;
}

std::vector<RecoveryReport::Lost> decode_lost(std::string_view v) {
  std::vector<RecoveryReport::Lost> out;
  while (!v.empty()) {
    const std::size_t eol = v.find('\n');
    const std::string line(v.substr(0, eol));
    v = eol == std::string_view::npos ? std::string_view{} : v.substr(eol + 1);
    const std::size_t space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    out.push_back({std::strtoull(line.c_str(), nullptr, 10), detail::unescape_line(line.substr(space + 1))});
  }
  return out;
}

}  // namespace

Status GraphStore::Impl::start(bool writer) {
  std::string v;
  Status s = get(kMeta, keys::kMetaLastCommit, v);
  if (s.ok() && v.size() >= 8) commit_seq = keys::get_u64(v.data());
  else if (!s.ok() && !s.is_not_found()) return s;

  // Commits found lost by an earlier open, until they are ingested again.
  std::string recorded;
  s = get(kMeta, keys::kMetaLostCommits, recorded);
  if (!s.ok() && !s.is_not_found()) return s;
  std::vector<RecoveryReport::Lost> lost;
  for (auto& l : decode_lost(recorded)) {
    std::string ignored;
    if (get(kArticles, keys::article_key(l.article_id), ignored).is_not_found()) lost.push_back(std::move(l));
  }
  // Commits the journal lists past the last one the database holds. A
  // reader beside a live writer cannot tell them from commits made after
  // its open, so it does not look.
  if (writer || !writer_live(dir)) {
    auto journal_now = detail::CommitJournal::read(dir);
    if (journal_now.ok()) {
      for (const auto& e : journal_now->entries)
        if (e.seq > commit_seq) lost.push_back({e.seq, e.article_id});
      recovery.journal_checked = true;
    }
  }
  recovery.lost = lost;
  if (!writer) return Status::Ok();

  // The writer keeps the record (the journal starts afresh below).
  const std::string now = encode_lost(lost);
  if (now != recorded) {
    rdb::WriteBatch batch;
    if (lost.empty()) batch.Delete(cf(kMeta), std::string(keys::kMetaLostCommits));
    else batch.Put(cf(kMeta), std::string(keys::kMetaLostCommits), now);
    rdb::WriteOptions wo;
    wo.sync = true;
    if (Status w = from_rocks(db->Write(wo, &batch), "recording lost commits"); !w.ok()) return w;
  }
  {
    std::lock_guard lock(writers_mu());
    writers().insert(canonical_dir(dir));
    writing = true;
  }
  return flush_all();
}

void GraphStore::Impl::stop_writing() {
  if (!writing) return;
  std::lock_guard lock(writers_mu());
  auto it = writers().find(canonical_dir(dir));
  if (it != writers().end()) writers().erase(it);
  writing = false;
}

Status GraphStore::Impl::flush_all() {
  std::vector<rdb::ColumnFamilyHandle*> ours(families.begin(), families.end());
  if (Status s = from_rocks(db->Flush(rdb::FlushOptions(), ours), "flush"); !s.ok()) return s;
  commits_since_flush = 0;
  last_flush = std::chrono::steady_clock::now();
  return journal.reset(dir, commit_seq);
}

Status GraphStore::Impl::committed(const std::string& article_id) {
  if (Status s = journal.append(commit_seq, article_id, options.sync_writes); !s.ok()) return s;
  ++commits_since_flush;
  const bool by_count = options.flush_every_commits > 0 && commits_since_flush >= options.flush_every_commits;
  const auto since_flush = std::chrono::steady_clock::now() - last_flush;
  const bool by_time =
      options.flush_every_seconds > 0 && since_flush >= std::chrono::seconds(options.flush_every_seconds);
  if (!by_count && !by_time) return Status::Ok();
  if (Status s = flush_all(); !s.ok())
    return Status::IOError("flush after the commit of article " + article_id + ": " + s.message());
  return Status::Ok();
}

Status GraphStore::flush() {
  if (impl_->options.read_only) return Status::InvalidInput("the database is open read-only");
  std::lock_guard<std::mutex> lock(impl_->commit_mu);
  return impl_->flush_all();
}

const RecoveryReport& GraphStore::recovery() const { return impl_->recovery; }

// ---- commit ---------------------------------------------------------------------------

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

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool same_country(std::string_view a, std::string_view b) { return upper_ascii(a) == upper_ascii(b); }

bool countries_compatible(std::string_view a, std::string_view b) {
  return a.empty() || b.empty() || same_country(a, b);
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

// The read-before-write of one commit: resolves actors to stored nodes and
// event reports to stored (or earlier in this commit) edges. Reads see the
// store as of the commit's start; the commit lock keeps it so.
class Resolver {
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

  explicit Resolver(GraphStore::Impl& im) : im_(im) {}

  Result<NodeId> resolve(const ExtractedActor& a, NodeId own, const Date& at) {
    if (a.kind == NodeKind::kCountry && !a.country.empty()) return own;
    if (a.from_lexicon) return own;
    // An unnamed actor is its (country, sector); a common noun is its article's.
    if (a.naming == Naming::kUnnamed || a.naming == Naming::kCommon) return own;
    const std::string norm = normalize_name(a.name);
    if (a.naming == Naming::kPartial && a.kind == NodeKind::kPerson) return resolve_surname(a, norm, own, at);
    const bool one_word = norm.find(' ') == std::string::npos;
    // One word is a surname ("Wang") or a common noun ("package", "deal"):
    // it names too many things to resolve on its own.
    const bool surname = one_word;
    // A full name that is already a node is that node. A surname alone is
    // not: a node "Blinken" made earlier from surname-only mentions must not
    // keep later ones away from the one "Antony Blinken" of their country.
    if (!surname) {
      Result<const Node*> self = load(own);
      if (!self.ok()) return self.status();
      if (*self != nullptr) return own;
    }

    std::vector<NodeId> found;
    auto consider = [&](NodeId c, bool strict_country) -> Status {
      if (std::find(found.begin(), found.end(), c) != found.end()) return Status::Ok();
      Result<const Node*> n = load(c);
      if (!n.ok()) return n.status();
      const Node* node = *n;
      if (node == nullptr || node->kind != a.kind) return Status::Ok();
      const bool country_ok = strict_country
                                  ? !node->country.empty() && same_country(node->country, a.country)
                                  : countries_compatible(node->country, a.country);
      if (country_ok) found.push_back(c);
      return Status::Ok();
    };
    if (surname) {
      // Only the one other node that carries it, in the same, known country.
      if (a.country.empty()) return own;
      Result<std::vector<NodeId>> c = lookup(norm);
      if (!c.ok()) return c.status();
      for (NodeId id : *c)
        if (id != own)
          if (Status s = consider(id, true); !s.ok()) return s;
    } else {
      std::vector<std::string> names{norm};
      for (const auto& alias : a.aliases) {
        std::string n = normalize_name(alias);
        // One-word aliases (surnames, acronyms) are shared by too many.
        if (n.find(' ') == std::string::npos) continue;
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
      }
      for (const auto& n : names) {
        Result<std::vector<NodeId>> c = lookup(n);
        if (!c.ok()) return c.status();
        for (NodeId id : *c)
          if (Status s = consider(id, false); !s.ok()) return s;
      }
    }
    return found.size() == 1 ? found.front() : own;   // ambiguous: keep apart
  }

  // A person known by surname only ("Mr Blair") is the one full-name person
  // stored with that surname as a name, of a compatible country (equal, or
  // one unknown) and time (no dated role of theirs starts years after the
  // article); of several, the one holding a role at the article's date.
  // Otherwise it stays apart, a partial name.
  Result<NodeId> resolve_surname(const ExtractedActor& a, const std::string& norm, NodeId own, const Date& at) {
    Result<std::vector<NodeId>> ids = lookup(norm);
    if (!ids.ok()) return ids.status();
    std::vector<const Node*> fit;
    for (NodeId id : *ids) {
      if (id == own) continue;
      Result<const Node*> n = load(id);
      if (!n.ok()) return n.status();
      const Node* node = *n;
      if (node == nullptr || node->kind != NodeKind::kPerson || node->naming == Naming::kPartial) continue;
      const std::string full = normalize_name(node->name);
      const bool has_surname = full.ends_with(" " + norm) || full.starts_with(norm + " ");
      if (!has_surname) continue;
      // The article's one country stands in for an unknown one (ExtractedActor::scope).
      const std::string& country = a.country.empty() ? a.scope : a.country;
      bool country_ok = countries_compatible(node->country, country);
      for (const Role& r : node->roles) country_ok = country_ok || same_country(r.country, country);
      if (!country_ok || !time_compatible(*node, at)) continue;
      fit.push_back(node);
    }
    if (fit.size() > 1 && at.known()) {
      std::erase_if(fit, [&](const Node* n) {
        return std::none_of(n->roles.begin(), n->roles.end(), [&](const Role& r) { return role_held_at(r, at); });
      });
    }
    // Of several, one named five times as often as any other is the one a
    // surname alone means ("Mr Blair" beside Tony Blair and Ian Blair).
    if (fit.size() > 1) {
      std::sort(fit.begin(), fit.end(), [](const Node* x, const Node* y) { return x->mentions > y->mentions; });
      if (fit[0]->mentions >= 5 * std::max<std::uint64_t>(fit[1]->mentions, 1)) fit.erase(fit.begin() + 1, fit.end());
    }
    return fit.size() == 1 ? fit.front()->id : own;
  }

  // Whether a stored person can be the one an article of date `at` names: no
  // dated role of theirs starts more than two years after it (an undated
  // article fits anyone).
  static bool time_compatible(const Node& n, const Date& at) {
    if (!at.known()) return true;
    bool dated = false, fits = false;
    for (const Role& r : n.roles) {
      if (!r.from.known()) {
        fits = true;
        continue;
      }
      dated = true;
      fits = fits || r.from.year <= at.year + 2;
    }
    return !dated || fits;
  }

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
  Result<const Node*> load(NodeId id) {
    auto it = nodes_.find(id);
    if (it != nodes_.end()) return it->second ? &*it->second : nullptr;
    rdb::PinnableSlice v;
    Status s = im_.get(kNodes, keys::node_key(id), v);
    std::optional<Node> n;
    if (s.ok()) {
      n.emplace();
      if (Status d = codec::decode(view(v), *n); !d.ok()) return d;
    } else if (!s.is_not_found()) {
      return s;
    }
    auto [pos, _] = nodes_.emplace(id, std::move(n));
    return pos->second ? &*pos->second : nullptr;
  }

  // Node ids carrying exactly the normalised name `norm`.
  Result<std::vector<NodeId>> lookup(const std::string& norm) {
    std::vector<NodeId> out;
    if (!names_) names_ = im_.new_iterator(kNames);
    const std::string prefix = keys::name_exact_prefix(norm);
    for (names_->Seek(prefix); names_->Valid() && names_->key().starts_with(prefix); names_->Next()) {
      keys::NameKey k;
      if (keys::decode_name_key(view(names_->key()), k)) out.push_back(k.node);
    }
    if (Status s = from_rocks(names_->status(), "name lookup"); !s.ok()) return s;
    return out;
  }

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
  std::unordered_map<NodeId, std::optional<Node>> nodes_;
  std::unique_ptr<rdb::Iterator> names_;
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

}  // namespace

namespace {

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

// The three index entries of an event edge: adjacency out and in, timeline.
void put_event_index(const GraphStore::Impl& im, rdb::WriteBatchBase& batch, NodeId source, NodeId target,
                     std::int32_t date_key, const std::string& cameo, EdgeId id, std::uint8_t flags) {
  batch.Put(im.cf(kAdj), keys::adj_key({keys::kDirOut, source, date_key, cameo, id}),
            keys::adj_value({target, flags}));
  batch.Put(im.cf(kAdj), keys::adj_key({keys::kDirIn, target, date_key, cameo, id}),
            keys::adj_value({source, flags}));
  batch.Put(im.cf(kTimeline), keys::timeline_key({date_key, id}), keys::timeline_value({flags, cameo}));
}

void delete_event_index(const GraphStore::Impl& im, rdb::WriteBatchBase& batch, NodeId source, NodeId target,
                        std::int32_t date_key, const std::string& cameo, EdgeId id) {
  batch.Delete(im.cf(kAdj), keys::adj_key({keys::kDirOut, source, date_key, cameo, id}));
  batch.Delete(im.cf(kAdj), keys::adj_key({keys::kDirIn, target, date_key, cameo, id}));
  batch.Delete(im.cf(kTimeline), keys::timeline_key({date_key, id}));
}

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

}  // namespace

Result<CommitResult> GraphStore::commit(const Article& article, const Extraction& ex) {
  Impl& im = *impl_;
  if (im.options.read_only) return Status::InvalidInput("the database is open read-only");
  if (Status s = validate(article, ex); !s.ok()) return s;

  std::lock_guard<std::mutex> lock(im.commit_mu);
  CommitResult result;
  const std::uint64_t hash = article_content_hash(article);
  Result<std::optional<ArticleRecord>> stored =
      read_record<ArticleRecord>(im, kArticles, keys::article_key(article.id));
  if (!stored.ok()) return stored.status();
  std::optional<ArticleRecord>& old = *stored;
  if (old) {
    // A record from before content hashes cannot be told apart: kept.
    if (old->content_hash == 0 || old->content_hash == hash) {
      result.already_present = true;
      return result;
    }
    if (im.options.on_changed == ChangedArticle::kKeep) {
      result.changed_kept = true;
      return result;
    }
  }

  // A replacement is one batch too: the removal of the old version, then the
  // new version resolved against the store as the removal leaves it (its
  // reads go through the batch, which an index makes readable).
  rdb::WriteBatch plain;
  rdb::WriteBatchWithIndex indexed(rdb::BytewiseComparator(), 0, /*overwrite_key=*/false);
  rdb::WriteBatchBase& batch = old ? static_cast<rdb::WriteBatchBase&>(indexed) : plain;
  std::optional<OverlayScope> overlay;
  if (old) {
    if (Status s = remove_contribution(im, *old, indexed); !s.ok()) return s;
    overlay.emplace(im, &indexed);
    result.replaced = true;
  }

  ArticleRecord record;
  record.id = article.id;
  record.title = article.title;
  record.date = article.date;
  record.source = article.source;
  record.url = article.url;
  record.ingested_at = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  record.text_bytes = article_text_bytes(article);
  record.content_hash = hash;

  Resolver res(im);

  // Nodes: one partial record per distinct id (two actors of one article that
  // resolve to one node still count as one article).
  std::vector<NodeId> ids(ex.actors.size());
  std::vector<Node> partials;
  std::unordered_map<NodeId, std::size_t> partial_of;
  std::unordered_map<std::string, NodeId> country_nodes;   // ISO code -> country actor's node
  // A common noun ("the agreement") that no event of the article uses names
  // nothing the graph can link: it gets no node.
  std::vector<bool> in_event(ex.actors.size(), false);
  for (const ExtractedEvent& e : ex.events)
    for (int k : {e.source, e.target, e.location})
      if (k >= 0) in_event[static_cast<std::size_t>(k)] = true;
  for (std::size_t i = 0; i < ex.actors.size(); ++i) {
    const ExtractedActor& a = ex.actors[i];
    if (a.naming == Naming::kCommon && !in_event[i]) continue;
    const NodeId own = node_id(a, article.id);
    Result<NodeId> resolved = res.resolve(a, own, article.date);
    if (!resolved.ok()) return resolved.status();
    const NodeId id = *resolved;
    ids[i] = id;
    if (id != own) ++result.resolved_actors;
    if (a.kind == NodeKind::kCountry && !a.country.empty())
      country_nodes.emplace(upper_ascii(a.country), id);
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
    if (!a.country.empty()) p.country_date = article.date;
    p.roles = a.roles;
    p.mentions = std::max<std::uint32_t>(a.mentions, 1);
    p.articles = 1;
    p.first_seen = article.date;
    p.last_seen = article.date;
    auto [it, fresh] = partial_of.emplace(id, partials.size());
    if (fresh) {
      partials.push_back(std::move(p));
    } else {
      p.articles = 0;
      codec::merge_into(partials[it->second], p);
    }
  }
  MergeWriter merges(im, batch);
  for (const Node& p : partials) {
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
    record.nodes.push_back(p.id);
    record.node_mentions.push_back(p.mentions);
    record.node_names.push_back(std::move(names));
  }

  // Event edges: each report merges into the edge of the same event when one
  // is stored or was written earlier in this commit, else makes a new edge.
  std::unordered_map<EdgeId, std::uint32_t> reports_of;
  for (const ExtractedEvent& e : ex.events) {
    EventEdge p;
    p.source = ids[static_cast<std::size_t>(e.source)];
    p.target = ids[static_cast<std::size_t>(e.target)];
    if (e.symmetric && p.source > p.target) std::swap(p.source, p.target);  // canonical direction
    p.cameo = e.cameo;
    p.relation = e.relation;
    p.date = e.date;
    p.location = e.location >= 0 ? ids[static_cast<std::size_t>(e.location)] : 0;
    if (p.location != 0) p.place = e.place;
    p.negated = e.negated;
    p.hypothetical = e.hypothetical;
    p.confidence = e.confidence;
    p.quote = e.quote;
    p.mentions = 1;
    if (!article.source.empty()) p.sources.push_back(article.source);
    p.articles.push_back(article.id);
    Evidence ev = e.evidence;
    ev.article_id = article.id;
    if (ev.source.empty()) ev.source = article.source;
    ev.cameo = e.cameo;
    ev.date = e.date;
    p.evidence.push_back(std::move(ev));

    Result<EdgeId> id = res.place(p, keys::event_flags(p.negated, p.hypothetical), result);
    if (!id.ok()) return id.status();
    p.id = *id;
    if (Status s = merges.edge(keys::edge_key(p.id), p); !s.ok()) return s;
    if (reports_of[p.id]++ == 0) record.edges.push_back(p.id);
  }
  for (EdgeId id : record.edges) record.edge_reports.push_back(reports_of[id]);
  // Index entries of the edges this commit touched, at their final date and
  // code: new edges get theirs, stored edges whose date or code changed move.
  for (const Resolver::Touched& t : res.touched) {
    const std::int32_t dk = t.date.key();
    if (t.stored) {
      if (dk == t.stored_key && t.cameo == t.stored_cameo) continue;
      delete_event_index(im, batch, t.source, t.target, t.stored_key, t.stored_cameo, t.id);
    }
    put_event_index(im, batch, t.source, t.target, dk, t.cameo, t.id, t.flags);
  }

  // Role edges to the countries this article names.
  for (std::size_t i = 0; i < ex.actors.size(); ++i) {
    for (const Role& role : ex.actors[i].roles) {
      if (role.country.empty()) continue;
      auto it = country_nodes.find(upper_ascii(role.country));
      if (ids[i] == 0 || it == country_nodes.end() || it->second == ids[i]) continue;
      StaticEdge se{ids[i], it->second, "role", role};
      batch.Put(im.cf(kStatic), keys::static_key(se), codec::encode(se));
      ++result.static_edges;
      if (std::find(record.static_edges.begin(), record.static_edges.end(), se) == record.static_edges.end())
        record.static_edges.push_back(std::move(se));
    }
  }

  batch.Put(im.cf(kArticles), keys::article_key(article.id), codec::encode(record));
  // The commit's sequence number, in the same batch: what an open after a
  // damaged write-ahead log holds, to compare with the commit journal.
  std::string last_commit;
  keys::put_u64(last_commit, im.commit_seq + 1);
  last_commit += article.id;
  batch.Put(im.cf(kMeta), std::string(keys::kMetaLastCommit), last_commit);
  result.nodes = static_cast<std::uint32_t>(record.nodes.size());
  result.events = static_cast<std::uint32_t>(record.edges.size());

  if (im.fail_next_write) {
    im.fail_next_write = false;
    return Status::IOError("injected write failure (test hook)");
  }
  rdb::WriteOptions wo;
  wo.sync = im.options.sync_writes;
  rdb::WriteBatch* written = old ? indexed.GetWriteBatch() : &plain;
  if (Status s = from_rocks(im.db->Write(wo, written), "commit of article " + article.id); !s.ok())
    return s;
  ++im.commit_seq;
  if (Status s = im.committed(article.id); !s.ok()) return s;
  return result;
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

// ---- verify -------------------------------------------------------------------------------

Result<VerifyReport> GraphStore::verify() const { return impl_->verify(); }

// Verify reads every family once, in order, and checks the index entries
// against compact in-memory summaries of the records (a few dozen bytes per
// node and edge) instead of point lookups: linear in the store's size and
// independent of how many merge operands a record still carries.
Result<VerifyReport> GraphStore::Impl::verify() const {
  VerifyReport r;
  constexpr std::size_t kMaxProblems = 200;
  std::uint64_t dropped = 0;
  auto problem = [&](std::string line) {
    if (r.problems.size() < kMaxProblems) r.problems.push_back(std::move(line));
    else ++dropped;
  };

  struct NodeInfo {
    std::string name;
    std::vector<std::pair<std::uint64_t, bool>> names;   // hash of a normalised name, indexed?
  };
  struct EdgeInfo {
    NodeId source = 0, target = 0;
    std::int32_t date_key = 0;
    std::string cameo;
    std::uint8_t flags = 0;
    bool out = false, in = false, timeline = false;
  };
  std::unordered_map<NodeId, NodeInfo> nodes;
  std::unordered_map<EdgeId, EdgeInfo> edges;
  auto name_hash = [](std::string_view normalized) { return stable_hash64(normalized); };

  // Records: decodable, consistent with their keys, endpoints present.
  Status s = scan(kNodes, {}, {}, [&](std::string_view key, std::string_view value) {
    ++r.checked;
    Node n;
    NodeId id = 0;
    if (!keys::decode_id_key(key, id) || !codec::decode(value, n).ok() || n.id != id) {
      problem("node record " + to_hex(id) + " does not decode or has the wrong id");
      return true;
    }
    NodeInfo& info = nodes[id];
    info.name = n.name;
    auto add = [&](const std::string& name) {
      // Compared as the names key holds it (a NUL inside a name is dropped there).
      const std::string norm = keys::stored_alias(normalize_name(name));
      if (norm.empty()) return;
      const std::uint64_t h = name_hash(norm);
      for (const auto& [known, _] : info.names)
        if (known == h) return;
      info.names.emplace_back(h, false);
    };
    add(n.name);
    for (const auto& a : n.aliases) add(a);
    return true;
  });
  if (!s.ok()) return s;

  s = scan(kEdges, {}, {}, [&](std::string_view key, std::string_view value) {
    ++r.checked;
    EventEdge e;
    EdgeId id = 0;
    if (!keys::decode_id_key(key, id) || !codec::decode(value, e).ok() || e.id != id) {
      problem("edge record " + to_hex(id) + " does not decode or has the wrong id");
      return true;
    }
    const std::string what = "edge " + to_hex(id) + " (" + e.cameo + " " + e.date.iso() + ")";
    for (NodeId n : {e.source, e.target})
      if (!nodes.count(n)) problem(what + ": endpoint node " + to_hex(n) + " missing");
    if (e.location != 0 && !nodes.count(e.location))
      problem(what + ": location node " + to_hex(e.location) + " missing");
    edges[id] = EdgeInfo{e.source, e.target, e.date.key(), e.cameo,
                         keys::event_flags(e.negated, e.hypothetical), false, false, false};
    return true;
  });
  if (!s.ok()) return s;

  s = scan(kArticles, {}, {}, [&](std::string_view key, std::string_view value) {
    ++r.checked;
    ArticleRecord a;
    if (!codec::decode(value, a).ok() || a.id != key) {
      problem("article record '" + std::string(key) + "' does not decode or has the wrong id");
      return true;
    }
    for (NodeId n : a.nodes)
      if (!nodes.count(n)) problem("article " + a.id + ": node " + to_hex(n) + " missing");
    for (EdgeId e : a.edges)
      if (!edges.count(e)) problem("article " + a.id + ": edge " + to_hex(e) + " missing");
    return true;
  });
  if (!s.ok()) return s;

  s = scan(kStatic, {}, {}, [&](std::string_view key, std::string_view value) {
    ++r.checked;
    StaticEdge e;
    keys::StaticKey k;
    if (!keys::decode_static_key(key, k) || !codec::decode(value, e).ok() ||
        keys::static_key(e) != key) {
      problem("static edge entry does not decode or does not match its key");
      return true;
    }
    for (NodeId n : {e.source, e.target})
      if (!nodes.count(n))
        problem("static " + e.relation + " edge: endpoint node " + to_hex(n) + " missing");
    return true;
  });
  if (!s.ok()) return s;

  // Index entries: each points at a record and agrees with it.
  s = scan(kNames, {}, {}, [&](std::string_view key, std::string_view) {
    ++r.checked;
    keys::NameKey k;
    if (!keys::decode_name_key(key, k)) {
      problem("malformed names entry");
      return true;
    }
    auto it = nodes.find(k.node);
    if (it == nodes.end()) {
      problem("name '" + std::string(k.alias) + "' points at missing node " + to_hex(k.node));
      return true;
    }
    const std::uint64_t h = name_hash(k.alias);
    for (auto& [known, indexed] : it->second.names)
      if (known == h) {
        indexed = true;
        return true;
      }
    problem("name '" + std::string(k.alias) + "' is not a name of node " + to_hex(k.node) + " (" +
            it->second.name + ")");
    return true;
  });
  if (!s.ok()) return s;

  s = scan(kAdj, {}, {}, [&](std::string_view key, std::string_view value) {
    ++r.checked;
    keys::AdjKey k;
    keys::AdjValue v;
    if (!keys::decode_adj_key(key, k) || !keys::decode_adj_value(value, v)) {
      problem("malformed adjacency entry");
      return true;
    }
    auto it = edges.find(k.edge);
    if (it == edges.end()) {
      problem("adjacency entry of node " + to_hex(k.node) + " points at missing edge " + to_hex(k.edge));
      return true;
    }
    EdgeInfo& e = it->second;
    const bool out = k.dir == keys::kDirOut;
    if ((out ? e.source : e.target) != k.node || (out ? e.target : e.source) != v.other ||
        e.date_key != k.date_key || e.cameo.substr(0, keys::kCameoBytes) != k.cameo ||
        e.flags != v.flags) {
      problem("adjacency entry of node " + to_hex(k.node) + " disagrees with edge " + to_hex(k.edge));
      return true;
    }
    (out ? e.out : e.in) = true;
    return true;
  });
  if (!s.ok()) return s;

  s = scan(kTimeline, {}, {}, [&](std::string_view key, std::string_view value) {
    ++r.checked;
    keys::TimelineKey k;
    keys::TimelineValue v;
    if (!keys::decode_timeline_key(key, k) || !keys::decode_timeline_value(value, v)) {
      problem("malformed timeline entry");
      return true;
    }
    auto it = edges.find(k.edge);
    if (it == edges.end()) {
      problem("timeline entry points at missing edge " + to_hex(k.edge));
      return true;
    }
    EdgeInfo& e = it->second;
    if (e.date_key != k.date_key || e.cameo != v.cameo || e.flags != v.flags) {
      problem("timeline entry disagrees with edge " + to_hex(k.edge));
      return true;
    }
    e.timeline = true;
    return true;
  });
  if (!s.ok()) return s;

  // Records every index should have listed.
  for (const auto& [id, n] : nodes)
    for (const auto& [h, indexed] : n.names)
      if (!indexed) problem("node " + to_hex(id) + " (" + n.name + "): a name is not indexed");
  for (const auto& [id, e] : edges) {
    const std::string what = "edge " + to_hex(id) + " (" + e.cameo + " " +
                             Date::FromKey(e.date_key).iso() + ")";
    if (!e.out) problem(what + ": no outgoing adjacency entry");
    if (!e.in) problem(what + ": no incoming adjacency entry");
    if (!e.timeline) problem(what + ": no timeline entry");
  }

  // Committed articles a damaged write-ahead log lost (found at open).
  for (const auto& lost : recovery.lost)
    problem("article '" + lost.article_id + "' (commit " + std::to_string(lost.commit) +
            ") is missing: it was committed, but the write-ahead log that held it was cut short, "
            "damaged or deleted before a flush; ingest its input again");

  if (dropped > 0) r.problems.push_back("... and " + std::to_string(dropped) + " more problems");
  return r;
}

// ---- internals for tests --------------------------------------------------------------------

namespace internal {

rocksdb::DB* StoreInternals::db(GraphStore& store) { return store.impl_->db.get(); }

rocksdb::ColumnFamilyHandle* StoreInternals::family(GraphStore& store, std::string_view name) {
  for (std::size_t f = 0; f < kFamilyCount; ++f)
    if (name == kFamilyNames[f]) return store.impl_->families[f];
  return nullptr;
}

void StoreInternals::fail_next_write(GraphStore& store) { store.impl_->fail_next_write = true; }

Status StoreInternals::dump(GraphStore& store, bool graph_only,
                            const std::function<void(const std::string&)>& line) {
  static const char* digits = "0123456789abcdef";
  const auto hex = [](std::string& out, std::string_view s) {
    for (unsigned char c : s) {
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  };
  GraphStore::Impl& im = *store.impl_;
  std::string text;
  for (std::size_t f = 0; f < kFamilyCount; ++f) {
    std::unique_ptr<rdb::Iterator> it(im.db->NewIterator(rdb::ReadOptions(), im.families[f]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const std::string_view key = view(it->key());
      if (graph_only && f == kMeta && (key == keys::kMetaLastCommit || key == keys::kMetaLostCommits)) continue;
      std::string value = it->value().ToString();
      if (f == kArticles) {
        ArticleRecord a;
        if (codec::decode(value, a).ok()) {
          a.ingested_at = 0;
          value = codec::encode(a);
        }
      }
      text.assign(kFamilyNames[f]);
      text += '\t';
      hex(text, key);
      text += '\t';
      hex(text, value);
      line(text);
    }
    if (Status s = from_rocks(it->status(), std::string("dump of ") + kFamilyNames[f]); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace internal

}  // namespace geokg
