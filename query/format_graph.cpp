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

// The shape in words, for the legend.
const char* dot_shape_name(NodeKind k) {
  switch (k) {
    case NodeKind::kPerson: return "ellipse";
    case NodeKind::kOrganization: return "box";
    case NodeKind::kCountry: return "double octagon";
    case NodeKind::kLocation: return "house";
    case NodeKind::kGroup: return "hexagon";
    case NodeKind::kArtifact: return "note";
  }
  return "ellipse";
}

const char* const kPalette[] = {"#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99",
                                "#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
                                "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5"};
constexpr std::size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];
// The hue family of each palette colour (blue, green, red, orange, purple,
// yellow, teal, pink, grey): two greens side by side read as one country.
constexpr int kFamily[kPaletteSize] = {0, 1, 2, 3, 4, 5, 6, 4, 2, 0, 3, 1, 7, 8, 4, 1};
constexpr std::size_t kFamilies = 9;

// Fill colours by country. Each country starts from a slot given by a hash
// of its code, so it tends to keep its colour from picture to picture. The
// busiest countries of this picture (up to the palette's size) move on from
// there to the next slot whose hue no other country has yet (once every hue
// is used, to the next unused colour), so no two of them look alike, which
// the legend would otherwise make ambiguous. No country -> white.
struct CountryColours {
  std::unordered_map<std::string, const char*> colour;
  std::vector<std::pair<std::string, std::size_t>> by_nodes;   // busiest first
  bool uncoloured = false;                                      // some node has no country

  explicit CountryColours(const std::vector<Node>& nodes) {
    std::map<std::string, std::size_t> count;
    for (const auto& n : nodes) {
      if (n.country.empty()) uncoloured = true;
      else ++count[n.country];
    }
    by_nodes.assign(count.begin(), count.end());
    std::stable_sort(by_nodes.begin(), by_nodes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    bool taken[kPaletteSize] = {};
    bool hue_taken[kFamilies] = {};
    for (std::size_t i = 0; i < by_nodes.size(); ++i) {
      std::size_t slot = stable_hash64(by_nodes[i].first) % kPaletteSize;
      if (i < kPaletteSize) {
        // Fewer than kFamilies hues used: a slot of an unused hue exists;
        // fewer than kPaletteSize colours used: an unused colour exists.
        auto busy = [&](std::size_t at) { return taken[at] || (i < kFamilies && hue_taken[kFamily[at]]); };
        while (busy(slot)) slot = (slot + 1) % kPaletteSize;
        taken[slot] = true;
        hue_taken[kFamily[slot]] = true;
      }
      colour[by_nodes[i].first] = kPalette[slot];
    }
  }
  const char* of(const std::string& iso3) const {
    if (iso3.empty()) return "#ffffff";
    auto it = colour.find(iso3);
    return it == colour.end() ? "#ffffff" : it->second;
  }
};

// The legend as a Graphviz HTML-like label under the picture, one table:
// the fill colour of each country drawn (the busiest first, one colour each,
// rows of 12), then the shape of each kind drawn. (A nested table would be
// stretched to the widest row by Graphviz.)
std::string dot_legend(const std::vector<Node>& nodes, const CountryColours& colours) {
  constexpr std::size_t kPerRow = 12;
  std::vector<std::pair<std::string, const char*>> swatches;
  const std::size_t shown = std::min(colours.by_nodes.size(), kPaletteSize);
  for (std::size_t i = 0; i < shown; ++i)
    swatches.emplace_back(colours.by_nodes[i].first, colours.of(colours.by_nodes[i].first));
  if (colours.by_nodes.size() > shown)
    swatches.emplace_back("+" + std::to_string(colours.by_nodes.size() - shown) + " more", "#ffffff");
  if (colours.uncoloured && !swatches.empty()) swatches.emplace_back("none", "#ffffff");
  bool kinds[6] = {};
  for (const auto& n : nodes) kinds[static_cast<std::size_t>(n.kind) % 6] = true;
  std::string shapes;
  for (std::size_t k = 0; k < 6; ++k) {
    if (!kinds[k]) continue;
    const auto kind = static_cast<NodeKind>(k);
    if (!shapes.empty()) shapes += ", ";
    shapes += std::string(to_string(kind)) + " = " + dot_shape_name(kind);
  }
  if (shapes.empty()) return {};
  const std::size_t rows = std::max<std::size_t>(1, (swatches.size() + kPerRow - 1) / kPerRow);
  const std::string shape_cell = "<td border=\"0\" align=\"left\" valign=\"top\" rowspan=\"" +
                                 std::to_string(rows) + "\">   shape: " + xml_escape(shapes) + "</td>";
  std::string t = "<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"2\"><tr>";
  if (!swatches.empty()) t += "<td border=\"0\" align=\"left\">fill: country</td>";
  for (std::size_t i = 0; i < swatches.size(); ++i) {
    if (i > 0 && i % kPerRow == 0) {
      if (i == kPerRow) t += shape_cell;   // the end of the first row
      t += "</tr><tr><td border=\"0\"></td>";
    }
    t += "<td bgcolor=\"" + std::string(swatches[i].second) + "\">" + xml_escape(swatches[i].first) + "</td>";
  }
  if (swatches.size() <= kPerRow) t += shape_cell;
  return t + "</tr></table>";
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
  const CountryColours colours(g.nodes);
  auto write_node = [&](const Node& n, const char* indent) {
    std::string tooltip = n.name + " (" + to_string(n.kind);
    if (!n.country.empty()) tooltip += ", " + n.country;
    tooltip += ", " + std::to_string(n.mentions) + (n.mentions == 1 ? " mention)" : " mentions)");
    out << indent << dot_quote(to_hex(n.id)) << " [label=" << dot_quote(n.name)
        << ", shape=" << dot_shape(n.kind) << ", fillcolor=" << dot_quote(colours.of(n.country))
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
  // Last, so that the country clusters do not inherit the legend's label.
  if (options.legend) {
    const std::string legend = dot_legend(g.nodes, colours);
    if (!legend.empty()) out << "  labelloc=b; labeljust=l; label=<" << legend << ">;\n";
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
  dp.property("code", vstr([](const Node& n) { return n.code; }));
  dp.property("naming", vstr([](const Node& n) { return std::string(to_string(n.naming)); }));
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
    if (!n.code.empty()) j["code"] = n.code;
    if (n.naming != Naming::kProper) j["naming"] = to_string(n.naming);
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
