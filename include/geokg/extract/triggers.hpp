#pragma once
// The event codebook as data: verb and noun triggers of CAMEO codes, frames
// (appeal, intent, demand, reject, threaten, …) with the maps that code what
// they embed, topics, word classes and word lists, and the lemmatiser that
// matches text to them. Format and conventions: data/events/TRIGGERS.md;
// files in data/events/triggers/ and user files given with --lexicon.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg {

// Where an argument or an embedded action stands relative to its trigger.
enum class SlotKind : std::uint8_t {
  kSubj,         // subject (the "by" agent in the passive)
  kObj,          // direct object (the passive subject in the passive); for nouns the "of" modifier
  kIobj,         // indirect object
  kPrep,         // an oblique / nmod marked by Slot::prep
  kObjOf,        // the possessor, "of" modifier or actor modifier of the direct object
  kCcompSubj,    // the subject of the clausal complement
  kPoss,         // nouns: possessor ("Iran's attack")
  kBy,           // nouns: "by X"
  kMod,          // nouns: a demonym or name modifying the noun ("Iraqi attack")
  kLight,        // nouns: the subject of the light verb ("X held talks")
  kXcomp,        // frames: an infinitive complement ("urged X to release")
  kCcomp,        // frames: a finite complement ("demanded that X release")
  kEmbedTarget,  // frames: the target of the embedded action
  kEmbedSource,  // frames: the source of the embedded action
  kRequester,    // frames: who made the request a frame looked through ("rejected calls by the UN")
};

struct Slot {
  SlotKind kind = SlotKind::kSubj;
  std::string prep;   // for kPrep: "with", "to", "against", …
  friend bool operator==(const Slot&, const Slot&) = default;
};

// A class member of several words: "military aid" (head "aid", before
// {"military"}) or "state of emergency" (head "state", of "emergency").
struct PhraseMember {
  std::string head;
  std::vector<std::string> before;
  std::string after_prep;   // "of", "against", … ("" for none)
  std::string after;        // the head of that modifier
};

// A set of words ("@persons"), phrases, actor kinds, clauses.
struct WordClass {
  std::string name;
  std::vector<std::string> words;        // single words (lemma or form), sorted
  std::vector<PhraseMember> phrases;
  bool any_actor = false, person = false, group = false, organization = false, country = false,
       location = false, artifact = false;
  bool clause = false;     // CLAUSE: a clausal complement stands for the object
  bool any_head = false;   // "*": anything
};

// A light verb of a nominal trigger: "carry out" (lemma "carry", rest {"out"}).
struct LightVerb {
  std::string lemma;
  std::vector<std::string> rest;
};

// One trigger word of an entry (an entry listing three verbs gives three).
struct Trigger {
  std::string id;                  // entry id, reported as Evidence::rule
  std::string code;                // CAMEO code (actions, topics); "" for a frame
  std::string label;               // "released", "imposed a curfew on"
  std::uint32_t order = 0;         // position of the entry in the files (ties)
  bool noun = false;
  bool adjective = false;          // verb entries: a predicate adjective ("was optimistic about")
  std::string lemma;               // the head: verb lemma, or the noun's head word
  std::vector<std::string> before; // nouns: words before the head ("air" in "air strike")
  std::string after_prep;          // nouns: "state of emergency": "of", "emergency"
  std::string after;
  std::string particle;            // verbs: the second word ("off" in "call off", "on" in "call on")
  std::string adverb;              // verbs: "sexually assault": the -ly adverb
  int obj_class = -1;              // required object class (index), -1: none
  int obj_not_class = -1;          // excluded object class: "met the target" is no meeting; -1: none
  std::vector<std::pair<std::string, int>> preps;  // required oblique: one of them (prep -> class, -1 any)
  std::vector<std::pair<std::string, int>> preps_not;  // excluded oblique: "flew to Geneva for a WEF meeting"
  bool intransitive = false;
  bool no_predicate = false;       // no noun or adjective predicate of the object: "called the pact a failure"
  bool no_person_source = false;   // a person's act is another sense: "left the Treasury" (departed)
  std::vector<Slot> target;
  std::vector<Slot> source;
  std::vector<LightVerb> light;    // nouns: the verbs that pass their subject (empty: words.light_verbs)
  bool light_required = false;
  int frame = -1;                  // index of the frame, -1 for an action or topic
  std::vector<Slot> embed;         // frames: where the embedded action stands
  bool embed_required = false;
  std::vector<int> topic_frames;   // topics: the frames they apply in (empty: all)
  bool symmetric = false;
  bool statement = false;
  bool place_target = false;
  bool topic_only = false;
  float confidence = 0.8f;
  bool constrained() const {
    return obj_class >= 0 || !preps.empty() || intransitive || no_predicate || light_required || embed_required;
  }
};

// What a frame codes for each embedded action: the longest code prefix of
// the embedded action found in `map` ("=" keeps the embedded code), else
// `default_code`; nullopt when that is null (the frame codes nothing).
struct FrameMap {
  std::string name;
  std::string label;
  std::optional<std::string> default_code;
  std::vector<std::pair<std::string, std::string>> map;  // prefix -> code or "="
  std::optional<std::string> code_for(std::string_view embedded_code) const;
};

class TriggerLexicon {
 public:
  TriggerLexicon();
  ~TriggerLexicon();
  TriggerLexicon(TriggerLexicon&&) noexcept;
  TriggerLexicon& operator=(TriggerLexicon&&) noexcept;

  // Adds the `triggers`, `frames`, `classes` and `words` sections of a JSON
  // file (other sections are ignored: a user lexicon also holds actors).
  // Entries, frames and classes replace earlier ones with the same name;
  // word lists are merged. InvalidInput naming the file and the entry on
  // error. Classes and frames may be referred to before they are defined;
  // finalize() checks that every one exists. `origin` (the file) names errors.
  Status add_json(const std::string& json_text, const std::string& origin);
  // Adds words to a word list (load_lexicons adds the actor lexicon's agent
  // nouns as "agent_heads").
  void add_words(const std::string& list, const std::vector<std::string>& words);
  // Irregular forms: lines "form<TAB>lemma<TAB>pos" (pos VERB/v or NOUN/n;
  // data/lemmas/irregular.tsv). InvalidInput names `origin` and the line.
  Status add_irregular(const std::string& lines, const std::string& origin);
  // Builds the indexes. InvalidInput when an entry refers to a class or a
  // frame that no file defines, or a code outside `known_codes` (when given).
  Status finalize(const std::vector<std::string>& known_codes = {});

  std::size_t size() const;
  const Trigger& trigger(std::uint32_t i) const;
  // Triggers headed by a verb lemma / a noun head; nullptr when none.
  const std::vector<std::uint32_t>* verb_triggers(std::string_view lemma) const;
  const std::vector<std::uint32_t>* noun_triggers(std::string_view lemma) const;
  const WordClass& word_class(int index) const;
  bool class_has_word(int index, std::string_view word) const;
  const FrameMap& frame(int index) const;
  int frame_index(std::string_view name) const;  // -1 when unknown
  // A word list of the `words` sections ("intent_modals", …).
  bool word_in(std::string_view list, std::string_view lower_word) const;
  // words.light_verbs, parsed.
  const std::vector<LightVerb>& default_light_verbs() const;
  // The classes a word list names ("owned_target_classes": classes whose
  // members a demonym or name modifier makes an actor's: "Ukrainian positions").
  const std::vector<int>& classes_of_list(std::string_view list) const;

  // Whether a lowercased word form can be a trigger (any inflection of any
  // trigger lemma): the cheap test that decides which sentences are parsed.
  bool may_trigger(std::string_view lower_form) const;
  // Whether every entry a form may trigger is a statement that needs a
  // preposition for its target ("said to", "said about"): such a word alone
  // holds no event unless one of those prepositions is in the sentence.
  bool statement_only(std::string_view lower_form) const;
  // The prepositions those statements take their targets from.
  bool statement_preposition(std::string_view lower_word) const;
  // Whether a form may trigger an event that names one actor only, its
  // target the state where it happens: a protest, a curfew and its lifting.
  bool one_actor_trigger(std::string_view lower_form) const;

  // The lemma of a lowercased word with Penn tag `tag` (kTagNone: try both
  // verb and noun readings): irregular forms, then suffix rules; among the
  // candidates a word the lexicon knows wins, else the irregular lemma, else
  // the word itself.
  std::string lemma(std::string_view lower_form, std::uint16_t tag) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
