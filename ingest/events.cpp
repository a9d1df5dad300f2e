#include "geokg/ingest/events.hpp"

// Event detection without a parser: lexicon patterns are looked up by token
// (hash map from the lowercased word to the patterns it heads), then a light
// clause analysis over token flags and actor mentions finds the arguments:
//   subject  — the nearest usable mention left of the verb, skipping
//              auxiliaries, parentheticals (", left,", ", who ...,"),
//              prepositional objects and modifiers; "X and Y" coordination;
//              relative pronouns ("Xi, who reiterated") take the antecedent;
//              "... and said" reuses the previous verb's subject.
//   target   — the first mention after the phrase that stands after one of
//              the pattern's markers ("obj", a preposition, "that").
//   passive  — a be-form before a participle: the "by" agent is the source.
//   nominal  — "Pelosi's visit to Taiwan", "the U.S. downing of",
//              "the summit between Biden and Xi", "talks with Wang".
// Negation and modality come from the auxiliary chain ("did not", "would",
// infinitive "to"), conditionals in the clause ("if", "whether") and hedging
// modifiers of nominal events ("upcoming talks").

#include <algorithm>
#include <string>
#include <string_view>

#include "event_lexicon_impl.hpp"
#include "geokg/ingest/tagger.hpp"

namespace geokg {

namespace {

constexpr int kMaxSubjectScan = 40;
constexpr int kMaxTargetScan = 20;
constexpr int kMaxNominalTargetScan = 10;

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
  void add_coordinated_left(const Mention& m, Args& a) const {
    // "Blinken and Wang", "X, Y and Z"
    // A comma joins a list only after an "and" closed it ("X, Y and Z");
    // "After Israel, the president visits" is no coordination.
    int k = static_cast<int>(m.token_begin) - 1;
    bool list = false;
    while (k > sb_ && (is(k, "and") || (list && is(k, ",")))) {
      list = true;
      // "Libya, France, and the United States": the serial comma before "and".
      if (is(k, "and") && is(k - 1, ",") && k - 1 > sb_ && mention_ending(k - 2)) --k;
      const Mention* prev = mention_ending(k - 1);
      // Adjectives coordinate only with adjectives: "US and British activists".
      const bool adjectives = m.form == MentionForm::kAdjective;
      if (!prev || prev->as_location || possessive(*prev) ||
          (prev->form == MentionForm::kAdjective && !adjectives) || after_preposition(*prev))
        break;
      mention_actors(*prev, a.actors);
      a.weak = a.weak || weak_form(*prev);
      k = static_cast<int>(prev->token_begin) - 1;
    }
  }

  Args find_subject(int from, bool trigger_in_quote) const {
    Args a;
    const Mention* fallback = nullptr;
    bool content = false;
    int steps = 0;
    for (int j = from - 1; j >= sb_ && steps < kMaxSubjectScan; --j, ++steps) {
      const std::uint16_t f = flags(j);
      if (!trigger_in_quote && (f & (kTokQuote | kTokInQuote)) != 0) {
        // 'saw reason for "very guarded optimism" and praised': a short quoted
        // phrase inside the clause is part of it, not a quotation.
        const int open = scare_quote_open(j);
        if (open < 0) break;
        j = open;
        content = true;
        continue;
      }
      if (const Mention* m = mention_ending(j)) {
        j = static_cast<int>(m->token_begin);
        if (m->actor < 0 || m->as_location || after_preposition(*m)) { content = true; continue; }
        if (m->form == MentionForm::kAdjective && !agent_head_follows(*m)) { content = true; continue; }
        if (possessive(*m)) {
          if (!fallback) fallback = m;
          content = true;
          continue;
        }
        mention_actors(*m, a.actors);
        a.weak = weak_form(*m) || m->form == MentionForm::kAdjective;
        add_coordinated_left(*m, a);
        a.found = true;
        return a;
      }
      const std::string_view t = w(j);
      if ((t == "who" || t == "which" || t == "that") && !content) {
        // Relative clause: the antecedent stands right before ("Xi, who said").
        int k = j - 1;
        if (is(k, ",")) --k;
        if (const Mention* m = mention_ending(k); m && m->actor >= 0 && !m->as_location) {
          mention_actors(*m, a.actors);
          a.weak = weak_form(*m);
          a.found = true;
        }
        return a;
      }
      if (t == ",") {
        if (content) break;
        // A closing comma right before the verb ends a parenthetical or an
        // apposition: continue before its opening comma.
        int k = j - 1;
        while (k >= sb_ && !is(k, ",") && !in(kEwClauseStops, k)) --k;
        if (!is(k, ",")) break;
        j = k;
        continue;
      }
      if ((t == "and" || t == "but" || t == "or") && !content) {
        // "X met Y on Friday and said ...": the previous verb's subject.
        if (!last_subject_.empty()) {
          a.actors = last_subject_;
          a.weak = last_subject_weak_;
          a.found = true;
          return a;
        }
        // "Levy saw reason for optimism and praised ...": the first verb
        // coded nothing; the sentence's opening subject is the subject.
        return opening_subject(j);
      }
      if (t == "and" || t == "or") { content = true; continue; }
      if (in(kEwClauseStops, j)) break;
      if (!in(kEwAuxiliaries, j) && !in(kEwNegation, j) && !in(kEwModal, j)) content = true;
    }
    if (fallback && fallback->actor >= 0) {
      mention_actors(*fallback, a.actors);
      a.weak = true;
      a.found = true;
    }
    return a;
  }

  // When j closes a short quoted phrase (at most 8 words, no sentence end,
  // no comma before its closing mark, words outside it on both sides): its
  // opening mark; else -1.
  int scare_quote_open(int j) const {
    if ((flags(j) & kTokQuote) == 0 || j + 1 >= se_ || is(j - 1, ",")) return -1;
    for (int k = j - 1; k > sb_ && k >= j - 9; --k) {
      if ((flags(k) & kTokQuote) != 0) return k - 1 >= sb_ && (flags(k - 1) & kTokInQuote) == 0 ? k : -1;
      if (is(k, ".") || is(k, "?") || is(k, "!")) return -1;
    }
    return -1;
  }

  // Whether nothing between verb v and noun i opens another verb phrase
  // ("said another issue he would raise during a visit": "would" does).
  bool same_verb_phrase(int v, int i) const {
    if (v < sb_ || v >= i) return false;
    for (int k = v + 1; k < i; ++k)
      if (in(kEwModal, k) || in(kEwNegation, k) || in(kEwClauseStops, k) || is(k, "to") || is(k, ",") ||
          (flags(k) & kTokQuote) != 0 || in(kEwAuxiliaries, k) || heads(k))
        return false;
    return true;
  }

  // Whether "between" follows the nominal event at i within its phrase (up to `end` and a few words after).
  bool between_phrase(int i, int end) const {
    for (int k = i + 1; k < se_ && k <= end + 4; ++k) {
      if (is(k, "between")) return true;
      if (punct(k) || in(kEwClauseStops, k)) return false;
    }
    return false;
  }

  // "during a visit", "from his trip", "on a state visit": a temporal
  // preposition and a determiner (and at most one modifier) before noun i.
  bool agent_phrase_opener(int i) const {
    int k = i - 1;
    if (k >= sb_ && !in(kEwDeterminers, k) && !mention_ending(k) && !punct(k)) --k;  // "state", "two-day"
    if (!in(kEwDeterminers, k) || mention_ending(k)) return false;
    const std::string_view prep = w(k - 1 >= sb_ ? k - 1 : k);
    return k - 1 >= sb_ && (prep == "during" || prep == "on" || prep == "from" || prep == "after" ||
                            prep == "following" || prep == "in");
  }

  // The mention that opens the sentence ("Levy", "The U.S."), when it is a
  // usable subject and nothing before `limit` closes its clause.
  Args opening_subject(int limit) const {
    Args a;
    int k = sb_;
    if (in(kEwDeterminers, k) && !mention_ending(k)) ++k;
    const Mention* m = mention_starting(k);
    if (!m || m->actor < 0 || m->as_location || possessive(*m) || m->form == MentionForm::kAdjective ||
        m->form == MentionForm::kPronoun || static_cast<int>(m->token_end) >= limit)
      return a;
    for (int j = static_cast<int>(m->token_end); j < limit; ++j) {
      if ((flags(j) & kTokQuote) != 0 && (flags(j) & kTokInQuote) == 0) {
        // Only a short quoted phrase may stand between.
        int close = j + 1;
        while (close < limit && (flags(close) & kTokQuote) == 0) ++close;
        if (close >= limit || scare_quote_open(close) != j) return a;
        j = close;
        continue;
      }
      if (in(kEwClauseStops, j) || is(j, ",") || is(j, "and") || is(j, "or")) return a;
    }
    mention_actors(*m, a.actors);
    a.weak = weak_form(*m);
    a.found = true;
    return a;
  }

  // ", killing two Hamas members": a present participle after a comma
  // shares the subject of the finite verb of the clause before it.
  Args participle_clause_subject(int i, bool in_quote) const {
    Args a;
    if (tag(i) != kTagVBG || !is(i - 1, ",")) return a;
    for (int k = i - 2; k >= sb_ && k > i - kMaxSubjectScan; --k) {
      if (in(kEwClauseStops, k)) break;
      const std::uint16_t t = tag(k);
      if (t == kTagVBD || t == kTagVBZ || t == kTagVBP) {
        int c = k;
        while (c - 1 >= sb_ && (in(kEwAuxiliaries, c - 1) || in(kEwModal, c - 1) || in(kEwNegation, c - 1))) --c;
        return find_subject(c, in_quote);
      }
    }
    return a;
  }

  // "In a telephone conversation with Sarkozy on Sunday, Medvedev ...": a
  // fronted phrase's participant is the subject after its closing comma.
  Args subject_after_fronted_phrase(int i, int from) const {
    Args a;
    bool fronted = false;
    for (int k = i - 1; k >= sb_ && k >= i - 4; --k)
      if (k == sb_ && in(kEwPrepositions, k)) fronted = true;
    if (!fronted) return a;
    int k = from;
    while (k < se_ && k < from + 12 && !is(k, ",")) {
      if (punct(k) || in(kEwClauseStops, k)) return a;
      ++k;
    }
    if (!is(k, ",")) return a;
    for (int j = k + 1; j < se_ && j < k + 8; ++j) {
      if (const Mention* m = mention_starting(j)) {
        if (m->actor < 0 || m->as_location || possessive(*m) ||
            (m->form == MentionForm::kAdjective && !agent_head_follows(*m) && !title_then_person(*m))) {
          j = static_cast<int>(m->token_end) - 1;
          continue;
        }
        const Mention* use = m->form == MentionForm::kAdjective && title_then_person(*m) ? title_then_person(*m) : m;
        mention_actors(*use, a.actors);
        a.weak = weak_form(*use);
        a.found = true;
        return a;
      }
      if (is_verb_tag(tag(j)) || punct(j)) return a;
    }
    return a;
  }

  // The speaker after the verb: ', said Blinken', 'said U.S. Secretary of State Antony Blinken'.
  Args find_inverted_subject(int from) const {
    Args a;
    for (int j = from; j < se_ && j < from + 8; ++j) {
      if (punct(j)) break;
      if (const Mention* m = mention_starting(j)) {
        if (m->actor >= 0 && !m->as_location && m->form != MentionForm::kAdjective && !possessive(*m)) {
          mention_actors(*m, a.actors);
          a.weak = weak_form(*m);
          a.found = true;
          return a;
        }
        j = static_cast<int>(m->token_end) - 1;
      }
    }
    return a;
  }

  // ---- target -------------------------------------------------------------
  static bool accepts(const EventPattern& p, std::string_view marker) {
    return std::find(p.target.begin(), p.target.end(), marker) != p.target.end();
  }

  // "China's minister of public security, Wang Xiaohong", "his Chinese
  // counterpart Dong Jun": a possessive followed by a person names the person.
  const Mention* person_after_possessive(const Mention& m) const {
    for (int k = static_cast<int>(m.token_end); k < se_ && k < static_cast<int>(m.token_end) + 8; ++k) {
      // "the Export Credits Guarantee Department's (ECGD) chief executive Jack Gill"
      if (is(k, "(") && is(k + 2, ")")) {
        k += 2;
        continue;
      }
      if (const Mention* n = mention_starting(k)) {
        if (n->actor >= 0 && !n->as_location && !possessive(*n) && n->form != MentionForm::kAdjective &&
            actor(n->actor) && actor(n->actor)->kind == NodeKind::kPerson)
          return n;
        if (n->form != MentionForm::kAdjective) return nullptr;
        k = static_cast<int>(n->token_end) - 1;
        continue;
      }
      if (in(kEwPrepositions, k) && !is(k, "of")) return nullptr;
      if (is(k, "that") || is(k, "and") || in(kEwClauseStops, k) || (punct(k) && !is(k, ",")))
        return nullptr;
    }
    return nullptr;
  }

  // "U.S. Secretary of State Antony Blinken": a state before a capitalised
  // title and a person names the person.
  const Mention* title_then_person(const Mention& m) const {
    const ExtractedActor* a = actor(m.actor);
    if (!a || a->kind == NodeKind::kPerson) return nullptr;
    for (int k = static_cast<int>(m.token_end); k < se_ && k < static_cast<int>(m.token_end) + 6; ++k) {
      if (const Mention* n = mention_starting(k))
        return n->actor >= 0 && actor(n->actor) && actor(n->actor)->kind == NodeKind::kPerson && !n->as_location
                   ? n : nullptr;
      if ((flags(k) & kTokCapitalized) == 0 && !is(k, "of") && !is(k, "-")) return nullptr;
    }
    return nullptr;
  }

  // Whether the word before "of" at j heads the object noun phrase that
  // started at `from`. With the tagger: a common noun. Without it: a plain
  // lowercase word, not closed-class, right after the verb ("invaded part of")
  // or after a determiner, possessive or number ("a part of", "its share of").
  bool object_noun_before_of(int from, int j) const {
    const int k = j - 1;
    if (tag(k) != kTagNone) return common_noun(k);
    if (k < from || !plain_word(k)) return false;
    if (k == from) return true;
    const int d = k - 1;
    return in(kEwDeterminers, d) || (flags(d) & (kTokPossessive | kTokNumber)) != 0 ||
           (d - 1 >= from && plain_word(d) && in(kEwDeterminers, d - 1));
  }

  // A lowercase word that is no function word: a candidate noun or modifier.
  bool plain_word(int k) const {
    if (k < sb_ || k >= se_ || mention_ending(k)) return false;
    constexpr std::uint16_t kClosed = kEwNegation | kEwModal | kEwConditional | kEwAuxiliaries | kEwBeForms |
                                      kEwPrepositions | kEwDeterminers | kEwClauseStops | kEwNotNouns | kEwParticiples;
    if ((flags(k) & (kTokPunct | kTokCapitalized | kTokNumber)) != 0) return false;
    if (info_[static_cast<std::size_t>(k)] && (info_[static_cast<std::size_t>(k)]->lists & kClosed)) return false;
    const std::string_view t = w(k);
    if (t.size() < 3 || t.ends_with("ly")) return false;
    for (char c : t)
      if (c < 'a' || c > 'z') return c == '-' && t.size() > 4;
    return true;
  }

  // "the commitments made by X", "the raid carried out by X": a participle
  // (with an optional "out"/"up") right before "by" at j, after an object
  // noun that starts at or after `from`.
  bool participle_modifies_object(int from, int j) const {
    int p = j - 1;
    if (is(p, "out") || is(p, "up")) --p;
    if (p - 1 < from || !plain_word(p - 1) || is(p - 1, "to")) return false;
    if (tag(p) != kTagNone) return tag(p) == kTagVBN && common_noun(p - 1);
    const std::string_view t = w(p);
    return in(kEwParticiples, p) || (t.size() > 4 && t.ends_with("ed") && !mention_ending(p));
  }

  struct TargetScan {
    Args args;
    const Mention* mention = nullptr;  // the mention that named the target
    int end = -1;           // token after the target phrase
    bool adjective = false;  // only a modifier named the target ("a Chinese balloon")
  };

  TargetScan find_target(int from, const EventPattern& p, const std::vector<std::string>& markers_override,
                         int limit) const {
    TargetScan r;
    const std::vector<std::string>& markers = markers_override.empty() ? p.target : markers_override;
    auto accepted = [&](std::string_view mk) { return std::find(markers.begin(), markers.end(), mk) != markers.end(); };
    std::string_view marker = "obj";
    const Mention* adjective = nullptr;
    // The object was reached through a noun ("part of X", "the raid carried
    // out by X"): X stands for the noun, so only a state, place or group can.
    bool through_noun = false;
    bool infinitive = false;  // an infinitive was passed ("refused to meet X")
    for (int j = from; j < se_ && j < from + limit; ++j) {
      if (const Mention* m = mention_starting(j)) {
        const bool place = m->as_location;
        // "visited the tomb of Yasser Arafat" is no visit to Arafat.
        const bool person_through_place = through_noun && p.place_target && actor(m->actor) &&
                                          actor(m->actor)->kind == NodeKind::kPerson;
        if (m->actor >= 0 && accepted(marker) && (!place || p.place_target) && !person_through_place) {
          const Mention* person = possessive(*m) ? person_after_possessive(*m) : title_then_person(*m);
          if (!person && m->form == MentionForm::kAdjective && !agent_head_follows(*m)) {
            // "recognized the importance of the Soviet market": a modifier
            // of a noun reached through "of" names no target.
            if (!adjective && !through_noun) adjective = m;
          } else {
            const Mention* use = person ? person : m;
            r.mention = use;
            mention_actors(*use, r.args.actors);
            r.args.weak = weak_form(*use) || use != m || possessive(*m);
            r.args.found = true;
            r.end = static_cast<int>(use->token_end);
            // "met Xi and Wang": coordinated objects.
            for (int k = r.end; is(k, "and") || is(k, ","); ) {
              // "Okongwu and the Export Credits Guarantee Department"
              const Mention* next = mention_starting(k + 1);
              if (!next && is(k + 1, "the")) next = mention_starting(++k + 1);
              // "... and the ECGD's chief executive Jack Gill": the person.
              if (next && possessive(*next)) next = person_after_possessive(*next);
              if (!next || next->as_location || next->form == MentionForm::kAdjective || possessive(*next)) break;
              // A comma joins a list only when "and" or another comma follows
              // ("X, Y and Z"); "During a visit to Japan, Blinken met" is no list.
              const int after = static_cast<int>(next->token_end);
              // "a visit to Tbilisi, Georgia": a place and its country.
              const ExtractedActor* cur = actor(r.args.actors.back());
              const ExtractedActor* nxt = actor(next->actor);
              const bool place_and_country = cur && nxt && cur->kind == NodeKind::kLocation &&
                                             nxt->kind == NodeKind::kCountry && cur->country == nxt->country;
              if (is(k, ",") && !is(after, "and") && !is(after, ",") && !place_and_country) break;
              mention_actors(*next, r.args.actors);
              k = static_cast<int>(next->token_end);
              r.end = k;
            }
            return r;
          }
        }
        j = static_cast<int>(m->token_end) - 1;
        continue;
      }
      const std::string_view t = w(j);
      if (t == "that") {
        if (accepted("that")) { marker = "that"; continue; }
        break;
      }
      if (t == "to" && !through_noun && !mention_starting(j + 1) && !in(kEwDeterminers, j + 1) &&
          (j + 1 >= se_ || (flags(j + 1) & (kTokNumber | kTokCapitalized)) == 0)) {
        // "seized the moment to beat X", "took the opportunity to thank X": an
        // object noun came first; the infinitive is another act.
        if (j > from && !in(kEwPrepositions, from) && (in(kEwDeterminers, from) || (flags(from) & kTokCapitalized) == 0))
          break;
        infinitive = true;
        continue;  // an infinitive ("refused to meet X"): X is still the object
      }
      // "invaded the island of Anjouan", "criticised the government of Iran":
      // "of" after the object's head noun keeps the object reading.
      // A statement's object is the reported clause's subject: "said it
      // completed its acquisition of X" is not about X.
      // Not past an infinitive: "meets leaders to discuss ... the resignation of X".
      if (t == "of" && marker == "obj" && !p.statement && !infinitive && j > from && !mention_ending(j - 1) &&
          object_noun_before_of(from, j)) {
        through_noun = true;
        continue;
      }
      // "praised the commitments made by Abbas", "denounced the raid carried
      // out by Hezbollah": the agent of the object's participle is the actor
      // the object stands for.
      if (t == "by" && marker == "obj" && !p.statement && !infinitive && !accepted("by") &&
          participle_modifies_object(from, j)) {
        through_noun = true;
        continue;
      }
      if (in(kEwPrepositions, j)) { marker = t; continue; }
      if (t == "," || t == "." || t == "?" || t == "!") break;
      if (t == "and" || t == "or") {
        if (mention_starting(j + 1)) continue;
        break;
      }
      if (in(kEwClauseStops, j)) break;
    }
    if (adjective && adjective->actor >= 0) {
      r.args.actors.push_back(adjective->actor);
      r.args.weak = true;
      r.args.found = true;
      r.adjective = true;
      r.end = static_cast<int>(adjective->token_end);
    }
    return r;
  }

  // The first actor mention in [b, e) that can be an object: not a place, a
  // possessor ("its warning") or a bare modifier.
  Args object_inside_phrase(int b, int e) const {
    Args a;
    for (int k = b; k < e; ++k) {
      const Mention* m = mention_starting(k);
      if (!m) continue;
      if (m->actor >= 0 && !m->as_location && !possessive(*m) && static_cast<int>(m->token_end) < e &&
          actor(m->actor) && actor(m->actor)->kind != NodeKind::kArtifact &&
          (m->form != MentionForm::kAdjective || agent_head_follows(*m))) {
        mention_actors(*m, a.actors);
        a.weak = weak_form(*m);
        a.found = true;
        return a;
      }
      k = static_cast<int>(m->token_end) - 1;
    }
    return a;
  }

  // ---- modality -----------------------------------------------------------
  struct Modality {
    bool negated = false;
    bool hypothetical = false;
    bool be = false;          // a be-form in the auxiliary chain (passive)
    int chain_start = 0;      // first token of the auxiliary chain
  };

  Modality verb_modality(int i) const {
    Modality md;
    int j = i - 1;
    for (; j >= sb_; --j) {
      if (in(kEwNegation, j)) { md.negated = true; continue; }
      if (in(kEwModal, j)) { md.hypothetical = true; continue; }
      if (is(j, "to")) {
        // An infinitive is not asserted ("agreed to hold talks", "plans to
        // visit"); after "refused to"/"declined to" it is negated.
        md.hypothetical = true;
        if (const auto* h = heads(j - 1))
          for (auto pi : *h)
            if (lex_.patterns[pi].negates_complement) md.negated = true;
        if (is(j - 1, "failed") || is(j - 1, "fails") || is(j - 1, "fail")) md.negated = true;
        --j;
        break;
      }
      if (in(kEwBeForms, j)) { md.be = true; continue; }
      if (in(kEwAuxiliaries, j)) continue;
      break;
    }
    md.chain_start = j + 1;
    // A gerund after "of"/"without" is not asserted ("steered clear of providing").
    const std::string_view head = w(i);
    if (head.size() > 4 && head.substr(head.size() - 3) == "ing") {
      if (is(i - 1, "of") || is(i - 1, "for")) md.hypothetical = true;
      if (is(i - 1, "without")) md.negated = true;
    }
    conditional_context(i, md);
    return md;
  }

  void conditional_context(int i, Modality& md) const {
    const bool quoted = (flags(i) & kTokInQuote) != 0;
    for (int k = i - 1; k >= sb_; --k) {
      if (is(k, ";")) break;
      // '"... if it wants to," Merkel said': a condition inside a quote does
      // not govern the reporting verb outside it.
      if (!quoted && (flags(k) & (kTokInQuote | kTokQuote)) != 0) break;
      if (in(kEwConditional, k)) { md.hypothetical = true; break; }
      // "denied claims that he had supplied FARC": reported, not asserted.
      if (i - k <= 8 && in(kEwUnasserted, k)) { md.hypothetical = true; break; }
    }
    if (se_ > sb_ && is(se_ - 1, "?")) md.hypothetical = true;
  }

  // ---- dates and places ---------------------------------------------------
  std::pair<int, int> clause_span(int i) const {
    int a = i, b = i;
    while (a > sb_ && !is(a - 1, ",") && !is(a - 1, ";")) --a;
    while (b < se_ && !is(b, ",") && !is(b, ";")) ++b;
    return {a, b};
  }

  // An asserted event has happened by the time of writing: a time after the
  // article's date ("acquired the rights effective July 1, 1988" in a 1987
  // story, "said it would reach profit by 1991") belongs to something else
  // in the sentence, so it cannot date the event.
  bool after_anchor(const Date& d) const {
    const Date& a = doc_.anchor;
    return a.known() && d.key() > a.key() && !d.compatible(a);
  }

  Date event_date(int trigger, bool nominal, bool asserted) const {
    const auto [ca, cb] = clause_span(trigger);
    const TimeExpression* best = nullptr;
    int best_dist = 1 << 30;
    const TimeExpression* in_sentence = nullptr;
    int sentence_dist = 1 << 30;
    for (auto [i, end] = doc_.times_of(sidx_); i < end; ++i) {
      const TimeExpression& t = doc_.times[i];
      if (!t.date.known()) continue;
      if (asserted && after_anchor(t.date)) continue;
      const int tb = static_cast<int>(t.token_begin), te = static_cast<int>(t.token_end);
      int dist = tb >= trigger ? tb - trigger : trigger - te + 1;
      // A nominal event takes the time that follows it ("visit to Taiwan in
      // 2022") or directly modifies it ("the November summit").
      if (nominal && tb < trigger && trigger - te > 2) dist += 50;
      if (tb >= ca && te <= cb && dist < best_dist) { best = &t; best_dist = dist; }
      if (dist < sentence_dist) { in_sentence = &t; sentence_dist = dist; }
    }
    if (best) return best->date;
    if (in_sentence && !nominal) return in_sentence->date;
    return doc_.anchor;
  }

  int event_place(int trigger, const std::vector<int>& exclude) const {
    int best = -1, best_dist = 1 << 30;
    // Only the event's own clause: "signed a bill" takes no place from
    // "Hours before Blinken landed in China, ...".
    const auto [ca, cb] = clause_span(trigger);
    for (int k = ca; k < cb; ++k) {
      const Mention* m = mention_starting(k);
      if (!m || m->actor < 0) continue;
      const bool place = m->as_location ||
                         ((is(k - 1, "in") || is(k - 1, "at")) && actor(m->actor) &&
                          actor(m->actor)->kind == NodeKind::kLocation);
      if (!place) continue;
      if (std::find(exclude.begin(), exclude.end(), m->actor) != exclude.end()) continue;
      const int dist = k >= trigger ? k - trigger : trigger - k + 5;  // places follow their event
      if (dist < best_dist) { best = m->actor; best_dist = dist; }
    }
    return best;
  }

  std::string quote_of_sentence() const {
    int qa = -1, qb = -1;
    for (int k = sb_; k < se_; ++k)
      if ((flags(k) & kTokInQuote) != 0 && (flags(k) & kTokQuote) == 0) {
        if (qa < 0) qa = k;
        qb = k;
      }
    if (qa < 0) return {};
    const auto& ta = doc_.tokens[static_cast<std::size_t>(qa)];
    const auto& tb = doc_.tokens[static_cast<std::size_t>(qb)];
    return doc_.text.substr(ta.start, tb.end - ta.start);
  }

  Args quote_topic(int speaker_actor) const {
    Args a;
    for (int k = sb_; k < se_; ++k) {
      if ((flags(k) & kTokInQuote) == 0) continue;
      const Mention* m = mention_starting(k);
      // The speaker's own state is not the topic ("a UK Government official" on "the UK").
      if (!m || m->actor < 0 || m->actor == speaker_actor || m->as_location || same_country(m->actor, speaker_actor))
        continue;
      if (m->form == MentionForm::kName || m->form == MentionForm::kMetonym || m->form == MentionForm::kPartName) {
        a.actors.push_back(m->actor);
        a.found = true;
        a.weak = true;
        return a;
      }
    }
    return a;
  }

  // ---- emission -----------------------------------------------------------
  // Whether actor a is an unnamed body of state b ("Japanese government",
  // Japan); rebels or protesters of a state are not its body.
  bool body_of(int a, int b) const {
    const ExtractedActor* x = actor(a);
    const ExtractedActor* y = actor(b);
    return x && y && x->naming == Naming::kUnnamed && x->kind == NodeKind::kOrganization &&
           y->kind == NodeKind::kCountry && !x->country.empty() && x->country == y->country;
  }

  bool same_country(int a, int b) const {
    const ExtractedActor* x = actor(a);
    const ExtractedActor* y = actor(b);
    return x && y && !x->country.empty() && x->country == y->country;
  }

  void emit(const EventPattern& p, int trigger, const Args& src, const Args& tgt, const Modality& md,
            float confidence, std::string quote) {
    const Sentence& s = doc_.sentences[sidx_];
    // "said the two countries were working ...": a statement about a pair is
    // about neither in particular.
    const bool tgt_group = tgt.actors.size() > 1;
    for (int a : src.actors)
      for (int b : tgt.actors) {
        if (a < 0 || b < 0 || a == b) continue;
        // A document or weapon does not act: "an Iranian missile attack",
        // "the agreement would not hold" name no source.
        if (actor(a) && actor(a)->kind == NodeKind::kArtifact) continue;
        // A state's own unnamed body and the state are one side ("gave the
        // Japanese government a warning of sanctions against Japan").
        if (body_of(a, b) || body_of(b, a)) continue;
        // A plain statement about one's own state or compatriot is no interaction.
        if (p.statement && p.cameo == "010" && (same_country(a, b) || tgt_group)) continue;
        // "Taiwan said it would not recognise the agreement": a statement about
        // a document or law names no second actor.
        if (p.statement && actor(b) && actor(b)->kind == NodeKind::kArtifact) continue;
        bool dup = false;
        for (std::size_t e = first_event_; e < out_.size(); ++e) {
          ExtractedEvent& o = out_[e];
          if (o.source == a && o.target == b && o.cameo == p.cameo && o.negated == md.negated &&
              o.hypothetical == md.hypothetical) {
            o.confidence = std::max(o.confidence, confidence);
            dup = true;
          }
        }
        if (dup) continue;
        ExtractedEvent ev;
        ev.source = a;
        ev.target = b;
        ev.cameo = p.cameo;
        ev.relation = p.label;
        ev.date = event_date(trigger, p.nominal, !md.hypothetical && !md.negated);
        ev.location = event_place(trigger, {a, b});
        if (p.place_target && ev.location < 0 && actor(b) &&
            (actor(b)->kind == NodeKind::kLocation || actor(b)->kind == NodeKind::kCountry))
          ev.location = b;
        ev.confidence = confidence;
        ev.negated = md.negated;
        ev.hypothetical = md.hypothetical;
        ev.quote = quote;
        ev.evidence.start = doc_.to_original(s.start);
        ev.evidence.end = doc_.to_original(s.end);
        if (doc_.article && ev.evidence.end > ev.evidence.start && ev.evidence.end <= doc_.article->text.size())
          ev.evidence.sentence = doc_.article->text.substr(ev.evidence.start, ev.evidence.end - ev.evidence.start);
        else
          ev.evidence.sentence = std::string(doc_.sentence_text(s));
        ev.evidence.rule = p.id;
        out_.push_back(std::move(ev));
      }
  }

  // Pairs of a symmetric event without an object: "X and Y met", "the two countries agreed".
  static void pair_up(Args& src, Args& tgt) {
    if (src.actors.size() < 2) return;
    // Moved out and rebuilt (rather than copied and erased) to keep GCC 12's
    // -Warray-bounds from flagging a false positive here.
    std::vector<int> all = std::move(src.actors);
    src.actors.assign(1, all.front());
    tgt.actors = std::move(all);
    tgt.actors.front() = tgt.actors.back();
    tgt.actors.pop_back();
    tgt.found = true;
    tgt.weak = src.weak;
  }

  // ---- patterns -----------------------------------------------------------
  void match_at(int i, const std::vector<std::uint32_t>& candidates) {
    // The tagger's common-noun reading ("Talks between X and Y", "a strike
    // on") counts as noun context even without a determiner before it.
    const bool noun_ctx = noun_context(i) || common_noun(i);
    const EventPattern* best = nullptr;
    int best_end = -1;
    std::size_t best_steps = 0;
    bool has_nominal = false;
    for (auto pi : candidates) has_nominal = has_nominal || lex_.patterns[pi].nominal;
    for (auto pi : candidates) {
      const EventPattern& p = lex_.patterns[pi];
      if (p.nominal && (!noun_ctx || i < consumed_until_)) continue;
      if (!p.nominal && noun_ctx && has_nominal) continue;
      if (!p.nominal && noun_ctx && (in(kEwDeterminers, i - 1) || (flags(std::max(i - 1, sb_)) & kTokPossessive))) continue;
      // A verb pattern on a word the tagger reads as a common noun ("the
      // strike", "their call") is no verb.
      if (!p.nominal && common_noun(i)) continue;
      const int end = match_phrase(i, p);
      if (end < 0) continue;
      const std::size_t steps = p.then.size();
      if (!best || steps > best_steps || (steps == best_steps && end > best_end)) {
        best = &p;
        best_end = end;
        best_steps = steps;
      }
    }
    if (!best) return;
    if (best->nominal)
      nominal_event(*best, i, best_end);
    else
      verbal_event(*best, i, best_end);
  }

  void verbal_event(const EventPattern& p, int i, int end) {
    const bool in_quote = (flags(i) & kTokInQuote) != 0;
    Modality md = verb_modality(i);
    const std::string_view head = w(i);
    const bool participle = !(head.size() > 4 && head.substr(head.size() - 3) == "ing");
    const bool passive = p.passive && md.be && participle;
    float conf = p.confidence;

    Args subj = find_subject(md.chain_start, in_quote);
    if (!subj.found && !passive) subj = participle_clause_subject(i, in_quote);
    Args src, tgt;
    if (passive) {
      static const std::vector<std::string> kBy{"by"};
      TargetScan agent = find_target(end, p, kBy, kMaxTargetScan);
      last_subject_ = agent.args.actors;
      last_subject_weak_ = agent.args.weak;
      last_modality_ = md;
      last_verb_ = i;
      if (!agent.args.found || !subj.found) return;
      src = agent.args;
      tgt = subj;
      conf *= 0.9f;
      // "The agreement was signed by Nigeria's finance minister and the
      // ECGD": the parties of a symmetric event, not the document.
      if (p.symmetric && src.actors.size() >= 2 && tgt.actors.size() == 1 && actor(tgt.actors.front()) &&
          actor(tgt.actors.front())->kind == NodeKind::kArtifact) {
        tgt = Args{};
        pair_up(src, tgt);
      }
    } else {
      if (!subj.found && p.statement) subj = find_inverted_subject(end);
      last_subject_ = subj.actors;
      last_subject_weak_ = subj.weak;
      last_modality_ = md;
      last_verb_ = i;
      if (!subj.found) return;
      src = subj;
      TargetScan t = find_target(end, p, {}, kMaxTargetScan);
      // "Garcia said the government would install a plant": a statement about
      // an unnamed body is no statement to it.
      if (p.statement && t.mention && t.mention->form == MentionForm::kTitle && actor(t.mention->actor) &&
          actor(t.mention->actor)->naming == Naming::kUnnamed)
        t = TargetScan{};
      tgt = t.args;
      if (t.end > end) consumed_until_ = std::max(consumed_until_, t.end);
      // "Nigeria and Britain signed an agreement": the parties, not the document.
      if (tgt.found && p.symmetric && src.actors.size() >= 2 && tgt.actors.size() == 1 &&
          actor(tgt.actors.front()) && actor(tgt.actors.front())->kind == NodeKind::kArtifact)
        tgt = Args{};
      // "gave the Japanese government a clear warning", "paid Beijing a
      // visit": the indirect object stands inside the phrase.
      if (!tgt.found && p.then.size() > 1 && accepts(p, "obj")) tgt = object_inside_phrase(i + 1, end);
      if (!tgt.found && p.statement) tgt = quote_topic(src.actors.empty() ? -1 : src.actors.front());
      if (!tgt.found && p.symmetric) pair_up(src, tgt);
      if (!tgt.found) return;
    }
    consumed_until_ = std::max(consumed_until_, end);
    if (src.weak) conf *= 0.85f;
    if (tgt.weak) conf *= 0.85f;
    emit(p, i, src, tgt, md, conf, p.statement ? quote_of_sentence() : std::string());
  }

  void nominal_event(const EventPattern& p, int i, int end) {
    Modality md;
    for (int k = i - 1; k >= sb_ && k >= i - 3; --k) {
      if (in(kEwHedges, k)) md.hypothetical = true;
      if (is(k, "no") || is(k, "without")) md.negated = true;
      if (punct(k)) break;
    }
    conditional_context(i, md);
    Args src, tgt;
    // "talks between Biden and Xi"
    if (is(end, "between")) {
      const Mention* a = mention_starting(end + 1);
      if (a && a->actor >= 0 && is(static_cast<int>(a->token_end), "and")) {
        const Mention* b = mention_starting(static_cast<int>(a->token_end) + 1);
        if (b && b->actor >= 0) {
          src.actors.push_back(a->actor);
          tgt.actors.push_back(b->actor);
          src.found = tgt.found = true;
        }
      }
    }
    if (!src.found) {
      // Possessor or modifier before the noun: "Pelosi's visit", "the U.S. downing".
      for (int k = i - 1, hops = 0; k >= sb_ && hops < 3; --k, ++hops) {
        if ((flags(k) & kTokPossessive) != 0) continue;
        if (const Mention* m = mention_ending(k)) {
          if (m->actor >= 0 && !m->as_location &&
              (possessive(*m) || m->form == MentionForm::kAdjective || in(kEwDeterminers, static_cast<int>(m->token_begin) - 1) ||
               static_cast<int>(m->token_begin) == sb_)) {
            mention_actors(*m, src.actors);
            src.found = true;
            src.weak = weak_form(*m);
          }
          break;
        }
        if (punct(k) && !is(k, "-")) break;
        if (in(kEwPrepositions, k) || in(kEwDeterminers, k)) break;
      }
    }
    if (!tgt.found) {
      // "a visit by Pelosi to Taiwan"
      if (!src.found && is(end, "by")) {
        static const std::vector<std::string> kBy{"by"};
        TargetScan agent = find_target(end, p, kBy, 5);
        if (agent.args.found) { src = agent.args; end = agent.end; }
      }
      TargetScan t = find_target(end, p, {}, kMaxNominalTargetScan);
      tgt = t.args;
      if (t.end > end) end = t.end;
    }
    if (!src.found && tgt.found && !p.symmetric && p.implicit_agent && agent_phrase_opener(i)) {
      // "on his return from a visit to Japan", "during a trip to Moscow":
      // the clause's subject made the visit: the subject of the verb before
      // ("Howard said on his return ...", "X met Y during a visit to Z"),
      // else the subject after a fronted phrase ("During a visit to Z, X ...").
      if (!last_subject_.empty() && same_verb_phrase(last_verb_, i)) {
        src.actors = last_subject_;
        src.found = true;
        // "will visit Rome during a trip to Europe": the trip is as real as the verb.
        md.negated = md.negated || last_modality_.negated;
        md.hypothetical = md.hypothetical || last_modality_.hypothetical;
      } else {
        src = subject_after_fronted_phrase(i, end);
      }
      src.weak = true;
    }
    // "a summit meeting ... between Reagan and ...": the pair is named after
    // "between"; when it could not be read, the clause's subject is no participant.
    if (!src.found && p.symmetric && tgt.found && !between_phrase(i, end)) {
      // "during talks with Wang Yi": the participant is the clause's subject.
      src = find_subject(i, (flags(i) & kTokInQuote) != 0);
      if (!src.found) src = subject_after_fronted_phrase(i, end);
      src.weak = true;
    }
    if (!src.found || !tgt.found) return;
    float conf = p.confidence;
    if (src.weak) conf *= 0.85f;
    if (tgt.weak) conf *= 0.85f;
    emit(p, i, src, tgt, md, conf, std::string());
  }

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

}  // namespace

void find_events(const Document& doc, const EventLexicon& patterns, std::vector<ExtractedEvent>& out,
                 const std::vector<bool>* only) {
  const EventLexicon::Impl& lex = patterns.impl();
  if (lex.patterns.empty() || doc.tokens.empty()) return;
  // Mention lookup by first and last token (the first mention wins on overlap).
  std::vector<int> starts(doc.tokens.size(), -1), ends(doc.tokens.size(), -1);
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mn = doc.mentions[m];
    if (mn.token_end <= mn.token_begin || mn.token_end > doc.tokens.size()) continue;
    if (starts[mn.token_begin] < 0) starts[mn.token_begin] = static_cast<int>(m);
    if (ends[mn.token_end - 1] < 0) ends[mn.token_end - 1] = static_cast<int>(m);
  }
  // One lookup per token for every closed-class list and pattern head.
  std::vector<const EventLexicon::Impl::WordInfo*> info(doc.tokens.size(), nullptr);
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) info[t] = lex.info(doc.token_lower(doc.tokens[t]));
  SentenceMatcher matcher(doc, lex, starts, ends, info, out);
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (only && !(*only)[s]) continue;
    matcher.set_first_event(out.size());
    matcher.run(s);
  }
}

}  // namespace geokg
