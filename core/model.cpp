#include "geokg/core/model.hpp"

namespace geokg {

const char* to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPerson: return "person";
    case NodeKind::kOrganization: return "organization";
    case NodeKind::kCountry: return "country";
    case NodeKind::kLocation: return "location";
    case NodeKind::kGroup: return "group";
    case NodeKind::kArtifact: return "artifact";
  }
  return "unknown";
}

std::optional<NodeKind> node_kind_from_string(std::string_view s) {
  if (s == "person") return NodeKind::kPerson;
  if (s == "organization" || s == "organisation") return NodeKind::kOrganization;
  if (s == "country") return NodeKind::kCountry;
  if (s == "location") return NodeKind::kLocation;
  if (s == "group") return NodeKind::kGroup;
  if (s == "artifact") return NodeKind::kArtifact;
  return std::nullopt;
}

const char* to_string(StaticRelation relation) {
  switch (relation) {
    case StaticRelation::kRole: return "role";
  }
  return "role";
}

std::optional<StaticRelation> static_relation_from_string(std::string_view s) {
  if (s == "role") return StaticRelation::kRole;
  return std::nullopt;
}

const char* to_string(Naming naming) {
  switch (naming) {
    case Naming::kProper: return "proper";
    case Naming::kPartial: return "partial";
    case Naming::kUnnamed: return "unnamed";
    case Naming::kCommon: return "common";
  }
  return "proper";
}

std::optional<Naming> naming_from_string(std::string_view s) {
  if (s == "proper") return Naming::kProper;
  if (s == "partial") return Naming::kPartial;
  if (s == "unnamed") return Naming::kUnnamed;
  if (s == "common") return Naming::kCommon;
  return std::nullopt;
}

bool role_held_at(const Role& role, const Date& at) {
  if (!at.known()) return true;
  // A start later in the same month or year as a month- or year-precise
  // `at` may still be held then; likewise an end.
  if (role.from.known() && role.from.key() > at.key() && !role.from.compatible(at)) return false;
  if (role.to.known() && role.to.key() < at.key() && !role.to.compatible(at)) return false;
  return true;
}

bool role_overlaps(const Role& role, const Date& from, const Date& to) {
  if (from.known() && role.to.known() && role.to < from && !role.to.compatible(from)) return false;
  if (to.known() && role.from.known() && to < role.from && !role.from.compatible(to)) return false;
  return true;
}

std::string country_at(const std::vector<Role>& roles, std::string_view home, const Date& at) {
  if (!at.known()) return std::string(home);
  const Role* best = nullptr;
  for (const Role& r : roles) {
    if (r.country.empty() || !role_held_at(r, at)) continue;
    if (best == nullptr || (r.from.known() && (!best->from.known() || r.from < best->from))) best = &r;
  }
  return best ? best->country : std::string(home);
}

bool of_country_between(const std::vector<Role>& roles, std::string_view home, std::string_view country,
                        const Date& from, const Date& to) {
  if (country.empty()) return true;
  const bool window = from.known() || to.known();
  bool any_role_in_window = false;
  for (const Role& r : roles) {
    if (r.country.empty() || !role_overlaps(r, from, to)) continue;
    if (r.country == country) return true;
    any_role_in_window = true;
  }
  // In a window that a role covers, the role's country is the actor's
  // (Gorbachev in 1987 is SUN, not his later RUS).
  return home == country && !(window && any_role_in_window);
}

}  // namespace geokg
