// Value codec: records round-trip, malformed bytes are Corruption (never a
// throw or an out-of-bounds read), and the merge rules of nodes and edges.
#include <boost/test/unit_test.hpp>

#include "geokg/graph/codec.hpp"

using namespace geokg;

namespace graph_codec_test {

Node blinken() {
  Node n;
  n.id = 0x1234567890abcdefull;
  n.kind = NodeKind::kPerson;
  n.name = "Antony Blinken";
  n.aliases = {"Blinken", "Secretary Blinken"};
  n.country = "USA";
  n.sector = "GOV";
  n.roles = {Role{"Secretary of State", "USA", "GOV", "", Date::Day(2021, 1, 26), Date{}}};
  n.mentions = 14;
  n.articles = 1;
  n.first_seen = Date::Day(2024, 4, 26);
  n.last_seen = Date::Day(2024, 4, 26);
  return n;
}

EventEdge meeting() {
  EventEdge e;
  e.id = 42;
  e.source = 1;
  e.target = ~std::uint64_t{0};
  e.cameo = "040";
  e.relation = "met";
  e.date = Date::Day(2024, 4, 26);
  e.location = 7;
  e.confidence = 0.9f;
  e.mentions = 1;
  e.sources = {"Reuters"};
  e.articles = {"a1"};
  e.evidence = {Evidence{"a1", "Reuters",
                         "Blinken raised the matter during five-and-a-half hours of talks with "
                         "China's top diplomat Wang Yi in Beijing.",
                         812, 955, "meet-with", "040", Date::Day(2024, 4, 26)}};
  return e;
}

bool same(const Node& a, const Node& b) {
  return a.id == b.id && a.kind == b.kind && a.name == b.name && a.aliases == b.aliases &&
         a.country == b.country && a.sector == b.sector && a.roles == b.roles &&
         a.mentions == b.mentions && a.articles == b.articles && a.first_seen == b.first_seen &&
         a.last_seen == b.last_seen;
}

bool same(const EventEdge& a, const EventEdge& b) {
  return a.id == b.id && a.source == b.source && a.target == b.target && a.cameo == b.cameo &&
         a.relation == b.relation && a.date == b.date && a.location == b.location &&
         a.negated == b.negated && a.hypothetical == b.hypothetical &&
         a.confidence == b.confidence && a.quote == b.quote && a.mentions == b.mentions &&
         a.sources == b.sources && a.articles == b.articles && a.evidence == b.evidence && a.place == b.place;
}

}  // namespace graph_codec_test
using namespace graph_codec_test;

BOOST_AUTO_TEST_SUITE(graph_codec)

BOOST_AUTO_TEST_CASE(records_round_trip) {
  Node n = blinken(), n2;
  BOOST_TEST_REQUIRE(codec::decode(codec::encode(n), n2).ok());
  BOOST_TEST(same(n, n2));

  EventEdge e = meeting(), e2;
  e.negated = true;
  e.quote = "\"I reiterated our serious concern\"";
  BOOST_TEST_REQUIRE(codec::decode(codec::encode(e), e2).ok());
  BOOST_TEST(same(e, e2));

  StaticEdge s{1, 2, StaticRelation::kRole, n.roles[0]}, s2;
  const std::string static_bytes = codec::encode(s);
  BOOST_TEST_REQUIRE(codec::decode(static_bytes, s2).ok());
  BOOST_TEST((s == s2));
  // The relation is stored by name; a name outside the closed set is damage.
  std::string other = static_bytes;
  const std::size_t at = other.find("role");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  other.replace(at, 4, "mole");
  BOOST_TEST((codec::decode(other, s2).code() == Status::Code::kCorruption));

  ArticleRecord a, a2;
  a.id = "a1";
  a.title = "In Beijing, Blinken confronts China";
  a.date = Date::Day(2024, 4, 26);
  a.source = "Reuters";
  a.url = "https://example.org/a1";
  a.ingested_at = 1714100000;
  a.text_bytes = 5123;
  a.nodes = {1, 2, 3};
  a.edges = {42};
  a.content_hash = 0xFEEDFACE12345678ull;
  a.node_mentions = {4, 1, 1};
  a.node_names = {{"antony blinken", "blinken"}, {"wang yi"}, {}};
  a.edge_reports = {2};
  a.static_edges = {s};
  BOOST_TEST_REQUIRE(codec::decode(codec::encode(a), a2).ok());
  BOOST_TEST(a2.id == a.id);
  BOOST_TEST(a2.title == a.title);
  BOOST_TEST((a2.date == a.date));
  BOOST_TEST(a2.ingested_at == a.ingested_at);
  BOOST_TEST(a2.text_bytes == a.text_bytes);
  BOOST_TEST(a2.nodes == a.nodes);
  BOOST_TEST(a2.edges == a.edges);
  BOOST_TEST(a2.content_hash == a.content_hash);
  BOOST_TEST(a2.node_mentions == a.node_mentions);
  BOOST_TEST(a2.node_names == a.node_names);
  BOOST_TEST(a2.edge_reports == a.edge_reports);
  BOOST_TEST((a2.static_edges == a.static_edges));

  // A version-1 article record (no contributions) still decodes, without them:
  // it is the version-2 encoding cut after the edges, with the old version byte.
  ArticleRecord v1 = a;
  v1.content_hash = 0;
  v1.node_mentions.clear();
  v1.node_names.clear();
  v1.edge_reports.clear();
  v1.static_edges.clear();
  std::string bytes = codec::encode(v1);
  bytes.resize(bytes.size() - 8 - 4);   // content hash, four empty list lengths
  bytes[0] = static_cast<char>(codec::kFormatVersion);
  ArticleRecord back;
  BOOST_TEST_REQUIRE(codec::decode(bytes, back).ok());
  BOOST_TEST(back.edges == a.edges);
  BOOST_TEST(back.content_hash == 0u);
  BOOST_TEST(back.node_names.empty());
}

BOOST_AUTO_TEST_CASE(an_event_s_place_round_trips_and_older_records_have_none) {
  EventEdge e = meeting(), back;
  e.place.name = "Beijing";
  e.place.precision = PlacePrecision::kCity;
  e.place.entry = "1816670";
  e.place.entry_name = "Beijing";
  e.place.country = "CHN";
  e.place.adm1 = "CN-11";
  e.place.lat = 39.9075;
  e.place.lon = 116.3972;
  e.place.near = true;
  BOOST_TEST_REQUIRE(codec::decode(codec::encode(e), back).ok());
  BOOST_TEST(same(e, back));

  // A version-2 edge record: the version-3 encoding of an edge without a
  // place, cut before the place (name, precision, four strings, two doubles, near).
  EventEdge old = meeting();
  std::string bytes = codec::encode(old);
  bytes.resize(bytes.size() - (1 + 1 + 4 + 16 + 1));
  bytes[0] = static_cast<char>(codec::kEdgePerReportVersion);
  BOOST_TEST_REQUIRE(codec::decode(bytes, back).ok());
  BOOST_TEST(same(old, back));
  BOOST_TEST(back.place.name.empty());

  // A precision byte past the last precision, or coordinates off the globe, are corruption.
  std::string bad = codec::encode(e);
  // After the precision byte: "1816670", "Beijing", "CHN", "CN-11" (each with
  // its length byte), two doubles and near.
  const std::size_t precision_at = bad.size() - (8 + 8 + 4 + 6 + 16 + 1) - 1;
  BOOST_TEST(static_cast<unsigned char>(bad[precision_at]) == static_cast<unsigned char>(PlacePrecision::kCity));
  bad[precision_at] = 9;
  BOOST_TEST((codec::decode(bad, back).code() == Status::Code::kCorruption));
  EventEdge far = e;
  far.place.lat = 123.0;
  BOOST_TEST((codec::decode(codec::encode(far), back).code() == Status::Code::kCorruption));
}

BOOST_AUTO_TEST_CASE(an_edge_takes_its_place_with_its_first_location) {
  EventEdge into = meeting(), update = meeting();
  into.location = 0;
  update.place.name = "Beijing";
  update.place.precision = PlacePrecision::kCity;
  codec::merge_into(into, update);
  BOOST_TEST(into.location == 7u);
  BOOST_TEST(into.place.name == "Beijing");
  EventEdge later = meeting();
  later.location = 8;
  later.place.name = "Shanghai";
  codec::merge_into(into, later);
  BOOST_TEST(into.place.name == "Beijing");   // the first place stays, as the location does
}

BOOST_AUTO_TEST_CASE(dates_of_every_precision_round_trip) {
  for (const Date& d : {Date{}, Date::Year(2022), Date::Month(2023, 2), Date::Day(2024, 4, 26),
                        Date::Day(-44, 3, 15)}) {
    Node n = blinken(), back;
    n.first_seen = d;
    BOOST_TEST_REQUIRE(codec::decode(codec::encode(n), back).ok());
    BOOST_TEST((back.first_seen == d), d.iso());
  }
}

BOOST_AUTO_TEST_CASE(every_truncation_is_corruption) {
  const std::string bytes = codec::encode(meeting());
  for (std::size_t len = 0; len < bytes.size(); ++len) {
    EventEdge e;
    const Status s = codec::decode(std::string_view(bytes).substr(0, len), e);
    BOOST_TEST((s.code() == Status::Code::kCorruption), "prefix of " << len << " bytes");
  }
  EventEdge e;
  BOOST_TEST((codec::decode(bytes + "x", e).code() == Status::Code::kCorruption));
}

BOOST_AUTO_TEST_CASE(garbage_is_corruption_not_a_crash) {
  // A huge list length must be refused before any allocation.
  std::string bytes = codec::encode(blinken());
  std::string garbage(1, static_cast<char>(codec::kFormatVersion));
  garbage += std::string(9, '\xff');
  Node n;
  BOOST_TEST((codec::decode(garbage, n).code() == Status::Code::kCorruption));
  bytes[0] = 99;   // unknown format version
  BOOST_TEST((codec::decode(bytes, n).code() == Status::Code::kCorruption));
  ArticleRecord a;
  BOOST_TEST((codec::decode("", a).code() == Status::Code::kCorruption));
}

BOOST_AUTO_TEST_CASE(node_merge_unions_and_sums) {
  Node a = blinken();
  Node b = blinken();
  b.aliases = {"Blinken", "Tony Blinken"};
  b.roles.push_back(Role{"Deputy Secretary of State", "USA", "GOV", "", Date::Year(2015), Date::Year(2017)});
  b.mentions = 3;
  b.first_seen = Date::Day(2023, 6, 18);
  b.last_seen = Date::Day(2023, 6, 19);
  b.country.clear();
  codec::merge_into(a, b);
  BOOST_TEST(a.aliases == (std::vector<std::string>{"Blinken", "Secretary Blinken", "Tony Blinken"}));
  BOOST_TEST(a.roles.size() == 2u);
  BOOST_TEST(a.mentions == 17u);
  BOOST_TEST(a.articles == 2u);
  BOOST_TEST(a.first_seen.iso() == "2023-06-18");
  BOOST_TEST(a.last_seen.iso() == "2024-04-26");
  BOOST_TEST(a.country == "USA");

  Node empty;   // an unknown seen date never narrows the range
  empty.id = a.id;
  codec::merge_into(empty, a);
  BOOST_TEST(same(empty, a));
}

BOOST_AUTO_TEST_CASE(edge_merge_grows_evidence) {
  EventEdge a = meeting();
  EventEdge b = meeting();
  b.sources = {"AP"};
  b.articles = {"a2"};
  b.evidence[0].article_id = "a2";
  b.evidence[0].source = "AP";
  b.confidence = 0.95f;
  codec::merge_into(a, b);
  BOOST_TEST(a.mentions == 2u);
  BOOST_TEST(a.sources == (std::vector<std::string>{"Reuters", "AP"}));
  BOOST_TEST(a.articles == (std::vector<std::string>{"a1", "a2"}));
  BOOST_TEST(a.evidence.size() == 2u);
  BOOST_TEST(a.confidence == 0.95f);
  // An identical evidence is not appended twice.
  codec::merge_into(a, meeting());
  BOOST_TEST(a.evidence.size() == 2u);
  BOOST_TEST(a.mentions == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
