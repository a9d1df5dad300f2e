#pragma once
// Internal (graph/ only): the commit journal, a file beside RocksDB's own in
// the database directory ("GEOKG-JOURNAL") that names the articles committed
// since the last flush, one line each, appended after each commit's write.
// Until a flush, RocksDB's write-ahead log is the only copy of a commit;
// when that log is cut short, damaged or deleted, RocksDB opens without the
// commits it held (point-in-time recovery) and the journal says which they
// were.
//
//   geokg commit journal 1 flushed 1200      <- commits 1..1200 are in table files
//   1201 wn-castro                           <- commit sequence, article id (\n \r \\ escaped)
//   1202 bbc-0017

#include <cstdint>
#include <string>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg::detail {

class CommitJournal {
 public:
  static constexpr const char* kFileName = "GEOKG-JOURNAL";

  struct Entry {
    std::uint64_t seq = 0;
    std::string article_id;
  };
  struct Contents {
    bool present = false;        // false: no journal (a database from before it, or never opened for writing)
    std::uint64_t flushed = 0;   // commits through this sequence number are in table files
    std::vector<Entry> entries;  // commits after it, in order (a torn last line is left out)
  };

  // The journal of `dir`; Corruption when its first line is not a journal's.
  static Result<Contents> read(const std::string& dir);

  CommitJournal() = default;
  ~CommitJournal();
  CommitJournal(const CommitJournal&) = delete;
  CommitJournal& operator=(const CommitJournal&) = delete;

  // Starts the journal of `dir` afresh (a new file renamed over the old):
  // every commit through `flushed` is in table files. Keeps it open for append.
  Status reset(const std::string& dir, std::uint64_t flushed);
  // Appends one commit; `sync` also forces it to disk.
  Status append(std::uint64_t seq, const std::string& article_id, bool sync);

 private:
  int fd_ = -1;
};

// Escaping of article ids in journal lines and in the store's record of
// lost commits ("\n", "\r", "\\").
std::string escape_line(const std::string& s);
std::string unescape_line(const std::string& s);

}  // namespace geokg::detail
