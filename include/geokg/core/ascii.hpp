#pragma once
// ASCII case and class tests, the one home for them. Deliberately not
// <cctype>: no locale, no sign trouble with bytes >= 0x80, and inlinable in
// the byte loops of the text stage. UTF-8 bytes >= 0x80 are never letters
// here; case folding beyond ASCII goes through utf8proc where it matters.

#include <cstddef>
#include <string>
#include <string_view>

namespace geokg {

constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
constexpr char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char ascii_upper(char c) { return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// A copy with A-Z lowered.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// A copy with a-z raised (country codes: "gbr" is GBR).
inline std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_upper(c);
  return out;
}

inline void ascii_lower_in_place(std::string& s) {
  for (char& c : s) c = ascii_lower(c);
}

inline void ascii_upper_in_place(std::string& s) {
  for (char& c : s) c = ascii_upper(c);
}

// Equality ignoring ASCII case.
inline bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

inline bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ieq(s.substr(0, prefix.size()), prefix);
}

inline bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && ieq(s.substr(s.size() - suffix.size()), suffix);
}

// Position of needle in hay ignoring ASCII case, or npos.
inline std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i)
    if (ieq(hay.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

inline bool icontains(std::string_view hay, std::string_view needle) {
  return !needle.empty() && ifind(hay, needle) != std::string_view::npos;
}

}  // namespace geokg
