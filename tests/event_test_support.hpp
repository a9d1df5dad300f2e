#pragma once
// Shared helpers of the event tests: run the real extraction pipeline
// (prepare_document -> anchor_times -> find_actors -> find_events through
// geokg::Extractor) on a short article and look events up by actor names.

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/extractor.hpp"
#include "test_support.hpp"

namespace geokg::test {

// With the part-of-speech tagger on, so that the rules that read tags are
// exercised too (the CLI runs without it unless --pos-tagger is given; the
// quality floors in extraction_quality_test measure that default).
inline const Extractor& shipped_extractor() {
  static const std::shared_ptr<const Lexicons> lex = [] {
    LexiconOptions options;
    options.pos_tagger = true;
    auto r = load_lexicons(data_dir(), {}, options);
    BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? std::string() : r.status().message()));
    return *r;
  }();
  static const Extractor extractor(lex);
  return extractor;
}

// Without the tagger, as `geokg extract` runs by default: for rules that
// have a tagger-free reading of their own.
inline const Extractor& plain_extractor() {
  static const std::shared_ptr<const Lexicons> lex = [] {
    auto r = load_lexicons(data_dir(), {});
    BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? std::string() : r.status().message()));
    return *r;
  }();
  static const Extractor extractor(lex);
  return extractor;
}

// The flat word-order patterns alone (`--coder flat`; the default coder's
// fallback where the tree finds nothing), with or without the tagger.
inline const Extractor& flat_extractor(bool tagger = true) {
  auto make = [](bool tag) {
    LexiconOptions options;
    options.pos_tagger = tag;
    options.tree_coder = false;
    auto r = load_lexicons(data_dir(), {}, options);
    BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? std::string() : r.status().message()));
    return *r;
  };
  static const Extractor tagged(make(true)), plain(make(false));
  return tagger ? tagged : plain;
}

inline Article test_article(const std::string& text, const std::string& date) {
  Article a;
  a.id = "test";
  a.text = text;
  a.date = Date::Parse(date).value_or(Date{});
  return a;
}

inline Extraction extract_text(const std::string& text, const std::string& date = "2024-04-26",
                               bool tagger = true) {
  return (tagger ? shipped_extractor() : plain_extractor()).extract(test_article(text, date));
}

inline Extraction extract_flat(const std::string& text, const std::string& date = "2024-04-26",
                               bool tagger = true) {
  return flat_extractor(tagger).extract(test_article(text, date));
}

inline std::string actor_name(const Extraction& ex, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < ex.actors.size() ? ex.actors[static_cast<std::size_t>(i)].name : "";
}

// The first event from `source` to `target` whose CAMEO code starts with
// `code_prefix` (either direction when `either` is set); nullptr if none.
inline const ExtractedEvent* find_event(const Extraction& ex, std::string_view source, std::string_view target,
                                        std::string_view code_prefix, bool either = false) {
  for (const auto& e : ex.events) {
    if (e.cameo.rfind(code_prefix, 0) != 0) continue;
    const std::string s = actor_name(ex, e.source), t = actor_name(ex, e.target);
    if ((s == source && t == target) || (either && s == target && t == source)) return &e;
  }
  return nullptr;
}

// Asserted (neither negated nor hypothetical) events whose code starts with the prefix.
inline int count_asserted(const Extraction& ex, std::string_view code_prefix) {
  int n = 0;
  for (const auto& e : ex.events)
    if (e.cameo.rfind(code_prefix, 0) == 0 && !e.negated && !e.hypothetical) ++n;
  return n;
}

inline std::string describe(const Extraction& ex) {
  std::string s;
  for (const auto& e : ex.events)
    s += actor_name(ex, e.source) + " -" + e.cameo + "-> " + actor_name(ex, e.target) + (e.negated ? " NEG" : "") +
         (e.hypothetical ? " HYP" : "") + " [" + e.evidence.rule + "]; ";
  return s;
}

}  // namespace geokg::test
