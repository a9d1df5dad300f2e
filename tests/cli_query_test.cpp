// The query commands end to end: golden files for every output format, exit
// codes, and the exports read back by their consumers (NetworkX for GraphML
// and node-link JSON, Graphviz for DOT, Python's csv and XML parsers).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "geokg/graph/store.hpp"
#include "query_fixture.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::run_cli;

namespace {

// One fixture database for the whole suite (the CLI opens it read-only).
using geokg::test::fixture_db_path;
using geokg::test::with_fixture_db;
std::string with_db(const std::string& args) { return with_fixture_db(args); }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

bool have_networkx() {
  return std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0;
}

// Runs a Python snippet with /usr/bin/python3 (the Debian one that has
// networkx); returns stdout.
std::string python(const std::string& code, int& rc) {
  geokg::test::TempDir tmp;
  geokg::test::write_file(tmp / "t.py", code);
  const auto out = tmp / "out";
  rc = std::system(("/usr/bin/python3 '" + (tmp / "t.py").string() + "' >'" + out.string() + "' 2>&1").c_str());
  return geokg::test::read_file(out);
}

// The fixture plus an article whose actor names and relation are long enough
// to reach the edges of a timeline picture, and events far apart in time.
struct LongNamesDb {
  geokg::test::TempDir dir;
  std::string path = dir.str() + "/db";
  LongNamesDb() {
    auto store = geokg::test::fixture_store(path);
    geokg::Article a;
    a.id = "a3";
    a.title = "Long names";
    a.date = geokg::Date::Day(2024, 12, 30);
    a.source = "Wire";
    geokg::Extraction x;
    using geokg::NodeKind;
    using geokg::test::actor;
    using geokg::test::event;
    x.actors.push_back(actor("Antony Blinken", NodeKind::kPerson, "USA", {"Blinken"}));
    x.actors.push_back(actor("Organisation for Security and Co-operation in Europe Parliamentary "
                             "Assembly Standing Committee",
                             NodeKind::kOrganization, ""));
    x.events.push_back(event(0, 1, "0311", "expressed intent to engage in material cooperation with",
                             geokg::Date::Day(2024, 12, 30), "Blinken pledged to work with the OSCE PA."));
    x.events.push_back(event(1, 0, "042", "welcomed the visit of", geokg::Date::Day(2019, 1, 2),
                             "The OSCE PA welcomed Blinken."));
    BOOST_REQUIRE(store->commit(a, x).ok());
  }
};

// Checks that every <text> of an SVG stays inside its viewBox, with widths
// estimated from DejaVu Sans advances by class of character, rounded up (the
// font Linux viewers substitute for Helvetica; bold 10% wider), ascent 0.8 em
// and descent 0.25 em, the text anchor and rotate() transforms applied.
// Returns "ok N" (N texts checked) or the offending texts with their corners.
std::string svg_text_outside_viewbox(const fs::path& svg) {
  int rc = 0;
  const std::string out = python(
      "import math, re, xml.etree.ElementTree as ET\n"
      "ns = '{http://www.w3.org/2000/svg}'\n"
      "root = ET.parse('" + svg.string() + "').getroot()\n"
      "vx, vy, vw, vh = (float(v) for v in root.get('viewBox').split())\n"
      "base = float(root.get('font-size', '16'))\n"
      "bad = []\n"
      "def em(c):\n"
      "    o = ord(c)\n"
      "    if o >= 0x800: return 1.0\n"
      "    if o >= 0x80: return 0.75\n"
      "    if c in \" .,:;'!|ijlIJ\": return 0.33\n"
      "    if c in 'frt()[]-/\"': return 0.42\n"
      "    if c in 'mwMW@%': return 1.0\n"
      "    return 0.79 if 'A' <= c <= 'Z' else 0.65\n"
      "texts = root.findall('.//' + ns + 'text')\n"
      "for t in texts:\n"
      "    s = ''.join(t.itertext())\n"
      "    fs = float(t.get('font-size', base))\n"
      "    w = sum(em(c) for c in s) * fs * (1.1 if t.get('font-weight') == 'bold' else 1.0)\n"
      "    x, y = float(t.get('x')), float(t.get('y'))\n"
      "    anchor = t.get('text-anchor', 'start')\n"
      "    x0 = x - w if anchor == 'end' else x - w / 2 if anchor == 'middle' else x\n"
      "    pts = [(x0, y - 0.8 * fs), (x0 + w, y - 0.8 * fs), (x0, y + 0.25 * fs), (x0 + w, y + 0.25 * fs)]\n"
      "    m = re.match(r'rotate\\(([-0-9.]+)[ ,]+([-0-9.]+)[ ,]+([-0-9.]+)\\)', t.get('transform', ''))\n"
      "    if m:\n"
      "        a, cx, cy = (float(v) for v in m.groups())\n"
      "        c, sn = math.cos(math.radians(a)), math.sin(math.radians(a))\n"
      "        pts = [(cx + (px - cx) * c - (py - cy) * sn, cy + (px - cx) * sn + (py - cy) * c) for px, py in pts]\n"
      "    if any(px < vx or px > vx + vw or py < vy or py > vy + vh for px, py in pts):\n"
      "        bad.append((s, [(round(px), round(py)) for px, py in pts]))\n"
      "print('ok %d' % len(texts) if not bad else bad)\n",
      rc);
  return rc == 0 ? out : "python failed: " + out;
}

std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string lx, ly;
  for (int line = 1;; ++line) {
    const bool gx = static_cast<bool>(std::getline(x, lx));
    const bool gy = static_cast<bool>(std::getline(y, ly));
    if (!gx && !gy) return "(no difference)";
    if (!gx || !gy || lx != ly)
      return "line " + std::to_string(line) + ":\n  expected: " + (gx ? lx : "<end>") +
             "\n  actual:   " + (gy ? ly : "<end>");
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_query)

BOOST_AUTO_TEST_CASE(golden_files) {
  const fs::path root = fs::path(geokg::test::source_dir()) / "tests" / "golden";
  const bool update = std::getenv("GEOKG_UPDATE_GOLDEN") && std::string(std::getenv("GEOKG_UPDATE_GOLDEN")) == "1";
  std::size_t cases = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!fs::exists(entry.path() / "args")) continue;
    ++cases;
    const std::string name = entry.path().filename().string();
    std::string args = geokg::test::read_file(entry.path() / "args");
    while (!args.empty() && (args.back() == '\n' || args.back() == '\r')) args.pop_back();
    const auto r = run_cli(with_db(args));
    std::string actual = r.out;
    if (!r.err.empty()) actual += "--- stderr ---\n" + r.err;
    actual += "--- exit " + std::to_string(r.exit_code) + " ---\n";
    const fs::path expected_file = entry.path() / "expected";
    if (update) {
      geokg::test::write_file(expected_file, actual);
      BOOST_TEST_MESSAGE("golden " << name << ": rewrote expected");
      continue;
    }
    BOOST_REQUIRE_MESSAGE(fs::exists(expected_file),
                          "golden " << name << ": no expected file; run with GEOKG_UPDATE_GOLDEN=1");
    const std::string expected = geokg::test::read_file(expected_file);
    BOOST_CHECK_MESSAGE(expected == actual, "golden " << name << " differs at "
                                                      << first_difference(expected, actual)
                                                      << "\n(GEOKG_UPDATE_GOLDEN=1 rewrites, then review the diff)");
  }
  BOOST_TEST(cases >= 20u);
}

BOOST_AUTO_TEST_CASE(exit_codes) {
  BOOST_TEST(run_cli(with_db("actor Blinken")).exit_code == 0);
  auto unknown = run_cli(with_db("actor Blinkin"));
  BOOST_TEST(unknown.exit_code == 3);
  BOOST_TEST(unknown.err.find("did you mean: 'Antony Blinken'") != std::string::npos, unknown.err);
  auto amb = run_cli(with_db("timeline Wang"));
  BOOST_TEST(amb.exit_code == 3);
  BOOST_TEST(amb.err.find("Wang Xiaohong  (person, CHN") != std::string::npos, amb.err);
  BOOST_TEST(run_cli(with_db("path Shoigu Blinken --max-depth 2")).exit_code == 3);
  BOOST_TEST(run_cli(with_db("neighbors Blinken --relation 4x")).exit_code == 1);
  BOOST_TEST(run_cli(with_db("timeline --from 2024-13-01")).exit_code == 1);
  BOOST_TEST(run_cli(with_db("timeline --format pdf")).exit_code == 1);
  BOOST_TEST(run_cli(with_db("export --format graphml --render svg")).exit_code == 1);
  auto help = run_cli("timeline --help");
  BOOST_TEST(help.exit_code == 0);
  BOOST_TEST(help.out.find("--min-sources") != std::string::npos);
  BOOST_TEST(run_cli("actors --db /nonexistent/geokg.db").exit_code == 2);
}

BOOST_AUTO_TEST_CASE(month_to_date_includes_the_whole_month) {
  // --to 2023-02 keeps the month-precise visit and --from 2024-04 the April events.
  auto r = run_cli(with_db("timeline --format json --to 2023-02"));
  BOOST_REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(j.size() == 1u);
  BOOST_TEST(j[0]["relation"] == "visited");
  BOOST_TEST(j[0]["date_precision"] == "month");
}

BOOST_AUTO_TEST_CASE(json_outputs_parse_and_link_up) {
  geokg::test::TempDir tmp;
  auto r = run_cli(with_db("export --format json -o " + quoted((tmp / "g.json").string())));
  BOOST_REQUIRE(r.exit_code == 0);
  auto g = nlohmann::json::parse(geokg::test::read_file(tmp / "g.json"));
  std::set<std::string> ids;
  for (const auto& n : g["nodes"]) ids.insert(n["id"].get<std::string>());
  BOOST_TEST(ids.size() == g["nodes"].size());
  BOOST_TEST(g["links"].size() == 7u);
  for (const auto& l : g["links"]) {
    BOOST_TEST(ids.count(l["source"].get<std::string>()) == 1u);
    BOOST_TEST(ids.count(l["target"].get<std::string>()) == 1u);
  }
  bool tricky = false;
  for (const auto& n : g["nodes"]) tricky = tricky || n["name"] == geokg::test::kTrickyOrg;
  BOOST_TEST(tricky);   // quotes, <, & and braces survive a JSON round trip
  for (const char* args : {"actors --json", "actor Blinken --json", "neighbors Blinken --json",
                           "path Shoigu Blinken --json", "timeline --format json"}) {
    auto out = run_cli(with_db(args));
    BOOST_TEST(out.exit_code == 0, args);
    BOOST_CHECK_NO_THROW(nlohmann::json::parse(out.out));
  }
}

BOOST_AUTO_TEST_CASE(csv_exports_parse) {
  geokg::test::TempDir tmp;
  auto r = run_cli(with_db("export --format csv -o " + quoted((tmp / "graph.csv").string())));
  BOOST_REQUIRE(r.exit_code == 0);
  BOOST_REQUIRE(fs::exists(tmp / "graph-nodes.csv"));
  BOOST_REQUIRE(fs::exists(tmp / "graph-edges.csv"));
  auto t = run_cli(with_db("timeline --format csv -o " + quoted((tmp / "t.csv").string())));
  BOOST_REQUIRE(t.exit_code == 0);
  int rc = 0;
  const std::string out = python(
      "import csv\n"
      "def rows(p):\n"
      "    with open(p, newline='', encoding='utf-8') as f:\n"
      "        return list(csv.reader(f))\n"
      "n = rows('" + (tmp / "graph-nodes.csv").string() + "')\n"
      "e = rows('" + (tmp / "graph-edges.csv").string() + "')\n"
      "t = rows('" + (tmp / "t.csv").string() + "')\n"
      "assert n[0] == ['id:ID','name','kind','country','mentions:int',':LABEL'], n[0]\n"
      "assert e[0][:6] == [':START_ID',':END_ID',':TYPE','cameo','date','mentions:int'], e[0]\n"
      "assert all(len(r) == len(n[0]) for r in n), 'ragged nodes'\n"
      "assert all(len(r) == len(e[0]) for r in e), 'ragged edges'\n"
      "assert all(len(r) == len(t[0]) for r in t), 'ragged timeline'\n"
      "ids = {r[0] for r in n[1:]}\n"
      "assert all(r[0] in ids and r[1] in ids for r in e[1:]), 'dangling edge'\n"
      "names = {r[1] for r in n[1:]}\n"
      "assert " + std::string("'O\\'Brien\\\\ Front North'") + " in names, names\n"
      "t_names = {r[2] for r in t[1:]} | {r[5] for r in t[1:]}\n"
      "assert " + std::string("'O\\'Brien\\\\ Front\\nNorth'") + " in t_names, t_names\n"
      "print(len(n) - 1, len(e) - 1, len(t) - 1)\n",
      rc);
  BOOST_TEST(rc == 0, out);
  BOOST_TEST(out == "11 7 7\n", out);
}

BOOST_AUTO_TEST_CASE(graphml_loads_in_networkx_with_the_same_counts) {
  if (!have_networkx()) {
    BOOST_TEST_MESSAGE("skipped: /usr/bin/python3 cannot import networkx (Debian python3-networkx)");
    return;
  }
  geokg::test::TempDir tmp;
  auto r = run_cli(with_db("export --format graphml -o " + quoted((tmp / "g.graphml").string())));
  BOOST_REQUIRE(r.exit_code == 0);
  auto stats = run_cli(with_db("stats --json"));
  BOOST_REQUIRE(stats.exit_code == 0);
  auto s = nlohmann::json::parse(stats.out);
  const long nodes = s["nodes"].get<long>();
  const long events = s["events"].get<long>();   // negated and hypothetical ones are counted apart
  int rc = 0;
  const std::string out = python(
      "import networkx as nx\n"
      "g = nx.read_graphml('" + (tmp / "g.graphml").string() + "')\n"
      "names = set(nx.get_node_attributes(g, 'name').values())\n"
      "assert 'Acme & <Sons> \"Ltd\" {x}' in names, names\n"
      "assert 'Владимир Путин' in names, names\n"
      "print(g.number_of_nodes(), g.number_of_edges())\n",
      rc);
  BOOST_TEST(rc == 0, out);
  BOOST_TEST(out == std::to_string(nodes) + " " + std::to_string(events) + "\n", out);

  // The node-link JSON loads too.
  auto j = run_cli(with_db("export --format json --center Blinken --depth 2 -o " +
                           quoted((tmp / "g.json").string())));
  BOOST_REQUIRE(j.exit_code == 0);
  const std::string out2 = python(
      "import json, networkx as nx\n"
      "d = json.load(open('" + (tmp / "g.json").string() + "', encoding='utf-8'))\n"
      "g = nx.node_link_graph(d)\n"
      "print(g.number_of_nodes(), g.number_of_edges())\n",
      rc);
  BOOST_TEST(rc == 0, out2);
  BOOST_TEST(out2 == "5 5\n", out2);
}

BOOST_AUTO_TEST_CASE(dot_renders_with_graphviz) {
  if (!have_program("dot")) {
    BOOST_TEST_MESSAGE("skipped: Graphviz 'dot' not on PATH");
    return;
  }
  geokg::test::TempDir tmp;
  const auto svg = tmp / "whole.svg";
  auto r = run_cli(with_db("export --render svg --cluster-by-country -o " + quoted(svg.string())));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string text = geokg::test::read_file(svg);
  BOOST_TEST(text.find("<svg") != std::string::npos);
  // The tricky names reach the picture intact (XML-escaped by Graphviz).
  BOOST_TEST(text.find("Acme &amp; &lt;Sons&gt; &quot;Ltd&quot; {x}") != std::string::npos);
  BOOST_TEST(text.find("O&#39;Brien\\ Front North") != std::string::npos);
  BOOST_TEST(text.find("Владимир Путин") != std::string::npos);
  auto png = run_cli(with_db("export --render png --center Blinken -o " + quoted((tmp / "e.png").string())));
  BOOST_REQUIRE(png.exit_code == 0);
  BOOST_TEST(geokg::test::read_file(tmp / "e.png").substr(1, 3) == "PNG");
}

BOOST_AUTO_TEST_CASE(timeline_svg_is_well_formed_xml) {
  geokg::test::TempDir tmp;
  for (const char* args : {"timeline Blinken --format svg", "timeline --format svg --include-flagged",
                           "timeline --format svg --lanes actor"}) {
    const auto file = tmp / "t.svg";
    auto r = run_cli(with_db(std::string(args) + " -o " + quoted(file.string())));
    BOOST_REQUIRE(r.exit_code == 0);
    int rc = 0;
    const std::string out = python(
        "import xml.etree.ElementTree as ET\n"
        "root = ET.parse('" + file.string() + "').getroot()\n"
        "ns = '{http://www.w3.org/2000/svg}'\n"
        "print(root.tag == ns + 'svg', len(root.findall('.//' + ns + 'circle')) > 0)\n",
        rc);
    BOOST_TEST(rc == 0, out);
    BOOST_TEST(out == "True True\n", args << ": " << out);
  }
}

BOOST_AUTO_TEST_CASE(timeline_svg_text_stays_inside_the_picture) {
  // (Trend pictures too.) Axis labels at both ends, lane names at the left, event labels near the
  // right edge, a long title: on the fixture, on long names, at the narrowest
  // width, and on a real timeline (the example article ingested).
  geokg::test::TempDir tmp;
  const std::string real_db = (tmp / "real.db").string();
  const std::string example = geokg::test::source_dir() + "/examples/blinken-beijing-2024-04-26.txt";
  auto ingest = run_cli("ingest --db " + quoted(real_db) + " " + quoted(example));
  BOOST_REQUIRE_MESSAGE(ingest.exit_code == 0, ingest.err);
  const LongNamesDb long_db;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {fixture_db_path(), "timeline Blinken"},
      {fixture_db_path(), "timeline --include-flagged"},
      {fixture_db_path(), "timeline --lanes actor --width 600"},
      {long_db.path, "timeline Blinken"},
      {long_db.path, "timeline Blinken 'Organisation for Security and Co-operation in Europe "
                     "Parliamentary Assembly Standing Committee' --width 600"},
      {long_db.path, "timeline --lanes actor --width 600"},
      {real_db, "timeline 'Antony Blinken'"},
      {real_db, "timeline 'Antony Blinken' --width 600"},
      {real_db, "timeline"},
      {fixture_db_path(), "trend"},
      {fixture_db_path(), "trend --group root --normalize"},
      {fixture_db_path(), "trend Blinken --by day --width 600"},
      {fixture_db_path(), "trend --from 2030 --to 2030"},
      {real_db, "trend --by day --group root"},
  };
  for (const auto& [path, args] : cases) {
    const auto file = tmp / "t.svg";
    auto r = run_cli(args + " --format svg -o " + quoted(file.string()) + " --db " + quoted(path));
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, args << ": " << r.err);
    const std::string verdict = svg_text_outside_viewbox(file);
    BOOST_TEST(verdict.rfind("ok ", 0) == 0u, args << ": " << verdict);
  }
  BOOST_TEST(run_cli(with_db("timeline --format svg --width 300")).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(export_drop_isolated_in_every_format) {
  // The fixture's Beijing (only an event's place) and United States take part
  // in no event: --drop-isolated leaves them out of every format and says so.
  geokg::test::TempDir tmp;
  auto all = run_cli(with_db("export --format json"));
  BOOST_REQUIRE(all.exit_code == 0);
  const auto whole = nlohmann::json::parse(all.out);
  BOOST_TEST(whole["nodes"].size() == 11u);
  BOOST_TEST(all.err.find("left out") == std::string::npos, all.err);

  auto r = run_cli(with_db("export --format json --drop-isolated"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.err.find("exported 9 nodes, 7 events; left out 2 nodes without an exported event\n") !=
                 std::string::npos, r.err);
  const auto g = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(g["nodes"].size() == 9u);
  BOOST_TEST(g["links"].size() == 7u);
  std::set<std::string> linked;
  for (const auto& l : g["links"]) {
    linked.insert(l["source"].get<std::string>());
    linked.insert(l["target"].get<std::string>());
  }
  for (const auto& n : g["nodes"]) {
    BOOST_TEST(linked.count(n["id"].get<std::string>()) == 1u, n["name"]);
    BOOST_TEST(n["name"] != "Beijing");
    BOOST_TEST(n["degree"].get<int>() > 0);
  }

  auto dot = run_cli(with_db("export --format dot --drop-isolated"));
  BOOST_REQUIRE(dot.exit_code == 0);
  BOOST_TEST(dot.out.find("label=\"Beijing\"") == std::string::npos);
  BOOST_TEST(dot.out.find("label=\"United States\"") == std::string::npos);
  BOOST_TEST(dot.out.find("label=\"Wang Xiaohong\"") != std::string::npos);

  auto graphml = run_cli(with_db("export --format graphml --drop-isolated"));
  BOOST_REQUIRE(graphml.exit_code == 0);
  std::size_t nodes = 0;
  for (std::size_t p = 0; (p = graphml.out.find("<node id=", p)) != std::string::npos; ++p) ++nodes;
  BOOST_TEST(nodes == 9u);
  BOOST_TEST(graphml.out.find(">Beijing<") == std::string::npos);

  auto csv = run_cli(with_db("export --format csv --drop-isolated -o " + quoted((tmp / "g.csv").string())));
  BOOST_REQUIRE(csv.exit_code == 0);
  BOOST_TEST(csv.err.find("left out 2 nodes") != std::string::npos, csv.err);
  const std::string node_rows = geokg::test::read_file(tmp / "g-nodes.csv");
  BOOST_TEST(std::count(node_rows.begin(), node_rows.end(), '\n') == 10);   // header + 9
  BOOST_TEST(node_rows.find("Beijing") == std::string::npos);

  // Caps can leave nodes without events: the most reported event alone keeps
  // Blinken and Wang Yi; the center stays although its event went.
  auto ego = run_cli(with_db("export --format json --center 'Wang Xiaohong' --depth 2 --max-edges 1 "
                             "--drop-isolated"));
  BOOST_REQUIRE(ego.exit_code == 0);
  const auto e = nlohmann::json::parse(ego.out);
  std::set<std::string> names;
  for (const auto& n : e["nodes"]) names.insert(n["name"].get<std::string>());
  BOOST_TEST((names == std::set<std::string>{"Wang Xiaohong", "Antony Blinken", "Wang Yi"}));
  BOOST_TEST(ego.err.find("left out 1 node without an exported event") != std::string::npos, ego.err);

  BOOST_TEST(run_cli(with_db("export --drop-isolated --keep-isolated")).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(render_leaves_isolated_nodes_out_unless_kept) {
  if (!have_program("dot")) {
    BOOST_TEST_MESSAGE("skipped: Graphviz 'dot' not on PATH");
    return;
  }
  geokg::test::TempDir tmp;
  auto count_nodes = [](const std::string& svg) {
    std::size_t n = 0;
    for (std::size_t p = 0; (p = svg.find("class=\"node\"", p)) != std::string::npos; ++p) ++n;
    return n;
  };
  const auto drawn = tmp / "drawn.svg", kept = tmp / "kept.svg";
  auto r = run_cli(with_db("export --render svg -o " + quoted(drawn.string())));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.err.find("left out 2 nodes without an exported event (--keep-isolated draws them)") !=
                 std::string::npos, r.err);
  BOOST_TEST(count_nodes(geokg::test::read_file(drawn)) == 9u);
  auto k = run_cli(with_db("export --render svg --keep-isolated -o " + quoted(kept.string())));
  BOOST_REQUIRE_MESSAGE(k.exit_code == 0, k.err);
  BOOST_TEST(k.err.find("left out") == std::string::npos, k.err);
  BOOST_TEST(count_nodes(geokg::test::read_file(kept)) == 11u);
}

BOOST_AUTO_TEST_SUITE_END()
