#pragma once
// The working state of the pure extractor for one article. Each stage fills
// in its part and the next reads it:
//   prepare_document (text.hpp)   text, offsets, tokens, sentences (boilerplate dropped)
//   anchor_times     (time.hpp)   anchor date, time expressions
//   find_actors      (actors.hpp) actors, mentions (with in-article coreference)
//   parse_sentence   (syntax.hpp) tags and a dependency tree for the sentences that can hold an event
//   find_events      (events.hpp) events
// Offsets in Token/Sentence index Document::text; original_offset maps them
// back to Article::text, where evidence spans point.

#include <algorithm>
#include <cstdint>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/model.hpp"

namespace geokg {

enum TokenFlags : std::uint16_t {
  kTokCapitalized = 1 << 0,   // first letter upper case ("Blinken", "U.S.")
  kTokAllCaps = 1 << 1,       // every letter upper case, 2+ letters ("NATO", "STEADYING")
  kTokNumber = 1 << 2,        // starts with a digit
  kTokPunct = 1 << 3,         // punctuation only
  kTokSentenceStart = 1 << 4, // first word token of its sentence
  kTokQuote = 1 << 5,         // a quotation mark (after normalisation: ")
  kTokInQuote = 1 << 6,       // inside a quotation
  kTokPossessive = 1 << 7,    // the token is "'s" or "'" of a possessive
};

struct Token {
  std::uint32_t start = 0;  // byte span in Document::text
  std::uint32_t end = 0;
  std::uint16_t flags = 0;
  std::uint16_t tag = 0;    // part-of-speech tag id when a tagger ran, else 0
  std::uint8_t rel = 0;     // DepRel to its head when the sentence was parsed, else 0
  std::int32_t head = -1;   // index in Document::tokens of its head; -1 for the root or when unparsed
};

struct Sentence {
  std::uint32_t start = 0;        // byte span in Document::text
  std::uint32_t end = 0;
  std::uint32_t token_begin = 0;  // [token_begin, token_end) in Document::tokens
  std::uint32_t token_end = 0;
  std::uint32_t paragraph = 0;
  bool headline = false;          // a title or section heading, not a story sentence
  bool parsed = false;            // tokens carry tags and a dependency tree (syntax.hpp)
};

struct TimeExpression {
  std::uint32_t sentence = 0;
  std::uint32_t token_begin = 0;  // [token_begin, token_end) in Document::tokens
  std::uint32_t token_end = 0;
  Date date;                      // resolved against the anchor date
};

enum class MentionForm : std::uint8_t {
  kName,       // "Antony Blinken", "China", "NATO"
  kPartName,   // "Blinken" resolved to Antony Blinken
  kTitle,      // "the secretary", "the minister"
  kPronoun,    // "he", "she", "his"
  kMetonym,    // "Beijing", "the Kremlin" standing for a state
  kAdjective,  // "Chinese", "U.S." modifying another word
  kGroupRef,   // "the two countries", "both sides": see group_actors
};

struct Mention {
  std::uint32_t sentence = 0;
  std::uint32_t token_begin = 0;  // [token_begin, token_end) in Document::tokens
  std::uint32_t token_end = 0;
  int actor = -1;                 // index into Document::actors
  int actor2 = -1;                // second actor of a kGroupRef pair, else -1
  MentionForm form = MentionForm::kName;
  bool as_location = false;       // "in Beijing": a place, not an actor
  bool possessive = false;        // "China's"
  // A kAdjective mention of a word that is also the country's name ("US",
  // "New Zealand"): the parser decides; as a subject or object it is the state.
  bool name_too = false;
};

// Indices [first, last) of the items of sentence s in v, sorted by sentence.
template <class T>
std::pair<std::size_t, std::size_t> sentence_range(const std::vector<T>& v, std::uint32_t s) {
  const auto lo = std::partition_point(v.begin(), v.end(), [s](const T& x) { return x.sentence < s; });
  const auto hi = std::partition_point(lo, v.end(), [s](const T& x) { return x.sentence <= s; });
  return {static_cast<std::size_t>(lo - v.begin()), static_cast<std::size_t>(hi - v.begin())};
}

struct Document {
  const Article* article = nullptr;
  std::string text;                          // normalised story text (boilerplate removed)
  std::string lower;                         // ASCII-lowercased copy of text, same offsets
  std::vector<std::uint32_t> original_offset;  // text.size()+1 entries -> Article::text bytes
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // Byte span in text of the story's dateline ("BEIJING -", "LONDON, March 3 -",
  // "WASHINGTON (Reuters) -"); it belongs to no sentence. Empty when none.
  std::uint32_t dateline_start = 0;
  std::uint32_t dateline_end = 0;

  Date anchor;                               // the article's date (metadata, dateline, caption)
  std::vector<TimeExpression> times;        // in sentence order

  std::vector<ExtractedActor> actors;
  std::vector<Mention> mentions;             // sorted by (sentence, token_begin)

  // Indices [first, last) of sentence s's mentions and times: a search, not a
  // scan, so that per-sentence work stays linear in the document's length.
  std::pair<std::size_t, std::size_t> mentions_of(std::uint32_t s) const { return sentence_range(mentions, s); }
  std::pair<std::size_t, std::size_t> times_of(std::uint32_t s) const { return sentence_range(times, s); }

  std::string_view token_text(const Token& t) const {
    return std::string_view(text).substr(t.start, t.end - t.start);
  }
  std::string_view token_lower(const Token& t) const {
    return std::string_view(lower).substr(t.start, t.end - t.start);
  }
  std::string_view sentence_text(const Sentence& s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
  // Byte span of [start, end) of Document::text in Article::text.
  std::uint32_t to_original(std::uint32_t offset) const {
    return offset < original_offset.size() ? original_offset[offset] : 0;
  }
  // Sets ev's span to sentence s in Article::text and its sentence to the
  // article's own bytes there (the normalised text when the span is off).
  void set_evidence_sentence(Evidence& ev, const Sentence& s) const {
    ev.start = to_original(s.start);
    ev.end = to_original(s.end);
    if (article != nullptr && ev.end > ev.start && ev.end <= article->text.size())
      ev.sentence = article->text.substr(ev.start, ev.end - ev.start);
    else
      ev.sentence = std::string(sentence_text(s));
  }
};

}  // namespace geokg
