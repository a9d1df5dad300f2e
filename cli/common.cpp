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

void add_svg_width_option(CLI::App* cmd, int& width) {
  cmd->add_option("--width", width, "SVG width in pixels")->check(CLI::Range(600, 20000))->capture_default_str();
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
    case Status::Code::kCorruption:
      print_error(s.message());   // "database 'x' is damaged: ..."
      break;
    default:
      print_error("cannot open database '" + db + "': " + s.message());
  }
  exit_with(kExitError);
}

void warn_lost(const std::string& db, const RecoveryReport& r) {
  if (r.lost.empty()) return;
  std::string ids;
  for (std::size_t i = 0; i < r.lost.size() && i < 10; ++i) ids += (i ? ", " : "") + r.lost[i].article_id;
  if (r.lost.size() > 10) ids += ", ...";
  print_error("warning: " + std::to_string(r.lost.size()) + " committed article" +
              (r.lost.size() == 1 ? " is" : "s are") + " missing from '" + db +
              "': the write-ahead log that held them was cut short, damaged or deleted before a flush (" +
              ids + "); 'geokg verify' lists them, ingesting their inputs again stores them");
}
}  // namespace

std::unique_ptr<GraphStore> open_for_reading(const std::string& db, bool warn) {
  StoreOptions options;
  options.read_only = true;
  auto store = GraphStore::Open(db, options);
  if (!store.ok()) fail_open(db, store.status());
  if (warn) warn_lost(db, (*store)->recovery());
  return std::move(store).value();
}

std::unique_ptr<GraphStore> open_for_writing(const std::string& db, const StoreOptions& options) {
  auto store = GraphStore::Open(db, options);
  if (!store.ok()) fail_open(db, store.status());
  warn_lost(db, (*store)->recovery());
  return std::move(store).value();
}

}  // namespace geokg::cli
