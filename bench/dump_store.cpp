// dump_store: prints every key and (merged) value of a geokg database, one
// line per entry ("family<TAB>key hex<TAB>value hex"), articles with their
// ingestion time zeroed. Two databases that hold the same graph print the
// same text, whatever their files, compaction or merge history: used to check
// that a change to the write path leaves the stored graph identical
// (diff <(dump_store a.db) <(dump_store b.db)). --graph leaves out the
// record of which commit came last (two orders of commit may build the same
// graph: `ingest --extracted` of shards against a plain ingest).
//
// usage: dump_store [--graph] DIR

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "geokg/graph/store.hpp"
#include "store_internal.hpp"

int main(int argc, char** argv) {
  const bool graph_only = argc == 3 && std::string_view(argv[1]) == "--graph";
  if (argc != 2 && !graph_only) {
    std::fprintf(stderr, "usage: dump_store [--graph] DIR\n");
    return 1;
  }
  geokg::StoreOptions so;
  so.read_only = true;
  auto opened = geokg::GraphStore::Open(argv[argc - 1], so);
  if (!opened.ok()) {
    std::fprintf(stderr, "dump_store: %s\n", opened.status().message().c_str());
    return 1;
  }
  const geokg::Status s = geokg::internal::StoreInternals::dump(**opened, graph_only, [](const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  });
  if (!s.ok()) {
    std::fprintf(stderr, "dump_store: %s\n", s.message().c_str());
    return 1;
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}
