#include "geokg/extract/lexicon.hpp"

#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "geokg/core/ascii.hpp"
#include "geokg/core/ids.hpp"
#include "lexicon_impl.hpp"

namespace geokg {

namespace {

using json = nlohmann::json;


bool all_lower(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return false;
  return true;
}

// Reads an optional string field; false (with `err`) when present but not a string.
bool get_string(const json& obj, const char* key, std::string& out, std::string& err) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_string()) {
    err = std::string("field '") + key + "' must be a string";
    return false;
  }
  out = it->get<std::string>();
  return true;
}

bool get_strings(const json& obj, const char* key, std::vector<std::string>& out, std::string& err) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
    return true;
  }
  if (!it->is_array()) {
    err = std::string("field '") + key + "' must be an array of strings";
    return false;
  }
  for (const auto& v : *it) {
    if (!v.is_string()) {
      err = std::string("field '") + key + "' must be an array of strings";
      return false;
    }
    out.push_back(v.get<std::string>());
  }
  return true;
}

bool get_bool(const json& obj, const char* key, bool& out, std::string& err) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_boolean()) {
    err = std::string("field '") + key + "' must be true or false";
    return false;
  }
  out = it->get<bool>();
  return true;
}

bool valid_iso3(const std::string& c) {
  if (c.size() != 3) return false;
  for (char ch : c)
    if (ch < 'A' || ch > 'Z') return false;
  return true;
}

bool parse_role(const json& r, Role& role, std::string& err) {
  if (!r.is_object()) {
    err = "a role must be an object";
    return false;
  }
  std::string from, to;
  if (!get_string(r, "title", role.title, err) || !get_string(r, "country", role.country, err) ||
      !get_string(r, "sector", role.sector, err) ||
      !get_string(r, "organization", role.organization, err) || !get_string(r, "from", from, err) ||
      !get_string(r, "to", to, err))
    return false;
  if (role.title.empty()) {
    err = "a role needs a 'title'";
    return false;
  }
  if (!role.country.empty() && !valid_iso3(role.country)) {
    err = "role country '" + role.country + "' is not an ISO 3166 alpha-3 code";
    return false;
  }
  if (!from.empty()) {
    auto d = Date::Parse(from);
    if (!d) {
      err = "role date 'from' is not YYYY[-MM[-DD]]: '" + from + "'";
      return false;
    }
    role.from = *d;
  }
  if (!to.empty()) {
    auto d = Date::Parse(to);
    if (!d) {
      err = "role date 'to' is not YYYY[-MM[-DD]]: '" + to + "'";
      return false;
    }
    role.to = *d;
  }
  return true;
}

template <typename T>
void append_unique(std::vector<T>& to, const std::vector<T>& from) {
  for (const auto& x : from)
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}

}  // namespace

std::vector<std::string> split_phrase_words(std::string_view phrase) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && (phrase[i] == ' ' || phrase[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != '\t') ++j;
    std::string_view w = phrase.substr(i, j - i);
    // Hyphens separate words ("Secretary-General" -> "Secretary" "General") so
    // that text split the same way matches whatever the tokenizer did.
    std::size_t k = 0;
    while (k < w.size()) {
      std::size_t h = w.find('-', k);
      if (h == std::string_view::npos) h = w.size();
      std::string_view part = w.substr(k, h - k);
      if (part.size() > 2 && (part.ends_with("'s") || part.ends_with("'S"))) {
        words.emplace_back(part.substr(0, part.size() - 2));
        words.emplace_back("'s");
      } else if (!part.empty()) {
        words.emplace_back(part);
      }
      k = h + 1;
    }
    i = j;
  }
  return words;
}

const SectorInfo* ActorLexicon::Impl::sector(std::string_view code) const {
  for (const auto& s : sectors)
    if (s.code == code) return &s;
  return nullptr;
}

std::string ActorLexicon::Impl::actor_code(NodeKind kind, std::string_view country,
                                           std::string_view sector_code) const {
  if (kind == NodeKind::kCountry || kind == NodeKind::kLocation) return std::string(country);
  // International bodies (and their officials) put IGO/NGO where a country
  // stands: Kofi Annan as Secretary-General is IGO, not GHA.
  if (sector_code == "IGO" || sector_code == "NGO" || sector_code == "MNC" || sector_code == "IMG")
    return std::string(sector_code);
  std::string code(country);
  if (const SectorInfo* s = sector(sector_code)) code += s->cameo;
  else code += sector_code;
  return code;
}

std::string ActorLexicon::Impl::demonym(std::string_view iso3) const {
  const int c = country(iso3);
  if (c < 0) return std::string(iso3);
  const LexActor& a = actors[static_cast<std::size_t>(c)];
  return a.adjectives.empty() ? a.name : a.adjectives.front();
}

std::string ActorLexicon::Impl::surname_of(const LexActor& a) const {
  if (!a.surname.empty()) return a.surname;
  return surname_of(a.name, a.country);
}

std::string ActorLexicon::Impl::surname_of(std::string_view name, std::string_view country) const {
  // Words as written between spaces: "Thomas-Greenfield" and "Jae-in" stay whole.
  std::vector<std::string> w;
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t j = std::min(name.find(' ', i), name.size());
    if (j > i) w.emplace_back(name.substr(i, j - i));
    i = j + 1;
  }
  // Suffixes are not surnames; a regnal number makes a name without one.
  auto roman = [](std::string_view x) {
    return !x.empty() && x.find_first_not_of("IVX") == std::string_view::npos;
  };
  if (!w.empty() && roman(w.back())) return {};
  while (!w.empty() && (w.back() == "Jr." || w.back() == "Sr." || w.back() == "Jr" || w.back() == "Sr")) w.pop_back();
  if (w.size() < 2) return {};
  const auto* fam = word_list("family_name_first");
  if (fam && fam->find(country) != fam->end()) {
    // "Xi Jinping", "Moon Jae-in", "Tsai Ing-wen"; not "Joseph Wu", "Margaret Chan".
    bool hyphenated = false;
    for (std::size_t k = 1; k < w.size(); ++k) hyphenated = hyphenated || w[k].find('-') != std::string::npos;
    if (w.front().size() <= 5 || hyphenated) return w.front();
  }
  return w.back();
}

int ActorLexicon::Impl::title_id(std::string_view title) const {
  const std::string l = ascii_lower(title);
  for (std::size_t i = 0; i < titles.size(); ++i) {
    if (ascii_lower(titles[i].title) == l) return static_cast<int>(i);
    for (const auto& a : titles[i].aliases)
      if (ascii_lower(a) == l) return static_cast<int>(i);
  }
  return -1;
}

ActorLexicon::ActorLexicon() : impl_(std::make_unique<Impl>()) {}
ActorLexicon::~ActorLexicon() = default;
ActorLexicon::ActorLexicon(ActorLexicon&&) noexcept = default;
ActorLexicon& ActorLexicon::operator=(ActorLexicon&&) noexcept = default;

std::vector<std::string> ActorLexicon::agent_heads() const {
  std::vector<std::string> out;
  // (Not a noun named only after certain words: "a Chinese group" is no state's.)
  for (const auto& [noun, agent] : impl_->agents)
    if (agent.only_after.empty()) out.push_back(noun);
  if (const auto* extra = impl_->word_list("agent_heads"))
    for (const auto& w : *extra) out.push_back(ascii_lower(w));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::size_t ActorLexicon::size() const {
  return impl_->actors.size() + impl_->titles.size() + impl_->ignore.size();
}

namespace {

// One lexicon file parsed, nothing added yet: a malformed file adds nothing.
struct LexiconFile {
  std::vector<LexActor> actors;
  std::vector<LexTitle> titles;
  std::vector<std::string> ignore;
  std::unordered_map<std::string, std::vector<std::string>> words;
  std::vector<std::pair<std::string, AgentNoun>> agents;
  std::vector<std::pair<std::string, std::string>> institutions;  // lowercase head, sector
  std::vector<SectorInfo> sectors;
  std::vector<std::string> regions;
  std::vector<DatedName> dated;
};

// An entry's error: "ORIGIN: SECTION[I] ("NAME"): WHY", the name from the
// entry's `name_key` field when there is one and it is a string.
Status entry_error(const std::string& origin, const char* section, std::size_t i, const json& e,
                   const char* name_key, const std::string& why) {
  std::string where = origin + ": " + section + "[" + std::to_string(i) + "]";
  if (name_key && e.is_object() && e.contains(name_key) && e[name_key].is_string())
    where += " (\"" + e[name_key].get<std::string>() + "\")";
  return Status::InvalidInput(where + ": " + why);
}

// Each entry of the array `section` of `doc` (none when absent) handed to
// `parse(entry, index)`; the first error stops.
template <typename F>
Status for_each_entry(const json& doc, const char* section, const std::string& origin, F&& parse) {
  auto it = doc.find(section);
  if (it == doc.end()) return Status::Ok();
  if (!it->is_array()) return Status::InvalidInput(origin + ": '" + section + "' must be an array");
  for (std::size_t i = 0; i < it->size(); ++i)
    if (Status s = parse((*it)[i], i); !s.ok()) return s;
  return Status::Ok();
}

// A period's bounds: `from` and `to` (YYYY[-MM[-DD]], "" = open) as
// Date::key() values; false (with `err`) for a date that does not parse.
bool period_keys(const std::string& from, const std::string& to, std::int32_t& from_key,
                 std::int32_t& to_key, std::string& err) {
  for (auto [text, key] : {std::pair{&from, &from_key}, std::pair{&to, &to_key}}) {
    if (text->empty()) continue;
    auto date = Date::Parse(*text);
    if (!date) {
      err = "date is not YYYY[-MM[-DD]]: '" + *text + "'";
      return false;
    }
    *key = date->key();
  }
  return true;
}

// An actor's names of a period ("names": [{name, from, to}]); false with `err`.
bool parse_period_names(const json& names, std::vector<LexActor::PeriodName>& out, std::string& err) {
  if (!names.is_array()) {
    err = "'names' must be an array of {name, from, to}";
    return false;
  }
  for (const auto& nj : names) {
    LexActor::PeriodName pn;
    std::string from, to;
    if (!nj.is_object()) {
      err = "a period name must be an object";
      return false;
    }
    if (!get_string(nj, "name", pn.name, err) || !get_string(nj, "from", from, err) ||
        !get_string(nj, "to", to, err))
      return false;
    if (pn.name.empty()) {
      err = "a period name needs a 'name'";
      return false;
    }
    if (from.empty() && to.empty()) {
      err = "a period name needs 'from' or 'to'";
      return false;
    }
    if (!period_keys(from, to, pn.from_key, pn.to_key, err)) return false;
    out.push_back(std::move(pn));
  }
  return true;
}

// An actor's plain fields and its kind's name; false with `err` for a
// field of the wrong type.
bool actor_fields(const json& e, LexActor& a, std::string& kind, std::string& err) {
  return get_string(e, "name", a.name, err) && get_string(e, "kind", kind, err) &&
         get_string(e, "country", a.country, err) && get_string(e, "sector", a.sector, err) &&
         get_string(e, "capital", a.capital, err) && get_strings(e, "aliases", a.aliases, err) &&
         get_strings(e, "adjectives", a.adjectives, err) && get_strings(e, "people", a.people, err) &&
         get_strings(e, "metonyms", a.metonyms, err) && get_bool(e, "historical", a.historical, err) &&
         get_bool(e, "ambiguous", a.ambiguous, err) && get_string(e, "code", a.code, err) &&
         get_string(e, "surname", a.surname, err) && get_strings(e, "local_aliases", a.local_aliases, err);
}

// One entry of "actors": fields, kind, country, names of a period, roles
// (a role without country or organization holds for the actor's country).
Status parse_actor(const json& e, std::size_t i, const std::string& origin, LexActor& a) {
  auto fail = [&](const std::string& why) { return entry_error(origin, "actors", i, e, "name", why); };
  if (!e.is_object()) return fail("an entry must be an object");
  std::string kind, err;
  if (!actor_fields(e, a, kind, err)) return fail(err);
  if (a.name.empty()) return fail("missing 'name'");
  if (kind.empty()) return fail("missing 'kind'");
  auto k = node_kind_from_string(kind);
  if (!k) return fail("unknown kind '" + kind + "'");
  a.kind = *k;
  if (!a.country.empty() && !valid_iso3(a.country))
    return fail("country '" + a.country + "' is not an ISO 3166 alpha-3 code");
  if (a.kind == NodeKind::kCountry && a.country.empty())
    return fail("a country needs its ISO alpha-3 'country' code");
  if (!a.local_aliases.empty() && a.country.empty())
    return fail("'local_aliases' hold only inside the entry's 'country', which is missing");
  if (auto r = e.find("names"); r != e.end() && !r->is_null())
    if (!parse_period_names(*r, a.period_names, err)) return fail(err);
  if (auto r = e.find("roles"); r != e.end() && !r->is_null()) {
    if (!r->is_array()) return fail("'roles' must be an array");
    for (const auto& rj : *r) {
      Role role;
      if (!parse_role(rj, role, err)) return fail(err);
      if (role.country.empty() && role.organization.empty()) role.country = a.country;
      a.roles.push_back(std::move(role));
    }
  }
  return Status::Ok();
}

// One entry of "titles".
Status parse_title(const json& e, std::size_t i, const std::string& origin, LexTitle& t) {
  auto fail = [&](const std::string& why) { return entry_error(origin, "titles", i, e, "title", why); };
  if (!e.is_object()) return fail("an entry must be an object");
  std::string err;
  if (!get_string(e, "title", t.title, err) || !get_string(e, "sector", t.sector, err) ||
      !get_string(e, "country", t.country, err) ||
      !get_string(e, "organization", t.organization, err) ||
      !get_strings(e, "aliases", t.aliases, err) || !get_bool(e, "head", t.head, err))
    return fail(err);
  if (t.title.empty()) return fail("missing 'title'");
  if (!t.country.empty() && !valid_iso3(t.country))
    return fail("country '" + t.country + "' is not an ISO 3166 alpha-3 code");
  return Status::Ok();
}

// One entry of "dated_names": a name that stands for a state in a period.
Status parse_dated_name(const json& e, std::size_t i, const std::string& origin, DatedName& d) {
  auto fail = [&](const std::string& why) { return entry_error(origin, "dated_names", i, e, nullptr, why); };
  if (!e.is_object()) return fail("an entry must be an object");
  std::string err, from, to;
  if (!get_string(e, "name", d.name, err) || !get_string(e, "country", d.country, err) ||
      !get_string(e, "from", from, err) || !get_string(e, "to", to, err))
    return fail(err);
  if (d.name.empty()) return fail("missing 'name'");
  if (!valid_iso3(d.country)) return fail("country '" + d.country + "' is not an ISO 3166 alpha-3 code");
  if (from.empty() && to.empty()) return fail("a dated name needs 'from' or 'to'");
  if (!period_keys(from, to, d.from_key, d.to_key, err)) return fail(err);
  return Status::Ok();
}

// One entry of "agents": its nouns, then its bodies, each lowercased.
Status parse_agent(const json& e, std::size_t i, const std::string& origin,
                   std::vector<std::pair<std::string, AgentNoun>>& out) {
  auto fail = [&](const std::string& why) { return entry_error(origin, "agents", i, e, nullptr, why); };
  if (!e.is_object()) return fail("an entry must be an object");
  AgentNoun a;
  std::string err;
  std::vector<std::string> nouns, bodies;
  if (!get_string(e, "sector", a.sector, err) || !get_bool(e, "needs_country", a.needs_country, err) ||
      !get_bool(e, "needs_demonym", a.needs_demonym, err) ||
      !get_strings(e, "only_after", a.only_after, err) ||
      !get_strings(e, "nouns", nouns, err) || !get_strings(e, "bodies", bodies, err))
    return fail(err);
  if (a.sector.empty()) return fail("missing 'sector'");
  if (nouns.empty() && bodies.empty()) return fail("missing 'nouns'");
  for (auto& w : a.only_after) w = ascii_lower(w);
  for (auto& n : nouns) out.emplace_back(ascii_lower(n), a);
  a.body = true;
  for (auto& n : bodies) out.emplace_back(ascii_lower(n), a);
  return Status::Ok();
}

// One entry of "institutions": lowercased heads of a sector.
Status parse_institution(const json& e, std::size_t i, const std::string& origin,
                         std::vector<std::pair<std::string, std::string>>& out) {
  auto fail = [&](const std::string& why) { return entry_error(origin, "institutions", i, e, nullptr, why); };
  if (!e.is_object()) return fail("an entry must be an object");
  std::string err, sector;
  std::vector<std::string> heads;
  if (!get_string(e, "sector", sector, err) || !get_strings(e, "heads", heads, err)) return fail(err);
  if (sector.empty()) return fail("missing 'sector'");
  if (heads.empty()) return fail("missing 'heads'");
  for (auto& h : heads) out.emplace_back(ascii_lower(h), sector);
  return Status::Ok();
}

// One entry of "sectors"; its CAMEO code defaults to its own.
Status parse_sector(const json& e, std::size_t i, const std::string& origin, SectorInfo& sec) {
  auto fail = [&](const std::string& why) { return entry_error(origin, "sectors", i, e, nullptr, why); };
  if (!e.is_object()) return fail("an entry must be an object");
  std::string err;
  if (!get_string(e, "code", sec.code, err) || !get_string(e, "label", sec.label, err) ||
      !get_string(e, "noun", sec.noun, err) || !get_string(e, "cameo", sec.cameo, err) ||
      !get_bool(e, "state", sec.state, err))
    return fail(err);
  if (!valid_iso3(sec.code)) return fail("'code' must be three capital letters, got '" + sec.code + "'");
  if (sec.cameo.empty()) sec.cameo = sec.code;
  return Status::Ok();
}

// "words": named word lists, each appended to the list of that name.
Status parse_words(const json& doc, const std::string& origin,
                   std::unordered_map<std::string, std::vector<std::string>>& out) {
  auto it = doc.find("words");
  if (it == doc.end()) return Status::Ok();
  if (!it->is_object()) return Status::InvalidInput(origin + ": 'words' must be an object of word lists");
  for (auto w = it->begin(); w != it->end(); ++w) {
    std::string err;
    std::vector<std::string> list;
    if (!get_strings(*it, w.key().c_str(), list, err))
      return Status::InvalidInput(origin + ": words." + w.key() + ": " + err);
    auto& dst = out[w.key()];
    for (auto& x : list) dst.push_back(std::move(x));
  }
  return Status::Ok();
}

// The sections "actors" and "titles".
Status parse_actors_and_titles(const json& doc, const std::string& origin, LexiconFile& f) {
  Status s = for_each_entry(doc, "actors", origin, [&](const json& e, std::size_t i) {
    LexActor a;
    Status st = parse_actor(e, i, origin, a);
    if (st.ok()) f.actors.push_back(std::move(a));
    return st;
  });
  if (!s.ok()) return s;
  return for_each_entry(doc, "titles", origin, [&](const json& e, std::size_t i) {
    LexTitle t;
    Status st = parse_title(e, i, origin, t);
    if (st.ok()) f.titles.push_back(std::move(t));
    return st;
  });
}

// Every section of a lexicon file, in the order their errors are reported.
Status parse_lexicon_file(const json& doc, const std::string& origin, LexiconFile& f) {
  if (Status s = parse_actors_and_titles(doc, origin, f); !s.ok()) return s;
  if (doc.find("ignore") != doc.end()) {
    std::string err;
    std::vector<std::string> words;
    if (!get_strings(doc, "ignore", words, err)) return Status::InvalidInput(origin + ": " + err);
    for (auto& w : words) f.ignore.push_back(std::move(w));
  }
  Status s = for_each_entry(doc, "dated_names", origin, [&](const json& e, std::size_t i) {
    DatedName d;
    Status st = parse_dated_name(e, i, origin, d);
    if (st.ok()) f.dated.push_back(std::move(d));
    return st;
  });
  if (!s.ok()) return s;
  s = for_each_entry(doc, "agents", origin,
                     [&](const json& e, std::size_t i) { return parse_agent(e, i, origin, f.agents); });
  if (!s.ok()) return s;
  s = for_each_entry(doc, "institutions", origin, [&](const json& e, std::size_t i) {
    return parse_institution(e, i, origin, f.institutions);
  });
  if (!s.ok()) return s;
  s = for_each_entry(doc, "sectors", origin, [&](const json& e, std::size_t i) {
    SectorInfo sec;
    Status st = parse_sector(e, i, origin, sec);
    if (st.ok()) f.sectors.push_back(std::move(sec));
    return st;
  });
  if (!s.ok()) return s;
  s = for_each_entry(doc, "regions", origin, [&](const json& e, std::size_t i) {
    std::string err, code;
    if (!e.is_object() || !get_string(e, "code", code, err) || !valid_iso3(code))
      return Status::InvalidInput(origin + ": regions[" + std::to_string(i) +
                                  "]: an entry needs a three-letter 'code'");
    f.regions.push_back(std::move(code));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return parse_words(doc, origin, f.words);
}

// An actor added, or merged into the entry of the same kind and name (the
// same country for a country): a repeated entry extends the earlier one
// (user files add aliases or roles).
void add_actor(ActorLexicon::Impl& L, LexActor&& a) {
  std::string key = std::string(to_string(a.kind)) + "|" +
                    (a.kind == NodeKind::kCountry ? a.country : normalize_name(a.name));
  auto [it, inserted] = L.by_key.emplace(key, static_cast<std::uint32_t>(L.actors.size()));
  if (inserted) {
    L.actors.push_back(std::move(a));
    return;
  }
  LexActor& old = L.actors[it->second];
  if (old.name != a.name) old.aliases.push_back(a.name);
  append_unique(old.aliases, a.aliases);
  append_unique(old.adjectives, a.adjectives);
  append_unique(old.people, a.people);
  append_unique(old.metonyms, a.metonyms);
  append_unique(old.roles, a.roles);
  append_unique(old.local_aliases, a.local_aliases);
  for (auto& pn : a.period_names) old.period_names.push_back(std::move(pn));
  if (old.capital.empty()) old.capital = a.capital;
  if (old.code.empty()) old.code = a.code;
  if (old.surname.empty()) old.surname = a.surname;
  if (old.sector.empty()) old.sector = a.sector;
  if (old.country.empty()) old.country = a.country;
  old.ambiguous = old.ambiguous || a.ambiguous;
}

// A parsed file added to the lexicon; a later file recodes an agent noun,
// an institution head or a sector, and extends a title's aliases.
void add_lexicon_file(ActorLexicon::Impl& L, LexiconFile&& f) {
  for (auto& a : f.actors) add_actor(L, std::move(a));
  for (auto& [noun, a] : f.agents) {
    L.words["agent_nouns"].insert(noun);
    L.agents[noun] = std::move(a);
  }
  for (auto& [head, sector] : f.institutions) {
    L.words["institution_heads"].insert(head);
    L.institution_heads[head] = std::move(sector);
  }
  for (auto& sec : f.sectors) {
    auto same = std::find_if(L.sectors.begin(), L.sectors.end(), [&](const SectorInfo& x) { return x.code == sec.code; });
    if (same != L.sectors.end()) *same = std::move(sec);
    else L.sectors.push_back(std::move(sec));
  }
  append_unique(L.regions, f.regions);
  append_unique(L.ignore, f.ignore);
  for (auto& d : f.dated) L.dated_names.push_back(std::move(d));
  for (auto& [list, ws] : f.words)
    for (auto& w : ws) L.words[list].insert(std::move(w));
  for (auto& t : f.titles) {
    int id = L.title_id(t.title);
    if (id < 0) {
      L.titles.push_back(std::move(t));
    } else {
      append_unique(L.titles[static_cast<std::size_t>(id)].aliases, t.aliases);
    }
  }
}

}  // namespace

Status ActorLexicon::add_json(const std::string& json_text, const std::string& origin) {
  json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded())
    return Status::InvalidInput(origin + ": not valid JSON");
  if (!doc.is_object())
    return Status::InvalidInput(origin + ": a lexicon file must be a JSON object with 'actors' and/or 'titles'");
  impl_->finalized = false;
  // Parse into temporaries first, so a malformed file adds nothing.
  LexiconFile f;
  try {
    if (Status s = parse_lexicon_file(doc, origin, f); !s.ok()) return s;
  } catch (const std::exception& ex) {
    // Field accessors are type-checked; this only guards against surprises.
    return Status::InvalidInput(origin + ": " + ex.what());
  }
  add_lexicon_file(*impl_, std::move(f));
  return Status::Ok();
}

void ActorLexicon::finalize() {
  Impl& L = *impl_;
  L.phrases.clear();
  L.by_first.clear();
  L.by_surname.clear();
  L.country_by_code.clear();
  L.org_by_name.clear();
  L.local_names.clear();
  std::unordered_set<std::string> seen;
  auto add = [&](std::string_view text, PhraseType type, int target) {
    std::string_view t = text;
    // "the White House": the article is optional in text, so it is not part of the phrase.
    if (type == PhraseType::kMetonym && (t.starts_with("the ") || t.starts_with("The ")))
      t.remove_prefix(4);
    Phrase p;
    p.words = split_phrase_words(t);
    if (p.words.empty()) return;
    for (const auto& w : p.words) p.lower.push_back(ascii_lower(w));
    p.type = type;
    p.target = target;
    p.any_case = all_lower(t);
    std::string key = std::to_string(static_cast<int>(type)) + "|" + std::to_string(target);
    for (const auto& w : p.words) key += "|" + w;
    if (!seen.insert(std::move(key)).second) return;
    L.phrases.push_back(std::move(p));
  };
  for (std::size_t i = 0; i < L.actors.size(); ++i) {
    const LexActor& a = L.actors[i];
    const int id = static_cast<int>(i);
    add(a.name, PhraseType::kName, id);
    for (const auto& s : a.aliases) add(s, PhraseType::kName, id);
    for (const auto& pn : a.period_names) {
      const std::size_t before = L.phrases.size();
      add(pn.name, PhraseType::kName, id);
      if (L.phrases.size() == before) continue;
      Phrase& p = L.phrases.back();
      p.dated = true;
      p.undated_ok = true;
      p.from_key = pn.from_key;
      p.to_key = pn.to_key;
    }
    for (const auto& s : a.adjectives) add(s, PhraseType::kAdjective, id);
    for (const auto& s : a.people) add(s, PhraseType::kPeople, id);
    if (!a.capital.empty()) add(a.capital, PhraseType::kMetonym, id);
    for (const auto& s : a.metonyms) add(s, PhraseType::kMetonym, id);
    if (a.kind == NodeKind::kCountry && !a.historical)
      L.country_by_code.emplace(a.country, static_cast<std::uint32_t>(i));
    if (a.kind == NodeKind::kPerson) {
      // The surname alone, never a given name: "Howard" is not Howard Lutnick.
      if (std::string sur = L.surname_of(a); !sur.empty())
        L.by_surname[sur].push_back(static_cast<std::uint32_t>(i));
    }
    if (a.kind == NodeKind::kOrganization || a.kind == NodeKind::kGroup) {
      L.org_by_name[normalize_name(a.name)].push_back(static_cast<std::uint32_t>(i));
      for (const auto& s : a.aliases) L.org_by_name[normalize_name(s)].push_back(static_cast<std::uint32_t>(i));
    }
    for (const auto& s : a.local_aliases)
      L.local_names.emplace(a.country + "|" + normalize_name(s), static_cast<std::uint32_t>(i));
  }
  // Historical states are found by code only when no current state has it (SUN).
  for (std::size_t i = 0; i < L.actors.size(); ++i)
    if (L.actors[i].kind == NodeKind::kCountry)
      L.country_by_code.emplace(L.actors[i].country, static_cast<std::uint32_t>(i));
  // Dated names resolve to the state of their period; a name whose state the
  // lexicon does not know is left out.
  for (const DatedName& d : L.dated_names) {
    const int target = L.country(d.country);
    if (target < 0) continue;
    const std::size_t before = L.phrases.size();
    add(d.name, PhraseType::kMetonym, target);
    if (L.phrases.size() == before) continue;
    Phrase& p = L.phrases.back();
    p.dated = true;
    p.from_key = d.from_key;
    p.to_key = d.to_key;
  }
  for (std::size_t i = 0; i < L.titles.size(); ++i) {
    add(L.titles[i].title, PhraseType::kTitle, static_cast<int>(i));
    for (const auto& s : L.titles[i].aliases) add(s, PhraseType::kTitle, static_cast<int>(i));
  }
  // Long words of titles ("secretary", "minister"), which a misspelt title
  // before a name is read as ("Treasury Secertary James Baker").
  auto& title_words = L.words["title_words"];
  for (const auto& t : L.titles)
    for (const auto& w : split_phrase_words(t.title))
      if (w.size() >= 7) title_words.insert(ascii_lower(w));
  for (const auto& s : L.ignore) add(s, PhraseType::kIgnore, -1);
  for (std::uint32_t i = 0; i < L.phrases.size(); ++i) L.by_first[L.phrases[i].lower[0]].push_back(i);
  for (auto& [k, ids] : L.by_first)
    std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t x, std::uint32_t y) {
      // Longest first; of equal length a dated name first, so that in its
      // period it wins over the name's undated meaning.
      const Phrase& a = L.phrases[x];
      const Phrase& b = L.phrases[y];
      if (a.words.size() != b.words.size()) return a.words.size() > b.words.size();
      return a.dated && !b.dated;
    });
  L.word_info.clear();
  L.first_phrases.clear();
  L.list_names.clear();
  for (auto& [k, ids] : L.by_first) {
    L.word_info[k].phrases = static_cast<int>(L.first_phrases.size());
    L.first_phrases.push_back(ids);
  }
  for (const auto& [name, set] : L.words) {
    if (L.list_names.size() == 64) break;  // a bit each: 28 built in, room for users' own
    const std::uint64_t bit = std::uint64_t{1} << L.list_names.size();
    L.list_names.push_back(name);
    for (const auto& w : set) L.word_info[w].lists |= bit;
  }
  // Looked up for every word of every article and mostly missed: short chains.
  L.word_info.max_load_factor(0.5f);
  L.word_info.rehash(L.word_info.size() * 2);
  L.finalized = true;
}

}  // namespace geokg
