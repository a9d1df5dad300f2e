// The actor finder, stage by stage (actor_finder.hpp): actors made or found
// in the document, people's names, the article's time, and the states of
// unnamed actors that their own words do not give.

#include <algorithm>

#include "actor_finder.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/extract/places.hpp"

namespace geokg::finder {

// ---- actors --------------------------------------------------------------------

int Finder::actor_from_lex(int li) {
  auto it = lex_to_doc_.find(li);
  if (it != lex_to_doc_.end()) return it->second;
  const LexActor& a = L_.actors[static_cast<std::size_t>(li)];
  ExtractedActor x;
  x.name = a.name;
  x.kind = a.kind;
  if (a.kind == NodeKind::kPerson && !fits_article_time(a)) {
    // A namesake, or the person before the roles the lexicon knows: the
    // name is the text's, the lexicon's identity and roles are not.
    const int id = add_actor(std::move(x));
    lex_to_doc_[li] = id;
    return id;
  }
  // A person stands for the country of the role held at the article's
  // date: Gorbachev is Soviet in 1987, Russian after.
  x.country = a.kind == NodeKind::kPerson ? country_at(a.roles, a.country, doc_.anchor) : a.country;
  x.sector = a.sector;
  x.roles = a.roles;
  x.from_lexicon = true;
  x.code = a.code;
  const int id = add_actor(std::move(x));
  lex_to_doc_[li] = id;
  return id;
}

std::string Finder::actor_key(const ExtractedActor& a) {
  if (a.naming == Naming::kUnnamed) return "unnamed|" + a.country + "|" + a.sector;
  return std::string(to_string(a.kind)) + "|" +
         (a.kind == NodeKind::kCountry ? a.country : normalize_name(a.name));
}

int Finder::add_actor(ExtractedActor a) {
  std::string key = actor_key(a);
  auto [it, inserted] = by_key_.emplace(std::move(key), static_cast<int>(doc_.actors.size()));
  if (!inserted) return it->second;
  doc_.actors.push_back(std::move(a));
  last_seen_.push_back(-1);
  stated_title_.push_back(-1);
  return it->second;
}

int Finder::country_actor(std::string_view iso3) {
  if (iso3.empty()) return -1;
  const int li = L_.country(iso3);
  if (li >= 0) return actor_from_lex(li);
  ExtractedActor a;
  a.name = std::string(iso3);
  a.kind = NodeKind::kCountry;
  a.country = std::string(iso3);
  return add_actor(std::move(a));
}

int Finder::place_actor(std::uint32_t b, std::uint32_t e, int lex_country) {
  ExtractedActor a;
  a.name = std::string(span_text(b, e));
  a.kind = NodeKind::kLocation;
  a.country = L_.actors[static_cast<std::size_t>(lex_country)].country;
  a.from_lexicon = true;
  return add_actor(std::move(a));
}

void Finder::mention(std::uint32_t b, std::uint32_t e, int actor, MentionForm form, bool as_location,
               int actor2, bool alias) {
  if (actor < 0 || b >= e) return;
  Mention m;
  m.sentence = sent_;
  m.token_begin = words_[b].tok;
  m.token_end = words_[e - 1].tok + 1;
  m.actor = actor;
  m.actor2 = actor2;
  m.form = form;
  m.as_location = as_location;
  m.possessive = flag(e, kWPossessive);
  doc_.mentions.push_back(m);
  ExtractedActor& a = doc_.actors[static_cast<std::size_t>(actor)];
  ++a.mentions;
  last_seen_[static_cast<std::size_t>(actor)] = ++clock_;
  if (actor2 >= 0) {
    ++doc_.actors[static_cast<std::size_t>(actor2)].mentions;
    last_seen_[static_cast<std::size_t>(actor2)] = clock_;
  }
  // (A person's first name alone, "a room with Tony", is read in the article
  // but is no alias: other articles' Tonys are other people.)
  const std::string_view part = span_text(b, e);
  const bool first_name = form == MentionForm::kPartName && a.kind == NodeKind::kPerson &&
                          a.name.size() > part.size() + 1 && std::string_view(a.name).starts_with(part) &&
                          a.name[part.size()] == ' ' && part != L_.surname_of(a.name, a.country);
  if (alias && !first_name && (form == MentionForm::kName || form == MentionForm::kPartName || form == MentionForm::kMetonym)) {
    std::string_view surface = span_text(b, e);
    if (surface != a.name && std::find(a.aliases.begin(), a.aliases.end(), surface) == a.aliases.end())
      a.aliases.emplace_back(surface);
  }
  // Countries in focus, for "the two countries".
  const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(actor)];
  const std::string country = x.country;
  if (x.kind == NodeKind::kCountry && !as_location && form != MentionForm::kGroupRef) focus(actor);
  else if ((x.kind == NodeKind::kPerson || x.naming == Naming::kUnnamed) && !country.empty())
    focus(country_actor(country));  // people and state bodies count for their state
}

void Finder::focus(int country) {
  if (country < 0) return;
  focus_.push_back({sent_, country});
  if (focus_.size() > 64) focus_.erase(focus_.begin(), focus_.begin() + 32);
}

int Finder::named_state_single() const {
  int one = -1;
  for (std::size_t k = doc_.mentions.size(); k-- > 0;) {
    const Mention& m = doc_.mentions[k];
    if (sent_ - m.sentence > 1) break;
    if (m.form != MentionForm::kName || doc_.actors[static_cast<std::size_t>(m.actor)].kind != NodeKind::kCountry) continue;
    if (one >= 0 && m.actor != one) return -1;
    one = m.actor;
  }
  return one;
}

bool Finder::focus_pair(int& first, int& second) const {
  for (std::uint32_t back = 1; back <= 4; ++back) {
    std::vector<std::pair<int, int>> tally;  // (actor, count); order = first seen from the end
    for (std::size_t k = focus_.size(); k-- > 0;) {
      if (sent_ - focus_[k].first > back) break;
      auto it = std::find_if(tally.begin(), tally.end(), [&](auto& t) { return t.first == focus_[k].second; });
      if (it == tally.end()) tally.push_back({focus_[k].second, 1});
      else ++it->second;
    }
    if (tally.size() < 2) continue;
    // Ties go to the state the whole article talks about more.
    std::stable_sort(tally.begin(), tally.end(), [&](auto& x, auto& y) {
      if (x.second != y.second) return x.second > y.second;
      return doc_.actors[static_cast<std::size_t>(x.first)].mentions >
             doc_.actors[static_cast<std::size_t>(y.first)].mentions;
    });
    first = tally[1].first;
    second = tally[0].first;
    return true;
  }
  return false;
}

void Finder::add_role(int person, int title_id, const std::string& country, const std::string& organization,
                bool past, const std::string& title_text) {
  if (title_id < 0) return;
  const LexTitle& t = L_.titles[static_cast<std::size_t>(title_id)];
  ExtractedActor& p = doc_.actors[static_cast<std::size_t>(person)];
  Role r;
  r.title = title_text.empty() ? t.title : title_text;
  r.country = !country.empty() ? country : (organization.empty() ? t.country : std::string());
  r.sector = t.sector;
  r.organization = organization;
  // A role the text states in the present holds at the article date; a
  // "then-" role is past, with no dates we could know.
  if (!past && doc_.anchor.known()) r.from = doc_.anchor;
  if (!past) stated_title_[static_cast<std::size_t>(person)] = title_id;
  // The held role the text names: the same title before a generic title
  // inside a held one ("Secretary Blinken" names the Secretary of State),
  // and among equals the one held at the article date ("President Biden"
  // in 2024 is not his Vice Presidency).
  Role* match = nullptr;
  int match_rank = -1;
  for (Role& old : p.roles) {
    const bool same = ieq(old.title, r.title);
    if (!same && !icontains(old.title, r.title)) continue;
    const int rank = (same ? 2 : 0) + (role_held_at(old, doc_.anchor) ? 1 : 0);
    if (rank >= match_rank) {  // on a tie the later (listed later, more recent) role
      match = &old;
      match_rank = rank;
    }
  }
  const bool known = match != nullptr;
  if (match) {
    if (match->country.empty()) match->country = r.country;
    // Kept even when its lexicon dates end before the article ("then-House
    // Speaker Pelosi").
    stated_roles_.emplace_back(person, match->title);
  }
  if (!known) p.roles.push_back(r);
  if (p.country.empty() && !r.country.empty()) p.country = r.country;
  if (p.sector.empty()) p.sector = r.sector;
}

// "freed Canadians Michael Kovrig and Michael Spavor": names of two words or
// more right after a people in the plural are persons of that people's
// state. Returns the end of the last name, else k.
std::uint32_t Finder::people_named(std::uint32_t k, const std::string& country) {
  std::uint32_t at = k;
  for (int names = 0; names < 4; ++names) {
    const std::uint32_t e = name_run(at);
    if (e < at + 2 || e - at > 4) break;
    const std::size_t first = doc_.mentions.size();
    const std::uint32_t end = make_person(at, e);
    if (doc_.mentions.size() > first) {
      ExtractedActor& p = doc_.actors[static_cast<std::size_t>(doc_.mentions[first].actor)];
      if (!p.from_lexicon && p.country.empty() && p.roles.empty()) p.country = country;
    }
    k = end;
    if (!lower_is(end, "and") && !punct(end, ',')) break;
    at = lower_is(end + 1, "and") ? end + 2 : end + 1;
  }
  return k;
}

int Finder::new_person(std::uint32_t b, std::uint32_t e) {
  ExtractedActor a;
  a.name = std::string(span_text(b, e));
  a.kind = NodeKind::kPerson;
  if (e - b == 1) a.naming = Naming::kPartial;
  return add_actor(std::move(a));
}

bool Finder::one_edit_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // changed
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // added
}

bool Finder::title_word(std::uint32_t i) const {
  const std::string_view w = wlower(i);
  if (w.size() < 7) return false;
  if (const auto* titles = L_.word_list("title_words"))
    for (const auto& t : *titles)
      if (one_edit_apart(w, t)) return true;
  return false;
}

std::uint32_t Finder::trim_title_residue(std::uint32_t b, std::uint32_t e) const {
  std::uint32_t cut = b;
  for (std::uint32_t k = b; k + 1 < e; ++k) {
    const bool portfolio = in_list(k_portfolio_words, k, false);
    if (!portfolio && !title_word(k)) break;
    if (!portfolio) cut = k + 1;  // "Secretary", "Minster": a title's head
  }
  return cut;
}

// ---- names ---------------------------------------------------------------------

std::uint32_t Finder::name_run(std::uint32_t b) const {
  if (!capitalised_name_word(b)) return b;
  std::uint32_t e = b + 1, count = 1;
  while (e < n() && count < 5) {
    if (flag(e - 1, kWPossessive)) break;
    // "Chun Doo-hwan", "Kim Dae-jung", "Mao Tse-tung": a given name's lower-case
    // syllable glued by a hyphen (not "the Pierre Gemayel-led", "Kohl-era").
    if (count >= 2 && flag(e - 1, kWHyphenNext) && flag(e, kWLowerWord) && hit_at_[e] < 0 &&
        words_[e].end - words_[e].start <= 5 && !wlower(e).ends_with("ed") && wlower(e) != "era" &&
        wlower(e) != "run" && wlower(e) != "born") {
      ++e;
      continue;
    }
    if (capitalised_name_word(e)) {
      ++e, ++count;
      continue;
    }
    // "Commerce Ministry", "Workers' Party": an organisation word closes the span.
    if (flag(e, kWCap) && hit_at_[e] < 0 &&
        (in_list(k_organization_cues, e, false) || in_list(k_group_cues, e, false))) {
      ++e;
      // "Nuclear Forces Treaty": a document named after a body.
      if (e < n() && flag(e, kWCap) && hit_at_[e] < 0 && in_list(k_artifact_heads, e, true)) ++e;
      break;
    }
    // "Osama bin Laden", "Ursula von der Leyen", "Joseph R. Biden Jr."
    if (in_list(k_name_particles, e, false) && hit_at_[e] < 0) {
      std::uint32_t k = e;
      while (k < n() && in_list(k_name_particles, k, false)) ++k;
      // ("Miguel de la Madrid": after two particles a place's name is the surname.)
      if (capitalised_name_word(k) || (k - e >= 2 && k < n() && flag(k, kWCap) && !flag(k, kWAllCaps))) {
        e = k + 1, ++count;
        continue;
      }
      if (wtext(e) == "Jr." || wtext(e) == "Sr.") ++e;
    }
    break;
  }
  return e;
}

bool Finder::name_has_part(std::string_view name, std::string_view part, bool first_or_last_only) {
  std::size_t i = 0;
  bool first = true;
  while (i < name.size()) {
    std::size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    std::string_view w = name.substr(i, j - i);
    const bool last = j == name.size();
    if (w == part && (!first_or_last_only || first || last)) return true;
    first = false;
    i = j + 1;
  }
  return false;
}

int Finder::resolve_partial(std::string_view word) {
  if (has(k_person_prefixes, word) || has(k_non_names, word)) return -1;
  int best = -1, best_rank = -1;
  for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
    const ExtractedActor& x = doc_.actors[a];
    if (x.kind != NodeKind::kPerson || x.name == word) continue;
    // The last word is the surname of most names, the first of "Xi Jinping".
    const int rank = name_has_last(x.name, word) ? 1 : name_has_part(x.name, word, true) ? 0 : -1;
    if (rank < 0) continue;
    if (rank > best_rank || (rank == best_rank && last_seen_[a] > last_seen_[static_cast<std::size_t>(best)])) {
      best = static_cast<int>(a);
      best_rank = rank;
    }
  }
  if (best >= 0) return best;
  for (std::size_t a = 0; a < doc_.actors.size(); ++a)
    if (doc_.actors[a].kind == NodeKind::kPerson && doc_.actors[a].name == word) return static_cast<int>(a);
  int found = -1;
  if (auto it = L_.by_surname.find(word); it != L_.by_surname.end())
    for (std::uint32_t li : it->second) {
      if (!active_in_article_time(L_.actors[li])) continue;
      if (found >= 0) return -1;  // two holders share the name: do not guess
      found = static_cast<int>(li);
    }
  if (found >= 0) return actor_from_lex(found);
  // A full name seen earlier without evidence that it was a person
  // ("Charlie Bell, the former head of McDonald's ... Mr Bell").
  for (std::size_t k = unconfirmed_.size(); k-- > 0;)
    if (std::string_view(doc_.text).substr(unconfirmed_[k].last, unconfirmed_[k].end - unconfirmed_[k].last) == word)
      return confirm(unconfirmed_[k]);
  return -1;
}

int Finder::confirm(const Unconfirmed& u) {
  ExtractedActor x;
  x.name = doc_.text.substr(u.start, u.end - u.start);
  x.kind = NodeKind::kPerson;
  const int id = add_actor(std::move(x));
  Mention m;
  m.sentence = u.sentence;
  m.token_begin = u.token_begin;
  m.token_end = u.token_end;
  m.actor = id;
  doc_.mentions.push_back(m);
  ++doc_.actors[static_cast<std::size_t>(id)].mentions;
  last_seen_[static_cast<std::size_t>(id)] = ++clock_;
  return id;
}

bool Finder::active_in_article_time(const LexActor& a) const {
  if (doc_.anchor.known()) {
    for (const Role& r : a.roles)
      if (role_held_at(r, doc_.anchor)) return true;
    return false;
  }
  if (era_from_ == 0) return false;
  for (const Role& r : a.roles) {
    const int from = r.from.known() ? r.from.year : -100000;
    const int to = r.to.known() ? r.to.year : 100000;
    if (from <= era_to_ + 2 && to >= era_from_ - 2) return true;
  }
  return false;
}

bool Finder::fits_article_time(const LexActor& a) const {
  const int year = doc_.anchor.known() ? doc_.anchor.year + 10 : era_to_ == 0 ? 0 : era_to_ + 20;
  if (year == 0 || a.roles.empty()) return true;
  // A name the person had at the article's date ("Crown Prince Abdullah"
  // until 2005) says the person was there then, whatever roles came later.
  if (const std::int32_t at = doc_.anchor.key(); at != 0)
    for (const auto& pn : a.period_names)
      if ((pn.from_key != 0 || pn.to_key != 0) && (pn.from_key == 0 || at >= pn.from_key) &&
          (pn.to_key == 0 || at <= pn.to_key))
        return true;
  for (const Role& r : a.roles)
    if (!r.from.known() || r.from.year <= year) return true;
  return false;
}

void Finder::find_era() {
  era_from_ = era_to_ = 0;
  if (doc_.anchor.known()) return;
  for (const TimeExpression& t : doc_.times) {
    if (!t.date.known()) continue;
    if (era_from_ == 0 || t.date.year < era_from_) era_from_ = t.date.year;
    if (era_to_ == 0 || t.date.year > era_to_) era_to_ = t.date.year;
  }
}

// ---- the states of unnamed actors ------------------------------------------------

// "Iraqi officials and the army", "Soviet officials and the state media": an
// unnamed body after "and the" (a lower-case word may stand between) is of
// the state of the demonym whose agent noun it is coordinated with (not
// "devalued the shekel against the U.S. dollar and the government agreed").
// A historical state counts ("Soviet"). "" when there is none.
std::string Finder::coordinated_state(std::uint32_t start) const {
  std::uint32_t the = 0;
  if (start >= 1 && lower_is(start - 1, "the")) the = start - 1;
  else if (start >= 2 && lower_is(start - 2, "the") && flag(start - 1, kWLowerWord)) the = start - 2;
  if (the < 3 || !lower_is(the - 1, "and") || !agent_noun(the - 2, true)) return {};
  const Hit* h = hit(the - 3);
  if (!h || h->ignore || h->e != the - 2) return {};
  const int li = h->name >= 0 ? h->name : h->met >= 0 ? h->met : h->adj;
  if (li < 0 || L_.actors[static_cast<std::size_t>(li)].kind != NodeKind::kCountry) return {};
  return L_.actors[static_cast<std::size_t>(li)].country;
}

std::string Finder::dateline_country() const {
  if (doc_.dateline_end <= doc_.dateline_start) return {};
  return dateline_country(doc_.dateline_start, doc_.dateline_end);
}

// "BELFAST - A British soldier was shot ...": a later paragraph of a news
// digest opens with its own dateline, which then stands for that paragraph.
std::string Finder::paragraph_dateline_country(const Sentence& sent) const {
  std::uint32_t k = sent.token_begin;
  while (k < sent.token_end && (doc_.tokens[k].flags & kTokAllCaps) && !(doc_.tokens[k].flags & kTokNumber)) ++k;
  if (k == sent.token_begin || k + 1 >= sent.token_end || doc_.token_text(doc_.tokens[k]) != "-") return {};
  const std::uint32_t start = doc_.tokens[sent.token_begin].start, end = doc_.tokens[k - 1].end;
  if (std::string c = dateline_country(start, end); !c.empty() || !G_) return c;
  // (A city the gazetteer knows, written in capitals: "BELFAST".)
  std::string name(std::string_view(doc_.text).substr(start, end - start));
  for (std::size_t i = 1; i < name.size(); ++i)
    if (name[i - 1] != ' ' && name[i] >= 'A' && name[i] <= 'Z') name[i] = static_cast<char>(name[i] - 'A' + 'a');
  return city_state_of(*G_, name);
}

std::string Finder::dateline_country(std::uint32_t start, std::uint32_t end) const {
  std::string_view line = std::string_view(doc_.lower).substr(start, end - start);
  const std::size_t cut = line.find_first_of(",(-:");
  if (cut != std::string_view::npos) line = line.substr(0, cut);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  if (line.empty()) return {};
  std::vector<std::string> words = split_phrase_words(line);
  if (words.empty()) return {};
  const auto* info = L_.info(words.front());
  if (!info || info->phrases < 0) return {};
  for (std::uint32_t pid : L_.first_phrases[static_cast<std::size_t>(info->phrases)]) {
    const Phrase& p = L_.phrases[pid];
    if (p.lower != words || p.target < 0 || !p.active_at(anchor_key_)) continue;
    if (p.type != PhraseType::kName && p.type != PhraseType::kMetonym) continue;
    const LexActor& a = L_.actors[static_cast<std::size_t>(p.target)];
    // A dated name ("BELGRADE" in 1987) gives the state of its period even
    // when that state is historical.
    if ((a.kind == NodeKind::kCountry || a.kind == NodeKind::kLocation) && (!a.historical || p.dated))
      return a.country;
  }
  return {};
}

}  // namespace geokg::finder
