#pragma once
// Which events a question is about: the selection that timelines, trends
// and exports share. The store's scans apply the EdgeFilter (dates, CAMEO
// prefixes, flags, publishers, corroboration); this adds what needs the
// actors' records or the CAMEO table: an actor or a pair, the country or
// sector of either side at the event's date, and the quad class.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::query {

class NodeCache;

struct EventSelection {
  // 0, 1 or 2 actors: every event, one actor's events, the events between two.
  std::vector<NodeId> actors;
  // Dates, CAMEO prefixes, flagged events, min_sources, publishers.
  EdgeFilter filter;
  // Only events whose source or target was of this country (ISO alpha-3, or
  // a historical or regional code) at the event's date: a person counts for
  // the country of a role held then (of_country_between). Default: any
  std::string country;
  // Only events whose source or target was of this sector (GOV, MIL …) at the
  // event's date (of_sector_between). Default: any
  std::string sector;
  // Only events whose place is in this country (ISO alpha-3, as the
  // gazetteer or the lexicon gives the place's country; events without a
  // place never pass). Default: any
  std::string place_country;
  // Only events whose resolved place lies within `km` (great-circle distance)
  // of the point; events without coordinates never pass. Default: anywhere
  struct Near {
    double lat = 0.0;
    double lon = 0.0;
    double km = 100.0;   // Default: 100
  };
  std::optional<Near> near;
  // Only events of these CAMEO quad classes (1 verbal cooperation, 2 material
  // cooperation, 3 verbal conflict, 4 material conflict). Default: any
  std::vector<int> quad_classes;

  // True when the selection needs each event's record, not only its index
  // entry (date, code, flags).
  bool needs_record() const {
    return filter_needs_record(filter) || tests_records();
  }
  // True when the country, sector or place tests apply (actors_pass).
  bool tests_records() const {
    return !country.empty() || !sector.empty() || !place_country.empty() || near.has_value();
  }
};

// One selected event as the index gives it.
struct SelectedEvent {
  EdgeId id = 0;
  Date date;
  std::string cameo;
};

// The CAMEO root classes ("01" … "20") of the given quad classes, from the
// table; pushed into an EdgeFilter they let the scans skip the rest.
std::vector<std::string> roots_of_quad_classes(const CameoTable& cameo, const std::vector<int>& quads);

// Parses "1,4" or "verbal-cooperation,material-conflict" (also "vc", "mc",
// "vk", "mk" and the words with spaces) into quad classes; nullopt on a word
// it does not know.
std::optional<std::vector<int>> quad_classes_from_string(std::string_view list);

// The selected events in date order (undated last, then by id), each once.
// One actor's events come from its adjacency, a pair's from the adjacency of
// the one with fewer mentions, everything else from the timeline index. Event
// records are read only when the selection needs them (needs_record()).
// `cameo` is needed for quad_classes (REQUIRES: cameo != nullptr when
// quad_classes is not empty). Errors: store failures; InvalidInput for more
// than two actors.
Result<std::vector<SelectedEvent>> select_events(const GraphStore& store, const EventSelection& selection,
                                                 const CameoTable* cameo, NodeCache& nodes);

// Whether an event record passes the selection's country, sector and place tests
// (the other tests are the index's and the EdgeFilter's).
bool actors_pass(const EventSelection& selection, const EventEdge& e, NodeCache& nodes);

// The store's events as every command counts them: `events` are the ones
// queries show, `flagged` the negated and hypothetical ones besides. One scan
// of the timeline index (no record is read).
struct EventTotals {
  std::uint64_t events = 0;
  std::uint64_t flagged = 0;
};
Result<EventTotals> count_events(const GraphStore& store);

}  // namespace geokg::query
