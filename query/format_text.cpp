// Terminal output: aligned tables and short reports.
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_map>

#include "geokg/core/ids.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/text.hpp"

namespace geokg::query {

namespace {

// A simple aligned table: columns sized to content up to a cap per column.
class Table {
 public:
  Table(std::vector<std::string> header, std::vector<std::size_t> caps)
      : caps_(std::move(caps)) {
    add(std::move(header));
  }
  void add(std::vector<std::string> row) {
    for (std::size_t i = 0; i < row.size(); ++i) row[i] = one_line(row[i], caps_[i]);
    rows_.push_back(std::move(row));
  }
  void write(std::ostream& out) const {
    std::vector<std::size_t> w(caps_.size(), 0);
    for (const auto& r : rows_)
      for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], display_width(r[i]));
    for (std::size_t k = 0; k < rows_.size(); ++k) {
      const auto& r = rows_[k];
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i + 1 == r.size()) line += r[i];   // no trailing padding
        else line += pad_right(r[i], w[i]) + "  ";
      }
      out << line << "\n";
      if (k == 0) {
        std::string rule;
        for (std::size_t i = 0; i < r.size(); ++i) {
          rule += std::string(w[i], '-');
          if (i + 1 < r.size()) rule += "  ";
        }
        out << rule << "\n";
      }
    }
  }

 private:
  std::vector<std::size_t> caps_;
  std::vector<std::vector<std::string>> rows_;
};

std::string fmt_double(double v, const char* f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string date_text(const Date& d) { return d.known() ? d.iso() : "-"; }

std::string role_text(const Role& r) {
  std::string s = r.title.empty() ? "(role)" : r.title;
  if (!r.organization.empty()) s += ", " + r.organization;
  else if (!r.country.empty()) s += ", " + r.country;
  if (r.from.known() || r.to.known())
    s += " (" + (r.from.known() ? r.from.iso() : std::string("?")) + " - " +
         (r.to.known() ? r.to.iso() : std::string("")) + ")";
  return s;
}

}  // namespace

void write_actors_table(std::ostream& out, const std::vector<RankedActor>& actors, RankBy by) {
  std::vector<std::string> header{"#", "NAME", "KIND", "COUNTRY", "CODE", "MENTIONS", "EVENTS", "DEGREE"};
  if (by == RankBy::kCentrality) header.push_back("BETWEENNESS");
  header.push_back("PAGERANK");
  std::vector<std::size_t> caps{5, 40, 12, 7, 12, 9, 7, 7, 12, 12};
  Table t(header, caps);
  std::size_t i = 0;
  for (const auto& a : actors) {
    std::vector<std::string> row{std::to_string(++i), a.node.name, to_string(a.node.kind),
                                 a.node.country.empty() ? "-" : a.node.country,
                                 a.node.code.empty() ? "-" : a.node.code,
                                 std::to_string(a.node.mentions), std::to_string(a.events),
                                 std::to_string(a.degree)};
    if (by == RankBy::kCentrality) row.push_back(fmt_double(a.betweenness, "%.4f"));
    row.push_back(fmt_double(a.pagerank, "%.4f"));
    t.add(std::move(row));
  }
  t.write(out);
}

void write_profile_text(std::ostream& out, const ActorProfile& p) {
  const Node& n = p.node;
  out << one_line(n.name) << "  [" << to_string(n.kind);
  if (!n.country.empty()) out << ", " << n.country;
  if (!n.sector.empty()) out << ", " << n.sector;
  if (n.naming != Naming::kProper) out << ", " << to_string(n.naming) << (n.naming == Naming::kPartial ? " name" : "");
  out << "]  id " << to_hex(n.id) << "\n";
  if (!n.code.empty()) out << "Code:       " << n.code << " (CAMEO actor code)\n";
  if (!n.aliases.empty()) {
    out << "Aliases:    ";
    for (std::size_t i = 0; i < n.aliases.size(); ++i)
      out << (i ? ", " : "") << one_line(n.aliases[i], 60);
    out << "\n";
  }
  out << "Mentions:   " << n.mentions << " in " << n.articles << " article"
      << (n.articles == 1 ? "" : "s") << "\n";
  if (n.first_seen.known())
    out << "Seen:       " << date_text(n.first_seen) << " .. " << date_text(n.last_seen) << "\n";
  out << "Events:     " << p.events;
  if (p.first_event.known())
    out << " (" << p.first_event.iso() << " .. " << date_text(p.last_event) << ")";
  out << "\n";
  if (!p.roles.empty()) {
    out << "\nRoles:\n";
    for (const auto& r : p.roles) {
      out << "  " << one_line(role_text(r.role), 100);
      if (r.target != 0 && r.target_name != r.role.country && r.target_name != r.role.organization)
        out << "  -> " << one_line(r.target_name, 40);
      out << "\n";
    }
  }
  if (!p.by_root.empty()) {
    out << "\nEvents by CAMEO class:\n";
    Table t({"ROOT", "CLASS", "AS SOURCE", "AS TARGET"}, {4, 40, 9, 9});
    for (const auto& r : p.by_root)
      t.add({r.root, r.label.empty() ? "?" : r.label, std::to_string(r.as_source),
             std::to_string(r.as_target)});
    std::ostringstream ss;
    t.write(ss);
    std::string line;
    std::istringstream in(ss.str());
    while (std::getline(in, line)) out << "  " << line << "\n";
  }
  if (!p.counterparts.empty()) {
    out << "\nTop counterparts (" << p.counterparts.size() << " of " << p.total_counterparts
        << "):\n";
    Table t({"NAME", "KIND", "COUNTRY", "EVENTS", "QUAD 1/2/3/4", "GOLD AVG", "ARTS", "LAST", "RELATIONS",
             "PUBLISHERS"},
            {36, 12, 7, 6, 14, 8, 4, 10, 40, 40});
    for (const auto& c : p.counterparts) {
      const std::string quads = std::to_string(c.quad_classes[1]) + "/" + std::to_string(c.quad_classes[2]) +
                                "/" + std::to_string(c.quad_classes[3]) + "/" + std::to_string(c.quad_classes[4]);
      t.add({c.name, c.kind.empty() ? "?" : c.kind, c.country.empty() ? "-" : c.country,
             std::to_string(c.events), quads, c.scored ? fmt_double(c.goldstein_mean(), "%+.1f") : "-",
             std::to_string(c.articles), date_text(c.last), c.top_relation,
             c.publishers.empty() ? "-" : joined(c.publishers, "; ")});
    }
    std::ostringstream ss;
    t.write(ss);
    std::string line;
    std::istringstream in(ss.str());
    while (std::getline(in, line)) out << "  " << line << "\n";
  }
  if (p.places_counted && (!p.places.empty() || p.unplaced > 0)) {
    out << "\nWhere it acted (" << p.places.size() << " of " << p.total_places << " place"
        << (p.total_places == 1 ? "" : "s") << "; " << p.unplaced << " event" << (p.unplaced == 1 ? "" : "s")
        << " without a place):\n";
    if (!p.places.empty()) {
      Table t({"PLACE", "COUNTRY", "PRECISION", "EVENTS", "LAT", "LON", "FIRST", "LAST"},
              {36, 7, 9, 6, 8, 9, 10, 10});
      for (const auto& c : p.places)
        t.add({c.place.name, c.place.country.empty() ? "-" : c.place.country, to_string(c.place.precision),
               std::to_string(c.events), fmt_double(c.place.lat, "%.4f"), fmt_double(c.place.lon, "%.4f"),
               date_text(c.first), date_text(c.last)});
      std::ostringstream ss;
      t.write(ss);
      std::string line;
      std::istringstream in(ss.str());
      while (std::getline(in, line)) out << "  " << line << "\n";
    }
  }
}

void write_neighbors_text(std::ostream& out, const Neighborhood& n) {
  out << one_line(n.center.name) << " [" << to_string(n.center.kind);
  if (!n.center.country.empty()) out << ", " << n.center.country;
  out << "]: " << n.nodes.size() << " neighbour" << (n.nodes.size() == 1 ? "" : "s");
  if (n.omitted) out << " (" << n.omitted << " more not shown; raise --limit)";
  out << "\n";
  if (n.nodes.empty()) return;
  std::unordered_map<NodeId, std::string> names{{n.center.id, n.center.name}};
  for (const auto& x : n.nodes) names[x.id] = x.name;
  // Quad classes and Goldstein values when the links carry them (NeighborOptions::cameo).
  bool classed = false;
  for (const auto& l : n.links)
    for (std::size_t q = 0; q < 5; ++q) classed = classed || l.quad_classes[q] > 0;
  // Per neighbour: the links that reach it from nearer nodes.
  std::vector<std::string> header = {"DEPTH", "NAME", "KIND", "COUNTRY", "EVENTS"};
  std::vector<std::size_t> widths = {5, 36, 12, 7, 6};
  if (classed) {
    header.insert(header.end(), {"QUAD 1/2/3/4", "GOLD AVG"});
    widths.insert(widths.end(), {14, 8});
  }
  header.insert(header.end(), {"LAST", "VIA / RELATIONS"});
  widths.insert(widths.end(), {10, 70});
  Table t(header, widths);
  for (const auto& x : n.nodes) {
    const int d = n.depth.at(x.id);
    std::size_t events = 0;
    std::size_t quads[5] = {};
    double goldstein_sum = 0.0;
    std::size_t scored = 0;
    Date last;
    std::string rel;
    for (const auto& l : n.links) {
      NodeId other = 0;
      std::string arrow;
      // Arrows read from the nearer node: "-> met" = it met this neighbour.
      if (l.target == x.id) {
        other = l.source;
        arrow = "->";
      } else if (l.source == x.id) {
        other = l.target;
        arrow = "<-";
      } else {
        continue;
      }
      if (!n.depth.count(other) || n.depth.at(other) >= d) continue;
      events += l.events;
      for (std::size_t q = 0; q < 5; ++q) quads[q] += l.quad_classes[q];
      goldstein_sum += l.goldstein_sum;
      scored += l.scored;
      if (l.last.known() && (!last.known() || last < l.last)) last = l.last;
      if (!rel.empty()) rel += "; ";
      if (d > 1) rel += names[other] + " ";
      rel += arrow + " ";
      for (std::size_t i = 0; i < l.relations.size() && i < 3; ++i)
        rel += (i ? ", " : "") + (l.relations[i].empty() ? l.cameo[i] : l.relations[i]);
    }
    std::vector<std::string> row = {std::to_string(d), x.name, to_string(x.kind),
                                    x.country.empty() ? "-" : x.country, std::to_string(events)};
    if (classed) {
      row.push_back(std::to_string(quads[1]) + "/" + std::to_string(quads[2]) + "/" + std::to_string(quads[3]) +
                    "/" + std::to_string(quads[4]));
      row.push_back(scored ? fmt_double(goldstein_sum / static_cast<double>(scored), "%+.1f") : "-");
    }
    row.insert(row.end(), {date_text(last), rel});
    t.add(row);
  }
  t.write(out);
  out << "(-> the nearer actor was the event's source; <- this neighbour was)\n";
}

void write_path_text(std::ostream& out, const PathResult& p, int max_depth, const CameoTable* cameo) {
  if (!p.found) {
    out << "no path within " << max_depth << " hop" << (max_depth == 1 ? "" : "s");
    if (p.truncated) out << " (search stopped after " << p.visited << " nodes)";
    out << "\n";
    return;
  }
  out << p.hops.size() << " hop" << (p.hops.size() == 1 ? "" : "s") << ": ";
  for (std::size_t i = 0; i < p.nodes.size(); ++i)
    out << (i ? " -- " : "") << one_line(p.nodes[i].name, 60);
  out << "\n";
  for (std::size_t i = 0; i < p.hops.size(); ++i) {
    const auto& h = p.hops[i];
    const EventEdge& e = h.event;
    const std::string& src = h.forward ? p.nodes[i].name : p.nodes[i + 1].name;
    const std::string& tgt = h.forward ? p.nodes[i + 1].name : p.nodes[i].name;
    if (h.is_role) {
      out << "\n" << (i + 1) << ". " << one_line(src, 60) << " -[" << to_string(h.role.relation) << ": "
          << one_line(role_text(h.role.role), 80) << "]-> " << one_line(tgt, 60) << "\n";
      continue;
    }
    out << "\n" << (i + 1) << ". " << one_line(src, 60) << " -[" << e.cameo << " "
        << one_line(e.relation.empty() ? e.cameo : e.relation, 40) << "]-> " << one_line(tgt, 60)
        << "\n";
    out << "   date " << date_text(e.date);
    if (!h.location_name.empty()) out << ", in " << one_line(h.location_name, 40);
    out << ", " << e.mentions << " report" << (e.mentions == 1 ? "" : "s");
    const EventFacts facts = event_facts(e, cameo, &p.articles);
    if (facts.goldstein)
      out << ", Goldstein " << fmt_double(*facts.goldstein, "%+.1f") << " " << quad_short(facts.quad_class);
    if (h.events > 1) out << " (" << h.events << " events between them)";
    out << "\n";
    if (!e.evidence.empty()) {
      const Evidence& x = e.evidence.front();
      out << "   \"" << one_line(x.sentence, 200) << "\"";
      if (!x.source.empty()) out << " (" << one_line(x.source, 40) << ")";
      out << "\n";
    }
    if (!facts.urls.empty()) out << "   " << one_line(facts.urls.front()) << "\n";
  }
}

namespace {
// The place as the table shows it: "Paris (FRA)" when resolved.
std::string place_cell(const std::string& name, const Place& p) {
  return p.resolved() && !p.country.empty() ? name + " (" + p.country + ")" : name;
}
}  // namespace

void write_timeline_table(std::ostream& out, const Timeline& t, const CameoTable* cameo) {
  Table table({"DATE", "SOURCE", "RELATION", "TARGET", "PLACE", "GOLD", "QUAD", "ARTS", "SRCS", "PUBLISHERS",
               "EVIDENCE", "URL"},
              {10, 28, 24, 28, 18, 5, 7, 4, 4, 30, 90, 0});
  for (const auto& ev : t.events) {
    const EventEdge& e = ev.edge;
    const EventFacts facts = event_facts(e, cameo, &t.articles);
    std::string rel = e.relation.empty() ? e.cameo : e.relation;
    if (e.negated) rel = "NOT " + rel;
    if (e.hypothetical) rel += "?";
    table.add({date_text(e.date), ev.source_name, rel, ev.target_name,
               ev.location_name.empty() ? "-" : place_cell(ev.location_name, e.place),
               facts.goldstein ? fmt_double(*facts.goldstein, "%.1f") : "-", quad_short(facts.quad_class),
               std::to_string(e.articles.size()), std::to_string(event_source_count(e)),
               e.sources.empty() ? "-" : joined(e.sources, "; "),
               e.evidence.empty() ? std::string() : e.evidence.front().sentence,
               facts.urls.empty() ? "-" : facts.urls.front() +
                   (facts.urls.size() > 1 ? " (+" + std::to_string(facts.urls.size() - 1) + ")" : "")});
  }
  table.write(out);
  if (t.events.empty()) out << "(no events)\n";
  if (t.truncated) out << "(" << t.truncated << " later events not shown; raise --limit)\n";
}

}  // namespace geokg::query
