// geokg serve's API through HTTP: a real server on an ephemeral loopback
// port, a real client (cpp-httplib's), every endpoint with its errors and
// limits, the page's files and headers, reopening after a commit, shutdown.
#include <boost/test/unit_test.hpp>

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "geokg/core/ids.hpp"
#include "geokg/serve/server.hpp"
#include "query_fixture.hpp"
#include "serve_fixture.hpp"

using nlohmann::json;
namespace serve = geokg::serve;

namespace {

geokg::CameoTable cameo_table() {
  auto t = geokg::CameoTable::Load(geokg::test::data_dir() + "/cameo-codes.tsv");
  BOOST_REQUIRE(t.ok());
  return std::move(t).value();
}

// A server over the fixture plus the hostile article.
struct Served {
  geokg::test::TempDir dir;
  std::string db = dir.str() + "/db";
  geokg::CameoTable cameo = cameo_table();
  std::unique_ptr<serve::Server> server;

  explicit Served(serve::ServeOptions o = {}) {
    {
      auto store = geokg::test::fixture_store(db);
      BOOST_REQUIRE(geokg::test::commit_hostile(*store).ok());
    }
    o.port = 0;
    auto s = serve::Server::Start(db, &cameo, o);
    BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? std::string() : s.status().message()));
    server = std::move(s).value();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_connection_timeout(10);
    c.set_read_timeout(30);
    return c;
  }
};

struct Reply {
  int status = 0;
  json body;
  httplib::Headers headers;
  std::string text;
};

Reply get(const Served& s, const std::string& path, const httplib::Headers& headers = {}) {
  auto c = s.client();
  auto r = c.Get(path, headers);
  BOOST_REQUIRE_MESSAGE(r, "no answer to GET " << path << ": " << httplib::to_string(r.error()));
  Reply out{r->status, json(), r->headers, r->body};
  if (r->get_header_value("Content-Type").starts_with("application/json")) out.body = json::parse(r->body);
  return out;
}

std::string hex_of(const Served& s, const std::string& name) {
  auto store = geokg::GraphStore::Open(s.db, {.read_only = true});
  BOOST_REQUIRE(store.ok());
  auto ids = (*store)->find_nodes(geokg::normalize_name(name));
  BOOST_REQUIRE(ids.ok() && ids->size() == 1);
  return geokg::to_hex(ids->front());
}

std::string encoded(const std::string& s) { return httplib::detail::encode_query_param(s); }

bool has_name(const json& list, const std::string& name) {
  for (const auto& x : list)
    if (x["name"] == name) return true;
  return false;
}

void expect_error(const Reply& r, int status, const std::string& error) {
  BOOST_TEST(r.status == status);
  BOOST_TEST(r.body["status"] == status);
  BOOST_TEST(r.body["error"] == error);
  BOOST_TEST(!r.body["message"].get<std::string>().empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_api)

BOOST_AUTO_TEST_CASE(stats_and_cameo) {
  Served s;
  auto r = get(s, "/api/stats");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["articles"] == 3);
  BOOST_TEST(r.body["events"].get<int>() > 5);
  BOOST_TEST(r.body["generation"] == 1);
  {
    // The events `geokg stats` counts: the flagged ones apart.
    geokg::StoreOptions o;
    o.read_only = true;
    auto store = geokg::GraphStore::Open(s.db, o);
    BOOST_REQUIRE(store.ok());
    auto c = (*store)->counts();
    BOOST_REQUIRE(c.ok());
    BOOST_TEST(r.body["events"].get<std::uint64_t>() == c->edges - c->flagged_edges);
    BOOST_TEST(r.body["flagged_events"].get<std::uint64_t>() == c->flagged_edges);
  }
  BOOST_TEST(r.headers.find("Cache-Control")->second == "no-store");
  r = get(s, "/api/cameo");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["roots"].size() == 20u);
  BOOST_TEST(r.body["roots"][3]["root"] == "04");
  BOOST_TEST(r.body["roots"][3]["quad_class"] == 1);
  BOOST_TEST(r.body["quad_classes"].size() == 4u);
}

BOOST_AUTO_TEST_CASE(search_matches_resolves_and_suggests) {
  Served s;
  auto r = get(s, "/api/search?q=blin");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["outcome"] == "found");
  BOOST_TEST(r.body["actor"]["name"] == "Antony Blinken");
  BOOST_TEST(r.body["matches"][0]["name"] == "Antony Blinken");
  r = get(s, "/api/search?q=Wang");
  BOOST_TEST(r.body["outcome"] == "ambiguous");
  BOOST_TEST(r.body["total_candidates"] == 2);
  BOOST_TEST(has_name(r.body["candidates"], "Wang Xiaohong"));
  r = get(s, "/api/search?q=Blinkne");
  BOOST_TEST(r.body["outcome"] == "unknown");
  BOOST_TEST(r.body["matches"].empty());
  BOOST_TEST(r.body["suggestions"][0] == "Antony Blinken");
  r = get(s, "/api/search?q=w&limit=1");
  BOOST_TEST(r.body["matches"].size() == 1u);
  expect_error(get(s, "/api/search"), 400, "bad_parameter");
  expect_error(get(s, "/api/search?q=a&limit=0"), 400, "bad_parameter");
  expect_error(get(s, "/api/search?q=a&limit=21"), 400, "bad_parameter");
}

BOOST_AUTO_TEST_CASE(actors_list_sorted_filtered_bounded) {
  Served s;
  auto r = get(s, "/api/actors");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["sort"] == "mentions");
  const auto& list = r.body["actors"];
  BOOST_REQUIRE(list.size() > 3u);
  for (std::size_t i = 1; i < list.size(); ++i) BOOST_TEST(list[i - 1]["mentions"] >= list[i]["mentions"]);
  r = get(s, "/api/actors?country=rus&kind=person&limit=5");
  BOOST_REQUIRE(!r.body["actors"].empty());
  for (const auto& a : r.body["actors"]) {
    BOOST_TEST(a["country"] == "RUS");
    BOOST_TEST(a["kind"] == "person");
  }
  // Sector as `geokg actors --sector` reads it: a person is of the sector of
  // a role held in the window (Blinken, Secretary of State; Dong Jun, MIL).
  r = get(s, "/api/actors?sector=GOV&limit=500");
  BOOST_TEST(has_name(r.body["actors"], "Antony Blinken"));
  BOOST_TEST(!has_name(r.body["actors"], "Dong Jun"));
  BOOST_TEST(!has_name(r.body["actors"], "Wang Yi"));
  r = get(s, "/api/actors?sector=mil&limit=500");
  BOOST_REQUIRE_EQUAL(r.body["actors"].size(), 1u);
  BOOST_TEST(r.body["actors"][0]["name"] == "Dong Jun");
  r = get(s, "/api/actors?from=2024-05&limit=50");
  BOOST_TEST(has_name(r.body["actors"], geokg::test::kHostileScript));
  BOOST_TEST(!has_name(r.body["actors"], "Wang Xiaohong"));
  r = get(s, "/api/actors?sort=recent&limit=1");
  BOOST_TEST(r.body["actors"][0]["last_seen"] == "2024-05-01");
  expect_error(get(s, "/api/actors?sort=degree"), 400, "bad_parameter");
  expect_error(get(s, "/api/actors?kind=planet"), 400, "bad_parameter");
  expect_error(get(s, "/api/actors?limit=501"), 400, "bad_parameter");
  expect_error(get(s, "/api/actors?from=2024-13"), 400, "bad_parameter");
  expect_error(get(s, "/api/actors?from=2024-05&to=2024-04"), 400, "bad_parameter");
}

BOOST_AUTO_TEST_CASE(actor_profile_by_id_or_name) {
  Served s;
  const std::string id = hex_of(s, "Antony Blinken");
  auto r = get(s, "/api/actor/" + id);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["name"] == "Antony Blinken");
  BOOST_TEST(r.body["roles"][0]["title"] == "Secretary of State");
  BOOST_TEST(has_name(r.body["counterparts"], "Wang Yi"));
  BOOST_TEST(get(s, "/api/actor/" + encoded("antony blinken")).body["id"] == id);
  r = get(s, "/api/actor/Blinken?top=1&relation=04");
  BOOST_TEST(r.body["counterparts"].size() == 1u);
  for (const auto& c : r.body["event_classes"]) BOOST_TEST(c["root"] == "04");
  r = get(s, "/api/actor/Wang");
  expect_error(r, 409, "ambiguous");
  BOOST_TEST(r.body["candidates"].size() == 2u);
  r = get(s, "/api/actor/Blinkne");
  expect_error(r, 404, "unknown_actor");
  BOOST_TEST(r.body["suggestions"][0] == "Antony Blinken");
  expect_error(get(s, "/api/actor/00000000000000ff"), 404, "unknown_actor");
  expect_error(get(s, "/api/actor/Blinken?top=101"), 400, "bad_parameter");
  expect_error(get(s, "/api/actor/" + std::string(300, 'x')), 400, "bad_parameter");
}

BOOST_AUTO_TEST_CASE(neighbors_merge_both_directions_of_a_pair) {
  Served s;
  const std::string blinken = hex_of(s, "Antony Blinken"), wang = hex_of(s, "Wang Yi");
  auto r = get(s, "/api/neighbors/" + blinken);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["center"] == blinken);
  BOOST_TEST(r.body["nodes"][0]["id"] == blinken);
  BOOST_TEST(has_name(r.body["nodes"], "Wang Yi"));
  int pairs_with_wang = 0;
  for (const auto& e : r.body["edges"]) {
    if (!((e["source"] == blinken && e["target"] == wang) || (e["source"] == wang && e["target"] == blinken))) continue;
    ++pairs_with_wang;
    // "met" (reported twice, one event) one way, "told" the other.
    BOOST_TEST(e["events"] == 2);
    BOOST_TEST(e["forward"] == 1);
    BOOST_TEST(e["backward"] == 1);
    BOOST_TEST(e["quad_class"] == 1);
    BOOST_TEST(e["quad_events"] == json({2, 0, 0, 0}));
    BOOST_TEST(e["first"] == "2024-04-26");
  }
  BOOST_TEST(pairs_with_wang == 1);
  // Filters: conflict only leaves the accusation of China.
  r = get(s, "/api/neighbors/Blinken?relation=11");
  BOOST_TEST(r.body["nodes"].size() == 2u);
  BOOST_TEST(r.body["edges"][0]["quad_class"] == 3);
  r = get(s, "/api/neighbors/Blinken?to=2024-04-25");
  BOOST_TEST(r.body["nodes"].size() == 1u);
  r = get(s, "/api/neighbors/Blinken?include_flagged=1&relation=13");
  BOOST_TEST(r.body["edges"].size() == 1u);   // the negated threat
  r = get(s, "/api/neighbors/Blinken?limit=1");
  BOOST_TEST(r.body["nodes"].size() == 2u);
  BOOST_TEST(r.body["omitted"].get<int>() > 0);
  r = get(s, "/api/neighbors/Blinken?depth=2");
  BOOST_TEST(r.body["depth"] == 2);
  expect_error(get(s, "/api/neighbors/Blinken?depth=4"), 400, "bad_parameter");
  expect_error(get(s, "/api/neighbors/Blinken?limit=301"), 400, "bad_parameter");
  expect_error(get(s, "/api/neighbors/Blinken?relation=4x"), 400, "bad_parameter");
  expect_error(get(s, "/api/neighbors/Blinken?min_sources=0"), 400, "bad_parameter");
  expect_error(get(s, "/api/neighbors/Nobody%20Here"), 404, "unknown_actor");
}

BOOST_AUTO_TEST_CASE(timeline_of_an_actor_and_of_a_pair) {
  Served s;
  auto r = get(s, "/api/timeline?actor=Blinken");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["actors"][0]["name"] == "Antony Blinken");
  const auto& events = r.body["events"];
  BOOST_REQUIRE(events.size() >= 4u);
  for (std::size_t i = 1; i < events.size(); ++i)
    BOOST_TEST(events[i - 1]["date"].get<std::string>() <= events[i]["date"].get<std::string>());
  BOOST_TEST(events[0]["source_id"].get<std::string>().size() == 16u);
  BOOST_TEST(events[0].contains("quad_class"));
  r = get(s, "/api/timeline?actor=Blinken&actor=" + encoded("Wang Yi"));
  BOOST_TEST(r.body["events"].size() == 2u);
  r = get(s, "/api/timeline?actor=Blinken&limit=1");
  BOOST_TEST(r.body["events"].size() == 1u);
  BOOST_TEST(r.body["truncated"].get<int>() >= 3);
  r = get(s, "/api/timeline?actor=Blinken&from=2024-04-27");
  BOOST_TEST(r.body["events"].size() == 1u);   // the hostile article's meeting, 2024-05-01
  expect_error(get(s, "/api/timeline"), 400, "bad_parameter");
  expect_error(get(s, "/api/timeline?actor=a&actor=b&actor=c"), 400, "bad_parameter");
  expect_error(get(s, "/api/timeline?actor=Blinken&limit=1001"), 400, "bad_parameter");
  expect_error(get(s, "/api/timeline?actor=Wang"), 409, "ambiguous");
}

BOOST_AUTO_TEST_CASE(path_between_two_actors) {
  Served s;
  auto r = get(s, "/api/path?from=Shoigu&to=Blinken");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["found"] == true);
  BOOST_TEST(r.body["nodes"][0]["name"] == "Sergei Shoigu");
  BOOST_TEST(r.body["nodes"].back()["name"] == "Antony Blinken");
  BOOST_TEST(r.body["steps"][0]["from_id"] == r.body["nodes"][0]["id"]);
  r = get(s, "/api/path?from=Shoigu&to=Blinken&max_depth=1");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["found"] == false);
  expect_error(get(s, "/api/path?from=Shoigu"), 400, "bad_parameter");
  expect_error(get(s, "/api/path?from=Shoigu&to=Blinken&max_depth=7"), 400, "bad_parameter");
  expect_error(get(s, "/api/path?from=Shoigu&to=Nobody"), 404, "unknown_actor");
  expect_error(get(s, "/api/path?from=Shoigu&to=Blinken&from_date=2025&to_date=2024"), 400, "bad_parameter");
}

BOOST_AUTO_TEST_CASE(event_with_every_report) {
  Served s;
  auto t = get(s, "/api/timeline?actor=Blinken&actor=" + encoded("Wang Yi") + "&relation=04");
  BOOST_REQUIRE_EQUAL(t.body["events"].size(), 1u);
  const std::string id = t.body["events"][0]["id"];
  auto r = get(s, "/api/events/" + id);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body["total_reports"] == 2);
  BOOST_REQUIRE_EQUAL(r.body["reports"].size(), 2u);
  for (const auto& rep : r.body["reports"]) {
    BOOST_TEST(rep["article"]["link"].get<std::string>().starts_with("https://example.org/a"));
    BOOST_TEST(rep["article"]["publisher"].is_string());
    BOOST_TEST(rep["rule"] == "fixture");
    BOOST_TEST(rep["segments"][0]["text"] == "Blinken");
    BOOST_TEST(rep["segments"][0]["role"] == "source");
  }
  BOOST_TEST(get(s, "/api/events/" + id + "?limit=1").body["reports"].size() == 1u);
  expect_error(get(s, "/api/events/xyz"), 400, "bad_parameter");
  expect_error(get(s, "/api/events/00000000000000ff"), 404, "not_found");
  expect_error(get(s, "/api/events/" + id + "?limit=501"), 400, "bad_parameter");
}

BOOST_AUTO_TEST_CASE(hostile_strings_round_trip_as_data) {
  Served s;
  auto r = get(s, "/api/search?q=" + encoded(geokg::test::kHostileScript));
  BOOST_TEST(r.body["outcome"] == "found");
  BOOST_TEST(r.body["actor"]["name"] == geokg::test::kHostileScript);
  const std::string id = r.body["actor"]["id"];
  r = get(s, "/api/neighbors/" + id);
  BOOST_TEST(has_name(r.body["nodes"], geokg::test::kHostileImg));
  BOOST_TEST(has_name(r.body["nodes"], geokg::test::kHostileQuote));
  auto t = get(s, "/api/timeline?actor=" + id + "&relation=04");
  auto e = get(s, "/api/events/" + t.body["events"][0]["id"].get<std::string>());
  const auto& rep = e.body["reports"][0];
  BOOST_TEST(rep["sentence"] == geokg::test::kHostileSentence);
  BOOST_TEST(rep["article"]["title"] == geokg::test::kHostileTitle);
  BOOST_TEST(rep["article"]["url"] == geokg::test::kHostileUrl);
  BOOST_TEST(rep["article"]["link"].is_null());
}

BOOST_AUTO_TEST_CASE(request_checks) {
  Served s;
  expect_error(get(s, "/api/nothing"), 404, "not_found");
  expect_error(get(s, "/api/stats?x=1"), 400, "bad_parameter");
  expect_error(get(s, "/api/search?q=a&q=b"), 400, "bad_parameter");
  expect_error(get(s, "/api/search?q=" + std::string(257, 'a')), 400, "bad_parameter");
  std::string many = "/api/search?q=a";
  for (int i = 0; i < 32; ++i) many += "&p" + std::to_string(i) + "=1";
  expect_error(get(s, many), 400, "bad_parameter");
  // Only GET and HEAD; other methods are refused before their body is read.
  auto c = s.client();
  auto post = c.Post("/api/stats", "x", "text/plain");
  BOOST_REQUIRE(post);
  BOOST_TEST(post->status == 405);
  BOOST_TEST(post->get_header_value("Allow") == "GET, HEAD");
  auto del = c.Delete("/api/stats");
  BOOST_REQUIRE(del);
  BOOST_TEST(del->status == 405);
  auto big = c.Post("/api/stats", std::string(4096, 'x'), "text/plain");
  BOOST_REQUIRE(big);
  BOOST_TEST(big->status == 405);
  auto head = c.Head("/api/stats");
  BOOST_REQUIRE(head);
  BOOST_TEST(head->status == 200);
  BOOST_TEST(head->body.empty());
  // A page elsewhere cannot reach the loopback server through DNS rebinding.
  expect_error(get(s, "/api/stats", {{"Host", "attacker.example:8080"}}), 403, "forbidden");
  BOOST_TEST(get(s, "/api/stats", {{"Host", "localhost:1"}}).status == 200);
  BOOST_TEST(get(s, "/api/stats", {{"Host", "[::1]:8080"}}).status == 200);
}

BOOST_AUTO_TEST_CASE(page_files_and_their_headers) {
  Served s;
  auto r = get(s, "/");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.headers.find("Content-Type")->second == "text/html; charset=utf-8");
  const std::string csp = r.headers.find("Content-Security-Policy")->second;
  BOOST_TEST(csp.find("script-src 'self'") != std::string::npos);
  BOOST_TEST(csp.find("unsafe-inline") == std::string::npos);
  BOOST_TEST(r.headers.find("X-Content-Type-Options")->second == "nosniff");
  BOOST_TEST(r.text.find("<script src=\"/app.js\"") != std::string::npos);
  r = get(s, "/d3.min.js");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.headers.find("Content-Type")->second == "text/javascript; charset=utf-8");
  BOOST_TEST(r.text.size() > 100'000u);
  for (const char* path : {"/app.js", "/app.css", "/favicon.svg", "/index.html"}) BOOST_TEST(get(s, path).status == 200, path);
  // Gzipped once at start for clients that take gzip; never compressed again
  // on the fly (a brotli pass cost 460 ms per load of d3.min.js).
  auto c = s.client();
  c.set_decompress(false);
  auto gz = c.Get("/d3.min.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  BOOST_REQUIRE(gz);
  BOOST_TEST(gz->get_header_value("Content-Encoding") == "gzip");
  BOOST_TEST(gz->get_header_value_count("Content-Encoding") == 1u);
  BOOST_TEST(gz->body.size() < 120'000u);
  auto br = c.Get("/d3.min.js", {{"Accept-Encoding", "br"}});
  BOOST_REQUIRE(br);
  BOOST_TEST(!br->has_header("Content-Encoding"));
  BOOST_TEST(br->body == r.text);
  expect_error(get(s, "/nothing.js"), 404, "not_found");
  expect_error(get(s, "/a/b"), 404, "not_found");
}

BOOST_AUTO_TEST_CASE(expensive_requests_beyond_the_cap_are_503) {
  serve::ServeOptions o;
  o.limits.max_heavy = 0;
  Served s(o);
  auto r = get(s, "/api/path?from=Shoigu&to=Blinken");
  expect_error(r, 503, "busy");
  BOOST_TEST(r.headers.find("Retry-After")->second == "1");
  expect_error(get(s, "/api/neighbors/Blinken?depth=2"), 503, "busy");
  BOOST_TEST(get(s, "/api/neighbors/Blinken").status == 200);   // depth 1 is cheap
}

BOOST_AUTO_TEST_CASE(sees_articles_committed_while_it_runs) {
  serve::ServeOptions o;
  o.reload_interval = std::chrono::milliseconds(50);
  Served s(o);
  BOOST_TEST(get(s, "/api/search?q=Zelensky").body["outcome"] == "unknown");
  {
    auto writer = geokg::GraphStore::Open(s.db);
    BOOST_REQUIRE(writer.ok());
    geokg::Article a;
    a.id = "late";
    a.title = "Late news";
    a.date = geokg::Date::Day(2024, 6, 1);
    geokg::Extraction x;
    x.actors.push_back(geokg::test::actor("Volodymyr Zelensky", geokg::NodeKind::kPerson, "UKR", {"Zelensky"}));
    x.actors.push_back(geokg::test::actor("Antony Blinken", geokg::NodeKind::kPerson, "USA", {"Blinken"}));
    x.events.push_back(geokg::test::event(0, 1, "040", "met", geokg::Date::Day(2024, 6, 1), "Zelensky met Blinken."));
    BOOST_REQUIRE((*writer)->commit(a, x).ok());
  }
  // Wait for the reopen with a deadline: the watcher looks every 50 ms.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  json r;
  do {
    r = get(s, "/api/search?q=Zelensky").body;
    if (r["outcome"] == "found") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (std::chrono::steady_clock::now() < deadline);
  BOOST_TEST(r["outcome"] == "found");
  BOOST_TEST(get(s, "/api/stats").body["generation"].get<int>() >= 2);
  BOOST_TEST(get(s, "/api/stats").body["articles"] == 4);
}

BOOST_AUTO_TEST_CASE(stops_cleanly_and_refuses_a_missing_database) {
  Served s;
  BOOST_TEST(get(s, "/api/stats").status == 200);
  const int port = s.server->port();
  s.server->stop();
  BOOST_TEST(s.server->wait_for(std::chrono::milliseconds(0)));
  s.server->stop();   // idempotent
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(2);
  BOOST_TEST(!c.Get("/api/stats"));

  geokg::test::TempDir empty;
  auto missing = serve::Server::Start(empty.str() + "/none", nullptr, {});
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST(missing.status().is_not_found());
}

BOOST_AUTO_TEST_CASE(loopback_hosts) {
  for (const char* h : {"127.0.0.1", "127.1.2.3", "localhost", "::1"}) BOOST_TEST(serve::is_loopback_host(h), h);
  for (const char* h : {"0.0.0.0", "10.0.0.1", "127.0.0.1.evil.example", "localhost.example", "", "127.0.0"})
    BOOST_TEST(!serve::is_loopback_host(h), h);
}

BOOST_AUTO_TEST_SUITE_END()
