// geokg stats / geokg verify: what the database holds, and whether it is sound.

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <map>

#include "common.hpp"

namespace geokg::cli {

namespace {

void run_stats(const std::string& db_flag, bool as_json) {
  const std::string db = resolve_db_path(db_flag);
  auto store = open_for_reading(db);
  auto counts = store->counts();
  if (!counts.ok()) {
    print_error("cannot read '" + db + "': " + counts.status().message());
    exit_with(kExitError);
  }
  std::map<std::string, std::uint64_t> by_kind;
  Date first, last;
  Status s = store->for_each_node([&](const Node& n) {
    ++by_kind[to_string(n.kind)];
    return true;
  });
  if (s.ok()) {
    s = store->for_each_edge([&](const EventEdge& e) {
      if (e.date.known() && !e.flagged()) {
        if (!first.known() || e.date < first) first = e.date;
        if (!last.known() || last < e.date) last = e.date;
      }
      return true;
    });
  }
  if (!s.ok()) {
    print_error("cannot read '" + db + "': " + s.message());
    exit_with(kExitError);
  }
  const StoreCounts& c = *counts;
  // "Events" is one number everywhere (ingest, queries, exports): the events
  // the graph's queries show, negated and hypothetical ones counted apart.
  const std::uint64_t events = c.edges - c.flagged_edges;
  if (as_json) {
    nlohmann::json j = {{"database", db},
                        {"articles", c.articles},
                        {"nodes", c.nodes},
                        {"nodes_by_kind", by_kind},
                        {"events", events},
                        {"flagged_events", c.flagged_edges},
                        {"reports", c.evidence},
                        {"evidence", c.evidence},
                        {"static_edges", c.static_edges},
                        {"aliases", c.names},
                        {"first_event", first.known() ? nlohmann::json(first.iso()) : nullptr},
                        {"last_event", last.known() ? nlohmann::json(last.iso()) : nullptr}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf("database       %s\n", db.c_str());
  std::printf("articles       %llu\n", static_cast<unsigned long long>(c.articles));
  std::printf("actors         %llu\n", static_cast<unsigned long long>(c.nodes));
  for (const auto& [kind, n] : by_kind)
    std::printf("  %-12s %llu\n", kind.c_str(), static_cast<unsigned long long>(n));
  std::printf("events         %llu (and %llu negated or hypothetical, left out of queries unless "
              "--include-flagged)\n",
              static_cast<unsigned long long>(events), static_cast<unsigned long long>(c.flagged_edges));
  std::printf("reports        %llu (an article's report of an event; negated and hypothetical ones "
              "included)\n",
              static_cast<unsigned long long>(c.evidence));
  std::printf("role edges     %llu\n", static_cast<unsigned long long>(c.static_edges));
  std::printf("aliases        %llu\n", static_cast<unsigned long long>(c.names));
  if (first.known())
    std::printf("event dates    %s .. %s\n", first.iso().c_str(), last.iso().c_str());
}

void run_verify(const std::string& db_flag) {
  const std::string db = resolve_db_path(db_flag);
  auto store = open_for_reading(db, /*warn_lost=*/false);
  auto report = store->verify();
  if (!report.ok()) {
    print_error("cannot verify '" + db + "': " + report.status().message());
    exit_with(kExitError);
  }
  for (const auto& p : report->problems) std::cout << "problem: " << p << "\n";
  if (!report->ok()) {
    std::cout << "verify: " << report->problems.size() << " problems in " << report->checked
              << " records and index entries of " << db << "\n";
    exit_with(kExitError);
  }
  std::cout << "verify: ok, " << report->checked << " records and index entries consistent\n";
}

}  // namespace

void register_admin_commands(CLI::App& app) {
  {
    auto* cmd = app.add_subcommand("stats", "Count what the database holds");
    auto db = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    add_db_option(cmd, *db);
    cmd->add_flag("--json", *json, "Print as JSON");
    cmd->callback([db, json] { run_stats(*db, *json); });
  }
  {
    auto* cmd = app.add_subcommand(
        "verify",
        "Check that every index entry points at a record and every record is indexed,\n"
        "and that no committed article was lost with a damaged write-ahead log.\n"
        "Exit 0 when sound, 2 with a list of problems otherwise.");
    auto db = std::make_shared<std::string>();
    add_db_option(cmd, *db);
    cmd->callback([db] { run_verify(*db); });
  }
}

}  // namespace geokg::cli
