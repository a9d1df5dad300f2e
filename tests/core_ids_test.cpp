// Stable ids and the one name normalisation every lookup uses.
#include <boost/test/unit_test.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/core/ids.hpp"
#include "test_support.hpp"

using namespace geokg;

BOOST_AUTO_TEST_SUITE(core_ids)

BOOST_AUTO_TEST_CASE(normalisation_folds_case_accents_dots_and_quotes) {
  BOOST_TEST(normalize_name("U.S.") == "us");
  BOOST_TEST(normalize_name("US") == "us");
  BOOST_TEST(normalize_name("  Antony   Blinken ") == "antony blinken");
  BOOST_TEST(normalize_name("José Ramón Balaguer") == "jose ramon balaguer");
  BOOST_TEST(normalize_name("People\u2019s Republic of China") == "people's republic of china");
  BOOST_TEST(normalize_name("Abdelbaset al-Megrahi") == "abdelbaset al megrahi");
  BOOST_TEST(normalize_name("Sergei\u00a0Shoigu") == "sergei shoigu");
  BOOST_TEST(normalize_name("ÉLYSÉE") == "elysee");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_does_not_break_normalisation) {
  const std::string bad = std::string("Wang\xff\xfe Yi");
  const std::string n = normalize_name(bad);
  BOOST_TEST(n.find("wang") == 0u);
}

BOOST_AUTO_TEST_CASE(ids_are_stable_and_distinct) {
  // Ids live on disk: these values must never change between versions.
  BOOST_TEST(stable_hash64("") == stable_hash64(""));
  BOOST_TEST(node_id(NodeKind::kPerson, "Antony Blinken") ==
             node_id(NodeKind::kPerson, "antony  BLINKEN"));
  BOOST_TEST(node_id(NodeKind::kPerson, "Wang Yi") != node_id(NodeKind::kPerson, "Wang Xiaohong"));
  BOOST_TEST(node_id(NodeKind::kPerson, "Georgia") != node_id(NodeKind::kCountry, "Georgia"));
  // Every name of a country is one node: the id comes from the ISO code.
  BOOST_TEST(node_id(NodeKind::kCountry, "United States", "USA") ==
             node_id(NodeKind::kCountry, "Washington", "USA"));
  BOOST_TEST(country_node_id("usa") == country_node_id("USA"));
  const Date d = Date::Day(2024, 4, 26);
  BOOST_TEST(event_id(1, 2, "040", d, false, false) != event_id(2, 1, "040", d, false, false));
  BOOST_TEST(event_id(1, 2, "040", d, false, false) != event_id(1, 2, "040", d, true, false));
  BOOST_TEST(article_id("https://a.example/x", "text") == article_id("https://a.example/x", "other"));
  BOOST_TEST(article_id("", "text one") != article_id("", "text two"));
}

BOOST_AUTO_TEST_CASE(hex_round_trip) {
  std::uint64_t v = 0;
  BOOST_TEST(from_hex(to_hex(0x0123456789abcdefull), v));
  BOOST_TEST(v == 0x0123456789abcdefull);
  BOOST_TEST(!from_hex("xyz", v));
  BOOST_TEST(!from_hex("", v));
}

BOOST_AUTO_TEST_CASE(cameo_table_loads_the_shipped_codes) {
  auto table = CameoTable::Load(test::data_dir() + "/cameo-codes.tsv");
  BOOST_REQUIRE(table.ok());
  BOOST_TEST(table->size() >= 300u);
  const CameoCode* sign = table->find("057");
  BOOST_REQUIRE(sign);
  BOOST_TEST(sign->root == "05");
  BOOST_TEST(sign->quad_class == 1);
  const CameoCode* attack = table->find("190");
  BOOST_REQUIRE(attack);
  BOOST_TEST(attack->goldstein < 0);
  BOOST_TEST(attack->quad_class == 4);
  BOOST_TEST(!table->find("999"));
  BOOST_TEST(cameo_matches("1721", {"17"}));
  BOOST_TEST(!cameo_matches("040", {"04x", "11"}));
  BOOST_TEST(cameo_matches("040", {}));
}

BOOST_AUTO_TEST_CASE(cameo_table_names_the_bad_line) {
  test::TempDir dir;
  test::write_file(dir / "bad.tsv", "code\troot\tlabel\tgoldstein\tquad_class\n01\t01\tX\t0\t1\n02\t02\n");
  auto table = CameoTable::Load((dir / "bad.tsv").string());
  BOOST_REQUIRE(!table.ok());
  BOOST_TEST(table.status().message().find("bad.tsv:3") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
