// geokg ingest / geokg extract: articles in, graph (or JSON) out.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "common.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/ingest/extraction_json.hpp"
#include "geokg/ingest/pipeline.hpp"

namespace geokg::cli {

namespace {

struct ReadFlags {
  std::string format = "auto";
  std::string date;
  std::string source;
  std::vector<std::string> lexicons;
  unsigned threads = 0;
  bool strict = false;
  bool quiet = false;
  bool pos_tagger = false;
  std::vector<std::string> paths;
};

void add_read_flags(CLI::App* cmd, ReadFlags& f) {
  cmd->add_option("--format", f.format, "Input format: auto|text|jsonl|html (default: auto)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html"}));
  cmd->add_option("--date", f.date,
                  "Date for articles that carry none: YYYY-MM-DD, or YYYY-MM / YYYY when only the\n"
                  "month or year is known (kept at that precision)");
  cmd->add_option("--source", f.source, "Publisher name for articles that name none");
  cmd->add_option("--lexicon", f.lexicons,
                  "Extra lexicon file (actors, titles, event patterns); repeatable");
  cmd->add_option("-j,--threads", f.threads, "Extraction threads (default: one per core)");
  cmd->add_flag("--strict", f.strict, "Exit non-zero when any input was skipped");
  cmd->add_flag("-q,--quiet", f.quiet, "No progress line or summary");
  cmd->add_flag("--pos-tagger", f.pos_tagger,
                "Tag parts of speech before extraction (slower, slightly better recall)");
  cmd->add_option("PATH", f.paths,
                  "Files, directories (recursive), '-' for stdin; .gz is decompressed")
      ->required();
}

PipelineOptions pipeline_options(const ReadFlags& f) {
  PipelineOptions o;
  o.threads = f.threads;
  o.read.format = *input_format_from_string(f.format);
  o.read.default_source = f.source;
  if (!f.date.empty()) {
    auto d = Date::Parse(f.date);
    if (!d) {
      print_error("--date expects YYYY-MM-DD, YYYY-MM or YYYY, got '" + f.date + "'");
      exit_with(kExitUsage);
    }
    o.read.default_date = *d;
  }
  return o;
}

// Limit: a user lexicon is parsed whole into memory (as JSON, several times
// its size); a file this large is a mistake (a corpus passed as --lexicon).
constexpr std::uintmax_t kMaxLexiconBytes = 64u << 20;

std::shared_ptr<const Lexicons> load_or_exit(const ReadFlags& f) {
  for (const auto& path : f.lexicons) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxLexiconBytes) {
      print_error("cannot load lexicons: " + path + ": file of " + std::to_string(size) +
                  " bytes exceeds the limit of " + std::to_string(kMaxLexiconBytes) + " bytes");
      exit_with(kExitError);
    }
  }
  LexiconOptions options;
  options.pos_tagger = f.pos_tagger;
  auto lex = load_lexicons(default_data_dir(), f.lexicons, options);
  if (!lex.ok()) {
    print_error("cannot load lexicons: " + lex.status().message());
    exit_with(kExitError);
  }
  return lex.value();
}

void print_issue(const ReadIssue& issue) {
  std::cerr << "geokg: skipped " << issue.where << ": " << issue.message << "\n";
}

std::string human_rate(double n, double secs) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", secs > 0 ? n / secs : 0.0);
  return buf;
}

void run_ingest(const std::string& db_flag, const ReadFlags& f) {
  const std::string db = resolve_db_path(db_flag);
  auto options = pipeline_options(f);
  options.defer_partial_names = true;   // "Mr Blair" after the run's "Tony Blair"
  auto lexicons = load_or_exit(f);
  Extractor extractor(lexicons);
  auto store = open_for_writing(db);

  const bool tty = isatty(STDERR_FILENO) && !f.quiet;
  std::uint64_t committed = 0, already = 0, edges = 0;
  PipelineCounters counters;
  Status s = run_pipeline(
      f.paths, extractor, options,
      [&](const Article& a, const Extraction& ex) -> Status {
        auto r = store->commit(a, ex);
        if (!r.ok()) {
          // A malformed extraction is the extractor's fault, not the input's:
          // report it and go on with the next article.
          if (r.status().code() == Status::Code::kInvalidInput) {
            print_error("article " + a.origin + " not stored: " + r.status().message());
            return Status::Ok();
          }
          return r.status();
        }
        if (r->already_present) ++already;
        else {
          ++committed;
          edges += r->events;
        }
        return Status::Ok();
      },
      print_issue,
      [&](const PipelineCounters& c, double secs) {
        if (!tty) return;
        std::fprintf(stderr, "\r%llu articles  %s art/s  %.1f MB/s  %llu events  %llu skipped   ",
                     static_cast<unsigned long long>(c.articles), human_rate(c.articles, secs).c_str(),
                     secs > 0 ? c.text_bytes / 1e6 / secs : 0.0,
                     static_cast<unsigned long long>(c.events),
                     static_cast<unsigned long long>(c.skipped));
      },
      counters);
  if (tty) std::fputc('\n', stderr);
  if (!s.ok()) {
    print_error(s.message());
    exit_with(kExitError);
  }
  if (!f.quiet) {
    std::fprintf(stderr,
                 "ingested %llu articles (%llu already stored, %llu inputs skipped), %llu events "
                 "into %s\n",
                 static_cast<unsigned long long>(committed), static_cast<unsigned long long>(already),
                 static_cast<unsigned long long>(counters.skipped),
                 static_cast<unsigned long long>(edges), db.c_str());
  }
  if (f.strict && counters.skipped > 0) exit_with(kExitError);
}

void run_extract(const ReadFlags& f, bool pretty, bool include_flagged) {
  auto options = pipeline_options(f);
  auto lexicons = load_or_exit(f);
  Extractor extractor(lexicons);
  PipelineCounters counters;
  Status s = run_pipeline(
      f.paths, extractor, options,
      [&](const Article& a, const Extraction& ex) -> Status {
        if (include_flagged) {
          std::cout << extraction_to_json(a, ex, &lexicons->cameo)
                           .dump(pretty ? 2 : -1, ' ', false,
                                 nlohmann::json::error_handler_t::replace)
                    << "\n";
          return Status::Ok();
        }
        Extraction shown;
        shown.actors = ex.actors;
        for (const auto& e : ex.events)
          if (!e.negated && !e.hypothetical) shown.events.push_back(e);
        std::cout << extraction_to_json(a, shown, &lexicons->cameo)
                         .dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
        return Status::Ok();
      },
      print_issue, nullptr, counters);
  std::cout.flush();
  if (!s.ok()) {
    print_error(s.message());
    exit_with(kExitError);
  }
  if (f.strict && counters.skipped > 0) exit_with(kExitError);
}

}  // namespace

void register_ingest_commands(CLI::App& app) {
  {
    auto* cmd = app.add_subcommand(
        "ingest",
        "Read articles, extract actors and events, and store them in the graph database.\n"
        "Each article commits atomically; re-ingesting an article changes nothing.");
    auto db = std::make_shared<std::string>();
    auto f = std::make_shared<ReadFlags>();
    add_db_option(cmd, *db);
    add_read_flags(cmd, *f);
    cmd->callback([db, f] { run_ingest(*db, *f); });
  }
  {
    auto* cmd = app.add_subcommand(
        "extract",
        "Print what geokg extracts from articles, as JSON (one object per article, one per\n"
        "line), without touching any database.");
    auto f = std::make_shared<ReadFlags>();
    auto pretty = std::make_shared<bool>(false);
    auto flagged = std::make_shared<bool>(false);
    add_read_flags(cmd, *f);
    cmd->add_flag("--pretty", *pretty, "Indent the JSON");
    cmd->add_flag("--include-flagged", *flagged,
                  "Also print negated and hypothetical events (marked as such)");
    cmd->callback([f, pretty, flagged] { run_extract(*f, *pretty, *flagged); });
  }
}

}  // namespace geokg::cli
