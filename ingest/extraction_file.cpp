#include "geokg/ingest/extraction_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <queue>
#include <sstream>
#include <tuple>

#include "geokg/core/ids.hpp"
#include "geokg/extract/extraction_json.hpp"
#include "input_stream.hpp"

namespace geokg {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kHeaderKey = "geokg_extraction";
constexpr const char* kOrder = "date,id";

std::string dump_line(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// What orders records (see the header): date key, id, content hash, the line.
struct OrderKey {
  std::int32_t date;
  std::string_view id;
  std::uint64_t hash;
  std::string_view line;
  friend bool operator<(const OrderKey& a, const OrderKey& b) {
    return std::tie(a.date, a.id, a.hash, a.line) < std::tie(b.date, b.id, b.hash, b.line);
  }
};

OrderKey key_of(const ExtractedRecord& r) {
  return {r.article.date.key(), r.article.id, article_content_hash(r.article), r.line};
}

}  // namespace

bool canonical_before(const ExtractedRecord& a, const ExtractedRecord& b) { return key_of(a) < key_of(b); }

// ---- header -----------------------------------------------------------------------------

json header_to_json(const ExtractionFileHeader& h) {
  json options = {{"tree_coder", h.options.tree_coder},
                  {"pos_tagger", h.options.pos_tagger},
                  {"flat_fallback", h.options.flat_fallback}};
  json body = {{"schema", h.schema},       {"geokg", h.geokg_version}, {"articles", h.articles},
               {"order", kOrder},          {"lexicons", h.lexicons},   {"model", h.model},
               {"options", std::move(options)}};
  return json{{kHeaderKey, std::move(body)}};
}

Result<ExtractionFileHeader> header_from_json(const json& line) {
  if (!line.is_object() || !line.contains(kHeaderKey) || !line[kHeaderKey].is_object())
    return Status::Incompatible("it does not start with an extraction header");
  const json& b = line[kHeaderKey];
  ExtractionFileHeader h;
  auto schema = b.find("schema");
  if (schema == b.end() || !schema->is_number_unsigned())
    return Status::InvalidInput("its header gives no schema version");
  h.schema = schema->get<std::uint32_t>();
  h.geokg_version = b.value("geokg", std::string());
  if (h.schema > kExtractionSchema)
    return Status::Incompatible("it is of extraction schema " + std::to_string(h.schema) +
                                ", written by geokg " + h.geokg_version +
                                "; this geokg reads schema " + std::to_string(kExtractionSchema) +
                                " and older: ingest it with that geokg or a newer one, or extract again");
  try {
    h.lexicons = b.at("lexicons").get<std::string>();
    h.model = b.at("model").get<std::string>();
    h.articles = b.at("articles").get<std::uint64_t>();
    if (b.value("order", std::string()) != kOrder)
      return Status::InvalidInput("its header gives an order other than \"" + std::string(kOrder) + "\"");
    if (auto o = b.find("options"); o != b.end() && o->is_object()) {
      h.options.tree_coder = o->value("tree_coder", false);
      h.options.pos_tagger = o->value("pos_tagger", false);
      h.options.flat_fallback = o->value("flat_fallback", false);
    }
  } catch (const json::exception& e) {
    return Status::InvalidInput(std::string("its header is malformed: ") + e.what());
  }
  return h;
}

Status same_extractor(const ExtractionFileHeader& a, const std::string& a_name,
                      const ExtractionFileHeader& b, const std::string& b_name) {
  std::string what;
  if (a.geokg_version != b.geokg_version) what = "geokg " + a.geokg_version + " / " + b.geokg_version;
  else if (a.lexicons != b.lexicons) what = "lexicons " + a.lexicons + " / " + b.lexicons;
  else if (a.model != b.model) what = "models and options " + a.model + " / " + b.model;
  if (what.empty()) return Status::Ok();
  return Status::Incompatible("'" + a_name + "' and '" + b_name +
                              "' were extracted by different extractors (" + what +
                              "): extract them again with one geokg, or --allow-mixed to commit them together");
}

// ---- fingerprints -----------------------------------------------------------------------

namespace {

Result<std::string> file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::IOError("cannot read '" + p.string() + "'");
  if (!in) {
    std::error_code ec;
    if (fs::file_size(p, ec) != 0 || ec) return Status::IOError("cannot read '" + p.string() + "'");
  }
  return ss.str();
}

}  // namespace

Result<ExtractorFingerprints> fingerprint_extractor(const std::string& data_dir,
                                                    const std::vector<std::string>& extra_lexicons,
                                                    const LexiconOptions& options) {
  // A list of "path <hash of content>" lines per fingerprint, then its hash.
  std::vector<std::pair<std::string, bool>> files;   // relative path, is a model file
  std::error_code ec;
  for (fs::recursive_directory_iterator it(data_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() == ".md") continue;
    const std::string rel = fs::relative(it->path(), data_dir, ec).generic_string();
    const std::string top = rel.substr(0, rel.find('/'));
    files.emplace_back(rel, top == "parser" || top == "tagger");
  }
  if (ec) return Status::IOError("cannot list '" + data_dir + "': " + ec.message());
  std::sort(files.begin(), files.end());
  std::string lexicons, model;
  for (const auto& [rel, is_model] : files) {
    auto bytes = file_bytes(fs::path(data_dir) / rel);
    if (!bytes.ok()) return bytes.status();
    (is_model ? model : lexicons) += rel + ' ' + to_hex(stable_hash64(*bytes)) + '\n';
  }
  for (const auto& path : extra_lexicons) {
    auto bytes = file_bytes(path);
    if (!bytes.ok()) return bytes.status();
    lexicons += "--lexicon " + to_hex(stable_hash64(*bytes)) + '\n';
  }
  model += "tree_coder=" + std::to_string(options.tree_coder) + " pos_tagger=" +
           std::to_string(options.pos_tagger) + " flat_fallback=" + std::to_string(options.flat_fallback) + '\n';
  return ExtractorFingerprints{to_hex(stable_hash64(lexicons)), to_hex(stable_hash64(model))};
}

// ---- writing ------------------------------------------------------------------------------

namespace {

struct Pending {
  std::int32_t date = 0;
  std::uint64_t hash = 0;
  std::string id;
  std::string line;
  OrderKey key() const { return {date, id, hash, line}; }
};

// A sorted run on disk: per record date (4 bytes), hash (8), id length (4),
// id, line length (4), line; native byte order (read back by this process).
class Run {
 public:
  Run() = default;
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;
  ~Run() {
    if (file_) std::fclose(file_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  Status create(const std::string& dir) {
    std::string tmpl = (fs::path(dir) / "geokg-extract-run-XXXXXX").string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return Status::IOError("cannot create a temporary file in '" + dir + "': " + std::strerror(errno));
    path_ = tmpl;
    file_ = ::fdopen(fd, "w+b");
    if (!file_) {
      ::close(fd);
      return Status::IOError("cannot open '" + path_ + "'");
    }
    return Status::Ok();
  }
  bool write(const Pending& p) {
    const auto id_len = static_cast<std::uint32_t>(p.id.size());
    const auto line_len = static_cast<std::uint32_t>(p.line.size());
    return put(&p.date, 4) && put(&p.hash, 8) && put(&id_len, 4) && put(p.id.data(), id_len) &&
           put(&line_len, 4) && put(p.line.data(), line_len);
  }
  Status rewind() {
    if (std::fflush(file_) != 0 || std::ferror(file_) || std::fseek(file_, 0, SEEK_SET) != 0)
      return Status::IOError("cannot write '" + path_ + "': " + std::strerror(errno));
    return Status::Ok();
  }
  // The next record, false at the end (or on a read error: status()).
  bool read(Pending& p) {
    std::uint32_t id_len = 0, line_len = 0;
    if (!get(&p.date, 4)) return false;
    if (!get(&p.hash, 8) || !get(&id_len, 4)) return fail();
    p.id.resize(id_len);
    if (!get(p.id.data(), id_len) || !get(&line_len, 4)) return fail();
    p.line.resize(line_len);
    if (!get(p.line.data(), line_len)) return fail();
    return true;
  }
  Status status() const {
    if (bad_ || std::ferror(file_)) return Status::IOError("cannot read back '" + path_ + "'");
    return Status::Ok();
  }

 private:
  bool put(const void* b, std::size_t n) { return n == 0 || std::fwrite(b, 1, n, file_) == n; }
  bool get(void* b, std::size_t n) { return n == 0 || std::fread(b, 1, n, file_) == n; }
  bool fail() {
    bad_ = true;
    return false;
  }
  std::string path_;
  std::FILE* file_ = nullptr;
  bool bad_ = false;
};

}  // namespace

struct ExtractionFileWriter::Impl {
  ExtractionFileHeader header;
  const CameoTable* cameo = nullptr;
  ExtractionWriterOptions options;
  std::vector<Pending> pending;
  std::size_t pending_bytes = 0;
  std::vector<std::unique_ptr<Run>> runs;
  std::uint64_t count = 0;

  void sort_pending() {
    std::sort(pending.begin(), pending.end(),
              [](const Pending& a, const Pending& b) { return a.key() < b.key(); });
  }

  Status spill() {
    sort_pending();
    auto run = std::make_unique<Run>();
    const std::string dir = options.temp_dir.empty() ? fs::temp_directory_path().string() : options.temp_dir;
    if (Status s = run->create(dir); !s.ok()) return s;
    for (const Pending& p : pending)
      if (!run->write(p)) return Status::IOError("cannot write a temporary file in '" + dir + "' (disk full?)");
    if (Status s = run->rewind(); !s.ok()) return s;
    runs.push_back(std::move(run));
    pending.clear();
    pending_bytes = 0;
    return Status::Ok();
  }

  // The runs merged into `out`, line by line.
  Status merge_runs(std::ostream& out) {
    std::vector<Pending> head(runs.size());
    const auto later = [&](std::size_t a, std::size_t b) { return head[b].key() < head[a].key(); };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> queue(later);
    for (std::size_t i = 0; i < runs.size(); ++i)
      if (runs[i]->read(head[i])) queue.push(i);
      else if (Status s = runs[i]->status(); !s.ok()) return s;
    while (!queue.empty()) {
      const std::size_t i = queue.top();
      queue.pop();
      out << head[i].line << '\n';
      if (runs[i]->read(head[i])) queue.push(i);
      else if (Status s = runs[i]->status(); !s.ok()) return s;
    }
    return Status::Ok();
  }
};

ExtractionFileWriter::ExtractionFileWriter(ExtractionFileHeader header, const CameoTable* cameo,
                                           ExtractionWriterOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->header = std::move(header);
  impl_->cameo = cameo;
  impl_->options = std::move(options);
}

ExtractionFileWriter::~ExtractionFileWriter() = default;

std::uint64_t ExtractionFileWriter::articles() const { return impl_->count; }

Status ExtractionFileWriter::add(const Article& article, const Extraction& extraction) {
  Impl& im = *impl_;
  Pending p;
  p.date = article.date.key();
  p.hash = article_content_hash(article);
  p.id = article.id;
  p.line = dump_line(extraction_to_json(article, extraction, im.cameo, ExtractionShape::kInterchange));
  im.pending_bytes += p.line.size() + p.id.size() + sizeof(Pending);
  im.pending.push_back(std::move(p));
  ++im.count;
  if (im.pending_bytes > im.options.memory_bytes) return im.spill();
  return Status::Ok();
}

Status ExtractionFileWriter::finish(std::ostream& out) {
  Impl& im = *impl_;
  im.header.articles = im.count;
  out << dump_line(header_to_json(im.header)) << '\n';
  if (im.runs.empty()) {
    im.sort_pending();
    for (const Pending& p : im.pending) out << p.line << '\n';
  } else {
    if (!im.pending.empty())
      if (Status s = im.spill(); !s.ok()) return s;
    if (Status s = im.merge_runs(out); !s.ok()) return s;
  }
  im.pending.clear();
  im.runs.clear();
  if (!out) return Status::IOError("cannot write the extraction file");
  return Status::Ok();
}

// ---- reading ------------------------------------------------------------------------------

struct ExtractionFileReader::Impl {
  std::string path;
  ExtractionFileHeader header;
  detail::OpenedInput input;
  std::size_t cap = 0;
  std::uint64_t line = 1;        // lines read, the header's included
  std::uint64_t records = 0;     // record lines read, used or not
  bool ended = false;
  // The last record used, for the order check.
  bool has_last = false;
  std::int32_t last_date = 0;
  std::string last_id;
  std::uint64_t last_hash = 0;
  std::string last_line;

  std::string where() const { return path + ":" + std::to_string(line); }

  // The end of the file: a damaged stream, a count other than the header's.
  void finish(const IssueSink& on_issue) {
    ended = true;
    if (Status s = input.reader->error(); !s.ok()) {
      on_issue({path, s.message() + " after " + std::to_string(records) + " of " +
                          std::to_string(header.articles) + " records; the rest is lost"});
    } else if (records != header.articles) {
      on_issue({path, "the header gives " + std::to_string(header.articles) + " records, the file holds " +
                          std::to_string(records) + (records < header.articles ? " (cut short?)" : "")});
    }
  }
};

ExtractionFileReader::ExtractionFileReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExtractionFileReader::~ExtractionFileReader() = default;
const ExtractionFileHeader& ExtractionFileReader::header() const { return impl_->header; }
const std::string& ExtractionFileReader::path() const { return impl_->path; }

Result<std::unique_ptr<ExtractionFileReader>> ExtractionFileReader::Open(const std::string& path,
                                                                         std::size_t max_record_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return Status::IOError("'" + path + "' is a directory; give the extraction files themselves");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT) return Status::NotFound("'" + path + "' does not exist");
    return Status::IOError("cannot open '" + path + "': " + std::strerror(e));
  }
  auto im = std::make_unique<Impl>();
  im->path = path;
  im->cap = max_record_bytes;
  im->input = detail::open_input(std::make_unique<detail::FdSource>(fd, true));
  std::string_view first;
  std::uint64_t length = 0;
  const auto got = im->input.reader->next_line(first, im->cap, length);
  const std::string not_one = "'" + path + "' is not a geokg extraction file: ";
  if (got == detail::InputReader::Line::kEnd) {
    if (Status s = im->input.reader->error(); !s.ok())
      return Status::IOError("cannot read '" + path + "': " + s.message());
    return Status::Incompatible(not_one + "it is empty");
  }
  const json j = json::parse(first, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains(kHeaderKey))
    return Status::Incompatible(
        not_one + (j.is_object() && j.contains("article")
                       ? "it is plain `geokg extract` output, which is for reading (`geokg extract -o FILE` "
                         "writes extraction files)"
                       : "its first line is no extraction header (`geokg extract -o FILE` writes them)"));
  auto header = header_from_json(j);
  if (!header.ok()) {
    const Status& s = header.status();
    return Status::Incompatible((s.code() == Status::Code::kIncompatible ? "'" + path + "': " : not_one) +
                                s.message());
  }
  im->header = std::move(*header);
  return std::unique_ptr<ExtractionFileReader>(new ExtractionFileReader(std::move(im)));
}

bool ExtractionFileReader::next(ExtractedRecord& record, const IssueSink& on_issue) {
  Impl& im = *impl_;
  while (!im.ended) {
    std::string_view text;
    std::uint64_t length = 0;
    const auto got = im.input.reader->next_line(text, im.cap, length);
    if (got == detail::InputReader::Line::kEnd) {
      im.finish(on_issue);
      return false;
    }
    ++im.line;
    if (got == detail::InputReader::Line::kTooLong) {
      ++im.records;
      on_issue({im.where(), "record of " + std::to_string(length) + " bytes exceeds the limit of " +
                                std::to_string(im.cap) + " bytes"});
      continue;
    }
    if (text.empty()) continue;
    ++im.records;
    const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      on_issue({im.where(), "malformed JSON record"});
      continue;
    }
    record.line.assign(text);
    if (Status s = extraction_from_json(j, record.article, record.extraction); !s.ok()) {
      on_issue({im.where(), s.message()});
      continue;
    }
    record.article.origin = im.where();
    const OrderKey key = key_of(record);
    if (im.has_last && key < OrderKey{im.last_date, im.last_id, im.last_hash, im.last_line}) {
      on_issue({im.where(), "record out of canonical order (article '" + record.article.id +
                                "' after '" + im.last_id + "'): the file was not written by geokg extract -o"});
      continue;
    }
    im.has_last = true;
    im.last_date = key.date;
    im.last_id = record.article.id;
    im.last_hash = key.hash;
    im.last_line = record.line;
    if (got == detail::InputReader::Line::kLastLine) im.finish(on_issue);
    return true;
  }
  return false;
}

// ---- committing ---------------------------------------------------------------------------

namespace {

// Reads a file through, so that a damaged or cut-short file is refused before
// anything is committed: its number of record lines, or the read error.
Status check_whole(const std::string& path, const ExtractedReadOptions& options) {
  auto opened = ExtractionFileReader::Open(path, options.max_record_bytes);
  if (!opened.ok()) return opened.status();
  const ExtractionFileHeader& h = (*opened)->header();
  // Counting lines needs no JSON parsing: reopen the stream and count.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open '" + path + "': " + std::strerror(errno));
  auto in = detail::open_input(std::make_unique<detail::FdSource>(fd, true));
  std::uint64_t lines = 0, length = 0;
  std::string_view line;
  for (;;) {
    const auto got = in.reader->next_line(line, options.max_record_bytes, length);
    if (got == detail::InputReader::Line::kEnd) break;
    if (got == detail::InputReader::Line::kTooLong || !line.empty()) ++lines;
    if (got == detail::InputReader::Line::kLastLine) break;
  }
  const std::uint64_t records = lines > 0 ? lines - 1 : 0;
  if (Status s = in.reader->error(); !s.ok())
    return Status::Corruption("'" + path + "' is damaged: " + s.message() + " after " + std::to_string(records) +
                              " of " + std::to_string(h.articles) + " records; extract it again");
  if (records != h.articles)
    return Status::Corruption("'" + path + "' holds " + std::to_string(records) + " records where its header gives " +
                              std::to_string(h.articles) + (records < h.articles ? " (cut short)" : "") +
                              "; extract it again");
  return Status::Ok();
}

}  // namespace

struct ExtractionMerge::Impl {
  ExtractedReadOptions options;
  std::vector<std::unique_ptr<ExtractionFileReader>> readers;
};

ExtractionMerge::ExtractionMerge(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExtractionMerge::~ExtractionMerge() = default;

Result<std::unique_ptr<ExtractionMerge>> ExtractionMerge::Open(const std::vector<std::string>& files,
                                                               const ExtractedReadOptions& options) {
  auto im = std::make_unique<Impl>();
  im->options = options;
  for (const auto& path : files) {
    if (path == "-")
      return Status::InvalidInput("extraction files are read twice (checked whole, then committed): "
                                  "give files, not standard input");
    if (Status s = check_whole(path, options); !s.ok()) return s;
  }
  for (const auto& path : files) {
    auto opened = ExtractionFileReader::Open(path, options.max_record_bytes);
    if (!opened.ok()) return opened.status();
    if (!im->readers.empty() && !options.allow_mixed)
      if (Status s = same_extractor(im->readers.front()->header(), im->readers.front()->path(),
                                    (*opened)->header(), path);
          !s.ok())
        return s;
    im->readers.push_back(std::move(*opened));
  }
  return std::unique_ptr<ExtractionMerge>(new ExtractionMerge(std::move(im)));
}

Status ExtractionMerge::run(const ExtractionSink& sink, const IssueSink& on_issue,
                            const ProgressSink& on_progress, PipelineCounters& counters) {
  auto& readers = impl_->readers;
  const IssueSink count_issue = [&](const ReadIssue& issue) {
    counters.skipped += issue.count;
    if (on_issue) on_issue(issue);
  };
  std::vector<ExtractedRecord> head(readers.size());
  // Equal records of two files are the same article: either may go first.
  const auto later = [&](std::size_t a, std::size_t b) { return canonical_before(head[b], head[a]); };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> queue(later);
  for (std::size_t i = 0; i < readers.size(); ++i)
    if (readers[i]->next(head[i], count_issue)) queue.push(i);

  const auto t0 = std::chrono::steady_clock::now();
  auto last_progress = t0;
  const ExtractionSink hand = [&](const Article& article, const Extraction& extraction) {
    ++counters.articles;
    counters.text_bytes += article_text_bytes(article);
    counters.events += extraction.events.size();
    counters.actors += extraction.actors.size();
    return sink(article, extraction);
  };
  SurnameDeferral deferred(impl_->options.defer_bytes);
  while (!queue.empty()) {
    const std::size_t i = queue.top();
    queue.pop();
    ExtractedRecord& r = head[i];
    if (!deferred.hold(r.article, r.extraction))
      if (Status s = hand(r.article, r.extraction); !s.ok()) return s;
    if (readers[i]->next(head[i], count_issue)) queue.push(i);
    const auto now = std::chrono::steady_clock::now();
    if (on_progress && now - last_progress > std::chrono::milliseconds(500)) {
      last_progress = now;
      on_progress(counters, std::chrono::duration<double>(now - t0).count());
    }
  }
  Status s = deferred.release(hand);
  if (on_progress)
    on_progress(counters, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return s;
}

}  // namespace geokg
