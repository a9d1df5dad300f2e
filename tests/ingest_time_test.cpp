// Time anchoring: every expression form, resolved against an anchor, with
// year boundaries; the anchor from metadata, dateline and caption; and the
// expressions found in real sentences.

#include <boost/test/unit_test.hpp>

#include "geokg/ingest/reader.hpp"
#include "geokg/extract/text.hpp"
#include "geokg/extract/time.hpp"
#include "ingest_test_support.hpp"
#include "test_support.hpp"

namespace geokg {
namespace {

// "" when unresolved, else the ISO form (its length shows the precision).
std::string r(std::string_view phrase, const Date& anchor) {
  auto d = resolve_time_expression(phrase, anchor);
  return d ? d->iso() : std::string();
}

Document anchored(std::string text, Date date = {}) {
  static std::vector<std::unique_ptr<Article>> keep;  // Document points at its Article
  auto a = std::make_unique<Article>();
  a->text = std::move(text);
  a->date = date;
  Document d = prepare_document(*a);
  keep.push_back(std::move(a));
  anchor_times(d);
  return d;
}

std::vector<std::pair<std::string, std::string>> times(const Document& d) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& t : d.times) {
    const auto b = d.tokens[t.token_begin].start, e = d.tokens[t.token_end - 1].end;
    out.emplace_back(d.text.substr(b, e - b), t.date.iso());
  }
  return out;
}

const Date kFri = Date::Day(2024, 4, 26);  // a Friday

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_time)

BOOST_AUTO_TEST_CASE(weekdays) {
  BOOST_TEST(r("on Friday", kFri) == "2024-04-26");  // the anchor itself
  BOOST_TEST(r("Friday", kFri) == "2024-04-26");
  BOOST_TEST(r("last Friday", kFri) == "2024-04-19");
  BOOST_TEST(r("on Wednesday", kFri) == "2024-04-24");
  BOOST_TEST(r("Saturday", kFri) == "2024-04-20");
  BOOST_TEST(r("next Monday", kFri) == "2024-04-29");
  // Crossing a year: 2024-01-02 is a Tuesday.
  BOOST_TEST(r("on Friday", Date::Day(2024, 1, 2)) == "2023-12-29");
  BOOST_TEST(r("on Sunday", Date::Day(2024, 1, 2)) == "2023-12-31");
  BOOST_TEST(r("on Monday", Date::Day(2024, 1, 2)) == "2024-01-01");
  // No day anchor, no weekday.
  BOOST_TEST(r("on Friday", Date::Month(2024, 4)) == "");
  BOOST_TEST(r("on Friday", Date{}) == "");
}

BOOST_AUTO_TEST_CASE(relative_days_weeks_months_years) {
  BOOST_TEST(r("today", kFri) == "2024-04-26");
  BOOST_TEST(r("yesterday", kFri) == "2024-04-25");
  BOOST_TEST(r("this evening", kFri) == "2024-04-26");
  BOOST_TEST(r("this afternoon", kFri) == "2024-04-26");
  BOOST_TEST(r("tomorrow", kFri) == "2024-04-27");
  BOOST_TEST(r("yesterday", Date::Day(2024, 1, 1)) == "2023-12-31");
  BOOST_TEST(r("tomorrow", Date::Day(2023, 12, 31)) == "2024-01-01");
  BOOST_TEST(r("last week", kFri) == "2024-04");
  BOOST_TEST(r("last week", Date::Day(2024, 1, 2)) == "2023-12");
  BOOST_TEST(r("last month", kFri) == "2024-03");
  BOOST_TEST(r("last month", Date::Day(2024, 1, 15)) == "2023-12");
  BOOST_TEST(r("earlier this month", kFri) == "2024-04");
  BOOST_TEST(r("this month", kFri) == "2024-04");
  BOOST_TEST(r("last year", kFri) == "2023");
  BOOST_TEST(r("last year", Date::Year(2024)) == "2023");
  BOOST_TEST(r("this year", kFri) == "2024");
  BOOST_TEST(r("earlier this year", kFri) == "2024");
  BOOST_TEST(r("next year", kFri) == "2025");
  BOOST_TEST(r("three days ago", kFri) == "2024-04-23");
  BOOST_TEST(r("two years ago", kFri) == "2022");
  BOOST_TEST(r("last year", Date{}) == "");
}

BOOST_AUTO_TEST_CASE(months_and_years) {
  BOOST_TEST(r("in February 2023", kFri) == "2023-02");
  BOOST_TEST(r("February 2023", Date{}) == "2023-02");  // absolute: no anchor needed
  BOOST_TEST(r("in November", kFri) == "2023-11");      // the latest November before the anchor
  BOOST_TEST(r("in April", kFri) == "2024-04");         // the anchor's own month: that month
  BOOST_TEST(r("in March", kFri) == "2024-03");
  BOOST_TEST(r("in December", Date::Day(2024, 1, 2)) == "2023-12");
  BOOST_TEST(r("in January", Date::Day(2024, 1, 2)) == "2024-01");
  BOOST_TEST(r("last December", Date::Day(2024, 12, 20)) == "2023-12");
  BOOST_TEST(r("next January", Date::Day(2024, 12, 20)) == "2025-01");
  BOOST_TEST(r("in May", kFri) == "2023-05");
  BOOST_TEST(r("in 2022", kFri) == "2022");
  BOOST_TEST(r("2022", Date{}) == "2022");
  BOOST_TEST(r("since 1987", Date{}) == "1987");
  BOOST_TEST(r("in November", Date{}) == "");
}

BOOST_AUTO_TEST_CASE(full_dates) {
  BOOST_TEST(r("April 26, 2024", Date{}) == "2024-04-26");
  BOOST_TEST(r("26 April 2024", Date{}) == "2024-04-26");
  BOOST_TEST(r("on 3rd March 2021", Date{}) == "2021-03-03");
  BOOST_TEST(r("2024-04-26", Date{}) == "2024-04-26");
  BOOST_TEST(r("Feb. 3, 2021", Date{}) == "2021-02-03");
  BOOST_TEST(r("Feb. 3", kFri) == "2024-02-03");
  BOOST_TEST(r("March 3", kFri) == "2024-03-03");
  BOOST_TEST(r("Oct 19", Date::Day(1987, 10, 19)) == "1987-10-19");
  // Day and month after the anchor by more than a month: last year's.
  BOOST_TEST(r("Dec. 28", Date::Day(2024, 1, 2)) == "2023-12-28");
  BOOST_TEST(r("February 30, 2023", Date{}) == "");  // no such day
  BOOST_TEST(r("March 3", Date{}) == "");            // no year, no anchor
  BOOST_TEST(r("the minister", kFri) == "");
  BOOST_TEST(r("", kFri) == "");
}

BOOST_AUTO_TEST_CASE(anchor_from_metadata_dateline_or_caption) {
  BOOST_TEST(anchored("Xi said on Friday that the talks went well.", kFri).anchor.iso() == "2024-04-26");
  // Leading dateline with a full date (a wiki layout).
  auto w = anchored("Thursday, May 7, 2015 On Tuesday, the New Zealand government announced a process.");
  BOOST_TEST(w.anchor.iso() == "2015-05-07");
  BOOST_REQUIRE(!w.times.empty());
  BOOST_TEST(w.times[0].date.iso() == "2015-05-05");
  // A caption date, dropped from the text but read from the page before the body.
  auto c = anchored(
      "U.S. Secretary of State Antony Blinken, left, meets with China's Foreign Minister Wang Yi at the "
      "Diaoyutai State Guesthouse, April 26, 2024, in Beijing, China. Mark Schiefelbein/\n\n"
      "BEIJING -U.S. Secretary of State Antony Blinken raised concerns on Friday about China's support for "
      "Russia's military.");
  BOOST_TEST(c.text.find("Diaoyutai") == std::string::npos);
  BOOST_TEST(c.anchor.iso() == "2024-04-26");
  BOOST_REQUIRE_EQUAL(c.times.size(), 1u);
  BOOST_TEST(c.times[0].date.iso() == "2024-04-26");
  // Nothing to anchor on: relative expressions are left out, absolute ones kept.
  auto n = anchored("Blinken met Wang on Friday and visited Beijing in February 2023.");
  BOOST_TEST(!n.anchor.known());
  BOOST_REQUIRE_EQUAL(n.times.size(), 1u);
  BOOST_TEST(n.times[0].date.iso() == "2023-02");
}

BOOST_AUTO_TEST_CASE(expressions_in_real_sentences) {
  // Sentences of the example page, anchored on its date.
  auto d = anchored(
      "The U.S. officials say such assistance risks hurting the broader bilateral relationship, even as ties "
      "stabilise after being hit by then-House Speaker Nancy Pelosi's visit to Taiwan in 2022 and the U.S. downing "
      "of a suspected Chinese surveillance balloon in February 2023.\n\n"
      "The agenda for the talks was set during the November summit between Biden and Xi in San Francisco and a "
      "follow-up call in April.\n\n"
      "Hours before Blinken landed in China on Wednesday, President Joe Biden signed a bill.\n\n"
      "Blinken raised the matter in Beijing, the latest high-level contact between the countries that have eased "
      "last year's acrimony. May said nothing.",
      kFri);
  const auto t = times(d);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"2022", "2022"},       {"February 2023", "2023-02"}, {"November", "2023-11"},
      {"April", "2024-04"},   {"Wednesday", "2024-04-24"},  {"last year", "2023"}};
  BOOST_REQUIRE_EQUAL(t.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    BOOST_TEST(t[i].first == want[i].first);
    BOOST_TEST(t[i].second == want[i].second);
  }
  BOOST_TEST(d.times[4].sentence == 2u);
  // A corpus sentence (Reuters, 1987-10-19, a Monday) and a future one.
  auto b = anchored("BAHRAIN, Oct 19 - A U.S. attack on an Iranian oil platform in the Gulf on Monday appeared to "
                    "be a tit-for-tat raid. Shultz will visit Moscow on Thursday.",
                    Date::Day(1987, 10, 19));
  const auto bt = times(b);
  BOOST_REQUIRE_EQUAL(bt.size(), 2u);
  BOOST_TEST(bt[0].second == "1987-10-19");
  BOOST_TEST(bt[1].second == "1987-10-22");
}

// Years that bound a period, set a target or modify a noun are not the time
// of the clause's event (Reuters, 1987: these dated events "1976", "1990",
// "1979" and "1988" before); a year after "in" still is.
BOOST_AUTO_TEST_CASE(years_that_do_not_date_an_event) {
  const Date mar30 = Date::Day(1987, 3, 30);
  auto t = times(anchored("Turkey accused Greece of breaching the 1976 Berne Agreement under which both sides "
                          "agreed to preserve the status quo in the Aegean.", mar30));
  BOOST_TEST(t.empty());
  t = times(anchored("Stempel also said General Motors will reduce 10 pct of its component business by 1990, for "
                     "savings of about 500 mln dlrs.", mar30));
  BOOST_TEST(t.empty());
  t = times(anchored("China has signed 36 oil contracts and agreements with 37 companies from 10 countries since "
                     "1979, when offshore exploration was open to foreigners.", mar30));
  BOOST_TEST(t.empty());
  t = times(anchored("But Morita added that Japan would benefit from the strong yen and he expected profits to "
                     "recover from 1988 onwards.", mar30));
  BOOST_TEST(t.empty());
  t = times(anchored("He told the National People's Congress the State Council has decided to cut nearly all 1987 "
                     "budgetary expenditures by 10 pct from the 1986 level.", mar30));
  BOOST_TEST(t.empty());
  t = times(anchored("The Imperial Government of China issued bonds in 1911 to help construct a section of the "
                     "so-called Hukuang railroad.", mar30));
  BOOST_REQUIRE_EQUAL(t.size(), 1u);
  BOOST_TEST(t[0].second == "1911");
  // The phrase alone still resolves (the caller asked for that time).
  BOOST_TEST(r("since 1987", Date{}) == "1987");
  BOOST_TEST(r("by 1990", Date{}) == "1990");
}

BOOST_AUTO_TEST_CASE(example_page_is_anchored_from_its_caption, GEOKG_NEEDS_SHARED) {
  const std::string shared = test::shared_dir();
  const Article example =
      test::read_single_article(shared + "/examples/blinken-beijing-2024-04-26.txt");
  Document d = prepare_document(example);
  anchor_times(d);
  BOOST_TEST(d.anchor.iso() == "2024-04-26");
  int fridays = 0;
  for (const auto& t : d.times)
    if (d.token_text(d.tokens[t.token_begin]) == "Friday") {
      ++fridays;
      BOOST_TEST(t.date.iso() == "2024-04-26");
    }
  BOOST_TEST(fridays == 3);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace geokg
