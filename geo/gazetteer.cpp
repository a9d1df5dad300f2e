#include "geokg/geo/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include "geokg/core/ids.hpp"

namespace geokg::geo {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  return out;
}

// The tab-separated fields of a line into `out`; how many there are (counted
// past the array's end too, so that a line with too many is told apart).
std::size_t fields(std::string_view line, std::array<std::string_view, 11>& out) {
  std::size_t n = 0, b = 0;
  for (std::size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '\t') {
      if (n < out.size()) out[n] = line.substr(b, i - b);
      ++n;
      b = i + 1;
    }
  return n;
}

bool parse_double(std::string_view s, double& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

const char* to_string(EntryType t) {
  switch (t) {
    case EntryType::kCountry: return "country";
    case EntryType::kAdm1: return "adm1";
    case EntryType::kCity: return "city";
    case EntryType::kLandmark: return "landmark";
    case EntryType::kRegion: return "region";
  }
  return "city";
}

std::string place_key(std::string_view name) {
  std::string k = normalize_name(name);
  if (k.starts_with("the ")) k.erase(0, 4);
  return k;
}

Result<Gazetteer> Gazetteer::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open gazetteer " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read gazetteer " + path);
  return parse(buf.str(), path);
}

Result<Gazetteer> Gazetteer::parse(std::string_view text, std::string_view origin) {
  Gazetteer g;
  // One entry a line, about as many names: reserve once rather than rehash.
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  g.entries_.reserve(lines);
  g.by_name_.reserve(lines + lines / 4);
  std::vector<std::pair<std::uint32_t, std::size_t>> landmarks;   // entry, line
  std::unordered_map<std::string, std::uint32_t> city_index;      // geonameid -> entry
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto bad = [&](const std::string& why) {
      return Status::InvalidInput(std::string(origin) + ":" + std::to_string(line_no) + ": " + why);
    };
    std::array<std::string_view, 11> f;
    if (const std::size_t n = fields(line, f); n != f.size())
      return bad("expected 11 tab-separated fields, found " + std::to_string(n));
    Entry e;
    e.id = f[0];
    if (f[1] == "country") e.type = EntryType::kCountry;
    else if (f[1] == "adm1") e.type = EntryType::kAdm1;
    else if (f[1] == "city") e.type = EntryType::kCity;
    else if (f[1] == "landmark") e.type = EntryType::kLandmark;
    else if (f[1] == "region") e.type = EntryType::kRegion;
    else return bad("unknown type '" + std::string(f[1]) + "' (country, adm1, city, landmark or region)");
    e.country = f[2];
    e.adm1 = f[3];
    e.adm1_name = f[4];
    if (!parse_double(f[5], e.lat) || !parse_double(f[6], e.lon) || e.lat < -90 || e.lat > 90 ||
        e.lon < -180 || e.lon > 180)
      return bad("latitude/longitude '" + std::string(f[5]) + "', '" + std::string(f[6]) + "' out of range");
    const auto [pp, pec] = std::from_chars(f[7].data(), f[7].data() + f[7].size(), e.population);
    if (pec != std::errc() || pp != f[7].data() + f[7].size()) return bad("population is not a whole number");
    for (std::string_view flag : split(f[8], ',')) {
      if (flag == "capital") e.capital = true;
      else if (flag == "historical") e.historical = true;
      else if (!flag.empty()) return bad("unknown flag '" + std::string(flag) + "'");
    }
    e.name = f[9];
    // A region may cross borders ("the Persian Gulf"): it alone may lack a country.
    if (e.id.empty() || e.name.empty() || (e.country.empty() && e.type != EntryType::kRegion))
      return bad("id, country and name are required");
    if (!f[10].empty())
      for (std::string_view a : split(f[10], '|'))
        if (!a.empty()) e.aliases.emplace_back(a);

    const auto index = static_cast<std::uint32_t>(g.entries_.size());
    auto add_name = [&](std::string_view n) {
      std::string k = place_key(n);
      if (k.empty()) return;
      auto& v = g.by_name_[std::move(k)];
      if (v.empty() || v.back() != index) v.push_back(index);
    };
    add_name(e.name);
    for (const auto& a : e.aliases) add_name(a);
    if (e.type == EntryType::kCountry) g.countries_.emplace(e.country, index);
    if (e.type == EntryType::kCity && e.capital) g.capitals_.emplace(e.country, index);
    if (e.type == EntryType::kLandmark) landmarks.emplace_back(index, line_no);
    if (e.type == EntryType::kCity) city_index.emplace(e.id, index);
    g.entries_.push_back(std::move(e));
  }
  for (const auto& [index, line] : landmarks) {
    Entry& e = g.entries_[index];
    const auto it = city_index.find(e.id);
    if (it == city_index.end())
      return Status::InvalidInput(std::string(origin) + ":" + std::to_string(line) + ": landmark '" + e.name +
                                  "' names city " + e.id + ", which is not in the gazetteer");
    e.city = static_cast<std::int32_t>(it->second);
  }
  return g;
}

std::span<const std::uint32_t> Gazetteer::find(std::string_view name) const {
  const auto it = by_name_.find(place_key(name));
  if (it == by_name_.end()) return {};
  return it->second;
}

const Entry* Gazetteer::country(std::string_view iso3) const {
  const auto it = countries_.find(std::string(iso3));
  return it == countries_.end() ? nullptr : &entries_[it->second];
}

const Entry* Gazetteer::capital(std::string_view iso3) const {
  const auto it = capitals_.find(std::string(iso3));
  return it == capitals_.end() ? nullptr : &entries_[it->second];
}

}  // namespace geokg::geo
