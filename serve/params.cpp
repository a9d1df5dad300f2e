#include "params.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

namespace geokg::serve {

Params::Params(const List& params) : params_(params) {
  if (params_.size() > kMaxParams) {
    fail("", "at most " + std::to_string(kMaxParams) + " parameters");
    return;
  }
  for (const auto& [name, value] : params_) {
    if (value.size() > kMaxValueBytes) {
      fail(name, "longer than " + std::to_string(kMaxValueBytes) + " bytes");
      return;
    }
  }
}

void Params::fail(std::string_view name, std::string message) {
  if (!error_) error_ = ParamError{std::string(name), std::move(message)};
}

std::optional<std::string_view> Params::single(std::string_view name) {
  asked_.emplace_back(name);
  std::optional<std::string_view> found;
  for (const auto& [n, v] : params_) {
    if (n != name) continue;
    if (found) {
      fail(name, "given more than once");
      return std::nullopt;
    }
    found = v;
  }
  return found;
}

std::string Params::text(std::string_view name, std::string default_value) {
  auto v = single(name);
  return v ? std::string(*v) : default_value;
}

std::vector<std::string> Params::all(std::string_view name, std::size_t max_count) {
  asked_.emplace_back(name);
  std::vector<std::string> out;
  for (const auto& [n, v] : params_)
    if (n == name) out.push_back(v);
  if (out.size() > max_count) fail(name, "at most " + std::to_string(max_count) + " values");
  return out;
}

long Params::integer(std::string_view name, long default_value, long min, long max) {
  auto v = single(name);
  if (!v) return default_value;
  long x = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc() || end != v->data() + v->size() || x < min || x > max) {
    fail(name, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return default_value;
  }
  return x;
}

bool Params::flag(std::string_view name, bool default_value) {
  auto v = single(name);
  if (!v) return default_value;
  if (*v == "1" || *v == "true" || v->empty()) return true;
  if (*v == "0" || *v == "false") return false;
  fail(name, "expected 1, 0, true or false");
  return default_value;
}

Date Params::date(std::string_view name) {
  auto v = single(name);
  if (!v || v->empty()) return {};
  // Date::Parse ignores a trailing time part; a parameter is a date or nothing.
  auto d = v->size() <= 10 ? Date::Parse(*v) : std::nullopt;
  if (!d) {
    fail(name, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    return {};
  }
  return *d;
}

std::vector<std::string> Params::cameo_prefixes(std::string_view name) {
  constexpr std::size_t kMaxCodes = 40;
  std::vector<std::string> out;
  auto v = single(name);
  if (!v) return out;
  std::size_t at = 0;
  while (at <= v->size()) {
    std::size_t comma = v->find(',', at);
    if (comma == std::string_view::npos) comma = v->size();
    std::string_view code = v->substr(at, comma - at);
    at = comma + 1;
    if (code.empty()) continue;
    const bool digits = code.size() <= 4 &&
                        std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      fail(name, "expected CAMEO codes or prefixes of 1-4 digits, comma-separated (e.g. 04,112)");
      return {};
    }
    if (out.size() == kMaxCodes) {
      fail(name, "at most " + std::to_string(kMaxCodes) + " codes");
      return {};
    }
    out.emplace_back(code);
  }
  return out;
}

std::pair<Date, Date> Params::date_range(std::string_view from_name, std::string_view to_name) {
  const Date from = date(from_name), to = date(to_name);
  // "from=2024-03&to=2024" is March to December: the store's own rule decides.
  if (from.known() && to.known()) {
    EdgeFilter until;
    until.to = to;
    if (!edge_passes(until, from, "", false)) fail(from_name, "is after " + std::string(to_name));
  }
  return {from, to};
}

EdgeFilter Params::filter(std::string_view from_name, std::string_view to_name) {
  EdgeFilter f;
  std::tie(f.from, f.to) = date_range(from_name, to_name);
  f.cameo = cameo_prefixes("relation");
  f.min_sources = static_cast<std::size_t>(integer("min_sources", 1, 1, 100));
  f.include_flagged = flag("include_flagged");
  return f;
}

void Params::reject_unknown() {
  for (const auto& [name, value] : params_) {
    if (std::find(asked_.begin(), asked_.end(), name) == asked_.end()) {
      fail(name, "unknown parameter");
      return;
    }
  }
}

}  // namespace geokg::serve
