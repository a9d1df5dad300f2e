// Key encoding: decode(encode(x)) == x, byte order == tuple order, and every
// prefix builder yields a byte-prefix of the keys it is meant to find.

// GCC 12 reports a false -Wrestrict inside Boost.Test's data-test-case name
// generation (std::string operator+, GCC bug 105329); nothing in this file.
#pragma GCC diagnostic ignored "-Wrestrict"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <climits>
#include <random>
#include <string>
#include <tuple>

#include "geokg/core/ids.hpp"
#include "geokg/graph/keys.hpp"

// Boost.Test compares strings element-wise as (signed) char when given a bare
// `a < b`; the extra parentheses below keep std::string's unsigned byte order.

namespace bdata = boost::unit_test::data;
using namespace geokg;

namespace graph_keys_test {

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

int sign(int c) { return (c > 0) - (c < 0); }

// Values are drawn from small pools often enough that ties on leading fields
// are common, which is what exercises the ordering of the later fields.
struct Gen {
  explicit Gen(std::uint64_t seed) : rng(seed) {}
  std::mt19937_64 rng;

  std::uint64_t u64() {
    switch (rng() % 4) {
      case 0: return rng() % 3;                       // 0, 1, 2
      case 1: return ~std::uint64_t{0} - rng() % 3;   // near the top
      default: return rng();
    }
  }
  Date date() {
    switch (rng() % 6) {
      case 0: return Date{};                                  // unknown: key 0
      case 1: return Date::Year(-static_cast<int>(rng() % 3000) - 1);   // BCE
      case 2: return Date::Year(1900 + static_cast<int>(rng() % 200));
      case 3: return Date::Month(2020 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 12));
      default:
        return Date::Day(2020 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 12),
                         1 + static_cast<int>(rng() % 28));
    }
  }
  std::int32_t i32() {
    switch (rng() % 5) {
      case 0: return INT32_MIN + static_cast<std::int32_t>(rng() % 2);
      case 1: return INT32_MAX - static_cast<std::int32_t>(rng() % 2);
      case 2: return static_cast<std::int32_t>(rng() % 5) - 2;
      default: return date().key();
    }
  }
  std::string cameo() {
    static const char* codes[] = {"01", "010", "0233", "04", "040", "042", "057", "112", "1122", "19", "20", "204"};
    return codes[rng() % (sizeof codes / sizeof *codes)];
  }
  std::string alias() {
    static const char* names[] = {"wang", "wang yi", "wang xiaohong", "blinken", "x", "xi jinping",
                                  "us", "usa", "jose ramon", "\xc3\xa9lys\xc3\xa9\x65"};
    return names[rng() % (sizeof names / sizeof *names)];
  }
  keys::AdjKey adj() {
    return {static_cast<std::uint8_t>(rng() % 2), u64(), i32(), cameo(), u64()};
  }
};

auto tuple_of(const keys::AdjKey& k) {
  // Cameo compares as its zero-padded 4 bytes.
  std::string c = k.cameo;
  c.resize(4, '\0');
  return std::make_tuple(k.dir, k.node, k.date_key, c, k.edge);
}

constexpr int kCases = 300;

}  // namespace graph_keys_test
using namespace graph_keys_test;

BOOST_AUTO_TEST_SUITE(graph_keys)

BOOST_DATA_TEST_CASE(integers_round_trip_and_keep_order, bdata::xrange(kCases), seed) {
  Gen g(seed);
  const std::uint64_t a = g.u64(), b = g.u64();
  std::string ea, eb;
  keys::put_u64(ea, a);
  keys::put_u64(eb, b);
  BOOST_TEST(keys::get_u64(ea.data()) == a);
  BOOST_TEST(sign(ea.compare(eb)) == sign((a > b) - (a < b)));

  const std::int32_t x = g.i32(), y = g.i32();
  std::string ex, ey;
  keys::put_i32(ex, x);
  keys::put_i32(ey, y);
  BOOST_TEST(keys::get_i32(ex.data()) == x);
  BOOST_TEST(sign(ex.compare(ey)) == sign((x > y) - (x < y)), x << " vs " << y);
}

BOOST_DATA_TEST_CASE(adjacency_keys, bdata::xrange(kCases), seed) {
  Gen g(seed + 1000);
  const keys::AdjKey a = g.adj();
  keys::AdjKey b = g.adj();
  if (seed % 3 == 0) {   // same node and direction: the date-order case
    b.dir = a.dir;
    b.node = a.node;
  }
  const std::string ka = keys::adj_key(a), kb = keys::adj_key(b);
  BOOST_TEST(ka.size() == keys::kAdjKeySize);

  keys::AdjKey back;
  BOOST_TEST_REQUIRE(keys::decode_adj_key(ka, back));
  BOOST_TEST((back == a));

  const auto ta = tuple_of(a), tb = tuple_of(b);
  BOOST_TEST(sign(ka.compare(kb)) == sign((ta > tb) - (ta < tb)));

  BOOST_TEST(starts_with(ka, keys::adj_prefix(a.dir, a.node)));
  BOOST_TEST(starts_with(ka, keys::adj_prefix(a.dir, a.node, a.date_key)));
  // The date seek key is no greater than any key of that node on or after the date.
  BOOST_TEST((keys::adj_prefix(a.dir, a.node, a.date_key) <= ka));

  const keys::AdjValue v{g.u64(), static_cast<std::uint8_t>(g.rng() % 4)};
  keys::AdjValue vb;
  BOOST_TEST_REQUIRE(keys::decode_adj_value(keys::adj_value(v), vb));
  BOOST_TEST((vb == v));
}

BOOST_DATA_TEST_CASE(timeline_keys, bdata::xrange(kCases), seed) {
  Gen g(seed + 2000);
  const keys::TimelineKey a{g.date().key(), g.u64()}, b{g.date().key(), g.u64()};
  const std::string ka = keys::timeline_key(a), kb = keys::timeline_key(b);
  keys::TimelineKey back;
  BOOST_TEST_REQUIRE(keys::decode_timeline_key(ka, back));
  BOOST_TEST((back == a));
  const auto ta = std::make_tuple(a.date_key, a.edge), tb = std::make_tuple(b.date_key, b.edge);
  BOOST_TEST(sign(ka.compare(kb)) == sign((ta > tb) - (ta < tb)));
  BOOST_TEST(starts_with(ka, keys::timeline_prefix(a.date_key)));

  const keys::TimelineValue v{static_cast<std::uint8_t>(g.rng() % 4), g.cameo()};
  keys::TimelineValue vb;
  BOOST_TEST_REQUIRE(keys::decode_timeline_value(keys::timeline_value(v), vb));
  BOOST_TEST((vb == v));
}

BOOST_DATA_TEST_CASE(name_keys, bdata::xrange(kCases), seed) {
  Gen g(seed + 3000);
  const std::string alias_a = g.alias(), alias_b = g.alias();
  const NodeId ia = g.u64(), ib = g.u64();
  const std::string ka = keys::name_key(alias_a, ia), kb = keys::name_key(alias_b, ib);
  keys::NameKey back;
  BOOST_TEST_REQUIRE(keys::decode_name_key(ka, back));
  BOOST_TEST(back.alias == alias_a);
  BOOST_TEST(back.node == ia);
  // Aliases compare bytewise (a shorter alias first), then ids.
  const auto ta = std::make_tuple(alias_a, ia), tb = std::make_tuple(alias_b, ib);
  BOOST_TEST(sign(ka.compare(kb)) == sign((ta > tb) - (ta < tb)));
  BOOST_TEST(starts_with(ka, keys::name_exact_prefix(alias_a)));
  BOOST_TEST(starts_with(ka, keys::name_prefix(alias_a.substr(0, seed % (alias_a.size() + 1)))));
  // The exact prefix of one alias never finds a longer alias it is a prefix of.
  if (alias_a != alias_b) BOOST_TEST(!starts_with(kb, keys::name_exact_prefix(alias_a)));
}

BOOST_DATA_TEST_CASE(static_keys, bdata::xrange(kCases), seed) {
  Gen g(seed + 4000);
  auto make = [&] {
    return keys::StaticKey{g.u64(), static_cast<std::uint8_t>(g.rng() % 256),
                           g.u64(), g.u64()};
  };
  const keys::StaticKey a = make(), b = make();
  const std::string ka = keys::static_key(a), kb = keys::static_key(b);
  keys::StaticKey back;
  BOOST_TEST_REQUIRE(keys::decode_static_key(ka, back));
  BOOST_TEST((back == a));
  const auto ta = std::make_tuple(a.source, a.relation, a.target, a.role_hash);
  const auto tb = std::make_tuple(b.source, b.relation, b.target, b.role_hash);
  BOOST_TEST(sign(ka.compare(kb)) == sign((ta > tb) - (ta < tb)));
  BOOST_TEST(starts_with(ka, keys::static_prefix(a.source)));
  BOOST_TEST(starts_with(ka, keys::static_prefix(a.source, a.relation)));
}

BOOST_AUTO_TEST_CASE(id_keys_round_trip) {
  for (std::uint64_t id : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{0x0123456789abcdef},
                           ~std::uint64_t{0}}) {
    std::uint64_t back = 7;
    BOOST_TEST_REQUIRE(keys::decode_id_key(keys::node_key(id), back));
    BOOST_TEST(back == id);
  }
  BOOST_TEST((keys::node_key(1) < keys::node_key(256)));
  std::uint64_t unused = 0;
  BOOST_TEST(!keys::decode_id_key("short", unused));
}

BOOST_AUTO_TEST_CASE(decoders_refuse_malformed_keys) {
  keys::AdjKey a;
  BOOST_TEST(!keys::decode_adj_key(std::string(keys::kAdjKeySize - 1, '\0'), a));
  std::string bad_dir = keys::adj_key({keys::kDirOut, 5, 20240426, "040", 9});
  bad_dir[0] = 7;
  BOOST_TEST(!keys::decode_adj_key(bad_dir, a));
  keys::NameKey n;
  BOOST_TEST(!keys::decode_name_key("abc", n));
  BOOST_TEST(!keys::decode_name_key(std::string("abcdefghijkl"), n));   // no separator
  keys::TimelineValue tv;
  BOOST_TEST(!keys::decode_timeline_value("", tv));
}

BOOST_AUTO_TEST_CASE(names_drop_nul_so_the_separator_ends_the_alias) {
  const std::string alias("wa\0ng", 5);
  const std::string key = keys::name_key(alias, 42);   // NameKey views into it
  keys::NameKey back;
  BOOST_TEST_REQUIRE(keys::decode_name_key(key, back));
  BOOST_TEST(back.alias == "wang");
  BOOST_TEST(back.node == 42u);
}

BOOST_AUTO_TEST_CASE(undated_events_sort_between_bce_and_ce) {
  // Date::key() is 0 when unknown; with the sign flip it sorts after every
  // BCE date and before every CE date, in both adjacency and timeline keys.
  const std::string bce = keys::timeline_key({Date::Year(-44).key(), 1});
  const std::string none = keys::timeline_key({Date{}.key(), 1});
  const std::string ce = keys::timeline_key({Date::Day(2024, 4, 26).key(), 1});
  BOOST_TEST((bce < none));
  BOOST_TEST((none < ce));
  // A month-precise date sorts before the days of that month.
  BOOST_TEST((keys::timeline_key({Date::Month(2024, 4).key(), 9}) <
              keys::timeline_key({Date::Day(2024, 4, 1).key(), 1})));
}

BOOST_AUTO_TEST_CASE(prefix_successor_bounds_the_prefix) {
  BOOST_TEST(keys::prefix_successor("ab") == "ac");
  BOOST_TEST(keys::prefix_successor(std::string("a\xff", 2)) == "b");
  BOOST_TEST(keys::prefix_successor(std::string("\xff\xff", 2)).empty());
  BOOST_TEST(keys::prefix_successor("").empty());
  const std::string p = keys::adj_prefix(keys::kDirOut, ~std::uint64_t{0} - 1);
  BOOST_TEST((keys::adj_key({keys::kDirOut, ~std::uint64_t{0} - 1, INT32_MAX, "2044", ~std::uint64_t{0}}) <
              keys::prefix_successor(p)));
}

BOOST_AUTO_TEST_CASE(role_hash_tells_roles_apart) {
  Role a{"Secretary of State", "USA", "GOV", "", Date::Day(2021, 1, 26), Date{}};
  Role b = a;
  BOOST_TEST(keys::role_hash(a) == keys::role_hash(b));
  b.to = Date::Day(2025, 1, 20);
  BOOST_TEST(keys::role_hash(a) != keys::role_hash(b));
  // Field boundaries matter: ("ab","c") differs from ("a","bc").
  Role c{"ab", "c", "", "", {}, {}}, d{"a", "bc", "", "", {}, {}};
  BOOST_TEST(keys::role_hash(c) != keys::role_hash(d));
}

BOOST_AUTO_TEST_SUITE_END()
