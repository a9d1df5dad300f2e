// The tree-based event coder, construction by construction, on sentences
// parsed by the shipped tagger and parser, with the shipped actor lexicon and
// a small trigger lexicon of its own (so that these tests follow the coder's
// logic, not the shipped codebook's entries; tests/ingest_codebook_test.cpp
// measures the codebook).

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/actors.hpp"
#include "geokg/extract/coder.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/extract/syntax.hpp"
#include "geokg/extract/text.hpp"
#include "geokg/extract/time.hpp"
#include "test_support.hpp"

namespace geokg {
namespace {

constexpr const char* kTriggers = R"({
 "triggers": [
  {"id": "say", "code": "010", "label": "said", "verb": ["say", "tell"], "statement": true,
   "target": ["to", "iobj", "obj", "about"]},
  {"id": "meet", "code": "040", "label": "met", "verb": "meet", "obj_not": "@goals", "target": ["obj", "with"],
   "symmetric": true},
  {"id": "withdraw", "code": "0874", "label": "withdrew", "verb": "withdraw", "obj_not": "@money", "target": ["from"],
   "place_target": true},
  {"id": "kill", "code": "190", "label": "killed", "verb": "kill"},
  {"id": "n-talks", "code": "040", "label": "held talks", "noun": ["talks"], "target": ["with", "between"], "symmetric": true},
  {"id": "visit", "code": "042", "label": "visited", "verb": ["visit"], "place_target": true},
  {"id": "n-visit", "code": "042", "label": "visited", "noun": ["visit"], "target": ["to"], "place_target": true},
  {"id": "attack", "code": "190", "label": "attacked", "verb": ["attack", "bomb"]},
  {"id": "n-attack", "code": "190", "label": "attacked", "noun": ["attack", "war"], "target": ["on", "against"]},
  {"id": "release", "code": "0841", "label": "released", "verb": ["release"], "obj": "@persons", "target": ["obj.of", "to"]},
  {"id": "sever", "code": "161", "label": "cut ties with", "verb": ["sever"], "obj": "@relations", "target": ["with"]},
  {"id": "send-troops", "code": "062", "label": "sent troops", "verb": ["send"], "obj": "@troops", "target": ["to"]},
  {"id": "urge", "frame": "appeal", "label": "urged", "verb": ["urge"], "embed": ["xcomp"], "target": ["obj"]},
  {"id": "threaten", "frame": "threaten", "label": "threatened", "verb": ["threaten"], "embed": ["xcomp", "with"],
   "target": ["obj", "embed.target"]},
  {"id": "warn", "frame": "threaten", "label": "warned", "verb": ["warn"], "embed": ["of", "ccomp", "that"],
   "target": ["obj", "against", "embed.target"]},
  {"id": "retaliate", "code": "190", "label": "retaliated", "verb": ["retaliate"], "target": ["against"]},
  {"id": "n-sanctions", "code": "163", "label": "imposed sanctions", "noun": ["sanctions"], "target": ["on"]}
 ],
 "classes": {"persons": ["sailor", "hostage", "ACTOR:person"], "relations": ["ties", "relations"],
             "troops": ["troops", "soldier"], "goals": ["target", "requirement"], "money": ["asset", "$"]},
 "frames": {"appeal": {"default": "020", "map": {"084": "0253", "04": "026"}},
            "intent": {"default": "030", "map": {"062": "0312", "04": "036"}},
            "reject": {"default": "120", "map": {"04": "125", "084": "1243"}},
            "threaten": {"default": "130", "map": {"163": "1312", "19": "138"}}},
 "words": {"intent_modals": ["will", "would", "shall", "'ll"], "intent_verbs": ["plan", "pledge", "promise", "agree"],
           "reject_verbs": ["refuse", "decline"], "unasserted": ["claim", "allegation"],
           "negating_verbs": ["fail"], "light_verbs": ["hold", "launch", "carry out", "impose", "pay", "make"],
           "verbal_attack_verbs": ["attack"], "speaking_verbs": ["say", "call"], "implication_verbs": ["mean"],
           "warning_verbs": ["warn"]}
})";

struct Setup {
  std::shared_ptr<const Lexicons> lex;
  TriggerLexicon triggers;
  Setup() {
    LexiconOptions o;
    o.tree_coder = false;  // the actor lexicon and the tagger only; triggers are ours
    o.pos_tagger = true;
    auto l = load_lexicons(GEOKG_TEST_DATA_DIR, {}, o);
    if (!l.ok()) BOOST_FAIL("cannot load lexicons: " << l.status().to_string());
    lex = l.value();
    Status s = triggers.add_json(kTriggers, "test triggers");
    if (s.ok()) s = add_irregular_file(triggers, std::string(GEOKG_TEST_DATA_DIR) + "/lemmas/irregular.tsv");
    triggers.add_words("agent_heads", lex->actors.agent_heads());
    if (s.ok()) s = triggers.finalize(lex->cameo.codes());
    if (!s.ok()) BOOST_FAIL("test triggers: " << s.to_string());
  }
};
const Setup& setup() {
  static Setup s;
  return s;
}
const DependencyParser& parser() {
  static const auto p = load_parser(std::string(GEOKG_TEST_DATA_DIR) + "/parser/ud-arceager.bin");
  if (!p.ok()) BOOST_FAIL(p.status().to_string());
  return p.value();
}

// The text as an article of 2024-04-26, with actors found and every
// sentence parsed: what the coder reads. (Held by pointer: the document
// points at its article.)
struct Parsed {
  Article article;
  Document doc;
};
std::unique_ptr<Parsed> parsed(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->article.id = "t";
  p->article.date = Date::Day(2024, 4, 26);
  p->article.text = text;
  p->doc = prepare_document(p->article);
  anchor_times(p->doc);
  find_actors(p->doc, setup().lex->actors);
  for (std::uint32_t s = 0; s < p->doc.sentences.size(); ++s)
    parse_sentence(p->doc, s, setup().lex->tagger, parser());
  return p;
}

// "Source code Target" for every event of the text (flags appended as
// " [negated]", " [hypothetical]"), in order; dated events also " @date".
std::vector<std::string> code(const std::string& text, bool with_dates = false) {
  const auto p = parsed(text);
  const Document& doc = p->doc;
  std::vector<ExtractedEvent> events;
  code_events(doc, setup().triggers, events);
  std::vector<std::string> out;
  for (const auto& e : events) {
    std::string s = doc.actors[static_cast<std::size_t>(e.source)].name + " " + e.cameo + " " +
                    doc.actors[static_cast<std::size_t>(e.target)].name;
    if (e.negated) s += " [negated]";
    if (e.hypothetical) s += " [hypothetical]";
    if (with_dates) s += " @" + e.date.iso();
    out.push_back(s);
  }
  return out;
}

// Whether the coder read each sentence (coded it, or judged a trigger).
std::vector<bool> read_sentences(const std::string& text) {
  std::vector<ExtractedEvent> events;
  std::vector<bool> read;
  code_events(parsed(text)->doc, setup().triggers, events, &read);
  return read;
}

std::string joined(const std::vector<std::string>& v) {
  std::ostringstream o;
  for (const auto& s : v) o << "{" << s << "} ";
  return o.str();
}
#define EXPECT_EVENTS(text, ...)                                              \
  do {                                                                        \
    const std::vector<std::string> got = code(text);                          \
    const std::vector<std::string> want = {__VA_ARGS__};                      \
    BOOST_TEST(got == want, text << "\n  got:  " << joined(got) << "\n  want: " << joined(want)); \
  } while (0)

BOOST_AUTO_TEST_CASE(subject_and_object) {
  EXPECT_EVENTS("Iraq attacked Iran on Monday.", "Iraq 190 Iran");
  EXPECT_EVENTS("Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday.",
                "Sergei Shoigu 040 Dong Jun");
}

BOOST_AUTO_TEST_CASE(passive_with_and_without_agent) {
  EXPECT_EVENTS("Iran was attacked by Iraq on Monday.", "Iraq 190 Iran");
  EXPECT_EVENTS("Iran was attacked on Monday.");   // nobody acted that the text names
}

BOOST_AUTO_TEST_CASE(object_control_is_an_appeal_to_the_object) {
  // "urged X to release": an appeal to X (0253), not X releasing anyone.
  EXPECT_EVENTS("The United States urged Iran to release the sailors.", "United States 0253 Iran");
}

BOOST_AUTO_TEST_CASE(reported_speech_carries_its_own_event) {
  // No "Iraq said Iran" statement: the complement's event, with its own actors.
  EXPECT_EVENTS("Iraq said Iran attacked Kuwait.", "Iran 190 Kuwait");
  EXPECT_EVENTS("Iran said the talks were useful.");         // no addressee, no topic actor
  EXPECT_EVENTS("Blinken told Wang Yi that the United States was concerned.", "Antony Blinken 010 Wang Yi");
}

BOOST_AUTO_TEST_CASE(coordinated_subjects_and_verbs) {
  EXPECT_EVENTS("Britain and France closed their embassies and severed ties with Libya.", "Britain 161 Libya",
                "France 161 Libya");
}

BOOST_AUTO_TEST_CASE(relative_clauses_and_appositions) {
  EXPECT_EVENTS("Iran condemned the United States, which attacked Iraq on Monday.", "United States 190 Iraq");
  EXPECT_EVENTS("Wang Yi, China's foreign minister, met Blinken in Beijing.", "Wang Yi 040 Antony Blinken");
}

BOOST_AUTO_TEST_CASE(nominal_events_need_an_occurrence) {
  EXPECT_EVENTS("Antony Blinken held talks with Wang Yi in Beijing.", "Antony Blinken 040 Wang Yi");
  EXPECT_EVENTS("Iran's attack on Iraq killed dozens.", "Iran 190 Iraq");
  EXPECT_EVENTS("Blinken met Wang Yi during a visit to China.", "Antony Blinken 040 Wang Yi",
                "Antony Blinken 042 China");
  // Mentioned in passing: a war of 1980, a war of no one in particular.
  EXPECT_EVENTS("The war between Iran and Iraq has lasted since 1980.");
  EXPECT_EVENTS("Memories of the 1980 war with Iraq still divide Iran.");
}

BOOST_AUTO_TEST_CASE(intentions_refusals_and_threats_are_coded_as_cameo_codes_them) {
  EXPECT_EVENTS("Italy will send troops to Libya.", "Italy 0312 Libya");
  EXPECT_EVENTS("Italy has pledged to send troops to Libya.", "Italy 0312 Libya");
  EXPECT_EVENTS("Iran refused to meet the United States.", "Iran 125 United States");
  EXPECT_EVENTS("Iran will not meet the United States.", "Iran 125 United States");
  EXPECT_EVENTS("Russia threatened Ukraine with sanctions.", "Russia 1312 Ukraine");
  EXPECT_EVENTS("Russia threatened to attack Ukraine.", "Russia 138 Ukraine");
}

BOOST_AUTO_TEST_CASE(announced_acts_and_their_purposes_are_intents) {
  EXPECT_EVENTS("Foreign Secretary Jack Straw is to visit China this week.", "Jack Straw 036 China");   // be-to
  EXPECT_EVENTS("Iran would be happy to meet the United States.", "Iran 036 United States");
  // The purpose of an announced act is announced too.
  EXPECT_EVENTS("Italy will send troops to Libya to attack Tunisia.", "Italy 0312 Libya", "Italy 030 Tunisia");
  // A statement still to be made is not made.
  EXPECT_EVENTS("Blinken will tell Wang Yi that the United States is concerned.",
                "Antony Blinken 010 Wang Yi [hypothetical]");
}

BOOST_AUTO_TEST_CASE(negated_conditional_questioned_and_unasserted_events_are_flagged) {
  EXPECT_EVENTS("The decision does not mean that Britain has severed ties with Libya.", "Britain 161 Libya [negated]");
  EXPECT_EVENTS("Britain severed no ties with Libya.", "Britain 161 Libya [negated]");   // an act on nothing
  EXPECT_EVENTS("Japan did not meet South Korea.", "Japan 040 South Korea [negated]");
  EXPECT_EVENTS("Iraq never attacked Kuwait.", "Iraq 190 Kuwait [negated]");
  EXPECT_EVENTS("If Iran attacks Iraq, the war will widen.", "Iran 190 Iraq [hypothetical]");
  EXPECT_EVENTS("Will Iran attack Iraq?", "Iran 190 Iraq [hypothetical]");
  EXPECT_EVENTS("Iraq could attack Kuwait.", "Iraq 190 Kuwait [hypothetical]");
  EXPECT_EVENTS("Iran denied that Iraq attacked Kuwait.", "Iraq 190 Kuwait [negated]");
  EXPECT_EVENTS("Iraq failed to meet Iran.", "Iraq 040 Iran [negated]");
}

BOOST_AUTO_TEST_CASE(an_object_of_another_sense_is_no_trigger) {
  // obj_not: a goal met is no meeting, money withdrawn no retreat.
  EXPECT_EVENTS("Argentina met the IMF on Monday.", "Argentina 040 International Monetary Fund");
  EXPECT_EVENTS("Argentina has met IMF targets.");
  EXPECT_EVENTS("Libya withdrew its troops from Chad.", "Libya 0874 Chad");
  EXPECT_EVENTS("Libya has withdrawn $1bn from the United States.");
  // A sense refused is a reading: the word-order patterns must not code
  // "met" as a meeting where the tree refused it.
  BOOST_TEST(read_sentences("Argentina has met IMF targets.") == std::vector<bool>{true});
  BOOST_TEST(read_sentences("Argentina has grown.") == std::vector<bool>{false});
}

BOOST_AUTO_TEST_CASE(a_person_attacks_a_person_or_while_speaking_with_words) {
  EXPECT_EVENTS("Prime Minister Tony Blair attacked Conservative leader Michael Howard over immigration.",
                "Tony Blair 111 Michael Howard");
  EXPECT_EVENTS("South African President Thabo Mbeki attacked Britain, saying it had treated Africans like savages.",
                "Thabo Mbeki 111 Britain");
  // A leader and a state, with no words: force.
  EXPECT_EVENTS("Iraqi President Saddam Hussein attacked Iran.", "Saddam Hussein 190 Iran");
}

BOOST_AUTO_TEST_CASE(a_warning_of_what_others_may_do_is_no_threat) {
  // The source's own act, a condition, "against" or "of consequences": a threat.
  EXPECT_EVENTS("Iran warned Iraq that it would retaliate against any attack on its oil terminals.",
                "Iran 138 Iraq");
  EXPECT_EVENTS("The United States has warned Tehran against using the missiles.", "United States 130 Iran");
  EXPECT_EVENTS("Japan warned the United States it may take retaliatory measures if the U.S. imposes sanctions.",
                "Japan 130 United States");
  // What events or third parties may bring: a pessimistic comment to the one warned.
  EXPECT_EVENTS("Lord Goldsmith warned Tony Blair that the use of force against Iraq could be illegal.",
                "Goldsmith 012 Tony Blair");
  // ... and with no one warned, no event (nor a threat from the word-order patterns).
  EXPECT_EVENTS("The IMF warned that India's budget deficit was too large.");
  BOOST_TEST(read_sentences("The IMF warned that India's budget deficit was too large.") == std::vector<bool>{true});
}

BOOST_AUTO_TEST_CASE(repression_is_within_one_state) {
  // Forces firing on their own people repress them; on another state's, fight.
  EXPECT_EVENTS("Syrian troops killed dozens of Syrian protesters.", "Syrian military 175 Syrian opposition");
  EXPECT_EVENTS("Chadian troops killed 384 Libyans.", "Chadian military 190 Libyan people");
}

BOOST_AUTO_TEST_CASE(times_date_the_event_they_modify) {
  BOOST_TEST(code("Iraq attacked Iran on Monday.", true) == std::vector<std::string>{"Iraq 190 Iran @2024-04-22"});
  // A bound is no date ("since 1980"); an undated event takes the article's.
  BOOST_TEST(code("Iraq has attacked Iran since 1980.", true) ==
             std::vector<std::string>{"Iraq 190 Iran @2024-04-26"});
  // The speech verb's day does not date the reported event.
  BOOST_TEST(code("Iraq said on Wednesday that Iran attacked Kuwait in March.", true) ==
             std::vector<std::string>{"Iran 190 Kuwait @2024-03"});
}

}  // namespace
}  // namespace geokg
