#include "output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "common.hpp"

namespace geokg::cli {

namespace fs = std::filesystem;

namespace {
[[noreturn]] void cannot_write(const std::string& path, const std::string& why) {
  print_error("cannot write '" + path + "': " + why);
  exit_with(kExitError);
}

// Data on disk before a rename, so that a crash leaves the old file or the
// whole new one. 0, or the errno of the failure.
int sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int e = errno;
    if (fd >= 0) ::close(fd);
    return e;
  }
  ::close(fd);
  return 0;
}
}  // namespace

std::string temporary_path_for(const std::string& path) {
  const fs::path p(path);
  return (p.parent_path() / ("." + p.filename().string() + ".geokg-" + std::to_string(::getpid()) + ".tmp"))
      .string();
}

void check_output_path(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) cannot_write(path, "it is a directory");
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    cannot_write(path, "the directory '" + parent.string() + "' does not exist");
}

Output::Output(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  check_output_path(path_);
  temp_ = temporary_path_for(path_);
  errno = 0;
  file_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!file_) cannot_write(path_, errno != 0 ? std::strerror(errno) : "cannot create a file there");
}

Output::~Output() {
  if (temp_.empty() || committed_) return;
  file_.close();
  std::error_code ec;
  fs::remove(temp_, ec);
}

void Output::finish() {
  if (path_.empty()) {
    if (const int code = finish_stdout(0); code != 0) exit_with(code);
    return;
  }
  errno = 0;
  file_.flush();
  const int err = errno;
  file_.close();
  if (!file_) cannot_write(path_, err != 0 ? std::strerror(err) : "write error");
  if (const int e = sync_file(temp_); e != 0) cannot_write(path_, std::strerror(e));
}

void Output::commit() {
  if (path_.empty() || committed_) return;
  std::error_code ec;
  fs::rename(temp_, path_, ec);
  if (ec) cannot_write(path_, ec.message());
  committed_ = true;
}

void sync_and_rename(const std::string& temp, const std::string& path) {
  std::error_code ec;
  if (const int e = sync_file(temp); e != 0) {
    fs::remove(temp, ec);
    cannot_write(path, std::strerror(e));
  }
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    cannot_write(path, ec.message());
  }
}

int finish_stdout(int code) {
  errno = 0;
  std::cout.flush();
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout;
  if (!failed) return code;
  const int err = errno;
  // Once: a later check (main's) must not print it again.
  std::clearerr(stdout);
  std::cout.clear();
  print_error(std::string("cannot write the output: ") + (err != 0 ? std::strerror(err) : "write error"));
  return code == 0 ? kExitError : code;
}

}  // namespace geokg::cli
