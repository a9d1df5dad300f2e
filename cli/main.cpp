// geokg: news articles in, a knowledge graph of geopolitical actors and
// events out. main stays thin: parse, dispatch, turn errors into exit codes.

#include <CLI/CLI.hpp>

#include <iostream>

#include "common.hpp"

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);          // --help: stdout, exit 0
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();    // a command finished with this code
  } catch (const CLI::ParseError& e) {
    app.exit(e);                 // usage error: message to stderr
    return geokg::cli::kExitUsage;
  }
  return 0;
}
