// Bad input through the real geokg binary: every broken input is skipped with
// a message naming the file (and the line, for JSONL) on stderr, the good
// articles of the same run are still stored, the summary counts the skipped
// inputs, --strict turns any skip into a non-zero exit; nothing crashes or hangs.
#include <boost/test/unit_test.hpp>

#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <string>

#include "query_fixture.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using geokg::test::CommandResult;
using geokg::test::run_cli;
using geokg::test::TempDir;
using geokg::test::write_file;

namespace {

std::string q(const fs::path& p) { return geokg::test::shell_quote(p); }

// A real news paragraph (from the example article) as a good input.
std::string good_text() {
  return "Title: Blinken in Beijing\nDate: 2024-04-26\n\n"
         "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on "
         "Friday. Blinken warned China against supplying Russia's war in Ukraine.\n";
}

long stored_articles(const std::string& db) {
  auto r = run_cli("stats --json --db '" + db + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out)["articles"].get<long>();
}

std::pair<long, long> summary(const std::string& err) { return geokg::test::ingest_summary(err); }

bool has_skip(const std::string& err, const std::string& where, const std::string& msg) {
  const std::string prefix = "geokg: skipped " + where + ": ";
  std::size_t at = err.find(prefix);
  if (at == std::string::npos) return false;
  const std::size_t eol = err.find('\n', at);
  return err.substr(at, eol - at).find(msg) != std::string::npos;
}

// Ingests `bad` next to a good article into a fresh db; checks the bad input
// is skipped with `message` naming `where` (the file, or file:line) and the
// good article still lands. Returns the run for further checks.
CommandResult expect_skipped(const TempDir& dir, const fs::path& bad, const std::string& where,
                             const std::string& message, long skipped = 1) {
  write_file(dir / "good.txt", good_text());
  const std::string db = (dir / (bad.filename().string() + ".db")).string();
  auto r = run_cli("ingest -j 1 --db '" + db + "' " + q(bad) + " " + q(dir / "good.txt"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(has_skip(r.err, where, message), "want '" << where << ": " << message << "' in:\n" << r.err);
  BOOST_TEST(summary(r.err).first == 1, r.err);
  BOOST_TEST(summary(r.err).second == skipped, r.err);
  BOOST_TEST(stored_articles(db) == 1);
  return r;
}

std::string gzip(const std::string& s) {
  uLongf n = compressBound(s.size()) + 64;
  std::string out(n, '\0');
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = s.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = n;
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string jsonl_line(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"date", "2024-04-26"}, {"text", text}}.dump() + "\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_robust)

BOOST_AUTO_TEST_CASE(empty_file) {
  TempDir dir;
  write_file(dir / "empty.txt", "");
  expect_skipped(dir, dir / "empty.txt", (dir / "empty.txt").string(), "empty input");
  write_file(dir / "blank.txt", " \n\n\t\n");
  expect_skipped(dir, dir / "blank.txt", (dir / "blank.txt").string(), "empty input");
}

BOOST_AUTO_TEST_CASE(binary_file) {
  TempDir dir;
  std::mt19937 rng(7);
  std::string bytes(64 * 1024, '\0');
  for (auto& c : bytes) c = static_cast<char>(rng());
  bytes[100] = '\0';
  bytes.replace(0, 4, "\xFF\xD8\xFF\xE0");  // a JPEG header
  write_file(dir / "photo.jpg", bytes);
  expect_skipped(dir, dir / "photo.jpg", (dir / "photo.jpg").string(), "binary file");
  // Random bytes with no NUL at all (as /dev/urandom gives about once in 55
  // reads of 1 KiB) are still binary: a tenth of them are control bytes.
  for (auto& c : bytes)
    if (c == '\0') c = '\x01';
  write_file(dir / "noise.bin.txt", bytes);
  expect_skipped(dir, dir / "noise.bin.txt", (dir / "noise.bin.txt").string(), "binary file (control bytes)");
}

BOOST_AUTO_TEST_CASE(a_stray_control_byte_in_text_is_kept) {
  TempDir dir;
  // A form feed, an escape and one stray SOH in a news text are not binary.
  write_file(dir / "stray.txt", "Russia attacked Ukraine on Friday.\f\x1b[0m Officials\x01 in Kyiv said so.\n" + good_text());
  auto r = run_cli("extract " + q(dir / "stray.txt"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.err.find("binary") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(nul_bytes_in_text) {
  TempDir dir;
  // A NUL near the start: the file is taken for binary and skipped.
  write_file(dir / "nul.txt", std::string("Russia attacked\0 Ukraine on Friday.\n", 37));
  expect_skipped(dir, dir / "nul.txt", (dir / "nul.txt").string(), "binary file");
  // A NUL deep inside a long text is kept as text: stored, and the JSON output stays valid.
  std::string text = good_text();
  while (text.size() < 4000) text += "Officials in Beijing said talks would continue next week. ";
  text += std::string("Chinese officials\0 met again.\n", 30);
  write_file(dir / "late-nul.txt", text);
  auto r = run_cli("extract " + q(dir / "late-nul.txt"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_CHECK_NO_THROW(nlohmann::json::parse(r.out));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_not_rejected) {
  TempDir dir;
  // Lone continuation byte, overlong '/', a surrogate, a truncated sequence at the end.
  write_file(dir / "bad-utf8.txt",
             "Blinken met Xi Jinping in Beijing \x80 on Friday \xC0\xAF and \xED\xA0\x80 talks. \xE4\xB8");
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --db '" + db + "' " + q(dir / "bad-utf8.txt"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(stored_articles(db) == 1);
  auto e = run_cli("extract " + q(dir / "bad-utf8.txt"));
  BOOST_REQUIRE(e.exit_code == 0);
  BOOST_CHECK_NO_THROW(nlohmann::json::parse(e.out));  // strict UTF-8 parse: throws on invalid bytes
  BOOST_TEST(run_cli("verify --db '" + db + "'").exit_code == 0);
}

BOOST_AUTO_TEST_CASE(utf16_with_bom_is_decoded) {
  TempDir dir;
  const std::string text = "Blinken met Xi Jinping in Beijing on Friday.\n";
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : text) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  write_file(dir / "le.txt", le);
  write_file(dir / "be.txt", be);
  for (const char* f : {"le.txt", "be.txt"}) {
    auto r = run_cli("extract " + q(dir / f));
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.err.find("skipped") == std::string::npos, r.err);
    BOOST_TEST(r.out.find("Xi Jinping") != std::string::npos, f << ": " << r.out);
  }
}

BOOST_AUTO_TEST_CASE(fifty_megabyte_single_line_is_refused_with_the_cap_and_bounded_memory) {
  TempDir dir;
  {
    std::ofstream out(dir / "huge.txt", std::ios::binary);
    const std::string chunk = "Officials said the talks in Beijing would continue. ";
    for (std::size_t n = 0; n < (50u << 20); n += chunk.size()) out << chunk;
  }
  auto r = expect_skipped(dir, dir / "huge.txt", (dir / "huge.txt").string(),
                          "exceeds the limit of 16777216 bytes");
  // Memory stays bounded: no more than a few copies of the file at any time.
  rusage ru{};
  getrusage(RUSAGE_CHILDREN, &ru);
  BOOST_TEST_MESSAGE("peak RSS of a child geokg: " << ru.ru_maxrss / 1024 << " MB");
  BOOST_TEST(ru.ru_maxrss < 400 * 1024, "peak RSS " << ru.ru_maxrss / 1024 << " MB");
}

BOOST_AUTO_TEST_CASE(a_two_megabyte_sentence_without_punctuation_is_extracted) {
  // Sentence length is capped (400 tokens, asserted in ingest_text_test), so
  // extraction stays linear; a hang here is caught by the test's CTest timeout.
  // The time is printed, not asserted: it depends on the build and the machine.
  TempDir dir;
  std::mt19937 rng(1);
  const char* words[] = {"officials", "in", "Beijing", "said", "talks", "with", "Russia", "would",
                         "continue", "and", "China", "met", "Ukraine", "on", "Friday", "the"};
  std::string text;
  while (text.size() < (2u << 20)) {
    text += words[rng() % 16];
    text += ' ';
  }
  write_file(dir / "run-on.txt", text);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = run_cli("extract " + q(dir / "run-on.txt"));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST_MESSAGE("2 MB run-on sentence extracted in " << secs << " s");
  BOOST_TEST(r.out.find("\"events\"") != std::string::npos, r.out.substr(0, 200));
}

BOOST_AUTO_TEST_CASE(an_oversized_lexicon_is_refused_with_the_cap) {
  TempDir dir;
  {
    std::ofstream out(dir / "huge.json", std::ios::binary);
    out << "[";
    const std::string entry = "{\"name\": \"Some Org\", \"kind\": \"organization\"},";
    for (std::size_t n = 0; n < (65u << 20); n += entry.size()) out << entry;
    out << "{}]";
  }
  write_file(dir / "good.txt", good_text());
  auto r = run_cli("ingest --db " + q(dir / "db") + " --lexicon " + q(dir / "huge.json") + " " + q(dir / "good.txt"));
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(r.err.find("huge.json") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("exceeds the limit of 67108864 bytes") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(one_word_article) {
  TempDir dir;
  write_file(dir / "word.txt", "Beijing");
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --db '" + db + "' " + q(dir / "word.txt"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(summary(r.err).first == 1, r.err);
  BOOST_TEST(run_cli("verify --db '" + db + "'").exit_code == 0);
}

BOOST_AUTO_TEST_CASE(jsonl_bad_lines_are_named_by_line) {
  TempDir dir;
  const auto feed = dir / "feed.jsonl";
  write_file(feed, jsonl_line("a1", "Blinken met Xi Jinping in Beijing on Friday.") +
                       "{\"id\": \"a2\", \"text\": \"unterminated\n" +                // 2: malformed
                       "{\"id\": \"a3\", \"title\": \"no text\"}\n" +                 // 3: missing text
                       "{\"id\": \"a4\", \"date\": 20240426, \"text\": \"Xi met Blinken.\"}\n" +  // 4
                       "{\"id\": \"a5\", \"date\": \"the 45th of Nevember\", \"text\": \"Xi met Blinken.\"}\n" +
                       "\n" +                                                          // 6: blank, ignored
                       "[1, 2, 3]\n" +                                                 // 7: not an object
                       "{\"id\": \"a8\", \"text\": 42}\n" +                            // 8: text not a string
                       jsonl_line("a9", "Chinese President Xi Jinping hosted Blinken."));
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --db '" + db + "' " + q(feed));
  BOOST_TEST(r.exit_code == 0, r.err);
  const std::string f = feed.string();
  BOOST_TEST(has_skip(r.err, f + ":2", "malformed JSON"), r.err);
  BOOST_TEST(has_skip(r.err, f + ":3", "missing \"text\""), r.err);
  BOOST_TEST(has_skip(r.err, f + ":4", "\"date\" is not a string"), r.err);
  BOOST_TEST(has_skip(r.err, f + ":5", "unparseable \"date\""), r.err);
  BOOST_TEST(has_skip(r.err, f + ":7", "not an object"), r.err);
  BOOST_TEST(has_skip(r.err, f + ":8", "\"text\" is not a string"), r.err);
  BOOST_TEST(r.err.find(f + ":6") == std::string::npos, r.err);
  BOOST_TEST((summary(r.err) == std::make_pair(2L, 6L)), r.err);
  BOOST_TEST(stored_articles(db) == 2);
}

BOOST_AUTO_TEST_CASE(truncated_and_corrupt_gzip) {
  TempDir dir;
  std::string feed;
  for (int i = 0; i < 200; ++i) {
    std::string text = "Blinken met Xi Jinping in Beijing, officials said on day ";
    text += std::to_string(i);
    std::string id(1, 'g');
    id += std::to_string(i);
    feed += jsonl_line(id, text);
  }
  const std::string gz = gzip(feed);
  write_file(dir / "truncated.jsonl.gz", gz.substr(0, gz.size() / 2));
  expect_skipped(dir, dir / "truncated.jsonl.gz", (dir / "truncated.jsonl.gz").string(), "truncated gzip");
  std::string bad = gz;
  for (std::size_t i = 20; i < 60; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
  write_file(dir / "corrupt.jsonl.gz", bad);
  expect_skipped(dir, dir / "corrupt.jsonl.gz", (dir / "corrupt.jsonl.gz").string(), "corrupt gzip");
  write_file(dir / "notgzip.txt.gz", good_text());
  expect_skipped(dir, dir / "notgzip.txt.gz", (dir / "notgzip.txt.gz").string(), "gzip");
}

BOOST_AUTO_TEST_CASE(html_scripts_and_styles_are_not_text) {
  TempDir dir;
  write_file(dir / "page.html",
             "<!doctype html><html><head><title>Talks</title>"
             "<style>p { content: 'Vladimir Putin attacked Kyiv'; }</style>"
             "<script>var s = '<p>Vladimir Putin attacked Kyiv</p>'; if (a < b && c) {}</script></head>"
             "<body><p>Blinken met Xi Jinping in Beijing on Friday.</p>"
             "<script type=\"application/ld+json\">{\"headline\": \"Putin\"}</script></body></html>");
  auto r = run_cli("extract " + q(dir / "page.html"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("Xi Jinping") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("Putin") == std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(html_ten_thousand_levels_deep_does_not_overflow) {
  TempDir dir;
  for (int levels : {10000, 200000}) {
    std::string html = "<html><body><p>Blinken met Xi Jinping in Beijing on Friday.</p>";
    for (int i = 0; i < levels; ++i) html += i % 2 ? "<span>" : "<div>";
    html += "deep text";
    for (int i = levels - 1; i >= 0; --i) html += i % 2 ? "</span>" : "</div>";
    html += "</body></html>";
    const auto file = dir / ("deep" + std::to_string(levels) + ".html");
    write_file(file, html);
    auto r = run_cli("extract " + q(file));
    BOOST_TEST(r.exit_code == 0, levels << ": " << r.err);
    BOOST_TEST(r.out.find("Xi Jinping") != std::string::npos, levels);
  }
}

BOOST_AUTO_TEST_CASE(html_without_body_text) {
  TempDir dir;
  write_file(dir / "nobody.html", "<html><head><title>Blinken in Beijing</title></head></html>");
  expect_skipped(dir, dir / "nobody.html", (dir / "nobody.html").string(), "no article text in HTML");
  // No <body> tag but text: the parser supplies the body.
  write_file(dir / "implied.html", "<html><title>T</title><p>Blinken met Xi Jinping in Beijing.</p></html>");
  auto r = run_cli("extract " + q(dir / "implied.html"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("Xi Jinping") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(missing_path_among_good_ones) {
  TempDir dir;
  write_file(dir / "good.txt", good_text());
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --db '" + db + "' " + q(dir / "gone.txt") + " " + q(dir / "good.txt"));
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(r.err.find((dir / "gone.txt").string()) != std::string::npos, r.err);
  BOOST_TEST(stored_articles(db) == 1);  // the good one was still stored
}

BOOST_AUTO_TEST_CASE(a_directory_mixing_everything) {
  TempDir dir;
  const fs::path in = dir / "in";
  fs::create_directories(in / "sub");
  write_file(in / "a-good.txt", good_text());
  write_file(in / "b-empty.txt", "");
  write_file(in / "c-binary.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(500, '\x01'));
  write_file(in / "d-bad-utf8.txt", "Chinese officials \xFF\xFE\xFD met in Beijing.");
  write_file(in / "e-feed.jsonl", jsonl_line("m1", "Xi Jinping met Blinken in Beijing.") + "{oops\n" +
                                      "{\"id\": \"m3\"}\n" + jsonl_line("m4", "Blinken left Beijing on Saturday."));
  std::string gz = gzip(jsonl_line("z1", "Blinken met Wang Yi in Beijing."));
  write_file(in / "sub" / "f-cut.jsonl.gz", gz.substr(0, gz.size() - 9));
  write_file(in / "sub" / "g-nobody.html", "<html><head><script>x()</script></head></html>");
  write_file(in / "sub" / "h-page.html", "<html><body><p>Blinken met Xi Jinping.</p></body></html>");
  write_file(in / ".hidden.txt", "ignored");
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --db '" + db + "' " + q(in));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(has_skip(r.err, (in / "b-empty.txt").string(), "empty"), r.err);
  BOOST_TEST(has_skip(r.err, (in / "c-binary.txt").string(), "binary"), r.err);
  BOOST_TEST(has_skip(r.err, (in / "e-feed.jsonl").string() + ":2", "malformed"), r.err);
  BOOST_TEST(has_skip(r.err, (in / "e-feed.jsonl").string() + ":3", "missing"), r.err);
  BOOST_TEST(has_skip(r.err, (in / "sub" / "f-cut.jsonl.gz").string(), "gzip"), r.err);
  BOOST_TEST(has_skip(r.err, (in / "sub" / "g-nobody.html").string(), "no article text"), r.err);
  // good: a-good, d-bad-utf8, e-feed:1, e-feed:4, h-page
  BOOST_TEST((summary(r.err) == std::make_pair(5L, 6L)), r.err);
  BOOST_TEST(stored_articles(db) == 5);
  BOOST_TEST(run_cli("verify --db '" + db + "'").exit_code == 0);

  // --strict: the same run exits non-zero, yet the good articles are stored.
  const std::string db2 = (dir / "db2").string();
  auto s = run_cli("ingest --strict -q --db '" + db2 + "' " + q(in));
  BOOST_TEST(s.exit_code != 0);
  BOOST_TEST(s.err.find("geokg: skipped") != std::string::npos, s.err);
  BOOST_TEST(stored_articles(db2) == 5);
  // and a clean run under --strict exits 0
  auto c = run_cli("ingest --strict -q --db '" + db2 + "' " + q(in / "a-good.txt"));
  BOOST_TEST(c.exit_code == 0, c.err);
}

// Format by name and content together (issue 17): a JSON Lines file whose
// first line is a comment or broken stays JSON Lines, with that line named.
BOOST_AUTO_TEST_CASE(a_jsonl_file_with_a_bad_first_line_stays_jsonl) {
  TempDir dir;
  std::string records;
  for (int i = 0; i < 5; ++i) {
    std::string id(1, 'c');   // (not "c" + ...: GCC 12 warns falsely, -Wrestrict)
    id += std::to_string(i);
    records += jsonl_line(id, "Blinken met Xi Jinping in Beijing on day " + id + ".");
  }
  for (const std::string first : {"# exported 2024-04-26\n", "{\"id\": \"broken\", \"text\": \n"}) {
    write_file(dir / "c.jsonl", first + records);
    const std::string db = (dir / ("db" + std::to_string(first.size()))).string();
    auto r = run_cli("ingest -j 1 --db '" + db + "' " + q(dir / "c.jsonl"));
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(has_skip(r.err, (dir / "c.jsonl").string() + ":1", "malformed JSON"), r.err);
    BOOST_TEST((summary(r.err) == std::make_pair(5L, 1L)), r.err);
    BOOST_TEST(stored_articles(db) == 5);
    // The same on stdin, where no name helps: the content decides.
    auto s = run_cli("ingest -j 1 --db '" + db + "-stdin' -", (dir / "c.jsonl").string());
    BOOST_TEST(s.exit_code == 0, s.err);
    BOOST_TEST(has_skip(s.err, "<stdin>:1", "malformed JSON"), s.err);
    BOOST_TEST((summary(s.err) == std::make_pair(5L, 1L)), s.err);
  }
}

BOOST_AUTO_TEST_CASE(json_arrays_and_pretty_printed_objects_are_read) {
  TempDir dir;
  nlohmann::json array = nlohmann::json::array();
  for (int i = 0; i < 3; ++i)
    array.push_back({{"id", "arr" + std::to_string(i)}, {"date", "2024-04-26"},
                     {"text", "Blinken met Xi Jinping in Beijing, report " + std::to_string(i) + "."}});
  write_file(dir / "pretty.json", array.dump(2));
  write_file(dir / "compact.json", array.dump());
  // Objects one after another, indented, in a file without a JSON name; a
  // scalar array element and a broken object among them are named by line.
  write_file(dir / "objects.txt", nlohmann::json{{"id", "o1"}, {"text", "Xi Jinping hosted Blinken."}}.dump(2) +
                                      "\n" + nlohmann::json{{"id", "o2"}, {"text", "Blinken left Beijing."}}.dump(2) + "\n");
  write_file(dir / "mixed.json", "[\n  42,\n" + array[0].dump() + ",\n{\"id\": \"cut\", \"text\": \"no end\"\n" +
                                     array[1].dump() + "\n]\n");
  for (const char* f : {"pretty.json", "compact.json"}) {
    const std::string db = (dir / (std::string(f) + ".db")).string();
    auto r = run_cli("ingest --db '" + db + "' " + q(dir / f));
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST((summary(r.err) == std::make_pair(3L, 0L)), f << ": " << r.err);
  }
  auto o = run_cli("ingest --db " + q(dir / "o.db") + " " + q(dir / "objects.txt"));
  BOOST_TEST((summary(o.err) == std::make_pair(2L, 0L)), o.err);
  auto m = run_cli("ingest --db " + q(dir / "m.db") + " " + q(dir / "mixed.json"));
  BOOST_TEST(m.exit_code == 0, m.err);
  const std::string f = (dir / "mixed.json").string();
  BOOST_TEST(has_skip(m.err, f + ":2", "not an object"), m.err);
  BOOST_TEST(has_skip(m.err, f + ":4", "never ends"), m.err);
  BOOST_TEST((summary(m.err) == std::make_pair(2L, 2L)), m.err);
  // An array on stdin.
  auto in = run_cli("ingest --db " + q(dir / "in.db") + " -", (dir / "pretty.json").string());
  BOOST_TEST((summary(in.err) == std::make_pair(3L, 0L)), in.err);
}

BOOST_AUTO_TEST_CASE(a_directory_reads_article_files_only_and_says_why) {
  TempDir dir;
  const fs::path in = dir / "in";
  fs::create_directories(in);
  write_file(in / "story.txt", good_text());
  write_file(in / "feed.jsonl.gz", gzip(jsonl_line("gz1", "Xi Jinping met Blinken in Beijing.")));
  write_file(in / "README.md", "# Notes\n\nBlinken met Xi Jinping (these are notes, not news).\n");
  write_file(in / "scrape.py", "print('Blinken met Xi Jinping')\n");
  write_file(in / "table.csv", "who,met\nBlinken,Xi Jinping\n");
  write_file(in / "NOTES", "Blinken met Xi Jinping.\n");
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --strict --db '" + db + "' " + q(in));
  BOOST_TEST(r.exit_code == 0, r.err);   // ignoring a README is no error, even with --strict
  for (const char* f : {"README.md", "scrape.py", "table.csv", "NOTES"}) {
    const std::string line = "geokg: ignored " + (in / f).string() + ": ";
    BOOST_TEST(r.err.find(line) != std::string::npos, f << ":\n" << r.err);
  }
  BOOST_TEST(r.err.find("extension .md is not an article format") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("4 files ignored") != std::string::npos, r.err);
  BOOST_TEST((summary(r.err) == std::make_pair(2L, 0L)), r.err);
  // --extensions widens the list; an empty item stands for no extension.
  auto w = run_cli("ingest --extensions 'md,,txt' --db " + q(dir / "db2") + " " + q(in));
  BOOST_TEST((summary(w.err) == std::make_pair(3L, 0L)), w.err);   // story, README.md, NOTES; not the .gz feed
  BOOST_TEST(w.err.find("ignored " + (in / "feed.jsonl.gz").string()) != std::string::npos, w.err);
  // A file named on the command line is read whatever its name.
  auto n = run_cli("ingest --db " + q(dir / "db3") + " " + q(in / "README.md"));
  BOOST_TEST((summary(n.err) == std::make_pair(1L, 0L)), n.err);
  // The shipped examples: four articles, the README left out.
  auto ex = run_cli("ingest --db " + q(dir / "ex.db") + " " + q(fs::path(geokg::test::source_dir()) / "examples"));
  BOOST_TEST((summary(ex.err) == std::make_pair(4L, 0L)), ex.err);
  BOOST_TEST(ex.err.find("README.md") != std::string::npos, ex.err);
}

BOOST_AUTO_TEST_CASE(an_unreadable_subdirectory_is_a_skipped_input) {
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);
  const fs::path in = dir / "in";
  fs::create_directories(in / "locked");
  write_file(in / "a.txt", good_text());
  write_file(in / "locked" / "b.txt", good_text() + "More.");
  fs::permissions(in / "locked", fs::perms::none);
  // root reads any directory: run geokg as nobody then, when setpriv is there.
  std::string wrapper;
  if (::geteuid() == 0) {
    if (std::system("command -v setpriv >/dev/null 2>&1") != 0) {
      fs::permissions(in / "locked", fs::perms::owner_all);
      BOOST_TEST_MESSAGE("skipped: running as root without setpriv to drop privileges");
      return;
    }
    wrapper = "setpriv --reuid=65534 --regid=65534 --clear-groups";
  }
  const std::string db = (dir / "db").string();
  auto r = run_cli("ingest --strict --db '" + db + "' " + q(in), "", wrapper);
  fs::permissions(in / "locked", fs::perms::owner_all);
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(has_skip(r.err, (in / "locked").string(), "cannot read directory"), r.err);
  BOOST_TEST((summary(r.err) == std::make_pair(1L, 1L)), r.err);
  BOOST_TEST(stored_articles(db) == 1);
}

BOOST_AUTO_TEST_SUITE_END()

// Safe outputs: the query fixture holds actor names with quotes, backslashes,
// <, &, braces, a newline and Cyrillic. tests/cli_query_test.cpp checks the
// exports load in NetworkX, Graphviz renders and Python's csv; here the
// strict validators: xmllint for GraphML and SVG, `dot` on the DOT text itself.
BOOST_AUTO_TEST_SUITE(cli_robust_exports)

namespace {
bool have(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}
int shell(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}
}  // namespace

BOOST_AUTO_TEST_CASE(graphml_and_svg_pass_xmllint_and_dot_parses_the_dot) {
  TempDir dir;
  const std::string db = dir.str() + "/db";
  geokg::test::fixture_store(db);
  const auto graphml = dir / "g.graphml", dot = dir / "g.dot", svg = dir / "t.svg";
  BOOST_REQUIRE(run_cli("export --format graphml -o " + q(graphml) + " --db " + q(db)).exit_code == 0);
  BOOST_REQUIRE(run_cli("export --format dot -o " + q(dot) + " --db " + q(db)).exit_code == 0);
  BOOST_REQUIRE(run_cli("timeline --format svg -o " + q(svg) + " --db " + q(db)).exit_code == 0);
  const std::string dot_text = geokg::test::read_file(dot);
  BOOST_TEST(dot_text.find("Acme") != std::string::npos);
  if (have("xmllint")) {
    BOOST_TEST(shell("xmllint --noout " + q(graphml) + " 2>" + q(dir / "x1")) == 0,
               geokg::test::read_file(dir / "x1"));
    BOOST_TEST(shell("xmllint --noout " + q(svg) + " 2>" + q(dir / "x2")) == 0, geokg::test::read_file(dir / "x2"));
    // The tricky name is there, escaped (xmllint has checked the escaping is well-formed).
    BOOST_TEST(geokg::test::read_file(graphml).find("Acme &amp; &lt;Sons&gt;") != std::string::npos);
  } else {
    BOOST_TEST_MESSAGE("skipped xmllint checks: xmllint not on PATH (Debian libxml2-utils)");
  }
  if (have("dot")) {
    // -Tcanon parses and re-prints: any escaping error in our DOT is a syntax error here.
    BOOST_TEST(shell("dot -Tcanon " + q(dot) + " >" + q(dir / "canon") + " 2>" + q(dir / "derr")) == 0,
               geokg::test::read_file(dir / "derr"));
    BOOST_TEST(geokg::test::read_file(dir / "derr").empty(), geokg::test::read_file(dir / "derr"));
    BOOST_TEST(geokg::test::read_file(dir / "canon").find("Владимир Путин") != std::string::npos);
  } else {
    BOOST_TEST_MESSAGE("skipped dot checks: Graphviz not on PATH");
  }
}

BOOST_AUTO_TEST_SUITE_END()
