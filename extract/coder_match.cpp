// The tree coder, stage 1: the tree, matching words and classes, and choosing
// one trigger entry per word (data/events/TRIGGERS.md, "Matching words" and
// "Choosing among matches").

#include <algorithm>

#include "coder_sentence.hpp"

namespace geokg::coder {

SentenceCoder::SentenceCoder(const Document& doc, const TriggerLexicon& lex, std::uint32_t s,
                             std::vector<ExtractedEvent>& out)
    : doc_(doc), lex_(lex), sidx_(s), out_(out), first_event_(out.size()) {
  const Sentence& sent = doc.sentences[s];
  sb_ = static_cast<int>(sent.token_begin);
  se_ = static_cast<int>(sent.token_end);
  const std::size_t n = static_cast<std::size_t>(se_ - sb_);
  kids_.assign(n, {});
  for (int i = sb_; i < se_; ++i)
    if (const int h = head(i); h != kNone) kids_[static_cast<std::size_t>(h - sb_)].push_back(i);
  lemmas_.assign(n, std::string());
  lemma_done_.assign(n, false);
  chosen_.assign(n, std::nullopt);
  chosen_state_.assign(n, 0);
  in_time_.assign(n, false);
  for (auto [t, end] = doc.times_of(s); t < end; ++t)
    for (std::uint32_t k = doc.times[t].token_begin; k < doc.times[t].token_end; ++k)
      if (inside(static_cast<int>(k))) in_time_[k - static_cast<std::uint32_t>(sb_)] = true;
  mention_at_.assign(n, kNone);
  for (auto [m, end] = doc.mentions_of(s); m < end; ++m) {
    const Mention& mn = doc.mentions[m];
    if (mn.actor < 0) continue;
    for (std::uint32_t k = mn.token_begin; k < mn.token_end; ++k) {
      const int t = static_cast<int>(k);
      if (inside(t) && mention_at_[static_cast<std::size_t>(t - sb_)] == kNone)
        mention_at_[static_cast<std::size_t>(t - sb_)] = static_cast<int>(m);
    }
  }
}

// ---- the tree -----------------------------------------------------------------

int SentenceCoder::head(int i) const {
  const int h = tok(i).head;
  return inside(h) ? h : kNone;
}

const std::string& SentenceCoder::lemma(int i) const {
  const auto k = static_cast<std::size_t>(i - sb_);
  if (!lemma_done_[k]) {
    lemmas_[k] = lex_.lemma(low(i), tag(i));
    lemma_done_[k] = true;
  }
  return lemmas_[k];
}

std::string_view SentenceCoder::case_of(int i) const {
  for (int c : kids(i))
    if (rel(c) == kDepCase) return low(c);
  return {};
}

bool SentenceCoder::has_child_word(int i, std::uint8_t r, std::initializer_list<std::string_view> words) const {
  for (int c : kids(i))
    if (rel(c) == r)
      for (auto w : words)
        if (low(c) == w) return true;
  return false;
}

bool SentenceCoder::infinitive_clause(int c) const {
  return base(c) == kDepAdvcl && is_verb(c) && has_child_word(c, kDepMark, {"to"});
}

// "Denmark's decision to freeze contacts", "Kenya's offer to lead the
// mission": an infinitive completing a noun of intent, decision, attempt or
// refusal (words.intent_verbs, reject_verbs, attempt_verbs, negating_verbs).
bool SentenceCoder::noun_infinitive(int c) const {
  if (rel(c) != kDepAcl || !is_verb(c) || head(c) == kNone || !is_common_noun(head(c)) ||
      !has_child_word(c, kDepMark, {"to"}))
    return false;
  const int n = head(c);
  return listed("intent_verbs", n) || listed("reject_verbs", n) || listed("attempt_verbs", n) ||
         listed("negating_verbs", n);
}

// Whether c is a phrase with preposition prep under a noun (nmod) or under a
// quantity the parser read as an adjective (obl): "most of its sanctions".
bool SentenceCoder::phrase_of(int c, std::string_view prep) const {
  return (base(c) == kDepNmod || base(c) == kDepObl) && case_of(c) == prep;
}

bool SentenceCoder::passive(int v) const {
  for (int c : kids(v))
    if (rel(c) == kDepAuxPass || rel(c) == kDepNsubjPass || rel(c) == kDepCsubjPass) return true;
  // A reduced passive relative: "the tanker hit by a missile"; a fronted
  // participle with its agent: "Supported by France, Chad attacked".
  if (tag(v) != kTagVBN) return false;
  if (base(v) == kDepAcl) return rel(v) != kDepAclRelcl;
  return base(v) == kDepAdvcl && std::any_of(kids(v).begin(), kids(v).end(),
                                               [&](int c) { return rel(c) == kDepOblAgent; });
}

// The object that decides a code: the direct object (passive: the subject) of
// a verb, or the "of" modifier / compound before a noun.
std::vector<int> SentenceCoder::objects(int i, bool noun) const {
  std::vector<int> out;
  if (noun) {
    for (int c : kids(i))
      if ((base(c) == kDepNmod && case_of(c) == "of") || (rel(c) == kDepCompound && c < i)) out.push_back(c);
    return out;
  }
  // A passive's object is its subject, except where it kept its object:
  // "Poland was given a standby credit" (the subject is the recipient).
  bool pass = passive(i);
  if (pass)
    for (int c : kids(i))
      if (base(c) == kDepObj) pass = false;
  // ("British triple jumper Ashia Hansen has ruled out a comeback": a noun
  // before the subject is a description the parser took for an object; a
  // relative pronoun there is one: "the plan, which Iran rejected".)
  const int subj = pass ? kNone : subject_token(i);
  const auto fronted = [&](int c) {
    return subj != kNone && c < subj && subj < i && !relative_pronoun(low(c)) && low(c) != "what";
  };
  for (int c : kids(i)) {
    if ((pass && rel(c) == kDepNsubjPass) || (!pass && base(c) == kDepObj && !fronted(c))) out.push_back(c);
    // "met visiting Secretary of State George Shultz", parsed as "met" +
    // "visiting Shultz": the participle is an adjective of the object.
    if (!pass && adjectival_participle(c))
      for (int o : kids(c))
        if (base(o) == kDepObj) out.push_back(o);
  }
  if (pass && out.empty() && base(i) == kDepAcl && head(i) != kNone) out.push_back(head(i));
  if (pass && out.empty() && base(i) == kDepAdvcl && head(i) != kNone && subject_token(head(i)) != kNone)
    out.push_back(subject_token(head(i)));
  return out;
}

// Obliques (verbs) or nominal modifiers (nouns) marked by preposition p; for a
// verb also the ones the parser hung on its object ("imposed sanctions on Iran").
std::vector<int> SentenceCoder::obliques(int i, std::string_view p) const {
  std::vector<int> out;
  auto scan = [&](int x) {
    for (int c : kids(x)) {
      const std::uint8_t b = base(c);
      if ((b == kDepObl || b == kDepNmod || b == kDepAdvcl || b == kDepAcl) && case_of(c) == p) out.push_back(c);
      else if (p == "by" && rel(c) == kDepOblAgent) out.push_back(c);
      // ("charged the United States with breaking trade rules": a gerund
      // the parser marked, not cased.)
      else if (b == kDepAdvcl && tag(c) == kTagVBG && p != "by" && has_child_word(c, kDepMark, {p})) out.push_back(c);
    }
  };
  scan(i);
  // ("fired tear gas and live rounds at protesters": on the object or a conjunct of it.)
  // ("Relations with Taiwan were broken off": on the passive subject too.)
  if (out.empty() && is_verb(i))
    for (int c : kids(i))
      if (base(c) == kDepObj || rel(c) == kDepNsubjPass) {
        scan(c);
        for (int g : kids(c))
          if (rel(g) == kDepConj) scan(g);
        // ("suspended much of its military aid to Egypt", "offered a total of
        // 129,250 tonnes of wheat to Bangladesh": on what a container or a
        // quantity holds, down its "of" phrases.)
        const auto counted = [&](int n) {
          return std::any_of(kids(n).begin(), kids(n).end(), [&](int k) { return base(k) == kDepNummod; });
        };
        for (int x = c, depth = 0; out.empty() && depth < 3; ++depth) {
          if (!listed("obj_look_through", x) && !counted(x)) break;
          int next = kNone;
          for (int g : kids(x))
            if (phrase_of(g, "of")) next = g;
          if (next == kNone) break;
          scan(next);
          x = next;
        }
      }
  // "the suspension of peace negotiations with Syria", "the expulsion of
  // inspectors from Iraq": on a nominal event's of-object.
  if (out.empty() && !is_verb(i) && p != "of")
    for (int c : kids(i))
      if (base(c) == kDepNmod && case_of(c) == "of") scan(c);
  // "rallied in Caracas and other cities against the government": a phrase
  // the parser hung one level down, on another oblique.
  if (out.empty() && is_verb(i) && p != "of")
    for (int c : kids(i))
      if (base(c) == kDepObl)
        for (int g : kids(c))
          if ((base(g) == kDepNmod || base(g) == kDepConj) && case_of(g) == p) out.push_back(g);
  return out;
}

// ---- words and classes ------------------------------------------------------------

bool SentenceCoder::words_before(int n, const std::vector<std::string>& before) const {
  int k = n - 1;
  for (auto it = before.rbegin(); it != before.rend(); ++it, --k) {
    if (inside(k) && low(k) == "-") --k;  // "air-strike" written with a hyphen
    if (!inside(k) || !word_is(k, *it)) return false;
  }
  return true;
}

// A phrase member at token i: its head, the words before it, and its "X of Y" modifier.
int SentenceCoder::phrase_match(int i, const PhraseMember& p) const {
  if (!word_is(i, p.head) || !words_before(i, p.before)) return 0;
  if (p.after_prep.empty()) return 1 + static_cast<int>(p.before.size());
  for (int c : kids(i))
    if (base(c) == kDepNmod && case_of(c) == p.after_prep && word_is(c, p.after))
      return 2 + static_cast<int>(p.before.size());
  return 0;
}

// How many words of class cls the phrase headed by token o matches (0: none):
// a word, a phrase, an actor of a listed kind; "dozens of prisoners" and "the
// deployment of peacekeepers" are looked through to their modifier.
int SentenceCoder::class_match(int o, int cls, int depth) const {
  if (!inside(o)) return 0;
  const WordClass& c = lex_.word_class(cls);
  if (c.any_head) return 1;
  int best = 0;
  if (lex_.class_has_word(cls, lemma(o)) || lex_.class_has_word(cls, low(o))) best = 1;
  for (const PhraseMember& p : c.phrases) best = std::max(best, phrase_match(o, p));
  if (best == 0 && (c.any_actor || c.person || c.group || c.organization || c.country || c.location || c.artifact)) {
    std::vector<ActorRef> a;
    actors_of(o, a);
    for (const auto& r : a) {
      const NodeKind k = doc_.actors[static_cast<std::size_t>(r.actor)].kind;
      if (c.any_actor || (c.person && k == NodeKind::kPerson) || (c.group && k == NodeKind::kGroup) ||
          (c.organization && k == NodeKind::kOrganization) || (c.country && k == NodeKind::kCountry && !r.place) ||
          (c.location && (k == NodeKind::kLocation || r.place)) || (c.artifact && k == NodeKind::kArtifact))
        best = std::max(best, 1);
    }
  }
  if (best == 0 && depth < 2 && listed("obj_look_through", o))
    for (int k : kids(o))
      if (phrase_of(k, "of") || phrase_of(k, "in")) best = std::max(best, class_match(k, cls, depth + 1));
  // "sent rescue teams, tents and medical supplies": one conjunct of the class
  // is enough.
  if (best == 0 && depth < 2)
    for (int k : kids(o))
      if (base(k) == kDepConj) best = std::max(best, class_match(k, cls, depth + 1));
  return best;
}

bool SentenceCoder::find_particle(int v, const std::string& particle, Match& m) const {
  for (int c : kids(v)) {
    const std::uint8_t b = base(c);
    if ((rel(c) == kDepCompoundPrt || b == kDepAdvmod || b == kDepXcomp || b == kDepObj || b == kDepAmod) &&
        word_is(c, particle))
      return true;
    // "called on the government to": the particle is the oblique's preposition
    // (after the verb: "In the days before his arrest he gave interviews" is no "give in").
    if ((b == kDepObl || b == kDepNmod) && c > v && case_of(c) == particle) {
      m.particle_obl = c;
      return true;
    }
  }
  // "set the hostages free", "took them hostage": after the object.
  for (int k = v + 1; k < se_ && k <= v + 5; ++k)
    if (word_is(k, particle) && (head(k) == v || (head(k) != kNone && head(head(k)) == v))) return true;
  return false;
}

// The verb a noun is the object or prepositional object of ("launched an
// attack", "went on strike", "took part in talks"), else kNone.
int SentenceCoder::noun_governor(int n) const {
  const int h = head(n);
  if (h == kNone) return kNone;
  const std::uint8_t b = base(n);
  // (Not a passive's agent: "the crisis sparked by demonstrations" did not spark them.)
  if ((b == kDepObj || rel(n) == kDepNsubjPass || (b == kDepObl && rel(n) != kDepOblAgent)) && is_verb(h)) return h;
  // "went on hunger strike" parsed with "on" as a particle and the noun as a
  // predicate (xcomp).
  if (b == kDepXcomp && is_common_noun(n) && is_verb(h)) return h;
  // "took part in talks": the noun hangs on the verb's object.
  // ("received $1 billion in aid": through a sum.)
  // ("lifted most of its sanctions": the quantifier read as an adjective,
  // its "of" phrase as an oblique.)
  if ((b == kDepNmod || (b == kDepObl && listed("obj_look_through", h))) &&
      (is_common_noun(h) || listed("obj_look_through", h)) && base(h) == kDepObj && head(h) != kNone &&
      is_verb(head(h)))
    return head(h);
  return kNone;
}

// Whether noun n is the object of one of the entry's light verbs (its own
// list, else words.light_verbs); `verb` is set to the governing verb either way.
bool SentenceCoder::lit_by(int n, const Trigger& t, int& verb) const {
  verb = noun_governor(n);
  const auto& lights = t.light.empty() ? lex_.default_light_verbs() : t.light;
  const auto lit = [&](int v) {
    for (const LightVerb& lv : lights) {
      if (!word_is(v, lv.lemma)) continue;
      // "called off their protests": a particle not of the light verb makes
      // another verb ("call off", not "call"), whether parsed as the verb's
      // particle or as the noun's preposition.
      const auto own_particle = [&](int w) {
        return std::any_of(lv.rest.begin(), lv.rest.end(), [&](const std::string& r) { return word_is(w, r); });
      };
      const std::string_view prep = case_of(n);
      bool other_verb = base(n) == kDepObl && lex_.word_in("verb_particles", prep) &&
                        std::find(lv.rest.begin(), lv.rest.end(), prep) == lv.rest.end();
      for (int c : kids(v))
        other_verb = other_verb || (rel(c) == kDepCompoundPrt && !own_particle(c) &&
                                    (listed("verb_particles", c) || listed("verb_only_particles", c)));
      if (other_verb) continue;
      // The rest of the light verb ("out" of "carry out", "on" of "go on")
      // stands between the verb and the noun, or is the noun's preposition,
      // or (after the noun: "strikes carried out by") the verb's particle.
      bool all = true;
      for (const auto& w : lv.rest) {
        bool found = case_of(n) == w;
        for (int k = v + 1; k < n && !found; ++k) found = word_is(k, w);
        if (v > n)
          for (int c : kids(v)) found = found || (rel(c) == kDepCompoundPrt && word_is(c, w));
        if (!found) all = false;
      }
      if (all) return true;
    }
    return false;
  };
  if (verb != kNone) return lit(verb);
  // "a curfew imposed by the army", "restrictions imposed by Kazakh
  // authorities": a light verb's reduced passive relative on the noun.
  for (int c : kids(n))
    if (base(c) == kDepAcl && rel(c) != kDepAclRelcl && tag(c) == kTagVBN && lit(c)) {
      verb = c;
      return true;
    }
  return false;
}

// How many words the entry's required phrases match at word i (0: none).
int SentenceCoder::prep_match(int i, const Trigger& t) const {
  // (on `head`'s phrases after word `after`; "on Monday" is no "on" phrase)
  const auto best_on = [&](int head, int after) {
    int best = 0;
    for (const auto& [p, cls] : t.preps)
      for (int o : obliques(head, p))
        if (o > after && !in_time(o)) best = std::max(best, cls < 0 ? 1 : class_match(o, cls));
    return best;
  };
  int best = best_on(i, -1);
  // "completed their withdrawal from the city": the parser may hang the
  // noun's phrase on its light verb, after the noun.
  if (int v = kNone; best == 0 && t.noun && lit_by(i, t, v)) best = best_on(v, i);
  return best;
}

// Whether entry t matches at word i, with what it matched.
std::optional<Match> SentenceCoder::try_entry(int i, const Trigger& t) const {
  Match m;
  m.trigger = &t;
  m.token = i;
  if (!t.particle.empty()) {
    if (!find_particle(i, t.particle, m)) return std::nullopt;
    ++m.words;
  }
  if (!t.adverb.empty()) {
    if (!has_child_word(i, kDepAdvmod, {t.adverb})) return std::nullopt;
    ++m.words;
  }
  if (t.noun) {
    // "the war of words over trade between Japan and the U.K.": cooperation
    // named as what another noun is over or about is its topic, not an act.
    if (base(i) == kDepNmod && (case_of(i) == "over" || case_of(i) == "about") && head(i) != kNone &&
        !is_verb(head(i)) && (t.code.starts_with("04") || t.code.starts_with("05") || t.code.starts_with("06")))
      return std::nullopt;
    if (!words_before(i, t.before)) return std::nullopt;
    m.words += static_cast<int>(t.before.size());
    if (!t.after_prep.empty()) {
      bool found = false;
      for (int c : kids(i))
        if (base(c) == kDepNmod && case_of(c) == t.after_prep && word_is(c, t.after)) found = true;
      if (!found) return std::nullopt;
      m.words += 2;
    }
  }
  if (t.obj_class >= 0) {
    int best = 0;
    if (lex_.word_class(t.obj_class).clause && !t.noun)
      for (int c : kids(i))
        if (base(c) == kDepCcomp || base(c) == kDepXcomp) best = 1;
    std::vector<int> objs = objects(i, t.noun);
    // "hand over two agents", the particle parsed as the object's
    // preposition: that phrase is the object.
    if (m.particle_obl != kNone && objs.empty()) objs.push_back(m.particle_obl);
    for (int o : objs)
      if (const int w = class_match(o, t.obj_class); w > best) {
        best = w;
        m.object = o;
      }
    // "provided 900 mln dlrs in credits to Indonesia", the "in" phrase hung
    // on the verb by the parser: a sum's content after it.
    if (best == 0 && !t.noun)
      for (int o : objects(i, false))
        if (listed("obj_look_through", o))
          for (int c : kids(i))
            if (base(c) == kDepObl && c > o && (case_of(c) == "in" || case_of(c) == "of"))
              if (const int w = class_match(c, t.obj_class); w > best) {
                best = w;
                m.object = c;
              }
    if (best == 0) return std::nullopt;
    m.words += best;
  }
  // "met IMF targets", "withdrew $1bn in assets from the US": an object of
  // this class means the verb is used in another sense.
  if (t.obj_not_class >= 0)
    for (int o : objects(i, t.noun))
      if (class_match(o, t.obj_not_class) > 0) {
        sense_refused_ = true;
        return std::nullopt;
      }
  if (!t.preps.empty()) {
    const int best = prep_match(i, t);
    if (best == 0) return std::nullopt;
    m.words += best;
  }
  // "came to Geneva for a meeting organised by the World Economic Forum": a
  // phrase of this class refuses the sense, unless it names a partner met
  // there ("flew to Moscow for a meeting with Gorbachev").
  for (const auto& [p, cls] : t.preps_not)
    for (int o : obliques(i, p))
      if (!in_time(o) && (cls < 0 || class_match(o, cls) > 0) && obliques(o, "with").empty()) {
        sense_refused_ = true;
        return std::nullopt;
      }
  if (t.intransitive)
    for (int c : kids(i))
      if (base(c) == kDepObj && !in_time(c)) return std::nullopt;   // ("travelling this week to France")
  // "call the pact a failure", "called him a liar": a noun or adjective
  // predicated of the object makes the verb one of naming, not this sense.
  if (t.no_predicate)
    for (int c : kids(i))
      if ((rel(c) == kDepXcomp && !is_verb(c)) || (rel(c) == kDepOblUnmarked && is_common_noun(c) && !in_time(c))) {
        sense_refused_ = true;
        return std::nullopt;
      }
  // "told X to withdraw" is a demand, "told X that" is not: an entry that
  // needs an embedded action needs something in one of its embed slots.
  if (t.embed_required) {
    bool any = false;
    for (const Slot& s : t.embed)
      for (int c : kids(i)) {
        const std::uint8_t b = base(c);
        any = any || (s.kind == SlotKind::kXcomp && (b == kDepXcomp || infinitive_clause(c))) || (s.kind == SlotKind::kCcomp && b == kDepCcomp) ||
              (s.kind == SlotKind::kObj && (b == kDepObj || (t.noun && b == kDepNmod && case_of(c) == "of"))) ||
              (s.kind == SlotKind::kPrep && (b == kDepObl || b == kDepNmod) && case_of(c) == s.prep);
      }
    if (!any) return std::nullopt;
  }
  if (t.noun) {
    int verb = kNone;
    if (lit_by(i, t, verb)) m.light_verb = verb;
    // "Kenya received an apology from Britain": done by the "from" phrase
    // to the receiver.
    else if (verb != kNone && !passive(verb) && listed("converse_verbs", verb) && !converse_sources(i, verb).empty())
      m.converse_verb = verb;
    // "Iran condemned the attack": the object of a verb that is not one of
    // its light verbs is that verb's affair, not an attack by Iran.
    else m.unlit = t.light_required || (verb != kNone && circumstance_verb(i) == kNone);
  }
  return m;
}

// The "from" phrases of a noun received ("an apology from Britain", "$1
// billion in aid from Saudi Arabia") or of the verb of receiving.
std::vector<int> SentenceCoder::converse_sources(int noun, int verb) const {
  std::vector<int> out;
  for (int x : {noun, head(noun), verb}) {
    if (x == kNone) continue;
    for (int c : kids(x))
      if (phrase_of(c, "from")) out.push_back(c);
    if (!out.empty() || x == verb) break;
  }
  return out;
}

bool SentenceCoder::converse_ends(const Match& m, std::vector<ActorRef>& src, std::vector<ActorRef>& tgt) const {
  if (m.converse_verb == kNone) return false;
  for (int o : converse_sources(m.token, m.converse_verb)) actors_or_owner(o, src);
  actors_of(subject_token(m.converse_verb), tgt);
  return true;
}

// The better of two matches at one word (TRIGGERS.md, "Choosing among matches").
bool SentenceCoder::better(const Match& a, const Match& b) {
  if (a.unlit != b.unlit) return !a.unlit;
  if (a.words != b.words) return a.words > b.words;
  if (a.trigger->constrained() != b.trigger->constrained()) return a.trigger->constrained();
  if (a.trigger->confidence != b.trigger->confidence) return a.trigger->confidence > b.trigger->confidence;
  return a.trigger->order < b.trigger->order;
}

// "visiting", "outgoing" right before a capitalised name or title, which the
// parser may read as a verb taking it as object (word list
// adjectival_participles).
// (After a full verb or a determiner only: "Mr Straw, visiting Beijing",
// "will be visiting South Korea", "before visiting Israel" are visits.)
bool SentenceCoder::adjectival_participle(int i) const {
  if (!inside(i) || tag(i) != kTagVBG || !inside(i + 1) || !inside(i - 1) ||
      (tok(i + 1).flags & kTokCapitalized) == 0 || !lex_.word_in("adjectival_participles", low(i)))
    return false;
  const int before = i - 1;
  if (tag(before) == kTagDT || tag(before) == kTagPRPS) return true;
  return is_verb(before) && rel(before) != kDepAux && rel(before) != kDepCop && lemma(before) != "be";
}

std::optional<Match> SentenceCoder::best_match(int i) const {
  // "was optimistic about", "remained critical of": a predicate adjective
  // (with its copula, or the complement of a copular verb) takes the verb
  // entries marked adjective.
  const bool adjective =
      tag(i) == kTagJJ && (std::any_of(kids(i).begin(), kids(i).end(), [&](int c) { return rel(c) == kDepCop; }) ||
                           (base(i) == kDepXcomp && head(i) != kNone && listed("copular_verbs", head(i))));
  const bool verb = is_verb(i) || adjective;
  const bool noun = is_common_noun(i);
  if (!verb && !noun) return std::nullopt;
  if (adjectival_participle(i)) return std::nullopt;
  // Auxiliaries and copulas are no events ("has been", "is to").
  if (verb && (rel(i) == kDepAux || rel(i) == kDepAuxPass || rel(i) == kDepCop)) return std::nullopt;
  std::optional<Match> best;
  for (std::string_view key : {std::string_view(lemma(i)), low(i)}) {
    const auto* cands = verb ? lex_.verb_triggers(key) : lex_.noun_triggers(key);
    if (!cands) continue;
    for (std::uint32_t ti : *cands) {
      const Trigger& t = lex_.trigger(ti);
      if (t.topic_only || t.adjective != adjective) continue;
      auto m = try_entry(i, t);
      if (!m || (best && !better(*m, *best))) continue;
      // "told X to withdraw" is a demand, "told X that the ship had stabilised"
      // a statement: a frame that needs an embedded action must find one.
      if (t.frame >= 0 && t.embed_required) {
        const FrameResult r = evaluate_frame(*m, 1);
        if (!r.yields && !r.code) continue;
      }
      best = m;
    }
    if (key == low(i)) break;
  }
  return best;
}

// The topic entry of word i for `frame`: one limited to that frame wins over
// an unlimited one.
std::optional<Match> SentenceCoder::best_topic(int i, int frame) const {
  if (!is_verb(i) && !is_common_noun(i)) return std::nullopt;
  std::optional<Match> best;
  bool best_limited = false;
  for (std::string_view key : {std::string_view(lemma(i)), low(i)}) {
    const auto* cands = is_verb(i) ? lex_.verb_triggers(key) : lex_.noun_triggers(key);
    if (!cands) continue;
    for (std::uint32_t ti : *cands) {
      const Trigger& t = lex_.trigger(ti);
      if (!t.topic_only) continue;
      const bool limited = !t.topic_frames.empty();
      if (limited && std::find(t.topic_frames.begin(), t.topic_frames.end(), frame) == t.topic_frames.end()) continue;
      Match m;
      m.trigger = &t;
      m.token = i;
      if (t.noun && !words_before(i, t.before)) continue;
      // ("leave office", "stand down": not "leave the country", "stand trial".)
      if (!t.noun && !t.particle.empty() && !find_particle(i, t.particle, m)) continue;
      if (t.obj_class >= 0) {
        int w = 0;
        for (int o : objects(i, t.noun)) w = std::max(w, class_match(o, t.obj_class));
        if (w == 0) continue;
        m.words += w;
      }
      m.words += static_cast<int>(t.before.size());
      if (!best || (limited && !best_limited) || (limited == best_limited && better(m, *best))) {
        best = m;
        best_limited = limited;
      }
    }
  }
  return best;
}

}  // namespace geokg::coder
