#include "geokg/serve/server.hpp"

#include <httplib.h>
#include <malloc.h>
#include <zlib.h>

#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "geokg/serve/assets.hpp"
#include "geokg/serve/watch.hpp"

namespace geokg::serve {

namespace {

// The page may load its own files only; data from articles reaches it as
// JSON and is written as text, so no script, frame or plugin is ever needed.
constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

constexpr std::size_t kMaxBodyBytes = 1024;

std::string ms_text(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", ms);
  return buf;
}

// "host", "host:port", "[v6]", "[v6]:port" -> the host part.
std::string_view host_part(std::string_view host_header) {
  if (!host_header.empty() && host_header.front() == '[') {
    const auto close = host_header.find(']');
    return close == std::string_view::npos ? host_header : host_header.substr(1, close - 1);
  }
  const auto colon = host_header.find(':');
  return colon == std::string_view::npos ? host_header : host_header.substr(0, colon);
}

// gzip of `data` (level 9); "" when zlib fails.
std::string gzip(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

}  // namespace

void keep_freed_memory() {
  // Large blocks from the heap rather than mmap, and no trimming below 256 MiB.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "::1") return true;
  if (host.substr(0, 4) != "127.") return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') ++dots;
    else if (c < '0' || c > '9') return false;
  }
  return dots == 3;
}

class Server::Impl {
 public:
  Impl(std::unique_ptr<WatchedStore> stores, const CameoTable* cameo, ServeOptions options)
      : options_(std::move(options)), stores_(std::move(stores)), api_(*stores_, cameo, options_.limits) {}

  Status bind() {
    setup();
    if (options_.port == 0) {
      port_ = http_.bind_to_any_port(options_.host);
      if (port_ <= 0) return Status::IOError("cannot listen on " + options_.host + " (any port)");
    } else {
      if (!http_.bind_to_port(options_.host, options_.port))
        return Status::IOError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                               " (in use by another program, or not an address of this machine)");
      port_ = options_.port;
    }
    listener_ = std::thread([this] {
      http_.listen_after_bind();
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
      stopped_cv_.notify_all();
    });
    // cpp-httplib's stop() does nothing until listening has begun: wait for
    // it, so that a stop() right after Start() cannot be lost.
    while (!http_.is_running() && !wait_for(std::chrono::milliseconds(1))) {
    }
    return Status::Ok();
  }

  void stop() {
    std::lock_guard<std::mutex> lock(stop_mutex_);
    http_.stop();
    if (listener_.joinable()) listener_.join();
  }

  bool wait_for(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return stopped_cv_.wait_for(lock, timeout, [this] { return stopped_; });
  }

  int port() const { return port_; }
  const std::string& host() const { return options_.host; }

 private:
  void setup() {
    const std::size_t threads = std::max<std::size_t>(2, options_.threads);
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Without it a response's header and body segments wait for the
    // client's delayed ACK: 40 ms per request measured over loopback.
    http_.set_tcp_nodelay(true);
    http_.set_payload_max_length(kMaxBodyBytes);
    http_.set_read_timeout(10, 0);
    http_.set_write_timeout(10, 0);
    http_.set_keep_alive_timeout(5);
    http_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                               {"Referrer-Policy", "no-referrer"},
                               {"X-Frame-Options", "DENY"},
                               {"Cross-Origin-Resource-Policy", "same-origin"}});
    const bool loopback_only = is_loopback_host(options_.host);
    http_.set_pre_routing_handler([this, loopback_only](const httplib::Request& req, httplib::Response& res) {
      started_at() = std::chrono::steady_clock::now();
      // cpp-httplib 0.11 compresses text answers itself for any client that
      // accepts it, brotli at its slowest level (460 ms for d3.min.js), and
      // even over an answer already gzipped. The page's files come gzipped
      // from gzipped_ instead, so the header is taken out of cpp-httplib's
      // sight (the request object is its own, not a const one).
      accepts_gzip() = req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
      const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
      if (loopback_only && !is_loopback_host(host_part(req.get_header_value("Host")))) {
        reply(res, error_response(403, "forbidden",
                                  "this server answers requests for a loopback address only (Host: "
                                  "127.0.0.1, localhost or [::1])"));
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.method != "GET" && req.method != "HEAD") {
        reply(res, api_.handle({req.method, req.path, {}}));
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http_.Get(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      ApiRequest a{req.method, req.path, {}};
      a.params.assign(req.params.begin(), req.params.end());
      reply(res, api_.handle(a));
    });
    // The page's files, gzipped once here (see the pre-routing handler).
    for (const Asset& a : assets()) gzipped_.emplace(a.path, gzip(a.body));
    http_.Get(R"(/[^/]*)", [this](const httplib::Request& req, httplib::Response& res) {
      const Asset* asset = find_asset(req.path);
      if (!asset) {
        reply(res, error_response(404, "not_found", "no such page"));
        return;
      }
      const std::string type(asset->content_type);
      const std::string& gz = gzipped_.at(asset->path);
      if (!gz.empty() && accepts_gzip()) {
        res.set_content(gz.data(), gz.size(), type.c_str());
        res.set_header("Content-Encoding", "gzip");
      } else {
        res.set_content(asset->body.data(), asset->body.size(), type.c_str());
      }
      res.set_header("Vary", "Accept-Encoding");
      res.set_header("Cache-Control", "no-cache");
      if (asset->content_type.starts_with("text/html")) res.set_header("Content-Security-Policy", kPagePolicy);
    });
    http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      // cpp-httplib's own refusals (413, 414, 400) and unmatched paths, as JSON.
      if (!res.body.empty()) return;
      const int status = res.status == 404 ? 404 : res.status;
      const char* what = status == 404   ? "no such page"
                         : status == 413 ? "request body too large (the API only reads: use GET)"
                         : status == 414 ? "request line too long"
                                         : "bad request";
      reply(res, error_response(status, status == 404 ? "not_found" : "bad_request", what));
    });
    http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      if (!options_.log_request) return;
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                   started_at())
                            .count();
      std::string target = req.path;
      if (!req.params.empty()) {
        char sep = '?';
        for (const auto& [k, v] : req.params) {
          target += sep + k + "=" + v;
          sep = '&';
        }
      }
      // Percent-decoded text from the request: keep the line one line.
      for (char& c : target)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
      options_.log_request(req.method + " " + target + " " + std::to_string(res.status) + " " +
                           std::to_string(res.body.size()) + " B " + ms_text(ms) + " ms");
    });
  }

  static void reply(httplib::Response& res, const ApiResponse& a) {
    res.status = a.status;
    for (const auto& [name, value] : a.headers) res.set_header(name, value);
    res.set_header("Cache-Control", "no-store");
    res.set_content(a.body, "application/json; charset=utf-8");
  }

  // Whether the request on this worker thread accepts gzip (pre-routing to handler).
  static bool& accepts_gzip() {
    thread_local bool accepts = false;
    return accepts;
  }

  // When the request on this worker thread started (pre-routing to logger).
  static std::chrono::steady_clock::time_point& started_at() {
    thread_local std::chrono::steady_clock::time_point t;
    return t;
  }

  ServeOptions options_;
  std::unique_ptr<WatchedStore> stores_;
  std::map<std::string_view, std::string> gzipped_;   // asset path -> gzip body
  Api api_;
  httplib::Server http_;
  int port_ = 0;
  std::thread listener_;
  std::mutex mutex_;
  std::condition_variable stopped_cv_;
  bool stopped_ = false;
  std::mutex stop_mutex_;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

Result<std::unique_ptr<Server>> Server::Start(const std::string& db, const CameoTable* cameo, ServeOptions options) {
  WatchOptions w;
  w.interval = options.reload_interval;
  w.log = options.log;
  auto stores = WatchedStore::Open(db, w);
  if (!stores.ok()) return stores.status();
  auto impl = std::make_unique<Impl>(std::move(stores).value(), cameo, std::move(options));
  if (Status s = impl->bind(); !s.ok()) return s;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port(); }

std::string Server::url() const {
  const std::string& h = impl_->host();
  const bool v6 = h.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + h + "]" : h) + ":" + std::to_string(impl_->port()) + "/";
}

void Server::stop() { impl_->stop(); }

bool Server::wait_for(std::chrono::milliseconds timeout) { return impl_->wait_for(timeout); }

}  // namespace geokg::serve
