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

// Loads data_dir's shipped lexicons (actors/*.json, events/*.json,
// cameo-codes.tsv, tagger/ptb-perceptron.bin) and then each extra file (a user lexicon may hold actors,
// titles and event patterns). Errors name the file.
Result<std::shared_ptr<const Lexicons>> load_lexicons(const std::string& data_dir,
                                                      const std::vector<std::string>& extra_files);

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
