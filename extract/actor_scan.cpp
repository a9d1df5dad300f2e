// The actor finder, stage by stage (actor_finder.hpp): the scan of a
// sentence's words after the lexicon hits: places, unnamed actors
// ("Iraqi forces"), capitalised names, institutions, group references,
// pronouns and artifacts.

#include <algorithm>

#include "actor_finder.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/extract/places.hpp"

namespace geokg::finder {

// ---- the scan ------------------------------------------------------------------

void Finder::scan() {
  for (std::uint32_t i = 0; i < n();) {
    if (punct(i, '<')) {
      i = on_bracketed_company(i);
      continue;
    }
    if (flag(i, kWPunct) || flag(i, kWPossessive)) {
      ++i;
      continue;
    }
    if (std::uint32_t e = title_pattern(i); e != i) {
      i = e;
      continue;
    }
    if (const Hit* h = hit_starting(i)) {
      i = on_hit(*h);
      continue;
    }
    if (std::uint32_t e = on_agent(i); e != i) {
      i = e;
      continue;
    }
    if (std::uint32_t e = on_name_run(i); e != i) {
      i = e;
      continue;
    }
    if (std::uint32_t e = on_group_ref(i); e != i) {
      i = e;
      continue;
    }
    on_pronoun(i);
    on_artifact(i);
    ++i;
  }
}

bool Finder::location_context(std::uint32_t b, bool country) const {
  if (b == 0) return false;
  std::uint32_t p = b - 1;
  // "in the old city of Peshawar": through a place noun's "of" (and its
  // adjectives) to the preposition before it.
  if (!country && p >= 2 && lower_is(p, "of") && in_list(k_place_nouns, p - 1, true)) {
    p -= 2;
    while (p > 0 && flag(p, kWLowerWord) && !lower_is(p, "the") && !in_list(k_location_preps, p, true) &&
           b - p < 6)
      --p;
  }
  if (lower_is(p, "the") && p > 0) --p;
  return in_list(country ? k_country_location_preps : k_location_preps, p, true);
}

std::uint32_t Finder::place_opens_a_name(const Hit& h) {
  const std::uint32_t k = h.e;
  // "the Iran scandal", "the Iran arms affair", "the Cyprus question": the
  // state names a topic, not a party.
  if (k < n() && !flag(k - 1, kWPossessive) && flag(k, kWLowerWord)) {
    if (in_list(k_named_topics, k, true)) return k + 1;
    if (k + 1 < n() && flag(k + 1, kWLowerWord) && in_list(k_named_topics, k + 1, true)) return k + 2;
  }
  if (k >= n() || flag(k - 1, kWPossessive) || !flag(k, kWCap) || flag(k, kWAllCaps) || hit_at_[k] >= 0) return h.e;
  if (in_list(k_named_events, k, false)) return k + 1;
  // "the Grand Gulf One plant": name words on both sides put the place inside another name.
  if (h.b > 0 && !flag(h.b - 1, kWStart) && capitalised_name_word(h.b - 1) && capitalised_name_word(k))
    return name_run(k);
  if (!capitalised_name_word(k) || in_list(k_institution_heads, k, true) || agent_noun(k, true) ||
      in_list(k_title_words, k, false) || in_list(k_media_heads, k, false))
    return h.e;
  // ("Japan Finance Ministry": the state's institution, read elsewhere.)
  const std::uint32_t run = name_run(k);
  if (institution(k, run)) return h.e;
  const std::uint32_t e = extend_organization(h.b, run);
  if (!in_list(k_organization_cues, e - 1, false) && !org_suffix(e - 1)) return h.e;
  make_named(h.b, e, NodeKind::kOrganization);
  ExtractedActor& org = doc_.actors[static_cast<std::size_t>(doc_.mentions.back().actor)];
  if (org.country.empty()) org.country = hit_country(h);   // the New York Stock Exchange is American
  return e;
}

bool Finder::place_noun(const Hit& h) const {
  if (h.adj >= 0) return false;
  if (h.met >= 0) return true;
  if (h.name < 0) return false;
  const NodeKind kind = L_.actors[static_cast<std::size_t>(h.name)].kind;
  return kind == NodeKind::kLocation || kind == NodeKind::kCountry;
}

std::uint32_t Finder::on_hit(const Hit& h) {
  if (h.ignore) return h.e;
  // "Shell Canada", "Chrysler Canada Ltd": a company's name ending in the
  // state of its branch names the company (not a sentence's first word:
  // "Will Iran attack?").
  if (h.name >= 0 && L_.actors[static_cast<std::size_t>(h.name)].kind == NodeKind::kCountry && h.b > 0 &&
      capitalised_name_word(h.b - 1) && !in_list(k_name_openers, h.b - 1, false) &&
      !in_list(k_title_ranks, h.b - 1, false) && !flag(h.b - 1, kWHyphenNext) && !flag(h.b - 1, kWStart) &&
      (!flag(h.e, kWCap) || org_suffix(h.e))) {
    std::uint32_t b = h.b - 1;
    while (b > 0 && h.b - b < 3 && capitalised_name_word(b - 1)) --b;
    const std::uint32_t e = org_suffix(h.e) ? h.e + 1 : h.e;
    make_company(b, e, L_.actors[static_cast<std::size_t>(h.name)].country);
    return e;
  }
  // "the Canadian dollar", "a 28 mln U.S. Dlr note": a currency, not its state.
  if (in_list(k_currency_words, h.e, true) && !flag(h.e - 1, kWPossessive)) return h.e;
  if (place_noun(h))
    if (const std::uint32_t e = place_opens_a_name(h); e != h.e) return e;
  if (h.name >= 0) {
    const LexActor& la = L_.actors[static_cast<std::size_t>(h.name)];
    const int a = actor_from_lex(h.name);
    if (la.kind == NodeKind::kLocation) {
      mention(h.b, h.e, a, MentionForm::kName, true);
      return h.e;
    }
    if (la.kind == NodeKind::kPerson) {
      mention(h.b, h.e, a, MentionForm::kName);
      return apposition_after(a, h.e);
    }
    // "U.S. officials", "U.S. efforts", "the U.S. military": the adjective reading of a name.
    if (h.adj >= 0 && !flag(h.e, kWPossessive)) {
      if (std::uint32_t e = demonym_agent(h, h.adj); e != h.e) return e;
      if (!(h.b > 0 && lower_is(h.b - 1, "the")) && (flag(h.e, kWLowerWord) || capitalised_name_word(h.e))) {
        mention(h.b, h.e, a, MentionForm::kAdjective);
        doc_.mentions.back().name_too = true;
        return h.e;
      }
    }
    // "UK Government official": a state's name before an agent noun.
    if (h.adj < 0 && la.kind == NodeKind::kCountry && !flag(h.e, kWPossessive))
      if (std::uint32_t e = demonym_agent(h, h.name); e != h.e) return e;
    // "Egypt's opposition", "Iraq's army": the possessor's agent.
    if (la.kind == NodeKind::kCountry && flag(h.e, kWPossessive))
      if (std::uint32_t e = possessor_agent(h, la.country); e != h.e) return e;
    // "Al Shabaab militants", "Hezbollah fighters", "NATO troops": the
    // group's or body's own armed or official members are the group.
    if ((la.kind == NodeKind::kGroup || la.kind == NodeKind::kOrganization) && !flag(h.e - 1, kWPossessive))
      if (std::uint32_t e = members_of(h, a); e != h.e) return e;
    mention(h.b, h.e, a, MentionForm::kName, la.kind == NodeKind::kCountry && location_context(h.b, true));
    return h.e;
  }
  if (h.met >= 0) {
    const int country = actor_from_lex(h.met);
    if (flag(h.e, kWPossessive) && L_.actors[static_cast<std::size_t>(h.met)].kind == NodeKind::kCountry)
      if (std::uint32_t e = possessor_agent(h, L_.actors[static_cast<std::size_t>(h.met)].country); e != h.e)
        return e;
    // "the Beijing-Moscow relationship" is the two states, "in Beijing" the city.
    if (location_context(h.b, false)) mention(h.b, h.e, place_actor(h.b, h.e, h.met), MentionForm::kMetonym, true);
    else mention(h.b, h.e, country, MentionForm::kMetonym);
    return h.e;
  }
  if (h.adj >= 0) {
    if (std::uint32_t e = demonym_agent(h, h.adj); e != h.e) return e;
    mention(h.b, h.e, actor_from_lex(h.adj), MentionForm::kAdjective);
    return h.e;
  }
  // "Israel eased restrictions on Palestinians", "China freed two
  // Canadians": a country's people, one unnamed actor ("Canadian people").
  if (h.people >= 0) {
    const std::string& country = L_.actors[static_cast<std::size_t>(h.people)].country;
    if (const std::uint32_t e = people_named(h.e, country); e != h.e) return e;
    mention(h.b, h.e, unnamed_actor("PPL", country), MentionForm::kName);
    return h.e;
  }
  return h.e;  // a title with no name or holder: nothing to record
}

// ---- unnamed actors ------------------------------------------------------------

int Finder::agent_run(std::uint32_t i, std::uint32_t& end) const {
  std::uint32_t k = i;
  while (k < n() && k < i + 2 && in_list(k_agent_modifiers, k, true) && !agent_noun(k, true)) ++k;
  if (!agent_noun(k, true) || flag(k, kWAllCaps)) return -1;
  const int body = static_cast<int>(k);
  while (k < n() && agent_noun(k, true) && !flag(k, kWAllCaps)) ++k;
  end = k;
  return body;
}

// The noun of an agent run ending before `end` whose sector names the
// actor: the last, except that a non-state group before a state's generic
// noun is what the people are ("opposition leaders", "rebel troops",
// "student leaders": not the government's or the army's).
const AgentNoun* Finder::run_head(std::uint32_t end) const {
  const AgentNoun* head = agent_at(end - 1);
  if (!head || end < 2 || !agent_noun(end - 2, true)) return head;
  const AgentNoun* before = agent_at(end - 2);
  const SectorInfo* h = L_.sector(head->sector);
  const SectorInfo* b = before ? L_.sector(before->sector) : nullptr;
  return h && h->state && b && !b->state ? before : head;
}

// "the Reagan administration", "the Mubarak regime": a person's name right
// before a state body stands for that person's government; the body noun
// becomes a mention of the person.
int Finder::leader_before_body(std::uint32_t start, int body, std::uint32_t end) const {
  const AgentNoun* a = agent_at(static_cast<std::uint32_t>(body));
  if (start == 0 || static_cast<std::uint32_t>(body) != start || end != start + 1 || !a || !a->body) return -1;
  const SectorInfo* info = L_.sector(a->sector);
  if (!info || !info->state) return -1;
  const std::uint32_t tok = words_[start - 1].tok + 1;
  for (std::size_t k = doc_.mentions.size(); k-- > 0;) {
    const Mention& m = doc_.mentions[k];
    if (m.sentence != sent_ || m.token_end < tok) break;
    if (m.token_end == tok && doc_.actors[static_cast<std::size_t>(m.actor)].kind == NodeKind::kPerson &&
        (m.form == MentionForm::kName || m.form == MentionForm::kPartName))
      return m.actor;
  }
  return -1;
}

int Finder::unnamed_actor(const std::string& sector, const std::string& country) {
  const SectorInfo* info = L_.sector(sector);
  std::string noun = info && !info->noun.empty() ? info->noun : std::string(sector);
  if (!info || info->noun.empty())
    ascii_lower_in_place(noun);
  ExtractedActor x;
  x.name = country.empty() ? noun : L_.demonym(country) + " " + noun;
  x.kind = info && info->state ? NodeKind::kOrganization : NodeKind::kGroup;
  x.country = country;
  x.sector = sector;
  x.naming = Naming::kUnnamed;
  return add_actor(std::move(x));
}

std::uint32_t Finder::demonym_agent(const Hit& h, int lex_country) {
  // "US and British activists", "Syrian, Iraqi and Turkish rebels": the
  // noun after the last of coordinated demonyms is every one's.
  std::uint32_t at = h.e;
  for (int hops = 0; hops < 4 && (lower_is(at, "and") || punct(at, ',')); ++hops) {
    const std::uint32_t next = lower_is(at + 1, "and") ? at + 2 : at + 1;
    const Hit* n = hit_starting(next);
    if (!n || n->adj < 0 || n->name >= 0) break;
    at = n->e;
  }
  std::uint32_t end = 0;
  if (agent_run(at, end) < 0) return h.e;
  const AgentNoun* a = run_head(end);
  // "the Russian parliament's committee": the possessor of something else.
  // ("arrested North Korean man Ri Jong Chol": a person of that people,
  // whether or not the name is known.)
  if (!a || (agent_names_someone(end) && a->sector != "PPL") || flag(end, kWPossessive) || stance(a, end)) return h.e;
  const int g = unnamed_actor(a->sector, L_.actors[static_cast<std::size_t>(lex_country)].country);
  if (at != h.e) {
    // Only the demonym is this actor's mention (no name of it: "US" is
    // not the American opposition's); the noun belongs to the last one.
    mention(h.b, h.e, g, MentionForm::kName, false, -1, false);
    return h.e;
  }
  mention(h.b, end, g, MentionForm::kName);
  return end;
}

std::uint32_t Finder::members_of(const Hit& h, int actor) {
  std::uint32_t end = 0;
  if (agent_run(h.e, end) < 0 || agent_names_someone(end) || flag(end, kWPossessive)) return h.e;
  const AgentNoun* a = run_head(end);
  static constexpr std::string_view kActing[] = {"GOV", "DIP", "MIL", "COP", "REB", "INS", "SEP", "UAF", "SPY"};
  if (!a || std::find(std::begin(kActing), std::end(kActing), a->sector) == std::end(kActing)) return h.e;
  mention(h.b, end, actor, MentionForm::kName);
  return end;
}

std::uint32_t Finder::possessor_agent(const Hit& h, const std::string& country) {
  std::uint32_t end = 0;
  if (agent_run(h.e + 1, end) < 0) return h.e;
  const AgentNoun* a = run_head(end);
  if (!a || agent_names_someone(end) || flag(end, kWPossessive) || stance(a, end)) return h.e;
  mention(h.b, end, unnamed_actor(a->sector, country), MentionForm::kName);
  return end;
}

// "West German opposition to radical reforms", "Japan's opposition to the
// plan": the opposition body before "to" or "from" is a stance, no party.
bool Finder::stance(const AgentNoun* a, std::uint32_t end) const {
  return a->body && a->sector == "OPP" && (lower_is(end, "to") || lower_is(end, "from"));
}

bool Finder::agent_names_someone(std::uint32_t end) const {
  if (capitalised_name_word(end)) return true;
  const Hit* h = hit_starting(end);
  return h && h->title >= 0;
}

std::string Finder::hit_country(const Hit& h) const {
  int li = h.name >= 0 ? h.name : h.met >= 0 ? h.met : h.adj;
  if (li < 0) return {};
  const LexActor& a = L_.actors[static_cast<std::size_t>(li)];
  if (a.kind != NodeKind::kCountry && a.kind != NodeKind::kLocation) return {};
  // A historical state counts through a dated capital ("officials in
  // Moscow" in 1987), not through its name or adjective.
  if (a.historical && h.met < 0) return {};
  return a.country;
}

// The state of the city words [b, e) name, from the gazetteer: the one state
// with a city of that name of 100,000 people or more, or among namesakes in
// several states one ten times as populous as the next ("Reading" is
// British). Empty without a gazetteer, for names the lexicon matched, and
// for small or unknown places.
std::string Finder::city_state(std::uint32_t b, std::uint32_t e) const {
  if (!G_ || b >= e || e > n()) return {};
  for (std::uint32_t k = b; k < e; ++k)
    if (!flag(k, kWCap) || flag(k, kWAllCaps) || hit_at_[k] >= 0 || in_list(k_non_names, k, false)) return {};
  return city_state_of(*G_, std::string_view(doc_.text).substr(words_[b].start, words_[e - 1].end - words_[b].start));
}

// The end of the capitalised words from k that might name a city (at most
// three), k when there are none.
std::uint32_t Finder::city_after(std::uint32_t k) const {
  std::uint32_t e = k;
  while (e < n() && e - k < 3 && flag(e, kWCap) && !flag(e, kWAllCaps) && hit_at_[e] < 0) ++e;
  return e;
}

std::string Finder::country_after(std::uint32_t end) const {
  // ("officials from Nigeria", "troops from Britain")
  if (!(lower_is(end, "in") || lower_is(end, "of") || lower_is(end, "from"))) return {};
  const Hit* h = hit_after_the(end + 1);
  // ("police in Johannesburg": a city the gazetteer knows.)
  if (!h && lower_is(end, "in")) return city_state(end + 1, city_after(end + 1));
  if (!h || h->ignore) return {};
  // "the government of Iran's ..." still names Iran; "in Iranian waters" does not.
  if (h->name < 0 && h->met < 0) return {};
  return hit_country(*h);
}

// The state of the place after "of" at `end` that is no state itself: a
// city the gazetteer knows or a region of the lexicon ("of Istanbul", "of
// the West Bank"), else empty.
std::string Finder::place_state_after_of(std::uint32_t end) const {
  if (!lower_is(end, "of")) return {};
  const std::uint32_t k = lower_is(end + 1, "the") ? end + 2 : end + 1;
  if (const Hit* h = hit_starting(k)) {
    if (h->ignore) return {};
    if (h->name < 0) return h->met >= 0 ? hit_country(*h) : std::string();   // a capital: "the mayor of London"
    const LexActor& a = L_.actors[static_cast<std::size_t>(h->name)];
    return a.kind == NodeKind::kLocation ? a.country : std::string();
  }
  if (std::string c = city_state(k, city_after(k)); !c.empty()) return c;
  // "the mayor of the northern West Bank city of Nablus": through a place
  // noun's own "of".
  for (std::uint32_t j = k; j < n() && j < k + 6 && !flag(j, kWPunct); ++j)
    if (in_list(k_place_nouns, j, true) && lower_is(j + 1, "of")) return place_state_after_of(j + 1);
  return {};
}

// "the foreign ministers of Argentina and Chile": the second state of a
// plural body's "of X and Y" (empty when there is none or it is the first).
std::string Finder::second_country_after(std::uint32_t end, const std::string& first) const {
  if (!lower_is(end, "of")) return {};
  const Hit* h = hit_after_the(end + 1);
  if (!h || h->ignore || !lower_is(h->e, "and")) return {};
  const Hit* h2 = hit_after_the(h->e + 1);
  if (!h2 || h2->ignore || (h2->name < 0 && h2->met < 0) || flag(h2->e, kWPossessive)) return {};
  std::string second = hit_country(*h2);
  return second == first ? std::string() : second;
}

std::string Finder::sentence_country() const {
  std::string found;
  for (const Hit& h : hits_) {
    if (h.ignore) continue;
    const std::string c = hit_country(h);
    if (c.empty()) continue;
    if (!found.empty() && found != c) return {};
    found = c;
  }
  // ("Insurgents struck a patrol near Ramadi": a city the gazetteer knows.)
  for (std::uint32_t k = 1; k < n(); ++k) {
    if (flag(k, kWStart) || !location_context(k, false)) continue;
    const std::string c = city_state(k, city_after(k));
    if (c.empty()) continue;
    if (!found.empty() && found != c) return {};
    found = c;
  }
  return found;
}

std::uint32_t Finder::on_agent(std::uint32_t i) {
  if (!agent_noun(i, true) && !in_list(k_agent_modifiers, i, true)) return i;
  // Lower case, first in the sentence, a noun listed capitalised
  // ("Hindus"), or a body after "the" ("the Government").
  const AgentNoun* at_i = agent_at(i);
  const bool capital_ok = flag(i, kWCap) && ((at_i && agent_noun(i, false)) ||
                                             (at_i && at_i->body && i > 0 && lower_is(i - 1, "the")));
  if (!flag(i, kWLowerWord) && !flag(i, kWStart) && !capital_ok) return i;
  std::uint32_t end = 0;
  const int body = agent_run(i, end);
  if (body < 0) return i;
  // An adjective or possessor before it is read elsewhere ("Iraqi
  // officials", "Iraq's army"), also past modifiers ("EC foreign ministers").
  std::uint32_t start = i;
  while (start > 0 && i - start < 2 && in_list(k_agent_modifiers, start - 1, true)) --start;
  // (A capitalised first word before a lower-case modifier is no name:
  // "Suspected communist rebels".)
  const bool name_before = start > 0 && capitalised_name_word(start - 1) &&
                           !(flag(start - 1, kWStart) && flag(start, kWLowerWord));
  if (const int leader = leader_before_body(start, body, end); leader >= 0) {
    mention(static_cast<std::uint32_t>(body), end, leader, MentionForm::kName, false, -1, false);   // ("government" is no alias)
    return end;
  }
  if (start > 0 && (hit(start - 1) || flag(start - 1, kWPossessive) || name_before)) return i;
  // "talks with fellow ministers": the speaker's own side, no other party.
  if (start > 0 && in_list(k_own_side_modifiers, start - 1, true)) return i;
  if (agent_names_someone(end)) return i;
  const AgentNoun* first = agent_at(static_cast<std::uint32_t>(body));
  const AgentNoun* head = run_head(end);
  if (!first || !head) return i;
  // "the government's program", "the administration agreement": a
  // possessor or a modifier of another noun, not the actor.
  if (flag(end, kWPossessive) || in_list(k_artifact_heads, end, true)) return i;
  const SectorInfo* info = L_.sector(head->sector);
  std::string country = country_after(end);
  if (country.empty() && head->needs_demonym) return i;
  if (country.empty()) country = coordinated_state(start);
  if (country.empty()) {
    if (info && info->state) {
      // "the government", "the army": the body of the dateline's state (a
      // story from LONDON speaks of Britain's government). A body without
      // "the" modifies another noun ("military sources"). A previous
      // sentence's state is too often someone else's ("... the
      // government has offered the Indonesian government"), and "close
      // to the government", "between Congress and the administration" too
      // often not the state acting. Other nouns ("officials", "diplomats")
      // are anyone's: only the article's one country gives them one.
      if (head->body) {
        const bool the = i > 0 && lower_is(i - 1, "the");
        // Without "the" a body names itself only where no noun follows it
        // ("police said", "clashed with police"; not "military sources").
        // ("Police fired tear gas": a verb in the past tense follows a subject.)
        if (!the && end < n() && flag(end, kWLowerWord) && !in_list(k_speech_verbs, end, true) &&
            !lower_is(end, "and") && !lower_is(end, "on") && !lower_is(end, "in") && !lower_is(end, "at") &&
            !(wlower(end).size() > 4 && wlower(end).ends_with("ed")))
          return i;
        if (the && i >= 2 &&
            (lower_is(i - 2, "to") || lower_is(i - 2, "with") || lower_is(i - 2, "and") ||
             lower_is(i - 2, "between") || lower_is(i - 2, "of") || lower_is(i - 2, "by")))
          return i;
        country = dateline_country_;
      }
    } else {
      // "met opposition from the Liberal faction", "opposition to the
      // plan": a bare body before "from"/"to" is the abstract noun.
      if (head->body && !(i > 0 && lower_is(i - 1, "the")) && (lower_is(end, "from") || lower_is(end, "to")))
        return i;
      // Rebels are of the one country the sentence names, not the reporter's.
      country = sentence_country();
    }
  }
  if (country.empty() && head->needs_country) return i;
  const int g = unnamed_actor(head->sector, country);
  if (country.empty()) pending_.push_back({g, {}, head->sector, false});
  int g2 = -1;
  if (!country.empty() && wtext(end - 1).ends_with('s'))
    if (const std::string second = second_country_after(end, country); !second.empty())
      g2 = unnamed_actor(head->sector, second);
  mention(i, end, g, MentionForm::kTitle, false, g2);
  return end;
}

std::uint32_t Finder::on_name_run(std::uint32_t i) {
  std::uint32_t e = name_run(i);
  if (e == i) return i;
  e = extend_organization(i, e);
  // "Mr. Smith", "Lord Goldsmith": a person prefix is evidence, not part of the name.
  bool prefixed = i > 0 && in_list(k_person_prefixes, i - 1, false);
  while (e - i >= 2 && in_list(k_person_prefixes, i, false)) {
    ++i;
    prefixed = true;
  }
  // "Actor Tom Hanks", "Analyst Rosemarie Morbelli": at a sentence's start a
  // noun for a person is capitalised before the name it describes.
  if (e - i >= 3 && flag(i, kWStart) && in_list(k_person_nouns, i, true) && hit_at_[i] < 0)
    return make_described_person(i + 1, e);
  if (e - i == 1) {
    const int p = resolve_partial(wtext(i));
    if (p >= 0) {
      mention(i, e, p, MentionForm::kPartName);
      return apposition_after(p, e);
    }
  } else if (const int p = resolve_full(i, e); p >= 0) {
    mention(i, e, p, MentionForm::kName);
    return apposition_after(p, e);
  }
  // "the Reagan Administration", "the Thatcher Government": the leader's
  // government, written as a name; the leader stands for it, as for "the
  // Reagan administration".
  if (e - i >= 2 && agent_noun(e - 1, true))
    if (const AgentNoun* body = agent_at(e - 1); body && body->body) {
      const int p = e - 1 - i == 1 ? resolve_partial(wtext(i)) : resolve_full(i, e - 1);
      if (p >= 0 && doc_.actors[static_cast<std::size_t>(p)].kind == NodeKind::kPerson) {
        mention(i, e, p, MentionForm::kName, false, -1, false);
        return e;
      }
    }
  const bool at_start = flag(i, kWStart);
  // '"...," said Daniel Levy': an attribution verb after a comma or a
  // closing quote introduces the speaker.
  const bool speech = in_list(k_speech_verbs, e, true) ||
                      (i >= 2 && in_list(k_speech_verbs, i - 1, true) && flag(i - 2, kWPunct) && !at_start);
  // "Finance Ministry", "Supreme Court", "the Senate": a state's institution.
  if (const std::string* sector = institution(i, e)) return make_institution(i, e, *sector);
  // "General Motors Corp": a word that is also a title opens the company's name.
  if (e - i >= 2 && in_list(k_organization_cues, e - 1, false) && i > 0)
    if (const Hit* t = hit(i - 1); t && t->e == i && t->b + 1 == i && t->title >= 0 && t->name < 0 &&
                                   !L_.titles[static_cast<std::size_t>(t->title)].head)
      --i;
  // "French bank Credit Lyonnais", "carmaker Toyota": a noun of the kind before the name.
  if (i > 0 && flag(i - 1, kWLowerWord) && in_list(k_organization_nouns, i - 1, true))
    return make_named(i, e, NodeKind::kOrganization);
  // "Radio Wales", "Greater Manchester Radio", "Fox News": the press, not a person.
  if (e - i >= 2 && (in_list(k_media_heads, e - 1, false) || in_list(k_media_heads, i, false)))
    return make_named(i, e, NodeKind::kOrganization);
  // The last word decides organisations and groups ("Foreign Ministry", "Al-Aqsa Brigades"),
  // or the head before "of" ("National Union of Journalists").
  if (e - i >= 2 && in_list(k_organization_cues, e - 1, false)) return make_named(i, e, NodeKind::kOrganization);
  for (std::uint32_t k = i + 1; k + 1 < e; ++k)
    if (lower_is(k, "of") && in_list(k_organization_cues, k - 1, false)) return make_named(i, e, NodeKind::kOrganization);
  if (e - i >= 2 && in_list(k_group_cues, e - 1, false)) return make_named(i, e, NodeKind::kGroup);
  if (e - i >= 2 && in_list(k_artifact_heads, e - 1, true)) return make_named(i, e, NodeKind::kArtifact);
  if (e - i >= 2 && (prefixed || speech)) return make_person(i, e);
  // "Canadian businessman Michael Spavor", "opposition leader Alexei
  // Navalny": a noun for a person right before the name is evidence.
  if (e - i >= 2 && i > 0 && flag(i - 1, kWLowerWord) && in_list(k_person_nouns, i - 1, true))
    return make_described_person(i, e);
  if (prefixed && e - i == 1 && !at_start) {
    const int p = new_person(i, e);
    mention(i, e, p, MentionForm::kName);
    return e;
  }
  // "Wang Xiaohong, China's minister of public security", "Bertie Ahern, the
  // Prime Minister of Ireland": an apposed title is evidence, even at a sentence start.
  if (e - i >= 2 && punct(e, ',')) {
    std::uint32_t k = e + 1;
    if (lower_is(k, "the") || lower_is(k, "a") || lower_is(k, "an")) ++k;
    if (const Hit* h = hit_starting(k); h && h->title < 0) k = h->e + (flag(h->e, kWPossessive) ? 1 : 0);
    if (const Hit* h = hit_starting(k); h && h->title >= 0) return make_person(i, e);
    if (const std::uint32_t noun = apposed_person_noun(e + 1); noun != 0) return make_described_person(i, e, e + 1, noun);
  }
  // "police in Johannesburg": a city the gazetteer knows, with its state.
  if (!at_start && location_context(i, false))
    if (const std::string state = city_state(i, e); !state.empty()) {
      const std::uint32_t end = make_named(i, e, NodeKind::kLocation);
      ExtractedActor& place = doc_.actors[static_cast<std::size_t>(doc_.mentions.back().actor)];
      if (place.country.empty()) place.country = state;
      return end;
    }
  if (e - i >= 2 && !at_start) {
    if (location_context(i, false)) return make_named(i, e, NodeKind::kLocation);
  }
  // "the island of Anjouan", "the province of Helmand": a place noun names
  // the place after "of".
  if (i >= 2 && lower_is(i - 1, "of") && in_list(k_place_nouns, i - 2, true))
    return make_named(i, e, NodeKind::kLocation);
  // No evidence yet; a later "Mr Bell" confirms "Charlie Bell, the former head of McDonald's".
  if (e - i >= 2 && e - i <= 4)
    unconfirmed_.push_back({sent_, words_[i].tok, words_[e - 1].tok + 1, words_[i].start, words_[e - 1].end,
                            words_[e - 1].start});
  return e;  // no evidence: not an actor
}

std::uint32_t Finder::make_person(std::uint32_t b, std::uint32_t e) {
  b = trim_title_residue(b, e);
  int p = -1;
  if (e - b == 1) p = resolve_partial(wtext(b));
  else p = resolve_full(b, e);
  if (p < 0) p = new_person(b, e);
  mention(b, e, p, e - b == 1 && doc_.actors[static_cast<std::size_t>(p)].name != wtext(b) ? MentionForm::kPartName
                                                                                       : MentionForm::kName);
  return apposition_after(p, e);
}

// "Abdulhadi al-Khawaja, a jailed Bahraini human rights activist": after the
// comma of a name, an article and up to five lowercase words or demonyms
// ending in a noun for a person, closed by punctuation or the sentence end.
// Returns that noun's word, else 0.
std::uint32_t Finder::apposed_person_noun(std::uint32_t k) const {
  if (!(lower_is(k, "a") || lower_is(k, "an") || lower_is(k, "the"))) return 0;
  for (std::uint32_t j = k + 1, steps = 0; j < n() && steps < 6; ++steps) {
    if (in_list(k_person_nouns, j, true) && flag(j, kWLowerWord))
      return j + 1 >= n() || flag(j + 1, kWPunct) ? j : 0;
    if (const Hit* h = hit_starting(j); h && h->adj >= 0) {
      j = h->e;
      continue;
    }
    if (!flag(j, kWLowerWord)) return 0;
    ++j;
  }
  return 0;
}

// The person takes the state of a demonym in its description ("Canadian
// human rights activist" before the name, words [db, dn] after it), when
// nothing else gave one, and the sector of the noun where it names one.
std::uint32_t Finder::make_described_person(std::uint32_t b, std::uint32_t e, std::uint32_t db, std::uint32_t dn) {
  const std::size_t first = doc_.mentions.size();
  const std::uint32_t end = make_person(b, e);
  if (doc_.mentions.size() == first) return end;
  ExtractedActor& p = doc_.actors[static_cast<std::size_t>(doc_.mentions[first].actor)];
  if (p.from_lexicon || !p.country.empty() || !p.roles.empty()) return end;
  if (dn == 0) {
    dn = b - 1;
    db = dn;
    while (db > 0 && dn - db < 4 && (flag(db - 1, kWLowerWord) || (hit(db - 1) && hit(db - 1)->adj >= 0))) --db;
  }
  for (std::uint32_t k = db; k < dn; ++k)
    if (const Hit* h = hit_starting(k); h && h->adj >= 0 && h->e <= dn) p.country = L_.actors[static_cast<std::size_t>(h->adj)].country;
  // (Not "official": "IG-Metall official", "a senior party official" serve
  // no state; not a former one: "former soldier Ronny Brunswijk".)
  bool former = false;
  for (std::uint32_t k = db; k < dn; ++k) former = former || lower_is(k, "former") || lower_is(k, "ex");
  if (const AgentNoun* agent = agent_at(dn); agent && p.sector.empty() && agent->sector != "GOV" && !former)
    p.sector = agent->sector;
  return end;
}

std::uint32_t Finder::on_group_ref(std::uint32_t i) {
  // "after a visit to Kenya, Annan warned that the country risks ...": the
  // one state named in this sentence and the one before; none when there
  // are several.
  if (lower_is(i, "the") && (lower_is(i + 1, "country") || lower_is(i + 1, "nation"))) {
    if (const int state = named_state_single(); state >= 0)
      mention(i, i + 2, state, MentionForm::kTitle, location_context(i, true));
    return i + 2;
  }
  std::uint32_t j = i;
  if (lower_is(j, "the") && lower_is(j + 1, "two")) j += 2;
  else if (lower_is(j, "both")) j += 1;
  else return i;
  if (!in_list(k_group_ref_nouns, j, true)) return i;
  int a = -1, b = -1;
  if (!focus_pair(a, b)) return j + 1;
  mention(i, j + 1, a, MentionForm::kGroupRef, false, b);
  return j + 1;
}

void Finder::on_pronoun(std::uint32_t i) {
  const std::string_view w = wlower(i);
  if (w != "he" && w != "him" && w != "his" && w != "she" && w != "her" && w != "hers" &&
      w != "himself" && w != "herself")
    return;
  // Inside a quotation a third person is someone the speaker talks about,
  // not the person the story was about just before ('"... asked for his
  // arrest," Retemeyer said'): only a person the quotation itself named
  // before the pronoun ('"The PM said he was bound to tell"'). A quote mark
  // after a space opens, any other closes (a sentence may start inside a
  // quotation opened before it).
  std::uint32_t opened = n();
  for (std::uint32_t k = 0; k < i; ++k)
    if (punct(k, '"')) {
      const std::uint32_t at = words_[k].start;
      const bool opening = at == 0 || doc_.text[at - 1] == ' ' || doc_.text[at - 1] == '\n' || doc_.text[at - 1] == '(';
      opened = opening ? k : n();
    }
  const int p = subject_person(words_[i].tok, w == "he" || w == "she");
  if (p < 0) return;
  if (opened != n()) {
    bool named_inside = false;
    for (std::size_t m = doc_.mentions.size(); m-- > 0 && doc_.mentions[m].sentence == sent_;)
      if (doc_.mentions[m].actor == p && doc_.mentions[m].token_begin > words_[opened].tok &&
          doc_.mentions[m].token_begin < words_[i].tok)
        named_inside = true;
    if (!named_inside) return;
  }
  mention(i, i + 1, p, MentionForm::kPronoun);
}

void Finder::on_artifact(std::uint32_t i) {
  if (!flag(i, kWLowerWord) || !in_list(k_artifact_heads, i, true)) return;
  // Modifiers: up to four words back to the determiner that opens the noun
  // phrase ("the first superpower arms control agreement"); the last two are
  // kept. Lowercase words count only when such an opening is found, so
  // "would impose sanctions" stays "sanctions".
  std::uint32_t b = i;
  std::string country;
  bool opened = false;
  while (b > 0 && i - b < 4) {
    const std::uint32_t k = b - 1;
    const bool verb_next = in_list(k_artifact_verb_openers, k, true);
    if (flag(k, kWPunct) || flag(k, kWNumber) || flag(k, kWPossessive) || verb_next || in_list(k_artifact_stops, k, true)) {
      opened = true;
      // ("voted to impose economic sanctions", "would impose sanctions":
      // after "to" or a modal comes the verb.)
      if (verb_next) {
        static constexpr std::string_view kAdverbs[] = {"also", "not", "now", "soon", "still", "never", "then",
                                                         "ever", "only", "even", "already", "n't"};
        while (b < i && (wlower(b).ends_with("ly") || std::find(std::begin(kAdverbs), std::end(kAdverbs), wlower(b)) != std::end(kAdverbs))) ++b;
        if (b < i && !hit(b)) ++b;
      }
      break;
    }
    const std::string_view lw = wlower(k);
    if (lw.ends_with("ed") || lw.ends_with("ing") || lw.ends_with("ly")) {
      opened = true;
      break;
    }
    if (const Hit* h = hit(k)) {
      if (h->adj >= 0 && h->e == b) {
        country = L_.actors[static_cast<std::size_t>(h->adj)].country;
        b = h->b;
        opened = true;
        break;
      }
      break;
    }
    if (flag(k, kWCap) && !flag(k, kWAllCaps)) break;
    b = k;
  }
  if (!opened && b < i) {
    bool all_lower = true;
    for (std::uint32_t k = b; k < i; ++k) all_lower = all_lower && flag(k, kWLowerWord);
    if (all_lower) b = i;
  }
  // Keep the two modifiers next to the head (and a country adjective before them).
  std::uint32_t keep = b;
  {
    std::uint32_t plain = 0;
    for (std::uint32_t k = i; k-- > b;) {
      if (hit(k) && hit(k)->adj >= 0) continue;
      if (plain == 2) {
        keep = k + 1;
        break;
      }
      ++plain;
    }
  }
  std::string head(wlower(i));
  std::string name;
  bool named = false;  // "the INF treaty" names one treaty; "an aid bill" is a common noun
  for (std::uint32_t k = keep; k < i; ++k) {
    if (hit(k) && hit(k)->adj >= 0) continue;  // the country goes to `country`, not the name
    name += std::string(wtext(k)) + " ";
    named = named || flag(k, kWCap);
  }
  name += head;
  int id = -1;
  // "the bill" later in the story is the bill named before.
  for (std::size_t a = doc_.actors.size(); a-- > 0;) {
    ExtractedActor& x = doc_.actors[a];
    if (x.kind != NodeKind::kArtifact) continue;
    if (x.name == name) {
      id = static_cast<int>(a);
      break;
    }
    const bool same_head = x.name == head || x.name.ends_with(" " + head);
    if (same_head && name == head) {
      id = static_cast<int>(a);
      break;
    }
    if (same_head && x.name == head) {  // "a bill" then "the aid bill": keep the fuller name
      by_key_.erase(std::string(to_string(NodeKind::kArtifact)) + "|" + normalize_name(x.name));
      x.aliases.push_back(x.name);
      x.name = name;
      by_key_[std::string(to_string(NodeKind::kArtifact)) + "|" + normalize_name(name)] = static_cast<int>(a);
      id = static_cast<int>(a);
      break;
    }
  }
  if (id < 0) {
    ExtractedActor a;
    a.name = name;
    a.kind = NodeKind::kArtifact;
    a.country = country;
    if (!named) a.naming = Naming::kCommon;
    id = add_actor(std::move(a));
  }
  mention(b, i + 1, id, MentionForm::kName);
}

}  // namespace geokg::finder
