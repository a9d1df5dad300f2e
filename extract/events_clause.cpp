// The flat matcher's clause: modality from the auxiliary chain, the date and
// place an event takes, quotes (events_matcher.hpp).

#include <algorithm>

#include "events_matcher.hpp"

namespace geokg::flat {

SentenceMatcher::Modality SentenceMatcher::verb_modality(int i) const {
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

void SentenceMatcher::conditional_context(int i, Modality& md) const {
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

std::pair<int, int> SentenceMatcher::clause_span(int i) const {
  int a = i, b = i;
  while (a > sb_ && !is(a - 1, ",") && !is(a - 1, ";")) --a;
  while (b < se_ && !is(b, ",") && !is(b, ";")) ++b;
  return {a, b};
}

bool SentenceMatcher::after_anchor(const Date& d) const {
  const Date& a = doc_.anchor;
  return a.known() && d.key() > a.key() && !d.compatible(a);
}

Date SentenceMatcher::event_date(int trigger, bool nominal, bool asserted) const {
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

int SentenceMatcher::event_place(int trigger, const std::vector<int>& exclude) const {
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

std::string SentenceMatcher::quote_of_sentence() const {
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

Args SentenceMatcher::quote_topic(int speaker_actor) const {
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

}  // namespace geokg::flat
