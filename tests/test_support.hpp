#pragma once
// Helpers shared by the test suites: temporary directories, the shared/
// folder (skipping when absent), running the geokg binary (through the shell,
// or directly: with resource limits and its own peak RSS).

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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

// Precondition of a test case that reads the shared/ folder: where it is
// absent Boost reports the case as skipped, with this message, rather than
// as passed. Use as BOOST_AUTO_TEST_CASE(name, GEOKG_NEEDS_SHARED).
inline boost::test_tools::assertion_result shared_present(boost::unit_test::test_unit_id) {
  const bool present = std::filesystem::is_directory(GEOKG_TEST_SHARED_DIR);
  boost::test_tools::assertion_result r(present);
  r.message() << "shared/ folder not found at " << GEOKG_TEST_SHARED_DIR;
  return r;
}
#define GEOKG_NEEDS_SHARED *boost::unit_test::precondition(geokg::test::shared_present)

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

// A path quoted for the shell command run_cli builds.
// The non-empty lines of a command's output, without a trailing '\r'.
inline std::vector<std::string> nonempty_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (!l.empty()) out.push_back(l);
  }
  return out;
}

inline std::string shell_quote(const std::filesystem::path& p) {
  std::string s(1, '\'');   // (not "'" + ...: GCC 12 warns falsely, -Wrestrict)
  s += p.string();
  s += '\'';
  return s;
}

// "ingested N articles (M already stored, K inputs skipped)" in an ingest's
// stderr -> {N, K}; {-1, -1} when absent.
inline std::pair<long, long> ingest_summary(const std::string& err) {
  std::smatch m;
  static const std::regex re(R"(ingested (\d+) articles \((\d+) already stored, (\d+) inputs skipped\))");
  if (!std::regex_search(err, m, re)) return {-1, -1};
  return {std::stol(m[1]), std::stol(m[3])};
}

// How the geokg binary is started by start_cli / run_direct.
struct DirectRun {
  std::string stdin_path = "/dev/null";
  std::string stdout_path = "/dev/null";
  std::string stderr_path = "/dev/null";
  rlim_t address_space = 0;   // RLIMIT_AS in bytes, 0 = none
  rlim_t file_size = 0;       // RLIMIT_FSIZE in bytes (writes past it fail with EFBIG), 0 = none
};

// Starts geokg with `args` (no shell) as a child process; returns its pid.
inline pid_t start_cli(const std::vector<std::string>& args, const DirectRun& how = {}) {
  const pid_t pid = fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    const int in = open(how.stdin_path.c_str(), O_RDONLY);
    const int out = open(how.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(how.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0), dup2(out, 1), dup2(err, 2);
    setenv("GEOKG_DATA_DIR", GEOKG_TEST_DATA_DIR, 1);
    if (how.address_space > 0) {
      rlimit rl{how.address_space, how.address_space};
      setrlimit(RLIMIT_AS, &rl);
    }
    if (how.file_size > 0) {
      signal(SIGXFSZ, SIG_IGN);
      rlimit rl{how.file_size, how.file_size};
      setrlimit(RLIMIT_FSIZE, &rl);
    }
    std::vector<char*> argv{const_cast<char*>(GEOKG_TEST_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(GEOKG_TEST_CLI, argv.data());
    _exit(127);
  }
  return pid;
}

struct DirectResult {
  int exit_code = -1;   // 128 + signal when killed
  std::string out, err;
  double seconds = 0;
  long peak_rss_mb = 0;   // of this child alone (wait4)
};

// Runs geokg with `args` to its end and measures that one process. Output
// goes to files read back here unless `how` sends it elsewhere.
inline DirectResult run_direct(const std::vector<std::string>& args, DirectRun how = {}) {
  TempDir tmp;
  if (how.stdout_path == "/dev/null") how.stdout_path = (tmp / "out").string();
  if (how.stderr_path == "/dev/null") how.stderr_path = (tmp / "err").string();
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = start_cli(args, how);
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  DirectResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.peak_rss_mb = ru.ru_maxrss / 1024;
  if (how.stdout_path.rfind(tmp.str(), 0) == 0) r.out = read_file(how.stdout_path);
  r.err = read_file(how.stderr_path);
  return r;
}

}  // namespace geokg::test
