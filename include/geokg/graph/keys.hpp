#pragma once
// Every RocksDB key geokg writes is built, prefixed and decoded here, and only
// here. Each record kind lives in its own column family, so the family is the
// kind tag; the adjacency family carries a direction byte first because its
// two halves (out / in) are scanned separately.
//
// Integers are big-endian; signed integers have their sign bit flipped first.
// Byte order (RocksDB's default comparator) therefore equals numeric order:
// an adjacency prefix scan returns an actor's events in date order, and the
// timeline family is the whole graph in date order.
//
//  meta      +----------------------+
//            | name (ASCII)         |   "schema_version" -> u32 BE, "creator" -> text,
//            +----------------------+   "last_commit" -> u64 BE | article id,
//                                       "lost_commits" -> lines "SEQ ID"
//
//  nodes     +--------------+
//            | node_id u64  |   -> Node (codec.hpp; merge operator combines partial records)
//            +--------------+
//
//  names     +--------------------------+------+--------------+
//            | normalize_name(alias)    | 0x00 | node_id u64  |   -> evidence count u64 LE
//            +--------------------------+------+--------------+
//            The value counts the articles that gave the node this alias (a
//            merge operator adds them up); "" (databases written before the
//            count existed) reads as 0.
//            NUL bytes inside the alias are dropped so 0x00 always ends it: the
//            prefix "alias|0x00" finds exactly that alias, the prefix "ali"
//            every alias starting with "ali".
//
//  edges     +--------------+
//            | edge_id u64  |   -> EventEdge (codec.hpp; merge operator grows evidence)
//            +--------------+
//
//  static    +----------------+----------+----------------+-----------------+
//            | source_id u64  | rel u8   | target_id u64  | role_hash u64   |   -> StaticEdge
//            +----------------+----------+----------------+-----------------+
//            rel: StaticRelation (core/model.hpp): 1 = role
//
//  adj       +--------+--------------+-------------------+-----------+--------------+
//            | dir u8 | node_id u64  | date_key i32 (^)  | cameo [4] | edge_id u64  |
//            +--------+--------------+-------------------+-----------+--------------+
//            -> other_node_id u64 | flags u8
//            dir: 0 = out (node is the event's source), 1 = in (node is its target)
//            date_key: Date::key() (yyyymmdd, 0 = unknown) with the sign bit flipped
//            cameo: the code's ASCII digits, zero-padded to 4 bytes
//            flags: bit 0 negated, bit 1 hypothetical
//
//  timeline  +-------------------+--------------+
//            | date_key i32 (^)  | edge_id u64  |   -> flags u8 | cameo (ASCII)
//            +-------------------+--------------+
//            (the value repeats what a filtered scan needs, so filtering the
//            timeline never reads the edge records)
//
//  articles  +---------------------------+
//            | article id (as given)     |   -> ArticleRecord
//            +---------------------------+
//
// Decoders return false (or nullopt) on a key of the wrong size or shape;
// they never read past the key and never throw.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "geokg/core/model.hpp"

namespace geokg::keys {

// ---- fixed-width integers --------------------------------------------------

inline void put_u64(std::string& out, std::uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out.append(buf, 8);
}

inline void put_u32(std::string& out, std::uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out.append(buf, 4);
}

// Sign bit flipped: INT32_MIN -> 0x00000000, -1 -> 0x7FFFFFFF, 0 -> 0x80000000.
inline void put_i32(std::string& out, std::int32_t v) {
  std::uint32_t u;
  std::memcpy(&u, &v, 4);
  put_u32(out, u ^ 0x80000000u);
}

// REQUIRES: p points at 8 / 4 readable bytes.
inline std::uint64_t get_u64(const char* p) {
  unsigned char b[8];
  std::memcpy(b, p, 8);
  std::uint64_t v = 0;
  for (unsigned char c : b) v = (v << 8) | c;
  return v;
}

inline std::uint32_t get_u32(const char* p) {
  unsigned char b[4];
  std::memcpy(b, p, 4);
  std::uint32_t v = 0;
  for (unsigned char c : b) v = (v << 8) | c;
  return v;
}

inline std::int32_t get_i32(const char* p) {
  const std::uint32_t u = get_u32(p) ^ 0x80000000u;
  std::int32_t v;
  std::memcpy(&v, &u, 4);
  return v;
}

// ---- column families ---------------------------------------------------------

inline constexpr const char* kMetaFamily = "meta";
inline constexpr const char* kNodesFamily = "nodes";
inline constexpr const char* kNamesFamily = "names";
inline constexpr const char* kEdgesFamily = "edges";
inline constexpr const char* kStaticFamily = "static";
inline constexpr const char* kAdjFamily = "adj";
inline constexpr const char* kTimelineFamily = "timeline";
inline constexpr const char* kArticlesFamily = "articles";

inline constexpr std::string_view kMetaSchemaVersion = "schema_version";
inline constexpr std::string_view kMetaCreator = "creator";
// The last commit: its sequence number (u64 BE), then its article id.
inline constexpr std::string_view kMetaLastCommit = "last_commit";
// Commits a damaged write-ahead log lost, until they are ingested again:
// one line per commit, "SEQ ARTICLE-ID" (the id escaped as in the journal).
inline constexpr std::string_view kMetaLostCommits = "lost_commits";

// ---- nodes / edges: one id ------------------------------------------------------

inline constexpr std::size_t kIdKeySize = 8;
inline std::string node_key(NodeId id) {
  std::string k;
  put_u64(k, id);
  return k;
}
inline std::string edge_key(EdgeId id) { return node_key(id); }
inline bool decode_id_key(std::string_view key, std::uint64_t& id) {
  if (key.size() != kIdKeySize) return false;
  id = get_u64(key.data());
  return true;
}

// ---- names ------------------------------------------------------------------------

// `normalized` is an alias already passed through normalize_name().
std::string name_key(std::string_view normalized, NodeId id);
// The alias as a names key holds it (NUL bytes dropped): what decode_name_key
// gives back for `normalized`.
std::string stored_alias(std::string_view normalized);
// Every entry of exactly this alias.
std::string name_exact_prefix(std::string_view normalized);
// Every alias starting with `normalized_prefix` (no separator appended).
std::string name_prefix(std::string_view normalized_prefix);
struct NameKey {
  std::string_view alias;   // views into the key
  NodeId node = 0;
};
bool decode_name_key(std::string_view key, NameKey& out);
// The names value: an evidence count, 8 bytes little-endian.
inline std::string name_count_value(std::uint64_t count) {
  std::string v(8, '\0');
  for (int i = 0; i < 8; ++i) v[static_cast<std::size_t>(i)] = static_cast<char>((count >> (8 * i)) & 0xFF);
  return v;
}
// 0 for anything but 8 bytes (the empty legacy value included).
inline std::uint64_t decode_name_count(std::string_view value) {
  if (value.size() != 8) return 0;
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(value[static_cast<std::size_t>(i)]);
  return v;
}

// ---- static edges -----------------------------------------------------------------

// Stable hash of every field of the role, so distinct roles between the same
// two nodes are distinct records and an identical role is one record.
std::uint64_t role_hash(const Role& role);

inline constexpr std::size_t kStaticKeySize = 8 + 1 + 8 + 8;
struct StaticKey {
  NodeId source = 0;
  std::uint8_t relation = 0;
  NodeId target = 0;
  std::uint64_t role_hash = 0;
  friend bool operator==(const StaticKey&, const StaticKey&) = default;
};
std::string static_key(const StaticKey& k);
std::string static_key(const StaticEdge& e);
std::string static_prefix(NodeId source);
std::string static_prefix(NodeId source, std::uint8_t relation);
bool decode_static_key(std::string_view key, StaticKey& out);

// ---- adjacency --------------------------------------------------------------------

inline constexpr std::uint8_t kDirOut = 0;
inline constexpr std::uint8_t kDirIn = 1;
inline constexpr std::uint8_t kFlagNegated = 1;
inline constexpr std::uint8_t kFlagHypothetical = 2;
inline constexpr std::size_t kCameoBytes = 4;
inline constexpr std::size_t kAdjKeySize = 1 + 8 + 4 + kCameoBytes + 8;
inline constexpr std::size_t kAdjValueSize = 8 + 1;

// CAMEO codes are 2-4 ASCII digits; longer input is truncated to 4 bytes.
void put_cameo(std::string& out, std::string_view cameo);
std::string get_cameo(const char* p);   // REQUIRES: 4 readable bytes; strips the padding

struct AdjKey {
  std::uint8_t dir = kDirOut;
  NodeId node = 0;
  std::int32_t date_key = 0;
  std::string cameo;
  EdgeId edge = 0;
  friend bool operator==(const AdjKey&, const AdjKey&) = default;
};
std::string adj_key(const AdjKey& k);
std::string adj_prefix(std::uint8_t dir, NodeId node);
// Seek target: the first entry of `node` dated on or after `date_key`.
std::string adj_prefix(std::uint8_t dir, NodeId node, std::int32_t date_key);
bool decode_adj_key(std::string_view key, AdjKey& out);

struct AdjValue {
  NodeId other = 0;
  std::uint8_t flags = 0;
  friend bool operator==(const AdjValue&, const AdjValue&) = default;
};
std::string adj_value(const AdjValue& v);
bool decode_adj_value(std::string_view value, AdjValue& out);

inline std::uint8_t event_flags(bool negated, bool hypothetical) {
  return static_cast<std::uint8_t>((negated ? kFlagNegated : 0) |
                                   (hypothetical ? kFlagHypothetical : 0));
}

// ---- timeline ----------------------------------------------------------------------

inline constexpr std::size_t kTimelineKeySize = 4 + 8;
struct TimelineKey {
  std::int32_t date_key = 0;
  EdgeId edge = 0;
  friend bool operator==(const TimelineKey&, const TimelineKey&) = default;
};
std::string timeline_key(const TimelineKey& k);
// Seek target: the first event dated on or after `date_key`.
std::string timeline_prefix(std::int32_t date_key);
bool decode_timeline_key(std::string_view key, TimelineKey& out);

struct TimelineValue {
  std::uint8_t flags = 0;
  std::string cameo;
  friend bool operator==(const TimelineValue&, const TimelineValue&) = default;
};
std::string timeline_value(const TimelineValue& v);
bool decode_timeline_value(std::string_view value, TimelineValue& out);

// ---- articles ------------------------------------------------------------------------

inline std::string article_key(std::string_view article_id) { return std::string(article_id); }

// ---- prefix arithmetic -----------------------------------------------------------------

// The smallest key greater than every key starting with `prefix`, or "" when
// there is none (the prefix is all 0xFF bytes). Used as an iterator upper bound.
std::string prefix_successor(std::string_view prefix);

}  // namespace geokg::keys
