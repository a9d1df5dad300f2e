#pragma once
// Where a command's data goes: -o FILE or standard output, with every write
// error turned into a message and exit 2 (a full disk, /dev/full, a closed
// pipe's EIO), never a zero exit over a short or empty output.

#include <fstream>
#include <iostream>
#include <ostream>
#include <string>

namespace geokg::cli {

// -o FILE, or stdout when the path is empty. A file is written under a
// temporary name beside it (".NAME.geokg-PID.tmp") and renamed into place by
// commit(), so FILE is either the whole output or as it was before; the
// temporary file is removed when the command ends any other way.
class Output {
 public:
  // Exits 2 with a message when FILE cannot be written: a directory, a
  // directory that does not exist, no permission.
  explicit Output(std::string path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::ostream& stream() { return path_.empty() ? static_cast<std::ostream&>(std::cout) : file_; }
  // Flushes and checks every write (and syncs a file to disk); exits 2 on an error.
  void finish();
  // Moves a finished file into place.
  void commit();
  void close() {
    finish();
    commit();
  }

 private:
  std::string path_;
  std::string temp_;
  std::ofstream file_;
  bool committed_ = false;
};

// The path a file is written under before it is renamed to `path`.
std::string temporary_path_for(const std::string& path);
// Exits 2 with a message when `path` cannot be created as a file (a
// directory, a missing parent directory).
void check_output_path(const std::string& path);

// Moves a file another writer (Graphviz, SQLite) made at `temp` to `path`
// once it is on disk (fsync), so that `path` is whole or as it was; removes
// `temp` and exits 2 with a message when either step fails.
void sync_and_rename(const std::string& temp, const std::string& path);

// Flushes standard output and checks that everything written reached it.
// Returns `code`, or 2 (after a message) when a write failed and `code` was 0.
int finish_stdout(int code);

}  // namespace geokg::cli
