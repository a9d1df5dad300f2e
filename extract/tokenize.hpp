#pragma once
// Internal to ingest: the tokenizer prepare_document uses, shared with time
// anchoring so that a phrase given to resolve_time_expression is cut exactly
// like a sentence.

#include <string_view>
#include <vector>

#include "geokg/extract/document.hpp"

namespace geokg::detail {

// Appends the tokens of text[begin, end) (offsets relative to `text`) with
// the per-token flags (capitalized, all caps, number, punct, quote,
// possessive); sentence-start and in-quote flags are set by the segmenter.
void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Token>& out);

// ASCII-lowercased copy.
void ascii_lower_into(std::string_view in, std::string& out);

}  // namespace geokg::detail
