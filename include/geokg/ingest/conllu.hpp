#pragma once
// CoNLL-U in and out, for `geokg parse`: reading the word forms of a
// treebank file, and writing sentences with predicted tags and trees so
// that the usual CoNLL 2018 evaluation can score them.

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/status.hpp"
#include "geokg/extract/parser.hpp"

namespace geokg {

// One sentence of a CoNLL-U file: its comment lines, its lines as read, and
// the forms of its words (word lines only: not multiword ranges "1-2", not
// empty nodes "8.1").
struct ConlluSentence {
  std::size_t first_line = 0;            // 1-based line number of its first line
  std::vector<std::string> comments;     // "# sent_id = ...", without the newline
  std::vector<std::string> lines;        // token lines as read (ranges, empty nodes, words)
  std::vector<std::size_t> word_lines;   // indexes into `lines` of the word lines
  std::vector<std::string> forms;        // FORM of each word
};

// Calls on_sentence for each sentence of `in`. Errors name `origin` and the
// line: a token line without 10 tab-separated columns, a word id out of
// sequence. Stops early when on_sentence returns false.
Status read_conllu(std::istream& in, const std::string& origin,
                   const std::function<bool(ConlluSentence&&)>& on_sentence);

// A treebank word as our text normalisation would have written it (curly
// quotes and apostrophes straightened, dashes to '-', the ellipsis to "..."):
// what the tagger and the parser were trained on and see at run time.
std::string normalise_treebank_form(std::string_view form);

// The UD part of speech of a word from its Penn tag, relation and lowercased
// form ("VBZ" + aux -> AUX, "IN" + mark -> SCONJ, "TO" + case -> ADP).
const char* upos_of(std::uint16_t penn_tag, std::uint8_t rel, std::string_view lower_form);

// Writes the 10 columns of word i (0-based) of a parsed sentence: ID FORM
// LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC, and a newline. An empty
// lemma is written "_". FEATS carries Polarity=Neg for "not", "n't" and "never".
void write_conllu_word(std::ostream& out, std::size_t i, std::string_view form, std::string_view lemma,
                       std::uint16_t tag, const ParsedWords& tree);

}  // namespace geokg
