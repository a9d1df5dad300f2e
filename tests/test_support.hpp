#pragma once
// Helpers shared by the test suites: temporary directories, the shared/
// folder (skipping when absent), running the geokg binary.

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <cstdlib>
#include <sys/wait.h>
#include <sstream>
#include <string>

namespace geokg::test {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("geokg-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

// The shared/ folder, or "" after a skip message when it is absent.
inline std::string shared_dir() {
  std::filesystem::path p = GEOKG_TEST_SHARED_DIR;
  if (!std::filesystem::is_directory(p)) {
    BOOST_TEST_MESSAGE("skipped: shared/ folder not found at " << p);
    return {};
  }
  return std::filesystem::canonical(p).string();
}

inline std::string source_dir() { return GEOKG_TEST_SOURCE_DIR; }
inline std::string data_dir() { return GEOKG_TEST_DATA_DIR; }

struct CommandResult {
  int exit_code = -1;
  std::string out;   // stdout
  std::string err;   // stderr
};

// Runs the geokg binary with `args` (a shell-quoted string) and captures
// output; `wrapper` goes before the binary (a command such as setpriv).
inline CommandResult run_cli(const std::string& args, const std::string& stdin_file = "",
                             const std::string& wrapper = "") {
  static int counter = 0;
  TempDir tmp;
  std::filesystem::permissions(tmp.path(), std::filesystem::perms::all);   // for a wrapper's other user
  auto out = tmp / ("out" + std::to_string(counter));
  auto err = tmp / ("err" + std::to_string(counter++));
  std::string cmd = std::string("GEOKG_DATA_DIR='") + GEOKG_TEST_DATA_DIR + "' " + wrapper + " '" +
                    GEOKG_TEST_CLI + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  if (!stdin_file.empty()) cmd += " <'" + stdin_file + "'";
  else cmd += " </dev/null";
  int rc = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace geokg::test
