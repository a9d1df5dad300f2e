#pragma once
// Internal (ingest/ only): the byte and UTF-8 helpers the readers share
// (reader.cpp: text, JSON, files; html_reader.cpp: HTML; input_stream.cpp:
// decoders).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "geokg/core/ascii.hpp"
#include "geokg/core/date.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/core/utf8.hpp"
#include "geokg/ingest/reader.hpp"

namespace geokg::detail {

std::string_view trim(std::string_view s);

// The reader hands over valid UTF-8 only: every byte that is not part of a
// valid sequence becomes U+FFFD.
std::string sanitize_utf8(std::string_view s);
// UTF-16 code units (no byte order mark) to UTF-8; unpaired surrogates and an
// odd last byte become U+FFFD.
std::string utf16_to_utf8(std::string_view s, bool big_endian);

// "<what> of N bytes exceeds the limit of CAP bytes"
std::string too_big(std::uint64_t size, std::uint64_t cap, const char* what);

// "2024-04-26", "2024-04-26T09:00:00Z", "April 26, 2024", "26 April 2024".
std::optional<Date> parse_date_value(std::string_view v);

// The checks and defaults every parser applies last: the size cap, then the
// date, source and id an article takes when it carries none.
Status check_size(const Article& a, const ReadOptions& options);
void finish_article(Article& a, const ReadOptions& options, const std::string& origin);

}  // namespace geokg::detail
