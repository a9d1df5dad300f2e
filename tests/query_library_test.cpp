// The query library over the hand-made fixture graph: name resolution,
// neighbourhoods, paths, timelines, profiles and rankings.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/profile.hpp"
#include "geokg/query/rank.hpp"
#include "geokg/query/resolve.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/timeline.hpp"
#include "query_fixture.hpp"

namespace q = geokg::query;
using namespace geokg;

namespace {

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<GraphStore> store = test::fixture_store(dir.str() + "/db");
  NodeId id(const std::string& name) {
    auto r = q::resolve_name(*store, name);
    BOOST_REQUIRE(r.ok());
    BOOST_REQUIRE_MESSAGE(r->found(), "fixture name " << name << " did not resolve");
    return r->node.id;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(query_library, Fixture)

BOOST_AUTO_TEST_CASE(resolves_any_alias_case_and_accents) {
  const NodeId blinken = id("Antony Blinken");
  BOOST_TEST(id("antony blinken") == blinken);
  BOOST_TEST(id("ANTONY BLINKEN") == blinken);
  BOOST_TEST(id("Blinken") == blinken);            // recorded alias
  BOOST_TEST(id("Antöny Blìnken") == blinken);     // accents optional
  BOOST_TEST(id(to_hex(blinken)) == blinken);      // the id printed by --json
  BOOST_TEST(id("Shoigu") == id("Sergei Shoigu"));
  BOOST_TEST(id("Dong") == id("Dong Jun"));        // surname without a recorded alias: token match
  BOOST_TEST(id("владимир путин") == id("Vladimir Putin"));   // Cyrillic case folding
}

BOOST_AUTO_TEST_CASE(ambiguous_surname_lists_candidates_with_kind_and_country) {
  // "Wang" is recorded as Wang Yi's alias, but Wang Xiaohong is a Wang too.
  auto r = q::resolve_name(*store, "wang");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(static_cast<int>(r->outcome) == static_cast<int>(q::Resolution::Outcome::kAmbiguous));
  BOOST_REQUIRE(r->candidates.size() == 2u);
  BOOST_TEST(r->candidates[0].name == "Wang Yi");   // most mentioned first
  const std::string msg = q::describe_unresolved("wang", *r);
  BOOST_TEST(msg.find("Wang Xiaohong  (person, CHN") != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(unknown_name_suggests_the_closest) {
  auto r = q::resolve_name(*store, "Blinkin");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(!r->found());
  BOOST_REQUIRE(!r->suggestions.empty());
  BOOST_TEST(r->suggestions[0] == "Antony Blinken");
  auto none = q::resolve_name(*store, "Zzyzx Qwerty");
  BOOST_REQUIRE(none.ok());
  BOOST_TEST(none->suggestions.empty());
  BOOST_TEST(q::describe_unresolved("Zzyzx Qwerty", *none) == "no actor named 'Zzyzx Qwerty'");
}

BOOST_AUTO_TEST_CASE(edit_distance_is_bounded) {
  BOOST_TEST(q::bounded_edit_distance("blinken", "blinkin", 2) == 1u);
  BOOST_TEST(q::bounded_edit_distance("kitten", "sitting", 5) == 3u);
  BOOST_TEST(q::bounded_edit_distance("a", "abcdefgh", 2) == 3u);   // limit + 1
}

BOOST_AUTO_TEST_CASE(neighbors_one_hop_merge_reports_and_skip_negated) {
  q::NeighborOptions o;
  o.link_details = true;   // mentions are summed from the event records
  auto n = q::neighbors(*store, id("Blinken"), o);
  BOOST_REQUIRE(n.ok());
  std::vector<std::string> names;
  for (const auto& x : n->nodes) names.push_back(x.name);
  std::sort(names.begin(), names.end());
  BOOST_TEST(names == (std::vector<std::string>{"China", "Wang Xiaohong", "Wang Yi"}),
             boost::test_tools::per_element());
  // Blinken -> Wang Yi: one meeting reported twice; Wang Yi -> Blinken: told.
  const NodeId b = id("Blinken"), w = id("Wang Yi"), c = id("China");
  bool met = false;
  for (const auto& l : n->links) {
    if (l.source == b && l.target == w) {
      met = true;
      BOOST_TEST(l.events == 1u);
      BOOST_TEST(l.mentions == 2u);
    }
    // The negated threat is not a link; only the accusation is.
    if (l.source == b && l.target == c) BOOST_TEST(l.cameo == (std::vector<std::string>{"112"}));
  }
  BOOST_TEST(met);
  // Without link details the same answer comes from the adjacency index:
  // same nodes, links, counts and labels, only mentions are not summed.
  o.link_details = false;
  auto lean = q::neighbors(*store, id("Blinken"), o);
  BOOST_REQUIRE(lean.ok());
  BOOST_REQUIRE(lean->nodes.size() == n->nodes.size());
  for (std::size_t i = 0; i < n->nodes.size(); ++i) BOOST_TEST(lean->nodes[i].id == n->nodes[i].id);
  BOOST_REQUIRE(lean->links.size() == n->links.size());
  for (std::size_t i = 0; i < n->links.size(); ++i) {
    BOOST_TEST(lean->links[i].events == n->links[i].events);
    BOOST_TEST(lean->links[i].cameo == n->links[i].cameo, boost::test_tools::per_element());
    BOOST_TEST(lean->links[i].relations.front() == n->links[i].relations.front());
    BOOST_TEST(lean->links[i].mentions == 0u);
  }
  // The limit keeps the busiest counterpart and counts the rest.
  o.limit = 1;
  auto one = q::neighbors(*store, id("Blinken"), o);
  BOOST_REQUIRE(one.ok());
  BOOST_REQUIRE(one->nodes.size() == 1u);
  BOOST_TEST(one->nodes[0].id == n->nodes[0].id);
  BOOST_TEST(one->omitted == n->nodes.size() - 1);
}

BOOST_AUTO_TEST_CASE(neighbors_relation_and_depth_filters) {
  q::NeighborOptions o;
  o.filter.cameo = {"04"};
  auto n = q::neighbors(*store, id("Blinken"), o);
  BOOST_REQUIRE(n.ok());
  BOOST_TEST(n->nodes.size() == 2u);   // the two meetings; not China (112)
  o.filter.cameo.clear();
  o.depth = 2;
  auto d2 = q::neighbors(*store, id("Wang Xiaohong"), o);
  BOOST_REQUIRE(d2.ok());
  BOOST_TEST(d2->depth.at(id("Blinken")) == 1);
  BOOST_TEST(d2->depth.at(id("Wang Yi")) == 2);
  o.limit = 1;
  auto lim = q::neighbors(*store, id("Wang Xiaohong"), o);
  BOOST_REQUIRE(lim.ok());
  BOOST_TEST(lim->nodes.size() == 1u);
  BOOST_TEST(lim->omitted == 2u);
}

BOOST_AUTO_TEST_CASE(neighbors_frontier_cap_expands_the_busiest_first) {
  // Blinken's counterparts: Wang Yi (met + told), China, Wang Xiaohong (one
  // event each). Only China leads further (to a depth-2 actor).
  auto depth2_count = [](const q::Neighborhood& n) {
    std::size_t c = 0;
    for (const auto& [node, d] : n.depth) c += d == 2;
    return c;
  };
  q::NeighborOptions o;
  o.depth = 2;
  o.max_frontier = 0;   // expand everything
  auto all = q::neighbors(*store, id("Blinken"), o);
  BOOST_REQUIRE(all.ok());
  BOOST_TEST(depth2_count(*all) >= 1u);
  o.max_frontier = 1;   // only Wang Yi, the busiest, is expanded
  auto capped = q::neighbors(*store, id("Blinken"), o);
  BOOST_REQUIRE(capped.ok());
  BOOST_TEST(capped->nodes.size() == 3u);
  BOOST_TEST(depth2_count(*capped) == 0u);
  BOOST_TEST(capped->nodes.front().id == id("Wang Yi"));
}

BOOST_AUTO_TEST_CASE(path_through_a_role_edge) {
  q::PathOptions o;
  auto p = q::find_path(*store, id("Sergei Shoigu"), id("Antony Blinken"), o);
  BOOST_REQUIRE(p.ok());
  BOOST_REQUIRE(p->found);
  // Shoigu -met-> Dong Jun -role-> China <-accused- Blinken
  BOOST_REQUIRE(p->hops.size() == 3u);
  BOOST_TEST(p->nodes[1].name == "Dong Jun");
  BOOST_TEST(p->nodes[2].name == "China");
  BOOST_TEST(p->hops[0].event.cameo == "040");
  BOOST_TEST(p->hops[1].is_role);
  BOOST_TEST(p->hops[1].role.role.title == "Defence Minister");
  BOOST_TEST(!p->hops[2].forward);            // Blinken is the event's source
  BOOST_TEST(p->hops[2].event.cameo == "112");
  BOOST_TEST(!p->hops[2].event.negated);
}

BOOST_AUTO_TEST_CASE(path_limits_and_filters) {
  q::PathOptions o;
  o.max_depth = 2;
  auto p = q::find_path(*store, id("Sergei Shoigu"), id("Antony Blinken"), o);
  BOOST_REQUIRE(p.ok());
  BOOST_TEST(!p->found);
  o.max_depth = 4;
  o.use_roles = false;
  p = q::find_path(*store, id("Sergei Shoigu"), id("Antony Blinken"), o);
  BOOST_REQUIRE(p.ok());
  BOOST_TEST(!p->found);
  // The only event between Blinken and Wang Yi's meeting partner that day is
  // dated 2024-04-26: a window before it has no path.
  q::PathOptions w;
  w.filter.to = Date::Day(2024, 1, 1);
  p = q::find_path(*store, id("Wang Xiaohong"), id("Wang Yi"), w);
  BOOST_REQUIRE(p.ok());
  BOOST_TEST(!p->found);
  p = q::find_path(*store, id("Wang Xiaohong"), id("Wang Yi"), {});
  BOOST_REQUIRE(p.ok());
  BOOST_TEST(p->hops.size() == 2u);
  BOOST_TEST(p->hops[1].event.mentions == 2u);   // the twice-reported meeting is preferred
}

BOOST_AUTO_TEST_CASE(timeline_actor_pair_and_flagged) {
  q::TimelineQuery tq;
  tq.actors = {id("Blinken")};
  auto t = q::build_timeline(*store, tq);
  BOOST_REQUIRE(t.ok());
  BOOST_TEST(t->events.size() == 4u);   // negated threat excluded
  for (std::size_t i = 1; i < t->events.size(); ++i)
    BOOST_TEST(t->events[i - 1].edge.date.key() <= t->events[i].edge.date.key());
  tq.filter.include_flagged = true;
  t = q::build_timeline(*store, tq);
  BOOST_REQUIRE(t.ok());
  BOOST_TEST(t->events.size() == 5u);
  tq.filter.include_flagged = false;
  tq.actors.push_back(id("Wang Yi"));
  t = q::build_timeline(*store, tq);
  BOOST_REQUIRE(t.ok());
  BOOST_TEST(t->events.size() == 2u);   // met (2 reports) and told
  // Either actor's adjacency may be scanned (the rarer side): same answer.
  auto swapped_query = tq;
  std::swap(swapped_query.actors[0], swapped_query.actors[1]);
  auto swapped = q::build_timeline(*store, swapped_query);
  BOOST_REQUIRE(swapped.ok());
  BOOST_REQUIRE(swapped->events.size() == t->events.size());
  for (std::size_t i = 0; i < t->events.size(); ++i)
    BOOST_TEST(swapped->events[i].edge.id == t->events[i].edge.id);
  // A limit returns the earliest rows and counts the rest.
  q::TimelineQuery first_two;
  first_two.actors = {id("Blinken")};
  auto full = q::build_timeline(*store, first_two);
  BOOST_REQUIRE(full.ok());
  first_two.limit = 2;
  auto lim = q::build_timeline(*store, first_two);
  BOOST_REQUIRE(lim.ok());
  BOOST_REQUIRE(lim->events.size() == 2u);
  BOOST_TEST(lim->truncated == full->events.size() - 2);
  for (std::size_t i = 0; i < 2; ++i) BOOST_TEST(lim->events[i].edge.id == full->events[i].edge.id);
  tq.min_sources = 2;
  t = q::build_timeline(*store, tq);
  BOOST_REQUIRE(t.ok());
  BOOST_REQUIRE(t->events.size() == 1u);
  BOOST_TEST(t->events[0].edge.sources.size() == 2u);
  BOOST_TEST(t->events[0].location_name == "Beijing");
}

BOOST_AUTO_TEST_CASE(timeline_everything_by_relation_and_window) {
  q::TimelineQuery tq;
  auto all = q::build_timeline(*store, tq);
  BOOST_REQUIRE(all.ok());
  BOOST_TEST(all->events.size() == 7u);
  BOOST_TEST(all->events.front().edge.date.iso() == "2023-02");   // month-precise first
  tq.filter.cameo = {"04"};
  auto consult = q::build_timeline(*store, tq);
  BOOST_REQUIRE(consult.ok());
  BOOST_TEST(consult->events.size() == 4u);   // 040 x3, 042
  tq.filter.cameo.clear();
  tq.filter.from = Date::Day(2024, 1, 1);
  tq.filter.to = Date::Day(2024, 3, 31);
  auto q1 = q::build_timeline(*store, tq);
  BOOST_REQUIRE(q1.ok());
  BOOST_REQUIRE(q1->events.size() == 1u);
  BOOST_TEST(q1->events[0].edge.cameo == "057");
}

BOOST_AUTO_TEST_CASE(profile_counts_roots_roles_and_counterparts) {
  auto table = CameoTable::Load(test::data_dir() + "/cameo-codes.tsv");
  BOOST_REQUIRE(table.ok());
  auto p = q::actor_profile(*store, id("Blinken"), *table);
  BOOST_REQUIRE(p.ok());
  BOOST_TEST(p->events == 4u);
  BOOST_REQUIRE(!p->roles.empty());
  BOOST_TEST(p->roles[0].role.title == "Secretary of State");
  BOOST_TEST(p->roles[0].target_name == "United States");
  std::map<std::string, std::size_t> roots;
  for (const auto& r : p->by_root) roots[r.root + " " + r.label] = r.as_source + r.as_target;
  BOOST_TEST(roots["04 CONSULT"] == 2u);
  BOOST_TEST(roots["01 MAKE PUBLIC STATEMENT"] == 1u);
  BOOST_TEST(roots["11 DISAPPROVE"] == 1u);
  BOOST_REQUIRE(!p->counterparts.empty());
  BOOST_TEST(p->counterparts[0].name == "Wang Yi");
  BOOST_TEST(p->counterparts[0].events == 2u);
  BOOST_TEST(p->counterparts[0].last.iso() == "2024-04-26");
  BOOST_TEST(p->counterparts[0].top_relation.find("met") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rankings) {
  q::RankOptions o;
  o.by = q::RankBy::kDegree;
  auto r = q::rank_actors(*store, o);
  BOOST_REQUIRE(r.ok());
  BOOST_REQUIRE(!r->empty());
  BOOST_TEST((*r)[0].node.name == "Antony Blinken");
  BOOST_TEST((*r)[0].degree == 3u);
  for (const auto& a : *r) BOOST_TEST(std::string(to_string(a.node.kind)) != "location");

  o.by = q::RankBy::kCentrality;
  r = q::rank_actors(*store, o);
  BOOST_REQUIRE(r.ok());
  // Blinken is the only bridge between Wang Xiaohong, Wang Yi and China.
  BOOST_TEST((*r)[0].node.name == "Antony Blinken");
  BOOST_TEST((*r)[0].has_betweenness);
  BOOST_TEST((*r)[0].betweenness > 0.0);

  o.by = q::RankBy::kPageRank;
  o.kind = NodeKind::kCountry;
  r = q::rank_actors(*store, o);
  BOOST_REQUIRE(r.ok());
  BOOST_REQUIRE(r->size() == 2u);     // China, United States
  BOOST_TEST((*r)[0].node.name == "China");   // the target of two events
  double sum = 0;
  q::RankOptions all;
  all.kind.reset();
  all.limit = 0;
  all.by = q::RankBy::kPageRank;
  auto every = q::rank_actors(*store, all);
  BOOST_REQUIRE(every.ok());
  for (const auto& a : *every) sum += a.pagerank;
  BOOST_TEST(sum <= 1.0 + 1e-9);   // locations are not listed, so at most 1

  q::RankOptions rus;
  rus.country = "RUS";
  auto r2 = q::rank_actors(*store, rus);
  BOOST_REQUIRE(r2.ok());
  BOOST_TEST(r2->size() == 2u);
}

BOOST_AUTO_TEST_CASE(ego_and_window_subgraphs_and_pruning) {
  q::EgoNetworkOptions o;
  o.depth = 2;
  auto g = q::ego_network(*store, id("Wang Xiaohong"), o);
  BOOST_REQUIRE(g.ok());
  BOOST_TEST(g->nodes.front().name == "Wang Xiaohong");   // center first
  BOOST_TEST(g->nodes.size() == 4u);   // + Blinken, then Wang Yi and China
  BOOST_TEST(g->edges.size() == 4u);   // met, met (2 reports: 1 edge), told, accused
  auto w = q::window_subgraph(*store, [] {
    EdgeFilter f;
    f.from = Date::Day(2024, 3, 1);
    f.to = Date::Day(2024, 3, 31);
    return f;
  }());
  BOOST_REQUIRE(w.ok());
  BOOST_TEST(w->nodes.size() == 2u);
  BOOST_TEST(w->edges.size() == 1u);
  auto all = q::whole_subgraph(*store, {});
  BOOST_REQUIRE(all.ok());
  auto counts = store->counts();
  BOOST_REQUIRE(counts.ok());
  BOOST_TEST(all->nodes.size() == counts->nodes);       // isolated Beijing and USA included
  BOOST_TEST(all->edges.size() == counts->edges - 1);   // minus the negated one
  auto capped = *all;
  q::prune_subgraph(capped, 0, 2);
  BOOST_REQUIRE(capped.edges.size() == 2u);
  BOOST_TEST(capped.pruned_edges == all->edges.size() - 2);
  BOOST_TEST((capped.edges[0].mentions == 2u || capped.edges[1].mentions == 2u));   // the twice-reported meeting stays
  q::prune_subgraph(*all, 3);
  BOOST_TEST(all->nodes.size() == 3u);
  BOOST_TEST(all->pruned_nodes == counts->nodes - 3);
  for (const auto& e : all->edges) {
    BOOST_TEST(all->index.count(e.source) == 1u);
    BOOST_TEST(all->index.count(e.target) == 1u);
  }
}

BOOST_AUTO_TEST_CASE(drop_isolated_leaves_out_nodes_without_edges) {
  auto all = q::whole_subgraph(*store, {});
  BOOST_REQUIRE(all.ok());
  q::Subgraph g = *all;
  // Beijing is only an event's place and United States takes part in no event.
  BOOST_TEST(q::drop_isolated(g) == 2u);
  BOOST_TEST(g.dropped_isolated == 2u);
  BOOST_TEST(g.nodes.size() == all->nodes.size() - 2);
  BOOST_TEST(g.edges.size() == all->edges.size());
  std::vector<std::string> names, expected;
  for (const auto& n : g.nodes) names.push_back(n.name);
  for (const auto& n : all->nodes)
    if (n.name != "Beijing" && n.name != "United States") expected.push_back(n.name);
  BOOST_TEST(names == expected, boost::test_tools::per_element());   // order kept
  const auto deg = q::subgraph_degrees(g);
  for (const auto& n : g.nodes) {
    BOOST_TEST(deg.at(n.id) > 0u, n.name);
    BOOST_REQUIRE(g.index.count(n.id) == 1u);
    BOOST_TEST(g.nodes[g.index.at(n.id)].id == n.id);
  }
  BOOST_TEST(g.index.size() == g.nodes.size());
  BOOST_TEST(q::drop_isolated(g) == 0u);   // nothing more to drop
  BOOST_TEST(g.dropped_isolated == 2u);

  // After a cap: the center stays even when its events went; the other
  // nodes left without events go, and the depth map follows.
  q::EgoNetworkOptions o;
  o.depth = 2;
  auto ego = q::ego_network(*store, id("Wang Xiaohong"), o);
  BOOST_REQUIRE(ego.ok());
  q::prune_subgraph(*ego, 0, 1);   // the twice-reported Blinken-Wang Yi meeting alone
  BOOST_REQUIRE(ego->edges.size() == 1u);
  BOOST_TEST(q::drop_isolated(*ego) == 1u);   // China
  BOOST_REQUIRE(ego->nodes.size() == 3u);
  BOOST_TEST(ego->nodes.front().name == "Wang Xiaohong");
  BOOST_TEST(ego->depth.size() == 3u);
  BOOST_TEST(ego->depth.count(id("China")) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
