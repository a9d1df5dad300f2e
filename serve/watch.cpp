#include "geokg/serve/watch.hpp"

#include <condition_variable>
#include <filesystem>

#include "geokg/core/ids.hpp"

namespace geokg::serve {

namespace fs = std::filesystem;

std::uint64_t directory_signature(const std::string& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return 0;
  // Order-independent: the listing order is the file system's.
  std::uint64_t sum = 0;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return 0;
    std::error_code e1, e2;
    const auto size = it->file_size(e1);
    const auto time = it->last_write_time(e2);
    if (e1 || e2) continue;   // removed while listed: the next look sees the change
    const std::string entry = it->path().filename().string() + "\n" + std::to_string(size) + "\n" +
                              std::to_string(time.time_since_epoch().count());
    sum += stable_hash64(entry);
  }
  return sum;
}

WatchedStore::WatchedStore(std::string dir, WatchOptions options)
    : dir_(std::move(dir)), options_(std::move(options)) {}

Result<std::unique_ptr<WatchedStore>> WatchedStore::Open(const std::string& dir, WatchOptions options) {
  std::unique_ptr<WatchedStore> w(new WatchedStore(dir, std::move(options)));
  const std::uint64_t signature = directory_signature(dir);
  StoreOptions so;
  so.read_only = true;
  auto store = GraphStore::Open(dir, so);
  if (!store.ok()) return store.status();
  w->store_ = std::shared_ptr<const GraphStore>(std::move(store).value());
  w->signature_ = signature;
  w->generation_ = 1;
  if (w->options_.interval.count() > 0)
    w->watcher_ = std::jthread([p = w.get()](std::stop_token stop) { p->watch(stop); });
  return w;
}

WatchedStore::~WatchedStore() {
  if (watcher_.joinable()) {
    watcher_.request_stop();
    watcher_.join();
  }
}

std::shared_ptr<const GraphStore> WatchedStore::store() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return store_;
}

std::uint64_t WatchedStore::generation() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

Result<bool> WatchedStore::refresh() {
  std::lock_guard<std::mutex> one_at_a_time(refresh_mutex_);
  // Taken before the open: a commit during the open changes the directory
  // again and the next look opens once more, never missing it.
  const std::uint64_t signature = directory_signature(dir_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (signature == signature_ || signature == 0) return false;
  }
  StoreOptions so;
  so.read_only = true;
  auto store = GraphStore::Open(dir_, so);
  if (!store.ok()) return store.status();
  std::shared_ptr<const GraphStore> old;   // released outside the lock
  std::lock_guard<std::mutex> lock(mutex_);
  old = std::move(store_);
  store_ = std::shared_ptr<const GraphStore>(std::move(store).value());
  signature_ = signature;
  ++generation_;
  return true;
}

void WatchedStore::watch(std::stop_token stop) {
  std::mutex m;
  std::condition_variable_any cv;
  std::unique_lock<std::mutex> lock(m);
  for (;;) {
    // Wakes early only when asked to stop.
    cv.wait_for(lock, stop, options_.interval, [] { return false; });
    if (stop.stop_requested()) return;
    auto r = refresh();
    if (!options_.log) continue;
    if (!r.ok()) options_.log("reopening the database failed (still serving the earlier view): " + r.status().message());
    else if (*r) options_.log("the database changed: reopened it (view " + std::to_string(generation()) + ")");
  }
}

}  // namespace geokg::serve
