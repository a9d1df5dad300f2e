// The store's flush policy and its record of commits: a writer that dies
// (no close, no flush) and then loses its write-ahead log loses at most the
// commits since its last flush, and the next open names exactly those; a
// reader beside a live writer does not take that writer's unflushed commits
// for lost ones.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include "geokg/graph/store.hpp"
#include "graph_test_data.hpp"
#include "test_support.hpp"

namespace geokg {

namespace {

namespace fs = std::filesystem;
using namespace test;

Extraction meeting() {
  Extraction x;
  x.actors = {person("Antony Blinken", "USA", "Secretary of State"), person("Wang Yi", "CHN", "Foreign Minister")};
  x.events = {event(0, 1, "040", "met", kApril26, "Blinken met Wang Yi.")};
  return x;
}

Article numbered(int i) {
  std::string id(1, 'n');
  id += std::to_string(i);
  return article(id, "Reuters", kApril26, "Talks " + id);
}

void remove_logs(const std::string& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".log") fs::remove(e.path());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graph_durability)

BOOST_AUTO_TEST_CASE(a_dead_writer_loses_at_most_the_commits_since_its_last_flush) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  // A child process commits 12 articles with a flush every 5 commits, then
  // dies without closing the store (as under kill -9).
  const pid_t pid = fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    StoreOptions o;
    o.flush_every_commits = 5;
    o.flush_every_seconds = 0;
    auto store = GraphStore::Open(dir, o);
    if (!store.ok()) _exit(1);
    for (int i = 1; i <= 12; ++i)
      if (!(*store)->commit(numbered(i), meeting()).ok()) _exit(2);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  remove_logs(dir);
  StoreOptions reader;
  reader.read_only = true;
  auto store = GraphStore::Open(dir, reader);
  BOOST_TEST_REQUIRE(store.ok());
  for (int i = 1; i <= 12; ++i) BOOST_TEST((*store)->has_article(numbered(i).id) == (i <= 10), i);
  const RecoveryReport& r = (*store)->recovery();
  BOOST_TEST(r.journal_checked);
  BOOST_TEST_REQUIRE(r.lost.size() == 2u);
  BOOST_TEST(r.lost[0].article_id == "n11");
  BOOST_TEST(r.lost[0].commit == 11u);
  BOOST_TEST(r.lost[1].article_id == "n12");
  auto v = (*store)->verify();
  BOOST_TEST_REQUIRE(v.ok());
  BOOST_TEST(v->problems.size() == 2u);
  // Each article is whole or absent: the edge holds the reports of the ten left.
  BOOST_TEST((*store)->for_each_edge([](const EventEdge& e) {
    BOOST_TEST(e.mentions == 10u);
    return true;
  }).ok());
}

BOOST_AUTO_TEST_CASE(a_reader_beside_a_live_writer_reports_nothing_lost) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  StoreOptions no_flush;
  no_flush.flush_every_commits = 0;
  no_flush.flush_every_seconds = 0;
  auto writer = GraphStore::Open(dir, no_flush);
  BOOST_TEST_REQUIRE(writer.ok());
  StoreOptions ro;
  ro.read_only = true;
  auto early = GraphStore::Open(dir, ro);   // opened before the commits
  BOOST_TEST_REQUIRE(early.ok());
  for (int i = 1; i <= 3; ++i) BOOST_TEST_REQUIRE((*writer)->commit(numbered(i), meeting()).ok());
  auto late = GraphStore::Open(dir, ro);
  BOOST_TEST_REQUIRE(late.ok());
  BOOST_TEST((*late)->recovery().lost.empty());
  BOOST_TEST(!(*late)->recovery().journal_checked);
  BOOST_TEST((*early)->recovery().lost.empty());
  // flush() makes the commits independent of the log.
  BOOST_TEST_REQUIRE((*writer)->flush().ok());
  writer->reset();
  late->reset();
  early->reset();
  remove_logs(dir);
  auto after = GraphStore::Open(dir, ro);
  BOOST_TEST_REQUIRE(after.ok());
  BOOST_TEST((*after)->has_article("n3"));
  BOOST_TEST((*after)->recovery().lost.empty());
  BOOST_TEST((*after)->recovery().journal_checked);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg
