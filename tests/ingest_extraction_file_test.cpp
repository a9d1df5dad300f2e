// Extraction files (geokg/ingest/extraction_file.hpp): the interchange record
// reads back exactly what commit needs, files come out in canonical order
// whatever the order or memory they were written with, damaged or foreign
// files are refused before anything is committed, and any split of a set of
// articles into files merges into the same sequence.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "geokg/ingest/model_files.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/ingest/extraction_file.hpp"
#include "geokg/extract/extraction_json.hpp"
#include "test_support.hpp"

using namespace geokg;
using nlohmann::json;

namespace {

std::shared_ptr<const Lexicons> lexicons(bool tree_coder) {
  static std::shared_ptr<const Lexicons> lex[2];
  auto& l = lex[tree_coder ? 1 : 0];
  if (!l) {
    LexiconOptions o;
    o.tree_coder = tree_coder;
    auto r = load_lexicons(test::data_dir(), {}, o);
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.status().to_string()));
    l = r.value();
  }
  return l;
}

std::vector<Article> read_all(const std::string& path) {
  std::vector<Article> out;
  BOOST_REQUIRE(read_articles(path, {}, [&](Article&& a) { out.push_back(std::move(a)); return true; },
                              [](const ReadIssue&) {})
                    .ok());
  return out;
}

// Every field commit reads, compared one by one (a failure names the field).
void check_same(const Extraction& a, const Extraction& b, const std::string& id) {
  BOOST_TEST_CONTEXT("article " << id) {
    BOOST_REQUIRE_EQUAL(a.actors.size(), b.actors.size());
    for (std::size_t i = 0; i < a.actors.size(); ++i) {
      const ExtractedActor &x = a.actors[i], &y = b.actors[i];
      BOOST_TEST_CONTEXT("actor " << i << " " << x.name) {
        BOOST_TEST(x.name == y.name);
        BOOST_TEST(to_string(x.kind) == to_string(y.kind));
        BOOST_TEST(x.country == y.country);
        BOOST_TEST(x.sector == y.sector);
        BOOST_TEST(x.aliases == y.aliases, boost::test_tools::per_element());
        BOOST_TEST((x.roles == y.roles));
        BOOST_TEST(x.mentions == y.mentions);
        BOOST_TEST(x.from_lexicon == y.from_lexicon);
        BOOST_TEST(x.code == y.code);
        BOOST_TEST(to_string(x.naming) == to_string(y.naming));
        BOOST_TEST(x.scope == y.scope);
      }
    }
    BOOST_REQUIRE_EQUAL(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
      const ExtractedEvent &x = a.events[i], &y = b.events[i];
      BOOST_TEST_CONTEXT("event " << i << " " << x.cameo) {
        BOOST_TEST(x.source == y.source);
        BOOST_TEST(x.target == y.target);
        BOOST_TEST(x.location == y.location);
        BOOST_TEST(x.cameo == y.cameo);
        BOOST_TEST(x.relation == y.relation);
        BOOST_TEST((x.date == y.date));
        BOOST_TEST(x.confidence == y.confidence);   // exactly: commit keeps the highest
        BOOST_TEST(x.negated == y.negated);
        BOOST_TEST(x.hypothetical == y.hypothetical);
        BOOST_TEST(x.symmetric == y.symmetric);
        BOOST_TEST(x.quote == y.quote);
        BOOST_TEST((x.evidence == y.evidence));
      }
    }
  }
}

// An article of the synthetic sets below: `partial` names a person by surname only.
std::pair<Article, Extraction> article(const std::string& id, const std::string& date, bool partial = false,
                                       const std::string& full_alias = {}) {
  Article a;
  a.id = id;
  a.title = "Title " + id;
  a.text = "Text of " + id + ".";
  a.source = "Wire";
  if (!date.empty()) a.date = *Date::Parse(date);
  Extraction ex;
  ExtractedActor country;
  country.name = "France";
  country.kind = NodeKind::kCountry;
  country.country = "FRA";
  country.mentions = 1;
  ex.actors.push_back(country);
  ExtractedActor person;
  person.name = partial ? "Bell" : "Person " + id;
  person.naming = partial ? Naming::kPartial : Naming::kProper;
  if (!full_alias.empty()) person.aliases.push_back(full_alias);
  person.mentions = 2;
  ex.actors.push_back(person);
  ExtractedEvent e;
  e.source = 1;
  e.target = 0;
  e.cameo = "040";
  e.relation = "met";
  e.date = a.date;
  e.confidence = 0.63f;
  e.evidence.sentence = a.text;
  e.evidence.end = static_cast<std::uint32_t>(a.text.size());
  e.evidence.source = a.source;
  e.evidence.article_id = a.id;
  ex.events.push_back(e);
  return {a, ex};
}

ExtractionFileHeader header() {
  ExtractionFileHeader h;
  h.geokg_version = "test";
  h.lexicons = "0123456789abcdef";
  h.model = "fedcba9876543210";
  return h;
}

std::string write_file(const std::vector<std::pair<Article, Extraction>>& set, ExtractionWriterOptions o = {},
                       ExtractionFileHeader h = header()) {
  ExtractionFileWriter w(h, nullptr, o);
  for (const auto& [a, ex] : set) BOOST_REQUIRE(w.add(a, ex).ok());
  std::ostringstream out;
  BOOST_REQUIRE(w.finish(out).ok());
  return out.str();
}

// The ids an ExtractionMerge hands over for `files`, in order.
std::vector<std::string> sequence(const std::vector<std::string>& files, Status* status = nullptr,
                                  std::vector<ReadIssue>* issues = nullptr, bool allow_mixed = false) {
  std::vector<std::string> ids;
  PipelineCounters counters;
  ExtractedReadOptions o;
  o.allow_mixed = allow_mixed;
  auto merge = ExtractionMerge::Open(files, o);
  if (!merge.ok()) {
    BOOST_TEST_REQUIRE(status != nullptr, merge.status().to_string());
    *status = merge.status();
    return ids;
  }
  Status s = (*merge)->run(
      [&](const Article& a, const Extraction&) {
        ids.push_back(a.id);
        return Status::Ok();
      },
      [&](const ReadIssue& i) {
        if (issues) issues->push_back(i);
      },
      nullptr, counters);
  if (status) *status = s;
  else BOOST_TEST(s.ok(), s.to_string());
  return ids;
}

std::vector<std::pair<Article, Extraction>> synthetic_set() {
  std::vector<std::pair<Article, Extraction>> set = {
      article("c", "2024-04-26"), article("a", "2024-04-26"), article("z", ""),
      article("m", "2024-04"),    article("b", "2023"),       article("p2", "2024-01-02", true),
      article("q", "2024-05-01", false, "Bell"),               article("p1", "2022-01-01", true),
      article("d", "2024-04-27"),
  };
  for (int i = 0; i < 40; ++i) {
    char id[8], date[16];
    std::snprintf(id, sizeof id, "n%d", i);
    std::snprintf(date, sizeof date, "2020-03-%02d", 10 + i % 9);
    set.push_back(article(id, date));
  }
  return set;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_extraction_file)

BOOST_AUTO_TEST_CASE(interchange_record_reads_back_exactly) {
  std::vector<std::string> inputs = {test::source_dir() + "/examples"};
  if (const std::string shared = test::shared_dir(); !shared.empty())
    inputs.push_back(shared + "/corpus/articles.jsonl");
  std::size_t articles = 0, events = 0;
  for (bool tree : {false, true}) {
    Extractor extractor(lexicons(tree));
    for (const auto& input : inputs) {
      for (const Article& a : read_all(input)) {
        const Extraction ex = extractor.extract(a);
        const std::string line = extraction_to_json(a, ex, &lexicons(tree)->cameo, ExtractionShape::kInterchange)
                                     .dump(-1, ' ', false, json::error_handler_t::replace);
        Article back;
        Extraction got;
        const Status s = extraction_from_json(json::parse(line), back, got);
        BOOST_REQUIRE_MESSAGE(s.ok(), a.id + ": " + s.to_string());
        BOOST_TEST(back.id == a.id);
        BOOST_TEST(back.title == a.title);
        BOOST_TEST((back.date == a.date));
        BOOST_TEST(back.source == a.source);
        BOOST_TEST(back.url == a.url);
        BOOST_TEST(back.text.empty());
        BOOST_TEST(article_text_bytes(back) == a.text.size());
        BOOST_TEST(article_content_hash(back) == article_content_hash(a));
        check_same(ex, got, a.id);
        ++articles;
        events += ex.events.size();
      }
    }
  }
  BOOST_TEST_MESSAGE("round trip: " << articles << " articles, " << events << " events");
  BOOST_TEST(events > 0u);
}

BOOST_AUTO_TEST_CASE(display_shape_is_unchanged) {
  auto [a, ex] = article("x", "2024-04-26");
  a.origin = "feed.jsonl:3";
  const json shown = extraction_to_json(a, ex, nullptr);
  BOOST_TEST(shown["article"]["path"] == "feed.jsonl:3");
  BOOST_TEST(!shown["article"].contains("content_hash"));
  BOOST_TEST(!shown["events"][0].contains("source_index"));
  BOOST_TEST(shown["events"][0]["confidence"].get<double>() == 0.63);
  const json kept = extraction_to_json(a, ex, nullptr, ExtractionShape::kInterchange);
  BOOST_TEST(!kept["article"].contains("path"));   // a record depends on the article alone
  BOOST_TEST(kept["events"][0]["confidence"].dump() == "0.63");   // 0.63f, shortest form
}

BOOST_AUTO_TEST_CASE(a_bad_record_names_its_field) {
  auto [a, ex] = article("x", "2024-04-26");
  json j = extraction_to_json(a, ex, nullptr, ExtractionShape::kInterchange);
  Article back;
  Extraction got;
  json bad = j;
  bad["events"][0]["source_index"] = 7;
  Status s = extraction_from_json(bad, back, got);
  BOOST_TEST(s.message() == "\"events[0].source_index\" is out of range");
  bad = j;
  bad["actors"][1].erase("kind");
  BOOST_TEST(extraction_from_json(bad, back, got).message() == "\"actors[1].kind\" is missing");
  bad = j;
  bad["article"]["content_hash"] = "zz";
  BOOST_TEST(extraction_from_json(bad, back, got).message() == "\"article.content_hash\" is not 16 hex digits");
}

BOOST_AUTO_TEST_CASE(header_round_trip_and_newer_schema_refused) {
  ExtractionFileHeader h = header();
  h.articles = 12;
  h.options.tree_coder = true;
  auto back = header_from_json(header_to_json(h));
  BOOST_REQUIRE(back.ok());
  BOOST_TEST(back->articles == 12u);
  BOOST_TEST(back->lexicons == h.lexicons);
  BOOST_TEST(back->model == h.model);
  BOOST_TEST(back->options.tree_coder);
  json newer = header_to_json(h);
  newer["geokg_extraction"]["schema"] = kExtractionSchema + 1;
  newer["geokg_extraction"]["geokg"] = "9.0";
  auto refused = header_from_json(newer);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST((refused.status().code() == Status::Code::kIncompatible));
  BOOST_TEST(refused.status().message().find("schema " + std::to_string(kExtractionSchema + 1) +
                                             ", written by geokg 9.0") != std::string::npos);
  BOOST_TEST(!header_from_json(json{{"article", json::object()}}).ok());
}

BOOST_AUTO_TEST_CASE(same_bytes_whatever_the_order_added_and_the_memory) {
  auto set = synthetic_set();
  const std::string in_memory = write_file(set);
  std::reverse(set.begin(), set.end());
  ExtractionWriterOptions tiny;
  tiny.memory_bytes = 2000;   // a run every few records: the merge of runs
  test::TempDir tmp;
  tiny.temp_dir = tmp.str();
  BOOST_TEST(write_file(set, tiny) == in_memory);
  BOOST_TEST(std::filesystem::is_empty(tmp.path()));   // runs removed

  std::istringstream lines(in_memory);
  std::string line;
  std::getline(lines, line);
  BOOST_TEST(header_from_json(json::parse(line))->articles == set.size());
  std::vector<std::string> ids;
  while (std::getline(lines, line)) ids.push_back(json::parse(line)["article"]["id"]);
  // Undated, then 2020-03-1x, 2022, 2023 (year before its days), 2024-01-02,
  // 2024-04 (month before its days), 2024-04-26 by id, 2024-04-27, 2024-05-01.
  BOOST_TEST(ids.front() == "z");
  const std::vector<std::string> tail(ids.end() - 8, ids.end());
  BOOST_TEST(tail == (std::vector<std::string>{"p1", "b", "p2", "m", "a", "c", "d", "q"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(any_split_merges_into_one_sequence_with_surnames_last) {
  const auto set = synthetic_set();
  test::TempDir tmp;
  const std::string whole = (tmp / "whole.jsonl").string();
  test::write_file(whole, write_file(set));
  const auto expected = sequence({whole});
  // Articles naming "Bell" by surname only come last, after the one that
  // names someone "Bell" in full (q), in canonical order among themselves.
  BOOST_REQUIRE_EQUAL(expected.size(), set.size());
  BOOST_TEST((std::vector<std::string>(expected.end() - 2, expected.end()) ==
              std::vector<std::string>{"p1", "p2"}));
  for (std::size_t k : {2u, 3u, 7u}) {
    std::vector<std::vector<std::pair<Article, Extraction>>> parts(k);
    for (std::size_t i = 0; i < set.size(); ++i) parts[(i * 7 + i / 3) % k].push_back(set[i]);
    std::vector<std::string> files;
    for (std::size_t p = 0; p < k; ++p) {
      files.push_back((tmp / ("part" + std::to_string(k) + "-" + std::to_string(p) + ".jsonl")).string());
      test::write_file(files.back(), write_file(parts[p]));
    }
    std::reverse(files.begin(), files.end());
    BOOST_TEST(sequence(files) == expected, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(damaged_or_foreign_files_are_refused_before_any_commit) {
  const auto set = synthetic_set();
  test::TempDir tmp;
  const std::string good = (tmp / "good.jsonl").string();
  const std::string text = write_file(set);
  test::write_file(good, text);

  const std::string cut = (tmp / "cut.jsonl").string();
  test::write_file(cut, text.substr(0, text.size() / 2 - 1));
  Status s;
  BOOST_TEST(sequence({good, cut}, &s).empty());
  BOOST_TEST((s.code() == Status::Code::kCorruption));
  BOOST_TEST(s.message().find("cut short") != std::string::npos, s.message());

  const std::string plain = (tmp / "plain.jsonl").string();
  test::write_file(plain, extraction_to_json(set[0].first, set[0].second, nullptr).dump() + "\n");
  BOOST_TEST(sequence({good, plain}, &s).empty());
  BOOST_TEST((s.code() == Status::Code::kIncompatible));
  BOOST_TEST(s.message().find("plain `geokg extract` output") != std::string::npos, s.message());

  ExtractionFileHeader other = header();
  other.lexicons = "1111111111111111";
  const std::string mixed = (tmp / "mixed.jsonl").string();
  test::write_file(mixed, write_file({set[0]}, {}, other));
  BOOST_TEST(sequence({good, mixed}, &s).empty());
  BOOST_TEST(s.message().find("different extractors (lexicons") != std::string::npos, s.message());
  BOOST_TEST(sequence({good, mixed}, &s, nullptr, /*allow_mixed=*/true).size() == set.size() + 1);

  // A record changed by hand past the header's checks is skipped with its line.
  std::string swapped = text;
  const std::size_t second = swapped.find('\n') + 1, third = swapped.find('\n', second) + 1;
  const std::size_t fourth = swapped.find('\n', third) + 1;
  swapped = swapped.substr(0, second) + swapped.substr(third, fourth - third) + swapped.substr(second, third - second) +
            swapped.substr(fourth);
  const std::string disordered = (tmp / "disordered.jsonl").string();
  test::write_file(disordered, swapped);
  std::vector<ReadIssue> issues;
  BOOST_TEST(sequence({disordered}, &s, &issues).size() == set.size() - 1);
  BOOST_REQUIRE_EQUAL(issues.size(), 1u);
  BOOST_TEST(issues[0].where == disordered + ":3");
  BOOST_TEST(issues[0].message.find("out of canonical order") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(fingerprints_cover_the_data_and_options) {
  test::TempDir data;
  for (const char* dir : {"actors", "events/triggers", "lemmas", "parser", "tagger"})
    std::filesystem::create_directories(data / dir);
  for (const char* f : {"actors/a.json", "events/triggers/t.json", "lemmas/l.tsv", "parser/p.bin", "tagger/t.bin",
                        "cameo-codes.tsv", "README.md"})
    test::write_file(data / f, "v1");
  const auto base = fingerprint_extractor(data.str(), {}, {});
  BOOST_REQUIRE(base.ok());
  const auto changed = [&](const char* file, const char* content, LexiconOptions o = {}) {
    test::write_file(data / file, content);
    auto now = fingerprint_extractor(data.str(), {}, o);
    test::write_file(data / file, "v1");
    BOOST_REQUIRE(now.ok());
    return std::make_pair(now->lexicons != base->lexicons, now->model != base->model);
  };
  BOOST_TEST((changed("events/triggers/t.json", "v2") == std::make_pair(true, false)));
  BOOST_TEST((changed("lemmas/l.tsv", "v2") == std::make_pair(true, false)));
  BOOST_TEST((changed("actors/a.json", "v2") == std::make_pair(true, false)));
  BOOST_TEST((changed("parser/p.bin", "v2") == std::make_pair(false, true)));
  BOOST_TEST((changed("tagger/t.bin", "v2") == std::make_pair(false, true)));
  BOOST_TEST((changed("README.md", "v2") == std::make_pair(false, false)));
  LexiconOptions other_coder;   // whichever coder is not the default
  other_coder.tree_coder = !other_coder.tree_coder;
  BOOST_TEST((changed("README.md", "v1", other_coder) == std::make_pair(false, true)));
  test::TempDir elsewhere;
  const std::string extra = (elsewhere / "mine.json").string();
  test::write_file(extra, "{}");
  BOOST_TEST(fingerprint_extractor(data.str(), {extra}, {})->lexicons != base->lexicons);
}

BOOST_AUTO_TEST_SUITE_END()
