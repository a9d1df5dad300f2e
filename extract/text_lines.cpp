// The boilerplate-line stage of prepare_document (text_lines.hpp): byte
// loops over each lowercased line with table lookups, no regex.

#include "text_lines.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "geokg/core/ascii.hpp"

namespace geokg::detail {

namespace {

using u32 = std::uint32_t;

inline unsigned char ub(char c) { return static_cast<unsigned char>(c); }

constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"};

// "April 26, 2024" / "26 April 2024" somewhere in the line (lowercased).
bool has_full_date(std::string_view l) {
  // Cheap gate: a date with a year needs four digits in a row.
  int run = 0;
  bool year = false;
  for (char c : l) {
    run = is_ascii_digit(c) ? run + 1 : 0;
    if (run == 4) {
      year = true;
      break;
    }
  }
  if (!year) return false;
  for (std::size_t m = 0; m < 12; ++m) {
    for (std::size_t p = l.find(kMonths[m]); p != std::string_view::npos; p = l.find(kMonths[m], p + 1)) {
      std::size_t q = p + kMonths[m].size();
      if (q < l.size() && l[q] == ' ' && q + 1 < l.size() && is_ascii_digit(l[q + 1])) {
        std::size_t r = q + 1;
        while (r < l.size() && is_ascii_digit(l[r])) ++r;
        if (r + 2 < l.size() && l[r] == ',' && l[r + 1] == ' ' && r + 6 <= l.size() && is_ascii_digit(l[r + 2]) &&
            is_ascii_digit(l[r + 3]) && is_ascii_digit(l[r + 4]) && is_ascii_digit(l[r + 5]))
          return true;
      }
      if (p >= 2 && l[p - 1] == ' ' && is_ascii_digit(l[p - 2]) && q + 5 <= l.size() && l[q] == ' ' &&
          is_ascii_digit(l[q + 1]) && is_ascii_digit(l[q + 4]))
        return true;
    }
  }
  return false;
}

bool is_terminal_end(std::string_view l) {
  if (l.empty()) return false;
  char c = l.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  if ((c == '"' || c == '\'' || c == ')') && l.size() >= 2) {
    const char b = l[l.size() - 2];
    return b == '.' || b == '!' || b == '?' || b == ',';
  }
  return false;
}

// Words of a line, counted up to `limit` + 1: the rules only ask "at most N?".
std::size_t count_words(std::string_view l, std::size_t limit = 100) {
  std::size_t n = 0;
  bool in = false;
  for (char c : l) {
    const bool sp = c == ' ';
    if (!sp && !in && ++n > limit) break;
    in = !sp;
  }
  return n;
}

// Page furniture recognised by its words: whole short lines.
constexpr std::string_view kFurnitureLines[] = {
    "top of page", "bottom of page", "skip to content", "skip to main content", "back to top",
    "top stories", "most read", "most popular", "trending", "trending now", "related", "related articles",
    "related stories", "related news", "read more", "see all", "see more", "more stories", "recent posts",
    "latest news", "advertisement", "advertise now", "advertise with us", "sponsored", "share",
    "share this", "share this article", "share this story", "tweet", "print", "email", "e-mail",
    "comments", "comment", "reply", "like", "follow us", "follow us on", "get in touch", "contact us",
    "contact", "subscribe", "sign up", "log in", "login", "sign in", "menu", "search", "home", "close",
    "loading", "privacy policy", "terms of use", "terms and conditions", "cookie policy", "imprint",
    "all rights reserved", "x", "twitter", "facebook", "linkedin", "youtube", "instagram", "tiktok",
    "telegram", "whatsapp", "reddit", "pinterest", "threads", "bluesky", "copy link", "rss", "newsletter",
    "load more", "view comments", "show comments", "no comments", "0 comments", "previous", "next",
    "previous article", "next article", "about us", "watch", "listen", "video", "photos", "gallery"};

// Line prefixes of bylines, credits, widgets and footers (short lines only).
constexpr std::string_view kFurniturePrefixes[] = {
    "follow us", "share this", "share on ", "sign up for", "subscribe to", "read more", "related:",
    "click here", "watch:", "listen:", "copyright", "all rights reserved", "writer's picture",
    "author's picture", "profile picture", "posted by", "written by", "reporting by", "additional reporting",
    "editing by", "writing by", "compiled by", "photo:", "photograph:", "photo credit", "image:",
    "image credit", "picture:", "file photo", "(reporting by", "leave a comment", "add a comment",
    "write a comment", "log in to", "post not marked", "tags:", "categories:", "category:", "filed under",
    "updated:", "published:", "last updated", "website:", "email:", "e-mail:", "tel:", "phone:", "fax:",
    "contact:", "source link", "view original", "download the app", "get the app", "©"};

// News-agency credit words closing a caption ("... (Reuters)", "REUTERS/Name").
constexpr std::string_view kCreditMarks[] = {"reuters/", "ap photo", "getty images", "afp via", "/afp",
                                             "/reuters", "/ap", "photo by ", "(photo", "photo credit",
                                             "epa-efe", "/epa", "/xinhua", "pool via", "/pool"};
constexpr std::string_view kCreditEnds[] = {"(reuters)", "(ap)", "(afp)", "(epa)", "(xinhua)", "(getty images)",
                                            "(file photo)", "(pool)"};
constexpr std::string_view kCaptionSides[] = {", left,", ", right,", ", center,", ", centre,", " (left)",
                                              " (right)", " (l)", " (r)", ", second left,", ", second right,",
                                              ", front,", ", back,", ", top,"};
// Present-tense verbs of photo captions ("X meets with Y at ..., April 26, 2024").
constexpr std::string_view kCaptionVerbs[] = {" meets ", " speaks ", " attends ", " arrives ", " gestures ",
                                              " looks on", " waves ", " poses ", " walks ", " shakes hands",
                                              " listens ", " delivers ", " talks ", " greets ", " holds ",
                                              " stands ", " sits ", " reviews ", " inspects ", " visits "};
// Headings after which only references follow (wiki-style articles).
constexpr std::string_view kEndHeadings[] = {"sources", "references", "external links", "see also",
                                             "related news", "notes"};

bool only_social_or_bullets(std::string_view l) {
  // "* X", "* LinkedIn": a bullet with one or two words.
  return !l.empty() && l[0] == '*' && l.size() < 40 && count_words(l) <= 3;
}

bool has_image_name(std::string_view l) {
  for (auto ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp"}) {
    for (std::size_t p = l.find(ext); p != std::string_view::npos; p = l.find(ext, p + 1)) {
      const std::size_t q = p + std::strlen(ext);
      if (q == l.size() || !is_ascii_alnum(l[q])) return true;
    }
  }
  return false;
}

bool has_url_or_email(std::string_view l) {
  if (l.find("http://") != std::string_view::npos || l.find("https://") != std::string_view::npos ||
      l.find("www.") != std::string_view::npos || l.find("{at}") != std::string_view::npos ||
      l.find("(at)") != std::string_view::npos || l.find("[at]") != std::string_view::npos ||
      l.find("(dot)") != std::string_view::npos)
    return true;
  const std::size_t at = l.find('@');
  return at != std::string_view::npos && at > 0 && is_ascii_alnum(l[at - 1]) && l.find('.', at) != std::string_view::npos &&
         l.find(' ', at) > l.find('.', at);
}

// "1. First ... 2. Second ... 3. Third": an inline list of headlines.
bool is_inline_numbered_list(std::string_view l) {
  const std::size_t one = l.find("1. ");
  if (one == std::string_view::npos || l.find("2. ", one) == std::string_view::npos) return false;
  int want = 1;
  for (std::size_t i = 0; i + 2 < l.size(); ++i) {
    if ((i == 0 || l[i - 1] == ' ') && is_ascii_digit(l[i])) {
      std::size_t j = i;
      int v = 0;
      while (j < l.size() && is_ascii_digit(l[j]) && v < 1000) v = v * 10 + (l[j++] - '0');
      if (j + 1 < l.size() && l[j] == '.' && l[j + 1] == ' ' && v == want) {
        ++want;
        i = j;
      }
    }
  }
  return want > 3;
}

// Leading "12. " of a numbered line.
bool numbered_line(std::string_view l) {
  std::size_t j = 0;
  while (j < l.size() && j < 3 && is_ascii_digit(l[j])) ++j;
  return j > 0 && j + 1 < l.size() && l[j] == '.' && l[j + 1] == ' ';
}

// A postal line: a 5- or 6-digit code among few words ("Hyderabad, India 500032").
bool looks_like_address(std::string_view l) {
  if (l.size() > 120 || count_words(l) > 8 || is_terminal_end(l)) return false;
  std::size_t run = 0;
  for (std::size_t i = 0; i <= l.size(); ++i) {
    if (i < l.size() && is_ascii_digit(l[i])) {
      ++run;
      continue;
    }
    if ((run == 5 || run == 6) && (i == l.size() || !is_ascii_alpha(l[i])) && (i < run + 1 || l[i - run - 1] != ','))
      return true;
    run = 0;
  }
  for (auto w : {" rd", " road", " street", " st.", " ave", " avenue", " blvd", " suite ", " floor", "p.o. box",
                 " pvt ltd", " pvt. ltd", " llc", " gmbh"})
  {
    const std::string_view sw(w);
    if (iends_with(l, sw)) return true;
    for (std::size_t p = l.find(sw); p != std::string_view::npos; p = l.find(sw, p + 1))
      if (sw == " suite " || (p + sw.size() < l.size() && l[p + sw.size()] == ',')) return true;
  }
  return false;
}

bool is_byline(std::string_view l) {
  if (!istarts_with(l, "by ") || count_words(l) > 7 || is_terminal_end(l)) return false;
  // "By Jane Doe", "By Jane Doe and John Roe, Reuters": capitalised words.
  std::size_t i = 3;
  while (i < l.size()) {
    while (i < l.size() && (l[i] == ' ' || l[i] == ',')) ++i;
    if (i >= l.size()) break;
    const std::size_t w = i;
    while (i < l.size() && l[i] != ' ' && l[i] != ',') ++i;
    const std::string_view word = l.substr(w, i - w);
    if (word == "and" || word == "in" || word == "&") continue;
    if (!is_ascii_upper(word[0]) && ub(word[0]) < 0x80) return false;
  }
  return true;
}

// Photo caption: a credit at its end, or a "left,"/"right," position with a date.
bool is_caption(std::string_view l) {
  std::size_t e = l.size();
  while (e > 0 && (l[e - 1] == ' ' || l[e - 1] == '.')) --e;
  const std::string_view body = l.substr(0, e);
  if (body.size() > 2 && body.back() == '/' && is_ascii_alpha(body[body.size() - 2])) {
    // "... in Nairobi, Kenya. Jane Doe/": a short credit after the
    // caption's last sentence, or a credit line of its own.
    const std::size_t stop = body.rfind(". ");
    const std::string_view credit = stop == std::string_view::npos ? body : body.substr(stop + 2);
    if (count_words(credit, 5) <= 4) return true;
  }
  for (auto c : kCreditEnds)
    if (iends_with(body, c)) return true;
  // A credit closes the caption ("... REUTERS/Name", "(AP Photo/Name)"):
  // only the line's tail is searched, which keeps paragraphs cheap.
  {
    const std::string_view tail = l.size() > 64 ? l.substr(l.size() - 64) : l;
    bool credit = false;
    for (auto c : kCreditMarks) {
      // Whole marks only: "/ap" is no credit in "March/April".
      for (std::size_t p = tail.find(c); p != std::string_view::npos && !credit; p = tail.find(c, p + 1))
        if (p + c.size() == tail.size() || !is_ascii_alpha(tail[p + c.size()]) || !is_ascii_alpha(c.back())) credit = true;
    }
    if (credit && l.size() <= 600) return true;
  }
  const bool date = has_full_date(l);
  if (!date) return false;
  bool side = false;
  for (auto c : kCaptionSides)
    if (l.find(c) != std::string_view::npos) side = true;
  if (side) return true;
  // Present-tense caption: the date and place close the line and nobody "said" anything.
  if (l.size() <= 450 && l.find(" said") == std::string_view::npos &&
      has_full_date(l.substr(l.size() > 60 ? l.size() - 60 : 0))) {
    for (auto v : kCaptionVerbs)
      if (l.find(v) != std::string_view::npos) {
        // Captions put the date and place last: "..., April 26, 2024, in Beijing, China."
        return true;
      }
  }
  return false;
}

bool matches_any(std::string_view l, const std::string_view* list, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (ieq(l, list[i])) return true;
  return false;
}

// Strips bullets and trailing colons for whole-line comparisons.
std::string_view core_of(std::string_view l) {
  while (!l.empty() && (l.front() == '*' || l.front() == '-' || l.front() == ' ' || l.front() == '|')) l.remove_prefix(1);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ' || l.back() == '|' || l.back() == '>')) l.remove_suffix(1);
  return l;
}

// A line's text in `text` (the original or its lowercased copy).
std::string_view line_text(const std::string& text, const Line& l) {
  return std::string_view(text).substr(l.start, l.end - l.start);
}

// Splits into lines trimmed of spaces; blank ones are kBlank, the others
// kBody, a block starting after a blank line (or the text's start).
void split_lines(const std::string& text, std::vector<Line>& lines) {
  u32 pos = 0;
  bool after_blank = true;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    u32 s = pos, e = static_cast<u32>(eol);
    while (s < e && text[s] == ' ') ++s;
    while (e > s && text[e - 1] == ' ') --e;
    Line l;
    l.start = s;
    l.end = e;
    l.kind = s == e ? LineKind::kBlank : LineKind::kBody;
    l.block_start = after_blank && s != e;
    after_blank = s == e;
    lines.push_back(l);
    if (eol == text.size()) break;
    pos = static_cast<u32>(eol + 1);
  }
}

// Hard-wrapped prose: a long line that continues on the next line of its block.
void mark_wrapped(const std::string& text, std::vector<Line>& lines) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const Line& a = lines[i];
    const Line& b = lines[i + 1];
    if (a.kind == LineKind::kBlank || b.kind == LineKind::kBlank) continue;
    const std::string_view av = line_text(text, a), bv = line_text(text, b);
    if ((av.size() >= 40 && (is_ascii_lower(bv[0]) || av.back() == ',' || av.back() == '-')) ||
        (is_ascii_lower(av.back()) && av.size() >= 60 && bv.size() >= 60)) {
      lines[i].wrapped = true;
      lines[i + 1].wrapped = true;
    }
  }
}

// Page furniture on one line, whatever its neighbours: no letter at all,
// menu words, copyright notes, links and image names, "a | b" bars,
// inline numbered lists, social buttons, bylines, captions, addresses.
// `l` is the lowercased line, `orig` as written, `core` without bullets.
bool is_furniture_line(std::string_view l, std::string_view orig, std::string_view core, std::size_t words,
                       bool terminal) {
  bool has_letter = false;
  for (char c : l)
    if (is_ascii_alpha(c)) {
      has_letter = true;
      break;
    }
  bool drop = !has_letter;  // "48:32", bullets, non-Latin widget labels
  if (!drop && words <= 12) {
    drop = matches_any(core, kFurnitureLines, std::size(kFurnitureLines));
    for (auto p : kFurniturePrefixes)
      if (!drop && istarts_with(core, p)) drop = true;
  }
  if (!drop && (l.find("\xC2\xA9") != std::string_view::npos || istarts_with(l, "(c) ")) && words <= 30) drop = true;
  if (!drop && words <= 15 && (has_url_or_email(l) || has_image_name(l))) drop = true;
  if (!drop && l.find('|') != std::string_view::npos && l.find(" | ") != std::string_view::npos &&
      (!terminal || l.find(" | ", l.find(" | ") + 3) != std::string_view::npos))
    drop = true;
  if (!drop && is_inline_numbered_list(l)) drop = true;
  if (!drop && only_social_or_bullets(l)) drop = true;
  if (!drop && is_byline(orig)) drop = true;
  if (!drop && l.size() <= 600 && is_caption(l)) drop = true;
  if (!drop && looks_like_address(l)) drop = true;
  return drop;
}

// Each line measured (words, short-ish) and furniture dropped; once the
// story has started, a trailing "Source: <agency>" line or a references
// heading ends it and every line after goes.
void drop_furniture(const std::string& text, const std::string& lowered, std::vector<Line>& lines) {
  bool story_started = false, story_ended = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& L = lines[i];
    if (L.kind == LineKind::kBlank) continue;
    if (story_ended) {
      L.kind = LineKind::kDrop;
      continue;
    }
    const std::string_view orig = line_text(text, L);
    const std::string_view l = line_text(lowered, L);
    const std::size_t words = count_words(l, 32);
    L.words = static_cast<std::uint32_t>(words);
    const bool terminal = is_terminal_end(l);
    L.shortish = !L.wrapped && !terminal && words <= 15 && l.size() < 130;
    const std::string_view core = core_of(l);
    const bool drop = is_furniture_line(l, orig, core, words, terminal);
    if (story_started && !drop && ((istarts_with(l, "source:") || istarts_with(l, "sources:")) && words <= 8)) {
      L.kind = LineKind::kDrop;
      story_ended = true;
      continue;
    }
    if (story_started && !drop && matches_any(core, kEndHeadings, std::size(kEndHeadings)) && words <= 3) {
      L.kind = LineKind::kDrop;
      story_ended = true;
      continue;
    }
    if (drop) {
      L.kind = LineKind::kDrop;
      continue;
    }
    if (!L.shortish && words >= 8) story_started = true;
  }
}

// Repeated title or headline lines: the first stays (as a heading when it
// is the title), later copies go.
void drop_repeats(const std::string& lowered, std::string_view title, std::vector<Line>& lines) {
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == LineKind::kBlank) continue;
    const std::string_view l = line_text(lowered, lines[i]);
    if (l.size() > 250) continue;
    const bool repeated = !seen.insert(l).second;
    if (lines[i].kind == LineKind::kDrop) continue;
    if (repeated) lines[i].kind = LineKind::kDrop;
    else if (!title.empty() && ieq(l, title)) lines[i].kind = LineKind::kHeading;
  }
}

// Runs of three or more short headline-like/link-like lines (blank lines do not
// break a run): menus, "Top Stories" lists, addresses, widget labels.
void drop_short_runs(std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].kind == LineKind::kBlank || !lines[i].shortish) {
      ++i;
      continue;
    }
    std::size_t j = i, members = 0, last = i;
    while (j < lines.size() && (lines[j].kind == LineKind::kBlank || lines[j].shortish)) {
      if (lines[j].kind != LineKind::kBlank) {
        ++members;
        last = j;
      }
      ++j;
    }
    if (members >= 3)
      for (std::size_t k = i; k <= last; ++k)
        if (lines[k].kind != LineKind::kBlank) lines[k].kind = LineKind::kDrop;
    i = last + 1;
  }
}

// Runs of three or more numbered headline lines ("1. ...", "2. ...").
void drop_numbered_runs(const std::string& text, std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i, members = 0;
    while (j < lines.size() && (lines[j].kind == LineKind::kBlank ||
                                (numbered_line(line_text(text, lines[j])) && lines[j].words <= 20))) {
      if (lines[j].kind != LineKind::kBlank) ++members;
      ++j;
    }
    if (members >= 3)
      for (std::size_t k = i; k < j; ++k)
        if (lines[k].kind != LineKind::kBlank) lines[k].kind = LineKind::kDrop;
    i = j > i ? j : i + 1;
  }
}

// What is left and short without a sentence end is a heading: the title,
// section headings ("STEADYING THE SHIP").
void mark_headings(const std::string& text, std::vector<Line>& lines) {
  for (auto& L : lines) {
    if (L.kind != LineKind::kBody || L.wrapped || L.end - L.start > 200) continue;
    const std::string_view l = line_text(text, L);
    bool all_caps = true;
    int letters = 0;
    for (char c : l) {
      if (is_ascii_lower(c)) all_caps = false;
      if (is_ascii_alpha(c)) ++letters;
    }
    if (L.shortish || (all_caps && letters >= 4 && L.words <= 20)) L.kind = LineKind::kHeading;
  }
}

// A text that is one short line ("The United States will supply arms to
// Israel") is a one-sentence story, not a heading over nothing.
void keep_one_line_story(const std::string& text, std::string_view title, std::vector<Line>& lines) {
  std::size_t kept = 0;
  Line* only = nullptr;
  for (auto& L : lines)
    if (L.kind == LineKind::kBody || L.kind == LineKind::kHeading) {
      ++kept;
      only = &L;
    }
  if (kept == 1 && only->kind == LineKind::kHeading && only->words >= 4 &&
      (title.empty() || line_text(text, *only) != title))
    only->kind = LineKind::kBody;
}

}  // namespace

void classify_lines(const std::string& text, const std::string& lowered, std::string_view title,
                    std::vector<Line>& lines) {
  split_lines(text, lines);
  mark_wrapped(text, lines);
  drop_furniture(text, lowered, lines);
  drop_repeats(lowered, title, lines);
  drop_short_runs(lines);
  drop_numbered_runs(text, lines);
  mark_headings(text, lines);
  keep_one_line_story(text, title, lines);
}

}  // namespace geokg::detail
