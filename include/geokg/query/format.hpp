#pragma once
// Output writers for the query results: terminal tables and text, JSON,
// CSV (RFC 4180), Markdown and SVG for timelines; DOT, GraphML, JSON
// node-link and Neo4j CSV for graphs. Pure functions of the result structs
// onto a stream; every stored string goes through geokg/query/text.hpp
// escaping, so names holding quotes, '<', '&', newlines or invalid UTF-8
// cannot break a format.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/query/path.hpp"
#include "geokg/query/profile.hpp"
#include "geokg/query/rank.hpp"
#include "geokg/query/subgraph.hpp"
#include "geokg/query/timeline.hpp"

namespace geokg::query {

// Serialises with invalid UTF-8 replaced (nlohmann would throw), 2-space
// indent when `pretty`, and a final newline.
std::string json_text(const nlohmann::json& j, bool pretty = true);

// ---- JSON values ------------------------------------------------------------
// The actor shape of `geokg extract`: id, name, kind, country, sector,
// aliases, roles (title, country, sector, organization, from, to), plus
// mentions, articles, first_seen, last_seen.
nlohmann::json node_json(const Node& n);
// The event shape of `geokg extract` (source, target, cameo, relation, date,
// date_precision, location, confidence, evidence{sentence,start,end,article,publisher})
// plus id, mentions, sources (publishers), articles (ids), negated /
// hypothetical when set, quote when present, and label / goldstein /
// quad_class when `cameo` is given.
nlohmann::json event_json(const TimelineEvent& e, const CameoTable* cameo);
nlohmann::json actors_json(const std::vector<RankedActor>& actors);
nlohmann::json profile_json(const ActorProfile& p);
// Node-link: {"center", "nodes":[{"id","name","kind","country","depth",…}],
// "links":[{"source","target","events","mentions","cameo","relations","first","last"}],
// "omitted"}; ids are the 16-digit hex node ids.
nlohmann::json neighborhood_json(const Neighborhood& n);
nlohmann::json path_json(const PathResult& p, int max_depth);

// ---- text -------------------------------------------------------------------
void write_actors_table(std::ostream& out, const std::vector<RankedActor>& actors, RankBy by);
void write_profile_text(std::ostream& out, const ActorProfile& p);
void write_neighbors_text(std::ostream& out, const Neighborhood& n);
void write_path_text(std::ostream& out, const PathResult& p, int max_depth);

// ---- timelines ----------------------------------------------------------------
enum class TimelineFormat { kTable, kJson, kCsv, kMarkdown, kSvg };
std::optional<TimelineFormat> timeline_format_from_string(std::string_view s);

// Table columns: date, source, relation, target, place, sources count, evidence (one line).
void write_timeline_table(std::ostream& out, const Timeline& t);
// JSON: an array of event_json objects in date order.
void write_timeline_json(std::ostream& out, const Timeline& t, const CameoTable* cameo);
// CSV header: date,date_precision,source,cameo,relation,target,location,mentions,sources,articles,confidence,evidence,id
void write_timeline_csv(std::ostream& out, const Timeline& t);
void write_timeline_markdown(std::ostream& out, const Timeline& t);

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

// ---- graph exports ------------------------------------------------------------
struct DotOptions {
  bool cluster_by_country = false;  // one subgraph cluster per country. Default: false
  std::string graph_name = "geokg"; // Default: "geokg"
  // A key under the picture: the fill colour of each country drawn and the
  // shape of each kind drawn. Default: true
  bool legend = true;
};
// DOT digraph: node id = hex id, label = name; shape by kind (person ellipse,
// organization box, country doubleoctagon, group hexagon, location house,
// artifact note); fill colour by country (a palette slot hashed from the code;
// the picture's 9 busiest countries get distinct hues, its 16 busiest distinct
// colours); one edge per event: label "relation date", penwidth by mentions,
// tooltip = evidence; with options.legend, a graph label keying colours and shapes.
void write_dot(std::ostream& out, const Subgraph& g, const DotOptions& options = {});
// GraphML (Boost write_graphml): node keys name, node_id, kind, country,
// sector, mentions; edge keys edge_id, cameo, relation, date, mentions, sources,
// confidence, evidence. Directed, parallel edges allowed.
void write_graphml(std::ostream& out, const Subgraph& g);
// d3 / cytoscape.js / networkx node_link_graph loadable:
// {"directed":true,"multigraph":true,"graph":{},"nodes":[{"id",…}],"links":[{"source","target","key",…}]}
void write_node_link_json(std::ostream& out, const Subgraph& g);
// neo4j-admin import:
//   nodes: id:ID,name,kind,country,mentions:int,:LABEL   (label "Actor;Person" …)
//   edges: :START_ID,:END_ID,:TYPE,cameo,date,mentions:int,relation,sources:int,evidence
// :TYPE is the CAMEO root class label in upper snake case (CONSULT, MAKE_PUBLIC_STATEMENT).
void write_neo4j_nodes_csv(std::ostream& out, const Subgraph& g);
void write_neo4j_edges_csv(std::ostream& out, const Subgraph& g, const CameoTable* cameo);

}  // namespace geokg::query
