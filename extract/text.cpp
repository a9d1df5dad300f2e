// prepare_document: normalisation -> boilerplate lines dropped -> tokens -> sentences.
// Everything is byte loops over the text with table lookups: no regex, no
// per-token allocation (the stage must run well above 30 MB/s).

#include "geokg/extract/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "geokg/core/ascii.hpp"
#include "geokg/core/utf8.hpp"
#include "text_lines.hpp"
#include "tokenize.hpp"

namespace geokg {

namespace {

using u32 = std::uint32_t;

inline unsigned char ub(char c) { return static_cast<unsigned char>(c); }

// ---- 1. normalisation --------------------------------------------------------

struct Normalized {
  std::string text;
  std::vector<u32> map;  // per byte of text: offset in the original
  void put(char c, u32 from) {
    text += c;
    map.push_back(from);
  }
  void put(std::string_view s, u32 from) {
    for (char c : s) put(c, from);
  }
};

// A character reference left in text by a scraper ("Jos&#233; Manuel
// Barroso", "&amp;"): its length and code point, or 0.
std::size_t character_reference(std::string_view in, std::size_t i, std::uint32_t& cp) {
  const std::size_t semi = in.find(';', i);
  if (semi == std::string_view::npos || semi - i < 3 || semi - i > 9) return 0;
  const std::string_view body = in.substr(i + 1, semi - i - 1);
  static constexpr std::pair<std::string_view, std::uint32_t> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};
  for (const auto& [name, c] : kNamed)
    if (body == name) {
      cp = c;
      return semi - i + 1;
    }
  if (body[0] != '#') return 0;
  const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
  std::uint32_t v = 0;
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  for (char d : digits) {
    const int x = is_ascii_digit(d) ? d - '0' : hex && (d | 0x20) >= 'a' && (d | 0x20) <= 'f' ? (d | 0x20) - 'a' + 10 : -1;
    if (x < 0) return 0;
    v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(x);
  }
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  cp = v;
  return semi - i + 1;
}

void normalize(std::string_view in, Normalized& out) {
  out.text.reserve(in.size() + 16);
  out.map.reserve(in.size() + 16);
  for (std::size_t i = 0; i < in.size();) {
    const char c = in[i];
    const u32 at = static_cast<u32>(i);
    std::uint32_t ref = 0;
    if (c == '&') {
      if (const std::size_t n = character_reference(in, i, ref)) {
        // Decoded and normalised as if written out, mapped to the '&'.
        std::string dec;
        append_utf8(dec, ref);
        Normalized one;
        normalize(dec, one);
        out.put(one.text, at);
        i += n;
        continue;
      }
    }
    if (ub(c) >= 0x20 && ub(c) < 0x7F) {
      // The common case: a run of printable ASCII copied in one go.
      std::size_t j = i + 1;
      while (j < in.size() && ub(in[j]) >= 0x20 && ub(in[j]) < 0x7F && in[j] != '&') ++j;
      out.text.append(in.data() + i, j - i);
      const std::size_t m0 = out.map.size();
      out.map.resize(m0 + (j - i));
      for (std::size_t k = 0; k < j - i; ++k) out.map[m0 + k] = static_cast<u32>(i + k);
      i = j;
      continue;
    }
    if (ub(c) < 0x80) {
      if (c == '\r') {
        out.put('\n', at);
        i += (i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      out.put((ub(c) < 0x20 && c != '\n') || c == 0x7F ? ' ' : c, at);
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = decode_utf8(in, i, cp);
    if (n == 0) {  // an invalid byte: the replacement character, mapped to it
      out.put("\xEF\xBF\xBD", at);
      ++i;
      continue;
    }
    const bool space_before = !out.text.empty() && (out.text.back() == ' ' || out.text.back() == '\n');
    const bool space_after = i + n >= in.size() || in[i + n] == ' ' || in[i + n] == '\n' || in[i + n] == '\r';
    switch (cp) {
      case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
      case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
      case 0x3000: case 0x0085:
        out.put(' ', at);
        break;
      case 0x2028: case 0x2029:
        out.put('\n', at);
        break;
      case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD: case 0x200E:
      case 0x200F:
        break;  // zero-width and direction marks, soft hyphens: dropped
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        out.put('\'', at);
        break;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        out.put('"', at);
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2212:
        out.put('-', at);
        break;
      case 0x2013: case 0x2014: case 0x2015:
        // A dash used as a parenthetical without spaces ("words—like this")
        // gets spaces, so that it does not glue two words into one compound;
        // a range ("1990–1995") stays a hyphen.
        if (!space_before && !space_after && !out.text.empty() && !is_ascii_digit(out.text.back()) && cp != 0x2013) {
          out.put(" - ", at);
        } else {
          out.put('-', at);
        }
        break;
      case 0x2026:
        out.put("...", at);
        break;
      case 0x2022: case 0x00B7: case 0x25CF: case 0x25AA:
        out.put('*', at);
        break;
      default:
        for (std::size_t k = 0; k < n; ++k) out.put(in[i + k], at + static_cast<u32>(k));
        break;
    }
    i += n;
  }
  out.map.push_back(static_cast<u32>(in.size()));
}

// ---- 3. tokens ------------------------------------------------------------------

// Abbreviations that keep their period; `title` ones never end a sentence.
struct Abbrev {
  std::string_view word;
  bool title;
};
constexpr Abbrev kAbbrevs[] = {
    {"Mr", true},    {"Mrs", true},   {"Ms", true},    {"Dr", true},    {"Jr", false},   {"Sr", false},
    {"St", true},    {"No", true},    {"Inc", false},  {"Corp", false}, {"Co", false},   {"Ltd", false},
    {"Lt", true},    {"Col", true},   {"Gen", true},   {"Sen", true},   {"Rep", true},   {"Gov", true},
    {"Prof", true},  {"Capt", true},  {"Cmdr", true},  {"Sgt", true},   {"Maj", true},   {"Adm", true},
    {"Brig", true},  {"Rev", true},   {"Hon", true},   {"Pres", true},  {"Supt", true},  {"Det", true},
    {"Insp", true},  {"Atty", true},  {"Messrs", true}, {"Mt", true},   {"Ft", true},    {"Ave", false},
    {"Rd", false},   {"Blvd", false}, {"vs", true},    {"Jan", true},   {"Feb", true},   {"Mar", true},
    {"Apr", true},   {"Jun", true},   {"Jul", true},   {"Aug", true},   {"Sep", true},   {"Sept", true},
    {"Oct", true},   {"Nov", true},   {"Dec", true},   {"Gens", true},  {"Reps", true},  {"Sens", true},
    {"Bros", false}, {"Univ", false}, {"Dept", false}, {"approx", true}, {"Calif", false}, {"Fla", false},
    {"Mass", false}, {"Conn", false}, {"Penn", false}, {"Ariz", false}, {"Colo", false}, {"Ill", false},
    {"Mich", false}, {"Minn", false}, {"Wash", false}, {"Wis", false},  {"Tenn", false}, {"Va", false},
    {"Ga", false},   {"Pa", false},   {"Md", false},   {"Okla", false}, {"Ky", false},   {"Ala", false},
    {"Nev", false},  {"Ore", false},  {"Tex", false},  {"Kan", false},  {"Neb", false},  {"Ind", false},
    {"Miss", false}, {"Del", false},  {"Ark", false},  {"La", false},   {"Mo", false},   {"Wyo", false},
    {"Gov", true},   {"Amb", true},   {"Sec", true},   {"Pfc", true},   {"Cpl", true},   {"Spc", true},
    {"Ph", true},    {"Nos", true},   {"Fig", true},   {"Vol", true},   {"Art", true},   {"Para", true}};

const Abbrev* find_abbrev(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return nullptr;
  for (const auto& a : kAbbrevs)
    if (a.word.size() == w.size() && (a.word == w || (is_ascii_upper(a.word[0]) && w.size() > 2 && ieq(a.word, w) &&
                                                      is_ascii_upper(w[1]))))  // "MICH." in a dateline
      return &a;
  return nullptr;
}

bool is_upper_cp(std::uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->category == UTF8PROC_CATEGORY_LU;
}

// Non-ASCII symbols that are punctuation tokens of their own (U+0080–U+00BF
// and the general-punctuation/symbol blocks U+2000–U+2BFF).
std::size_t symbol_len(std::string_view s, std::size_t i) {
  const unsigned c = ub(s[i]);
  if (c == 0xC2 && i + 1 < s.size()) return 2;
  if (c == 0xE2 && i + 2 < s.size() && ub(s[i + 1]) >= 0x80 && ub(s[i + 1]) <= 0xAF) return 3;
  if (c == 0xEF && i + 2 < s.size() && ub(s[i + 1]) == 0xBF && ub(s[i + 2]) == 0xBD) return 3;  // U+FFFD
  return 0;
}

inline bool word_byte(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (ub(c) < 0x80) return is_ascii_alnum(c);
  return symbol_len(s, i) == 0;
}

// Lower-case prefixes that attach to a capitalised word: "then-House", "pro-Russian".
bool split_prefix(std::string_view part) {
  for (auto p : {"then", "ex", "former", "pro", "anti", "non", "post", "pre", "mid", "pan", "neo", "trans",
                 "cross", "inter", "intra", "sub", "ultra", "all", "self", "un", "de"})
    if (part == p) return true;
  return false;
}

void add_token(std::string_view text, u32 s, u32 e, std::uint16_t extra, std::vector<Token>& out) {
  Token t;
  t.start = s;
  t.end = e;
  std::uint16_t f = extra;
  const char c = text[s];
  if (is_ascii_digit(c)) {
    f |= kTokNumber;
  } else if (is_ascii_alpha(c) || (ub(c) >= 0x80 && symbol_len(text, s) == 0)) {
    std::uint32_t cp = ub(c);
    if (ub(c) >= 0x80) decode_utf8(text, s, cp);
    if (is_upper_cp(cp)) f |= kTokCapitalized;
    int letters = 0;
    bool caps = true;
    for (u32 i = s; i < e; ++i) {
      if (is_ascii_alpha(text[i])) {
        ++letters;
        if (is_ascii_lower(text[i])) caps = false;
      }
    }
    if (caps && letters >= 2) f |= kTokAllCaps;
  } else {
    f |= kTokPunct;
    if (c == '"') f |= kTokQuote;
  }
  t.flags = f;
  out.push_back(t);
}

}  // namespace

namespace detail {

void ascii_lower_into(std::string_view in, std::string& out) {
  out.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = ascii_lower(in[i]);
}

void tokenize(std::string_view text, u32 begin, u32 end, std::vector<Token>& out) {
  u32 i = begin;
  int open_single = 0;  // single quotes opened and not yet closed in this span
  while (i < end) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    if (word_byte(text, i)) {
      // Dotted abbreviations: "U.S.", "a.m.", "D.C.", initials "W.".
      if (is_ascii_alpha(c) && i + 1 < end && text[i + 1] == '.') {
        u32 j = i;
        while (j + 1 < end && is_ascii_alpha(text[j]) && text[j + 1] == '.' && (j == i || text[j - 1] == '.')) j += 2;
        const bool dotted = j - i >= 4;
        if (dotted || (is_ascii_upper(c) && (j == end || !is_ascii_alpha(text[j])))) {
          // A "U.S.-China" compound: the hyphen is split off below.
          add_token(text, i, dotted ? j : i + 2, 0, out);
          i = dotted ? j : i + 2;
          continue;
        }
      }
      u32 j = i, part = i;
      const bool number = is_ascii_digit(c);
      while (j < end) {
        if (word_byte(text, j)) {
          j += ub(text[j]) < 0x80 ? 1 : 1;
          continue;
        }
        const char d = text[j];
        const bool next_alnum = j + 1 < end && word_byte(text, j + 1);
        if (number && (d == '.' || d == ',' || d == ':') && j + 1 < end && is_ascii_digit(text[j + 1])) {
          ++j;
          continue;
        }
        if (d == '\'' && next_alnum) {
          // "'s" + non-letter is a possessive, split off; "don't", "O'Brien" stay.
          const bool poss = (text[j + 1] == 's' || text[j + 1] == 'S') && (j + 2 >= end || !word_byte(text, j + 2));
          if (poss) break;
          ++j;
          continue;
        }
        if (d == '-' && next_alnum) {
          const std::string_view left = text.substr(part, j - part);
          const char r = text[j + 1];
          const bool split = !number && is_ascii_upper(r) &&
                             ((is_ascii_upper(text[part]) && left.size() >= 3) || split_prefix(left));
          if (split) break;
          part = j + 1;
          ++j;
          continue;
        }
        break;
      }
      // Word + period: an abbreviation keeps it.
      if (j < end && text[j] == '.' && !number && find_abbrev(text.substr(i, j - i))) {
        const std::string_view w = text.substr(i, j - i);
        // "No." is the abbreviation only before a number.
        if (w != "No" || (j + 2 < end && text[j + 1] == ' ' && is_ascii_digit(text[j + 2]))) ++j;
      }
      add_token(text, i, j, 0, out);
      i = j;
      continue;
    }
    // Punctuation.
    if (c == '\'') {
      // "'s" after a word: possessive; "s'" before a space: plural possessive;
      // otherwise an opening or closing single quote.
      const bool prev_word = i > begin && word_byte(text, i - 1);
      if (prev_word && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') &&
          (i + 2 >= end || !word_byte(text, i + 2))) {
        add_token(text, i, i + 2, kTokPossessive, out);
        out.back().flags &= static_cast<std::uint16_t>(~kTokPunct);
        i += 2;
        continue;
      }
      std::uint16_t f = 0;
      const bool next_word = i + 1 < end && word_byte(text, i + 1);
      if (!prev_word && next_word) {
        ++open_single;
        f = kTokQuote;
      } else if (prev_word && open_single > 0) {
        --open_single;
        f = kTokQuote;
      } else if (prev_word && (text[i - 1] == 's' || text[i - 1] == 'S')) {
        f = kTokPossessive;
      } else {
        f = kTokQuote;
      }
      add_token(text, i, i + 1, f, out);
      ++i;
      continue;
    }
    if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.') {
      u32 j = i;
      while (j < end && text[j] == '.') ++j;
      add_token(text, i, j, 0, out);
      i = j;
      continue;
    }
    if (c == '-' && i + 1 < end && text[i + 1] == '-') {
      u32 j = i;
      while (j < end && text[j] == '-') ++j;
      add_token(text, i, j, 0, out);
      i = j;
      continue;
    }
    std::size_t n = ub(c) < 0x80 ? 1 : symbol_len(text, i);
    if (n == 0) n = 1;
    add_token(text, i, static_cast<u32>(std::min<std::size_t>(i + n, end)), 0, out);
    i = static_cast<u32>(std::min<std::size_t>(i + n, end));
  }
}

}  // namespace detail

namespace {

// ---- 4. sentences ------------------------------------------------------------------

bool tok_is(const Document& d, const Token& t, std::string_view s) { return d.token_text(t) == s; }

// Capitalised words that usually open a sentence: after "U.S." or "Inc." they
// say the abbreviation ended one.
bool sentence_opener(std::string_view w) {
  for (auto o : {"The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "A", "An",
                 "This", "That", "These", "Those", "There", "His", "Her", "Their", "Its", "Our", "However",
                 "Meanwhile", "Mr.", "Mrs.", "Ms.", "After", "Before", "When", "While", "As", "Earlier",
                 "If", "So", "Yet"})
    if (w == o) return true;
  return false;
}

bool speech_verb(std::string_view w) {
  for (auto v : {"said", "says", "told", "asked", "added", "wrote", "stated", "replied", "explained", "insisted",
                 "declared", "warned", "stressed", "noted", "argued", "continued", "tweeted"})
    if (w == v) return true;
  return false;
}

bool month_word(std::string_view w) {
  for (auto m : {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                 "Sept", "Oct", "Nov", "Dec", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
                 "Sept.", "Oct.", "Nov.", "Dec."})
    if (w == m) return true;
  return false;
}

bool weekday_word(std::string_view w) {
  for (auto m : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
    if (w == m) return true;
  return false;
}

// Tokens [b, e) of a paragraph start: the end (exclusive token index) of a
// dateline such as "BEIJING -", "WASHINGTON (Reuters) -", "LONDON, March 3 -",
// "DIGHTON, Mass., March 5 -", or a leading "Thursday, May 7, 2015"; b when none.
u32 dateline_end(const Document& d, u32 b, u32 e) {
  const auto& T = d.tokens;
  if (b >= e || !(T[b].flags & kTokAllCaps) || (T[b].flags & kTokNumber)) {
    // Leading date: [Weekday ,] Month Day , Year  followed by a capitalised word.
    u32 k = b;
    if (k < e && weekday_word(d.token_text(T[k]))) {
      ++k;
      if (k < e && tok_is(d, T[k], ",")) ++k;
    }
    if (k + 3 < e && month_word(d.token_text(T[k])) && (T[k + 1].flags & kTokNumber) && tok_is(d, T[k + 2], ",") &&
        (T[k + 3].flags & kTokNumber) && T[k + 3].end - T[k + 3].start == 4) {
      k += 4;
      if (k < e && (T[k].flags & kTokCapitalized) && d.text.substr(T[k - 1].end, T[k].start - T[k - 1].end) == " ")
        return k;
    }
    return b;
  }
  u32 k = b;
  int caps = 0;
  while (k < e && (T[k].flags & kTokAllCaps) && !(T[k].flags & kTokNumber) && caps < 4) ++k, ++caps;
  // ", Mass.," / ", N.J.," / ", MICH.,": a state or country after the city.
  for (int rounds = 0; rounds < 2 && k < e; ++rounds) {
    if (tok_is(d, T[k], ",") && k + 1 < e && (T[k + 1].flags & kTokCapitalized) &&
        !month_word(d.token_text(T[k + 1])) && T[k + 1].end - T[k + 1].start <= 8) {
      u32 m = k + 2;
      if (m < e && tok_is(d, T[m], ".")) ++m;
      if (m < e && (tok_is(d, T[m], ",") || tok_is(d, T[m], "-") || tok_is(d, T[m], "--") || tok_is(d, T[m], "("))) {
        k = m;
        continue;
      }
    }
    break;
  }
  if (k < e && tok_is(d, T[k], "(")) {  // "(Reuters)"
    u32 m = k + 1;
    while (m < e && m < k + 5 && !tok_is(d, T[m], ")")) ++m;
    if (m < e && tok_is(d, T[m], ")")) k = m + 1;
  }
  if (k + 2 < e && tok_is(d, T[k], ",") && month_word(d.token_text(T[k + 1])) && (T[k + 2].flags & kTokNumber))
    k += 3;  // ", March 3"
  if (k < e && (tok_is(d, T[k], "-") || tok_is(d, T[k], "--")) && k + 1 < e) return k + 1;
  return b;
}

constexpr u32 kMaxSentenceTokens = 400;

void segment(Document& d, const std::vector<std::pair<u32, u32>>& paragraphs, const std::vector<bool>& heading) {
  auto& T = d.tokens;
  bool dateline_done = false;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const u32 pb = paragraphs[p].first, pe = paragraphs[p].second;
    if (pb >= pe) continue;
    const auto open_one = [&](u32 b, u32 e) {
      if (b >= e) return;
      Sentence s;
      s.token_begin = b;
      s.token_end = e;
      s.start = T[b].start;
      s.end = T[e - 1].end;
      s.paragraph = static_cast<u32>(p);
      s.headline = heading[p];
      for (u32 k = b; k < e; ++k)
        if (!(T[k].flags & kTokPunct)) {
          T[k].flags |= kTokSentenceStart;
          break;
        }
      d.sentences.push_back(s);
    };
    // Limit: a "sentence" of more than kMaxSentenceTokens tokens (a scraped word
    // list, a table without punctuation) is cut into pieces of that size; the
    // per-sentence matchers downstream are superlinear in sentence length.
    const auto open = [&](u32 b, u32 e) {
      for (; b < e && e - b > kMaxSentenceTokens; b += kMaxSentenceTokens) open_one(b, b + kMaxSentenceTokens);
      open_one(b, e);
    };
    // Quotation state: within a paragraph.
    bool inq = false;
    for (u32 k = pb; k < pe; ++k) {
      if (T[k].flags & kTokQuote && d.text[T[k].start] == '"') {
        inq = !inq;
        continue;
      }
      if (inq) T[k].flags |= kTokInQuote;
    }
    if (heading[p]) {
      open(pb, pe);
      continue;
    }
    u32 b = pb;
    if (!dateline_done) {
      const u32 e = dateline_end(d, pb, pe);
      if (e > pb) {
        d.dateline_start = T[pb].start;
        d.dateline_end = T[e - 1].end;
        b = e;
      }
      dateline_done = true;
    }
    for (u32 k = b; k < pe; ++k) {
      const std::string_view w = d.token_text(T[k]);
      const char last = w.back();
      const bool terminator = (T[k].flags & kTokPunct) && (last == '.' || last == '!' || last == '?');
      const bool abbrev_dot = !terminator && last == '.' && w.size() > 1;
      if (!terminator && !abbrev_dot) continue;
      u32 e = k + 1;
      // Closing quotes and brackets stay with the sentence they close.
      while (e < pe && T[e].start == T[e - 1].end &&
             ((T[e].flags & kTokQuote) || tok_is(d, T[e], ")") || tok_is(d, T[e], "]")))
        ++e;
      if (e >= pe) break;
      const Token& n = T[e];
      const std::string_view nw = d.token_text(n);
      bool brk;
      if (abbrev_dot) {
        const std::string_view bare = w.substr(0, w.size() - 1);
        const Abbrev* a = find_abbrev(bare);
        const bool initial = bare.size() == 1;
        if ((a && a->title) || initial || k == b) brk = false;
        // ("the U.S. And Japan": wire copy capitalises the word after "U.S.";
        // news sentences seldom open with "And".)
        else brk = (sentence_opener(nw) && nw != "And") ||
                   ((n.flags & kTokQuote) && e + 1 < pe && (T[e + 1].flags & kTokCapitalized));
      } else {
        const bool upper_next = (n.flags & (kTokCapitalized | kTokNumber)) != 0 ||
                                ((n.flags & kTokQuote) && e + 1 < pe &&
                                 (T[e + 1].flags & (kTokCapitalized | kTokNumber))) ||
                                tok_is(d, n, "(") || tok_is(d, n, "-");
        brk = upper_next;
        // `"We are ready." Wang Yi said.` : a quotation closed by its speaker
        // and a speech verb is one sentence.
        if (brk && e > k + 1 && (T[e - 1].flags & kTokQuote)) {
          u32 m = e;
          while (m < pe && m < e + 3 && (T[m].flags & kTokCapitalized) && !(T[m].flags & kTokSentenceStart)) ++m;
          if (m > e && m < pe && speech_verb(d.token_text(T[m]))) brk = false;
        }
        // "..." followed by a lower-case word continues the sentence.
        if (last == '.' && w.size() >= 3 && !upper_next) brk = false;
      }
      if (brk) {
        open(b, e);
        b = e;
        k = e - 1;
      }
    }
    open(b, pe);
  }
}

}  // namespace

Document prepare_document(const Article& article) {
  Document doc;
  doc.article = &article;
  Normalized norm;
  normalize(article.text, norm);

  Normalized title_norm;
  normalize(article.title, title_norm);
  std::string_view title = title_norm.text;
  while (!title.empty() && (title.back() == ' ' || title.back() == '\n')) title.remove_suffix(1);
  while (!title.empty() && (title.front() == ' ' || title.front() == '\n')) title.remove_prefix(1);

  std::vector<detail::Line> lines;
  std::string lowered;
  detail::ascii_lower_into(norm.text, lowered);
  detail::classify_lines(norm.text, lowered, title, lines);

  // Kept lines become the document text; a blank or dropped line between two
  // kept ones, and any heading, makes a paragraph break.
  doc.text.reserve(norm.text.size());
  doc.lower.reserve(norm.text.size());
  doc.original_offset.reserve(norm.text.size() + 1);
  std::vector<std::pair<u32, u32>> para_bytes;  // byte spans of paragraphs in doc.text
  std::vector<bool> heading;
  bool gap = false, prev_heading = false, any = false;
  for (const auto& L : lines) {
    if (L.kind == detail::LineKind::kBlank || L.kind == detail::LineKind::kDrop) {
      gap = true;
      continue;
    }
    const bool h = L.kind == detail::LineKind::kHeading;
    const bool new_para = !any || gap || h || prev_heading;
    if (any) {
      const u32 at = norm.map[L.start > 0 ? L.start - 1 : 0];
      doc.text += '\n';
      doc.lower += '\n';
      doc.original_offset.push_back(at);
      if (new_para) {
        doc.text += '\n';
        doc.lower += '\n';
        doc.original_offset.push_back(at);
      }
    }
    if (new_para) {
      if (any) para_bytes.back().second = static_cast<u32>(doc.text.size());
      para_bytes.push_back({static_cast<u32>(doc.text.size()), 0});
      heading.push_back(h);
    }
    doc.text.append(norm.text, L.start, L.end - L.start);
    doc.lower.append(lowered, L.start, L.end - L.start);
    doc.original_offset.insert(doc.original_offset.end(), norm.map.begin() + L.start, norm.map.begin() + L.end);
    gap = false;
    prev_heading = h;
    any = true;
  }
  if (any) para_bytes.back().second = static_cast<u32>(doc.text.size());
  {
    // The end maps just past the last kept byte.
    u32 end_at = 0;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
      if (it->kind == detail::LineKind::kBody || it->kind == detail::LineKind::kHeading) {
        end_at = norm.map[it->end];
        break;
      }
    doc.original_offset.push_back(any ? end_at : static_cast<u32>(article.text.size()));
  }

  doc.tokens.reserve(doc.text.size() / 5 + 4);
  std::vector<std::pair<u32, u32>> para_tokens;
  para_tokens.reserve(para_bytes.size());
  for (const auto& [b, e] : para_bytes) {
    const u32 tb = static_cast<u32>(doc.tokens.size());
    detail::tokenize(doc.text, b, e, doc.tokens);
    para_tokens.push_back({tb, static_cast<u32>(doc.tokens.size())});
  }
  segment(doc, para_tokens, heading);
  return doc;
}

}  // namespace geokg
