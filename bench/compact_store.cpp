// compact_store: rewrites every table file of a geokg database with the
// settings of this build (compression, block size, filters). RocksDB applies
// table settings only to files it writes, so a database made by an older
// build keeps its old format until compaction rewrites it; this forces that.
// Used to measure a store setting on an existing benchmark graph without
// generating it again.
//
// usage: compact_store DIR
// Prints one JSON line: seconds spent and the live table bytes per family
// before and after.

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <rocksdb/db.h>

#include "geokg/graph/keys.hpp"
#include "geokg/graph/store.hpp"
#include "store_internal.hpp"

namespace {

std::uint64_t live_bytes(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
  std::uint64_t v = 0;
  db->GetIntProperty(h, rocksdb::DB::Properties::kLiveSstFilesSize, &v);
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: compact_store DIR\n");
    return 1;
  }
  auto opened = geokg::GraphStore::Open(argv[1], geokg::StoreOptions{});
  if (!opened.ok()) {
    std::fprintf(stderr, "compact_store: %s\n", opened.status().message().c_str());
    return 1;
  }
  geokg::GraphStore& store = **opened;
  namespace keys = geokg::keys;
  rocksdb::DB* db = geokg::internal::StoreInternals::db(store);
  const auto t0 = std::chrono::steady_clock::now();
  std::string out = "{";
  for (const char* name : {keys::kMetaFamily, keys::kNodesFamily, keys::kNamesFamily,
                           keys::kEdgesFamily, keys::kStaticFamily, keys::kAdjFamily,
                           keys::kTimelineFamily, keys::kArticlesFamily}) {
    rocksdb::ColumnFamilyHandle* h = geokg::internal::StoreInternals::family(store, name);
    if (h == nullptr) continue;
    const std::uint64_t before = live_bytes(db, h);
    rocksdb::FlushOptions fo;
    fo.wait = true;
    rocksdb::Status s = db->Flush(fo, h);
    rocksdb::CompactRangeOptions co;
    // kForce rewrites the bottommost files too (kForceOptimized would skip
    // files a compaction just wrote, which is every file of a compacted store).
    co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    if (s.ok()) s = db->CompactRange(co, h, nullptr, nullptr);
    if (!s.ok()) {
      std::fprintf(stderr, "compact_store: %s: %s\n", name, s.ToString().c_str());
      return 1;
    }
    out += std::string(out.size() > 1 ? "," : "") + "\"" + name + "\":[" + std::to_string(before) +
           "," + std::to_string(live_bytes(db, h)) + "]";
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s,\"seconds\":%.1f}\n", out.c_str(), seconds);
  return 0;
}
