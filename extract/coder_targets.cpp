// The tree coder: whom an act falls on when its sentence names the parties
// together ("X and Y met", "accused each other") or names no victim as an
// actor: protests, acts of force, restrictions on one's own territory, shows
// of force (include/geokg/extract/coder.hpp).

#include "coder_sentence.hpp"

namespace geokg::coder {

// "India and Pakistan accused each other", "blamed one another": each of
// the subjects acts on the others.
bool SentenceCoder::reciprocal(const Match& m) const {
  if (m.trigger->noun) return false;
  for (int c : kids(m.token)) {
    if (base(c) != kDepObj && !(base(c) == kDepObl && (case_of(c) == "with" || case_of(c) == "against" ||
                                                      case_of(c) == "on" || case_of(c) == "at")))
      continue;
    if ((low(c) == "each" && has_child_word(c, kDepFixed, {"other"})) ||
        (low(c) == "one" && has_child_word(c, kDepFixed, {"another"})))
      return true;
  }
  return false;
}

// "X and Y met", "the two sides agreed to …": the parties of a symmetric
// event named together are its two ends.
// Not when the event has a counterpart the text names but no actor holds:
// "Venezuela, Chile and the Philippines reached agreement with commercial
// banks" is three agreements with banks, none between the three.
void SentenceCoder::pair_up(const Match& m, std::vector<ActorRef>& src, std::vector<ActorRef>& tgt) const {
  if (!tgt.empty() || !m.trigger->symmetric || src.size() < 2) return;
  // "the G-5 and G-7 meetings", "the IMF and World Bank meetings": several
  // meetings, each group's own, not one between them ("meetings between IMF
  // and Sudanese officials", "negotiators will hold meetings" stay one).
  // ("agreements reached by Indonesia, Venezuela and Brazil": each its own,
  // with partners not named; words.separate_plurals.)
  if (m.trigger->noun && tag(m.token) == kTagNNS && lemma(m.token) == "meeting" && m.light_verb == kNone &&
      obliques(m.token, "between").empty())
    return;
  if (src.size() >= 3) {
    std::vector<int> event_nouns = objects(m.token, m.trigger->noun);
    event_nouns.push_back(m.token);
    if (base(m.token) == kDepAcl) event_nouns.push_back(head(m.token));   // "agreements reached by"
    for (int n : event_nouns)
      if (inside(n) && tag(n) == kTagNNS && listed("separate_plurals", n) && obliques(n, "between").empty()) {
        decided_ = true;   // read: the word-order patterns must not pair them either
        return;
      }
  }
  for (int at : {m.token, predicate_of(m)}) {
    if (at == kNone) continue;
    for (int o : obliques(at, "with")) {
      std::vector<ActorRef> named;
      actors_of(o, named);
      if (named.empty()) return;
    }
  }
  // ("Sri Lanka and the IMF reached agreement", the state named twice: once.)
  for (std::size_t k = 1; src.size() > 2 && k < src.size();)
    if (std::any_of(src.begin(), src.begin() + static_cast<std::ptrdiff_t>(k), [&](const ActorRef& e) {
          return part_of_state(src[k].actor, e.actor) || part_of_state(e.actor, src[k].actor);
        }))
      src.erase(src.begin() + static_cast<std::ptrdiff_t>(k));
    else
      ++k;
  tgt.assign(src.begin() + 1, src.end());
  // "The US, Russia and Switzerland met": every two of three or more met;
  // all stay sources, and emit codes each pair once.
  if (src.size() == 2) src.resize(1);
}

// A protest names no target in most reports ("thousands demonstrated in
// Hong Kong for democracy"): CAMEO codes it against the state where it takes
// place, the protesters' own. That state when the article names it, else the
// place itself.
void SentenceCoder::protest_target(const std::string& code, const Match& m, const std::vector<ActorRef>& src,
                                   std::vector<ActorRef>& tgt) const {
  if (src.empty() || code.compare(0, 2, "14") != 0) return;
  const ExtractedActor& by = doc_.actors[static_cast<std::size_t>(src.front().actor)];
  // Workers who strike or march with no one named act against their
  // employer, a labour dispute, not against their state or the place they
  // strike in ("1,700 workers struck in Bosnia", "mill workers walked out in
  // protest at new contract manning levels"), unless the act is against
  // something ("against the government's overhaul of the pension system").
  // (A strike for a leader's removal, rights or new institutions, coded
  // 14x1, 14x3, 14x4 from its demand, is against the state: "went on strike
  // to demand the president's resignation". A demanded change of policy may
  // be a wage claim: the public-matter test below decides.)
  const bool political = code.size() == 4 && (code[3] == '1' || code[3] == '3' || code[3] == '4');
  if (by.sector == "LAB" && !political) {
    // (Against public policy or a state, not "against the installation of
    // automatic ticket machines": words.public_policy_nouns.)
    const auto public_matter = [&](const std::vector<int>& phrases) {
      for (int o : phrases) {
        std::vector<ActorRef> named;
        actors_of(o, named);
        for (const ActorRef& r : named)
          if (!doc_.actors[static_cast<std::size_t>(r.actor)].country.empty()) return true;
        if (listed("public_policy_nouns", o)) return true;
        for (int k : kids(o))
          if (base(k) == kDepNmod && listed("public_policy_nouns", k)) return true;
      }
      return false;
    };
    bool against = false;
    for (int v : {m.token, predicate_of(m)}) {
      if (v == kNone) continue;
      if (public_matter(obliques(v, "against"))) against = true;
      // ("marched through La Paz to protest against the government's policies")
      for (int c : kids(v))
        if ((base(c) == kDepAdvcl || base(c) == kDepXcomp) && public_matter(obliques(c, "against"))) against = true;
    }
    if (!against) {
      std::erase_if(tgt, [&](const ActorRef& r) {
        const NodeKind k = doc_.actors[static_cast<std::size_t>(r.actor)].kind;
        return r.place || k == NodeKind::kLocation || k == NodeKind::kCountry;
      });
      return;
    }
  }
  if (!tgt.empty()) return;
  if (const int state = country_actor(by.country); state >= 0) {
    tgt.push_back({state, true, false});
    return;
  }
  const int place = event_place(m.token, predicate_of(m), {src.front().actor});
  if (place >= 0) tgt.push_back({place, true, true});
}


// The place a phrase headed by o names or lies in: its own mention when that
// is a place, else a place hung on it ("a hotel in central Mogadishu", "a
// market in the old city of Peshawar", "the rebel-held suburbs of Damascus").
int SentenceCoder::place_in_phrase(int o, const std::vector<ActorRef>& exclude, int depth) const {
  if (!inside(o) || depth > 3) return -1;
  std::vector<ActorRef> a;
  actors_of(o, a);
  for (const auto& r : a) {
    const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(r.actor)];
    bool excluded = false;
    for (const auto& e : exclude) excluded = excluded || e.actor == r.actor;
    if (excluded) continue;
    if ((r.place || x.kind == NodeKind::kLocation || x.kind == NodeKind::kCountry) && !x.country.empty())
      return r.actor;
  }
  if (!a.empty()) return -1;   // a named victim or owner that is no place: not a place phrase
  // "in Sagaing region", "in Idlib province": a place named before its kind.
  for (int c : kids(o))
    if (base(c) == kDepCompound && c < o && mention_at(c) != kNone) {
      std::vector<ActorRef> named;
      actors_of(c, named);
      for (const auto& r : named) {
        const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(r.actor)];
        if ((r.place || x.kind == NodeKind::kLocation) && !x.country.empty()) return r.actor;
      }
    }
  auto where = [](std::string_view p) {
    return p == "in" || p == "at" || p == "near" || p == "outside" || p == "inside" || p == "across" || p == "around" ||
           p == "of" || p == "throughout" || p == "on";
  };
  for (int c : kids(o)) {
    // "in Kenya's capital", "in Syria's north": the state owning the place
    // (not "an attack on the cost of Britain's asylum system").
    if (rel(c) == kDepNmodPoss && depth > 0 && (case_of(o) == "in" || case_of(o) == "near" || case_of(o) == "at"))
      if (const int pl = place_in_phrase(c, exclude, depth + 1); pl >= 0) return pl;
    if (base(c) == kDepNmod && where(case_of(c)))
      if (const int pl = place_in_phrase(c, exclude, depth + 1); pl >= 0) return pl;
    // "artillery rounds aimed at a loudspeaker in South Korea", "an attack
    // targeting shoppers at a mall in Nairobi": through a participle that
    // places the phrase.
    if (base(c) == kDepAcl && (tag(c) == kTagVBN || tag(c) == kTagVBG))
      for (int g : kids(c))
        if (base(g) == kDepObl && where(case_of(g)))
          if (const int pl = place_in_phrase(g, exclude, depth + 1); pl >= 0) return pl;
  }
  return -1;
}

// "A report released in the Rwandan capital alleged …", "a statement issued
// by the foreign ministry said …": a document speaks for whoever issued it,
// the agent of its issuing participle, else the state it was issued in.
void SentenceCoder::document_issuer(int subj, std::vector<ActorRef>& out) const {
  if (!inside(subj) || !listed("issued_documents", subj)) return;
  for (int v : kids(subj)) {
    if (base(v) != kDepAcl || tag(v) != kTagVBN || !listed("issuing_verbs", v)) continue;
    for (int o : obliques(v, "by")) actors_of(o, out);
    if (!out.empty()) return;
    for (int o : obliques(v, "in")) {
      // (A place, or "the Rwandan capital": a state's demonym on the place noun.)
      std::string country;
      if (const int pl = place_in_phrase(o, {}, 0); pl >= 0)
        country = doc_.actors[static_cast<std::size_t>(pl)].country;
      for (int c : kids(o)) {
        if (!country.empty() || (base(c) != kDepAmod && base(c) != kDepCompound) || mention_at(c) == kNone) continue;
        const int a = doc_.mentions[static_cast<std::size_t>(mention_at(c))].actor;
        if (doc_.actors[static_cast<std::size_t>(a)].kind == NodeKind::kCountry)
          country = doc_.actors[static_cast<std::size_t>(a)].country;
      }
      if (const int state = country_actor(country); state >= 0) {
        add_actor(out, {state, true, false});
        return;
      }
    }
  }
}

// "declined to comment on remarks made in parliament by Malcolm Turnbull",
// "replied to China's statement": a comment on someone's words is aimed at
// their author (words.authored_words): the possessor, the "by" agent, or a
// demonym or name before the noun.
void SentenceCoder::author_actors(int o, std::vector<ActorRef>& out) const {
  if (!inside(o) || !listed("authored_words", o)) return;
  for (int c : kids(o)) {
    if (rel(c) == kDepNmodPoss || (base(c) == kDepNmod && case_of(c) == "by") ||
        ((base(c) == kDepAmod || base(c) == kDepCompound) && c < o && mention_at(c) != kNone))
      actors_of(c, out);
    if (base(c) == kDepAcl && tag(c) == kTagVBN)
      for (int g : kids(c))
        if (rel(g) == kDepOblAgent || (base(g) == kDepObl && case_of(g) == "by")) actors_of(g, out);
  }
}

// "Al-Shabab claimed responsibility for the attack on a police station in
// Kenya's capital": a claim or denial of responsibility (015, 016) for an act
// of force is aimed at whom that act fell on, a place standing for its state
// ("for last week's bombings in Nairobi": Kenya).
void SentenceCoder::responsibility_target(const Match& m, const std::vector<ActorRef>& src,
                                          std::vector<ActorRef>& tgt) const {
  if (src.empty() || (m.trigger->code != "015" && m.trigger->code != "016")) return;
  const auto states_for_places = [&](const std::vector<ActorRef>& found) {
    std::vector<ActorRef> out;
    for (const ActorRef& v : found) {
      const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(v.actor)];
      const bool place = v.place || x.kind == NodeKind::kLocation;
      if (const int a = place ? country_actor(x.country) : v.actor; a >= 0) add_actor(out, {a, v.weak, false});
    }
    return out;
  };
  for (int c : kids(m.token)) {
    if ((base(c) != kDepObl && base(c) != kDepNmod) || (case_of(c) != "for" && case_of(c) != "in")) continue;
    const Match* act = match_at_token(c);
    if (!act || !material_code(act->trigger->code)) continue;
    // (The claim's own slots may have found the act's place already.)
    if (!tgt.empty()) {
      tgt = states_for_places(tgt);
      return;
    }
    std::vector<ActorRef> victims;
    first_slot_actors(*act, act->trigger->target, victims, nullptr, &src);
    if (victims.empty()) material_place_target(act->trigger->code, *act, src, victims);
    tgt = states_for_places(victims);
    if (!tgt.empty()) return;
  }
}

// "The army claimed that it had attacked rebel positions": a claim that the
// claimant itself did an act of force is a claim of responsibility (015),
// aimed at whom the act fell on; a claim that another did it accuses that
// other (the claim frame's map).
bool SentenceCoder::self_claim(const Match& f, const FrameResult& r, const std::vector<ActorRef>& src,
                               std::vector<ActorRef>& tgt) const {
  if (f.trigger->frame != lex_.frame_index("claim") || !r.embedded || src.empty()) return false;
  std::vector<ActorRef> doers;
  first_slot_actors(*r.embedded, r.embedded->trigger->source, doers);
  if (doers.empty() || !std::all_of(doers.begin(), doers.end(), [&](const ActorRef& d) { return own_side(src, d); }))
    return false;
  first_slot_actors(*r.embedded, r.embedded->trigger->target, tgt, nullptr, &src);
  if (tgt.empty()) material_place_target(r.embedded->trigger->code, *r.embedded, src, tgt);
  return !tgt.empty();
}

// An act of force with no actor as its victim ("militants set off explosives
// in a crowded market in Peshawar", "attacked a hotel in Mogadishu", "carried
// out atrocities against civilians across Darfur") is coded against the
// place where it falls: its object, its place or direction phrases, followed
// through the places they lie in. Entries with place_target only; a curfew, a
// state of emergency or censorship with no place named falls on the
// imposer's own state.
void SentenceCoder::material_place_target(const std::string& code, const Match& m, const std::vector<ActorRef>& src,
                                          std::vector<ActorRef>& tgt) const {
  if (src.empty() || !((m.trigger->place_target && material_code(code)) || domestic_restriction(code))) return;
  // A place the gazetteer knows no state of ("the city of Gondar") is no target.
  std::erase_if(tgt, [&](const ActorRef& r) {
    const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(r.actor)];
    return x.kind == NodeKind::kLocation && x.country.empty();
  });
  if (!tgt.empty()) return;
  std::vector<int> heads = {m.token};
  if (m.light_verb != kNone) heads.push_back(m.light_verb);
  // "Russian shelling hit Kharkiv", "an Israeli air strike killed four
  // Palestinians": an act named as the subject of a verb of impact falls on
  // that verb's object, or on the place it names.
  if (m.trigger->noun && base(m.token) == kDepNsubj && listed("impact_verbs", head(m.token))) {
    for (int o : objects(head(m.token), false)) actors_or_owner(o, tgt);
    std::erase_if(tgt, [&](const ActorRef& t) { return own_side(src, t); });
    if (!tgt.empty()) return;
    heads.push_back(head(m.token));
  }
  for (int h : heads)
    for (int c : kids(h)) {
      const std::uint8_t b = base(c);
      if (b != kDepObj && b != kDepObl && b != kDepNmod) continue;
      if (rel(c) == kDepOblAgent || in_time(c)) continue;
      const std::string_view p = case_of(c);
      // Where the act falls, not where it comes from or passes ("attacked a
      // tanker off the Emirates" names no victim).
      if (b == kDepObj ? !p.empty()
                       : !(p == "in" || p == "at" || p == "near" || p == "outside" || p == "inside" || p == "on" ||
                           p == "across" || p == "around" || p == "into" || p == "against" || p == "among" ||
                           p == "throughout" || p == "upon" || p == "toward" || p == "towards" || p == "from"))
        continue;
      if (const int pl = place_in_phrase(c, src, 0); pl >= 0) {
        tgt.push_back({pl, true, true});
        return;
      }
    }
  if (!domestic_restriction(code)) return;
  const std::string& country = doc_.actors[static_cast<std::size_t>(src.front().actor)].country;
  if (country.empty()) return;
  // A place of the imposer's own state named in the sentence ("a curfew
  // imposed by the Ethiopian military in the city of Gondar"), else the state.
  for (int k = sb_; k < se_; ++k)
    if (const int mk = mention_at(k); mk != kNone) {
      const int a = doc_.mentions[static_cast<std::size_t>(mk)].actor;
      const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(a)];
      if (x.kind == NodeKind::kLocation && x.country == country) {
        tgt.push_back({a, true, true});
        return;
      }
    }
  if (const int state = country_actor(country); state >= 0) tgt.push_back({state, true, true});
}

// A show or use of force names its addressee in a phrase of its clause rather
// than as an argument: "as tensions with India mounted", "amid the standoff
// with Armenia", "as a warning to Washington" (words.posture_context).
void SentenceCoder::posture_target(const std::string& code, const Match& m, const std::vector<ActorRef>& src,
                                   std::vector<ActorRef>& tgt) const {
  if (src.empty() || code.compare(0, 2, "15") != 0) return;
  // ("manoeuvres in the Strait of Hormuz as a warning to Washington": a sea
  // of no one state is where, and gives way to the one warned.)
  std::erase_if(tgt, [&](const ActorRef& r) {
    const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(r.actor)];
    return x.kind == NodeKind::kLocation && x.country.empty();
  });
  if (!tgt.empty()) return;
  const int pred = predicate_of(m);
  for (int k = sb_; k < se_; ++k) {
    if (!is_common_noun(k) || !listed("posture_context", k))
      continue;
    bool in_clause = false;   // the phrase stands in the event's own clause
    for (int a = head(k), steps = 0; a != kNone && steps < 4 && !in_clause; a = head(a), ++steps)
      in_clause = a == m.token || a == pred;
    if (!in_clause) continue;
    for (int c : kids(k)) {
      if (base(c) != kDepNmod || (case_of(c) != "with" && case_of(c) != "to" && case_of(c) != "against")) continue;
      std::vector<ActorRef> a;
      actors_of(c, a);
      for (const auto& r : a)
        if (!own_side(src, r)) {
          tgt.push_back({r.actor, true, r.place});
          return;
        }
    }
  }
}

// A ceasefire, disarmament or retreat an armed group announces without
// naming the other side ("Colombia's ELN rebels declared a unilateral
// ceasefire") is toward the state it fights: its own.
void SentenceCoder::armed_group_truce_target(const std::string& code, const std::vector<ActorRef>& src,
                                             std::vector<ActorRef>& tgt) const {
  if (!tgt.empty() || src.empty() || !code.starts_with("087")) return;
  const ExtractedActor& by = doc_.actors[static_cast<std::size_t>(src.front().actor)];
  if (by.sector != "REB" && by.sector != "INS" && by.sector != "SEP" && by.sector != "UAF") return;
  if (const int state = country_actor(by.country); state >= 0) tgt.push_back({state, true, false});
}

// The obj.of slot: the owner of what the act is done to: "expelled Iran's
// diplomats", "seized the assets of the company", "expelled two U.S.
// diplomats" (not the victims of "the bombing of the embassy").
void SentenceCoder::object_owner_actors(const Match& m, std::vector<ActorRef>& out, bool judged) const {
  const std::vector<int> objs = objects(m.token, m.trigger->noun);
  for (int o : objs)
    for (int c : kids(o)) {
      if (rel(c) == kDepNmodPoss || (base(c) == kDepNmod && case_of(c) == "of" && !(judged && violent_act_noun(o))))
        actors_of(c, out);
      if (base(c) != kDepAmod && base(c) != kDepCompound) continue;
      // ("seized a British tanker", "the British-flagged tanker": a
      // demonym, or one before a participle of owning, names the owner;
      // not "the Cuban-backed government".)
      int d = mention_at(c) != kNone ? c : kNone;
      // (One token: "Cuban-backed" has the demonym inside.)
      if (const std::size_t dash = low(c).rfind('-'); d != kNone && dash != std::string_view::npos &&
          !lex_.word_in("owner_participles", std::string(low(c).substr(dash + 1))))
        continue;
      if (d == kNone && listed("owner_participles", c))
        for (int g : kids(c))
          if (d == kNone && base(g) == kDepCompound && mention_at(g) != kNone) d = g;
      if (d == kNone) continue;
      const Mention& mn = doc_.mentions[static_cast<std::size_t>(mention_at(d))];
      // (Not when the object names an actor itself: "freed Canadian
      // businessman Michael Spavor" freed him.)
      std::vector<ActorRef> named;
      if (mn.form == MentionForm::kAdjective) actors_of(o, named);
      if (mn.form != MentionForm::kAdjective) actors_of(d, out);
      else if (named.empty() && demonym_owns(o)) add_actor(out, {mn.actor, false, false, true});
    }
  if (out.empty())
    for (int o : objs) belonging_owner(o, out);
  // "froze the assets of Russian banks": the owner's owner, by its demonym.
  if (out.empty() && !judged)
    for (int o : objs)
      for (int c : kids(o))
        if (base(c) == kDepNmod && case_of(c) == "of")
          for (int d : kids(c))
            if (const int mm = base(d) == kDepAmod ? mention_at(d) : kNone;
                mm != kNone && doc_.mentions[static_cast<std::size_t>(mm)].form == MentionForm::kAdjective)
              add_actor(out, {doc_.mentions[static_cast<std::size_t>(mm)].actor, false, false, true});
}

// "Armenia said it was ready to …": a pronoun subject of a reported clause
// the coreference left unresolved is the speaker, when it agrees with it.
void SentenceCoder::speaker_for_pronoun(int i, std::vector<ActorRef>& out, int depth) const {
  for (int a = head(i), steps = 0; a != kNone && steps < 4; a = head(a), ++steps)
    if ((base(a) == kDepCcomp || base(a) == kDepParataxis) && head(a) != kNone) {
      // ('"… he is coming to Europe," said Mr Blair': inside a quotation a
      // third person is someone the speaker talks about; "we" and "I" are
      // the speaker's side.)
      const std::string_view w = low(i);
      bool quoted = false;
      if (w != "we" && w != "i" && w != "us" && w != "me")
        for (int k = std::min(i, head(a)); k < std::max(i, head(a)) && !quoted; ++k)
          quoted = low(k) == "\"" || low(k) == "\u201c" || low(k) == "\u201d";
      if (quoted) break;
      const int speaker = subject_token(head(a));
      if (speaker != kNone && speaker != i && !is_personal_pronoun(low(speaker))) {
        // The pronoun agrees with the speaker in number: "Malaysian miners
        // who said it violated", "the Tories said she broke" name someone else.
        // (A relative pronoun has its antecedent's number.)
        int number = speaker;
        if (relative_pronoun(low(speaker)) && head(speaker) != kNone && base(head(speaker)) == kDepAcl &&
            head(head(speaker)) != kNone)
          number = head(head(speaker));
        // (A conjunct outside the speaker's own name makes a plural; "Trade
        // and Industry" inside one does not.)
        const auto other_conjunct = [&](int c) {
          return base(c) == kDepConj && (mention_at(c) == kNone || mention_at(c) != mention_at(number));
        };
        // ("The United States", "the Philippines": a name is one actor.)
        const int nm = mention_at(number);
        const bool name = nm != kNone && doc_.mentions[static_cast<std::size_t>(nm)].form == MentionForm::kName &&
                          doc_.actors[static_cast<std::size_t>(doc_.mentions[static_cast<std::size_t>(nm)].actor)].kind !=
                              NodeKind::kGroup;
        const bool plural = (!name && (tag(number) == kTagNNS || tag(number) == kTagNNPS)) ||
                            base(number) == kDepConj ||
                            std::any_of(kids(number).begin(), kids(number).end(), other_conjunct);
        if (plural && (w == "he" || w == "she" || w == "it")) break;
        const int sm = mention_at(speaker);
        const bool named = sm != kNone && doc_.mentions[static_cast<std::size_t>(sm)].form == MentionForm::kName;
        std::vector<ActorRef> sp;
        actors_of(speaker, sp, depth + 1);
        for (auto r : sp) {
          // "it" is no person ("Denman noted … West Germany has opposed
          // it": the plan, not Denman). ("A British minister said he …"
          // names a state: "he" may stand for it; "the Conservative Party
          // said she" does not.)
          const NodeKind kind = doc_.actors[static_cast<std::size_t>(r.actor)].kind;
          if (w == "it" && kind == NodeKind::kPerson) continue;
          if ((w == "he" || w == "she") && named && kind != NodeKind::kPerson) continue;
          if (w == "they" && !plural && kind == NodeKind::kPerson) continue;  // "Reagan said they"
          r.weak = true;
          add_actor(out, r);
        }
      }
      break;
    }
}

// "bowed to Western demands", "rejected calls by the UN": who asked.
void SentenceCoder::requester_actors(const Match& m, int r, std::vector<ActorRef>& out) const {
  for (int c : kids(r))
    if (rel(c) == kDepNmodPoss || ((base(c) == kDepAmod || base(c) == kDepCompound) && mention_at(c) != kNone) ||
        (base(c) == kDepNmod && (case_of(c) == "by" || case_of(c) == "from")))
      actors_of(c, out);
  // "an offer of talks from Yerevan": the parser hung the phrase on
  // what was asked for.
  if (out.empty())
    for (int c : kids(r))
      if (base(c) == kDepNmod && case_of(c) == "of")
        for (int g : kids(c))
          if (base(g) == kDepNmod && (case_of(g) == "by" || case_of(g) == "from")) actors_of(g, out);
  // "the main demand of striking unions": an "of" phrase naming an actor.
  if (out.empty())
    for (int c : kids(r))
      if (base(c) == kDepNmod && case_of(c) == "of") actors_of(c, out);
  // "rejected demands by the opposition" with the "by" phrase hung on
  // the active verb: after the request noun it is still who asked.
  const int v = head(r);
  if (out.empty() && v == m.token && base(r) == kDepObj && !passive(v))
    for (int c : kids(v))
      if (c > r && base(c) == kDepObl && (case_of(c) == "by" || case_of(c) == "from")) actors_of(c, out);
}

}  // namespace geokg::coder
