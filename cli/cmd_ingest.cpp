// geokg ingest / geokg extract: articles in, graph (or JSON) out.

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string_view>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "common.hpp"
#include "gzip_stream.hpp"
#include "output.hpp"
#include "geokg/ingest/model_files.hpp"
#include "geokg/core/ascii.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/ingest/extraction_file.hpp"
#include "geokg/extract/extraction_json.hpp"
#include "geokg/ingest/pipeline.hpp"
#include "geokg/query/select.hpp"

namespace geokg::cli {

namespace {

struct ReadFlags {
  std::string format = "auto";
  std::string date;
  std::string source;
  std::vector<std::string> lexicons;
  std::string extensions;
  std::string on_changed = "replace";
  unsigned threads = 0;
  bool strict = false;
  bool quiet = false;
  bool pos_tagger = false;
  std::string coder = "tree";
  std::vector<std::string> paths;
  bool extracted = false;     // ingest: PATHs are extraction files
  bool allow_mixed = false;   // ingest --extracted
};

void add_read_flags(CLI::App* cmd, ReadFlags& f) {
  cmd->add_option("--format", f.format,
                  "Input format: auto|text|jsonl|json|html (default: auto: by the file name\n"
                  "and the content together)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "json", "html"}));
  cmd->add_option("--extensions", f.extensions,
                  "Extensions of the files read from a directory, comma-separated; an empty\n"
                  "item (txt,,html) = files without one, * = every file (default: txt,text,\n"
                  "jsonl,ndjson,json,html,htm,xhtml,shtml, each also .gz). Files named on the\n"
                  "command line are always read");
  cmd->add_option("--date", f.date,
                  "Date for articles that carry none: YYYY-MM-DD, or YYYY-MM / YYYY when only the\n"
                  "month or year is known (kept at that precision)");
  cmd->add_option("--source", f.source, "Publisher name for articles that name none");
  cmd->add_option("--lexicon", f.lexicons,
                  "Extra lexicon file (actors, titles, event patterns); repeatable");
  cmd->add_option("-j,--threads", f.threads, "Extraction threads (default: one per core)");
  cmd->add_flag("--strict", f.strict, "Exit non-zero when any input was skipped");
  if (cmd->get_name() == "ingest")
    cmd->add_option("--on-changed", f.on_changed,
                    "An article whose id is stored with another title or text (a corrected\n"
                    "story): replace (default: the stored version's events, reports, mentions\n"
                    "and names are taken out and the new one stored, in one atomic write) |\n"
                    "keep (the stored version stays; the article is reported as skipped)")
        ->check(CLI::IsMember({"replace", "keep"}));
  cmd->add_flag("-q,--quiet", f.quiet, "No progress line or summary");
  cmd->add_flag("--pos-tagger", f.pos_tagger,
                "Tag parts of speech before extraction (slower, slightly better recall)");
  cmd->add_option("--coder", f.coder,
                  "How events are read: tree (default: from dependency trees, and the word-order\n"
                  "patterns, statements aside, where the tree finds none) | tree-only | flat\n"
                  "(word-order patterns only: faster, less accurate)")
      ->check(CLI::IsMember({"tree", "tree-only", "flat"}));
  cmd->add_option("PATH", f.paths,
                  "Files, directories (recursive), '-' for stdin; .gz is decompressed")
      ->required();
}

PipelineOptions pipeline_options(const ReadFlags& f) {
  PipelineOptions o;
  o.threads = f.threads;
  o.read.format = *input_format_from_string(f.format);
  o.read.default_source = f.source;
  if (!f.extensions.empty()) {
    o.read.extensions.clear();
    std::stringstream ss(f.extensions);
    std::string ext;
    while (std::getline(ss, ext, ',')) {
      while (!ext.empty() && (ext.front() == '.' || ext.front() == ' ')) ext.erase(0, 1);
      while (!ext.empty() && ext.back() == ' ') ext.pop_back();
      ascii_lower_in_place(ext);
      o.read.extensions.push_back(ext);
    }
  }
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

LexiconOptions lexicon_options(const ReadFlags& f) {
  LexiconOptions options;
  options.pos_tagger = f.pos_tagger;
  options.tree_coder = f.coder != "flat";
  options.flat_fallback = f.coder == "tree";
  return options;
}

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
  auto lex = load_lexicons(default_data_dir(), f.lexicons, lexicon_options(f));
  if (!lex.ok()) {
    print_error("cannot load lexicons: " + lex.status().message());
    exit_with(kExitError);
  }
  return lex.value();
}

void print_issue(const ReadIssue& issue) {
  std::cerr << "geokg: " << (issue.ignored ? "ignored " : "skipped ") << issue.where << ": "
            << issue.message << "\n";
}

std::string human_rate(double n, double secs) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", secs > 0 ? n / secs : 0.0);
  return buf;
}

// The writer's side of ingest: commits each article and counts what happened.
struct Committer {
  GraphStore& store;
  // Reports: one per event an article gives (negated and hypothetical ones
  // included), as `geokg stats` counts them; events are counted at the end.
  std::uint64_t committed = 0, already = 0, reports = 0, replaced = 0, kept = 0;

  Status operator()(const Article& a, const Extraction& ex) {
    auto r = store.commit(a, ex);
    if (!r.ok()) {
      // A malformed extraction is the extractor's fault, not the input's:
      // report it and go on with the next article.
      if (r.status().code() == Status::Code::kInvalidInput) {
        print_error("article " + a.origin + " not stored: " + r.status().message());
        return Status::Ok();
      }
      return r.status();
    }
    if (r->already_present) {
      ++already;
    } else if (r->changed_kept) {
      // Never silent: a changed article left as it was is a skipped input.
      ++kept;
      print_issue({a.origin, "article '" + a.id + "' is stored with another title or text; kept the "
                             "stored version (--on-changed keep; 'replace' stores this one)"});
    } else {
      ++committed;
      if (r->replaced) ++replaced;
      reports += ex.events.size();
    }
    return Status::Ok();
  }
};

// A k-way merge keeps every extraction file open at once: past the soft
// limit on open files (often 1,024), raise it as far as the hard limit allows.
void allow_open_files(std::size_t files) {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  const rlim_t want = static_cast<rlim_t>(files) + 256;   // and RocksDB's own
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? want : std::min(want, rl.rlim_max);
    setrlimit(RLIMIT_NOFILE, &rl);
  }
}

void run_ingest(const std::string& db_flag, const ReadFlags& f) {
  const std::string db = resolve_db_path(db_flag);
  auto options = pipeline_options(f);
  limit_malloc_arenas(f.threads);
  options.defer_partial_names = true;   // "Mr Blair" after the run's "Tony Blair"
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<ExtractionMerge> merge;   // --extracted: every file checked before the store opens
  if (f.extracted) {
    allow_open_files(f.paths.size());
    ExtractedReadOptions ro;
    ro.allow_mixed = f.allow_mixed;
    ro.defer_bytes = options.defer_bytes;
    auto opened = ExtractionMerge::Open(f.paths, ro);
    if (!opened.ok()) {
      print_error(opened.status().message());
      exit_with(kExitError);
    }
    merge = std::move(*opened);
  } else {
    extractor = std::make_unique<Extractor>(load_or_exit(f));
  }
  StoreOptions store_options;
  const bool keep_changed = f.on_changed == "keep";
  store_options.on_changed = keep_changed ? ChangedArticle::kKeep : ChangedArticle::kReplace;
  auto store = open_for_writing(db, store_options);

  const bool tty = isatty(STDERR_FILENO) && !f.quiet;
  Committer commit{*store};
  PipelineCounters counters;
  const ExtractionSink sink = [&](const Article& a, const Extraction& ex) { return commit(a, ex); };
  const ProgressSink progress = [&](const PipelineCounters& c, double secs) {
    if (!tty) return;
    std::fprintf(stderr, "\r%llu articles  %s art/s  %.1f MB/s  %llu reports  %llu skipped   ",
                 static_cast<unsigned long long>(c.articles), human_rate(c.articles, secs).c_str(),
                 secs > 0 ? c.text_bytes / 1e6 / secs : 0.0, static_cast<unsigned long long>(commit.reports),
                 static_cast<unsigned long long>(c.skipped));
  };
  Status s;
  if (merge) {
    s = merge->run(sink, print_issue, progress, counters);
  } else {
    s = run_pipeline(f.paths, *extractor, options, sink, print_issue, progress, counters);
  }
  if (tty) std::fputc('\n', stderr);
  // Flushed before success is reported: an ingest that returned 0 survives
  // the loss of the write-ahead log.
  if (Status flushed = store->flush(); s.ok() && !flushed.ok()) s = flushed;
  if (!s.ok()) {
    print_error(s.message());
    exit_with(kExitError);
  }
  counters.skipped += commit.kept;
  if (!f.quiet) {
    std::string notes;
    if (commit.replaced > 0)
      notes += "; " + std::to_string(commit.replaced) + " stored articles replaced by a changed version";
    if (counters.ignored > 0)
      notes += "; " + std::to_string(counters.ignored) + " files ignored (not article files)";
    // The database's events, as `geokg stats` and every query count them.
    std::string holds;
    if (auto totals = query::count_events(*store); totals.ok())
      holds = "; it holds " + std::to_string(totals->events) + " events (and " +
              std::to_string(totals->flagged) + " negated or hypothetical)";
    std::fprintf(stderr,
                 "ingested %llu articles (%llu already stored, %llu inputs skipped), %llu reports "
                 "of events into %s%s%s\n",
                 static_cast<unsigned long long>(commit.committed), static_cast<unsigned long long>(commit.already),
                 static_cast<unsigned long long>(counters.skipped),
                 static_cast<unsigned long long>(commit.reports), db.c_str(), holds.c_str(), notes.c_str());
  }
  if (f.strict && counters.skipped > 0) exit_with(kExitError);
}

// extract -o FILE: an extraction file (geokg/ingest/extraction_file.hpp), the
// input of `ingest --extracted`. Nothing is written unless the run succeeds.
void run_extract_to_file(const ReadFlags& f, const std::string& path) {
  auto options = pipeline_options(f);
  limit_malloc_arenas(f.threads);
  Output out(path == "-" ? std::string() : path);   // fails now, not after the work
  auto lexicons = load_or_exit(f);
  auto prints = fingerprint_extractor(default_data_dir(), f.lexicons, lexicon_options(f));
  if (!prints.ok()) {
    print_error("cannot fingerprint the lexicons: " + prints.status().message());
    exit_with(kExitError);
  }
  ExtractionFileHeader header;
  header.geokg_version = GEOKG_VERSION;
  header.lexicons = prints->lexicons;
  header.model = prints->model;
  header.options = lexicon_options(f);
  ExtractionFileWriter writer(header, &lexicons->cameo);
  Extractor extractor(lexicons);
  PipelineCounters counters;
  Status s = run_pipeline(
      f.paths, extractor, options,
      [&](const Article& a, const Extraction& ex) { return writer.add(a, ex); }, print_issue, nullptr,
      counters);
  if (!s.ok()) {
    print_error(s.message());
    exit_with(kExitError);
  }
  const bool gzip = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  if (gzip) {
    GzipOStream z(out.stream());
    s = writer.finish(z);
    if (s.ok() && !z.finish()) s = Status::IOError("compression or a write failed");
  } else {
    s = writer.finish(out.stream());
  }
  if (!s.ok()) {
    print_error("cannot write '" + path + "': " + s.message());
    exit_with(kExitError);
  }
  out.close();
  if (!f.quiet)
    std::fprintf(stderr, "extracted %llu articles (%llu inputs skipped), %llu events into %s\n",
                 static_cast<unsigned long long>(counters.articles),
                 static_cast<unsigned long long>(counters.skipped),
                 static_cast<unsigned long long>(counters.events), path.c_str());
  if (f.strict && counters.skipped > 0) exit_with(kExitError);
}

void run_extract(const ReadFlags& f, bool pretty, bool include_flagged) {
  auto options = pipeline_options(f);
  limit_malloc_arenas(f.threads);
  auto lexicons = load_or_exit(f);
  Extractor extractor(lexicons);
  PipelineCounters counters;
  bool write_failed = false;
  Status s = run_pipeline(
      f.paths, extractor, options,
      [&](const Article& a, const Extraction& ex) -> Status {
        Extraction shown;
        if (!include_flagged) {
          shown.actors = ex.actors;
          for (const auto& e : ex.events)
            if (!e.negated && !e.hypothetical) shown.events.push_back(e);
        }
        std::cout << extraction_to_json(a, include_flagged ? ex : shown, &lexicons->cameo)
                         .dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
        // A full disk stops the run at once rather than after every article.
        if (!std::cout) {
          write_failed = true;
          return Status::IOError("cannot write the output");
        }
        return Status::Ok();
      },
      print_issue, nullptr, counters);
  if (write_failed) exit_with(finish_stdout(0));
  if (const int code = finish_stdout(0); code != 0) exit_with(code);
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
    auto* extracted = cmd->add_flag(
        "--extracted", f->extracted,
        "PATHs are extraction files (geokg extract -o FILE, e.g. one per shard of a cluster\n"
        "job): commit them without extracting again, all files together in canonical order\n"
        "(article date, then id), so that the graph is the same however the articles were\n"
        "split. Files of a newer schema are refused");
    cmd->add_flag("--allow-mixed", f->allow_mixed,
                  "With --extracted: commit files written by different geokg versions, lexicons or\n"
                  "models together (refused by default)")
        ->needs(extracted);
    // What reading and extracting articles takes means nothing for extraction files.
    for (const char* name : {"--format", "--extensions", "--date", "--source", "--lexicon", "--threads",
                             "--pos-tagger", "--coder"})
      extracted->excludes(cmd->get_option(name));
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
    auto output = std::make_shared<std::string>();
    auto* pretty_flag = cmd->add_flag("--pretty", *pretty, "Indent the JSON");
    auto* flagged_flag = cmd->add_flag("--include-flagged", *flagged,
                                       "Also print negated and hypothetical events (marked as such)");
    cmd->add_option("-o,--output", *output,
                    "Write an extraction file for `geokg ingest --extracted` instead: a header\n"
                    "(schema version, geokg version, lexicon and model fingerprints), then one\n"
                    "record per article with all a commit needs, flagged events included, in\n"
                    "canonical order (the same bytes whatever -j); gzip when FILE ends in .gz;\n"
                    "written whole or not at all. See docs/scale.md")
        ->excludes(pretty_flag)
        ->excludes(flagged_flag);
    cmd->callback([f, pretty, flagged, output] {
      if (!output->empty()) run_extract_to_file(*f, *output);
      else run_extract(*f, *pretty, *flagged);
    });
  }
}

}  // namespace geokg::cli
