#include "geokg/extract/event_lexicon.hpp"


#include <nlohmann/json.hpp>

#include "event_lexicon_impl.hpp"
#include "geokg/core/ascii.hpp"

namespace geokg {

namespace {

using nlohmann::json;


bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular English inflections of a verb lemma; irregular forms are listed in
// the pattern's "forms" (a wrong extra form such as "meeted" never occurs in
// text, so generating it is harmless).
std::vector<std::string> inflect(const std::string& v) {
  std::vector<std::string> out{v};
  const std::size_t n = v.size();
  if (n == 0) return out;
  const char last = v[n - 1];
  if (last == 'e') {
    out.push_back(v + "s");
    out.push_back(v + "d");
    out.push_back(n >= 2 && (v[n - 2] == 'e' || v[n - 2] == 'y' || v[n - 2] == 'o') ? v + "ing"
                                                                                   : v.substr(0, n - 1) + "ing");
  } else if (last == 'y' && n >= 2 && !is_vowel(v[n - 2])) {
    out.push_back(v.substr(0, n - 1) + "ies");
    out.push_back(v.substr(0, n - 1) + "ied");
    out.push_back(v + "ing");
  } else if (last == 's' || last == 'x' || last == 'z' || (n >= 2 && (v.compare(n - 2, 2, "sh") == 0 ||
                                                                      v.compare(n - 2, 2, "ch") == 0))) {
    out.push_back(v + "es");
    out.push_back(v + "ed");
    out.push_back(v + "ing");
  } else {
    out.push_back(v + "s");
    out.push_back(v + "ed");
    out.push_back(v + "ing");
  }
  return out;
}

std::vector<std::string> split_alternatives(const std::string& step) {
  std::vector<std::string> alts;
  std::string cur;
  for (char c : step) {
    if (c == '|') {
      if (!cur.empty()) alts.push_back(ascii_lower(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) alts.push_back(ascii_lower(cur));
  return alts;
}

struct Parsed {
  EventPattern pattern;
  std::vector<std::string> heads;  // head word forms
};

// Reads one "events" entry; an error message (without the file) on failure.
std::string parse_pattern(const json& e, Parsed& out) {
  if (!e.is_object()) return "not an object";
  static const char* kKeys[] = {"id", "cameo", "label", "verb", "forms", "noun", "then", "gap", "target",
                                "symmetric", "statement", "passive", "place_target", "negates_complement",
                                "implicit_agent", "inflected_only", "confidence", "note"};
  for (const auto& [key, value] : e.items()) {
    bool known = false;
    for (const char* k : kKeys) known = known || key == k;
    if (!known) return "unknown field '" + key + "'";
  }
  auto str = [&](const char* key, std::string& dst, bool required) -> std::string {
    auto it = e.find(key);
    if (it == e.end()) return required ? std::string("missing '") + key + "'" : std::string();
    if (!it->is_string() || it->get<std::string>().empty()) return std::string("'") + key + "' must be a non-empty string";
    dst = it->get<std::string>();
    return {};
  };
  auto strings = [&](const char* key, std::vector<std::string>& dst) -> std::string {
    auto it = e.find(key);
    if (it == e.end()) return {};
    if (it->is_string()) {
      dst.push_back(it->get<std::string>());
      return {};
    }
    if (!it->is_array()) return std::string("'") + key + "' must be a string or an array of strings";
    for (const auto& x : *it) {
      if (!x.is_string() || x.get<std::string>().empty())
        return std::string("'") + key + "' must contain non-empty strings";
      dst.push_back(x.get<std::string>());
    }
    return {};
  };
  auto boolean = [&](const char* key, bool& dst) -> std::string {
    auto it = e.find(key);
    if (it == e.end()) return {};
    if (!it->is_boolean()) return std::string("'") + key + "' must be true or false";
    dst = it->get<bool>();
    return {};
  };
  EventPattern& p = out.pattern;
  std::string err;
  if (!(err = str("id", p.id, true)).empty()) return err;
  if (!(err = str("cameo", p.cameo, true)).empty()) return err;
  if (p.cameo.size() < 2 || p.cameo.size() > 4) return "cameo code '" + p.cameo + "' must have 2 to 4 digits";
  for (char c : p.cameo)
    if (c < '0' || c > '9') return "cameo code '" + p.cameo + "' must be digits";
  if (!(err = str("label", p.label, true)).empty()) return err;
  std::string verb;
  if (!(err = str("verb", verb, false)).empty()) return err;
  std::vector<std::string> nouns, forms, then, target;
  if (!(err = strings("noun", nouns)).empty()) return err;
  if (!(err = strings("forms", forms)).empty()) return err;
  if (!(err = strings("then", then)).empty()) return err;
  if (!(err = strings("target", target)).empty()) return err;
  if (verb.empty() == nouns.empty()) return "needs exactly one of 'verb' or 'noun'";
  if (!verb.empty()) {
    if (verb.find(' ') != std::string::npos) return "'verb' is one word; put the rest in 'then'";
    out.heads = inflect(ascii_lower(verb));
    // "back": the bare form is mostly another verb's particle ("hold back").
    if (e.contains("inflected_only") && e["inflected_only"].is_boolean() && e["inflected_only"].get<bool>())
      out.heads.erase(out.heads.begin());
    for (auto& f : forms) out.heads.push_back(ascii_lower(f));
  } else {
    if (!forms.empty()) return "'forms' belongs to a 'verb' pattern";
    p.nominal = true;
    for (auto& f : nouns) out.heads.push_back(ascii_lower(f));
  }
  for (const auto& step : then) {
    auto alts = split_alternatives(step);
    if (alts.empty()) return "empty 'then' step";
    p.then.push_back(std::move(alts));
  }
  if (target.empty()) target.emplace_back(kObjectMarker);
  for (auto& t : target) p.target.push_back(ascii_lower(t));
  if (auto it = e.find("gap"); it != e.end()) {
    if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > 8) return "'gap' must be an integer 0..8";
    p.gap = it->get<int>();
  }
  if (auto it = e.find("confidence"); it != e.end()) {
    if (!it->is_number() || it->get<double>() <= 0.0 || it->get<double>() > 1.0)
      return "'confidence' must be a number in (0, 1]";
    p.confidence = static_cast<float>(it->get<double>());
  }
  if (!(err = boolean("symmetric", p.symmetric)).empty()) return err;
  if (!(err = boolean("statement", p.statement)).empty()) return err;
  if (!(err = boolean("passive", p.passive)).empty()) return err;
  if (!(err = boolean("place_target", p.place_target)).empty()) return err;
  if (!(err = boolean("negates_complement", p.negates_complement)).empty()) return err;
  if (!(err = boolean("implicit_agent", p.implicit_agent)).empty()) return err;
  return {};
}

}  // namespace

EventLexicon::EventLexicon() : impl_(std::make_unique<Impl>()) {}
EventLexicon::~EventLexicon() = default;
EventLexicon::EventLexicon(EventLexicon&&) noexcept = default;
EventLexicon& EventLexicon::operator=(EventLexicon&&) noexcept = default;

Status EventLexicon::add_json(const std::string& json_text, const std::string& origin) {
  json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded()) return Status::InvalidInput(origin + ": not valid JSON");
  if (!doc.is_object()) return Status::InvalidInput(origin + ": top level must be an object");
  Impl& im = *impl_;
  // Sections owned by other loaders ("actors", "titles") are ignored.
  if (auto w = doc.find("words"); w != doc.end()) {
    if (!w->is_object()) return Status::InvalidInput(origin + ": 'words' must be an object of word lists");
    for (const auto& [key, list] : w->items()) {
      WordSet* set = nullptr;
      if (key == "negation") set = &im.negation;
      else if (key == "modal") set = &im.modal;
      else if (key == "conditional") set = &im.conditional;
      else if (key == "agent_heads") set = &im.agent_heads;
      else if (key == "hedges") set = &im.hedges;
      else if (key == "unasserted") set = &im.unasserted;
      else if (key == "auxiliaries") set = &im.auxiliaries;
      else if (key == "be_forms") set = &im.be_forms;
      else if (key == "prepositions") set = &im.prepositions;
      else if (key == "determiners") set = &im.determiners;
      else if (key == "clause_stops") set = &im.clause_stops;
      else if (key == "participles") set = &im.participles;
      else if (key == "not_nouns") set = &im.not_nouns;
      else return Status::InvalidInput(origin + ": words." + key + ": unknown word list");
      if (!list.is_array()) return Status::InvalidInput(origin + ": words." + key + " must be an array");
      for (const auto& x : list) {
        if (!x.is_string()) return Status::InvalidInput(origin + ": words." + key + " must contain strings");
        set->insert(ascii_lower(x.get<std::string>()));
      }
    }
  }
  if (auto ev = doc.find("events"); ev != doc.end()) {
    if (!ev->is_array()) return Status::InvalidInput(origin + ": 'events' must be an array");
    for (std::size_t i = 0; i < ev->size(); ++i) {
      const json& e = (*ev)[i];
      Parsed parsed;
      std::string err = parse_pattern(e, parsed);
      if (!err.empty()) {
        std::string name = e.is_object() && e.contains("id") && e["id"].is_string()
                               ? " (\"" + e["id"].get<std::string>() + "\")" : std::string();
        return Status::InvalidInput(origin + ": events[" + std::to_string(i) + "]" + name + ": " + err);
      }
      // Head forms travel in the pattern until finalize() indexes them.
      parsed.pattern.then.insert(parsed.pattern.then.begin(), parsed.heads);
      auto it = im.by_id.find(parsed.pattern.id);
      if (it != im.by_id.end()) {
        im.patterns[it->second] = std::move(parsed.pattern);  // a later file overrides a shipped rule
      } else {
        im.by_id.emplace(parsed.pattern.id, im.patterns.size());
        im.patterns.push_back(std::move(parsed.pattern));
      }
    }
  }
  im.sources.push_back(origin);
  im.finalized = false;
  return Status::Ok();
}

void EventLexicon::add_agent_heads(const std::vector<std::string>& nouns) {
  for (const auto& n : nouns) impl_->agent_heads.insert(ascii_lower(n));
  impl_->finalized = false;
}

void EventLexicon::finalize() {
  Impl& im = *impl_;
  if (im.finalized) return;
  im.by_word.clear();
  for (std::uint32_t i = 0; i < im.patterns.size(); ++i) {
    EventPattern& p = im.patterns[i];
    // then[0] holds the head forms (see add_json); index them and keep them
    // there only once, so finalize() may run again after more files.
    for (const auto& form : p.then.front()) {
      // Multi-word heads ("phone call", "attack on") are indexed by their first word.
      auto& list = im.by_word[form.substr(0, form.find(' '))];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  // One table for the matcher's per-token questions. by_word is node-based
  // and no longer changes, so pointers to its vectors stay valid; word_info
  // is rebuilt with it (the Impl is never copied: EventLexicon holds it by pointer).
  im.word_info.clear();
  for (const auto& [word, heads] : im.by_word) im.word_info[word].heads = &heads;
  const std::pair<const WordSet*, std::uint16_t> lists[] = {
      {&im.negation, kEwNegation},       {&im.modal, kEwModal},           {&im.conditional, kEwConditional},
      {&im.agent_heads, kEwAgentHeads},  {&im.unasserted, kEwUnasserted}, {&im.hedges, kEwHedges},
      {&im.auxiliaries, kEwAuxiliaries}, {&im.be_forms, kEwBeForms},      {&im.prepositions, kEwPrepositions},
      {&im.determiners, kEwDeterminers}, {&im.clause_stops, kEwClauseStops},
      {&im.participles, kEwParticiples},  {&im.not_nouns, kEwNotNouns}};
  for (const auto& [set, bit] : lists)
    for (const auto& word : *set) im.word_info[word].lists |= bit;
  // Most tokens miss: short chains keep a miss to about one comparison.
  im.word_info.max_load_factor(0.5f);
  im.word_info.rehash(im.word_info.size() * 2);
  im.finalized = true;
}

std::size_t EventLexicon::size() const { return impl_->patterns.size(); }

bool EventLexicon::nominal(std::string_view id) const {
  for (const EventPattern& p : impl_->patterns)
    if (p.id == id) return p.nominal;
  return false;
}

}  // namespace geokg
