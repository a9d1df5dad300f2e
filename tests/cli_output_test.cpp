// Write errors through the real geokg binary: every command that prints data
// exits 2 with a message when standard output cannot take it (/dev/full),
// and -o FILE is the whole output or the file as it was: written under a
// temporary name and renamed into place, never left half-written.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "query_fixture.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::read_file;
using geokg::test::run_cli;
using geokg::test::TempDir;
using geokg::test::write_file;

namespace {

using geokg::test::run_direct;

// Files in `dir` whose name holds ".geokg-" (temporary outputs).
int temporaries(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".geokg-") != std::string::npos) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_output)

BOOST_AUTO_TEST_CASE(every_command_that_prints_fails_on_a_full_stdout) {
  TempDir dir;
  const std::string db = dir.str() + "/db";
  geokg::test::fixture_store(db);
  write_file(dir / "a.txt", "Blinken met Xi Jinping in Beijing on Friday.");
  const std::vector<std::vector<std::string>> commands = {
      {"stats", "--db", db},
      {"stats", "--json", "--db", db},
      {"verify", "--db", db},
      {"actors", "--db", db},
      {"actors", "--json", "--db", db},
      {"actor", "Acme & <Sons>", "--db", db},
      {"neighbors", "Acme & <Sons>", "--db", db},
      {"timeline", "--db", db},
      {"timeline", "--format", "csv", "--db", db},
      {"timeline", "--format", "svg", "--db", db},
      {"export", "--format", "dot", "--db", db},
      {"export", "--format", "csv", "--db", db},
      {"export", "--format", "json", "--db", db},
      {"extract", (dir / "a.txt").string()},
      {"--help"},
  };
  for (const auto& args : commands) {
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    // Sanity: the command succeeds when stdout can take its output.
    auto ok = run_direct(args);
    BOOST_TEST(ok.exit_code == 0, shown << ": " << ok.err);
    auto full = run_direct(args, {.stdout_path = "/dev/full"});
    BOOST_TEST(full.exit_code == 2, shown << "> /dev/full: exit " << full.exit_code << "\n" << full.err);
    BOOST_TEST(full.err.find("cannot write the output") != std::string::npos, shown << ": " << full.err);
    BOOST_TEST(full.err.find("exported") == std::string::npos, shown << ": claims success: " << full.err);
  }
}

BOOST_AUTO_TEST_CASE(dash_o_is_all_or_nothing) {
  TempDir dir;
  const std::string db = dir.str() + "/db";
  geokg::test::fixture_store(db);
  const fs::path out = dir / "graph.json";
  write_file(out, "OLD");
  // A write that fails half-way (file size capped at 200 bytes, as a full
  // disk would): exit 2, the old file untouched, no temporary left.
  auto r = run_direct({"export", "--format", "json", "-o", out.string(), "--db", db}, {.file_size = 200});
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(r.err.find("cannot write '" + out.string() + "'") != std::string::npos, r.err);
  BOOST_TEST(read_file(out) == "OLD");
  BOOST_TEST(temporaries(dir.path()) == 0);
  // The same for the two CSV files and a timeline.
  write_file(dir / "g-nodes.csv", "OLD");
  auto c = run_direct({"export", "--format", "csv", "-o", (dir / "g.csv").string(), "--db", db}, {.file_size = 200});
  BOOST_TEST(c.exit_code == 2, c.err);
  BOOST_TEST(read_file(dir / "g-nodes.csv") == "OLD");
  BOOST_TEST(!fs::exists(dir / "g-edges.csv"));
  auto t = run_direct({"timeline", "--format", "svg", "-o", (dir / "t.svg").string(), "--db", db}, {.file_size = 200});
  BOOST_TEST(t.exit_code == 2, t.err);
  BOOST_TEST(!fs::exists(dir / "t.svg"));
  BOOST_TEST(temporaries(dir.path()) == 0);
  // Without the cap the file is replaced whole.
  auto ok = run_cli("export --format json -o '" + out.string() + "' --db '" + db + "'");
  BOOST_TEST(ok.exit_code == 0, ok.err);
  BOOST_TEST(read_file(out).find("\"nodes\"") != std::string::npos);
  BOOST_TEST(temporaries(dir.path()) == 0);
}

BOOST_AUTO_TEST_CASE(dash_o_to_a_directory_or_a_missing_one_says_so) {
  TempDir dir;
  const std::string db = dir.str() + "/db";
  geokg::test::fixture_store(db);
  fs::create_directories(dir / "sub");
  auto d = run_cli("export -o '" + (dir / "sub").string() + "' --db '" + db + "'");
  BOOST_TEST(d.exit_code == 2, d.err);
  BOOST_TEST(d.err.find("it is a directory") != std::string::npos, d.err);
  auto m = run_cli("timeline -o '" + (dir / "no" / "such" / "t.md").string() + "' --db '" + db + "'");
  BOOST_TEST(m.exit_code == 2, m.err);
  BOOST_TEST(m.err.find("the directory '" + (dir / "no" / "such").string() + "' does not exist") !=
                 std::string::npos,
             m.err);
}

BOOST_AUTO_TEST_SUITE_END()
