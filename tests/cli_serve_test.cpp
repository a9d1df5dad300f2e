// `geokg serve` as a process: it prints its URL, answers, logs one line per
// request with --verbose, warns when listening beyond loopback, refuses a
// missing database, and stops cleanly (exit 0) on SIGTERM and SIGINT.
#include <boost/test/unit_test.hpp>

#include <httplib.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "query_fixture.hpp"
#include "test_support.hpp"

extern char** environ;

namespace {

// geokg serve running in the background, its stdout on a pipe, stderr in a file.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args) {
    int out[2];
    BOOST_REQUIRE(pipe(out) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addopen(&fa, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> all = {GEOKG_TEST_CLI, "serve"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    BOOST_REQUIRE(posix_spawn(&pid_, GEOKG_TEST_CLI, &fa, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    out_ = out[0];
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(out_);
  }

  // The first stdout line, waiting at most two minutes; "" at end of file.
  std::string first_line() {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 1000) <= 0) continue;
      char c;
      if (read(out_, &c, 1) != 1) break;
      if (c == '\n') return line;
      line += c;
    }
    return line;
  }

  // Sends `sig` and returns the exit status (-1 unless it exited normally).
  int stop_with(int sig) {
    kill(pid_, sig);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string err() const { return geokg::test::read_file(err_); }

 private:
  geokg::test::TempDir dir_;
  std::string err_ = dir_.str() + "/stderr";
  pid_t pid_ = -1;
  int out_ = -1;
};

struct Db {
  geokg::test::TempDir dir;
  std::string path = dir.str() + "/db";
  Db() { geokg::test::fixture_store(path); }
};

int port_of(const std::string& line) {
  // "geokg explorer: http://127.0.0.1:PORT/"
  const auto colon = line.rfind(':');
  BOOST_REQUIRE(colon != std::string::npos);
  return std::stoi(line.substr(colon + 1));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_serve)

BOOST_AUTO_TEST_CASE(help_and_bad_arguments) {
  auto r = geokg::test::run_cli("serve --help");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out.find("--port") != std::string::npos);
  geokg::test::TempDir empty;
  r = geokg::test::run_cli("serve --port 0 --db '" + empty.str() + "/none'");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("no geokg database") != std::string::npos);
  r = geokg::test::run_cli("serve --port 70000 --db '" + empty.str() + "'");
  BOOST_TEST(r.exit_code == 1);
}

BOOST_AUTO_TEST_CASE(serves_logs_and_stops_on_sigterm) {
  Db db;
  ServeProcess p({"--db", db.path, "--port", "0", "--verbose"});
  const std::string line = p.first_line();
  BOOST_REQUIRE_MESSAGE(line.starts_with("geokg explorer: http://127.0.0.1:"), line << "\n" << p.err());
  httplib::Client c("127.0.0.1", port_of(line));
  c.set_read_timeout(60);
  auto r = c.Get("/api/search?q=blin");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(r->body.find("Antony Blinken") != std::string::npos);
  r = c.Get("/");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(p.stop_with(SIGTERM) == 0);
  const std::string err = p.err();
  BOOST_TEST(err.find("GET /api/search?q=blin 200") != std::string::npos, err);
  BOOST_TEST(err.find("stopped") != std::string::npos, err);
}

BOOST_AUTO_TEST_CASE(warns_beyond_loopback_and_stops_on_sigint) {
  Db db;
  ServeProcess p({"--db", db.path, "--port", "0", "--host", "0.0.0.0"});
  const std::string line = p.first_line();
  BOOST_REQUIRE_MESSAGE(line.starts_with("geokg explorer: http://0.0.0.0:"), line << "\n" << p.err());
  httplib::Client c("127.0.0.1", port_of(line));
  auto r = c.Get("/api/stats");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);   // any Host is accepted beyond loopback
  BOOST_TEST(p.stop_with(SIGINT) == 0);
  BOOST_TEST(p.err().find("warning: listening on 0.0.0.0") != std::string::npos, p.err());
}

BOOST_AUTO_TEST_SUITE_END()
