// `geokg extract -o FILE` and `geokg ingest --extracted FILE...`, the map and
// commit steps of a cluster run (docs/scale.md): the same file bytes whatever
// -j, the same graph whatever the number of shards and their order, the graph
// of a plain ingest of the articles in canonical order, idempotent, and clear
// refusals of files it must not commit.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "geokg/graph/store.hpp"
#include "store_internal.hpp"
#include "test_support.hpp"

using namespace geokg;
using namespace geokg::test;
namespace fs = std::filesystem;

namespace {

// Every key and value of the store but the record of which commit came last.
std::string dump(const fs::path& db) {
  StoreOptions o;
  o.read_only = true;
  auto store = GraphStore::Open(db.string(), o);
  BOOST_REQUIRE_MESSAGE(store.ok(), db.string() + ": " + (store.ok() ? "" : store.status().to_string()));
  std::string out;
  BOOST_REQUIRE(internal::StoreInternals::dump(**store, /*graph_only=*/true, [&](const std::string& line) {
                  out += line;
                  out += '\n';
                }).ok());
  return out;
}

// The corpus's lines dealt round-robin into `k` JSONL shards.
std::vector<fs::path> split(const std::vector<std::string>& lines, std::size_t k, const fs::path& dir) {
  std::vector<std::string> parts(k);
  for (std::size_t i = 0; i < lines.size(); ++i) parts[i % k] += lines[i] + "\n";
  std::vector<fs::path> out;
  for (std::size_t p = 0; p < k; ++p) {
    out.push_back(dir / ("in-" + std::to_string(p) + ".jsonl"));
    write_file(out.back(), parts[p]);
  }
  return out;
}

// The articles in canonical order: date (undated first; ISO text sorts as
// Date::key() does for these dates), then id.
std::string canonical(std::vector<std::string> lines) {
  const auto key = [](const std::string& line) {
    const auto j = nlohmann::json::parse(line);
    return std::make_pair(j["date"].is_string() ? j["date"].get<std::string>() : std::string(),
                          j["id"].get<std::string>());
  };
  std::stable_sort(lines.begin(), lines.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string extract_to(const fs::path& input, const fs::path& output, const std::string& flags = "-q") {
  auto r = run_cli("extract " + flags + " -o " + shell_quote(output) + " " + shell_quote(input));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return read_file(output);
}

std::string corpus() {
  const std::string shared = shared_dir();
  return shared.empty() ? std::string() : shared + "/corpus/articles.jsonl";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_extracted)

BOOST_AUTO_TEST_CASE(extraction_file_bytes_do_not_depend_on_threads) {
  const std::string input = corpus().empty() ? source_dir() + "/examples" : corpus();
  TempDir tmp;
  const std::string one = extract_to(input, tmp / "one.jsonl.gz", "-q -j 1");
  const std::string two = extract_to(input, tmp / "two.jsonl.gz", "-q -j 2");
  BOOST_TEST(one == two);
  BOOST_REQUIRE(one.size() > 2);
  BOOST_TEST((static_cast<unsigned char>(one[0]) == 0x1F && static_cast<unsigned char>(one[1]) == 0x8B));
  const std::string plain = extract_to(input, tmp / "plain.jsonl", "-q -j 2");
  const auto header = nlohmann::json::parse(plain.substr(0, plain.find('\n')))["geokg_extraction"];
  BOOST_TEST(header["schema"] == 1);
  BOOST_TEST(header["geokg"].is_string());
  BOOST_TEST(header["lexicons"].get<std::string>().size() == 16u);
  BOOST_TEST(header["model"].get<std::string>().size() == 16u);
  BOOST_TEST(header["articles"].get<std::size_t>() + 1 == nonempty_lines(plain).size());
  // Gzip is the same bytes compressed.
  BOOST_TEST(run_cli("extract -q -o " + shell_quote(tmp / "two.jsonl") + " " + shell_quote(input)).exit_code == 0);
  BOOST_TEST(read_file(tmp / "two.jsonl") == plain);
  // An output that cannot be written fails before the work, leaving nothing.
  auto r = run_cli("extract -o " + shell_quote(tmp / "no/such/dir.jsonl") + " " + shell_quote(input));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("does not exist") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(same_graph_whatever_the_sharding_and_as_a_plain_ingest_in_canonical_order, GEOKG_NEEDS_SHARED) {
  const std::string input = corpus();
  TempDir tmp;
  const auto lines = nonempty_lines(read_file(input));
  write_file(tmp / "canonical.jsonl", canonical(lines));
  auto plain = run_cli("ingest -q --db " + shell_quote(tmp / "plain.db") + " " + shell_quote(tmp / "canonical.jsonl"));
  BOOST_REQUIRE_MESSAGE(plain.exit_code == 0, plain.err);
  const std::string expected = dump(tmp / "plain.db");
  BOOST_TEST(nonempty_lines(expected).size() > 1000u);

  for (std::size_t k : {1u, 2u, 4u, 7u}) {
    BOOST_TEST_CONTEXT(k << " shards") {
      const fs::path dir = tmp / ("k" + std::to_string(k));
      fs::create_directories(dir);
      std::string files;
      for (const auto& shard : split(lines, k, dir)) {
        const fs::path out = fs::path(shard.string() + ".gz");
        extract_to(shard, out);
        files = shell_quote(out) + " " + files;   // given in reverse order
      }
      const fs::path db = tmp / ("k" + std::to_string(k) + ".db");
      auto r = run_cli("ingest --extracted --strict --db " + shell_quote(db) + " " + files);
      BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      BOOST_TEST(ingest_summary(r.err).first == static_cast<long>(lines.size()));
      BOOST_TEST(dump(db) == expected);
      if (k == 7) {   // idempotent: a second commit of the same files changes nothing
        auto again = run_cli("ingest --extracted --db " + shell_quote(db) + " " + files);
        BOOST_TEST(again.exit_code == 0);
        BOOST_TEST(again.err.find("ingested 0 articles (" + std::to_string(lines.size()) + " already stored") !=
                       std::string::npos,
                   again.err);
        BOOST_TEST(dump(db) == expected);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(files_it_must_not_commit_are_refused_clearly) {
  TempDir tmp;
  const std::string input = source_dir() + "/examples";
  const std::string good = extract_to(input, tmp / "good.jsonl");
  const std::string db = shell_quote(tmp / "db");

  // A newer schema.
  auto header = nlohmann::json::parse(good.substr(0, good.find('\n')));
  header["geokg_extraction"]["schema"] = 99;
  write_file(tmp / "newer.jsonl", header.dump() + good.substr(good.find('\n')));
  auto r = run_cli("ingest --extracted --db " + db + " " + shell_quote(tmp / "good.jsonl") + " " +
                   shell_quote(tmp / "newer.jsonl"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("newer.jsonl': it is of extraction schema 99") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(tmp / "db"));   // refused before the database was opened

  // Plain `geokg extract` output.
  auto shown = run_cli("extract " + shell_quote(input));
  write_file(tmp / "shown.jsonl", shown.out);
  r = run_cli("ingest --extracted --db " + db + " " + shell_quote(tmp / "shown.jsonl"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("is not a geokg extraction file: it is plain `geokg extract` output") != std::string::npos,
             r.err);

  // Another lexicon: another extractor.
  write_file(tmp / "mine.json", R"({"actors": [{"name": "Jane Roe", "kind": "person", "country": "GBR"}]})");
  extract_to(input, tmp / "mine.jsonl", "-q --lexicon " + shell_quote(tmp / "mine.json"));
  r = run_cli("ingest --extracted --db " + db + " " + shell_quote(tmp / "good.jsonl") + " " +
              shell_quote(tmp / "mine.jsonl"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("were extracted by different extractors (lexicons") != std::string::npos, r.err);

  // Cut short (a copy that did not finish).
  write_file(tmp / "cut.jsonl", good.substr(0, good.size() * 2 / 3));
  r = run_cli("ingest --extracted --db " + db + " " + shell_quote(tmp / "cut.jsonl"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("(cut short); extract it again") != std::string::npos, r.err);
  BOOST_TEST(!fs::exists(tmp / "db"));

  // Options of extraction mean nothing here.
  r = run_cli("ingest --extracted --date 2005 --db " + db + " " + shell_quote(tmp / "good.jsonl"));
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err.find("--date") != std::string::npos, r.err);

  // What passes: the examples, stored as a plain ingest stores them.
  r = run_cli("ingest --extracted --db " + db + " " + shell_quote(tmp / "good.jsonl"));
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(ingest_summary(r.err).first == 4);
}

BOOST_AUTO_TEST_SUITE_END()
