#include "geokg/graph/keys.hpp"

#include <algorithm>

#include "geokg/core/ids.hpp"

namespace geokg::keys {

namespace {
void put_alias(std::string& out, std::string_view normalized) {
  // A NUL inside the alias would end it early on decode; drop it.
  for (char c : normalized)
    if (c != '\0') out.push_back(c);
}
}  // namespace

std::string name_key(std::string_view normalized, NodeId id) {
  std::string k;
  k.reserve(normalized.size() + 9);
  put_alias(k, normalized);
  k.push_back('\0');
  put_u64(k, id);
  return k;
}

std::string stored_alias(std::string_view normalized) {
  std::string k;
  put_alias(k, normalized);
  return k;
}

std::string name_exact_prefix(std::string_view normalized) {
  std::string k;
  k.reserve(normalized.size() + 1);
  put_alias(k, normalized);
  k.push_back('\0');
  return k;
}

std::string name_prefix(std::string_view normalized_prefix) {
  std::string k;
  put_alias(k, normalized_prefix);
  return k;
}

bool decode_name_key(std::string_view key, NameKey& out) {
  if (key.size() < 9 || key[key.size() - 9] != '\0') return false;
  out.alias = key.substr(0, key.size() - 9);
  if (out.alias.find('\0') != std::string_view::npos) return false;
  out.node = get_u64(key.data() + key.size() - 8);
  return true;
}

std::uint64_t role_hash(const Role& role) {
  std::string s;
  for (const std::string* f : {&role.title, &role.country, &role.sector, &role.organization}) {
    s += *f;
    s.push_back('\0');
  }
  put_i32(s, role.from.key());
  put_i32(s, role.to.key());
  return stable_hash64(s);
}

std::string static_key(const StaticKey& k) {
  std::string out;
  out.reserve(kStaticKeySize);
  put_u64(out, k.source);
  out.push_back(static_cast<char>(k.relation));
  put_u64(out, k.target);
  put_u64(out, k.role_hash);
  return out;
}

std::string static_key(const StaticEdge& e) {
  return static_key(StaticKey{e.source, static_cast<std::uint8_t>(e.relation), e.target,
                              role_hash(e.role)});
}

std::string static_prefix(NodeId source) { return node_key(source); }

std::string static_prefix(NodeId source, std::uint8_t relation) {
  std::string out = node_key(source);
  out.push_back(static_cast<char>(relation));
  return out;
}

bool decode_static_key(std::string_view key, StaticKey& out) {
  if (key.size() != kStaticKeySize) return false;
  out.source = get_u64(key.data());
  out.relation = static_cast<std::uint8_t>(key[8]);
  out.target = get_u64(key.data() + 9);
  out.role_hash = get_u64(key.data() + 17);
  return true;
}

void put_cameo(std::string& out, std::string_view cameo) {
  char buf[kCameoBytes] = {0, 0, 0, 0};
  std::memcpy(buf, cameo.data(), std::min(cameo.size(), kCameoBytes));
  out.append(buf, kCameoBytes);
}

std::string get_cameo(const char* p) {
  std::size_t n = 0;
  while (n < kCameoBytes && p[n] != '\0') ++n;
  return std::string(p, n);
}

std::string adj_prefix(std::uint8_t dir, NodeId node) {
  std::string out;
  out.reserve(kAdjKeySize);
  out.push_back(static_cast<char>(dir));
  put_u64(out, node);
  return out;
}

std::string adj_prefix(std::uint8_t dir, NodeId node, std::int32_t date_key) {
  std::string out = adj_prefix(dir, node);
  put_i32(out, date_key);
  return out;
}

std::string adj_key(const AdjKey& k) {
  std::string out = adj_prefix(k.dir, k.node, k.date_key);
  put_cameo(out, k.cameo);
  put_u64(out, k.edge);
  return out;
}

bool decode_adj_key(std::string_view key, AdjKey& out) {
  if (key.size() != kAdjKeySize) return false;
  const auto dir = static_cast<std::uint8_t>(key[0]);
  if (dir != kDirOut && dir != kDirIn) return false;
  out.dir = dir;
  out.node = get_u64(key.data() + 1);
  out.date_key = get_i32(key.data() + 9);
  out.cameo = get_cameo(key.data() + 13);
  out.edge = get_u64(key.data() + 17);
  return true;
}

std::string adj_value(const AdjValue& v) {
  std::string out;
  out.reserve(kAdjValueSize);
  put_u64(out, v.other);
  out.push_back(static_cast<char>(v.flags));
  return out;
}

bool decode_adj_value(std::string_view value, AdjValue& out) {
  if (value.size() != kAdjValueSize) return false;
  out.other = get_u64(value.data());
  out.flags = static_cast<std::uint8_t>(value[8]);
  return true;
}

std::string timeline_prefix(std::int32_t date_key) {
  std::string out;
  out.reserve(kTimelineKeySize);
  put_i32(out, date_key);
  return out;
}

std::string timeline_key(const TimelineKey& k) {
  std::string out = timeline_prefix(k.date_key);
  put_u64(out, k.edge);
  return out;
}

bool decode_timeline_key(std::string_view key, TimelineKey& out) {
  if (key.size() != kTimelineKeySize) return false;
  out.date_key = get_i32(key.data());
  out.edge = get_u64(key.data() + 4);
  return true;
}

std::string timeline_value(const TimelineValue& v) {
  std::string out;
  out.push_back(static_cast<char>(v.flags));
  out += v.cameo;
  return out;
}

bool decode_timeline_value(std::string_view value, TimelineValue& out) {
  if (value.empty()) return false;
  out.flags = static_cast<std::uint8_t>(value[0]);
  out.cameo.assign(value.substr(1));
  return true;
}

std::string prefix_successor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(s.back());
    if (last != 0xFF) {
      ++last;
      return s;
    }
    s.pop_back();
  }
  return s;
}

}  // namespace geokg::keys
