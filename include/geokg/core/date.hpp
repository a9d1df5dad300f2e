#pragma once
// Calendar dates with a precision (day, month, year), as news gives them:
// "on Friday" is a day, "in February 2023" a month, "in 2022" a year.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace geokg {

enum class DatePrecision : std::uint8_t { kNone = 0, kYear = 1, kMonth = 2, kDay = 3 };

struct Date {
  int year = 0;     // 0 when unknown
  int month = 0;    // 1..12, 0 when precision < month
  int day = 0;      // 1..31, 0 when precision < day
  DatePrecision precision = DatePrecision::kNone;

  static Date Day(int y, int m, int d) { return {y, m, d, DatePrecision::kDay}; }
  static Date Month(int y, int m) { return {y, m, 0, DatePrecision::kMonth}; }
  static Date Year(int y) { return {y, 0, 0, DatePrecision::kYear}; }

  bool known() const { return precision != DatePrecision::kNone; }

  // yyyymmdd with zeros for the unknown parts; 0 when unknown. Sorts in
  // calendar order, a month-precise date before the days of that month.
  std::int32_t key() const { return known() ? year * 10000 + month * 100 + day : 0; }
  static Date FromKey(std::int32_t key);

  // "2024-04-26", "2023-02", "2022", "" when unknown.
  std::string iso() const;
  // Accepts YYYY, YYYY-MM, YYYY-MM-DD (and a trailing time part, ignored).
  // Returns nullopt for anything else or an impossible calendar date.
  static std::optional<Date> Parse(std::string_view text);

  // Days since 1970-01-01 (proleptic Gregorian); REQUIRES: precision == kDay.
  std::int64_t days_since_epoch() const;
  static Date FromDaysSinceEpoch(std::int64_t days);
  // 0 = Monday … 6 = Sunday; REQUIRES: precision == kDay.
  int weekday() const;

  // The first and last day a known date covers ("2024-02": 2024-02-01 and
  // 2024-02-29; a day: itself). REQUIRES: known().
  Date first_day() const;
  Date last_day() const;

  // True when the two dates could name the same day given their precisions
  // ("2023-02" and "2023-02-14" are compatible; "2023-02" and "2023-03" are not).
  bool compatible(const Date& other) const;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date& a, const Date& b) { return a.key() <=> b.key(); }
};

const char* to_string(DatePrecision p);
std::optional<DatePrecision> precision_from_string(std::string_view s);
int days_in_month(int year, int month);

}  // namespace geokg
