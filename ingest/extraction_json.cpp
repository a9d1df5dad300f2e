#include "geokg/ingest/extraction_json.hpp"

#include <cmath>

#include "geokg/core/ids.hpp"

namespace geokg {

nlohmann::json role_to_json(const Role& role) {
  nlohmann::json r = {{"title", role.title}};
  if (!role.country.empty()) r["country"] = role.country;
  if (!role.sector.empty()) r["sector"] = role.sector;
  if (!role.organization.empty()) r["organization"] = role.organization;
  if (role.from.known()) r["from"] = role.from.iso();
  if (role.to.known()) r["to"] = role.to.iso();
  return r;
}

nlohmann::json extraction_to_json(const Article& article, const Extraction& ex,
                                  const CameoTable* cameo) {
  using nlohmann::json;
  json out;
  json art = {{"id", article.id}, {"title", article.title}};
  art["date"] = article.date.known() ? json(article.date.iso()) : json(nullptr);
  art["source"] = article.source;
  if (!article.url.empty()) art["url"] = article.url;
  if (!article.origin.empty()) art["path"] = article.origin;
  out["article"] = std::move(art);

  json actors = json::array();
  for (const auto& a : ex.actors) {
    json j = {{"id", to_hex(node_id(a, article.id))}, {"name", a.name}, {"kind", to_string(a.kind)}};
    j["country"] = a.country.empty() ? json(nullptr) : json(a.country);
    if (!a.sector.empty()) j["sector"] = a.sector;
    j["code"] = a.code.empty() ? json(nullptr) : json(a.code);
    if (a.naming != Naming::kProper) j["naming"] = to_string(a.naming);
    j["aliases"] = a.aliases;
    json roles = json::array();
    for (const auto& r : a.roles) roles.push_back(role_to_json(r));
    j["roles"] = std::move(roles);
    j["mentions"] = a.mentions;
    j["from_lexicon"] = a.from_lexicon;
    actors.push_back(std::move(j));
  }
  out["actors"] = std::move(actors);

  auto name_of = [&](int i) -> json {
    return i >= 0 && static_cast<std::size_t>(i) < ex.actors.size() ? json(ex.actors[i].name)
                                                                      : json(nullptr);
  };
  json events = json::array();
  for (const auto& e : ex.events) {
    json j = {{"source", name_of(e.source)}, {"target", name_of(e.target)}, {"cameo", e.cameo},
              {"relation", e.relation}};
    if (cameo) {
      if (const CameoCode* c = cameo->find(e.cameo)) {
        j["label"] = c->label;
        j["goldstein"] = c->goldstein;
        j["quad_class"] = c->quad_class;
      }
    }
    j["date"] = e.date.known() ? json(e.date.iso()) : json(nullptr);
    j["date_precision"] = to_string(e.date.precision);
    j["location"] = name_of(e.location);
    j["confidence"] = std::round(e.confidence * 100.0) / 100.0;
    if (e.negated) j["negated"] = true;
    if (e.hypothetical) j["hypothetical"] = true;
    if (e.symmetric) j["symmetric"] = true;
    if (!e.quote.empty()) j["quote"] = e.quote;
    j["evidence"] = {{"sentence", e.evidence.sentence},
                     {"start", e.evidence.start},
                     {"end", e.evidence.end},
                     {"rule", e.evidence.rule}};
    events.push_back(std::move(j));
  }
  out["events"] = std::move(events);
  return out;
}

}  // namespace geokg
