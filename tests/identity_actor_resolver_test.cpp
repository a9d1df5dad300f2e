// Actor identity across articles (resolve_actor) against a directory of
// stored actors held in memory: the policy alone, no store.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include "geokg/core/ids.hpp"
#include "geokg/identity/actor_resolver.hpp"

namespace {

using geokg::ActorDirectory;
using geokg::Date;
using geokg::ExtractedActor;
using geokg::Naming;
using geokg::Node;
using geokg::NodeId;
using geokg::NodeKind;
using geokg::Result;
using geokg::Role;
using geokg::Status;

// Stored actors by id, found by their normalised name and aliases, as the
// store's names column family finds them.
class MapDirectory final : public ActorDirectory {
 public:
  NodeId add(Node n) {
    n.id = geokg::node_id(n.kind, n.name, n.country);
    std::vector<std::string> names{n.name};
    names.insert(names.end(), n.aliases.begin(), n.aliases.end());
    for (const auto& name : names) by_name_[geokg::normalize_name(name)].push_back(n.id);
    const NodeId id = n.id;
    nodes_[id] = std::move(n);
    return id;
  }
  Result<const Node*> node(NodeId id) override {
    ++reads;
    auto it = nodes_.find(id);
    return it == nodes_.end() ? nullptr : &it->second;
  }
  Result<std::vector<NodeId>> named(const std::string& norm) override {
    auto it = by_name_.find(norm);
    return it == by_name_.end() ? std::vector<NodeId>{} : it->second;
  }
  int reads = 0;

 private:
  std::map<NodeId, Node> nodes_;
  std::map<std::string, std::vector<NodeId>> by_name_;
};

// A directory whose reads fail, as a damaged store's would.
class FailingDirectory final : public ActorDirectory {
 public:
  Result<const Node*> node(NodeId) override { return Status::Corruption("node record"); }
  Result<std::vector<NodeId>> named(const std::string&) override { return Status::IOError("names"); }
};

Node person(std::string name, std::string country, std::uint64_t mentions = 1, std::vector<std::string> aliases = {}) {
  Node n;
  n.kind = NodeKind::kPerson;
  n.name = std::move(name);
  n.country = std::move(country);
  n.mentions = mentions;
  n.aliases = std::move(aliases);
  return n;
}

ExtractedActor mention(std::string name, std::string country, Naming naming = Naming::kProper,
                       NodeKind kind = NodeKind::kPerson) {
  ExtractedActor a;
  a.name = std::move(name);
  a.country = std::move(country);
  a.naming = naming;
  a.kind = kind;
  return a;
}

NodeId resolve(const ExtractedActor& a, ActorDirectory& dir, Date at = Date::Day(2005, 6, 1)) {
  const NodeId own = geokg::node_id(a);
  Result<NodeId> r = geokg::resolve_actor(a, own, at, dir);
  BOOST_TEST_REQUIRE(r.ok());
  return r.value();
}

Role role(const char* country, Date from, Date to = {}) {
  Role r;
  r.title = "Prime Minister";
  r.country = country;
  r.from = from;
  r.to = to;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(identity_actor_resolver)

BOOST_AUTO_TEST_CASE(surname_joins_the_one_full_name_of_its_country) {
  MapDirectory dir;
  const NodeId tony = dir.add(person("Tony Blair", "GBR", 1, {"Blair"}));
  dir.add(person("Dennis Blair", "USA", 1, {"Blair"}));
  BOOST_TEST(resolve(mention("Blair", "GBR", Naming::kPartial), dir) == tony);
  // Country codes compare without case.
  BOOST_TEST(resolve(mention("Blair", "gbr", Naming::kPartial), dir) == tony);
  // Without a country, two Blairs of two countries are one too many: apart.
  const ExtractedActor unknown = mention("Blair", "", Naming::kPartial);
  BOOST_TEST(resolve(unknown, dir) == geokg::node_id(unknown));
}

BOOST_AUTO_TEST_CASE(surname_without_country_takes_the_articles_one_country) {
  MapDirectory dir;
  const NodeId howard = dir.add(person("John Howard", "AUS", 1, {"Howard"}));
  dir.add(person("Michael Howard", "GBR", 1, {"Howard"}));
  ExtractedActor a = mention("Howard", "", Naming::kPartial);
  a.scope = "GBR";
  BOOST_TEST(resolve(a, dir) != howard);
  a.scope = "AUS";
  BOOST_TEST(resolve(a, dir) == howard);
}

BOOST_AUTO_TEST_CASE(surname_prefers_the_holder_of_a_role_then_the_far_better_known) {
  MapDirectory dir;
  Node old = person("Harold Wilson", "GBR", 1, {"Wilson"});
  old.roles.push_back(role("GBR", Date::Year(1964), Date::Year(1976)));
  Node later = person("Richard Wilson", "GBR", 1, {"Wilson"});
  later.roles.push_back(role("GBR", Date::Year(1999), Date::Year(2002)));
  const NodeId harold = dir.add(old);
  const NodeId richard = dir.add(later);
  BOOST_TEST(resolve(mention("Wilson", "GBR", Naming::kPartial), dir, Date::Day(1970, 3, 1)) == harold);
  BOOST_TEST(resolve(mention("Wilson", "GBR", Naming::kPartial), dir, Date::Day(2000, 3, 1)) == richard);

  MapDirectory famous;
  const NodeId ian = famous.add(person("Ian Blair", "GBR", 3, {"Blair"}));
  const NodeId tony = famous.add(person("Tony Blair", "GBR", 40, {"Blair"}));
  // In an undated article, or among several holding a role at its date.
  BOOST_TEST(resolve(mention("Blair", "GBR", Naming::kPartial), famous, Date{}) == tony);
  BOOST_TEST(tony != ian);
  // Dated, with no role known to either: neither is shown to fit the date.
  const ExtractedActor dated = mention("Blair", "GBR", Naming::kPartial);
  BOOST_TEST(resolve(dated, famous, Date::Day(2005, 6, 1)) == geokg::node_id(dated));
  // Named only twice as often: too close to choose.
  MapDirectory close;
  close.add(person("Ian Blair", "GBR", 20, {"Blair"}));
  close.add(person("Tony Blair", "GBR", 40, {"Blair"}));
  const ExtractedActor a = mention("Blair", "GBR", Naming::kPartial);
  BOOST_TEST(resolve(a, close, Date{}) == geokg::node_id(a));
}

BOOST_AUTO_TEST_CASE(surname_never_reaches_a_person_whose_roles_all_begin_years_later) {
  MapDirectory dir;
  Node n = person("Rishi Sunak", "GBR", 1, {"Sunak"});
  n.roles.push_back(role("GBR", Date::Year(2022)));
  dir.add(n);
  const ExtractedActor a = mention("Sunak", "GBR", Naming::kPartial);
  BOOST_TEST(resolve(a, dir, Date::Day(1995, 1, 1)) == geokg::node_id(a));
  BOOST_TEST(resolve(a, dir, Date::Day(2021, 1, 1)) != geokg::node_id(a));   // within two years
}

BOOST_AUTO_TEST_CASE(full_name_joins_through_multiword_alias_never_one_word) {
  MapDirectory dir;
  Node org;
  org.kind = NodeKind::kOrganization;
  org.name = "International Atomic Energy Agency";
  org.aliases = {"Atomic Energy Agency", "IAEA"};
  const NodeId iaea = dir.add(org);
  ExtractedActor by_alias = mention("Atomic Energy Agency", "", Naming::kProper, NodeKind::kOrganization);
  BOOST_TEST(resolve(by_alias, dir) == iaea);
  // A one-word alias of the mention is shared by too many to join on.
  ExtractedActor other = mention("Agency for Energy", "", Naming::kProper, NodeKind::kOrganization);
  other.aliases = {"IAEA"};
  BOOST_TEST(resolve(other, dir) == geokg::node_id(other));
  // Another kind with the same name stays apart.
  ExtractedActor place = mention("Atomic Energy Agency", "", Naming::kProper, NodeKind::kLocation);
  BOOST_TEST(resolve(place, dir) == geokg::node_id(place));
}

BOOST_AUTO_TEST_CASE(full_name_joins_by_country_and_stays_apart_when_ambiguous) {
  MapDirectory dir;
  dir.add(person("Mohammed Ali Pasha", "EGY", 1, {"Mohammed Ali"}));
  const NodeId khan = dir.add(person("Mohammed Ali Khan", "IRQ", 1, {"Mohammed Ali"}));
  const ExtractedActor any = mention("Mohammed Ali", "");
  BOOST_TEST(resolve(any, dir) == geokg::node_id(any));   // two fit: kept apart
  BOOST_TEST(resolve(mention("Mohammed Ali", "IRQ"), dir) == khan);
  BOOST_TEST(resolve(mention("Mohammed Ali", "irq"), dir) == khan);
  const ExtractedActor syrian = mention("Mohammed Ali", "SYR");
  BOOST_TEST(resolve(syrian, dir) == geokg::node_id(syrian));
  // Once a node of exactly that name exists, the name is that node.
  const NodeId plain = dir.add(person("Mohammed Ali", ""));
  BOOST_TEST(resolve(mention("Mohammed Ali", "IRQ"), dir) == plain);
}

BOOST_AUTO_TEST_CASE(lexicon_unnamed_and_country_actors_keep_their_own_id_unread) {
  MapDirectory dir;
  dir.add(person("Blinken", "USA"));
  ExtractedActor lex = mention("Antony Blinken", "USA");
  lex.from_lexicon = true;
  ExtractedActor unnamed = mention("Iraqi police", "IRQ", Naming::kUnnamed, NodeKind::kOrganization);
  ExtractedActor common = mention("the agreement", "", Naming::kCommon, NodeKind::kOrganization);
  ExtractedActor country = mention("Iraq", "IRQ", Naming::kProper, NodeKind::kCountry);
  for (const ExtractedActor* a : {&lex, &unnamed, &common, &country}) {
    const NodeId own = geokg::node_id(*a) ^ 0x5a;   // any id the caller chose
    BOOST_TEST(geokg::resolve_actor(*a, own, Date::Day(2020, 1, 1), dir).value() == own);
  }
  BOOST_TEST(dir.reads == 0);
}

BOOST_AUTO_TEST_CASE(directory_errors_reach_the_caller) {
  FailingDirectory dir;
  const ExtractedActor full = mention("Antony Blinken", "USA");
  BOOST_TEST(!geokg::resolve_actor(full, geokg::node_id(full), Date::Day(2024, 4, 26), dir).ok());
  const ExtractedActor surname = mention("Blinken", "USA", Naming::kPartial);
  const Result<NodeId> r = geokg::resolve_actor(surname, geokg::node_id(surname), Date::Day(2024, 4, 26), dir);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code() == Status::Code::kIOError));
}

BOOST_AUTO_TEST_SUITE_END()
