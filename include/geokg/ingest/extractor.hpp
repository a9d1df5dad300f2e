#pragma once
// The pure extractor: Article in, Extraction out, no I/O. Lexicons are loaded
// once (load_lexicons, which does I/O) and shared read-only by any number of
// threads.

#include <memory>
#include <string>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/ingest/event_lexicon.hpp"
#include "geokg/ingest/lexicon.hpp"
#include "geokg/ingest/tagger.hpp"

namespace geokg {

struct Lexicons {
  ActorLexicon actors;
  EventLexicon events;
  CameoTable cameo;
  PosTagger tagger;  // untrained (tags stay kTagNone) when data_dir has no tagger/ptb-perceptron.bin
};

struct LexiconOptions {
  // Load the part-of-speech tagger (data/tagger/) and tag every sentence.
  // Measured on the team's gold articles it adds about one correct event in
  // forty-four while more than doubling extraction time, so it is opt-in.
  // Default: false.
  bool pos_tagger = false;
};

// Loads data_dir's shipped lexicons (actors/*.json, events/*.json,
// cameo-codes.tsv, and tagger/ptb-perceptron.bin when options ask for it) and
// then each extra file (a user lexicon may hold actors, titles and event
// patterns). Errors name the file.
Result<std::shared_ptr<const Lexicons>> load_lexicons(const std::string& data_dir,
                                                      const std::vector<std::string>& extra_files,
                                                      const LexiconOptions& options = {});

// Gives every common noun of `ex` (Naming::kCommon) its scope: the node ids
// of the actors its events link it to (ExtractedActor::scope). Extractor::
// extract calls it; an event coder that builds an Extraction itself should too.
void scope_common_nouns(Extraction& ex);

class Extractor {
 public:
  explicit Extractor(std::shared_ptr<const Lexicons> lexicons);
  // Thread-safe: const and stateless between calls.
  Extraction extract(const Article& article) const;
  const Lexicons& lexicons() const { return *lexicons_; }

 private:
  std::shared_ptr<const Lexicons> lexicons_;
};

}  // namespace geokg
