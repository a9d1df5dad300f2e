// The actor finder, stage by stage (actor_finder.hpp): organisations' names
// (extended over "of", "and" and company suffixes), states' institutions,
// named organisations and places, and wire copy's bracketed company names.

#include <algorithm>

#include "actor_finder.hpp"
#include "geokg/core/ids.hpp"

namespace geokg::finder {

std::uint32_t Finder::extend_organization(std::uint32_t b, std::uint32_t e) const {
  bool complement = false;  // inside "X of Y": "and" joins words of Y
  std::uint32_t complement_words = 0;
  for (int hops = 0; hops < 4 && e < n(); ++hops) {
    const bool org = in_list(k_organization_cues, e - 1, false);
    std::uint32_t k = e;
    if (punct(k, ',') && org_suffix(k + 1)) return k + 2;
    if (flag(k, kWPossessive) && e - b == 1 && !(b > 0 && in_list(k_person_prefixes, b - 1, false))) {
      const std::uint32_t r = name_run(k + 1);
      if (r == k + 1 || r - (k + 1) > 4 || !org_suffix(r - 1)) break;
      e = r;
      continue;
    }
    if (lower_is(k, "and") || punct(k, '&')) {
      if (org && !complement && e - b >= 2) break;
      const std::uint32_t r = name_run(k + 1);
      if (r == k + 1) break;
      if (!complement && (r - (k + 1) > 2 || !in_list(k_organization_cues, r - 1, false))) break;
      e = r;
      continue;
    }
    // "Association of Chambers of Commerce": a one-word complement may have its own "of".
    if (lower_is(k, "of") && complement && complement_words == 1 && !hit(k + 1)) {
      const std::uint32_t r = name_run(k + 1);
      if (r == k + 1 || r - (k + 1) > 2) break;
      e = r;
      complement_words = 3;
      continue;
    }
    if (lower_is(k, "of") && org && !complement) {
      ++k;
      if (lower_is(k, "the")) ++k;
      if (const Hit* h = hit_starting(k); h && (h->name >= 0 || h->met >= 0)) {
        const NodeKind kind = L_.actors[static_cast<std::size_t>(h->name >= 0 ? h->name : h->met)].kind;
        if (kind == NodeKind::kCountry || kind == NodeKind::kLocation) return h->e;  // "Bank of Japan"
        break;
      }
      const std::uint32_t r = name_run(k);
      if (r == k) break;
      e = r;
      complement = true;
      complement_words = r - k;
      continue;
    }
    break;
  }
  return e;
}

bool Finder::org_suffix(std::uint32_t i) const {
  if (i >= n()) return false;
  static constexpr std::string_view kSuffixes[] = {"Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.", "Corp",
                                                   "Corp.", "PLC", "Plc", "plc", "LLC", "AG", "SA", "NV"};
  for (std::string_view x : kSuffixes)
    if (wtext(i) == x) return true;
  return false;
}

const std::string* Finder::institution(std::uint32_t b, std::uint32_t e) const {
  std::uint32_t head = e;
  if (in_list(k_institution_heads, e - 1, true) && flag(e - 1, kWCap)) head = e - 1;
  else if (e - b >= 3 && in_list(k_institution_heads, b, true) && flag(b, kWCap) && lower_is(b + 1, "of"))
    head = b;
  if (head == e) return nullptr;
  if (e - b == 1) {
    const auto* alone = L_.word_list("institution_alone");
    if (!alone || !alone->count(wtext(b))) return nullptr;
  }
  for (std::uint32_t k = b; k < e; ++k)
    if (k != head && !in_list(k_portfolio_words, k, false) && !in_list(k_institution_links, k, true)) return nullptr;
  return L_.institution_sector(wlower(head));
}

std::string Finder::modifier_country(std::uint32_t b) const {
  if (b == 0) return {};
  if (const Hit* h = hit(b - 1); h && h->e == b && h->adj >= 0)
    return L_.actors[static_cast<std::size_t>(h->adj)].country;
  if (b > 1 && flag(b - 1, kWPossessive))
    if (const Hit* p = hit(b - 2); p && p->e == b - 1) {
      const int li = p->name >= 0 ? p->name : p->met;
      if (li >= 0 && L_.actors[static_cast<std::size_t>(li)].kind == NodeKind::kCountry)
        return L_.actors[static_cast<std::size_t>(li)].country;
    }
  return {};
}

std::uint32_t Finder::make_institution(std::uint32_t b, std::uint32_t e, const std::string& sector) {
  std::string country = modifier_country(b);
  if (country.empty()) country = dateline_country_;
  const std::string span(span_text(b, e));
  const int id = institution_actor(span, sector, country);
  if (country.empty()) pending_.push_back({id, span, sector, true});
  // The modifier keeps its own mention ("Japanese", "Russia's").
  mention(b, e, id, MentionForm::kName);
  return e;
}

int Finder::institution_actor(const std::string& span, const std::string& sector, const std::string& country) {
  if (!country.empty()) {
    if (auto it = L_.local_names.find(country + "|" + normalize_name(span)); it != L_.local_names.end())
      return actor_from_lex(static_cast<int>(it->second));
    const std::string canonical = L_.demonym(country) + " " + span;
    if (auto it = L_.org_by_name.find(normalize_name(canonical)); it != L_.org_by_name.end())
      for (std::uint32_t li : it->second)
        if (L_.actors[li].country == country) return actor_from_lex(static_cast<int>(li));
    ExtractedActor a;
    a.name = canonical;
    a.kind = NodeKind::kOrganization;
    a.country = country;
    a.sector = sector;
    return add_actor(std::move(a));
  }
  ExtractedActor a;
  a.name = span;
  a.kind = NodeKind::kOrganization;
  a.sector = sector;
  a.naming = Naming::kCommon;
  return add_actor(std::move(a));
}

std::uint32_t Finder::make_named(std::uint32_t b, std::uint32_t e, NodeKind kind) {
  // "National Data Corp", "International Harvester Co": words that are no
  // name alone open an organisation's name.
  // ("People's Bank of China": an opener may be possessive.)
  if (kind == NodeKind::kOrganization || kind == NodeKind::kGroup)
    while (b > 0 && e - b < 6) {
      const bool possessive = b > 1 && flag(b - 1, kWPossessive);
      const std::uint32_t o = possessive ? b - 2 : b - 1;
      if (!flag(o, kWCap) || hit_at_[o] >= 0 || !in_list(possessive ? k_possessive_name_openers : k_name_openers, o, false))
        break;
      b = o;
    }
  // "Chinese Foreign Ministry": the adjective before it gives the country and the name.
  std::string country, body_sector;
  std::uint32_t nb = b;
  if (b > 0) {
    if (const Hit* h = hit(b - 1); h && h->e == b && h->adj >= 0) {
      country = L_.actors[static_cast<std::size_t>(h->adj)].country;
      nb = h->b;
    } else if (const LexActor* body = h && h->e == b && h->name >= 0 && kind == NodeKind::kOrganization
                                          ? &L_.actors[static_cast<std::size_t>(h->name)] : nullptr;
               body && body->kind == NodeKind::kOrganization && !body->country.empty() && !body->sector.empty()) {
      // "U.S. House Agriculture Committee": a state body's own committee.
      country = body->country;
      body_sector = body->sector;
      nb = h->b;
    } else if (b > 1 && flag(b - 1, kWPossessive) && kind != NodeKind::kLocation) {
      // "Russia's Defence Ministry": the possessor state gives the country
      // (the name stays without it: the possessor is its own mention).
      if (const Hit* p = hit(b - 2); p && p->e == b - 1 && p->name >= 0 &&
          L_.actors[static_cast<std::size_t>(p->name)].kind == NodeKind::kCountry)
        country = L_.actors[static_cast<std::size_t>(p->name)].country;
    }
  }
  // "Bank of Japan": the country named inside the name. A bank named after
  // its state alone ("Bank of England", "Central Bank of Brazil", "People's
  // Bank of China", "Reserve Bank of India") is that state's central bank,
  // part of its government.
  bool central_bank = false;
  if (country.empty() && kind == NodeKind::kOrganization)
    for (std::uint32_t k = b + 1; k + 1 < e; ++k)
      if (lower_is(k, "of"))
        if (const Hit* h = hit_starting(k + 1)) {
          country = hit_country(*h);
          central_bank = !country.empty() && h->e == e && k - b <= 3 && wtext(k - 1) == "Bank" && h->name >= 0 &&
                         !lower_is(e, "and") && !punct(e, '&') &&
                         L_.actors[static_cast<std::size_t>(h->name)].kind == NodeKind::kCountry &&
                         wtext(k + 1) != "America";
        }
  ExtractedActor a;
  a.name = std::string(span_text(nb, e));
  a.kind = kind;
  a.country = country;
  if (central_bank) a.sector = "GOV";
  else if (!body_sector.empty()) a.sector = body_sector;
  else if (kind == NodeKind::kOrganization && org_suffix(e - 1)) a.sector = "BUS";  // "Mitsui and Co Ltd"
  else if (kind == NodeKind::kOrganization && (in_list(k_media_heads, e - 1, false) || in_list(k_media_heads, nb, false)))
    a.sector = "MED";  // "Fox News", "Radio Wales"
  const int id = add_actor(std::move(a));
  mention(b, e, id, MentionForm::kName, kind == NodeKind::kLocation);
  return e;
}

std::uint32_t Finder::on_bracketed_company(std::uint32_t i) {
  constexpr std::uint32_t kMaxWords = 14;
  const std::uint32_t b = i + 1;
  std::uint32_t close = b;
  while (close < n() && close - b <= kMaxWords && !punct(close, '>') && !punct(close, '<')) ++close;
  if (!punct(close, '>') || close == b || !flag(b, kWCap)) return i + 1;
  bool lower_case = false;
  for (std::uint32_t k = b; k < close; ++k) {
    const std::string_view w = wtext(k);
    lower_case = lower_case || std::any_of(w.begin(), w.end(), [](char c) { return is_ascii_lower(c); });
  }
  if (!lower_case) return close + 1;  // a ticker
  std::string country;
  const std::uint32_t after = company_seat(close + 1, country);
  // Else a state inside the name: "<Royal Bank of Canada>", "<Swiss Bank Corp>".
  for (std::uint32_t k = b; k < close && country.empty(); ++k)
    if (const Hit* h = hit_starting(k); h && !h->ignore && (k == b || lower_is(k - 1, "of"))) country = hit_country(*h);
  make_company(b, close, country);
  return after;
}

void Finder::make_company(std::uint32_t b, std::uint32_t e, const std::string& country) {
  ExtractedActor a;
  a.name = std::string(span_text(b, e));
  a.kind = NodeKind::kOrganization;
  a.country = country;
  a.sector = "BUS";
  mention(b, e, add_actor(std::move(a)), MentionForm::kName);
}

std::uint32_t Finder::company_seat(std::uint32_t e, std::string& country) {
  const bool of = lower_is(e, "of");
  std::uint32_t k = e + 1;
  if (of && lower_is(k, "the")) ++k;
  if (!of && !punct(e, ',')) return e;
  std::uint32_t end = e;
  for (int part = 0; part < 3; ++part) {
    // Name words the lexicon does not know, then one it places ("West Germany").
    std::uint32_t part_end = capitalised_name_word(k) ? name_run(k) : k;
    if (part_end == k && flag(k, kWCap) && !hit(k) && hit_starting(k + 1)) ++part_end;
    std::string c;
    if (const Hit* h = hit_starting(part_end); h && !h->ignore && h->title < 0) {
      c = hit_country(*h);
      part_end = h->e;
    }
    if (part_end == k) break;
    if (!c.empty()) country = c;
    if (!c.empty() || of) end = part_end;
    k = part_end;
    if (!punct(k, ',')) break;
    ++k;
  }
  if (country.empty() && !of) return e;
  // The seat's words name no actor of their own.
  for (std::uint32_t w = e; w < end; ++w)
    if (hit_at_[w] >= 0) hits_[static_cast<std::size_t>(hit_at_[w])].ignore = true;
  return end;
}

}  // namespace geokg::finder
