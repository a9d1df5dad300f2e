// Time anchoring. Resolution rules (news convention: the story is written on
// its anchor date and mostly reports the past):
//  - "Friday", "on Friday": the latest Friday not after the anchor (the anchor
//    itself when it is a Friday); "last Friday": strictly before the anchor;
//    "next Friday", or any weekday in a sentence about the future ("will",
//    "next", "scheduled", "due", "expected"): the earliest one on or after the
//    anchor ("next Friday": strictly after).
//  - A month without a year ("in November", "the November summit"): the
//    latest such month not after the anchor's month, so a month equal to the
//    anchor's month is that same month (a story of 2024-11-20 saying "in
//    November" means November 2024); in a future sentence, the earliest one
//    not before the anchor's month.
//  - A day and month without a year ("March 3", "Feb. 3"): the anchor's year,
//    unless that puts it more than a month after the anchor (then the year
//    before) or, in a future sentence, more than a month before (the year after).
//  - "last week", "this week", "N weeks ago": month precision (the model has
//    no week precision); "N days ago", yesterday, today, tomorrow: day.
//  - Absolute forms ("April 26, 2024", "26 April 2024", "February 2023",
//    "in 2022", ISO dates) resolve without an anchor; relative ones are left
//    out when the anchor is unknown.

#include "geokg/extract/time.hpp"

#include <algorithm>
#include <charconv>

#include "geokg/core/ascii.hpp"
#include "tokenize.hpp"

namespace geokg {

namespace {

using u32 = std::uint32_t;

// The view the matcher works on: text and tokens, any span of them.
struct View {
  std::string_view text;
  const std::vector<Token>* tokens;
  u32 begin, end;
  std::string_view w(u32 k) const {
    const Token& t = (*tokens)[k];
    return text.substr(t.start, t.end - t.start);
  }
  bool is(u32 k, std::string_view s) const { return k >= begin && k < end && ieq(w(k), s); }
  std::uint16_t flags(u32 k) const { return (*tokens)[k].flags; }
};

// 1..12 for "February", "Feb", "Feb.", "Sept."; 0 otherwise. Needs a capital
// (or all caps) so that "may", "march" as verbs are not months.
int month_of(std::string_view w) {
  static constexpr std::string_view kFull[] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3 || w.size() > 10 || !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
  if (w.back() == '.') w.remove_suffix(1);
  // Candidates by first letter, so that most capitalised words cost one switch.
  int first = 0, last = -1;
  switch (w[0]) {
    case 'J': first = 0, last = 6; break;  // January, June, July (and the ones between, rejected by compare)
    case 'F': first = last = 1; break;
    case 'M': first = 2, last = 4; break;
    case 'A': first = 3, last = 7; break;
    case 'S': first = last = 8; break;
    case 'O': first = last = 9; break;
    case 'N': first = last = 10; break;
    case 'D': first = last = 11; break;
    default: return 0;
  }
  for (int m = first; m <= last; ++m) {
    if (ascii_lower(kFull[m][0]) != ascii_lower(w[0])) continue;
    if (ieq(w, kFull[m])) return m + 1;
    if (w.size() == 3 && ieq(w, kFull[m].substr(0, 3))) return m + 1;
  }
  if (w[0] == 'S' && ieq(w, "sept")) return 9;
  return 0;
}

constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int weekday_of(std::string_view w) {  // 0 = Monday
  if (w.size() < 6 || w.size() > 9) return -1;
  switch (w[0]) {
    case 'M': case 'T': case 'W': case 'F': case 'S': break;
    default: return -1;
  }
  for (int d = 0; d < 7; ++d)
    if (ieq(w, kDays[d])) return d;
  return -1;
}

// A plain integer token ("26", "26th", "2024"); -1 otherwise.
int number_of(std::string_view w, bool allow_ordinal) {
  int v = 0;
  std::size_t i = 0;
  for (; i < w.size() && w[i] >= '0' && w[i] <= '9'; ++i) {
    v = v * 10 + (w[i] - '0');
    if (v > 100000) return -1;
  }
  if (i == 0) return -1;
  if (i == w.size()) return v;
  if (allow_ordinal) {
    const std::string_view s = w.substr(i);
    if (ieq(s, "st") || ieq(s, "nd") || ieq(s, "rd") || ieq(s, "th")) return v;
  }
  return -1;
}

int count_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"a", "one", "two", "three", "four", "five", "six",
                                                "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i < 13; ++i)
    if (ieq(w, kWords[i])) return i == 0 ? 1 : i;
  if (ieq(w, "an")) return 1;
  const int n = number_of(w, false);
  return n > 0 && n < 1000 ? n : -1;
}

bool is_year(int y) { return y >= 1800 && y <= 2100; }

Date add_days(const Date& d, std::int64_t n) { return Date::FromDaysSinceEpoch(d.days_since_epoch() + n); }

Date add_months(const Date& anchor, int n) {
  int m = anchor.year * 12 + (anchor.month - 1) + n;
  return Date::Month(m / 12, m % 12 + 1);
}

bool day_anchor(const Date& a) { return a.precision == DatePrecision::kDay; }

struct Match {
  u32 end = 0;  // token after the expression
  Date date;
};

// Month and day without a year, placed next to the anchor.
std::optional<Date> place_day(int month, int day, const Date& anchor, bool future) {
  if (!day_anchor(anchor)) return std::nullopt;
  int y = anchor.year;
  if (day < 1 || day > days_in_month(y, month)) return std::nullopt;
  Date d = Date::Day(y, month, day);
  const auto diff = d.days_since_epoch() - anchor.days_since_epoch();
  if (!future && diff > 31) y -= 1;
  if (future && diff < -31) y += 1;
  if (day > days_in_month(y, month)) return std::nullopt;
  return Date::Day(y, month, day);
}

std::optional<Date> place_month(int month, const Date& anchor, bool future) {
  if (anchor.precision < DatePrecision::kMonth) return std::nullopt;
  int y = anchor.year;
  if (!future && month > anchor.month) y -= 1;
  if (future && month < anchor.month) y += 1;
  return Date::Month(y, month);
}

std::optional<Date> make_day(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date::Day(y, m, d);
}

// A month name alone ("in November", "last March"); "May" also is a modal
// verb, and "Mar", "Jan" alone are too ambiguous, so they need a word such
// as a preposition before them.
std::optional<Match> bare_month(const View& v, u32 k, int m, const Date& anchor, bool future) {
  const std::string_view w = v.w(k);
  const bool prep = k > v.begin && (v.is(k - 1, "in") || v.is(k - 1, "since") || v.is(k - 1, "until") ||
                                    v.is(k - 1, "of") || v.is(k - 1, "from") || v.is(k - 1, "by") ||
                                    v.is(k - 1, "early") || v.is(k - 1, "late") || v.is(k - 1, "last") ||
                                    v.is(k - 1, "next") || v.is(k - 1, "this") || v.is(k - 1, "the") ||
                                    v.is(k - 1, "during") || v.is(k - 1, "mid") || v.is(k - 1, "-"));
  if (m == 5 && !prep) return std::nullopt;
  if (w.size() <= 4 && !prep) return std::nullopt;
  if (k > v.begin && v.is(k - 1, "last")) {
    if (anchor.precision < DatePrecision::kMonth) return std::nullopt;
    const int y = m < anchor.month ? anchor.year : anchor.year - 1;
    return Match{k + 1, Date::Month(y, m)};
  }
  if (k > v.begin && v.is(k - 1, "next")) {
    if (anchor.precision < DatePrecision::kMonth) return std::nullopt;
    const int y = m > anchor.month ? anchor.year : anchor.year + 1;
    return Match{k + 1, Date::Month(y, m)};
  }
  if (auto d = place_month(m, anchor, future)) return Match{k + 1, *d};
  return std::nullopt;
}

// After the month name at k: a day and year ("April 26, 2024"), a day
// placed next to the anchor ("Feb. 3"), a year ("February 2023"), else
// the bare month.
std::optional<Match> month_first(const View& v, u32 k, int m, const Date& anchor, bool future) {
  const u32 e = v.end;
  u32 j = k + 1;
  if (j < e && v.w(j) == ".") ++j;
  if (j < e) {
    const int day = number_of(v.w(j), true);
    if (day >= 1 && day <= 31 && v.w(j).size() <= 4) {
      u32 after = j + 1;
      // ", 2024" or " 2024"
      u32 y = after;
      if (y < e && v.w(y) == ",") ++y;
      const int year = y < e ? number_of(v.w(y), false) : -1;
      if (year > 0 && is_year(year) && v.w(y).size() == 4) {
        if (auto d = make_day(year, m, day)) return Match{y + 1, *d};
        return std::nullopt;
      }
      if (auto d = place_day(m, day, anchor, future)) return Match{after, *d};
      return std::nullopt;
    }
    const int year = number_of(v.w(j), false);
    if (year > 0 && is_year(year) && v.w(j).size() == 4) return Match{j + 1, Date::Month(year, m)};
  }
  return bare_month(v, k, m, anchor, future);
}

// Day first: "26 April 2024", "3 March". False when token k does not start
// a day followed by a month name (`out` is then untouched).
bool day_first(const View& v, u32 k, const Date& anchor, bool future, std::optional<Match>& out) {
  const u32 e = v.end;
  const std::string_view w = v.w(k);
  const int day = number_of(w, true);
  if (!(day >= 1 && day <= 31 && w.size() <= 4 && k + 1 < e)) return false;
  const int m = month_of(v.w(k + 1));
  if (!(m && v.w(k + 1).size() > 3)) return false;
  u32 y = k + 2;
  if (y < e && v.w(y) == ",") ++y;
  const int year = y < e ? number_of(v.w(y), false) : -1;
  if (year > 0 && is_year(year) && v.w(y).size() == 4) {
    if (auto d = make_day(year, m, day)) out = Match{y + 1, *d};
    return true;
  }
  if (auto d = place_day(m, day, anchor, future)) out = Match{k + 2, *d};
  return true;
}

// A weekday (0 = Monday) at k, with "last"/"next" before it.
std::optional<Match> weekday_at(const View& v, u32 k, int wd, const Date& anchor, bool future) {
  if (!day_anchor(anchor)) return std::nullopt;
  if (k > v.begin && (v.is(k - 1, "Good") || v.is(k - 1, "Black") || v.is(k - 1, "Holy")))
    return std::nullopt;  // named days, not dates
  const int aw = anchor.weekday();
  int back = (aw - wd + 7) % 7, fwd = (wd - aw + 7) % 7;
  if (k > v.begin && v.is(k - 1, "last")) return Match{k + 1, add_days(anchor, -(back == 0 ? 7 : back))};
  if (k > v.begin && v.is(k - 1, "next")) return Match{k + 1, add_days(anchor, fwd == 0 ? 7 : fwd)};
  return Match{k + 1, future ? add_days(anchor, fwd) : add_days(anchor, -back)};
}

// "today", "tonight", "yesterday", "tomorrow"; false for any other word.
bool near_day(std::string_view w, u32 k, const Date& anchor, std::optional<Match>& out) {
  int shift = 0;
  if (ieq(w, "today") || ieq(w, "tonight")) shift = 0;
  else if (ieq(w, "yesterday")) shift = -1;
  else if (ieq(w, "tomorrow")) shift = 1;
  else return false;
  if (day_anchor(anchor)) out = Match{k + 1, shift == 0 ? anchor : add_days(anchor, shift)};
  return true;
}

// "last week", "this year", "earlier this month", "next year", "past
// year", "last night", "this morning". False when none starts at k.
bool relative_period(const View& v, u32 k, const Date& anchor, std::optional<Match>& out) {
  u32 j = k;
  if (ieq(v.w(k), "earlier") || ieq(v.w(k), "later")) ++j;
  if (!(j + 1 < v.end && (v.is(j, "last") || v.is(j, "this") || v.is(j, "next") || v.is(j, "past")))) return false;
  const std::string_view unit = v.w(j + 1);
  const int dir = v.is(j, "last") || v.is(j, "past") ? -1 : v.is(j, "next") ? 1 : 0;
  if (j > k && dir != 0) return true;  // "earlier last year": leave it
  if (ieq(unit, "year")) {
    if (anchor.known()) out = Match{j + 2, Date::Year(anchor.year + dir)};
    return true;
  }
  if (ieq(unit, "month")) {
    if (anchor.precision >= DatePrecision::kMonth) out = Match{j + 2, add_months(anchor, dir)};
    return true;
  }
  if (ieq(unit, "week") || ieq(unit, "weekend")) {
    if (!day_anchor(anchor)) return true;
    const Date d = add_days(anchor, 7 * dir);
    out = Match{j + 2, Date::Month(d.year, d.month)};
    return true;
  }
  if (ieq(unit, "night") && dir == -1) {
    if (day_anchor(anchor)) out = Match{j + 2, add_days(anchor, -1)};
    return true;
  }
  // "this morning", "this evening": the article's day.
  if (dir == 0 && j == k && (ieq(unit, "morning") || ieq(unit, "afternoon") || ieq(unit, "evening"))) {
    if (day_anchor(anchor)) out = Match{j + 2, anchor};
    return true;
  }
  return false;
}

// "two days ago", "a week ago", "three years ago": `n` units before the
// anchor, the unit at k + 1 and "ago" at k + 2.
std::optional<Match> units_ago(const View& v, u32 k, int n, const Date& anchor) {
  const std::string_view unit = v.w(k + 1);
  const auto is_unit = [&](std::string_view u) { return ieq(unit, u) || (unit.size() == u.size() + 1 && ieq(unit.substr(0, u.size()), u)); };
  if (is_unit("day") && day_anchor(anchor)) return Match{k + 3, add_days(anchor, -n)};
  if (is_unit("week") && day_anchor(anchor)) {
    const Date d = add_days(anchor, -7 * n);
    return Match{k + 3, Date::Month(d.year, d.month)};
  }
  if (is_unit("month") && anchor.precision >= DatePrecision::kMonth) return Match{k + 3, add_months(anchor, -n)};
  if (is_unit("year") && anchor.known()) return Match{k + 3, Date::Year(anchor.year - n)};
  return std::nullopt;
}

// A year after a preposition: "in 2022", "during 1986", "early 1987". Not
// a year that bounds a period or sets a target ("by 2021", "since 1979",
// "until 1990", "before 1988": the event of the clause is not in it), nor
// one that modifies a noun ("the 1976 Berne Agreement", "the 2021 target",
// "the 1986 level": the thing named is from that year, the event is not).
std::optional<Match> year_after_preposition(const View& v, u32 k) {
  const std::string_view w = v.w(k);
  const u32 e = v.end;
  const int y = number_of(w, false);
  if (!(y > 0 && w.size() == 4 && is_year(y) && k > v.begin)) return std::nullopt;
  const u32 p = k - 1;
  if (!(v.is(p, "in") || v.is(p, "from") || v.is(p, "during") || v.is(p, "of") || v.is(p, "early") ||
        v.is(p, "late") || v.is(p, "and") || v.is(p, "the") || v.is(p, "between") || v.is(p, "year") ||
        v.is(p, "-") || v.is(p, "mid")))
    return std::nullopt;
  if (k + 1 < e && (v.w(k + 1) == "%" || v.w(k + 1) == "-" || v.w(k + 1) == "/")) return std::nullopt;
  // "the 1986 level", "the 1911 treaty": after "the", a word that is
  // not punctuation makes the year a modifier.
  if (v.is(p, "the") && k + 1 < e && !(v.flags(k + 1) & kTokPunct)) return std::nullopt;
  // "from 1988 onwards", "of 1990 or later": an open period.
  if (k + 1 < e && (v.is(k + 1, "onwards") || v.is(k + 1, "onward") || v.is(k + 1, "on"))) return std::nullopt;
  return Match{k + 1, Date::Year(y)};
}

// One expression starting at token k; nullopt when none starts there. The
// first kind of expression that claims the token decides, even when it
// then yields no date (a relative date without an anchor).
std::optional<Match> match_at(const View& v, u32 k, const Date& anchor, bool future) {
  const std::string_view w = v.w(k);
  // ISO date "2024-04-26".
  if (w.size() == 10 && w[4] == '-' && w[7] == '-')
    if (auto d = Date::Parse(w)) return Match{k + 1, *d};
  // Month first: "April 26, 2024", "Feb. 3", "February 2023", "in November".
  if (int m = month_of(w)) return month_first(v, k, m, anchor, future);
  std::optional<Match> found;
  if (day_first(v, k, anchor, future, found)) return found;
  if (int wd = weekday_of(w); wd >= 0) return weekday_at(v, k, wd, anchor, future);
  if (near_day(w, k, anchor, found)) return found;
  if (relative_period(v, k, anchor, found)) return found;
  if (int n = count_word(w); n > 0 && k + 2 < v.end && v.is(k + 2, "ago")) return units_ago(v, k, n, anchor);
  return year_after_preposition(v, k);
}

bool future_marker(const View& v, u32 k) {
  const std::string_view w = v.w(k);
  if (w.size() < 3 || w.size() > 9) return false;
  switch (w[0] | 0x20) {
    case 'w': return ieq(w, "will");
    case 's': return ieq(w, "shall") || ieq(w, "scheduled");
    case 'n': return ieq(w, "next");
    case 'd': return ieq(w, "due");
    case 'u': return ieq(w, "upcoming");
    case 'e': return ieq(w, "expected");
    case '\'': return ieq(w, "'ll");
    case 'p': return ieq(w, "plans") || ieq(w, "planned");
    default: return false;
  }
}

// Only capitalised words, numbers and a few lower-case words can start an
// expression; everything else is skipped without a lookup.
bool may_start(const View& v, u32 k) {
  const std::uint16_t f = v.flags(k);
  if (f & kTokNumber) return true;
  if (f & kTokCapitalized) {
    // Month, weekday and relative words are 1 to 9 letters (plus a period).
    const Token& t = (*v.tokens)[k];
    return t.end - t.start <= 10;
  }
  if (f & kTokPunct) return false;
  const std::string_view w = v.w(k);
  switch (w[0]) {
    case 't': return w == "today" || w == "tonight" || w == "tomorrow" || w == "this" || w == "two" || w == "three" || w == "ten" || w == "twelve";
    case 'y': return w == "yesterday";
    case 'l': return w == "last" || w == "later";
    case 'n': return w == "next" || w == "nine";
    case 'p': return w == "past";
    case 'e': return w == "earlier" || w == "eight" || w == "eleven";
    case 'a': return w == "a" || w == "an";
    case 'o': return w == "one";
    case 'f': return w == "four" || w == "five";
    case 's': return w == "six" || w == "seven";
    default: return false;
  }
}

template <typename F>
void scan(const View& v, const Date& anchor, F&& on_match) {
  bool future = false;
  for (u32 k = v.begin; k < v.end;) {
    if (!future && !(v.flags(k) & kTokPunct) && future_marker(v, k)) future = true;
    if (!may_start(v, k)) {
      ++k;
      continue;
    }
    if (auto m = match_at(v, k, anchor, future)) {
      u32 b = k;
      // Modifiers belong to the expression: "last Friday", "earlier this month".
      if (b > v.begin && (v.is(b - 1, "last") || v.is(b - 1, "next")) && (weekday_of(v.w(k)) >= 0 || month_of(v.w(k))))
        --b;
      on_match(b, m->end, m->date);
      k = std::max(m->end, k + 1);
      continue;
    }
    ++k;
  }
}

// A full date with a year in a span of text: the caption or dateline date.
std::optional<Date> first_full_date(std::string_view text) {
  std::vector<Token> toks;
  detail::tokenize(text, 0, static_cast<u32>(text.size()), toks);
  View v{text, &toks, 0, static_cast<u32>(toks.size())};
  std::optional<Date> found;
  scan(v, Date{}, [&](u32, u32, const Date& d) {
    if (!found && d.precision == DatePrecision::kDay) found = d;
  });
  return found;
}

}  // namespace

void anchor_times(Document& doc) {
  doc.times.clear();
  doc.anchor = doc.article ? doc.article->date : Date{};
  if (!doc.anchor.known() && doc.dateline_end > doc.dateline_start) {
    if (auto d = first_full_date(std::string_view(doc.text).substr(doc.dateline_start, doc.dateline_end - doc.dateline_start)))
      doc.anchor = *d;
  }
  if (!doc.anchor.known() && doc.article) {
    // Captions and leading dates are dropped from the text: look at the
    // original text before the first story sentence.
    const u32 body = doc.sentences.empty() ? 0 : doc.to_original(doc.sentences.front().start);
    const std::string_view& orig = doc.article->text;
    const std::string_view head = std::string_view(orig).substr(0, std::min<std::size_t>({body, orig.size(), 4096}));
    if (auto d = first_full_date(head)) doc.anchor = *d;
  }
  const View whole{doc.text, &doc.tokens, 0, 0};
  for (u32 s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    View v = whole;
    v.begin = sent.token_begin;
    v.end = sent.token_end;
    scan(v, doc.anchor, [&](u32 b, u32 e, const Date& d) {
      TimeExpression t;
      t.sentence = s;
      t.token_begin = b;
      t.token_end = e;
      t.date = d;
      doc.times.push_back(t);
    });
  }
}

bool names_weekday(std::string_view word) {
  for (std::string_view d : kDays)
    if (ieq(word, d)) return true;
  return false;
}

std::optional<Date> resolve_time_expression(std::string_view expression, const Date& anchor) {
  std::vector<Token> toks;
  detail::tokenize(expression, 0, static_cast<u32>(expression.size()), toks);
  u32 b = 0, e = static_cast<u32>(toks.size());
  View v{expression, &toks, 0, e};
  while (e > b && (v.w(e - 1) == "." || v.w(e - 1) == ",")) --e;
  // A leading preposition is allowed: "on Friday", "in February 2023".
  static constexpr std::string_view kPreps[] = {"on", "in", "since", "during", "by", "from", "until", "at", "of"};
  if (b < e)
    for (auto p : kPreps)
      if (ieq(v.w(b), p) && b + 1 < e) {
        ++b;
        break;
      }
  if (b >= e) return std::nullopt;
  const bool future = v.is(b, "next");
  View span{expression, &toks, b, e};
  // Let "in" stay visible to the bare-month rule ("in November").
  span.begin = b > 0 ? b - 1 : b;
  if (auto m = match_at(span, b, anchor, future); m && m->end == e) return m->date;
  // Modifier first ("last Friday", "earlier this month", "next year").
  if (b + 1 < e && (v.is(b, "last") || v.is(b, "next")))
    if (auto m = match_at(span, b + 1, anchor, future); m && m->end == e) return m->date;
  // A bare year: "2022".
  if (e == b + 1) {
    const int y = number_of(v.w(b), false);
    if (v.w(b).size() == 4 && is_year(y)) return Date::Year(y);
  }
  return std::nullopt;
}

}  // namespace geokg
