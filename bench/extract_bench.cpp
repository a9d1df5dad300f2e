// extract_bench: extraction alone (no storage, no reader in the timing), one
// thread, with the time split over the pipeline's stages so that the profile
// of `geokg ingest` can be read: where does the time go?
//
// usage: extract_bench [--repeat N] [--limit N] [--coder tree|tree-only|flat] PATH
//   PATH: anything `geokg ingest` reads (JSONL, .gz, a directory).
// Reads every article into memory first, then runs
//   prepare_document -> anchor_times -> find_actors
//     -> parse_sentence on the sentences that may hold an event -> code_events
// (as Extractor::extract does; find_events when the lexicons have no tree
// coder) over them --repeat times (default 1) and prints one JSON object:
// bytes, articles, sentences, parsed sentences and tokens, events, seconds
// per stage, MB/s, articles/s, sentences/s.

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/extract/actors.hpp"
#include "geokg/extract/coder.hpp"
#include "geokg/extract/events.hpp"
#include "geokg/extract/syntax.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/ingest/reader.hpp"
#include "geokg/extract/text.hpp"
#include "geokg/extract/time.hpp"

namespace {
using Clock = std::chrono::steady_clock;
double secs(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}
// CPU seconds of this process: the machine is shared, so wall time alone
// overstates the cost when other work competes for the cores.
double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}
}  // namespace

int main(int argc, char** argv) {
  int repeat = 1;
  std::size_t limit = 0;
  std::string path;
  std::string coder = "tree";
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (a == "--limit" && i + 1 < argc) limit = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--coder" && i + 1 < argc) coder = argv[++i];
    else if (!a.empty() && a[0] != '-') path = argv[i];
    else {
      std::fprintf(stderr, "usage: extract_bench [--repeat N] [--limit N] [--coder tree|tree-only|flat] PATH\n");
      return 1;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: extract_bench [--repeat N] [--limit N] [--coder tree|tree-only|flat] PATH\n");
    return 1;
  }

  const auto t_lex = Clock::now();
  geokg::LexiconOptions lo;
  lo.tree_coder = coder != "flat";
  lo.flat_fallback = coder == "tree";
  auto lex = geokg::load_lexicons(geokg::default_data_dir(), {}, lo);
  if (!lex.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", lex.status().message().c_str());
    return 1;
  }
  const double lexicon_s = secs(t_lex, Clock::now());
  const geokg::Lexicons& L = **lex;

  std::vector<geokg::Article> articles;
  const auto t_read = Clock::now();
  geokg::Status s = geokg::read_articles(
      path, {},
      [&](geokg::Article&& a) {
        articles.push_back(std::move(a));
        return limit == 0 || articles.size() < limit;
      },
      [](const geokg::ReadIssue&) {});
  if (!s.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", s.message().c_str());
    return 1;
  }
  const double read_s = secs(t_read, Clock::now());

  const bool tree = !L.parser.empty() && L.triggers.size() > 0;
  double t_prepare = 0, t_time = 0, t_actors = 0, t_syntax = 0, t_events = 0;
  std::uint64_t bytes = 0, sentences = 0, events = 0, actors = 0, parsed = 0, parsed_tokens = 0, tokens = 0;
  const double cpu0 = cpu_seconds();
  for (int r = 0; r < repeat; ++r) {
    for (const auto& art : articles) {
      const auto t0 = Clock::now();
      geokg::Document doc = geokg::prepare_document(art);
      const auto t1 = Clock::now();
      geokg::anchor_times(doc);
      const auto t2 = Clock::now();
      geokg::find_actors(doc, L.actors);
      const auto t3 = Clock::now();
      if (tree)
        for (std::uint32_t si = 0; si < doc.sentences.size(); ++si)
          if (geokg::sentence_may_hold_event(doc, si, L.triggers)) {
            geokg::parse_sentence(doc, si, L.tagger, L.parser);
            ++parsed;
            parsed_tokens += doc.sentences[si].token_end - doc.sentences[si].token_begin;
          }
      const auto t3b = Clock::now();
      std::vector<geokg::ExtractedEvent> out;
      if (tree) geokg::code_events(doc, L.triggers, out);
      else geokg::find_events(doc, L.events, out);
      const auto t4 = Clock::now();
      t_prepare += secs(t0, t1);
      t_time += secs(t1, t2);
      t_actors += secs(t2, t3);
      t_syntax += secs(t3, t3b);
      t_events += secs(t3b, t4);
      tokens += doc.tokens.size();
      bytes += art.text.size();
      sentences += doc.sentences.size();
      events += out.size();
      actors += doc.actors.size();
    }
  }
  const double cpu = cpu_seconds() - cpu0;
  const double total = t_prepare + t_time + t_actors + t_syntax + t_events;
  std::printf(
      "{\"system\":\"geokg\",\"query\":\"_extract\",\"articles\":%zu,\"repeat\":%d,\"bytes\":%llu,"
      "\"sentences\":%llu,\"parsed_sentences\":%llu,\"tokens\":%llu,\"parsed_tokens\":%llu,"
      "\"actors\":%llu,\"events\":%llu,\"coder\":\"%s\",\"read_s\":%.3f,\"lexicons_s\":%.3f,"
      "\"prepare_s\":%.3f,\"time_s\":%.3f,\"actors_s\":%.3f,\"syntax_s\":%.3f,\"events_s\":%.3f,\"seconds\":%.3f,"
      "\"mb_per_s\":%.2f,\"articles_per_s\":%.0f,\"sentences_per_s\":%.0f,\"cpu_s\":%.3f,"
      "\"mb_per_cpu_s\":%.2f}\n",
      articles.size(), repeat, static_cast<unsigned long long>(bytes),
      static_cast<unsigned long long>(sentences), static_cast<unsigned long long>(parsed),
      static_cast<unsigned long long>(tokens), static_cast<unsigned long long>(parsed_tokens),
      static_cast<unsigned long long>(actors), static_cast<unsigned long long>(events), tree ? "tree" : "flat",
      read_s, lexicon_s, t_prepare, t_time, t_actors, t_syntax, t_events, total, total > 0 ? bytes / 1e6 / total : 0.0,
      total > 0 ? static_cast<double>(articles.size()) * repeat / total : 0.0,
      total > 0 ? static_cast<double>(sentences) / total : 0.0, cpu,
      cpu > 0 ? bytes / 1e6 / cpu : 0.0);
  return 0;
}
