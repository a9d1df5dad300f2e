#pragma once
// RocksDB is not written for std::bad_alloc: an allocation that fails inside
// it unwinds through destructors that assert and abort the process (seen
// under `ulimit -v` while DB::Open built a memtable). Code that calls into
// RocksDB holds a RocksdbCall; while one is held on the thread, a failed
// allocation ends the process at once with an out-of-memory message and exit
// status 2 (the CLI's error status) instead of unwinding. What was committed
// stays: each article is one atomic write, and the write-ahead log is
// replayed on the next open. Elsewhere a failed allocation throws as usual.

namespace geokg {

class RocksdbCall {
 public:
  RocksdbCall();
  ~RocksdbCall();
  RocksdbCall(const RocksdbCall&) = delete;
  RocksdbCall& operator=(const RocksdbCall&) = delete;
};

}  // namespace geokg
