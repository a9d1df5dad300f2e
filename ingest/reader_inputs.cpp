// Reading inputs: files, directories, gzip and standard input, JSON lines
// streams with per-line errors (reader.hpp). The formats themselves are
// parsed in reader.cpp.

#include "geokg/ingest/reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <vector>

#include "input_stream.hpp"
#include "reader_impl.hpp"

namespace geokg {

namespace fs = std::filesystem;
using namespace detail;

// ---- reading inputs ---------------------------------------------------------------------

namespace {

// Bad records listed one by one per input; past this many, counted in one line.
constexpr std::uint64_t kMaxIssuesPerInput = 20;
// Bytes looked at to tell the format.
constexpr std::size_t kDetectBytes = 64 * 1024;
constexpr std::size_t kBinarySniffBytes = 1024;   // the head checked for NUL and control bytes
// A .gz that decompresses to at most this much is checked whole (its CRC)
// before any record is read, so that a corrupt small file is skipped whole.
constexpr std::size_t kGzipCheckedBytes = std::size_t{64} << 20;
// Room for a text article's header block.
constexpr std::size_t kTextHeaderBytes = 64 * 1024;
// Entries read from one directory.
constexpr std::size_t kMaxDirectoryEntries = 1'000'000;

// Everything one run of read_articles shares.
struct ReadRun {
  const ReadOptions& options;
  const ArticleSink& on_article;
  const IssueSink& on_issue;
  bool stop = false;

  void ignored(const std::string& where, std::string message) {
    ReadIssue i{where, std::move(message)};
    i.ignored = true;
    on_issue(i);
  }
};

// The problems of one input: the first kMaxIssuesPerInput each on its own,
// then one line counting the rest.
class InputIssues {
 public:
  InputIssues(ReadRun& run, std::string name) : run_(run), name_(std::move(name)) {}
  ~InputIssues() {
    if (more_ == 0) return;
    ReadIssue i{name_, std::to_string(more_) + " more bad records not listed"};
    i.count = more_;
    run_.on_issue(i);
  }
  InputIssues(const InputIssues&) = delete;
  InputIssues& operator=(const InputIssues&) = delete;

  void operator()(std::string where, std::string message) {
    if (++seen_ <= kMaxIssuesPerInput) run_.on_issue(ReadIssue{std::move(where), std::move(message)});
    else ++more_;
  }
  const std::string& name() const { return name_; }

 private:
  ReadRun& run_;
  std::string name_;
  std::uint64_t seen_ = 0, more_ = 0;
};

bool emit(ReadRun& run, InputIssues& issue, const std::string& where, Result<Article> a) {
  if (!a.ok()) {
    issue(where, a.status().message());
    return true;
  }
  if (!run.on_article(std::move(a).value())) run.stop = true;
  return !run.stop;
}

// JSON Lines: one record per line, each line at most max_record_bytes.
void read_json_lines(detail::InputReader& in, ReadRun& run, InputIssues& issue) {
  std::uint64_t line_no = 0;
  for (;;) {
    std::string_view line;
    std::uint64_t length = 0;
    const auto r = in.next_line(line, run.options.max_record_bytes, length);
    if (r == detail::InputReader::Line::kEnd) return;
    ++line_no;
    const std::string where = issue.name() + ":" + std::to_string(line_no);
    if (r == detail::InputReader::Line::kTooLong) {
      issue(where, too_big(length, run.options.max_record_bytes, "line"));
      continue;
    }
    // A last line cut short by a read error is not a record; the error is reported.
    if (r == detail::InputReader::Line::kLastLine && !in.error().ok()) return;
    if (trim(line).empty()) continue;
    if (!emit(run, issue, where, parse_jsonl_line(line, run.options, where))) return;
  }
}

// JSON: the objects of a top-level array, or objects one after another
// (pretty-printed or not). The text is split into records by their brackets
// and strings, each record parsed as a JSONL line is, each named by the line
// it starts on. After a broken record, reading goes on at the next line that
// starts with '{'.
class JsonRecords {
 public:
  JsonRecords(ReadRun& run, InputIssues& issue) : run_(run), issue_(issue) {}

  void read(detail::InputReader& in) {
    std::string chunk(256 * 1024, '\0');
    for (;;) {
      const std::size_t got = in.read(chunk.data(), chunk.size());
      if (got == 0) break;
      for (std::size_t i = 0; i < got && !run_.stop; ++i) feed(chunk[i]);
      if (run_.stop) return;
    }
    if (!in.error().ok()) return;   // reported by the caller; a cut record is no record
    if (in_record_) {
      if (scalar_) finish();
      else fail("malformed JSON: the input ends inside this record");
    }
    if (in_array_) issue_(where(line_), "the JSON array is not closed (the input may be cut short)");
  }

 private:
  std::string where(std::uint64_t line) const { return issue_.name() + ":" + std::to_string(line); }

  void start(char c) {
    in_record_ = true;
    record_.assign(1, c);
    length_ = 1;
    record_line_ = line_;
    depth_ = (c == '{' || c == '[') ? 1 : 0;
    scalar_ = depth_ == 0;
    in_string_ = c == '"';
    escape_ = false;
  }

  void append(char c) {
    ++length_;
    if (length_ <= run_.options.max_record_bytes) record_ += c;
    else if (!record_.empty()) std::string().swap(record_);   // too long: kept no more
  }

  void finish() {
    in_record_ = false;
    const std::string at = where(record_line_);
    if (length_ > run_.options.max_record_bytes)
      issue_(at, too_big(length_, run_.options.max_record_bytes, "record"));
    else
      emit(run_, issue_, at, parse_jsonl_line(record_, run_.options, at));
    std::string().swap(record_);
  }

  void fail(const std::string& message) {
    in_record_ = false;
    std::string().swap(record_);
    issue_(where(record_line_), message);
  }

  static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  void feed(char c) {
    const bool line_start = at_line_start_;
    at_line_start_ = c == '\n';
    if (!in_record_) {
      top(c, line_start);
    } else if (line_start && c == '{' && !scalar_) {
      fail("malformed JSON: this record never ends (a new one starts on line " + std::to_string(line_) + ")");
      start(c);
    } else if (scalar_ && !in_string_ && (c == ',' || c == ']' || space(c))) {
      finish();   // an array element that is not an object: the parser says so
      top(c, line_start);
    } else {
      record(c);
    }
    if (c == '\n') ++line_;
  }

  void record(char c) {
    append(c);
    if (in_string_) {
      if (escape_) escape_ = false;
      else if (c == '\\') escape_ = true;
      else if (c == '"') in_string_ = false;
      else if (c == '\n') {
        fail("malformed JSON: a string runs past the end of line " + std::to_string(line_));
        skipping_ = true;
      }
      return;
    }
    if (c == '"') in_string_ = true;
    else if (c == '{' || c == '[') ++depth_;
    else if ((c == '}' || c == ']') && --depth_ == 0) finish();
  }

  // Between records.
  void top(char c, bool line_start) {
    if (skipping_) {
      if (line_start && c == '{') {
        skipping_ = false;
        start(c);
      }
      return;
    }
    if (space(c)) return;
    const bool value = c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' ||
                       c == 'f' || c == 'n';
    if (c == '{' || (in_array_ && value)) {
      start(c);
    } else if (c == '[') {
      in_array_ = true;
    } else if (in_array_ && (c == ',' || c == ']')) {
      in_array_ = c == ',';
    } else {
      issue_(where(line_), std::string("malformed JSON: '") + c + "' where a record should start");
      skipping_ = true;
    }
  }

  ReadRun& run_;
  InputIssues& issue_;
  std::string record_;
  std::uint64_t length_ = 0, line_ = 1, record_line_ = 1;
  int depth_ = 0;
  bool in_record_ = false, scalar_ = false, in_string_ = false, escape_ = false;
  bool in_array_ = false, skipping_ = false;
  bool at_line_start_ = true;
};

// One text or HTML article: the whole input, refused past its cap before it is read.
void read_one_article(detail::InputReader& in, InputFormat fmt, std::optional<std::uint64_t> size,
                      ReadRun& run, InputIssues& issue) {
  const bool html = fmt == InputFormat::kHtml;
  const std::size_t max = run.options.max_article_bytes;
  const std::size_t cap = html ? run.options.max_html_bytes : max + kTextHeaderBytes;
  const auto refuse = [&](const std::string& bytes) {
    const std::string limit = std::to_string(html ? cap : max);
    issue(issue.name(), (html ? "HTML input of " : "article of ") + bytes + " bytes exceeds the limit of " + limit +
                            " bytes");
  };
  if (size && *size > cap) return refuse(std::to_string(*size));
  auto content = in.rest(cap);
  if (!content.ok()) {
    if (content.status().code() == Status::Code::kLimit) return refuse("more than " + std::to_string(cap));
    return issue(issue.name(), content.status().message());
  }
  emit(run, issue, issue.name(),
       html ? parse_html_article(*content, run.options, issue.name())
            : parse_text_article(*content, run.options, issue.name()));
}

// Why the first bytes of an input are not text, or null. Random data holds
// no NUL in its first KiB about once in 55 tries, but a tenth of its bytes
// are C0 controls that text never has (tab, newlines, form feed and escape
// aside).
const char* binary_reason(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return "NUL bytes";
  std::size_t controls = 0;
  for (unsigned char c : head)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f)
      ++controls;
  return controls * 100 > head.size() * 2 ? "control bytes" : nullptr;
}

// One input: decoders, checks, format, records. `size` is the input's when
// known (a regular file).
void read_input(std::unique_ptr<detail::ByteSource> raw, const std::string& name,
                std::optional<std::uint64_t> size, ReadRun& run) {
  InputIssues issue(run, name);
  detail::OpenedInput opened = detail::open_input(std::move(raw));
  detail::InputReader& in = *opened.reader;
  if (iends_with(name, ".gz") && !opened.gzip) return issue(name, "not gzip data (no gzip header)");
  if (opened.gzip) size.reset();
  // A small .gz is decompressed whole first: its CRC is checked before any record counts.
  const std::string_view head =
      opened.gzip ? in.peek(kGzipCheckedBytes + 1) : in.peek_lines(kDetectBytes);
  if (Status e = in.error(); !e.ok() && (head.size() <= kGzipCheckedBytes || !opened.gzip))
    return issue(name, e.message());
  if (const char* why = binary_reason(head.substr(0, kBinarySniffBytes)))
    return issue(name, std::string("binary file (") + why + ")");
  if (trim(head).empty() && head.size() < kDetectBytes) return issue(name, "empty input");

  const InputFormat fmt = run.options.format == InputFormat::kAuto
                              ? detect_format(head.substr(0, kDetectBytes), name)
                              : run.options.format;
  switch (fmt) {
    case InputFormat::kJsonl: read_json_lines(in, run, issue); break;
    case InputFormat::kJson: JsonRecords(run, issue).read(in); break;
    default: return read_one_article(in, fmt, size, run, issue);
  }
  if (Status e = in.error(); !e.ok()) issue(name, e.message());
}

bool hidden_name(const std::string& n) { return !n.empty() && n[0] == '.'; }

bool extension_allowed(const ReadOptions& options, const std::string& name) {
  const std::string ext = article_extension(name);
  for (const auto& e : options.extensions)
    if (e == "*" || e == ext) return true;
  return false;
}

void read_file(const std::string& path, std::optional<std::uint64_t> size, ReadRun& run) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    InputIssues(run, path)(path, std::string("cannot open: ") + std::strerror(errno));
    return;
  }
  read_input(std::make_unique<detail::FdSource>(fd, true), path, size, run);
}

// A directory, recursively: entries in name order, hidden ones left out,
// files read when their extension is an article format.
void read_directory(const fs::path& dir, ReadRun& run) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  const auto unreadable = [&] {
    InputIssues(run, dir.string())(dir.string(), "cannot read directory: " + ec.message());
  };
  if (ec) return unreadable();
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return unreadable();
    if (hidden_name(it->path().filename().string())) continue;
    if (entries.size() == kMaxDirectoryEntries) {
      InputIssues(run, dir.string())(dir.string(), "directory of more than " +
                                                       std::to_string(kMaxDirectoryEntries) +
                                                       " entries; split it");
      return;
    }
    entries.push_back(*it);
  }
  if (ec) return unreadable();
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    if (run.stop) return;
    const std::string path = e.path().string();
    const auto link = e.symlink_status(ec);
    const auto st = e.status(ec);
    if (fs::is_directory(st)) {
      if (fs::is_symlink(link)) run.ignored(path, "symbolic link to a directory, not followed");
      else read_directory(e.path(), run);
    } else if (!fs::is_regular_file(st)) {
      run.ignored(path, ec ? "cannot read: " + ec.message() : "not a regular file");
    } else if (!extension_allowed(run.options, path)) {
      const std::string ext = article_extension(path);
      run.ignored(path, (ext.empty() ? std::string("no file extension") : "extension ." + ext) +
                            " is not an article format (--extensions to read it)");
    } else {
      const auto size = e.file_size(ec);
      read_file(path, ec ? std::nullopt : std::optional<std::uint64_t>(size), run);
    }
  }
}

}  // namespace

Status read_articles(const std::string& path, const ReadOptions& options,
                     const ArticleSink& on_article, const IssueSink& on_issue) {
  ReadRun run{options, on_article, on_issue};
  if (path == "-") {
    read_input(std::make_unique<detail::FdSource>(STDIN_FILENO, false), "<stdin>", std::nullopt, run);
    return Status::Ok();
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Status::NotFound("no such file or directory: " + path);
    return Status::IOError("cannot read " + path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    read_directory(path, run);
    return Status::Ok();
  }
  // A file, FIFO or device the user named: read whatever its name.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  read_input(std::make_unique<detail::FdSource>(fd, true), path,
             S_ISREG(st.st_mode) ? std::optional<std::uint64_t>(st.st_size) : std::nullopt, run);
  return Status::Ok();
}

void read_articles_from(std::string_view content, const std::string& name, const ReadOptions& options,
                        const ArticleSink& on_article, const IssueSink& on_issue) {
  ReadRun run{options, on_article, on_issue};
  read_input(std::make_unique<detail::MemorySource>(content), name, content.size(), run);
}

}  // namespace geokg
