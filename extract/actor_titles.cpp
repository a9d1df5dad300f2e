// The actor finder, stage by stage (actor_finder.hpp): titles with their
// state and holder ("Russian Defence Minister Sergei Shoigu", "his Chinese
// counterpart Dong Jun", "Wang Yi, China's foreign minister").

#include "actor_finder.hpp"

namespace geokg::finder {

// ---- patterns ------------------------------------------------------------------

bool Finder::read_modifier(std::uint32_t& j, Modifier& m) {
  const Hit* h = hit_starting(j);
  if (!h || h->ignore) return false;
  int li = -1;
  if (h->adj >= 0) li = h->adj;
  else if (h->name >= 0) li = h->name;
  else if (h->met >= 0) li = h->met;
  if (li < 0) return false;
  const LexActor& a = L_.actors[static_cast<std::size_t>(li)];
  if (a.kind == NodeKind::kPerson || a.kind == NodeKind::kLocation || a.kind == NodeKind::kArtifact)
    return false;
  m.b = h->b;
  m.e = h->e;
  m.present = true;
  m.country = a.country;
  if (a.kind != NodeKind::kCountry) m.organization = a.name;
  m.actor = actor_from_lex(li);
  j = h->e;
  if (flag(j, kWPossessive)) ++j;
  return true;
}

int Finder::current_title(int person) const {
  const int st = stated_title_[static_cast<std::size_t>(person)];
  if (st >= 0) return st;
  const ExtractedActor& p = doc_.actors[static_cast<std::size_t>(person)];
  for (const Role& r : p.roles)
    if (role_held_at(r, doc_.anchor)) {
      const int t = L_.title_id(r.title);
      if (t >= 0) return t;
    }
  for (const Role& r : p.roles) {
    const int t = L_.title_id(r.title);
    if (t >= 0) return t;
  }
  return -1;
}

int Finder::subject_person(std::uint32_t tok_before, bool officials) const {
  // Going back through the mentions, each person found replaces the last:
  // what is left is the first of its sentence. A person inside a phrase
  // fronted before the subject ("Before meeting with Bush, the Crown Prince
  // paid a call on Reagan") is the pronoun's only when nothing else stands
  // between ("When Chirac arrived, he was greeted"). In an earlier sentence
  // with such a phrase only the subject after it counts (", Prime Minister
  // Lubbers said"): where that is no named person, the pronoun stays
  // unresolved rather than taking the object.
  const std::uint32_t comma = fronted_comma(sent_);
  int same = -1, same_fronted = -1;
  for (std::size_t k = doc_.mentions.size(); k-- > 0;) {
    const Mention& m = doc_.mentions[k];
    if (m.sentence != sent_) break;
    if (m.token_begin >= tok_before) continue;
    if (doc_.actors[static_cast<std::size_t>(m.actor)].kind != NodeKind::kPerson) continue;
    (comma != kNoComma && m.token_begin < comma ? same_fronted : same) = m.actor;
  }
  if (same >= 0) return same;
  if (same_fronted >= 0 && tok_before == comma + 1) return same_fronted;
  std::uint32_t s = sent_;
  int found = -1;
  bool seen = false;
  std::uint32_t c = kNoComma;   // the fronted comma of sentence s
  for (std::size_t k = doc_.mentions.size(); k-- > 0;) {
    const Mention& m = doc_.mentions[k];
    if (m.sentence == sent_) continue;
    if (seen && m.sentence != s) break;
    if (sent_ - m.sentence > 4) break;
    // (An official by title only as the subject: first in the sentence, or
    // first after a fronted phrase.)
    const auto subject = [&] {
      const std::uint32_t fc = fronted_comma(m.sentence);
      return fc == kNoComma ? m.token_begin <= doc_.sentences[m.sentence].token_begin + 1
                            : m.token_begin > fc && subject_after(fc, m.token_begin);
    };
    if ((doc_.actors[static_cast<std::size_t>(m.actor)].kind != NodeKind::kPerson &&
         !(officials && official_by_title(m) && subject())) ||
        m.as_location)
      continue;
    if (!seen) {
      seen = true;
      s = m.sentence;
      c = fronted_comma(s);
    }
    if (c == kNoComma || (m.token_begin > c && (subject_after(c, m.token_begin) || speaker(m)))) found = m.actor;
  }
  return found;
}

std::uint32_t Finder::fronted_comma(std::uint32_t sentence) const {
  const Sentence& s = doc_.sentences[sentence];
  const auto lower = [&](std::uint32_t t) { return doc_.token_lower(doc_.tokens[t]); };
  if (s.token_begin >= s.token_end || !has(k_fronted_openers, lower(s.token_begin))) return kNoComma;
  // A short phrase: a comma further on closes something else ("On Thursday
  // Mr Straw was in India visiting its holiest shrine, the Golden Temple").
  for (std::uint32_t t = s.token_begin + 1; t < s.token_end && t <= s.token_begin + 10; ++t)
    if (lower(t) == ",") return t;
  return kNoComma;
}

bool Finder::official_by_title(const Mention& m) const {
  const ExtractedActor& a = doc_.actors[static_cast<std::size_t>(m.actor)];
  if (a.kind == NodeKind::kPerson || a.naming != Naming::kUnnamed || m.token_end <= m.token_begin) return false;
  const std::string_view last = doc_.token_lower(doc_.tokens[m.token_end - 1]);
  return has(k_title_words, last);
}

// Whether mention m is the speaker of a report tail ("…, Chivuno said").
bool Finder::speaker(const Mention& m) const {
  if (m.token_end >= doc_.sentences[m.sentence].token_end) return false;
  return has(k_speech_verbs, doc_.token_lower(doc_.tokens[m.token_end]));
}

// Whether a name starting at token b is the subject right after the comma:
// only title words ("Federal Reserve chairman"), "the", "of" or a
// possessive between.
bool Finder::subject_after(std::uint32_t comma, std::uint32_t b) const {
  if (b <= comma || b - comma > 8) return false;
  for (std::uint32_t t = comma + 1; t < b; ++t) {
    const Token& k = doc_.tokens[t];
    const std::string_view w = doc_.token_lower(k);
    if (k.flags & (kTokCapitalized | kTokPossessive) || w == "the" || w == "of" || has(k_title_words, w)) continue;
    // A lower-case portfolio or title word ("finance minister", "chief").
    std::string cap(w);
    if (!cap.empty() && cap[0] >= 'a' && cap[0] <= 'z') cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
    if (!has(k_portfolio_words, cap) && !has(k_title_words, cap)) return false;
  }
  return true;
}

int Finder::read_person_name(std::uint32_t j, std::uint32_t& ne, MentionForm& form, bool allow_single) {
  if (const Hit* h = hit_starting(j); h && h->name >= 0 &&
      L_.actors[static_cast<std::size_t>(h->name)].kind == NodeKind::kPerson) {
    ne = h->e;
    form = MentionForm::kName;
    return actor_from_lex(h->name);
  }
  const std::uint32_t e = name_run(j);
  if (e == j) return -1;
  // "General Motors Corp": an organisation's name, not a person after a title.
  if (e - j >= 2 && in_list(k_organization_cues, e - 1, false)) return -1;
  ne = e;
  if (e - j == 1) {
    const int p = resolve_partial(wtext(j));
    if (p >= 0) {
      form = MentionForm::kPartName;
      return p;
    }
    if (!allow_single) return -1;
  } else {
    // A full name already seen ("Joe Biden" again) or seen as a longer name.
    const int p = resolve_full(j, e);
    if (p >= 0) {
      form = MentionForm::kName;
      return p;
    }
  }
  form = MentionForm::kName;
  return new_person(j, e);
}

int Finder::resolve_full(std::uint32_t b, std::uint32_t e) {
  const std::string_view span = span_text(b, e);
  int best = -1;
  for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
    const ExtractedActor& x = doc_.actors[a];
    if (x.kind != NodeKind::kPerson) continue;
    const bool same = x.name == span;
    const bool suffix = x.name.size() > span.size() && x.name.ends_with(span) &&
                        x.name[x.name.size() - span.size() - 1] == ' ';
    if ((same || suffix) && (best < 0 || last_seen_[a] > last_seen_[static_cast<std::size_t>(best)]))
      best = static_cast<int>(a);
  }
  return best;
}

std::uint32_t Finder::title_pattern(std::uint32_t i) {
  TitleMatch t;
  read_title_lead(i, t);
  if (!read_title_word(t)) return i;
  read_title_portfolio(t);
  // "Emir Sheikh Tamim …", "Mr. Smith": a prefix is not part of the name.
  if (const Hit* ph = hit_starting(t.te); !(ph && ph->name >= 0))
    while (in_list(k_person_prefixes, t.te, false) && flag(t.te + 1, kWCap)) ++t.te;
  read_title_holder(t);
  if (t.person < 0) {
    // "the secretary", "the Chinese foreign minister": the holder named earlier.
    if (t.title >= 0 && t.det < n() && lower_is(t.det, "the")) {
      const int p = holder_of(t.title, t.mod.country);
      if (p >= 0) {
        if (t.mod.present) mention(t.mod.b, t.mod.e, t.mod.actor, MentionForm::kAdjective);
        mention(t.det, t.te, p, MentionForm::kTitle);
        return t.te;
      }
    }
    // "the Venezuelan president", "the Soviet foreign minister" with no
    // holder named in the article: CAMEO's reading, the state's body of the
    // title's sector (VENGOV), as for "Venezuelan officials". Not a former
    // holder, and not a title of an organisation ("the NATO chief").
    // ("his Russian counterpart": a state's official too, its government,
    // unless named in apposition: "his U.S. counterpart, Trade
    // Representative Clayton Yeutter".)
    const bool past = t.past || (t.mod.b > 0 && in_list(k_past_prefixes, t.mod.b - 1, true));   // "the former"
    if ((t.title >= 0 || (t.counterpart && !punct(t.te, ','))) && !past && t.mod.present && !t.mod.country.empty() &&
        t.mod.organization.empty() && !flag(t.te, kWCap) && !flag(t.te, kWPossessive)) {
      const LexTitle* lt = t.title >= 0 ? &L_.titles[static_cast<std::size_t>(t.title)] : nullptr;
      const std::string sector = lt ? lt->sector : "GOV";
      if (!sector.empty() && (!lt || lt->organization.empty())) {
        mention(t.mod.b, t.mod.e, t.mod.actor, MentionForm::kAdjective);
        mention(t.j, t.te, unnamed_actor(sector, t.mod.country), MentionForm::kTitle);
        return t.te;
      }
    }
    // "the mayor of Istanbul", "the governor of Kandahar" with no holder
    // named: the title's body of the state the place lies in, as for "the
    // Turkish mayor". (A state after "of" is read as the owner already.)
    if (t.title >= 0 && !past && !t.mod.present && t.det < n() && lower_is(t.det, "the") &&
        !flag(t.te, kWPossessive)) {
      const LexTitle& lt = L_.titles[static_cast<std::size_t>(t.title)];
      if (const std::string state = place_state_after_of(t.te);
          !state.empty() && !lt.sector.empty() && lt.organization.empty()) {
        mention(t.j, t.te, unnamed_actor(lt.sector, state), MentionForm::kTitle);
        return t.te;
      }
    }
    // A portfolio read with the title is the title's, never a name of its
    // own ("the Algerian Minister of Energy, Chemical and Petro-Chemical
    // Industries" names no organisation).
    if (t.portfolio_ends) {
      if (t.mod.present) mention(t.mod.b, t.mod.e, t.mod.actor, MentionForm::kAdjective);
      return t.te;
    }
    return i;
  }
  record_title_holder(t);
  // "Prime Ministers Zhao Ziyang of China and Anibal Cavaco Silva of
  // Portugal": a plural title has a second holder after "and".
  const Hit* title_hit = hit_starting(t.j);
  if (t.title >= 0 && title_hit && wtext(title_hit->e - 1).ends_with('s')) {
    std::uint32_t k = t.ne;
    if (lower_is(k, "of"))
      if (const Hit* state = hit_after_the(k + 1); state && state->name >= 0) k = state->e;
    if (lower_is(k, "and")) {
      TitleMatch second;
      second.title = t.title;
      second.past = t.past;
      second.title_text = t.title_text;
      second.det = n();
      second.te = k + 1;
      second.person = read_person_name(k + 1, second.ne, second.form, false);
      if (second.person >= 0) {
        record_title_holder(second);
        return second.ne;
      }
    }
  }
  return t.ne;
}

void Finder::read_title_lead(std::uint32_t i, TitleMatch& t) {
  std::uint32_t j = i;
  if (in_list(k_past_prefixes, j, true) && (flag(j, kWHyphenNext) || hit_starting(j + 1))) {
    t.past = true;
    ++j;
  }
  t.det = n();
  if (lower_is(j, "his") || lower_is(j, "her") || lower_is(j, "their") || lower_is(j, "the") ||
      lower_is(j, "its") || lower_is(j, "a") || lower_is(j, "an")) {
    t.det = j;
    ++j;
  }
  read_modifier(j, t.mod);
  // "South Korean President Chun and Trade Minister Rha": the second title
  // of a pair shares the first one's state.
  if (!t.mod.present && t.det == n() && i > 0 && i == shared_modifier_end_ && lower_is(i - 1, "and"))
    t.mod = shared_modifier_;
  // "U.S. Agriculture Secretary Richard Lyng", "U.S. Treasury Assistant
  // Secretary David Mulford", "British corporate affairs minister": the
  // portfolio and rank between a state and a title belong to the title.
  t.portfolio_b = j;
  if (t.mod.present && !(hit_starting(j) && hit_starting(j)->title >= 0)) {
    std::uint32_t k = j;
    while (k < n() && k - j < 4 && hit_at_[k] < 0 &&
           (in_list(k_portfolio_words, k, false) || in_list(k_title_ranks, k, false) ||
            (flag(k, kWLowerWord) && has(k_portfolio_words, capitalised(wtext(k))))))
      ++k;
    if (k > j && hit_starting(k) && hit_starting(k)->title >= 0) j = k;
  }
  t.j = j;
}

bool Finder::read_title_word(TitleMatch& t) {
  t.te = t.j;
  if (const Hit* h = hit_starting(t.j); h && h->title >= 0) {
    t.title = h->title;
    t.te = h->e;
    return true;
  }
  if (in_list(k_counterpart_words, t.j, true)) {
    t.counterpart = true;
    t.te = t.j + 1;
    return true;
  }
  return false;
}

bool Finder::portfolio_at(std::uint32_t k) const {
  return k < n() && (in_list(k_portfolio_words, k, false) ||
                     (flag(k, kWHyphenNext) && flag(k, kWCap) && k + 1 < n() && in_list(k_portfolio_words, k + 1, false)));
}

// "Minister of Energy, Chemical and Petro-Chemical Industries": a title that
// ends in a portfolio word, or before "of"/"for" and one, goes on through a
// list of them (a word hyphened to a portfolio word counts) that no
// capitalised word follows; the end of the list, or te.
std::uint32_t Finder::portfolio_list_end(std::uint32_t te) const {
  auto separator_at = [&](std::uint32_t k) { return lower_is(k, "and") || punct(k, '&') || punct(k, ','); };
  std::uint32_t k = te;
  if ((lower_is(te, "of") || lower_is(te, "for")) && portfolio_at(te + 1)) k = te + 1;   // "Minister | of Energy, ..."
  else if (te == 0 || !in_list(k_portfolio_words, te - 1, false) || !separator_at(te) || !portfolio_at(te + 1)) return te;
  while (k < n() && (portfolio_at(k) || (separator_at(k) && portfolio_at(k + 1)))) ++k;
  // Only a list that ends the capitalised words: "president of Insurance
  // Data Processing Inc" is a company's president, "Director of Public
  // Prosecutions" one title.
  return k >= n() || !flag(k, kWCap) ? k : te;
}

void Finder::read_title_portfolio(TitleMatch& t) {
  if (t.title >= 0 && t.te > t.j + 1) {
    if (const std::uint32_t k = portfolio_list_end(t.te); k > t.te) {
      t.title_text = std::string(span_text(t.j, k));
      t.te = k;
      t.portfolio_ends = true;
      return;
    }
  }
  // "Minister for Defence Ignazio La Russa", "High Commissioner for Human
  // Rights Navi Pillay", "Minister of Mines and Energy Subroto": a
  // portfolio between title and name. The portfolio is its words
  // (portfolio_words, joined by "and"), else all but the last two
  // capitalised words.
  const std::uint32_t te = t.te;
  if (t.title >= 0 && (lower_is(te, "of") || lower_is(te, "for")) && !hit_starting(te + 1)) {
    std::uint32_t name_b = te + 1;
    while (name_b < n() && (portfolio_at(name_b) || ((lower_is(name_b, "and") || punct(name_b, '&') || punct(name_b, ',')) &&
                                                     name_b > te + 1 && portfolio_at(name_b + 1))))
      ++name_b;
    // A portfolio with no name after it ends the title ("Nabi, the Algerian
    // Minister of Energy, Chemical and Petro-Chemical Industries.").
    const bool title_ends = name_b > te + 1 && (name_b >= n() || !flag(name_b, kWCap));
    if (!title_ends && (name_b == te + 1 || !capitalised_name_word(name_b))) {
      std::uint32_t k = te + 1;
      while (k < n() && flag(k, kWCap) && !flag(k, kWAllCaps) && hit_at_[k] < 0) ++k;
      name_b = k >= 2 ? k - 2 : k;
      // "La Russa", "De Clercq": a capitalised particle stays with the surname.
      if (name_b > te + 2 && in_list(k_name_particles, name_b, true)) --name_b;
      if (!(name_b > te + 1 && k - (te + 1) >= 3)) name_b = te;
    }
    if (name_b > te + 1) {
      t.title_text = L_.titles[static_cast<std::size_t>(t.title)].title + " " + std::string(wtext(te)) + " " +
                     std::string(span_text(te + 1, name_b));
      t.te = name_b;
      t.portfolio_ends = title_ends;
    }
  }
  if (t.portfolio_b < t.j && t.title_text.empty()) {
    for (std::uint32_t k = t.portfolio_b; k < t.j; ++k) t.title_text += capitalised(wtext(k)) + " ";
    t.title_text += L_.titles[static_cast<std::size_t>(t.title)].title;
  }
}

// A military rank with no state of its own between a title and the name:
// "US commander General David Petraeus", "the President, General Ibrahim
// Babangida". The word after it, or k when there is none. (Other titles
// there say more than the one before: "its chairman, Senator William
// Proxmire", "Representative, Ambassador Li Luye".)
std::uint32_t Finder::past_rank_title(std::uint32_t k) const {
  const Hit* h = hit_starting(k);
  if (!h || h->title < 0 || h->name >= 0 || h->adj >= 0 || h->e >= n() || !capitalised_name_word(h->e)) return k;
  if (L_.titles[static_cast<std::size_t>(h->title)].sector != "MIL") return k;
  return h->e;
}

void Finder::read_title_holder(TitleMatch& t) {
  // "The US commander in Iraq, General David Petraeus": a place phrase
  // between a state's title and its holder in apposition.
  // So does "to": "Turkish Ambassador to Athens Nazmi Akiman", "the U.S.
  // ambassador to Japan, Mike Mansfield".
  if (t.mod.present && (lower_is(t.te, "in") || lower_is(t.te, "to")))
    if (const Hit* place = hit_starting(t.te + 1);
        place && (place->name >= 0 || place->met >= 0) && place->e < n() &&
        (punct(place->e, ',') || (lower_is(t.te, "to") && capitalised_name_word(place->e))))
      t.te = place->e;
  if (!punct(t.te, ',') && !t.counterpart && (t.mod.present || t.det < n())) t.te = past_rank_title(t.te);
  const std::uint32_t te = t.te;
  t.ne = te;
  const bool gap_ok = !punct(te, ',');
  // A single unknown word after a title is a surname only after a country
  // ("Chinese President Xi") or a head title ("President Reagan"), never
  // an organisation word ("Premier League", "General Motors").
  const bool single_ok =
      (t.mod.present || t.counterpart || (t.title >= 0 && L_.titles[static_cast<std::size_t>(t.title)].head)) &&
      !in_list(k_organization_cues, te, false) && !in_list(k_group_cues, te, false);
  if (gap_ok) t.person = read_person_name(te, t.ne, t.form, single_ok);
  if (t.person >= 0 || !punct(te, ',') || !(t.mod.present || t.det < n())) return;
  // "China's minister of public security, Wang Xiaohong, to discuss …"
  // (", General David Petraeus,": the rank is no part of the name.)
  // (A counterpart's own title is what it is: "his U.S. counterpart, Trade
  // Representative Clayton Yeutter".)
  const std::uint32_t rank_end = t.counterpart ? te + 1 : past_rank_title(te + 1);
  if (rank_end != te + 1) {
    std::uint32_t e3 = rank_end;
    MentionForm f3 = MentionForm::kName;
    const int holder = read_person_name(rank_end, e3, f3, false);
    if (holder >= 0 && (e3 >= n() || punct(e3, ',') || punct(e3, '.'))) {
      t.person = holder;
      t.te = rank_end - 1;   // the name begins after the word apposition skips
      t.ne = e3;
      t.form = f3;
      t.apposition = true;
      return;
    }
  }
  std::uint32_t e2 = te + 1;
  MentionForm f2 = MentionForm::kName;
  const std::uint32_t run_end = name_run(te + 1);
  const Hit* ph = hit_starting(te + 1);
  const bool lex_person = ph && ph->name >= 0 &&
                          L_.actors[static_cast<std::size_t>(ph->name)].kind == NodeKind::kPerson;
  const std::uint32_t end = lex_person ? ph->e : run_end;
  // (Or the name is the clause's subject, the comma a slip: "EC External
  // Trade Commissioner, Willy De Clercq has already written".)
  const bool closed = end >= n() || punct(end, ',') || punct(end, '.') || punct(end, ';') ||
                      lower_is(end, "and") || lower_is(end, "who") || lower_is(end, "to") ||
                      in_list(k_speech_verbs, end, true) || lower_is(end, "has") || lower_is(end, "had") ||
                      lower_is(end, "was") || lower_is(end, "will");
  if ((lex_person || run_end - (te + 1) >= 2) && closed) {
    t.person = read_person_name(te + 1, e2, f2, false);
    if (t.person >= 0) {
      t.ne = e2;
      t.form = f2;
      t.apposition = true;
    }
  }
}

void Finder::record_title_holder(const TitleMatch& t) {
  const std::uint32_t name_b = t.apposition ? t.te + 1 : t.te;
  if (t.det < n() && (lower_is(t.det, "his") || lower_is(t.det, "her"))) {
    const int ref = subject_person(words_[t.det].tok);
    if (ref >= 0 && ref != t.person) mention(t.det, t.det + 1, ref, MentionForm::kPronoun);
  }
  if (t.mod.present) mention(t.mod.b, t.mod.e, t.mod.actor, MentionForm::kAdjective);
  int title = t.title;
  if (t.counterpart) {
    // The counterpart of a Russian defence minister is a defence minister.
    const int ref = subject_person(words_[name_b].tok);
    if (ref >= 0 && ref != t.person) title = current_title(ref);
  }
  // "Prime Minister Zhao Ziyang of China", "King Hussein of Jordan": the
  // state after the name when none came before the title.
  std::string country = t.mod.country;
  if (!t.mod.present && lower_is(t.ne, "of"))
    if (const Hit* c = hit_after_the(t.ne + 1); c && !c->ignore && c->name >= 0 &&
        L_.actors[static_cast<std::size_t>(c->name)].kind == NodeKind::kCountry && !flag(c->e, kWPossessive))
      country = L_.actors[static_cast<std::size_t>(c->name)].country;
  if (title >= 0) add_role(t.person, title, country, t.mod.organization, t.past, t.title_text);
  mention(name_b, t.ne, t.person, t.form);
  if (t.mod.present) {
    shared_modifier_ = t.mod;
    shared_modifier_end_ = t.ne + 1;   // the word after "and"
  }
}

int Finder::holder_of(int title, const std::string& country) const {
  const LexTitle& t = L_.titles[static_cast<std::size_t>(title)];
  int best = -1;
  for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
    const ExtractedActor& x = doc_.actors[a];
    if (x.kind != NodeKind::kPerson || last_seen_[a] < 0) continue;
    if (!country.empty() && x.country != country) continue;
    bool holds = false;
    for (const Role& r : x.roles) holds = holds || ieq(r.title, t.title) || icontains(r.title, t.title);
    if (holds && (best < 0 || last_seen_[a] > last_seen_[static_cast<std::size_t>(best)]))
      best = static_cast<int>(a);
  }
  return best;
}

std::uint32_t Finder::apposition_after(int person, std::uint32_t e) {
  if (!punct(e, ',')) return e;
  std::uint32_t j = e + 1;
  if (lower_is(j, "the") || lower_is(j, "a") || lower_is(j, "an")) ++j;
  Modifier mod;
  read_modifier(j, mod);
  const Hit* h = hit_starting(j);
  if (!h || h->title < 0) return e;
  std::uint32_t te = portfolio_list_end(h->e);
  // "the Prime Minister of Ireland": the country after "of".
  if (!mod.present && lower_is(te, "of")) {
    std::uint32_t k = te + 1;
    if (lower_is(k, "the")) ++k;
    if (const Hit* c = hit_starting(k); c && c->name >= 0 &&
        L_.actors[static_cast<std::size_t>(c->name)].kind == NodeKind::kCountry) {
      std::uint32_t mk = k;
      read_modifier(mk, mod);
      te = c->e;
    }
  }
  const bool closed = te >= n() || punct(te, ',') || punct(te, '.') || punct(te, ';') ||
                      lower_is(te, "said") || lower_is(te, "and") || lower_is(te, "who") ||
                      !flag(te, kWCap);
  if (!closed) return e;
  if (mod.present) mention(mod.b, mod.e, mod.actor, MentionForm::kAdjective);
  add_role(person, h->title, mod.country, mod.organization, false);
  return te;
}

}  // namespace geokg::finder
