#include "rocksdb_call.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>

namespace geokg {

namespace {

thread_local int calls_in_progress = 0;
std::new_handler previous_handler = nullptr;

void out_of_memory_in_store() {
  if (calls_in_progress > 0) {
    static const char kMessage[] = "geokg: out of memory inside the database (see \"Limits\" in the README)\n";
    std::fwrite(kMessage, 1, sizeof kMessage - 1, stderr);
    std::_Exit(2);
  }
  if (previous_handler) return previous_handler();
  throw std::bad_alloc();
}

}  // namespace

RocksdbCall::RocksdbCall() {
  static std::once_flag installed;
  std::call_once(installed, [] { previous_handler = std::set_new_handler(out_of_memory_in_store); });
  ++calls_in_progress;
}

RocksdbCall::~RocksdbCall() { --calls_in_progress; }

}  // namespace geokg
