#pragma once
// The event codebook as data: verb and noun triggers of CAMEO codes, frames
// (appeal, intent, demand, reject, threaten, …) with the maps that code what
// they embed, word classes, and the lemmatiser that matches text to them.
// Format: data/events/TRIGGERS.md; files in data/events/triggers/ and user
// files given with --lexicon.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg {

// Where an argument or an embedded action stands relative to its trigger.
enum class SlotKind : std::uint8_t {
  kSubj,       // subject (the "by" agent in the passive)
  kObj,        // direct object (the passive subject in the passive); for nouns the "of" modifier
  kIobj,       // indirect object
  kPrep,       // an oblique / nmod marked by Slot::prep
  kObjOf,      // the possessor or "of" modifier of the direct object
  kCcompSubj,  // the subject of the clausal complement
  kPoss,       // nouns: possessor ("Iran's attack")
  kBy,         // nouns: "by X"
  kMod,        // nouns: a demonym or name modifying the noun ("Iraqi attack")
  kLight,      // nouns: the subject of the verb the noun is the object of ("X held talks")
  kXcomp,      // frames: an infinitive complement ("urged X to release")
  kCcomp,      // frames: a finite complement ("demanded that X release")
};

struct Slot {
  SlotKind kind = SlotKind::kSubj;
  std::string prep;   // for kPrep: "with", "to", "against", …
  friend bool operator==(const Slot&, const Slot&) = default;
};

// One trigger word of an entry (an entry listing three verbs gives three).
struct Trigger {
  std::string id;                  // entry id, reported as Evidence::rule
  std::string code;                // CAMEO code of an action; "" for a frame
  std::string label;               // "released", "imposed a curfew on"
  bool noun = false;
  std::string lemma;               // the head: verb lemma, or the noun's last word
  std::vector<std::string> before; // nouns: the words before the head ("air" in "air strike")
  std::string particle;            // verbs: the second word ("off" in "call off")
  int obj_class = -1;              // required object class (index), -1: none
  std::vector<std::pair<std::string, int>> preps;  // required oblique: preposition -> class (-1: any)
  std::vector<Slot> target;
  std::vector<Slot> source;
  int frame = -1;                  // index of the frame map, -1 for an action
  std::vector<Slot> embed;         // frames: where the embedded action stands
  int embed_class = -1;            // frames: a class the embedded noun must be in (-1: any)
  bool symmetric = false;
  bool statement = false;
  bool place_target = false;
  bool topic_only = false;
  float confidence = 0.8f;
  int specificity() const {
    return (obj_class >= 0 ? 2 : 0) + 2 * static_cast<int>(preps.size()) + (particle.empty() ? 0 : 2) +
           static_cast<int>(before.size());
  }
};

// A set of lemmas ("@persons"), optionally also matching actors of some kinds.
struct WordClass {
  std::string name;
  std::vector<std::string> lemmas;   // sorted
  bool any_actor = false, person = false, group = false, organization = false, country = false;
};

// What a frame codes for each embedded action: the longest code prefix of
// the embedded action found in `map`, else `default_code`.
struct FrameMap {
  std::string name;
  std::string default_code;
  std::vector<std::pair<std::string, std::string>> map;  // prefix -> code
  std::string code_for(std::string_view embedded_code) const;
};

class TriggerLexicon {
 public:
  TriggerLexicon();
  ~TriggerLexicon();
  TriggerLexicon(TriggerLexicon&&) noexcept;
  TriggerLexicon& operator=(TriggerLexicon&&) noexcept;

  // Adds the `triggers`, `frames`, `classes` and `words` sections of a JSON
  // file (other sections are ignored: a user lexicon also holds actors).
  // Entries replace earlier ones with the same id. InvalidInput naming the
  // file and the entry on error. Classes and frames may be referred to
  // before they are defined; finalize() checks that every one exists.
  Status add_file(const std::string& path);
  Status add_json(const std::string& json_text, const std::string& origin);
  // Adds words to a closed list of the `words` section (load_lexicons adds
  // the actor lexicon's agent nouns as "agent_heads").
  void add_words(const std::string& list, const std::vector<std::string>& words);
  // Irregular forms: lines "form<TAB>lemma<TAB>pos" (pos "v" or "n").
  Status add_irregular_file(const std::string& path);
  // Builds the indexes. InvalidInput when an entry refers to a class or a
  // frame that no file defines, or a code outside `known_codes` (when given).
  Status finalize(const std::vector<std::string>& known_codes = {});

  std::size_t size() const;
  const Trigger& trigger(std::uint32_t i) const;
  // Triggers headed by a verb lemma / a noun lemma; nullptr when none.
  const std::vector<std::uint32_t>* verb_triggers(std::string_view lemma) const;
  const std::vector<std::uint32_t>* noun_triggers(std::string_view lemma) const;
  const WordClass& word_class(int index) const;
  bool class_has(int index, std::string_view lemma) const;
  const FrameMap& frame(int index) const;
  int frame_index(std::string_view name) const;  // -1 when unknown
  // A closed word list of the `words` section ("intent_modals", …); empty when absent.
  bool word_in(std::string_view list, std::string_view lower_word) const;

  // Whether a lowercased word form can be a trigger (any inflection of any
  // trigger lemma): the cheap test that decides which sentences are parsed.
  bool may_trigger(std::string_view lower_form) const;

  // The lemma of a lowercased word with Penn tag `tag` (kTagNone: try both
  // verb and noun readings): irregular forms, then suffix rules; among the
  // candidates a lemma the lexicon knows wins, else the first rule's.
  std::string lemma(std::string_view lower_form, std::uint16_t tag) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
