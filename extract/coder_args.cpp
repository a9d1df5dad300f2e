// The tree coder, stage 2: the actors at a trigger's argument positions
// (coder_modality.cpp: the modality of its predicate; coder_dates.cpp: its
// time and place).

#include <algorithm>

#include "coder_sentence.hpp"

namespace geokg::coder {

void SentenceCoder::add_actor(std::vector<ActorRef>& out, ActorRef r) {
  for (const auto& x : out)
    if (x.actor == r.actor) return;
  out.push_back(r);
}

// Whether punctuation stands between head i and its apposition c ("the
// broker, Joachim Schmidt", "the group (Hamas)"); either order.
bool SentenceCoder::set_off(int i, int c) const {
  for (int k = std::min(i, c) + 1; k < std::max(i, c); ++k)
    if ((tok(k).flags & kTokPunct) != 0) return true;
  return false;
}

// The actors a noun phrase headed by token i names: its mention, an agent
// noun with a country ("Iraqi forces", "the government of Iran"), a relative
// pronoun's antecedent, an apposition; and its conjuncts.
void SentenceCoder::actors_of(int i, std::vector<ActorRef>& out, int depth) const {
  if (!inside(i) || depth > 3) return;
  const int m = mention_at(i);
  if (m != kNone) {
    const Mention& mn = doc_.mentions[static_cast<std::size_t>(m)];
    // A demonym standing alone for a phrase is a tagging slip ("Argentine
    // bonds" read as a clause), not an actor; it names one only as the
    // modifier of an agent noun ("Argentine officials", below).
    // ("US imposed sanctions", "New Zealand criticized China": a name that
    // is also an adjective is the state where the parser makes it an argument.)
    const std::uint8_t b = base(i);
    const bool argument = b == kDepNsubj || b == kDepObj || b == kDepObl || rel(i) == kDepIobj || b == kDepConj;
    if (mn.form == MentionForm::kAdjective && !(mn.name_too && argument)) return;
    const bool weak = mn.form == MentionForm::kPronoun || mn.form == MentionForm::kTitle;
    if (const int state = capital_as_state(i, mn); state >= 0) {
      add_actor(out, {state, weak, false});
      return;
    }
    add_actor(out, {mn.actor, weak, mn.as_location});
    if (mn.actor2 >= 0) add_actor(out, {mn.actor2, weak, mn.as_location});
  } else if (is_personal_pronoun(low(i)) && depth < 2) {
    speaker_for_pronoun(i, out, depth);
  } else if (relative_pronoun(low(i)) && head(i) != kNone && base(head(i)) == kDepAcl) {
    // The antecedent is the relative clause's head; when the parser hung the
    // clause on the verb instead, the phrase just before the pronoun.
    const int antecedent = head(head(i));
    if (antecedent != kNone && !is_verb(antecedent)) {
      actors_of(antecedent, out, depth + 1);
    } else {
      int k = i - 1;
      while (inside(k) && (tok(k).flags & kTokPunct) != 0) --k;
      if (inside(k) && mention_at(k) != kNone) actors_of(k, out, depth + 1);
    }
  } else {
    described_actors(i, out, depth);
  }
  for (int c : kids(i))
    if (rel(c) == kDepConj) actors_of(c, out, depth + 1);
  if (depth == 0 && m != kNone) listed_before(static_cast<int>(doc_.mentions[static_cast<std::size_t>(m)].token_begin), out);
}

// The actors a phrase with no mention of its own names: a named apposition,
// a name after a title noun, a group's members or listed members, what a
// quantity counts, an agent noun with its state ("Iraqi forces").
void SentenceCoder::described_actors(int i, std::vector<ActorRef>& out, int depth) const {
  // A named apposition is more specific than an agent noun's country:
  // "China's minister of public security, Wang Xiaohong".
  // (Unpunctuated and opening with a determiner, it is mostly a parse of
  // two objects: "told a Senate subcommittee the Group of Five agreed".)
  for (int c : kids(i))
    if (rel(c) == kDepAppos && (set_off(i, c) || !(c > i && inside(i + 1) && tag(i + 1) == kTagDT)))
      actors_of(c, out, depth + 1);
  bool found = !out.empty();
  // "French president Nicolas Sarkozy" hung as two phrases: a title noun
  // right before a person's name ("Chancellor Kohl's talks") names that person.
  if (!found && (tag(i) == kTagNN || tag(i) == kTagNNP) && inside(i + 1) && mention_at(i + 1) != kNone) {
    const Mention& next = doc_.mentions[static_cast<std::size_t>(mention_at(i + 1))];
    if (static_cast<int>(next.token_begin) == i + 1 &&
        (next.form == MentionForm::kName || next.form == MentionForm::kPartName) &&
        doc_.actors[static_cast<std::size_t>(next.actor)].kind == NodeKind::kPerson) {
      add_actor(out, {next.actor, false, false});
      found = true;
    }
  }
  // "Secretary of State George Shultz will visit", parsed with the name as
  // the title's "of" phrase: the capitalised title names its holder.
  if (!found && tag(i) == kTagNNP)
    for (int c : kids(i)) {
      if (base(c) != kDepNmod || c < i || mention_at(c) == kNone) continue;
      const Mention& held = doc_.mentions[static_cast<std::size_t>(mention_at(c))];
      if ((held.form == MentionForm::kName || held.form == MentionForm::kPartName) &&
          doc_.actors[static_cast<std::size_t>(held.actor)].kind == NodeKind::kPerson) {
        add_actor(out, {held.actor, false, false});
        found = true;
        break;
      }
    }
  // "opposition groups", "rebel commanders", "the G7 nations", "NATO allies":
  // members named by the group before them (not a state: "Japanese
  // officials" are agents, below).
  if (!found && (listed("member_nouns", i) || listed("member_state_heads", i)))
    for (int c : kids(i))
      if (base(c) == kDepCompound && c < i && mention_at(c) != kNone) {
        const Mention& mc = doc_.mentions[static_cast<std::size_t>(mention_at(c))];
        const NodeKind k = doc_.actors[static_cast<std::size_t>(mc.actor)].kind;
        if (k != NodeKind::kGroup && k != NodeKind::kOrganization) continue;
        add_actor(out, {mc.actor, false, false});
        found = true;
        break;
      }
  // "four countries, including the United States and Britain", "surplus
  // countries such as Japan": a group stands for the members it lists.
  if (!found && listed("member_list_heads", i))
    for (int c : kids(i))
      if (base(c) == kDepNmod && c > i && lex_.word_in("member_list_cases", case_of(c))) {
        actors_of(c, out, depth + 1);
        found = !out.empty();
        break;
      }
  // "Thousands of Venezuelans", "dozens of Iraqi soldiers": a quantity names
  // what it counts.
  if (!found && listed("obj_look_through", i))
    for (int c : kids(i))
      if (phrase_of(c, "of")) {
        actors_of(c, out, depth + 1);
        found = !out.empty();
        break;
      }
  if (!found && !private_agent(i) && (lex_.word_in("agent_heads", low(i)) || lex_.word_in("agent_heads", lemma(i)))) {
    // "Iraqi forces", "U.S. officials", "the government of Iran", "Iran's army"
    for (int c : kids(i)) {
      const std::uint8_t b = base(c);
      const bool mod = b == kDepAmod || b == kDepCompound || rel(c) == kDepNmodPoss ||
                       (b == kDepNmod && (case_of(c) == "of" || case_of(c) == "in"));
      if (!mod || mention_at(c) == kNone) continue;
      const Mention& mn = doc_.mentions[static_cast<std::size_t>(mention_at(c))];
      if (doc_.actors[static_cast<std::size_t>(mn.actor)].kind != NodeKind::kCountry) continue;
      add_actor(out, {mn.actor, false, false});
      for (int k : kids(c))   // ("the presidents of Colombia and Venezuela": each state's.)
        if (base(k) == kDepConj) states_of(k, out, false);
      found = true;
      break;
    }
  }
}

// The states among the actors phrase o names, added to out (weak: the
// party inferred, not named as such).
void SentenceCoder::states_of(int o, std::vector<ActorRef>& out, bool weak) const {
  std::vector<ActorRef> named;
  actors_of(o, named);
  for (const ActorRef& r : named)
    if (doc_.actors[static_cast<std::size_t>(r.actor)].kind == NodeKind::kCountry) add_actor(out, {r.actor, r.weak || weak, r.place, r.demonym_owner});
}

// "Japanese business leaders", "U.S. and EC business leaders": no officials
// of the states named with them (words.private_modifiers).
bool SentenceCoder::private_agent(int i) const {
  return inside(i) && std::any_of(kids(i).begin(), kids(i).end(), [&](int c) {
           return (base(c) == kDepCompound || base(c) == kDepAmod) && c < i && listed("private_modifiers", c);
         });
}

// "overtures from Seoul", "a warning to Washington": a capital after "from"
// or "to" is its state (its country actor; -1: none) unless the phrase is a journey's ("flew to Moscow", "returned from Seoul",
// "a trip to Tokyo").
int SentenceCoder::capital_as_state(int i, const Mention& mn) const {
  if (!mn.as_location || mn.form != MentionForm::kMetonym || (case_of(i) != "from" && case_of(i) != "to") ||
      head(i) == kNone || listed("journey_words", head(i)))
    return -1;
  return country_actor(doc_.actors[static_cast<std::size_t>(mn.actor)].country);
}

// The article's actor for the state of ISO code c (-1: none, or c empty).
int SentenceCoder::country_actor(const std::string& c) const {
  if (c.empty()) return -1;
  for (std::size_t a = 0; a < doc_.actors.size(); ++a)
    if (doc_.actors[a].kind == NodeKind::kCountry && doc_.actors[a].country == c) return static_cast<int>(a);
  return -1;
}

// "Germany, France, and Italy condemned Iran": the parser often hangs the
// first items of a list elsewhere; names separated by commas and ending in
// "and"/"or" right before this one are its conjuncts.
void SentenceCoder::listed_before(int first, std::vector<ActorRef>& out) const {
  int k = first - 1;
  if (!inside(k) || (low(k) != "and" && low(k) != "or")) return;
  --k;
  if (inside(k) && low(k) == ",") --k;
  std::vector<ActorRef> items;
  for (;;) {
    if (!inside(k) || mention_at(k) == kNone) return;   // not a list of names after all
    const Mention& mn = doc_.mentions[static_cast<std::size_t>(mention_at(k))];
    if (mn.form == MentionForm::kAdjective || mn.as_location) return;
    items.push_back({mn.actor, false, false});
    k = static_cast<int>(mn.token_begin) - 1;
    if (!inside(k) || low(k) != ",") break;
    --k;
  }
  for (const auto& r : items) add_actor(out, r);
}

// The token standing as the subject of verb v, following shared subjects of
// coordinated verbs, control ("urged X to leave": X; "agreed to meet": the
// subject), participles and adverbial clauses.
int SentenceCoder::subject_token(int v, int depth) const {
  // ("Thailand on Friday turned down …" parsed with "Friday" as the subject:
  // a time is nobody.)
  for (int c : kids(v))
    if ((rel(c) == kDepNsubj || rel(c) == kDepNsubjPass || rel(c) == kDepCsubj) && !in_time(c)) return c;
  for (int c : kids(v))
    if (rel(c) == kDepNsubjOuter) return c;
  // "Spanish farmers demanding a better deal blocked roads", the subject hung
  // on the participle clause before the verb: the verb's.
  for (int c : kids(v))
    if (c < v && base(c) == kDepAdvcl && tag(c) == kTagVBG && !has_child_word(c, kDepMark, {"after", "before", "while", "by", "for", "of", "in", "on", "when", "since"}))
      for (int g : kids(c))
        if (rel(g) == kDepNsubj && g < c && !in_time(g)) return g;
  const int h = head(v);
  if (h == kNone || depth > 5) return adjacent_subject(v);
  switch (base(v)) {
    case kDepConj:
      return subject_token(h, depth + 1);
    case kDepXcomp: {
      // Object control ("urged Iran to release") when the object names an
      // actor; "took measures to suppress" is still the subject's doing.
      std::vector<ActorRef> a;
      for (int c : kids(h))
        if (base(c) == kDepObj || rel(c) == kDepIobj ||
            (base(c) == kDepObl && (case_of(c) == "on" || case_of(c) == "upon"))) {
          a.clear();
          actors_of(c, a);
          if (!a.empty()) return c;
        }
      return subject_token(h, depth + 1);
    }
    case kDepAcl:
      if (rel(v) == kDepAclRelcl) return kNone;
      // "Denmark's decision to freeze contacts": the noun's owner acts.
      if (noun_infinitive(v))
        for (int c : kids(h))
          if (rel(c) == kDepNmodPoss && mention_at(c) != kNone) return c;
      return h;
    case kDepAdvcl:
      // "condemned Israel for bombing Lebanon", "accused Iran of attacking":
      // the gerund of what the object is judged for is the object's act.
      // ("retaliated against Japan for violating the accord": its oblique.)
      // ("impose trade action against Japan for breaking": the object's.)
      if (tag(v) == kTagVBG && has_child_word(v, kDepMark, {"for", "of"}))
        for (int c : kids(h)) {
          if ((base(c) == kDepObj || (base(c) == kDepObl && (case_of(c) == "against" || case_of(c) == "on"))) &&
              c < v && mention_at(c) != kNone)
            return c;
          if (base(c) == kDepObj && c < v)
            for (int g : kids(c))
              if (base(g) == kDepNmod && (case_of(g) == "against" || case_of(g) == "on") && g < v &&
                  mention_at(g) != kNone)
                return g;
        }
      return subject_token(h, depth + 1);
    default:
      return adjacent_subject(v);
  }
}

// A clause the parser left without a subject ("In addition to his talks with
// Wang, Blinken met Xi", where Blinken was hung on Wang): the actor named
// right before the verb, past auxiliaries and adverbs, is its subject.
int SentenceCoder::adjacent_subject(int v) const {
  int k = v - 1;
  // Past auxiliaries, adverbs and a time phrase ("Thailand on Friday turned down").
  while (inside(k) && (((rel(k) == kDepAux || rel(k) == kDepAuxPass || base(k) == kDepAdvmod) && head(k) == v) ||
                       in_time(k) || (low(k) == "on" && inside(k + 1) && in_time(k + 1)) || low(k) == ","))
    --k;
  if (!inside(k) || mention_at(k) == kNone || is_verb(k)) return kNone;
  const Mention& mn = doc_.mentions[static_cast<std::size_t>(mention_at(k))];
  if (mn.form == MentionForm::kAdjective || mn.as_location) return kNone;
  return k;
}

int SentenceCoder::agent_token(int v) const {
  for (int c : kids(v))
    if (rel(c) == kDepOblAgent || (base(c) == kDepObl && case_of(c) == "by")) return c;
  // "was recognised as a state by Germany", "was threatened with sanctions
  // by Saudi Arabia": the parser hung the agent on the phrase before it; a
  // named actor there is still the agent.
  // ("by the Philippine foreign ministry": or an agent noun whose modifier
  // names its state.)
  const auto named = [&](int g) {
    if (mention_at(g) != kNone) return true;
    if (!lex_.word_in("agent_heads", low(g)) && !lex_.word_in("agent_heads", lemma(g))) return false;
    for (int m : kids(g))
      if ((base(m) == kDepAmod || base(m) == kDepCompound) && mention_at(m) != kNone) return true;
    return false;
  };
  // ("Qatar was handed an ultimatum by Saudi Arabia": on the noun the parser
  // called a predicate.)
  for (int c : kids(v))
    if (base(c) == kDepObl || base(c) == kDepObj || (base(c) == kDepXcomp && is_common_noun(c)))
      for (int g : kids(c))
        if (base(g) == kDepNmod && case_of(g) == "by" && named(g)) return g;
  return kNone;
}

// The verb of the clause a nominal event is a circumstance of ("during a
// visit to Japan", "after talks with Wang"), else kNone.
int SentenceCoder::circumstance_verb(int n) const {
  const int h = head(n);
  if (h == kNone || !is_verb(h) || base(n) != kDepObl) return kNone;
  const std::string_view p = case_of(n);
  if (p == "during" || p == "after" || p == "before" || p == "following" || p == "on" || p == "at" || p == "in" ||
      p == "amid" || p == "since" || p == "upon" || p == "ahead")
    return h;
  return kNone;
}

// The actors of the phrase headed by o, else of its owner: "concerns about
// China's support" is about China, "attacked Ukrainian positions" attacked
// Ukraine; a demonym owns only people, forces, places and property ("embraced
// U.S. Treasuries" embraced no state; the classes: owned_target_classes).
// Whether o is the noun of an act of violence (CAMEO 18-20: "bombing",
// "raid", "massacre").
bool SentenceCoder::violent_act_noun(int o) const {
  const Match* act = match_at_token(o);
  return act && act->trigger->noun && act->trigger->code >= "18" && act->trigger->code < "21";
}

// Whether a demonym before noun o names its owner: "Ukrainian positions",
// "the Greek people", "a British tanker", "the Palestinian bid" (not "the
// Iranian nuclear programme", "Japanese exports": words.owned_target_classes).
bool SentenceCoder::demonym_owns(int o) const {
  for (int cls : lex_.classes_of_list("owned_target_classes"))
    if (class_match(o, cls) > 0) return true;
  return lex_.word_in("look_through", lemma(o));
}

void SentenceCoder::actors_or_owner(int o, std::vector<ActorRef>& out, bool judged, bool statement) const {
  actors_of(o, out);
  if (!out.empty() || !inside(o)) return;
  // "told the IADB annual meeting", "in an address to the annual meeting of
  // ESCAP": whom a statement is made before (words.audience_nouns).
  if (statement && listed("audience_nouns", o)) return;
  // "the Philippines' commercial creditors", "Iran's enemies": the other
  // side of the owner, not the owner.
  if (listed("counterpart_heads", o)) return;
  const bool owned_kind = demonym_owns(o);
  // The owner a modifier c names: a demonym's state, else its actors.
  const auto owner = [&](int c) {
    const int cm = mention_at(c);
    if (cm != kNone && doc_.mentions[static_cast<std::size_t>(cm)].form == MentionForm::kAdjective)
      add_actor(out, {doc_.mentions[static_cast<std::size_t>(cm)].actor, false, false, true});
    else
      actors_of(c, out);
    return !out.empty();
  };
  const auto modifier = [&](int c) {
    return (base(c) == kDepAmod || base(c) == kDepCompound) && mention_at(c) != kNone;
  };
  // "opposes Soviet membership of the World Bank": the member, not the body
  // joined (words.membership_nouns).
  if (listed("membership_nouns", o))
    for (int c : kids(o))
      if ((rel(c) == kDepNmodPoss || modifier(c)) && owner(c)) return;
  // "condemned the bombing of the Greek embassy": the "of" phrase of a
  // violent act judged (`judged`: the object of a disapproval, 11) is whom
  // it was done to, not whose act it is ("condemned Israel's raid": the
  // possessor is). ("denied any role in the bombing of the U.S. embassy"
  // is toward the victim.)
  const bool violent_act = violent_act_noun(o);
  // ("denied any involvement in the attacks on Estonia": toward whom the act
  // was done.)
  if (!judged && violent_act)
    for (int c : kids(o))
      if (base(c) == kDepNmod && (case_of(c) == "on" || case_of(c) == "against") && owner(c)) return;
  for (int c : kids(o))
    if ((rel(c) == kDepNmodPoss ||
         (base(c) == kDepNmod && !(judged && violent_act) && (case_of(c) == "of" || case_of(c) == "from")) ||
         (owned_kind && modifier(c))) &&
        owner(c))
      return;
  belonging_owner(o, out);
}

// "olive trees belonging to Palestinian farmers", "a tanker owned by
// Kuwait", "hundreds of trees belonging to …" (through a quantity).
void SentenceCoder::belonging_owner(int o, std::vector<ActorRef>& out) const {
  for (int x = o, depth = 0; inside(x) && depth < 2 && out.empty(); ++depth) {
    for (int c : kids(x))
      if (base(c) == kDepAcl && (lemma(c) == "belong" || low(c) == "belonging" || lemma(c) == "own" || low(c) == "owned"))
        for (int g : kids(c))
          if (base(g) == kDepObl && (case_of(g) == "to" || case_of(g) == "by")) actors_of(g, out);
    int next = kNone;
    if (listed("obj_look_through", x))
      for (int c : kids(x))
        if (phrase_of(c, "of")) next = c;
    x = next;
  }
}

// The party a comment's topic phrase o names in its modifiers: "relations
// with Washington", "the loss of the Ukrainian jet", "the attacks on
// Estonian government websites" (two phrases down at most).
void SentenceCoder::topic_party(int o, std::vector<ActorRef>& out, int depth) const {
  if (!inside(o) || depth > 1) return;
  for (int c : kids(o)) {
    if (base(c) != kDepNmod) continue;
    const std::string_view p = case_of(c);
    if (p != "with" && p != "between" && p != "of" && p != "on" && p != "against" && p != "toward" && p != "towards")
      continue;
    actors_or_owner(c, out);
    if (out.empty()) topic_party(c, out, depth + 1);
    if (!out.empty()) return;
  }
}

// The ccomp.subj slot: "said that X …", "the demand that X …", and
// "concerns that X …" on the object noun; ("complained that Japanese
// chipmakers continue to sell") the state of a demonym-owned subject.
void SentenceCoder::clause_subject_actors(const Match& m, std::vector<ActorRef>& out) const {
  const int i = m.token;
  const bool noun = m.trigger->noun;
  for (int c : kids(i))
    if (base(c) == kDepCcomp || (noun && base(c) == kDepAcl && has_child_word(c, kDepMark, {"that"}))) {
      const int subj = subject_token(c);
      actors_of(subj, out);
      if (!out.empty() || subj == kNone) continue;
      for (int d : kids(subj))
        if (base(d) == kDepAmod || base(d) == kDepCompound)
          if (const int mm = mention_at(d);
              mm != kNone && doc_.mentions[static_cast<std::size_t>(mm)].form == MentionForm::kAdjective)
            add_actor(out, {doc_.mentions[static_cast<std::size_t>(mm)].actor, true, false, true});
    }
  if (out.empty())
    for (int o : objects(i, noun))
      for (int c : kids(o))
        if (base(c) == kDepCcomp || (base(c) == kDepAcl && has_child_word(c, kDepMark, {"that"})))
          actors_of(subject_token(c), out);
}

// The light verb's subject (its agent in the passive), or the subject of the
// clause a meeting, visit or protest is the circumstance of.
void SentenceCoder::light_source_actors(const Match& m, std::vector<ActorRef>& out) const {
  const int i = m.token;
  const Trigger& t = *m.trigger;
  int v = m.light_verb;
  // "X met Y during a visit to Z": the clause's subject took part in a
  // meeting, a visit or a protest it is the circumstance of (not in an act
  // of force: "fled after an attack on X" is no attack by those who fled).
  const bool force = t.code.size() >= 2 && t.code.compare(0, 2, "17") >= 0;
  const bool circumstance = v == kNone && (t.symmetric || (t.place_target && !force));
  if (circumstance) v = circumstance_verb(i);
  // "Rabin was assassinated at a peace rally": the agent of an act of force
  // at a protest did not stage it.
  if (circumstance && v != kNone && passive(v) && protest_trigger(t)) {
    const Match* act = match_at_token(v);
    if (act && act->trigger->code.size() >= 2 && act->trigger->code.compare(0, 2, "17") >= 0) return;
  }
  if (v != kNone) {
    if (passive(v)) actors_of(agent_token(v), out);
    else actors_of(subject_token(v), out);
  }
  // ("Police detained monks after a protest in Lhasa": the state's
  // forces acting after a protest did not stage it.)
  if (circumstance && protest_trigger(t))
    out.erase(std::remove_if(out.begin(), out.end(), [&](const ActorRef& r) {
                const std::string& sector = doc_.actors[static_cast<std::size_t>(r.actor)].sector;
                return sector == "COP" || sector == "MIL" || sector == "SPY" || sector == "JUD";
              }),
              out.end());
}

// "handed Belarus a list of demands", "gave Japan an ultimatum": the light
// verb's recipient, before the phrase that holds the noun (the parser may
// call it an object); "Qatar was handed an ultimatum": its passive subject.
void SentenceCoder::light_verb_recipient(const Match& m, std::vector<ActorRef>& out) const {
  const int v = m.light_verb;
  int holder = m.token;
  for (int steps = 0; holder != kNone && head(holder) != v && steps < 3; ++steps) holder = head(holder);
  for (int c : kids(v))
    if (c != holder && c < holder && (rel(c) == kDepIobj || base(c) == kDepObj)) actors_of(c, out);
  if (out.empty() && passive(v) && holder != kNone &&
      (base(holder) == kDepObj || (base(holder) == kDepXcomp && is_common_noun(holder))))
    for (int c : kids(v))
      if (rel(c) == kDepNsubjPass) actors_of(c, out);
}

void SentenceCoder::slot_actors(const Match& m, const Slot& s, std::vector<ActorRef>& out,
                                const FrameResult* frame) const {
  const int i = m.token;
  const Trigger& t = *m.trigger;
  const bool judged = t.code.starts_with("11");   // a disapproval: a violent act's victim is no target
  const bool statement = t.code.starts_with("01");
  switch (s.kind) {
    case SlotKind::kSubj:
      if (t.noun) break;
      if (passive(i)) {
        actors_of(agent_token(i), out);
      } else {
        actors_of(subject_token(i), out);
        // "The United States and the European Union eased …" parsed as two
        // subjects instead of one coordination: both act.
        for (int c : kids(i))
          if (rel(c) == kDepNsubj && c != subject_token(i)) actors_of(c, out);
        if (out.empty()) document_issuer(subject_token(i), out);
      }
      break;
    case SlotKind::kObj: {
      const std::vector<int> objs = objects(i, t.noun);
      for (int o : objs) actors_or_owner(o, out, judged, statement);
      if (out.empty() && m.particle_obl != kNone && objs.empty()) actors_or_owner(m.particle_obl, out, judged);
      // "asked Japan for loans": the parser often calls the only object iobj.
      if (out.empty() && !t.noun)
        for (int c : kids(i))
          if (rel(c) == kDepIobj) actors_of(c, out);
      break;
    }
    case SlotKind::kIobj:
      for (int c : kids(i))
        if (rel(c) == kDepIobj) actors_of(c, out);
      // "Poland was given a credit": a passive that kept its object has its
      // indirect object as subject.
      if (out.empty() && !t.noun && passive(i) &&
          std::any_of(kids(i).begin(), kids(i).end(), [&](int c) { return base(c) == kDepObj; }))
        for (int c : kids(i))
          if (rel(c) == kDepNsubjPass) actors_of(c, out);
      if (out.empty() && t.noun && m.light_verb != kNone) light_verb_recipient(m, out);
      break;
    case SlotKind::kPrep:
      if (m.particle_obl != kNone && s.prep == t.particle) {
        actors_of(m.particle_obl, out);
        break;
      }
      for (int o : obliques(i, s.prep)) actors_or_owner(o, out, judged, statement);
      // "pessimistic about relations with Washington", "responsibility for
      // the loss of the Ukrainian jet": a comment's topic names its party
      // one or two phrases down (pessimism, optimism, responsibility and
      // its denial, mourning, sympathy: 012-018 but for 014; a plain
      // statement's "on" phrase is too often only its subject matter).
      if (out.empty() && statement && t.code.size() >= 3 && t.code[2] >= '2' && t.code[2] != '4')
        for (int o : obliques(i, s.prep)) topic_party(o, out, 0);
      if (out.empty() && statement)
        for (int o : obliques(i, s.prep)) author_actors(o, out);
      // "held talks with Wang": the parser may hang the phrase on the light verb.
      if (out.empty() && t.noun && m.light_verb != kNone)
        for (int o : obliques(m.light_verb, s.prep)) actors_or_owner(o, out);
      // "hit out at Japan": a state after "at" that an act is aimed at is no place.
      if (s.prep == "at" && !t.place_target)
        for (ActorRef& r : out)
          if (doc_.actors[static_cast<std::size_t>(r.actor)].kind == NodeKind::kCountry) r.place = false;
      break;
    case SlotKind::kObjOf:
      object_owner_actors(m, out, judged);
      break;
    case SlotKind::kCcompSubj:
      clause_subject_actors(m, out);
      break;
    case SlotKind::kPoss:
      for (int c : kids(i))
        if (rel(c) == kDepNmodPoss) actors_of(c, out);
      break;
    case SlotKind::kBy:
      for (int o : obliques(i, "by")) actors_of(o, out);
      break;
    case SlotKind::kMod:
      modifier_actors(m, out);
      break;
    case SlotKind::kLight:
      light_source_actors(m, out);
      break;
    case SlotKind::kEmbedTarget:
      embedded_target_actors(frame, out);
      break;
    case SlotKind::kEmbedSource:
      if (frame && frame->embedded) first_slot_actors(*frame->embedded, frame->embedded->trigger->source, out);
      break;
    case SlotKind::kRequester:
      if (frame && frame->requester != kNone) requester_actors(m, frame->requester, out);
      break;
    case SlotKind::kXcomp:
    case SlotKind::kCcomp:
      break;
  }
}

// "an Israeli air strike", "U.S. sanctions": a demonym before an event noun
// names who acts (actors_of takes no demonym alone). Not before "trade" or
// "investment" (061), where it names the national economy, nor before a noun
// that acts only with its light verb ("any U.S. strike against Iran" is no
// walkout).
void SentenceCoder::modifier_actors(const Match& m, std::vector<ActorRef>& out) const {
  const Trigger& t = *m.trigger;
  for (int c : kids(m.token)) {
    if ((base(c) != kDepAmod && base(c) != kDepCompound) || c > m.token) continue;
    const int mm = mention_at(c);
    if (mm == kNone || doc_.mentions[static_cast<std::size_t>(mm)].form != MentionForm::kAdjective) {
      actors_of(c, out);
      continue;
    }
    if (t.code.starts_with("06") || (m.unlit && t.light_required)) continue;
    add_actor(out, {doc_.mentions[static_cast<std::size_t>(mm)].actor, false, false});
  }
}

// The target of the act a frame embeds; for a protest whose demand verb was
// looked through ("blocked roads demanding a better deal from the EC"), the
// one that verb's demand is made of: someone who can give it, not "a better
// deal" or a city.
void SentenceCoder::embedded_target_actors(const FrameResult* frame, std::vector<ActorRef>& out) const {
  if (!frame) return;
  if (frame->embedded) first_slot_actors(*frame->embedded, frame->embedded->trigger->target, out);
  if (!out.empty() || frame->requester == kNone || !is_verb(frame->requester)) return;
  const Match* d = match_at_token(frame->requester);
  if (!d) return;
  first_slot_actors(*d, d->trigger->target, out);
  std::erase_if(out, [&](const ActorRef& r) {
    const NodeKind k = doc_.actors[static_cast<std::size_t>(r.actor)].kind;
    return k == NodeKind::kArtifact || k == NodeKind::kLocation || r.place;
  });
}

void SentenceCoder::first_slot_actors(const Match& m, const std::vector<Slot>& slots, std::vector<ActorRef>& out,
                                      const FrameResult* frame, const std::vector<ActorRef>* sources) const {
  for (const Slot& s : slots) {
    slot_actors(m, s, out, frame);
    // A target slot holding only the sources themselves, or their own state
    // ("Xi reiterated Beijing's concerns that the U.S. …"), gives way to the next.
    if (sources)
      out.erase(std::remove_if(out.begin(), out.end(), [&](const ActorRef& t) { return own_side(*sources, t); }),
                out.end());
    if (!out.empty()) return;
  }
}

// Whether actor a acts for state b: an official or a state body of that
// country. Opposition, rebels, protesters and the people are not the state:
// their events with their own government are the domestic ones CAMEO codes.
bool SentenceCoder::part_of_state(int a, int b) const {
  const ExtractedActor& sa = doc_.actors[static_cast<std::size_t>(a)];
  const ExtractedActor& tb = doc_.actors[static_cast<std::size_t>(b)];
  if (tb.kind != NodeKind::kCountry || sa.kind == NodeKind::kCountry || sa.country.empty() || sa.country != tb.country)
    return false;
  if (sa.kind == NodeKind::kGroup) return false;
  static const std::string_view kNonState[] = {"OPP", "REB", "INS", "PPL", "CVL", "BUS", "MED", "EDU", "HLH",
                                               "REL", "LAB", "REF", "CRM", "AGR", "NGO"};
  for (auto sector : kNonState)
    if (sa.sector == sector) return false;
  return true;
}

// Whether target t is one of the sources or the state of a source that is
// not itself a state.
bool SentenceCoder::own_side(const std::vector<ActorRef>& sources, const ActorRef& t) const {
  for (const ActorRef& s : sources) {
    if (s.actor == t.actor) return true;
    if (part_of_state(s.actor, t.actor)) return true;
    // "Egypt suspended its mediation": a state's own government or body
    // standing for it in its object is no other party.
    if (!t.place && doc_.actors[static_cast<std::size_t>(t.actor)].kind != NodeKind::kLocation &&
        part_of_state(t.actor, s.actor))
      return true;
    if (own_body(s.actor, t.actor)) return true;
  }
  return false;
}

// Whether t is the unnamed body of a's own country and sector: "the
// administration" ordered by Reagan, "the government" a central banker
// leaves, "a lower court" the Supreme Court overturns. Routine business
// inside one branch of one state, not an event between two parties.
bool SentenceCoder::own_body(int a, int t) const {
  const ExtractedActor& sa = doc_.actors[static_cast<std::size_t>(a)];
  const ExtractedActor& tb = doc_.actors[static_cast<std::size_t>(t)];
  if (tb.naming != Naming::kUnnamed || sa.kind == NodeKind::kCountry || sa.country.empty() ||
      sa.country != tb.country || sa.sector != tb.sector)
    return false;
  static const std::string_view kStateBranches[] = {"GOV", "JUD", "MIL", "LEG", "COP", "SPY"};
  return std::find(std::begin(kStateBranches), std::end(kStateBranches), sa.sector) != std::end(kStateBranches);
}

// Whether the clause of predicate p is reported by someone not on the
// sources' side: "Iran would attack Israel if …, analysts said" is a
// prediction, not Iran's threat. The report stands above p ("X said that p")
// or beside it ("p, the Dutch minister warned"); an unresolved pronoun may be
// the source itself.
bool SentenceCoder::reported_by_other(int p, const std::vector<ActorRef>& sources) const {
  int speech = kNone;
  for (int c : kids(p))
    if ((base(c) == kDepParataxis || (base(c) == kDepAdvcl && lex_.word_in("speaking_verbs", lemma(c)))) &&
        is_verb(c) && subject_token(c) != kNone)
      speech = c;
  for (int a = p, steps = 0; speech == kNone && a != kNone && head(a) != kNone && steps < 6; a = head(a), ++steps)
    if ((base(a) == kDepCcomp || base(a) == kDepParataxis) && is_verb(head(a))) speech = head(a);
  if (speech == kNone) return false;
  const int subject = subject_token(speech);
  if (subject == kNone || tag(subject) == kTagPRP) return false;
  std::vector<ActorRef> speakers;
  actors_of(subject, speakers);
  for (const ActorRef& sp : speakers)
    for (const ActorRef& s : sources) {
      const ExtractedActor& a = doc_.actors[static_cast<std::size_t>(sp.actor)];
      const ExtractedActor& b = doc_.actors[static_cast<std::size_t>(s.actor)];
      if (sp.actor == s.actor || (!a.country.empty() && a.country == b.country)) return false;
    }
  return true;
}

// The verb whose modality, time and place an event takes: the trigger verb,
// or a nominal event's light verb or the clause it is a circumstance of.
int SentenceCoder::predicate_of(const Match& m) const {
  if (!m.trigger->noun) return m.token;
  if (m.light_verb != kNone) return m.light_verb;
  if (m.converse_verb != kNone) return m.converse_verb;
  return circumstance_verb(m.token);
}

// ---- modality -------------------------------------------------------------------

std::string SentenceCoder::quote_of_sentence() const {
  int qa = -1, qb = -1;
  for (int k = sb_; k < se_; ++k)
    if ((tok(k).flags & kTokInQuote) != 0 && (tok(k).flags & kTokQuote) == 0) {
      if (qa < 0) qa = k;
      qb = k;
    }
  if (qa < 0) return {};
  return doc_.text.substr(tok(qa).start, tok(qb).end - tok(qa).start);
}

}  // namespace geokg::coder
