#pragma once
// `geokg serve`: the explorer's HTTP server (cpp-httplib from Debian, with
// its thread pool). Serves the embedded page (geokg/serve/assets.hpp) at /
// and the JSON API (geokg/serve/api.hpp) under /api/, over a database opened
// read-only and reopened when an ingest changes it (geokg/serve/watch.hpp).
//
// Only GET and HEAD are answered (405 otherwise, before any body is read);
// request lines and header lines are capped by cpp-httplib (8 KiB each). Bound to a loopback address, it answers only requests whose
// Host names a loopback address (a web page elsewhere cannot reach it by
// DNS rebinding). Every response carries nosniff, no-referrer and
// frame-denying headers; the page's Content-Security-Policy allows only its
// own scripts and styles, so no inline script or javascript: URL can run.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "geokg/core/cameo.hpp"
#include "geokg/core/status.hpp"
#include "geokg/serve/api.hpp"

namespace geokg::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";   // Default: loopback only
  int port = 8080;                  // 0 = any free port (see Server::port()). Default: 8080
  // Worker threads; each keeps a kept-alive connection until it idles out. Default: 16.
  std::size_t threads = 16;
  // Called once per request with a line "GET /api/… 200 1234 B 0.8 ms"
  // (--verbose). Default: none.
  std::function<void(const std::string&)> log_request;
  // Reopen checks and failures. Default: none.
  std::function<void(const std::string&)> log;
  // How often the database directory is checked for new commits. Default: 1 s.
  std::chrono::milliseconds reload_interval{1000};
  ApiLimits limits;
};

class Server {
 public:
  // Opens `db` read-only, binds host:port and starts answering on a thread of
  // its own. `cameo` (may be null) must outlive the server.
  // Errors: those of GraphStore::Open; IOError when the address cannot be bound.
  static Result<std::unique_ptr<Server>> Start(const std::string& db, const CameoTable* cameo,
                                               ServeOptions options);
  ~Server();   // stop()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  std::string url() const;    // "http://127.0.0.1:8080/"
  // Stops accepting, finishes the requests in progress, joins. Idempotent, thread-safe.
  void stop();
  // Waits until the server has stopped listening (after stop(), or when
  // listening failed) or `timeout` passed: true when it has stopped.
  bool wait_for(std::chrono::milliseconds timeout);

  class Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Asks the C library to keep freed memory for reuse instead of handing it
// back to the kernel after each answer, which otherwise makes every 100 KB
// answer pay page faults again (hub one-year timeline on the 1M-event graph,
// p50 over HTTP: 13.7-15.1 ms without, 9.3-9.6 ms with). Process-wide: call
// once, before Start.
void keep_freed_memory();

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(std::string_view host);

}  // namespace geokg::serve
