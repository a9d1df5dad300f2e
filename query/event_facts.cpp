// What every output adds to an event record: CAMEO label, Goldstein value,
// quad class and the URLs of its reports.
#include "geokg/query/format.hpp"

namespace geokg::query {

EventFacts event_facts(const EventEdge& e, const CameoTable* cameo, const ArticleIndex* articles) {
  EventFacts f;
  if (cameo != nullptr) {
    if (const CameoCode* c = cameo->find_or_root(e.cameo)) {
      f.label = c->label;
      f.goldstein = c->goldstein;
      f.quad_class = c->quad_class;
    }
  }
  if (articles != nullptr) f.urls = event_urls(e, *articles);
  return f;
}

const char* quad_short(int quad) {
  switch (quad) {
    case 1: return "V-COOP";
    case 2: return "M-COOP";
    case 3: return "V-CONFL";
    case 4: return "M-CONFL";
  }
  return "-";
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

}  // namespace geokg::query
