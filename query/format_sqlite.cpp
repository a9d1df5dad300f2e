// SQLite export: one database file that sqlite3, pandas.read_sql and R's
// DBI open directly.
#include <sqlite3.h>

#include <cmath>
#include <memory>

#include "geokg/core/ids.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/text.hpp"

namespace geokg::query {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE actors (
  id TEXT PRIMARY KEY,          -- 16 hex digits, as every geokg output prints it
  name TEXT NOT NULL,
  kind TEXT NOT NULL,           -- person, organization, country, location, group, artifact
  country TEXT,                 -- ISO 3166 alpha-3 or a CAMEO code (SUN); as of the window's end when one is given
  sector TEXT,
  code TEXT,                    -- CAMEO actor code (USAGOV)
  naming TEXT,                  -- proper, partial, unnamed, common
  mentions INTEGER,
  articles INTEGER,
  first_seen TEXT,
  last_seen TEXT
);
CREATE TABLE aliases (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  alias TEXT NOT NULL
);
CREATE TABLE roles (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  title TEXT,
  country TEXT,
  sector TEXT,
  organization TEXT,
  start_date TEXT,              -- YYYY, YYYY-MM or YYYY-MM-DD; NULL when unknown
  end_date TEXT                 -- NULL while open
);
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT,
  date TEXT,
  publisher TEXT,
  url TEXT,
  ingested_at TEXT,             -- UTC, YYYY-MM-DD HH:MM:SS
  text_bytes INTEGER
);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  global_event_id INTEGER,      -- the GDELT export's GlobalEventID
  source_id TEXT NOT NULL REFERENCES actors(id),
  target_id TEXT NOT NULL REFERENCES actors(id),
  cameo TEXT NOT NULL,          -- CAMEO event code (040)
  root TEXT NOT NULL,           -- its root class (04)
  relation TEXT,                -- as the text said it (met)
  label TEXT,                   -- CAMEO label
  goldstein REAL,
  quad_class INTEGER,           -- 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
  date TEXT,                    -- YYYY, YYYY-MM or YYYY-MM-DD; NULL when undated
  date_precision TEXT,          -- day, month, year, none
  year INTEGER,
  month INTEGER,
  day INTEGER,
  location_id TEXT,
  location TEXT,
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  confidence REAL,
  quote TEXT,
  mentions INTEGER NOT NULL,    -- reports (GDELT NumMentions)
  num_sources INTEGER NOT NULL, -- distinct publishers (NumSources)
  num_articles INTEGER NOT NULL,-- distinct articles (NumArticles)
  source_url TEXT,              -- the first report's URL
  place_country TEXT,           -- the place's country (ISO alpha-3); NULL without a place
  place_precision TEXT,         -- country, adm1, city, landmark, region; none when the gazetteer did not resolve it
  place_lat REAL,               -- the resolved place's coordinates (WGS 84)
  place_lon REAL,
  place_id TEXT                 -- the gazetteer entry: a city's GeoNames id, ISO 3166-2, alpha-3
);
CREATE TABLE reports (
  event_id TEXT NOT NULL REFERENCES events(id),
  article_id TEXT REFERENCES articles(id),
  publisher TEXT,
  url TEXT,
  sentence TEXT,
  start_byte INTEGER,           -- the sentence's byte span in the article's text
  end_byte INTEGER,
  rule TEXT,
  cameo TEXT,                   -- the code this report gave
  date TEXT                     -- the date this report gave
);
)sql";

constexpr const char* kIndexes = R"sql(
CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX aliases_alias ON aliases(alias);
CREATE INDEX aliases_actor ON aliases(actor_id);
CREATE INDEX roles_actor ON roles(actor_id);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_target ON events(target_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_quad ON events(quad_class);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_article ON reports(article_id);
)sql";

struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

// A prepared INSERT with typed binders; a NULL for empty text.
class Insert {
 public:
  Insert(sqlite3* db, const char* sql) : db_(db) {
    sqlite3_stmt* s = nullptr;
    rc_ = sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    stmt_.reset(s);
  }
  Insert& text(const std::string& v) {
    if (v.empty()) sqlite3_bind_null(stmt_.get(), ++col_);
    else sqlite3_bind_text(stmt_.get(), ++col_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Insert& integer(std::int64_t v) {
    sqlite3_bind_int64(stmt_.get(), ++col_, v);
    return *this;
  }
  Insert& real(std::optional<double> v) {
    if (v) sqlite3_bind_double(stmt_.get(), ++col_, *v);
    else sqlite3_bind_null(stmt_.get(), ++col_);
    return *this;
  }
  Insert& null() {
    sqlite3_bind_null(stmt_.get(), ++col_);
    return *this;
  }
  // Runs the statement and resets it for the next row.
  bool run() {
    if (rc_ != SQLITE_OK) return false;
    rc_ = sqlite3_step(stmt_.get());
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
    col_ = 0;
    if (rc_ != SQLITE_DONE) return false;
    rc_ = SQLITE_OK;
    return true;
  }
  std::string error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_;
  Stmt stmt_;
  int rc_ = SQLITE_OK;
  int col_ = 0;
};

std::string date_text(const Date& d) { return d.known() ? d.iso() : std::string(); }

std::string utc(std::int64_t unix_seconds) { return utc_time(unix_seconds, "%Y-%m-%d %H:%M:%S"); }

Status exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  std::string m = message ? message : "unknown error";
  sqlite3_free(message);
  return Status::IOError("SQLite: " + m);
}

Status failed(const Insert& insert) { return Status::IOError("SQLite: " + insert.error()); }

// The rows; the statements are finalised when it returns, before the close.
Status fill(sqlite3* db, const Subgraph& g, const CameoTable* cameo) {
  Insert actor(db, "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  Insert alias(db, "INSERT INTO aliases VALUES (?,?)");
  Insert role(db, "INSERT INTO roles VALUES (?,?,?,?,?,?,?)");
  for (const Node& n : g.nodes) {
    const std::string id = to_hex(n.id);
    if (!actor.text(id).text(n.name).text(to_string(n.kind)).text(n.country).text(n.sector).text(n.code)
             .text(to_string(n.naming)).integer(static_cast<std::int64_t>(n.mentions)).integer(n.articles)
             .text(date_text(n.first_seen)).text(date_text(n.last_seen)).run())
      return failed(actor);
    for (const auto& a : n.aliases)
      if (!alias.text(id).text(a).run()) return failed(alias);
    for (const Role& r : n.roles)
      if (!role.text(id).text(r.title).text(r.country).text(r.sector).text(r.organization)
               .text(date_text(r.from)).text(date_text(r.to)).run())
        return failed(role);
  }

  Insert article(db, "INSERT INTO articles VALUES (?,?,?,?,?,?,?)");
  for (const auto& [id, a] : g.articles)
    if (!article.text(a.id).text(a.title).text(date_text(a.date)).text(a.publisher).text(a.url)
             .text(utc(a.ingested_at)).integer(static_cast<std::int64_t>(a.text_bytes)).run())
      return failed(article);

  Insert event(db, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  Insert report(db, "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?)");
  for (const EventEdge& e : g.edges) {
    const EventFacts facts = event_facts(e, cameo, &g.articles);
    const std::string id = to_hex(e.id);
    std::string location;
    if (e.location != 0)
      if (auto it = g.index.find(e.location); it != g.index.end()) location = g.nodes[it->second].name;
    event.text(id).integer(static_cast<std::int64_t>(gdelt_event_id(e.id))).text(to_hex(e.source))
        .text(to_hex(e.target)).text(e.cameo).text(e.cameo.substr(0, 2)).text(e.relation).text(facts.label)
        .real(facts.goldstein);
    if (facts.quad_class) event.integer(facts.quad_class);
    else event.null();
    event.text(date_text(e.date)).text(to_string(e.date.precision));
    for (int part : {e.date.year, e.date.month, e.date.day}) {
      if (part) event.integer(part);
      else event.null();
    }
    event.text(e.location ? to_hex(e.location) : std::string()).text(location).integer(e.negated)
        .integer(e.hypothetical).real(std::round(e.confidence * 1000.0) / 1000.0).text(e.quote)
        .integer(e.mentions).integer(static_cast<std::int64_t>(event_source_count(e)))
        .integer(static_cast<std::int64_t>(e.articles.size()))
        .text(facts.urls.empty() ? std::string() : facts.urls.front());
    const Place& p = e.place;
    if (p.name.empty()) event.null().null();
    else event.text(p.country).text(to_string(p.precision));
    if (p.resolved()) event.real(p.lat).real(p.lon).text(p.entry);
    else event.null().null().null();
    if (!event.run()) return failed(event);
    for (const Evidence& x : e.evidence) {
      auto it = g.articles.find(x.article_id);
      const std::string url = it == g.articles.end() ? std::string() : it->second.url;
      if (!report.text(id).text(x.article_id).text(x.source).text(url).text(x.sentence).integer(x.start)
               .integer(x.end).text(x.rule).text(x.cameo).text(date_text(x.date)).run())
        return failed(report);
    }
  }
  return Status::Ok();
}

}  // namespace

Status write_sqlite(const std::string& path, const Subgraph& g, const CameoTable* cameo) {
  sqlite3* db = nullptr;
  const int open_rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Status s;
  if (open_rc != SQLITE_OK) {
    s = Status::IOError("cannot create SQLite database " + path + ": " +
                        (db ? sqlite3_errmsg(db) : sqlite3_errstr(open_rc)));
  } else {
    // A new file that is renamed into place when whole: no journal needed.
    for (const char* sql : {"PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF", kSchema, "BEGIN"})
      if (s.ok()) s = exec(db, sql);
    if (s.ok()) s = fill(db, g, cameo);
    for (const char* sql : {"COMMIT", kIndexes})
      if (s.ok()) s = exec(db, sql);
  }
  if (sqlite3_close(db) != SQLITE_OK && s.ok()) s = Status::IOError("SQLite: cannot close " + path);
  return s;
}

}  // namespace geokg::query
