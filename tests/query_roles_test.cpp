// Roles over time: the role valid at a date (Sergei Shoigu: Defence Minister
// until May 2024, then Secretary of the Security Council).
#include <boost/test/unit_test.hpp>

#include "geokg/query/profile.hpp"
#include "test_support.hpp"

using namespace geokg;

namespace {
Role role(const char* title, const char* from, const char* to) {
  Role r;
  r.title = title;
  r.country = "RUS";
  if (*from) r.from = *Date::Parse(from);
  if (*to) r.to = *Date::Parse(to);
  return r;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(query_roles)

BOOST_AUTO_TEST_CASE(role_held_at_a_date) {
  const Role defence = role("Defence Minister", "2012-11-06", "2024-05-12");
  const Role council = role("Secretary of the Security Council", "2024-05-12", "");
  const Date before = *Date::Parse("2023-03-01");
  const Date after = *Date::Parse("2024-06-01");
  BOOST_TEST(query::role_held_at(defence, before));
  BOOST_TEST(!query::role_held_at(council, before));
  BOOST_TEST(!query::role_held_at(defence, after));
  BOOST_TEST(query::role_held_at(council, after));
  // The handover day belongs to both.
  BOOST_TEST(query::role_held_at(defence, *Date::Parse("2024-05-12")));
  BOOST_TEST(query::role_held_at(council, *Date::Parse("2024-05-12")));
  // An unknown date keeps every role; a month-precise end covers its month.
  BOOST_TEST(query::role_held_at(defence, Date{}));
  BOOST_TEST(query::role_held_at(role("Envoy", "", "2024-05"), *Date::Parse("2024-05-31")));
  BOOST_TEST(!query::role_held_at(role("Envoy", "", "2024-05"), *Date::Parse("2024-06-01")));
}

BOOST_AUTO_TEST_CASE(actor_at_shows_the_role_of_that_date) {
  test::TempDir dir;
  const std::string db = (dir / "g.db").string();
  test::write_file(dir / "a.txt",
                   "Title: Talks\nDate: 2024-04-26\nSource: Wire\n\n"
                   "Russian Defence Minister Sergei Shoigu met his Chinese counterpart Dong Jun on Friday.\n");
  BOOST_REQUIRE(test::run_cli("ingest -q --db '" + db + "' '" + (dir / "a.txt").string() + "'").exit_code == 0);
  auto then = test::run_cli("actor 'Sergei Shoigu' --at 2024-04-26 --db '" + db + "'");
  BOOST_REQUIRE_MESSAGE(then.exit_code == 0, then.err);
  BOOST_TEST(then.out.find("Defence Minister") != std::string::npos, then.out);
  BOOST_TEST(then.out.find("Secretary of the Security Council") == std::string::npos, then.out);
  auto bad = test::run_cli("actor 'Sergei Shoigu' --at soon --db '" + db + "'");
  BOOST_TEST(bad.exit_code == 1);
}

BOOST_AUTO_TEST_SUITE_END()
