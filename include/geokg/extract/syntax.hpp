#pragma once
// The syntactic stage of the pure extractor: part-of-speech tags and a
// dependency tree for a sentence, laid onto Document::tokens.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "geokg/extract/document.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/tagger.hpp"

namespace geokg {

// Tags and parses sentence `sentence` of doc: sets Token::tag, Token::head
// (an index into Document::tokens, -1 for the root) and Token::rel of its
// tokens, and Sentence::parsed. Our tokens are split as split_for_treebank()
// says; a token takes the tag of the piece that stands for it, and the head
// and relation of the first piece up its own pieces' chain whose head lies
// outside the token. A sentence the parser cannot read (an empty model)
// stays unparsed. Thread-safe; no I/O.
void parse_sentence(Document& doc, std::uint32_t sentence, const PosTagger& tagger,
                    const DependencyParser& parser);

// Tags and parses one sentence of treebank-split words (tags.size() ==
// words.size()), with the corrections news sentences need where the models
// trained on other text go wrong (a past participle read for the main verb,
// a subject before "on Monday" made the root). What parse_sentence and
// `geokg parse` both read. Thread-safe; no I/O.
void tag_and_parse_words(std::span<const std::string_view> words, const PosTagger& tagger,
                         const DependencyParser& parser, std::vector<std::uint16_t>& tags, ParsedWords& tree);

}  // namespace geokg
