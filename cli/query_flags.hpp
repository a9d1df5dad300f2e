#pragma once
// What the query commands share: the event selection flags (--relation,
// --quad, --from/--to, --source, --min-sources, --include-flagged and, where
// events are selected by their actors, --country/--sector), turning them into
// an EdgeFilter or an EventSelection, the CAMEO table, name resolution and
// failing with a message.

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/select.hpp"

namespace geokg::cli {

struct FilterFlags {
  std::string relation;
  std::string quad;
  std::string from;
  std::string to;
  std::vector<std::string> sources;   // publishers
  std::string country;                // with selection flags only
  std::string sector;
  std::string in_country;             // the event's place (with selection flags only)
  std::string near;                   // a gazetteer place (with selection flags only)
  double within_km = 100.0;           // --near's radius. Default: 100
  bool include_flagged = false;
  std::size_t min_sources = 1;
};

// Which flags a command takes beyond dates, codes, publishers and corroboration.
struct FilterFlagSet {
  bool flagged = true;     // --include-flagged
  bool actors = false;     // --country / --sector select events by either actor
};

void add_filter_flags(CLI::App* cmd, FilterFlags& f, FilterFlagSet set = {});

// The store's filter: dates (a month or year --to covers all of it), CAMEO
// prefixes (--relation, intersected with the root classes of --quad),
// publishers, min_sources, flags. Exits 1 with a message on a bad value.
EdgeFilter make_filter(const FilterFlags& f);
// The filter plus --country/--sector, --in-country, --near/--within (the
// place resolved with the gazetteer; exit 3 with a message when it names no
// entry) and the quad classes.
query::EventSelection make_selection(const FilterFlags& f);

// Upper-cases a country or sector code; exits 1 when a sector is not three letters.
std::string country_code(const std::string& flag);
std::string sector_code(const std::string& flag);

[[noreturn]] void usage_error(const std::string& message);
[[noreturn]] void fail(const std::string& what, const Status& s);

// The CAMEO table (loaded once), or nullptr with a warning when the data
// directory is missing: queries still work, with codes only.
const CameoTable* cameo_table();

// The node a name resolves to, or exit 3 with the candidates or suggestions.
Node resolve_or_exit(const GraphStore& store, const std::string& name);

// The names-and-exit-codes paragraph of the commands that take names.
extern const char* const kNamesFooter;

}  // namespace geokg::cli
