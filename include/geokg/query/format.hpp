#pragma once
// Output writers for the query results: terminal tables and text, JSON,
// CSV (RFC 4180), Markdown and SVG for timelines; DOT, GraphML, JSON
// node-link and Neo4j CSV for graphs. Pure functions of the result structs
// onto a stream; every stored string goes through geokg/query/text.hpp
// escaping, so names holding quotes, '<', '&', newlines or invalid UTF-8
// cannot break a format.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/query/articles.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/places.hpp"
#include "geokg/query/profile.hpp"
#include "geokg/query/rank.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/timeline.hpp"
#include "geokg/query/trend.hpp"

namespace geokg::query {

// What every output shows of an event beyond its record: the CAMEO label,
// Goldstein value and quad class of its code (from the table; its root's when
// the code is not listed), and the URLs of its reports.
struct EventFacts {
  std::string label;                 // "" without a table or for an unknown code
  std::optional<double> goldstein;   // nullopt likewise
  int quad_class = 0;                // 1-4; 0 likewise
  std::vector<std::string> urls;     // distinct, in report order; empty without articles
};
EventFacts event_facts(const EventEdge& e, const CameoTable* cameo, const ArticleIndex* articles);
// "V-COOP", "M-COOP", "V-CONFL", "M-CONFL" for quad classes 1-4, "-" otherwise.
const char* quad_short(int quad);
// An event's publishers joined with `sep` ("Reuters;AP").
std::string joined(const std::vector<std::string>& items, std::string_view sep);

// Serialises with invalid UTF-8 replaced (nlohmann would throw), 2-space
// indent when `pretty`, and a final newline.
std::string json_text(const nlohmann::json& j, bool pretty = true);

// ---- JSON values ------------------------------------------------------------
// The actor shape of `geokg extract`: id, name, kind, country, sector,
// aliases, roles (title, country, sector, organization, from, to), plus
// mentions, articles, first_seen, last_seen.
nlohmann::json node_json(const Node& n);
// The event shape of `geokg extract` (source, target, cameo, relation, date,
// date_precision, location, confidence, evidence{sentence,start,end,article,publisher,url})
// plus id, mentions, sources (publishers), articles (ids), urls (of the
// articles, when `articles` is given), negated / hypothetical when set, quote
// when present, and label / goldstein / quad_class when `cameo` knows the code.
nlohmann::json event_json(const TimelineEvent& e, const CameoTable* cameo,
                          const ArticleIndex* articles = nullptr);
nlohmann::json actors_json(const std::vector<RankedActor>& actors);
// With ProfileOptions::top_places, also "places" (as place_count_json),
// "total_places" and "unplaced_events".
nlohmann::json profile_json(const ActorProfile& p);
// One place of a tally: the place as geo::place_to_json writes it, plus
// "events", "first" and "last" (dates, null when none is dated).
nlohmann::json place_count_json(const PlaceCount& c);
// {"places": [place_count_json…], "total_places", "events", "unplaced_events"}.
nlohmann::json place_tally_json(const PlaceTally& t);
// Node-link: {"center", "nodes":[{"id","name","kind","country","depth",…}],
// "links":[{"source","target","events","mentions","cameo","relations","first","last",
// and with NeighborOptions::cameo "quad_classes","goldstein_sum","goldstein_mean"}],
// "omitted"}; ids are the 16-digit hex node ids.
nlohmann::json neighborhood_json(const Neighborhood& n);
// Each event hop as event_json (with Goldstein, quad class and URLs when `cameo` is given).
nlohmann::json path_json(const PathResult& p, int max_depth, const CameoTable* cameo = nullptr);

// ---- text -------------------------------------------------------------------
void write_actors_table(std::ostream& out, const std::vector<RankedActor>& actors, RankBy by);
void write_profile_text(std::ostream& out, const ActorProfile& p);
// With NeighborOptions::cameo, each neighbour's events by quad class and Goldstein mean.
void write_neighbors_text(std::ostream& out, const Neighborhood& n);
// Each event hop with its date, place, reports, Goldstein value and quad
// class (with `cameo`), evidence, publisher and URL.
void write_path_text(std::ostream& out, const PathResult& p, int max_depth, const CameoTable* cameo = nullptr);

// ---- timelines ----------------------------------------------------------------
enum class TimelineFormat { kTable, kJson, kCsv, kMarkdown, kSvg };
std::optional<TimelineFormat> timeline_format_from_string(std::string_view s);

// Every timeline writer shows each event's Goldstein value and quad class
// (with `cameo`), its articles, publishers and URLs (Timeline::articles).
// Table columns: date, source, relation, target, place, Goldstein, quad class,
// articles, sources (publishers) count, publishers, evidence (one line), URL.
void write_timeline_table(std::ostream& out, const Timeline& t, const CameoTable* cameo = nullptr);
// JSON: an array of event_json objects in date order.
void write_timeline_json(std::ostream& out, const Timeline& t, const CameoTable* cameo);
// CSV header: date,date_precision,source,cameo,relation,target,location,mentions,
// sources,articles,confidence,negated,hypothetical,evidence,id,label,goldstein,
// quad_class,num_sources,num_articles,urls (sources, articles and urls ';'-separated).
void write_timeline_csv(std::ostream& out, const Timeline& t, const CameoTable* cameo = nullptr);
// Markdown table: date, source, relation (code), target, place, Goldstein,
// quad class, articles, publishers (linked to their URLs), evidence.
void write_timeline_markdown(std::ostream& out, const Timeline& t, const CameoTable* cameo = nullptr);

struct SvgOptions {
  enum class Lanes { kAuto, kActor, kRelation };
  // kActor: one lane per counterpart (one actor asked) or per source actor;
  // kRelation: one lane per CAMEO root class. kAuto: actor lanes when actors
  // were asked, relation lanes otherwise. Default: kAuto.
  Lanes lanes = Lanes::kAuto;
  int width = 1200;               // Default: 1200 px
  std::size_t max_lanes = 24;     // further lanes merge into "other". Default: 24
  std::string title;              // Default: derived from the query
};
// A standalone SVG: lanes, a dated axis, one mark per dated event coloured by
// CAMEO quad class (month/year-precise events as spans), labels placed
// without overlap where room allows, full details in hover tooltips.
void write_timeline_svg(std::ostream& out, const Timeline& t, const CameoTable* cameo,
                        const SvgOptions& options = {});

// ---- trends -------------------------------------------------------------------
enum class TrendFormat { kTable, kCsv, kJson, kSvg };
std::optional<TrendFormat> trend_format_from_string(std::string_view s);

// {"actors", "by", "group", "normalized", "series":[{"key","label","quad_class"}],
//  "periods":[{"period","start","end","events","goldstein_sum","goldstein_mean",
//              "series":{KEY:{"events","goldstein_sum"[,"per_article"]}}
//              [,"articles","events_per_article"]}],
//  "events", "undated", "coarser", "unscored"}; per-article figures with --normalize only,
// null for a period in which no article is dated; goldstein_mean null without events.
nlohmann::json trend_json(const Trend& t);
void write_trend_json(std::ostream& out, const Trend& t);
// One row per period: PERIOD, EVENTS, one column per series, GOLDSTEIN SUM and
// MEAN (and ARTICLES, PER ARTICLE when normalised); the counts left out below.
void write_trend_table(std::ostream& out, const Trend& t);
// period,start,end,events,goldstein_sum,goldstein_mean, one count column per
// series (verbal_cooperation …, or r04_consult …, or none), and when
// normalised articles,events_per_article and <series>_per_article.
void write_trend_csv(std::ostream& out, const Trend& t);

struct TrendSvgOptions {
  int width = 1200;     // Default: 1200 px
  std::string title;    // Default: derived from the query
};
// A standalone SVG in the timeline picture's style: the series stacked as
// areas over the periods (per article when normalised), the total as a line,
// and under it the Goldstein mean of each period on -10 … +10; a legend of the
// series, hover tooltips with each period's figures.
void write_trend_svg(std::ostream& out, const Trend& t, const TrendSvgOptions& options = {});

// ---- graph exports ------------------------------------------------------------
struct DotOptions {
  bool cluster_by_country = false;  // one subgraph cluster per country. Default: false
  std::string graph_name = "geokg"; // Default: "geokg"
  // A key under the picture: the fill colour of each country drawn, the
  // shape of each kind drawn and (with `cameo`) the edge colours. Default: true
  bool legend = true;
  // Edge colours by quad class and Goldstein values in tooltips. Default: none
  const CameoTable* cameo = nullptr;
  // One edge per pair of actors instead of one per event (pair_edges): width
  // by the number of events, colour by the dominant quad class, label with the
  // two most frequent relations and the dates spanned, arrows both ways when
  // both sides acted. What rendered pictures draw. Default: false
  bool merge_pairs = false;
};
// DOT digraph: node id = hex id, label = name; shape by kind (person ellipse,
// organization box, country doubleoctagon, group hexagon, location house,
// artifact note); fill colour by country (a palette slot hashed from the code;
// the picture's 9 busiest countries get distinct hues, its 16 busiest distinct
// colours); one edge per event (or per pair, merge_pairs): label "relation
// date", penwidth by mentions, colour by quad class, tooltip = Goldstein, quad
// class, reports, articles, publishers, evidence and URL, URL = the first
// report's (http and https only), so that a rendered SVG links to the article;
// with options.legend, a graph label keying colours and shapes.
void write_dot(std::ostream& out, const Subgraph& g, const DotOptions& options = {});
// GraphML (Boost write_graphml): node keys name, node_id, kind, country,
// sector, code, naming, mentions; edge keys edge_id, cameo, relation, label,
// goldstein, quad_class, date, edge_mentions, sources, articles, publishers
// (';'-separated), urls (';'-separated), confidence, evidence. Directed,
// parallel edges allowed. Goldstein and quad class with `cameo` (else empty / 0).
void write_graphml(std::ostream& out, const Subgraph& g, const CameoTable* cameo = nullptr);
// Node-link JSON for d3, cytoscape.js and networkx:
// {"directed":true,"multigraph":true,"graph":{},"nodes":[{"id",…}],
//  "edges":[{"source","target","key",…}],"links":[the same]}. The events are
// under both "edges" (networkx >= 3.4 reads it by default) and "links"
// (networkx 2.8 - 3.5 by default, d3), so that nx.node_link_graph(d) reads
// the file in every networkx version. Each event carries cameo, relation,
// label, goldstein, quad_class (with `cameo`), date, mentions, sources,
// articles (count), publishers, urls, evidence.
void write_node_link_json(std::ostream& out, const Subgraph& g, const CameoTable* cameo = nullptr);
// neo4j-admin import:
//   nodes: id:ID,name,kind,country,mentions:int,:LABEL   (label "Actor;Person" …)
//   edges: :START_ID,:END_ID,:TYPE,cameo,date,mentions:int,relation,sources:int,evidence,
//          goldstein:float,quad_class:int,articles:int,publishers:string[],urls:string[]
// :TYPE is the CAMEO root class label in upper snake case (CONSULT, MAKE_PUBLIC_STATEMENT);
// arrays are ';'-separated (neo4j-admin's default).
void write_neo4j_nodes_csv(std::ostream& out, const Subgraph& g);
void write_neo4j_edges_csv(std::ostream& out, const Subgraph& g, const CameoTable* cameo);

// ---- GDELT 2.0 -------------------------------------------------------------------
// The GDELT 2.0 event table: one row per event, 61 tab-separated columns in
// GDELT's order (gdelt_event_columns), no header row. GlobalEventID is the low
// 63 bits of the event id; Actor codes, country and type codes come from the
// CAMEO actor codes as of the event's date; QuadClass and GoldsteinScale from
// `cameo`; NumMentions / NumSources / NumArticles from the reports; ActionGeo
// from the event's place (no coordinates); DATEADDED the first report's
// ingestion time; SOURCEURL the first report's URL, else "ARTICLE_ID
// (PUBLISHER)". Column by column: README.md.
void write_gdelt_events(std::ostream& out, const Subgraph& g, const CameoTable* cameo);
// The GDELT 2.0 mentions table: one row per report, 16 columns
// (gdelt_mention_columns): the event's id, the report's article, publisher
// (the URL's host when there is a URL), and the byte offset of the report's
// sentence as ActionCharOffset.
void write_gdelt_mentions(std::ostream& out, const Subgraph& g, const CameoTable* cameo);
const std::vector<std::string>& gdelt_event_columns();
const std::vector<std::string>& gdelt_mention_columns();
std::uint64_t gdelt_event_id(EdgeId id);

// ---- SQLite -------------------------------------------------------------------------
// One database file at `path` (created; REQUIRES: nothing there) with tables
// actors, aliases, roles, events, reports, articles, and indexes on what
// joins use (ids, dates, codes); sqlite3, pandas.read_sql and R's DBI open it
// directly. Schema: README.md. Returns IOError with SQLite's message on failure.
Status write_sqlite(const std::string& path, const Subgraph& g, const CameoTable* cameo);

}  // namespace geokg::query
