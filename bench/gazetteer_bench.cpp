// Load time and memory of the gazetteer (data/places/gazetteer.tsv), and
// the cost of resolving a place with it.
// Usage: gazetteer_bench [GAZETTEER] [REPEATS]
//   (default data/places/gazetteer.tsv, 10)
// Prints the median and fastest load of REPEATS (wall and CPU time), the resident memory one
// loaded gazetteer adds (VmRSS before and after, /proc/self/status), and
// the median time of resolve_place over a fixed list of names.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "geokg/geo/gazetteer.hpp"
#include "geokg/geo/resolve.hpp"

namespace {

long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "data/places/gazetteer.tsv";
  const int repeats = std::max(1, argc > 2 ? std::atoi(argv[2]) : 10);

  // Memory of the first load alone (later loads free theirs, which the
  // allocator may keep); then the load time over `repeats` loads.
  const long before = rss_kib();
  std::optional<geokg::geo::Gazetteer> kept;
  long after = 0;
  std::vector<double> times, cpu;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    auto g = geokg::geo::Gazetteer::load(path);
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    times.push_back(ms_since(t0));
    if (!g.ok()) {
      std::fprintf(stderr, "gazetteer_bench: %s\n", g.status().to_string().c_str());
      return 1;
    }
    if (!kept) {
      kept = std::move(g).value();
      after = rss_kib();
    }
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("gazetteer: %s\n", path.c_str());
  std::printf("entries: %zu, distinct names: %zu\n", kept->size(), kept->names());
  std::printf("load: median %.1f ms, fastest %.1f ms wall; median %.1f ms CPU (%d loads)\n", times[times.size() / 2],
              times.front(), cpu[cpu.size() / 2], repeats);
  std::printf("memory: %.1f MiB resident for one loaded gazetteer (VmRSS %ld -> %ld KiB)\n",
              static_cast<double>(after - before) / 1024.0, before, after);

  const std::vector<std::string> names = {"Paris", "Georgia", "Washington", "Moscow", "Basra", "Geneva",
                                          "Helsinki", "Tokyo", "Springfield", "Sirri Island", "the Kremlin",
                                          "Alexandria", "Santiago", "Cordoba", "Victoria", "San Jose"};
  geokg::geo::PlaceContext ctx;
  ctx.article_countries = {{"USA", 0.5}, {"RUS", 0.3}, {"FRA", 0.2}};
  ctx.event_countries = {"USA", "RUS"};
  const int rounds = 20000;
  std::size_t resolved = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& n : names) {
      geokg::geo::PlaceQuery q;
      q.name = n;
      resolved += geokg::geo::resolve_place(*kept, q, ctx).resolved();
    }
  const double total = ms_since(t0);
  std::printf("resolve_place: %.2f us per place (%zu names x %d rounds, %zu resolved)\n",
              total * 1000.0 / (static_cast<double>(names.size()) * rounds), names.size(), rounds, resolved);
  return 0;
}
