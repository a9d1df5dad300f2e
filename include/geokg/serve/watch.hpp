#pragma once
// A read-only store that follows the database on disk: a read-only RocksDB
// instance sees the data as of its open (geokg/graph/store.hpp), so to show
// the articles an ingest commits while the explorer runs, the directory is
// looked at every `interval` and opened again when its files changed (a
// commit grows the write-ahead log; a flush or compaction adds and removes
// files). Requests keep the store they started with until they end.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/serve/api.hpp"

namespace geokg::serve {

struct WatchOptions {
  // How often the directory is compared with the open store's. 0 = never
  // (no watcher thread; refresh() still works). Default: 1 s.
  std::chrono::milliseconds interval{1000};
  // Told about each reopen and each failed attempt (the old store stays in
  // use). Default: nothing.
  std::function<void(const std::string&)> log;
};

class WatchedStore : public StoreSource {
 public:
  // Opens `dir` read-only. Errors: those of GraphStore::Open (NotFound when
  // there is no database, Incompatible, IOError).
  static Result<std::unique_ptr<WatchedStore>> Open(const std::string& dir, WatchOptions options = {});
  ~WatchedStore() override;   // stops the watcher

  std::shared_ptr<const GraphStore> store() const override;
  std::uint64_t generation() const override;

  // Compares the directory with the open store's and reopens when it
  // changed: true when a new store is in use. A failed reopen keeps the old
  // store and returns the error.
  Result<bool> refresh();

 private:
  WatchedStore(std::string dir, WatchOptions options);
  void watch(std::stop_token stop);

  const std::string dir_;
  const WatchOptions options_;
  mutable std::mutex mutex_;
  std::shared_ptr<const GraphStore> store_;
  std::uint64_t generation_ = 0;
  std::uint64_t signature_ = 0;   // of the directory when store_ was opened
  std::mutex refresh_mutex_;      // one refresh at a time
  std::jthread watcher_;          // last: stopped and joined first
};

// A hash of the names, sizes and modification times of the files directly
// in `dir` (0 when it cannot be listed).
std::uint64_t directory_signature(const std::string& dir);

}  // namespace geokg::serve
