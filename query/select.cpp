#include "geokg/query/select.hpp"

#include <algorithm>
#include <climits>
#include <unordered_set>

#include "geokg/core/ascii.hpp"
#include "geokg/geo/distance.hpp"
#include "geokg/query/rank.hpp"
#include "geokg/query/subgraph.hpp"

namespace geokg::query {

std::vector<std::string> roots_of_quad_classes(const CameoTable& cameo, const std::vector<int>& quads) {
  std::vector<std::string> roots;
  for (const auto& code : cameo.codes()) {
    const CameoCode* c = cameo.find(code);
    if (code.size() == 2 && std::find(quads.begin(), quads.end(), c->quad_class) != quads.end())
      roots.push_back(code);
  }
  return roots;
}

std::optional<std::vector<int>> quad_classes_from_string(std::string_view list) {
  std::vector<int> out;
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string word(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    std::string w;
    for (char c : word) {
      if (c == ' ' || c == '_' || c == '-') c = ' ';
      else c = ascii_lower(c);
      if (c == ' ' && (w.empty() || w.back() == ' ')) continue;
      w += c;
    }
    while (!w.empty() && w.back() == ' ') w.pop_back();
    if (w.empty()) continue;
    int q = 0;
    if (w == "1" || w == "vc" || w == "verbal cooperation") q = 1;
    else if (w == "2" || w == "mc" || w == "material cooperation") q = 2;
    else if (w == "3" || w == "vk" || w == "verbal conflict") q = 3;
    else if (w == "4" || w == "mk" || w == "material conflict") q = 4;
    else return std::nullopt;
    if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(q);
  }
  return out;
}

namespace {

// The selected side tests: country and sector at the event's date.
bool node_passes(const EventSelection& sel, const Node* n, const Date& date) {
  if (n == nullptr) return false;
  if (!of_country_between(n->roles, n->country, sel.country, date, date)) {
    // An actor without a country of its own but with one in its code
    // ("IGOUNO" has none; "JPNGOV" unnamed Japanese government has JPN).
    if (sel.country.empty() || !n->country.empty() || !n->code.starts_with(sel.country)) return false;
  }
  return of_sector_between(*n, sel.sector, date, date);
}

}  // namespace

bool actors_pass(const EventSelection& sel, const EventEdge& e, NodeCache& nodes) {
  if (!sel.place_country.empty() && e.place.country != sel.place_country) return false;
  if (sel.near && (!e.place.resolved() ||
                   geo::great_circle_km(sel.near->lat, sel.near->lon, e.place.lat, e.place.lon) > sel.near->km))
    return false;
  if (sel.country.empty() && sel.sector.empty()) return true;
  // Both tests on one side: "Japanese military" is one actor, not Japan on
  // one side and a military on the other.
  return node_passes(sel, nodes.get(e.source), e.date) ||
         (e.target != e.source && node_passes(sel, nodes.get(e.target), e.date));
}

Result<std::vector<SelectedEvent>> select_events(const GraphStore& store, const EventSelection& sel,
                                                 const CameoTable* cameo, NodeCache& nodes) {
  if (sel.actors.size() > 2) return Status::InvalidInput("a selection takes at most two actors");
  EdgeFilter filter = sel.filter;
  if (!sel.quad_classes.empty() && filter.cameo.empty() && cameo != nullptr)
    filter.cameo = roots_of_quad_classes(*cameo, sel.quad_classes);
  auto quad_passes = [&](std::string_view code) {
    if (sel.quad_classes.empty()) return true;
    if (cameo == nullptr) return false;
    const CameoCode* c = cameo->find_or_root(code);
    return c != nullptr &&
           std::find(sel.quad_classes.begin(), sel.quad_classes.end(), c->quad_class) != sel.quad_classes.end();
  };

  std::vector<SelectedEvent> rows;
  std::unordered_set<EdgeId> seen;
  auto add = [&](EdgeId id, const Date& date, std::string_view code) {
    if (quad_passes(code) && seen.insert(id).second) rows.push_back({id, date, std::string(code)});
  };
  Status s;
  if (sel.actors.empty()) {
    s = store.scan_timeline_entries(filter, [&](const TimelineEntry& t) {
      add(t.edge, t.date, t.cameo);
      return true;
    });
  } else {
    NodeId first = sel.actors[0];
    NodeId second = sel.actors.size() == 2 ? sel.actors[1] : 0;
    // A pair: scan the side with fewer mentions (a proxy for fewer events),
    // since the other's adjacency may be a hub's tens of thousands of entries.
    if (second != 0) {
      const Node* a = nodes.get(first);
      const Node* b = nodes.get(second);
      if (a && b && b->mentions < a->mentions) std::swap(first, second);
    }
    s = store.scan_adjacency(first, Direction::kBoth, filter, [&](const AdjacencyEntry& a) {
      if (second != 0 && a.other != second) return true;
      add(a.edge, a.date, a.cameo);
      return true;
    });
  }
  if (!s.ok()) return s;

  if (sel.tests_records()) {
    std::vector<SelectedEvent> kept;
    for (auto& row : rows) {
      auto e = store.edge(row.id);
      if (!e.ok()) {
        if (e.status().is_not_found()) continue;
        return e.status();
      }
      if (actors_pass(sel, *e, nodes)) kept.push_back(std::move(row));
    }
    rows = std::move(kept);
  }
  if (!nodes.status().ok()) return nodes.status();
  std::sort(rows.begin(), rows.end(), [](const SelectedEvent& a, const SelectedEvent& b) {
    const auto ka = a.date.known() ? a.date.key() : INT_MAX, kb = b.date.known() ? b.date.key() : INT_MAX;
    if (ka != kb) return ka < kb;
    return a.id < b.id;
  });
  return rows;
}

Result<EventTotals> count_events(const GraphStore& store) {
  EventTotals t;
  EdgeFilter all;
  all.include_flagged = true;
  Status s = store.scan_timeline_entries(all, [&](const TimelineEntry& e) {
    ++(e.flagged ? t.flagged : t.events);
    return true;
  });
  if (!s.ok()) return s;
  return t;
}

}  // namespace geokg::query
