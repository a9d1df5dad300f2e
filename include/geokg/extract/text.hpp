#pragma once
// Normalisation, page-boilerplate removal, sentence segmentation and
// tokenisation: the first stage of the pure extractor.

#include "geokg/extract/document.hpp"

namespace geokg {

// Builds Document::text/lower/original_offset/tokens/sentences from the
// article: Unicode normalisation (NBSP, curly quotes, dashes, ellipses),
// boilerplate dropped (photo credits, bylines, headline lists, footers,
// everything after a trailing "Source: <agency>" line), sentences split with
// abbreviations, decimals, quotes and datelines handled.
// Never fails: invalid UTF-8 bytes are replaced, an empty text gives an empty document.
Document prepare_document(const Article& article);

}  // namespace geokg
