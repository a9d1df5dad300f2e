#pragma once
// What every subcommand shares: the database path, opening the store with
// messages a person can act on, and turning a Status into an exit code.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::cli {

// Exit codes: 0 success, 1 usage error, 2 runtime error (bad data, database
// problem), 3 a name that matched nothing or several actors.
inline constexpr int kExitUsage = 1;
inline constexpr int kExitError = 2;
inline constexpr int kExitNotFound = 3;

// --db flag, else $GEOKG_DB, else ./geokg.db
std::string resolve_db_path(const std::string& flag_value);

// Adds the --db option to a subcommand.
void add_db_option(CLI::App* cmd, std::string& db);
// --width of an SVG picture, 600-20000 pixels (timeline, trend).
void add_svg_width_option(CLI::App* cmd, int& width);

// Prints "geokg: <message>" to stderr.
void print_error(const std::string& message);

// Ends the subcommand with an exit code (CLI11 carries it out of app.parse).
[[noreturn]] void exit_with(int code);

// Opens the store for queries (read-only, works beside a running ingest), or
// prints a clear message and exits: missing database, not a geokg database,
// newer schema.
// A warning on stderr names committed articles the database lost with a
// damaged write-ahead log (unless `warn_lost` is false: verify lists them).
std::unique_ptr<GraphStore> open_for_reading(const std::string& db, bool warn_lost = true);
// Opens the store for writing, or prints a clear message and exits (database
// in use by another geokg process, …); warns of lost articles the same way.
std::unique_ptr<GraphStore> open_for_writing(const std::string& db, const StoreOptions& options = {});

// Caps glibc's malloc arenas at one per extraction thread plus one (unless
// MALLOC_ARENA_MAX is set): the default, 8 per core, reserves 64 MiB of
// address space each and makes `ulimit -v` fail far below the memory used.
void limit_malloc_arenas(unsigned threads);

// Registration of each group of subcommands (one file each).
void register_ingest_commands(CLI::App& app);   // ingest, extract
void register_admin_commands(CLI::App& app);    // stats, verify
void register_query_commands(CLI::App& app);    // actors, actor, neighbors, path, timeline, then:
void register_trend_command(CLI::App& app);     // trend
void register_export_command(CLI::App& app);    // export
void register_parse_command(CLI::App& app);      // parse
void register_serve_command(CLI::App& app);      // serve

}  // namespace geokg::cli
