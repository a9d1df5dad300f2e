// The analyst's exports end to end: GDELT event and mention rows, the SQLite
// file read back by sqlite3, node-link JSON read by every networkx at hand,
// rendered pictures refused when too large, and the one number for "events"
// that ingest, stats and the exports give.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "query_fixture.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::run_cli;
using geokg::test::shell_quote;

namespace {

using geokg::test::with_fixture_db;
std::string with_db(const std::string& args) { return with_fixture_db(args); }

bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::vector<std::vector<std::string>> tsv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

bool all_of(const std::string& s, bool (*pred)(char)) {
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

nlohmann::json stats() {
  auto r = run_cli(with_db("stats --json"));
  BOOST_REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// Runs `code` with a Python interpreter; returns its output (and rc).
std::string python(const std::string& interpreter, const std::string& code, int& rc) {
  geokg::test::TempDir tmp;
  geokg::test::write_file(tmp / "t.py", code);
  const auto out = tmp / "out";
  rc = std::system((interpreter + " " + shell_quote(tmp / "t.py") + " >" + shell_quote(out) + " 2>&1").c_str());
  return geokg::test::read_file(out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_export_formats)

BOOST_AUTO_TEST_CASE(gdelt_rows_have_61_fields_and_valid_codes) {
  auto r = run_cli(with_db("export --format gdelt"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto cameo = geokg::CameoTable::Load(geokg::test::data_dir() + "/cameo-codes.tsv");
  BOOST_REQUIRE(cameo.ok());
  const auto rows = tsv_rows(r.out);
  BOOST_TEST(rows.size() == stats()["events"].get<std::size_t>());
  std::set<std::string> urls, ids;
  for (const auto& f : rows) {
    BOOST_REQUIRE_MESSAGE(f.size() == 61u, "fields: " << f.size());
    BOOST_TEST(all_of(f[0], is_digit));                          // GlobalEventID
    BOOST_TEST(ids.insert(f[0]).second);
    BOOST_TEST((f[1].size() == 8u && all_of(f[1], is_digit)));   // Day
    BOOST_TEST((f[2].size() == 6u && f[1].substr(0, 6) == f[2]));   // MonthYear
    BOOST_TEST(f[3] == f[1].substr(0, 4));                       // Year
    for (int actor : {5, 15})                                    // Actor1Code, Actor2Code
      BOOST_TEST(all_of(f[actor], is_upper), f[actor]);
    BOOST_TEST((f[25] == "0" || f[25] == "1"));                  // IsRootEvent
    const geokg::CameoCode* code = cameo->find(f[26]);           // EventCode
    BOOST_REQUIRE_MESSAGE(code != nullptr, f[26]);
    BOOST_TEST(f[27] == f[26].substr(0, 3));                     // EventBaseCode
    BOOST_TEST(f[28] == code->root);                             // EventRootCode
    BOOST_TEST(f[29] == std::to_string(code->quad_class));       // QuadClass
    BOOST_TEST(std::stod(f[30]) == code->goldstein);             // GoldsteinScale
    BOOST_TEST(std::stoi(f[31]) >= 1);                           // NumMentions
    BOOST_TEST(std::stoi(f[33]) >= 1);                           // NumArticles
    BOOST_TEST((f[59].size() == 14u && all_of(f[59], is_digit)));   // DATEADDED
    urls.insert(f[60]);                                          // SOURCEURL
  }
  BOOST_TEST((urls == std::set<std::string>{"https://example.org/a1", "https://example.org/a2"}));
  // The Blinken-Wang Yi meeting: CAMEO actor codes, two mentions, a place.
  bool met = false;
  for (const auto& f : rows) {
    if (f[6] != "Antony Blinken" || f[16] != "Wang Yi") continue;
    met = true;
    BOOST_TEST(f[7] == "USA");
    BOOST_TEST(f[17] == "CHN");
    BOOST_TEST(f[31] == "2");
    BOOST_TEST(f[32] == "2");
    BOOST_TEST(f[52] == "Beijing");   // ActionGeo_FullName
  }
  BOOST_TEST(met);

  auto m = run_cli(with_db("export --format gdelt-mentions"));
  BOOST_REQUIRE(m.exit_code == 0);
  const auto mentions = tsv_rows(m.out);
  BOOST_TEST(mentions.size() == 8u);   // one per report of the 7 events
  for (const auto& f : mentions) {
    BOOST_REQUIRE(f.size() == 16u);
    BOOST_TEST(ids.count(f[0]) == 1u);
    BOOST_TEST(f[3] == "1");   // MentionType WEB: the fixture's articles have URLs
    BOOST_TEST(f[4] == "example.org");
    BOOST_TEST(f[5].rfind("https://example.org/a", 0) == 0u);
    BOOST_TEST(all_of(f[9], is_digit));   // ActionCharOffset
  }
}

BOOST_AUTO_TEST_CASE(sqlite_file_loads_and_counts_equal_stats) {
  if (!have_program("sqlite3")) {
    BOOST_TEST_MESSAGE("skipped: sqlite3 not on PATH (Debian sqlite3)");
    return;
  }
  geokg::test::TempDir tmp;
  const auto file = tmp / "graph.sqlite";
  auto r = run_cli(with_db("export --format sqlite -o " + shell_quote(file)));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const auto s = stats();
  const auto out = tmp / "counts";
  const std::string sql =
      "select count(*) from events; select count(*) from actors; select count(*) from articles;"
      " select sum(mentions) from events; select count(*) from reports;"
      " select count(*) from sqlite_master where type = 'index';"
      " select count(*) from events e join actors a on a.id = e.source_id where a.name = 'Antony Blinken';"
      " select round(sum(goldstein), 1) from events where quad_class = 1;"
      " select url from articles where id = 'a2';";
  BOOST_REQUIRE(std::system(("sqlite3 " + shell_quote(file) + " \"" + sql + "\" >" + shell_quote(out)).c_str()) == 0);
  std::istringstream in(geokg::test::read_file(out));
  std::vector<std::string> v;
  for (std::string line; std::getline(in, line);) v.push_back(line);
  BOOST_REQUIRE(v.size() == 9u);
  BOOST_TEST(v[0] == s["events"].dump());
  BOOST_TEST(v[1] == s["nodes"].dump());
  BOOST_TEST(v[2] == s["articles"].dump());
  BOOST_TEST(v[3] == v[4]);                    // every report of the exported events is a row
  BOOST_TEST(std::stoi(v[5]) >= 10);
  BOOST_TEST(v[6] == "3");                     // Blinken as the source: accused, met x2 (not the negated threat)
  BOOST_TEST(v[7] == "12.9");                  // 1.9 + 8.0 + 0.0 + 1.0 x3
  BOOST_TEST(v[8] == "https://example.org/a2");
  // Written under a temporary name: nothing else is left beside it; stdout is refused.
  BOOST_TEST(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 2);
  BOOST_TEST(run_cli(with_db("export --format sqlite")).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(node_link_json_loads_in_every_networkx) {
  geokg::test::TempDir tmp;
  const auto file = tmp / "g.json";
  auto r = run_cli(with_db("export --format json -o " + shell_quote(file)));
  BOOST_REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(geokg::test::read_file(file));
  BOOST_TEST(j["edges"] == j["links"]);
  BOOST_TEST(j["edges"].size() == stats()["events"].get<std::size_t>());
  std::size_t tried = 0;
  // Debian's python3 has networkx 2.8; another python3 on PATH may have 3.x.
  for (const std::string interpreter : {"/usr/bin/python3", "python3"}) {
    int rc = 0;
    const std::string version = python(interpreter, "import networkx\nprint(networkx.__version__)\n", rc);
    if (rc != 0) continue;
    ++tried;
    const std::string out = python(interpreter,
                                   "import json, networkx as nx\n"
                                   "d = json.load(open('" + file.string() + "', encoding='utf-8'))\n"
                                   "g = nx.node_link_graph(d)\n"
                                   "e = [x for x in g.edges(data=True) if x[2]['relation'] == 'accused'][0][2]\n"
                                   "print(g.number_of_nodes(), g.number_of_edges(), e['goldstein'], e['quad_class'], e['urls'][0])\n",
                                   rc);
    BOOST_TEST(rc == 0, interpreter << " networkx " << version << out);
    BOOST_TEST(out == "11 7 -2.0 3 https://example.org/a1\n", interpreter << " networkx " << version);
  }
  if (tried == 0) BOOST_TEST_MESSAGE("skipped: no python3 with networkx");
}

BOOST_AUTO_TEST_CASE(one_number_for_events) {
  // Ingest, stats and exports count the same events; reports are named as such.
  geokg::test::TempDir tmp;
  const std::string path = (tmp / "db").string();
  auto ingest = run_cli("ingest --db " + shell_quote(path) + " " +
                        shell_quote(geokg::test::source_dir() + "/examples"));
  BOOST_REQUIRE_MESSAGE(ingest.exit_code == 0, ingest.err);
  auto st = run_cli("stats --json --db " + shell_quote(path));
  const auto s = nlohmann::json::parse(st.out);
  const std::string holds = "it holds " + s["events"].dump() + " events (and " + s["flagged_events"].dump() +
                            " negated or hypothetical)";
  BOOST_TEST(ingest.err.find(holds) != std::string::npos, ingest.err);
  BOOST_TEST(ingest.err.find(s["reports"].dump() + " reports of events") != std::string::npos, ingest.err);
  auto exported = run_cli("export --format json --db " + shell_quote(path));
  BOOST_TEST(exported.err.find(", " + s["events"].dump() + " events") != std::string::npos, exported.err);
  BOOST_TEST(nlohmann::json::parse(exported.out)["edges"].size() == s["events"].get<std::size_t>());
  auto text = run_cli("stats --db " + shell_quote(path));
  BOOST_TEST(text.out.find("events         " + s["events"].dump() + " (and ") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(file_exports_hold_the_whole_selection) {
  // 300 actors that each met the next: more than the old default cap of 300
  // nodes once the fixture is added, and pictures past the render limit.
  geokg::test::TempDir tmp;
  const std::string path = (tmp / "db").string();
  {
    auto store = geokg::test::fixture_store(path);
    geokg::Article a;
    a.id = "chain";
    a.date = geokg::Date::Day(2020, 1, 1);
    a.source = "Wire";
    geokg::Extraction x;
    for (int i = 0; i < 300; ++i)
      x.actors.push_back(geokg::test::actor("Envoy Number " + std::to_string(i), geokg::NodeKind::kPerson, "FRA"));
    for (int i = 0; i + 1 < 300; ++i)
      x.events.push_back(geokg::test::event(i, i + 1, "040", "met", geokg::Date::Day(2020, 1, 1),
                                            "Envoy " + std::to_string(i) + " met the next."));
    BOOST_REQUIRE(store->commit(a, x).ok());
  }
  const std::string on = " --db " + shell_quote(path);
  auto st = nlohmann::json::parse(run_cli("stats --json" + on).out);
  auto graphml = run_cli("export --format graphml" + on);
  BOOST_REQUIRE(graphml.exit_code == 0);
  std::size_t nodes = 0;
  for (std::size_t p = 0; (p = graphml.out.find("<node id=", p)) != std::string::npos; ++p) ++nodes;
  BOOST_TEST(nodes == st["nodes"].get<std::size_t>());
  BOOST_TEST(graphml.err.find("warning") == std::string::npos, graphml.err);

  // A picture of 300 nodes is refused before layout, saying what to narrow.
  auto render = run_cli("export --render svg -o " + shell_quote(tmp / "x.svg") + on);
  BOOST_TEST(render.exit_code == 1);
  BOOST_TEST(render.err.find("the picture would have 309 nodes") != std::string::npos, render.err);
  BOOST_TEST(render.err.find("--center NAME --depth 1") != std::string::npos, render.err);
  BOOST_TEST(!fs::exists(tmp / "x.svg"));
  if (have_program("dot")) {
    // Capped on request, it is drawn; one edge per pair of actors.
    auto capped = run_cli("export --render svg --max-nodes 40 -o " + shell_quote(tmp / "c.svg") + on);
    BOOST_TEST(capped.exit_code == 0, capped.err);
    BOOST_TEST(capped.err.find("(one per pair of actors)") != std::string::npos, capped.err);
  }
}

BOOST_AUTO_TEST_CASE(merged_pairs_in_dot) {
  // Blinken and Wang Yi: "met" (2 reports) and "told" the other way: one edge, both ways.
  auto r = run_cli(with_db("export --format dot --merge-pairs --center 'Wang Yi'"));
  BOOST_REQUIRE(r.exit_code == 0);
  std::size_t edges = 0;
  for (std::size_t p = 0; (p = r.out.find(" -> ", p)) != std::string::npos; ++p) ++edges;
  BOOST_TEST(edges == 1u, r.out);
  BOOST_TEST(r.out.find("dir=both") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("color=\"#2e7d32\"") != std::string::npos, r.out);   // verbal cooperation
  BOOST_TEST(r.out.find("URL=\"https://example.org/a1\"") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_SUITE_END()
