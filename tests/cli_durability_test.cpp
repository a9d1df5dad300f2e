// What a damaged database loses, and says, through the real geokg binary:
// an ingest that returned 0 survives the loss of its write-ahead log; after a
// writer killed mid-run, a write-ahead log deleted, cut short or with a byte
// flipped loses exactly the commits after the damage, and open (a warning)
// and verify (exit 2) name them until they are ingested again; damaged
// CURRENT / MANIFEST files are reported as damage, not as "not a geokg
// database"; and the smaller cases of issue 17 (a --db whose parent is
// missing, a NUL byte in a user lexicon name).
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::read_file;
using geokg::test::run_cli;
using geokg::test::TempDir;
using geokg::test::write_file;

namespace {

std::string q(const fs::path& p) { return geokg::test::shell_quote(p); }

long stored_articles(const std::string& db) {
  auto r = run_cli("stats --json --db " + q(db));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out)["articles"].get<long>();
}

// `n` one-sentence articles with ids d0..d(n-1), as JSON Lines.
std::string articles(int n, int from = 0) {
  std::string out;
  const char* sentences[] = {"Antony Blinken met Wang Yi in Beijing on Friday.",
                             "Russian Defence Minister Sergei Shoigu met Chinese Defence Minister Dong Jun.",
                             "China accused the United States of interfering in Hong Kong.",
                             "Xi Jinping hosted Vladimir Putin in Beijing."};
  for (int i = from; i < from + n; ++i) {
    std::string id(1, 'd');
    id += std::to_string(i);
    out += nlohmann::json{{"id", id}, {"date", "2024-04-26"}, {"source", "Wire"},
                          {"text", std::string(sentences[i % 4]) + " Report " + id + "."}}
               .dump() +
           "\n";
  }
  return out;
}

// The write-ahead log files of a database, largest first.
std::vector<fs::path> logs(const fs::path& db) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(db))
    if (e.path().extension() == ".log") out.push_back(e.path());
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
    return fs::file_size(a) > fs::file_size(b);
  });
  return out;
}

// Lines of the commit journal after its header.
int journal_entries(const fs::path& db) {
  const std::string j = read_file(db / "GEOKG-JOURNAL");
  return static_cast<int>(std::count(j.begin(), j.end(), '\n')) - 1;
}

// A database whose writer was killed (SIGKILL) after committing `n` articles
// it had not flushed: an ingest reading a FIFO, fed `n` articles, killed once
// its journal lists them all.
void killed_writer(const fs::path& db, const fs::path& dir, int n) {
  const fs::path fifo = dir / "feed.fifo";
  fs::remove(fifo);
  BOOST_REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const pid_t pid = geokg::test::start_cli({"ingest", "-q", "--db", db.string(), fifo.string()});
  {
    std::ofstream feed(fifo);
    feed << articles(n);
    feed.flush();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!(fs::exists(db / "GEOKG-JOURNAL") && journal_entries(db) >= n)) {
      BOOST_REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, "the ingest never committed the articles");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGKILL);   // the FIFO is still open: the ingest was waiting for more
  }
  int st = 0;
  waitpid(pid, &st, 0);
  BOOST_REQUIRE(WIFSIGNALED(st));
}

// "problem: article 'ID' (commit N) is missing" lines of verify's output.
std::vector<std::string> lost_in_verify(const std::string& out) {
  std::vector<std::string> ids;
  static const std::regex re(R"(problem: article '([^']+)' \(commit \d+\) is missing)");
  for (std::sregex_iterator it(out.begin(), out.end(), re), end; it != end; ++it) ids.push_back((*it)[1]);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_durability)

BOOST_AUTO_TEST_CASE(an_ingest_that_returned_0_survives_losing_its_write_ahead_log) {
  TempDir dir;
  write_file(dir / "in.jsonl", articles(40));
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest -q --db " + q(db) + " " + q(dir / "in.jsonl"));
  BOOST_REQUIRE_EQUAL(r.exit_code, 0);
  for (const auto& log : logs(db)) fs::remove(log);
  BOOST_TEST(stored_articles(db) == 40);
  auto v = run_cli("verify --db " + q(db));
  BOOST_TEST(v.exit_code == 0, v.out << v.err);
}

BOOST_AUTO_TEST_CASE(a_lost_write_ahead_log_says_which_commits_it_took) {
  TempDir dir;
  const int n = 30;
  const fs::path killed = dir / "killed.db";
  killed_writer(killed, dir.path(), n);
  BOOST_REQUIRE(!logs(killed).empty());
  BOOST_TEST(stored_articles(killed.string()) == n);   // the log replays: nothing lost yet

  struct Damage {
    const char* name;
    void (*apply)(const fs::path& db);
  };
  const Damage damages[] = {
      {"deleted", [](const fs::path& db) {
         for (const auto& log : logs(db)) fs::remove(log);
       }},
      {"cut short", [](const fs::path& db) {
         const fs::path log = logs(db).front();
         fs::resize_file(log, fs::file_size(log) / 2);
       }},
      {"one byte flipped", [](const fs::path& db) {
         const fs::path log = logs(db).front();
         std::string bytes = read_file(log);
         bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0xFF);
         write_file(log, bytes);
       }},
  };
  for (const auto& d : damages) {
    const fs::path db = dir / (std::string("db-") + std::to_string(&d - damages));
    fs::copy(killed, db, fs::copy_options::recursive);
    d.apply(db);
    // Open: what is left, whole, and a warning naming what went.
    auto st = run_cli("stats --json --db " + q(db));
    BOOST_REQUIRE_MESSAGE(st.exit_code == 0, d.name << ": " << st.err);
    const long left = nlohmann::json::parse(st.out)["articles"].get<long>();
    BOOST_TEST_MESSAGE("write-ahead log " << d.name << ": " << left << " of " << n << " articles left");
    BOOST_TEST(left < n, d.name);
    BOOST_TEST(st.err.find("committed article") != std::string::npos, d.name << ": " << st.err);
    // verify: every article missing is named, and only those.
    auto v = run_cli("verify --db " + q(db));
    BOOST_TEST(v.exit_code == 2, d.name << ": " << v.out);
    const auto lost = lost_in_verify(v.out);
    BOOST_TEST(static_cast<long>(lost.size()) == n - left, d.name << ":\n" << v.out);
    const std::string timeline = run_cli("timeline --format json --db " + q(db)).out;
    for (const auto& id : lost)
      BOOST_TEST(timeline.find("\"" + id + "\"") == std::string::npos, d.name << ": " << id << " is there");
    // A writer opening it keeps the record (the journal starts afresh), and
    // ingesting the inputs again brings the articles back: verify is clean.
    write_file(dir / "one.jsonl", articles(1, 1000));
    auto w = run_cli("ingest -q --db " + q(db) + " " + q(dir / "one.jsonl"));
    BOOST_TEST(w.exit_code == 0, w.err);
    BOOST_TEST(w.err.find("committed article") != std::string::npos, d.name << ": " << w.err);
    BOOST_TEST(lost_in_verify(run_cli("verify --db " + q(db)).out).size() == lost.size(), d.name);
    write_file(dir / "again.jsonl", articles(n));
    auto again = run_cli("ingest -q --db " + q(db) + " " + q(dir / "again.jsonl"));
    BOOST_TEST(again.exit_code == 0, again.err);
    auto clean = run_cli("verify --db " + q(db));
    BOOST_TEST(clean.exit_code == 0, d.name << ":\n" << clean.out);
    BOOST_TEST(stored_articles(db.string()) == n + 1);
  }
}

BOOST_AUTO_TEST_CASE(damaged_current_or_manifest_is_reported_as_damage) {
  TempDir dir;
  write_file(dir / "in.jsonl", articles(5));
  const fs::path good = dir / "good.db";
  BOOST_REQUIRE_EQUAL(run_cli("ingest -q --db " + q(good) + " " + q(dir / "in.jsonl")).exit_code, 0);
  const auto manifest = [](const fs::path& db) {
    for (const auto& e : fs::directory_iterator(db))
      if (e.path().filename().string().starts_with("MANIFEST-")) return e.path();
    return fs::path();
  };
  struct Damage {
    const char* name;
    void (*apply)(const fs::path& db, const fs::path& manifest);
  };
  const Damage damages[] = {
      {"CURRENT garbage", [](const fs::path& db, const fs::path&) { write_file(db / "CURRENT", "garbage"); }},
      {"CURRENT deleted", [](const fs::path& db, const fs::path&) { fs::remove(db / "CURRENT"); }},
      {"MANIFEST deleted", [](const fs::path&, const fs::path& m) { fs::remove(m); }},
      {"MANIFEST cut short", [](const fs::path&, const fs::path& m) { fs::resize_file(m, 100); }},
  };
  for (const auto& d : damages) {
    const fs::path db = dir / (std::string("db-") + std::to_string(&d - damages));
    fs::copy(good, db, fs::copy_options::recursive);
    d.apply(db, db / manifest(good).filename());
    for (const char* cmd : {"stats", "verify"}) {
      auto r = run_cli(std::string(cmd) + " --db " + q(db));
      BOOST_TEST(r.exit_code == 2, d.name << ": " << cmd);
      BOOST_TEST(r.err.find("is damaged") != std::string::npos, d.name << ": " << r.err);
      BOOST_TEST(r.err.find("not a geokg database") == std::string::npos, d.name << ": " << r.err);
    }
    // A writer does not "repair" it with empty column families either.
    auto w = run_cli("ingest -q --db " + q(db) + " " + q(dir / "in.jsonl"));
    BOOST_TEST(w.exit_code == 2, d.name);
    BOOST_TEST(w.err.find("is damaged") != std::string::npos, d.name << ": " << w.err);
  }
  // A directory that never was a database is still "not a geokg database".
  fs::create_directories(dir / "other");
  write_file(dir / "other" / "notes.txt", "x");
  auto o = run_cli("stats --db " + q(dir / "other"));
  BOOST_TEST(o.err.find("not a geokg database") != std::string::npos, o.err);
}

BOOST_AUTO_TEST_CASE(a_db_whose_parent_does_not_exist_says_so) {
  TempDir dir;
  write_file(dir / "in.jsonl", articles(1));
  const fs::path db = dir / "no" / "such" / "db";
  auto r = run_cli("ingest --db " + q(db) + " " + q(dir / "in.jsonl"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("the directory '" + (dir / "no" / "such").string() + "' does not exist") !=
                 std::string::npos,
             r.err);
  BOOST_TEST(!fs::exists(dir / "no"));
}

BOOST_AUTO_TEST_CASE(a_nul_byte_in_a_user_lexicon_name_keeps_verify_clean) {
  TempDir dir;
  write_file(dir / "lex.json",
             R"({"actors": [{"name": "Acme\u0000 Corp", "kind": "organization", "country": "USA",)"
             R"( "aliases": ["Acme Group"]}]})");
  write_file(dir / "a.txt", "Acme Group signed an agreement with China on Friday.");
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --db " + q(db) + " --lexicon " + q(dir / "lex.json") + " " + q(dir / "a.txt"));
  BOOST_TEST(r.exit_code == 0, r.err);
  auto v = run_cli("verify --db " + q(db));
  BOOST_TEST(v.exit_code == 0, v.out);
}

BOOST_AUTO_TEST_SUITE_END()
