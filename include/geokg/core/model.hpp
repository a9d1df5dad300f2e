#pragma once
// The knowledge-graph model shared by every module:
//  - what a reader produces (Article),
//  - what the pure extractor produces from one article (Extraction: actors and
//    events named by index, as `geokg extract` prints them),
//  - what the store keeps across articles (Node, EventEdge, StaticEdge, ArticleRecord).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/date.hpp"
#include "geokg/core/place.hpp"

namespace geokg {

using NodeId = std::uint64_t;   // stable hash of kind + normalised canonical name; 0 = none
using EdgeId = std::uint64_t;   // stable hash of source, target, CAMEO code, date, flags

enum class NodeKind : std::uint8_t {
  kPerson = 0,
  kOrganization = 1,
  kCountry = 2,    // a state or its government ("Beijing" said … resolves here)
  kLocation = 3,   // a place that is not acting: a city, a region, a venue
  kGroup = 4,      // militants, protesters, rebels, parties acting as a group
  kArtifact = 5,   // bill, treaty, agreement, resolution, weapon system, sanctions package
};
const char* to_string(NodeKind kind);
std::optional<NodeKind> node_kind_from_string(std::string_view s);

// How an actor is named, which decides how far its identity reaches:
//  - kProper: a name ("Antony Blinken", "NATO", "Japanese Finance Ministry",
//    "the Intermediate-Range Nuclear Forces Treaty"): one node across articles;
//  - kPartial: a person known only by a surname ("Mr Howard") that nothing in
//    the article or the lexicon completed; the store resolves it to the one
//    full-name person of a compatible country and time, else keeps it apart;
//  - kUnnamed: an agent noun standing for a country's sector ("Malaysian
//    police", "Iraqi forces", "a court in Guyana", "protesters"): one node per
//    (country, sector), named "<demonym> <sector noun>" or the noun alone;
//  - kCommon: a common noun for a thing ("the agreement", "an aid bill") or an
//    institution whose country the text does not give ("the Finance
//    Ministry"): it names something of this article only, so it never merges
//    with another article's.
enum class Naming : std::uint8_t { kProper = 0, kPartial = 1, kUnnamed = 2, kCommon = 3 };
const char* to_string(Naming naming);
std::optional<Naming> naming_from_string(std::string_view s);

// Whether a node stands for one actor, which rankings list and paths pass
// through: not a common noun ("the agreement" of some story) and not an
// unnamed actor without a country ("rebels", "protesters" of any land).
inline bool is_specific(Naming naming, std::string_view country) {
  return naming != Naming::kCommon && !(naming == Naming::kUnnamed && country.empty());
}

// A dated role or affiliation: "Secretary of State of USA, 2021-01-26 – 2025-01-20".
struct Role {
  std::string title;     // "Secretary of State", "Foreign Minister"
  std::string country;   // ISO 3166 alpha-3, or "" when not tied to a country
  std::string sector;    // GOV, MIL, LEG, JUD, DIP, IGO, …
  std::string organization;  // for roles in an organisation ("NATO"); "" otherwise
  Date from;             // unknown when the start is not known
  Date to;               // unknown while the role is open
  friend bool operator==(const Role&, const Role&) = default;
};

// True when `role` may have been held on `at`: it started on or before that
// date (or its start is unknown) and ended on or after it (or is open), with
// dates of month or year precision covering their whole month or year. An
// unknown `at` holds every role.
bool role_held_at(const Role& role, const Date& at);

// True when `role` was held at some time in [from, to] (either end open when
// unknown): it did not end before `from` nor start after `to`.
bool role_overlaps(const Role& role, const Date& from, const Date& to);

// The country an actor stood for on `at`: the country of the earliest-started
// role held then that names one (Gorbachev is SUN in 1987, Shevardnadze GEO in
// 2000), else `home`. An unknown `at` gives `home`.
std::string country_at(const std::vector<Role>& roles, std::string_view home, const Date& at);

// Whether an actor was of `country` at some time in [from, to] (either end
// open when unknown): the country of a role overlapping the window, else its
// `home` country when no country-tied role overlaps a given window (without
// a window, `home` or any role's country). Codes compare as written.
bool of_country_between(const std::vector<Role>& roles, std::string_view home, std::string_view country,
                        const Date& from, const Date& to);

// One article as a reader hands it over.
struct Article {
  std::string id;        // stable: given by JSONL, else hash of URL, else of text
  std::string title;
  Date date;             // publication date when known
  std::string source;    // publisher ("Reuters")
  std::string url;
  std::string text;      // the body as read (UTF-8); evidence offsets index into it
  std::string origin;    // where it came from, for messages: "feed.jsonl:17", "page.html"
  // An article read back from an extraction file carries no text: these two
  // stand for it (0 = taken from `text`; see article_text_bytes() and
  // article_content_hash() in geokg/core/ids.hpp).
  std::uint64_t text_bytes = 0;
  std::uint64_t content_hash = 0;
};

// Where an event was read: one sentence of one article.
struct Evidence {
  std::string article_id;
  std::string source;        // the article's publisher
  std::string sentence;      // the sentence text as it appears in the article
  std::uint32_t start = 0;   // byte span of the sentence in Article::text
  std::uint32_t end = 0;
  std::string rule;          // the pattern or model that produced the event
  // What this report said, kept when reports of one event disagree (the edge
  // holds the winning code and date). Filled by GraphStore::commit.
  std::string cameo;         // the CAMEO code this report was coded with
  Date date;                 // the date this report gave, at its precision
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// An actor found in one article.
struct ExtractedActor {
  std::string name;                  // canonical name ("Antony Blinken")
  NodeKind kind = NodeKind::kPerson;
  std::string country;               // ISO alpha-3 (or SUN, YUG …) as of the article's date, or ""
  std::string sector;                // GOV, MIL, … or ""
  std::vector<std::string> aliases;  // other surface forms seen in this article
  std::vector<Role> roles;           // roles stated in the text or known from the lexicon
  std::uint32_t mentions = 0;        // mentions in this article (after coreference)
  bool from_lexicon = false;         // identity comes from a lexicon entry
  // CAMEO actor code: the country part (ISO alpha-3, a historical state such
  // as SUN, a region, or IGO/NGO) and the sector part ("USAGOV", "RUSMIL",
  // "IRQ", "IGOUNO", "REB"); "" when neither is known. Table: data/actors/codes.json.
  std::string code;
  Naming naming = Naming::kProper;
  // What bounds the identity of an actor not fully named. A common noun: the
  // node ids of the actors that act on it or with it here ("agreement" signed
  // by Nigeria and Britain), so that copies of one story share it and other
  // stories' agreements do not ("" = its article alone; set after events, see
  // node_id()). A person known by surname only, without a country: the one
  // country the article names, which the person it is resolved to must not
  // contradict ("Mr Howard" in a story that names only Britain is not John
  // Howard of Australia).
  std::string scope;
};

// A state, or an actor of a sector other than business (GOV, MIL, OPP, LAB,
// MED, …): what makes an event geopolitics rather than company news.
inline bool political_actor(const ExtractedActor& a) {
  return a.kind == NodeKind::kCountry || (!a.sector.empty() && a.sector != "BUS");
}

// Whether an "attack" between these ends is one of words: a person, a
// party or a legislature attacks someone unarmed with words (111: "Blair
// attacked Howard", "the Lib Dems attacked Tony Blair"); an army, a state,
// or anyone attacking armed forces fights.
inline bool attack_of_words(const ExtractedActor& source, const ExtractedActor& target) {
  const bool speaker = source.kind == NodeKind::kPerson || source.sector == "PTY" || source.sector == "LEG";
  const bool armed = target.sector == "MIL" || target.sector == "COP" || target.sector == "REB" ||
                     target.sector == "INS" || target.sector == "SPY";
  return speaker && !armed &&
         (target.kind == NodeKind::kPerson || target.kind == NodeKind::kOrganization || target.kind == NodeKind::kGroup);
}

// Crowds and the forces of order: civilians fighting police or troops riot
// (145, "demonstrators battled riot police"); police or troops attacking
// civilians repress them (175); neither is war. Both are affairs within one
// state: forces killing people of another state ("Chadian troops killed 384
// Libyans in fighting") are at war, and keep their code; armed groups
// attacking civilians assault them (180). The code and label
// an assault or fight (18x, 19x) between such actors takes; empty when none.
struct CrowdAndForce {
  std::string_view code, label;
};
inline CrowdAndForce crowd_and_force(std::string_view code, const ExtractedActor& source,
                                     const ExtractedActor& target) {
  auto civil = [](std::string_view x) { return x == "OPP" || x == "PPL" || x == "LAB" || x == "EDU" || x == "CVL"; };
  auto force = [](std::string_view x) { return x == "COP" || x == "MIL"; };
  // (Protesters or rioters wrecking or torching places of their own state:
  // a riot, as CAMEO codes it, not coercion: "protesters torched police
  // stations across Bangladesh".)
  const bool wrecking = code.starts_with("171");
  if (!code.starts_with("18") && !code.starts_with("19") && !wrecking) return {};
  // Rebels or insurgents attacking civilians (a bus of pilgrims, a market,
  // journalists) use unconventional violence (180), as CAMEO codes
  // terrorism; fighting troops or police stays conventional force (19x).
  auto civilian = [&](std::string_view x) {
    return civil(x) || x == "REL" || x == "MED" || x == "BUS" || x == "REF" || x == "HLH";
  };
  if (code == "190" && (source.sector == "REB" || source.sector == "INS") && civilian(target.sector))
    return {"180", "attacked"};
  if (!source.country.empty() && !target.country.empty() && source.country != target.country) return {};
  if (wrecking)
    return civil(source.sector) && (target.kind == NodeKind::kCountry || target.kind == NodeKind::kLocation ||
                                    target.sector == "GOV" || force(target.sector))
               ? CrowdAndForce{"145", "rioted"}
               : CrowdAndForce{};
  if (civil(source.sector) && force(target.sector)) return {"145", "clashed with"};
  if (force(source.sector) && civil(target.sector) && code.starts_with("19")) return {"175", "used force against"};
  return {};
}

// An event found in one article; source/target/location index Extraction::actors.
struct ExtractedEvent {
  int source = -1;
  int target = -1;
  std::string cameo;         // "040", "057", "112"
  std::string relation;      // short readable label: "met", "signed", "accused"
  Date date;
  int location = -1;         // -1 when no place is stated
  Place place;               // `location` resolved against the gazetteer (name only when unresolved)
  float confidence = 0.5f;
  bool negated = false;      // "did not meet" — kept out of the graph's queries by default
  bool hypothetical = false; // "would impose", "is expected to meet", "if …"
  // Meetings, talks, negotiations, clashes: the same event whichever side a
  // sentence names first ("X met Y", "Y and X held talks"); the store keeps
  // such an edge in one canonical direction, so reports of it merge.
  bool symmetric = false;
  std::string quote;         // the quoted words of a statement event
  Evidence evidence;
};

struct Extraction {
  std::vector<ExtractedActor> actors;
  std::vector<ExtractedEvent> events;
};

// ---- What the store keeps -------------------------------------------------

struct Node {
  NodeId id = 0;
  NodeKind kind = NodeKind::kPerson;
  std::string name;
  std::vector<std::string> aliases;
  std::string country;          // as the latest dated report gave it; country_at(roles, country, date) at a date
  std::string sector;
  std::vector<Role> roles;
  std::uint64_t mentions = 0;   // over all articles
  std::uint32_t articles = 0;   // articles that mention it
  Date first_seen;              // earliest / latest article date that mentions it
  Date last_seen;
  std::string code;             // CAMEO actor code given with `country` (see ExtractedActor::code)
  Naming naming = Naming::kProper;
  Date country_date;            // date of the report that gave `country` and `code`
};

struct EventEdge {
  EdgeId id = 0;
  NodeId source = 0;
  NodeId target = 0;
  std::string cameo;
  std::string relation;
  Date date;
  NodeId location = 0;
  Place place;                          // the location as the first report that gave one resolved it
  bool negated = false;
  bool hypothetical = false;
  float confidence = 0.f;               // the highest confidence of any report
  std::string quote;
  std::uint32_t mentions = 0;           // reports (GDELT NumMentions)
  std::vector<std::string> sources;     // distinct publishers (NumSources)
  std::vector<std::string> articles;    // distinct article ids (NumArticles)
  std::vector<Evidence> evidence;       // one per report
  bool flagged() const { return negated || hypothetical; }
};

// Role and membership edges: Blinken —role: Secretary of State→ USA.
// What a static (undated) edge records. A closed set: a store holding
// another value is damaged. The value is also the edge's key tag (keys.hpp).
enum class StaticRelation : std::uint8_t {
  kRole = 1,   // the source holds `role` in the target (a state, an organisation)
};
const char* to_string(StaticRelation relation);   // "role"
std::optional<StaticRelation> static_relation_from_string(std::string_view s);

struct StaticEdge {
  NodeId source = 0;
  NodeId target = 0;
  StaticRelation relation = StaticRelation::kRole;
  Role role;
  friend bool operator==(const StaticEdge&, const StaticEdge&) = default;
};

struct ArticleRecord {
  std::string id;
  std::string title;
  Date date;
  std::string source;
  std::string url;
  std::int64_t ingested_at = 0;   // unix seconds
  std::uint64_t text_bytes = 0;
  std::vector<NodeId> nodes;      // what this article contributed, for verify and replacement
  std::vector<EdgeId> edges;
  // What the article gave each of them, so that a changed version can replace
  // it exactly. Empty (and content_hash 0) in records written before these
  // were kept: such an article is never replaced.
  std::uint64_t content_hash = 0;             // of its title and text
  std::vector<std::uint64_t> node_mentions;   // per nodes[i]: mentions it added
  std::vector<std::vector<std::string>> node_names;   // per nodes[i]: normalised names it counted
  std::vector<std::uint32_t> edge_reports;    // per edges[i]: reports it added
  std::vector<StaticEdge> static_edges;       // role edges it wrote
};

}  // namespace geokg
