#include "geokg/ingest/actors.hpp"

namespace geokg {

void find_actors(Document& doc, const ActorLexicon& lexicon) {
  (void)doc;
  (void)lexicon;
}

}  // namespace geokg
