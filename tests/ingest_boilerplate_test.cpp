// Page boilerplate: the general rules of prepare_document on the example page
// (measured, not special-cased), on a made-up page of another layout, and on
// the clean corpus, where they must drop next to nothing.

#include <boost/test/unit_test.hpp>

#include <cstring>

#include "geokg/ingest/reader.hpp"
#include "geokg/extract/text.hpp"
#include "ingest_test_support.hpp"
#include "test_support.hpp"

namespace geokg {
namespace {

Article make(std::string text, std::string title = {}) {
  return test::make_article(std::move(text), std::move(title));
}

std::size_t non_space(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (c != ' ' && c != '\n' && c != '\t' && c != '\r') ? 1 : 0;
  return n;
}

bool has(const Document& d, std::string_view s) { return d.text.find(s) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_boilerplate)

BOOST_AUTO_TEST_CASE(example_page_keeps_the_story_and_nothing_else, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  const Article example =
      test::read_single_article(shared + "/examples/blinken-beijing-2024-04-26.txt");
  const Document d = prepare_document(example);
  // The story body, from its first to its last sentence.
  const std::size_t first = d.text.find("BEIJING -U.S. Secretary of State Antony Blinken raised concerns");
  const std::size_t last = d.text.find("in the coming weeks, he said.");
  BOOST_REQUIRE(first != std::string::npos);
  BOOST_REQUIRE(last != std::string::npos);
  BOOST_TEST(d.text.size() - (last + std::strlen("in the coming weeks, he said.")) == 0u);  // nothing after it
  for (const char* body : {"Underscoring the closeness of the Beijing-Moscow relationship",
                           "STEADYING THE SHIP", "DEFENCE AID FOR TAIWAN",
                           "met China's minister of public security, Wang Xiaohong"})
    BOOST_TEST(has(d, body), "body lost: " << body);
  // Page furniture: photo credit and caption, byline, lists, video, address, menus, footer.
  for (const char* junk : {"Schiefelbein", "Diaoyutai", "Writer's picture", "top of page", "bottom of page",
                           "Top Stories", "Advertise", ".png", "VISTA", "Congo", "Trudeau", "48:32", "Get in Touch",
                           "Gachibowli", "500032", "letstalk", "Follow us", "LinkedIn", "Instagram", "Privacy",
                           "Source: Reuters", "Live Streams"})
    BOOST_TEST(!has(d, junk), "boilerplate kept: " << junk);
  // The section headings are headline sentences, the story sentences are not.
  int headlines = 0, body = 0;
  for (const auto& s : d.sentences) {
    if (s.headline) {
      ++headlines;
      const auto t = d.sentence_text(s);
      BOOST_TEST((t == "STEADYING THE SHIP" || t == "DEFENCE AID FOR TAIWAN"), t);
    } else {
      ++body;
    }
  }
  BOOST_TEST(headlines == 2);
  BOOST_TEST(body >= 25);
  // Offsets of the kept body point at the same words in the page.
  const auto o = d.to_original(static_cast<std::uint32_t>(first + 10));
  BOOST_TEST(example.text.substr(o, 20) == d.text.substr(first + 10, 20));
}

BOOST_AUTO_TEST_CASE(general_rules_on_another_page_layout) {
  // A made-up page: other site, other people, same kinds of furniture.
  const Article a = make(
      "Skip to main content\n"
      "Home | World | Politics | Business\n\n"
      "Macron hosts Scholz for talks on defence\n"
      "By Jane Doe and John Roe\n"
      "French President Emmanuel Macron, right, greets German Chancellor Olaf Scholz at the Elysee Palace, "
      "March 3, 2023, in Paris. REUTERS/Sarah Meyssonnier\n\n"
      "PARIS (Reuters) - French President Emmanuel Macron hosted German Chancellor Olaf Scholz on Friday for talks "
      "on European defence spending.\n\n"
      "The two leaders agreed to speed up work on a joint tank, officials said.\n\n"
      "Macron hosts Scholz for talks on defence\n\n"
      "Share this article\n"
      "* Facebook\n"
      "* X\n"
      "* WhatsApp\n\n"
      "Related stories\n"
      "1. Germany approves new budget\n"
      "2. French farmers protest in Paris\n"
      "3. EU leaders meet in Brussels\n\n"
      "Source: Reuters\n\n"
      "Read more from our partners\n"
      "Example Media GmbH, Hauptstrasse 5, 10115 Berlin\n"
      "news@example.com\n"
      "\xC2\xA9 2023 Example Media. All rights reserved.\n",
      "Macron hosts Scholz for talks on defence");
  const Document d = prepare_document(a);
  BOOST_TEST(has(d, "French President Emmanuel Macron hosted German Chancellor Olaf Scholz on Friday"));
  BOOST_TEST(has(d, "The two leaders agreed to speed up work on a joint tank, officials said."));
  for (const char* junk : {"Skip", "Home |", "Jane Doe", "Elysee", "REUTERS/", "Share", "Facebook", "WhatsApp",
                           "Related", "Germany approves", "Source:", "partners", "Hauptstrasse", "news@",
                           "All rights"})
    BOOST_TEST(!has(d, junk), "boilerplate kept: " << junk);
  // The title stays once, as a headline sentence; its repetition is gone.
  int titles = 0;
  for (const auto& s : d.sentences)
    if (d.sentence_text(s) == "Macron hosts Scholz for talks on defence") {
      ++titles;
      BOOST_TEST(s.headline);
    }
  BOOST_TEST(titles <= 1);
}

BOOST_AUTO_TEST_CASE(captions_bylines_and_inline_lists) {
  const char* dropped[] = {
      "U.S. Secretary of State Antony Blinken, left, meets with China's Foreign Minister Wang Yi at the "
      "Diaoyutai State Guesthouse, April 26, 2024, in Beijing, China. Mark Schiefelbein/",
      "Chinese President Xi Jinping speaks during a meeting in Beijing, China, April 26, 2024. (Reuters)",
      "Wang Yi attends a news conference in Beijing, March 7, 2024.",
      "A view of the port of Odesa. REUTERS/Nina Liashonok",
      "By Jane Doe",
      "Writer's picture: News Agency",
      "1. Congo's army slows rebels' march 2. Trump: Nothing Canada can do 3. Kenya's wave of violence spurs women "
      "to fight back 4. US restricts helicopter flights",
      "letstalk {at} example (dot) org",
      "Advertise Now (1).png",
      "\xC2\xA9 2024 by Example Today | Privacy Policy | Imprint",
  };
  for (const char* line : dropped) {
    const Article a = make(
        "Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday in Astana.\n\n" +
        std::string(line) +
        "\n\nThey met on the sidelines of a regional security meeting in Kazakhstan, officials said.");
    const Document d = prepare_document(a);
    BOOST_TEST(d.sentences.size() == 2u, "kept: " << line);
  }
  // Body lines that look a little like the above stay.
  const char* kept[] = {
      "Blinken met Wang Yi on April 26, 2024, in Beijing, and the two sides agreed to hold talks.",
      "By the end of the day, the two sides had agreed on a joint statement.",
      "Source: officials familiar with the talks said the meeting went well.",
      "The talks, held left of centre in the agenda, covered trade.",
      // Real corpus lines that once tripped the caption rules.
      "Routine sales of butter were made. March/April sold at 4,340, 4,345 and 4,350 dlrs.",
      "In response to questions from Reuters, the Henley spokesman said the filing was as of December 31, 1986, "
      "but that the company still holds the shares.",
      "Like many of your respondents, I wouldn't usually think of Mr Forsyth as someone whose views I share, but "
      "I agree wholeheartedly with Mr Forsyth/",
  };
  for (const char* line : kept) {
    const Article a = make("Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun.\n\n" +
                           std::string(line) + "\n\nThey met on the sidelines of a regional security meeting.");
    const Document d = prepare_document(a);
    BOOST_TEST(has(d, line), "dropped: " << line);
  }
}

BOOST_AUTO_TEST_CASE(clean_corpus_loses_next_to_nothing, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  std::size_t total = 0, kept = 0, articles = 0, touched = 0;
  const Status s = read_articles(
      shared + "/corpus/articles.jsonl", {},
      [&](Article&& a) {
        const Document d = prepare_document(a);
        const std::size_t before = non_space(a.text), after = non_space(d.text);
        total += before;
        kept += after;
        ++articles;
        if (after + 20 < before) {
          ++touched;
          BOOST_TEST_MESSAGE("boilerplate dropped in " << a.id << ": " << before - after << " bytes");
        }
        return true;
      },
      [](const ReadIssue&) {});
  BOOST_REQUIRE(s.ok());
  BOOST_TEST(articles == 78u);
  // Only one article carries furniture: a wiki "Sources" list at its end.
  BOOST_TEST(touched <= 1u);
  BOOST_TEST(static_cast<double>(total - kept) / static_cast<double>(total) < 0.005);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg
