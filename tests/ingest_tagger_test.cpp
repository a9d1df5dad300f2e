// The part-of-speech tagger: the shipped weights on real news sentences (the
// example article, corpus sentences), held-out treebank accuracy when
// ../shared/treebanks is present, and load errors.

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/extract/text.hpp"
#include "test_support.hpp"

namespace geokg {
namespace {

const std::string kWeights = std::string(GEOKG_TEST_DATA_DIR) + "/tagger/ptb-perceptron.bin";

const PosTagger& shipped() {
  static const Result<PosTagger> tagger = load_tagger(kWeights);
  if (!tagger.ok()) BOOST_FAIL("cannot load the shipped weights: " << tagger.status().to_string());
  return tagger.value();
}

Document tagged(const std::string& text) {
  static std::vector<std::unique_ptr<Article>> keep;  // Document points at its Article
  keep.push_back(std::make_unique<Article>());
  keep.back()->text = text;
  Document doc = prepare_document(*keep.back());
  shipped().tag(doc);
  return doc;
}

// Tag names of the first run of tokens spelling `phrase` (space-separated
// tokens); empty when the phrase is not found.
std::string tags_of(const Document& doc, const std::string& phrase) {
  std::vector<std::string> words;
  std::istringstream in(phrase);
  for (std::string w; in >> w;) words.push_back(w);
  for (std::size_t i = 0; i + words.size() <= doc.tokens.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < words.size() && match; ++k)
      match = doc.token_text(doc.tokens[i + k]) == words[k];
    if (!match) continue;
    std::string out;
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (k) out += ' ';
      out += penn_tag_name(doc.tokens[i + k].tag);
    }
    return out;
  }
  return "(not found: " + phrase + ")";
}

BOOST_AUTO_TEST_CASE(tag_names_round_trip) {
  for (std::uint16_t t = 1; t < kTagCount; ++t) BOOST_TEST(penn_tag_from_name(penn_tag_name(t)) == t);
  BOOST_TEST(std::string(penn_tag_name(kTagPRPS)) == "PRP$");
  BOOST_TEST(std::string(penn_tag_name(kTagNone)).empty());
  BOOST_TEST(penn_tag_from_name("NOPE") == kTagNone);
  BOOST_TEST(is_verb_tag(kTagVBN));
  BOOST_TEST(!is_verb_tag(kTagMD));
}

BOOST_AUTO_TEST_CASE(example_article_key_tags) {
  const std::string text =
      test::read_file(std::filesystem::path(GEOKG_TEST_SOURCE_DIR) / "examples/blinken-beijing-2024-04-26.txt");
  BOOST_REQUIRE(!text.empty());
  Article a;
  a.text = text;
  Document doc = prepare_document(a);
  shipped().tag(doc);
  BOOST_TEST(tags_of(doc, "Blinken met Chinese President Xi Jinping") == "NNP VBD JJ NNP NNP NNP");
  // Penn tags "States" of "United States" NNPS (WSJ) or NNP (EWT): both proper.
  BOOST_TEST(tags_of(doc, "States was suppressing its economic development") == "NNPS VBD VBG PRP$ JJ NN");
  BOOST_TEST(tags_of(doc, "hours of talks") == "NNS IN NNS");
  BOOST_TEST(tags_of(doc, "China has said it has not provided weaponry") == "NNP VBZ VBN PRP VBZ RB VBN NN");
  // Every "said" of the article is a verb, and every token of a sentence got a tag.
  std::size_t said = 0;
  for (const Sentence& s : doc.sentences)
    for (std::uint32_t k = s.token_begin; k < s.token_end; ++k) {
      BOOST_TEST(doc.tokens[k].tag != kTagNone);
      if (doc.token_text(doc.tokens[k]) == "said") {
        ++said;
        BOOST_TEST((doc.tokens[k].tag == kTagVBD || doc.tokens[k].tag == kTagVBN));
      }
    }
  BOOST_TEST(said >= 5u);
}

BOOST_AUTO_TEST_CASE(passives_and_participles_in_corpus_sentences) {
  // Sentences from shared/corpus/articles.jsonl (Wikinews).
  BOOST_TEST(tags_of(tagged("Meanwhile, thirteen Israeli soldiers were killed Sunday, including two soldiers who "
                            "were United States citizens."),
                     "soldiers were killed Sunday") == "NNS VBD VBN NNP");
  BOOST_TEST(tags_of(tagged("Comoros, backed by African Union forces, has invaded the island of Anjouan in an effort "
                            "to topple the rebel leadership of Mohamed Bacar, who has been seeking independence from "
                            "Comoros."),
                     "has invaded the island") == "VBZ VBN DT NN");
  BOOST_TEST(tags_of(tagged("This is the first time the annual report has been made public."),
                     "has been made public") == "VBZ VBN VBN JJ");
}

// The shipped weights with the WordNet word classes, as the extractor loads them.
const PosTagger& shipped_with_classes() {
  static const PosTagger tagger = [] {
    Result<PosTagger> t = load_tagger(kWeights);
    if (!t.ok()) BOOST_FAIL("cannot load the shipped weights: " << t.status().to_string());
    const Status s = load_word_classes(t.value(), std::string(GEOKG_TEST_DATA_DIR) + "/lemmas/wordnet-pos.tsv.gz");
    if (!s.ok()) BOOST_FAIL("cannot load the word classes: " << s.to_string());
    return std::move(t.value());
  }();
  return tagger;
}

// Tag names of `phrase` in `text` tagged with the word classes.
std::string tags_with_classes(const std::string& text, const std::string& phrase) {
  static std::vector<std::unique_ptr<Article>> keep;  // Document points at its Article
  keep.push_back(std::make_unique<Article>());
  keep.back()->text = text;
  Document doc = prepare_document(*keep.back());
  shipped_with_classes().tag(doc);
  return tags_of(doc, phrase);
}

BOOST_AUTO_TEST_CASE(word_classes_know_being_fleeing_and_agreeing_as_verbs) {
  // The class table must know "being", "fleeing" and "agreeing" as verb
  // forms, or it forbids the tags a progressive passive needs.
  BOOST_TEST(tags_with_classes("Two men are being held by police in Kabul.", "are being held") == "VBP VBG VBN");
  BOOST_TEST(tags_with_classes("The case is being investigated by the army.", "is being investigated") == "VBZ VBG VBN");
  BOOST_TEST(tags_with_classes("Thousands of civilians were fleeing the fighting.", "were fleeing") == "VBD VBG");
  BOOST_TEST(tags_with_classes("Officials said both sides were agreeing to the terms.", "were agreeing") == "VBD VBG");
}

BOOST_AUTO_TEST_CASE(a_word_after_a_modal_that_can_be_a_verb_is_one) {
  BOOST_TEST(tags_with_classes("Hamas will not free the captured soldier.", "will not free") == "MD RB VB");
  BOOST_TEST(tags_with_classes("The rebels would free two hostages next week.", "would free") == "MD VB");
  // (An adverb stays one: "will still meet".)
  BOOST_TEST(tags_with_classes("The two leaders will still meet on Friday.", "will still meet") == "MD RB VB");
}

BOOST_AUTO_TEST_CASE(an_irregular_past_form_is_never_present) {
  // "froze" is no verb's base: past tense, not the present a time after it
  // would make an announced act of.
  BOOST_TEST(tags_with_classes("The European Union froze aid to Mali on Monday.", "froze aid") == "VBD NN");
  // (A participle stays one.)
  BOOST_TEST(tags_with_classes("Military aid to Egypt was frozen by the United States.", "was frozen") == "VBD VBN");
}

BOOST_AUTO_TEST_CASE(contractions_and_hyphenated_words) {
  // Our tokenizer keeps "won't", "wasn't", "can't" whole; the token takes the
  // tag of its verb part. Hyphenated words take the tag of their last part.
  BOOST_TEST(tags_of(tagged("The invaders won't make it through."), "invaders won't make it") == "NNS MD VB PRP");
  BOOST_TEST(tags_of(tagged("However, when a government document has been found on the streets, the government "
                            "then says it wasn't particularly sensitive."),
                     "it wasn't particularly sensitive") == "PRP VBD RB JJ");
  BOOST_TEST(tags_of(tagged("\"If we want to win, we can't just be for democracy and freedom.\""),
                     "we can't just be") == "PRP MD RB VB");
  BOOST_TEST(tags_of(tagged("Abdelbaset al-Megrahi has been buried in the town of Janzur, west of the Libyan capital "
                            "Tripoli."),
                     "al-Megrahi has been buried") == "NNP VBZ VBN VBN");
}

BOOST_AUTO_TEST_CASE(empty_tagger_leaves_tags_unset) {
  Article a;
  a.text = "Blinken met Wang in Beijing on Friday.";
  Document doc = prepare_document(a);
  PosTagger().tag(doc);
  BOOST_REQUIRE(!doc.tokens.empty());
  for (const Token& t : doc.tokens) BOOST_TEST(t.tag == kTagNone);
}

// Sentences (forms, gold Penn tags) of a .conllu.gz file; documents whose id
// is in `only_docs` when that is not empty.
struct GoldSentence {
  std::vector<std::string> forms;
  std::vector<std::uint16_t> tags;
};
std::vector<GoldSentence> read_conllu(const std::string& path, const std::vector<std::string>& only_docs) {
  std::vector<GoldSentence> out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return out;
  char buf[1 << 14];
  GoldSentence cur;
  bool keep = only_docs.empty();
  while (gzgets(f, buf, sizeof buf)) {
    std::string l(buf);
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
    if (l.empty()) {
      if (keep && !cur.forms.empty()) out.push_back(cur);
      cur = GoldSentence();
      continue;
    }
    if (l.rfind("# newdoc id = ", 0) == 0 && !only_docs.empty()) {
      const std::string id = l.substr(14);
      keep = std::find(only_docs.begin(), only_docs.end(), id) != only_docs.end();
    }
    if (l[0] == '#') continue;
    std::vector<std::string> col;
    std::stringstream ss(l);
    for (std::string c; std::getline(ss, c, '\t');) col.push_back(c);
    if (col.size() < 5 || col[0].find_first_of("-.") != std::string::npos) continue;
    cur.forms.push_back(col[1]);
    cur.tags.push_back(penn_tag_from_name(col[4]));
  }
  gzclose(f);
  return out;
}

double accuracy(const std::vector<GoldSentence>& sents) {
  std::size_t right = 0, total = 0;
  for (const auto& s : sents) {
    std::vector<std::string_view> words(s.forms.begin(), s.forms.end());
    std::vector<std::uint16_t> tags(words.size());
    shipped().tag_words(words, tags);
    for (std::size_t k = 0; k < tags.size(); ++k) right += tags[k] == s.tags[k];
    total += tags.size();
  }
  return total ? static_cast<double>(right) / static_cast<double>(total) : 0.0;
}

BOOST_AUTO_TEST_CASE(held_out_treebank_accuracy, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  const std::string ewt_test = shared + "/treebanks/en_ewt/en_ewt-ud-test.conllu.gz";
  const std::string gum = shared + "/treebanks/gum/gum-all.conllu.gz";
  if (!std::filesystem::exists(ewt_test) || !std::filesystem::exists(gum)) {
    BOOST_TEST_MESSAGE("skipped: treebanks not found under " << shared);
    return;
  }
  const auto ewt = read_conllu(ewt_test, {});
  BOOST_REQUIRE_GT(ewt.size(), 2000u);
  const double a = accuracy(ewt);
  BOOST_TEST_MESSAGE("EWT test accuracy " << a);
  BOOST_TEST(a >= 0.93);
  // The GUM news documents training left out (their texts are in the corpus).
  const auto news = read_conllu(gum, {"GUM_news_afghan", "GUM_news_asylum", "GUM_news_election", "GUM_news_flag",
                                      "GUM_news_korea", "GUM_news_questionnaire", "GUM_news_sensitive",
                                      "GUM_news_taxes"});
  BOOST_REQUIRE_GT(news.size(), 100u);
  const double g = accuracy(news);
  BOOST_TEST_MESSAGE("GUM held-out news accuracy " << g);
  BOOST_TEST(g >= 0.94);
}

BOOST_AUTO_TEST_CASE(load_errors_name_the_file) {
  test::TempDir dir;
  const std::string missing = (dir / "missing.bin").string();
  auto r = load_tagger(missing);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST(r.status().is_not_found());
  BOOST_TEST(r.status().message().find(missing) != std::string::npos);

  const std::string good = test::read_file(kWeights);
  BOOST_REQUIRE_GT(good.size(), 1000u);

  const std::string bad_magic = (dir / "magic.bin").string();
  std::string wrong = good;
  wrong.replace(0, 8, "NOTATAGG");
  test::write_file(bad_magic, wrong);
  r = load_tagger(bad_magic);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code() == Status::Code::kCorruption));
  BOOST_TEST(r.status().message().find(bad_magic) != std::string::npos);

  const std::string truncated = (dir / "truncated.bin").string();
  test::write_file(truncated, good.substr(0, good.size() / 2));
  r = load_tagger(truncated);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code() == Status::Code::kCorruption));
  BOOST_TEST(r.status().message().find(truncated) != std::string::npos);

  std::string flipped = good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x40);
  const std::string damaged = (dir / "damaged.bin").string();
  test::write_file(damaged, flipped);
  r = load_tagger(damaged);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.status().code() == Status::Code::kCorruption));

  BOOST_TEST(load_tagger(kWeights).ok());
}

}  // namespace
}  // namespace geokg
