#include "geokg/query/places.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "geokg/query/subgraph.hpp"

namespace geokg::query {

namespace {

// One key per gazetteer entry; landmarks share their city's id, so their
// name tells them apart.
std::string entry_key(const Place& p) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(p.precision)));
  key += p.entry;
  if (p.precision == PlacePrecision::kLandmark) key += '\t' + p.name;
  return key;
}

}  // namespace

Result<PlaceTally> count_places(const GraphStore& store, const EventSelection& selection,
                                const CameoTable* cameo, const PlaceTallyOptions& options) {
  NodeCache nodes(store);
  auto rows = select_events(store, selection, cameo, nodes);
  if (!rows.ok()) return rows.status();
  PlaceTally t;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& row : *rows) {
    auto e = store.edge(row.id);
    if (!e.ok()) {
      if (e.status().is_not_found()) continue;
      return e.status();
    }
    ++t.events;
    const Place& p = e->place;
    if (!p.resolved()) {
      ++t.unplaced;
      continue;
    }
    auto [it, added] = index.try_emplace(entry_key(p), t.places.size());
    if (added) {
      PlaceCount c;
      c.place = p;
      c.place.near = false;
      if (p.precision != PlacePrecision::kLandmark && !p.entry_name.empty()) c.place.name = p.entry_name;
      t.places.push_back(std::move(c));
    }
    PlaceCount& c = t.places[it->second];
    ++c.events;
    if (row.date.known()) {
      if (!c.first.known() || row.date < c.first) c.first = row.date;
      if (!c.last.known() || c.last < row.date) c.last = row.date;
    }
  }
  std::sort(t.places.begin(), t.places.end(), [](const PlaceCount& a, const PlaceCount& b) {
    if (a.events != b.events) return a.events > b.events;
    if (a.place.name != b.place.name) return a.place.name < b.place.name;
    return a.place.entry < b.place.entry;
  });
  t.total_places = t.places.size();
  if (options.limit != 0 && t.places.size() > options.limit) t.places.resize(options.limit);
  return t;
}

}  // namespace geokg::query
