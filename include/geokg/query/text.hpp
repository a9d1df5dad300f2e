#pragma once
// Small text helpers shared by the query writers: making any stored string
// safe for a terminal line, CSV (RFC 4180), XML/SVG/GraphML and DOT.
// Names come from news text, so they may hold quotes, backslashes, '<', '&',
// newlines, braces, control bytes, non-Latin scripts or even invalid UTF-8:
// every writer passes strings through these functions, never raw.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::query {

// Valid UTF-8 out: each invalid byte becomes U+FFFD; C0 control characters
// (including newline and tab) and DEL become a space; runs of spaces are kept.
std::string sanitize_utf8(std::string_view s);

// sanitize_utf8, whitespace collapsed and trimmed, then cut to at most
// `max_chars` code points with "…" when cut (0 = no limit). For table cells.
std::string one_line(std::string_view s, std::size_t max_chars = 0);

// Number of code points (a stand-in for display width in table layout).
std::size_t display_width(std::string_view utf8);

// Pads with spaces to `width` code points (never cuts).
std::string pad_right(std::string_view s, std::size_t width);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF (or leading /
// trailing space), inner quotes doubled. Input passed through sanitize_utf8
// except that newlines are kept inside the quotes unless !keep_newlines
// (neo4j-admin import needs --multiline-fields for them, so its files get spaces).
std::string csv_field(std::string_view s, bool keep_newlines = true);

// XML character data / attribute value: & < > " ' escaped, invalid UTF-8 and
// characters XML 1.0 forbids replaced (sanitize_utf8).
std::string xml_escape(std::string_view s);

// A DOT double-quoted string, quotes included. DOT's only in-string escape is
// \" and labels give backslash sequences (\n, \N, \G …) a meaning, so every
// backslash becomes "\\" (a literal backslash in the rendered label) and the
// string can never end inside an escape.
std::string dot_quote(std::string_view s);

// Markdown table cell: '|' and backslash escaped, single line.
std::string md_cell(std::string_view s, std::size_t max_chars = 0);

// A time in UTC formatted by strftime ("%Y%m%d%H%M%S"); "" for 0 or less.
std::string utc_time(std::int64_t unix_seconds, const char* format);

// A URL as a Markdown link destination inside a table cell: spaces, '|',
// brackets, parentheses, quotes, backslashes, control and non-ASCII bytes
// percent-encoded, so that neither the link nor the table can be broken.
std::string md_url(std::string_view url);

}  // namespace geokg::query
