// dump_store: prints every key and (merged) value of a geokg database, one
// line per entry ("family<TAB>key hex<TAB>value hex"), articles with their
// ingestion time zeroed. Two databases that hold the same graph print the
// same text, whatever their files, compaction or merge history: used to check
// that a change to the write path leaves the stored graph identical
// (diff <(dump_store a.db) <(dump_store b.db)).
//
// usage: dump_store DIR

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include <rocksdb/db.h>

#include "geokg/graph/codec.hpp"
#include "geokg/graph/keys.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/graph/store_internal.hpp"

namespace {

void hex(std::string_view s) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(2 * s.size());
  for (unsigned char c : s) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: dump_store DIR\n");
    return 1;
  }
  geokg::StoreOptions so;
  so.read_only = true;
  auto opened = geokg::GraphStore::Open(argv[1], so);
  if (!opened.ok()) {
    std::fprintf(stderr, "dump_store: %s\n", opened.status().message().c_str());
    return 1;
  }
  namespace keys = geokg::keys;
  geokg::GraphStore& store = **opened;
  rocksdb::DB* db = geokg::internal::StoreInternals::db(store);
  for (const char* name : {keys::kMetaFamily, keys::kNodesFamily, keys::kNamesFamily,
                           keys::kEdgesFamily, keys::kStaticFamily, keys::kAdjFamily,
                           keys::kTimelineFamily, keys::kArticlesFamily}) {
    rocksdb::ColumnFamilyHandle* h = geokg::internal::StoreInternals::family(store, name);
    if (h == nullptr) continue;
    const bool articles = std::string_view(name) == keys::kArticlesFamily;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string value = it->value().ToString();
      if (articles) {
        geokg::ArticleRecord a;
        if (geokg::codec::decode(value, a).ok()) {
          a.ingested_at = 0;
          value = geokg::codec::encode(a);
        }
      }
      std::fputs(name, stdout);
      std::fputc('\t', stdout);
      hex(it->key().ToStringView());
      std::fputc('\t', stdout);
      hex(value);
      std::fputc('\n', stdout);
    }
    if (!it->status().ok()) {
      std::fprintf(stderr, "dump_store: %s: %s\n", name, it->status().ToString().c_str());
      return 1;
    }
  }
  return 0;
}
