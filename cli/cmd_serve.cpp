// geokg serve: the explorer, a web page and a JSON API over the database.
// Thin: parse flags, check the database, start geokg::serve::Server, wait
// for SIGINT/SIGTERM, stop it cleanly.

#include <pthread.h>
#include <signal.h>

#include <cerrno>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "common.hpp"
#include "geokg/core/cameo.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/serve/server.hpp"

namespace geokg::cli {

namespace {

struct ServeFlags {
  std::string db, host = "127.0.0.1";
  int port = 8080;
  std::size_t threads = 16;
  bool verbose = false;
};

// Labels and quad classes for the page; without the table it still works
// (codes only, edges in one colour).
std::optional<CameoTable> load_cameo_labels() {
  const std::string dir = default_data_dir();
  auto t = dir.empty() ? Result<CameoTable>(Status::NotFound("data directory not found (set GEOKG_DATA_DIR)"))
                       : CameoTable::Load(dir + "/cameo-codes.tsv");
  if (t.ok()) return std::move(t).value();
  print_error("warning: " + t.status().message() + "; CAMEO labels and colours omitted");
  return std::nullopt;
}

void run_serve(const ServeFlags& f) {
  // SIGINT/SIGTERM are taken by sigwait below, never by another thread:
  // block them before any thread starts (threads inherit the mask). Opening
  // the database starts RocksDB's background threads, which outlive it; a
  // signal delivered to one of those would kill the process.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const std::string db = resolve_db_path(f.db);
  // The usual messages for a missing or foreign database, before any thread starts.
  open_for_reading(db).reset();
  const std::optional<CameoTable> cameo = load_cameo_labels();

  serve::ServeOptions o;
  o.host = f.host;
  o.port = f.port;
  o.threads = f.threads;
  if (f.verbose) {
    o.log_request = [](const std::string& line) { print_error(line); };
    o.log = [](const std::string& line) { print_error(line); };
  } else {
    o.log = [](const std::string& line) {
      if (line.find("failed") != std::string::npos) print_error(line);
    };
  }
  if (!serve::is_loopback_host(f.host))
    print_error("warning: listening on " + f.host +
                ": anyone who can reach this machine on that address can read the whole database "
                "(the explorer has no login); use the default --host 127.0.0.1 to keep it local");

  serve::keep_freed_memory();
  auto server = serve::Server::Start(db, cameo ? &*cameo : nullptr, o);
  if (!server.ok()) {
    print_error("cannot serve '" + db + "': " + server.status().message());
    exit_with(kExitError);
  }
  std::cout << "geokg explorer: " << (*server)->url() << std::endl;
  if (!std::cout) {
    print_error("cannot write to standard output");
    exit_with(kExitError);
  }
  print_error("serving '" + db + "' read-only at " + (*server)->url() + " (Ctrl-C stops)");

  const timespec tick{0, 250'000'000};
  for (;;) {
    const int sig = sigtimedwait(&signals, nullptr, &tick);
    if (sig == SIGINT || sig == SIGTERM) {
      print_error(std::string("stopping (") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ")");
      (*server)->stop();
      print_error("stopped");
      return;
    }
    if (sig < 0 && errno != EAGAIN && errno != EINTR) break;
    if ((*server)->wait_for(std::chrono::milliseconds(0))) break;
  }
  (*server)->stop();
  print_error("the server stopped listening on its own");
  exit_with(kExitError);
}

}  // namespace

void register_serve_command(CLI::App& app) {
  auto f = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand(
      "serve", "Explore the graph in a web browser: search, neighbourhood, evidence, timeline, paths");
  add_db_option(cmd, f->db);
  cmd->add_option("--host", f->host,
                  "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 = every\n"
                  "interface, with a warning: the explorer has no login)");
  cmd->add_option("--port", f->port, "TCP port, 0 = any free port")->check(CLI::Range(0, 65535))->capture_default_str();
  cmd->add_option("--threads", f->threads, "Worker threads")->check(CLI::Range(2, 256))->capture_default_str();
  cmd->add_flag("-v,--verbose", f->verbose, "Log one line per request on stderr (method, path, status, size, time)");
  cmd->footer(
      "Prints \"geokg explorer: URL\" on stdout once listening; open it in a browser.\n"
      "The database is opened read-only and reopened within a second when an ingest\n"
      "commits to it. The page and its scripts are inside the binary: no network needed.\n"
      "JSON API under /api/ (see the README). SIGINT or SIGTERM stop it cleanly (exit 0).");
  cmd->callback([f] { run_serve(*f); });
}

}  // namespace geokg::cli
