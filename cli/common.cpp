#include "common.hpp"

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <thread>
#include <filesystem>
#include <iostream>

namespace geokg::cli {

std::string resolve_db_path(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("GEOKG_DB"); env && *env) return env;
  return "geokg.db";
}

void add_db_option(CLI::App* cmd, std::string& db) {
  cmd->add_option("--db", db, "Database directory (default: $GEOKG_DB, else ./geokg.db)");
}

void limit_malloc_arenas(unsigned threads) {
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, threads + 1)));
}

void print_error(const std::string& message) { std::cerr << "geokg: " << message << "\n"; }

void exit_with(int code) { throw CLI::RuntimeError(code); }

namespace {
[[noreturn]] void fail_open(const std::string& db, const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound:
      print_error("no geokg database at '" + db +
                  "' (ingest articles first, or point --db / $GEOKG_DB at one)");
      break;
    case Status::Code::kBusy:
      print_error("database '" + db + "' is in use by another geokg process (an ingest is "
                  "running); queries can still read it, a second writer cannot");
      break;
    default:
      print_error("cannot open database '" + db + "': " + s.message());
  }
  exit_with(kExitError);
}
}  // namespace

std::unique_ptr<GraphStore> open_for_reading(const std::string& db) {
  StoreOptions options;
  options.read_only = true;
  auto store = GraphStore::Open(db, options);
  if (!store.ok()) fail_open(db, store.status());
  return std::move(store).value();
}

std::unique_ptr<GraphStore> open_for_writing(const std::string& db) {
  StoreOptions options;
  auto store = GraphStore::Open(db, options);
  if (!store.ok()) fail_open(db, store.status());
  return std::move(store).value();
}

}  // namespace geokg::cli
