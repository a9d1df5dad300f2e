#pragma once
// Stable identifiers and the one name normalisation used for every lookup.

#include <cstdint>
#include <string>
#include <string_view>

#include "geokg/core/model.hpp"

namespace geokg {

// 64-bit FNV-1a followed by a splitmix64 finaliser: stable across runs,
// platforms and versions (ids are stored on disk, so this must never change).
std::uint64_t stable_hash64(std::string_view bytes);

inline constexpr std::uint64_t kFnv64Offset = 14695981039346656037ull;
inline constexpr std::uint64_t kFnv64Prime = 1099511628211ull;

// The splitmix64 finaliser: spreads FNV's weak high bits. stable_hash64 ends
// with it; the tagger's and parser's feature hashes use it too (their weight
// files depend on it, like stored ids).
constexpr std::uint64_t splitmix64_finish(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// Lookup form of a name: Unicode NFKD, case-folded, accents and dots removed,
// curly quotes straightened, whitespace collapsed. "U.S." -> "us",
// "José Ramón" -> "jose ramon", "People’s Republic" -> "people's republic".
std::string normalize_name(std::string_view name);

// A country's id comes from its ISO alpha-3 code, so every name of it
// ("United States", "Washington" as metonym) is one node; other kinds hash
// kind + normalised canonical name.
NodeId node_id(NodeKind kind, std::string_view canonical_name, std::string_view country = {});
NodeId country_node_id(std::string_view iso3);
// The node id of an extracted actor: as above for proper and partial names;
// an unnamed actor's id is its (country, sector), whatever the name says, so
// "Malaysian police" of every article is one node; a common noun's id also
// hashes its scope (ExtractedActor::scope: the actors it is an event's
// object with), else `article_id`, so "the agreement" Nigeria and Britain
// signed is one node in every copy of that story and never another story's
// agreement (with neither it is the plain name's id).
NodeId node_id(const ExtractedActor& actor, std::string_view article_id = {});
EdgeId event_id(NodeId source, NodeId target, std::string_view cameo, const Date& date,
                bool negated, bool hypothetical);
// Stable article id: a hash of the URL when there is one, else of the text.
std::string article_id(std::string_view url, std::string_view text);

// What makes two versions of an article different: a hash of its title and
// text, never 0 (0 stands for "not recorded"); Article::content_hash when set.
std::uint64_t article_content_hash(const Article& article);
// The size of the article's text: Article::text_bytes when set, else text.size().
inline std::uint64_t article_text_bytes(const Article& article) {
  return article.text_bytes != 0 ? article.text_bytes : article.text.size();
}

// "0123456789abcdef" form used in JSON and on the command line.
std::string to_hex(std::uint64_t id);
bool from_hex(std::string_view hex, std::uint64_t& out);

}  // namespace geokg
