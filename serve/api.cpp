// The explorer's endpoints: parse and bound the parameters, call the query
// library, shape the JSON. No query logic lives here.
#include "geokg/serve/api.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <variant>

#include <nlohmann/json.hpp>

#include "geokg/core/ascii.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/query/evidence.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/places.hpp"
#include "geokg/query/profile.hpp"
#include "geokg/query/resolve.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/suggest.hpp"
#include "geokg/query/timeline.hpp"
#include "geokg/query/top.hpp"
#include "params.hpp"

namespace geokg::serve {

namespace q = geokg::query;
using nlohmann::json;

namespace {

constexpr const char* kQuadLabels[] = {"", "Verbal cooperation", "Material cooperation",
                                       "Verbal conflict", "Material conflict"};

ApiResponse json_response(const json& j, int status = 200) {
  return {status, q::json_text(j, false), {}};
}

json date_or_null(const Date& d) { return d.known() ? json(d.iso()) : json(nullptr); }

// The few fields a list shows of an actor.
json actor_summary(const Node& n) {
  return {{"id", to_hex(n.id)}, {"name", n.name},       {"kind", to_string(n.kind)},
          {"country", n.country}, {"sector", n.sector}, {"mentions", n.mentions}};
}

ApiResponse bad_parameter(const ParamError& e) {
  ApiResponse r = error_response(400, "bad_parameter",
                                 e.parameter.empty() ? e.message : e.parameter + ": " + e.message);
  auto j = json::parse(r.body);
  j["parameter"] = e.parameter;
  r.body = q::json_text(j, false);
  return r;
}

ApiResponse busy_response(std::string_view message) {
  ApiResponse r = error_response(503, "busy", message);
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

ApiResponse from_status(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound: return error_response(404, "not_found", s.message());
    case Status::Code::kInvalidInput: return error_response(400, "bad_parameter", s.message());
    case Status::Code::kBusy: return busy_response("the database is busy: " + s.message());
    default: return error_response(500, "internal", "reading the database failed: " + s.message());
  }
}

// Counts an expensive request for as long as it runs; full() when the cap
// was already reached (then it holds no slot).
class HeavySlot {
 public:
  HeavySlot(std::atomic<std::size_t>& running, std::size_t max) : running_(running) {
    held_ = running_.fetch_add(1) < max;
    if (!held_) running_.fetch_sub(1);
  }
  ~HeavySlot() {
    if (held_) running_.fetch_sub(1);
  }
  HeavySlot(const HeavySlot&) = delete;
  HeavySlot& operator=(const HeavySlot&) = delete;
  bool full() const { return !held_; }

 private:
  std::atomic<std::size_t>& running_;
  bool held_ = false;
};

// "/api/actor/…" -> "…" when `path` starts with `prefix`.
std::optional<std::string_view> tail_after(std::string_view path, std::string_view prefix) {
  if (path.size() <= prefix.size() || path.substr(0, prefix.size()) != prefix) return std::nullopt;
  return path.substr(prefix.size());
}

}  // namespace

ApiResponse error_response(int status, std::string_view error, std::string_view message) {
  json j = {{"status", status}, {"error", error}, {"message", message}};
  return {status, q::json_text(j, false), {}};
}

class Api::Impl {
 public:
  Impl(const StoreSource& stores, const CameoTable* cameo, ApiLimits limits)
      : stores_(stores), cameo_(cameo), limits_(limits) {}

  ApiResponse handle(const ApiRequest& req) const {
    if (req.method != "GET" && req.method != "HEAD") {
      ApiResponse r = error_response(405, "method_not_allowed", "the API only reads: use GET");
      r.headers.emplace_back("Allow", "GET, HEAD");
      return r;
    }
    if (req.path == "/api/cameo") return with_params(req, [&](Params& p) { return cameo(p); });
    auto store = stores_.store();
    if (!store) return busy_response("the database cannot be opened right now");
    const GraphStore& s = *store;
    const std::string_view path = req.path;
    auto run = [&](auto&& endpoint) { return with_params(req, endpoint); };
    if (path == "/api/stats") return run([&](Params& p) { return stats(p, s); });
    if (path == "/api/search") return run([&](Params& p) { return search(p, s); });
    if (path == "/api/actors") return run([&](Params& p) { return actors(p, s); });
    if (path == "/api/timeline") return run([&](Params& p) { return timeline(p, s); });
    if (path == "/api/path") return run([&](Params& p) { return find_path(p, s); });
    if (path == "/api/places") return run([&](Params& p) { return places(p, s); });
    if (auto name = tail_after(path, "/api/actor/")) return run([&](Params& p) { return profile(p, s, *name); });
    if (auto name = tail_after(path, "/api/neighbors/")) return run([&](Params& p) { return neighbors(p, s, *name); });
    if (auto id = tail_after(path, "/api/events/")) return run([&](Params& p) { return event(p, s, *id); });
    return error_response(404, "not_found", "no such endpoint; the API is described in the README");
  }

 private:
  // Parses with `endpoint` (which asks for its parameters and reads the
  // store), then answers 400 for the first bad or unknown parameter.
  template <typename Endpoint>
  ApiResponse with_params(const ApiRequest& req, Endpoint&& endpoint) const {
    Params p(req.params);
    if (p.error()) return bad_parameter(*p.error());
    return endpoint(p);
  }

  // Checks the parameters once every getter ran; the answer when bad.
  static std::optional<ApiResponse> invalid(Params& p) {
    p.reject_unknown();
    if (p.error()) return bad_parameter(*p.error());
    return std::nullopt;
  }

  // An actor by 16-digit id or by any name (resolve_name): the node, or the
  // 404 / 409 answer.
  std::variant<Node, ApiResponse> resolve(const GraphStore& s, std::string_view name,
                                          std::string_view parameter) const {
    if (name.empty() || name.size() > Params::kMaxValueBytes)
      return bad_parameter({std::string(parameter), "expected an actor id or name of 1-256 bytes"});
    std::uint64_t id = 0;
    if (name.size() == 16 && from_hex(name, id)) {
      auto n = s.node(id);
      if (n.ok()) return std::move(n).value();
      if (!n.status().is_not_found()) return from_status(n.status());
      return error_response(404, "unknown_actor", "no actor with id " + std::string(name));
    }
    q::ResolveOptions o;
    o.max_candidates = limits_.search_max;
    auto r = q::resolve_name(s, name, o);
    if (!r.ok()) return from_status(r.status());
    if (r->found()) return std::move(r->node);
    ApiResponse out = error_response(r->outcome == q::Resolution::Outcome::kAmbiguous ? 409 : 404,
                                     r->outcome == q::Resolution::Outcome::kAmbiguous ? "ambiguous" : "unknown_actor",
                                     q::describe_unresolved(name, *r));
    json j = json::parse(out.body);
    j["parameter"] = parameter;
    json candidates = json::array();
    for (const auto& c : r->candidates) candidates.push_back(actor_summary(c));
    j["candidates"] = candidates;
    j["total_candidates"] = std::max(r->total_candidates, r->candidates.size());
    j["suggestions"] = r->suggestions;
    out.body = q::json_text(j, false);
    return out;
  }

  ApiResponse cameo(Params& p) const {
    if (auto bad = invalid(p)) return *bad;
    json roots = json::array();
    if (cameo_) {
      for (const auto& code : cameo_->codes()) {
        const CameoCode* c = cameo_->find(code);
        if (c && c->code == c->root)
          roots.push_back({{"root", c->root}, {"label", c->label}, {"quad_class", c->quad_class}});
      }
    }
    json quads = json::array();
    for (int k = 1; k <= 4; ++k) quads.push_back({{"quad_class", k}, {"label", kQuadLabels[k]}});
    return json_response({{"roots", roots}, {"quad_classes", quads}});
  }

  ApiResponse stats(Params& p, const GraphStore& s) const {
    if (auto bad = invalid(p)) return *bad;
    const std::uint64_t generation = stores_.generation();
    {
      std::lock_guard<std::mutex> lock(stats_mutex_);
      if (stats_ready_ && stats_generation_ == generation) return json_response(stats_);
    }
    HeavySlot slot(heavy_, limits_.max_heavy);
    if (slot.full()) return busy_response("too many expensive requests at once");
    auto c = s.counts();
    if (!c.ok()) return from_status(c.status());
    // One number for events, as `geokg stats` gives it: negated and
    // hypothetical ones apart.
    json j = {{"articles", c->articles},
              {"actors", c->nodes},
              {"events", c->edges - c->flagged_edges},
              {"flagged_events", c->flagged_edges},
              {"reports", c->evidence},
              {"aliases", c->names},
              {"role_edges", c->static_edges},
              {"generation", generation}};
    std::lock_guard<std::mutex> lock(stats_mutex_);
    stats_ = j;
    stats_generation_ = generation;
    stats_ready_ = true;
    return json_response(j);
  }

  ApiResponse search(Params& p, const GraphStore& s) const {
    const std::string text = p.text("q");
    const auto limit = static_cast<std::size_t>(
        p.integer("limit", static_cast<long>(limits_.search_default), 1, static_cast<long>(limits_.search_max)));
    // resolve=0: the typed-prefix matches only, for a search box's every
    // keystroke (resolution may scan the whole names index).
    const bool resolve_name = p.flag("resolve", true);
    if (!p.error() && text.empty()) p.fail("q", "expected the name (or the start of a name) to look for");
    if (auto bad = invalid(p)) return *bad;

    q::SuggestOptions so;
    so.limit = limit;
    auto matches = q::suggest_names(s, text, so);
    if (!matches.ok()) return from_status(matches.status());
    json m = json::array();
    for (const auto& x : *matches) {
      json a = actor_summary(x.node);
      a["alias"] = x.alias;
      m.push_back(std::move(a));
    }
    if (!resolve_name) return json_response({{"query", text}, {"matches", m}});
    q::ResolveOptions ro;
    ro.max_candidates = limit;
    auto r = q::resolve_name(s, text, ro);
    if (!r.ok()) return from_status(r.status());
    json candidates = json::array();
    for (const auto& c : r->candidates) candidates.push_back(actor_summary(c));
    const char* outcome = r->found() ? "found"
                          : r->outcome == q::Resolution::Outcome::kAmbiguous ? "ambiguous"
                                                                             : "unknown";
    return json_response({{"query", text},
                          {"matches", m},
                          {"outcome", outcome},
                          {"actor", r->found() ? actor_summary(r->node) : json(nullptr)},
                          {"candidates", candidates},
                          {"total_candidates", std::max(r->total_candidates, r->candidates.size())},
                          {"suggestions", r->suggestions}});
  }

  ApiResponse actors(Params& p, const GraphStore& s) const {
    q::TopOptions o;
    const std::string sort = p.text("sort", "mentions");
    if (auto by = q::top_by_from_string(sort)) o.by = *by;
    else p.fail("sort", "expected mentions, articles or recent (degree and centrality need the whole "
                        "graph in memory: use `geokg actors --sort`)");
    const std::string kind = p.text("kind");
    if (!kind.empty()) {
      if (auto k = node_kind_from_string(kind)) o.kind = *k;
      else p.fail("kind", "expected person, organization, country, location, group or artifact");
    }
    o.country = p.text("country");
    o.sector = p.text("sector");
    for (auto* code : {&o.country, &o.sector})
      ascii_upper_in_place(*code);
    std::tie(o.seen_from, o.seen_to) = p.date_range("from", "to");
    o.limit = static_cast<std::size_t>(
        p.integer("limit", static_cast<long>(limits_.actors_default), 1, static_cast<long>(limits_.actors_max)));
    if (auto bad = invalid(p)) return *bad;
    auto r = q::top_actors(s, o);
    if (!r.ok()) return from_status(r.status());
    json list = json::array();
    for (const auto& n : *r) {
      json a = actor_summary(n);
      a["articles"] = n.articles;
      a["first_seen"] = date_or_null(n.first_seen);
      a["last_seen"] = date_or_null(n.last_seen);
      list.push_back(std::move(a));
    }
    return json_response({{"sort", q::to_string(o.by)}, {"actors", list}});
  }

  ApiResponse profile(Params& p, const GraphStore& s, std::string_view name) const {
    q::ProfileOptions o;
    o.filter = p.filter();
    o.top_counterparts = static_cast<std::size_t>(
        p.integer("top", static_cast<long>(limits_.top_default), 1, static_cast<long>(limits_.top_max)));
    o.top_places = static_cast<std::size_t>(p.integer("places", static_cast<long>(limits_.places_default), 0,
                                                      static_cast<long>(limits_.places_max)));
    if (auto bad = invalid(p)) return *bad;
    auto node = resolve(s, name, "actor");
    if (auto* answer = std::get_if<ApiResponse>(&node)) return *answer;
    const CameoTable empty;
    auto r = q::actor_profile(s, std::get<Node>(node).id, cameo_ ? *cameo_ : empty, o);
    if (!r.ok()) return from_status(r.status());
    return json_response(q::profile_json(*r));
  }

  ApiResponse neighbors(Params& p, const GraphStore& s, std::string_view name) const {
    q::NeighborOptions o;
    o.filter = p.filter();
    o.depth = static_cast<int>(p.integer("depth", 1, 1, limits_.depth_max));
    o.limit = static_cast<std::size_t>(p.integer("limit", static_cast<long>(limits_.neighbors_default), 1,
                                                 static_cast<long>(limits_.neighbors_max)));
    if (auto bad = invalid(p)) return *bad;
    std::optional<HeavySlot> slot;
    if (o.depth > 1) {
      slot.emplace(heavy_, limits_.max_heavy);
      if (slot->full()) return busy_response("too many expensive requests at once");
    }
    auto node = resolve(s, name, "actor");
    if (auto* answer = std::get_if<ApiResponse>(&node)) return *answer;
    auto r = q::neighbors(s, std::get<Node>(node).id, o);
    if (!r.ok()) return from_status(r.status());
    return json_response(neighborhood_json(*r, o.depth));
  }

  ApiResponse timeline(Params& p, const GraphStore& s) const {
    q::TimelineQuery tq;
    tq.filter = p.filter();
    tq.min_sources = tq.filter.min_sources;
    tq.limit = static_cast<std::size_t>(p.integer("limit", static_cast<long>(limits_.timeline_default), 1,
                                                  static_cast<long>(limits_.timeline_max)));
    const auto names = p.all("actor", 2);
    if (!p.error() && names.empty())
      p.fail("actor", "expected one actor (its timeline) or two (the events between them)");
    if (auto bad = invalid(p)) return *bad;
    json actors = json::array();
    for (const auto& name : names) {
      auto node = resolve(s, name, "actor");
      if (auto* answer = std::get_if<ApiResponse>(&node)) return *answer;
      tq.actors.push_back(std::get<Node>(node).id);
      actors.push_back(actor_summary(std::get<Node>(node)));
    }
    auto t = q::build_timeline(s, tq);
    if (!t.ok()) return from_status(t.status());
    json events = json::array();
    for (const auto& ev : t->events) {
      json e = q::event_json(ev, cameo_);
      e["source_id"] = to_hex(ev.edge.source);
      e["target_id"] = to_hex(ev.edge.target);
      events.push_back(std::move(e));
    }
    return json_response({{"actors", actors}, {"events", events}, {"truncated", t->truncated}});
  }

  ApiResponse find_path(Params& p, const GraphStore& s) const {
    q::PathOptions o;
    const std::string from = p.text("from"), to = p.text("to");
    if (!p.error() && (from.empty() || to.empty())) p.fail(from.empty() ? "from" : "to", "expected an actor id or name");
    o.filter = p.filter("from_date", "to_date");
    o.max_depth = static_cast<int>(p.integer("max_depth", limits_.path_depth_default, 1, limits_.path_depth_max));
    o.max_visited = limits_.path_max_visited;
    if (auto bad = invalid(p)) return *bad;
    HeavySlot slot(heavy_, limits_.max_heavy);
    if (slot.full()) return busy_response("too many expensive requests at once");
    auto a = resolve(s, from, "from");
    if (auto* answer = std::get_if<ApiResponse>(&a)) return *answer;
    auto b = resolve(s, to, "to");
    if (auto* answer = std::get_if<ApiResponse>(&b)) return *answer;
    auto r = q::find_path(s, std::get<Node>(a).id, std::get<Node>(b).id, o);
    if (!r.ok()) return from_status(r.status());
    json j = q::path_json(*r, o.max_depth);
    // Ids beside names, so a page can draw the path on the graph.
    for (std::size_t i = 0; i < r->hops.size() && i < j["steps"].size(); ++i) {
      j["steps"][i]["from_id"] = to_hex(r->nodes[i].id);
      j["steps"][i]["to_id"] = to_hex(r->nodes[i + 1].id);
    }
    return json_response(j);
  }

  // The places of the selected events (every event, an actor's, a pair's),
  // with their event counts and coordinates: the explorer's map.
  ApiResponse places(Params& p, const GraphStore& s) const {
    q::EventSelection sel;
    sel.filter = p.filter();
    sel.place_country = p.text("in_country");
    ascii_upper_in_place(sel.place_country);
    if (!p.error() && !sel.place_country.empty() &&
        (sel.place_country.size() != 3 ||
         !std::all_of(sel.place_country.begin(), sel.place_country.end(), [](char c) { return c >= 'A' && c <= 'Z'; })))
      p.fail("in_country", "expected a three-letter ISO country code (FRA, IRQ)");
    q::PlaceTallyOptions o;
    o.limit = static_cast<std::size_t>(p.integer("limit", static_cast<long>(limits_.places_max), 1,
                                                 static_cast<long>(limits_.places_max)));
    const auto names = p.all("actor", 2);
    if (auto bad = invalid(p)) return *bad;
    // Without an actor every event's record is read.
    std::optional<HeavySlot> slot;
    if (names.empty()) {
      slot.emplace(heavy_, limits_.max_heavy);
      if (slot->full()) return busy_response("too many expensive requests at once");
    }
    json actors = json::array();
    for (const auto& name : names) {
      auto node = resolve(s, name, "actor");
      if (auto* answer = std::get_if<ApiResponse>(&node)) return *answer;
      sel.actors.push_back(std::get<Node>(node).id);
      actors.push_back(actor_summary(std::get<Node>(node)));
    }
    auto t = q::count_places(s, sel, cameo_, o);
    if (!t.ok()) return from_status(t.status());
    json j = q::place_tally_json(*t);
    j["actors"] = actors;
    return json_response(j);
  }

  ApiResponse event(Params& p, const GraphStore& s, std::string_view hex) const {
    q::EventDetailOptions o;
    o.max_reports = static_cast<std::size_t>(p.integer("limit", static_cast<long>(limits_.reports_default), 1,
                                                       static_cast<long>(limits_.reports_max)));
    std::uint64_t id = 0;
    if (hex.size() != 16 || !from_hex(hex, id)) p.fail("id", "expected a 16-digit hex event id");
    if (auto bad = invalid(p)) return *bad;
    auto d = q::event_detail(s, id, o);
    if (!d.ok()) {
      if (d.status().is_not_found()) return error_response(404, "not_found", "no event with id " + std::string(hex));
      return from_status(d.status());
    }
    return json_response(q::event_detail_json(*d, cameo_));
  }

  // Nodes, and one edge per pair of actors whichever way its events go, with
  // the events of each CAMEO code and quad class summed over both directions.
  json neighborhood_json(const q::Neighborhood& n, int depth) const {
    json nodes = json::array();
    auto add = [&](const Node& x) {
      json j = actor_summary(x);
      j["depth"] = n.depth.count(x.id) ? n.depth.at(x.id) : 0;
      nodes.push_back(std::move(j));
    };
    add(n.center);
    for (const auto& x : n.nodes) add(x);

    struct Pair {
      NodeId a = 0, b = 0;
      std::size_t forward = 0, backward = 0;
      std::map<std::string, std::size_t> codes;
      std::map<std::string, std::string> labels;
      Date first, last;
    };
    std::vector<Pair> pairs;
    std::map<std::pair<NodeId, NodeId>, std::size_t> index;
    for (const auto& l : n.links) {
      const auto key = std::minmax(l.source, l.target);
      auto [it, added] = index.try_emplace({key.first, key.second}, pairs.size());
      if (added) {
        pairs.emplace_back();
        pairs.back().a = l.source;
        pairs.back().b = l.target;
      }
      Pair& p = pairs[it->second];
      (l.source == p.a ? p.forward : p.backward) += l.events;
      for (std::size_t k = 0; k < l.cameo.size(); ++k) {
        p.codes[l.cameo[k]] += k < l.cameo_events.size() ? l.cameo_events[k] : 1;
        if (k < l.relations.size() && !l.relations[k].empty()) p.labels.try_emplace(l.cameo[k], l.relations[k]);
      }
      if (l.first.known() && (!p.first.known() || l.first < p.first)) p.first = l.first;
      if (l.last.known() && (!p.last.known() || p.last < l.last)) p.last = l.last;
    }
    json edges = json::array();
    for (const Pair& p : pairs) {
      std::vector<std::pair<std::string, std::size_t>> codes(p.codes.begin(), p.codes.end());
      std::stable_sort(codes.begin(), codes.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
      std::array<std::size_t, 5> quads{};
      json cameo = json::array(), counts = json::array(), relations = json::array();
      for (const auto& [code, count] : codes) {
        const CameoCode* c = cameo_ ? cameo_->find(code) : nullptr;
        quads[c && c->quad_class >= 1 && c->quad_class <= 4 ? c->quad_class : 0] += count;
        cameo.push_back(code);
        counts.push_back(count);
        auto label = p.labels.find(code);
        relations.push_back(label == p.labels.end() ? code : label->second);
      }
      int dominant = 0;
      for (int k = 1; k <= 4; ++k)
        if (quads[k] > quads[dominant] || (dominant == 0 && quads[k] > 0)) dominant = k;
      edges.push_back({{"source", to_hex(p.a)},
                       {"target", to_hex(p.b)},
                       {"events", p.forward + p.backward},
                       {"forward", p.forward},
                       {"backward", p.backward},
                       {"cameo", cameo},
                       {"cameo_events", counts},
                       {"relations", relations},
                       {"quad_class", dominant},
                       {"quad_events", {quads[1], quads[2], quads[3], quads[4]}},
                       {"first", date_or_null(p.first)},
                       {"last", date_or_null(p.last)}});
    }
    return {{"center", to_hex(n.center.id)}, {"depth", depth},  {"nodes", nodes},
            {"edges", edges},                {"omitted", n.omitted}};
  }

  const StoreSource& stores_;
  const CameoTable* cameo_;
  ApiLimits limits_;
  mutable std::atomic<std::size_t> heavy_{0};
  mutable std::mutex stats_mutex_;
  mutable bool stats_ready_ = false;
  mutable std::uint64_t stats_generation_ = 0;
  mutable json stats_;
};

Api::Api(const StoreSource& stores, const CameoTable* cameo, ApiLimits limits)
    : impl_(std::make_unique<Impl>(stores, cameo, limits)) {}

Api::~Api() = default;

ApiResponse Api::handle(const ApiRequest& request) const {
  try {
    return impl_->handle(request);
  } catch (const std::bad_alloc&) {
    return busy_response("out of memory answering this request");
  } catch (const std::exception& e) {
    return error_response(500, "internal", std::string("unexpected error: ") + e.what());
  }
}

}  // namespace geokg::serve
