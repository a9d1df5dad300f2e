#pragma once
// A store of two short articles whose events have places (talks in Geneva,
// a summit in Paris), for the tests of place filters, profiles and the map.
#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

namespace geokg::test {

struct PlacedEventsDb {
  TempDir dir;
  std::string db = (dir / "db").string();
  PlacedEventsDb() {
    std::filesystem::create_directories(dir / "in");
    write_file(dir / "in" / "a.txt",
               "Title: Geneva talks\nDate: 1987-03-03\n\n"
               "Secretary of State George Shultz met Soviet Foreign Minister Eduard Shevardnadze in Geneva "
               "on Tuesday.\n");
    write_file(dir / "in" / "b.txt",
               "Title: Paris summit\nDate: 1987-03-06\n\n"
               "French President Francois Mitterrand met West German Chancellor Helmut Kohl in Paris on Friday. "
               "Kohl also met British Prime Minister Margaret Thatcher on Friday.\n");
    const auto r = run_cli("ingest -q --db " + shell_quote(db) + " " + shell_quote(dir / "in"));
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  }
  // A command line on this store.
  std::string cli(const std::string& args) const { return args + " --db " + shell_quote(db); }
};

}  // namespace geokg::test
