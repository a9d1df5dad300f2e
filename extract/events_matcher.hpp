// The flat matcher of find_events (events.hpp), private to the ingest
// module. Its stages live in events_subject.cpp (the subject left of a
// verb), events_target.cpp (the object after it), events_clause.cpp
// (modality, dates, places, quotes) and events.cpp (emission, the
// patterns, find_events).
//
// Event detection without a parser: lexicon patterns are looked up by token
// (hash map from the lowercased word to the patterns it heads), then a light
// clause analysis over token flags and actor mentions finds the arguments:
//   subject  — the nearest usable mention left of the verb, skipping
//              auxiliaries, parentheticals (", left,", ", who ...,"),
//              prepositional objects and modifiers; "X and Y" coordination;
//              relative pronouns ("Xi, who reiterated") take the antecedent;
//              "... and said" reuses the previous verb's subject.
//   target   — the first mention after the phrase that stands after one of
//              the pattern's markers (kObjectMarker, a preposition, "that").
//   passive  — a be-form before a participle: the "by" agent is the source.
//   nominal  — "Pelosi's visit to Taiwan", "the U.S. downing of",
//              "the summit between Biden and Xi", "talks with Wang".
// Negation and modality come from the auxiliary chain ("did not", "would",
// infinitive "to"), conditionals in the clause ("if", "whether") and hedging
// modifiers of nominal events ("upcoming talks").

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "event_lexicon_impl.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/tagger.hpp"

namespace geokg::flat {

inline constexpr int kMaxSubjectScan = 40;
inline constexpr int kMaxTargetScan = 20;
inline constexpr int kMaxNominalTargetScan = 10;

struct Args {
  std::vector<int> actors;   // actor indices
  bool weak = false;         // resolved through a pronoun, title, possessive or adjective
  bool found = false;
};

class SentenceMatcher {
 public:
  using Info = EventLexicon::Impl::WordInfo;
  SentenceMatcher(const Document& doc, const EventLexicon::Impl& lex, const std::vector<int>& starts,
                  const std::vector<int>& ends, const std::vector<const Info*>& info, std::vector<ExtractedEvent>& out)
      : doc_(doc), lex_(lex), starts_(starts), ends_(ends), info_(info), out_(out) {}

  void run(std::uint32_t sentence_index) {
    const Sentence& s = doc_.sentences[sentence_index];
    sidx_ = sentence_index;
    sb_ = static_cast<int>(s.token_begin);
    se_ = static_cast<int>(s.token_end);
    last_subject_.clear();
    consumed_until_ = sb_;
    for (int i = sb_; i < se_; ++i)
      if (const auto* h = heads(i)) match_at(i, *h);
  }

 private:
  // ---- tokens -------------------------------------------------------------
  std::string_view w(int i) const { return doc_.token_lower(doc_.tokens[static_cast<std::size_t>(i)]); }
  std::uint16_t flags(int i) const { return doc_.tokens[static_cast<std::size_t>(i)].flags; }
  // Penn tag of token i (kTagNone when no tagger ran or i is outside the sentence).
  std::uint16_t tag(int i) const {
    return i >= sb_ && i < se_ ? doc_.tokens[static_cast<std::size_t>(i)].tag : std::uint16_t{kTagNone};
  }
  bool common_noun(int i) const { return tag(i) == kTagNN || tag(i) == kTagNNS; }
  bool is(int i, std::string_view word) const { return i >= sb_ && i < se_ && w(i) == word; }
  // Whether token i is in the closed-class list `bit` (EventWordBit): one
  // table lookup per token, done once per document in find_events.
  bool in(std::uint16_t bit, int i) const {
    return i >= sb_ && i < se_ && info_[static_cast<std::size_t>(i)] && (info_[static_cast<std::size_t>(i)]->lists & bit);
  }
  const std::vector<std::uint32_t>* heads(int i) const {
    return i >= sb_ && i < se_ && info_[static_cast<std::size_t>(i)] ? info_[static_cast<std::size_t>(i)]->heads : nullptr;
  }
  bool punct(int i) const { return (flags(i) & kTokPunct) != 0 && (flags(i) & kTokPossessive) == 0; }
  const Mention* mention_starting(int i) const {
    return i >= sb_ && i < se_ && starts_[static_cast<std::size_t>(i)] >= 0
               ? &doc_.mentions[static_cast<std::size_t>(starts_[static_cast<std::size_t>(i)])] : nullptr;
  }
  const Mention* mention_ending(int i) const {
    return i >= sb_ && i < se_ && ends_[static_cast<std::size_t>(i)] >= 0
               ? &doc_.mentions[static_cast<std::size_t>(ends_[static_cast<std::size_t>(i)])] : nullptr;
  }
  const ExtractedActor* actor(int a) const {
    return a >= 0 && static_cast<std::size_t>(a) < doc_.actors.size() ? &doc_.actors[static_cast<std::size_t>(a)] : nullptr;
  }

  // Matches `words` (space-separated) contiguously from token i; returns the
  // end token or -1.
  int match_words(int i, std::string_view words) const {
    while (!words.empty()) {
      std::size_t sp = words.find(' ');
      std::string_view one = words.substr(0, sp);
      if (i >= se_ || w(i) != one) return -1;
      ++i;
      if (sp == std::string_view::npos) break;
      words.remove_prefix(sp + 1);
    }
    return i;
  }

  // End token of the whole pattern phrase starting at head i, or -1.
  int match_phrase(int i, const EventPattern& p) const {
    int end = -1;
    for (const auto& form : p.then.front()) end = std::max(end, match_words(i, form));
    if (end < 0) return -1;
    for (std::size_t step = 1; step < p.then.size(); ++step) {
      int found = -1;
      for (int k = end; k < se_ && k <= end + p.gap && found < 0; ++k) {
        if (punct(k) && !is(k, "-")) break;
        for (const auto& alt : p.then[step]) {
          int e = match_words(k, alt);
          if (e > 0) { found = e; break; }
        }
      }
      if (found < 0) return -1;
      end = found;
    }
    return end;
  }

  // A noun reading: after a determiner, possessive or preposition, or within
  // a short modifier run after one ("the November summit", "their first talks").
  bool noun_context(int i) const {
    for (int k = i - 1, hops = 0; k >= sb_ && hops < 3; --k, ++hops) {
      if ((flags(k) & kTokPossessive) != 0) return true;
      if (const Mention* m = mention_ending(k)) {
        // "Pelosi's visit", "the Chinese balloon", "the U.S. downing"
        return possessive(*m) || m->form == MentionForm::kAdjective ||
               in(kEwDeterminers, static_cast<int>(m->token_begin) - 1);
      }
      if (in(kEwDeterminers, k) || in(kEwPrepositions, k)) return true;
      if (punct(k) && !is(k, "-")) return false;
      if (in(kEwAuxiliaries, k) || in(kEwModal, k) || is(k, "to") || mention_ending(k)) return false;
    }
    return false;
  }

  bool agent_head_follows(const Mention& m) const {
    for (int k = static_cast<int>(m.token_end); k < se_ && k < static_cast<int>(m.token_end) + 3; ++k) {
      // "Chinese officials" acts for China; "Chinese President Xi" is a title before a name.
      if (in(kEwAgentHeads, k)) return !mention_starting(k + 1);
      if (punct(k) || mention_starting(k)) return false;
    }
    return false;
  }

  // Actors a mention stands for as an event argument (empty when it cannot be one).
  void mention_actors(const Mention& m, std::vector<int>& out) const {
    if (m.actor < 0) return;
    out.push_back(m.actor);
    if (m.form == MentionForm::kGroupRef && m.actor2 >= 0) out.push_back(m.actor2);
  }
  // "his counterpart", "their talks": possessive determiners are possessors.
  bool possessive(const Mention& m) const {
    if (m.possessive) return true;
    if (m.form != MentionForm::kPronoun || m.token_end != m.token_begin + 1) return false;
    const std::string_view t = w(static_cast<int>(m.token_begin));
    return t == "his" || t == "her" || t == "its" || t == "their" || t == "our" || t == "my" || t == "your";
  }
  static bool weak_form(const Mention& m) {
    return m.form == MentionForm::kPronoun || m.form == MentionForm::kTitle || m.form == MentionForm::kGroupRef;
  }
  bool after_preposition(const Mention& m) const {
    const int k = static_cast<int>(m.token_begin) - 1;
    // "Thousands of Egyptian protesters", "two of Bacar's supporters": "of"
    // after a quantity is part of the noun phrase, not a prepositional object.
    if (is(k, "of") && k - 1 >= sb_ &&
        (tag(k - 1) == kTagCD || (flags(k - 1) & kTokNumber) != 0 || is(k - 1, "thousands") ||
         is(k - 1, "hundreds") || is(k - 1, "dozens") || is(k - 1, "scores") || is(k - 1, "millions")))
      return false;
    return in(kEwPrepositions, k) || ((flags(std::max(k, 0)) & kTokPossessive) == 0 && is(k, "than"));
  }

  // ---- subject ------------------------------------------------------------
  void add_coordinated_left(const Mention& m, Args& a) const;

  Args find_subject(int from, bool trigger_in_quote) const;

  // When j closes a short quoted phrase (at most 8 words, no sentence end,
  // no comma before its closing mark, words outside it on both sides): its
  // opening mark; else -1.
  int scare_quote_open(int j) const;

  // Whether nothing between verb v and noun i opens another verb phrase
  // ("said another issue he would raise during a visit": "would" does).
  bool same_verb_phrase(int v, int i) const;

  // Whether "between" follows the nominal event at i within its phrase (up to `end` and a few words after).
  bool between_phrase(int i, int end) const;

  // "during a visit", "from his trip", "on a state visit": a temporal
  // preposition and a determiner (and at most one modifier) before noun i.
  bool agent_phrase_opener(int i) const;

  // The mention that opens the sentence ("Levy", "The U.S."), when it is a
  // usable subject and nothing before `limit` closes its clause.
  Args opening_subject(int limit) const;

  // ", killing two Hamas members": a present participle after a comma
  // shares the subject of the finite verb of the clause before it.
  Args participle_clause_subject(int i, bool in_quote) const;

  // "In a telephone conversation with Sarkozy on Sunday, Medvedev ...": a
  // fronted phrase's participant is the subject after its closing comma.
  Args subject_after_fronted_phrase(int i, int from) const;

  // The speaker after the verb: ', said Blinken', 'said U.S. Secretary of State Antony Blinken'.
  Args find_inverted_subject(int from) const;

  // ---- target -------------------------------------------------------------
  static bool accepts(const EventPattern& p, std::string_view marker);

  // "China's minister of public security, Wang Xiaohong", "his Chinese
  // counterpart Dong Jun": a possessive followed by a person names the person.
  const Mention* person_after_possessive(const Mention& m) const;

  // "U.S. Secretary of State Antony Blinken": a state before a capitalised
  // title and a person names the person.
  const Mention* title_then_person(const Mention& m) const;

  // Whether the word before "of" at j heads the object noun phrase that
  // started at `from`. With the tagger: a common noun. Without it: a plain
  // lowercase word, not closed-class, right after the verb ("invaded part of")
  // or after a determiner, possessive or number ("a part of", "its share of").
  bool object_noun_before_of(int from, int j) const;

  // A lowercase word that is no function word: a candidate noun or modifier.
  bool plain_word(int k) const;

  // "the commitments made by X", "the raid carried out by X": a participle
  // (with an optional "out"/"up") right before "by" at j, after an object
  // noun that starts at or after `from`.
  bool participle_modifies_object(int from, int j) const;

  struct TargetScan {
    Args args;
    const Mention* mention = nullptr;  // the mention that named the target
    int end = -1;           // token after the target phrase
    bool adjective = false;  // only a modifier named the target ("a Chinese balloon")
  };

  TargetScan find_target(int from, const EventPattern& p, const std::vector<std::string>& markers_override,
                         int limit) const;

  // Where the sentence was parsed, the tree knows what word order cannot: a
  // name after the verb that heads the subject of a clause of its own is no
  // object ("recognised Germany's fiscal policy was on the right track",
  // "Iraq attacked, Iran said").
  bool clause_subject(const Mention& m) const;

  // A verb after the object's noun opens a clause of its own: "released a
  // comprehensive report finding U.S. national security could be jeopardized",
  // "signed contracts totaling 10 mln dlrs with Peru".
  bool verb_opens_clause(int j) const;

  // The first actor mention in [b, e) that can be an object: not a place, a
  // possessor ("its warning") or a bare modifier.
  Args object_inside_phrase(int b, int e) const;

  // ---- modality -----------------------------------------------------------
  struct Modality {
    bool negated = false;
    bool hypothetical = false;
    bool be = false;          // a be-form in the auxiliary chain (passive)
    int chain_start = 0;      // first token of the auxiliary chain
  };

  Modality verb_modality(int i) const;

  void conditional_context(int i, Modality& md) const;

  // ---- dates and places ---------------------------------------------------
  std::pair<int, int> clause_span(int i) const;

  // An asserted event has happened by the time of writing: a time after the
  // article's date ("acquired the rights effective July 1, 1988" in a 1987
  // story, "said it would reach profit by 1991") belongs to something else
  // in the sentence, so it cannot date the event.
  bool after_anchor(const Date& d) const;

  Date event_date(int trigger, bool nominal, bool asserted) const;

  int event_place(int trigger, const std::vector<int>& exclude) const;

  std::string quote_of_sentence() const;

  Args quote_topic(int speaker_actor) const;

  // ---- emission -----------------------------------------------------------
  // Whether actor a is an unnamed body of state b ("Japanese government",
  // Japan); rebels or protesters of a state are not its body.
  bool body_of(int a, int b) const;

  bool same_country(int a, int b) const;

  void emit(const EventPattern& p, int trigger, const Args& src, const Args& tgt, const Modality& md,
            float confidence, std::string quote);

  // Pairs of a symmetric event without an object: "X and Y met", "the two countries agreed".
  static void pair_up(Args& src, Args& tgt);

  // ---- patterns -----------------------------------------------------------
  void match_at(int i, const std::vector<std::uint32_t>& candidates);

  void verbal_event(const EventPattern& p, int i, int end);

  void nominal_event(const EventPattern& p, int i, int end);

  const Document& doc_;
  const EventLexicon::Impl& lex_;
  const std::vector<int>& starts_;
  const std::vector<int>& ends_;
  const std::vector<const Info*>& info_;  // per token: its word_info entry or null
  std::vector<ExtractedEvent>& out_;
  std::size_t first_event_ = 0;
  std::uint32_t sidx_ = 0;
  int sb_ = 0, se_ = 0;
  int consumed_until_ = 0;
  std::vector<int> last_subject_;
  bool last_subject_weak_ = false;
  Modality last_modality_;  // of the verb that set last_subject_
  int last_verb_ = -1;       // its token

 public:
  void set_first_event(std::size_t n) { first_event_ = n; }
};


}  // namespace geokg::flat
