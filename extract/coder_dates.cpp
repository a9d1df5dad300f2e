// The tree coder, stage 2 (continued): the time and place modifiers of an
// event's clause, and the dates that earlier sentences gave its occasion.

#include <algorithm>

#include "coder_sentence.hpp"
#include "geokg/extract/time.hpp"

namespace geokg::coder {
namespace {

// The token of a time expression whose head lies outside it (the phrase's
// head), or -1: "Friday" in "on Friday" hung on "met".
std::int32_t span_exit(const Document& doc, const TimeExpression& te) {
  for (std::uint32_t k = te.token_begin; k < te.token_end; ++k) {
    const std::int32_t h = doc.tokens[k].head;
    if (h < static_cast<std::int32_t>(te.token_begin) || h >= static_cast<std::int32_t>(te.token_end))
      return static_cast<std::int32_t>(k);
  }
  return -1;
}

// The clash of an asserted event with a date after the time of writing.
bool after_writing(const Date& d, const Date& anchor) {
  return anchor.known() && d.key() > anchor.key() && !d.compatible(anchor);
}

}  // namespace

bool SentenceCoder::event_noun(int n) const {
  return lex_.noun_triggers(lemma(n)) != nullptr || lex_.noun_triggers(low(n)) != nullptr;
}

// The predicate a time expression modifies: up from its head through
// modifier relations to the first verb or event noun.
int SentenceCoder::time_owner(const TimeExpression& te) const {
  const int h = span_exit(doc_, te);
  if (h < 0) return kNone;
  // Spans and bounds date nothing: "since 1980", "by 2021", "until March".
  const std::string_view p = case_of(h);
  if (p == "since" || p == "by" || p == "until" || p == "till" || p == "through" || p == "from") return kNone;
  // Past nouns the parser may have hung it on ("attacked the platform on Monday").
  int x = h;
  for (int steps = 0; steps < 8; ++steps) {
    const int up = head(x);
    if (up == kNone) return kNone;
    if (is_verb(up) || (is_common_noun(up) && event_noun(up))) return up;
    x = up;
  }
  return kNone;
}

// The last token of the phrase headed by i.
int SentenceCoder::right_edge(int i) const {
  int edge = i;
  for (int c : kids(i)) edge = std::max(edge, right_edge(c));
  return edge;
}

bool SentenceCoder::future_time(int trigger, int predicate) const {
  const Date& anchor = doc_.anchor;
  for (auto [i, end] = doc_.times_of(sidx_); i < end; ++i) {
    const TimeExpression& t = doc_.times[i];
    // "next week" and "tomorrow" may resolve to the article's own month.
    const std::string_view first = low(static_cast<int>(t.token_begin));
    bool ahead = first == "next" || first == "tomorrow" || first == "coming" || first == "later";
    int owner = time_owner(t);
    // Right after a nominal event's phrase, whatever the parser made of
    // it: "hopes his visit to Washington later this week will help".
    if (owner != trigger && tag(trigger) != kTagVBD && !is_verb(trigger) &&
        static_cast<int>(t.token_begin) == right_edge(trigger) + 1)
      owner = trigger;
    // (Or under a participle of the nominal event: "the prime minister's
    // visit to Washington starting next Wednesday".)
    if (owner != kNone && owner != trigger && base(owner) == kDepAcl && head(owner) == trigger &&
        (tag(owner) == kTagVBG || tag(owner) == kTagVBN))
      owner = trigger;
    if (owner == kNone || (owner != trigger && owner != predicate)) continue;
    // A verb in the past tense is no plan; the time is another act's, hung
    // on it: "met Zamyatin on Monday ahead of her visit to Moscow next week".
    // So is a perfect: "has cancelled a trip tomorrow".
    if (owner == trigger && (tag(trigger) == kTagVBD || (tag(trigger) == kTagVBN && !passive(trigger) &&
                                                         has_child_word(trigger, kDepAux, {"has", "have", "had"}))))
      continue;
    // A present tense that is no report is a schedule: "Nakasone leaves on
    // Wednesday", "Bangemann, who flies to Washington this weekend",
    // "Funaro, who travels to Italy this evening", "meets Shultz today".
    const std::string_view second =
        t.token_end > t.token_begin + 1 ? low(static_cast<int>(t.token_begin) + 1) : std::string_view();
    const bool day_ahead = names_weekday(first) || first == "today" || first == "tonight" ||
                           (first == "this" && (second == "weekend" || second == "evening" || second == "afternoon" ||
                                                second == "week" || second == "month"));
    const int verb = is_verb(owner) ? owner : predicate;  // "leaves on a visit … on Thursday"
    // (or in the present progressive: "is holding a further meeting on Friday")
    const bool present = verb != kNone && (tag(verb) == kTagVBZ || tag(verb) == kTagVBP ||
                                           (tag(verb) == kTagVBG && has_child_word(verb, kDepAux, {"is", "are", "am", "'s", "'re"})));
    if (day_ahead && present && !lex_.statement_only(low(verb))) ahead = true;
    if (!ahead && (!anchor.known() || !t.date.known() || t.date.key() <= anchor.key() || t.date.compatible(anchor)))
      continue;
    return true;
  }
  return false;
}

// The date an earlier sentence gave an occasion named by `noun` (a summit, a
// meeting), the latest such: "handshakes at a summit
// Friday" dates the summit, and "At the summit, Uribe charged …" later takes
// that day. The time follows the noun or hangs on it ("the summit on Friday"),
// or on a verb whose subject or object the noun is ("the summit opened on Friday").
std::optional<Date> SentenceCoder::occasion_date(std::string_view noun) const {
  auto noun_at = [&](std::int32_t k) {
    return k >= 0 && is_noun_tag(doc_.tokens[static_cast<std::size_t>(k)].tag) &&
           doc_.token_lower(doc_.tokens[static_cast<std::size_t>(k)]) == noun;
  };
  std::optional<Date> found;
  for (std::size_t i = 0; i < doc_.times.size() && doc_.times[i].sentence < sidx_; ++i) {
    const TimeExpression& t = doc_.times[i];
    if (!t.date.known()) continue;
    const std::int32_t exit = span_exit(doc_, t);
    const std::int32_t up = exit < 0 ? -1 : doc_.tokens[static_cast<std::size_t>(exit)].head;
    // Next to the noun, whatever the parser made of it: "a summit Friday".
    std::int32_t before = static_cast<std::int32_t>(t.token_begin) - 1;
    if (before >= 0 && doc_.token_lower(doc_.tokens[static_cast<std::size_t>(before)]) == "on") --before;
    bool dates_it = noun_at(up) || (before >= static_cast<std::int32_t>(doc_.sentences[t.sentence].token_begin) && noun_at(before));
    if (!dates_it && up >= 0 && is_verb_tag(doc_.tokens[static_cast<std::size_t>(up)].tag)) {
      const Sentence& s = doc_.sentences[t.sentence];
      for (std::uint32_t k = s.token_begin; k < s.token_end && !dates_it; ++k) {
        const std::uint8_t b = deprel_base(doc_.tokens[k].rel);
        dates_it = doc_.tokens[k].head == up && (b == kDepNsubj || b == kDepObj) && noun_at(static_cast<std::int32_t>(k));
      }
    }
    if (dates_it) found = t.date;
  }
  return found;
}

Date SentenceCoder::event_date(int trigger, int predicate, bool asserted) const {
  const Date& anchor = doc_.anchor;
  for (auto [i, end] = doc_.times_of(sidx_); i < end; ++i) {
    const TimeExpression& t = doc_.times[i];
    if (!t.date.known()) continue;
    // An asserted event has happened by the time of writing.
    if (asserted && after_writing(t.date, anchor)) continue;
    const int owner = time_owner(t);
    if (owner != kNone && (owner == trigger || owner == predicate)) return t.date;
    // A time after the second of two conjoined events is the second's, where
    // the parser may hang it on the first: "Pelosi's visit to Taiwan in 2022
    // and the downing of a balloon in February 2023".
    if (owner != kNone && head(trigger) == owner && base(trigger) == kDepConj &&
        static_cast<int>(t.token_begin) > trigger)
      return t.date;
    // A temporal clause of the event dates it: "hours before Blinken landed
    // in China on Wednesday, Biden signed a bill".
    if (owner != kNone && predicate != kNone && head(owner) == predicate && base(owner) == kDepAdvcl &&
        has_child_word(owner, kDepMark, {"when", "while", "as", "before", "after"}))
      return t.date;
  }
  // An undated act at a definite occasion the article dated before: "At the
  // summit, Uribe charged …" (the word classes that name occasions are in the
  // list dated_occasion_classes).
  for (int p : {trigger, predicate}) {
    if (p == kNone) continue;
    for (std::string_view prep : {"at", "during"})
      for (int o : obliques(p, prep)) {
        if (!has_child_word(o, kDepDet, {"the", "that", "this"})) continue;
        const auto& classes = lex_.classes_of_list("dated_occasion_classes");
        if (std::none_of(classes.begin(), classes.end(), [&](int c) { return class_match(o, c) > 0; })) continue;
        const std::optional<Date> d = occasion_date(low(o));
        if (d && !(asserted && after_writing(*d, anchor))) return *d;
      }
  }
  return anchor;
}

int SentenceCoder::event_place(int trigger, int predicate, const std::vector<int>& exclude) const {
  // The event's own place phrase, else (for a nominal event) one hung on its
  // participants ("the summit between Biden and Xi in San Francisco").
  std::vector<int> heads = {trigger, predicate};
  if (is_common_noun(trigger))
    for (int c : kids(trigger))
      if (base(c) == kDepNmod) heads.push_back(c);
  for (int p : heads) {
    if (p == kNone) continue;
    for (std::string_view prep : {"in", "at", "near", "outside", "inside"})
      for (int o : obliques(p, prep)) {
        std::vector<ActorRef> a;
        actors_of(o, a);
        for (const auto& r : a) {
          const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(r.actor)];
          if (std::find(exclude.begin(), exclude.end(), r.actor) != exclude.end()) continue;
          if (r.place || x.kind == NodeKind::kLocation || x.kind == NodeKind::kCountry) return r.actor;
        }
      }
  }
  return -1;
}

}  // namespace geokg::coder
