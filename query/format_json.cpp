// JSON values for every query result.
#include <cmath>
#include <optional>

#include "geokg/extract/extraction_json.hpp"
#include "geokg/geo/place_json.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/query/format.hpp"

namespace geokg::query {

using nlohmann::json;

std::string json_text(const json& j, bool pretty) {
  return j.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

json date_or_null(const Date& d) { return d.known() ? json(d.iso()) : json(nullptr); }

json role_json(const Role& r) {
  json j = {{"title", r.title}, {"country", r.country}};
  if (!r.sector.empty()) j["sector"] = r.sector;
  if (!r.organization.empty()) j["organization"] = r.organization;
  j["from"] = date_or_null(r.from);
  j["to"] = date_or_null(r.to);
  return j;
}

}  // namespace

json node_json(const Node& n) {
  json roles = json::array();
  for (const auto& r : n.roles) roles.push_back(role_json(r));
  return {{"id", to_hex(n.id)},
          {"name", n.name},
          {"kind", to_string(n.kind)},
          {"country", n.country},
          {"sector", n.sector},
          {"code", n.code.empty() ? json(nullptr) : json(n.code)},
          {"naming", to_string(n.naming)},
          {"aliases", n.aliases},
          {"roles", roles},
          {"mentions", n.mentions},
          {"articles", n.articles},
          {"first_seen", date_or_null(n.first_seen)},
          {"last_seen", date_or_null(n.last_seen)}};
}

json event_json(const TimelineEvent& ev, const CameoTable* cameo, const ArticleIndex* articles) {
  const EventEdge& e = ev.edge;
  json j = event_shape_json(e, ev.source_name, ev.target_name,
                            ev.location_name.empty() ? json(nullptr) : json(ev.location_name), cameo);
  j["id"] = to_hex(e.id);
  // Floats print as their shortest round-trip double; round for readers.
  j["confidence"] = static_cast<double>(static_cast<int>(e.confidence * 1000.0f + 0.5f)) / 1000.0;
  if (!e.evidence.empty()) {
    const Evidence& x = e.evidence.front();
    j["evidence"] = {{"sentence", x.sentence}, {"start", x.start}, {"end", x.end},
                     {"article", x.article_id}, {"publisher", x.source}};
    if (articles != nullptr) {
      auto it = articles->find(x.article_id);
      j["evidence"]["url"] = it == articles->end() || it->second.url.empty() ? json(nullptr) : json(it->second.url);
    }
  } else {
    j["evidence"] = nullptr;
  }
  j["mentions"] = e.mentions;
  j["sources"] = e.sources;
  j["articles"] = e.articles;
  if (articles != nullptr) j["urls"] = event_urls(e, *articles);
  return j;
}

json actors_json(const std::vector<RankedActor>& actors) {
  json arr = json::array();
  for (const auto& a : actors) {
    json j = node_json(a.node);
    j["events"] = a.events;
    j["reports"] = a.reports;
    j["degree"] = a.degree;
    j["pagerank"] = a.pagerank;
    j["betweenness"] = a.has_betweenness ? json(a.betweenness) : json(nullptr);
    arr.push_back(std::move(j));
  }
  return arr;
}

json profile_json(const ActorProfile& p) {
  json j = node_json(p.node);
  json roles = json::array();
  for (const auto& r : p.roles) {
    json rj = role_json(r.role);
    if (r.relation) rj["relation"] = to_string(*r.relation);
    if (r.target != 0) {
      rj["target"] = r.target_name;
      rj["target_id"] = to_hex(r.target);
    }
    roles.push_back(std::move(rj));
  }
  j["roles"] = roles;
  j["events"] = p.events;
  j["first_event"] = date_or_null(p.first_event);
  j["last_event"] = date_or_null(p.last_event);
  json by_root = json::array();
  for (const auto& r : p.by_root)
    by_root.push_back({{"root", r.root}, {"label", r.label}, {"as_source", r.as_source},
                       {"as_target", r.as_target}, {"total", r.as_source + r.as_target}});
  j["event_classes"] = by_root;
  json cps = json::array();
  for (const auto& c : p.counterparts)
    cps.push_back({{"id", to_hex(c.id)}, {"name", c.name}, {"kind", c.kind},
                   {"country", c.country}, {"events", c.events}, {"as_source", c.as_source},
                   {"as_target", c.events - c.as_source}, {"last_date", date_or_null(c.last)},
                   {"relations", c.top_relation},
                   {"goldstein_sum", std::round(c.goldstein_sum * 100) / 100},
                   {"goldstein_mean", c.scored ? json(std::round(c.goldstein_mean() * 1000) / 1000) : json(nullptr)},
                   {"quad_classes", {{"1", c.quad_classes[1]}, {"2", c.quad_classes[2]},
                                     {"3", c.quad_classes[3]}, {"4", c.quad_classes[4]}}},
                   {"articles", c.articles}, {"publishers", c.publishers}});
  j["counterparts"] = cps;
  j["total_counterparts"] = p.total_counterparts;
  if (p.places_counted) {
    json places = json::array();
    for (const auto& c : p.places) places.push_back(place_count_json(c));
    j["places"] = places;
    j["total_places"] = p.total_places;
    j["unplaced_events"] = p.unplaced;
  }
  return j;
}

json place_count_json(const PlaceCount& c) {
  json j = geo::place_to_json(c.place);
  j["events"] = c.events;
  j["first"] = date_or_null(c.first);
  j["last"] = date_or_null(c.last);
  return j;
}

json place_tally_json(const PlaceTally& t) {
  json places = json::array();
  for (const auto& c : t.places) places.push_back(place_count_json(c));
  return {{"places", places}, {"total_places", t.total_places}, {"events", t.events},
          {"unplaced_events", t.unplaced}};
}

json neighborhood_json(const Neighborhood& n) {
  json nodes = json::array();
  auto add = [&](const Node& x) {
    nodes.push_back({{"id", to_hex(x.id)}, {"name", x.name}, {"kind", to_string(x.kind)},
                     {"country", x.country}, {"mentions", x.mentions},
                     {"depth", n.depth.count(x.id) ? n.depth.at(x.id) : 0}});
  };
  add(n.center);
  for (const auto& x : n.nodes) add(x);
  json links = json::array();
  for (const auto& l : n.links) {
    json link = {{"source", to_hex(l.source)}, {"target", to_hex(l.target)},
                 {"events", l.events}, {"mentions", l.mentions}, {"cameo", l.cameo},
                 {"relations", l.relations}, {"first", date_or_null(l.first)},
                 {"last", date_or_null(l.last)}};
    if (l.quad_classes[0] + l.quad_classes[1] + l.quad_classes[2] + l.quad_classes[3] + l.quad_classes[4] > 0) {
      link["quad_classes"] = {{"1", l.quad_classes[1]}, {"2", l.quad_classes[2]},
                              {"3", l.quad_classes[3]}, {"4", l.quad_classes[4]}};
      link["goldstein_sum"] = std::round(l.goldstein_sum * 100) / 100;
      link["goldstein_mean"] = l.scored ? json(std::round(l.goldstein_mean() * 1000) / 1000) : json(nullptr);
    }
    links.push_back(std::move(link));
  }
  return {{"center", to_hex(n.center.id)}, {"nodes", nodes}, {"links", links},
          {"omitted", n.omitted}};
}

json path_json(const PathResult& p, int max_depth, const CameoTable* cameo) {
  json j = {{"found", p.found}, {"max_depth", max_depth}, {"hops", p.hops.size()},
            {"visited", p.visited}};
  json nodes = json::array();
  for (const auto& n : p.nodes)
    nodes.push_back({{"id", to_hex(n.id)}, {"name", n.name}, {"kind", to_string(n.kind)},
                     {"country", n.country}});
  j["nodes"] = nodes;
  json steps = json::array();
  for (std::size_t i = 0; i < p.hops.size(); ++i) {
    const auto& h = p.hops[i];
    if (h.is_role) {
      steps.push_back({{"from", p.nodes[i].name}, {"to", p.nodes[i + 1].name},
                       {"forward", h.forward}, {"role", role_json(h.role.role)},
                       {"relation", to_string(h.role.relation)}});
      continue;
    }
    TimelineEvent ev;
    ev.edge = h.event;
    ev.source_name = h.forward ? p.nodes[i].name : p.nodes[i + 1].name;
    ev.target_name = h.forward ? p.nodes[i + 1].name : p.nodes[i].name;
    ev.location_name = h.location_name;
    json s = {{"from", p.nodes[i].name}, {"to", p.nodes[i + 1].name}, {"forward", h.forward},
              {"events_between", h.events}};
    s["event"] = event_json(ev, cameo, &p.articles);
    steps.push_back(std::move(s));
  }
  j["steps"] = steps;
  if (p.truncated) j["truncated"] = true;
  return j;
}

}  // namespace geokg::query
