// Normalisation, offsets, tokens and sentence segmentation (prepare_document),
// on sentences taken from the example page and the corpus.

#include <boost/test/unit_test.hpp>

#include "geokg/ingest/reader.hpp"
#include "geokg/extract/text.hpp"
#include "ingest_test_support.hpp"
#include "test_support.hpp"

namespace geokg {
namespace {

Article make(std::string text, std::string title = {}) {
  return test::make_article(std::move(text), std::move(title));
}

std::vector<std::string> sentences(const Document& d, bool with_headlines = true) {
  std::vector<std::string> out;
  for (const auto& s : d.sentences)
    if (with_headlines || !s.headline) out.emplace_back(d.sentence_text(s));
  return out;
}

std::vector<std::string> tokens(const Document& d) {
  std::vector<std::string> out;
  for (const auto& t : d.tokens) out.emplace_back(d.token_text(t));
  return out;
}

const Token* find_token(const Document& d, std::string_view text) {
  for (const auto& t : d.tokens)
    if (d.token_text(t) == text) return &t;
  return nullptr;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Every offset maps into the article, in order, and the whole document is consistent.
void check_invariants(const Document& d, const Article& a) {
  BOOST_REQUIRE_EQUAL(d.original_offset.size(), d.text.size() + 1);
  BOOST_REQUIRE_EQUAL(d.lower.size(), d.text.size());
  for (std::size_t i = 0; i < d.original_offset.size(); ++i) {
    BOOST_REQUIRE_LE(d.original_offset[i], a.text.size());
    if (i) BOOST_REQUIRE_LE(d.original_offset[i - 1], d.original_offset[i]);
  }
  std::uint32_t prev_end = 0;
  for (const auto& s : d.sentences) {
    BOOST_REQUIRE_LT(s.token_begin, s.token_end);
    BOOST_REQUIRE_LE(s.token_end, d.tokens.size());
    BOOST_REQUIRE_EQUAL(s.start, d.tokens[s.token_begin].start);
    BOOST_REQUIRE_EQUAL(s.end, d.tokens[s.token_end - 1].end);
    BOOST_REQUIRE_LE(prev_end, s.start);
    prev_end = s.end;
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_text)

BOOST_AUTO_TEST_CASE(unicode_is_normalised_with_offsets_into_the_original) {
  // Curly quotes, NBSP, thin space, em dash, ellipsis, zero-width space, CRLF.
  const Article a = make(
      "\xE2\x80\x9CWe are ready\xE2\x80\xA6\xE2\x80\x9D Wang\xC2\xA0Yi said\xE2\x80\x94" "and Blinken\xE2\x80\x99s aide "
      "agreed.\r\n\r\nThe 1990\xE2\x80\x93" "1995 talks \xE2\x80\x93 the first\xE2\x80\x8B" " round \xE2\x80\x89" " ended.");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  BOOST_TEST(d.text ==
             "\"We are ready...\" Wang Yi said - and Blinken's aide agreed.\n\n"
             "The 1990-1995 talks - the first round   ended.");
  BOOST_TEST(d.lower.substr(0, 16) == "\"we are ready...");
  // "Blinken" maps back to its bytes in the original; the straightened quote to the 3-byte curly one.
  const Token* blinken = find_token(d, "Blinken");
  BOOST_REQUIRE(blinken);
  BOOST_TEST(a.text.substr(d.to_original(blinken->start), d.to_original(blinken->end) - d.to_original(blinken->start)) ==
             "Blinken");
  const Token* poss = find_token(d, "'s");
  BOOST_REQUIRE(poss);
  BOOST_TEST(a.text.substr(d.to_original(poss->start), 3) == "\xE2\x80\x99");
  BOOST_TEST(d.to_original(static_cast<std::uint32_t>(d.text.size())) == a.text.size());
  BOOST_TEST(sentences(d).size() == 2u);
}

// Character references a scraper left in the text are the characters they
// name; anything else with '&' stays as written.
BOOST_AUTO_TEST_CASE(character_references_are_decoded) {
  const Article a = make("Jos&#233; Manuel Barroso met Fran&#xE7;ois Hollande&nbsp;at AT&amp;T; A&B, &#0; &#99999999; & "
                         "&bogus; &#12a;.");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  BOOST_TEST(d.text == "Jos\xC3\xA9 Manuel Barroso met Fran\xC3\xA7ois Hollande at AT&T; A&B, &#0; &#99999999; & &bogus; "
                       "&#12a;.");
  const Token* jose = find_token(d, "Jos\xC3\xA9");
  BOOST_REQUIRE(jose);
  BOOST_TEST(a.text.substr(d.to_original(jose->start), d.to_original(jose->end) - d.to_original(jose->start)) ==
             "Jos&#233;");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_empty_text_do_not_break_anything) {
  const Article bad = make("Wang Yi \xC3\x28 met \xFF Blinken \xE2\x82");
  const Document d = prepare_document(bad);
  check_invariants(d, bad);
  BOOST_TEST(d.text.find("\xEF\xBF\xBD") != std::string::npos);
  BOOST_TEST(find_token(d, "Blinken") != nullptr);
  const Article empty = make("");
  const Document e = prepare_document(empty);
  BOOST_TEST(e.text.empty());
  BOOST_TEST(e.sentences.empty());
  BOOST_TEST(e.original_offset.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_run_on_text_without_punctuation_is_cut_into_bounded_sentences) {
  // The per-sentence matchers downstream are superlinear in sentence length, so
  // a scraped word list with no full stop must not become one sentence.
  std::string text;
  const char* words[] = {"officials", "in", "Beijing", "said", "talks", "with", "Russia", "would"};
  for (std::size_t i = 0; i < 5000; ++i) (text += words[i % 8]) += ' ';
  const Article a = make(text, "Run-on");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  std::size_t longest = 0, covered = 0;
  for (const auto& s : d.sentences) {
    if (s.headline) continue;
    longest = std::max<std::size_t>(longest, s.token_end - s.token_begin);
    covered += s.token_end - s.token_begin;
  }
  BOOST_TEST(longest == 400u);
  BOOST_TEST(covered == 5000u);  // cut, nothing dropped
}

BOOST_AUTO_TEST_CASE(abbreviations_initials_and_decimals_do_not_end_sentences) {
  const Article a = make(
      "Bertie Ahern, the Prime Minister of Ireland visited the White House Monday to commemorate St. Patrick's Day. "
      "Mr. Ahern makes this visit annually, for Feb. 3 and No. 10 talks with Gen. Smith, Sen. Jones, Dr. Lee Jr. "
      "and former President George W. Bush.\n\n"
      "U.S. output grew 3.5 percent to $8.2 billion, Acme Corp. said at 10 a.m. on Friday. The U.N. and the U.K. "
      "agreed.\n\n"
      "The meeting ended at 11 p.m. Officials said nothing.");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  const auto s = sentences(d);
  BOOST_REQUIRE_EQUAL(s.size(), 5u);
  BOOST_TEST(ends_with(s[0], "St. Patrick's Day."));
  BOOST_TEST(s[1].find("Mr. Ahern") == 0u);
  BOOST_TEST(ends_with(s[1], "George W. Bush."));
  BOOST_TEST(s[2] == "U.S. output grew 3.5 percent to $8.2 billion, Acme Corp. said at 10 a.m. on Friday.");
  BOOST_TEST(s[3] == "The U.N. and the U.K. agreed.");
  // "p.m." before a capitalised word that is no usual sentence opener is
  // taken as inside the sentence (the safe side for names after "U.S.").
  BOOST_TEST(s[4] == "The meeting ended at 11 p.m. Officials said nothing.");
  for (const char* tok : {"U.S.", "3.5", "8.2", "a.m.", "U.N.", "W.", "Mr.", "Feb.", "No.", "Corp.", "St."})
    BOOST_TEST(find_token(d, tok) != nullptr, "token " << tok);
}

BOOST_AUTO_TEST_CASE(wire_copys_capitalised_and_after_an_abbreviation_continues_the_sentence) {
  // Reuters copy of the 1980s capitalises the word after "U.S.": "the U.S.
  // And West Germany agreed" is one sentence (233 times in the bulk corpus).
  const Article a = make("Canada, Japan, the U.S. And West Germany agreed to cooperate. It was signed in the U.S. The "
                         "ministers left.");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  const auto s = sentences(d);
  BOOST_REQUIRE_EQUAL(s.size(), 3u);
  BOOST_TEST(s[0] == "Canada, Japan, the U.S. And West Germany agreed to cooperate.");
  BOOST_TEST(s[2] == "The ministers left.");
}

BOOST_AUTO_TEST_CASE(quotes_keep_their_sentence) {
  // Sentences from the example page.
  const Article a = make(
      "\"This is a fundamental issue that must be addressed, in order for the China-U.S. relationship to truly "
      "stabilise, improve and move forward,\" Xi said.\n\n"
      "Earlier, Wang told Blinken that the \"giant ship\" of the China-U.S. ties had stabilised, \"but negative "
      "factors in the relationship are still increasing and building\". Wang also said the U.S. had taken "
      "\"endless\" measures.\n\n"
      "\"Are you serious?\" he asked. \"Yes.\" She left.");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  const auto s = sentences(d);
  BOOST_REQUIRE_EQUAL(s.size(), 6u);
  BOOST_TEST(ends_with(s[0], "forward,\" Xi said."));
  BOOST_TEST(ends_with(s[1], "building\"."));
  BOOST_TEST(s[2].find("Wang also said") == 0u);
  BOOST_TEST(s[3] == "\"Are you serious?\" he asked.");
  BOOST_TEST(s[4] == "\"Yes.\"");
  // In-quote flags: "fundamental" is quoted, "Xi" is not.
  BOOST_TEST((find_token(d, "fundamental")->flags & kTokInQuote) != 0);
  BOOST_TEST((find_token(d, "Xi")->flags & kTokInQuote) == 0);
  BOOST_TEST((d.tokens[d.sentences[0].token_begin].flags & kTokQuote) != 0);
  BOOST_TEST((d.tokens[d.sentences[0].token_begin + 1].flags & kTokSentenceStart) != 0);
}

BOOST_AUTO_TEST_CASE(a_text_of_one_short_line_is_its_story) {
  // A one-sentence report without a final period is no heading over nothing.
  Document d = prepare_document(make("The United States will supply arms to Israel"));
  BOOST_TEST_REQUIRE(d.sentences.size() == 1u);
  BOOST_TEST(!d.sentences[0].headline);
  // Its title repeated as the only line, or a line of three words, stays a heading.
  d = prepare_document(make("Arms for Israel", "Arms for Israel"));
  for (const auto& s : d.sentences) BOOST_TEST(s.headline);
  // Over a story, a short line is still its heading.
  d = prepare_document(make("STEADYING THE SHIP\n\nBritain protested on Monday."));
  BOOST_TEST_REQUIRE(d.sentences.size() == 2u);
  BOOST_TEST(d.sentences[0].headline);
}

BOOST_AUTO_TEST_CASE(datelines_are_no_sentence_and_are_remembered) {
  struct Case {
    const char* text;
    const char* dateline;
    const char* first;
  } cases[] = {
      {"BEIJING -U.S. Secretary of State Antony Blinken raised concerns on Friday.", "BEIJING -",
       "U.S. Secretary of State Antony Blinken raised concerns on Friday."},
      {"WASHINGTON (Reuters) - President Joe Biden signed a bill on Wednesday.", "WASHINGTON (Reuters) -",
       "President Joe Biden signed a bill on Wednesday."},
      {"LONDON, March 3 - Britain protested.", "LONDON, March 3 -", "Britain protested."},
      {"DEERFIELD BEACH, Fla., March 18 - The company said sales rose.", "DEERFIELD BEACH, Fla., March 18 -",
       "The company said sales rose."},
      {"BAHRAIN, Oct 19 - A U.S. attack on an Iranian oil platform in the Gulf on Monday appeared to be a "
       "tit-for-tat raid.",
       "BAHRAIN, Oct 19 -", "A U.S. attack on an Iranian oil platform in the Gulf on Monday appeared to be a "
                            "tit-for-tat raid."},
      {"Thursday, May 7, 2015 On Tuesday, the New Zealand government announced a process.",
       "Thursday, May 7, 2015", "On Tuesday, the New Zealand government announced a process."},
  };
  for (const auto& c : cases) {
    const Article a = make(c.text);
    const Document d = prepare_document(a);
    check_invariants(d, a);
    BOOST_TEST(d.text.substr(d.dateline_start, d.dateline_end - d.dateline_start) == c.dateline);
    BOOST_REQUIRE(!d.sentences.empty());
    BOOST_TEST(d.sentence_text(d.sentences[0]) == c.first);
  }
  // A capitalised sentence start is not a dateline.
  const Article plain = make("NATO leaders met in Brussels - and agreed.");
  const Document d = prepare_document(plain);
  BOOST_TEST(d.dateline_end == d.dateline_start);
}

BOOST_AUTO_TEST_CASE(tokens_and_flags) {
  const Article a = make(
      "Underscoring the closeness of the Beijing-Moscow relationship, Russian Defence Minister Sergei Shoigu met "
      "his Chinese counterpart Dong Jun on Friday. Blinken raised the matter during five-and-a-half hours of talks "
      "with China's top diplomat after then-House Speaker Nancy Pelosi's visit in 2022, the countries' NATO "
      "'no limits' talk.");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  const auto t = tokens(d);
  const auto at = [&](std::string_view w) { return std::find(t.begin(), t.end(), w) - t.begin(); };
  const auto bm = at("Beijing");
  BOOST_TEST(t[bm + 1] == "-");
  BOOST_TEST(t[bm + 2] == "Moscow");
  BOOST_TEST(at("five-and-a-half") < static_cast<long>(t.size()));
  BOOST_TEST(t[at("then") + 1] == "-");
  BOOST_TEST(t[at("China") + 1] == "'s");
  BOOST_TEST((d.tokens[at("China") + 1].flags & kTokPossessive) != 0);
  BOOST_TEST((d.tokens[at("countries") + 1].flags & kTokPossessive) != 0);
  BOOST_TEST((d.tokens[at("Underscoring")].flags & (kTokCapitalized | kTokSentenceStart)) ==
             (kTokCapitalized | kTokSentenceStart));
  BOOST_TEST((d.tokens[at("Blinken")].flags & kTokSentenceStart) != 0);
  BOOST_TEST((d.tokens[at("NATO")].flags & kTokAllCaps) != 0);
  BOOST_TEST((d.tokens[at("2022")].flags & kTokNumber) != 0);
  BOOST_TEST((d.tokens[at(",")].flags & kTokPunct) != 0);
  BOOST_TEST((d.tokens[at("no")].flags & kTokInQuote) == 0);  // single quotes are marked, not tracked as speech
  BOOST_TEST((d.tokens[at("no") - 1].flags & kTokQuote) != 0);
  BOOST_TEST((d.tokens[at("Shoigu")].flags & kTokAllCaps) == 0);
  // Offsets tile the text without overlap.
  for (std::size_t i = 1; i < d.tokens.size(); ++i) BOOST_REQUIRE_LE(d.tokens[i - 1].end, d.tokens[i].start);
}

BOOST_AUTO_TEST_CASE(paragraphs_and_headings) {
  const Article a = make(
      "China has said it has not provided weaponry to any party, adding that it is not a producer of or party "
      "involved in the Ukraine crisis\n\n"
      "STEADYING THE SHIP\n\n"
      "Blinken's visit produced little progress on other contentious issues, including U.S. complaints about cheap "
      "Chinese exports.");
  const Document d = prepare_document(a);
  check_invariants(d, a);
  BOOST_REQUIRE_EQUAL(d.sentences.size(), 3u);
  BOOST_TEST(ends_with(std::string(d.sentence_text(d.sentences[0])), "in the Ukraine crisis"));
  BOOST_TEST(!d.sentences[0].headline);
  BOOST_TEST(d.sentence_text(d.sentences[1]) == "STEADYING THE SHIP");
  BOOST_TEST(d.sentences[1].headline);
  BOOST_TEST(!d.sentences[2].headline);
  BOOST_TEST(d.sentences[2].paragraph > d.sentences[1].paragraph);
}

BOOST_AUTO_TEST_CASE(corpus_documents_are_consistent, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  std::size_t docs = 0, sents = 0, short_sents = 0;
  const Status s = read_articles(
      shared + "/corpus/articles.jsonl", {},
      [&](Article&& a) {
        const Document d = prepare_document(a);
        check_invariants(d, a);
        ++docs;
        for (const auto& se : d.sentences) {
          ++sents;
          // A lone abbreviation or a fragment like "U.S." would be a splitting error.
          if (se.token_end - se.token_begin <= 2 && !se.headline) ++short_sents;
        }
        return true;
      },
      [](const ReadIssue&) {});
  BOOST_REQUIRE(s.ok());
  BOOST_TEST(docs == 78u);
  BOOST_TEST(sents > 1400u);
  BOOST_TEST(short_sents == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg
