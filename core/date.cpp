#include "geokg/core/date.hpp"

#include <charconv>
#include <cstdio>

namespace geokg {

namespace {
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

Date Date::first_day() const {
  if (precision == DatePrecision::kYear) return Day(year, 1, 1);
  if (precision == DatePrecision::kMonth) return Day(year, month, 1);
  return *this;
}

Date Date::last_day() const {
  if (precision == DatePrecision::kYear) return Day(year, 12, 31);
  if (precision == DatePrecision::kMonth) return Day(year, month, days_in_month(year, month));
  return *this;
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

Date Date::FromKey(std::int32_t key) {
  if (key <= 0) return {};
  Date d{key / 10000, (key / 100) % 100, key % 100, DatePrecision::kDay};
  if (d.month == 0) d.precision = DatePrecision::kYear;
  else if (d.day == 0) d.precision = DatePrecision::kMonth;
  return d;
}

std::string Date::iso() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::kNone: return {};
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
  }
  return buf;
}

std::optional<Date> Date::Parse(std::string_view text) {
  // Drop a time part such as "T12:00:00Z" or " 12:00".
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) text = text.substr(0, 10);
  int y = 0, m = 0, d = 0;
  if (text.size() == 4) {
    if (!parse_int(text, y)) return std::nullopt;
    return Date::Year(y);
  }
  if (text.size() == 7 && text[4] == '-') {
    if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) || m < 1 || m > 12)
      return std::nullopt;
    return Date::Month(y, m);
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
        !parse_int(text.substr(8, 2), d))
      return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date::Day(y, m, d);
  }
  return std::nullopt;
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t Date::days_since_epoch() const {
  int y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date Date::FromDaysSinceEpoch(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2 ? 1 : 0);
  return Date::Day(y, m, d);
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const std::int64_t w = (days_since_epoch() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

bool Date::compatible(const Date& o) const {
  if (!known() || !o.known()) return true;
  if (year != o.year) return false;
  if (precision == DatePrecision::kYear || o.precision == DatePrecision::kYear) return true;
  if (month != o.month) return false;
  if (precision == DatePrecision::kMonth || o.precision == DatePrecision::kMonth) return true;
  return day == o.day;
}

const char* to_string(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kNone: break;
  }
  return "none";
}

std::optional<DatePrecision> precision_from_string(std::string_view s) {
  if (s == "day") return DatePrecision::kDay;
  if (s == "month") return DatePrecision::kMonth;
  if (s == "year") return DatePrecision::kYear;
  if (s == "none" || s.empty()) return DatePrecision::kNone;
  return std::nullopt;
}

}  // namespace geokg
