#pragma once
// The explorer's JSON API (`geokg serve`), as a function of a decoded
// request: no sockets here, so the endpoints can be called directly as well
// as through the HTTP server of geokg/serve/server.hpp. Every answer comes
// from the query library (geokg/query/); this layer parses and bounds the
// parameters, resolves names and shapes the JSON.
//
//   GET /api/stats                       counts (computed once per opened store)
//   GET /api/cameo                       CAMEO root classes: label, quad class
//   GET /api/search?q=&limit=&resolve=   typed-prefix matches (+ name resolution unless resolve=0)
//   GET /api/actors?sort=&kind=&country=&sector=&from=&to=&limit=
//   GET /api/actor/{id or name}?top=&places=&from=&to=&relation=&min_sources=&include_flagged=
//   GET /api/neighbors/{id or name}?depth=&limit=&from=&to=&relation=&min_sources=&include_flagged=
//   GET /api/timeline?actor=&actor=&limit=&from=&to=&relation=&min_sources=&include_flagged=
//   GET /api/path?from=&to=&max_depth=&from_date=&to_date=&relation=&min_sources=&include_flagged=
//   GET /api/places?actor=&actor=&in_country=&limit=&from=&to=&relation=&min_sources=&include_flagged=
//                                        places of the selected events: counts, coordinates
//   GET /api/events/{id}?limit=
//
// Errors are JSON {"status", "error", "message"[, "parameter"][, "candidates"]
// [, "suggestions"]} with the HTTP status: 400 bad_parameter, 404 not_found /
// unknown_actor (with suggestions), 405 method_not_allowed, 409 ambiguous
// (with candidates), 503 busy (the store cannot be opened or too many
// expensive requests run; Retry-After given), 500 internal.
// Every list has a limit with a maximum (ApiLimits); no request reads the
// whole graph into memory.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::serve {

struct ApiRequest {
  std::string method = "GET";
  std::string path;                                          // percent-decoded, "/api/…"
  std::vector<std::pair<std::string, std::string>> params;   // decoded query parameters, in order
};

struct ApiResponse {
  int status = 200;
  std::string body;                                          // JSON text
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
};

// Where each request gets its store: the one opened last (a store replaced
// while a request runs stays alive until that request ends).
class StoreSource {
 public:
  virtual ~StoreSource() = default;
  // nullptr when no store is open (answered with 503).
  virtual std::shared_ptr<const GraphStore> store() const = 0;
  // Changes whenever store() starts returning a newly opened store.
  virtual std::uint64_t generation() const = 0;
};

struct ApiLimits {
  std::size_t search_default = 10, search_max = 20;          // matches and candidates
  std::size_t actors_default = 25, actors_max = 500;
  std::size_t top_default = 10, top_max = 100;               // profile counterparts
  std::size_t places_default = 5;                            // profile places (0 = none)
  std::size_t places_max = 1000;                             // profile places; /api/places
  std::size_t neighbors_default = 50, neighbors_max = 300;   // nodes besides the center
  int depth_max = 3;                                         // neighbours, hops
  std::size_t timeline_default = 200, timeline_max = 1000;   // events
  int path_depth_default = 4, path_depth_max = 6;            // hops
  std::size_t path_max_visited = 200'000;                    // nodes reached by one path search
  std::size_t reports_default = 50, reports_max = 500;       // reports of one event
  // Expensive requests (path, neighbours beyond depth 1, stats, places of every event) running at
  // once; more are answered 503 with Retry-After. Default: 2.
  std::size_t max_heavy = 2;
};

class Api {
 public:
  // `cameo` (may be null: codes without labels) must outlive the Api.
  Api(const StoreSource& stores, const CameoTable* cameo, ApiLimits limits = {});
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Thread-safe; never throws (an unexpected exception is a 500).
  ApiResponse handle(const ApiRequest& request) const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The JSON error body and status, as every endpoint answers errors.
ApiResponse error_response(int status, std::string_view error, std::string_view message);

}  // namespace geokg::serve
