// geokg export: the graph, an ego network or a selection of events, as data
// files (DOT, GraphML, node-link JSON, Neo4j CSV, GDELT, SQLite) or rendered
// by Graphviz.

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common.hpp"
#include "output.hpp"
#include "query_flags.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/subgraph.hpp"

extern char** environ;

namespace geokg::cli {

namespace {

namespace q = geokg::query;

enum class Format { kDot, kGraphml, kJson, kCsv, kGdelt, kGdeltMentions, kSqlite };

std::optional<Format> format_from_string(const std::string& s) {
  if (s == "dot") return Format::kDot;
  if (s == "graphml") return Format::kGraphml;
  if (s == "json") return Format::kJson;
  if (s == "csv") return Format::kCsv;
  if (s == "gdelt") return Format::kGdelt;
  if (s == "gdelt-mentions") return Format::kGdeltMentions;
  if (s == "sqlite") return Format::kSqlite;
  return std::nullopt;
}

// A rendered picture larger than this is refused unless the caps are given:
// Graphviz's dot takes minutes past it and the picture no longer reads.
constexpr std::size_t kRenderMaxNodes = 200;
constexpr std::size_t kRenderMaxEdges = 400;   // drawn edges: pairs of actors
// What --render keeps when --max-nodes / --max-edges are given without a value of their own.
constexpr std::size_t kRenderDefaultNodes = 300;
constexpr std::size_t kRenderDefaultEdges = 1500;

struct ExportFlags {
  std::string db, format, center, output, render;
  int depth = 1;
  std::size_t max_nodes = 0;
  std::size_t max_edges = 0;
  CLI::Option* max_nodes_option = nullptr;   // given on the command line?
  CLI::Option* max_edges_option = nullptr;
  bool cluster = false;
  bool drop_isolated = false;
  bool keep_isolated = false;
  bool merge_pairs = false;
  FilterFlags filter;

  bool caps_given() const { return max_nodes_option->count() > 0 || max_edges_option->count() > 0; }
};

std::string with_commas(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return with_commas(n) + " " + (n == 1 ? one : many);
}

// The path of an executable found on $PATH, or "".
std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    if (dir.empty()) dir = ".";
    const std::string p = dir + "/" + name;
    if (::access(p.c_str(), X_OK) == 0) return p;
  }
  return {};
}

// Runs Graphviz without a shell (no quoting issues with file names), saying
// on stderr that it is still laying out when it takes long. Returns its exit
// code, or -1 when it could not run.
int run_dot(const std::string& dot, const std::string& type, const std::string& in, const std::string& out,
            const std::string& what) {
  std::vector<std::string> args{dot, "-T" + type, "-o", out, in};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return -1;
  const auto start = std::chrono::steady_clock::now();
  int next_note = 3;   // seconds
  while (true) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r < 0) return -1;
    if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
    if (secs >= next_note) {
      std::cerr << "geokg: Graphviz is laying out " << what << " (" << secs << " s)\n";
      next_note = next_note < 10 ? 10 : next_note + 20;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// The events asked for: an ego network, the whole graph, or a selection.
q::Subgraph read_graph(const GraphStore& store, const ExportFlags& f, const q::EventSelection& sel,
                       const std::string& db) {
  const bool whole = f.filter.from.empty() && f.filter.to.empty() && f.filter.relation.empty() &&
                     f.filter.quad.empty() && f.filter.sources.empty() && f.filter.min_sources <= 1 &&
                     !sel.tests_records();
  Result<q::Subgraph> g = Status::Internal("unset");
  if (!f.center.empty()) {
    const Node c = resolve_or_exit(store, f.center);
    q::EgoNetworkOptions o;
    o.depth = f.depth;
    o.filter = sel.filter;
    g = q::ego_network(store, c.id, o);
    if (g.ok()) {
      auto kept = q::keep_selected_edges(store, *g, sel);
      if (!kept.ok()) g = kept.status();
    }
  } else if (whole) {
    g = q::whole_subgraph(store, sel.filter);
  } else {
    g = q::selected_subgraph(store, sel, cameo_table());
  }
  if (!g.ok()) fail("reading the graph from '" + db + "'", g.status());
  return std::move(g).value();
}

// Explicit caps, or --render's defaults when only one of them is given.
void apply_caps(q::Subgraph& sub, const ExportFlags& f) {
  if (!f.caps_given()) return;
  const bool render = !f.render.empty();
  const std::size_t nodes = f.max_nodes_option->count() ? f.max_nodes : render ? kRenderDefaultNodes : 0;
  const std::size_t edges = f.max_edges_option->count() ? f.max_edges : render ? kRenderDefaultEdges : 0;
  const std::size_t before = sub.nodes.size(), before_edges = sub.edges.size();
  q::prune_subgraph(sub, nodes, edges);
  if (sub.pruned_nodes || sub.pruned_edges)
    std::cerr << "geokg: warning: the selection has " << with_commas(before) << " nodes and "
              << with_commas(before_edges) << " events; kept " << with_commas(sub.nodes.size())
              << " nodes (the most connected) and " << with_commas(sub.edges.size())
              << " events (the most reported among them), as --max-nodes / --max-edges ask\n";
}

// Refuses a picture Graphviz would take minutes over, with what to do instead.
void check_render_size(const q::Subgraph& sub, std::size_t drawn_edges, const ExportFlags& f) {
  if (f.caps_given() || (sub.nodes.size() <= kRenderMaxNodes && drawn_edges <= kRenderMaxEdges)) return;
  print_error("the picture would have " + plural(sub.nodes.size(), "node", "nodes") + " and " +
              plural(drawn_edges, "edge", "edges") + " (" + plural(sub.edges.size(), "event", "events") +
              "): Graphviz would take minutes to lay it out and it would not read (limit: " +
              std::to_string(kRenderMaxNodes) + " nodes, " + std::to_string(kRenderMaxEdges) +
              " edges). Narrow it:\n"
              "  --center NAME --depth 1      an actor's network\n"
              "  a shorter --from/--to        a window\n"
              "  --relation CODES, --quad 4   some event classes\n"
              "  --min-sources 2              events more than one publisher reported\n"
              "  --country CODE               one country's events\n"
              "  --max-nodes N                the N most connected nodes\n"
              "Without --render, --format graphml|json|csv|gdelt|sqlite exports a selection of any size.");
  exit_with(kExitUsage);
}

// Draws the subgraph with Graphviz into -o FILE (or export.svg / export.png).
void render(const q::Subgraph& sub, const ExportFlags& f, const std::string& dot_program,
            const std::string& dropped_note) {
  q::DotOptions o;
  o.cluster_by_country = f.cluster;
  o.cameo = cameo_table();
  o.merge_pairs = true;
  const std::size_t drawn = q::pair_edges(sub, nullptr).size();
  check_render_size(sub, drawn, f);
  // Graphviz reads the DOT from a temporary file and writes the picture
  // under a temporary name too, renamed into place only when it succeeded.
  const std::string target = f.output.empty() ? "export." + f.render : f.output;
  check_output_path(target);
  const std::string dot_file = temporary_path_for(target + ".dot");
  const std::string picture = temporary_path_for(target);
  {
    std::ofstream out(dot_file, std::ios::binary | std::ios::trunc);
    q::write_dot(out, sub, o);
    out.close();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(dot_file, ec);
      print_error("cannot write '" + dot_file + "' for Graphviz");
      exit_with(kExitError);
    }
  }
  const int rc = run_dot(dot_program, f.render, dot_file, picture,
                         plural(sub.nodes.size(), "node", "nodes") + " and " + plural(drawn, "edge", "edges"));
  std::error_code ec;
  std::filesystem::remove(dot_file, ec);
  if (rc != 0) {
    std::filesystem::remove(picture, ec);
    print_error("Graphviz 'dot' failed (exit " + std::to_string(rc) + ") rendering " + target);
    exit_with(kExitError);
  }
  sync_and_rename(picture, target);
  std::cerr << "geokg: exported " << plural(sub.nodes.size(), "node", "nodes") << ", "
            << plural(sub.edges.size(), "event", "events") << " drawn as " << plural(drawn, "edge", "edges")
            << " (one per pair of actors)" << dropped_note << "; Graphviz wrote " << target << "\n";
}

void write_sqlite_file(const q::Subgraph& sub, const ExportFlags& f) {
  if (f.output.empty()) usage_error("--format sqlite writes a database file: give -o FILE");
  check_output_path(f.output);
  const std::string temp = temporary_path_for(f.output);
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  if (Status s = q::write_sqlite(temp, sub, cameo_table()); !s.ok()) {
    std::filesystem::remove(temp, ec);
    fail("cannot write '" + f.output + "'", s);
  }
  sync_and_rename(temp, f.output);
}

void run_export(ExportFlags f) {
  if (f.format.empty()) f.format = "dot";
  const auto format = format_from_string(f.format);
  if (!format)
    usage_error("--format: expected dot, graphml, json, csv, gdelt, gdelt-mentions or sqlite, got '" + f.format + "'");
  if (!f.render.empty()) {
    if (*format != Format::kDot) usage_error("--render draws the DOT export; use it with --format dot");
  }
  std::string dot_program;
  if (!f.render.empty()) {
    dot_program = find_program("dot");
    if (dot_program.empty()) {
      print_error("--render needs Graphviz's 'dot' program, which is not on PATH; install it "
                  "(Debian/Ubuntu: apt-get install graphviz, or scripts/setup.sh), or export "
                  "with --format dot and render elsewhere");
      exit_with(kExitError);
    }
  }
  const q::EventSelection sel = make_selection(f.filter);
  const std::string db = resolve_db_path(f.db);
  auto store = open_for_reading(db);
  q::Subgraph sub = read_graph(*store, f, sel, db);
  apply_caps(sub, f);
  // A rendered picture leaves unconnected nodes out unless asked: Graphviz
  // stacks them in a column that can be most of the picture and says nothing
  // about relations. The data formats keep them (counts match `geokg stats`).
  const bool drop = f.drop_isolated || (!f.render.empty() && !f.keep_isolated);
  if (drop) q::drop_isolated(sub);
  // Appended to the summary line: how many nodes without events were left out.
  std::string dropped_note;
  if (sub.dropped_isolated) {
    dropped_note = "; left out " + std::to_string(sub.dropped_isolated) + " node" +
                   (sub.dropped_isolated == 1 ? "" : "s") + " without an exported event";
    if (!f.drop_isolated) dropped_note += " (--keep-isolated draws them)";
  }
  if (!f.render.empty()) return render(sub, f, dot_program, dropped_note);

  const CameoTable* cameo = cameo_table();
  const std::string to = f.output.empty() ? std::string() : " to " + f.output;
  std::string summary = plural(sub.nodes.size(), "node", "nodes") + ", " + plural(sub.edges.size(), "event", "events");
  if (*format == Format::kSqlite) {
    write_sqlite_file(sub, f);
    std::size_t reports = 0;
    for (const auto& e : sub.edges) reports += e.evidence.size();
    std::cerr << "geokg: exported " << plural(sub.nodes.size(), "actor", "actors") << ", "
              << plural(sub.edges.size(), "event", "events") << ", " << plural(reports, "report", "reports")
              << ", " << plural(sub.articles.size(), "article", "articles") << to << dropped_note << "\n";
    return;
  }
  if (*format == Format::kCsv && !f.output.empty()) {
    // FILE.csv or FILE -> FILE-nodes.csv and FILE-edges.csv, as neo4j-admin takes them.
    std::string base = f.output;
    if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0) base.resize(base.size() - 4);
    // Both files whole, or neither replaced.
    Output nodes(base + "-nodes.csv");
    Output edges(base + "-edges.csv");
    q::write_neo4j_nodes_csv(nodes.stream(), sub);
    q::write_neo4j_edges_csv(edges.stream(), sub, cameo);
    nodes.finish();
    edges.finish();
    nodes.commit();
    edges.commit();
    std::cerr << "geokg: exported " << summary << " to " << base << "-nodes.csv and " << base << "-edges.csv"
              << dropped_note << "\n";
    return;
  }
  Output out(f.output);
  switch (*format) {
    case Format::kDot: {
      q::DotOptions o;
      o.cluster_by_country = f.cluster;
      o.cameo = cameo;
      o.merge_pairs = f.merge_pairs;
      q::write_dot(out.stream(), sub, o);
      break;
    }
    case Format::kGraphml: q::write_graphml(out.stream(), sub, cameo); break;
    case Format::kJson: q::write_node_link_json(out.stream(), sub, cameo); break;
    case Format::kCsv:
      // stdout: the nodes file, a blank line, the edges file.
      q::write_neo4j_nodes_csv(out.stream(), sub);
      out.stream() << "\r\n";
      q::write_neo4j_edges_csv(out.stream(), sub, cameo);
      break;
    case Format::kGdelt:
      q::write_gdelt_events(out.stream(), sub, cameo);
      summary = plural(sub.edges.size(), "event", "events") + " (GDELT 2.0 event table, 61 columns)";
      break;
    case Format::kGdeltMentions: {
      q::write_gdelt_mentions(out.stream(), sub, cameo);
      std::size_t reports = 0;
      for (const auto& e : sub.edges) reports += e.evidence.size();
      summary = plural(reports, "report", "reports") + " of " + plural(sub.edges.size(), "event", "events") +
                " (GDELT 2.0 mentions table)";
      break;
    }
    case Format::kSqlite: break;
  }
  out.close();
  std::cerr << "geokg: exported " << summary << to << dropped_note << "\n";
}

}  // namespace

void register_export_command(CLI::App& app) {
  auto f = std::make_shared<ExportFlags>();
  auto* cmd = app.add_subcommand(
      "export",
      "Export the graph, an ego network or a selection of events: DOT, GraphML, JSON, CSV, GDELT, SQLite; "
      "render with Graphviz");
  add_db_option(cmd, f->db);
  cmd->add_option("--format", f->format,
                  "dot (default; shape by kind, colour by country, edges coloured by quad class)\n"
                  "| graphml | json (node-link, for networkx / d3 / cytoscape.js) | csv (neo4j-admin\n"
                  "import: nodes then edges) | gdelt (the GDELT 2.0 event table: 61 tab-separated\n"
                  "columns, one row per event) | gdelt-mentions (GDELT 2.0 mentions: one row per\n"
                  "report) | sqlite (a database file: actors, aliases, roles, events, reports,\n"
                  "articles; needs -o FILE)");
  cmd->add_option("--center", f->center, "Export the ego network of this actor");
  cmd->add_option("--depth", f->depth, "Hops around --center")->check(CLI::Range(1, 6))->capture_default_str();
  f->max_nodes_option = cmd->add_option(
      "--max-nodes", f->max_nodes,
      "Keep at most N nodes, the most connected, with a warning (default: all; 0 = all)");
  f->max_edges_option = cmd->add_option(
      "--max-edges", f->max_edges,
      "Keep at most N events, the most reported, with a warning (default: all; 0 = all)");
  cmd->add_flag("--cluster-by-country", f->cluster, "DOT: group nodes in one box per country");
  cmd->add_flag("--merge-pairs", f->merge_pairs,
                "DOT: one edge per pair of actors (width by events, colour by the dominant quad\n"
                "class, label with the top relations and dates), as --render draws");
  auto* drop = cmd->add_flag(
      "--drop-isolated", f->drop_isolated,
      "Leave out nodes without any exported event (after filters and caps; the\n"
      "center stays); the summary says how many. Default with --render");
  cmd->add_flag("--keep-isolated", f->keep_isolated,
                "With --render: draw nodes without events too (beside the picture)")
      ->excludes(drop);
  cmd->add_option("-o,--output", f->output,
                  "Write to FILE (csv: FILE-nodes.csv and FILE-edges.csv, a .csv suffix dropped)");
  cmd->add_option("--render", f->render,
                  "svg | png: run Graphviz dot on the DOT export (one edge per pair of actors) and\n"
                  "write -o FILE, else export.svg / export.png")
      ->check(CLI::IsMember({"svg", "png"}));
  add_filter_flags(cmd, f->filter, {.actors = true});
  cmd->footer(std::string(kNamesFooter) +
              "\nFiles hold the whole selection: without --center and filters every node (isolated\n"
              "ones too, so counts match `geokg stats`, unless --drop-isolated) and every event;\n"
              "with --from/--to/--relation/--quad/--source/--country/--sector only the selected\n"
              "events and the nodes they touch. --render refuses a picture of more than " +
              std::to_string(kRenderMaxNodes) + " nodes or\n" + std::to_string(kRenderMaxEdges) +
              " edges (Graphviz would take minutes) unless --max-nodes/--max-edges cap it, and\n"
              "leaves isolated nodes out unless --keep-isolated. Counts are printed on stderr.");
  cmd->callback([f] { run_export(*f); });
}

}  // namespace geokg::cli
