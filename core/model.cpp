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

}  // namespace geokg
