#pragma once
// Name resolution used by every query command: a person types "blinken",
// "Antony Blinken", "ANTONY BLINKEN", "Sergueï Choïgou" or a node id, and
// gets one node, a list of candidates, or suggestions.
//
// Order of attempts (the first that finds anything decides):
//  1. a 16-digit hex node id that exists;
//  2. an alias equal to the name after normalize_name() (case- and
//     accent-insensitive); a surname-only node ("Blair", Naming::kPartial)
//     gives way to the full-name people who have the alias; several nodes ->
//     those whose canonical name is the name win, else the name is ambiguous;
//     a person found so is not made ambiguous by other kinds of nodes whose
//     names contain the word in step 3 ("Reagan" vs "Reagan Administration");
//  3. token match over the names index: every token of the query equals a
//     token of an alias, the query's last token may be a prefix ("Blinken"
//     -> "antony blinken", "Xi" -> "xi jinping"); one node -> resolved,
//     several -> ambiguous;
//  4. suggestions: the aliases closest by edit distance (bounded).
// Steps 3 and 4 scan the names index once, stopping after
// ResolveOptions::max_scan entries so a huge store answers in bounded time.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::query {

struct ResolveOptions {
  // Most candidates listed for an ambiguous name. Default: 20.
  std::size_t max_candidates = 20;
  // Most suggestions for an unknown name. Default: 5.
  std::size_t max_suggestions = 5;
  // Most names-index entries read by the token / edit-distance pass. Default: 2,000,000.
  std::size_t max_scan = 2'000'000;
};

struct Resolution {
  enum class Outcome { kFound, kAmbiguous, kUnknown };
  Outcome outcome = Outcome::kUnknown;
  Node node;                              // kFound
  std::vector<Node> candidates;           // kAmbiguous, most mentioned first (at most max_candidates)
  std::size_t total_candidates = 0;       // kAmbiguous: all the nodes that matched
  std::vector<std::string> suggestions;   // kUnknown: canonical names, closest first
  bool found() const { return outcome == Outcome::kFound; }
};

// Errors: only store failures (IOError, Corruption); an unknown or ambiguous
// name is a Resolution, not an error.
Result<Resolution> resolve_name(const GraphStore& store, std::string_view name,
                                const ResolveOptions& options = {});

// A message for a person: "ambiguous name 'Wang': …" with one candidate per
// line (name, kind, country, mentions), or "no actor named 'X'; did you mean …".
// REQUIRES: !r.found().
std::string describe_unresolved(std::string_view name, const Resolution& r);

// Levenshtein distance of two byte strings, or limit+1 when it exceeds
// `limit` (stops early).
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace geokg::query
