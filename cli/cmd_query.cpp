// geokg actors / actor / neighbors / path / timeline / export: the analyst's
// questions. Thin: parse flags, resolve names, call geokg::query, pick a
// writer; all logic lives in query/.

#include <algorithm>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common.hpp"
#include "output.hpp"
#include "geokg/core/cameo.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/profile.hpp"
#include "geokg/query/rank.hpp"
#include "geokg/query/resolve.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/timeline.hpp"

extern char** environ;

namespace geokg::cli {

namespace {

namespace q = geokg::query;

// Flags shared by the commands that select events.
struct FilterFlags {
  std::string relation;
  std::string from;
  std::string to;
  bool include_flagged = false;
  std::size_t min_sources = 1;
};

void add_filter_flags(CLI::App* cmd, FilterFlags& f, bool flagged_option) {
  cmd->add_option("--relation", f.relation,
                  "CAMEO codes or root classes, comma-separated, matched as prefixes:\n"
                  "\"04\" = every consult code, \"04,11\", \"057\" = signed agreement");
  cmd->add_option("--from", f.from, "Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--to", f.to,
                  "Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD; a month or\n"
                  "year includes all of it)");
  // timeline declares its own --min-sources (it also applies it to pairs).
  if (cmd->get_option_no_throw("--min-sources") == nullptr)
    cmd->add_option("--min-sources", f.min_sources,
                    "Only events reported by at least N distinct publishers (default 1)");
  if (flagged_option)
    cmd->add_flag("--include-flagged", f.include_flagged,
                  "Also show negated and hypothetical events (\"did not meet\", \"would "
                  "impose\"),\nwhich are left out by default");
}

[[noreturn]] void usage_error(const std::string& message) {
  print_error(message);
  exit_with(kExitUsage);
}

EdgeFilter make_filter(const FilterFlags& f) {
  EdgeFilter filter;
  filter.include_flagged = f.include_flagged;
  filter.min_sources = std::max<std::size_t>(f.min_sources, 1);
  if (!f.from.empty()) {
    auto d = Date::Parse(f.from);
    if (!d) usage_error("--from: expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + f.from + "'");
    filter.from = *d;
  }
  if (!f.to.empty()) {
    auto d = Date::Parse(f.to);
    if (!d) usage_error("--to: expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + f.to + "'");
    // "--to 2024-04" means through the end of April.
    if (d->precision == DatePrecision::kMonth) *d = Date::Day(d->year, d->month, days_in_month(d->year, d->month));
    else if (d->precision == DatePrecision::kYear) *d = Date::Day(d->year, 12, 31);
    filter.to = *d;
  }
  if (filter.from.known() && filter.to.known() && filter.to < filter.from)
    usage_error("--from " + f.from + " is after --to " + f.to);
  std::stringstream ss(f.relation);
  std::string code;
  while (std::getline(ss, code, ',')) {
    const auto b = code.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    code = code.substr(b, code.find_last_not_of(" \t") - b + 1);
    bool digits = !code.empty() && code.size() <= 4;
    for (char c : code) digits = digits && c >= '0' && c <= '9';
    if (!digits)
      usage_error("--relation: '" + code + "' is not a CAMEO code or prefix (1-4 digits, e.g. 04 or 057)");
    filter.cameo.push_back(code);
  }
  return filter;
}

// The CAMEO table for labels; queries still work (with codes only) without it.
std::optional<CameoTable> load_cameo() {
  const std::string dir = default_data_dir();
  if (dir.empty()) {
    print_error("warning: data directory not found (set GEOKG_DATA_DIR); CAMEO labels omitted");
    return std::nullopt;
  }
  auto t = CameoTable::Load(dir + "/cameo-codes.tsv");
  if (!t.ok()) {
    print_error("warning: " + t.status().message() + "; CAMEO labels omitted");
    return std::nullopt;
  }
  return std::move(t).value();
}

[[noreturn]] void fail(const std::string& what, const Status& s) {
  print_error(what + ": " + s.message());
  exit_with(kExitError);
}

Node resolve_or_exit(const GraphStore& store, const std::string& name) {
  auto r = q::resolve_name(store, name);
  if (!r.ok()) fail("looking up '" + name + "'", r.status());
  if (!r->found()) {
    print_error(q::describe_unresolved(name, *r));
    exit_with(kExitNotFound);
  }
  return r->node;
}

// ---- actors -------------------------------------------------------------------

struct ActorsFlags {
  std::string db, kind, country, sector, sort = "mentions";
  std::size_t limit = 25;
  bool json = false;
  FilterFlags filter;
};

void run_actors(const ActorsFlags& f) {
  q::RankOptions o;
  auto by = q::rank_by_from_string(f.sort);
  if (!by) usage_error("--sort: expected mentions, degree, centrality or pagerank, got '" + f.sort + "'");
  o.by = *by;
  if (!f.kind.empty()) {
    auto k = node_kind_from_string(f.kind);
    if (!k) usage_error("--kind: expected person, organization, country, location, group or artifact");
    o.kind = *k;
  }
  for (char c : f.country) o.country += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (char c : f.sector) o.sector += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!o.sector.empty() && o.sector.size() != 3)
    usage_error("--sector: expected a three-letter CAMEO sector code (GOV, MIL, JUD, REB ...), got '" + f.sector + "'");
  o.limit = f.limit;
  o.filter = make_filter(f.filter);
  const std::string db = resolve_db_path(f.db);
  auto store = open_for_reading(db);
  auto r = q::rank_actors(*store, o);
  if (!r.ok()) fail("ranking actors in '" + db + "'", r.status());
  if (f.json) std::cout << q::json_text(q::actors_json(*r));
  else q::write_actors_table(std::cout, *r, o.by);
}

// ---- actor --------------------------------------------------------------------

struct ActorFlags {
  std::string db, name, at;
  std::size_t top = 10;
  bool json = false;
  FilterFlags filter;
};

void run_actor(const ActorFlags& f) {
  const EdgeFilter filter = make_filter(f.filter);
  auto store = open_for_reading(resolve_db_path(f.db));
  const Node node = resolve_or_exit(*store, f.name);
  auto cameo = load_cameo();
  const CameoTable empty_table;
  q::ProfileOptions o;
  o.filter = filter;
  o.top_counterparts = f.top;
  auto p = q::actor_profile(*store, node.id, cameo ? *cameo : empty_table, o);
  if (!p.ok()) fail("reading the profile of '" + node.name + "'", p.status());
  if (!f.at.empty()) {
    auto at = Date::Parse(f.at);
    if (!at) usage_error("--at: expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + f.at + "'");
    q::profile_at(*p, *at);
  }
  if (f.json) std::cout << q::json_text(q::profile_json(*p));
  else q::write_profile_text(std::cout, *p);
}

// ---- neighbors ----------------------------------------------------------------

struct NeighborsFlags {
  std::string db, name;
  int depth = 1;
  std::size_t limit = 50;
  bool json = false;
  FilterFlags filter;
};

void run_neighbors(const NeighborsFlags& f) {
  if (f.depth < 1 || f.depth > 6) usage_error("--depth: expected 1 to 6");
  q::NeighborOptions o;
  o.depth = f.depth;
  o.limit = f.limit;
  o.link_details = f.json;   // JSON prints every link's mentions and relation labels
  o.filter = make_filter(f.filter);
  auto store = open_for_reading(resolve_db_path(f.db));
  const Node node = resolve_or_exit(*store, f.name);
  auto n = q::neighbors(*store, node.id, o);
  if (!n.ok()) fail("reading the neighbourhood of '" + node.name + "'", n.status());
  if (f.json) std::cout << q::json_text(q::neighborhood_json(*n));
  else q::write_neighbors_text(std::cout, *n);
}

// ---- path -----------------------------------------------------------------------

struct PathFlags {
  std::string db, a, b;
  int max_depth = 4;
  bool json = false;
  FilterFlags filter;
};

void run_path(const PathFlags& f) {
  if (f.max_depth < 1 || f.max_depth > 12) usage_error("--max-depth: expected 1 to 12");
  q::PathOptions o;
  o.max_depth = f.max_depth;
  o.filter = make_filter(f.filter);
  auto store = open_for_reading(resolve_db_path(f.db));
  const Node a = resolve_or_exit(*store, f.a);
  const Node b = resolve_or_exit(*store, f.b);
  auto p = q::find_path(*store, a.id, b.id, o);
  if (!p.ok()) fail("searching a path", p.status());
  if (f.json) std::cout << q::json_text(q::path_json(*p, f.max_depth));
  else q::write_path_text(std::cout, *p, f.max_depth);
  if (!p->found) {
    if (f.json) print_error("no path within " + std::to_string(f.max_depth) + " hops");
    exit_with(kExitNotFound);
  }
}

// ---- timeline -------------------------------------------------------------------

struct TimelineFlags {
  std::string db, format = "table", output, lanes = "auto";
  std::vector<std::string> names;
  std::size_t min_sources = 1, limit = 0;
  int width = 1200;
  FilterFlags filter;
};

void run_timeline(const TimelineFlags& f) {
  auto format = q::timeline_format_from_string(f.format);
  if (!format) usage_error("--format: expected table, json, csv, md or svg, got '" + f.format + "'");
  q::SvgOptions svg;
  if (f.lanes == "actor") svg.lanes = q::SvgOptions::Lanes::kActor;
  else if (f.lanes == "relation") svg.lanes = q::SvgOptions::Lanes::kRelation;
  else if (f.lanes != "auto") usage_error("--lanes: expected auto, actor or relation");
  if (f.width < 600 || f.width > 20000) usage_error("--width: expected 600 to 20000 pixels");
  svg.width = f.width;
  q::TimelineQuery query;
  query.filter = make_filter(f.filter);
  query.min_sources = f.min_sources;
  query.limit = f.limit;
  auto store = open_for_reading(resolve_db_path(f.db));
  for (const auto& name : f.names) query.actors.push_back(resolve_or_exit(*store, name).id);
  auto t = q::build_timeline(*store, query);
  if (!t.ok()) fail("reading the timeline", t.status());
  std::optional<CameoTable> cameo;
  if (*format == q::TimelineFormat::kJson || *format == q::TimelineFormat::kSvg) cameo = load_cameo();
  const CameoTable* table = cameo ? &*cameo : nullptr;
  Output out(f.output);
  switch (*format) {
    case q::TimelineFormat::kTable: q::write_timeline_table(out.stream(), *t); break;
    case q::TimelineFormat::kJson: q::write_timeline_json(out.stream(), *t, table); break;
    case q::TimelineFormat::kCsv: q::write_timeline_csv(out.stream(), *t); break;
    case q::TimelineFormat::kMarkdown: q::write_timeline_markdown(out.stream(), *t); break;
    case q::TimelineFormat::kSvg: q::write_timeline_svg(out.stream(), *t, table, svg); break;
  }
  out.close();
  if (!f.output.empty())
    std::cerr << "geokg: wrote " << t->events.size() << " events to " << f.output << "\n";
}

// ---- export ---------------------------------------------------------------------

struct ExportFlags {
  std::string db, format, center, output, render;
  int depth = 1;
  std::size_t max_nodes = 300;
  std::size_t max_edges = 1500;
  bool cluster = false;
  bool drop_isolated = false;
  bool keep_isolated = false;
  FilterFlags filter;
};

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

// Runs Graphviz without a shell (no quoting issues with file names).
int run_dot(const std::string& dot, const std::string& type, const std::string& in,
            const std::string& out) {
  std::vector<std::string> args{dot, "-T" + type, "-o", out, in};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void run_export(ExportFlags f) {
  if (f.format.empty()) f.format = "dot";
  if (f.format != "dot" && f.format != "graphml" && f.format != "json" && f.format != "csv")
    usage_error("--format: expected dot, graphml, json or csv, got '" + f.format + "'");
  if (!f.render.empty()) {
    if (f.render != "svg" && f.render != "png") usage_error("--render: expected svg or png");
    if (f.format != "dot") usage_error("--render draws the DOT export; use it with --format dot");
  }
  if (f.depth < 1 || f.depth > 6) usage_error("--depth: expected 1 to 6");
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
  const EdgeFilter filter = make_filter(f.filter);
  const std::string db = resolve_db_path(f.db);
  auto store = open_for_reading(db);

  Result<q::Subgraph> g = Status::Internal("unset");
  if (!f.center.empty()) {
    const Node c = resolve_or_exit(*store, f.center);
    q::EgoNetworkOptions o;
    o.depth = f.depth;
    o.filter = filter;
    g = q::ego_network(*store, c.id, o);
  } else if (f.filter.from.empty() && f.filter.to.empty() && f.filter.relation.empty()) {
    g = q::whole_subgraph(*store, filter);
  } else {
    g = q::window_subgraph(*store, filter);
  }
  if (!g.ok()) fail("reading the graph from '" + db + "'", g.status());
  q::Subgraph& sub = *g;
  const std::size_t before = sub.nodes.size(), before_edges = sub.edges.size();
  q::prune_subgraph(sub, f.max_nodes, f.max_edges);
  if (sub.pruned_nodes || sub.pruned_edges)
    std::cerr << "geokg: warning: the graph has " << before << " nodes and " << before_edges
              << " events; kept " << sub.nodes.size() << " nodes (the most connected) and "
              << sub.edges.size() << " events (the most reported among them). Narrow it with "
                 "--center/--depth, --from/--to or --relation, or raise --max-nodes / "
                 "--max-edges (0 = no limit)\n";
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

  if (!f.render.empty()) {
    // Graphviz reads the DOT from a temporary file and writes the picture
    // under a temporary name too, renamed into place only when it succeeded.
    const std::string target = f.output.empty() ? "export." + f.render : f.output;
    check_output_path(target);
    const std::string dot_file = temporary_path_for(target + ".dot");
    const std::string picture = temporary_path_for(target);
    {
      std::ofstream out(dot_file, std::ios::binary | std::ios::trunc);
      q::DotOptions o;
      o.cluster_by_country = f.cluster;
      q::write_dot(out, sub, o);
      out.close();
      if (!out) {
        std::error_code ec;
        std::filesystem::remove(dot_file, ec);
        print_error("cannot write '" + dot_file + "' for Graphviz");
        exit_with(kExitError);
      }
    }
    const int rc = run_dot(dot_program, f.render, dot_file, picture);
    std::error_code ec;
    std::filesystem::remove(dot_file, ec);
    if (rc == 0) std::filesystem::rename(picture, target, ec);
    if (rc != 0 || ec) {
      std::filesystem::remove(picture, ec);
      print_error("Graphviz 'dot' failed (exit " + std::to_string(rc) + ") rendering " + target);
      exit_with(kExitError);
    }
    std::cerr << "geokg: exported " << sub.nodes.size() << " nodes, " << sub.edges.size()
              << " events" << dropped_note << "; Graphviz wrote " << target << "\n";
    return;
  }

  std::optional<CameoTable> cameo;
  if (f.format == "csv") cameo = load_cameo();
  if (f.format == "csv" && !f.output.empty()) {
    // FILE.csv or FILE -> FILE-nodes.csv and FILE-edges.csv, as neo4j-admin takes them.
    std::string base = f.output;
    if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0) base.resize(base.size() - 4);
    // Both files whole, or neither replaced.
    Output nodes(base + "-nodes.csv");
    Output edges(base + "-edges.csv");
    q::write_neo4j_nodes_csv(nodes.stream(), sub);
    q::write_neo4j_edges_csv(edges.stream(), sub, cameo ? &*cameo : nullptr);
    nodes.finish();
    edges.finish();
    nodes.commit();
    edges.commit();
    std::cerr << "geokg: exported " << sub.nodes.size() << " nodes, " << sub.edges.size()
              << " events to " << base << "-nodes.csv and " << base << "-edges.csv" << dropped_note
              << "\n";
    return;
  }
  Output out(f.output);
  if (f.format == "dot") {
    q::DotOptions o;
    o.cluster_by_country = f.cluster;
    q::write_dot(out.stream(), sub, o);
  } else if (f.format == "graphml") {
    q::write_graphml(out.stream(), sub);
  } else if (f.format == "json") {
    q::write_node_link_json(out.stream(), sub);
  } else {
    // stdout: the nodes file, a blank line, the edges file.
    q::write_neo4j_nodes_csv(out.stream(), sub);
    out.stream() << "\r\n";
    q::write_neo4j_edges_csv(out.stream(), sub, cameo ? &*cameo : nullptr);
  }
  out.close();
  std::cerr << "geokg: exported " << sub.nodes.size() << " nodes, " << sub.edges.size() << " events"
            << (f.output.empty() ? std::string() : " to " + f.output) << dropped_note << "\n";
}

}  // namespace

void register_query_commands(CLI::App& app) {
  const char* exit_codes =
      "Names: any alias, any case, accents optional; a surname alone works when unique;\n"
      "the 16-digit id from --json output also works. Exit 3 when a name is unknown\n"
      "(closest names suggested) or ambiguous (candidates listed).";
  {
    auto f = std::make_shared<ActorsFlags>();
    auto* cmd = app.add_subcommand("actors", "List actors ranked by mentions, degree, centrality or PageRank");
    add_db_option(cmd, f->db);
    cmd->add_option("--kind", f->kind,
                    "Only this kind: person, organization, country, location, group, artifact\n"
                    "(default: every kind but location)");
    cmd->add_option("--country", f->country,
                    "Only actors of this country (ISO 3166 alpha-3 or a CAMEO historical or regional\n"
                    "code: USA, SUN). People count for the country of a role held within --from/--to:\n"
                    "actors --country SUN --from 1987 --to 1987 lists Gorbachev");
    cmd->add_option("--sector", f->sector,
                    "Only actors of this CAMEO sector (GOV, MIL, COP, JUD, LEG, OPP, REB, PPL, BUS ...;\n"
                    "data/actors/codes.json): the actor's sector, its code's, or a role's within --from/--to");
    cmd->add_option("--sort", f->sort,
                    "mentions (default) | degree (distinct counterparts) | centrality\n"
                    "(betweenness, Brandes; O(V*E)) | pagerank (events as links source->target)");
    cmd->add_option("--limit", f->limit, "Most actors listed, 0 = all (default 25)");
    cmd->add_flag("--json", f->json, "Print a JSON array of actors with their counts");
    add_filter_flags(cmd, f->filter, true);
    cmd->footer("Degree, centrality and PageRank count the events that pass --relation/--from/--to.\n"
                "Common nouns (\"the agreement\") and unnamed actors without a country (\"rebels\")\n"
                "are not listed: they are not one actor.");
    cmd->callback([f] { run_actors(*f); });
  }
  {
    auto f = std::make_shared<ActorFlags>();
    auto* cmd = app.add_subcommand(
        "actor", "Profile of one actor: aliases, roles, event classes, counterparts, first/last seen");
    add_db_option(cmd, f->db);
    cmd->add_option("NAME", f->name, "The actor (any alias)")->required();
    cmd->add_option("--top", f->top, "Most counterparts listed (default 10)");
    cmd->add_option("--at", f->at,
                    "The actor as of this date (YYYY, YYYY-MM or YYYY-MM-DD): only the roles held\n"
                    "then, and the country (and code) it stood for then");
    cmd->add_flag("--json", f->json, "Print the profile as JSON");
    add_filter_flags(cmd, f->filter, true);
    cmd->footer(exit_codes);
    cmd->callback([f] { run_actor(*f); });
  }
  {
    auto f = std::make_shared<NeighborsFlags>();
    auto* cmd = app.add_subcommand("neighbors", "Who an actor deals with, up to --depth hops away");
    cmd->alias("neighbours");
    add_db_option(cmd, f->db);
    cmd->add_option("NAME", f->name, "The actor (any alias)")->required();
    cmd->add_option("--depth", f->depth, "Hops from the actor, 1-6 (default 1)");
    cmd->add_option("--limit", f->limit, "Most neighbours listed, nearest and busiest first; 0 = all (default 50)");
    cmd->add_flag("--json", f->json, "Print JSON node-link: {\"nodes\":[…],\"links\":[…]}");
    add_filter_flags(cmd, f->filter, true);
    cmd->footer(exit_codes);
    cmd->callback([f] { run_neighbors(*f); });
  }
  {
    auto f = std::make_shared<PathFlags>();
    auto* cmd = app.add_subcommand(
        "path", "The shortest chain of events linking two actors, with each hop's event and evidence");
    add_db_option(cmd, f->db);
    cmd->add_option("A", f->a, "First actor")->required();
    cmd->add_option("B", f->b, "Second actor")->required();
    cmd->add_option("--max-depth", f->max_depth, "Most hops, 1-12 (default 4)");
    cmd->add_flag("--json", f->json, "Print the path as JSON");
    add_filter_flags(cmd, f->filter, true);
    cmd->footer(std::string(exit_codes) +
                "\nEvents link actors in either direction. When there is no path within\n"
                "--max-depth hops it prints \"no path within N hops\" and exits 3.");
    cmd->callback([f] { run_path(*f); });
  }
  {
    auto f = std::make_shared<TimelineFlags>();
    auto* cmd = app.add_subcommand(
        "timeline", "Events in date order: of one actor, between two, of a relation class, or all");
    add_db_option(cmd, f->db);
    cmd->add_option("NAME", f->names, "Zero, one or two actors")->expected(0, 2);
    cmd->add_option("--format", f->format,
                    "table (default: date, source, relation, target, place, sources, evidence)\n"
                    "| json (events as `extract` prints them + mentions, sources, articles)\n"
                    "| csv (RFC 4180) | md (Markdown table) | svg (a picture: lanes, dated axis)");
    cmd->add_option("--min-sources", f->min_sources, "Only events reported by at least N publishers (default 1)");
    cmd->add_option("--limit", f->limit, "Most events, earliest first; 0 = all (default 0)");
    cmd->add_option("--lanes", f->lanes,
                    "SVG lanes: auto (default: per counterpart for one actor, per source actor\n"
                    "for two, per CAMEO class otherwise) | actor | relation");
    cmd->add_option("--width", f->width, "SVG width in pixels, 600-20000 (default 1200)");
    cmd->add_option("-o,--output", f->output, "Write to FILE instead of stdout");
    add_filter_flags(cmd, f->filter, true);
    cmd->footer(exit_codes);
    cmd->callback([f] { run_timeline(*f); });
  }
  {
    auto f = std::make_shared<ExportFlags>();
    auto* cmd = app.add_subcommand(
        "export", "Export the graph, an ego network or a time window: DOT, GraphML, JSON, CSV; render with Graphviz");
    add_db_option(cmd, f->db);
    cmd->add_option("--format", f->format,
                    "dot (default; shape by kind, colour by country, edge label = relation and\n"
                    "date, width by reports) | graphml | json (node-link, for d3 / cytoscape.js /\n"
                    "networkx) | csv (neo4j-admin import: nodes then edges)");
    cmd->add_option("--center", f->center, "Export the ego network of this actor");
    cmd->add_option("--depth", f->depth, "Hops around --center, 1-6 (default 1)");
    cmd->add_option("--max-nodes", f->max_nodes,
                    "Keep at most N nodes, the most connected, with a warning (default 300; 0 = all)");
    cmd->add_option("--max-edges", f->max_edges,
                    "Keep at most N events, the most reported, with a warning (default 1500; 0 = all)");
    cmd->add_flag("--cluster-by-country", f->cluster, "DOT: group nodes in one box per country");
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
                    "svg | png: run Graphviz dot on the DOT export and write -o FILE, else\n"
                    "export.svg / export.png");
    add_filter_flags(cmd, f->filter, true);
    cmd->footer(std::string(exit_codes) +
                "\nWithout --center and filters every node is exported (isolated ones too, so\n"
                "counts match `geokg stats`, unless --drop-isolated); with --from/--to/--relation\n"
                "only the selected events and the nodes they touch. --render leaves isolated\n"
                "nodes out unless --keep-isolated. Counts are printed on stderr.");
    cmd->callback([f] { run_export(*f); });
  }
}

}  // namespace geokg::cli
