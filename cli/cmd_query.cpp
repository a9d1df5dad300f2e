// geokg actors / actor / neighbors / path / timeline: the analyst's
// questions (trend and export have files of their own). Thin: parse flags,
// resolve names, call geokg::query, pick a writer; all logic lives in query/.

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "output.hpp"
#include "query_flags.hpp"
#include "geokg/core/cameo.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/profile.hpp"
#include "geokg/query/rank.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/timeline.hpp"

namespace geokg::cli {

namespace {

namespace q = geokg::query;

// ---- actors -------------------------------------------------------------------

struct ActorsFlags {
  std::string db, kind, country, sector, sort;
  std::size_t limit = 25;
  bool json = false;
  FilterFlags filter;
};

void run_actors(const ActorsFlags& f) {
  q::RankOptions o;
  o.filter = make_filter(f.filter);
  // A window (or codes, publishers, corroboration) asks who acted in it:
  // only actors with events there, ranked by them unless --sort says otherwise.
  o.active_only = q::filter_scopes(o.filter);
  const std::string sort = !f.sort.empty() ? f.sort : o.active_only ? "events" : "mentions";
  auto by = q::rank_by_from_string(sort);
  if (!by) usage_error("--sort: expected mentions, events, degree, centrality or pagerank, got '" + f.sort + "'");
  o.by = *by;
  if (!f.kind.empty()) {
    auto k = node_kind_from_string(f.kind);
    if (!k) usage_error("--kind: expected person, organization, country, location, group or artifact");
    o.kind = *k;
  }
  o.country = country_code(f.country);
  o.sector = sector_code(f.sector);
  o.limit = f.limit;
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
  std::size_t top_places = 5;
  bool json = false;
  FilterFlags filter;
};

void run_actor(const ActorFlags& f) {
  const EdgeFilter filter = make_filter(f.filter);
  auto store = open_for_reading(resolve_db_path(f.db));
  const Node node = resolve_or_exit(*store, f.name);
  const CameoTable* cameo = cameo_table();
  const CameoTable empty_table;
  q::ProfileOptions o;
  o.filter = filter;
  o.top_counterparts = f.top;
  o.top_places = f.top_places;
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
  q::NeighborOptions o;
  o.depth = f.depth;
  o.limit = f.limit;
  o.link_details = f.json;   // JSON prints every link's mentions and relation labels
  o.filter = make_filter(f.filter);
  o.cameo = cameo_table();
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
  q::PathOptions o;
  o.max_depth = f.max_depth;
  o.filter = make_filter(f.filter);
  auto store = open_for_reading(resolve_db_path(f.db));
  const Node a = resolve_or_exit(*store, f.a);
  const Node b = resolve_or_exit(*store, f.b);
  auto p = q::find_path(*store, a.id, b.id, o);
  if (!p.ok()) fail("searching a path", p.status());
  const CameoTable* cameo = cameo_table();
  if (f.json) std::cout << q::json_text(q::path_json(*p, f.max_depth, cameo));
  else q::write_path_text(std::cout, *p, f.max_depth, cameo);
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
  svg.width = f.width;
  q::TimelineQuery query;
  static_cast<q::EventSelection&>(query) = make_selection(f.filter);
  query.min_sources = f.min_sources;
  query.limit = f.limit;
  auto store = open_for_reading(resolve_db_path(f.db));
  for (const auto& name : f.names) query.actors.push_back(resolve_or_exit(*store, name).id);
  const CameoTable* cameo = cameo_table();
  auto t = q::build_timeline(*store, query, cameo);
  if (!t.ok()) fail("reading the timeline", t.status());
  Output out(f.output);
  switch (*format) {
    case q::TimelineFormat::kTable: q::write_timeline_table(out.stream(), *t, cameo); break;
    case q::TimelineFormat::kJson: q::write_timeline_json(out.stream(), *t, cameo); break;
    case q::TimelineFormat::kCsv: q::write_timeline_csv(out.stream(), *t, cameo); break;
    case q::TimelineFormat::kMarkdown: q::write_timeline_markdown(out.stream(), *t, cameo); break;
    case q::TimelineFormat::kSvg: q::write_timeline_svg(out.stream(), *t, cameo, svg); break;
  }
  out.close();
  if (!f.output.empty())
    std::cerr << "geokg: wrote " << t->events.size() << " events to " << f.output << "\n";
}

}  // namespace

void register_query_commands(CLI::App& app) {
  const char* exit_codes = kNamesFooter;
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
                    "mentions (default without a window: mentions of all time) | events (default\n"
                    "with --from/--to/--relation/--quad/--source/--min-sources: the events that pass,\n"
                    "then their reports) | degree (distinct counterparts) | centrality (betweenness,\n"
                    "Brandes; O(V*E)) | pagerank (events as links source->target)");
    cmd->add_option("--limit", f->limit, "Most actors listed, 0 = all")->capture_default_str();
    cmd->add_flag("--json", f->json, "Print a JSON array of actors with their counts");
    add_filter_flags(cmd, f->filter);
    cmd->footer("Events, reports, degree, centrality and PageRank count the events that pass the\n"
                "filters. With a window (--from/--to) or any other event filter, only actors with\n"
                "an event that passes are listed: who acted then, not who was ever mentioned.\n"
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
    cmd->add_option("--top", f->top, "Most counterparts listed")->capture_default_str();
    cmd->add_option("--top-places", f->top_places,
                    "Where it acted: most places of its events listed, by events, with their\n"
                    "country and coordinates; 0 = none")
        ->capture_default_str();
    cmd->add_option("--at", f->at,
                    "The actor as of this date (YYYY, YYYY-MM or YYYY-MM-DD): only the roles held\n"
                    "then, and the country (and code) it stood for then");
    cmd->add_flag("--json", f->json, "Print the profile as JSON");
    add_filter_flags(cmd, f->filter);
    cmd->footer(exit_codes);
    cmd->callback([f] { run_actor(*f); });
  }
  {
    auto f = std::make_shared<NeighborsFlags>();
    auto* cmd = app.add_subcommand("neighbors", "Who an actor deals with, up to --depth hops away");
    cmd->alias("neighbours");
    add_db_option(cmd, f->db);
    cmd->add_option("NAME", f->name, "The actor (any alias)")->required();
    cmd->add_option("--depth", f->depth, "Hops from the actor")->check(CLI::Range(1, 6))->capture_default_str();
    cmd->add_option("--limit", f->limit, "Most neighbours listed, nearest and busiest first; 0 = all")
        ->capture_default_str();
    cmd->add_flag("--json", f->json, "Print JSON node-link: {\"nodes\":[…],\"links\":[…]}");
    add_filter_flags(cmd, f->filter);
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
    cmd->add_option("--max-depth", f->max_depth, "Most hops")->check(CLI::Range(1, 12))->capture_default_str();
    cmd->add_flag("--json", f->json, "Print the path as JSON");
    add_filter_flags(cmd, f->filter);
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
                    "table (default: date, source, relation, target, place, Goldstein, quad class,\n"
                    "articles, sources, publishers, evidence, URL) | json (events as `extract` prints\n"
                    "them + mentions, sources, articles, urls) | csv (RFC 4180) | md (Markdown table)\n"
                    "| svg (a picture: lanes, dated axis)")
        ->check(CLI::IsMember({"table", "json", "csv", "md", "svg"}))
        ->capture_default_str();
    cmd->add_option("--min-sources", f->min_sources, "Only events reported by at least N publishers")
        ->capture_default_str();
    cmd->add_option("--limit", f->limit, "Most events, earliest first; 0 = all")->capture_default_str();
    cmd->add_option("--lanes", f->lanes,
                    "SVG lanes: auto (per counterpart for one actor, per source actor for two,\n"
                    "per CAMEO class otherwise) | actor | relation")
        ->check(CLI::IsMember({"auto", "actor", "relation"}))
        ->capture_default_str();
    add_svg_width_option(cmd, f->width);
    cmd->add_option("-o,--output", f->output, "Write to FILE instead of stdout");
    add_filter_flags(cmd, f->filter, {.actors = true});
    cmd->footer(exit_codes);
    cmd->callback([f] { run_timeline(*f); });
  }
  register_trend_command(app);
  register_export_command(app);
}

}  // namespace geokg::cli
