// An article committed again with another title or text (a corrected story):
// replaced in one WriteBatch, its old contribution taken out exactly (reports,
// mentions, names, role edges; events and nodes no other article gives go
// away), so that replacing it back restores the store as it was; kept, and
// said so, under ChangedArticle::kKeep; never half-done when the write fails.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "geokg/core/ids.hpp"
#include "geokg/graph/codec.hpp"
#include "geokg/graph/keys.hpp"
#include "geokg/graph/store.hpp"
#include "store_internal.hpp"
#include "graph_test_data.hpp"
#include "test_support.hpp"

namespace geokg {

namespace {

using namespace test;

std::unique_ptr<GraphStore> open_store(const std::string& dir, StoreOptions o = {}) {
  auto s = GraphStore::Open(dir, o);
  BOOST_TEST_REQUIRE(s.ok());
  return std::move(s).value();
}

// Everything the store holds, written out with the lists that only order
// may change (aliases, sources, articles, evidence) sorted. Two stores with
// the same snapshot answer every query alike.
std::string snapshot(GraphStore& store) {
  std::ostringstream out;
  BOOST_REQUIRE(store.for_each_node([&](const Node& n) {
    auto aliases = n.aliases;
    std::sort(aliases.begin(), aliases.end());
    out << "node " << n.id << " " << n.name << " k" << static_cast<int>(n.kind) << " " << n.country << " m"
        << n.mentions << " a" << n.articles << " roles" << n.roles.size();
    for (const auto& a : aliases) out << " |" << a;
    out << "\n";
    return true;
  }).ok());
  BOOST_REQUIRE(store.for_each_edge([&](const EventEdge& e) {
    auto articles = e.articles, sources = e.sources;
    std::sort(articles.begin(), articles.end());
    std::sort(sources.begin(), sources.end());
    std::vector<std::string> evidence;
    for (const auto& ev : e.evidence)
      evidence.push_back(ev.article_id + "@" + std::to_string(ev.start) + ":" + ev.cameo + ":" + ev.date.iso());
    std::sort(evidence.begin(), evidence.end());
    out << "edge " << e.id << " " << e.source << ">" << e.target << " " << e.cameo << " " << e.date.iso()
        << " m" << e.mentions << " loc" << e.location << " flags" << e.negated << e.hypothetical;
    for (const auto& a : articles) out << " art:" << a;
    for (const auto& s : sources) out << " src:" << s;
    for (const auto& ev : evidence) out << " ev:" << ev;
    out << "\n";
    return true;
  }).ok());
  BOOST_REQUIRE(store.scan_names("", [&](std::string_view alias, NodeId id) {
    out << "name " << alias << " " << id << " " << *store.alias_evidence(alias, id) << "\n";
    return true;
  }).ok());
  std::set<std::string> statics;
  BOOST_REQUIRE(store.for_each_node([&](const Node& n) {
    (void)store.scan_static(n.id, [&](const StaticEdge& s) {
      statics.insert(std::to_string(s.source) + ">" + std::to_string(s.target) + " " + s.role.title);
      return true;
    });
    return true;
  }).ok());
  for (const auto& s : statics) out << "static " << s << "\n";
  BOOST_REQUIRE(store.for_each_article([&](const ArticleRecord& a) {
    out << "article " << a.id << " nodes" << a.nodes.size() << " edges" << a.edges.size() << "\n";
    return true;
  }).ok());
  auto c = store.counts();
  BOOST_REQUIRE(c.ok());
  out << "adj " << c->adjacency << " timeline " << c->timeline << "\n";
  return out.str();
}

void expect_sound(GraphStore& store) {
  auto v = store.verify();
  BOOST_TEST_REQUIRE(v.ok());
  std::string all;
  for (const auto& p : v->problems) all += p + "\n";
  BOOST_TEST(v->ok(), all);
}

// The same article after a correction: Blinken met Xi Jinping (not Wang Yi),
// in Shanghai, a day later; the criticism of China is gone.
Extraction corrected_extraction() {
  Extraction x;
  x.actors = {person("Antony Blinken", "USA", "Secretary of State", {"Blinken", "Tony Blinken"}, 5),
              person("Xi Jinping", "CHN", "President", {"Xi"}, 3), country("China", "CHN", {"PRC"}),
              place("Shanghai", "CHN")};
  ExtractedEvent met = event(0, 1, "042", "hosted", Date::Day(2024, 4, 27), "Xi hosted Blinken in Shanghai.", 10);
  met.location = 3;
  x.events = {met};
  return x;
}

Article reuters_v(int version) {
  return article("reuters-1", "Reuters", kApril26,
                 version == 1 ? "In Beijing, Blinken confronts China" : "In Shanghai, Xi hosts Blinken");
}

// A second article sharing the meeting with the first version, month-precise.
void commit_ap(GraphStore& store) {
  Extraction x;
  x.actors = {person("Antony Blinken", "USA", "Secretary of State", {"Blinken"}),
              person("Wang Yi", "CHN", "Foreign Minister", {"Wang"}), country("China", "CHN")};
  x.events = {event(0, 1, "040", "met", Date::Month(2024, 4), "Blinken met Wang Yi in April.", 3)};
  BOOST_TEST_REQUIRE(store.commit(article("ap-7", "AP", Date::Day(2024, 4, 30), "Blinken and Wang"), x).ok());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graph_changed_article)

BOOST_AUTO_TEST_CASE(a_changed_article_replaces_its_old_contribution_exactly) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  commit_ap(*store);
  const std::string only_ap = snapshot(*store);
  BOOST_TEST_REQUIRE(store->commit(reuters_v(1), beijing_extraction()).ok());
  expect_sound(*store);
  const std::string with_v1 = snapshot(*store);
  // The meeting of version 1 is day-precise: it made the shared edge's date.
  BOOST_TEST(with_v1.find("2024-04-26 m2") != std::string::npos, with_v1);

  auto r = store->commit(reuters_v(2), corrected_extraction());
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->replaced);
  BOOST_TEST(!r->already_present);
  expect_sound(*store);
  const std::string with_v2 = snapshot(*store);
  // What version 1 alone gave is gone: Wang Yi's meeting is AP's alone again,
  // back at its own (month) date; the criticism and the sanctions edges, the
  // United States node and Beijing are gone; version 2's event is there.
  BOOST_TEST(with_v2.find(" 2024-04 m1") != std::string::npos, with_v2);
  BOOST_TEST(with_v2.find("Beijing") == std::string::npos, with_v2);
  BOOST_TEST(with_v2.find("United States") == std::string::npos, with_v2);
  BOOST_TEST(with_v2.find("042 2024-04-27 m1") != std::string::npos, with_v2);
  BOOST_TEST(with_v2.find("name secretary blinken") == std::string::npos, with_v2);   // alias only v1 gave
  BOOST_TEST(with_v2.find("name tony blinken") != std::string::npos, with_v2);

  // Back to version 1: the store is as it was (up to the order of lists).
  r = store->commit(reuters_v(1), beijing_extraction());
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->replaced);
  expect_sound(*store);
  BOOST_TEST(snapshot(*store) == with_v1);

  // The same version again changes nothing.
  r = store->commit(reuters_v(1), beijing_extraction());
  BOOST_TEST(r->already_present);
  BOOST_TEST(snapshot(*store) == with_v1);
  (void)only_ap;
}

BOOST_AUTO_TEST_CASE(a_replacement_that_fails_to_write_changes_nothing) {
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  commit_ap(*store);
  BOOST_TEST_REQUIRE(store->commit(reuters_v(1), beijing_extraction()).ok());
  const std::string before = snapshot(*store);
  internal::StoreInternals::fail_next_write(*store);
  BOOST_TEST(!store->commit(reuters_v(2), corrected_extraction()).ok());
  BOOST_TEST(snapshot(*store) == before);
  expect_sound(*store);
  // And the next commit reads the store, not the abandoned batch.
  BOOST_TEST_REQUIRE(store->commit(reuters_v(2), corrected_extraction())->replaced);
  expect_sound(*store);
}

BOOST_AUTO_TEST_CASE(keep_leaves_the_stored_version_and_says_so) {
  TempDir tmp;
  StoreOptions keep;
  keep.on_changed = ChangedArticle::kKeep;
  auto store = open_store((tmp / "db").string(), keep);
  BOOST_TEST_REQUIRE(store->commit(reuters_v(1), beijing_extraction()).ok());
  const std::string before = snapshot(*store);
  auto r = store->commit(reuters_v(2), corrected_extraction());
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->changed_kept);
  BOOST_TEST(!r->replaced);
  BOOST_TEST(snapshot(*store) == before);
}

BOOST_AUTO_TEST_CASE(metadata_alone_is_no_change) {
  // Same title and text under another date or publisher (--date, --source of
  // another run): already stored, not replaced.
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  BOOST_TEST_REQUIRE(store->commit(reuters_v(1), beijing_extraction()).ok());
  Article again = reuters_v(1);
  again.source = "Reuters via Yahoo";
  again.date = Date::Day(2024, 4, 27);
  BOOST_TEST(store->commit(again, beijing_extraction())->already_present);
}

BOOST_AUTO_TEST_CASE(an_article_stored_before_contributions_were_kept_is_not_replaced) {
  // A version-1 article record (no content hash): its contribution is not
  // known, so a changed version is taken as the same article.
  TempDir tmp;
  auto store = open_store((tmp / "db").string());
  BOOST_TEST_REQUIRE(store->commit(reuters_v(1), beijing_extraction()).ok());
  auto rec = store->article("reuters-1");
  BOOST_TEST_REQUIRE(rec.ok());
  ArticleRecord old = *rec;
  old.content_hash = 0;
  old.node_mentions.clear();
  old.node_names.clear();
  old.edge_reports.clear();
  old.static_edges.clear();
  auto* db = internal::StoreInternals::db(*store);
  BOOST_TEST_REQUIRE(db->Put(rocksdb::WriteOptions(), internal::StoreInternals::family(*store, keys::kArticlesFamily),
                             keys::article_key("reuters-1"), codec::encode(old))
                         .ok());
  const std::string before = snapshot(*store);
  auto r = store->commit(reuters_v(2), corrected_extraction());
  BOOST_TEST(r->already_present);
  BOOST_TEST(snapshot(*store) == before);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg
