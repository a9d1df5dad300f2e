#pragma once
// The percentile the benchmarks report, shared by query_bench and serve_bench.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace geokg::bench {

// Nearest rank: the smallest value with at least p% of the samples at or
// below it; 0 for no samples.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size()) + 0.999999);
  rank = std::clamp<std::size_t>(rank, 1, v.size());
  return v[rank - 1];
}

}  // namespace geokg::bench
