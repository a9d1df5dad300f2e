// Graph exports: DOT, GraphML, JSON node-link, Neo4j CSV.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "geokg/core/ids.hpp"
#include "geokg/geo/place_json.hpp"
#include "geokg/graph/view.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/text.hpp"
#include "svg.hpp"

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
std::string dot_legend(const std::vector<Node>& nodes, const CountryColours& colours, bool edge_colours) {
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
  std::string edge_key;
  if (edge_colours) {
    edge_key = "<br align=\"left\"/>   edge colour:";
    for (int q = 1; q <= 4; ++q)
      edge_key += std::string(q > 1 ? "," : "") + " <font color=\"" + svg::quad_colour(q) + "\">" +
                  svg::quad_name(q) + "</font>";
    edge_key += "<br align=\"left\"/>";
  }
  const std::string shape_cell = "<td border=\"0\" align=\"left\" valign=\"top\" rowspan=\"" +
                                 std::to_string(rows) + "\">   shape: " + xml_escape(shapes) + edge_key + "</td>";
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

std::string fmt_signed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", v);
  return buf;
}

std::string fmt1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// One JSON value on one line, invalid UTF-8 replaced.
std::string compact(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A merged pair's label: its two most frequent relations with their counts,
// how many more, and the dates it spans.
std::string pair_label(const PairEdge& p) {
  std::string rel;
  for (std::size_t i = 0; i < p.relations.size() && i < 2; ++i) {
    rel += (i ? ", " : "") + one_line(p.relations[i].first, 30);
    if (p.relations[i].second > 1) rel += " \u00d7" + std::to_string(p.relations[i].second);
  }
  if (p.relations.size() > 2) rel += " (+" + std::to_string(p.relations.size() - 2) + " more)";
  if (!p.first.known()) return rel;
  return rel + "\n" + (p.first == p.last ? p.first.iso() : p.first.iso() + " \u2013 " + p.last.iso());
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

// "Goldstein +1.0, verbal cooperation; 2 reports in 2 articles (Reuters, AP)"
std::string facts_text(const EventEdge& e, const EventFacts& facts) {
  std::string t;
  if (facts.goldstein) t = "Goldstein " + fmt_signed(*facts.goldstein) + ", " + svg::quad_name(facts.quad_class) + "; ";
  t += std::to_string(e.mentions) + (e.mentions == 1 ? " report in " : " reports in ") +
       std::to_string(e.articles.size()) + (e.articles.size() == 1 ? " article" : " articles");
  if (!e.sources.empty()) t += " (" + joined(e.sources, ", ") + ")";
  return t;
}

// Graphviz writes URL into the SVG as a link: only http(s), never script.
bool linkable(const std::string& url) { return url.starts_with("http://") || url.starts_with("https://"); }

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
  if (options.merge_pairs) {
    for (const PairEdge& p : pair_edges(g, options.cameo)) {
      std::string tooltip = std::to_string(p.events) + (p.events == 1 ? " event" : " events");
      if (options.cameo) {
        tooltip += " (";
        for (int q = 1; q <= 4; ++q)
          tooltip += std::string(q > 1 ? ", " : "") + std::to_string(p.quad_classes[q]) + " " + svg::quad_name(q);
        tooltip += ")";
        if (p.scored) tooltip += "; Goldstein mean " + fmt_signed(p.goldstein_sum / static_cast<double>(p.scored));
      }
      tooltip += "; " + std::to_string(p.mentions) + " reports in " + std::to_string(p.articles) + " articles";
      if (!p.publishers.empty()) tooltip += " (" + joined(p.publishers, ", ") + ")";
      for (const auto& [rel, n] : p.relations) tooltip += "\n" + std::to_string(n) + "\u00d7 " + rel;
      if (!p.url.empty()) tooltip += "\n" + p.url;
      const double width = std::min(8.0, 1.0 + 1.5 * std::log2(static_cast<double>(p.events)));
      out << "  " << dot_quote(to_hex(p.from)) << " -> " << dot_quote(to_hex(p.to)) << " [label="
          << dot_quote(pair_label(p)) << ", penwidth=" << fmt(width) << ", tooltip=" << dot_quote(tooltip);
      if (options.cameo) out << ", color=" << dot_quote(svg::quad_colour(p.dominant_quad()));
      if (p.forward < p.events) out << ", dir=both";
      if (p.flagged == p.events) out << ", style=dashed";
      if (linkable(p.url)) out << ", URL=" << dot_quote(p.url) << ", target=\"_blank\"";
      out << "];\n";
    }
  } else {
    for (const auto& e : g.edges) {
      const EventFacts facts = event_facts(e, options.cameo, &g.articles);
      std::string tooltip = e.cameo + " " + e.relation;
      if (e.date.known()) tooltip += " " + e.date.iso();
      tooltip += " (" + facts_text(e, facts) + ")";
      const std::string s = first_sentence(e);
      if (!s.empty()) tooltip += ": " + s;
      for (const auto& url : facts.urls) tooltip += "\n" + url;
      out << "  " << dot_quote(to_hex(e.source)) << " -> " << dot_quote(to_hex(e.target))
          << " [label=" << dot_quote(edge_label(e)) << ", penwidth=" << fmt(pen_width(e.mentions))
          << ", tooltip=" << dot_quote(tooltip);
      if (facts.quad_class) out << ", color=" << dot_quote(svg::quad_colour(facts.quad_class));
      if (e.flagged()) out << ", style=dashed";
      if (!facts.urls.empty() && linkable(facts.urls.front()))
        out << ", URL=" << dot_quote(facts.urls.front()) << ", target=\"_blank\"";
      out << "];\n";
    }
  }
  // Last, so that the country clusters do not inherit the legend's label.
  if (options.legend) {
    const std::string legend = dot_legend(g.nodes, colours, options.cameo != nullptr && !g.edges.empty());
    if (!legend.empty()) out << "  labelloc=b; labeljust=l; label=<" << legend << ">;\n";
  }
  out << "}\n";
}

namespace {

// The place's name as the exports write it: the gazetteer entry's for a
// resolved city, subdivision or country ("Beijing" for "Peking"), a
// landmark's own, else as the text gives it.
std::string place_label(const Place& p) {
  if (p.resolved() && p.precision != PlacePrecision::kLandmark && !p.entry_name.empty()) return p.entry_name;
  return p.name;
}

// A coordinate with 4 decimals (11 m), or "" when the place is not resolved.
std::string place_coordinate(const Place& p, double degrees) {
  if (!p.resolved()) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", degrees);
  return buf;
}

}  // namespace

void write_graphml(std::ostream& out, const Subgraph& g, const CameoTable* cameo) {
  const GraphView view = make_view(g.nodes, g.edges);
  const Graph& bg = view.graph;
  std::unordered_map<NodeId, const Node*> node_of;
  for (const auto& n : g.nodes) node_of[n.id] = &n;
  std::unordered_map<EdgeId, const EventEdge*> edge_of;
  std::unordered_map<EdgeId, EventFacts> facts_of;
  for (const auto& e : g.edges) {
    edge_of[e.id] = &e;
    facts_of[e.id] = event_facts(e, cameo, &g.articles);
  }
  auto facts = [&](GraphEdge e) -> const EventFacts& { return facts_of.at(bg[e].id); };
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
  dp.property("label", boost::make_function_property_map<GraphEdge, std::string>(
                           [&facts](GraphEdge e) { return sanitize_utf8(facts(e).label); }));
  dp.property("goldstein", boost::make_function_property_map<GraphEdge, std::string>([&facts](GraphEdge e) {
                const auto& g = facts(e).goldstein;
                return g ? fmt1(*g) : std::string();
              }));
  dp.property("quad_class", boost::make_function_property_map<GraphEdge, int>(
                                [&facts](GraphEdge e) { return facts(e).quad_class; }));
  dp.property("date", estr([](const EventEdge& e) { return e.date.iso(); }));
  dp.property("articles", boost::make_function_property_map<GraphEdge, long>(
                              [&edge](GraphEdge e) { return static_cast<long>(edge(e).articles.size()); }));
  dp.property("publishers", estr([](const EventEdge& e) { return joined(e.sources, ";"); }));
  dp.property("urls", boost::make_function_property_map<GraphEdge, std::string>(
                          [&facts](GraphEdge e) { return sanitize_utf8(joined(facts(e).urls, ";")); }));
  dp.property("evidence", estr([](const EventEdge& e) { return first_sentence(e); }));
  // The place: empty strings where the event has none (coordinates also
  // where it was not resolved), so that a missing place is not 0, 0.
  dp.property("place", estr([](const EventEdge& e) { return place_label(e.place); }));
  dp.property("place_country", estr([](const EventEdge& e) { return e.place.country; }));
  dp.property("place_precision", estr([](const EventEdge& e) {
                return e.place.name.empty() ? std::string() : std::string(to_string(e.place.precision));
              }));
  dp.property("place_lat", estr([](const EventEdge& e) { return place_coordinate(e.place, e.place.lat); }));
  dp.property("place_lon", estr([](const EventEdge& e) { return place_coordinate(e.place, e.place.lon); }));
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

void write_node_link_json(std::ostream& out, const Subgraph& g, const CameoTable* cameo) {
  using nlohmann::json;
  const auto deg = subgraph_degrees(g);
  // Written piece by piece, not as one document: a whole graph's events are
  // written twice (edges, links) and need not be held twice in memory.
  json graph = json::object();
  if (g.center != 0) graph["center"] = to_hex(g.center);
  out << "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": " << compact(graph)
      << ",\n  \"nodes\": [";
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Node& n = g.nodes[i];
    json j = {{"id", to_hex(n.id)}, {"name", n.name}, {"kind", to_string(n.kind)},
              {"country", n.country}, {"sector", n.sector}, {"mentions", n.mentions},
              {"degree", deg.at(n.id)}};
    if (!n.code.empty()) j["code"] = n.code;
    if (n.naming != Naming::kProper) j["naming"] = to_string(n.naming);
    if (g.depth.count(n.id)) j["depth"] = g.depth.at(n.id);
    out << (i ? ",\n    " : "\n    ") << compact(j);
  }
  out << (g.nodes.empty() ? "]" : "\n  ]");
  // The links once as text, then written under both keys.
  std::string links;
  std::map<std::pair<NodeId, NodeId>, int> keys;   // parallel-edge keys, as networkx numbers them
  for (std::size_t i = 0; i < g.edges.size(); ++i) {
    const EventEdge& e = g.edges[i];
    const EventFacts facts = event_facts(e, cameo, &g.articles);
    json j = {{"source", to_hex(e.source)},
              {"target", to_hex(e.target)},
              {"key", keys[{e.source, e.target}]++},
              {"id", to_hex(e.id)},
              {"cameo", e.cameo},
              {"relation", e.relation},
              {"label", facts.label.empty() ? json(nullptr) : json(facts.label)},
              {"goldstein", facts.goldstein ? json(*facts.goldstein) : json(nullptr)},
              {"quad_class", facts.quad_class ? json(facts.quad_class) : json(nullptr)},
              {"date", e.date.known() ? json(e.date.iso()) : json(nullptr)},
              {"mentions", e.mentions},
              {"sources", event_source_count(e)},
              {"articles", e.articles.size()},
              {"publishers", e.sources},
              {"urls", facts.urls},
              {"evidence", first_sentence(e)}};
    if (!e.place.name.empty()) j["place"] = geo::place_to_json(e.place);
    if (e.negated) j["negated"] = true;
    if (e.hypothetical) j["hypothetical"] = true;
    links += (i ? ",\n    " : "\n    ") + compact(j);
  }
  links += g.edges.empty() ? "]" : "\n  ]";
  out << ",\n  \"edges\": [" << links << ",\n  \"links\": [" << links << "\n}\n";
}

void write_neo4j_nodes_csv(std::ostream& out, const Subgraph& g) {
  out << "id:ID,name,kind,country,mentions:int,:LABEL\r\n";
  for (const auto& n : g.nodes)
    out << to_hex(n.id) << ',' << csv_field(n.name, false) << ',' << to_string(n.kind) << ','
        << csv_field(n.country) << ',' << n.mentions << ',' << neo4j_label(n.kind) << "\r\n";
}

void write_neo4j_edges_csv(std::ostream& out, const Subgraph& g, const CameoTable* cameo) {
  out << ":START_ID,:END_ID,:TYPE,cameo,date,mentions:int,relation,sources:int,evidence,goldstein:float,"
         "quad_class:int,articles:int,publishers:string[],urls:string[],place,place_country,place_lat:float,"
         "place_lon:float,place_precision\r\n";
  for (const auto& e : g.edges) {
    std::string type = cameo ? cameo->root_label(e.cameo) : std::string();
    if (type.empty()) type = "EVENT_" + e.cameo.substr(0, 2);
    for (char& c : type) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
    }
    out << to_hex(e.source) << ',' << to_hex(e.target) << ',' << type << ',' << csv_field(e.cameo)
        << ',' << csv_field(e.date.iso()) << ',' << e.mentions << ',' << csv_field(e.relation, false)
        << ',' << event_source_count(e) << ',' << csv_field(first_sentence(e)) << ',';
    const EventFacts facts = event_facts(e, cameo, &g.articles);
    if (facts.goldstein) out << fmt1(*facts.goldstein);
    out << ',' << (facts.quad_class ? std::to_string(facts.quad_class) : std::string()) << ','
        << e.articles.size() << ',' << csv_field(joined(e.sources, ";"), false) << ','
        << csv_field(joined(facts.urls, ";"), false) << ',' << csv_field(place_label(e.place), false) << ','
        << csv_field(e.place.country) << ',' << place_coordinate(e.place, e.place.lat) << ','
        << place_coordinate(e.place, e.place.lon) << ','
        << (e.place.name.empty() ? "" : to_string(e.place.precision)) << "\r\n";
  }
}

}  // namespace geokg::query
