#pragma once
// The most mentioned (or most recently seen) actors, read in one pass over
// the node records with a heap of `limit` entries: memory stays bounded by
// the limit whatever the store's size, unlike rank_actors
// (geokg/query/rank.hpp), which loads the whole graph for degree, centrality
// and PageRank.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::query {

enum class TopBy { kMentions, kArticles, kRecent };
std::optional<TopBy> top_by_from_string(std::string_view s);   // "mentions", "articles", "recent"
const char* to_string(TopBy by);

struct TopOptions {
  TopBy by = TopBy::kMentions;       // Default: mentions
  // Only this kind. Default: every kind except location (as rank_actors).
  // Common nouns and unnamed actors without a country are never listed
  // (is_specific), as in rank_actors.
  std::optional<NodeKind> kind;
  // Only actors of this country / sector as rank_actors reads them (a
  // person's country from the roles held in [seen_from, seen_to],
  // of_country_between; the sector by of_sector_between). Default: any
  std::string country;
  std::string sector;
  // Only actors seen in this window: articles dated seen_from..seen_to
  // mention them (first_seen..last_seen overlaps it; a month or year in
  // seen_to covers all of it). Actors without dates pass only an open window.
  // Default: open.
  Date seen_from;
  Date seen_to;
  std::size_t limit = 25;            // REQUIRES: > 0. Default: 25
};

// Sorted by the key (mentions; articles; last_seen, undated last), then
// mentions, then name, then id. Errors: store failures.
Result<std::vector<Node>> top_actors(const GraphStore& store, const TopOptions& options);

}  // namespace geokg::query
