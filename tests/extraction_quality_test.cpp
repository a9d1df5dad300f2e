// Extraction quality, measured with the team's scorer on hand-annotated gold
// files: the example article (shared/gold) and the team's own annotations
// (tests/gold). Fails when a change lowers the scores below what was reached.
// Skips (with a message) when shared/, python3 or the geokg binary is missing.

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace geokg::test;

namespace {

// Runs `geokg extract INPUT`, scores it against GOLD with score_extraction.py
// and returns the "total" metrics; null when a tool is missing.
nlohmann::json score(const std::string& shared, const std::string& input, const std::string& gold,
                     const std::string& coder = "tree") {
  if (!std::filesystem::exists(GEOKG_TEST_CLI)) {
    BOOST_TEST_MESSAGE("skipped: geokg binary not built at " << GEOKG_TEST_CLI);
    return nullptr;
  }
  if (std::system("python3 -c pass >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("skipped: python3 not available for the scorer");
    return nullptr;
  }
  CommandResult ex = run_cli("extract --coder " + coder + " '" + input + "'");
  BOOST_TEST_REQUIRE(ex.exit_code == 0, ex.err);
  TempDir tmp;
  write_file(tmp / "pred.jsonl", ex.out);
  const std::string cmd = "python3 '" + shared + "/tools/score_extraction.py' --json '" + gold + "' '" +
                          (tmp / "pred.jsonl").string() + "' > '" + (tmp / "score.json").string() + "'";
  BOOST_TEST_REQUIRE(std::system(cmd.c_str()) == 0, cmd);
  auto j = nlohmann::json::parse(read_file(tmp / "score.json"), nullptr, false);
  BOOST_TEST_REQUIRE(!j.is_discarded());
  BOOST_TEST_MESSAGE(gold << " (" << coder << "): " << j["total"].dump());
  return j["total"];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(extraction_quality)

BOOST_AUTO_TEST_CASE(example_article_meets_acceptance, GEOKG_NEEDS_SHARED) {
  const std::string shared = shared_dir();
  auto t = score(shared, shared + "/examples/blinken-beijing-2024-04-26.txt",
                 shared + "/gold/blinken-beijing-2024-04-26.gold.json");
  if (t.is_null()) return;
  // Issue 4 acceptance: core recall >= 0.875, precision >= 0.85, dates >= 0.9.
  // Reached: 1.0 / 1.0 / 1.0, stretch (all) recall 0.875.
  BOOST_TEST(t["core_recall"].get<double>() >= 0.875);
  BOOST_TEST(t["precision"].get<double>() >= 0.85);
  BOOST_TEST(t["date_accuracy"].get<double>() >= 0.9);
  BOOST_TEST(t["all_recall"].get<double>() >= 0.75);
  BOOST_TEST(t["forbidden_events"].get<int>() == 0);
  BOOST_TEST(t["forbidden_persons"].get<int>() == 0);
}

BOOST_AUTO_TEST_CASE(team_gold_articles_do_not_regress, GEOKG_NEEDS_SHARED) {
  const std::string shared = shared_dir();
  const std::string gold = source_dir() + "/tests/gold";
  if (!std::filesystem::is_directory(gold)) return;
  auto t = score(shared, shared + "/corpus/articles.jsonl", gold);
  if (t.is_null()) return;
  // These twelve articles are the ones the flat word-order patterns were
  // tuned on; the tree coder (default) was not. Reached with the default:
  // precision 0.867, core recall 0.318, all recall 0.206, dates 0.9, no
  // forbidden event. (It was 0.926 / 0.341 before a named group's members
  // became the group and plural demonyms their people: "the EC ministers
  // said …" and "the Nigerians" now give events the gold does not list, and
  // "Comoros, backed by African Union forces, has invaded …" gives the
  // backing, so the sentence no longer falls to the word-order patterns
  // that found the invasion. Over the same changes the held-out articles,
  // tests/gold-heldout, went from precision 0.39 to 0.455 at core recall
  // 0.294, against the flat patterns' 0.118.)
  BOOST_TEST(t["precision"].get<double>() >= 0.86);
  BOOST_TEST(t["core_recall"].get<double>() >= 0.31);
  BOOST_TEST(t["all_recall"].get<double>() >= 0.19);
  BOOST_TEST(t["date_accuracy"].get<double>() >= 0.88);
  BOOST_TEST(t["forbidden_events"].get<int>() == 0);
  BOOST_TEST(t["forbidden_persons"].get<int>() == 0);
  // The flat patterns alone (--coder flat), round 4: precision 0.917, core
  // recall 0.432, all recall 0.206, dates 1.0, persons 44/47.
  auto f = score(shared, shared + "/corpus/articles.jsonl", gold, "flat");
  BOOST_TEST(f["precision"].get<double>() >= 0.88);
  BOOST_TEST(f["core_recall"].get<double>() >= 0.40);
  BOOST_TEST(f["all_recall"].get<double>() >= 0.19);
  BOOST_TEST(f["date_accuracy"].get<double>() >= 0.9);
  BOOST_TEST(f["forbidden_events"].get<int>() == 0);
  BOOST_TEST(f["forbidden_persons"].get<int>() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
