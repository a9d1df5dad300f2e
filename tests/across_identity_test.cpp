// Identities across articles and over time (issue 13): one node per
// (country, sector) for unnamed actors, institutions and common nouns never
// shared between countries or stories, surname-only people resolved to the
// one full-name person of a compatible country and time, countries that
// change over time, and the queries that read them (rankings, paths, names,
// profiles, exports).

#include <boost/test/unit_test.hpp>

#include <set>

#include "geokg/ingest/model_files.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/graph/codec.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/ingest/pipeline.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/profile.hpp"
#include "geokg/query/rank.hpp"
#include "geokg/query/resolve.hpp"
#include "geokg/query/subgraph.hpp"
#include "graph_test_data.hpp"
#include "test_support.hpp"

namespace geokg::test {
namespace {

namespace q = geokg::query;


std::vector<Node> nodes_named(const GraphStore& s, std::string_view name) {
  std::vector<Node> out;
  BOOST_TEST_REQUIRE(s.for_each_node([&](const Node& n) {
                       if (n.name == name) out.push_back(n);
                       return true;
                     }).ok());
  return out;
}


ExtractedActor unnamed(std::string name, std::string country, std::string sector, NodeKind kind,
                       std::vector<std::string> aliases = {}) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = kind;
  a.country = std::move(country);
  a.sector = std::move(sector);
  a.code = a.country + a.sector;
  a.naming = Naming::kUnnamed;
  a.aliases = std::move(aliases);
  a.mentions = 1;
  return a;
}

ExtractedActor thing(std::string name, std::string country = {}) {
  ExtractedActor a;
  a.name = std::move(name);
  a.kind = NodeKind::kArtifact;
  a.country = std::move(country);
  a.naming = Naming::kCommon;
  a.mentions = 1;
  return a;
}

ExtractedActor partial(std::string name, std::string scope = {}) {
  ExtractedActor a = person(std::move(name), "", "");
  a.roles.clear();
  a.sector.clear();
  a.naming = Naming::kPartial;
  a.scope = std::move(scope);
  return a;
}

Role dated_role(std::string title, std::string country, const char* from, const char* to) {
  Role r{std::move(title), std::move(country), "GOV", "", {}, {}};
  if (from) r.from = *Date::Parse(from);
  if (to) r.to = *Date::Parse(to);
  return r;
}

// Commits actors 0 -> 1 (one event) as article `id`.
CommitResult commit_pair(GraphStore& s, const std::string& id, Date date, ExtractedActor a, ExtractedActor b,
                         const std::string& cameo = "112") {
  Extraction x;
  x.actors = {std::move(a), std::move(b)};
  x.events.push_back(event(0, 1, cameo, "accused", date, "A sentence of " + id + "."));
  scope_common_nouns(x);
  auto r = s.commit(article(id, "Reuters", date, id), x);
  BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? "" : r.status().to_string()));
  return *r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(across_identity)

BOOST_AUTO_TEST_CASE(unnamed_actors_are_one_node_per_country_and_sector) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(2008, 8, 6);
  commit_pair(*store, "a1", day,
              unnamed("Malaysian police", "MYS", "COP", NodeKind::kOrganization, {"Malaysian police"}),
              country("Malaysia", "MYS"));
  commit_pair(*store, "a2", day,
              unnamed("Malaysian police", "MYS", "COP", NodeKind::kOrganization, {"police in Malaysia"}),
              unnamed("protesters", "", "OPP", NodeKind::kGroup));
  commit_pair(*store, "a3", day, unnamed("Iraqi police", "IRQ", "COP", NodeKind::kOrganization),
              unnamed("protesters", "", "OPP", NodeKind::kGroup));
  require_sound(*store);
  const auto police = nodes_named(*store, "Malaysian police");
  BOOST_TEST_REQUIRE(police.size() == 1u);
  BOOST_TEST(police[0].articles == 2u);
  BOOST_TEST(police[0].code == "MYSCOP");
  BOOST_TEST((police[0].naming == Naming::kUnnamed));
  BOOST_TEST(nodes_named(*store, "Iraqi police").size() == 1u);
  // Countryless protesters are one node too, but never ranked.
  BOOST_TEST(nodes_named(*store, "protesters").size() == 1u);
  q::RankOptions o;
  o.by = q::RankBy::kDegree;
  o.limit = 0;
  auto ranked = q::rank_actors(*store, o);
  BOOST_TEST_REQUIRE(ranked.ok());
  for (const auto& r : *ranked) BOOST_TEST(r.node.name != "protesters");
}

// "one 'Finance Ministry' node (country Switzerland) holds the Malaysian,
// Indian, West German, Japanese and Brazilian ministries".
BOOST_AUTO_TEST_CASE(institutions_of_several_countries_and_common_nouns_of_several_stories_stay_apart) {
  const auto lex = load_lexicons(data_dir(), {});
  BOOST_TEST_REQUIRE(lex.ok());
  const Extractor extractor(*lex);
  TempDir dir;
  auto store = open_store(dir);
  const char* stories[][2] = {
      {"KUALA LUMPUR, March 3 - The Finance Ministry criticised Singapore.", "kl"},
      {"TOKYO, March 3 - The Finance Ministry criticised Singapore.", "tokyo"},
      {"The Finance Ministry criticised Mr Smith.", "nowhere1"},
      {"The Finance Ministry criticised Mr Jones.", "nowhere2"},
  };
  for (const auto& s : stories) {
    Article a = article(s[1], "Reuters", Date::Day(1987, 3, 3), s[1]);
    a.text = s[0];
    BOOST_TEST_REQUIRE(store->commit(a, extractor.extract(a)).ok());
  }
  require_sound(*store);
  BOOST_TEST(nodes_named(*store, "Malaysian Finance Ministry").size() == 1u);
  BOOST_TEST(nodes_named(*store, "Japanese Finance Ministry").size() == 1u);
  // The two without a country are each their own story's.
  BOOST_TEST(nodes_named(*store, "Finance Ministry").size() == 2u);
  std::set<std::string> countries;
  BOOST_TEST_REQUIRE(store->for_each_node([&](const Node& n) {
                       if (n.name.find("Finance Ministry") != std::string::npos && n.articles > 1) countries.insert(n.name);
                       return true;
                     }).ok());
  BOOST_TEST(countries.empty());

  // "a 'pact' coloured Soviet merges Soviet, Argentine, U.S. and Canadian
  // pacts": a common noun is its actors' thing; the same story twice shares it.
  commit_pair(*store, "p1", Date::Day(1987, 3, 3), country("Soviet Union", "SUN"), thing("pact", "SUN"), "057");
  commit_pair(*store, "p2", Date::Day(1987, 3, 4), country("Argentina", "ARG"), thing("pact"), "057");
  commit_pair(*store, "p3", Date::Day(1987, 3, 3), country("Soviet Union", "SUN"), thing("pact", "SUN"), "057");
  const auto pacts = nodes_named(*store, "pact");
  BOOST_TEST(pacts.size() == 2u);
  for (const auto& p : pacts) BOOST_TEST((p.naming == Naming::kCommon));
  require_sound(*store);
}

// "196 surname-only person nodes duplicate full-name people".
BOOST_AUTO_TEST_CASE(a_surname_resolves_to_the_one_full_name_person_of_a_compatible_country_and_time) {
  TempDir dir;
  auto store = open_store(dir);
  const Date y2005 = Date::Year(2005);
  ExtractedActor blair = person("Tony Blair", "GBR", "", {"Blair"});
  blair.roles = {dated_role("Prime Minister", "GBR", "1997-05-02", "2007-06-27")};
  commit_pair(*store, "a1", y2005, blair, country("Britain", "GBR"));
  auto r = commit_pair(*store, "a2", y2005, partial("Blair"), country("France", "FRA"));
  BOOST_TEST(r.resolved_actors == 1u);
  BOOST_TEST(nodes_named(*store, "Blair").empty());

  // Of two, the one holding a role at the article's date.
  ExtractedActor w = person("George W. Bush", "USA", "", {"Bush"});
  w.roles = {dated_role("President", "USA", "2001-01-20", "2009-01-20")};
  ExtractedActor hw = person("George H. W. Bush", "USA", "", {"Bush"});
  hw.roles = {dated_role("President", "USA", "1989-01-20", "1993-01-20")};
  commit_pair(*store, "b1", y2005, w, country("Iraq", "IRQ"));
  commit_pair(*store, "b2", Date::Year(1990), hw, country("Iraq", "IRQ"));
  BOOST_TEST(commit_pair(*store, "b3", y2005, partial("Bush"), country("Iraq", "IRQ")).resolved_actors == 1u);
  auto undated = commit_pair(*store, "b4", Date{}, partial("Bush"), country("Iraq", "IRQ"));
  BOOST_TEST(undated.resolved_actors == 0u);  // either Bush: kept apart, a partial name
  const auto kept = nodes_named(*store, "Bush");
  BOOST_TEST_REQUIRE(kept.size() == 1u);
  BOOST_TEST((kept[0].naming == Naming::kPartial));

  // A person whose roles all start years after the article is not the one.
  ExtractedActor lutnick = person("Howard Lutnick", "USA", "", {"Lutnick"});
  lutnick.roles = {dated_role("Commerce Secretary", "USA", "2025-02-21", nullptr)};
  commit_pair(*store, "c1", Date::Year(2025), lutnick, country("China", "CHN"));
  BOOST_TEST(commit_pair(*store, "c2", y2005, partial("Lutnick"), country("China", "CHN")).resolved_actors == 0u);

  // The article's one country rules out the namesake of another land.
  ExtractedActor john = person("John Howard", "AUS", "", {"Howard"});
  ExtractedActor michael = person("Michael Howard", "", "", {"Howard"});
  michael.roles.clear();
  commit_pair(*store, "d1", y2005, john, country("Australia", "AUS"));
  commit_pair(*store, "d2", y2005, michael, country("Britain", "GBR"));
  BOOST_TEST(commit_pair(*store, "d3", y2005, partial("Howard", "GBR"), country("Britain", "GBR")).resolved_actors == 1u);
  BOOST_TEST(nodes_named(*store, "Howard").empty());
  require_sound(*store);

  // `geokg actor Blair` finds the person, not a surname-only node.
  auto res = q::resolve_name(*store, "Bush");
  BOOST_TEST_REQUIRE(res.ok());
  BOOST_TEST(!res->found());  // two full-name Bushes: ambiguous, the partial one not among them
  for (const auto& c : res->candidates) BOOST_TEST((c.naming != Naming::kPartial));
  res = q::resolve_name(*store, "Blair");
  BOOST_TEST_REQUIRE(res.ok());
  BOOST_TEST_REQUIRE(res->found());
  BOOST_TEST(res->node.name == "Tony Blair");
}

BOOST_AUTO_TEST_CASE(of_several_namesakes_a_surname_means_the_one_far_more_often_named) {
  TempDir dir;
  auto store = open_store(dir);
  ExtractedActor tony = person("Tony Blair", "GBR", "", {"Blair"});
  tony.roles.clear();
  tony.mentions = 10;
  ExtractedActor ian = person("Ian Blair", "GBR", "", {"Blair"});
  ian.roles.clear();
  commit_pair(*store, "a1", Date{}, tony, country("France", "FRA"));
  commit_pair(*store, "a2", Date{}, ian, country("Britain", "GBR"));
  auto r = commit_pair(*store, "a3", Date{}, partial("Blair", "GBR"), country("France", "FRA"));
  BOOST_TEST(r.resolved_actors == 1u);
  BOOST_TEST(nodes_named(*store, "Blair").empty());
  // Named about as often: either one, kept apart.
  ExtractedActor gordon = person("Gordon Brown", "GBR", "", {"Brown"});
  gordon.roles.clear();
  ExtractedActor nick = person("Nick Brown", "GBR", "", {"Brown"});
  nick.roles.clear();
  commit_pair(*store, "b1", Date{}, gordon, country("France", "FRA"));
  commit_pair(*store, "b2", Date{}, nick, country("France", "FRA"));
  BOOST_TEST(commit_pair(*store, "b3", Date{}, partial("Brown", "GBR"), country("France", "FRA")).resolved_actors == 0u);
  require_sound(*store);
}

// Ingest order does not decide: "Mr Bell" before "Martin Bell" in the input.
BOOST_AUTO_TEST_CASE(ingest_commits_surname_only_articles_after_the_full_names) {
  TempDir dir;
  const auto lex = load_lexicons(data_dir(), {});
  BOOST_TEST_REQUIRE(lex.ok());
  const Extractor extractor(*lex);
  write_file(dir.path() / "in.jsonl",
             "{\"id\": \"x1\", \"date\": \"2005-03-01\", \"text\": \"Mr Bell criticised the BBC on Monday.\"}\n"
             "{\"id\": \"x2\", \"date\": \"2005-03-02\", \"text\": \"Former MP Martin Bell said the vote was unfair.\"}\n");
  TempDir db;
  auto s = open_store(db);
  PipelineOptions o;
  o.threads = 1;
  o.defer_partial_names = true;
  std::vector<std::string> order;
  PipelineCounters counters;
  Status st = run_pipeline({(dir.path() / "in.jsonl").string()}, extractor, o,
                           [&](const Article& a, const Extraction& x) {
                             order.push_back(a.id);
                             auto r = s->commit(a, x);
                             return r.ok() ? Status::Ok() : r.status();
                           },
                           nullptr, nullptr, counters);
  BOOST_TEST_REQUIRE(st.ok(), st.to_string());
  BOOST_TEST((order == std::vector<std::string>{"x2", "x1"}));
  BOOST_TEST(nodes_named(*s, "Bell").empty());
  const auto bell = nodes_named(*s, "Martin Bell");
  BOOST_TEST_REQUIRE(bell.size() == 1u);
  BOOST_TEST(bell[0].articles == 2u);
}

// "Gorbachev and Shevardnadze carry RUS and GEO in 1987, so `actors
// --country SUN` misses them".
BOOST_AUTO_TEST_CASE(countries_change_over_time) {
  TempDir dir;
  auto store = open_store(dir);
  ExtractedActor g = person("Mikhail Gorbachev", "SUN", "");
  g.roles = {dated_role("Party Leader", "SUN", "1985-03-11", "1991-08-24")};
  commit_pair(*store, "g1", Date::Day(1987, 4, 14), g, country("United States", "USA"));
  ExtractedActor later = person("Mikhail Gorbachev", "RUS", "");
  later.roles.clear();
  commit_pair(*store, "g2", Date::Day(2000, 4, 14), later, country("Germany", "DEU"));
  const NodeId id = node_id(NodeKind::kPerson, "Mikhail Gorbachev");
  auto n = store->node(id);
  BOOST_TEST_REQUIRE(n.ok());
  BOOST_TEST(n->country == "RUS");  // the latest report's
  q::RankOptions o;
  o.country = "SUN";
  o.filter.from = Date::Year(1987);
  o.filter.to = Date::Day(1987, 12, 31);
  auto r = q::rank_actors(*store, o);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST_REQUIRE(r->size() == 1u);
  BOOST_TEST((*r)[0].node.name == "Mikhail Gorbachev");
  o.country = "RUS";
  BOOST_TEST(q::rank_actors(*store, o)->empty());  // not Russian in 1987
  o.filter = {};
  BOOST_TEST(q::rank_actors(*store, o)->size() == 1u);  // Russian later
  o.country.clear();
  o.sector = "GOV";
  o.filter.from = Date::Year(1987);
  o.filter.to = Date::Day(1987, 12, 31);
  BOOST_TEST(q::rank_actors(*store, o)->size() >= 1u);
  // The profile and window exports as of a date.
  CameoTable cameo;
  auto p = q::actor_profile(*store, id, cameo);
  BOOST_TEST_REQUIRE(p.ok());
  q::profile_at(*p, Date::Year(1987));
  BOOST_TEST(p->node.country == "SUN");
  EdgeFilter window;
  window.from = Date::Day(1987, 1, 1);
  window.to = Date::Day(1987, 12, 31);
  auto sub = q::window_subgraph(*store, window);
  BOOST_TEST_REQUIRE(sub.ok());
  bool seen = false;
  for (const auto& x : sub->nodes)
    if (x.id == id) {
      seen = true;
      BOOST_TEST(x.country == "SUN");
    }
  BOOST_TEST(seen);
}

// "'agreement' ranks #3 by degree": common nouns are not actors in rankings or paths.
BOOST_AUTO_TEST_CASE(common_nouns_are_not_ranked_and_no_path_passes_through_them) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(1987, 3, 3);
  // Many stories' "agreement" of the same two parties is one node (same scope) ...
  for (const char* id : {"s1", "s2", "s3"})
    commit_pair(*store, id, day, country("Japan", "JPN"), thing("agreement"), "057");
  // ... and a third party links to it, but never through it.
  commit_pair(*store, "s4", day, country("Brazil", "BRA"), thing("agreement"), "057");
  q::RankOptions o;
  o.by = q::RankBy::kDegree;
  o.limit = 0;
  auto r = q::rank_actors(*store, o);
  BOOST_TEST_REQUIRE(r.ok());
  for (const auto& x : *r) BOOST_TEST(x.node.name != "agreement");
  Extraction x;
  x.actors = {country("Japan", "JPN"), thing("agreement"), country("Brazil", "BRA")};
  x.events = {event(0, 1, "057", "signed", day, "Japan signed the agreement."),
              event(2, 1, "057", "signed", day, "Brazil signed the agreement.")};
  scope_common_nouns(x);
  BOOST_TEST_REQUIRE(store->commit(article("s5", "Reuters", day, "s5"), x).ok());
  q::PathOptions po;
  auto path = q::find_path(*store, country_node_id("JPN"), country_node_id("BRA"), po);
  BOOST_TEST_REQUIRE(path.ok());
  BOOST_TEST(!path->found);
}

BOOST_AUTO_TEST_CASE(an_exact_alias_of_a_person_beats_other_names_containing_the_word) {
  TempDir dir;
  auto store = open_store(dir);
  const Date day = Date::Day(1987, 3, 3);
  commit_pair(*store, "r1", day, person("Ronald Reagan", "USA", "President", {"Reagan"}), country("Japan", "JPN"));
  ExtractedActor admin;
  admin.name = "Reagan Administration";
  admin.kind = NodeKind::kOrganization;
  admin.country = "USA";
  admin.mentions = 1;
  commit_pair(*store, "r2", day, admin, country("Japan", "JPN"));
  auto res = q::resolve_name(*store, "Reagan");
  BOOST_TEST_REQUIRE(res.ok());
  BOOST_TEST_REQUIRE(res->found());
  BOOST_TEST(res->node.name == "Ronald Reagan");
}

BOOST_AUTO_TEST_CASE(node_records_of_version_1_still_decode) {
  Node n;
  n.id = 7;
  n.kind = NodeKind::kPerson;
  n.name = "Antony Blinken";
  n.country = "USA";
  n.mentions = 3;
  n.articles = 1;
  n.first_seen = n.last_seen = Date::Day(2024, 4, 26);
  std::string v2 = codec::encode(n);
  BOOST_TEST_REQUIRE(static_cast<int>(v2[0]) == static_cast<int>(codec::kNodeFormatVersion));
  // Version 1: no code, naming or country date after last_seen.
  std::string v1 = v2.substr(0, v2.size() - 1 /*code length*/ - 1 /*naming*/ - 4 /*country date*/);
  v1[0] = static_cast<char>(1);
  Node back;
  BOOST_TEST_REQUIRE(codec::decode(v1, back).ok());
  BOOST_TEST(back.name == "Antony Blinken");
  BOOST_TEST(back.code.empty());
  BOOST_TEST((back.naming == Naming::kProper));
  n.code = "USAGOV";
  n.naming = Naming::kPartial;
  BOOST_TEST_REQUIRE(codec::decode(codec::encode(n), back).ok());
  BOOST_TEST(back.code == "USAGOV");
  BOOST_TEST((back.naming == Naming::kPartial));
}

// The country of the latest dated report wins, whatever the fold's grouping.
BOOST_AUTO_TEST_CASE(node_country_merge_is_associative) {
  auto part = [](std::string country, Date d) {
    Node n;
    n.id = 1;
    n.name = "X";
    n.country = country;
    n.code = country;
    if (!country.empty()) n.country_date = d;
    n.last_seen = d;
    return n;
  };
  const Node a = part("SUN", Date::Year(1987)), b = part("", Date::Year(2010)), c = part("RUS", Date::Year(2000));
  Node left = a;
  codec::merge_into(left, b);
  codec::merge_into(left, c);
  Node bc = b;
  codec::merge_into(bc, c);
  Node right = a;
  codec::merge_into(right, bc);
  BOOST_TEST(left.country == "RUS");
  BOOST_TEST(right.country == "RUS");
  BOOST_TEST(left.code == right.code);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg::test
