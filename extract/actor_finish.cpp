// The actor finder, stage by stage (actor_finder.hpp): after the last
// sentence, roles held at the article's date, role countries, scopes and the
// countries of actors made without one.

#include <algorithm>

#include "actor_finder.hpp"

namespace geokg::finder {

// ---- after the last sentence ---------------------------------------------------

void Finder::finish() {
  resolve_pending();
  // A dated article attaches only the roles held at its date (Biden is Vice
  // President in 2012, President in 2022); an undated one keeps them all.
  if (doc_.anchor.known())
    for (auto& a : doc_.actors)
      std::erase_if(a.roles, [&](const Role& r) {
        if (role_held_at(r, doc_.anchor)) return false;
        const int self = static_cast<int>(&a - doc_.actors.data());
        return std::find(stated_roles_.begin(), stated_roles_.end(), std::make_pair(self, r.title)) ==
               stated_roles_.end();
      });
  // "Prime Minister Yingluck Shinawatra" in a story of one state holds that
  // state's office: a role stated with no state and no organisation, unless
  // organisations and parties have the title as often (words.
  // organization_titles: "Director", "Leader", "Governor", "Chairman").
  if (const std::string home = home_country(); !home.empty())
    for (ExtractedActor& a : doc_.actors) {
      if (a.kind != NodeKind::kPerson || !a.country.empty() ||
          std::any_of(a.roles.begin(), a.roles.end(), [](const Role& r) { return !r.country.empty(); }))
        continue;
      for (Role& r : a.roles)
        if (r.country.empty() && r.organization.empty() &&
            !has(k_organization_titles, r.title.substr(r.title.rfind(' ') + 1))) {
          r.country = home;
          a.country = home;
        }
    }
  // Every role's country is a country actor (the store links roles to it).
  const std::size_t count = doc_.actors.size();
  for (std::size_t a = 0; a < count; ++a) {
    std::vector<std::string> codes;
    for (const Role& r : doc_.actors[a].roles)
      if (!r.country.empty()) codes.push_back(r.country);
    if (doc_.actors[a].kind == NodeKind::kPerson && !doc_.actors[a].country.empty())
      codes.push_back(doc_.actors[a].country);
    for (const auto& c : codes) country_actor(c);
  }
  const std::string only_country = article_country();
  for (ExtractedActor& a : doc_.actors)
    if (a.kind == NodeKind::kPerson && a.naming == Naming::kPartial && a.country.empty()) a.scope = only_country;
  // A person named in full is also known by surname: the store finds the
  // person of another article's "Mr Ebbers" through it.
  std::vector<int> lex_of(doc_.actors.size(), -1);
  for (const auto& [li, a] : lex_to_doc_)
    if (a >= 0 && static_cast<std::size_t>(a) < lex_of.size()) lex_of[static_cast<std::size_t>(a)] = li;
  for (std::size_t i = 0; i < doc_.actors.size(); ++i) {
    ExtractedActor& a = doc_.actors[i];
    if (a.kind != NodeKind::kPerson || a.naming != Naming::kProper) continue;
    const std::string sur = lex_of[i] >= 0 ? L_.surname_of(L_.actors[static_cast<std::size_t>(lex_of[i])])
                                           : L_.surname_of(a.name, a.country);
    if (!sur.empty() && sur != a.name && std::find(a.aliases.begin(), a.aliases.end(), sur) == a.aliases.end())
      a.aliases.push_back(sur);
  }
  for (auto& a : doc_.actors) {
    a.aliases.erase(std::remove(a.aliases.begin(), a.aliases.end(), a.name), a.aliases.end());
    // A person's sector is the government's when one of the roles is, else the first role's.
    if (a.kind == NodeKind::kPerson && a.sector.empty())
      for (const Role& r : a.roles)
        if (!r.sector.empty() && (a.sector.empty() || r.sector == "GOV")) a.sector = r.sector;
    // Things are not actors: they have no actor code.
    if (a.code.empty() && a.kind != NodeKind::kArtifact) a.code = L_.actor_code(a.kind, a.country, a.sector);
  }
  std::stable_sort(doc_.mentions.begin(), doc_.mentions.end(), [](const Mention& x, const Mention& y) {
    return x.sentence != y.sentence ? x.sentence < y.sentence : x.token_begin < y.token_begin;
  });
}

std::string Finder::article_country() const {
  std::string found = article_dateline_;
  for (const ExtractedActor& a : doc_.actors) {
    if (a.mentions == 0 || a.country.empty()) continue;
    if (!found.empty() && found != a.country) return {};
    found = a.country;
  }
  return found;
}

std::string Finder::home_country() const {
  const std::string only = article_country();
  if (only.empty() || article_dateline_ == only) return only;
  for (const Mention& m : doc_.mentions) {
    const ExtractedActor& a = doc_.actors[static_cast<std::size_t>(m.actor)];
    if (a.country != only || m.token_end <= m.token_begin) continue;
    // ("Thai protesters": an unnamed actor whose state a capitalised word before its noun gives.)
    const std::string_view first = doc_.token_text(doc_.tokens[m.token_begin]);
    if (a.naming == Naming::kUnnamed && m.token_end >= m.token_begin + 2 && !first.empty() && first[0] >= 'A' &&
        first[0] <= 'Z')
      return only;
    if (a.kind != NodeKind::kCountry) continue;
    if (m.form == MentionForm::kAdjective) return only;
    const std::string_view last = doc_.token_text(doc_.tokens[m.token_end - 1]);
    const bool possessive = last.ends_with("'s") ||
                            (m.token_end < doc_.tokens.size() && doc_.token_text(doc_.tokens[m.token_end]) == "'s");
    if (possessive) return only;
  }
  return {};
}

void Finder::resolve_pending() {
  if (pending_.empty()) return;
  const std::string country = article_country();
  const std::size_t before = doc_.actors.size();
  std::vector<int> to(before);  // what each actor becomes; -1 = left out
  for (std::size_t a = 0; a < before; ++a) to[a] = static_cast<int>(a);
  for (const Pending& p : pending_) {
    const auto from = static_cast<std::size_t>(p.actor);
    if (to[from] != p.actor) continue;
    if (country.empty()) {
      const SectorInfo* info = L_.sector(p.sector);
      if (!p.institution && info && info->state) to[from] = -1;
      continue;
    }
    to[from] = p.institution ? institution_actor(p.span, p.sector, country) : unnamed_actor(p.sector, country);
    ExtractedActor& src = doc_.actors[from];
    ExtractedActor& dst = doc_.actors[static_cast<std::size_t>(to[from])];
    dst.mentions += src.mentions;
    for (auto& alias : src.aliases)
      if (std::find(dst.aliases.begin(), dst.aliases.end(), alias) == dst.aliases.end()) dst.aliases.push_back(alias);
    if (src.name != dst.name && p.institution) dst.aliases.push_back(src.name);
  }
  // Renumber the actors that stay, and their mentions.
  std::vector<int> index(doc_.actors.size(), -1);
  std::vector<ExtractedActor> kept;
  for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
    if (a < before && to[a] != static_cast<int>(a)) continue;
    index[a] = static_cast<int>(kept.size());
    kept.push_back(std::move(doc_.actors[a]));
  }
  auto renumber = [&](int a) {
    if (a < 0) return a;
    const int now = a < static_cast<int>(before) ? to[static_cast<std::size_t>(a)] : a;
    return now < 0 ? -1 : index[static_cast<std::size_t>(now)];
  };
  for (Mention& m : doc_.mentions) {
    m.actor = renumber(m.actor);
    m.actor2 = renumber(m.actor2);
  }
  std::erase_if(doc_.mentions, [](const Mention& m) { return m.actor < 0; });
  doc_.actors = std::move(kept);
  std::vector<std::pair<int, std::string>> roles;
  for (auto& [a, title] : stated_roles_)
    if (renumber(a) >= 0) roles.emplace_back(renumber(a), title);
  stated_roles_ = std::move(roles);
  for (auto& [li, a] : lex_to_doc_) a = renumber(a);
  by_key_.clear();
  for (std::size_t a = 0; a < doc_.actors.size(); ++a) by_key_.emplace(actor_key(doc_.actors[a]), static_cast<int>(a));
  last_seen_.assign(doc_.actors.size(), 0);
  stated_title_.assign(doc_.actors.size(), -1);
}

}  // namespace geokg::finder
