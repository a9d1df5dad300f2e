#pragma once
// The parallel extraction pipeline: one reader thread, N extraction workers,
// and results handed back in input order on the calling thread (so that a
// run with 1 or 8 workers commits the same articles in the same order and
// builds the same graph).

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/ingest/reader.hpp"

namespace geokg {

struct PipelineOptions {
  ReadOptions read;
  // Extraction worker threads; 0 = one per core. Default: 0.
  unsigned threads = 0;
  // Articles read ahead of the writer; bounds memory. Default: 256.
  std::size_t queue_limit = 256;
  // Bytes of article text read ahead of the writer (one article always
  // passes, however large); bounds memory with queue_limit. Default: 256 MiB.
  std::size_t queue_bytes = std::size_t{256} << 20;
  // Hand articles that name a person by surname only (Naming::kPartial) to
  // the sink after the other articles of their input path, so that the store
  // has seen the path's full names when it resolves "Mr Blair"
  // (GraphStore::commit). Order stays deterministic: per path, the others in
  // input order, then these, those naming "Martin Bell" in full before those
  // that say "Mr Bell". At most `defer_bytes` of their text wait; beyond that
  // they go in order. Default: false (`geokg extract` prints in input order).
  bool defer_partial_names = false;
  // Default: 256 MiB.
  std::size_t defer_bytes = std::size_t{256} << 20;
};

struct PipelineCounters {
  std::uint64_t articles = 0;      // articles extracted and handed to the sink
  std::uint64_t text_bytes = 0;    // bytes of article text
  std::uint64_t events = 0;        // events extracted
  std::uint64_t actors = 0;        // actors extracted
  std::uint64_t skipped = 0;       // inputs or lines skipped with an issue
  std::uint64_t ignored = 0;       // directory entries left out by choice (ReadIssue::ignored)
};

// Called on the calling thread, in input order. Return a non-ok Status to stop the run.
using ExtractionSink = std::function<Status(const Article&, const Extraction&)>;

// The articles that name a person by surname only (Naming::kPartial), held
// back until the end of their input and then handed over so that the store
// has seen the input's full names when it resolves "Mr Blair"
// (PipelineOptions::defer_partial_names; the commit of extraction files holds
// them over all its files, which are one input). Released in input order,
// except that those naming "Martin Bell" in full go before those that say
// "Mr Bell" (and where names refer to each other in a cycle, the earliest
// first). At most `max_bytes` are held, counting article_text_bytes() + 1 KiB
// per article; past it an article is not held.
class SurnameDeferral {
 public:
  explicit SurnameDeferral(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  // Moves the article in and returns true when it names someone by surname
  // only and fits; false (nothing moved): hand it over now.
  bool hold(Article& article, Extraction& extraction);
  // Hands the held articles to `sink` in their order and forgets them;
  // returns the first error of the sink (the articles after it are dropped).
  Status release(const ExtractionSink& sink);
  bool empty() const { return held_.empty(); }

 private:
  std::vector<std::pair<Article, Extraction>> held_;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
};
// Called on the calling thread about twice a second while the run goes on.
using ProgressSink = std::function<void(const PipelineCounters&, double seconds)>;

// Reads every path, extracts every article on `threads` workers and hands the
// results to `sink` in order. Issues (skipped inputs) go to `on_issue` as they
// are found. Returns the first error of a path (missing path: NotFound) or of
// the sink, or Limit when memory ran out (std::bad_alloc in any thread); the
// counters say how far the run got.
Status run_pipeline(const std::vector<std::string>& paths, const Extractor& extractor,
                    const PipelineOptions& options, const ExtractionSink& sink,
                    const IssueSink& on_issue, const ProgressSink& on_progress,
                    PipelineCounters& counters);

}  // namespace geokg
