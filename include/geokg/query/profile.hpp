#pragma once
// An actor's profile: who it is (aliases, kind, country, dated roles), what it
// does (event counts by CAMEO root class) and with whom (top counterparts).
// Read with one adjacency scan and the static-edge scan of the node.

#include <cstddef>
#include <string>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/places.hpp"

namespace geokg::query {

struct ProfileRole {
  Role role;
  std::optional<StaticRelation> relation;   // none for roles held on the node itself
  NodeId target = 0;         // the country / organisation of a static edge; 0 when none
  std::string target_name;
};

// True when `role` was held on `at` (geokg::role_held_at, core/model.hpp).
using ::geokg::role_held_at;

struct RootClassCount {
  std::string root;          // "04"
  std::string label;         // "CONSULT" (from the CAMEO table; "" when unknown)
  std::size_t as_source = 0;
  std::size_t as_target = 0;
};

struct Counterpart {
  NodeId id = 0;
  std::string name;
  std::string kind;
  std::string country;
  std::size_t events = 0;      // events with the actor, either direction
  std::size_t as_source = 0;   // of which the actor was the source
  Date last;                   // latest dated event with them
  std::string top_relation;    // up to three relation labels, most frequent first ("met, told")
  double goldstein_sum = 0.0;  // over the events whose code the CAMEO table scores
  std::size_t scored = 0;      // those events
  std::size_t quad_classes[5] = {};   // events by quad class 1-4 ([0]: code not in the table)
  std::size_t articles = 0;    // distinct articles reporting the events (listed counterparts only)
  std::vector<std::string> publishers;   // their distinct publishers (listed counterparts only)
  // goldstein_sum / scored, or 0 when none is scored.
  double goldstein_mean() const { return scored ? goldstein_sum / static_cast<double>(scored) : 0.0; }
};

struct ActorProfile {
  Node node;
  std::vector<ProfileRole> roles;           // by start date, open-ended last
  std::vector<RootClassCount> by_root;      // by root code
  std::vector<Counterpart> counterparts;    // most events first (then latest, name)
  std::size_t total_counterparts = 0;
  std::size_t events = 0;                   // events passing the filter
  Date first_event;                         // earliest / latest dated event
  Date last_event;
  // Where it acted (ProfileOptions::top_places): the places of its events,
  // most events first; `total_places` distinct places, `unplaced` events
  // without a resolved place.
  std::vector<PlaceCount> places;
  bool places_counted = false;              // top_places was asked for
  std::size_t total_places = 0;
  std::size_t unplaced = 0;
};

struct ProfileOptions {
  EdgeFilter filter;
  // Most counterparts listed. Default: 10.
  std::size_t top_counterparts = 10;
  // Most places listed (0: none, and the events' records are not read for
  // them). Default: 0
  std::size_t top_places = 0;
};

// The profile as of one date (`actor --at`): only the roles held then, and
// the country (with the country part of the code) the actor stood for then
// (Gorbachev: SUN in 1987).
void profile_at(ActorProfile& profile, const Date& at);

// Errors: store failures; NotFound when the node is absent. With
// top_places, every event's record is read once more (count_places).
Result<ActorProfile> actor_profile(const GraphStore& store, NodeId id, const CameoTable& cameo,
                                   const ProfileOptions& options = {});

}  // namespace geokg::query
