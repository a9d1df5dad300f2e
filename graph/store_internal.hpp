#pragma once
// Raw access to a GraphStore's RocksDB handles, for tests (damaging a store on
// purpose to exercise verify(), forcing a failed write) and low-level tools.
// Not part of the query interface, and so not under include/: graph/'s own
// header, reached through the geokg::graph_internal target by tests/ and
// bench/ only. Handles stay owned by the store and die with it.

#include <functional>
#include <string>
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
  // Every key and merged value of every family, one line per entry
  // ("family<TAB>key hex<TAB>value hex", no newline), articles with their
  // ingestion time zeroed: two stores that print the same lines hold the
  // same graph, whatever their files, compactions or merge histories. With
  // `graph_only`, the meta family's commit bookkeeping (the last commit and
  // the lost ones) is left out: it records which article came last, and two
  // orders of commit can build one graph. Returns the first iterator error.
  static Status dump(GraphStore& store, bool graph_only, const std::function<void(const std::string&)>& line);
};

}  // namespace geokg::internal
