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

// One article as a reader hands it over.
struct Article {
  std::string id;        // stable: given by JSONL, else hash of URL, else of text
  std::string title;
  Date date;             // publication date when known
  std::string source;    // publisher ("Reuters")
  std::string url;
  std::string text;      // the body as read (UTF-8); evidence offsets index into it
  std::string origin;    // where it came from, for messages: "feed.jsonl:17", "page.html"
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
  std::string country;               // ISO alpha-3 or ""
  std::string sector;                // GOV, MIL, … or ""
  std::vector<std::string> aliases;  // other surface forms seen in this article
  std::vector<Role> roles;           // roles stated in the text or known from the lexicon
  std::uint32_t mentions = 0;        // mentions in this article (after coreference)
  bool from_lexicon = false;         // identity comes from a lexicon entry
};

// An event found in one article; source/target/location index Extraction::actors.
struct ExtractedEvent {
  int source = -1;
  int target = -1;
  std::string cameo;         // "040", "057", "112"
  std::string relation;      // short readable label: "met", "signed", "accused"
  Date date;
  int location = -1;         // -1 when no place is stated
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
  std::string country;
  std::string sector;
  std::vector<Role> roles;
  std::uint64_t mentions = 0;   // over all articles
  std::uint32_t articles = 0;   // articles that mention it
  Date first_seen;              // earliest / latest article date that mentions it
  Date last_seen;
};

struct EventEdge {
  EdgeId id = 0;
  NodeId source = 0;
  NodeId target = 0;
  std::string cameo;
  std::string relation;
  Date date;
  NodeId location = 0;
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
struct StaticEdge {
  NodeId source = 0;
  NodeId target = 0;
  std::string relation;   // "role" or "member"
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
