// The stored actors as the identity policy reads them (ActorDirectory):
// nodes decoded once per commit, names by exact-name prefix scans.

#include "store_impl.hpp"

namespace geokg::detail {

Result<const Node*> StoredActors::node(NodeId id) {
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return it->second ? &*it->second : nullptr;
  rdb::PinnableSlice v;
  Status s = im_.get(kNodes, keys::node_key(id), v);
  std::optional<Node> n;
  if (s.ok()) {
    n.emplace();
    if (Status d = codec::decode(view(v), *n); !d.ok()) return d;
  } else if (!s.is_not_found()) {
    return s;
  }
  auto [pos, _] = nodes_.emplace(id, std::move(n));
  return pos->second ? &*pos->second : nullptr;
}

Result<std::vector<NodeId>> StoredActors::named(const std::string& norm) {
  std::vector<NodeId> out;
  if (!names_) names_ = im_.new_iterator(kNames);
  const std::string prefix = keys::name_exact_prefix(norm);
  for (names_->Seek(prefix); names_->Valid() && names_->key().starts_with(prefix); names_->Next()) {
    keys::NameKey k;
    if (keys::decode_name_key(view(names_->key()), k)) out.push_back(k.node);
  }
  if (Status s = from_rocks(names_->status(), "name lookup"); !s.ok()) return s;
  return out;
}

}  // namespace geokg::detail
