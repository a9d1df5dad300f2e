// The flat matcher's target: the actors after a verb or a nominal event (events_matcher.hpp).

#include <algorithm>

#include "events_matcher.hpp"

namespace geokg::flat {

bool SentenceMatcher::accepts(const EventPattern& p, std::string_view marker) {
  return std::find(p.target.begin(), p.target.end(), marker) != p.target.end();
}

const Mention* SentenceMatcher::person_after_possessive(const Mention& m) const {
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

const Mention* SentenceMatcher::title_then_person(const Mention& m) const {
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

bool SentenceMatcher::object_noun_before_of(int from, int j) const {
  const int k = j - 1;
  if (tag(k) != kTagNone) return common_noun(k);
  if (k < from || !plain_word(k)) return false;
  if (k == from) return true;
  const int d = k - 1;
  return in(kEwDeterminers, d) || (flags(d) & (kTokPossessive | kTokNumber)) != 0 ||
         (d - 1 >= from && plain_word(d) && in(kEwDeterminers, d - 1));
}

bool SentenceMatcher::plain_word(int k) const {
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

bool SentenceMatcher::participle_modifies_object(int from, int j) const {
  int p = j - 1;
  if (is(p, "out") || is(p, "up")) --p;
  if (p - 1 < from || !plain_word(p - 1) || is(p - 1, "to")) return false;
  if (tag(p) != kTagNone) return tag(p) == kTagVBN && common_noun(p - 1);
  const std::string_view t = w(p);
  return in(kEwParticiples, p) || (t.size() > 4 && t.ends_with("ed") && !mention_ending(p));
}

bool SentenceMatcher::verb_opens_clause(int j) const {
  // ("oil drilling rigs", "dlrs borrowing agreement": a word before a plain
  // noun is part of the phrase, whatever its tag.)
  return (tag(j) == kTagVBD || tag(j) == kTagVBZ || tag(j) == kTagVBG) && j + 1 < se_ &&
         !(tag(j + 1) == kTagNN || tag(j + 1) == kTagNNS);
}

bool SentenceMatcher::clause_subject(const Mention& m) const {
  if (!doc_.sentences[sidx_].parsed || m.token_end <= m.token_begin) return false;
  // From the name's first word up through its own words and a possessive
  // ("Germany 's fiscal policy") to the head of its phrase.
  std::size_t k = m.token_begin;
  for (int steps = 0; steps < 6; ++steps) {
    const Token& t = doc_.tokens[k];
    const std::uint8_t r = deprel_base(t.rel);
    if (t.head < 0 || !(r == kDepFlat || r == kDepCompound || t.rel == kDepNmodPoss)) break;
    k = static_cast<std::size_t>(t.head);
  }
  const Token& t = doc_.tokens[k];
  if (deprel_base(t.rel) != kDepNsubj || t.head < 0) return false;
  // Of a complement clause: a misread infinitive or participle ("met X and Y
  // to talk about", "vetoed the bill calling it") leaves the object alone.
  if (deprel_base(doc_.tokens[static_cast<std::size_t>(t.head)].rel) != kDepCcomp) return false;
  // A clause with several subjects is a parse gone wrong ("backed Brown's
  // pre-Budget report amid opposition claims": "claims" read as its verb).
  int subjects = 0;
  for (int q = sb_; q < se_; ++q)
    subjects += doc_.tokens[static_cast<std::size_t>(q)].head == t.head &&
                deprel_base(doc_.tokens[static_cast<std::size_t>(q)].rel) == kDepNsubj;
  return subjects == 1;
}

SentenceMatcher::TargetScan SentenceMatcher::find_target(int from, const EventPattern& p, const std::vector<std::string>& markers_override,
                       int limit) const {
  TargetScan r;
  const std::vector<std::string>& markers = markers_override.empty() ? p.target : markers_override;
  auto accepted = [&](std::string_view mk) { return std::find(markers.begin(), markers.end(), mk) != markers.end(); };
  std::string_view marker = kObjectMarker;
  const Mention* adjective = nullptr;
  // The object was reached through a noun ("part of X", "the raid carried
  // out by X"): X stands for the noun, so only a state, place or group can.
  bool through_noun = false;
  bool infinitive = false;  // an infinitive was passed ("refused to meet X")
  bool plain_noun_seen = false;  // the token before was a lowercase content word
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
          if (marker == kObjectMarker && clause_subject(*use)) return r;
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
    const bool plain_noun_before = plain_noun_seen;
    plain_noun_seen = !in(kEwDeterminers, j) && !in(kEwPrepositions, j) && (flags(j) & kTokCapitalized) == 0 &&
                      t != "and" && t != "or";
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
    if (t == "of" && marker == kObjectMarker && !p.statement && !infinitive && j > from && !mention_ending(j - 1) &&
        object_noun_before_of(from, j)) {
      through_noun = true;
      continue;
    }
    // "praised the commitments made by Abbas", "denounced the raid carried
    // out by Hezbollah": the agent of the object's participle is the actor
    // the object stands for.
    if (t == "by" && marker == kObjectMarker && !p.statement && !infinitive && !accepted("by") &&
        participle_modifies_object(from, j)) {
      through_noun = true;
      continue;
    }
    // "attacked the way the Iraq war was sold": a second noun phrase right
    // after the object's noun starts a clause of its own.
    if (marker == kObjectMarker && in(kEwDeterminers, j) && plain_noun_before) break;
    if (marker == kObjectMarker && plain_noun_before && verb_opens_clause(j)) {
      marker = "";   // no name in that clause is the object; a preposition after it still marks a target
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

Args SentenceMatcher::object_inside_phrase(int b, int e) const {
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

}  // namespace geokg::flat
