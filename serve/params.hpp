#pragma once
// Query-string parameters of one API request, validated: every value is
// bounded in size, parsed strictly, and a parameter the endpoint does not
// know is an error (a typo must not silently widen a query). Internal to
// serve/: the first problem found is kept as a ParamError for a 400 answer.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geokg/core/date.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::serve {

struct ParamError {
  std::string parameter;
  std::string message;
};

class Params {
 public:
  using List = std::vector<std::pair<std::string, std::string>>;
  // Longest value accepted, in bytes. Most parameters in one request.
  static constexpr std::size_t kMaxValueBytes = 256;
  static constexpr std::size_t kMaxParams = 32;

  explicit Params(const List& params);

  // Each getter returns the default when the parameter is absent and records
  // an error (keeping the default) when it is malformed or repeated.
  std::string text(std::string_view name, std::string default_value = {});
  std::vector<std::string> all(std::string_view name, std::size_t max_count);
  long integer(std::string_view name, long default_value, long min, long max);
  bool flag(std::string_view name, bool default_value = false);
  // YYYY, YYYY-MM or YYYY-MM-DD; unknown Date when absent.
  Date date(std::string_view name);
  // CAMEO codes or prefixes, comma-separated, 1-4 digits each, at most 40.
  std::vector<std::string> cameo_prefixes(std::string_view name);

  // Two dates bounding a window; records an error when from > to (a month
  // or year in `to` covers all of it).
  std::pair<Date, Date> date_range(std::string_view from_name, std::string_view to_name);
  // The event filter every query endpoint shares: from_name / to_name dates
  // (from <= to), relation, min_sources (1-100), include_flagged.
  EdgeFilter filter(std::string_view from_name = "from", std::string_view to_name = "to");

  // Records an error for any parameter none of the getters asked for.
  void reject_unknown();

  const std::optional<ParamError>& error() const { return error_; }
  void fail(std::string_view name, std::string message);

 private:
  // The parameter's only value; nullopt when absent (or repeated: error).
  std::optional<std::string_view> single(std::string_view name);

  const List& params_;
  std::vector<std::string> asked_;
  std::optional<ParamError> error_;
};

}  // namespace geokg::serve
