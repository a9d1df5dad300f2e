// In-article coreference on real text (the Blinken/Beijing example): surnames,
// two people sharing a surname, titles, pronouns, "the two countries".

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <memory>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/actors.hpp"
#include "geokg/extract/lexicon.hpp"
#include "geokg/extract/text.hpp"
#include "geokg/extract/time.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace geokg;

namespace {

// Shipped lexicons without people.json: every link below comes from the text.
const ActorLexicon& lexicon() {
  static std::unique_ptr<ActorLexicon> lex;
  if (!lex) {
    lex = std::make_unique<ActorLexicon>();
    for (const auto& e : fs::directory_iterator(fs::path(GEOKG_TEST_DATA_DIR) / "actors")) {
      const std::string f = e.path().string();
      if (e.path().extension() != ".json" || f.ends_with("people.json") || f.ends_with("groups.json")) continue;
      Status s = add_lexicon_file(*lex, f);
      BOOST_TEST_REQUIRE(s.ok(), s.message());
    }
    lex->finalize();
  }
  return *lex;
}

struct Run {
  Article article;
  Document doc;
};

std::unique_ptr<Run> run(const std::string& text) {
  auto r = std::make_unique<Run>();
  r->article.text = text;
  r->article.date = Date::Day(2024, 4, 26);
  r->doc = prepare_document(r->article);
  anchor_times(r->doc);
  find_actors(r->doc, lexicon());
  return r;
}

std::string mention_text(const Document& doc, const Mention& m) {
  const auto b = doc.tokens[m.token_begin].start, e = doc.tokens[m.token_end - 1].end;
  return doc.text.substr(b, e - b);
}

// The actors that the n-th (0-based) mention with this surface text refers to.
std::string resolved(const Document& doc, std::string_view surface, int nth = 0) {
  for (const auto& m : doc.mentions)
    if (mention_text(doc, m) == surface && nth-- == 0) {
      std::string s = doc.actors[m.actor].name;
      if (m.actor2 >= 0) s += " & " + doc.actors[m.actor2].name;
      return s;
    }
  return "<none>";
}

MentionForm form_of(const Document& doc, std::string_view surface) {
  for (const auto& m : doc.mentions)
    if (mention_text(doc, m) == surface) return m.form;
  return MentionForm::kName;
}

int count_named(const Document& doc, std::string_view prefix) {
  int n = 0;
  for (const auto& a : doc.actors) n += a.kind == NodeKind::kPerson && a.name.starts_with(prefix);
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_coref)

BOOST_AUTO_TEST_CASE(surname_to_full_name) {
  auto r = run(
      "U.S. Secretary of State Antony Blinken raised concerns on Friday about China's support for Russia's "
      "military.\n\nBlinken raised the matter during five-and-a-half hours of talks with China's top diplomat "
      "Wang Yi in Beijing.");
  BOOST_TEST(resolved(r->doc, "Blinken") == "Antony Blinken");
  BOOST_TEST((form_of(r->doc, "Blinken") == MentionForm::kPartName));
  BOOST_TEST(count_named(r->doc, "Blinken") == 0);  // no separate "Blinken" person
  for (const auto& a : r->doc.actors)
    if (a.name == "Antony Blinken") BOOST_TEST(a.mentions == 2u);
}

BOOST_AUTO_TEST_CASE(wang_yi_and_wang_xiaohong_stay_apart) {
  auto r = run(
      "Blinken raised the matter during five-and-a-half hours of talks with China's top diplomat Wang Yi in "
      "Beijing.\n\nWang also said the U.S. had taken \"endless\" measures to suppress China's economy, trade, "
      "science and technology, equating such steps to containment.\n\nBlinken, along with senior U.S. officials "
      "focused on anti-narcotics collaboration with China, met China's minister of public security, Wang "
      "Xiaohong, to discuss the fentanyl issue.\n\nWang told Blinken that more needs to be done.");
  BOOST_TEST(count_named(r->doc, "Wang") == 2);
  BOOST_TEST(resolved(r->doc, "Wang", 0) == "Wang Yi");
  // After Wang Xiaohong is named, "Wang" is the most recent Wang.
  BOOST_TEST(resolved(r->doc, "Wang", 1) == "Wang Xiaohong");
  for (const auto& a : r->doc.actors) {
    if (a.name == "Wang Yi") {
      BOOST_TEST(a.roles.size() == 1u);
      BOOST_TEST(a.roles[0].title == "Foreign Minister");
    }
    if (a.name == "Wang Xiaohong") {
      BOOST_TEST(a.roles.size() == 1u);
      BOOST_TEST(a.roles[0].title == "Minister of Public Security");
    }
  }
}

BOOST_AUTO_TEST_CASE(title_refers_to_its_holder) {
  auto r = run(
      "Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday. U.S. Secretary of "
      "State Antony Blinken raised concerns about China's support for Russia's military. The secretary did not "
      "respond to a question on sanctions. The Chinese defence minister said the talks went well.");
  BOOST_TEST(resolved(r->doc, "The secretary") == "Antony Blinken");
  BOOST_TEST((form_of(r->doc, "The secretary") == MentionForm::kTitle));
  BOOST_TEST(resolved(r->doc, "The Chinese defence minister") == "Dong Jun");
}

BOOST_AUTO_TEST_CASE(pronouns_prefer_the_subject) {
  auto r = run(
      "Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday and said the two "
      "countries were working to strengthen their \"strategic partnership in the defence sector\".\n\n"
      "They met on the sidelines of a regional security meeting in Kazakhstan where Shoigu said Russia and its "
      "allies in Asia should expand joint military exercises and counter what he called U.S. efforts to "
      "destabilise their neighbourhood.");
  BOOST_TEST(resolved(r->doc, "his") == "Sergei Shoigu");
  BOOST_TEST(resolved(r->doc, "he") == "Sergei Shoigu");
}

// A person named in a phrase fronted before the subject is not whom the
// next sentence's "he" means; alone in its sentence, it still is.
BOOST_AUTO_TEST_CASE(pronouns_skip_a_fronted_phrase) {
  auto r = run(
      "Before meeting with President Jacques Chirac, Crown Prince Abdullah Aziz paid a visit to the museum. He "
      "criticised Israel on Monday.");
  BOOST_TEST(resolved(r->doc, "He") == "Abdullah Aziz");
  r = run("After talks with Chancellor Helmut Kohl, Prime Minister Ruud Lubbers said he was pleased.");
  BOOST_TEST(resolved(r->doc, "he") == "Ruud Lubbers");
  r = run("When President Jacques Chirac arrived in Bonn, he was greeted warmly.");
  BOOST_TEST(resolved(r->doc, "he") == "Jacques Chirac");
  // The subject after the phrase is no named person: neither the fronted
  // person nor the object is the next sentence's "He".
  r = run("Before meeting with President Jacques Chirac, the prince paid a call on Chancellor Helmut Kohl. He "
          "left on Monday.");
  BOOST_TEST(resolved(r->doc, "He") == "<none>");
  // The speaker of a report tail is that sentence's subject.
  r = run("Following the talks with President Jacques Chirac, the rate will be adjusted, Finance Minister Pierre "
          "Beregovoy said. He left on Monday.");
  BOOST_TEST(resolved(r->doc, "He") == "Pierre Beregovoy");
}

BOOST_AUTO_TEST_CASE(the_two_countries_is_the_pair_in_focus) {
  auto r = run(
      "Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday and said the two "
      "countries were working to strengthen their \"strategic partnership in the defence sector\".\n\n"
      "Blinken, along with senior U.S. officials focused on anti-narcotics collaboration with China, met "
      "China's minister of public security, Wang Xiaohong, to discuss the fentanyl issue.\n\n"
      "Blinken told the press conference that China has made some progress on the issue, but said that \"more "
      "needs to be done\".\n\nThe two countries also agreed to hold their first talks on artificial "
      "intelligence in the coming weeks, he said.");
  const std::string first = resolved(r->doc, "the two countries");
  BOOST_TEST((first == "Russia & China" || first == "China & Russia"), first);
  const std::string last = resolved(r->doc, "The two countries");
  BOOST_TEST((last == "United States & China" || last == "China & United States"), last);
  for (const auto& m : r->doc.mentions)
    if (m.form == MentionForm::kGroupRef) BOOST_TEST(m.actor2 >= 0);
}

BOOST_AUTO_TEST_SUITE_END()
