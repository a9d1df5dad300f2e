#pragma once
// Which stored actor an extracted actor becomes across articles: the policy
// (full names and aliases, surnames, countries, dates), apart from the store
// that keeps the actors. GraphStore::commit asks once per actor of an
// article; the rules are summed up in geokg/graph/store.hpp under "Actors".

#include <string>
#include <vector>

#include "geokg/core/date.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"

namespace geokg {

// What the resolver reads of the stored actors. The store answers from its
// nodes and names (graph/store_actors.cpp); tests answer from a map.
class ActorDirectory {
 public:
  virtual ~ActorDirectory() = default;
  // The stored node of that id; nullptr when there is none.
  virtual Result<const Node*> node(NodeId id) = 0;
  // The ids of the nodes that carry exactly the name `norm` (normalize_name).
  virtual Result<std::vector<NodeId>> named(const std::string& norm) = 0;
};

// The node `a` becomes in an article of date `at`, where `own` is the id it
// takes on its own (its canonical name's; its (country, sector)'s when
// unnamed; its article's when a common noun):
//  - a country, a lexicon actor, an unnamed actor or a common noun: `own`;
//  - a full name that is already a node: `own`;
//  - a full name (or one of its multi-word aliases) that exactly one stored
//    node of the same kind and a compatible country (equal, or one unknown)
//    carries: that node;
//  - a person by surname only (Naming::kPartial): the one full-name person
//    with that surname, a compatible country (or role country) and time (no
//    dated role starting more than two years after `at`); of several, those
//    holding a role at `at`, then one named five times as often as any other;
//  - another one-word name: the one other node of its kind carrying it, of
//    the same known country;
//  - otherwise, or when ambiguous: `own` (kept apart).
// Errors are the directory's.
Result<NodeId> resolve_actor(const ExtractedActor& a, NodeId own, const Date& at, ActorDirectory& stored);

}  // namespace geokg
