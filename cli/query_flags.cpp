#include "query_flags.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>

#include "common.hpp"
#include "geokg/core/ascii.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/geo/gazetteer.hpp"
#include "geokg/geo/resolve.hpp"
#include "geokg/query/resolve.hpp"

namespace geokg::cli {

namespace q = geokg::query;

const char* const kNamesFooter =
    "Names: any alias, any case, accents optional; a surname alone works when unique;\n"
    "the 16-digit id from --json output also works. Exit 3 when a name is unknown\n"
    "(closest names suggested) or ambiguous (candidates listed).";

void add_filter_flags(CLI::App* cmd, FilterFlags& f, FilterFlagSet set) {
  cmd->add_option("--relation", f.relation,
                  "CAMEO codes or root classes, comma-separated, matched as prefixes:\n"
                  "\"04\" = every consult code, \"04,11\", \"057\" = signed agreement");
  cmd->add_option("--quad", f.quad,
                  "Only events of these CAMEO quad classes, comma-separated: 1 (or vc) verbal\n"
                  "cooperation, 2 (mc) material cooperation, 3 (vk) verbal conflict, 4 (mk)\n"
                  "material conflict");
  cmd->add_option("--from", f.from, "Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--to", f.to,
                  "Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD; a month or\n"
                  "year includes all of it)");
  cmd->add_option("--source", f.sources,
                  "Only events reported by this publisher (whole words, any case: \"reuters\",\n"
                  "\"BBC\"); comma-separated or repeated for several")
      ->delimiter(',');
  // timeline declares its own --min-sources (it also applies it to pairs).
  if (cmd->get_option_no_throw("--min-sources") == nullptr)
    cmd->add_option("--min-sources", f.min_sources,
                    "Only events reported by at least N distinct publishers (default 1)");
  if (set.actors) {
    cmd->add_option("--country", f.country,
                    "Only events whose source or target was of this country then (ISO alpha-3 or\n"
                    "a CAMEO code: USA, SUN); a person counts for the country of a role held");
    cmd->add_option("--sector", f.sector,
                    "Only events whose source or target was of this CAMEO sector then (GOV, MIL,\n"
                    "COP, JUD, LEG, OPP, REB, BUS ...)");
    cmd->add_option("--in-country", f.in_country,
                    "Only events that took place in this country (ISO alpha-3: FRA, IRQ), as\n"
                    "their resolved place says; events without a place are left out");
    cmd->add_option("--near", f.near,
                    "Only events whose resolved place lies within --within km of this place (a\n"
                    "gazetteer name: \"Baghdad\", \"Paris, Texas\", \"Georgia\"); events without\n"
                    "coordinates are left out");
    cmd->add_option("--within", f.within_km, "--near's radius in km, great-circle (default 100)")
        ->check(CLI::Range(0.0, 20040.0));
  }
  if (set.flagged)
    cmd->add_flag("--include-flagged", f.include_flagged,
                  "Also show negated and hypothetical events (\"did not meet\", \"would "
                  "impose\"),\nwhich are left out by default");
}

void usage_error(const std::string& message) {
  print_error(message);
  exit_with(kExitUsage);
}

void fail(const std::string& what, const Status& s) {
  print_error(what + ": " + s.message());
  exit_with(kExitError);
}

std::string country_code(const std::string& flag) {
  std::string out = flag;
  ascii_upper_in_place(out);
  return out;
}

std::string sector_code(const std::string& flag) {
  std::string out = country_code(flag);
  if (!out.empty() && out.size() != 3)
    usage_error("--sector: expected a three-letter CAMEO sector code (GOV, MIL, JUD, REB ...), got '" + flag + "'");
  return out;
}

const CameoTable* cameo_table() {
  static std::optional<CameoTable> table;
  static bool loaded = false;
  if (!loaded) {
    loaded = true;
    const std::string dir = default_data_dir();
    if (dir.empty()) {
      print_error("warning: data directory not found (set GEOKG_DATA_DIR); CAMEO labels omitted");
    } else if (auto t = CameoTable::Load(dir + "/cameo-codes.tsv"); !t.ok()) {
      print_error("warning: " + t.status().message() + "; CAMEO labels omitted");
    } else {
      table = std::move(t).value();
    }
  }
  return table ? &*table : nullptr;
}

namespace {

std::vector<int> quads_or_exit(const std::string& flag) {
  auto quads = q::quad_classes_from_string(flag);
  if (!quads)
    usage_error("--quad: expected quad classes 1-4 (or vc, mc, vk, mk), comma-separated, got '" + flag + "'");
  return *quads;
}

// --relation prefixes narrowed to the root classes of the quad classes: a
// prefix within a root ("057") stays when its root is of them, a shorter one
// ("1") becomes those roots it covers ("14" … "19" for material conflict).
std::vector<std::string> intersect_quads(const std::vector<std::string>& relation,
                                         const std::vector<std::string>& roots) {
  if (relation.empty()) return roots;
  std::vector<std::string> out;
  for (const auto& p : relation) {
    if (p.size() >= 2) {
      if (std::find(roots.begin(), roots.end(), p.substr(0, 2)) != roots.end()) out.push_back(p);
      continue;
    }
    for (const auto& r : roots)
      if (r.starts_with(p)) out.push_back(r);
  }
  return out;
}

// --near's place: "Paris" or "Paris, Texas" resolved against the shipped
// gazetteer as a text's place is, without an article around it.
q::EventSelection::Near near_or_exit(const std::string& flag, double km) {
  const std::string dir = default_data_dir();
  if (dir.empty()) usage_error("--near needs the gazetteer (data/places/gazetteer.tsv; set GEOKG_DATA_DIR)");
  auto gazetteer = geo::Gazetteer::load(dir + "/places/gazetteer.tsv");
  if (!gazetteer.ok()) fail("--near: reading the gazetteer", gazetteer.status());
  std::string name = flag, qualifier;
  if (const auto comma = flag.find(','); comma != std::string::npos) {
    name = flag.substr(0, comma);
    qualifier = flag.substr(comma + 1);
  }
  auto trim = [](std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(" \t") - b + 1);
  };
  trim(name);
  trim(qualifier);
  geo::PlaceQuery query;
  query.name = name;
  query.qualifier = qualifier;
  const Place place = name.empty() ? Place{} : geo::resolve_place(*gazetteer, query, {});
  if (!place.resolved()) {
    print_error("--near: no place named '" + flag + "' in the gazetteer (a country, a state or province, "
                "or a city of 15,000 people or more: \"Baghdad\", \"Paris, Texas\")");
    exit_with(kExitNotFound);
  }
  std::ostringstream note;
  note << "--near " << flag << ": " << place.entry_name << " (" << to_string(place.precision);
  if (!place.country.empty()) note << ", " << place.country;
  note << ") at " << place.lat << ", " << place.lon << ", within " << km << " km";
  print_error(note.str());
  return {place.lat, place.lon, km};
}

}  // namespace

EdgeFilter make_filter(const FilterFlags& f) {
  EdgeFilter filter;
  filter.include_flagged = f.include_flagged;
  filter.min_sources = std::max<std::size_t>(f.min_sources, 1);
  if (!f.from.empty()) {
    auto d = Date::Parse(f.from);
    if (!d) usage_error("--from: expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + f.from + "'");
    filter.from = *d;
  }
  if (!f.to.empty()) {
    auto d = Date::Parse(f.to);
    if (!d) usage_error("--to: expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + f.to + "'");
    // "--to 2024-04" means through the end of April.
    filter.to = d->last_day();
  }
  if (filter.from.known() && filter.to.known() && filter.to < filter.from)
    usage_error("--from " + f.from + " is after --to " + f.to);
  std::stringstream ss(f.relation);
  std::string code;
  while (std::getline(ss, code, ',')) {
    const auto b = code.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    code = code.substr(b, code.find_last_not_of(" \t") - b + 1);
    bool digits = !code.empty() && code.size() <= 4;
    for (char c : code) digits = digits && c >= '0' && c <= '9';
    if (!digits)
      usage_error("--relation: '" + code + "' is not a CAMEO code or prefix (1-4 digits, e.g. 04 or 057)");
    filter.cameo.push_back(code);
  }
  if (!f.quad.empty()) {
    const std::vector<int> quads = quads_or_exit(f.quad);
    const CameoTable* cameo = cameo_table();
    if (cameo == nullptr) usage_error("--quad needs the CAMEO table (data/cameo-codes.tsv; set GEOKG_DATA_DIR)");
    if (!quads.empty()) {
      auto narrowed = intersect_quads(filter.cameo, q::roots_of_quad_classes(*cameo, quads));
      if (narrowed.empty())
        usage_error("--relation " + f.relation + " holds no code of --quad " + f.quad);
      filter.cameo = std::move(narrowed);
    }
  }
  for (const auto& s : f.sources) {
    const auto b = s.find_first_not_of(" \t");
    if (b != std::string::npos) filter.publishers.push_back(s.substr(b, s.find_last_not_of(" \t") - b + 1));
  }
  return filter;
}

q::EventSelection make_selection(const FilterFlags& f) {
  q::EventSelection sel;
  sel.filter = make_filter(f);
  sel.country = country_code(f.country);
  sel.sector = sector_code(f.sector);
  sel.place_country = country_code(f.in_country);
  if (!sel.place_country.empty() &&
      (sel.place_country.size() != 3 || !std::all_of(sel.place_country.begin(), sel.place_country.end(),
                                                     [](char c) { return c >= 'A' && c <= 'Z'; })))
    usage_error("--in-country: expected a three-letter ISO country code (FRA, IRQ, USA), got '" + f.in_country + "'");
  if (!f.near.empty()) sel.near = near_or_exit(f.near, f.within_km);
  if (!f.quad.empty()) sel.quad_classes = quads_or_exit(f.quad);
  return sel;
}

Node resolve_or_exit(const GraphStore& store, const std::string& name) {
  auto r = q::resolve_name(store, name);
  if (!r.ok()) fail("looking up '" + name + "'", r.status());
  if (!r->found()) {
    print_error(q::describe_unresolved(name, *r));
    exit_with(kExitNotFound);
  }
  return r->node;
}

}  // namespace geokg::cli
