#include "geokg/extract/extraction_json.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "geokg/core/ids.hpp"
#include "geokg/geo/place_json.hpp"

namespace geokg {

namespace {

using nlohmann::json;

// The shortest decimal that reads back as `f`, as a JSON number: a float
// widened to double prints as 0.8999999761581421 where 0.9 is meant.
json exact_float(float f) {
  if (!std::isfinite(f)) return json(0.0);
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f);
  if (ec == std::errc()) {
    const double d = std::strtod(std::string(buf, end).c_str(), nullptr);
    if (static_cast<float>(d) == f) return json(d);
  }
  return json(static_cast<double>(f));
}

json date_or_null(const Date& d) { return d.known() ? json(d.iso()) : json(nullptr); }

}  // namespace

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
                                  const CameoTable* cameo, ExtractionShape shape) {
  const bool interchange = shape == ExtractionShape::kInterchange;
  json out;
  json art = {{"id", article.id}, {"title", article.title}};
  art["date"] = date_or_null(article.date);
  art["source"] = article.source;
  if (!article.url.empty()) art["url"] = article.url;
  if (interchange) {
    art["content_hash"] = to_hex(article_content_hash(article));
    art["text_bytes"] = article_text_bytes(article);
  } else if (!article.origin.empty()) {
    art["path"] = article.origin;
  }
  out["article"] = std::move(art);

  json actors = json::array();
  for (const auto& a : ex.actors) {
    json j = {{"id", to_hex(node_id(a, article.id))}, {"name", a.name}, {"kind", to_string(a.kind)}};
    j["country"] = a.country.empty() ? json(nullptr) : json(a.country);
    if (!a.sector.empty()) j["sector"] = a.sector;
    j["code"] = a.code.empty() ? json(nullptr) : json(a.code);
    if (a.naming != Naming::kProper) j["naming"] = to_string(a.naming);
    if (interchange && !a.scope.empty()) j["scope"] = a.scope;
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
    json j = event_shape_json(e, name_of(e.source), name_of(e.target), name_of(e.location), cameo);
    if (interchange) {
      j["source_index"] = e.source;
      j["target_index"] = e.target;
      if (e.location >= 0) j["location_index"] = e.location;
    }
    j["confidence"] = interchange ? exact_float(e.confidence) : json(std::round(e.confidence * 100.0) / 100.0);
    if (e.symmetric) j["symmetric"] = true;
    j["evidence"] = {{"sentence", e.evidence.sentence},
                     {"start", e.evidence.start},
                     {"end", e.evidence.end},
                     {"rule", e.evidence.rule}};
    if (interchange && e.evidence.source != article.source) j["evidence"]["source"] = e.evidence.source;
    events.push_back(std::move(j));
  }
  out["events"] = std::move(events);
  return out;
}

json event_shape_json(json source, json target, json location, const std::string& code, const std::string& relation,
                      const Date& date, const Place& place, bool negated, bool hypothetical, const std::string& quote,
                      const CameoTable* cameo) {
  json j = {{"source", std::move(source)}, {"target", std::move(target)}, {"cameo", code}, {"relation", relation}};
  if (cameo != nullptr) {
    if (const CameoCode* c = cameo->find_or_root(code)) {
      j["label"] = c->label;
      j["goldstein"] = c->goldstein;
      j["quad_class"] = c->quad_class;
    }
  }
  j["date"] = date_or_null(date);
  j["date_precision"] = to_string(date.precision);
  j["location"] = std::move(location);
  if (!place.name.empty()) j["place"] = geo::place_to_json(place);
  if (negated) j["negated"] = true;
  if (hypothetical) j["hypothetical"] = true;
  if (!quote.empty()) j["quote"] = quote;
  return j;
}

// ---- reading the interchange shape back -----------------------------------------------

namespace {

// Typed access to the fields of one JSON object; the first problem is kept
// (naming the field by its path) and later reads return defaults.
class Fields {
 public:
  Fields(const json& object, std::string path, Status& status)
      : o_(object), path_(std::move(path)), status_(status) {
    if (!o_.is_object()) fail("", "is not an object");
  }

  std::string str(const char* key, bool required = true) {
    const json* v = get(key, required);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) return fail(key, "is not a string"), std::string();
    return v->get<std::string>();
  }
  std::optional<std::uint64_t> u64(const char* key, bool required = true) {
    const json* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<std::int64_t>() >= 0))
      return fail(key, "is not a whole number of 0 or more"), std::nullopt;
    return v->get<std::uint64_t>();
  }
  std::uint32_t u32(const char* key, bool required = true) {
    const auto v = u64(key, required);
    if (v && *v > 0xFFFFFFFFu) fail(key, "is too large");
    return v ? static_cast<std::uint32_t>(*v) : 0;
  }
  // An index into `size` elements; -1 when absent and not required.
  int index(const char* key, std::size_t size, bool required) {
    const auto v = u64(key, required);
    if (!v) return -1;
    if (*v >= size) return fail(key, "is out of range"), -1;
    return static_cast<int>(*v);
  }
  bool flag(const char* key) {
    const json* v = get(key, false);
    if (!v) return false;
    if (!v->is_boolean()) return fail(key, "is not true or false"), false;
    return v->get<bool>();
  }
  double number(const char* key) {
    const json* v = get(key, true);
    if (!v) return 0;
    if (!v->is_number()) return fail(key, "is not a number"), 0.0;
    return v->get<double>();
  }
  Date date(const char* key) {
    const std::string s = str(key, false);
    if (s.empty()) return {};
    auto d = Date::Parse(s);
    if (!d) fail(key, "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    return d.value_or(Date{});
  }
  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    const json* v = get(key, false);
    if (!v) return out;
    if (!v->is_array()) return fail(key, "is not an array"), out;
    for (const auto& s : *v) {
      if (!s.is_string()) return fail(key, "holds something other than strings"), out;
      out.push_back(s.get<std::string>());
    }
    return out;
  }
  // The elements of an array field (none when absent and not required).
  const json& array(const char* key, bool required) {
    static const json empty = json::array();
    const json* v = get(key, required);
    if (!v) return empty;
    if (!v->is_array()) return fail(key, "is not an array"), empty;
    return *v;
  }
  const json& object(const char* key) {
    static const json empty = json::object();
    const json* v = get(key, true);
    return v ? *v : empty;
  }
  std::string path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  void fail(const std::string& key, const std::string& what) {
    if (!status_.ok()) return;
    std::string m(1, '"');   // (appended, not "\"" + ...: GCC 12 warns falsely, -Wrestrict)
    m += key.empty() ? path_ : path(key);
    m += "\" ";
    m += what;
    status_ = Status::InvalidInput(std::move(m));
  }

 private:
  const json* get(const char* key, bool required) {
    if (!status_.ok() || !o_.is_object()) return nullptr;
    auto it = o_.find(key);
    if (it == o_.end()) {
      if (required) fail(key, "is missing");
      return nullptr;
    }
    return &*it;
  }

  const json& o_;
  std::string path_;
  Status& status_;
};

Role role_from_json(const json& j, const std::string& path, Status& status) {
  Fields f(j, path, status);
  Role r;
  r.title = f.str("title");
  r.country = f.str("country", false);
  r.sector = f.str("sector", false);
  r.organization = f.str("organization", false);
  r.from = f.date("from");
  r.to = f.date("to");
  return r;
}

}  // namespace

Status extraction_from_json(const nlohmann::json& record, Article& article, Extraction& ex) {
  Status status;
  Fields top(record, "", status);
  {
    Fields f(top.object("article"), "article", status);
    article.id = f.str("id");
    article.title = f.str("title");
    article.date = f.date("date");
    article.source = f.str("source");
    article.url = f.str("url", false);
    article.text.clear();
    const std::string hash = f.str("content_hash");
    if (status.ok() && (!from_hex(hash, article.content_hash) || article.content_hash == 0))
      f.fail("content_hash", "is not 16 hex digits");
    article.text_bytes = f.u64("text_bytes").value_or(0);
  }
  ex = Extraction{};
  const json& actors = top.array("actors", true);
  for (std::size_t i = 0; i < actors.size() && status.ok(); ++i) {
    const std::string path = "actors[" + std::to_string(i) + "]";
    Fields f(actors[i], path, status);
    ExtractedActor a;
    a.name = f.str("name");
    const std::string kind = f.str("kind");
    if (auto k = node_kind_from_string(kind)) a.kind = *k;
    else f.fail("kind", "is not a kind of actor: '" + kind + "'");
    a.country = f.str("country", false);
    a.sector = f.str("sector", false);
    a.code = f.str("code", false);
    const std::string naming = f.str("naming", false);
    if (naming.empty()) a.naming = Naming::kProper;
    else if (auto n = naming_from_string(naming)) a.naming = *n;
    else f.fail("naming", "is not a naming: '" + naming + "'");
    a.scope = f.str("scope", false);
    a.aliases = f.strings("aliases");
    const json& roles = f.array("roles", false);
    for (std::size_t r = 0; r < roles.size() && status.ok(); ++r)
      a.roles.push_back(role_from_json(roles[r], f.path("roles[" + std::to_string(r) + "]"), status));
    a.mentions = f.u32("mentions");
    a.from_lexicon = f.flag("from_lexicon");
    ex.actors.push_back(std::move(a));
  }
  const json& events = top.array("events", true);
  for (std::size_t i = 0; i < events.size() && status.ok(); ++i) {
    Fields f(events[i], "events[" + std::to_string(i) + "]", status);
    ExtractedEvent e;
    e.source = f.index("source_index", ex.actors.size(), true);
    e.target = f.index("target_index", ex.actors.size(), true);
    e.location = f.index("location_index", ex.actors.size(), false);
    e.cameo = f.str("cameo");
    e.relation = f.str("relation");
    e.date = f.date("date");
    e.confidence = static_cast<float>(f.number("confidence"));
    e.negated = f.flag("negated");
    e.hypothetical = f.flag("hypothetical");
    e.symmetric = f.flag("symmetric");
    e.quote = f.str("quote", false);
    if (const auto it = events[i].find("place"); status.ok() && it != events[i].end() && !it->is_null())
      if (Status s = geo::place_from_json(*it, e.place); !s.ok()) f.fail("place", s.message());
    Fields ev(f.object("evidence"), f.path("evidence"), status);
    e.evidence.article_id = article.id;
    e.evidence.source = ev.str("source", false);
    if (e.evidence.source.empty()) e.evidence.source = article.source;
    e.evidence.sentence = ev.str("sentence");
    e.evidence.start = ev.u32("start");
    e.evidence.end = ev.u32("end");
    e.evidence.rule = ev.str("rule");
    ex.events.push_back(std::move(e));
  }
  return status;
}

}  // namespace geokg
