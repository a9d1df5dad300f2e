// geokg trend end to end: the formats, and the counts equal to the
// timeline's for the same selection. (Its SVG is checked with the timeline's
// in cli_query_test: text inside the picture.)
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "query_fixture.hpp"
#include "test_support.hpp"

using geokg::test::run_cli;

namespace {

using geokg::test::with_fixture_db;
std::string with_db(const std::string& args) { return with_fixture_db(args); }

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_trend)

BOOST_AUTO_TEST_CASE(table_csv_json_and_counts_equal_the_timeline) {
  auto table = run_cli(with_db("trend --from 2024-03 --to 2024-04"));
  BOOST_REQUIRE_MESSAGE(table.exit_code == 0, table.err);
  BOOST_TEST(table.out.find("PERIOD   EVENTS  VERB COOP  MAT COOP  VERB CONFL  MAT CONFL  GOLDSTEIN SUM  MEAN") == 0u,
             table.out);
  BOOST_TEST(table.out.find("2024-04       5          4         0           1          0            1.0  0.20") !=
                 std::string::npos, table.out);
  BOOST_TEST(table.out.find("6 events in 2 months") != std::string::npos, table.out);

  auto csv = run_cli(with_db("trend --by year --group root --normalize --format csv"));
  BOOST_REQUIRE(csv.exit_code == 0);
  BOOST_TEST(csv.out.rfind("period,start,end,events,goldstein_sum,goldstein_mean,r01_make_public_statement,"
                           "r04_consult,r05_engage_in_diplomatic_cooperation,r11_disapprove,articles,"
                           "events_per_article,", 0) == 0u, csv.out);
  BOOST_TEST(csv.out.find("\r\n2024,2024-01-01,2024-12-31,6,9.0,1.500,1,3,1,1,2,3,") != std::string::npos, csv.out);

  // The same selections through both commands.
  for (const char* sel : {"", "Blinken", "Blinken 'Wang Yi'", "--source ap", "--country CHN", "--quad 1,vk",
                          "--relation 04 --from 2024", "--include-flagged", "--sector MIL"}) {
    auto t = run_cli(with_db(std::string("trend --by day --format json ") + sel));
    BOOST_REQUIRE_MESSAGE(t.exit_code == 0, sel << ": " << t.err);
    auto tl = run_cli(with_db(std::string("timeline --format json ") + sel));
    BOOST_REQUIRE(tl.exit_code == 0);
    const auto j = nlohmann::json::parse(t.out);
    std::size_t sum = 0;
    for (const auto& p : j["periods"]) sum += p["events"].get<std::size_t>();
    BOOST_TEST(sum == j["events"].get<std::size_t>(), sel);
    BOOST_TEST(sum + j["undated"].get<std::size_t>() + j["coarser"].get<std::size_t>() ==
                   nlohmann::json::parse(tl.out).size(), sel);
  }
  BOOST_TEST(run_cli(with_db("trend --by fortnight")).exit_code == 1);
  BOOST_TEST(run_cli(with_db("trend --group actor")).exit_code == 1);
  BOOST_TEST(run_cli(with_db("trend --quad 5")).exit_code == 1);
  BOOST_TEST(run_cli(with_db("trend --by day --from 1000 --to 2999")).exit_code == 1);
  BOOST_TEST(run_cli(with_db("trend --relation 04 --quad 4")).exit_code == 1);
}

BOOST_AUTO_TEST_SUITE_END()
