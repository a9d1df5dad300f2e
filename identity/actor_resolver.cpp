// Actor identity across articles: which stored node an extracted actor
// becomes (the rules are stated at resolve_actor in actor_resolver.hpp).

#include "geokg/identity/actor_resolver.hpp"

#include <algorithm>

#include "geokg/core/ascii.hpp"
#include "geokg/core/ids.hpp"

namespace geokg {

namespace {

// Country codes compare without case ("gbr" is GBR).
bool same_country(std::string_view a, std::string_view b) { return ieq(a, b); }

bool countries_compatible(std::string_view a, std::string_view b) {
  return a.empty() || b.empty() || same_country(a, b);
}

// Whether a stored person can be the one an article of date `at` names: no
// dated role of theirs starts more than two years after it (an undated
// article fits anyone).
bool time_compatible(const Node& n, const Date& at) {
  if (!at.known()) return true;
  bool dated = false, fits = false;
  for (const Role& r : n.roles) {
    if (!r.from.known()) {
      fits = true;
      continue;
    }
    dated = true;
    fits = fits || r.from.year <= at.year + 2;
  }
  return !dated || fits;
}

// A person known by surname only ("Mr Blair") is the one full-name person
// stored with that surname as a name, of a compatible country (equal, or
// one unknown) and time (no dated role of theirs starts years after the
// article); of several, the one holding a role at the article's date.
// Otherwise it stays apart, a partial name.
Result<NodeId> resolve_surname(const ExtractedActor& a, const std::string& norm, NodeId own, const Date& at,
                               ActorDirectory& stored) {
  Result<std::vector<NodeId>> ids = stored.named(norm);
  if (!ids.ok()) return ids.status();
  std::vector<const Node*> fit;
  for (NodeId id : *ids) {
    if (id == own) continue;
    Result<const Node*> n = stored.node(id);
    if (!n.ok()) return n.status();
    const Node* node = *n;
    if (node == nullptr || node->kind != NodeKind::kPerson || node->naming == Naming::kPartial) continue;
    const std::string full = normalize_name(node->name);
    const bool has_surname = full.ends_with(" " + norm) || full.starts_with(norm + " ");
    if (!has_surname) continue;
    // The article's one country stands in for an unknown one (ExtractedActor::scope).
    const std::string& country = a.country.empty() ? a.scope : a.country;
    bool country_ok = countries_compatible(node->country, country);
    for (const Role& r : node->roles) country_ok = country_ok || same_country(r.country, country);
    if (!country_ok || !time_compatible(*node, at)) continue;
    fit.push_back(node);
  }
  if (fit.size() > 1 && at.known()) {
    std::erase_if(fit, [&](const Node* n) {
      return std::none_of(n->roles.begin(), n->roles.end(), [&](const Role& r) { return role_held_at(r, at); });
    });
  }
  // Of several, one named five times as often as any other is the one a
  // surname alone means ("Mr Blair" beside Tony Blair and Ian Blair).
  if (fit.size() > 1) {
    std::sort(fit.begin(), fit.end(), [](const Node* x, const Node* y) { return x->mentions > y->mentions; });
    if (fit[0]->mentions >= 5 * std::max<std::uint64_t>(fit[1]->mentions, 1)) fit.erase(fit.begin() + 1, fit.end());
  }
  return fit.size() == 1 ? fit.front()->id : own;
}

}  // namespace

Result<NodeId> resolve_actor(const ExtractedActor& a, NodeId own, const Date& at, ActorDirectory& stored) {
  if (a.kind == NodeKind::kCountry && !a.country.empty()) return own;
  if (a.from_lexicon) return own;
  // An unnamed actor is its (country, sector); a common noun is its article's.
  if (a.naming == Naming::kUnnamed || a.naming == Naming::kCommon) return own;
  const std::string norm = normalize_name(a.name);
  if (a.naming == Naming::kPartial && a.kind == NodeKind::kPerson) return resolve_surname(a, norm, own, at, stored);
  const bool one_word = norm.find(' ') == std::string::npos;
  // One word is a surname ("Wang") or a common noun ("package", "deal"):
  // it names too many things to resolve on its own.
  const bool surname = one_word;
  // A full name that is already a node is that node. A surname alone is
  // not: a node "Blinken" made earlier from surname-only mentions must not
  // keep later ones away from the one "Antony Blinken" of their country.
  if (!surname) {
    Result<const Node*> self = stored.node(own);
    if (!self.ok()) return self.status();
    if (*self != nullptr) return own;
  }

  std::vector<NodeId> found;
  auto consider = [&](NodeId c, bool strict_country) -> Status {
    if (std::find(found.begin(), found.end(), c) != found.end()) return Status::Ok();
    Result<const Node*> n = stored.node(c);
    if (!n.ok()) return n.status();
    const Node* node = *n;
    if (node == nullptr || node->kind != a.kind) return Status::Ok();
    const bool country_ok = strict_country
                                ? !node->country.empty() && same_country(node->country, a.country)
                                : countries_compatible(node->country, a.country);
    if (country_ok) found.push_back(c);
    return Status::Ok();
  };
  if (surname) {
    // Only the one other node that carries it, in the same, known country.
    if (a.country.empty()) return own;
    Result<std::vector<NodeId>> c = stored.named(norm);
    if (!c.ok()) return c.status();
    for (NodeId id : *c)
      if (id != own)
        if (Status s = consider(id, true); !s.ok()) return s;
  } else {
    std::vector<std::string> names{norm};
    for (const auto& alias : a.aliases) {
      std::string n = normalize_name(alias);
      // One-word aliases (surnames, acronyms) are shared by too many.
      if (n.find(' ') == std::string::npos) continue;
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
    }
    for (const auto& n : names) {
      Result<std::vector<NodeId>> c = stored.named(n);
      if (!c.ok()) return c.status();
      for (NodeId id : *c)
        if (Status s = consider(id, false); !s.ok()) return s;
    }
  }
  return found.size() == 1 ? found.front() : own;   // ambiguous: keep apart
}

}  // namespace geokg
