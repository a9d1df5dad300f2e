// Graph exports: DOT, GraphML, JSON node-link, Neo4j CSV.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "geokg/core/ids.hpp"
#include "geokg/graph/view.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/text.hpp"

namespace geokg::query {

namespace {

const char* dot_shape(NodeKind k) {
  switch (k) {
    case NodeKind::kPerson: return "ellipse";
    case NodeKind::kOrganization: return "box";
    case NodeKind::kCountry: return "doubleoctagon";
    case NodeKind::kLocation: return "house";
    case NodeKind::kGroup: return "hexagon";
    case NodeKind::kArtifact: return "note";
  }
  return "ellipse";
}

// A stable pastel per country code, so the same country has the same colour
// in every picture; no country -> white.
std::string country_colour(const std::string& iso3) {
  static const char* kPalette[] = {"#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99",
                                   "#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
                                   "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5"};
  if (iso3.empty()) return "#ffffff";
  return kPalette[stable_hash64(iso3) % (sizeof kPalette / sizeof kPalette[0])];
}

double pen_width(std::uint32_t mentions) {
  return std::min(6.0, 1.0 + std::log2(static_cast<double>(std::max<std::uint32_t>(1, mentions))));
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string edge_label(const EventEdge& e) {
  std::string rel = e.relation.empty() ? e.cameo : e.relation;
  if (e.negated) rel = "not " + rel;
  if (e.hypothetical) rel += "?";
  return e.date.known() ? rel + "\n" + e.date.iso() : rel;
}

std::string first_sentence(const EventEdge& e) {
  return e.evidence.empty() ? std::string() : one_line(e.evidence.front().sentence, 300);
}

const char* neo4j_label(NodeKind k) {
  switch (k) {
    case NodeKind::kPerson: return "Actor;Person";
    case NodeKind::kOrganization: return "Actor;Organization";
    case NodeKind::kCountry: return "Actor;Country";
    case NodeKind::kLocation: return "Location";
    case NodeKind::kGroup: return "Actor;Group";
    case NodeKind::kArtifact: return "Artifact";
  }
  return "Actor";
}

}  // namespace

void write_dot(std::ostream& out, const Subgraph& g, const DotOptions& options) {
  // Every string is written through dot_quote (always quoted, backslashes
  // and quotes escaped, entities neutralised): a name can be a DOT keyword
  // ("node", "graph"), end in a backslash or hold newlines, which Boost's
  // write_graphviz quoting does not cover; clusters also need subgraphs.
  out << "digraph " << dot_quote(options.graph_name) << " {\n"
      << "  graph [rankdir=LR, overlap=false, splines=true, fontname=\"Helvetica\", "
         "fontsize=10];\n"
      << "  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
  auto write_node = [&](const Node& n, const char* indent) {
    std::string tooltip = n.name + " (" + to_string(n.kind);
    if (!n.country.empty()) tooltip += ", " + n.country;
    tooltip += ", " + std::to_string(n.mentions) + (n.mentions == 1 ? " mention)" : " mentions)");
    out << indent << dot_quote(to_hex(n.id)) << " [label=" << dot_quote(n.name)
        << ", shape=" << dot_shape(n.kind) << ", fillcolor=" << dot_quote(country_colour(n.country))
        << ", tooltip=" << dot_quote(tooltip);
    if (n.id == g.center) out << ", penwidth=3";
    out << "];\n";
  };
  if (options.cluster_by_country) {
    std::map<std::string, std::vector<const Node*>> by_country;
    for (const auto& n : g.nodes) by_country[n.country].push_back(&n);
    std::size_t k = 0;
    for (const auto& [country, nodes] : by_country) {
      if (country.empty()) {
        for (const Node* n : nodes) write_node(*n, "  ");
        continue;
      }
      out << "  subgraph " << dot_quote("cluster_" + std::to_string(k++)) << " {\n"
          << "    label=" << dot_quote(country) << "; style=rounded; color=\"#999999\";\n";
      for (const Node* n : nodes) write_node(*n, "    ");
      out << "  }\n";
    }
  } else {
    for (const auto& n : g.nodes) write_node(n, "  ");
  }
  for (const auto& e : g.edges) {
    std::string tooltip = e.cameo + " " + e.relation;
    if (e.date.known()) tooltip += " " + e.date.iso();
    const std::string s = first_sentence(e);
    if (!s.empty()) tooltip += ": " + s;
    out << "  " << dot_quote(to_hex(e.source)) << " -> " << dot_quote(to_hex(e.target))
        << " [label=" << dot_quote(edge_label(e)) << ", penwidth=" << fmt(pen_width(e.mentions))
        << ", tooltip=" << dot_quote(tooltip);
    if (e.flagged()) out << ", style=dashed";
    out << "];\n";
  }
  out << "}\n";
}

void write_graphml(std::ostream& out, const Subgraph& g) {
  const GraphView view = make_view(g.nodes, g.edges);
  const Graph& bg = view.graph;
  std::unordered_map<NodeId, const Node*> node_of;
  for (const auto& n : g.nodes) node_of[n.id] = &n;
  std::unordered_map<EdgeId, const EventEdge*> edge_of;
  for (const auto& e : g.edges) edge_of[e.id] = &e;
  auto node = [&](Vertex v) -> const Node& { return *node_of.at(bg[v].id); };
  auto edge = [&](GraphEdge e) -> const EventEdge& { return *edge_of.at(bg[e].id); };

  boost::dynamic_properties dp;
  auto vstr = [&](auto f) {
    return boost::make_function_property_map<Vertex, std::string>(
        [&node, f](Vertex v) { return sanitize_utf8(f(node(v))); });
  };
  auto estr = [&](auto f) {
    return boost::make_function_property_map<GraphEdge, std::string>(
        [&edge, f](GraphEdge e) { return sanitize_utf8(f(edge(e))); });
  };
  dp.property("name", vstr([](const Node& n) { return n.name; }));
  dp.property("node_id", vstr([](const Node& n) { return to_hex(n.id); }));
  dp.property("kind", vstr([](const Node& n) { return std::string(to_string(n.kind)); }));
  dp.property("country", vstr([](const Node& n) { return n.country; }));
  dp.property("sector", vstr([](const Node& n) { return n.sector; }));
  dp.property("mentions", boost::make_function_property_map<Vertex, long>(
                              [&node](Vertex v) { return static_cast<long>(node(v).mentions); }));
  dp.property("edge_id", estr([](const EventEdge& e) { return to_hex(e.id); }));
  dp.property("cameo", estr([](const EventEdge& e) { return e.cameo; }));
  dp.property("relation", estr([](const EventEdge& e) { return e.relation; }));
  dp.property("date", estr([](const EventEdge& e) { return e.date.iso(); }));
  dp.property("evidence", estr([](const EventEdge& e) { return first_sentence(e); }));
  dp.property("edge_mentions", boost::make_function_property_map<GraphEdge, long>(
                                   [&edge](GraphEdge e) { return static_cast<long>(edge(e).mentions); }));
  dp.property("sources", boost::make_function_property_map<GraphEdge, long>([&edge](GraphEdge e) {
                return static_cast<long>(event_source_count(edge(e)));
              }));
  dp.property("confidence", boost::make_function_property_map<GraphEdge, double>([&edge](GraphEdge e) {
                return static_cast<double>(edge(e).confidence);
              }));
  boost::write_graphml(out, bg, boost::get(boost::vertex_index, bg), dp, true);
}

void write_node_link_json(std::ostream& out, const Subgraph& g) {
  using nlohmann::json;
  const auto deg = subgraph_degrees(g);
  json nodes = json::array();
  for (const auto& n : g.nodes) {
    json j = {{"id", to_hex(n.id)}, {"name", n.name}, {"kind", to_string(n.kind)},
              {"country", n.country}, {"sector", n.sector}, {"mentions", n.mentions},
              {"degree", deg.at(n.id)}};
    if (g.depth.count(n.id)) j["depth"] = g.depth.at(n.id);
    nodes.push_back(std::move(j));
  }
  json links = json::array();
  std::map<std::pair<NodeId, NodeId>, int> keys;   // parallel-edge keys, as networkx numbers them
  for (const auto& e : g.edges) {
    json j = {{"source", to_hex(e.source)},
              {"target", to_hex(e.target)},
              {"key", keys[{e.source, e.target}]++},
              {"id", to_hex(e.id)},
              {"cameo", e.cameo},
              {"relation", e.relation},
              {"date", e.date.known() ? json(e.date.iso()) : json(nullptr)},
              {"mentions", e.mentions},
              {"sources", event_source_count(e)},
              {"evidence", first_sentence(e)}};
    if (e.negated) j["negated"] = true;
    if (e.hypothetical) j["hypothetical"] = true;
    links.push_back(std::move(j));
  }
  json doc = {{"directed", true}, {"multigraph", true}, {"graph", json::object()},
              {"nodes", nodes}, {"links", links}};
  if (g.center != 0) doc["graph"]["center"] = to_hex(g.center);
  out << json_text(doc);
}

void write_neo4j_nodes_csv(std::ostream& out, const Subgraph& g) {
  out << "id:ID,name,kind,country,mentions:int,:LABEL\r\n";
  for (const auto& n : g.nodes)
    out << to_hex(n.id) << ',' << csv_field(n.name, false) << ',' << to_string(n.kind) << ','
        << csv_field(n.country) << ',' << n.mentions << ',' << neo4j_label(n.kind) << "\r\n";
}

void write_neo4j_edges_csv(std::ostream& out, const Subgraph& g, const CameoTable* cameo) {
  out << ":START_ID,:END_ID,:TYPE,cameo,date,mentions:int,relation,sources:int,evidence\r\n";
  for (const auto& e : g.edges) {
    std::string type = cameo ? cameo->root_label(e.cameo) : std::string();
    if (type.empty()) type = "EVENT_" + e.cameo.substr(0, 2);
    for (char& c : type) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
    }
    out << to_hex(e.source) << ',' << to_hex(e.target) << ',' << type << ',' << csv_field(e.cameo)
        << ',' << csv_field(e.date.iso()) << ',' << e.mentions << ',' << csv_field(e.relation, false)
        << ',' << event_source_count(e) << ',' << csv_field(first_sentence(e)) << "\r\n";
  }
}

}  // namespace geokg::query
