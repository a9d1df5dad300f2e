// The tree coder, stage 3: frames and actions, and the events they emit
// (include/geokg/extract/coder.hpp; data/events/TRIGGERS.md; statements:
// coder_statements.cpp).

#include "geokg/extract/coder.hpp"

#include <algorithm>
#include <cctype>

#include "geokg/core/cameo.hpp"
#include "coder_sentence.hpp"

namespace geokg {

namespace coder {

namespace {

// A state or its government protesting at another state complains formally
// (114: "France protested over Canada's decision"); crowds demonstrate (14).
bool diplomatic_protest(const ExtractedActor& source, const ExtractedActor& target) {
  const bool state = source.kind == NodeKind::kCountry || source.sector == "GOV" || source.sector == "DIP";
  return state && !source.country.empty() && !target.country.empty() && source.country != target.country;
}

}  // namespace

// A sports report ("Brazil crushed Argentina 3-0 in a World Cup
// qualifier"): a score or a word of words.sports_context in the sentence.
bool SentenceCoder::sports_context() const {
  for (int i = sb_; i < se_; ++i) {
    const std::string_view w = low(i);
    const std::size_t dash = w.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < w.size() && dash <= 2 && w.size() - dash - 1 <= 2 &&
        w.find_first_not_of("0123456789-") == std::string_view::npos)
      return true;   // "3-0", "21-17"
    if (lex_.word_in("sports_context", w)) return true;
  }
  return false;
}

bool SentenceCoder::run() {
  sports_ = sports_context();
  std::vector<const Match*> matches;
  for (int i = sb_; i < se_; ++i)
    if (const Match* m = match_at_token(i)) matches.push_back(m);
  if (matches.empty()) return sports_ || sense_refused_;
  consumed_.assign(static_cast<std::size_t>(se_ - sb_), false);
  // What frames embed is not coded on its own ("urged Iran to release the
  // sailors" is one appeal, not an appeal and a release), nor is a frame
  // embedded in another ("called for an end to the fighting").
  for (const Match* m : matches)
    if (m->trigger->frame >= 0) {
      std::vector<int> embedded;
      const FrameResult r = evaluate_frame(*m, 0, &embedded);
      if (r.yields) continue;
      for (int t : embedded) {
        consume(t);
        // ("threatened to impose sanctions": and the noun the embedded verb lights.)
        for (int o : kids(t))
          if (const Match* n = match_at_token(o); n && n->trigger->noun && n->light_verb == t) consume(o);
      }
    }
  // "the lifting of U.S. sanctions": the object an event noun's entry is
  // constrained by, or the last word of its name, is part of that event,
  // coded or not, never an event of its own.
  for (const Match* m : matches) {
    const Trigger& t = *m->trigger;
    if (!t.noun || t.frame >= 0) continue;
    std::vector<int> parts = t.obj_class >= 0 ? objects(m->token, true) : std::vector<int>{};
    if (!t.after_prep.empty())   // "lifting of sanctions", "state of emergency"
      for (int o : obliques(m->token, t.after_prep))
        if (word_is(o, t.after)) parts.push_back(o);
    for (int o : parts) {
      consume(o);
      decided_ = true;   // read: the word-order patterns must not code the part alone
    }
  }
  for (const Match* m : matches)
    if (m->trigger->frame >= 0 && !consumed(m->token)) code_frame(*m);
  for (const Match* m : matches)
    if (m->trigger->frame < 0 && !m->trigger->statement && !consumed(m->token) &&
        (!m->unlit || !m->trigger->light_required))
      code_action(*m);
  for (const Match* m : matches)
    if (m->trigger->statement && !consumed(m->token) && !m->unlit) code_statement(*m);
  return out_.size() > first_event_ || sports_ || decided_ || sense_refused_;
}

const Match* SentenceCoder::match_at_token(int i) const {
  if (!inside(i)) return nullptr;
  const auto k = static_cast<std::size_t>(i - sb_);
  if (chosen_state_[k] == 0) {
    chosen_state_[k] = 1;
    chosen_[k] = best_match(i);
    chosen_state_[k] = 2;
  }
  return chosen_state_[k] == 2 && chosen_[k] ? &*chosen_[k] : nullptr;
}

// The words standing in embed slot s of frame f; a request noun ("calls for",
// "pressure to", "demands that") is looked through to what it asks for and
// becomes the requester.
// Whether verb c asks for something (a demand or appeal frame: demand, press,
// call for, urge): what a protest's purpose clause must be to state its
// demand ("battling riot police" is a clash of its own).
bool SentenceCoder::demand_verb(int c) const {
  if (const auto* ids = lex_.verb_triggers(lemma(c)))
    for (auto id : *ids) {
      const Trigger& tr = lex_.trigger(id);
      if (tr.frame < 0) continue;
      const std::string& name = lex_.frame(tr.frame).name;
      if (name == "demand" || name == "appeal") return true;
    }
  return false;
}

// Whether t codes a protest (14), by its own code or its frame's default.
bool SentenceCoder::protest_trigger(const Trigger& t) const {
  if (t.code.starts_with("14")) return true;
  if (t.frame < 0) return false;
  const auto& frame_code = lex_.frame(t.frame).default_code;
  return frame_code && frame_code->starts_with("14");
}

std::vector<int> SentenceCoder::embed_candidates(const Match& f, const Slot& s, int& requester) const {
  const int i = f.token;
  const bool protest = protest_trigger(*f.trigger);
  std::vector<int> direct;
  switch (s.kind) {
    case SlotKind::kXcomp:
    case SlotKind::kCcomp:
      // (An infinitive the parser hung as an adverbial clause is read as the
      // complement it nearly always is: "pledged on Monday to exchange".)
      for (int c : kids(i))
        if ((s.kind == SlotKind::kXcomp && (base(c) == kDepXcomp || infinitive_clause(c))) ||
            (s.kind == SlotKind::kCcomp && base(c) == kDepCcomp)) {
          direct.push_back(c);
          // "urged X to hold talks": the light verb's object.
          for (int o : kids(c))
            if (base(o) == kDepObj) direct.push_back(o);
        }
      // "asked the administration to end the embargo", the infinitive hung
      // on the object by the parser.
      if (s.kind == SlotKind::kXcomp && !f.trigger->noun)
        for (int o : objects(i, false))
          for (int c : kids(o))
            if (base(c) == kDepAcl && rel(c) != kDepAclRelcl && is_verb(c) && has_child_word(c, kDepMark, {"to"}))
              direct.push_back(c);
      // "Kenya's offer to lead the force": a noun's infinitive complement.
      if (s.kind == SlotKind::kXcomp && f.trigger->noun)
        for (int c : kids(i))
          if (base(c) == kDepAcl && has_child_word(c, kDepMark, {"to"})) direct.push_back(c);
      // A protest states its demand in a purpose or participle clause:
      // "rallied in Belgrade demanding his resignation", "began a hunger
      // strike to demand …", "blocked roads to press the government to …".
      if (s.kind == SlotKind::kXcomp && protest)
        for (int v : {i, f.trigger->noun ? f.light_verb : kNone}) {
          if (v == kNone) continue;
          for (int c : kids(v))
            if ((base(c) == kDepAdvcl || (f.trigger->noun && base(c) == kDepAcl)) && is_verb(c) &&
                (tag(c) == kTagVBG || infinitive_clause(c)) && demand_verb(c) &&
                std::find(direct.begin(), direct.end(), c) == direct.end())
              direct.push_back(c);
        }
      break;
    case SlotKind::kObj:
      direct = objects(i, f.trigger->noun);
      // "lifted most of its sanctions", "ended part of the embargo": what a quantity holds.
      for (std::size_t k = 0, n = direct.size(); k < n; ++k)
        if (listed("obj_look_through", direct[k]))
          for (int c : kids(direct[k]))
            if (phrase_of(c, "of")) direct.push_back(c);
      break;
    case SlotKind::kPrep:
      direct = obliques(i, s.prep);
      break;
    default:
      break;
  }
  // A request noun is looked through, and the demand a protest states;
  // another verb is the act asked for ("asked Lugar to offer the measure").
  std::vector<int> out;
  for (int c : direct) {
    if ((is_verb(c) && !protest) || !lex_.word_in("look_through", lemma(c))) {
      out.push_back(c);
      continue;
    }
    requester = c;
    for (int k : kids(c)) {
      const std::uint8_t b = base(k);
      // ("marched demanding the resignation of Milosevic": a demand verb's object.)
      if ((b == kDepNmod && (case_of(k) == "for" || case_of(k) == "of" || case_of(k) == "to" || case_of(k) == "on")) ||
          b == kDepAcl || b == kDepCcomp || (is_verb(c) && (b == kDepObj || b == kDepXcomp)))
        out.push_back(k);
    }
  }
  return out;
}

// What frame f codes: the first embed slot that holds an action, another
// frame (nesting) or a topic gives the embedded code, which the frame's map
// turns into the result; without one the frame's default (or nothing).
FrameResult SentenceCoder::evaluate_frame(const Match& f, int depth, std::vector<int>* embedded_tokens) const {
  FrameResult r;
  const FrameMap& fm = lex_.frame(f.trigger->frame);
  for (const Slot& s : f.trigger->embed) {
    int requester = kNone;
    const std::vector<int> candidates = embed_candidates(f, s, requester);
    // "rejected demands by the opposition": a refused request with no
    // content named still names who made it. (An accepted offer with no
    // content is mostly a contract: "accepted an offer from British Aerospace".)
    if (requester != kNone && r.requester == kNone && f.trigger->frame == lex_.frame_index("reject"))
      r.requester = requester;
    for (int c : candidates) {
      const Match* m = match_at_token(c);
      // "rejected the statement": a statement noun is content, not an act.
      if (m && m->trigger->noun && m->trigger->statement) m = nullptr;
      // "declined to say what the U.S. would do", "refused to comment": a
      // declined comment (011) with no one it is addressed to.
      // So is "declined to detail what Miyazawa and Baker discussed".
      const bool disclosure = !m && is_verb(c) && lex_.word_in("disclosure_verbs", lemma(c));
      if (((m && !m->trigger->noun && m->trigger->statement) || disclosure) &&
          f.trigger->frame == lex_.frame_index("reject")) {
        r.yields = true;
        return r;
      }
      // "offered condolences", "committed atrocities": the noun is the frame
      // verb's own nominal event.
      if (m && m->trigger->noun && m->light_verb == f.token) {
        r.yields = true;
        return r;
      }
      std::optional<std::string> code;
      if (m && m->trigger->frame >= 0) {
        if (depth < 4) code = evaluate_frame(*m, depth + 1, embedded_tokens).code;
      } else if (m) {
        code = m->trigger->code;
      } else if (auto topic = best_topic(c, f.trigger->frame)) {
        topics_.push_back(*topic);
        m = &topics_.back();
        code = m->trigger->code;
      }
      if (!code) continue;
      if (embedded_tokens) embedded_tokens->push_back(m->token);
      // (The demand verb a protest states is part of it: "marched demanding
      // his resignation" is one protest, not a protest and a demand.)
      if (embedded_tokens && requester != kNone && is_verb(requester)) embedded_tokens->push_back(requester);
      r.embedded = m;
      r.requester = requester;
      r.code = fm.code_for(*code);
      return r;
    }
  }
  if (!f.trigger->embed_required) r.code = fm.default_code;
  return r;
}

// A nominal event is an occurrence unless the text only mentions it: a war
// or treaty of a past year ("the 1980 war") is no new event.
bool SentenceCoder::occurrence(const Match& m, bool has_source) const {
  if (!m.trigger->noun) return true;
  for (int c : kids(m.token)) {
    const std::string_view w = low(c);
    // a year, or a span of years ("the 1980-88 war")
    const bool year = w.size() >= 4 && (w[0] == '1' || w[0] == '2') && std::isdigit(static_cast<unsigned char>(w[1])) &&
                      std::isdigit(static_cast<unsigned char>(w[2])) && std::isdigit(static_cast<unsigned char>(w[3])) &&
                      (w.size() == 4 || w[4] == '-');
    if ((base(c) == kDepNummod || base(c) == kDepAmod || base(c) == kDepCompound) && year) return false;
  }
  // "due to the student demonstrations", "the crisis sparked by student
  // demonstrations": an event named as the cause of another is background.
  if (m.light_verb == kNone) {
    const std::string_view p = case_of(m.token);
    if (p == "due" || p == "because") return false;
    if (rel(m.token) == kDepOblAgent && head(m.token) != kNone && listed("causal_verbs", head(m.token))) return false;
  }
  return has_source || m.light_verb != kNone || circumstance_verb(m.token) != kNone;
}

std::optional<std::string> SentenceCoder::mapped(std::string_view frame, const std::string& code) const {
  const int f = lex_.frame_index(frame);
  if (f < 0) return code;
  return lex_.frame(f).code_for(code);
}

// "dismissed allegations North Korea arranged Kim's death": a claim
// rejected or denied names no one rejected; the word-order patterns must
// not take the claim's subject for the target.
void SentenceCoder::claim_as_object(const Match& f) {
  if (f.trigger->noun) return;
  const auto& classes = lex_.classes_of_list("claim_classes");
  for (int o : objects(f.token, false))
    if (std::any_of(classes.begin(), classes.end(), [&](int c) { return class_match(o, c) > 0; })) decided_ = true;
}

void SentenceCoder::code_frame(const Match& f) {
  const FrameResult r = evaluate_frame(f, 0);
  if (r.yields || !r.code) {
    if (!r.yields) claim_as_object(f);
    return;
  }
  // A noun governed by a verb that is not one of its light verbs ("Israel's
  // refusal to supply arms was reaffirmed") names its own ends, as in
  // code_action: the governing verb's subject is not its agent.
  std::vector<Slot> source = f.trigger->source;
  if (f.unlit)
    source.erase(std::remove_if(source.begin(), source.end(), [](const Slot& s) { return s.kind == SlotKind::kLight; }),
                 source.end());
  std::vector<ActorRef> src, tgt;
  const bool converse = converse_ends(f, src, tgt);
  if (!converse) first_slot_actors(f, source, src, &r);
  std::string code = *r.code;
  std::string label = f.trigger->label.empty() ? lex_.frame(f.trigger->frame).label : f.trigger->label;
  if (advisory_warning(f, r, src)) {
    // Told to whoever is warned, like a statement: no addressee, no event
    // (and no threat for the word-order patterns to find).
    code = "012";
    decided_ = true;
    for (int o : kids(f.token))
      if (base(o) == kDepObj || base(o) == kDepIobj) actors_of(o, tgt);
  } else if (!converse) {
    first_slot_actors(f, f.trigger->target, tgt, &r, &src);
    if (tgt.empty() && src.size() >= 2 && reciprocal(f)) tgt = src;
    if (tgt.empty() && self_claim(f, r, src, tgt)) {
      code = "015";
      label = "claimed responsibility";
    }
    // "offered to supply 120,000 barrels of fuel oil to China": an act no
    // entry codes still names, in its own phrases, whom the frame is for.
    // ("agreed to export iron ore to Japan": an intent names its partner
    // state with "to" there too.)
    // So does a promise's: "Belize's pledge to settle its claim with
    // Guatemala".
    if (tgt.empty() && !r.embedded)
      for (int c : kids(f.token))
        if (f.trigger->noun ? base(c) == kDepAcl && is_verb(c) && has_child_word(c, kDepMark, {"to"})
                            : base(c) == kDepXcomp || infinitive_clause(c)) {
          // (A noun's clause only names a partner state: "his promise to gain
          // terms better than those granted to Mexico" is not to Mexico.)
          for (const Slot& sl : f.trigger->target)
            if (sl.kind == SlotKind::kPrep && tgt.empty() && !f.trigger->noun)
              for (int o : obliques(c, sl.prep)) actors_or_owner(o, tgt);
          // (A state: not "service to the people of Britain"; "settle its
          // claim with Guatemala", "charter tankers from the Soviet Union":
          // the partner state of an intent; else the state whose property
          // the act is done to, "refinance Yugoslavia's debt".)
          if (tgt.empty() && f.trigger->frame == lex_.frame_index("intent")) {
            for (const char* p : {"to", "with", "from"})
              if (!f.trigger->noun || std::string_view(p) != "to")
                for (int o : obliques(c, p)) states_of(o, tgt, false);
            if (tgt.empty())
              for (int o : objects(c, false))
                for (int k : kids(o))
                  if (rel(k) == kDepNmodPoss || (base(k) == kDepNmod && case_of(k) == "of")) states_of(k, tgt, false);
            tgt.erase(std::remove_if(tgt.begin(), tgt.end(), [&](const ActorRef& t) { return own_side(src, t); }), tgt.end());
          }
        }
  }
  // "The High Court dismissed an appeal by Rio Tinto-Zinc": a court ruling on
  // a party's appeal or petition is procedure, not a refusal.
  if (!r.embedded && r.requester != kNone && !src.empty() &&
      doc_.actors[static_cast<std::size_t>(src.front().actor)].sector == "JUD")
    return;
  pair_up(f, src, tgt);
  // "Singapore and Malaysia pledged to exchange intelligence": the embedded
  // act is mutual.
  const bool paired = tgt.empty() && r.embedded;
  if (r.embedded) pair_up(*r.embedded, src, tgt);
  // (Then the frame is theirs together: one edge, as for the act itself.)
  const bool mutual = paired && !tgt.empty();
  protest_target(*r.code, f, src, tgt);
  armed_group_truce_target(*r.code, src, tgt);
  material_place_target(*r.code, f, src, tgt);
  // "threatened to declare martial law across Mindanao", "threatened to
  // block the country's highways": where the act threatened, promised or
  // refused would fall.
  if (r.embedded) {
    material_place_target(r.embedded->trigger->code, *r.embedded, src, tgt);
    protest_target(r.embedded->trigger->code, *r.embedded, src, tgt);
  }
  if (src.empty() || tgt.empty() || !occurrence(f, true)) {
    if (const int p = predicate_of(f); p != kNone) {
      const Modality md = modality(p);
      if (md.negated || md.hypothetical) decided_ = true;   // as in code_action
    }
    claim_as_object(f);
    return;
  }
  const int predicate = predicate_of(f);
  Modality md = predicate != kNone ? modality(predicate, code.starts_with("13") || code.starts_with("03")) : Modality{};
  if (r.embedded && !r.embedded->trigger->label.empty()) label += ": " + r.embedded->trigger->label;
  // An offer or promise is the intention already. "Lyng will ask Japan to
  // …", "plans to demand": an appeal or demand announced is not made yet,
  // and CAMEO has no intent code for it: flagged. A cooperative act
  // announced (04-08: "will agree to meet") is its 03x intent.
  if (md.intent && !md.negated && !md.hypothetical && !code.starts_with("03")) {
    if (auto intent = cooperative_code(code) ? mapped("intent", code) : std::nullopt) {
      code = *intent;
      label = "intends: " + label;
    } else {
      md.hypothetical = true;
    }
  }
  md.intent = md.reject = false;
  mutual_ = mutual;
  emit(f, code, label, src, tgt, md, r.embedded);
  mutual_ = false;
}

void SentenceCoder::code_action(const Match& m) {
  const Trigger& t = *m.trigger;
  const int i = m.token;
  std::vector<Slot> source = t.source, target = t.target;
  // Forces that stand for their state in a passive ("troops were deployed")
  // do not in a reduced relative: "troops deployed in Iraq" is a state of
  // affairs, not a deployment.
  if (!t.noun && base(i) == kDepAcl)
    source.erase(std::remove_if(source.begin(), source.end(), [](const Slot& s) { return s.kind == SlotKind::kObj; }),
                 source.end());
  // Nouns of acts done to someone list the possessor on both sides: it acts
  // when the noun has its object ("Russia's arrest of Navalny"), it undergoes
  // the act when not ("Navalny's arrest").
  const auto is_poss = [](const Slot& s) { return s.kind == SlotKind::kPoss; };
  if (t.noun && std::any_of(source.begin(), source.end(), is_poss) && std::any_of(target.begin(), target.end(), is_poss)) {
    std::vector<ActorRef> obj;
    for (int o : objects(i, true)) actors_of(o, obj);
    auto& drop = obj.empty() ? source : target;
    drop.erase(std::remove_if(drop.begin(), drop.end(), is_poss), drop.end());
  }
  // A noun governed by a verb that is not one of its light verbs ("Iran
  // condemned Iraq's attack on Kuwait") names its own ends or no event: the
  // governing verb's subject is not its agent.
  if (m.unlit)
    source.erase(std::remove_if(source.begin(), source.end(), [](const Slot& s) { return s.kind == SlotKind::kLight; }),
                 source.end());
  std::vector<ActorRef> src, tgt;
  if (!converse_ends(m, src, tgt)) {
    first_slot_actors(m, source, src);
    // "talks between X and Y", "X and Y met"
    if (src.empty() && t.noun && t.symmetric)
      for (int o : obliques(i, "between")) actors_of(o, src);
    first_slot_actors(m, target, tgt, nullptr, &src);
  }
  // "Kenya and Uganda signed a trade agreement": a pact the parties sign
  // together is no party; they are each other's.
  if (t.symmetric && src.size() >= 2 && !tgt.empty() && std::all_of(tgt.begin(), tgt.end(), [&](const ActorRef& r) {
        return doc_.actors[static_cast<std::size_t>(r.actor)].kind == NodeKind::kArtifact;
      }))
    tgt.clear();
  if (tgt.empty() && src.size() >= 2 && reciprocal(m)) tgt = src;
  // "Two French journalists were deported from Indonesia": with no agent
  // named, the state expelling is the one they are sent out of.
  if (src.empty() && !tgt.empty() && t.code.starts_with("174") && !t.noun && passive(i))
    for (int o : obliques(i, "from")) states_of(o, src, true);
  if (!occurrence(m, !src.empty())) return;
  // "left the Treasury", "entered Downing Street": a person's act in another sense.
  if (t.no_person_source && std::any_of(src.begin(), src.end(), [&](const ActorRef& r) {
        return doc_.actors[static_cast<std::size_t>(r.actor)].kind == NodeKind::kPerson;
      })) {
    decided_ = true;
    return;
  }
  pair_up(m, src, tgt);
  protest_target(t.code, m, src, tgt);
  material_place_target(t.code, m, src, tgt);
  responsibility_target(m, src, tgt);
  posture_target(t.code, m, src, tgt);
  armed_group_truce_target(t.code, src, tgt);
  const int predicate = predicate_of(m);
  Modality md = predicate != kNone ? modality(predicate) : Modality{};
  if (tgt.empty() && !src.empty()) condition_target(m, predicate, md, src, tgt);
  if (src.empty() || tgt.empty()) {
    // Unasserted whoever the ends are: the word-order patterns must not
    // read it as done ("had not decided on offering the Soviet Union wheat").
    if (md.negated || md.hypothetical) decided_ = true;
    // Nor take the state of "Japanese business leaders" for the actor.
    if (src.empty() && !t.noun && private_agent(passive(i) ? agent_token(i) : subject_token(i))) decided_ = true;
    if (!src.empty()) claim_as_object(m);
    // "negotiated with the Philippines' commercial creditors": the other
    // side, unnamed; the word-order patterns must not take its owner.
    for (const Slot& sl : target)
      if (sl.kind == SlotKind::kPrep)
        for (int o : obliques(i, sl.prep))
          if (listed("counterpart_heads", o)) decided_ = true;
    return;
  }
  if (t.noun) nominal_modality(i, t, predicate, md);
  // "demonstrators battled riot police": a riot (145), not war; police
  // firing on protesters: violent repression (175).
  const ExtractedActor& by = doc_.actors[static_cast<std::size_t>(src.front().actor)];
  const ExtractedActor& on = doc_.actors[static_cast<std::size_t>(tgt.front().actor)];
  if (const CrowdAndForce cf = crowd_and_force(t.code, by, on); !cf.code.empty())
    return emit(m, std::string(cf.code), std::string(cf.label), src, tgt, md);
  if (verbal_attack(i, t, by, on)) return emit_criticism(m, src, tgt, md);
  // "is travelling to America next week": an act dated after the article is
  // announced, not done.
  if (!md.negated && !md.hypothetical && future_time(i, predicate)) md.intent = true;
  std::optional<std::string> code = t.code;
  std::string label = t.label;
  if (md.reject && !md.hypothetical) {
    code = mapped("reject", t.code);
    label = "refused: " + t.label;
    md.reject = md.negated = false;
  } else if (md.intent && md.forecast && !t.code.starts_with("04")) {
    md.hypothetical = true;   // "is expected to sign": a forecast, not an announcement
  } else if (md.intent && md.decided && !md.hypothetical && !md.negated && !t.code.starts_with("13") &&
             mapped("intent", t.code).value_or("").starts_with("13")) {
    md.intent = false;   // "decided to cut aid": the measure, not a threat of it
  } else if (md.intent && !md.hypothetical && !md.negated) {
    code = mapped("intent", t.code);
    label = "intends: " + t.label;
    // "would freeze aid if …": a condition makes an announced act a threat
    // or a promise; a conditional demand or criticism is not yet made.
    if (md.conditioned && code &&
        ((!code->starts_with("03") && !code->starts_with("13")) || reported_by_other(predicate, src)))
      md.hypothetical = true;
  }
  if (!code) {
    decided_ = true;   // an intent or refusal the codebook gives no code: no event, and no fallback
    return;
  }
  emit(m, *code, label, src, tgt, md);
  // "imposed a curfew": the verb's entry codes it; the noun lit by it is the same event.
  if (!t.noun)
    for (int o : objects(i, false))
      if (const Match* n = match_at_token(o); n && n->trigger->noun && n->light_verb == i) consume(o);
}

// "Japan will retaliate if the United States imposes tariffs": a hostile act
// announced on a condition is a threat against the one whose act the
// condition names, when the act names no target of its own.
void SentenceCoder::condition_target(const Match& m, int predicate, const Modality& md,
                                     const std::vector<ActorRef>& src, std::vector<ActorRef>& tgt) const {
  if (predicate == kNone || !md.conditioned || !md.intent || md.negated || md.hypothetical) return;
  if (!mapped("intent", m.trigger->code).value_or("").starts_with("13")) return;
  for (int c : kids(predicate))
    if (base(c) == kDepAdvcl && has_child_word(c, kDepMark, {"if", "unless"})) {
      const int subj = passive(c) ? agent_token(c) : subject_token(c);
      if (subj != kNone) actors_of(subj, tgt);
    }
  std::erase_if(tgt, [&](const ActorRef& r) { return own_side(src, r); });
}

void SentenceCoder::emit_criticism(const Match& m, const std::vector<ActorRef>& src, const std::vector<ActorRef>& tgt,
                                   Modality md) {
  // As for statements: "is expected to attack Mr Blair's words" is a
  // criticism not yet made.
  if (md.intent) md.hypothetical = true;
  md.intent = false;
  emit(m, "111", "criticized", src, tgt, md);
}

// "Blair attacked Howard over immigration", "Mbeki has attacked British
// imperialists, saying …": a person who attacks a person, a party or an
// institution, or who attacks while speaking, attacks with words (111). A
// named individual's violence is reported as shooting or stabbing; a leader
// attacking a state with arms ("Saddam attacked Iran") stays force.
bool SentenceCoder::verbal_attack(int i, const Trigger& t, const ExtractedActor& source,
                                  const ExtractedActor& target) const {
  if (t.noun || !(t.code.starts_with("18") || t.code.starts_with("19"))) return false;
  if (!lex_.word_in("verbal_attack_verbs", lemma(i))) return false;
  // (Whoever attacks while speaking: "attacked Britain, saying ...".)
  if (source.kind == NodeKind::kPerson || source.sector == "PTY" || source.sector == "LEG")
    for (int c : kids(i)) {
      const std::uint8_t b = base(c);
      if ((b == kDepAdvcl || b == kDepConj || b == kDepParataxis) && lex_.word_in("speaking_verbs", lemma(c))) return true;
    }
  return attack_of_words(source, target);
}

// "warned that the deficit would hamper growth", "cautioned Congress about
// the repercussions": a warning of what others or events may bring is a
// pessimistic comment (012) to whoever is warned, not a threat. The source
// threatens with its own act ("warned that it would retaliate", "we will
// act") or a condition ("will face retaliation if it enacts the tax",
// "unless steps are taken"), against an act ("warned Iran against using
// the missiles", "not to") or of consequences; an unresolved pronoun as the
// complement's subject may be the source, so it stays a threat.
bool SentenceCoder::advisory_warning(const Match& f, const FrameResult& r, const std::vector<ActorRef>& src) const {
  const int w = f.token;
  if (f.trigger->noun || r.embedded || !lex_.word_in("warning_verbs", lemma(w))) return false;
  int complement = kNone;
  bool about = false;
  for (int c : kids(w)) {
    const std::uint8_t b = base(c);
    if (b == kDepXcomp) return false;
    if (b == kDepAdvcl && conditional_under(c)) return false;
    if (b == kDepObl || b == kDepNmod) {
      const std::string_view p = case_of(c);
      if (p == "against" || p == "of") return false;
      if (p == "about" || p == "over") about = true;
    }
    if (b == kDepCcomp && complement == kNone) complement = c;
  }
  if (complement == kNone) return about;
  if (conditional_under(complement)) return false;
  const int subject = subject_token(complement);
  if (subject == kNone) return true;
  if (word_is(subject, "we") || word_is(subject, "i")) return false;
  std::vector<ActorRef> who;
  actors_of(subject, who);
  if (who.empty()) return tag(subject) != kTagPRP;
  for (const ActorRef& a : who)
    for (const ActorRef& s : src)
      if (a.actor == s.actor) return false;
  return true;
}

// Whether clause c or a clause under it is a condition: "if", "unless".
bool SentenceCoder::conditional_under(int c) const {
  if (base(c) == kDepAdvcl && (has_child_word(c, kDepMark, {"if", "unless"}))) return true;
  for (int k : kids(c))
    if (base(k) == kDepAdvcl && has_child_word(k, kDepMark, {"if", "unless"})) return true;
  return false;
}

// Whether an act may fall on a place: its own entry says so, or the act a
// frame applies to does ("lifted its blockade of Gaza"; "refused to halt
// its offensive in Gaza": through a frame in the frame).
bool SentenceCoder::falls_on_place(const Match& m, const Match* embedded) const {
  bool place_target = m.trigger->place_target;
  const Match* e = embedded;
  for (int depth = 1; e && !place_target && depth < 4; ++depth) {
    place_target = e->trigger->place_target;
    e = e->trigger->frame >= 0 ? evaluate_frame(*e, depth).embedded : nullptr;
  }
  return place_target;
}

void SentenceCoder::emit(const Match& m, const std::string& code, const std::string& label,
                         const std::vector<ActorRef>& src, const std::vector<ActorRef>& tgt, const Modality& md,
                         const Match* embedded) {
  const Trigger& t = *m.trigger;
  const bool place_target = falls_on_place(m, embedded);
  // (The act a frame applies to decides too: "threatened to declare martial law".)
  const std::string& act = embedded ? embedded->trigger->code : code;
  const Sentence& s = doc_.sentences[sidx_];
  const int predicate = predicate_of(m);
  const auto source_rank = [&](int actor) {
    return std::find_if(src.begin(), src.end(), [&](const ActorRef& r) { return r.actor == actor; }) - src.begin();
  };
  for (const ActorRef& a : src)
    for (const ActorRef& b : tgt) {
      if (a.actor < 0 || b.actor < 0 || a.actor == b.actor) continue;
      // A symmetric act between two of its sources is coded once (pair_up).
      if ((t.symmetric || mutual_) && source_rank(b.actor) < source_rank(a.actor)) continue;
      const ExtractedActor& sa = doc_.actors[static_cast<std::size_t>(a.actor)];
      const ExtractedActor& tb = doc_.actors[static_cast<std::size_t>(b.actor)];
      // National teams are no states: no event in a sports report. (Police,
      // activists, a government named by a sector noun are no team: "US and
      // British activists staged a protest ... near the Olympic stadium".)
      if (sports_ && sa.naming != Naming::kUnnamed && tb.naming != Naming::kUnnamed) continue;
      // A document or weapon does not act; a place acts only as a visit's host.
      if (sa.kind == NodeKind::kArtifact || sa.kind == NodeKind::kLocation || a.place) continue;
      if ((tb.kind == NodeKind::kLocation || b.place) && !place_target && code.compare(0, 2, "14") != 0 &&
          !domestic_restriction(code) && !domestic_restriction(act))
        continue;
      // A sea or region of no one state ("attacks in the Gulf") is where,
      // not whom; only a visit may go there ("a visit to Europe").
      if (tb.kind == NodeKind::kLocation && tb.country.empty() && code.compare(0, 2, "04") != 0) continue;
      // A plain statement about one's own state or compatriot is no interaction,
      // nor is anything an official or body does to its own state.
      if (t.statement && code == "010" && !sa.country.empty() && sa.country == tb.country) continue;
      // (Force or a restriction a state's own forces or officials turn on a
      // place of that state falls on its people: "Syrian tanks shelled Homs".)
      // (Not control of territory: "entered the White House", "took the UK to
      // war" are no occupation.)
      if (part_of_state(a.actor, b.actor) &&
          !(b.place &&
            (material_code(code) || domestic_restriction(code) || material_code(act) || domestic_restriction(act)) &&
            !code.starts_with("191") && !code.starts_with("192")))
        continue;
      if (t.statement && tb.kind == NodeKind::kArtifact) continue;
      // "filed claims with a special Saudi court": the court hears a suit, it
      // is not sued.
      if (code.starts_with("115") && tb.sector == "JUD") continue;
      // ("the EC charges the accord breached GATT rules": the charge is aimed
      // at whoever stands behind the accord.)
      if (tb.kind == NodeKind::kArtifact && !cameo_acts_on_things(code)) continue;
      // "Chirac returned to Paris": going home, or travelling at home, is no visit.
      // (A protest is against the state where it happens: it stays.)
      if (t.place_target && (code.compare(0, 2, "04") == 0 || code == "036") &&
          (tb.kind == NodeKind::kLocation || tb.kind == NodeKind::kCountry || b.place) && !sa.country.empty() &&
          sa.country == tb.country)
        continue;
      // "Pakistan planned to reopen its consulate in Karachi": a place of the
      // acting side's own state is no partner in intents, consultation or
      // diplomacy (03-05); at home, force and relief are events ("deployed
      // police in Bangkok", "relaxed the curfew in Nairobi").
      if (tb.kind == NodeKind::kLocation && code >= "03" && code < "06" && !sa.country.empty() &&
          sa.country == tb.country)
        continue;
      // "Brodersohn has returned to Argentina": one whose state the text
      // does not give may be going home. "went to Cardiff University",
      // "chose to go to bankruptcy court", "would go to the Senate": a
      // journey to a company or to a body of one's own (or an unknown)
      // state is no visit.
      // ("returns from a visit to Brazil" is the visit.)
      if (t.place_target && !t.noun && (code.compare(0, 2, "04") == 0 || code == "036")) {
        if (lemma(m.token) == "return" && sa.country.empty() && obliques(m.token, "from").empty()) continue;
        if ((tb.kind == NodeKind::kOrganization || tb.kind == NodeKind::kGroup) && !b.place &&
            (tb.sector == "BUS" || tb.code.empty() ||
             (!tb.country.empty() && (sa.country.empty() || sa.country == tb.country))))
          continue;
      }
      // A state is accused, never arrested or indicted: "Washington charged
      // France, West Germany and Spain with unfair practices". (Its people
      // and ships are: "arrested a North Korean man".)
      static const std::string kAccuse = "112", kAccused = "accused";
      const bool charged_state = code.starts_with("173") && tb.kind == NodeKind::kCountry && !b.demonym_owner;
      // A state's "protest" at another state is a formal complaint (114),
      // not a demonstration: "France protested over Canada's decision".
      static const std::string kComplain = "114", kComplained = "complained officially";
      const bool state_protest = (code == "140" || code.starts_with("141")) && diplomatic_protest(sa, tb);
      const std::string& ev_code = charged_state ? kAccuse : state_protest ? kComplain : code;
      bool dup = false;
      for (std::size_t e = first_event_; e < out_.size() && !dup; ++e) {
        const ExtractedEvent& o = out_[e];
        const bool same_ends = (o.source == a.actor && o.target == b.actor) ||
                               ((t.symmetric || mutual_) && o.source == b.actor && o.target == a.actor);
        dup = same_ends && o.cameo == ev_code && o.negated == md.negated && o.hypothetical == md.hypothetical;
      }
      if (dup) continue;
      ExtractedEvent ev;
      ev.source = a.actor;
      ev.target = b.actor;
      ev.cameo = ev_code;
      ev.relation = charged_state ? kAccused : state_protest ? kComplained : label;
      ev.date = event_date(m.token, predicate, !md.hypothetical && !md.negated);
      ev.location = event_place(m.token, predicate, {a.actor, b.actor});
      // (The flag of "a Kuwaiti ship" or the side of "Palestinian targets"
      // says whose, not where.)
      if (place_target && ev.location < 0 && !b.demonym_owner &&
          (tb.kind == NodeKind::kLocation || tb.kind == NodeKind::kCountry || b.place))
        ev.location = b.actor;
      ev.confidence = t.confidence * (a.weak ? 0.85f : 1.0f) * (b.weak ? 0.85f : 1.0f);
      ev.negated = md.negated;
      ev.hypothetical = md.hypothetical;
      ev.symmetric = t.symmetric || mutual_;
      if (t.statement) ev.quote = quote_of_sentence();
      doc_.set_evidence_sentence(ev.evidence, s);
      ev.evidence.rule = t.id;
      out_.push_back(std::move(ev));
      event_tokens_.push_back(m.token);
    }
}

}  // namespace coder

bool sentence_may_hold_event(const Document& doc, std::uint32_t s, const TriggerLexicon& triggers) {
  const Sentence& sent = doc.sentences[s];
  if (sent.headline) return false;
  int first = -1;
  bool two = false, political = false;
  for (auto [i, end] = doc.mentions_of(s); i < end; ++i) {
    const Mention& m = doc.mentions[i];
    if (m.actor < 0) continue;
    // Company news ("Bell Petroleum agreed to talks with Regal") gives no
    // event the extractor keeps (drop_business_only_events): no parse.
    for (const int a : {m.actor, m.actor2})
      political = political || (a >= 0 && political_actor(doc.actors[static_cast<std::size_t>(a)]));
    if (m.actor2 >= 0 && m.actor2 != m.actor) two = true;
    if (first < 0) first = m.actor;
    else if (m.actor != first) two = true;
    if (two && political) break;
  }
  if (!political) return false;
  // "Thousands protested in Caracas", "Tunisian authorities lifted the
  // curfew": one actor, the act falling on its own state.
  if (!two) {
    for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k)
      if (triggers.one_actor_trigger(doc.token_lower(doc.tokens[k]))) return true;
    return false;
  }
  // "X said Y …": a statement verb codes an event only with an addressee or
  // topic after a preposition, or through another trigger in its complement.
  bool statement = false, preposition = false;
  for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
    const std::string_view w = doc.token_lower(doc.tokens[k]);
    if (triggers.may_trigger(w)) {
      if (!triggers.statement_only(w)) return true;
      statement = true;
    }
    preposition = preposition || triggers.statement_preposition(w);
  }
  return statement && preposition;
}

void code_events(const Document& doc, const TriggerLexicon& triggers, std::vector<ExtractedEvent>& out,
                 std::vector<bool>* read) {
  if (read) read->assign(doc.sentences.size(), false);
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s)
    if (doc.sentences[s].parsed) {
      const bool r = coder::SentenceCoder(doc, triggers, s, out).run();
      if (read) (*read)[s] = r;
    }
}

}  // namespace geokg
