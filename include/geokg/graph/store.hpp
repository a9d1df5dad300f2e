#pragma once
// GraphStore: the knowledge graph on disk, in RocksDB.
//
// One column family per record kind (layouts in geokg/graph/keys.hpp):
//   meta      schema version and creator tag
//   nodes     node_id                                  -> Node
//   names     normalised alias | node_id               -> evidence count (merge adds)
//   edges     edge_id                                  -> EventEdge (merge operator grows evidence)
//   static    source_id | relation | target_id | hash  -> StaticEdge
//   adj       dir | node_id | date | cameo | edge_id   -> other node id | flags
//   timeline  date | edge_id                           -> flags | cameo
//   articles  article id                               -> ArticleRecord
//
// Writes: commit() turns one article's Extraction into one WriteBatch spanning
// the families, so an article is in the store whole or not at all. A second
// commit of the same article id with the same title and text changes
// nothing. With another title or text (a corrected story) it replaces the
// article (StoreOptions::on_changed): in one WriteBatch, what the stored
// version contributed (its reports of events, the mentions and names it gave
// nodes, its role edges; the ArticleRecord keeps them) is taken out and the
// new version committed in its place; an event, node or role edge that no
// other article gives goes with it.
//
// Durability: the memtables of every family are flushed together
// (atomic_flush), after StoreOptions::flush_every_commits commits or
// flush_every_seconds, on flush() and on close; until then a commit's only
// copy is the write-ahead log. Each commit also records its sequence number
// in the meta family and appends its article id to a commit journal beside
// the database (GEOKG-JOURNAL), so that an open after the log was cut short,
// damaged or deleted knows exactly which committed articles RocksDB's
// point-in-time recovery left out (recovery(), verify()).
//
// Across articles, commit resolves before it writes (a few point lookups and
// one bounded adjacency scan per event, under the commit lock):
//  - Actors: an actor takes the id of its canonical name when that node
//    exists or when it comes from a lexicon (lexicon identities are
//    authoritative); an unnamed actor ("Malaysian police") always takes the
//    id of its (country, sector) and a common noun ("the agreement") the id
//    of its article (node_id(actor, article id)). Otherwise it resolves to an
//    existing node one of whose names equals its name or one of its
//    multi-word aliases (normalised), when exactly one such node has the same
//    kind and a compatible country (equal, or one unknown). A person known
//    only by surname (Naming::kPartial: "Blair") resolves to the one
//    full-name person that has the surname as a name, a compatible country
//    and time (no dated role of theirs starting years after the article; of
//    several, the one holding a role at the article's date), else stays a
//    partial node. Another one-word name (a noun "package") resolves only to
//    the one other node of its kind that has it as a name and the same,
//    known country. The actor's names become aliases of the node; every
//    alias counts the articles that gave it (alias_evidence()).
//    The policy is geokg::identity's resolve_actor (identity/actor_resolver.hpp);
//    the store answers its reads.
//  - Events: a report merges into an existing edge (or one written earlier in
//    the same commit) with the same resolved source and target, the same
//    CAMEO root ("04"), the same negated/hypothetical flags and a compatible
//    date (Date::compatible; an undated report only with an undated edge).
//    Mentions, distinct sources, articles and evidence grow; a more precise
//    date and a more specific code win (codec::date_wins/cameo_wins), the
//    adjacency and timeline entries move with them in the same WriteBatch,
//    and each evidence keeps the code and date its report gave.
//
// Reads: any number of read-only instances may open the directory while one
// writer has it open; they see the data as of their open, every article whole
// or not at all, never fewer articles than an earlier open saw. (A writer's
// flush may delete a log a reader was about to replay; a reader notices the
// log or MANIFEST changing during its open and opens again.) A writer flushes
// on close so that the next open does not replay the log. A new database is
// built in a sibling directory "<dir>.creating-<pid>" and renamed into place,
// so nobody ever opens a half-made one.
//
// Values are encoded by geokg/graph/codec.hpp; Boost.Graph views over the
// store are built by geokg/graph/view.hpp.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"

namespace geokg {

namespace internal {
struct StoreInternals;  // test and tooling access to the RocksDB handles (store_internal.hpp)
}

inline constexpr std::uint32_t kSchemaVersion = 1;

// What commit() does with an article whose id is stored with another title or text.
enum class ChangedArticle : std::uint8_t {
  kReplace,   // take the stored version's contribution out and commit the new one
  kKeep,      // leave the stored version; CommitResult::changed_kept says so
};

struct StoreOptions {
  // Open read-only: no writes, works beside a running writer. Default: false.
  bool read_only = false;
  // Create the database when the directory holds none. Default: true (ignored when read_only).
  bool create_if_missing = true;
  // fsync the WAL on every commit (slower, survives power loss). Default: false.
  bool sync_writes = false;
  // RocksDB block cache for reads, in MiB. Default: 64.
  std::size_t block_cache_mb = 64;
  // A stored article committed again with another title or text. Default: kReplace.
  ChangedArticle on_changed = ChangedArticle::kReplace;
  // Flush after this many commits since the last flush (0 = no count). Default: 10,000.
  std::uint32_t flush_every_commits = 10'000;
  // Flush after the first commit this many seconds after the last flush (0 =
  // no time). With flush_every_commits, the most a lost write-ahead log can
  // take from a running writer. Default: 30.
  std::uint32_t flush_every_seconds = 30;
};

struct CommitResult {
  bool already_present = false;   // the article was stored before, same title and text: nothing written
  bool replaced = false;          // stored with another title or text: replaced (kReplace)
  bool changed_kept = false;      // stored with another title or text: left as it was (kKeep)
  std::uint32_t nodes = 0;        // nodes written or merged
  std::uint32_t events = 0;       // event edges written or merged
  std::uint32_t static_edges = 0;
  std::uint32_t resolved_actors = 0;   // actors resolved to a node under another name
  std::uint32_t merged_reports = 0;    // event reports merged into an edge already reported
};

enum class Direction : std::uint8_t { kOut = 0, kIn = 1, kBoth = 2 };

// Which events a scan returns. Dates are inclusive; an unknown date leaves
// that side open. An undated event passes only when both sides are open.
struct EdgeFilter {
  Date from;                          // Default: open
  Date to;                            // Default: open
  std::vector<std::string> cameo;     // code prefixes ("04", "112"); Default: any
  bool include_flagged = false;       // negated / hypothetical events. Default: excluded
  // Only events reported by at least this many distinct publishers
  // (edge_source_count). Scans read the edge record for it only when > 1.
  // Default: 1 (every event).
  std::size_t min_sources = 1;
  // Only events reported by one of these publishers (publisher_matches);
  // scans read the edge record for it only when it is not empty. Default: any
  std::vector<std::string> publishers;
};

// Distinct publishers of an event; reports without a publisher count as one.
inline std::size_t edge_source_count(const EventEdge& e) {
  return e.sources.empty() ? (e.articles.empty() ? 0 : 1) : e.sources.size();
}

// Whether a stored publisher ("Reuters newswire, Reuters-21578 collection")
// is the one a person names ("reuters"): `name` occurs in it as whole words,
// ASCII case ignored ("AP" is not in "Japan"; "BBC" is in "BBC News"). An
// empty name matches nothing.
bool publisher_matches(std::string_view publisher, std::string_view name);

// Whether one of the event's publishers matches one of `names` (true when
// `names` is empty).
bool publishers_pass(const std::vector<std::string>& names, const EventEdge& e);

// True when an event with this date, CAMEO code and flag state passes `filter`
// (the rule every scan applies). A month- or year-precise `to` covers its
// whole month / year; an event's own date is compared by Date::key().
// This form cannot see min_sources or publishers; the EventEdge form checks
// them too.
bool edge_passes(const EdgeFilter& filter, const Date& date, std::string_view cameo, bool flagged);
inline bool edge_passes(const EdgeFilter& filter, const EventEdge& e) {
  return edge_passes(filter, e.date, e.cameo, e.flagged()) &&
         edge_source_count(e) >= filter.min_sources && publishers_pass(filter.publishers, e);
}
// True when the filter needs the event record (min_sources, publishers), not
// only the index entry's date, code and flags.
inline bool filter_needs_record(const EdgeFilter& filter) {
  return filter.min_sources > 1 || !filter.publishers.empty();
}

struct AdjacencyEntry {
  NodeId node = 0;          // the node scanned
  NodeId other = 0;         // the counterpart
  EdgeId edge = 0;
  Date date;
  std::string cameo;
  bool outgoing = true;     // node is the event's source
  bool flagged = false;
};

struct TimelineEntry {
  EdgeId edge = 0;
  Date date;
  std::string cameo;
  bool flagged = false;
};

struct StoreCounts {
  std::uint64_t nodes = 0;
  std::uint64_t names = 0;
  std::uint64_t edges = 0;
  std::uint64_t static_edges = 0;
  std::uint64_t adjacency = 0;
  std::uint64_t timeline = 0;
  std::uint64_t articles = 0;
  std::uint64_t evidence = 0;   // sum of mentions over edges (reports, flagged events' included)
  std::uint64_t flagged_edges = 0;   // of `edges`, the negated or hypothetical ones
};

// What an open found missing: articles whose commit had returned Ok but that
// the database does not hold, because the write-ahead log that was their only
// copy was cut short, damaged or deleted before a flush. Found from the commit
// journal (and, once a writer has opened the database, from the record it
// keeps of them until they are ingested again).
struct RecoveryReport {
  struct Lost {
    std::uint64_t commit = 0;     // the commit's sequence number
    std::string article_id;
  };
  std::vector<Lost> lost;
  // False when the journal could not be checked: a reader beside a live
  // writer (it cannot tell a lost commit from one made after its open).
  bool journal_checked = false;
};

struct VerifyReport {
  std::uint64_t checked = 0;              // records and index entries looked at
  std::vector<std::string> problems;      // one line per inconsistency, empty when sound
  bool ok() const { return problems.empty(); }
};

class GraphStore {
 public:
  // Opens (or creates) the database in `dir`.
  // Errors: Busy when another process holds the write lock ("in use by another
  // geokg process"), Incompatible when the directory is not a geokg database or
  // has a newer schema version, Corruption when it is one whose RocksDB files
  // were damaged or lost (CURRENT, MANIFEST, column families), NotFound when
  // read_only and nothing is there, IOError otherwise (a parent directory
  // that does not exist included).
  // Committed articles that a damaged write-ahead log lost do not fail the
  // open: recovery() lists them, and a writer records them in the database
  // (verify() reports them until they are ingested again).
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& dir,
                                                  const StoreOptions& options = {});
  ~GraphStore();
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  const std::string& dir() const;
  bool read_only() const;

  // Commits one article and its extraction atomically (one WriteBatch); an
  // article stored with another title or text is replaced (or kept: see
  // StoreOptions::on_changed) in the same single batch.
  // REQUIRES: !article.id.empty(); every event's source/target index actors.
  // Returns InvalidInput for a malformed extraction (nothing written); an
  // IOError from a flush the commit triggered (the commit itself is written).
  Result<CommitResult> commit(const Article& article, const Extraction& extraction);

  // Writes every family's memtable to table files: every commit so far then
  // survives the loss of the write-ahead log. The writer calls it before it
  // reports success (an ingest that returned 0 is flushed).
  Status flush();

  // What the open found missing (see RecoveryReport).
  const RecoveryReport& recovery() const;

  // ---- point reads; NotFound when absent -------------------------------
  Result<Node> node(NodeId id) const;
  Result<EventEdge> edge(EdgeId id) const;
  Result<ArticleRecord> article(std::string_view article_id) const;
  bool has_article(std::string_view article_id) const;

  // Node ids whose alias equals `name` after normalize_name(); empty when none.
  Result<std::vector<NodeId>> find_nodes(std::string_view name) const;
  // How many articles gave node `id` the name `alias` (normalised here); 0
  // for a name the node does not have or one stored before counts existed.
  Result<std::uint64_t> alias_evidence(std::string_view alias, NodeId id) const;

  // ---- scans: the callback returns false to stop early ---------------------
  // Aliases (normalised) starting with `prefix`, in byte order. `prefix` is
  // compared as given: pass it through normalize_name() first for user input.
  Status scan_names(std::string_view prefix,
                    const std::function<bool(std::string_view alias, NodeId)>& fn) const;
  // An actor's events in date order, filtered; kBoth interleaves the outgoing
  // and incoming events so the whole sequence is in date order. Undated events
  // (Date::key() 0) come before dated ones.
  Status scan_adjacency(NodeId node, Direction dir, const EdgeFilter& filter,
                        const std::function<bool(const AdjacencyEntry&)>& fn) const;
  // All events in date order, filtered.
  Status scan_timeline(const EdgeFilter& filter,
                       const std::function<bool(EdgeId, const Date&)>& fn) const;
  // The same, with the CAMEO code and flags the index entry carries.
  Status scan_timeline_entries(const EdgeFilter& filter,
                               const std::function<bool(const TimelineEntry&)>& fn) const;
  // Role / membership edges of one node (as source).
  Status scan_static(NodeId source, const std::function<bool(const StaticEdge&)>& fn) const;
  Status for_each_node(const std::function<bool(const Node&)>& fn) const;
  Status for_each_edge(const std::function<bool(const EventEdge&)>& fn) const;
  Status for_each_article(const std::function<bool(const ArticleRecord&)>& fn) const;

  Result<StoreCounts> counts() const;
  // Every index entry points at a record and every record is indexed; and no
  // committed article is missing (recovery()).
  Result<VerifyReport> verify() const;

  class Impl;

 private:
  friend struct internal::StoreInternals;
  explicit GraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg
