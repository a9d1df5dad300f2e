// Across articles: one node per real actor, one edge per real event (issue 8).
// Synthetic extractions pin each merge rule; the corpus's near-duplicate
// groups run through the real extractor and the real commit path.

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <ostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/graph/codec.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/ingest/reader.hpp"
#include "graph_test_data.hpp"
#include "test_support.hpp"

namespace geokg {
// Boost.Test prints the operands of a failed comparison.
inline std::ostream& operator<<(std::ostream& os, const Date& d) { return os << (d.known() ? d.iso() : "undated"); }
}  // namespace geokg

namespace geokg::test {
namespace {

const std::string kMet =
    "Blinken raised the matter during five-and-a-half hours of talks with China's top diplomat "
    "Wang Yi in Beijing.";

Article article_of(std::string id, std::string source, Date date) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.date = date;
  a.title = "Blinken in Beijing";
  a.text = kMet;
  return a;
}

// Blinken (0) -> Wang Yi (1), one event with the given code and date.
Extraction meeting(const std::string& cameo, Date date, bool negated = false) {
  Extraction x;
  x.actors.push_back(person("Antony Blinken", "USA", "Secretary of State", {"Blinken"}));
  x.actors.push_back(person("Wang Yi", "CHN", "Foreign Minister", {"Wang"}));
  ExtractedEvent e;
  e.source = 0;
  e.target = 1;
  e.cameo = cameo;
  e.relation = cameo == "043" ? "met at a third place" : "consulted";
  e.date = date;
  e.negated = negated;
  e.confidence = 0.8f;
  e.evidence.sentence = kMet;
  e.evidence.end = static_cast<std::uint32_t>(kMet.size());
  e.evidence.rule = "talks-with";
  x.events.push_back(e);
  return x;
}

std::vector<EventEdge> all_edges(const GraphStore& s) {
  std::vector<EventEdge> out;
  BOOST_TEST_REQUIRE(s.for_each_edge([&](const EventEdge& e) {
                       out.push_back(e);
                       return true;
                     }).ok());
  return out;
}

std::vector<Node> all_nodes(const GraphStore& s) {
  std::vector<Node> out;
  BOOST_TEST_REQUIRE(s.for_each_node([&](const Node& n) {
                       out.push_back(n);
                       return true;
                     }).ok());
  return out;
}


std::vector<AdjacencyEntry> out_of(const GraphStore& s, NodeId n) {
  std::vector<AdjacencyEntry> out;
  EdgeFilter all;
  all.include_flagged = true;
  BOOST_TEST_REQUIRE(s.scan_adjacency(n, Direction::kOut, all, [&](const AdjacencyEntry& e) {
                       out.push_back(e);
                       return true;
                     }).ok());
  return out;
}

std::size_t timeline_size(const GraphStore& s) {
  std::size_t n = 0;
  EdgeFilter all;
  all.include_flagged = true;
  BOOST_TEST_REQUIRE(s.scan_timeline(all, [&](EdgeId, const Date&) {
                       ++n;
                       return true;
                     }).ok());
  return n;
}


NodeId blinken() { return node_id(NodeKind::kPerson, "Antony Blinken"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(across_events)

BOOST_AUTO_TEST_CASE(day_precise_report_refines_a_month_precise_edge) {
  for (bool month_first : {true, false}) {
    TempDir dir;
    auto store = open_store(dir);
    const Date month = Date::Month(2023, 6), day = Date::Day(2023, 6, 19);
    auto a = store->commit(article_of("r1", "Reuters", day),
                           meeting("040", month_first ? month : day));
    BOOST_TEST_REQUIRE(a.ok());
    require_sound(*store);
    auto b = store->commit(article_of("ap1", "AP", day), meeting("040", month_first ? day : month));
    BOOST_TEST_REQUIRE(b.ok());
    BOOST_TEST(b->merged_reports == 1u);
    require_sound(*store);

    const auto edges = all_edges(*store);
    BOOST_TEST_REQUIRE(edges.size() == 1u);
    const EventEdge& e = edges.front();
    BOOST_TEST(e.date == day);
    BOOST_TEST(e.mentions == 2u);
    BOOST_TEST((e.sources == std::vector<std::string>{"Reuters", "AP"}));
    BOOST_TEST((e.articles == std::vector<std::string>{"r1", "ap1"}));
    BOOST_TEST_REQUIRE(e.evidence.size() == 2u);
    // What each report said is kept.
    BOOST_TEST((e.evidence[0].date == (month_first ? month : day)));
    BOOST_TEST((e.evidence[1].date == (month_first ? day : month)));
    // The indexes moved with the date: one entry, at the day.
    const auto adj = out_of(*store, blinken());
    BOOST_TEST_REQUIRE(adj.size() == 1u);
    BOOST_TEST(adj.front().date == day);
    BOOST_TEST(adj.front().edge == e.id);
    BOOST_TEST(timeline_size(*store) == 1u);
  }
}

BOOST_AUTO_TEST_CASE(codes_of_one_root_merge_and_the_specific_one_wins) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2023, 6, 19);
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), meeting("040", day)).ok());
  BOOST_TEST_REQUIRE(store->commit(article_of("ap1", "AP", day), meeting("043", day)).ok());
  // A later general report does not undo the specific code.
  BOOST_TEST_REQUIRE(store->commit(article_of("bbc1", "BBC", day), meeting("040", day)).ok());
  require_sound(*store);
  const auto edges = all_edges(*store);
  BOOST_TEST_REQUIRE(edges.size() == 1u);
  BOOST_TEST(edges[0].cameo == "043");
  BOOST_TEST(edges[0].relation == "met at a third place");
  BOOST_TEST(edges[0].mentions == 3u);
  BOOST_TEST(edges[0].sources.size() == 3u);
  std::vector<std::string> codes;
  for (const auto& ev : edges[0].evidence) codes.push_back(ev.cameo);
  BOOST_TEST((codes == std::vector<std::string>{"040", "043", "040"}));
  const auto adj = out_of(*store, blinken());
  BOOST_TEST_REQUIRE(adj.size() == 1u);
  BOOST_TEST(adj[0].cameo == "043");
  EdgeFilter meets;
  meets.cameo = {"043"};
  std::size_t n = 0;
  BOOST_TEST(store->scan_timeline(meets, [&](EdgeId, const Date&) { return ++n, true; }).ok());
  BOOST_TEST(n == 1u);
}

BOOST_AUTO_TEST_CASE(min_sources_keeps_only_corroborated_events) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2023, 6, 19);
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), meeting("040", day)).ok());
  BOOST_TEST_REQUIRE(store->commit(article_of("r2", "Reuters", day), meeting("112", day)).ok());
  BOOST_TEST_REQUIRE(store->commit(article_of("ap1", "AP", day), meeting("043", day)).ok());
  auto count = [&](std::size_t min_sources) {
    EdgeFilter f;
    f.min_sources = min_sources;
    std::size_t timeline = 0, adjacency = 0;
    BOOST_TEST(store->scan_timeline(f, [&](EdgeId, const Date&) { return ++timeline, true; }).ok());
    BOOST_TEST(store->scan_adjacency(blinken(), Direction::kBoth, f,
                                     [&](const AdjacencyEntry&) { return ++adjacency, true; })
                   .ok());
    BOOST_TEST(timeline == adjacency);
    return timeline;
  };
  BOOST_TEST(count(1) == 2u);   // the meeting (Reuters, AP) and the accusation (Reuters)
  BOOST_TEST(count(2) == 1u);   // only the meeting has two publishers
  BOOST_TEST(count(3) == 0u);
  for (const auto& e : all_edges(*store)) {
    EdgeFilter f;
    f.min_sources = 2;
    BOOST_TEST(edge_passes(f, e) == (e.cameo == "043"));
  }
}

BOOST_AUTO_TEST_CASE(different_events_stay_apart) {
  TempDir dir;
  auto store = open_store(dir);
  const Date june = Date::Day(2023, 6, 19);
  int i = 0;
  auto commit = [&](const Extraction& x) {
    BOOST_TEST_REQUIRE(store->commit(article_of("a" + std::to_string(i++), "Reuters", june), x).ok());
  };
  commit(meeting("040", june));
  commit(meeting("112", june));                        // another root: an accusation
  commit(meeting("040", Date::Day(2023, 6, 20)));      // another day
  commit(meeting("040", Date::Month(2023, 7)));        // another month
  commit(meeting("040", june, /*negated=*/true));      // "did not meet"
  commit(meeting("040", Date{}));                      // undated: could be any of them
  Extraction reversed = meeting("040", june);
  std::swap(reversed.events[0].source, reversed.events[0].target);
  commit(reversed);                                    // Wang Yi -> Blinken
  require_sound(*store);
  BOOST_TEST(all_edges(*store).size() == 7u);
  // A month-precise report that fits two different days merges into one of
  // them, never makes a third.
  commit(meeting("040", Date::Month(2023, 6)));
  require_sound(*store);
  BOOST_TEST(all_edges(*store).size() == 7u);
}

BOOST_AUTO_TEST_CASE(duplicates_within_one_article_merge) {
  TempDir dir;
  auto store = open_store(dir);
  Extraction x = meeting("040", Date::Month(2023, 6));
  ExtractedEvent again = x.events[0];
  again.date = Date::Day(2023, 6, 19);
  again.cameo = "043";
  again.evidence.sentence = "The two met in Beijing on Monday.";
  x.events.push_back(again);
  auto r = store->commit(article_of("r1", "Reuters", Date::Day(2023, 6, 20)), x);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->events == 1u);
  BOOST_TEST(r->merged_reports == 1u);
  require_sound(*store);
  const auto edges = all_edges(*store);
  BOOST_TEST_REQUIRE(edges.size() == 1u);
  BOOST_TEST(edges[0].mentions == 2u);
  BOOST_TEST(edges[0].articles.size() == 1u);
  BOOST_TEST(edges[0].evidence.size() == 2u);
  BOOST_TEST(edges[0].date == Date::Day(2023, 6, 19));
  BOOST_TEST(edges[0].cameo == "043");
  // A second article then refines nothing but counts.
  BOOST_TEST_REQUIRE(store->commit(article_of("ap1", "AP", Date::Day(2023, 6, 20)),
                                   meeting("040", Date::Month(2023, 6)))
                         .ok());
  require_sound(*store);
  BOOST_TEST(all_edges(*store).size() == 1u);
  BOOST_TEST(all_edges(*store)[0].mentions == 3u);
}

BOOST_AUTO_TEST_CASE(second_batch_grows_and_recommit_changes_nothing) {
  TempDir dir;
  auto store = open_store(dir);
  const Date month = Date::Month(2023, 6), day = Date::Day(2023, 6, 19);
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), meeting("040", month)).ok());
  BOOST_TEST_REQUIRE(store->commit(article_of("r2", "Reuters", day), meeting("040", month)).ok());
  auto before = all_edges(*store);
  BOOST_TEST_REQUIRE(before.size() == 1u);
  BOOST_TEST(before[0].mentions == 2u);
  BOOST_TEST(before[0].sources.size() == 1u);   // one publisher, two articles
  // Second batch.
  BOOST_TEST_REQUIRE(store->commit(article_of("ap1", "AP", day), meeting("043", day)).ok());
  auto after = all_edges(*store);
  BOOST_TEST_REQUIRE(after.size() == 1u);
  BOOST_TEST(after[0].mentions == 3u);
  BOOST_TEST(after[0].sources.size() == 2u);
  // Re-sending every article changes nothing.
  for (const char* id : {"r1", "r2", "ap1"}) {
    auto r = store->commit(article_of(id, "Reuters", day), meeting("040", month));
    BOOST_TEST_REQUIRE(r.ok());
    BOOST_TEST(r->already_present);
  }
  auto again = all_edges(*store);
  BOOST_TEST_REQUIRE(again.size() == 1u);
  BOOST_TEST(codec::encode(again[0]) == codec::encode(after[0]));
  require_sound(*store);
}

BOOST_AUTO_TEST_CASE(edge_records_of_format_1_still_decode) {
  // A version-1 edge record is a version-3 one without the place at its end
  // (an empty place: name, precision, four strings, two doubles, near: 23
  // bytes) whose evidence lacks the reported code and date (one empty string
  // + one unknown date: 5 bytes).
  EventEdge e;
  e.id = 42;
  e.source = 1;
  e.target = 2;
  e.cameo = "040";
  e.date = Date::Day(2023, 6, 19);
  e.mentions = 1;
  e.articles = {"r1"};
  Evidence ev;
  ev.article_id = "r1";
  ev.sentence = kMet;
  e.evidence = {ev};
  std::string v1 = codec::encode(e);
  BOOST_TEST_REQUIRE(static_cast<int>(v1[0]) == static_cast<int>(codec::kEdgeFormatVersion));
  v1.resize(v1.size() - 23 - 5);
  v1[0] = static_cast<char>(1);
  EventEdge back;
  BOOST_TEST_REQUIRE(codec::decode(v1, back).ok());
  BOOST_TEST(codec::encode(back) == codec::encode(e));
  v1[0] = static_cast<char>(codec::kEdgeFormatVersion + 1);
  BOOST_TEST(!codec::decode(v1, back).ok());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(across_actors)

BOOST_AUTO_TEST_CASE(people_sharing_a_surname_never_merge) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2023, 6, 19);
  Extraction a;
  a.actors.push_back(person("Wang Yi", "CHN", "Foreign Minister", {"Wang"}));
  Extraction b;
  b.actors.push_back(person("Wang Xiaohong", "CHN", "Minister of Public Security", {"Wang"}));
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), a).ok());
  auto rb = store->commit(article_of("r2", "Reuters", day), b);
  BOOST_TEST_REQUIRE(rb.ok());
  BOOST_TEST(rb->resolved_actors == 0u);
  // "Wang" alone could be either: it stays its own node.
  Extraction c;
  c.actors.push_back(person("Wang", "CHN", ""));
  auto rc = store->commit(article_of("r3", "Reuters", day), c);
  BOOST_TEST_REQUIRE(rc.ok());
  BOOST_TEST(rc->resolved_actors == 0u);
  require_sound(*store);
  std::set<std::string> names;
  for (const auto& n : all_nodes(*store)) names.insert(n.name);
  BOOST_TEST((names == std::set<std::string>{"Wang Yi", "Wang Xiaohong", "Wang"}));
}

BOOST_AUTO_TEST_CASE(a_surname_resolves_only_to_the_one_node_of_its_country) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2023, 6, 19);
  Extraction a;
  a.actors.push_back(person("Antony Blinken", "USA", "Secretary of State", {"Blinken"}));
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), a).ok());
  Extraction no_country;
  no_country.actors.push_back(person("Blinken", "", ""));
  auto r = store->commit(article_of("r2", "Reuters", day), no_country);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->resolved_actors == 0u);
  Extraction other_country;
  other_country.actors.push_back(person("Blinken", "DEU", ""));
  BOOST_TEST(store->commit(article_of("r3", "Reuters", day), other_country)->resolved_actors == 0u);
  Extraction same_country;
  same_country.actors.push_back(person("Blinken", "USA", ""));
  BOOST_TEST(store->commit(article_of("r4", "Reuters", day), same_country)->resolved_actors == 1u);
  require_sound(*store);
  auto n = store->node(blinken());
  BOOST_TEST_REQUIRE(n.ok());
  BOOST_TEST(n->articles == 2u);
  BOOST_TEST(*store->alias_evidence("Blinken", blinken()) == 2u);
}

BOOST_AUTO_TEST_CASE(spelling_variants_sharing_an_alias_are_one_person) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2023, 6, 19);
  Extraction a;
  a.actors.push_back(person("Sergei Shoigu", "RUS", "Defence Minister", {"Shoigu"}));
  a.actors.push_back(country("Ukraine", "UKR"));
  ExtractedEvent e;
  e.source = 0;
  e.target = 1;
  e.cameo = "190";
  e.relation = "attacked";
  e.date = Date::Day(2023, 6, 18);
  e.evidence.sentence = "Shoigu said forces struck Ukraine.";
  a.events.push_back(e);
  Extraction b = a;
  b.actors[0] = person("Sergey Shoygu", "RUS", "Defence Minister", {"Shoygu", "Sergei Shoigu"});
  b.events[0].evidence.sentence = "Shoygu said forces struck Ukraine.";
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), a).ok());
  auto rb = store->commit(article_of("tass1", "TASS", day), b);
  BOOST_TEST_REQUIRE(rb.ok());
  BOOST_TEST(rb->resolved_actors == 1u);
  BOOST_TEST(rb->merged_reports == 1u);
  require_sound(*store);
  std::size_t people = 0;
  for (const auto& n : all_nodes(*store)) people += n.kind == NodeKind::kPerson;
  BOOST_TEST(people == 1u);
  const NodeId id = node_id(NodeKind::kPerson, "Sergei Shoigu");
  auto n = store->node(id);
  BOOST_TEST_REQUIRE(n.ok());
  BOOST_TEST(n->articles == 2u);
  BOOST_TEST(*store->alias_evidence("Sergei Shoigu", id) == 2u);
  BOOST_TEST(*store->alias_evidence("Sergey Shoygu", id) == 1u);
  BOOST_TEST(*store->alias_evidence("Shoygu", id) == 1u);
  BOOST_TEST((*store->find_nodes("Sergey Shoygu") == std::vector<NodeId>{id}));
  const auto edges = all_edges(*store);
  BOOST_TEST_REQUIRE(edges.size() == 1u);
  BOOST_TEST(edges[0].mentions == 2u);
  BOOST_TEST((edges[0].sources == std::vector<std::string>{"Reuters", "TASS"}));
}

BOOST_AUTO_TEST_CASE(conflicting_countries_and_kinds_do_not_merge) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2023, 6, 19);
  Extraction a;
  a.actors.push_back(person("John Smith", "USA", ""));
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), a).ok());
  // Unknown country is compatible.
  Extraction d;
  d.actors.push_back(person("Johnny Smith", "", "", {"John Smith"}));
  BOOST_TEST(store->commit(article_of("r2", "Reuters", day), d)->resolved_actors == 1u);
  Extraction b;
  b.actors.push_back(person("Jon Smith", "GBR", "", {"John Smith"}));
  BOOST_TEST(store->commit(article_of("r3", "Reuters", day), b)->resolved_actors == 0u);
  Extraction c;
  ExtractedActor org = person("J Smith Holdings", "", "", {"John Smith"});
  org.kind = NodeKind::kOrganization;
  c.actors.push_back(org);
  BOOST_TEST(store->commit(article_of("r4", "Reuters", day), c)->resolved_actors == 0u);
  // Now "John Smith" names two people: a newcomer with that alias and no
  // country is ambiguous and stays apart.
  Extraction e;
  e.actors.push_back(person("J. R. Smith", "", "", {"John Smith"}));
  BOOST_TEST(store->commit(article_of("r5", "Reuters", day), e)->resolved_actors == 0u);
  require_sound(*store);
  BOOST_TEST(all_nodes(*store).size() == 4u);
}

BOOST_AUTO_TEST_CASE(lexicon_identities_are_authoritative) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2023, 6, 19);
  Extraction a;
  a.actors.push_back(person("Li Qiang", "CHN", "", {"Premier Li"}));
  BOOST_TEST_REQUIRE(store->commit(article_of("r1", "Reuters", day), a).ok());
  Extraction b;
  ExtractedActor li = person("Li Keqiang", "CHN", "Premier", {"Premier Li"});
  li.from_lexicon = true;
  b.actors.push_back(li);
  BOOST_TEST(store->commit(article_of("r2", "Reuters", day), b)->resolved_actors == 0u);
  require_sound(*store);
  BOOST_TEST(all_nodes(*store).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

// ---- the corpus's near-duplicate groups, through the real extractor ----------

namespace {

std::map<std::string, Article> corpus_articles(const std::set<std::string>& ids) {
  std::map<std::string, Article> out;
  const std::string path = shared_dir() + "/corpus/articles.jsonl";
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto a = parse_jsonl_line(line, ReadOptions{}, path);
    if (a.ok() && ids.count(a->id)) out.emplace(a->id, std::move(*a));
  }
  return out;
}

struct Shape {
  std::size_t nodes = 0, edges = 0;
  std::uint64_t mentions = 0;
};

Shape shape(const GraphStore& s) {
  Shape sh;
  sh.nodes = all_nodes(s).size();
  for (const auto& e : all_edges(s)) {
    ++sh.edges;
    sh.mentions += e.mentions;
  }
  return sh;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(across_corpus)

BOOST_AUTO_TEST_CASE(near_duplicate_stories_make_one_node_per_person_and_one_edge_per_event, GEOKG_NEEDS_SHARED) {
  auto lex = load_lexicons(GEOKG_TEST_DATA_DIR, {});
  BOOST_TEST_REQUIRE(lex.ok());
  const Extractor extractor(*lex);
  const std::vector<std::vector<std::string>> groups = {
      {"reu-5180", "reu-5278"},
      {"reu-17216", "reu-17277"},
      {"reu-5752", "reu-5786", "reu-5895"},
      {"reu-12143", "reu-12188"},
      {"bbc-politics-064", "bbc-politics-161"}};
  std::set<std::string> wanted;
  for (const auto& g : groups) wanted.insert(g.begin(), g.end());
  const auto articles = corpus_articles(wanted);
  BOOST_TEST_REQUIRE(articles.size() == wanted.size());

  std::size_t events_seen = 0;
  for (const auto& group : groups) {
    BOOST_TEST_CONTEXT("group " << group.front()) {
      TempDir dir;
      auto store = open_store(dir);
      std::vector<Shape> alone;
      std::size_t reports = 0;
      for (const auto& id : group) {
        const Article& a = articles.at(id);
        const Extraction x = extractor.extract(a);
        reports += x.events.size();
        TempDir solo_dir;
        auto solo = open_store(solo_dir);
        BOOST_TEST_REQUIRE(solo->commit(a, x).ok());
        alone.push_back(shape(*solo));
        BOOST_TEST_REQUIRE(store->commit(a, x).ok());
        require_sound(*store);
      }
      events_seen += reports;
      const Shape all = shape(*store);
      // Every report is counted once, in some edge.
      BOOST_TEST(all.mentions == reports);
      // Identical bodies: the second copy adds no node and no edge.
      if (group.front() == "reu-5180" || group.front() == "reu-17216") {
        BOOST_TEST(all.nodes == alone[0].nodes);
        BOOST_TEST(all.edges == alone[0].edges);
        for (const auto& e : all_edges(*store)) {
          BOOST_TEST(e.articles.size() == 2u);
          BOOST_TEST(e.sources.size() == 1u);   // both are Reuters
        }
      }
      // Never more edges than the articles would make apart.
      std::size_t sum = 0;
      for (const auto& s : alone) sum += s.edges;
      BOOST_TEST(all.edges <= sum);
      // One node per person: no two person nodes share a name or a multi-word alias.
      std::map<std::string, std::set<NodeId>> by_name;
      for (const auto& n : all_nodes(*store)) {
        if (n.kind != NodeKind::kPerson) continue;
        by_name[normalize_name(n.name)].insert(n.id);
        for (const auto& al : n.aliases) {
          const std::string k = normalize_name(al);
          if (k.find(' ') != std::string::npos) by_name[k].insert(n.id);
        }
      }
      for (const auto& [name, nodes] : by_name) {
        BOOST_TEST_CONTEXT("person name '" << name << "'") { BOOST_TEST(nodes.size() == 1u); }
      }
      // Distinct publishers, distinct articles.
      for (const auto& e : all_edges(*store)) {
        BOOST_TEST(std::set<std::string>(e.sources.begin(), e.sources.end()).size() == e.sources.size());
        BOOST_TEST(e.evidence.size() <= e.mentions);
      }
    }
  }
  BOOST_TEST(events_seen > 0u);   // the groups do yield events to merge
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg::test
