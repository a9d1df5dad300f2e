// The flat matcher's subject: the actors left of a verb (events_matcher.hpp).

#include <algorithm>

#include "events_matcher.hpp"

namespace geokg::flat {

void SentenceMatcher::add_coordinated_left(const Mention& m, Args& a) const {
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

Args SentenceMatcher::find_subject(int from, bool trigger_in_quote) const {
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
    // "told the Indians that we ratify": "we" and "I" are the speaker's side,
    // never the actor named before them ("he" and "they" may stand for it:
    // "A British minister said he had given …").
    if (t == "we" || t == "i") break;
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

int SentenceMatcher::scare_quote_open(int j) const {
  if ((flags(j) & kTokQuote) == 0 || j + 1 >= se_ || is(j - 1, ",")) return -1;
  for (int k = j - 1; k > sb_ && k >= j - 9; --k) {
    if ((flags(k) & kTokQuote) != 0) return k - 1 >= sb_ && (flags(k - 1) & kTokInQuote) == 0 ? k : -1;
    if (is(k, ".") || is(k, "?") || is(k, "!")) return -1;
  }
  return -1;
}

bool SentenceMatcher::same_verb_phrase(int v, int i) const {
  if (v < sb_ || v >= i) return false;
  for (int k = v + 1; k < i; ++k)
    if (in(kEwModal, k) || in(kEwNegation, k) || in(kEwClauseStops, k) || is(k, "to") || is(k, ",") ||
        (flags(k) & kTokQuote) != 0 || in(kEwAuxiliaries, k) || heads(k))
      return false;
  return true;
}

bool SentenceMatcher::between_phrase(int i, int end) const {
  for (int k = i + 1; k < se_ && k <= end + 4; ++k) {
    if (is(k, "between")) return true;
    if (punct(k) || in(kEwClauseStops, k)) return false;
  }
  return false;
}

bool SentenceMatcher::agent_phrase_opener(int i) const {
  int k = i - 1;
  if (k >= sb_ && !in(kEwDeterminers, k) && !mention_ending(k) && !punct(k)) --k;  // "state", "two-day"
  if (!in(kEwDeterminers, k) || mention_ending(k)) return false;
  const std::string_view prep = w(k - 1 >= sb_ ? k - 1 : k);
  return k - 1 >= sb_ && (prep == "during" || prep == "on" || prep == "from" || prep == "after" ||
                          prep == "following" || prep == "in");
}

Args SentenceMatcher::opening_subject(int limit) const {
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

Args SentenceMatcher::participle_clause_subject(int i, bool in_quote) const {
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

Args SentenceMatcher::subject_after_fronted_phrase(int i, int from) const {
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

Args SentenceMatcher::find_inverted_subject(int from) const {
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

}  // namespace geokg::flat
