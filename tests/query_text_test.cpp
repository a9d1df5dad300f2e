// Escaping helpers every query writer relies on.
#include <boost/test/unit_test.hpp>

#include "geokg/query/text.hpp"

namespace q = geokg::query;

BOOST_AUTO_TEST_SUITE(query_text)

BOOST_AUTO_TEST_CASE(invalid_utf8_and_controls_are_replaced) {
  BOOST_TEST(q::sanitize_utf8("ok\xFFok") == "ok\xEF\xBF\xBDok");
  BOOST_TEST(q::sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");   // overlong '/'
  BOOST_TEST(q::sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  BOOST_TEST(q::sanitize_utf8("a\nb\tc\x01") == "a b c ");
  BOOST_TEST(q::sanitize_utf8("Владимир") == "Владимир");
}

BOOST_AUTO_TEST_CASE(one_line_collapses_and_cuts_on_code_points) {
  BOOST_TEST(q::one_line("  a \n\n b  ") == "a b");
  BOOST_TEST(q::one_line("Владимир Путин", 8) == "Владими\xE2\x80\xA6");
  BOOST_TEST(q::display_width(q::one_line("Владимир Путин", 8)) == 8u);
  BOOST_TEST(q::one_line("short", 10) == "short");
}

BOOST_AUTO_TEST_CASE(csv_fields_follow_rfc4180) {
  BOOST_TEST(q::csv_field("plain") == "plain");
  BOOST_TEST(q::csv_field("a,b") == "\"a,b\"");
  BOOST_TEST(q::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(q::csv_field("two\nlines") == "\"two\nlines\"");
  BOOST_TEST(q::csv_field("two\nlines", false) == "two lines");
  BOOST_TEST(q::csv_field(" padded") == "\" padded\"");
}

BOOST_AUTO_TEST_CASE(xml_escape_covers_markup_and_quotes) {
  BOOST_TEST(q::xml_escape("<a href='x'>&\"</a>") ==
             "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;");
  BOOST_TEST(q::xml_escape("bell\x07") == "bell ");   // not allowed in XML 1.0
}

BOOST_AUTO_TEST_CASE(dot_strings_cannot_break_out) {
  BOOST_TEST(q::dot_quote("node") == "\"node\"");          // a DOT keyword stays a string
  BOOST_TEST(q::dot_quote("ends with \\") == "\"ends with \\\\\"");
  BOOST_TEST(q::dot_quote("say \"x\"") == "\"say \\\"x\\\"\"");
  BOOST_TEST(q::dot_quote("A & B") == "\"A &amp; B\"");     // Graphviz decodes entities
  BOOST_TEST(q::dot_quote("line\nbreak {x}") == "\"line break {x}\"");
}

BOOST_AUTO_TEST_CASE(markdown_cells_escape_pipes) {
  BOOST_TEST(q::md_cell("a|b") == "a\\|b");
  BOOST_TEST(q::md_cell("x\ny") == "x y");
}

BOOST_AUTO_TEST_CASE(utc_times_in_any_layout) {
  BOOST_TEST(q::utc_time(1714089600, "%Y%m%d%H%M%S") == "20240426000000");   // GDELT's DATEADDED
  BOOST_TEST(q::utc_time(1714089661, "%Y-%m-%d %H:%M:%S") == "2024-04-26 00:01:01");
  BOOST_TEST(q::utc_time(0, "%Y").empty());   // unknown
  BOOST_TEST(q::utc_time(-5, "%Y").empty());
}

BOOST_AUTO_TEST_SUITE_END()
