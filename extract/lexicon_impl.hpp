#pragma once
// Internal: the finalized actor lexicon as find_actors reads it. Not a public
// header (extract/ only).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/extract/lexicon.hpp"

namespace geokg {

struct LexActor {
  std::string name;
  NodeKind kind = NodeKind::kPerson;
  std::string country;
  std::string sector;
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;
  std::vector<std::string> people;     // a country's people in the plural ("Iraqis", "Britons")
  std::vector<std::string> metonyms;   // capital first when given
  std::string capital;
  std::vector<Role> roles;
  bool historical = false;
  bool ambiguous = false;
  std::string code;                        // CAMEO code given by the entry ("IGOUNO"); "" = derived
  std::string surname;                     // a person's surname, "" = derived (see surname_of)
  std::vector<std::string> local_aliases;  // names it has only inside its country ("Senate")
  // Names it had only in a period ("names" field): "Prince Charles" until
  // 2022-09-08, "King Charles" after; Date::key() bounds, 0 = open.
  struct PeriodName {
    std::string name;
    std::int32_t from_key = 0, to_key = 0;
  };
  std::vector<PeriodName> period_names;
};

// A row of the code table's "sectors" (data/actors/codes.json).
struct SectorInfo {
  std::string code;    // "GOV", "MIL", "DIP" …
  std::string label;   // "Military"
  std::string noun;    // names the unnamed actor of the sector: "military", "police"; "" = none
  std::string cameo;   // the CAMEO code it is coded as ("DIP" -> "GOV"); == code when CAMEO has it
  bool state = false;  // a body of the state: its unnamed actor is an organization, else a group
};

struct LexTitle {
  std::string title;         // canonical
  std::string sector;
  std::string country;       // default country when the text gives none ("House Speaker" -> USA)
  std::string organization;  // "United Nations" for Secretary-General, when the title belongs to one
  std::vector<std::string> aliases;
  bool head = true;          // may stand directly before a name
};

// A generic agent noun ("officials", "troops", "police", "rebels"): it names
// the unnamed actor of a sector, of the country stated with it, as CAMEO
// codes "Iraqi officials" IRQGOV and "Israeli troops" ISRMIL.
struct AgentNoun {
  std::string sector;          // GOV, MIL, COP, JUD, LEG, REB, OPP, PPL …
  bool body = false;           // "the government", "the army": a definite singular names
                               // the body of the country in scope
  bool needs_country = false;  // "men", "residents": no actor without a country
  bool needs_demonym = false;  // "man": only with its own demonym or place ("a British man"),
                               // not the sentence's country ("Italy defended man on man")
  std::vector<std::string> only_after;   // "group": an actor only right after one of these words
                                       // ("a militant group", "an armed group"; not "a pressure group")
};

enum class PhraseType : std::uint8_t {
  kName,       // canonical name or alias of an actor
  kAdjective,  // demonym of a country ("Chinese")
  kPeople,     // a country's people in the plural ("Palestinians")
  kMetonym,    // capital or seat of government ("Beijing", "the Kremlin")
  kTitle,      // a government title ("Foreign Minister")
  kIgnore,     // never an actor ("Reuters"): blocks the fallback too
};

// A lexicon phrase split into words as the matcher sees text: spaces separate
// words, hyphens separate words, a trailing possessive "'s" is its own word.
struct Phrase {
  std::vector<std::string> words;   // as written (case-sensitive compare)
  std::vector<std::string> lower;   // ASCII-lowercased
  PhraseType type = PhraseType::kName;
  int target = -1;                  // index into actors or titles
  bool any_case = false;            // the phrase was written all-lowercase: match any case
  // A dated name ("dated_names": Moscow stands for the Soviet Union before
  // 1991-12-26) holds only for articles dated inside [from_key, to_key]
  // (Date::key(), 0 = open end); undated phrases have both 0 and dated == false.
  bool dated = false;
  std::int32_t from_key = 0, to_key = 0;
  bool undated_ok = false;  // also holds for undated articles (a person's name of a period)
  // Whether the phrase applies to an article dated `at_key` (0 = unknown date).
  bool active_at(std::int32_t at_key) const {
    if (!dated) return true;
    if (at_key == 0) return undated_ok;
    return (from_key == 0 || at_key >= from_key) && (to_key == 0 || at_key <= to_key);
  }
};

// A name that stands for another state during a period ("dated_names"
// section): capitals and seats of states that have since split or merged.
struct DatedName {
  std::string name;     // as written in text ("Moscow", "the Kremlin")
  std::string country;  // ISO alpha-3 of the state it stands for then ("SUN")
  std::int32_t from_key = 0, to_key = 0;  // Date::key() bounds, 0 = open
};

// Splits a phrase the way the matcher splits text (see Phrase).
std::vector<std::string> split_phrase_words(std::string_view phrase);

struct ActorLexicon::Impl {
  std::vector<LexActor> actors;
  std::vector<LexTitle> titles;
  std::vector<std::string> ignore;   // names that are never actors
  std::vector<DatedName> dated_names;
  std::vector<SectorInfo> sectors;   // the code table's sectors
  std::vector<std::string> regions;  // the code table's regional country parts ("WST")
  std::vector<Phrase> phrases;
  // First word (lowercase) -> phrase ids, longest phrase first.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> by_first;
  // First and last word of a lexicon person's name -> actor ids ("Blinken", "Xi").
  std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>> by_surname;
  // ISO alpha-3 -> country actor id (the non-historical one when several).
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> country_by_code;
  // normalize_name(kind-tagged name) -> actor id, for merging repeated entries.
  std::unordered_map<std::string, std::uint32_t> by_key;
  // Everything the matcher asks about one word, found with one hash lookup:
  // the word lists it is in (a bit per list, see list_bit) and, for a
  // lowercase key, the phrases that start with it.
  struct WordInfo {
    std::uint64_t lists = 0;
    int phrases = -1;  // index into first_phrases
  };
  std::unordered_map<std::string, WordInfo, Hash, std::equal_to<>> word_info;
  std::vector<std::vector<std::uint32_t>> first_phrases;  // longest phrase first
  std::vector<std::string> list_names;                    // bit i of WordInfo::lists
  const WordInfo* info(std::string_view w) const {
    auto it = word_info.find(w);
    return it == word_info.end() ? nullptr : &it->second;
  }
  // The bit of a named word list, 0 when there is no such list.
  std::uint64_t list_bit(std::string_view name) const {
    for (std::size_t i = 0; i < list_names.size(); ++i)
      if (list_names[i] == name) return std::uint64_t{1} << i;
    return 0;
  }
  // Lexicon organisations and groups by normalised name or alias, to find
  // the entry behind a name the finder composes ("Chinese Foreign Ministry").
  std::unordered_map<std::string, std::vector<std::uint32_t>> org_by_name;
  // (country, normalised local alias) -> actor: "USA|senate" -> U.S. Senate.
  std::unordered_map<std::string, std::uint32_t> local_names;
  // Institution heads ("institutions" section) by lowercase word -> sector:
  // "ministry" GOV, "senate" LEG, "court" JUD. Each is also in the word
  // list "institution_heads".
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> institution_heads;
  const std::string* institution_sector(std::string_view lower_word) const {
    auto it = institution_heads.find(lower_word);
    return it == institution_heads.end() ? nullptr : &it->second;
  }
  // Agent nouns by lowercase word ("agents" section); each is also in the
  // word list "agent_nouns" so the finder knows it from the one lookup.
  std::unordered_map<std::string, AgentNoun, Hash, std::equal_to<>> agents;
  const AgentNoun* agent(std::string_view lower_word) const {
    auto it = agents.find(lower_word);
    return it == agents.end() ? nullptr : &it->second;
  }
  // Named word lists ("words" section): non_names, speech_verbs, artifact_heads, …
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;
  std::unordered_map<std::string, WordSet> words;
  bool finalized = false;

  bool has_word(const std::string& list, std::string_view w) const {
    auto it = words.find(list);
    return it != words.end() && it->second.find(w) != it->second.end();
  }
  const WordSet* word_list(const std::string& list) const {
    auto it = words.find(list);
    return it == words.end() ? nullptr : &it->second;
  }

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
  // The code table's row for a sector, nullptr when unknown.
  const SectorInfo* sector(std::string_view code) const;
  // The CAMEO actor code of an actor of this kind, country and sector
  // (data/actors/codes.json): a country is its code ("IRQ"); an IGO or NGO
  // body or official its sector ("IGO"); otherwise country + the sector's CAMEO code
  // ("USAGOV", "GUYJUD"), the sector alone without a country ("REB").
  std::string actor_code(NodeKind kind, std::string_view country, std::string_view sector) const;
  // The first adjective of a country ("Malaysian"), else its name, else the code.
  std::string demonym(std::string_view iso3) const;
  // A person's surname as news writes it alone: the entry's "surname", else
  // the first word for names written family name first ("Xi Jinping", "Moon
  // Jae-in": countries in the word list "family_name_first", when the first
  // word is short or the given name hyphenated), else the last word before a
  // suffix ("Brown" of "Charles Q. Brown Jr."); "" for regnal names
  // ("Charles III") and one-word names.
  std::string surname_of(const LexActor& a) const;
  std::string surname_of(std::string_view name, std::string_view country) const;
};

}  // namespace geokg
