#pragma once
// The I/O side of the extractor's models: reads the data folder and users'
// lexicon files into the pure tables of geokg::extract (which take text and
// bytes, never paths). Every error names the file.

#include <memory>
#include <string>
#include <vector>

#include "geokg/core/status.hpp"
#include "geokg/extract/extractor.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/extract/triggers.hpp"

namespace geokg {

// The whole file, read in one call (an istreambuf_iterator copy of the
// 9.6 MB parser weights took a third of a second at every start). NotFound
// when it cannot be opened, IOError when it cannot be read whole; `what`
// ("parser weights") and the path name it.
Result<std::string> read_whole_file(const std::string& path, const std::string& what);

// A gzip file's contents (a plain file passes through), errors as above.
Result<std::string> read_gzip_file(const std::string& path, const std::string& what);

// Weights files written by train_tagger / train_parser.
Result<PosTagger> load_tagger(const std::string& path);
Result<DependencyParser> load_parser(const std::string& path);
// data/lemmas/wordnet-pos.tsv.gz into PosTagger::set_word_classes.
Status load_word_classes(PosTagger& tagger, const std::string& path);
// data/lemmas/irregular.tsv into TriggerLexicon::add_irregular.
Status add_irregular_file(TriggerLexicon& triggers, const std::string& path);

// One JSON lexicon file into an ActorLexicon, EventLexicon or TriggerLexicon
// (each takes the sections it knows and ignores the rest).
template <typename Lexicon>
Status add_lexicon_file(Lexicon& lexicon, const std::string& path) {
  auto text = read_whole_file(path, "lexicon file");
  if (!text.ok()) return text.status();
  return lexicon.add_json(text.value(), path);
}

struct LexiconOptions {
  // Tag every sentence before actors are found (the sentences the parser
  // reads are tagged anyway). Default: false.
  bool pos_tagger = false;
  // Code events on dependency trees (tagger, parser and triggers from
  // data_dir); false: the flat word-order patterns only. Default: true.
  bool tree_coder = true;
  // With the tree coder: the flat patterns also read the sentences where the
  // tree coder found no event, for every code but statements (01x).
  // Default: true.
  bool flat_fallback = true;
};

// Loads data_dir's shipped lexicons (actors/*.json, events/*.json,
// events/triggers/*.json, lemmas/irregular.tsv, cameo-codes.tsv, and the
// tagger and parser weights when the tree coder or the tagger is asked for,
// places/gazetteer.tsv when present) and
// then each extra file (a user lexicon may hold actors, titles and event
// patterns). Errors name the file.
Result<std::shared_ptr<const Lexicons>> load_lexicons(const std::string& data_dir,
                                                      const std::vector<std::string>& extra_files,
                                                      const LexiconOptions& options = {});

}  // namespace geokg
