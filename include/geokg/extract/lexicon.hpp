#pragma once
// Actor lexicons (data/actors/*.json and user files given with --lexicon):
// countries with names, adjectives and metonyms, organisations, groups,
// government titles with sectors, people with dated roles.
// The file format is documented in data/README.md.

#include <memory>
#include <string>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg {

class ActorLexicon {
 public:
  ActorLexicon();
  ~ActorLexicon();
  ActorLexicon(ActorLexicon&&) noexcept;
  ActorLexicon& operator=(ActorLexicon&&) noexcept;

  // Adds the entries of one JSON lexicon text (a file's, read by
  // add_lexicon_file in geokg/ingest/model_files.hpp). Returns InvalidInput
  // naming `origin` (and the entry) when it does not parse or an entry is malformed.
  Status add_json(const std::string& json_text, const std::string& origin);
  // Builds the lookup structures; call after the last add_*.
  void finalize();

  std::size_t size() const;

  // Nouns that, after a demonym, make it stand for its state as an event
  // argument ("Iraqi officials", "Chinese state media"): every noun and body
  // of the "agents" sections plus the "agent_heads" word list. The one place
  // for them is data/actors/agents.json; load_lexicons hands them to the
  // event matcher. Lowercase, sorted.
  std::vector<std::string> agent_heads() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
