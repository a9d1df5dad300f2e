#pragma once
// Value encoding of the stored records: a compact hand-written binary format.
// A format-version byte, then the fields in declaration order; strings and
// lists carry a varint length, ids are fixed 8 bytes little-endian, dates are
// year (zig-zag varint), month, day and precision bytes. Smaller and faster
// than CBOR of JSON objects (no field names, no intermediate DOM), and
// decoding is bounds-checked field by field.
//
// Decoders return Status::Corruption on truncated or malformed input (never
// throw, never read out of bounds). Trailing bytes after a record are an error.
//
// The merge functions are what the RocksDB merge operators of the nodes and
// edges families apply; they live here so that they can be tested alone.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"

namespace geokg::codec {

inline constexpr unsigned char kFormatVersion = 1;
// Edge records are written in version 2: every evidence also carries the CAMEO
// code and the date its report gave (Evidence::cameo / Evidence::date), so that
// reports which disagree are kept rather than overwritten. Version 1 edge
// records (no such fields) still decode, with those fields empty.
inline constexpr unsigned char kEdgePerReportVersion = 2;
// Version 3 adds the event's resolved place (EventEdge::place) after the
// evidence; version 1 and 2 records decode with an empty place.
inline constexpr unsigned char kEdgeFormatVersion = 3;
// Article records are written in version 2: after the nodes and edges, what
// the article gave each (content hash, mentions, names, reports, role edges),
// for replacing a changed article. Version 1 records still decode (without
// them).
inline constexpr unsigned char kArticleFormatVersion = 2;
// Node records are written in version 2: the CAMEO actor code (Node::code),
// how the actor is named (Node::naming) and the date of the report that gave
// the country (Node::country_date) follow last_seen. Version 1 node records
// still decode, with an empty code, a proper name and no country date.
inline constexpr unsigned char kNodeFormatVersion = 2;

std::string encode(const Node& node);
std::string encode(const EventEdge& edge);
std::string encode(const StaticEdge& edge);
std::string encode(const ArticleRecord& article);

Status decode(std::string_view bytes, Node& out);
Status decode(std::string_view bytes, EventEdge& out);
Status decode(std::string_view bytes, StaticEdge& out);
Status decode(std::string_view bytes, ArticleRecord& out);

// Folds the partial record `update` into `into` (both describe the same node):
// aliases, roles unioned (order kept, duplicates dropped); mentions and
// articles summed; first_seen/last_seen widened; the first non-empty
// name/sector kept; the country and code of the latest country_date (the
// first on ties) kept; the most proper naming kept (a node once named in full
// is not partial). Associative, so RocksDB may combine operands in any
// grouping.
void merge_into(Node& into, const Node& update);

// Same for an event edge: mentions summed; sources and articles unioned;
// evidence appended unless an equal evidence is present; the highest
// confidence kept; the first non-empty quote/relation and non-zero location kept.
// Reports of one event may disagree (GraphStore::commit merges reports whose
// dates are compatible and whose codes share the CAMEO root): the edge's date
// becomes the update's when date_wins(), its code (and relation) the update's
// when cameo_wins(); each evidence keeps what its own report said. Both rules
// keep the current value on ties, so the fold stays associative.
void merge_into(EventEdge& into, const EventEdge& update);

// merge_into over many updates of one edge, in time linear in their total
// size: merging them one by one searches the growing article and evidence
// lists for each update, quadratic for an event with many reports.
class EdgeFold {
 public:
  explicit EdgeFold(EventEdge base);
  EdgeFold(const EdgeFold&) = delete;
  EdgeFold& operator=(const EdgeFold&) = delete;
  // The same as merge_into(result(), update).
  void add(const EventEdge& update);
  EventEdge& result() { return acc_; }

 private:
  template <typename T>
  struct Index {
    std::vector<T>* list = nullptr;
    std::unordered_multimap<std::uint64_t, std::size_t> by_hash;   // hash -> position in *list
  };
  template <typename T>
  static void index(Index<T>& ix, std::vector<T>& list);
  template <typename T>
  static void add_unique(Index<T>& ix, const T& item);

  EventEdge acc_;
  Index<std::string> sources_, articles_;
  Index<Evidence> evidence_;
};

// How specific a CAMEO code is: its length without trailing zeros past the
// root ("04" and "040" -> 2, "043" -> 3, "0431" -> 4).
int cameo_specificity(std::string_view cameo);
// A reported date replaces the edge's when it is more precise and compatible
// ("2023-02-14" over "2023-02"; never "2023-03-01" over "2023-02").
bool date_wins(const Date& current, const Date& reported);
// A reported code replaces the edge's when it is more specific ("043" over "040").
bool cameo_wins(std::string_view current, std::string_view reported);

}  // namespace geokg::codec
