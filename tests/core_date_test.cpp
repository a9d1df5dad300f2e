// Dates with precision: parsing, ordering keys, calendar arithmetic.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "geokg/core/date.hpp"

using geokg::Date;
using geokg::DatePrecision;

BOOST_AUTO_TEST_SUITE(core_date)

BOOST_AUTO_TEST_CASE(parses_each_precision) {
  auto d = Date::Parse("2024-04-26");
  BOOST_REQUIRE(d);
  BOOST_TEST(d->iso() == "2024-04-26");
  BOOST_TEST((d->precision == DatePrecision::kDay));
  auto m = Date::Parse("2023-02");
  BOOST_REQUIRE(m);
  BOOST_TEST((m->precision == DatePrecision::kMonth));
  BOOST_TEST(m->iso() == "2023-02");
  auto y = Date::Parse("2022");
  BOOST_REQUIRE(y);
  BOOST_TEST((y->precision == DatePrecision::kYear));
  auto t = Date::Parse("1987-03-03T12:00:00Z");
  BOOST_REQUIRE(t);
  BOOST_TEST(t->iso() == "1987-03-03");
}

BOOST_AUTO_TEST_CASE(rejects_impossible_dates) {
  BOOST_TEST(!Date::Parse("2023-02-29"));
  BOOST_TEST(Date::Parse("2024-02-29").has_value());
  BOOST_TEST(!Date::Parse("2024-13-01"));
  BOOST_TEST(!Date::Parse("April 26"));
  BOOST_TEST(!Date::Parse(""));
  BOOST_TEST(!Date::Parse("20x4-01-01"));
}

BOOST_AUTO_TEST_CASE(keys_sort_in_calendar_order) {
  const Date year = Date::Year(2023);
  const Date month = Date::Month(2023, 2);
  const Date day = Date::Day(2023, 2, 14);
  const Date later = Date::Day(2023, 3, 1);
  BOOST_TEST(year.key() < month.key());
  BOOST_TEST(month.key() < day.key());
  BOOST_TEST(day.key() < later.key());
  BOOST_TEST(Date{}.key() == 0);
  BOOST_TEST(Date::FromKey(day.key()).iso() == "2023-02-14");
  BOOST_TEST(Date::FromKey(month.key()).iso() == "2023-02");
  BOOST_TEST(Date::FromKey(year.key()).iso() == "2023");
}

BOOST_DATA_TEST_CASE(epoch_days_round_trip,
                     boost::unit_test::data::xrange(-800000, 800000, 997), days) {
  const Date d = Date::FromDaysSinceEpoch(days);
  BOOST_TEST(d.days_since_epoch() == days);
  BOOST_TEST(Date::Parse(d.iso()).has_value() == (d.year >= 0 && d.year <= 9999));
}

BOOST_AUTO_TEST_CASE(weekdays) {
  BOOST_TEST(Date::Day(2024, 4, 26).weekday() == 4);  // a Friday
  BOOST_TEST(Date::Day(1970, 1, 1).weekday() == 3);   // a Thursday
  BOOST_TEST(Date::Day(2000, 1, 1).weekday() == 5);   // a Saturday
}

BOOST_AUTO_TEST_CASE(compatibility_respects_precision) {
  BOOST_TEST(Date::Month(2023, 2).compatible(Date::Day(2023, 2, 14)));
  BOOST_TEST(!Date::Month(2023, 2).compatible(Date::Month(2023, 3)));
  BOOST_TEST(Date::Year(2022).compatible(Date::Day(2022, 8, 2)));
  BOOST_TEST(!Date::Day(2022, 8, 2).compatible(Date::Day(2022, 8, 3)));
  BOOST_TEST(Date{}.compatible(Date::Day(2022, 8, 3)));
}

BOOST_AUTO_TEST_CASE(first_and_last_day_covered) {
  BOOST_TEST(Date::Month(2024, 2).first_day().iso() == "2024-02-01");
  BOOST_TEST(Date::Month(2024, 2).last_day().iso() == "2024-02-29");   // leap year
  BOOST_TEST(Date::Month(2023, 2).last_day().iso() == "2023-02-28");
  BOOST_TEST(Date::Month(1987, 12).last_day().iso() == "1987-12-31");
  BOOST_TEST(Date::Year(1987).first_day().iso() == "1987-01-01");
  BOOST_TEST(Date::Year(1987).last_day().iso() == "1987-12-31");
  BOOST_TEST(Date::Day(2024, 4, 26).first_day().iso() == "2024-04-26");
  BOOST_TEST(Date::Day(2024, 4, 26).last_day().iso() == "2024-04-26");
}

BOOST_AUTO_TEST_SUITE_END()
