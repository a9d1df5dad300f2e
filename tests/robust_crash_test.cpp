// Crash safety and concurrent access, through the real geokg binary:
// an ingest killed with SIGKILL at random points leaves a database that
// verifies and that a re-run completes to exactly the graph of an
// uninterrupted run; readers in other processes get consistent answers while
// an ingest writes, and a second writer is refused with a clear message.
// Input: the first articles of shared/corpus/bulk.jsonl.gz (skips without it).
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::run_cli;
using geokg::test::TempDir;
using Clock = std::chrono::steady_clock;

namespace {

// The first `n` lines of the bulk corpus as a plain .jsonl file; "" when shared/ is absent.
std::string bulk_prefix(const TempDir& dir, int n) {
  const std::string shared = geokg::test::shared_dir();
  if (shared.empty()) return {};
  gzFile gz = gzopen((shared + "/corpus/bulk.jsonl.gz").c_str(), "rb");
  BOOST_REQUIRE(gz);
  const auto path = dir / "bulk-prefix.jsonl";
  std::ofstream out(path, std::ios::binary);
  std::vector<char> buf(1 << 20);
  for (int i = 0; i < n && gzgets(gz, buf.data(), static_cast<int>(buf.size())); ++i) out << buf.data();
  gzclose(gz);
  return path.string();
}

// Starts `geokg ingest -q -j 2 --db DB INPUT` as a child process.
pid_t spawn_ingest(const std::string& db, const std::string& input, const std::string& input2 = "") {
  std::vector<std::string> args{"ingest", "-q", "-j", "2", "--db", db, input};
  if (!input2.empty()) args.push_back(input2);
  return geokg::test::start_cli(args);
}

int wait_exit(pid_t pid) {
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

// What must be equal between two databases holding the same articles.
struct Snapshot {
  nlohmann::json stats;
  std::string nodes_csv, edges_csv, timeline_json;
};

Snapshot snapshot(const std::string& db, const TempDir& tmp, const std::string& tag) {
  Snapshot s;
  auto st = run_cli("stats --json --db '" + db + "'");
  BOOST_REQUIRE_MESSAGE(st.exit_code == 0, st.err);
  s.stats = nlohmann::json::parse(st.out);
  s.stats.erase("database");  // the path differs
  const auto csv = tmp / (tag + ".csv");
  auto ex = run_cli("export --format csv -o '" + csv.string() + "' --db '" + db + "'");
  BOOST_REQUIRE_MESSAGE(ex.exit_code == 0, ex.err);
  s.nodes_csv = geokg::test::read_file(tmp / (tag + "-nodes.csv"));
  s.edges_csv = geokg::test::read_file(tmp / (tag + "-edges.csv"));
  auto tl = run_cli("timeline --format json --include-flagged --db '" + db + "'");
  BOOST_REQUIRE_MESSAGE(tl.exit_code == 0, tl.err);
  s.timeline_json = tl.out;
  return s;
}

void expect_verifies(const std::string& db, const std::string& when) {
  auto v = run_cli("verify --db '" + db + "'");
  BOOST_TEST(v.exit_code == 0, when << ": verify failed:\n" << v.out << v.err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(robust_crash)

BOOST_AUTO_TEST_CASE(sigkill_at_random_points_then_resume_equals_an_uninterrupted_run, GEOKG_NEEDS_SHARED) {
  TempDir dir;
  const std::string input = bulk_prefix(dir, 3000);
  const std::string ref = (dir / "ref.db").string(), db = (dir / "killed.db").string();

  const auto t0 = Clock::now();
  BOOST_REQUIRE_EQUAL(wait_exit(spawn_ingest(ref, input)), 0);
  const double full = std::chrono::duration<double>(Clock::now() - t0).count();
  BOOST_TEST_MESSAGE("uninterrupted ingest: " << full << " s");

  // Kill points spread over the run (the store's open, mid-commit, near the
  // end), each iteration resuming the previous one's partial database.
  std::mt19937 rng(20240426);
  const int iterations = 10;
  int killed_running = 0, killed_mid_run = 0;
  for (int i = 0; i < iterations; ++i) {
    std::uniform_real_distribution<double> at(0.02, std::max(0.1, full * 0.6));
    const double secs = at(rng);
    const pid_t pid = spawn_ingest(db, input);
    std::this_thread::sleep_for(std::chrono::duration<double>(secs));
    const bool was_running = kill(pid, SIGKILL) == 0;
    const int rc = wait_exit(pid);
    if (was_running && rc == 128 + SIGKILL) ++killed_running;
    BOOST_TEST_MESSAGE("kill " << i << " after " << secs << " s: exit " << rc);
    if (!fs::exists(db)) continue;  // killed before the database was created
    expect_verifies(db, "after kill " + std::to_string(i));
    auto st = run_cli("stats --json --db '" + db + "'");
    BOOST_TEST(st.exit_code == 0, st.err);
    if (st.exit_code != 0) continue;
    const long articles = nlohmann::json::parse(st.out)["articles"].get<long>();
    BOOST_TEST_MESSAGE("  " << articles << " articles stored");
    if (articles > 0 && articles < 3000) ++killed_mid_run;
  }
  BOOST_TEST(killed_running >= iterations / 2, "only " << killed_running << " kills hit a running ingest");
  BOOST_TEST(killed_mid_run >= 1, "only " << killed_mid_run << " kills interrupted the commits");

  BOOST_REQUIRE_EQUAL(wait_exit(spawn_ingest(db, input)), 0);
  expect_verifies(db, "after the resumed run");
  const Snapshot a = snapshot(ref, dir, "ref"), b = snapshot(db, dir, "killed");
  BOOST_TEST(a.stats == b.stats, "uninterrupted " << a.stats.dump() << "\nresumed " << b.stats.dump());
  BOOST_TEST(a.stats["articles"].get<long>() > 2500);
  BOOST_TEST((a.nodes_csv == b.nodes_csv), "node exports differ");
  BOOST_TEST((a.edges_csv == b.edges_csv), "edge exports differ");
  BOOST_TEST((a.timeline_json == b.timeline_json), "timelines differ");
}

BOOST_AUTO_TEST_CASE(readers_see_consistent_snapshots_while_an_ingest_writes, GEOKG_NEEDS_SHARED) {
  TempDir dir;
  const std::string input = bulk_prefix(dir, 1500);
  const std::string db = (dir / "g.db").string();
  // The second input is a FIFO: after committing the first, the ingest blocks
  // on it holding the write lock, so a second writer meets a live writer
  // however fast the machine is.
  const std::string fifo = (dir / "more.jsonl").string();
  BOOST_REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const pid_t pid = spawn_ingest(db, input, fifo);
  // Wait until the writer has created the database. Until then a reader is
  // told there is none (never that a half-made directory is not a geokg
  // database: the store creates it beside its place and renames it in).
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  for (;;) {
    auto st = run_cli("stats --db '" + db + "'");
    if (st.exit_code == 0) break;
    BOOST_TEST(st.err.find("no geokg database") != std::string::npos, st.err);
    BOOST_REQUIRE_MESSAGE(Clock::now() < deadline, "the database never became readable");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  long last_articles = 0;
  int reads = 0, second_writer_refused = 0;
  bool done = false, fed = false;
  // The first ingest has exited (reaped once: a second waitpid would fail).
  auto ingest_exited = [&, reaped = false]() mutable {
    if (!reaped) reaped = waitpid(pid, nullptr, WNOHANG) == pid;
    return reaped;
  };
  const auto give_up = Clock::now() + std::chrono::minutes(5);
  while (!done) {
    BOOST_REQUIRE_MESSAGE(Clock::now() < give_up, "the ingest did not finish within 5 minutes");
    done = ingest_exited();
    if (!fed && last_articles >= 1500) {
      // The first input is in; feed the FIFO so the ingest can finish.
      fed = true;
      std::ofstream(fifo) << "{\"id\": \"fifo-1\", \"text\": \"Blinken met Xi Jinping in Beijing.\"}\n";
    }
    auto st = run_cli("stats --json --db '" + db + "'");
    BOOST_REQUIRE_MESSAGE(st.exit_code == 0, st.err);
    const auto j = nlohmann::json::parse(st.out);
    const long articles = j["articles"].get<long>();
    BOOST_TEST(articles >= last_articles,
               "article count went back from " << last_articles << " to " << articles << ": " << st.out);
    last_articles = std::max(articles, last_articles);
    auto v = run_cli("verify --db '" + db + "'");
    BOOST_TEST(v.exit_code == 0, "verify during ingest:\n" << v.out << v.err);
    ++reads;
    if (!done && reads % 3 == 1) {
      auto w = run_cli("ingest -q --db '" + db + "' '" + input + "'");
      if (w.exit_code == 2 && w.err.find("in use by another geokg process") != std::string::npos) {
        ++second_writer_refused;
        BOOST_TEST(w.err.find("LOCK") == std::string::npos, w.err);
      } else {
        // Only acceptable when the first ingest had just finished and released the lock.
        // (It releases the lock when it closes the store, just before it exits.)
        const auto grace = Clock::now() + std::chrono::seconds(10);
        while (!ingest_exited() && Clock::now() < grace) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        BOOST_TEST(ingest_exited(), "second writer: exit " << w.exit_code << "\n" << w.err);
      }
    }
  }
  BOOST_TEST_MESSAGE(reads << " consistent reads during the ingest, " << second_writer_refused
                           << " second writers refused");
  BOOST_TEST(reads >= 2);
  BOOST_TEST(second_writer_refused >= 1);
  BOOST_TEST(last_articles == 1501);
  expect_verifies(db, "after the ingest");
}

BOOST_AUTO_TEST_SUITE_END()
