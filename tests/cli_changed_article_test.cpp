// A corrected story through the real geokg binary: an article whose id is
// stored with another text is replaced (and the summary says how many), or
// kept and reported as skipped under --on-changed keep (--strict then fails);
// putting the original text back gives the graph of the original run.
// Input: articles of shared/corpus/articles.jsonl (skips without it).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::read_file;
using geokg::test::run_cli;
using geokg::test::TempDir;
using geokg::test::write_file;

namespace {

std::string q(const fs::path& p) { return geokg::test::shell_quote(p); }

std::vector<nlohmann::json> corpus(std::size_t n) {
  std::vector<nlohmann::json> out;
  const std::string shared = geokg::test::shared_dir();
  if (shared.empty()) return out;
  std::istringstream in(read_file(shared + "/corpus/articles.jsonl"));
  std::string line;
  while (out.size() < n && std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::string jsonl(const std::vector<nlohmann::json>& articles) {
  std::string out;
  for (const auto& a : articles) out += a.dump() + "\n";
  return out;
}

// What the graph answers, with the lists whose order may change sorted.
std::string graph_of(const std::string& db, const TempDir& tmp) {
  auto stats = nlohmann::json::parse(run_cli("stats --json --db " + q(db)).out);
  stats.erase("database");
  const fs::path csv = tmp / "g.csv";
  BOOST_REQUIRE_EQUAL(run_cli("export --format csv -o " + q(csv) + " --db " + q(db)).exit_code, 0);
  std::vector<std::string> rows;
  for (const char* f : {"g-nodes.csv", "g-edges.csv"}) {
    std::istringstream in(read_file(tmp / f));
    std::string line;
    while (std::getline(in, line)) rows.push_back(line);
  }
  std::sort(rows.begin(), rows.end());
  auto timeline = nlohmann::json::parse(run_cli("timeline --format json --include-flagged --db " + q(db)).out);
  for (auto& e : timeline) {
    e.erase("evidence");   // the first report's: which one is first may change
    for (const char* list : {"articles", "sources"}) std::sort(e[list].begin(), e[list].end());
  }
  std::string out = stats.dump() + "\n" + timeline.dump() + "\n";
  for (const auto& r : rows) out += r + "\n";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_changed_article)

BOOST_AUTO_TEST_CASE(a_corrected_story_replaces_the_stored_one_and_back, GEOKG_NEEDS_SHARED) {
  const auto originals = corpus(12);
  TempDir dir;
  write_file(dir / "v1.jsonl", jsonl(originals));
  // Corrections of three stories: the text cut to its first paragraph, a new title.
  std::vector<nlohmann::json> corrected;
  for (std::size_t i : {1, 4, 7}) {
    nlohmann::json a = originals[i];
    const std::string text = a["text"];
    a["text"] = text.substr(0, text.find("\n\n") == std::string::npos ? text.size() / 2 : text.find("\n\n"));
    a["title"] = "Corrected: " + a.value("title", std::string());
    corrected.push_back(a);
  }
  write_file(dir / "v2.jsonl", jsonl(corrected));
  const std::string db = (dir / "db").string();
  BOOST_REQUIRE_EQUAL(run_cli("ingest -q --db " + q(db) + " " + q(dir / "v1.jsonl")).exit_code, 0);
  const std::string original = graph_of(db, dir);

  // Kept under --on-changed keep: named on stderr, counted as skipped.
  auto keep = run_cli("ingest --strict --on-changed keep --db " + q(db) + " " + q(dir / "v2.jsonl"));
  BOOST_TEST(keep.exit_code == 2, keep.err);
  BOOST_TEST(keep.err.find("is stored with another title or text; kept the stored version") != std::string::npos,
             keep.err);
  BOOST_TEST(keep.err.find("3 inputs skipped") != std::string::npos, keep.err);
  BOOST_TEST(graph_of(db, dir) == original);

  // Replaced by default, and said so.
  auto replace = run_cli("ingest --db " + q(db) + " " + q(dir / "v2.jsonl"));
  BOOST_TEST(replace.exit_code == 0, replace.err);
  BOOST_TEST(replace.err.find("3 stored articles replaced by a changed version") != std::string::npos, replace.err);
  BOOST_TEST(run_cli("verify --db " + q(db)).exit_code == 0);
  const std::string changed = graph_of(db, dir);
  BOOST_TEST(changed != original);

  // The original texts again: the original graph.
  auto back = run_cli("ingest --db " + q(db) + " " + q(dir / "v1.jsonl"));
  BOOST_TEST(back.exit_code == 0, back.err);
  BOOST_TEST(back.err.find("3 stored articles replaced") != std::string::npos, back.err);
  BOOST_TEST(back.err.find("9 already stored") != std::string::npos, back.err);
  BOOST_TEST(run_cli("verify --db " + q(db)).exit_code == 0);
  BOOST_TEST(graph_of(db, dir) == original);
}

BOOST_AUTO_TEST_SUITE_END()
