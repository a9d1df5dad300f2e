#pragma once
// Internal: the finalized actor lexicon as find_actors reads it. Not a public
// header (ingest/ only).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/ingest/lexicon.hpp"

namespace geokg {

struct LexActor {
  std::string name;
  NodeKind kind = NodeKind::kPerson;
  std::string country;
  std::string sector;
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;
  std::vector<std::string> metonyms;   // capital first when given
  std::string capital;
  std::vector<Role> roles;
  bool historical = false;
  bool ambiguous = false;
};

struct LexTitle {
  std::string title;         // canonical
  std::string sector;
  std::string country;       // default country when the text gives none ("House Speaker" -> USA)
  std::string organization;  // "United Nations" for Secretary-General, when the title belongs to one
  std::vector<std::string> aliases;
  bool head = true;          // may stand directly before a name
};

enum class PhraseType : std::uint8_t {
  kName,       // canonical name or alias of an actor
  kAdjective,  // demonym of a country ("Chinese")
  kMetonym,    // capital or seat of government ("Beijing", "the Kremlin")
  kTitle,      // a government title ("Foreign Minister")
};

// A lexicon phrase split into words as the matcher sees text: spaces separate
// words, hyphens separate words, a trailing possessive "'s" is its own word.
struct Phrase {
  std::vector<std::string> words;   // as written (case-sensitive compare)
  std::vector<std::string> lower;   // ASCII-lowercased
  PhraseType type = PhraseType::kName;
  int target = -1;                  // index into actors or titles
  bool any_case = false;            // the phrase was written all-lowercase: match any case
};

// Splits a phrase the way the matcher splits text (see Phrase).
std::vector<std::string> split_phrase_words(std::string_view phrase);

struct ActorLexicon::Impl {
  std::vector<LexActor> actors;
  std::vector<LexTitle> titles;
  std::vector<Phrase> phrases;
  // First word (lowercase) -> phrase ids, longest phrase first.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> by_first;
  // Last word of a lexicon person's name -> actor ids ("Blinken" -> Antony Blinken).
  std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> by_surname;
  // ISO alpha-3 -> country actor id (the non-historical one when several).
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> country_by_code;
  // normalize_name(kind-tagged name) -> actor id, for merging repeated entries.
  std::unordered_map<std::string, std::uint32_t> by_key;
  bool finalized = false;

  const std::vector<std::uint32_t>* candidates(std::string_view first_lower) const {
    auto it = by_first.find(first_lower);
    return it == by_first.end() ? nullptr : &it->second;
  }
  int country(std::string_view iso3) const {
    auto it = country_by_code.find(iso3);
    return it == country_by_code.end() ? -1 : static_cast<int>(it->second);
  }
  // Canonical title id for a title string (case-insensitive), -1 when unknown.
  int title_id(std::string_view title) const;
};

}  // namespace geokg
