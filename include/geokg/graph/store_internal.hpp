#pragma once
// Raw access to a GraphStore's RocksDB handles, for tests (damaging a store on
// purpose to exercise verify(), forcing a failed write) and low-level tools.
// Not part of the query interface: nothing outside graph/ and tests/ should
// need it. Handles stay owned by the store and die with it.

#include <string_view>

#include <rocksdb/db.h>

#include "geokg/graph/store.hpp"

namespace geokg::internal {

struct StoreInternals {
  static rocksdb::DB* db(GraphStore& store);
  // nullptr for an unknown family name (see keys.hpp for the names).
  static rocksdb::ColumnFamilyHandle* family(GraphStore& store, std::string_view name);
  // Makes the next commit() fail after its WriteBatch is built and before it
  // is written, as an I/O failure would.
  static void fail_next_write(GraphStore& store);
};

}  // namespace geokg::internal
