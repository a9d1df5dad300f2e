#pragma once
// The compiled form of the event pattern lexicon, shared by the loader
// (event_lexicon.cpp) and the matcher (events.cpp). Not a public header.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geokg/extract/event_lexicon.hpp"

namespace geokg {

// Heterogeneous lookup: the matcher looks words up by string_view into
// Document::lower without building a std::string per token.
// Deliberately not noexcept: libstdc++ then stores each node's hash code, so a
// lookup that walks a bucket compares codes instead of re-hashing every key it
// passes (a noexcept hash counts as "fast" and is recomputed per node).
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};
using WordSet = std::unordered_set<std::string, WordHash, WordEq>;
template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, WordEq>;

// The target marker that names the direct object (or a complement's subject)
// rather than a word: "target": ["obj", "with"] in data/events/*.json.
inline constexpr std::string_view kObjectMarker = "obj";

struct EventPattern {
  std::string id;                 // rule name, reported in Evidence::rule
  std::string cameo;              // "040"
  std::string label;              // "met"
  bool nominal = false;           // head is a noun ("visit to", "talks between")
  // then[0]: the head word forms; then[1..]: words that must follow the head
  // in order, each step listing alternatives ("concern|concerns").
  std::vector<std::vector<std::string>> then;
  int gap = 3;                    // tokens allowed before each `then` step
  // Where the target is: kObjectMarker (direct object / complement subject)
  // or a word after which it stands (a preposition, "that"): the pattern
  // files' open set of words, with one reserved name.
  std::vector<std::string> target;
  bool symmetric = false;         // "X and Y met" -> X<->Y
  bool statement = false;         // said/told: quotes, complement subject as target
  bool passive = true;            // "was met by"
  bool place_target = false;      // "landed in China": a place after the marker is the target
  bool negates_complement = false;// "refused to meet": the infinitive is negated
  bool implicit_agent = false;    // nominal: "during a visit to China, Blinken": the clause subject acts
  float confidence = 0.8f;        // base confidence of the rule
};

// Bits of EventLexicon::Impl::WordInfo::lists, one per closed-class list.
enum EventWordBit : std::uint16_t {
  kEwNegation = 1 << 0, kEwModal = 1 << 1, kEwConditional = 1 << 2, kEwAgentHeads = 1 << 3,
  kEwUnasserted = 1 << 4, kEwHedges = 1 << 5, kEwAuxiliaries = 1 << 6, kEwBeForms = 1 << 7,
  kEwPrepositions = 1 << 8, kEwDeterminers = 1 << 9, kEwClauseStops = 1 << 10, kEwParticiples = 1 << 11,
  kEwNotNouns = 1 << 12,
};

struct EventLexicon::Impl {
  std::vector<EventPattern> patterns;
  WordMap<std::size_t> by_id;                       // id -> index (later files replace)
  WordMap<std::vector<std::uint32_t>> by_word;      // head form -> pattern indices
  // Closed-class word lists (data "words" section).
  WordSet negation;        // not, n't, never, no longer (as "longer" after "no")
  WordSet modal;           // would, could, may, might, should, will, ...
  WordSet conditional;     // if, whether, unless
  WordSet agent_heads;     // officials, forces: "U.S. officials" acts for the U.S.
  WordSet unasserted;      // claims, allegations: "claims that X supplied Y" is not asserted
  WordSet hedges;          // upcoming, planned, possible: nominal events not (yet) real
  WordSet auxiliaries;     // be/have/do forms and adverbs skipped between subject and verb
  WordSet be_forms;        // passive detection
  WordSet prepositions;    // markers for the argument scan
  WordSet determiners;     // noun context
  WordSet clause_stops;    // who, which, because, while, but, ...: clause boundaries
  WordSet participles;     // made, taken, carried: irregular past participles ("-ed" is regular)
  WordSet not_nouns;       // ahead, instead, because: words before "of" that head no noun phrase
  // Everything the matcher asks about one word, found with one hash lookup
  // per token (built by finalize): the closed-class lists holding it (a bit
  // per WordSet above, see EventWordBit) and the patterns it heads.
  struct WordInfo {
    std::uint16_t lists = 0;
    const std::vector<std::uint32_t>* heads = nullptr;  // into by_word (node-stable)
  };
  WordMap<WordInfo> word_info;
  const WordInfo* info(std::string_view w) const {
    auto it = word_info.find(w);
    return it == word_info.end() ? nullptr : &it->second;
  }
  std::vector<std::string> sources;  // files loaded, for messages
  bool finalized = false;
};

}  // namespace geokg
