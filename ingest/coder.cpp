#include "geokg/ingest/coder.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "geokg/ingest/parser.hpp"
#include "geokg/ingest/tagger.hpp"

namespace geokg {

namespace {

constexpr int kNone = -1;

struct ActorRef {
  int actor = -1;
  bool weak = false;    // through a pronoun, title or part of a name
  bool place = false;   // a place after "in"/"at": only a visit's target
};

// What a trigger word matched, and where its parts stand.
struct Match {
  const Trigger* trigger = nullptr;
  int token = kNone;
  int particle_obl = kNone;   // "call on X": the oblique that carries the particle
};

// Flags of an event's predicate.
struct Modality {
  bool negated = false;
  bool hypothetical = false;  // conditional, question, speculative modal, unasserted report
  bool intent = false;        // will/would, "plans to": CAMEO codes it as an intention
  bool reject = false;        // "refused to", "will not": a rejection
};

class SentenceCoder {
 public:
  SentenceCoder(const Document& doc, const TriggerLexicon& lex, std::uint32_t s, std::vector<ExtractedEvent>& out)
      : doc_(doc), lex_(lex), sidx_(s), out_(out), first_event_(out.size()) {
    const Sentence& sent = doc.sentences[s];
    sb_ = static_cast<int>(sent.token_begin);
    se_ = static_cast<int>(sent.token_end);
    const std::size_t n = static_cast<std::size_t>(se_ - sb_);
    kids_.assign(n, {});
    for (int i = sb_; i < se_; ++i) {
      const int h = head(i);
      if (h >= 0) kids_[static_cast<std::size_t>(h - sb_)].push_back(i);
    }
    lemmas_.assign(n, std::string());
    lemma_done_.assign(n, false);
    mention_at_.assign(n, kNone);
    for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
      const Mention& mn = doc.mentions[m];
      if (mn.sentence != s || mn.actor < 0) continue;
      for (std::uint32_t k = mn.token_begin; k < mn.token_end && static_cast<int>(k) < se_; ++k)
        if (static_cast<int>(k) >= sb_ && mention_at_[k - static_cast<std::uint32_t>(sb_)] == kNone)
          mention_at_[k - static_cast<std::uint32_t>(sb_)] = static_cast<int>(m);
    }
  }

  void run() {
    // 1. Which word triggers what.
    std::vector<Match> matches;
    for (int i = sb_; i < se_; ++i) {
      Match m = match_at(i);
      if (m.trigger) matches.push_back(m);
    }
    if (matches.empty()) return;
    consumed_.assign(static_cast<std::size_t>(se_ - sb_), false);
    // 2. Frames first: they consume the action they embed.
    for (const Match& m : matches)
      if (m.trigger->frame >= 0) code_frame(m, matches);
    // 3. Actions, then statements (a statement whose complement held an event gives way to it).
    for (const Match& m : matches)
      if (m.trigger->frame < 0 && !m.trigger->statement && !m.trigger->topic_only && !consumed(m.token))
        code_action(m, nullptr);
    for (const Match& m : matches)
      if (m.trigger->statement && !consumed(m.token)) code_statement(m);
  }

 private:
  // ---- tokens and the tree --------------------------------------------------
  bool inside(int i) const { return i >= sb_ && i < se_; }
  const Token& tok(int i) const { return doc_.tokens[static_cast<std::size_t>(i)]; }
  int head(int i) const {
    const int h = tok(i).head;
    return inside(h) ? h : kNone;
  }
  std::uint8_t rel(int i) const { return tok(i).rel; }
  std::uint8_t base(int i) const { return deprel_base(rel(i)); }
  std::uint16_t tag(int i) const { return tok(i).tag; }
  std::string_view low(int i) const { return doc_.token_lower(tok(i)); }
  const std::vector<int>& kids(int i) const { return kids_[static_cast<std::size_t>(i - sb_)]; }
  const std::string& lemma(int i) {
    const auto k = static_cast<std::size_t>(i - sb_);
    if (!lemma_done_[k]) {
      lemmas_[k] = lex_.lemma(low(i), tag(i));
      lemma_done_[k] = true;
    }
    return lemmas_[k];
  }
  std::string lemma_of(int i) const { return lex_.lemma(low(i), tag(i)); }
  bool consumed(int i) const { return consumed_[static_cast<std::size_t>(i - sb_)]; }
  void consume(int i) {
    if (inside(i)) consumed_[static_cast<std::size_t>(i - sb_)] = true;
  }
  int child(int i, std::uint8_t r) const {
    for (int c : kids(i))
      if (rel(c) == r) return c;
    return kNone;
  }
  int child_base(int i, std::uint8_t r) const {
    for (int c : kids(i))
      if (base(c) == r) return c;
    return kNone;
  }
  bool has_child_word(int i, std::uint8_t r, std::initializer_list<std::string_view> words) const {
    for (int c : kids(i))
      if (rel(c) == r)
        for (auto w : words)
          if (low(c) == w) return true;
    return false;
  }
  // The preposition of an oblique or nominal modifier ("with" of "with Iran").
  std::string_view case_of(int i) const {
    for (int c : kids(i))
      if (rel(c) == kDepCase) return low(c);
    return {};
  }
  bool is_verb(int i) const { return is_verb_tag(tag(i)); }
  bool is_common_noun(int i) const { return tag(i) == kTagNN || tag(i) == kTagNNS; }

  // ---- trigger matching -----------------------------------------------------
  Match match_at(int i) {
    const bool verb = is_verb(i);
    const bool noun = is_common_noun(i);
    if (!verb && !noun) return {};
    if (!lex_.may_trigger(low(i)) && !lex_.may_trigger(lemma(i))) return {};
    // By lemma, else as written ("sanctions" may be a trigger of its own
    // while "sanction" is a class word).
    const auto* cands = verb ? lex_.verb_triggers(lemma(i)) : lex_.noun_triggers(lemma(i));
    if (!cands) cands = verb ? lex_.verb_triggers(low(i)) : lex_.noun_triggers(low(i));
    if (!cands) return {};
    Match best;
    int best_spec = -1;
    for (std::uint32_t ti : *cands) {
      const Trigger& t = lex_.trigger(ti);
      Match m;
      m.trigger = &t;
      m.token = i;
      if (!t.particle.empty() && !find_particle(i, t.particle, m)) continue;
      if (t.noun && !t.before.empty() && !words_before(i, t.before)) continue;
      if (t.obj_class >= 0 && !object_in_class(i, t)) continue;
      bool preps_ok = true;
      for (const auto& [p, cls] : t.preps) {
        bool found = false;
        for (int o : obliques(i, p))
          if (cls < 0 || in_class(o, cls)) found = true;
        if (!found) preps_ok = false;
      }
      if (!preps_ok) continue;
      const int spec = t.specificity();
      if (spec > best_spec) {
        best = m;
        best_spec = spec;
      }
    }
    return best;
  }

  bool find_particle(int v, const std::string& particle, Match& m) const {
    for (int c : kids(v)) {
      if ((rel(c) == kDepCompoundPrt || base(c) == kDepAdvmod || base(c) == kDepXcomp) && low(c) == particle) return true;
      // "called on the government to": the particle is the oblique's preposition.
      if ((base(c) == kDepObl) && case_of(c) == particle) {
        m.particle_obl = c;
        return true;
      }
    }
    // "set the hostages free", "beat the attack back": a particle after the object.
    for (int k = v + 1; k < se_ && k <= v + 4; ++k)
      if (low(k) == particle && (head(k) == v || head(head(k)) == v)) return true;
    return false;
  }

  bool words_before(int n, const std::vector<std::string>& before) {
    int k = n - 1;
    for (auto it = before.rbegin(); it != before.rend(); ++it, --k) {
      if (!inside(k)) return false;
      if (low(k) == "-") --k;  // "air-strike"
      if (!inside(k) || (low(k) != *it && lemma(k) != *it)) return false;
    }
    return true;
  }

  // Whether the word at token o (its lemma, or the actor it names) is in class cls.
  bool in_class(int o, int cls) {
    const WordClass& c = lex_.word_class(cls);
    if (lex_.class_has(cls, lemma(o)) || lex_.class_has(cls, low(o))) return true;
    if (c.any_actor || c.person || c.group || c.organization || c.country) {
      std::vector<ActorRef> a;
      actors_of(o, a);
      for (const auto& r : a) {
        const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(r.actor)];
        if (c.any_actor || (c.person && x.kind == NodeKind::kPerson) || (c.group && x.kind == NodeKind::kGroup) ||
            (c.organization && x.kind == NodeKind::kOrganization) || (c.country && x.kind == NodeKind::kCountry))
          return true;
      }
    }
    return false;
  }

  // The object that decides a code: the direct object (passive: the subject)
  // of a verb, or the "of" modifier / compound before a noun.
  bool object_in_class(int i, const Trigger& t) {
    for (int o : objects(i, t.noun))
      if (in_class(o, t.obj_class)) return true;
    return false;
  }

  std::vector<int> objects(int i, bool noun) const {
    std::vector<int> out;
    if (noun) {
      for (int o : obliques(i, "of")) out.push_back(o);
      for (int c : kids(i))
        if (rel(c) == kDepCompound && c < i) out.push_back(c);
      return out;
    }
    const bool pass = passive(i);
    for (int c : kids(i))
      if ((pass && (rel(c) == kDepNsubjPass)) || (!pass && base(c) == kDepObj)) out.push_back(c);
    // A reduced passive relative: "the tanker hit by a missile".
    if (pass && out.empty() && base(i) == kDepAcl && head(i) != kNone) out.push_back(head(i));
    return out;
  }

  // Obliques (verbs) or nominal modifiers (nouns) marked by preposition p;
  // for a verb also the ones the parser hung on its object ("imposed
  // sanctions on Iran").
  std::vector<int> obliques(int i, std::string_view p) const {
    std::vector<int> out;
    auto scan = [&](int x) {
      for (int c : kids(x)) {
        const std::uint8_t b = base(c);
        if ((b == kDepObl || b == kDepNmod || b == kDepAdvcl || b == kDepAcl) && case_of(c) == p) out.push_back(c);
        else if (b == kDepObl && p == "by" && rel(c) == kDepOblAgent) out.push_back(c);
      }
    };
    scan(i);
    if (out.empty() && is_verb(i))
      for (int c : kids(i))
        if (base(c) == kDepObj) scan(c);
    return out;
  }

  bool passive(int v) const {
    for (int c : kids(v))
      if (rel(c) == kDepAuxPass || rel(c) == kDepNsubjPass || rel(c) == kDepCsubjPass) return true;
    return base(v) == kDepAcl && rel(v) != kDepAclRelcl && tag(v) == kTagVBN;
  }

  // ---- actors ---------------------------------------------------------------
  static bool relative_pronoun(std::string_view w) { return w == "who" || w == "which" || w == "that" || w == "whom"; }

  // The actors a noun phrase headed by token i names: its mention, an agent
  // noun with a country ("Iraqi forces", "the government of Iran"), a
  // relative pronoun's antecedent, an apposition; and its conjuncts.
  void actors_of(int i, std::vector<ActorRef>& out, int depth = 0) {
    if (!inside(i) || depth > 3) return;
    const int m = mention_at_[static_cast<std::size_t>(i - sb_)];
    if (m != kNone) {
      const Mention& mn = doc_.mentions[static_cast<std::size_t>(m)];
      const bool weak = mn.form == MentionForm::kPronoun || mn.form == MentionForm::kTitle;
      add_actor(out, {mn.actor, weak, mn.as_location});
      if (mn.actor2 >= 0) add_actor(out, {mn.actor2, weak, mn.as_location});
    } else if (relative_pronoun(low(i)) && head(i) != kNone && base(head(i)) == kDepAcl) {
      // The antecedent is the relative clause's head; when the parser hung
      // the clause on the verb instead, the phrase just before the pronoun.
      const int antecedent = head(head(i));
      if (antecedent != kNone && !is_verb(antecedent)) {
        actors_of(antecedent, out, depth + 1);
      } else {
        int k = i - 1;
        while (inside(k) && (tok(k).flags & kTokPunct) != 0) --k;
        if (inside(k) && mention_at_[static_cast<std::size_t>(k - sb_)] != kNone) actors_of(k, out, depth + 1);
      }
    } else {
      bool found = false;
      if (lex_.word_in("agent_heads", low(i)) || lex_.word_in("agent_heads", lemma(i))) {
        // "Iraqi forces", "U.S. officials", "the government of Iran", "Iran's army"
        for (int c : kids(i)) {
          const std::uint8_t b = base(c);
          const bool mod = b == kDepAmod || b == kDepCompound || rel(c) == kDepNmodPoss ||
                           (b == kDepNmod && (case_of(c) == "of" || case_of(c) == "in"));
          if (!mod) continue;
          const int cm = mention_at_[static_cast<std::size_t>(c - sb_)];
          if (cm == kNone) continue;
          const Mention& mn = doc_.mentions[static_cast<std::size_t>(cm)];
          if (doc_.actors[static_cast<std::size_t>(mn.actor)].kind != NodeKind::kCountry) continue;
          add_actor(out, {mn.actor, false, false});
          found = true;
          break;
        }
      }
      if (!found)
        for (int c : kids(i))
          if (rel(c) == kDepAppos) actors_of(c, out, depth + 1);
    }
    for (int c : kids(i))
      if (rel(c) == kDepConj) actors_of(c, out, depth + 1);
  }

  static void add_actor(std::vector<ActorRef>& out, ActorRef r) {
    for (const auto& x : out)
      if (x.actor == r.actor) return;
    out.push_back(r);
  }

  // ---- arguments ------------------------------------------------------------
  // The token standing as the subject of verb v, following shared subjects of
  // coordinated verbs, control ("urged X to leave": X; "agreed to meet":
  // the subject), participles and relative clauses.
  int subject_token(int v, int depth = 0) const {
    for (int c : kids(v))
      if (rel(c) == kDepNsubj || rel(c) == kDepNsubjPass || rel(c) == kDepCsubj) return c;
    for (int c : kids(v))
      if (rel(c) == kDepNsubjOuter) return c;
    const int h = head(v);
    if (h == kNone || depth > 5) return kNone;
    switch (base(v)) {
      case kDepConj:
        return subject_token(h, depth + 1);
      case kDepXcomp: {
        for (int c : kids(h))
          if (base(c) == kDepObj || rel(c) == kDepIobj) return c;
        for (int c : kids(h))
          if (base(c) == kDepObl && (case_of(c) == "on" || case_of(c) == "upon")) return c;
        return subject_token(h, depth + 1);
      }
      case kDepAcl:
        return rel(v) == kDepAclRelcl ? kNone : h;
      case kDepAdvcl:
        return subject_token(h, depth + 1);
      default:
        return kNone;
    }
  }

  int agent_token(int v) const {
    for (int c : kids(v))
      if (rel(c) == kDepOblAgent || (base(c) == kDepObl && case_of(c) == "by")) return c;
    return kNone;
  }

  // The verb a nominal trigger is the object of ("held talks", "launched an attack").
  int light_verb(int n) const {
    const int h = head(n);
    if (h == kNone || !is_verb(h)) return kNone;
    if (base(n) == kDepObj || rel(n) == kDepNsubjPass) return h;
    return kNone;
  }

  // The verb of the clause a nominal trigger stands in as a circumstance
  // ("during a visit to Japan", "after talks with Wang").
  int governing_verb(int n) const {
    const int h = head(n);
    if (h == kNone || !is_verb(h) || base(n) != kDepObl) return kNone;
    const std::string_view p = case_of(n);
    if (p == "during" || p == "after" || p == "before" || p == "following" || p == "on" || p == "at" ||
        p == "in" || p == "amid" || p == "since")
      return h;
    return kNone;
  }

  void slot_actors(const Match& m, const Slot& s, std::vector<ActorRef>& out) {
    const int i = m.token;
    const Trigger& t = *m.trigger;
    switch (s.kind) {
      case SlotKind::kSubj:
        if (t.noun) break;
        if (passive(i)) actors_of(agent_token(i), out);
        else actors_of(subject_token(i), out);
        break;
      case SlotKind::kObj:
        for (int o : objects(i, t.noun)) actors_of(o, out);
        break;
      case SlotKind::kIobj:
        for (int c : kids(i))
          if (rel(c) == kDepIobj) actors_of(c, out);
        break;
      case SlotKind::kPrep:
        if (m.particle_obl != kNone && s.prep == t.particle) {
          actors_of(m.particle_obl, out);
          break;
        }
        for (int o : obliques(i, s.prep)) actors_of(o, out);
        if (out.empty() && t.noun) {
          // "held talks with Wang": the parser may hang the phrase on the light verb.
          const int lv = light_verb(i);
          if (lv != kNone)
            for (int o : obliques(lv, s.prep)) actors_of(o, out);
        }
        break;
      case SlotKind::kObjOf:
        for (int o : objects(i, t.noun))
          for (int c : kids(o))
            if (rel(c) == kDepNmodPoss || (base(c) == kDepNmod && case_of(c) == "of")) actors_of(c, out);
        break;
      case SlotKind::kCcompSubj:
        for (int c : kids(i))
          if (base(c) == kDepCcomp) actors_of(subject_token(c), out);
        break;
      case SlotKind::kPoss:
        for (int c : kids(i))
          if (rel(c) == kDepNmodPoss) actors_of(c, out);
        break;
      case SlotKind::kBy:
        for (int o : obliques(i, "by")) actors_of(o, out);
        break;
      case SlotKind::kMod:
        for (int c : kids(i))
          if ((base(c) == kDepAmod || base(c) == kDepCompound) && c < i) actors_of(c, out);
        break;
      case SlotKind::kLight: {
        int v = light_verb(i);
        if (v == kNone) v = governing_verb(i);
        if (v != kNone) {
          if (passive(v)) actors_of(agent_token(v), out);
          else actors_of(subject_token(v), out);
        }
        break;
      }
      case SlotKind::kXcomp:
      case SlotKind::kCcomp:
        break;
    }
  }

  void first_slot_actors(const Match& m, const std::vector<Slot>& slots, std::vector<ActorRef>& out) {
    for (const Slot& s : slots) {
      slot_actors(m, s, out);
      if (!out.empty()) return;
    }
  }

  // ---- modality -------------------------------------------------------------
  bool negated_word(int c) const {
    const std::string_view w = low(c);
    return (base(c) == kDepAdvmod && (w == "not" || w == "n't" || w == "never")) ||
           (rel(c) == kDepDet && w == "no");
  }

  // Flags of predicate p (a verb, or the light verb of a nominal event).
  Modality modality(int p) {
    Modality md;
    if (!inside(p)) return md;
    for (int c : kids(p)) {
      if (negated_word(c)) md.negated = true;
      const std::uint8_t r = rel(c);
      if (r == kDepAux) {
        const std::string_view w = low(c);
        if (lex_.word_in("intent_modals", w)) md.intent = true;
        else if (w == "could" || w == "may" || w == "might" || w == "should" || w == "can" || w == "must" ||
                 w == "ca" || w == "cannot")
          md.hypothetical = true;
        if (w == "cannot" || w == "wo" || w == "won't" || w == "can't") md.negated = md.negated || w != "wo" || true;
      }
      if (r == kDepMark && (low(c) == "if" || low(c) == "unless" || low(c) == "whether")) md.hypothetical = true;
      // "would impose sanctions if ...": the main clause of a condition.
      if (base(c) == kDepAdvcl && (has_child_word(c, kDepMark, {"if", "unless"}))) md.hypothetical = true;
    }
    // Inside a condition or a question further up ("if Iran attacks the ship").
    for (int a = head(p), steps = 0; a != kNone && steps < 6; a = head(a), ++steps)
      if (has_child_word(a, kDepMark, {"if", "unless", "whether"}) && base(a) == kDepAdvcl) md.hypothetical = true;
    if (se_ > sb_ && low(se_ - 1) == "?") md.hypothetical = true;
    // Under an intent or rejection verb: "plans to visit", "refused to meet",
    // "failed to reach".
    if (base(p) == kDepXcomp && head(p) != kNone) {
      const int h = head(p);
      const std::string& hl = lemma(h);
      if (lex_.word_in("negating_verbs", hl)) md.negated = true;
      else if (lex_.word_in("reject_verbs", hl)) md.reject = true;
      else if (lex_.word_in("intent_verbs", hl)) md.intent = true;
      else if (lex_.word_in("hypothetical_verbs", hl)) md.hypothetical = true;
      const Modality up = modality(h);
      if (up.negated) md.hypothetical = true;   // "did not agree to meet": nothing asserted
      md.hypothetical = md.hypothetical || up.hypothetical;
    }
    // "claims that X supplied Y", "denied that X attacked": not asserted.
    if ((base(p) == kDepAcl || base(p) == kDepCcomp) && head(p) != kNone) {
      const std::string& hl = lemma(head(p));
      if (lex_.word_in("unasserted", hl)) md.hypothetical = true;
      if (hl == "deny") md.negated = true;
    }
    if (md.negated && md.intent) {
      md.intent = false;
      md.reject = true;   // "will not release", "won't accept"
    }
    return md;
  }

  // ---- dates and places -----------------------------------------------------
  // The predicate a time expression modifies: up from its head through
  // modifier relations to the first verb or trigger noun.
  int time_owner(const TimeExpression& te) const {
    int h = kNone;
    for (std::uint32_t k = te.token_begin; k < te.token_end; ++k) {
      const int hk = head(static_cast<int>(k));
      if (hk == kNone || hk < static_cast<int>(te.token_begin) || hk >= static_cast<int>(te.token_end)) {
        h = static_cast<int>(k);
        break;
      }
    }
    if (h == kNone) return kNone;
    // Spans and bounds date nothing: "since 1980", "by 2021", "until March".
    const std::string_view p = case_of(h);
    if (p == "since" || p == "by" || p == "until" || p == "till" || p == "through" || p == "from") return kNone;
    // A time dates an event: up to the first verb or event noun ("the 1980
    // war", "Friday's talks"), past other nouns the parser may have hung it
    // on ("attacked the platform on Monday").
    int x = h;
    for (int steps = 0; steps < 8; ++steps) {
      const int up = head(x);
      if (up == kNone) return kNone;
      if (is_verb(up) || (is_common_noun(up) && event_noun(up))) return up;
      x = up;
    }
    return kNone;
  }

  bool event_noun(int n) const {
    const auto* t = lex_.noun_triggers(lemma_of(n));
    return t != nullptr || lex_.noun_triggers(low(n)) != nullptr;
  }

  bool after_anchor(const Date& d) const {
    const Date& a = doc_.anchor;
    return a.known() && d.key() > a.key() && !d.compatible(a);
  }

  Date event_date(int trigger, int predicate, bool asserted) const {
    const TimeExpression* best = nullptr;
    for (const auto& t : doc_.times) {
      if (t.sentence != sidx_ || !t.date.known()) continue;
      if (asserted && after_anchor(t.date)) continue;
      const int owner = time_owner(t);
      if (owner == kNone || (owner != trigger && owner != predicate)) continue;
      if (!best) best = &t;
    }
    return best ? best->date : doc_.anchor;
  }

  int event_place(int trigger, int predicate, const std::vector<int>& exclude) {
    for (int p : {trigger, predicate}) {
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

  // ---- coding ---------------------------------------------------------------
  // A nominal event is an occurrence only when something makes it one: a
  // light verb ("held talks", "launched an attack"), a clause it is the
  // circumstance of ("during a visit to"), or an actor on each side in its
  // own phrase ("Iran's attack on the tanker"). "The 1980 war" or "the pact"
  // mentioned in passing is no new event.
  bool nominal_occurrence(int n, bool has_source) const {
    if (light_verb(n) != kNone || governing_verb(n) != kNone) return true;
    for (int c : kids(n))
      if (base(c) == kDepNummod || (base(c) == kDepAmod && !low(c).empty() && low(c)[0] >= '0' && low(c)[0] <= '9'))
        return false;   // "the 1980 war"
    return has_source;
  }

  void code_action(const Match& m, const Modality* outer) {
    const Trigger& t = *m.trigger;
    const int i = m.token;
    std::vector<ActorRef> src, tgt;
    first_slot_actors(m, t.source, src);
    first_slot_actors(m, t.target, tgt);
    const int predicate = t.noun ? (light_verb(i) != kNone ? light_verb(i) : governing_verb(i)) : i;
    if (t.noun && !nominal_occurrence(i, !src.empty())) return;
    if (src.empty() && t.noun && t.symmetric) {
      // "talks between X and Y"
      for (int o : obliques(i, "between")) actors_of(o, src);
    }
    if (tgt.empty() && t.symmetric && src.size() >= 2) {
      tgt.assign(src.begin() + 1, src.end());
      src.resize(1);
    }
    if (src.empty() || tgt.empty()) return;
    Modality md = predicate != kNone ? modality(predicate) : Modality{};
    if (t.noun && has_child_word(i, kDepDet, {"no"})) md.negated = true;
    if (outer) {
      md.negated = md.negated || outer->negated;
      md.hypothetical = md.hypothetical || outer->hypothetical;
    }
    std::string code = t.code, label = t.label;
    if (md.reject && !md.hypothetical) {
      code = mapped("reject", code);
      label = "refused: " + t.label;
      md.negated = false;
      md.reject = false;
    } else if (md.intent && !md.hypothetical && !md.negated) {
      code = mapped("intent", code);
      label = "intends: " + t.label;
    }
    emit(t, i, predicate, code, label, src, tgt, md);
  }

  std::string mapped(std::string_view frame, const std::string& code) const {
    const int f = lex_.frame_index(frame);
    return f < 0 ? code : lex_.frame(f).code_for(code);
  }

  // The action a frame embeds: the first of its `embed` slots that holds a
  // trigger (or a topic noun).
  const Match* embedded_action(const Match& frame, const std::vector<Match>& matches, int& at) {
    const int i = frame.token;
    auto trigger_at = [&](int tok) -> const Match* {
      for (const Match& m : matches)
        if (m.token == tok && m.trigger->frame < 0) return &m;
      return nullptr;
    };
    auto in_clause = [&](int v) -> const Match* {
      if (const Match* m = trigger_at(v)) return m;
      // "urged X to hold talks": the light verb's object.
      for (int c : kids(v))
        if (base(c) == kDepObj)
          if (const Match* m = trigger_at(c)) return m;
      return nullptr;
    };
    for (const Slot& s : frame.trigger->embed) {
      for (int c : kids(i)) {
        const Match* m = nullptr;
        if (s.kind == SlotKind::kXcomp && base(c) == kDepXcomp) m = in_clause(c);
        else if (s.kind == SlotKind::kCcomp && base(c) == kDepCcomp) m = in_clause(c);
        else if (s.kind == SlotKind::kObj && (base(c) == kDepObj || (frame.trigger->noun && base(c) == kDepNmod && case_of(c) == "of")))
          m = trigger_at(c);
        else if (s.kind == SlotKind::kPrep && (base(c) == kDepObl || base(c) == kDepNmod) && case_of(c) == s.prep)
          m = trigger_at(c);
        if (m) {
          at = m->token;
          return m;
        }
      }
    }
    return nullptr;
  }

  void code_frame(const Match& f, const std::vector<Match>& matches) {
    const Trigger& t = *f.trigger;
    const int i = f.token;
    int at = kNone;
    const Match* e = embedded_action(f, matches, at);
    std::vector<ActorRef> src, tgt;
    first_slot_actors(f, t.source, src);
    first_slot_actors(f, t.target, tgt);
    if (e) {
      consume(e->token);
      // The one asked or threatened is the frame's target; else the embedded
      // action's ("threatened to attack Iran", "pledged aid to Kenya").
      if (tgt.empty()) first_slot_actors(*e, e->trigger->target, tgt);
    }
    const int predicate = t.noun ? (light_verb(i) != kNone ? light_verb(i) : governing_verb(i)) : i;
    if (t.noun && !nominal_occurrence(i, !src.empty())) return;
    if (src.empty() || tgt.empty()) return;
    const FrameMap& fm = lex_.frame(t.frame);
    const std::string code = e ? fm.code_for(e->trigger->code) : fm.default_code;
    Modality md = predicate != kNone ? modality(predicate) : Modality{};
    md.intent = md.reject = false;   // the frame is the intention already
    std::string label = t.label;
    if (e && !e->trigger->label.empty()) label += (label.empty() ? "" : ": ") + e->trigger->label;
    emit(t, i, predicate, code, label, src, tgt, md);
  }

  // A statement is coded only with an addressee or a topic; a complement
  // that holds an event gives way to that event.
  void code_statement(const Match& m) {
    const int i = m.token;
    for (std::size_t e = first_event_; e < out_.size(); ++e)
      if (reported_in(event_tokens_[e - first_event_], i)) return;
    std::vector<ActorRef> src, tgt;
    first_slot_actors(m, m.trigger->source, src);
    for (const Slot& s : m.trigger->target) {
      if (s.kind == SlotKind::kCcompSubj) continue;   // a mentioned subject is no addressee
      slot_actors(m, s, tgt);
      if (!tgt.empty()) break;
    }
    if (src.empty() || tgt.empty()) return;
    Modality md = modality(i);
    md.intent = md.reject = false;
    emit(*m.trigger, i, i, m.trigger->code, m.trigger->label, src, tgt, md);
  }

  // Whether token x lies in the clausal complement of speech verb v.
  bool reported_in(int x, int v) const {
    for (int a = x, steps = 0; a != kNone && steps < 12; a = head(a), ++steps) {
      const int h = head(a);
      if (h == v) {
        const std::uint8_t b = base(a);
        return b == kDepCcomp || b == kDepParataxis || b == kDepXcomp || b == kDepAdvcl;
      }
    }
    return false;
  }

  bool same_country(int a, int b) const {
    const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(a)];
    const ExtractedActor& y = doc_.actors[static_cast<std::size_t>(b)];
    return !x.country.empty() && x.country == y.country;
  }

  void emit(const Trigger& t, int trigger, int predicate, const std::string& code, const std::string& label,
            const std::vector<ActorRef>& src, const std::vector<ActorRef>& tgt, const Modality& md) {
    const Sentence& s = doc_.sentences[sidx_];
    float conf = t.confidence;
    for (const ActorRef& a : src)
      for (const ActorRef& b : tgt) {
        if (a.actor < 0 || b.actor < 0 || a.actor == b.actor) continue;
        const ExtractedActor& sa = doc_.actors[static_cast<std::size_t>(a.actor)];
        const ExtractedActor& tb = doc_.actors[static_cast<std::size_t>(b.actor)];
        // A document or weapon does not act; a place acts only as a visit's host.
        if (sa.kind == NodeKind::kArtifact || sa.kind == NodeKind::kLocation || a.place) continue;
        if ((tb.kind == NodeKind::kLocation || b.place) && !t.place_target) continue;
        // A plain statement about one's own state or compatriot is no interaction.
        if (t.statement && code == "010" && same_country(a.actor, b.actor)) continue;
        if (t.statement && tb.kind == NodeKind::kArtifact) continue;
        bool dup = false;
        for (std::size_t e = first_event_; e < out_.size(); ++e) {
          ExtractedEvent& o = out_[e];
          if (o.source == a.actor && o.target == b.actor && o.cameo == code && o.negated == md.negated &&
              o.hypothetical == md.hypothetical)
            dup = true;
        }
        if (dup) continue;
        ExtractedEvent ev;
        ev.source = a.actor;
        ev.target = b.actor;
        ev.cameo = code;
        ev.relation = label;
        ev.date = event_date(trigger, predicate, !md.hypothetical && !md.negated);
        ev.location = event_place(trigger, predicate, {a.actor, b.actor});
        if (t.place_target && ev.location < 0 &&
            (tb.kind == NodeKind::kLocation || tb.kind == NodeKind::kCountry || b.place))
          ev.location = b.actor;
        ev.confidence = conf * (a.weak ? 0.85f : 1.0f) * (b.weak ? 0.85f : 1.0f);
        ev.negated = md.negated;
        ev.hypothetical = md.hypothetical;
        ev.symmetric = t.symmetric;
        if (t.statement) ev.quote = quote_of_sentence();
        ev.evidence.start = doc_.to_original(s.start);
        ev.evidence.end = doc_.to_original(s.end);
        if (doc_.article && ev.evidence.end > ev.evidence.start && ev.evidence.end <= doc_.article->text.size())
          ev.evidence.sentence = doc_.article->text.substr(ev.evidence.start, ev.evidence.end - ev.evidence.start);
        else
          ev.evidence.sentence = std::string(doc_.sentence_text(s));
        ev.evidence.rule = t.id;
        out_.push_back(std::move(ev));
        event_tokens_.push_back(trigger);
      }
  }

  std::string quote_of_sentence() const {
    int qa = -1, qb = -1;
    for (int k = sb_; k < se_; ++k)
      if ((tok(k).flags & kTokInQuote) != 0 && (tok(k).flags & kTokQuote) == 0) {
        if (qa < 0) qa = k;
        qb = k;
      }
    if (qa < 0) return {};
    return doc_.text.substr(tok(qa).start, tok(qb).end - tok(qa).start);
  }

  const Document& doc_;
  const TriggerLexicon& lex_;
  std::uint32_t sidx_;
  std::vector<ExtractedEvent>& out_;
  std::size_t first_event_;
  int sb_ = 0, se_ = 0;
  std::vector<std::vector<int>> kids_;
  std::vector<std::string> lemmas_;
  std::vector<bool> lemma_done_;
  std::vector<int> mention_at_;
  std::vector<bool> consumed_;
  std::vector<int> event_tokens_;   // trigger token of each event appended
};

}  // namespace

bool sentence_may_hold_event(const Document& doc, std::uint32_t s, const TriggerLexicon& triggers) {
  const Sentence& sent = doc.sentences[s];
  if (sent.headline) return false;
  int first = -1;
  bool two = false;
  for (const Mention& m : doc.mentions) {
    if (m.sentence != s || m.actor < 0) continue;
    if (m.actor2 >= 0 && m.actor2 != m.actor) two = true;
    if (first < 0) first = m.actor;
    else if (m.actor != first) two = true;
    if (two) break;
  }
  if (!two) return false;
  for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k)
    if (triggers.may_trigger(doc.token_lower(doc.tokens[k]))) return true;
  return false;
}

void code_events(const Document& doc, const TriggerLexicon& triggers, std::vector<ExtractedEvent>& out) {
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (!doc.sentences[s].parsed) continue;
    SentenceCoder(doc, triggers, s, out).run();
  }
}

}  // namespace geokg
