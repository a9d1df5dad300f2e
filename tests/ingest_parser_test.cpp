// The dependency parser: the shipped weights on news sentences (subjects,
// objects, passives, control, obliques with their preposition), well-formed
// trees on any input, load errors, accuracy on EWT test when
// ../shared/treebanks is present, and `geokg parse`.

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/ingest/conllu.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/syntax.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/extract/text.hpp"
#include "test_support.hpp"

namespace geokg {
namespace {

const std::string kData = GEOKG_TEST_DATA_DIR;

// The tagger as the extractor loads it: weights and the WordNet word classes.
const PosTagger& tagger() {
  static const PosTagger tagger = [] {
    Result<PosTagger> t = load_tagger(kData + "/tagger/ptb-perceptron.bin");
    if (!t.ok()) BOOST_FAIL("cannot load the tagger: " << t.status().to_string());
    const Status s = load_word_classes(t.value(), kData + "/lemmas/wordnet-pos.tsv.gz");
    if (!s.ok()) BOOST_FAIL("cannot load the word classes: " << s.to_string());
    return std::move(t.value());
  }();
  return tagger;
}
const DependencyParser& parser() {
  static const Result<DependencyParser> p = load_parser(kData + "/parser/ud-arceager.bin");
  if (!p.ok()) BOOST_FAIL("cannot load the parser: " << p.status().to_string());
  return p.value();
}

// A one-sentence document, tagged and parsed.
struct Parsed {
  std::unique_ptr<Article> article = std::make_unique<Article>();
  Document doc;
  explicit Parsed(const std::string& text) {
    article->text = text;
    doc = prepare_document(*article);
    for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) parse_sentence(doc, s, tagger(), parser());
  }
  int find(std::string_view word) const {
    for (std::size_t i = 0; i < doc.tokens.size(); ++i)
      if (doc.token_text(doc.tokens[i]) == word) return static_cast<int>(i);
    return -1;
  }
  // "rel head" of a word, e.g. "nsubj attacked"; "root" for the root.
  std::string arc(std::string_view word) const {
    const int i = find(word);
    if (i < 0) return "(no word " + std::string(word) + ")";
    const Token& t = doc.tokens[static_cast<std::size_t>(i)];
    if (t.head < 0) return "root";
    return std::string(deprel_name(t.rel)) + " " + std::string(doc.token_text(doc.tokens[static_cast<std::size_t>(t.head)]));
  }
};

bool have_treebanks() {
  return std::filesystem::exists(std::string(GEOKG_TEST_SHARED_DIR) + "/treebanks/en_ewt/en_ewt-ud-test.conllu.gz");
}

BOOST_AUTO_TEST_CASE(relation_names_round_trip) {
  for (std::uint8_t r = 1; r < kDepCount; ++r) BOOST_TEST(deprel_from_name(deprel_name(r)) == r);
  BOOST_TEST(deprel_base(kDepNsubjPass) == kDepNsubj);
  BOOST_TEST(deprel_base(kDepAclRelcl) == kDepAcl);
  BOOST_TEST(deprel_base(kDepObj) == kDepObj);
}

BOOST_AUTO_TEST_CASE(subject_object_and_oblique) {
  Parsed p("Iraqi warplanes attacked Iran on Monday after talks with Syria.");
  BOOST_TEST(p.arc("attacked") == "root");
  BOOST_TEST(p.arc("warplanes") == "nsubj attacked");
  BOOST_TEST(p.arc("Iran") == "obj attacked");
  BOOST_TEST(p.arc("Monday") == "obl attacked");
  BOOST_TEST(p.arc("on") == "case Monday");
  BOOST_TEST(p.arc("talks") == "obl attacked");
  BOOST_TEST(p.arc("Syria") == "nmod talks");
}

BOOST_AUTO_TEST_CASE(passive_with_agent) {
  Parsed p("The tanker was hit by a missile fired from the coast.");
  BOOST_TEST(p.arc("tanker") == "nsubj:pass hit");
  BOOST_TEST(p.arc("was") == "aux:pass hit");
  BOOST_TEST(p.arc("missile") == "obl:agent hit");
}

BOOST_AUTO_TEST_CASE(a_verbless_sentences_participle_is_its_main_verb) {
  Parsed p("Zimbabwean police threatened on Thursday to ban opposition marches in Harare.");
  BOOST_TEST(p.arc("threatened") == "root");
  BOOST_TEST(p.arc("police") == "nsubj threatened");
  // A sentence with a finite verb keeps its reduced relative.
  Parsed q("Journalists held in Syria were freed on Monday.");
  BOOST_TEST(q.arc("freed") == "root");
  BOOST_TEST(q.arc("held") == "acl Journalists");
}

BOOST_AUTO_TEST_CASE(a_report_opens_with_a_noun_not_an_imperative) {
  Parsed p("Aid to Mali was frozen by the European Union on Monday.");
  BOOST_TEST(p.arc("Aid") == "nsubj:pass frozen");
  BOOST_TEST(p.arc("frozen") == "root");
}

BOOST_AUTO_TEST_CASE(a_past_form_between_a_number_and_a_noun_modifies_it) {
  Parsed p("The rebels said they would free two kidnapped police officers next week.");
  BOOST_TEST(p.arc("officers") == "obj free");
  BOOST_TEST(p.arc("kidnapped") == "amod officers");
}

BOOST_AUTO_TEST_CASE(a_closing_attribution_leaves_plans_to_the_verb) {
  Parsed p("Saudi Arabia plans to invest $10 billion in a refinery in Pakistan, the minister said on Sunday.");
  BOOST_TEST(p.arc("plans") == "root");
  BOOST_TEST(p.arc("Arabia") == "nsubj plans");
}

BOOST_AUTO_TEST_CASE(a_preposition_read_as_a_clause_marker_keeps_its_object) {
  Parsed p("Kishida wants to hold a summit with North Korean leader Kim Jong Un.");
  BOOST_TEST(p.arc("with") == "case leader");
  BOOST_TEST(p.arc("leader") == "nmod summit");
  BOOST_TEST(p.arc("Kishida") == "nsubj wants");
}

BOOST_AUTO_TEST_CASE(a_closing_attribution_is_the_speakers_clause) {
  Parsed p("Bolivia is to make a formal offer to buy back its debt from commercial banks at a discount of up to 90 "
           "pct, central bank president Jier Nogales said.");
  BOOST_TEST(p.arc("president") == "nsubj said");
  BOOST_TEST(p.arc("said") == "parataxis make");
  // With its own time after the verb.
  Parsed q("A squad of Colombian mercenaries assassinated Haitian President Jovenel Moise at his home in "
           "Port-au-Prince, Haitian police said on Thursday.");
  BOOST_TEST(q.arc("police") == "nsubj said");
  BOOST_TEST(q.arc("said") == "parataxis assassinated");
}

// A title may hold "of" ("Deputy Minister of Power"); the phrase is still
// the speaker's, and the verb stands beside the sentence.
BOOST_AUTO_TEST_CASE(a_closing_attribution_may_hold_a_title_with_of) {
  Parsed p("Brazil and India are seeking to deepen a partnership in energy, especially by promoting biofuels and "
           "other alternatives to oil, Indian Deputy Minister of Power Arun Kumar said here Wednesday.");
  BOOST_TEST(p.arc("said") == "parataxis seeking");
}

// "The United States put pressure on …": an article is never the root.
BOOST_AUTO_TEST_CASE(an_article_is_never_the_root) {
  Parsed p("The United States put pressure on Pakistan to act against militants.");
  BOOST_TEST(p.arc("put") == "root");
  BOOST_TEST(p.arc("The") == "det States");
}

// "killed in Israeli tank shelling": the gerund after a bare noun heads a
// compound; after an article it stays a participle ("a man carrying").
BOOST_AUTO_TEST_CASE(a_gerund_after_a_bare_noun_heads_a_compound) {
  Parsed p("Four children were killed in Israeli tank shelling in the east of Gaza on Friday.");
  BOOST_TEST(p.arc("shelling") == "obl killed");
  BOOST_TEST(p.arc("tank") == "compound shelling");
  BOOST_TEST(p.arc("Israeli") == "amod shelling");
  Parsed q("Police arrested a man carrying a rifle near the embassy.");
  BOOST_TEST(q.arc("carrying") == "acl man");
}

// "yielded to pressure from": after a verb of yielding, "to" opens a noun
// phrase; "gave in to": "in" is the verb's particle.
BOOST_AUTO_TEST_CASE(yielding_to_pressure_and_giving_in_to) {
  Parsed p("Greece yielded to pressure from its partners on Monday.");
  BOOST_TEST(p.arc("pressure") == "obl yielded");
  BOOST_TEST(p.arc("to") == "case pressure");
  Parsed q("France gave in to pressure from Germany.");
  BOOST_TEST(q.arc("in") == "compound:prt gave");
  BOOST_TEST(q.arc("pressure") == "obl gave");
  Parsed r("The minister moved to pressure the banks.");
  BOOST_TEST(r.arc("pressure") == "xcomp moved");
}

// "visited the White House Monday": a bare weekday after a name hangs on
// the verb; the name heads its phrase.
BOOST_AUTO_TEST_CASE(a_bare_weekday_after_a_name_dates_the_verb) {
  Parsed p("Ahern visited the White House Monday.");
  BOOST_TEST(p.arc("House") == "obj visited");
  BOOST_TEST(p.arc("Monday") == "obl:unmarked visited");
  BOOST_TEST(p.arc("the") == "det House");
}

// "John Kerry, the Secretary of State, contacted ...": with no finite verb,
// a participle after a closed apposition is the main verb.
BOOST_AUTO_TEST_CASE(a_participle_after_an_apposition_is_the_main_verb) {
  Parsed p("John Kerry, the Secretary of State, contacted Thailand's foreign minister.");
  BOOST_TEST(p.arc("contacted") == "root");
  BOOST_TEST(p.arc("John") == "nsubj contacted");
  Parsed q("Two rounds of talks between Reagan and Nakasone, scheduled for Thursday, come at a bad time.");
  BOOST_TEST(q.arc("scheduled") != "root");
}

// "reform of the United Nations, the World Bank and the IMF": names join
// the name of the "of" phrase, not the verb or the common noun.
BOOST_AUTO_TEST_CASE(names_coordinate_with_the_name_before_them) {
  Parsed p("India called for reform of the United Nations and the IMF.");
  BOOST_TEST(p.arc("IMF") == "conj Nations");
  Parsed q("Indian Finance Minister P Chidambaram also called for reform of the United Nations, the World Bank and the IMF.");
  BOOST_TEST(q.arc("called") == "root");
  BOOST_TEST(q.arc("Bank") == "conj Nations");
  BOOST_TEST(q.arc("IMF") == "conj Nations");
  // A list item after a comma hung on the verb as a bare oblique; a verb
  // after a pronoun subject read as a participle.
  Parsed r("He also called for reform of the United Nations, the World Bank and the IMF.");
  BOOST_TEST(r.arc("called") == "root");
  BOOST_TEST(r.arc("Bank") == "conj Nations");
}

// "received less than other EU states" compares; "received more than 100
// delegates" counts them.
BOOST_AUTO_TEST_CASE(a_comparison_is_no_object) {
  Parsed p("Britain contributed more and received less than other EU states.");
  BOOST_TEST(p.arc("less") == "obj received");
  BOOST_TEST(p.arc("states") == "obl less");
  Parsed q("The president received more than 100 delegates.");
  BOOST_TEST(q.arc("delegates") == "obj received");
}

BOOST_AUTO_TEST_CASE(a_subject_before_a_time_phrase_stays_the_subject) {
  // The model alone made "Russia" the root and "denied" its parataxis, and
  // "rejected" an apposition of "Korea".
  Parsed p("Russia on Thursday denied any involvement in the attacks.");
  BOOST_TEST(p.arc("denied") == "root");
  BOOST_TEST(p.arc("Russia") == "nsubj denied");
  BOOST_TEST(p.arc("Thursday") == "obl denied");
  BOOST_TEST(p.arc("involvement") == "obj denied");
  BOOST_TEST(p.arc(".") == "punct denied");
  Parsed q("North Korea on Monday rejected the latest overtures from Seoul, dismissing the proposals as meaningless.");
  BOOST_TEST(q.arc("rejected") == "root");
  BOOST_TEST(q.arc("Korea") == "nsubj rejected");
  BOOST_TEST(q.arc("overtures") == "obj rejected");
  // A finite verb with a subject of its own is left where the model put it.
  Parsed r("The deal, officials said, was signed in Cairo on Monday.");
  BOOST_TEST(r.arc("officials") == "nsubj said");
  // The model made "assistance" the root and "was suspended" its acl: a
  // participle with a finite auxiliary heads the clause, the noun its
  // passive subject.
  Parsed s("Military assistance to Mali was suspended by France on Thursday.");
  BOOST_TEST(s.arc("suspended") == "root");
  BOOST_TEST(s.arc("assistance") == "nsubj:pass suspended");
  BOOST_TEST(s.arc("France") == "obl:agent suspended");
}

BOOST_AUTO_TEST_CASE(a_fronted_phrase_leaves_the_verb_one_subject) {
  // The model hung "with" on "urged" and made both names in the phrase its
  // subjects, beside "group".
  Parsed p("In separate talks with Finance Minister Kiichi Miyazawa, the U.S. group urged Japan to open its markets.");
  BOOST_TEST(p.arc("group") == "nsubj urged");
  BOOST_TEST(p.arc("Kiichi").rfind("nsubj", 0) != 0);
  BOOST_TEST(p.arc("Finance").rfind("nsubj", 0) != 0);
}

BOOST_AUTO_TEST_CASE(an_object_before_a_subjectless_finite_clause_is_its_subject) {
  // The model made "leaders" what was acknowledged and left "middle" (the
  // clause "were in the middle") without a subject.
  Parsed p("Sharon acknowledged Palestinian leaders were in the middle of an election campaign.");
  BOOST_TEST(p.arc("leaders") == "nsubj middle");
  // An object with a clause of its own subject keeps its role.
  Parsed q("Shultz told reporters the talks had failed.");
  BOOST_TEST(q.arc("reporters").rfind("nsubj", 0) != 0);
}

BOOST_AUTO_TEST_CASE(plans_to_after_a_noun_is_the_finite_verb) {
  Parsed p("Italy's government plans to give Libya $25 million in aid.");
  BOOST_TEST(p.arc("plans") == "root");
  BOOST_TEST(p.arc("government") == "nsubj plans");
  // As a verb's object it stays the noun.
  Parsed r("Reagan announced last week plans to impose tariffs.");
  BOOST_TEST(r.arc("announced") == "root");
  BOOST_TEST(r.arc("plans") != "root");
}

BOOST_AUTO_TEST_CASE(object_control_and_infinitive) {
  Parsed p("The United States urged Iran to release the sailors.");
  BOOST_TEST(p.arc("Iran") == "obj urged");
  BOOST_TEST(p.arc("release") == "xcomp urged");
  BOOST_TEST(p.arc("sailors") == "obj release");
}

BOOST_AUTO_TEST_CASE(reported_speech_and_phrasal_verb) {
  Parsed p("Iraq said its forces beat back an attack near Basra.");
  BOOST_TEST(p.arc("beat") == "ccomp said");
  BOOST_TEST(p.arc("forces") == "nsubj beat");
  // EWT marks such particles compound:prt or advmod; either reaches the verb.
  BOOST_TEST((p.arc("back") == "compound:prt beat" || p.arc("back") == "advmod beat"), p.arc("back"));
}

BOOST_AUTO_TEST_CASE(contractions_and_hyphens_map_back_to_our_tokens) {
  // "don't" is parsed as do|n't and "Iran-backed" as Iran|-|backed; the
  // tokens take the head and relation of the piece that stands for them.
  Parsed p("Officials don't trust the Iran-backed militias.");
  BOOST_TEST(p.arc("don't") == "aux trust");
  BOOST_TEST(p.arc("Iran-backed") == "amod militias");
  BOOST_TEST(p.arc("militias") == "obj trust");
}

BOOST_AUTO_TEST_CASE(every_input_gives_one_tree) {
  // Random word salads, long and short: one root, heads in range, no cycles.
  std::mt19937 rng(7);
  const std::vector<std::string> vocab = {"the", "Iran", "said", "talks", ",", "of", "and", "to", "attacked",
                                          "(", ")", "\"", "will", "not", "Britain", "in", "2024", "--", "?"};
  for (int round = 0; round < 200; ++round) {
    const std::size_t n = 1 + rng() % 60;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < n; ++i) words.push_back(vocab[rng() % vocab.size()]);
    std::vector<std::string_view> views(words.begin(), words.end());
    std::vector<std::uint16_t> tags(n);
    tagger().tag_words(views, tags);
    ParsedWords out;
    parser().parse_words(views, tags, out);
    BOOST_REQUIRE(out.heads.size() == n);
    int roots = 0;
    for (std::size_t i = 0; i < n; ++i) {
      BOOST_TEST((out.heads[i] >= 0 && out.heads[i] <= static_cast<int>(n)));
      BOOST_TEST(out.heads[i] != static_cast<int>(i + 1));
      roots += out.heads[i] == 0;
      int a = static_cast<int>(i + 1), steps = 0;
      while (a != 0 && steps++ <= static_cast<int>(n)) a = out.heads[static_cast<std::size_t>(a - 1)];
      BOOST_TEST(a == 0, "cycle through word " << i + 1);
    }
    BOOST_TEST(roots == 1);
  }
}

BOOST_AUTO_TEST_CASE(load_errors_name_the_file) {
  test::TempDir dir;
  auto missing = load_parser((dir / "none.bin").string());
  BOOST_TEST(!missing.ok());
  BOOST_TEST((missing.status().code() == Status::Code::kNotFound));
  // A damaged copy: one byte flipped in the middle fails the checksum.
  std::ifstream in(kData + "/parser/ud-arceager.bin", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bytes[bytes.size() / 2] ^= 0x40;
  test::write_file(dir / "bad.bin", bytes);
  auto bad = load_parser((dir / "bad.bin").string());
  BOOST_REQUIRE(!bad.ok());
  BOOST_TEST((bad.status().code() == Status::Code::kCorruption));
  BOOST_TEST(bad.status().message().find("bad.bin") != std::string::npos);
  test::write_file(dir / "short.bin", bytes.substr(0, 20));
  BOOST_TEST((load_parser((dir / "short.bin").string()).status().code() == Status::Code::kCorruption));
}

// Accuracy on EWT test with gold tokenisation and the shipped tagger's tags
// (data/parser/README.md). The floors sit just under the shipped figures.
BOOST_AUTO_TEST_CASE(ewt_test_accuracy, *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
  return boost::unit_test::assertion_result(have_treebanks());
})) {
  gzFile f = gzopen((std::string(GEOKG_TEST_SHARED_DIR) + "/treebanks/en_ewt/en_ewt-ud-test.conllu.gz").c_str(), "rb");
  BOOST_REQUIRE(f);
  std::string text;
  char buf[1 << 16];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  std::istringstream in(text);
  std::size_t words = 0, uas = 0, las = 0;
  Status s = read_conllu(in, "en_ewt-ud-test.conllu", [&](ConlluSentence&& sent) {
    std::vector<std::string> forms;
    for (const auto& form : sent.forms) forms.push_back(normalise_treebank_form(form));
    std::vector<std::string_view> views(forms.begin(), forms.end());
    std::vector<std::uint16_t> tags(views.size());
    tagger().tag_words(views, tags);
    ParsedWords out;
    parser().parse_words(views, tags, out);
    for (std::size_t i = 0; i < sent.word_lines.size(); ++i) {
      std::vector<std::string> cols;
      std::istringstream line(sent.lines[sent.word_lines[i]]);
      for (std::string c; std::getline(line, c, '\t');) cols.push_back(c);
      const bool head_ok = std::to_string(out.heads[i]) == cols[6];
      ++words;
      uas += head_ok;
      las += head_ok && deprel_base(out.rels[i]) == deprel_base(deprel_from_name(cols[7]));
    }
    return true;
  });
  BOOST_REQUIRE(s.ok());
  const double u = 100.0 * static_cast<double>(uas) / static_cast<double>(words);
  const double l = 100.0 * static_cast<double>(las) / static_cast<double>(words);
  BOOST_TEST_MESSAGE("EWT test: " << words << " words, UAS " << u << ", LAS " << l);
  BOOST_TEST(words == 25094u);
  BOOST_TEST(u >= 85.0);
  BOOST_TEST(l >= 81.0);
}

BOOST_AUTO_TEST_CASE(cli_parse_writes_conllu) {
  test::TempDir dir;
  test::write_file(dir / "in.conllu",
                   "# sent_id = a\n# text = Iran didn't attack Iraq.\n"
                   "1\tIran\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   "2\tdid\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   "4\tattack\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   "5\tIraq\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   "6\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  auto r = test::run_cli("parse --conllu '" + (dir / "in.conllu").string() + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("# sent_id = a\n") == 0u);
  BOOST_TEST(r.out.find("2-3\tdidn't\t") != std::string::npos);   // ranges kept in place
  BOOST_TEST(r.out.find("1\tIran\t_\tPROPN\tNNP\t_\t4\tnsubj\t") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("3\tn't\t_\tPART\tRB\tPolarity=Neg\t4\tadvmod\t") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("5\tIraq\t_\tPROPN\tNNP\t_\t4\tobj\t") != std::string::npos, r.out);

  test::write_file(dir / "bad.conllu", "1\tIran\t_\n");
  auto bad = test::run_cli("parse --conllu '" + (dir / "bad.conllu").string() + "'");
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err.find("bad.conllu:1:") != std::string::npos, bad.err);

  test::write_file(dir / "a.txt", "Title: T\n\nJapan protested to China. Beijing rejected it.\n");
  auto text = test::run_cli("parse '" + (dir / "a.txt").string() + "'");
  BOOST_REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  BOOST_TEST(text.out.find("# text = Japan protested to China.") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("1\tBeijing\t") != std::string::npos, text.out);
  BOOST_TEST(test::run_cli("parse").exit_code == 1);
}

}  // namespace
}  // namespace geokg
