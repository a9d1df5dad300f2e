#pragma once
// Names as a person types them: the actors whose alias starts with what has
// been typed so far ("blin" -> Antony Blinken through his alias "blinken"),
// for a search box's suggestions. One bounded range scan of the names index
// from the typed prefix, so each keystroke costs the same on any store;
// resolve_name (geokg/query/resolve.hpp) decides what a finished name means.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::query {

struct SuggestOptions {
  // Most suggestions returned. Default: 10.
  std::size_t limit = 10;
  // Names-index entries read at most (aliases in byte order from the prefix). Default: 5,000.
  std::size_t max_scan = 5'000;
  // Distinct actors read at most to rank them by mentions: a short prefix
  // ("a") ranks the first ones in alias order only. Default: 200.
  std::size_t max_nodes = 200;
};

struct Suggestion {
  Node node;
  std::string alias;   // the normalised alias that matched (the shortest of the node's)
};

// Actors with an alias starting with normalize_name(text), most mentioned
// first (ties: name, then id); each actor once. Text that normalises to
// nothing gives no suggestions. Errors: store failures only.
Result<std::vector<Suggestion>> suggest_names(const GraphStore& store, std::string_view text,
                                             const SuggestOptions& options = {});

}  // namespace geokg::query
