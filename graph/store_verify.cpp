// verify(): every index entry points at a record and agrees with it, every
// record is indexed, and no committed article was lost.

#include <unordered_map>

#include "geokg/core/ids.hpp"
#include "store_impl.hpp"

namespace geokg {

using namespace detail;   // the store's internals (store_impl.hpp)

namespace {

// Reads every family once, in order, and checks the index entries against
// compact in-memory summaries of the records (a few dozen bytes per node and
// edge) instead of point lookups: linear in the store's size and independent
// of how many merge operands a record still carries. Records come first, so
// that the index entries find the summaries complete.
class Verifier {
 public:
  explicit Verifier(const GraphStore::Impl& im) : im_(im) {}

  Result<VerifyReport> run() {
    if (Status s = check_nodes(); !s.ok()) return s;
    if (Status s = check_edges(); !s.ok()) return s;
    if (Status s = check_articles(); !s.ok()) return s;
    if (Status s = check_static_edges(); !s.ok()) return s;
    if (Status s = check_names(); !s.ok()) return s;
    if (Status s = check_adjacency(); !s.ok()) return s;
    if (Status s = check_timeline(); !s.ok()) return s;
    check_unindexed();
    // Committed articles a damaged write-ahead log lost (found at open).
    for (const auto& lost : im_.recovery.lost)
      problem("article '" + lost.article_id + "' (commit " + std::to_string(lost.commit) +
              ") is missing: it was committed, but the write-ahead log that held it was cut short, "
              "damaged or deleted before a flush; ingest its input again");
    if (dropped_ > 0) r_.problems.push_back("... and " + std::to_string(dropped_) + " more problems");
    return std::move(r_);
  }

 private:
  static constexpr std::size_t kMaxProblems = 200;

  struct NodeInfo {
    std::string name;
    std::vector<std::pair<std::uint64_t, bool>> names;   // hash of a normalised name, indexed?
  };
  struct EdgeInfo {
    NodeId source = 0, target = 0;
    std::int32_t date_key = 0;
    std::string cameo;
    std::uint8_t flags = 0;
    bool out = false, in = false, timeline = false;
  };

  static std::uint64_t name_hash(std::string_view normalized) { return stable_hash64(normalized); }

  void problem(std::string line) {
    if (r_.problems.size() < kMaxProblems) r_.problems.push_back(std::move(line));
    else ++dropped_;
  }

  // Records: decodable, consistent with their keys, endpoints present.
  Status check_nodes() {
    return im_.scan(kNodes, {}, {}, [&](std::string_view key, std::string_view value) {
      ++r_.checked;
      Node n;
      NodeId id = 0;
      if (!keys::decode_id_key(key, id) || !codec::decode(value, n).ok() || n.id != id) {
        problem("node record " + to_hex(id) + " does not decode or has the wrong id");
        return true;
      }
      NodeInfo& info = nodes_[id];
      info.name = n.name;
      auto add = [&](const std::string& name) {
        // Compared as the names key holds it (a NUL inside a name is dropped there).
        const std::string norm = keys::stored_alias(normalize_name(name));
        if (norm.empty()) return;
        const std::uint64_t h = name_hash(norm);
        for (const auto& [known, _] : info.names)
          if (known == h) return;
        info.names.emplace_back(h, false);
      };
      add(n.name);
      for (const auto& a : n.aliases) add(a);
      return true;
    });
  }

  Status check_edges() {
    return im_.scan(kEdges, {}, {}, [&](std::string_view key, std::string_view value) {
      ++r_.checked;
      EventEdge e;
      EdgeId id = 0;
      if (!keys::decode_id_key(key, id) || !codec::decode(value, e).ok() || e.id != id) {
        problem("edge record " + to_hex(id) + " does not decode or has the wrong id");
        return true;
      }
      const std::string what = "edge " + to_hex(id) + " (" + e.cameo + " " + e.date.iso() + ")";
      for (NodeId n : {e.source, e.target})
        if (!nodes_.count(n)) problem(what + ": endpoint node " + to_hex(n) + " missing");
      if (e.location != 0 && !nodes_.count(e.location))
        problem(what + ": location node " + to_hex(e.location) + " missing");
      edges_[id] = EdgeInfo{e.source, e.target, e.date.key(), e.cameo,
                            keys::event_flags(e.negated, e.hypothetical), false, false, false};
      return true;
    });
  }

  Status check_articles() {
    return im_.scan(kArticles, {}, {}, [&](std::string_view key, std::string_view value) {
      ++r_.checked;
      ArticleRecord a;
      if (!codec::decode(value, a).ok() || a.id != key) {
        problem("article record '" + std::string(key) + "' does not decode or has the wrong id");
        return true;
      }
      for (NodeId n : a.nodes)
        if (!nodes_.count(n)) problem("article " + a.id + ": node " + to_hex(n) + " missing");
      for (EdgeId e : a.edges)
        if (!edges_.count(e)) problem("article " + a.id + ": edge " + to_hex(e) + " missing");
      return true;
    });
  }

  Status check_static_edges() {
    return im_.scan(kStatic, {}, {}, [&](std::string_view key, std::string_view value) {
      ++r_.checked;
      StaticEdge e;
      keys::StaticKey k;
      if (!keys::decode_static_key(key, k) || !codec::decode(value, e).ok() ||
          keys::static_key(e) != key) {
        problem("static edge entry does not decode or does not match its key");
        return true;
      }
      for (NodeId n : {e.source, e.target})
        if (!nodes_.count(n))
          problem(std::string("static ") + to_string(e.relation) + " edge: endpoint node " + to_hex(n) + " missing");
      return true;
    });
  }

  // Index entries: each points at a record and agrees with it.
  Status check_names() {
    return im_.scan(kNames, {}, {}, [&](std::string_view key, std::string_view) {
      ++r_.checked;
      keys::NameKey k;
      if (!keys::decode_name_key(key, k)) {
        problem("malformed names entry");
        return true;
      }
      auto it = nodes_.find(k.node);
      if (it == nodes_.end()) {
        problem("name '" + std::string(k.alias) + "' points at missing node " + to_hex(k.node));
        return true;
      }
      const std::uint64_t h = name_hash(k.alias);
      for (auto& [known, indexed] : it->second.names)
        if (known == h) {
          indexed = true;
          return true;
        }
      problem("name '" + std::string(k.alias) + "' is not a name of node " + to_hex(k.node) + " (" +
              it->second.name + ")");
      return true;
    });
  }

  Status check_adjacency() {
    return im_.scan(kAdj, {}, {}, [&](std::string_view key, std::string_view value) {
      ++r_.checked;
      keys::AdjKey k;
      keys::AdjValue v;
      if (!keys::decode_adj_key(key, k) || !keys::decode_adj_value(value, v)) {
        problem("malformed adjacency entry");
        return true;
      }
      auto it = edges_.find(k.edge);
      if (it == edges_.end()) {
        problem("adjacency entry of node " + to_hex(k.node) + " points at missing edge " + to_hex(k.edge));
        return true;
      }
      EdgeInfo& e = it->second;
      const bool out = k.dir == keys::kDirOut;
      if ((out ? e.source : e.target) != k.node || (out ? e.target : e.source) != v.other ||
          e.date_key != k.date_key || e.cameo.substr(0, keys::kCameoBytes) != k.cameo ||
          e.flags != v.flags) {
        problem("adjacency entry of node " + to_hex(k.node) + " disagrees with edge " + to_hex(k.edge));
        return true;
      }
      (out ? e.out : e.in) = true;
      return true;
    });
  }

  Status check_timeline() {
    return im_.scan(kTimeline, {}, {}, [&](std::string_view key, std::string_view value) {
      ++r_.checked;
      keys::TimelineKey k;
      keys::TimelineValue v;
      if (!keys::decode_timeline_key(key, k) || !keys::decode_timeline_value(value, v)) {
        problem("malformed timeline entry");
        return true;
      }
      auto it = edges_.find(k.edge);
      if (it == edges_.end()) {
        problem("timeline entry points at missing edge " + to_hex(k.edge));
        return true;
      }
      EdgeInfo& e = it->second;
      if (e.date_key != k.date_key || e.cameo != v.cameo || e.flags != v.flags) {
        problem("timeline entry disagrees with edge " + to_hex(k.edge));
        return true;
      }
      e.timeline = true;
      return true;
    });
  }

  // Records every index should have listed.
  void check_unindexed() {
    for (const auto& [id, n] : nodes_)
      for (const auto& [h, indexed] : n.names)
        if (!indexed) problem("node " + to_hex(id) + " (" + n.name + "): a name is not indexed");
    for (const auto& [id, e] : edges_) {
      const std::string what = "edge " + to_hex(id) + " (" + e.cameo + " " +
                               Date::FromKey(e.date_key).iso() + ")";
      if (!e.out) problem(what + ": no outgoing adjacency entry");
      if (!e.in) problem(what + ": no incoming adjacency entry");
      if (!e.timeline) problem(what + ": no timeline entry");
    }
  }

  const GraphStore::Impl& im_;
  VerifyReport r_;
  std::uint64_t dropped_ = 0;
  std::unordered_map<NodeId, NodeInfo> nodes_;
  std::unordered_map<EdgeId, EdgeInfo> edges_;
};

}  // namespace

Result<VerifyReport> GraphStore::verify() const { return Verifier(*impl_).run(); }

}  // namespace geokg
