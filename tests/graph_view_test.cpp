// Boost.Graph views built from a small store: ego networks, time windows,
// the whole graph, explicit subsets.
#include <boost/test/unit_test.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <set>

#include "geokg/core/ids.hpp"
#include "geokg/graph/view.hpp"
#include "graph_test_data.hpp"
#include "test_support.hpp"

using namespace geokg;
using namespace geokg::test;

namespace graph_view_test {

const NodeId kBlinkenId = node_id(NodeKind::kPerson, "Antony Blinken");
const NodeId kWangId = node_id(NodeKind::kPerson, "Wang Yi");
const NodeId kXiId = node_id(NodeKind::kPerson, "Xi Jinping");
const NodeId kLavrovId = node_id(NodeKind::kPerson, "Sergei Lavrov");

// commit_blinken_history() plus two events that do not involve Blinken:
// Wang Yi met Lavrov (two hops from Blinken) and Xi received Wang Yi (an
// event between two of Blinken's counterparts).
std::unique_ptr<GraphStore> history_store(const TempDir& tmp) {
  auto s = GraphStore::Open((tmp / "db").string());
  BOOST_TEST_REQUIRE(s.ok());
  auto store = std::move(s).value();
  commit_blinken_history(*store);
  Extraction x;
  x.actors = {person("Wang Yi", "CHN", "Foreign Minister"),
              person("Sergei Lavrov", "RUS", "Foreign Minister", {"Lavrov"}),
              person("Xi Jinping", "CHN", "President")};
  x.events = {event(0, 1, "040", "met", Date::Day(2024, 4, 9),
                    "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in "
                    "Beijing on Tuesday."),
              event(2, 0, "042", "received", Date::Day(2024, 3, 1), "Xi received Wang Yi.")};
  BOOST_TEST_REQUIRE(store->commit(article("v1", "TASS", Date::Day(2024, 4, 9), "Lavrov in Beijing"), x).ok());
  return store;
}

std::set<std::string> names(const GraphView& v) {
  std::set<std::string> out;
  for (auto u : boost::make_iterator_range(boost::vertices(v.graph))) out.insert(v.graph[u].name);
  return out;
}

std::multiset<std::string> edge_labels(const GraphView& v) {
  std::multiset<std::string> out;
  for (auto e : boost::make_iterator_range(boost::edges(v.graph)))
    out.insert(v.graph[boost::source(e, v.graph)].name + " " + v.graph[e].cameo + " " +
               v.graph[boost::target(e, v.graph)].name);
  return out;
}

void check_index(const GraphView& v) {
  BOOST_TEST(v.vertex_of.size() == boost::num_vertices(v.graph));
  for (const auto& [id, u] : v.vertex_of) BOOST_TEST(v.graph[u].id == id);
}

}  // namespace graph_view_test
using namespace graph_view_test;

using Names = std::set<std::string>;
using Labels = std::multiset<std::string>;

BOOST_AUTO_TEST_SUITE(graph_view)

BOOST_AUTO_TEST_CASE(time_window) {
  TempDir tmp;
  auto store = history_store(tmp);
  EdgeFilter april;
  april.from = Date::Month(2024, 4);
  april.to = Date::Month(2024, 4);
  // The whole graph filtered to a window keeps isolated nodes unless told not to.
  auto whole = whole_view(*store, april);
  BOOST_TEST_REQUIRE(whole.ok());
  check_index(*whole);
  BOOST_TEST(boost::num_vertices(whole->graph) == 6u);
  BOOST_TEST(boost::num_edges(whole->graph) == 2u);
  WholeViewOptions touched;
  touched.keep_isolated = false;
  whole = whole_view(*store, april, touched);
  BOOST_TEST_REQUIRE(whole.ok());
  BOOST_TEST(names(*whole) == (Names{"Antony Blinken", "Sergei Lavrov", "Wang Yi"}));
  BOOST_TEST(edge_labels(*whole) == (Labels{"Antony Blinken 040 Wang Yi", "Wang Yi 040 Sergei Lavrov"}));
  for (auto e : boost::make_iterator_range(boost::edges(whole->graph))) {
    BOOST_TEST(whole->graph[e].date.year == 2024);
    BOOST_TEST(whole->graph[e].mentions == 1u);
    BOOST_TEST(whole->graph[e].sources == 1u);
    BOOST_TEST(!whole->graph[e].flagged);
  }
}

BOOST_AUTO_TEST_CASE(whole_graph_and_algorithms) {
  TempDir tmp;
  auto store = history_store(tmp);
  auto v = whole_view(*store);
  BOOST_TEST_REQUIRE(v.ok());
  check_index(*v);
  BOOST_TEST(boost::num_vertices(v->graph) == 6u);
  BOOST_TEST(boost::num_edges(v->graph) == 8u);

  // Ready for Boost.Graph algorithms: hops from Lavrov to Blinken over
  // events in either direction is two (via Wang Yi).
  std::vector<int> hops(boost::num_vertices(v->graph), -1);
  const Vertex lavrov = *v->find(kLavrovId);
  hops[lavrov] = 0;
  std::vector<Vertex> queue{lavrov};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const Vertex u = queue[i];
    auto visit = [&](Vertex w) {
      if (hops[w] < 0) {
        hops[w] = hops[u] + 1;
        queue.push_back(w);
      }
    };
    for (auto e : boost::make_iterator_range(boost::out_edges(u, v->graph))) visit(boost::target(e, v->graph));
    for (auto e : boost::make_iterator_range(boost::in_edges(u, v->graph))) visit(boost::source(e, v->graph));
  }
  BOOST_TEST(hops[*v->find(kBlinkenId)] == 2);

  // Directed BFS from Blinken reaches Lavrov through Wang Yi.
  std::vector<boost::default_color_type> color(boost::num_vertices(v->graph));
  std::vector<Vertex> reached;
  struct Recorder : boost::default_bfs_visitor {
    std::vector<Vertex>* out;
    void discover_vertex(Vertex u, const Graph&) const { out->push_back(u); }
  } rec;
  rec.out = &reached;
  boost::breadth_first_search(v->graph, *v->find(kBlinkenId),
                              boost::visitor(rec).color_map(boost::make_iterator_property_map(
                                  color.begin(), boost::get(boost::vertex_index, v->graph))));
  BOOST_TEST(std::count(reached.begin(), reached.end(), lavrov) == 1);
}

BOOST_AUTO_TEST_CASE(explicit_subset_is_induced) {
  TempDir tmp;
  auto store = history_store(tmp);
  std::vector<Node> nodes{*store->node(kBlinkenId), *store->node(kXiId), *store->node(kXiId)};
  std::vector<EventEdge> edges;
  BOOST_TEST(store->for_each_edge([&](const EventEdge& e) {
    edges.push_back(e);
    return true;
  }).ok());
  BOOST_TEST(edges.size() == 9u);
  const GraphView v = make_view(nodes, edges);
  check_index(v);
  BOOST_TEST(boost::num_vertices(v.graph) == 2u);   // the duplicate node is one vertex
  BOOST_TEST(edge_labels(v) == (Labels{"Antony Blinken 040 Xi Jinping", "Xi Jinping 042 Antony Blinken"}));
  BOOST_TEST(!v.find(kWangId).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
