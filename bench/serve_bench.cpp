// API latencies of `geokg serve` over HTTP: a server started in this process
// on an ephemeral loopback port (geokg::serve::Server, as `geokg serve` runs
// it) and cpp-httplib's client with keep-alive, over the samples gen_graph
// wrote. Each figure is the wall time of one request, from the client's
// send to the last byte of the answer: parameter parsing, the query, the
// JSON and the socket both ways.
//
//   serve_bench --db DIR --prefix PREFIX [--budget S] [--only NAME]
//
// Prints one JSON line per (endpoint, group): n, p50_ms, p99_ms, mean_ms,
// bytes (mean answer size), errors (non-200 answers).
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "percentile.hpp"
#include "geokg/core/cameo.hpp"
#include "geokg/serve/server.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Actor {
  std::string id;     // hex
  std::string name;
};

struct Sample {
  std::string kind;
  long a = 0, b = 0;
  int year = 0;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr, "serve_bench: %s\nusage: serve_bench --db DIR --prefix PREFIX [--budget S] [--only NAME]\n", why);
  std::exit(1);
}

using geokg::bench::percentile;

}  // namespace

int main(int argc, char** argv) {
  std::string db, prefix, only, data = "data";
  double budget = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value");
      return argv[++i];
    };
    if (a == "--db") db = value();
    else if (a == "--prefix") prefix = value();
    else if (a == "--budget") budget = std::stod(value());
    else if (a == "--only") only = value();
    else if (a == "--data") data = value();
    else usage("unknown flag");
  }
  if (db.empty() || prefix.empty()) usage("--db and --prefix are required");

  std::vector<Actor> actors;
  {
    std::ifstream in(prefix + ".actors.tsv");
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> cols;
      std::stringstream ls(line);
      std::string col;
      while (std::getline(ls, col, '\t')) cols.push_back(col);
      if (cols.size() < 4) usage("bad actors.tsv");
      actors.push_back({cols[1], cols[3]});
    }
  }
  std::vector<Sample> hubs, tail, paths;
  {
    std::ifstream in(prefix + ".samples.tsv");
    Sample s;
    while (in >> s.kind >> s.a >> s.b >> s.year) {
      if (s.kind == "hub") hubs.push_back(s);
      else if (s.kind == "tail") tail.push_back(s);
      else if (s.kind == "path") paths.push_back(s);
    }
  }
  if (actors.empty() || hubs.empty()) usage("no actors or samples");

  auto cameo = geokg::CameoTable::Load(data + "/cameo-codes.tsv");
  geokg::serve::ServeOptions o;
  o.port = 0;
  o.limits.max_heavy = 64;   // one client: never refuse
  geokg::serve::keep_freed_memory();
  auto server = geokg::serve::Server::Start(db, cameo.ok() ? &*cameo : nullptr, o);
  if (!server.ok()) {
    std::fprintf(stderr, "serve_bench: %s\n", server.status().message().c_str());
    return 1;
  }
  httplib::Client client("127.0.0.1", (*server)->port());
  client.set_keep_alive(true);
  client.set_read_timeout(60);
  auto actor = [&](long idx) -> const Actor& { return actors.at(static_cast<std::size_t>(idx)); };
  auto q = [](const std::string& s) { return httplib::detail::encode_query_param(s); };

  auto run = [&](const std::string& name, const std::string& group, const std::vector<Sample>& samples,
                 const std::function<std::string(const Sample&)>& path_of) {
    if (!only.empty() && only != name) return;
    std::vector<double> ms;
    double bytes = 0;
    std::size_t errors = 0;
    const auto start = Clock::now();
    for (const auto& s : samples) {
      const std::string path = path_of(s);
      const auto t0 = Clock::now();
      auto r = client.Get(path);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (!r || r->status != 200) ++errors;
      else bytes += static_cast<double>(r->body.size());
      if (std::chrono::duration<double>(Clock::now() - start).count() > budget) break;
    }
    double mean = 0;
    for (double x : ms) mean += x;
    const double n = static_cast<double>(std::max<std::size_t>(1, ms.size()));
    std::printf("{\"system\":\"geokg-serve\",\"query\":\"%s\",\"group\":\"%s\",\"n\":%zu,\"p50_ms\":%.3f,"
                "\"p99_ms\":%.3f,\"mean_ms\":%.3f,\"bytes\":%.0f,\"errors\":%zu}\n",
                name.c_str(), group.c_str(), ms.size(), percentile(ms, 50), percentile(ms, 99), mean / n,
                bytes / n, errors);
    std::fflush(stdout);
  };

  // A last word typed in part, as a search box sends it ("okaf").
  auto typed = [&](const std::string& name) {
    const auto space = name.rfind(' ');
    const std::string last = space == std::string::npos ? name : name.substr(space + 1);
    return last.substr(0, std::min<std::size_t>(4, last.size()));
  };
  for (const auto* group : {&hubs, &tail}) {
    const std::string g = group == &hubs ? "hub" : "tail";
    run("search", g, *group, [&](const Sample& s) { return "/api/search?q=" + q(actor(s.a).name); });
    run("search_typed", g, *group, [&](const Sample& s) { return "/api/search?resolve=0&q=" + q(typed(actor(s.a).name)); });
    run("profile", g, *group, [&](const Sample& s) { return "/api/actor/" + actor(s.a).id; });
    run("neighbors", g, *group, [&](const Sample& s) { return "/api/neighbors/" + actor(s.a).id; });
    run("timeline_year", g, *group, [&](const Sample& s) {
      const std::string y = std::to_string(s.year);
      return "/api/timeline?actor=" + actor(s.a).id + "&from=" + y + "&to=" + y;
    });
  }
  run("path", "random", paths, [&](const Sample& s) {
    return "/api/path?from=" + actor(s.a).id + "&to=" + actor(s.b).id;
  });
  return 0;
}
