// The tree coder, stage 2 (continued): modality. Whether an event is asserted, negated,
// hypothetical, intended (CAMEO's 03x) or refused (12x): the predicate's own
// words, what it inherits from the clause above, who reports it, and for a
// nominal event the phrase it stands in.

#include <algorithm>

#include "coder_sentence.hpp"

namespace geokg::coder {

bool SentenceCoder::negation_word(int c) const {
  const std::string_view w = low(c);
  // ("will no longer cooperate": the act stops.)
  if (base(c) == kDepAdvmod && w == "longer" && has_child_word(c, kDepAdvmod, {"no"})) return true;
  return (base(c) == kDepAdvmod && (w == "not" || w == "n't" || w == "never")) || (rel(c) == kDepDet && w == "no");
}

bool SentenceCoder::speculated(int p) const {
  for (int c : kids(p))
    if (base(c) == kDepAdvmod && lex_.word_in("speculation_adverbs", low(c))) return true;
  return false;
}

// The predicate's own words: negation, modals, "to", conditions, a question mark.
void SentenceCoder::own_modality(int p, Modality& md) const {
  // "neither the United States nor the Soviet Union would occupy …"
  if (const int subj = subject_token(p); subj != kNone && (has_child_word(subj, kDepCcPreconj, {"neither"}) || has_child_word(subj, kDepCc, {"neither"})))
    md.negated = true;
  bool be = false, to = false;   // "is to visit": the be-to future
  for (int c : kids(p)) {
    if (negation_word(c)) md.negated = true;
    // "was reportedly rejected", "allegedly supplied": hearsay.
    if (base(c) == kDepAdvmod && lex_.word_in("hedge_adverbs", low(c))) md.hypothetical = true;
    const std::uint8_t r = rel(c);
    // "bought nothing from Brazil", "severed no ties": an act on nothing.
    if (r == kDepObj && (low(c) == "nothing" || low(c) == "none" || has_child_word(c, kDepDet, {"no"})))
      md.negated = true;
    // "will veto any bill that contains serious flaws": a kind of act, none done.
    // ("before agreeing to any reform": none agreed yet.) A denial or
    // refusal of "any" is made: "denied any role in the bombing".
    if ((r == kDepObj || (base(c) == kDepObl && case_of(c) == "to" && listed("intent_verbs", p))) &&
        has_child_word(c, kDepDet, {"any"}) && lemma(p) != "deny" && !listed("reject_verbs", p))
      md.hypothetical = true;
    if ((r == kDepCop || r == kDepAux) && lemma(c) == "be") be = true;
    if (r == kDepMark && low(c) == "to") to = true;
    if (r == kDepAux) {
      const std::string_view w = low(c);
      // "would have preferred to offer", "would like Brazil to work with the
      // IMF": a wish or what might have been, not an intent.
      if ((w == "would" || w == "'d") && (has_child_word(p, kDepAux, {"have"}) || lemma(p) == "like" ||
                                          lemma(p) == "prefer" || lemma(p) == "love"))
        md.hypothetical = true;
      // "will likely sign", "will probably visit": a forecast, not an announcement.
      else if (lex_.word_in("intent_modals", w) && speculated(p)) md.hypothetical = true;
      else if (lex_.word_in("intent_modals", w)) md.intent = true;
      else if (w == "could" || w == "may" || w == "might" || w == "should" || w == "can" || w == "must" ||
               w == "ca" || w == "cannot")
        md.hypothetical = true;
      if (w == "cannot") md.negated = true;
    }
    if (r == kDepMark && (low(c) == "if" || low(c) == "unless" || low(c) == "whether")) md.hypothetical = true;
    // "has raided ANC bases in the past", "has attacked ships for years": a
    // habit or history recalled, no act of the news (words.habitual_times).
    // ("in the years ahead" is no habit: after "in" only "the past".)
    if (base(c) == kDepObl && ((case_of(c) == "in" && lemma(c) == "past") || case_of(c) == "for" || case_of(c) == "over") &&
        listed("habitual_times", c) &&
        std::none_of(kids(c).begin(), kids(c).end(), [&](int k) { return base(k) == kDepNummod || base(k) == kDepAmod; }))
      md.hypothetical = true;
    // "Were China to blockade Taiwan", "Had Iraq attacked", "Should talks fail":
    // an auxiliary before the subject in a clause that is no question.
    if (r == kDepAux && (low(c) == "were" || low(c) == "had" || low(c) == "should")) {
      const int subj = subject_token(p);
      if (subj != kNone && c < subj && low(se_ - 1) != "?") md.hypothetical = true;
    }
    // "would impose sanctions if ...": the main clause of a condition.
    if (base(c) == kDepAdvcl && has_child_word(c, kDepMark, {"if", "unless"})) md.conditioned = true;
  }
  if (be && to && is_verb(p) && !md.hypothetical) md.intent = true;
  // "is due to meet Ozal today", where the parser reads "due to" as a
  // preposition ("due to the rain"): a schedule.
  if (is_verb(p) && tag(p) == kTagVB && inside(p - 2) && low(p - 1) == "to" && low(p - 2) == "due" &&
      !md.hypothetical)
    md.intent = true;
  // "the only way out is for Washington to join forces with Moscow", "time
  // for Iran to accept": an act proposed or needed, not done ("it took a year
  // for Iran to accept" reports one).
  if (const int subj = subject_token(p);
      to && subj != kNone && (has_child_word(p, kDepMark, {"for"}) || has_child_word(subj, kDepCase, {"for"})) &&
      (head(p) == kNone || lemma(head(p)) != "take"))
    md.hypothetical = true;
  // Inside a condition further up ("if Iran attacks the ship").
  for (int a = head(p), steps = 0; a != kNone && steps < 6; a = head(a), ++steps)
    if (base(a) == kDepAdvcl && has_child_word(a, kDepMark, {"if", "unless", "whether"})) md.hypothetical = true;
  if (se_ > sb_ && low(se_ - 1) == "?") md.hypothetical = true;
}

// "until Turkey recognises Greek rights and withdraws its troops": the
// subordinate clause a verb coordinated inside it, with no subject or
// marker of its own, belongs to (its first verb), else kNone.
int SentenceCoder::subordinate_clause_of_conjunct(int p) const {
  if (base(p) != kDepConj || head(p) == kNone || !is_verb(head(p)) || base(head(p)) != kDepAdvcl) return kNone;
  bool own = false, marked = false;
  for (int c : kids(p)) own = own || base(c) == kDepNsubj || base(c) == kDepMark;
  for (int c : kids(head(p))) marked = marked || base(c) == kDepMark;
  return !own && marked ? head(p) : kNone;
}

// Whether noun n is what its verb announces, confirms or takes ("the
// decision was announced", "took the decision"; words.disclosing_verbs).
bool SentenceCoder::disclosed_noun(int n) const {
  const int v = head(n);
  return v != kNone && is_verb(v) && (base(n) == kDepObj || rel(n) == kDepNsubjPass) &&
         listed("disclosing_verbs", v);
}

// "sent a report to Congress on his plan to protect tankers", the infinitive
// hung on the verb: a noun of intent right before its "to" is what it
// completes, named in passing.
bool SentenceCoder::intent_noun_before_infinitive(int p) const {
  if (!infinitive_clause(p)) return false;
  for (int c : kids(p))
    if (rel(c) == kDepMark && low(c) == "to" && inside(c - 1) && c - 1 != head(p) && is_common_noun(c - 1) &&
        (listed("intent_verbs", c - 1) || listed("attempt_verbs", c - 1)) && !disclosed_noun(c - 1))
      return true;
  return false;
}

// A time clause in the present of an act announced or supposed is
// announced or supposed too: "will sign the accord when he visits Tokyo",
// "could meet Shultz once he arrives".
void SentenceCoder::time_clause_modality(int p, Modality& md) const {
  // (The parser may read "when he visits" as a relative clause of the object.)
  // A future in the past takes a past tense: "would put money into the
  // auction as soon as Zambia reached an agreement".
  // ("after having completed a trip to the United States": done before.)
  // ("until Greenspan's nomination is approved": the parser may make the
  // conjunction a case marker of the clause's subject.)
  const auto subject_marked = [&](int v) {
    for (int c : kids(v))
      if (base(c) == kDepNsubj && has_child_word(c, kDepCase, {"when", "once", "after", "before", "until"})) return true;
    return false;
  };
  if ((base(p) == kDepAdvcl || rel(p) == kDepAclRelcl) && !has_child_word(p, kDepAux, {"having"}) &&
      (has_child_word(p, kDepMark, {"when", "once", "after", "before", "while", "until", "as"}) ||
       has_child_word(p, kDepAdvmod, {"when"}) || subject_marked(p))) {
    int up = head(p);
    for (int steps = 0; up != kNone && !is_verb(up) && steps < 3; ++steps) up = head(up);
    const bool would = up != kNone && has_child_word(up, kDepAux, {"would", "'d"});
    const bool as_soon_as = has_child_word(p, kDepMark, {"as"}) && head(p) != kNone && low(head(p)) == "soon";
    const bool timed = !has_child_word(p, kDepMark, {"as"}) || as_soon_as;
    if (up != kNone && is_verb(up) && timed && (tag(p) != kTagVBD || would)) {
      const Modality m = modality(up);
      // (Another's act expected after one's own is no intent of anyone:
      // "trading will start after President Wee signs the bill".)
      const int own = passive(p) ? agent_token(p) : subject_token(p), theirs = subject_token(up);
      std::vector<ActorRef> a, b;
      if (own != kNone) actors_of(own, a);
      if (theirs != kNone) actors_of(theirs, b);
      // (One side: "Japan will sign when Nakasone visits".)
      auto side = [&](const ActorRef& r) -> const std::string& {
        return doc_.actors[static_cast<std::size_t>(r.actor)].country;
      };
      const bool same_actor = !a.empty() && !b.empty() &&
                              (a.front().actor == b.front().actor ||
                               (!side(a.front()).empty() && side(a.front()) == side(b.front())));
      if (m.hypothetical || m.negated) md.hypothetical = true;
      else if (m.intent && (same_actor || a.empty() || tag(own) == kTagPRP)) md.intent = true;
      else if (m.intent) md.hypothetical = true;
    }
  }
}

// What p takes from the clause it depends on: a time clause of an act
// announced, a gerund or infinitive under an intent, attempt, wish,
// refusal or negating verb.
void SentenceCoder::inherited_modality(int p, Modality& md) const {
  time_clause_modality(p, md);
  // Under an intent or rejection word: "plans to visit", "refused to meet",
  // "is ready to talk", "failed to reach".
  // "steered clear of providing arms", "refrained from attacking": a gerund
  // clause under a negating verb.
  if (base(p) == kDepAdvcl && head(p) != kNone && has_child_word(p, kDepMark, {"of", "from"})) {
    int h = head(p);
    if (base(h) == kDepXcomp && !is_verb(h) && head(h) != kNone) h = head(h);   // "steered clear of"
    if (is_verb(h) && lex_.word_in("negating_verbs", lemma(h))) md.negated = true;
  }
  // "are close to reaching a trade deal", "talks aimed at reaching an
  // accord", "on the verge of signing": an act approached, not done
  // (words.approach_words).
  if (base(p) == kDepAdvcl && tag(p) == kTagVBG && head(p) != kNone && listed("approach_words", head(p)) &&
      has_child_word(p, kDepMark, {"to", "at", "of", "toward", "towards"}))
    md.hypothetical = true;
  // "had not decided on offering wheat": a gerund under a negated or
  // hypothetical verb is not asserted; under an announced one it is
  // announced too ("would leave tomorrow after meeting Stoltenberg this
  // evening": a meeting to come).
  if (base(p) == kDepAdvcl && head(p) != kNone && is_verb(head(p)) && tag(p) == kTagVBG) {
    const Modality up = modality(head(p));
    if (up.negated || up.hypothetical) md.hypothetical = true;
    else if (up.intent) md.intent = true;
  }
  if (asked_of_object(p) || intent_noun_before_infinitive(p)) md.hypothetical = true;
  // "will make a visit to the United States and hold talks with Reagan": a
  // verb conjunct with no subject, auxiliary or tense of its own (a bare
  // infinitive or participle) shares the first verb's ("did not sign the
  // accord and rejected the plan" rejected it).
  // (A present form after a bare first verb is bare too: "will visit … and hold".)
  if (base(p) == kDepConj && head(p) != kNone && is_verb(head(p)) &&
      (tag(p) == kTagVB || tag(p) == kTagVBN || (tag(p) == kTagVBP && tag(head(p)) == kTagVB)) &&
      std::none_of(kids(p).begin(), kids(p).end(), [&](int c) {
        return base(c) == kDepNsubj || rel(c) == kDepAux || rel(c) == kDepAuxPass;
      })) {
    const Modality first = modality(head(p));
    md.intent = md.intent || first.intent;
    md.hypothetical = md.hypothetical || first.hypothetical;
    md.negated = md.negated || first.negated;
  }
  // ("promises to lift its tariffs and support the dollar": a later conjunct
  // is under the same verb.)
  // "was rumored to have taken Australian wheat and rejected U.S.", the
  // second act parsed as a conjunct of the hearsay verb: hearsay too.
  if (base(p) == kDepConj && head(p) != kNone && lex_.word_in("hearsay_verbs", lemma(head(p))) && passive(head(p)) &&
      !std::any_of(kids(p).begin(), kids(p).end(), [&](int c) { return base(c) == kDepNsubj; }))
    md.hypothetical = true;
  int clause = p;
  if (base(p) == kDepConj && head(p) != kNone &&
      (base(head(p)) == kDepXcomp || infinitive_clause(head(p)) || noun_infinitive(head(p))))
    clause = head(p);
  if ((base(clause) == kDepXcomp || infinitive_clause(clause) || noun_infinitive(clause)) && head(clause) != kNone) {
    const int h = head(clause);
    const std::string& hl = lemma(h);
    // "the president's decision to invade Iraq was a mistake": a decision,
    // plan or offer named in passing was made before; only one announced,
    // confirmed or taken is the news ("Denmark's decision to freeze
    // contacts was announced on Tuesday").
    if (noun_infinitive(clause) && !disclosed_noun(h)) md.hypothetical = true;
    // "is trying to strike a deal": attempted, not done; "Seoul wants Tokyo
    // to ease restrictions": another's act wished for.
    if (lex_.word_in("attempt_verbs", hl) || lex_.word_in("obligation_verbs", hl)) md.hypothetical = true;
    // "is unlikely to import", "was reluctant to support": doubted, not done.
    if (lex_.word_in("doubt_words", low(h))) md.hypothetical = true;
    // "was rumored to have rejected", "is believed to have attacked": hearsay.
    if (lex_.word_in("hearsay_verbs", hl) && passive(h)) md.hypothetical = true;
    if (lex_.word_in("wish_verbs", hl) && directs_someone(h)) md.hypothetical = true;
    if (lex_.word_in("negating_verbs", hl) || hl == "fail") md.negated = true;
    else if (lex_.word_in("reject_verbs", hl)) md.reject = true;
    else if (lex_.word_in("intent_verbs", hl) || lex_.word_in("intent_adjectives", low(h)) ||
             // "is going to urge senators": the future, as with "will".
             (hl == "go" && tag(h) == kTagVBG && has_child_word(h, kDepAux, {"is", "are", "am", "was", "were", "'s", "'re"}))) {
      md.intent = true;
      md.decided = md.decided || lex_.word_in("decision_words", hl);
      if (lex_.word_in("forecast_words", low(h)) && (!is_verb(h) || passive(h))) md.forecast = true;
    }
    const Modality up = modality(h);
    if (up.negated) md.hypothetical = true;   // "did not agree to meet": nothing asserted
    md.hypothetical = md.hypothetical || up.hypothetical;
    // "would be happy to meet", "will agree to send": intended with its
    // head; "will be sending advisers to help the rebels": a purpose is as
    // asserted as the act it is the purpose of.
    if (up.intent && !md.negated && !md.reject) {
      md.intent = true;
      md.forecast = md.forecast || up.forecast;
    }
    if (up.reject && base(clause) == kDepAdvcl) md.intent = true;
  }
}

// A report that asserts nothing: a claim, a denial, a judgement of
// likelihood over the clause, a rumour as its subject.
void SentenceCoder::reported_modality(int p, Modality& md) const {
  // "claims that X supplied Y", "denied that X attacked", "it is unlikely
  // that X will agree": not asserted.
  // "accused Iran of attacking", "blamed one another for sabotaging
  // negotiations", "criticised the U.S. for violating an agreement": what a
  // speaker charges someone with is alleged.
  if (base(p) == kDepAdvcl && head(p) != kNone && tag(p) == kTagVBG && has_child_word(p, kDepMark, {"of", "for"}) &&
      (lex_.word_in("speaking_verbs", lemma(head(p))) || lex_.word_in("unasserted", lemma(head(p))) ||
       lex_.word_in("judging_verbs", lemma(head(p)))))
    md.hypothetical = true;
  if ((base(p) == kDepAcl || base(p) == kDepCcomp || base(p) == kDepCsubj) && head(p) != kNone) {
    const std::string& hl = lemma(head(p));
    if (lex_.word_in("unasserted", hl)) md.hypothetical = true;
    // "it is thought highly unlikely that …": the judgement is the head's complement.
    for (int c : kids(head(p)))
      if (base(c) == kDepXcomp && lex_.word_in("unasserted", lemma(c))) md.hypothetical = true;
    // "dispel fears that X would not honour", the complement hung on the
    // verb: the noun object before it is what the clause is under.
    // ("referring to the rumor that the administration would make an offer":
    // or its oblique.)
    if (base(p) == kDepCcomp)
      for (int c : kids(head(p)))
        if (c < p && (base(c) == kDepObj || base(c) == kDepObl) && lex_.word_in("unasserted", lemma(c)))
          md.hypothetical = true;
    if (hl == "deny") md.negated = true;
    // "the withdrawal did not mean that Libya had cut its ties": what is
    // denied to follow has not happened.
    if (base(p) == kDepCcomp && lex_.word_in("implication_verbs", hl) && modality(head(p)).negated) md.negated = true;
  }
  // "their request that the administration offer subsidized wheat", the
  // clause hung elsewhere by the parser: a "that" right after a noun of
  // request or claim, with no verb between it and this one, opens a clause
  // under that noun.
  for (int k = p - 1; inside(k) && k > p - 8 && !is_verb(k); --k)
    if (low(k) == "that") {
      if (inside(k - 1) && is_common_noun(k - 1) && lex_.word_in("unasserted", lemma(k - 1))) md.hypothetical = true;
      break;
    }
  // "is having difficulties in obtaining a loan": an act the clause's object
  // says is in doubt.
  if (base(p) == kDepAdvcl && head(p) != kNone && has_child_word(p, kDepMark, {"in"}))
    for (int c : kids(head(p)))
      if (c < p && base(c) == kDepObj && lex_.word_in("unasserted", lemma(c))) md.hypothetical = true;
  // "The rumours were that the United States had launched a strike",
  // "Speculation has been in the market … that the US is considering": under
  // a subject that is a rumour or a claim, nothing is asserted. A passive
  // subject is what others deny ("his claims were denied by Straw, who
  // accused …"), and a circumstance stands on its own ("rumours have coursed
  // since officials held talks").
  for (int a = p, steps = 0; a != kNone && steps < 5 && !md.hypothetical; a = head(a), ++steps) {
    for (int c : kids(a)) {
      if (rel(c) != kDepNsubj && rel(c) != kDepNsubjOuter) continue;
      if (lex_.word_in("unasserted", lemma(c))) md.hypothetical = true;
      for (int k : kids(c))   // "Some of the rumours"
        if (base(k) == kDepNmod && lex_.word_in("unasserted", lemma(k))) md.hypothetical = true;
    }
    if (base(a) == kDepAdvcl || base(a) == kDepObl) break;
  }
}

// Flags of predicate p: negation, speculative modals, conditions, questions,
// reports not asserted ("claims that"), and the modality CAMEO codes as
// intent or rejection ("will", "plans to", "is ready to", "refused to").
Modality SentenceCoder::modality(int p, bool coded_with_condition) const {
  Modality md;
  if (!inside(p)) return md;
  own_modality(p, md);
  inherited_modality(p, md);
  if (const int clause = subordinate_clause_of_conjunct(p); clause != kNone) inherited_modality(clause, md);
  reported_modality(p, md);
  if (md.negated && md.intent) {
    md.intent = false;
    md.reject = true;   // "will not release", "won't accept"
  }
  // A condition is part of a threat or promise ("threatened to cut aid
  // unless …": coded_with_condition) and of an announced act ("would freeze aid if …", which the caller codes as
  // a threat or promise or else flags); of a plain act it is unasserted.
  if (md.conditioned && !coded_with_condition && !md.intent) md.hypothetical = true;
  return md;
}

// "instructed Pierce to work with Congress", the infinitive hung by the
// parser on the object of a verb of asking: the act asked of another.
bool SentenceCoder::asked_of_object(int p) const {
  return base(p) == kDepAcl && has_child_word(p, kDepMark, {"to"}) && head(p) != kNone &&
         base(head(p)) == kDepObj && head(head(p)) != kNone && lex_.word_in("wish_verbs", lemma(head(head(p))));
}

// Whether verb v names someone its infinitive is asked or wished of:
// "wants Tokyo to ease", "urged Reagan to help", "called for Reagan to force".
bool SentenceCoder::directs_someone(int v) const {
  // ("called Miyazawa to warn him": "call" with an object is a phone call.)
  if (lemma(v) != "call" && !objects(v, false).empty()) return true;
  for (int c : kids(v))
    if (rel(c) == kDepIobj || (base(c) == kDepObl && (case_of(c) == "for" || case_of(c) == "on" || case_of(c) == "upon")))
      return true;
  return false;
}

// A nominal event in the object of a refusal is refused or did not happen:
// "rejected suggestions for negotiations with the IMF", "avoided a clash".
void SentenceCoder::object_of_refusal(int noun, Modality& md) const {
  for (int x = noun, steps = 0; x != kNone && steps < 4; x = head(x), ++steps) {
    const int h = head(x);
    if (h == kNone || !is_verb(h)) continue;
    if (base(x) == kDepObj) {
      const std::string& hl = lemma(h);
      if (lex_.word_in("reject_verbs", hl)) md.reject = true;
      else if (lex_.word_in("negating_verbs", hl)) md.negated = true;
    }
    return;
  }
}

// The modality a nominal event (trigger i, a noun) takes from the phrase and
// clause it stands in, over its predicate's: negated by "no", unasserted
// under a condition, a question or a weighed chance, announced when
// scheduled or awaited.
void SentenceCoder::nominal_modality(int i, const Trigger& t, int predicate, Modality& md) const {
  if (predicate == kNone && head(i) != kNone && is_verb(head(i))) {
    // "Should talks between X and Y collapse, …": the clause the nominal
    // event stands in may be a condition or a question.
    const Modality clause = modality(head(i));
    md.hypothetical = clause.hypothetical || clause.conditioned;
  }
  if (has_child_word(i, kDepDet, {"no"})) md.negated = true;
  // "the chances of a summit are slim", "Prospects appear slim for a summer
  // meeting": a nominal act whose chances are weighed is not asserted.
  // (Up through the phrases the noun hangs in, not through clauses: "the
  // likelihood of Nakasone defusing anger when he visits Washington" is a
  // visit scheduled.)
  if (predicate == kNone)
    for (int n = i, a = head(i), steps = 0; a != kNone && steps < 3 && !md.hypothetical; n = a, a = head(a), ++steps) {
      if (base(n) != kDepNmod && base(n) != kDepObl && !(base(n) == kDepXcomp && !is_verb(n))) break;
      if (!is_verb(a) && lex_.word_in("unasserted", lemma(a))) md.hypothetical = true;
      for (int c : kids(a))
        if (rel(c) == kDepNsubj && lex_.word_in("unasserted", lemma(c))) md.hypothetical = true;
      if (is_verb(a)) break;
    }
  // "a visit to Moscow by Shultz was under consideration": weighed, not done.
  if (base(i) == kDepNsubj && head(i) != kNone && case_of(head(i)) == "under" &&
      lex_.word_in("unasserted", lemma(head(i))))
    md.hypothetical = true;
  // "Any Iranian attack on Soviet ships will bring a response": a kind of act, none done.
  if (has_child_word(i, kDepDet, {"any"})) md.hypothetical = true;
  // "more possible Canadian sanctions", "a potential attack": weighed, not done.
  for (int c : kids(i))
    if (base(c) == kDepAmod && lex_.word_in("unasserted", lemma(c))) md.hypothetical = true;
  object_of_refusal(i, md);
  // "announced his visit to Moscow", "confirmed talks with Shultz", "the
  // announcement of his visit": a meeting or visit announced is to come
  // (words.announcing_verbs, announcing_nouns); announced sanctions are imposed.
  if (t.code.starts_with("04") && head(i) != kNone &&
      ((is_verb(head(i)) && base(i) == kDepObj && listed("announcing_verbs", head(i))) ||
       (!is_verb(head(i)) && base(i) == kDepNmod && case_of(i) == "of" && listed("announcing_nouns", head(i)))))
    md.intent = true;
  // "talks scheduled for Thursday", "the planned visit", "upcoming talks": an
  // act announced, not yet done.
  // ("two rounds of talks, scheduled for …": or on the noun it qualifies)
  for (int n : {i, base(i) == kDepNmod ? head(i) : kNone}) {
    if (n == kNone) continue;
    for (int c : kids(n))
      if ((base(c) == kDepAmod || base(c) == kDepAcl) && lex_.word_in("intent_modifiers", low(c))) md.intent = true;
  }
  // "ahead of talks with X", "before the summit", "to prepare for
  // Nakasone's talks with Reagan": the meeting comes later. (Not a war:
  // "levels last seen before the war with Iran" is history.)
  if (cooperative_code(t.code)) {
    const std::string_view p = case_of(i);
    const int h = head(i);
    // "ahead of", "prior to", "in advance of": the word before the marker.
    bool ahead_of = false;
    for (int c : kids(i))
      if (rel(c) == kDepCase && c > 0 && (low(c - 1) == "ahead" || low(c - 1) == "prior" || low(c - 1) == "advance"))
        ahead_of = true;
    if (p == "ahead" || p == "before" || p == "prior" || p == "pending" || ahead_of ||
        (h != kNone && is_verb(h) && (base(i) == kDepObj || base(i) == kDepObl) &&
         (lex_.word_in("awaiting_verbs", lemma(h)) ||
          (lemma(h) == "look" && has_child_word(h, kDepAdvmod, {"forward"})))))   // "looking forward to talks"
      md.intent = true;
  }
  // "The Armacost discussions with Murata will focus on aid": a meeting that
  // is the subject of a clause to come is to come. (Not one in another
  // phrase: "will report on his talks with Shevardnadze" reports held talks.)
  if (t.code.starts_with("04") && !md.intent) {
    int n = i;
    for (int steps = 0; steps < 2 && base(n) == kDepNmod && head(n) != kNone; ++steps) n = head(n);
    if (base(n) == kDepNsubj && head(n) != kNone && is_verb(head(n))) {
      const Modality clause = modality(head(n));
      if (clause.intent && !clause.negated && !clause.hypothetical) md.intent = true;
    }
  }
}

}  // namespace geokg::coder
