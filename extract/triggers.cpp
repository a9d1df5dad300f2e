#include "geokg/extract/triggers.hpp"

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "geokg/core/ascii.hpp"
#include "event_lexicon_impl.hpp"  // WordMap / WordSet (heterogeneous string lookup)
#include "geokg/extract/tagger.hpp"

namespace geokg {

namespace {

using nlohmann::json;


std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(ascii_lower(w));
  return out;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// Prepositions that split a multi-word noun into head and modifier
// ("state of emergency", "crimes against humanity").
bool inner_preposition(std::string_view w) {
  static const std::unordered_set<std::string_view> kPreps = {"of", "against", "in", "on", "for", "to", "with",
                                                              "by", "from", "at", "over", "into", "between"};
  return kPreps.count(w) > 0;
}

// Regular inflections of a verb lemma (a wrong extra form never occurs in
// text, so generating one is harmless).
void verb_forms(const std::string& v, std::vector<std::string>& out) {
  out.push_back(v);
  const std::size_t n = v.size();
  if (n == 0) return;
  const char last = v[n - 1];
  if (last == 'e') {
    out.push_back(v + "s");
    out.push_back(v + "d");
    out.push_back(v.substr(0, n - 1) + "ing");
    out.push_back(v + "ing");
  } else if (last == 'y' && n >= 2 && !is_vowel(v[n - 2])) {
    out.push_back(v.substr(0, n - 1) + "ies");
    out.push_back(v.substr(0, n - 1) + "ied");
    out.push_back(v + "ing");
  } else {
    const bool sibilant = last == 's' || last == 'x' || last == 'z' || ends_with(v, "sh") || ends_with(v, "ch");
    out.push_back(v + (sibilant ? "es" : "s"));
    out.push_back(v + "ed");
    out.push_back(v + "ing");
    // Doubled final consonant: "stopped", "planning", "committed".
    if (n >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(v[n - 2]) &&
        !is_vowel(v[n - 3])) {
      out.push_back(v + last + "ed");
      out.push_back(v + last + "ing");
    }
  }
}

void noun_forms(const std::string& n, std::vector<std::string>& out) {
  out.push_back(n);
  const std::size_t k = n.size();
  if (k == 0) return;
  const char last = n[k - 1];
  if (last == 'y' && k >= 2 && !is_vowel(n[k - 2])) out.push_back(n.substr(0, k - 1) + "ies");
  else if (last == 's' || last == 'x' || last == 'z' || ends_with(n, "sh") || ends_with(n, "ch")) out.push_back(n + "es");
  else out.push_back(n + "s");
}

Status bad(const std::string& origin, const std::string& where, const std::string& why) {
  return Status::InvalidInput(origin + ": " + where + ": " + why);
}

std::vector<std::string> string_list(const json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  else if (v.is_array())
    for (const auto& x : v)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

// "state of emergency" -> head "state", of "emergency"; "military aid" -> head
// "aid", before {"military"}.
PhraseMember phrase_of(const std::vector<std::string>& words) {
  PhraseMember p;
  for (std::size_t i = 1; i + 1 < words.size(); ++i)
    if (inner_preposition(words[i])) {
      p.head = words[i - 1];
      p.before.assign(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i - 1));
      p.after_prep = words[i];
      p.after = words.back();
      return p;
    }
  p.head = words.back();
  p.before.assign(words.begin(), words.end() - 1);
  return p;
}

}  // namespace

std::optional<std::string> FrameMap::code_for(std::string_view embedded) const {
  std::size_t best_len = 0;
  const std::string* best = nullptr;
  for (const auto& [prefix, code] : map)
    if (prefix.size() > best_len && embedded.substr(0, prefix.size()) == prefix) {
      best = &code;
      best_len = prefix.size();
    }
  if (best) return *best == "=" ? std::string(embedded) : *best;
  return default_code;
}

struct TriggerLexicon::Impl {
  struct Entry {
    json raw;             // parsed at finalize (classes and frames may come later)
    std::string origin;
  };
  std::vector<std::string> entry_order;            // ids in first-seen order
  std::unordered_map<std::string, Entry> entries;   // id -> latest definition
  std::unordered_map<std::string, std::vector<std::string>> class_members;
  std::vector<std::string> class_order;
  std::unordered_map<std::string, FrameMap> frame_defs;
  std::vector<std::string> frame_order;
  std::unordered_map<std::string, WordSet> word_lists;
  WordMap<std::string> irregular_verb, irregular_noun;   // form -> lemma

  // Built by finalize.
  std::vector<Trigger> triggers;
  std::vector<WordClass> classes;
  std::vector<WordSet> class_words;
  std::unordered_map<std::string, int> class_index;
  std::vector<FrameMap> frames;
  std::unordered_map<std::string, int> frame_idx;
  WordMap<std::vector<std::uint32_t>> by_verb, by_noun;
  WordSet forms;        // every inflection of every trigger lemma
  WordSet strong_forms; // forms of a lemma with an entry that is not a prepositional statement
  WordSet statement_preps;
  WordSet one_actor_forms;  // forms of a lemma with an entry that may code with one actor named
  WordSet known;        // trigger lemmas, class words, word lists
  std::vector<LightVerb> default_light;
  std::unordered_map<std::string, std::vector<int>> list_classes;
  int anonymous = 0;

  // Resolves a class by name (building it on first use); -1 when undefined.
  int class_ref(const std::string& name, int depth = 0) {
    if (auto it = class_index.find(name); it != class_index.end()) return it->second;
    auto def = class_members.find(name);
    if (def == class_members.end() || depth > 8) return -1;
    WordClass c;
    c.name = name;
    WordSet set;
    add_members(def->second, c, set, depth);
    std::sort(c.words.begin(), c.words.end());
    const int idx = static_cast<int>(classes.size());
    classes.push_back(std::move(c));
    class_words.push_back(std::move(set));
    class_index.emplace(name, idx);
    return idx;
  }

  void add_members(const std::vector<std::string>& members, WordClass& c, WordSet& set, int depth) {
    for (const auto& m : members) {
      if (m.rfind("ACTOR:", 0) == 0) {
        const std::string kind = ascii_lower(m.substr(6));
        if (kind == "any") c.any_actor = true;
        else if (kind == "person") c.person = true;
        else if (kind == "group") c.group = true;
        else if (kind == "organization" || kind == "organisation") c.organization = true;
        else if (kind == "country") c.country = true;
        else if (kind == "location") c.location = true;
        else if (kind == "artifact") c.artifact = true;
      } else if (m == "CLAUSE") {
        c.clause = true;
      } else if (m == "*") {
        c.any_head = true;
      } else if (!m.empty() && m[0] == '@') {
        auto def = class_members.find(m.substr(1));
        if (def != class_members.end() && depth < 8) add_members(def->second, c, set, depth + 1);
      } else {
        const auto words = split_words(m);
        if (words.size() == 1) {
          c.words.push_back(words[0]);
          set.insert(words[0]);
        } else if (words.size() > 1) {
          c.phrases.push_back(phrase_of(words));
        }
      }
    }
  }
};

TriggerLexicon::TriggerLexicon() : impl_(std::make_unique<Impl>()) {}
TriggerLexicon::~TriggerLexicon() = default;
TriggerLexicon::TriggerLexicon(TriggerLexicon&&) noexcept = default;
TriggerLexicon& TriggerLexicon::operator=(TriggerLexicon&&) noexcept = default;

Status TriggerLexicon::add_json(const std::string& text, const std::string& origin) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Status::InvalidInput(origin + ": not a JSON object");
  Impl& m = *impl_;
  if (doc.contains("triggers")) {
    const json& list = doc["triggers"];
    if (!list.is_array()) return bad(origin, "triggers", "must be an array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& e = list[i];
      const std::string where = "triggers[" + std::to_string(i) + "]";
      if (!e.is_object() || !e.contains("id") || !e["id"].is_string())
        return bad(origin, where, "needs a string \"id\"");
      const std::string id = e["id"].get<std::string>();
      if (!m.entries.count(id)) m.entry_order.push_back(id);
      m.entries[id] = Impl::Entry{e, origin};
    }
  }
  if (doc.contains("classes")) {
    const json& cl = doc["classes"];
    if (!cl.is_object()) return bad(origin, "classes", "must be an object of lists");
    for (const auto& [name, words] : cl.items()) {
      if (!words.is_array()) return bad(origin, "classes." + name, "must be a list of words");
      std::vector<std::string> members;
      for (const auto& w : words) {
        if (!w.is_string()) return bad(origin, "classes." + name, "must be a list of words");
        members.push_back(w.get<std::string>());
      }
      if (!m.class_members.count(name)) m.class_order.push_back(name);
      m.class_members[name] = std::move(members);
    }
  }
  if (doc.contains("frames")) {
    const json& fr = doc["frames"];
    if (!fr.is_object()) return bad(origin, "frames", "must be an object");
    for (const auto& [name, f] : fr.items()) {
      if (!f.is_object() || !f.contains("default") || !(f["default"].is_string() || f["default"].is_null()))
        return bad(origin, "frames." + name, "needs \"default\": a code or null");
      FrameMap fm;
      fm.name = name;
      if (f["default"].is_string()) fm.default_code = f["default"].get<std::string>();
      if (f.contains("label") && f["label"].is_string()) fm.label = f["label"].get<std::string>();
      if (f.contains("map")) {
        if (!f["map"].is_object()) return bad(origin, "frames." + name, "\"map\" must be an object");
        for (const auto& [prefix, code] : f["map"].items()) {
          if (!code.is_string()) return bad(origin, "frames." + name + ".map." + prefix, "must be a code or \"=\"");
          fm.map.emplace_back(prefix, code.get<std::string>());
        }
      }
      if (!m.frame_defs.count(name)) m.frame_order.push_back(name);
      m.frame_defs[name] = std::move(fm);
    }
  }
  if (doc.contains("words")) {
    const json& wl = doc["words"];
    if (!wl.is_object()) return bad(origin, "words", "must be an object of lists");
    for (const auto& [name, words] : wl.items()) {
      if (!words.is_array()) return bad(origin, "words." + name, "must be a list of words");
      for (const auto& w : words)
        if (w.is_string()) m.word_lists[name].insert(ascii_lower(w.get<std::string>()));
    }
  }
  return Status::Ok();
}

void TriggerLexicon::add_words(const std::string& list, const std::vector<std::string>& words) {
  for (const auto& w : words) impl_->word_lists[list].insert(ascii_lower(w));
}

Status TriggerLexicon::add_irregular(const std::string& lines, const std::string& origin) {
  std::istringstream in(lines);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos)
      return Status::InvalidInput(origin + ":" + std::to_string(n) + ": expected form<TAB>lemma<TAB>pos");
    const std::string form = line.substr(0, a), lemma = line.substr(a + 1, b - a - 1);
    const std::string pos = ascii_lower(line.substr(b + 1));
    if (pos == "v" || pos == "verb") impl_->irregular_verb.emplace(form, lemma);
    else if (pos == "n" || pos == "noun") impl_->irregular_noun.emplace(form, lemma);
  }
  return Status::Ok();
}

namespace {

Status parse_slots(const json& e, const char* key, const std::string& origin, const std::string& where,
                   std::vector<Slot>& out) {
  if (!e.contains(key)) return Status::Ok();
  const json& v = e[key];
  if (!v.is_array()) return bad(origin, where, std::string("\"") + key + "\" must be a list");
  for (const auto& s : v) {
    if (!s.is_string()) return bad(origin, where, std::string("\"") + key + "\" must be a list of strings");
    const std::string w = ascii_lower(s.get<std::string>());
    static const std::unordered_map<std::string, SlotKind> kNamed = {
        {"subj", SlotKind::kSubj},          {"obj", SlotKind::kObj},
        {"iobj", SlotKind::kIobj},          {"obj.of", SlotKind::kObjOf},
        {"ccomp.subj", SlotKind::kCcompSubj}, {"poss", SlotKind::kPoss},
        {"mod", SlotKind::kMod},            {"light", SlotKind::kLight},
        {"xcomp", SlotKind::kXcomp},        {"ccomp", SlotKind::kCcomp},
        {"that", SlotKind::kCcomp},         {"embed.target", SlotKind::kEmbedTarget},
        {"embed.source", SlotKind::kEmbedSource}, {"requester", SlotKind::kRequester}};
    Slot slot;
    if (auto it = kNamed.find(w); it != kNamed.end()) {
      slot.kind = it->second;
    } else if (w == "by" && std::string_view(key) == "source") {
      slot.kind = SlotKind::kBy;
    } else if (!w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
      slot.kind = SlotKind::kPrep;
      slot.prep = w;
    } else {
      return bad(origin, where, "unknown slot '" + w + "' in \"" + key + "\"");
    }
    out.push_back(slot);
  }
  return Status::Ok();
}

LightVerb light_verb_of(const std::string& s) {
  LightVerb lv;
  auto words = split_words(s);
  if (words.empty()) return lv;
  lv.lemma = words[0];
  lv.rest.assign(words.begin() + 1, words.end());
  return lv;
}

using CodeSet = std::unordered_set<std::string>;

// Every code is known when no codebook was given.
bool known_code(const CodeSet& codes, const std::string& c) { return codes.empty() || codes.count(c) > 0; }

// The fields a trigger entry may have.
const std::unordered_set<std::string>& trigger_keys() {
  static const std::unordered_set<std::string> kKeys = {
      "id",     "code",      "label",        "verb",         "noun",        "obj",         "obj_not",     "prep",  "prep_not",
      "target", "source",    "symmetric",    "statement",    "place_target", "topic_only", "confidence",
      "frame",  "embed",     "intransitive", "no_predicate", "no_person_source", "light",        "light_required", "embed_required",
      "frames", "note", "adjective"};
  return kKeys;
}

// Frames in definition order, their codes checked against the codebook.
Status build_frames(TriggerLexicon::Impl& m, const CodeSet& codes) {
  for (const auto& name : m.frame_order) {
    const FrameMap& fr = m.frame_defs.at(name);
    if (fr.default_code && !known_code(codes, *fr.default_code))
      return Status::InvalidInput("frame '" + fr.name + "': unknown code " + *fr.default_code);
    for (const auto& [p, c] : fr.map)
      if (c != "=" && !known_code(codes, c)) return Status::InvalidInput("frame '" + fr.name + "': unknown code " + c);
    m.frame_idx.emplace(name, static_cast<int>(m.frames.size()));
    m.frames.push_back(fr);
  }
  return Status::Ok();
}

// A class reference, a word, or a list of both (an anonymous class named
// after `anon`): the class index, or -2 for an unknown class or a bad value.
int class_of(TriggerLexicon::Impl& m, const json& v, const std::string& anon) {
  std::vector<std::string> members = string_list(v);
  if (members.empty()) return -2;
  if (members.size() == 1 && members[0].size() > 1 && members[0][0] == '@') return m.class_ref(members[0].substr(1)) < 0 ? -2 : m.class_ref(members[0].substr(1));
  for (const auto& x : members)
    if (x.size() > 1 && x[0] == '@' && !m.class_members.count(x.substr(1))) return -2;
  const std::string name = anon + "#" + std::to_string(m.anonymous++);
  m.class_members[name] = std::move(members);
  return m.class_ref(name);
}

// What a trigger codes: a frame (which picks the code from the embedded
// event) or a CAMEO code of the codebook; and its label.
Status trigger_code(const TriggerLexicon::Impl& m, const json& e, const CodeSet& codes, const std::string& origin,
                    const std::string& where, Trigger& t) {
  if (e.contains("frame")) {
    if (!e["frame"].is_string()) return bad(origin, where, "\"frame\" must be a frame name");
    auto it = m.frame_idx.find(e["frame"].get<std::string>());
    if (it == m.frame_idx.end())
      return bad(origin, where, "unknown frame '" + e["frame"].get<std::string>() + "'");
    t.frame = it->second;
  } else {
    if (!e.contains("code") || !e["code"].is_string()) return bad(origin, where, "needs \"code\" or \"frame\"");
    t.code = e["code"].get<std::string>();
    if (!known_code(codes, t.code)) return bad(origin, where, "unknown CAMEO code " + t.code);
  }
  if (e.contains("label") && e["label"].is_string()) t.label = e["label"].get<std::string>();
  return Status::Ok();
}

// The word classes a trigger's object must (obj) or must not (obj_not) be
// in, and its prepositions with the classes of their objects ("*": any).
Status trigger_classes(TriggerLexicon::Impl& m, const json& e, const std::string& id, const std::string& origin,
                       const std::string& where, Trigger& t) {
  if (e.contains("obj")) {
    t.obj_class = class_of(m, e["obj"], id + ".obj");
    if (t.obj_class < 0) return bad(origin, where, "\"obj\": unknown class or bad value");
  }
  if (e.contains("obj_not")) {
    t.obj_not_class = class_of(m, e["obj_not"], id + ".obj_not");
    if (t.obj_not_class < 0) return bad(origin, where, "\"obj_not\": unknown class or bad value");
  }
  for (const char* key : {"prep", "prep_not"}) {
    if (!e.contains(key)) continue;
    const std::string k = key;
    if (!e[k].is_object()) return bad(origin, where, "\"" + k + "\" must be an object");
    for (const auto& [p, v] : e[k].items()) {
      const bool any = v.is_string() && v.get<std::string>() == "*";
      const int c = any ? -1 : class_of(m, v, id + "." + k + "." + p);
      if (c == -2) return bad(origin, where, "\"" + k + "\": unknown class for '" + p + "'");
      (k == "prep" ? t.preps : t.preps_not).emplace_back(ascii_lower(p), c);
    }
  }
  return Status::Ok();
}

// Slots, light verbs, topic frames, flags and confidence of a trigger.
Status trigger_roles(const TriggerLexicon::Impl& m, const json& e, const std::string& origin,
                     const std::string& where, Trigger& t) {
  if (Status s = parse_slots(e, "target", origin, where, t.target); !s.ok()) return s;
  if (Status s = parse_slots(e, "source", origin, where, t.source); !s.ok()) return s;
  if (Status s = parse_slots(e, "embed", origin, where, t.embed); !s.ok()) return s;
  for (const auto& l : string_list(e.value("light", json()))) t.light.push_back(light_verb_of(l));
  for (const auto& f : string_list(e.value("frames", json()))) {
    auto it = m.frame_idx.find(f);
    if (it == m.frame_idx.end()) return bad(origin, where, "\"frames\": unknown frame '" + f + "'");
    t.topic_frames.push_back(it->second);
  }
  t.intransitive = e.value("intransitive", false);
  t.no_predicate = e.value("no_predicate", false);
  t.no_person_source = e.value("no_person_source", false);
  t.light_required = e.value("light_required", false);
  t.embed_required = e.value("embed_required", false);
  t.symmetric = e.value("symmetric", false);
  t.statement = e.value("statement", false);
  t.place_target = e.value("place_target", false);
  t.topic_only = e.value("topic_only", false);
  t.adjective = e.value("adjective", false);
  if (e.contains("confidence") && e["confidence"].is_number()) {
    t.confidence = e["confidence"].get<float>();
    if (!(t.confidence > 0.0f && t.confidence <= 1.0f)) return bad(origin, where, "confidence must be in (0, 1]");
  }
  return Status::Ok();
}

// One trigger per verb of the entry: "verb particle", or "adverb verb"
// ("sexually assault"); subject to object unless the entry says otherwise.
Status add_verb_triggers(TriggerLexicon::Impl& m, const Trigger& t, const std::vector<std::string>& verbs,
                         const std::string& origin, const std::string& where) {
  for (const auto& v : verbs) {
    const auto words = split_words(v);
    if (words.empty() || words.size() > 2) return bad(origin, where, "verb '" + v + "': one word and an optional particle");
    Trigger x = t;
    x.noun = false;
    if (words.size() == 2 && words[0].size() > 3 && ends_with(words[0], "ly")) {
      x.adverb = words[0];   // "sexually assault"
      x.lemma = words[1];
    } else {
      x.lemma = words[0];
      if (words.size() == 2) x.particle = words[1];
    }
    if (x.source.empty()) x.source = {Slot{SlotKind::kSubj, {}}};
    if (x.target.empty()) x.target = {Slot{SlotKind::kObj, {}}};
    m.triggers.push_back(std::move(x));
  }
  return Status::Ok();
}

// One trigger per noun phrase of the entry, headed by its noun; by default
// the source is a possessor, a by-phrase, a modifier or a light verb's
// subject, the target an object of of/against/on/to/with.
Status add_noun_triggers(TriggerLexicon::Impl& m, const Trigger& t, const std::vector<std::string>& nouns,
                         const std::string& origin, const std::string& where) {
  for (const auto& n : nouns) {
    const auto words = split_words(n);
    if (words.empty()) return bad(origin, where, "empty noun");
    Trigger x = t;
    x.noun = true;
    const PhraseMember p = phrase_of(words);
    x.lemma = p.head;
    x.before = p.before;
    x.after_prep = p.after_prep;
    x.after = p.after;
    if (x.source.empty())
      x.source = {Slot{SlotKind::kPoss, {}}, Slot{SlotKind::kBy, {}}, Slot{SlotKind::kMod, {}}, Slot{SlotKind::kLight, {}}};
    if (x.target.empty())
      x.target = {Slot{SlotKind::kPrep, "of"}, Slot{SlotKind::kPrep, "against"}, Slot{SlotKind::kPrep, "on"},
                  Slot{SlotKind::kPrep, "to"}, Slot{SlotKind::kPrep, "with"}};
    m.triggers.push_back(std::move(x));
  }
  return Status::Ok();
}

// One codebook entry (its latest definition) made into its triggers, one
// per verb or noun; `order` numbers the entries.
Status build_entry(TriggerLexicon::Impl& m, const std::string& id, const CodeSet& codes, std::uint32_t order) {
  const TriggerLexicon::Impl::Entry& entry = m.entries.at(id);
  const json& e = entry.raw;
  const std::string& origin = entry.origin;
  const std::string where = "trigger \"" + id + "\"";
  for (const auto& [key, value] : e.items())
    if (!trigger_keys().count(key)) return bad(origin, where, "unknown field \"" + key + "\"");
  Trigger t;
  t.id = id;
  t.order = order;
  if (Status s = trigger_code(m, e, codes, origin, where, t); !s.ok()) return s;
  if (Status s = trigger_classes(m, e, id, origin, where, t); !s.ok()) return s;
  if (Status s = trigger_roles(m, e, origin, where, t); !s.ok()) return s;
  const auto verbs = string_list(e.value("verb", json()));
  const auto nouns = string_list(e.value("noun", json()));
  if (verbs.empty() == nouns.empty()) return bad(origin, where, "needs \"verb\" or \"noun\" (one of them)");
  if (t.frame >= 0 && t.embed.empty()) return bad(origin, where, "a frame needs \"embed\"");
  if (Status s = add_verb_triggers(m, t, verbs, origin, where); !s.ok()) return s;
  return add_noun_triggers(m, t, nouns, origin, where);
}

// Codes an event may take with one actor named, its target being the state
// where it happens: protests (14) and the restrictions a state imposes on
// its own territory or eases (172, 081).
bool one_actor_code(std::string_view code) {
  return code.starts_with("14") || code.starts_with("172") || code.starts_with("081");
}

// Triggers by lemma, and the surface forms that may trigger (with the
// irregular ones); "strong" forms are those of a lemma with an entry that
// is not a prepositional statement.
void index_triggers(TriggerLexicon::Impl& m) {
  std::vector<std::string> forms;
  m.strong_forms.clear();
  m.statement_preps.clear();
  m.one_actor_forms.clear();
  WordSet strong_verbs, strong_nouns, one_actor_verbs, one_actor_nouns;
  for (std::uint32_t i = 0; i < m.triggers.size(); ++i) {
    const Trigger& t = m.triggers[i];
    (t.noun ? m.by_noun : m.by_verb)[t.lemma].push_back(i);
    m.known.insert(t.lemma);
    bool prepositional_statement = t.statement && !t.topic_only;
    for (const Slot& s : t.target) {
      if (s.kind == SlotKind::kPrep && t.statement) m.statement_preps.insert(s.prep);
      else if (s.kind != SlotKind::kCcompSubj) prepositional_statement = false;
    }
    forms.clear();
    if (t.noun) noun_forms(t.lemma, forms);
    else if (t.adjective) forms.push_back(t.lemma);
    else verb_forms(t.lemma, forms);
    if (!prepositional_statement) (t.noun ? strong_nouns : strong_verbs).insert(t.lemma);
    const std::string& code = t.frame >= 0 && m.frames[static_cast<std::size_t>(t.frame)].default_code
                                  ? *m.frames[static_cast<std::size_t>(t.frame)].default_code
                                  : t.code;
    const bool one_actor = one_actor_code(code);
    if (one_actor) (t.noun ? one_actor_nouns : one_actor_verbs).insert(t.lemma);
    for (auto& f : forms) {
      if (!prepositional_statement) m.strong_forms.insert(f);
      if (one_actor) m.one_actor_forms.insert(f);
      m.forms.insert(std::move(f));
    }
  }
  for (const auto& [form, lemma] : m.irregular_verb)
    if (m.by_verb.count(lemma)) {
      m.forms.insert(form);
      if (strong_verbs.count(lemma)) m.strong_forms.insert(form);
      if (one_actor_verbs.count(lemma)) m.one_actor_forms.insert(form);
    }
  for (const auto& [form, lemma] : m.irregular_noun)
    if (m.by_noun.count(lemma)) {
      m.forms.insert(form);
      if (strong_nouns.count(lemma)) m.strong_forms.insert(form);
      if (one_actor_nouns.count(lemma)) m.one_actor_forms.insert(form);
    }
}

// Known words (class words and phrase heads, the first word of each word
// list entry), the classes named in each word list, and the default light
// verbs in sorted order.
void index_words(TriggerLexicon::Impl& m) {
  for (const auto& c : m.classes) {
    for (const auto& w : c.words) m.known.insert(w);
    for (const auto& p : c.phrases) m.known.insert(p.head);
  }
  for (const auto& [name, words] : m.word_lists)
    for (const auto& w : words) {
      const auto parts = split_words(w);
      if (!parts.empty()) m.known.insert(parts[0]);
    }
  m.list_classes.clear();
  for (const auto& [name, words] : m.word_lists) {
    std::vector<int> idx;
    for (const auto& w : words)
      if (auto it = m.class_index.find(w); it != m.class_index.end()) idx.push_back(it->second);
    std::sort(idx.begin(), idx.end());
    m.list_classes.emplace(name, std::move(idx));
  }
  m.default_light.clear();
  if (auto it = m.word_lists.find("light_verbs"); it != m.word_lists.end()) {
    std::vector<std::string> sorted(it->second.begin(), it->second.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& w : sorted) m.default_light.push_back(light_verb_of(w));
  }
}

}  // namespace

Status TriggerLexicon::finalize(const std::vector<std::string>& known_codes) {
  Impl& m = *impl_;
  m.triggers.clear();
  m.classes.clear();
  m.class_words.clear();
  m.class_index.clear();
  m.frames.clear();
  m.frame_idx.clear();
  m.by_verb.clear();
  m.by_noun.clear();
  m.forms.clear();
  m.known.clear();
  const CodeSet codes(known_codes.begin(), known_codes.end());
  if (Status s = build_frames(m, codes); !s.ok()) return s;
  for (const auto& name : m.class_order) m.class_ref(name);
  std::uint32_t order = 0;
  for (const std::string& id : m.entry_order)
    if (Status s = build_entry(m, id, codes, order++); !s.ok()) return s;
  // Indexes, known words and surface forms.
  index_triggers(m);
  index_words(m);
  return Status::Ok();
}

std::size_t TriggerLexicon::size() const { return impl_->triggers.size(); }
const Trigger& TriggerLexicon::trigger(std::uint32_t i) const { return impl_->triggers[i]; }

const std::vector<std::uint32_t>* TriggerLexicon::verb_triggers(std::string_view lemma) const {
  auto it = impl_->by_verb.find(lemma);
  return it == impl_->by_verb.end() ? nullptr : &it->second;
}
const std::vector<std::uint32_t>* TriggerLexicon::noun_triggers(std::string_view lemma) const {
  auto it = impl_->by_noun.find(lemma);
  return it == impl_->by_noun.end() ? nullptr : &it->second;
}
const WordClass& TriggerLexicon::word_class(int index) const { return impl_->classes[static_cast<std::size_t>(index)]; }
bool TriggerLexicon::class_has_word(int index, std::string_view w) const {
  const auto& set = impl_->class_words[static_cast<std::size_t>(index)];
  return set.find(w) != set.end();
}
const FrameMap& TriggerLexicon::frame(int index) const { return impl_->frames[static_cast<std::size_t>(index)]; }
int TriggerLexicon::frame_index(std::string_view name) const {
  auto it = impl_->frame_idx.find(std::string(name));
  return it == impl_->frame_idx.end() ? -1 : it->second;
}
bool TriggerLexicon::word_in(std::string_view list, std::string_view w) const {
  auto it = impl_->word_lists.find(std::string(list));
  return it != impl_->word_lists.end() && it->second.find(w) != it->second.end();
}
const std::vector<LightVerb>& TriggerLexicon::default_light_verbs() const { return impl_->default_light; }
const std::vector<int>& TriggerLexicon::classes_of_list(std::string_view list) const {
  static const std::vector<int> kNone;
  auto it = impl_->list_classes.find(std::string(list));
  return it == impl_->list_classes.end() ? kNone : it->second;
}
bool TriggerLexicon::may_trigger(std::string_view f) const { return impl_->forms.find(f) != impl_->forms.end(); }
bool TriggerLexicon::statement_only(std::string_view f) const {
  return impl_->strong_forms.find(f) == impl_->strong_forms.end();
}
bool TriggerLexicon::one_actor_trigger(std::string_view f) const {
  return impl_->one_actor_forms.find(f) != impl_->one_actor_forms.end();
}
bool TriggerLexicon::statement_preposition(std::string_view w) const {
  return impl_->statement_preps.find(w) != impl_->statement_preps.end();
}

std::string TriggerLexicon::lemma(std::string_view w, std::uint16_t tag) const {
  const Impl& m = *impl_;
  const bool verb = tag == kTagNone || is_verb_tag(tag) || tag == kTagMD;
  const bool noun = tag == kTagNone || tag == kTagNNS || tag == kTagNNPS || tag == kTagNN;
  std::vector<std::string> cands;
  if (verb)
    if (auto it = m.irregular_verb.find(w); it != m.irregular_verb.end()) cands.push_back(it->second);
  if (noun)
    if (auto it = m.irregular_noun.find(w); it != m.irregular_noun.end()) cands.push_back(it->second);
  const std::string s(w);
  auto add = [&](std::string c) {
    if (c.size() >= 2) cands.push_back(std::move(c));
  };
  const std::size_t n = s.size();
  if (verb || noun) {
    if (ends_with(s, "ies")) add(s.substr(0, n - 3) + "y");
    if (ends_with(s, "es")) {
      add(s.substr(0, n - 2));
      add(s.substr(0, n - 1));
    }
    if (ends_with(s, "s") && !ends_with(s, "ss")) add(s.substr(0, n - 1));
  }
  if (verb) {
    if (ends_with(s, "ied")) add(s.substr(0, n - 3) + "y");
    if (ends_with(s, "ed")) {
      add(s.substr(0, n - 2));
      add(s.substr(0, n - 1));
      if (n >= 4 && s[n - 3] == s[n - 4]) add(s.substr(0, n - 3));
    }
    if (ends_with(s, "ing")) {
      add(s.substr(0, n - 3));
      add(s.substr(0, n - 3) + "e");
      if (n >= 5 && s[n - 4] == s[n - 5]) add(s.substr(0, n - 4));
      if (ends_with(s, "ying")) add(s.substr(0, n - 4) + "ie");
    }
  }
  add(s);
  for (const auto& c : cands)
    if (m.known.find(c) != m.known.end()) return c;
  if (!cands.empty() && (m.irregular_verb.count(s) || m.irregular_noun.count(s))) return cands.front();
  return s;
}

}  // namespace geokg
