#pragma once
// Extraction files: the unit of work a cluster ships (docs/scale.md).
// `geokg extract -o FILE` writes one per input shard (the map step, on any
// number of machines); `geokg ingest --extracted FILE...` commits them without
// extracting again (the one writer).
//
// Format: JSON Lines (gzip when the name ends in .gz; read whatever the name):
//
//   line 1   header   {"geokg_extraction":{"articles":78,"geokg":"0.1.0",
//                      "lexicons":"<16 hex>","model":"<16 hex>",
//                      "options":{"flat_fallback":true,"pos_tagger":false,"tree_coder":true},
//                      "order":"date,id","schema":1}}
//   line 2…  one record per article, in the interchange shape of
//            geokg/extract/extraction_json.hpp, in canonical order
//
// Canonical order: the article's date (Date::key(): undated first, a month- or
// year-precise date before the days it holds), then its id (bytewise), then
// its content hash, then the record's own bytes. That is a total order on
// records, so a file's bytes depend only on the articles it holds (not on
// -j, nor on the order they were read in), and files of any split of a corpus
// merge into one and the same sequence.
//
// Schema: kExtractionSchema grows when a record's meaning changes; a reader
// refuses a newer schema than its own (Incompatible, naming both). The
// fingerprints say which extractor wrote the records: `lexicons` hashes
// every data file but the models (actors/, events/ with events/triggers/,
// lemmas/, cameo-codes.tsv; README files left out) and the --lexicon files
// by content; `model` hashes tagger/ and parser/ and the extractor options.
// Files of different fingerprints or geokg versions hold extractions by
// different extractors, which one graph should not mix: ExtractionMerge
// refuses them unless asked.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/ingest/model_files.hpp"
#include "geokg/ingest/pipeline.hpp"
#include "geokg/ingest/reader.hpp"

namespace geokg {

inline constexpr std::uint32_t kExtractionSchema = 1;

struct ExtractionFileHeader {
  std::uint32_t schema = kExtractionSchema;
  std::string geokg_version;     // of the geokg that wrote the file ("0.1.0")
  std::string lexicons;          // fingerprint, 16 hex digits
  std::string model;             // fingerprint, 16 hex digits
  LexiconOptions options;        // the extractor's options (also in `model`)
  std::uint64_t articles = 0;    // records after the header
};

// The header as its one line's JSON object, and back. header_from_json
// returns Incompatible when the object is not a header (names no
// "geokg_extraction") or gives a schema newer than kExtractionSchema,
// InvalidInput when a field is malformed.
nlohmann::json header_to_json(const ExtractionFileHeader& header);
Result<ExtractionFileHeader> header_from_json(const nlohmann::json& line);

// Whether two files were written by the same extractor (geokg version,
// lexicons, model); Incompatible saying what differs otherwise.
Status same_extractor(const ExtractionFileHeader& a, const std::string& a_name,
                      const ExtractionFileHeader& b, const std::string& b_name);

struct ExtractorFingerprints {
  std::string lexicons;
  std::string model;
};
// Fingerprints of what decides what extraction gives (see above), from the
// files as they are on disk. IOError naming a file that cannot be read.
Result<ExtractorFingerprints> fingerprint_extractor(const std::string& data_dir,
                                                    const std::vector<std::string>& extra_lexicons,
                                                    const LexiconOptions& options);

// ---- writing ------------------------------------------------------------------------------

struct ExtractionWriterOptions {
  // Bytes of records held in memory; past them a sorted run goes to a
  // temporary file, and finish() merges the runs. Default: 256 MiB.
  std::size_t memory_bytes = std::size_t{256} << 20;
  // Where runs go. Default: "" = the system's temporary directory ($TMPDIR, else /tmp).
  std::string temp_dir;
};

// Collects records in any order and writes the file in canonical order.
class ExtractionFileWriter {
 public:
  // `cameo` may be null (records then carry no CAMEO labels).
  ExtractionFileWriter(ExtractionFileHeader header, const CameoTable* cameo,
                       ExtractionWriterOptions options = {});
  ~ExtractionFileWriter();   // removes its temporary files
  ExtractionFileWriter(const ExtractionFileWriter&) = delete;
  ExtractionFileWriter& operator=(const ExtractionFileWriter&) = delete;

  // Adds one article (every event of it, negated and hypothetical ones too:
  // the store keeps them flagged). IOError when a run cannot be written.
  Status add(const Article& article, const Extraction& extraction);
  // Writes the header (with the number of articles) and every record, in
  // canonical order, to `out`. REQUIRES: called once, after the last add().
  // IOError when a run cannot be read back or `out` fails.
  Status finish(std::ostream& out);
  std::uint64_t articles() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- reading ------------------------------------------------------------------------------

// One record read back, with what orders it.
struct ExtractedRecord {
  Article article;            // origin: "FILE:LINE"
  Extraction extraction;
  std::string line;           // the record as written (the last tie-breaker of the order)
};

// True when record `a` comes before `b` in canonical order.
bool canonical_before(const ExtractedRecord& a, const ExtractedRecord& b);

// An extraction file read as a stream of records, in bounded memory.
class ExtractionFileReader {
 public:
  // Opens `path` and reads its header. NotFound when it does not exist,
  // IOError when it cannot be read, Incompatible when it is not an extraction
  // file (no header line: plain `geokg extract` output is not one) or has a
  // newer schema; the message names the file.
  static Result<std::unique_ptr<ExtractionFileReader>> Open(const std::string& path,
                                                            std::size_t max_record_bytes = std::size_t{64} << 20);
  ~ExtractionFileReader();
  const ExtractionFileHeader& header() const;
  const std::string& path() const;

  // The next record into `record`: false at the end. A record that cannot be
  // used (malformed, longer than the cap, out of canonical order) is skipped
  // and reported to `on_issue` as "FILE:LINE"; so are an end that comes
  // before the number of records the header gives (a file cut short) and
  // damaged gzip data (the records before the damage count).
  bool next(ExtractedRecord& record, const IssueSink& on_issue);

 private:
  struct Impl;
  explicit ExtractionFileReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---- committing ---------------------------------------------------------------------------

struct ExtractedReadOptions {
  // Accept files written by different geokg versions, lexicons or models.
  // Default: false (refused: one graph from two extractors mixes their codings).
  bool allow_mixed = false;
  // As PipelineOptions::defer_bytes. Default: 256 MiB.
  std::size_t defer_bytes = std::size_t{256} << 20;
  // Longest record line. Default: 64 MiB.
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

// Every article of a set of extraction files in canonical order over all the
// files together (a k-way merge: one open file and one record per file in
// memory), the articles that name people by surname only held to the end
// (SurnameDeferral, the files being one input). The sequence, and so the
// graph a committing sink builds, is the same whatever the number of files
// the articles were split into and whatever their order in `files`: the
// sequence `geokg ingest` commits for one JSONL file holding the same
// articles in canonical order.
class ExtractionMerge {
 public:
  // Reads every file through (gzip checksums, the number of records its
  // header gives) and opens them, so that nothing is committed from a set
  // with a damaged or foreign file. Corruption naming a file that is cut short
  // or damaged; Incompatible naming a file that is not an extraction file,
  // has a newer schema, or (unless allow_mixed) another extractor than the
  // first file; NotFound or IOError when one cannot be opened; InvalidInput
  // for "-" (a file is read twice).
  static Result<std::unique_ptr<ExtractionMerge>> Open(const std::vector<std::string>& files,
                                                       const ExtractedReadOptions& options = {});
  ~ExtractionMerge();

  // Hands every article to `sink`; returns the first error of the sink.
  // Skipped records go to `on_issue` (and counters.skipped).
  Status run(const ExtractionSink& sink, const IssueSink& on_issue, const ProgressSink& on_progress,
             PipelineCounters& counters);

 private:
  struct Impl;
  explicit ExtractionMerge(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
