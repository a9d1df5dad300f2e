// The parallel pipeline: results in input order whatever the thread count,
// skipped inputs reported and counted, a failing sink stops the run.
#include <boost/test/unit_test.hpp>

#include "geokg/ingest/model_files.hpp"
#include "geokg/core/data_dir.hpp"
#include "geokg/extract/extraction_json.hpp"
#include "geokg/ingest/pipeline.hpp"
#include "test_support.hpp"

using namespace geokg;

namespace {
std::shared_ptr<const Lexicons> lexicons() {
  static auto lex = [] {
    auto r = load_lexicons(test::data_dir(), {});
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.status().to_string()));
    return r.value();
  }();
  return lex;
}

// Runs the pipeline and returns one JSON line per article, in delivery order.
std::vector<std::string> run(const std::vector<std::string>& paths, unsigned threads,
                             PipelineCounters& counters, std::vector<ReadIssue>* issues = nullptr) {
  Extractor extractor(lexicons());
  PipelineOptions options;
  options.threads = threads;
  options.queue_limit = 8;  // small, so that the reader really waits on the workers
  std::vector<std::string> out;
  Status s = run_pipeline(
      paths, extractor, options,
      [&](const Article& a, const Extraction& ex) {
        out.push_back(extraction_to_json(a, ex, nullptr).dump());
        return Status::Ok();
      },
      [&](const ReadIssue& i) {
        if (issues) issues->push_back(i);
      },
      nullptr, counters);
  BOOST_TEST(s.ok(), s.to_string());
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_pipeline)

BOOST_AUTO_TEST_CASE(same_results_in_same_order_for_any_thread_count, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  const std::string corpus = shared + "/corpus/articles.jsonl";
  PipelineCounters c1, c3;
  auto one = run({corpus}, 1, c1);
  auto three = run({corpus}, 3, c3);
  BOOST_TEST(one.size() == 78u);
  BOOST_TEST((one == three));
  BOOST_TEST(c1.articles == 78u);
  BOOST_TEST(c1.events == c3.events);
  BOOST_TEST(c1.text_bytes > 200000u);
}

BOOST_AUTO_TEST_CASE(bad_lines_are_reported_and_counted_good_ones_kept) {
  test::TempDir dir;
  test::write_file(dir / "feed.jsonl",
                   R"({"id":"a","title":"A","date":"2024-01-02","source":"S","url":null,"text":"NATO condemned the attack."})"
                   "\n{not json\n"
                   R"({"id":"b","title":"B","date":"2024-01-03","source":"S","url":null,"text":"Iran rejected the proposal."})"
                   "\n");
  PipelineCounters c;
  std::vector<ReadIssue> issues;
  auto out = run({(dir / "feed.jsonl").string()}, 2, c, &issues);
  BOOST_TEST(out.size() == 2u);
  BOOST_TEST(c.skipped == 1u);
  BOOST_REQUIRE(issues.size() == 1u);
  BOOST_TEST(issues[0].where.find("feed.jsonl:2") != std::string::npos, issues[0].where);
}

BOOST_AUTO_TEST_CASE(missing_path_is_an_error_naming_it) {
  Extractor extractor(lexicons());
  PipelineCounters c;
  Status s = run_pipeline({"/nonexistent/geokg/input.txt"}, extractor, {},
                          [](const Article&, const Extraction&) { return Status::Ok(); }, nullptr,
                          nullptr, c);
  BOOST_TEST(!s.ok());
  BOOST_TEST(s.message().find("/nonexistent/geokg/input.txt") != std::string::npos, s.message());
}

BOOST_AUTO_TEST_CASE(a_failing_sink_stops_the_run, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  Extractor extractor(lexicons());
  PipelineCounters c;
  int seen = 0;
  Status s = run_pipeline(
      {shared + "/corpus/articles.jsonl"}, extractor, {},
      [&](const Article&, const Extraction&) {
        return ++seen == 5 ? Status::IOError("disk full") : Status::Ok();
      },
      nullptr, nullptr, c);
  BOOST_TEST(!s.ok());
  BOOST_TEST(s.message() == "disk full");
  BOOST_TEST(seen == 5);
}

BOOST_AUTO_TEST_SUITE_END()
