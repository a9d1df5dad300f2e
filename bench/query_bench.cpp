// query_bench: query latencies in-process through the query library, on the
// samples gen_graph wrote (the same actors and pairs the NetworkX and SQLite
// peers answer). Prints one JSON object per (query, group) on stdout:
//   {"system":"geokg","query":"neighbors1","group":"hub","n":100,
//    "p50_ms":…,"p99_ms":…,"mean_ms":…,"cpu_p50_ms":…,"cpu_p99_ms":…,"rows":…}
// (cpu_* is the thread's CPU time per query, steadier than wall time on a busy machine)
// and a final {"system":"geokg","query":"_process",…} line with the open time
// and the peak RSS of this process.
//
// usage: query_bench --db DIR --prefix PREFIX [--budget SECONDS] [--dot-nodes N]
//                    [--only QUERY[,QUERY...]]
//   PREFIX.actors.tsv and PREFIX.samples.tsv as gen_graph writes them.
//   --only runs just the named queries (neighbors1, neighbors2, timeline_year,
//   timeline_pair, path, dot2), e.g. to time one of them on a cold cache.
// Each (query, group) runs every sample once, or stops when --budget seconds
// (default 30) are spent; "n" says how many ran.

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "percentile.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/timeline.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  std::string kind;
  long a = -1;
  long b = -1;
  int year = 0;
};

struct Flags {
  std::string db;
  std::string prefix;
  double budget = 30;
  std::size_t dot_nodes = 2000;
  std::size_t limit = 1000;
};

std::string g_only;   // --only: comma-separated query names; empty = all

bool selected(const std::string& query) {
  if (g_only.empty()) return true;
  return ("," + g_only + ",").find("," + query + ",") != std::string::npos;
}

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "query_bench: %s\nusage: query_bench --db DIR --prefix PREFIX [--budget S] "
               "[--dot-nodes N] [--limit N] [--only QUERY,...]\n",
               why);
  std::exit(1);
}

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

using geokg::bench::percentile;

// CPU time of this thread: unlike wall time it does not grow with the load
// of a shared machine (the queries run on the calling thread).
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void emit(const std::string& query, const std::string& group, const std::vector<double>& ms,
          const std::vector<double>& cpu_ms, double rows, std::size_t errors) {
  double mean = 0;
  for (double x : ms) mean += x;
  if (!ms.empty()) mean /= static_cast<double>(ms.size());
  std::printf(
      "{\"system\":\"geokg\",\"query\":\"%s\",\"group\":\"%s\",\"n\":%zu,\"p50_ms\":%.4f,"
      "\"p99_ms\":%.4f,\"mean_ms\":%.4f,\"cpu_p50_ms\":%.4f,\"cpu_p99_ms\":%.4f,"
      "\"rows\":%.1f,\"errors\":%zu}\n",
      query.c_str(), group.c_str(), ms.size(), percentile(ms, 50), percentile(ms, 99), mean,
      percentile(cpu_ms, 50), percentile(cpu_ms, 99), rows, errors);
  std::fflush(stdout);
}

// Runs `fn` over the samples of one group, within the time budget. fn returns
// the number of rows of its answer, or -1 on error.
void run(const std::string& query, const std::string& group, const std::vector<Sample>& samples,
         double budget_s, const std::function<long(const Sample&)>& fn) {
  if (samples.empty() || !selected(query)) return;
  std::vector<double> ms, cpu_ms;
  double rows = 0;
  std::size_t errors = 0;
  const auto start = Clock::now();
  for (const auto& s : samples) {
    const auto t0 = Clock::now();
    const double c0 = thread_cpu_ms();
    const long r = fn(s);
    ms.push_back(ms_since(t0));
    cpu_ms.push_back(thread_cpu_ms() - c0);
    if (r < 0) ++errors;
    else rows += static_cast<double>(r);
    if (ms_since(start) > budget_s * 1000) break;
  }
  emit(query, group, ms, cpu_ms, ms.empty() ? 0 : rows / static_cast<double>(ms.size()), errors);
}

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage("missing value");
      return argv[++i];
    };
    if (a == "--db") f.db = value();
    else if (a == "--prefix") f.prefix = value();
    else if (a == "--budget") f.budget = std::strtod(value(), nullptr);
    else if (a == "--dot-nodes") f.dot_nodes = std::strtoul(value(), nullptr, 10);
    else if (a == "--limit") f.limit = std::strtoul(value(), nullptr, 10);
    else if (a == "--only") g_only = value();
    else usage("unknown flag");
  }
  if (f.db.empty() || f.prefix.empty()) usage("--db and --prefix are required");

  std::vector<geokg::NodeId> ids;
  {
    std::ifstream in(f.prefix + ".actors.tsv");
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      long idx;
      std::string hex;
      ls >> idx >> hex;
      geokg::NodeId id = 0;
      if (!geokg::from_hex(hex, id)) usage("bad actors.tsv");
      if (static_cast<std::size_t>(idx) != ids.size()) usage("actors.tsv out of order");
      ids.push_back(id);
    }
  }
  std::vector<Sample> hubs, tail, pairs, paths;
  {
    std::ifstream in(f.prefix + ".samples.tsv");
    Sample s;
    while (in >> s.kind >> s.a >> s.b >> s.year) {
      if (s.kind == "hub") hubs.push_back(s);
      else if (s.kind == "tail") tail.push_back(s);
      else if (s.kind == "pair") pairs.push_back(s);
      else if (s.kind == "path") paths.push_back(s);
    }
  }
  if (ids.empty() || hubs.empty()) usage("no actors or samples");

  const auto t_open = Clock::now();
  geokg::StoreOptions so;
  so.read_only = true;
  auto opened = geokg::GraphStore::Open(f.db, so);
  if (!opened.ok()) {
    std::fprintf(stderr, "query_bench: %s\n", opened.status().message().c_str());
    return 1;
  }
  const double open_ms = ms_since(t_open);
  const geokg::GraphStore& store = **opened;
  auto id_of = [&](long idx) { return ids.at(static_cast<std::size_t>(idx)); };

  for (int depth : {1, 2}) {
    for (const auto* group : {&hubs, &tail}) {
      run("neighbors" + std::to_string(depth), group == &hubs ? "hub" : "tail", *group, f.budget,
          [&](const Sample& s) -> long {
            geokg::query::NeighborOptions o;
            o.depth = depth;
            o.limit = f.limit;
            auto r = geokg::query::neighbors(store, id_of(s.a), o);
            return r.ok() ? static_cast<long>(r->nodes.size()) : -1;
          });
    }
  }
  for (const auto* group : {&hubs, &tail}) {
    run("timeline_year", group == &hubs ? "hub" : "tail", *group, f.budget,
        [&](const Sample& s) -> long {
          geokg::query::TimelineQuery q;
          q.actors = {id_of(s.a)};
          q.filter.from = geokg::Date::Day(s.year, 1, 1);
          q.filter.to = geokg::Date::Day(s.year, 12, 31);
          auto r = geokg::query::build_timeline(store, q);
          return r.ok() ? static_cast<long>(r->events.size()) : -1;
        });
  }
  run("timeline_pair", "pair", pairs, f.budget, [&](const Sample& s) -> long {
    geokg::query::TimelineQuery q;
    q.actors = {id_of(s.a), id_of(s.b)};
    auto r = geokg::query::build_timeline(store, q);
    return r.ok() ? static_cast<long>(r->events.size()) : -1;
  });
  run("path", "random", paths, f.budget, [&](const Sample& s) -> long {
    geokg::query::PathOptions o;
    auto r = geokg::query::find_path(store, id_of(s.a), id_of(s.b), o);
    if (!r.ok()) return -1;
    return r->found ? static_cast<long>(r->hops.size()) : 0;
  });
  for (const auto* group : {&hubs, &tail}) {
    run("dot2", group == &hubs ? "hub" : "tail", *group, f.budget, [&](const Sample& s) -> long {
      geokg::query::EgoNetworkOptions o;
      o.depth = 2;
      o.max_nodes = f.dot_nodes;
      auto g = geokg::query::ego_network(store, id_of(s.a), o);
      if (!g.ok()) return -1;
      std::ostringstream out;
      geokg::query::write_dot(out, *g);
      return static_cast<long>(g->nodes.size());
    });
  }

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf(
      "{\"system\":\"geokg\",\"query\":\"_process\",\"open_ms\":%.2f,\"peak_rss_mb\":%.1f,"
      "\"cpu_s\":%.2f}\n",
      open_ms, static_cast<double>(ru.ru_maxrss) / 1024.0,
      static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
  return 0;
}
