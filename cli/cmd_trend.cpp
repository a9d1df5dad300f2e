// geokg trend: counts of the selected events per day, week, month or year.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "common.hpp"
#include "output.hpp"
#include "query_flags.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/trend.hpp"

namespace geokg::cli {

namespace {

namespace q = geokg::query;

struct TrendFlags {
  std::string db, format = "table", output, by = "month", group = "quad";
  std::vector<std::string> names;
  bool normalize = false;
  int width = 1200;
  FilterFlags filter;
};

void run_trend(const TrendFlags& f) {
  auto format = q::trend_format_from_string(f.format);
  if (!format) usage_error("--format: expected table, csv, json or svg, got '" + f.format + "'");
  auto period = q::trend_period_from_string(f.by);
  if (!period) usage_error("--by: expected day, week, month or year, got '" + f.by + "'");
  auto group = q::trend_group_from_string(f.group);
  if (!group) usage_error("--group: expected quad, root or none, got '" + f.group + "'");
  const CameoTable* cameo = cameo_table();
  if (cameo == nullptr) {
    print_error("trend needs the CAMEO table for quad classes and Goldstein values (data/cameo-codes.tsv)");
    exit_with(kExitError);
  }
  q::TrendQuery query;
  static_cast<q::EventSelection&>(query) = make_selection(f.filter);
  query.period = *period;
  query.group = *group;
  query.normalize = f.normalize;
  auto store = open_for_reading(resolve_db_path(f.db));
  for (const auto& name : f.names) query.actors.push_back(resolve_or_exit(*store, name).id);
  auto t = q::build_trend(*store, query, *cameo);
  if (!t.ok()) {
    if (t.status().code() == Status::Code::kInvalidInput) usage_error(t.status().message());
    fail("counting events", t.status());
  }
  Output out(f.output);
  switch (*format) {
    case q::TrendFormat::kTable: q::write_trend_table(out.stream(), *t); break;
    case q::TrendFormat::kCsv: q::write_trend_csv(out.stream(), *t); break;
    case q::TrendFormat::kJson: q::write_trend_json(out.stream(), *t); break;
    case q::TrendFormat::kSvg: {
      q::TrendSvgOptions o;
      o.width = f.width;
      q::write_trend_svg(out.stream(), *t, o);
      break;
    }
  }
  out.close();
  // The CSV and picture have no room for what the periods leave out.
  if (*format == q::TrendFormat::kCsv || *format == q::TrendFormat::kSvg || !f.output.empty()) {
    std::cerr << "geokg: " << t->events << " events in " << t->buckets.size() << " periods";
    if (t->coarser) std::cerr << "; " << t->coarser << " dated less precisely than a " << f.by << " not counted";
    if (t->undated) std::cerr << "; " << t->undated << " undated not counted";
    if (!f.output.empty()) std::cerr << "; wrote " << f.output;
    std::cerr << "\n";
  }
}

}  // namespace

void register_trend_command(CLI::App& app) {
  auto f = std::make_shared<TrendFlags>();
  auto* cmd = app.add_subcommand(
      "trend", "Counts of events per day, week, month or year, by quad class or CAMEO root, with Goldstein sums");
  add_db_option(cmd, f->db);
  cmd->add_option("NAME", f->names, "Zero, one or two actors (every event, one actor's, the pair's)")
      ->expected(0, 2);
  cmd->add_option("--by", f->by, "Period: day | week (ISO, Monday first) | month | year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}))
      ->capture_default_str();
  cmd->add_option("--group", f->group,
                  "quad (the four quad classes) | root (the CAMEO root classes that occur)\n"
                  "| none (one count)")
      ->check(CLI::IsMember({"quad", "root", "none"}))
      ->capture_default_str();
  cmd->add_flag("--normalize", f->normalize,
                "Also give the counts per article ingested in the period (of --source's\n"
                "publishers when given): raw counts follow news volume");
  cmd->add_option("--format", f->format,
                  "table | csv (one row per period) | json | svg (stacked areas over\n"
                  "the periods, the Goldstein mean beneath)")
      ->check(CLI::IsMember({"table", "csv", "json", "svg"}))
      ->capture_default_str();
  add_svg_width_option(cmd, f->width);
  cmd->add_option("-o,--output", f->output, "Write to FILE instead of stdout");
  add_filter_flags(cmd, f->filter, {.actors = true});
  cmd->footer(std::string(kNamesFooter) +
              "\nEvery period from --from to --to (else from the first event to the last) is a\n"
              "row, empty ones too. Events dated less precisely than the period (a year by\n"
              "month) and undated ones are counted apart, not in the periods: the periods'\n"
              "sum plus those equals `geokg timeline` with the same selection.");
  cmd->callback([f] { run_trend(*f); });
}

}  // namespace geokg::cli
