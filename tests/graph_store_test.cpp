// GraphStore over RocksDB: commits, merges, atomicity, reopen, locking,
// incompatible directories, verify, adjacency scans.
#include <boost/test/unit_test.hpp>

#include <rocksdb/db.h>

#include <csignal>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "geokg/core/ids.hpp"
#include "geokg/graph/keys.hpp"
#include "geokg/graph/store.hpp"
#include "store_internal.hpp"
#include "graph_test_data.hpp"
#include "test_support.hpp"

using namespace geokg;
using namespace geokg::test;

namespace graph_store_test {

std::unique_ptr<GraphStore> open_store(const std::string& dir, StoreOptions options = {}) {
  auto s = GraphStore::Open(dir, options);
  BOOST_TEST_REQUIRE(s.ok(), (s.ok() ? "" : s.status().to_string()));
  return std::move(s).value();
}

StoreCounts counts_of(const GraphStore& store) {
  auto c = store.counts();
  BOOST_TEST_REQUIRE(c.ok(), (c.ok() ? "" : c.status().to_string()));
  return *c;
}

bool same_counts(const StoreCounts& a, const StoreCounts& b) {
  return a.nodes == b.nodes && a.names == b.names && a.edges == b.edges &&
         a.static_edges == b.static_edges && a.adjacency == b.adjacency &&
         a.timeline == b.timeline && a.articles == b.articles && a.evidence == b.evidence;
}

void expect_sound(const GraphStore& store) {
  auto v = store.verify();
  BOOST_TEST_REQUIRE(v.ok());
  for (const auto& p : v->problems) BOOST_TEST_MESSAGE("verify: " << p);
  BOOST_TEST(v->ok());
  BOOST_TEST(v->checked > 0u);
}

const NodeId kBlinkenId = node_id(NodeKind::kPerson, "Antony Blinken");
const NodeId kWangId = node_id(NodeKind::kPerson, "Wang Yi");
const NodeId kChinaId = country_node_id("CHN");
const NodeId kUsaId = country_node_id("USA");
const EdgeId kMeetingId = event_id(kBlinkenId, kWangId, "040", kApril26, false, false);

Article reuters() { return article("reuters-1", "Reuters", kApril26, "In Beijing, Blinken confronts China"); }

// The same meeting as reported by another publisher, in other words.
std::pair<Article, Extraction> ap_report() {
  Article a = article("ap-1", "AP", kApril26, "Blinken, Wang hold talks in Beijing");
  Extraction x;
  x.actors = {person("Antony Blinken", "USA", "Secretary of State", {"Blinken"}, 3),
              person("Wang Yi", "CHN", "Foreign Minister", {}, 2)};
  x.events = {event(0, 1, "040", "met", kApril26,
                    "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on "
                    "Friday.", 120)};
  return {a, x};
}

}  // namespace graph_store_test
using namespace graph_store_test;

BOOST_AUTO_TEST_SUITE(graph_store)

BOOST_AUTO_TEST_CASE(round_trip) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  auto r = store->commit(reuters(), beijing_extraction());
  BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? "" : r.status().to_string()));
  BOOST_TEST(!r->already_present);
  BOOST_TEST(r->nodes == 5u);
  BOOST_TEST(r->events == 3u);
  BOOST_TEST(r->static_edges == 2u);   // Blinken -> USA, Wang Yi -> CHN

  auto blinken = store->node(kBlinkenId);
  BOOST_TEST_REQUIRE(blinken.ok());
  BOOST_TEST(blinken->name == "Antony Blinken");
  BOOST_TEST((blinken->kind == NodeKind::kPerson));
  BOOST_TEST(blinken->country == "USA");
  BOOST_TEST(blinken->mentions == 9u);
  BOOST_TEST(blinken->articles == 1u);
  BOOST_TEST(blinken->first_seen.iso() == "2024-04-26");
  BOOST_TEST(blinken->roles.size() == 1u);

  // Any alias, any case, finds the node; countries are keyed by ISO code.
  for (const char* name : {"Blinken", "BLINKEN", "antony blinken", "Secretary Blinken"}) {
    auto ids = store->find_nodes(name);
    BOOST_TEST_REQUIRE(ids.ok());
    BOOST_TEST((*ids == std::vector<NodeId>{kBlinkenId}), name);
  }
  auto us = store->find_nodes("US");   // "U.S." normalises to "us"
  BOOST_TEST_REQUIRE(us.ok());
  BOOST_TEST((*us == std::vector<NodeId>{kUsaId}));
  BOOST_TEST(store->find_nodes("Blink")->empty());   // exact alias, not a prefix

  std::vector<std::string> wang_aliases;
  BOOST_TEST(store->scan_names("wang", [&](std::string_view alias, NodeId id) {
    wang_aliases.emplace_back(alias);
    BOOST_TEST(id == kWangId);
    return true;
  }).ok());
  BOOST_TEST(wang_aliases == (std::vector<std::string>{"wang", "wang yi"}));

  auto meeting = store->edge(kMeetingId);
  BOOST_TEST_REQUIRE(meeting.ok());
  BOOST_TEST(meeting->source == kBlinkenId);
  BOOST_TEST(meeting->target == kWangId);
  BOOST_TEST(meeting->relation == "met");
  BOOST_TEST(meeting->location == node_id(NodeKind::kLocation, "Beijing"));
  BOOST_TEST(meeting->mentions == 1u);
  BOOST_TEST(meeting->sources == std::vector<std::string>{"Reuters"});
  BOOST_TEST_REQUIRE(meeting->evidence.size() == 1u);
  BOOST_TEST(meeting->evidence[0].article_id == "reuters-1");
  BOOST_TEST(meeting->evidence[0].source == "Reuters");
  BOOST_TEST(meeting->evidence[0].start == 812u);

  auto art = store->article("reuters-1");
  BOOST_TEST_REQUIRE(art.ok());
  BOOST_TEST(art->nodes.size() == 5u);
  BOOST_TEST(art->edges.size() == 3u);
  BOOST_TEST(store->has_article("reuters-1"));
  BOOST_TEST(!store->has_article("reuters-2"));
  BOOST_TEST(store->article("reuters-2").status().is_not_found());
  BOOST_TEST(store->node(12345).status().is_not_found());

  std::vector<StaticEdge> roles;
  BOOST_TEST(store->scan_static(kBlinkenId, [&](const StaticEdge& e) {
    roles.push_back(e);
    return true;
  }).ok());
  BOOST_TEST_REQUIRE(roles.size() == 1u);
  BOOST_TEST(roles[0].target == kUsaId);
  BOOST_TEST((roles[0].relation == StaticRelation::kRole));
  BOOST_TEST(roles[0].role.title == "Secretary of State");

  const StoreCounts c = counts_of(*store);
  BOOST_TEST(c.nodes == 5u);
  BOOST_TEST(c.edges == 3u);
  BOOST_TEST(c.adjacency == 6u);
  BOOST_TEST(c.timeline == 3u);
  BOOST_TEST(c.articles == 1u);
  BOOST_TEST(c.static_edges == 2u);
  BOOST_TEST(c.evidence == 3u);
  // Names: 5 canonical names + Blinken(2) + Wang(1) + USA(2) + China(2) aliases.
  BOOST_TEST(c.names == 12u);
  expect_sound(*store);
}

BOOST_AUTO_TEST_CASE(recommit_changes_nothing) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  BOOST_TEST_REQUIRE(store->commit(reuters(), beijing_extraction()).ok());
  const StoreCounts before = counts_of(*store);
  const Node node_before = *store->node(kBlinkenId);
  const EventEdge edge_before = *store->edge(kMeetingId);

  auto again = store->commit(reuters(), beijing_extraction());
  BOOST_TEST_REQUIRE(again.ok());
  BOOST_TEST(again->already_present);
  BOOST_TEST(same_counts(counts_of(*store), before));
  const Node node_after = *store->node(kBlinkenId);
  BOOST_TEST(node_after.mentions == node_before.mentions);
  BOOST_TEST(node_after.articles == node_before.articles);
  BOOST_TEST(node_after.aliases == node_before.aliases);
  const EventEdge edge_after = *store->edge(kMeetingId);
  BOOST_TEST(edge_after.mentions == edge_before.mentions);
  BOOST_TEST((edge_after.evidence == edge_before.evidence));
}

BOOST_AUTO_TEST_CASE(same_event_from_two_articles_merges) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  BOOST_TEST_REQUIRE(store->commit(reuters(), beijing_extraction()).ok());
  auto [ap, ap_x] = ap_report();
  auto r = store->commit(ap, ap_x);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(!r->already_present);

  auto meeting = store->edge(kMeetingId);
  BOOST_TEST_REQUIRE(meeting.ok());
  BOOST_TEST(meeting->mentions == 2u);
  BOOST_TEST(meeting->sources == (std::vector<std::string>{"Reuters", "AP"}));
  BOOST_TEST(meeting->articles == (std::vector<std::string>{"reuters-1", "ap-1"}));
  BOOST_TEST_REQUIRE(meeting->evidence.size() == 2u);
  BOOST_TEST(meeting->evidence[1].article_id == "ap-1");
  BOOST_TEST(meeting->evidence[1].source == "AP");
  BOOST_TEST(meeting->location != 0u);   // kept from the first report

  auto blinken = store->node(kBlinkenId);
  BOOST_TEST(blinken->mentions == 12u);
  BOOST_TEST(blinken->articles == 2u);

  const StoreCounts c = counts_of(*store);
  BOOST_TEST(c.edges == 3u);       // still one meeting edge
  BOOST_TEST(c.adjacency == 6u);   // its index entries are shared
  BOOST_TEST(c.evidence == 4u);
  BOOST_TEST(c.articles == 2u);
  expect_sound(*store);
}

BOOST_AUTO_TEST_CASE(failed_commit_leaves_nothing_behind) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  const StoreCounts empty = counts_of(*store);

  // The malformed event comes last: actors and earlier events must not land.
  Extraction bad = beijing_extraction();
  bad.events.push_back(event(kBlinken, 17, "040", "met", kApril26, "out of range"));
  auto r = store->commit(reuters(), bad);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code() == Status::Code::kInvalidInput));
  BOOST_TEST(same_counts(counts_of(*store), empty));

  Extraction unnamed = beijing_extraction();
  unnamed.actors[kBeijing].name = " . ";
  BOOST_TEST((store->commit(reuters(), unnamed).status().code() == Status::Code::kInvalidInput));
  Extraction no_code = beijing_extraction();
  no_code.events[1].cameo.clear();
  BOOST_TEST((store->commit(reuters(), no_code).status().code() == Status::Code::kInvalidInput));
  Article anonymous = reuters();
  anonymous.id.clear();
  BOOST_TEST((store->commit(anonymous, beijing_extraction()).status().code() ==
              Status::Code::kInvalidInput));

  // A write that fails after the batch is built (as a full disk would).
  internal::StoreInternals::fail_next_write(*store);
  r = store->commit(reuters(), beijing_extraction());
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code() == Status::Code::kIOError));
  BOOST_TEST(same_counts(counts_of(*store), empty));
  BOOST_TEST(!store->has_article("reuters-1"));

  // The article was not recorded, so it commits normally afterwards.
  r = store->commit(reuters(), beijing_extraction());
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(!r->already_present);
  BOOST_TEST(counts_of(*store).edges == 3u);
  expect_sound(*store);
}

BOOST_AUTO_TEST_CASE(data_persists_across_reopen) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  StoreCounts before;
  {
    auto store = open_store(dir);
    BOOST_TEST_REQUIRE(store->commit(reuters(), beijing_extraction()).ok());
    auto [ap, ap_x] = ap_report();
    BOOST_TEST_REQUIRE(store->commit(ap, ap_x).ok());
    before = counts_of(*store);
  }
  auto store = open_store(dir);
  BOOST_TEST(same_counts(counts_of(*store), before));
  BOOST_TEST(store->edge(kMeetingId)->mentions == 2u);
  BOOST_TEST(store->commit(reuters(), beijing_extraction())->already_present);
  expect_sound(*store);
}

BOOST_AUTO_TEST_CASE(reader_opens_beside_a_writer) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  StoreOptions ro;
  ro.read_only = true;
  BOOST_TEST(GraphStore::Open(dir, ro).status().is_not_found());   // nothing there yet

  auto writer = open_store(dir);
  BOOST_TEST_REQUIRE(writer->commit(reuters(), beijing_extraction()).ok());
  auto reader = open_store(dir, ro);
  BOOST_TEST(reader->read_only());
  BOOST_TEST(reader->has_article("reuters-1"));
  BOOST_TEST(reader->edge(kMeetingId)->mentions == 1u);
  BOOST_TEST(counts_of(*reader).edges == 3u);
  expect_sound(*reader);
  // The reader cannot write, and says so without touching the data.
  auto [ap, ap_x] = ap_report();
  BOOST_TEST(!reader->commit(ap, ap_x).ok());
  // The writer goes on writing while the reader is open.
  BOOST_TEST(writer->commit(ap, ap_x).ok());
  BOOST_TEST(writer->edge(kMeetingId)->mentions == 2u);
}

// A writer that flushes (every close does) deletes the write-ahead log its
// flush made obsolete. A reader opening at that moment must still see every
// article committed before: the article count a reader sees never goes back,
// and a reader never meets a half-created database.
BOOST_AUTO_TEST_CASE(readers_never_see_the_store_go_back_while_a_writer_flushes) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  constexpr int kPerRound = 10, kMinRounds = 30, kMaxRounds = 3000, kWantedOpens = 60;
  std::atomic<bool> writing{true};
  std::atomic<int> opens{0}, rounds{0};
  std::thread writer([&] {
    // Enough sessions for the reader to open many times, however the two threads
    // are scheduled (on a loaded machine a read-only open can take as long as a session).
    for (int round = 0; round < kMaxRounds && (round < kMinRounds || opens < kWantedOpens); ++round) {
      rounds = round + 1;
      auto store = GraphStore::Open(dir);
      if (!store.ok()) break;
      for (int i = 0; i < kPerRound; ++i) {
        const std::string id = "a-" + std::to_string(round) + "-" + std::to_string(i);
        if (!(*store)->commit(article(id, "Reuters", kApril26, "In Beijing"), beijing_extraction()).ok()) break;
      }
    }   // each close flushes and drops the log
    writing = false;
  });
  StoreOptions ro;
  ro.read_only = true;
  std::uint64_t seen = 0;
  int went_back = 0, errors = 0;
  std::string first_error;
  while (writing) {
    auto reader = GraphStore::Open(dir, ro);
    if (!reader.ok()) {
      if (reader.status().is_not_found()) continue;   // not created yet
      if (errors++ == 0) first_error = reader.status().to_string();
      continue;
    }
    auto c = (*reader)->counts();
    if (!c.ok()) {
      if (errors++ == 0) first_error = c.status().to_string();
      continue;
    }
    ++opens;
    if (c->articles < seen) ++went_back;
    seen = std::max(seen, c->articles);
  }
  writer.join();
  BOOST_TEST_MESSAGE(opens << " read-only opens during " << rounds << " writer sessions");
  BOOST_TEST(errors == 0, first_error);
  BOOST_TEST(went_back == 0);
  BOOST_TEST(opens >= kWantedOpens);
  auto reader = open_store(dir, ro);
  BOOST_TEST(counts_of(*reader).articles == std::uint64_t(rounds * kPerRound));
}

// A new database is made in "<dir>.creating-<pid>" and renamed into place;
// nothing of that stays behind, nor what a process killed meanwhile left.
BOOST_AUTO_TEST_CASE(creation_leaves_no_staging_directory_behind) {
  TempDir tmp;
  const pid_t child = fork();
  BOOST_TEST_REQUIRE(child >= 0);
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);   // a pid that no longer runs
  const auto abandoned = tmp / ("db.creating-" + std::to_string(child));
  std::filesystem::create_directories(abandoned);
  write_file(abandoned / "CURRENT", "MANIFEST-000001\n");
  const auto empty_target = tmp / "db";
  std::filesystem::create_directories(empty_target);   // an empty directory may be the target
  { auto store = open_store(empty_target.string()); }
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path())) names.push_back(e.path().filename().string());
  BOOST_TEST(names == std::vector<std::string>{"db"});
  auto reopened = open_store(empty_target.string());
  BOOST_TEST(counts_of(*reopened).articles == 0u);
}

BOOST_AUTO_TEST_CASE(second_writer_in_this_process_is_busy) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  auto writer = open_store(dir);
  auto second = GraphStore::Open(dir);
  BOOST_TEST_REQUIRE(!second.ok());
  BOOST_TEST((second.status().code() == Status::Code::kBusy));
  BOOST_TEST(second.status().message().find(dir) != std::string::npos);
  BOOST_TEST(second.status().message().find("in use by another geokg process") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(second_writer_in_another_process_is_busy) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  { open_store(dir); }   // create it here, then let a child hold the lock
  int ready[2];
  BOOST_TEST_REQUIRE(pipe(ready) == 0);
  const pid_t child = fork();
  BOOST_TEST_REQUIRE(child >= 0);
  if (child == 0) {
    close(ready[0]);
    auto s = GraphStore::Open(dir);
    const char ok = s.ok() ? '1' : '0';
    if (write(ready[1], &ok, 1) != 1) _exit(2);
    pause();   // hold the lock until killed
    _exit(0);
  }
  close(ready[1]);
  char ok = 0;
  BOOST_TEST_REQUIRE(read(ready[0], &ok, 1) == 1);
  close(ready[0]);
  BOOST_TEST(ok == '1');
  auto second = GraphStore::Open(dir);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  BOOST_TEST_REQUIRE(!second.ok());
  BOOST_TEST((second.status().code() == Status::Code::kBusy), second.status().to_string());
  BOOST_TEST(second.status().message().find("in use by another geokg process") != std::string::npos);
  BOOST_TEST(second.status().message().find("RocksDB") == std::string::npos);
  // Once the other process is gone the directory opens again.
  auto third = GraphStore::Open(dir);
  BOOST_TEST(third.ok());
}

BOOST_AUTO_TEST_CASE(foreign_directories_are_refused) {
  TempDir tmp;
  // A directory with other files in it.
  std::filesystem::create_directories(tmp / "docs");
  write_file(tmp / "docs" / "notes.txt", "not a database\n");
  auto s = GraphStore::Open((tmp / "docs").string());
  BOOST_TEST((s.status().code() == Status::Code::kIncompatible));
  BOOST_TEST(s.status().message().find("not a geokg database") != std::string::npos);
  BOOST_TEST(std::filesystem::exists(tmp / "docs" / "notes.txt"));
  BOOST_TEST(!std::filesystem::exists(tmp / "docs" / "CURRENT"));   // nothing created there

  // A plain file.
  s = GraphStore::Open((tmp / "docs" / "notes.txt").string());
  BOOST_TEST((s.status().code() == Status::Code::kIncompatible));

  // Some other program's RocksDB database.
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    BOOST_TEST_REQUIRE(rocksdb::DB::Open(o, (tmp / "other").string(), &raw).ok());
    BOOST_TEST(raw->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete raw;
  }
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    s = GraphStore::Open((tmp / "other").string(), options);
    BOOST_TEST((s.status().code() == Status::Code::kIncompatible));
    BOOST_TEST(s.status().message().find("not a geokg database") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(newer_schema_is_refused) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  {
    auto store = open_store(dir);
    std::string v;
    keys::put_u32(v, kSchemaVersion + 1);
    auto* db = internal::StoreInternals::db(*store);
    BOOST_TEST_REQUIRE(db->Put(rocksdb::WriteOptions(),
                               internal::StoreInternals::family(*store, keys::kMetaFamily),
                               std::string(keys::kMetaSchemaVersion), v)
                           .ok());
  }
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    auto s = GraphStore::Open(dir, options);
    BOOST_TEST_REQUIRE(!s.ok());
    BOOST_TEST((s.status().code() == Status::Code::kIncompatible));
    BOOST_TEST(s.status().message() ==
               "schema version " + std::to_string(kSchemaVersion + 1) +
                   " is newer than this geokg supports (" + std::to_string(kSchemaVersion) + ")");
  }
}

BOOST_AUTO_TEST_CASE(verify_reports_damage) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  BOOST_TEST_REQUIRE(store->commit(reuters(), beijing_extraction()).ok());
  expect_sound(*store);
  auto* db = internal::StoreInternals::db(*store);
  auto* adj = internal::StoreInternals::family(*store, keys::kAdjFamily);
  auto* names = internal::StoreInternals::family(*store, keys::kNamesFamily);
  auto* nodes = internal::StoreInternals::family(*store, keys::kNodesFamily);

  // 1. An event loses its incoming adjacency entry.
  BOOST_TEST_REQUIRE(db->Delete(rocksdb::WriteOptions(), adj,
                                keys::adj_key({keys::kDirIn, kWangId, kApril26.key(), "040", kMeetingId}))
                         .ok());
  auto v = store->verify();
  BOOST_TEST_REQUIRE(v.ok());
  BOOST_TEST_REQUIRE(v->problems.size() == 1u);
  BOOST_TEST(v->problems[0].find("no incoming adjacency entry") != std::string::npos, v->problems[0]);

  // 2. A names entry for an alias no node has.
  BOOST_TEST_REQUIRE(db->Put(rocksdb::WriteOptions(), names, keys::name_key("tony", kWangId), "").ok());
  v = store->verify();
  BOOST_TEST_REQUIRE(v->problems.size() == 2u);
  BOOST_TEST(std::any_of(v->problems.begin(), v->problems.end(), [](const std::string& p) {
    return p.find("name 'tony' is not a name of node") != std::string::npos;
  }));

  // 3. A node record disappears: its names, events and article now dangle.
  BOOST_TEST_REQUIRE(db->Delete(rocksdb::WriteOptions(), nodes, keys::node_key(kChinaId)).ok());
  v = store->verify();
  BOOST_TEST(v->problems.size() > 2u);
  BOOST_TEST(std::any_of(v->problems.begin(), v->problems.end(), [](const std::string& p) {
    return p.find("points at missing node") != std::string::npos;
  }));
  BOOST_TEST(std::any_of(v->problems.begin(), v->problems.end(), [](const std::string& p) {
    return p.find("endpoint node") != std::string::npos;
  }));
  BOOST_TEST(!v->ok());
}

namespace {
std::vector<std::string> scan(const GraphStore& store, Direction dir, const EdgeFilter& f) {
  std::vector<std::string> out;
  BOOST_TEST(store.scan_adjacency(kBlinkenId, dir, f, [&](const AdjacencyEntry& a) {
    BOOST_TEST(a.node == kBlinkenId);
    out.push_back((a.date.known() ? a.date.iso() : std::string("?")) + " " + a.cameo + (a.outgoing ? ">" : "<"));
    return true;
  }).ok());
  return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(adjacency_scans_in_date_order_with_filters) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  commit_blinken_history(*store);
  expect_sound(*store);

  using V = std::vector<std::string>;
  // Undated first (key 0), then calendar order; a month before its days.
  BOOST_TEST(scan(*store, Direction::kOut, {}) ==
             (V{"? 112>", "2022 0233>", "2023-02 111>", "2023-06-19 040>", "2024-04-26 040>"}));
  BOOST_TEST(scan(*store, Direction::kIn, {}) == (V{"2023-06-19 042<"}));
  // Both directions interleave in date order.
  BOOST_TEST(scan(*store, Direction::kBoth, {}) ==
             (V{"? 112>", "2022 0233>", "2023-02 111>", "2023-06-19 040>", "2023-06-19 042<",
                "2024-04-26 040>"}));

  EdgeFilter f;
  f.include_flagged = true;
  BOOST_TEST(scan(*store, Direction::kOut, f).size() == 6u);   // with the hypothetical sanctions

  EdgeFilter window;
  window.from = Date::Day(2023, 1, 1);
  window.to = Date::Month(2023, 6);   // a month-precise end covers the whole month
  BOOST_TEST(scan(*store, Direction::kBoth, window) ==
             (V{"2023-02 111>", "2023-06-19 040>", "2023-06-19 042<"}));

  EdgeFilter until;
  until.to = Date::Year(2022);   // one side open: undated events are out
  BOOST_TEST(scan(*store, Direction::kOut, until) == (V{"2022 0233>"}));

  EdgeFilter meetings;
  meetings.cameo = {"04"};
  BOOST_TEST(scan(*store, Direction::kBoth, meetings) ==
             (V{"2023-06-19 040>", "2023-06-19 042<", "2024-04-26 040>"}));
  EdgeFilter codes;
  codes.cameo = {"0233", "112"};
  BOOST_TEST(scan(*store, Direction::kOut, codes) == (V{"? 112>", "2022 0233>"}));

  // Early stop after the first entry.
  int seen = 0;
  BOOST_TEST(store->scan_adjacency(kBlinkenId, Direction::kBoth, {}, [&](const AdjacencyEntry&) {
    ++seen;
    return false;
  }).ok());
  BOOST_TEST(seen == 1);

  // The timeline holds every event in date order, same filter rules.
  std::vector<std::int32_t> dates;
  BOOST_TEST(store->scan_timeline(window, [&](EdgeId id, const Date& d) {
    dates.push_back(d.key());
    BOOST_TEST(store->edge(id).ok());
    return true;
  }).ok());
  BOOST_TEST(dates == (std::vector<std::int32_t>{20230200, 20230619, 20230619}));
}

// Commit folds a key's merge operands into a whole record every few dozen
// writes (MergeWriter): a node, its names and an event reported by a hundred
// articles, twice in each, must still add up exactly, before and after reopen.
BOOST_AUTO_TEST_CASE(records_written_by_many_articles_add_up) {
  TempDir tmp;
  const std::string dir = (tmp / "db").string();
  constexpr int kArticles = 100;
  auto check = [&](const GraphStore& store) {
    auto meeting = store.edge(kMeetingId);
    BOOST_TEST_REQUIRE(meeting.ok());
    BOOST_TEST(meeting->mentions == 2u * kArticles);
    BOOST_TEST(meeting->articles.size() == static_cast<std::size_t>(kArticles));
    BOOST_TEST(meeting->evidence.size() == 2u * kArticles);
    BOOST_TEST(meeting->sources.size() == 7u);
    auto blinken = store.node(kBlinkenId);
    BOOST_TEST_REQUIRE(blinken.ok());
    BOOST_TEST(blinken->mentions == 3u * kArticles);
    BOOST_TEST(blinken->articles == static_cast<std::uint32_t>(kArticles));
    for (const char* name : {"Antony Blinken", "Blinken"}) {
      auto n = store.alias_evidence(name, kBlinkenId);
      BOOST_TEST_REQUIRE(n.ok());
      BOOST_TEST(*n == static_cast<std::uint64_t>(kArticles), name);
    }
    expect_sound(store);
  };
  {
    auto store = open_store(dir);
    for (int i = 0; i < kArticles; ++i) {
      Article a = article("wire-" + std::to_string(i), "Wire " + std::to_string(i % 7), kApril26,
                          "Blinken, Wang hold talks");
      Extraction x;
      x.actors = {person("Antony Blinken", "USA", "Secretary of State", {"Blinken"}, 3),
                  person("Wang Yi", "CHN", "Foreign Minister", {}, 2)};
      x.events = {event(0, 1, "040", "met", kApril26, "Blinken met Wang Yi on Friday.", 0),
                  event(0, 1, "040", "met", kApril26, "The two met for five hours.", 60)};
      auto r = store->commit(a, x);
      BOOST_TEST_REQUIRE(r.ok());
      BOOST_TEST(r->events == 1u);
    }
    check(*store);
  }
  check(*open_store(dir));
}

BOOST_AUTO_TEST_SUITE_END()
