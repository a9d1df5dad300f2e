// Bounds on every input path, through the real geokg binary: devices, FIFOs,
// stdin, gzip streams (bombs included), long JSONL lines and pathological
// HTML are refused or read within their stated byte, depth and memory
// bounds (README "Limits"), the memory checked per run (wait4's peak RSS of
// that child alone); and running out of memory ends with a message and exit
// 2, not an abort. Times are printed, never asserted (bench/ measures speed);
// a run that hangs is stopped by CTest's timeout.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "geokg/ingest/reader.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::TempDir;
using geokg::test::write_file;

namespace {

using geokg::test::DirectResult;
using geokg::test::DirectRun;
using geokg::test::ingest_summary;
using geokg::test::run_direct;

std::string line(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"date", "2024-04-26"}, {"text", text}}.dump() + "\n";
}

// gzip of `repeat` copies of `unit`, streamed (the plain text is never held whole).
std::string gzip_repeated(const std::string& unit, std::size_t repeat) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out;
  std::vector<char> buf(1 << 16);
  std::string block;
  while (block.size() < (1u << 20)) block += unit;
  const std::size_t per_block = block.size() / unit.size();
  for (std::size_t done = 0; done < repeat;) {
    const std::size_t n = std::min(per_block, repeat - done);
    done += n;
    zs.next_in = reinterpret_cast<Bytef*>(block.data());
    zs.avail_in = static_cast<uInt>(n * unit.size());
    const int flush = done == repeat ? Z_FINISH : Z_NO_FLUSH;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf.data());
      zs.avail_out = static_cast<uInt>(buf.size());
      deflate(&zs, flush);
      out.append(buf.data(), buf.size() - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  return out;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Memory bounds are checked in the normal build only (the sanitizers' shadow
// memory and quarantine multiply RSS).
void expect_rss_below(const DirectResult& m, long mb, const std::string& what) {
  BOOST_TEST_MESSAGE(what << ": " << m.seconds << " s, peak RSS " << m.peak_rss_mb << " MB");
  if (!kSanitized) BOOST_TEST(m.peak_rss_mb < mb, what << ": peak RSS " << m.peak_rss_mb << " MB");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_limits)

BOOST_AUTO_TEST_CASE(devices_are_read_as_streams_and_refused_early) {
  TempDir dir;
  for (const char* dev : {"/dev/zero", "/dev/urandom"}) {
    if (!fs::exists(dev)) continue;
    auto m = run_direct({"ingest", "--db", (dir / "db").string(), dev});
    BOOST_TEST(m.exit_code == 0, dev << ": " << m.err);
    BOOST_TEST(m.err.find(std::string("skipped ") + dev + ": binary file") != std::string::npos, m.err);
    expect_rss_below(m, 100, dev);
  }
  // The same device on stdin.
  auto s = run_direct({"ingest", "--db", (dir / "db").string(), "-"}, {.stdin_path = "/dev/zero"});
  BOOST_TEST(s.err.find("skipped <stdin>: binary file") != std::string::npos, s.err);
}

BOOST_AUTO_TEST_CASE(a_fifo_of_endless_text_is_refused_at_the_article_cap) {
  TempDir dir;
  const std::string fifo = (dir / "endless.txt").string();
  BOOST_REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // A writer that never stops: `yes` until the reader closes its end.
  const pid_t writer = fork();
  BOOST_REQUIRE(writer >= 0);
  if (writer == 0) {
    const int fd = open(fifo.c_str(), O_WRONLY);
    dup2(fd, 1);
    execlp("yes", "yes", "Officials in Beijing said the talks would continue.", static_cast<char*>(nullptr));
    _exit(127);
  }
  auto m = run_direct({"ingest", "--db", (dir / "db").string(), fifo});
  kill(writer, SIGKILL);
  waitpid(writer, nullptr, 0);
  BOOST_TEST(m.exit_code == 0, m.err);
  BOOST_TEST(m.err.find("article of more than 16842752 bytes exceeds the limit of 16777216 bytes") !=
                 std::string::npos,
             m.err);
  expect_rss_below(m, 150, "endless FIFO");
}

BOOST_AUTO_TEST_CASE(gzip_on_stdin_and_gzip_bombs) {
  TempDir dir;
  std::string feed;
  for (int i = 0; i < 3; ++i) {
    std::string id(1, 'z');
    id += std::to_string(i);
    feed += line(id, "Blinken met Xi Jinping in Beijing, report " + id + ".");
  }
  write_file(dir / "feed.gz", gzip_repeated(feed, 1));
  auto s = run_direct({"ingest", "--db", (dir / "db").string(), "-"}, {.stdin_path = (dir / "feed.gz").string()});
  BOOST_TEST(s.exit_code == 0, s.err);
  BOOST_TEST((ingest_summary(s.err) == std::make_pair(3L, 0L)), s.err);

  // 1 GiB of text from 1 MB: stopped as a bomb once past 64 MiB at more than
  // 200 times its compressed size, in bounded memory, whatever the name says.
  const std::string bomb = gzip_repeated("Officials in Beijing said the talks would continue. ", (1ull << 30) / 52);
  BOOST_TEST_MESSAGE("bomb: " << bomb.size() << " bytes of gzip");
  for (const char* name : {"bomb.txt.gz", "bomb.jsonl.gz", "bomb"}) {
    write_file(dir / name, bomb);
    auto m = run_direct({"ingest", "--db", (dir / "db").string(), (dir / name).string()});
    BOOST_TEST(m.exit_code == 0, name << ": " << m.err);
    BOOST_TEST(m.err.find("decompression bomb") != std::string::npos, name << ": " << m.err);
    expect_rss_below(m, 250, name);
  }
  auto in = run_direct({"ingest", "--db", (dir / "db").string(), "-"}, {.stdin_path = (dir / "bomb").string()});
  BOOST_TEST(in.err.find("decompression bomb") != std::string::npos, in.err);
  expect_rss_below(in, 250, "bomb on stdin");
}

BOOST_AUTO_TEST_CASE(a_jsonl_line_past_the_record_cap_is_skipped_without_being_held) {
  TempDir dir;
  {
    std::ofstream out(dir / "long.jsonl", std::ios::binary);
    out << line("before", "Blinken met Xi Jinping in Beijing on Friday.");
    out << R"({"id": "huge", "text": ")";
    const std::string chunk = "Officials in Beijing said the talks would continue. ";
    for (std::size_t n = 0; n < (200u << 20); n += chunk.size()) out << chunk;
    out << "\"}\n";
    out << line("after", "Xi Jinping hosted Blinken in Beijing.");
  }
  auto m = run_direct({"ingest", "--db", (dir / "db").string(), (dir / "long.jsonl").string()});
  BOOST_TEST(m.exit_code == 0, m.err);
  BOOST_TEST(m.err.find((dir / "long.jsonl").string() + ":2: line of ") != std::string::npos, m.err);
  BOOST_TEST(m.err.find("exceeds the limit of 33554432 bytes") != std::string::npos, m.err);
  BOOST_TEST((ingest_summary(m.err) == std::make_pair(2L, 1L)), m.err);
  // Far below the line's 200 MB: it is never held. The bound covers the fixed
  // start-up cost too (parser weights, lexicons, and the gazetteer's 11-13 MB:
  // 153 MB without it, 160-164 MB with it, measured with /usr/bin/time).
  expect_rss_below(m, 175, "200 MB JSONL line");
  // A record just under the cap is read, at a few times its size.
  {
    std::ofstream out(dir / "big.jsonl", std::ios::binary);
    out << R"({"id": "big", "text": ")";
    const std::string chunk = "Officials in Beijing said the talks would continue. ";
    for (std::size_t n = 0; n + chunk.size() < (15u << 20); n += chunk.size()) out << chunk;
    out << "\"}\n";
  }
  auto b = run_direct({"extract", (dir / "big.jsonl").string()});
  BOOST_TEST(b.exit_code == 0, b.err);
  BOOST_TEST(b.err.empty(), b.err);
  expect_rss_below(b, 600, "15 MB JSONL article extracted");
}

BOOST_AUTO_TEST_CASE(html_nesting_and_formatting_are_bounded_before_parsing) {
  TempDir dir;
  const std::string head = "<html><body><p>Blinken met Xi Jinping in Beijing on Friday.</p>";
  // Past the bounds, as the innermost text: an event of its own.
  const std::string deep = " Russian Defence Minister Sergei Shoigu met Chinese Defence Minister Dong Jun. ";
  struct Case {
    std::string name, body;
  };
  std::vector<Case> cases;
  {
    std::string s;
    for (int i = 0; i < 200000; ++i) s += "<div>";
    s += deep;
    for (int i = 0; i < 200000; ++i) s += "</div>";
    cases.push_back({"200k nested div", s});
  }
  {
    std::string s;
    for (int i = 0; i < 20000; ++i) s += "<b><i>";
    cases.push_back({"20k unclosed b-i pairs", s + deep});
  }
  {
    // Formatting elements reopened in every paragraph, at the formatting bound.
    std::string s;
    for (int i = 0; i < 40; ++i) s += "<b class=\"c" + std::to_string(i) + "\">";
    for (int i = 0; i < 300000; ++i) s += "<p>x</p>";
    cases.push_back({"40 open formatting elements, 300k paragraphs", s + "<p>" + deep + "</p>"});
  }
  {
    // Misnested formatting end tags across deep blocks (the adoption agency).
    std::string s;
    for (int r = 0; r < 1000; ++r) {
      for (int i = 0; i < 128; ++i) s += "<b><div>";
      s += "t";
      for (int i = 0; i < 128; ++i) s += "</b>";
    }
    cases.push_back({"128k misnested b across divs", s + deep});
  }
  for (const auto& c : cases) {
    write_file(dir / "page.html", head + c.body + "</body></html>");
    auto m = run_direct({"extract", (dir / "page.html").string()});
    BOOST_TEST(m.exit_code == 0, c.name << ": " << m.err);
    BOOST_TEST(m.out.find("Xi Jinping") != std::string::npos, c.name);
    BOOST_TEST(m.out.find("Shoigu") != std::string::npos, c.name << ": the text past the bounds is kept");
    expect_rss_below(m, 250, c.name);
  }
  // Past the HTML byte cap the page is refused before it is parsed.
  {
    std::ofstream out(dir / "huge.html", std::ios::binary);
    out << head;
    const std::string para = "<p>Officials in Beijing said the talks would continue.</p>\n";
    for (std::size_t n = 0; n < (17u << 20); n += para.size()) out << para;
  }
  auto h = run_direct({"extract", (dir / "huge.html").string()});
  BOOST_TEST(h.err.find("HTML input of") != std::string::npos, h.err);
  BOOST_TEST(h.err.find("exceeds the limit of 16777216 bytes") != std::string::npos, h.err);
  expect_rss_below(h, 100, "17 MiB HTML refused");
}

BOOST_AUTO_TEST_CASE(html_bounds_keep_ordinary_pages_untouched) {
  // Sloppy but ordinary markup (unclosed <p>, <li>, <td>, formatting closed
  // in order) passes through unchanged.
  std::string page = "<html><body><table>";
  for (int i = 0; i < 500; ++i) page += "<tr><td><b>cell</b><td><a href=x>link</a>";
  page += "</table><ul>";
  for (int i = 0; i < 500; ++i) page += "<li>item <i>one</i>";
  page += "</ul>";
  for (int i = 0; i < 1000; ++i) page += "<p>paragraph <em>text</em>";
  page += "</body></html>";
  BOOST_TEST(!geokg::bound_html(page).has_value());
}

BOOST_AUTO_TEST_CASE(running_out_of_memory_ends_with_a_message_not_an_abort) {
  if (kSanitized) {
    BOOST_TEST_MESSAGE("skipped: address space limits do not apply under AddressSanitizer");
    return;
  }
  TempDir dir;
  // One article of 15 MB: reading and extracting it needs a few hundred MB.
  {
    std::ofstream out(dir / "big.txt", std::ios::binary);
    const std::string chunk = "Officials in Beijing said Blinken met Xi Jinping on Friday. ";
    for (std::size_t n = 0; n + chunk.size() < (15u << 20); n += chunk.size()) out << chunk;
  }
  bool hit = false;
  for (rlim_t mb : {160, 240, 320, 480}) {
    auto m = run_direct({"ingest", "-j", "2", "--db", (dir / ("db" + std::to_string(mb))).string(),
                         (dir / "big.txt").string()},
                        {.address_space = mb << 20});
    BOOST_TEST_MESSAGE("RLIMIT_AS " << mb << " MB: exit " << m.exit_code << ": " << m.err);
    BOOST_TEST((m.exit_code == 0 || m.exit_code == 2), "ulimit -v " << mb << " MB: exit " << m.exit_code << "\n" << m.err);
    if (m.exit_code == 2) {
      hit = true;
      BOOST_TEST(m.err.find("out of memory") != std::string::npos, m.err);
    }
  }
  BOOST_TEST(hit, "no limit made the run fail: the test no longer reaches the out-of-memory path");
}

BOOST_AUTO_TEST_SUITE_END()
