#pragma once
// The tree coder's work on one parsed sentence (include/geokg/extract/coder.hpp
// says what it does). Not a public header. The methods live by stage:
//   coder_match.cpp  the tree, word and class matching, choosing a trigger per word
//   coder_args.cpp   actors at argument positions
//   coder_modality.cpp  asserted, negated, hypothetical, intended or refused
//   coder_dates.cpp  dates and places
//   coder.cpp        frames and actions, and emitting events
//   coder_statements.cpp  statements, their addressees and the acts they report
//   coder_targets.cpp  targets no argument names (pairs, protests, places)

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/extract/document.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/extract/triggers.hpp"

namespace geokg::coder {

constexpr int kNone = -1;

struct ActorRef {
  int actor = -1;
  bool weak = false;    // through a pronoun or a title
  bool place = false;   // a place after "in"/"at": only a visit's target
  bool demonym_owner = false;  // owns the phrase by a demonym ("a Kuwaiti ship"): no place of the event
};

// A trigger entry that matched at a word, and how.
struct Match {
  const Trigger* trigger = nullptr;
  int token = kNone;
  int words = 0;              // words its constraints matched (the first tie-break)
  int particle_obl = kNone;   // "call on X": the oblique that carries the particle
  int light_verb = kNone;     // nouns: the light verb that passes its subject
  int object = kNone;         // the object that matched `obj`
  // Nouns: the object of a verb that is not one of its light verbs ("Iran
  // condemned the attack"), or not lit though light_required. Such a match
  // codes no event of its own; a frame may still embed it ("threatened
  // sanctions").
  bool unlit = false;
  // Nouns: "Kenya received an apology from Britain": the verb of receiving
  // whose "from" phrase did the act and whose subject underwent it.
  int converse_verb = kNone;
};

// Flags of an event's predicate.
struct Modality {
  bool negated = false;
  bool hypothetical = false;  // conditional, question, speculative modal, unasserted report
  bool intent = false;        // will/would, "plans to", "is ready to": the intent frame
  bool reject = false;        // "refused to", "will not": the reject frame
  // The act has a condition of its own ("would freeze aid if the law is
  // enforced", "threatened to cut aid unless …"): a threat or a conditional
  // promise, which CAMEO codes as asserted; anything else stays hypothetical.
  bool conditioned = false;
  // The intent is others' forecast ("is expected to attack", "is likely to
  // sign"): a meeting or visit so scheduled counts (036), any other act not.
  bool forecast = false;
  // The intent is a decision ("decided to cut aid", "Denmark's decision to
  // freeze contacts"): a measure taken, which against someone is no threat.
  bool decided = false;
};

// What a frame codes.
struct FrameResult {
  bool yields = false;                 // the embedded noun is the frame verb's own event
  std::optional<std::string> code;     // nullopt: no event
  const Match* embedded = nullptr;     // the action (or topic) found in an embed slot
  int requester = kNone;               // the request noun a frame looked through
};

class SentenceCoder {
 public:
  SentenceCoder(const Document& doc, const TriggerLexicon& lex, std::uint32_t sentence,
                std::vector<ExtractedEvent>& out);
  bool run();

 private:
  // ---- the tree (coder_match.cpp) ------------------------------------------
  bool inside(int i) const { return i >= sb_ && i < se_; }
  const Token& tok(int i) const { return doc_.tokens[static_cast<std::size_t>(i)]; }
  int head(int i) const;
  std::uint8_t rel(int i) const { return tok(i).rel; }
  std::uint8_t base(int i) const { return deprel_base(rel(i)); }
  std::uint16_t tag(int i) const { return tok(i).tag; }
  std::string_view low(int i) const { return doc_.token_lower(tok(i)); }
  const std::vector<int>& kids(int i) const { return kids_[static_cast<std::size_t>(i - sb_)]; }
  const std::string& lemma(int i) const;
  bool word_is(int i, std::string_view w) const { return low(i) == w || lemma(i) == w; }
  // Word i, as written or as its lemma, is in the codebook word list `list`.
  bool listed(std::string_view list, int i) const { return lex_.word_in(list, lemma(i)) || lex_.word_in(list, low(i)); }
  bool is_verb(int i) const { return is_verb_tag(tag(i)); }
  bool is_common_noun(int i) const { return tag(i) == kTagNN || tag(i) == kTagNNS; }
  int mention_at(int i) const { return mention_at_[static_cast<std::size_t>(i - sb_)]; }
  bool in_time(int i) const { return in_time_[static_cast<std::size_t>(i - sb_)]; }   // part of a time expression
  std::string_view case_of(int i) const;
  bool has_child_word(int i, std::uint8_t rel, std::initializer_list<std::string_view> words) const;
  bool passive(int v) const;
  bool infinitive_clause(int c) const;   // "pledged on Monday to exchange": an advcl read as xcomp
  bool noun_infinitive(int c) const;
  bool intent_noun_before_infinitive(int p) const;
  bool disclosed_noun(int n) const;
  bool phrase_of(int c, std::string_view prep) const;
  std::vector<int> objects(int i, bool noun) const;
  std::vector<int> obliques(int i, std::string_view prep) const;

  // ---- matching (coder_match.cpp) ------------------------------------------
  int class_match(int token, int cls, int depth = 0) const;
  int phrase_match(int token, const PhraseMember& p) const;
  bool words_before(int n, const std::vector<std::string>& before) const;
  bool find_particle(int v, const std::string& particle, Match& m) const;
  bool lit_by(int n, const Trigger& t, int& verb) const;
  int noun_governor(int n) const;
  std::vector<int> converse_sources(int noun, int verb) const;
  bool converse_ends(const Match& m, std::vector<ActorRef>& src, std::vector<ActorRef>& tgt) const;
  int prep_match(int i, const Trigger& t) const;
  std::optional<Match> try_entry(int i, const Trigger& t) const;
  static bool better(const Match& a, const Match& b);
  std::optional<Match> best_match(int i) const;
  std::optional<Match> best_topic(int i, int frame) const;
  bool adjectival_participle(int i) const;   // "met visiting Secretary Shultz"

  // ---- arguments (coder_args.cpp) ------------------------------------------
  void actors_of(int i, std::vector<ActorRef>& out, int depth = 0) const;
  void speaker_for_pronoun(int i, std::vector<ActorRef>& out, int depth) const;
  // Who made the request a frame looked through (request noun r).
  void requester_actors(const Match& m, int r, std::vector<ActorRef>& out) const;
  void described_actors(int i, std::vector<ActorRef>& out, int depth) const;   // actors_of without a mention
  void states_of(int o, std::vector<ActorRef>& out, bool weak) const;   // the states among actors_of(o)
  bool demonym_owns(int o) const;
  void topic_party(int o, std::vector<ActorRef>& out, int depth) const;
  void belonging_owner(int o, std::vector<ActorRef>& out) const;
  void object_owner_actors(const Match& m, std::vector<ActorRef>& out, bool judged) const;
  // (`statement`: a statement's addressee, where a meeting or a seminar is an
  // audience and its owner no target.)
  void actors_or_owner(int o, std::vector<ActorRef>& out, bool judged = false, bool statement = false) const;
  int capital_as_state(int i, const Mention& mn) const;
  int country_actor(const std::string& c) const;
  bool private_agent(int i) const;
  void listed_before(int first, std::vector<ActorRef>& out) const;
  static void add_actor(std::vector<ActorRef>& out, ActorRef r);
  int subject_token(int v, int depth = 0) const;
  int agent_token(int v) const;
  int adjacent_subject(int v) const;
  int circumstance_verb(int n) const;
  void slot_actors(const Match& m, const Slot& s, std::vector<ActorRef>& out, const FrameResult* frame) const;
  void modifier_actors(const Match& m, std::vector<ActorRef>& out) const;
  void embedded_target_actors(const FrameResult* frame, std::vector<ActorRef>& out) const;
  void first_slot_actors(const Match& m, const std::vector<Slot>& slots, std::vector<ActorRef>& out,
                         const FrameResult* frame = nullptr, const std::vector<ActorRef>* sources = nullptr) const;
  bool own_side(const std::vector<ActorRef>& sources, const ActorRef& t) const;
  bool violent_act_noun(int o) const;
  bool protest_trigger(const Trigger& t) const;
  void clause_subject_actors(const Match& m, std::vector<ActorRef>& out) const;
  void light_verb_recipient(const Match& m, std::vector<ActorRef>& out) const;
  void light_source_actors(const Match& m, std::vector<ActorRef>& out) const;
  int subordinate_clause_of_conjunct(int p) const;
  bool own_body(int a, int t) const;
  bool set_off(int i, int c) const;
  bool part_of_state(int a, int b) const;
  bool reported_by_other(int p, const std::vector<ActorRef>& sources) const;
  int predicate_of(const Match& m) const;
  std::string quote_of_sentence() const;

  // ---- modality (coder_modality.cpp) --------------------------------------
  bool negation_word(int c) const;
  bool speculated(int p) const;   // "will likely sign": an adverb of speculation on p
  Modality modality(int p, bool coded_with_condition = false) const;
  void own_modality(int p, Modality& md) const;
  void inherited_modality(int p, Modality& md) const;
  void time_clause_modality(int p, Modality& md) const;
  void reported_modality(int p, Modality& md) const;
  bool asked_of_object(int p) const;
  bool directs_someone(int v) const;
  void nominal_modality(int i, const Trigger& t, int predicate, Modality& md) const;
  void object_of_refusal(int noun, Modality& md) const;

  // ---- dates and places (coder_dates.cpp) ----------------------------------
  int time_owner(const TimeExpression& te) const;
  int right_edge(int i) const;
  bool event_noun(int n) const;
  // A time of the event (its own phrase) after the article's date: "next week".
  bool future_time(int trigger, int predicate) const;
  std::optional<Date> occasion_date(std::string_view noun) const;
  Date event_date(int trigger, int predicate, bool asserted) const;
  int event_place(int trigger, int predicate, const std::vector<int>& exclude) const;

  // ---- coding (coder.cpp) --------------------------------------------------
  bool sports_context() const;
  bool consumed(int i) const { return consumed_[static_cast<std::size_t>(i - sb_)]; }
  void consume(int i) {
    if (inside(i)) consumed_[static_cast<std::size_t>(i - sb_)] = true;
  }
  const Match* match_at_token(int i) const;
  std::vector<int> embed_candidates(const Match& f, const Slot& s, int& requester) const;
  bool demand_verb(int c) const;
  FrameResult evaluate_frame(const Match& f, int depth, std::vector<int>* embedded_tokens = nullptr) const;
  bool occurrence(const Match& m, bool has_source) const;
  void code_frame(const Match& f);
  void code_action(const Match& m);
  void code_statement(const Match& m);
  bool named_in_sentence(int a) const;   // by more than a bare agent noun
  void claim_as_object(const Match& f);
  void document_issuer(int subj, std::vector<ActorRef>& out) const;
  void author_actors(int o, std::vector<ActorRef>& out) const;
  bool self_claim(const Match& f, const FrameResult& r, const std::vector<ActorRef>& src,
                  std::vector<ActorRef>& tgt) const;
  bool reported_in(int x, int v) const;
  bool verbal_attack(int i, const Trigger& t, const ExtractedActor& source, const ExtractedActor& target) const;
  void condition_target(const Match& m, int predicate, const Modality& md, const std::vector<ActorRef>& src,
                        std::vector<ActorRef>& tgt) const;
  void emit_criticism(const Match& m, const std::vector<ActorRef>& src, const std::vector<ActorRef>& tgt, Modality md);
  bool advisory_warning(const Match& f, const FrameResult& r, const std::vector<ActorRef>& src) const;
  bool conditional_under(int c) const;
  void accusation(ExtractedEvent& ev, const std::vector<ActorRef>& speakers) const;
  std::optional<std::string> mapped(std::string_view frame, const std::string& code) const;
  bool reciprocal(const Match& m) const;
  void pair_up(const Match& m, std::vector<ActorRef>& src, std::vector<ActorRef>& tgt) const;
  void protest_target(const std::string& code, const Match& m, const std::vector<ActorRef>& src,
                      std::vector<ActorRef>& tgt) const;
  int place_in_phrase(int o, const std::vector<ActorRef>& exclude, int depth) const;
  void material_place_target(const std::string& code, const Match& m, const std::vector<ActorRef>& src,
                             std::vector<ActorRef>& tgt) const;
  void responsibility_target(const Match& m, const std::vector<ActorRef>& src, std::vector<ActorRef>& tgt) const;
  void posture_target(const std::string& code, const Match& m, const std::vector<ActorRef>& src,
                      std::vector<ActorRef>& tgt) const;
  void armed_group_truce_target(const std::string& code, const std::vector<ActorRef>& src,
                                std::vector<ActorRef>& tgt) const;
  bool falls_on_place(const Match& m, const Match* embedded) const;
  // `embedded`: the act a frame applies to ("lifted its blockade of Gaza"),
  // whose place target the frame's event keeps.
  void emit(const Match& m, const std::string& code, const std::string& label, const std::vector<ActorRef>& src,
            const std::vector<ActorRef>& tgt, const Modality& md, const Match* embedded = nullptr);

  const Document& doc_;
  const TriggerLexicon& lex_;
  std::uint32_t sidx_;
  std::vector<ExtractedEvent>& out_;
  std::size_t first_event_;
  int sb_ = 0, se_ = 0;
  std::vector<std::vector<int>> kids_;
  mutable std::vector<std::string> lemmas_;
  mutable std::vector<bool> lemma_done_;
  std::vector<int> mention_at_;
  std::vector<bool> in_time_;
  // The entry chosen at each word, decided on first use (a frame that needs
  // an embedded action looks at the words below it first).
  mutable std::vector<std::optional<Match>> chosen_;
  mutable std::vector<std::uint8_t> chosen_state_;   // 0 undecided, 1 deciding, 2 decided
  mutable std::deque<Match> topics_; // topic matches frames found (FrameResult points at them)
  std::vector<bool> consumed_;
  std::vector<int> event_tokens_;    // trigger token of each event appended
  bool sports_ = false;              // the sentence reports a game
  mutable bool decided_ = false;            // a trigger was read and deliberately gave no event
  bool mutual_ = false;   // the frame being emitted is its sources' together ("X and Y pledged to exchange …")
  // An entry was refused for its object's sense ("received a Navy contract"):
  // the word-order patterns must not read the verb in the sense refused.
  mutable bool sense_refused_ = false;
};

// Code groups the coder files share.
// Material conflict and coercion (roots 17-20): CAMEO codes the people of the
// place where an act of force falls when no victim is named as an actor.
inline bool material_code(const std::string& code) {
  return code.size() >= 2 && code.compare(0, 2, "17") >= 0 && code.compare(0, 2, "20") <= 0;
}
// Restrictions a state imposes on its own territory: curfews, states of
// emergency, censorship, bans on gatherings (1721, 1723, 1724), and their
// easing (0811, 0813, 0814): "police lifted the curfew in Srinagar" falls on
// the people of that place as its imposition did.
inline bool domestic_restriction(const std::string& code) {
  return code == "1721" || code == "1723" || code == "1724" || code == "0811" || code == "0813" || code == "0814";
}
// Meetings, endorsements, cooperation, aid, yielding (04-08): the acts CAMEO
// has an announced form of (036, 032, 031, 033, 035).
inline bool cooperative_code(const std::string& code) { return code >= "04" && code < "09"; }
inline bool relative_pronoun(std::string_view w) { return w == "who" || w == "which" || w == "that" || w == "whom"; }
inline bool is_personal_pronoun(std::string_view w) { return w == "it" || w == "they" || w == "he" || w == "she" || w == "we"; }

}  // namespace geokg::coder
