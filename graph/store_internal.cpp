#include "store_internal.hpp"

#include "store_impl.hpp"

namespace geokg {

using namespace detail;   // the store's internals (store_impl.hpp)

namespace internal {

rocksdb::DB* StoreInternals::db(GraphStore& store) { return store.impl_->db.get(); }

rocksdb::ColumnFamilyHandle* StoreInternals::family(GraphStore& store, std::string_view name) {
  for (std::size_t f = 0; f < kFamilyCount; ++f)
    if (name == kFamilyNames[f]) return store.impl_->families[f];
  return nullptr;
}

void StoreInternals::fail_next_write(GraphStore& store) { store.impl_->fail_next_write = true; }

Status StoreInternals::dump(GraphStore& store, bool graph_only,
                            const std::function<void(const std::string&)>& line) {
  static const char* digits = "0123456789abcdef";
  const auto hex = [](std::string& out, std::string_view s) {
    for (unsigned char c : s) {
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  };
  GraphStore::Impl& im = *store.impl_;
  std::string text;
  for (std::size_t f = 0; f < kFamilyCount; ++f) {
    std::unique_ptr<rdb::Iterator> it(im.db->NewIterator(rdb::ReadOptions(), im.families[f]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const std::string_view key = view(it->key());
      if (graph_only && f == kMeta && (key == keys::kMetaLastCommit || key == keys::kMetaLostCommits)) continue;
      std::string value = it->value().ToString();
      if (f == kArticles) {
        ArticleRecord a;
        if (codec::decode(value, a).ok()) {
          a.ingested_at = 0;
          value = codec::encode(a);
        }
      }
      text.assign(kFamilyNames[f]);
      text += '\t';
      hex(text, key);
      text += '\t';
      hex(text, value);
      line(text);
    }
    if (Status s = from_rocks(it->status(), std::string("dump of ") + kFamilyNames[f]); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace internal

}  // namespace geokg
