// Readers: plain text with a header block, JSONL, HTML, .gz, directories,
// format detection, and the inputs that must become ReadIssues, not crashes.

#include <zlib.h>

#include <boost/test/unit_test.hpp>

#include "geokg/core/ids.hpp"
#include "geokg/ingest/reader.hpp"
#include "test_support.hpp"

namespace geokg {

// Lets BOOST_TEST print formats in failure messages.
std::ostream& boost_test_print_type(std::ostream& os, InputFormat f) { return os << to_string(f); }

namespace {

using test::TempDir;
using test::write_file;

struct Collected {
  std::vector<Article> articles;
  std::vector<ReadIssue> issues;
  Status status;
};

Collected read_all(const std::string& path, const ReadOptions& options = {}) {
  Collected c;
  c.status = read_articles(
      path, options,
      [&](Article&& a) {
        c.articles.push_back(std::move(a));
        return true;
      },
      [&](const ReadIssue& i) { c.issues.push_back(i); });
  return c;
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  BOOST_REQUIRE(deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  BOOST_REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

const char* kBody =
    "BEIJING -U.S. Secretary of State Antony Blinken raised concerns on Friday about China's support "
    "for Russia's military.\n\nBlinken raised the matter during five-and-a-half hours of talks with "
    "China's top diplomat Wang Yi in Beijing.\n";

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_reader)

BOOST_AUTO_TEST_CASE(text_header_block_is_parsed) {
  TempDir dir;
  write_file(dir / "a.txt", std::string("Title: In Beijing, Blinken confronts China\nDate: April 26, 2024\n"
                                        "Source: Reuters\nURL: https://example.org/a\n\n") +
                                kBody);
  auto c = read_all((dir / "a.txt").string());
  BOOST_REQUIRE(c.status.ok());
  BOOST_REQUIRE_EQUAL(c.articles.size(), 1u);
  const Article& a = c.articles[0];
  BOOST_TEST(a.title == "In Beijing, Blinken confronts China");
  BOOST_TEST(a.date.iso() == "2024-04-26");
  BOOST_TEST(a.source == "Reuters");
  BOOST_TEST(a.url == "https://example.org/a");
  BOOST_TEST(a.text == kBody);
  BOOST_TEST(a.id == article_id(a.url, a.text));
  BOOST_TEST(c.issues.empty());
}

BOOST_AUTO_TEST_CASE(text_without_header_takes_defaults) {
  TempDir dir;
  write_file(dir / "b.txt", kBody);
  ReadOptions o;
  o.default_date = Date::Day(2024, 4, 26);
  o.default_source = "Wire";
  auto c = read_all((dir / "b.txt").string(), o);
  BOOST_REQUIRE_EQUAL(c.articles.size(), 1u);
  BOOST_TEST(c.articles[0].text == kBody);  // "BEIJING -U.S." is no header line
  BOOST_TEST(c.articles[0].date.iso() == "2024-04-26");
  BOOST_TEST(c.articles[0].source == "Wire");
  BOOST_TEST(c.articles[0].id == article_id("", kBody));
  // ISO dates in the header and an unparseable one.
  auto iso = parse_text_article("Date: 2024-04-26\n\nText.", {}, "x");
  BOOST_REQUIRE(iso.ok());
  BOOST_TEST(iso->date.iso() == "2024-04-26");
  BOOST_TEST(!parse_text_article("Date: someday soon\n\nText.", {}, "x").ok());
}

BOOST_AUTO_TEST_CASE(jsonl_bad_lines_become_issues_and_the_rest_is_read) {
  TempDir dir;
  const std::string feed =
      R"({"id":"a1","title":"T1","date":"2024-04-26","source":"Reuters","url":"https://x/1","text":"Blinken met Wang Yi."})"
      "\n"
      R"({"id":"a2", "text": )"
      "\n"
      R"({"id":"a3","title":"no text"})"
      "\n"
      R"({"id":"a4","date":20240426,"text":"Xi said."})"
      "\n"
      R"({"id":"a5","date":"the day after","text":"Xi said."})"
      "\n\n"
      R"({"title":"T6","date":null,"url":"https://x/6","text":"Shoigu met Dong Jun."})"
      "\n"
      R"({"id":"a7","text":"   "})"
      "\n";
  write_file(dir / "feed.jsonl", feed);
  ReadOptions o;
  o.default_source = "Default";
  auto c = read_all((dir / "feed.jsonl").string(), o);
  BOOST_REQUIRE(c.status.ok());
  BOOST_REQUIRE_EQUAL(c.articles.size(), 2u);
  BOOST_TEST(c.articles[0].id == "a1");
  BOOST_TEST(c.articles[0].date.iso() == "2024-04-26");
  BOOST_TEST(c.articles[0].source == "Reuters");
  BOOST_TEST(c.articles[1].id == article_id("https://x/6", "Shoigu met Dong Jun."));
  BOOST_TEST(!c.articles[1].date.known());
  BOOST_TEST(c.articles[1].source == "Default");
  BOOST_TEST(c.articles[1].origin == (dir / "feed.jsonl").string() + ":7");
  BOOST_REQUIRE_EQUAL(c.issues.size(), 5u);
  const std::string f = (dir / "feed.jsonl").string();
  BOOST_TEST(c.issues[0].where == f + ":2");
  BOOST_TEST(c.issues[0].message.find("malformed") != std::string::npos);
  BOOST_TEST(c.issues[1].where == f + ":3");
  BOOST_TEST(c.issues[1].message.find("text") != std::string::npos);
  BOOST_TEST(c.issues[2].where == f + ":4");
  BOOST_TEST(c.issues[2].message.find("date") != std::string::npos);
  BOOST_TEST(c.issues[3].where == f + ":5");
  BOOST_TEST(c.issues[4].where == f + ":8");
}

BOOST_AUTO_TEST_CASE(html_keeps_the_article_body) {
  const std::string page = R"(<!DOCTYPE html><html><head>
<title>Site | In Beijing, Blinken confronts China</title>
<meta property="og:title" content="In Beijing, Blinken confronts China over 'powering' Russia's war">
<meta property="article:published_time" content="2024-04-26T10:12:00Z">
<script>var tracking = "Xi Jinping meets everyone";</script><style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="share-bar"><a>Share on Facebook</a><a>Share on X</a></div>
<article>
<h1>In Beijing, Blinken confronts China</h1>
<figure><img src="a.jpg"><figcaption>Blinken, left, meets Wang Yi. Mark Schiefelbein/AP</figcaption></figure>
<p>BEIJING -U.S. Secretary of State Antony Blinken raised concerns on <b>Friday</b> about China's support for Russia's military.</p>
<p>Blinken raised the matter during talks with China's top diplomat Wang&nbsp;Yi in Beijing.<br>He left on Saturday.</p>
<aside>Related: Five things to know</aside>
<form><label>Subscribe to our newsletter</label> <button>Go</button></form>
</article>
<footer>&copy; 2024 Example News. Contact us</footer>
</body></html>)";
  auto r = parse_html_article(page, {}, "page.html");
  BOOST_REQUIRE(r.ok());
  const Article& a = *r;
  BOOST_TEST(a.title == "In Beijing, Blinken confronts China over 'powering' Russia's war");
  BOOST_TEST(a.date.iso() == "2024-04-26");
  BOOST_TEST(a.text.find("BEIJING -U.S. Secretary of State Antony Blinken raised concerns on Friday about") !=
             std::string::npos);
  BOOST_TEST(a.text.find("military.\n\nBlinken raised") != std::string::npos);
  BOOST_TEST(a.text.find("Beijing.\n\nHe left on Saturday.") != std::string::npos);
  BOOST_TEST(a.text.find("Wang\xC2\xA0Yi") != std::string::npos);  // &nbsp; decoded; normalisation handles it
  for (const char* junk : {"tracking", "color", "Home", "Share on", "Schiefelbein", "Related", "Subscribe",
                           "Contact us", "2024 Example"})
    BOOST_TEST(a.text.find(junk) == std::string::npos, "HTML junk kept: " << junk);
  BOOST_TEST(detect_format(page, "x") == InputFormat::kHtml);
}

BOOST_AUTO_TEST_CASE(gzip_files_and_corrupt_gzip) {
  TempDir dir;
  const std::string feed =
      R"({"id":"g1","text":"Biden signed the bill."})" "\n" R"({"id":"g2","text":"Xi said."})" "\n";
  write_file(dir / "feed.jsonl.gz", gzip(feed));
  auto c = read_all((dir / "feed.jsonl.gz").string());
  BOOST_REQUIRE_EQUAL(c.articles.size(), 2u);
  BOOST_TEST(c.articles[1].id == "g2");
  BOOST_TEST(c.issues.empty());

  const std::string z = gzip(std::string(5000, 'x') + feed);
  write_file(dir / "cut.jsonl.gz", z.substr(0, z.size() / 2));
  write_file(dir / "junk.gz", "this is not gzip at all, but it ends in .gz");
  for (const char* name : {"cut.jsonl.gz", "junk.gz"}) {
    auto bad = read_all((dir / name).string());
    BOOST_TEST(bad.status.ok());
    BOOST_TEST(bad.articles.empty());
    BOOST_REQUIRE_EQUAL(bad.issues.size(), 1u);
    BOOST_TEST(bad.issues[0].message.find("gzip") != std::string::npos, bad.issues[0].message);
  }
}

BOOST_AUTO_TEST_CASE(directories_recurse_in_name_order_and_skip_hidden) {
  TempDir dir;
  std::filesystem::create_directories(dir / "b" / "inner");
  std::filesystem::create_directories(dir / ".git");
  write_file(dir / "c.txt", "Third article text.");
  write_file(dir / "a.jsonl", R"({"id":"first","text":"First article text."})" "\n");
  write_file(dir / "b" / "inner" / "x.html", "<html><body><p>Second article text.</p></body></html>");
  write_file(dir / ".hidden.txt", "Hidden.");
  write_file(dir / ".git" / "config.txt", "Hidden too.");
  auto c = read_all(dir.str());
  BOOST_REQUIRE(c.status.ok());
  BOOST_REQUIRE_EQUAL(c.articles.size(), 3u);
  BOOST_TEST(c.articles[0].id == "first");
  BOOST_TEST(c.articles[1].text == "Second article text.");
  BOOST_TEST(c.articles[2].text == "Third article text.");
  BOOST_TEST(c.issues.empty());
  BOOST_TEST(read_all((dir / "missing").string()).status.is_not_found());
}

BOOST_AUTO_TEST_CASE(sink_can_stop_reading) {
  TempDir dir;
  write_file(dir / "f.jsonl", R"({"text":"One."})" "\n" R"({"text":"Two."})" "\n");
  int seen = 0;
  BOOST_TEST(read_articles((dir / "f.jsonl").string(), {}, [&](Article&&) { return ++seen < 1; },
                           [](const ReadIssue&) {})
                 .ok());
  BOOST_TEST(seen == 1);
}

BOOST_AUTO_TEST_CASE(binary_utf16_invalid_utf8_and_size_limit) {
  TempDir dir;
  write_file(dir / "img.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto bin = read_all((dir / "img.txt").string());
  BOOST_TEST(bin.articles.empty());
  BOOST_REQUIRE_EQUAL(bin.issues.size(), 1u);
  BOOST_TEST(bin.issues[0].message.find("binary") != std::string::npos);

  // "Xi ’said’" in UTF-16LE with a BOM.
  std::string u16("\xFF\xFE", 2);
  for (char16_t ch : std::u16string(u"Xi \u2019said\u2019 on Friday.")) {
    u16 += static_cast<char>(ch & 0xFF);
    u16 += static_cast<char>(ch >> 8);
  }
  write_file(dir / "u16.txt", u16);
  auto w = read_all((dir / "u16.txt").string());
  BOOST_REQUIRE_EQUAL(w.articles.size(), 1u);
  BOOST_TEST(w.articles[0].text == "Xi \xE2\x80\x99said\xE2\x80\x99 on Friday.");

  // Bad bytes become U+FFFD in the reader, so Article::text is always valid UTF-8.
  write_file(dir / "bad.txt", "Wang Yi \xC3\x28 met \xFF\xFE\xFD Blinken \xE2\x82.");
  auto bad = read_all((dir / "bad.txt").string());
  BOOST_REQUIRE_EQUAL(bad.articles.size(), 1u);
  BOOST_TEST(valid_utf8(bad.articles[0].text));
  BOOST_TEST(bad.articles[0].text.find("Wang Yi \xEF\xBF\xBD(") == 0u);
  auto j = parse_jsonl_line("{\"text\":\"caf\xE9 talks\"}", {}, "x:1");
  BOOST_REQUIRE(j.ok());
  BOOST_TEST(j->text == "caf\xEF\xBF\xBD talks");

  ReadOptions small;
  small.max_article_bytes = 10;
  write_file(dir / "big.txt", kBody);
  auto big = read_all((dir / "big.txt").string(), small);
  BOOST_TEST(big.articles.empty());
  BOOST_REQUIRE_EQUAL(big.issues.size(), 1u);
  BOOST_TEST(big.issues[0].message.find("limit") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(jsonl_escapes_decode_alike_on_both_parsers) {
  // String-only lines take the reader's own flat parser; a numeric id sends
  // the same line through nlohmann. Both must give the same article.
  const std::string body =
      R"("title":"A \"quoted\" title","source":null,"date":"2024-04-26",)"
      R"("text":"caf\u00e9 \ud83c\udf0d line\none\ttab \\ slash\/ end"})";
  auto flat = parse_jsonl_line(R"({"id":"7",)" + body, {}, "x:1");
  auto dom = parse_jsonl_line(R"({"id":7,)" + body, {}, "x:2");
  BOOST_TEST_REQUIRE(flat.ok());
  BOOST_TEST_REQUIRE(dom.ok());
  BOOST_TEST(flat->text == "caf\xC3\xA9 \xF0\x9F\x8C\x8D line\none\ttab \\ slash/ end");
  BOOST_TEST(flat->text == dom->text);
  BOOST_TEST(flat->title == "A \"quoted\" title");
  BOOST_TEST(flat->title == dom->title);
  BOOST_TEST(flat->id == dom->id);
  BOOST_TEST(flat->date.iso() == "2024-04-26");
  // Lines JSON forbids fail the same way whichever parser saw them first.
  for (const char* bad : {"{\"text\":\"raw\x01control\"}", R"({"text":"a" "b"})", R"({"text":"a"} trailing)"}) {
    auto r = parse_jsonl_line(bad, {}, "x:3");
    BOOST_TEST(!r.ok(), bad);
  }
  // An unpaired surrogate escape (what a writer that cut a string leaves)
  // becomes U+FFFD on both parsers, as an invalid byte does, instead of
  // costing the whole article.
  for (const char* id : {R"("s")", "5"}) {
    for (const char* text : {R"(lone \udc00 low)", R"(lone \ud83c high)", R"(high at the end \ud83c)",
                             R"(\ud83c\ud83c twice)"}) {
      const std::string line = std::string(R"({"id":)") + id + R"(,"text":")" + text + R"("})";
      auto r = parse_jsonl_line(line, {}, "x:5");
      BOOST_TEST_REQUIRE(r.ok(), line);
      BOOST_TEST(r->text.find("\xEF\xBF\xBD") != std::string::npos, line);
      BOOST_TEST(valid_utf8(r->text), line);
    }
  }
  // A duplicate key is left to nlohmann, which keeps the last value.
  auto dup = parse_jsonl_line(R"({"text":"first","text":"second"})", {}, "x:4");
  BOOST_TEST_REQUIRE(dup.ok());
  BOOST_TEST(dup->text == "second");
}

BOOST_AUTO_TEST_CASE(json_records_split_by_brackets_and_strings) {
  // Records spanning lines, braces and quotes inside strings, a nested
  // object, a scalar array element, a broken record and garbage between
  // records: each good record read, each bad one named by its first line.
  const std::string json =
      "[\n"                                                                   // 1
      "  {\"id\": \"j1\", \"text\": \"Braces { and } and \\\"quotes\\\" inside.\"},\n"  // 2
      "  {\"id\": \"j2\",\n"                                                 // 3
      "   \"meta\": {\"tags\": [\"a\", \"]\"]},\n"                           // 4
      "   \"text\": \"Spans lines.\"},\n"                                    // 5
      "  17,\n"                                                              // 6
      "{\"id\": \"cut\", \"text\": \"no end\"\n"                             // 7
      "{\"id\": \"j3\", \"text\": \"After the cut.\"}\n"                     // 8
      "]\n"
      "oops\n"                                                               // 10
      "{\"id\": \"j4\", \"text\": \"After garbage.\"}\n";                    // 11
  Collected c;
  read_articles_from(json, "feed.json", {}, [&](Article&& a) { c.articles.push_back(std::move(a)); return true; },
                     [&](const ReadIssue& i) { c.issues.push_back(i); });
  BOOST_REQUIRE_EQUAL(c.articles.size(), 4u);
  BOOST_TEST(c.articles[0].text == "Braces { and } and \"quotes\" inside.");
  BOOST_TEST(c.articles[1].id == "j2");
  BOOST_TEST(c.articles[1].origin == "feed.json:3");
  BOOST_TEST(c.articles[2].id == "j3");
  BOOST_TEST(c.articles[3].id == "j4");
  BOOST_REQUIRE_EQUAL(c.issues.size(), 3u);
  BOOST_TEST(c.issues[0].where == "feed.json:6");
  BOOST_TEST(c.issues[0].message.find("not an object") != std::string::npos, c.issues[0].message);
  BOOST_TEST(c.issues[1].where == "feed.json:7");
  BOOST_TEST(c.issues[2].where == "feed.json:10");
}

BOOST_AUTO_TEST_CASE(streams_decode_across_read_boundaries) {
  // Inputs larger than one read: gzip members concatenated, UTF-16 whose
  // surrogate pairs fall on any boundary, a JSONL line past the record cap.
  std::string feed;
  for (int i = 0; i < 3000; ++i)
    feed += "{\"id\": \"s" + std::to_string(i) + "\", \"text\": \"Blinken met Wang Yi, report " + std::to_string(i) +
            ". \xF0\x9F\x8C\x8D\"}\n";
  const std::string half = feed.substr(0, feed.find('\n', feed.size() / 2) + 1);
  const std::string gz = gzip(half) + gzip(feed.substr(half.size()));
  std::size_t n = 0, issues = 0;
  read_articles_from(gz, "<stdin>", {}, [&](Article&&) { return ++n > 0; }, [&](const ReadIssue&) { ++issues; });
  BOOST_TEST(n == 3000u);
  BOOST_TEST(issues == 0u);

  std::string u16("\xFF\xFE", 2);
  std::u16string text;
  while (text.size() < 300000) text += u"Xi \U0001F30D met Putin. ";
  for (char16_t ch : text) {
    u16 += static_cast<char>(ch & 0xFF);
    u16 += static_cast<char>(ch >> 8);
  }
  std::vector<Article> got;
  read_articles_from(u16, "u16.txt", {}, [&](Article&& a) { got.push_back(std::move(a)); return true; },
                     [](const ReadIssue&) {});
  BOOST_REQUIRE_EQUAL(got.size(), 1u);
  BOOST_TEST(got[0].text.find("\xEF\xBF\xBD") == std::string::npos);   // no pair split into U+FFFD
  BOOST_TEST(got[0].text.substr(0, 21) == "Xi \xF0\x9F\x8C\x8D met Putin. Xi");

  ReadOptions small;
  small.max_record_bytes = 100;
  const std::string lines = "{\"text\": \"short one\"}\n{\"text\": \"" + std::string(5000, 'x') + "\"}\n{\"text\": \"after\"}\n";
  std::vector<ReadIssue> long_issues;
  n = 0;
  read_articles_from(lines, "l.jsonl", small, [&](Article&&) { return ++n > 0; },
                     [&](const ReadIssue& i) { long_issues.push_back(i); });
  BOOST_TEST(n == 2u);
  BOOST_REQUIRE_EQUAL(long_issues.size(), 1u);
  BOOST_TEST(long_issues[0].where == "l.jsonl:2");
  BOOST_TEST(long_issues[0].message.find("line of 5012 bytes exceeds the limit of 100 bytes") != std::string::npos,
             long_issues[0].message);
}

BOOST_AUTO_TEST_CASE(more_than_twenty_bad_records_are_counted_in_one_issue) {
  std::string bad;
  for (int i = 0; i < 50; ++i) bad += "not json\n";
  std::vector<ReadIssue> issues;
  read_articles_from(bad, "bad.jsonl", {}, [](Article&&) { return true; },
                     [&](const ReadIssue& i) { issues.push_back(i); });
  BOOST_REQUIRE_EQUAL(issues.size(), 21u);
  BOOST_TEST(issues[19].where == "bad.jsonl:20");
  BOOST_TEST(issues[20].where == "bad.jsonl");
  BOOST_TEST(issues[20].count == 30u);
  BOOST_TEST(issues[20].message == "30 more bad records not listed");
}

BOOST_AUTO_TEST_CASE(format_detection) {
  BOOST_TEST(detect_format(R"(  {"text":"a"})" "\n", "f") == InputFormat::kJsonl);
  // Content that opens as JSON is JSON: a broken record is reported as one,
  // never read as a text article.
  BOOST_TEST(detect_format("{not json at all}\nmore", "f") == InputFormat::kJsonl);
  BOOST_TEST(detect_format("{\n  \"text\": \"pretty\"\n}\n", "f") == InputFormat::kJson);
  BOOST_TEST(detect_format(" [\n {\"text\": \"a\"}]", "f") == InputFormat::kJson);
  BOOST_TEST(detect_format("[Updated] Blinken met Xi.", "f") == InputFormat::kText);
  // A JSON name wins over the content, whatever the first line holds.
  BOOST_TEST(detect_format("# a comment\n{\"text\":\"a\"}\n", "feed.jsonl") == InputFormat::kJsonl);
  BOOST_TEST(detect_format("# a comment\n{\"text\":\"a\"}\n", "feed.ndjson.gz") == InputFormat::kJsonl);
  BOOST_TEST(detect_format("plain words", "feed.json") == InputFormat::kJson);
  // Without a name (stdin): JSON Lines after a comment or a broken first line.
  BOOST_TEST(detect_format("# a comment\n{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "<stdin>") == InputFormat::kJsonl);
  BOOST_TEST(detect_format("oops\n{\"id\":1,\"text\":\"a\"}\nmore words\n", "<stdin>") == InputFormat::kJsonl);
  BOOST_TEST(detect_format("A story.\n{braces} in a sentence.\nAnd more text.\n", "<stdin>") == InputFormat::kText);
  BOOST_TEST(detect_format("<p>markup</p>", "a.html") == InputFormat::kHtml);
  BOOST_TEST(article_extension("dir.d/Feed.JSONL.gz") == "jsonl");
  BOOST_TEST(article_extension("dir.d/README") == "");
  BOOST_TEST(article_extension(".hidden") == "");
  BOOST_TEST(detect_format("<!doctype html><p>x", "f") == InputFormat::kHtml);
  BOOST_TEST(detect_format("Some intro\n<body><p>x</p></body>", "f") == InputFormat::kHtml);
  BOOST_TEST(detect_format("Title: x\n\nBlinken said 3 < 4.", "f") == InputFormat::kText);
  BOOST_TEST((input_format_from_string("jsonl") == InputFormat::kJsonl));
  BOOST_TEST((input_format_from_string("json") == InputFormat::kJson));
  BOOST_TEST(!input_format_from_string("pdf").has_value());
  // An explicit format wins over detection.
  TempDir dir;
  write_file(dir / "x.txt", "<p>Literal markup in a text file.</p>");
  ReadOptions o;
  o.format = InputFormat::kText;
  auto c = read_all((dir / "x.txt").string(), o);
  BOOST_REQUIRE_EQUAL(c.articles.size(), 1u);
  BOOST_TEST(c.articles[0].text == "<p>Literal markup in a text file.</p>");
}

BOOST_AUTO_TEST_CASE(real_corpus_and_example_read_cleanly, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  auto corpus = read_all(shared + "/corpus/articles.jsonl");
  BOOST_TEST(corpus.issues.empty());
  BOOST_REQUIRE_EQUAL(corpus.articles.size(), 78u);
  int dated = 0;
  for (const auto& a : corpus.articles) dated += a.date.known() ? 1 : 0;
  BOOST_TEST(dated == 62);  // README: 62 dated, 16 BBC items null
  BOOST_TEST(corpus.articles[0].id == "wn-castro");

  auto ex = read_all(shared + "/examples/blinken-beijing-2024-04-26.txt");
  BOOST_REQUIRE_EQUAL(ex.articles.size(), 1u);
  BOOST_TEST(ex.articles[0].text.find("top of page") == 0u);  // no header block: the page as is
  BOOST_TEST(!ex.articles[0].date.known());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg
