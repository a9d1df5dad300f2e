// Opening a store: creating a new one in whole, opening the writer, opening
// a reader beside a live writer.

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <thread>

#include "rocksdb_call.hpp"
#include "store_impl.hpp"

namespace geokg {

using namespace detail;   // the store's internals (store_impl.hpp)

namespace {

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

std::string meta_u32(std::uint32_t v) {
  std::string s;
  keys::put_u32(s, v);
  return s;
}

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
    case kNodes: o.merge_operator = node_merge_operator(); break;
    case kEdges: o.merge_operator = edge_merge_operator(); break;
    case kNames: o.merge_operator = name_count_operator(); break;
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

namespace fs = std::filesystem;

// The steps of one GraphStore::Open.
class Opener {
 public:
  Opener(const std::string& dir, const StoreOptions& options)
      : dir_(dir), options_(options), path_(dir), not_geokg_("'" + dir + "' is not a geokg database") {}

  Result<std::unique_ptr<GraphStore::Impl>> open() {
    std::error_code ec;
    const bool exists = fs::exists(path_, ec);
    if (exists && !fs::is_directory(path_, ec)) return Status::Incompatible(not_geokg_ + " (not a directory)");
    const bool has_db = exists && fs::exists(path_ / "CURRENT", ec);
    if (!has_db)
      if (Status st = create(exists); !st.ok()) return st;
    return options_.read_only ? open_reader() : open_writer();
  }

 private:
  using ImplPtr = std::unique_ptr<GraphStore::Impl>;

  // A RocksDB database whose own files were damaged or lost is not "not a
  // geokg database": say what is wrong with it.
  Status damaged(const std::string& what) const {
    return Status::Corruption("database '" + dir_ + "' is damaged: " + what +
                              ". Its files were changed or lost outside geokg: restore the directory from a "
                              "copy, or ingest again into a new database");
  }

  // Files only a RocksDB database holds (MANIFEST: its record of its files,
  // named by CURRENT; OPTIONS, IDENTITY, table files).
  static bool has_rocksdb_files(const std::string& at) {
    std::error_code e;
    for (const auto& entry : fs::directory_iterator(at, e)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with("MANIFEST-") || name.starts_with("OPTIONS-") || name == "IDENTITY" ||
          name.ends_with(".sst"))
        return true;
    }
    return false;
  }

  // The column families of an existing database at `at`, into `present`;
  // every one of ours must be there.
  Status list_families(const std::string& at, const rdb::DBOptions& dbo, std::vector<std::string>& present) const {
    const rdb::Status s = rdb::DB::ListColumnFamilies(dbo, at, &present);
    if (!s.ok()) {
      if (has_rocksdb_files(at))
        return damaged("its CURRENT or MANIFEST file cannot be read (RocksDB: " + s.ToString() + ")");
      if (s.IsCorruption() || s.IsInvalidArgument()) return Status::Incompatible(not_geokg_);
      return from_rocks(s, "cannot read the database in '" + dir_ + "'");
    }
    const auto has = [&](const char* name) {
      return std::find(present.begin(), present.end(), name) != present.end();
    };
    const bool any_ours = std::any_of(kFamilyNames.begin(), kFamilyNames.end(), has);
    if (!has(keys::kMetaFamily)) {
      if (any_ours) return damaged("its 'meta' column family is missing (a MANIFEST cut short?)");
      return Status::Incompatible(not_geokg_ + " (a RocksDB database without geokg metadata)");
    }
    // Every family is made with the database: one missing is damage, and
    // a writer must not replace it with an empty one.
    for (const char* name : kFamilyNames)
      if (!has(name))
        return damaged(std::string("column family '") + name + "' is missing (a MANIFEST cut short?)");
    return Status::Ok();
  }

  // One RocksDB open of `at`, creating it when `creating`.
  Result<ImplPtr> open_once(const std::string& at, bool creating) const {
    auto impl = std::make_unique<GraphStore::Impl>();
    impl->dir = at;
    impl->options = options_;
    impl->cache = rdb::NewLRUCache(std::max<std::size_t>(options_.block_cache_mb, 1) << 20);
    const rdb::DBOptions dbo = db_options(options_, creating);

    // Every family present must be opened by a writer; a reader opens ours only.
    std::vector<std::string> present;
    if (!creating)
      if (Status st = list_families(at, dbo, present); !st.ok()) return st;

    std::vector<rdb::ColumnFamilyDescriptor> descriptors;
    descriptors.emplace_back(rdb::kDefaultColumnFamilyName, rdb::ColumnFamilyOptions());
    for (std::size_t f = 0; f < kFamilyCount; ++f)
      descriptors.emplace_back(kFamilyNames[f], family_options(static_cast<Family>(f), impl->cache));
    if (!options_.read_only) {
      for (const auto& name : present) {
        const bool known = name == rdb::kDefaultColumnFamilyName ||
                           std::find(kFamilyNames.begin(), kFamilyNames.end(), name) != kFamilyNames.end();
        if (!known) descriptors.emplace_back(name, rdb::ColumnFamilyOptions());
      }
    }

    rdb::DB* raw = nullptr;
    const rdb::Status s =
        options_.read_only
            ? rdb::DB::OpenForReadOnly(dbo, at, descriptors, &impl->handles, &raw)
            : rdb::DB::Open(dbo, at, descriptors, &impl->handles, &raw);
    if (!s.ok()) {
      if (is_lock_error(s))
        return Status::Busy("database '" + dir_ + "' is in use by another geokg process "
                            "(it holds the write lock); open it read-only to query meanwhile");
      return from_rocks(s, "cannot open the database in '" + dir_ + "'");
    }
    impl->db.reset(raw);
    for (std::size_t f = 0; f < kFamilyCount; ++f) impl->families[f] = impl->handles[f + 1];
    return impl;
  }

  // The schema check every open of an existing database makes.
  Status check_schema(const GraphStore::Impl& impl) const {
    std::string v;
    Status st = impl.get(kMeta, keys::kMetaSchemaVersion, v);
    if (st.is_not_found()) return Status::Incompatible(not_geokg_ + " (no schema version recorded)");
    if (!st.ok()) return st;
    if (v.size() != 4) return Status::Incompatible(not_geokg_ + " (unreadable schema version)");
    const std::uint32_t version = keys::get_u32(v.data());
    if (version > kSchemaVersion)
      return Status::Incompatible("schema version " + std::to_string(version) +
                                  " is newer than this geokg supports (" +
                                  std::to_string(kSchemaVersion) + ")");
    return Status::Ok();
  }

  // A new database where there is none (`exists`: the directory is there).
  Status create(bool exists) const {
    std::error_code ec;
    if (exists && has_rocksdb_files(dir_)) return damaged("its CURRENT file is missing");
    if (exists && !directory_is_empty(path_))
      return Status::Incompatible(not_geokg_ + " (the directory holds other files)");
    if (options_.read_only || !options_.create_if_missing)
      return Status::NotFound("no geokg database at '" + dir_ + "'");
    // Build the new database beside its place and rename it in whole, so that
    // nobody opening `dir` meanwhile meets a half-made one (CURRENT written,
    // column families or schema version not yet).
    fs::path target = path_;
    if (!target.has_filename()) target = target.parent_path();   // "db/" → "db"
    if (!target.parent_path().empty() && !fs::is_directory(target.parent_path(), ec))
      return Status::IOError("cannot create it: the directory '" + target.parent_path().string() +
                             "' does not exist");
    const fs::path staging =
        target.parent_path() / (target.filename().string() + ".creating-" + std::to_string(::getpid()));
    remove_abandoned_staging(target);
    fs::remove_all(staging, ec);
    if (Status st = initialise(staging); !st.ok()) {
      fs::remove_all(staging, ec);
      return st;
    }
    fs::rename(staging, target, ec);   // replaces `target` only when it is an empty directory
    if (ec) {
      fs::remove_all(staging, ec);
      // Another process may have created the database first; open what is there.
      if (!fs::exists(path_ / "CURRENT"))
        return Status::IOError("cannot create the database in '" + dir_ + "': " + ec.message());
    }
    return Status::Ok();
  }

  // Creates the database at `staging` with its schema version; closed (and
  // flushed) on return.
  Status initialise(const fs::path& staging) const {
    auto made = open_once(staging.string(), /*creating=*/true);
    if (!made.ok()) return made.status();
    rdb::WriteBatch batch;
    batch.Put((*made)->cf(kMeta), std::string(keys::kMetaSchemaVersion), meta_u32(kSchemaVersion));
    batch.Put((*made)->cf(kMeta), std::string(keys::kMetaCreator), "geokg");
    rdb::WriteOptions wo;
    wo.sync = true;
    return from_rocks((*made)->db->Write(wo, &batch), "cannot initialise the database");
  }

  Result<ImplPtr> open_writer() const {
    auto impl = open_once(dir_, /*creating=*/false);
    if (!impl.ok()) return impl.status();
    if (Status st = check_schema(**impl); !st.ok()) return st;
    if (Status st = (*impl)->start(/*writer=*/true); !st.ok()) return st;
    return std::move(*impl);
  }

  // A reader beside a live writer: open again when the writer removed a log
  // or switched MANIFEST during the open (see LiveFiles).
  Result<ImplPtr> open_reader() const {
    Status last = Status::Ok();
    for (int attempt = 0; attempt < kReaderOpenAttempts; ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 * attempt, 50)));
      const LiveFiles before = LiveFiles::of(path_);
      auto impl = open_once(dir_, /*creating=*/false);
      const LiveFiles after = LiveFiles::of(path_);
      if (impl.ok() ? !after.keeps(before) : !after.same_as(before)) {
        last = impl.ok() ? Status::Busy("database '" + dir_ + "' kept changing while it was opened; try again")
                         : impl.status();
        continue;
      }
      if (!impl.ok()) return impl.status();
      if (Status st = check_schema(**impl); !st.ok()) return st;
      if (Status st = (*impl)->start(/*writer=*/false); !st.ok()) return st;
      return std::move(*impl);
    }
    return last;
  }

  const std::string& dir_;
  const StoreOptions& options_;
  const fs::path path_;
  const std::string not_geokg_;
};

}  // namespace

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphStore::~GraphStore() {
  const RocksdbCall call;   // closing flushes
  impl_.reset();
}

const std::string& GraphStore::dir() const { return impl_->dir; }
bool GraphStore::read_only() const { return impl_->options.read_only; }

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& dir,
                                                     const StoreOptions& options) {
  const RocksdbCall call;
  Result<std::unique_ptr<Impl>> impl = Opener(dir, options).open();
  if (!impl.ok()) return impl.status();
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(*impl)));
}

}  // namespace geokg
