// geokg: news articles in, a knowledge graph of geopolitical actors and
// events out. main stays thin: parse, dispatch, turn errors into exit codes.

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <system_error>

#include "common.hpp"
#include "output.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "geokg - a knowledge graph of geopolitical actors and events, built from news articles.\n"
      "Ingest articles into a RocksDB graph, then ask who deals with whom, what happened\n"
      "between two actors and when, what links them, and draw the picture.",
      "geokg"};
  app.set_version_flag("--version", std::string("geokg ") + GEOKG_VERSION);
  app.require_subcommand(1);
  app.footer(
      "The database is --db DIR, else $GEOKG_DB, else ./geokg.db.\n"
      "Run 'geokg COMMAND --help' for the options of a command.");

  geokg::cli::register_ingest_commands(app);
  geokg::cli::register_admin_commands(app);
  geokg::cli::register_query_commands(app);
  geokg::cli::register_parse_command(app);
  geokg::cli::register_serve_command(app);

  // Every way out checks that standard output got everything written to it.
  using geokg::cli::finish_stdout;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return finish_stdout(app.exit(e));   // --help: stdout, exit 0
  } catch (const CLI::CallForAllHelp& e) {
    return finish_stdout(app.exit(e));
  } catch (const CLI::CallForVersion& e) {
    return finish_stdout(app.exit(e));
  } catch (const CLI::RuntimeError& e) {
    return finish_stdout(e.get_exit_code());   // a command finished with this code
  } catch (const CLI::ParseError& e) {
    app.exit(e);                 // usage error: message to stderr
    return geokg::cli::kExitUsage;
  } catch (const std::bad_alloc&) {
    // The libraries report running out of memory where they can; anything
    // else that runs out ends here, with a message instead of an abort.
    std::fputs("geokg: out of memory (see \"Limits\" in the README)\n", stderr);
    return geokg::cli::kExitError;
  } catch (const std::system_error& e) {
    // A thread or another system resource that could not be had: under an
    // address-space limit (ulimit -v) this is memory running out too.
    std::fprintf(stderr, "geokg: cannot get a system resource (out of memory, or a limit on threads): %s\n",
                 e.what());
    return geokg::cli::kExitError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "geokg: internal error: %s\n", e.what());
    return geokg::cli::kExitError;
  }
  return finish_stdout(0);
}
