#include "geokg/query/resolve.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "geokg/core/ids.hpp"
#include "geokg/query/text.hpp"

namespace geokg::query {

namespace {

std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '-') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

enum class TokenMatch { kNone, kPrefix, kWhole };

// Every query token equals some alias token (kWhole); or all do except the
// last, which is a prefix of one (kPrefix: a person typing "xi jin" still
// finds "xi jinping"). Tokens must appear in order, so "yi wang" does not
// match "wang yi".
TokenMatch token_match(const std::vector<std::string_view>& query,
                       const std::vector<std::string_view>& alias) {
  if (query.empty()) return TokenMatch::kNone;
  std::size_t a = 0;
  for (std::size_t q = 0; q + 1 < query.size(); ++q) {
    while (a < alias.size() && alias[a] != query[q]) ++a;
    if (a == alias.size()) return TokenMatch::kNone;
    ++a;
  }
  const std::string_view last = query.back();
  TokenMatch best = TokenMatch::kNone;
  for (; a < alias.size(); ++a) {
    if (alias[a] == last) return TokenMatch::kWhole;
    if (last.size() >= 2 && alias[a].substr(0, last.size()) == last) best = TokenMatch::kPrefix;
  }
  return best;
}

Result<std::vector<Node>> load_nodes(const GraphStore& store, const std::vector<NodeId>& ids) {
  std::vector<Node> nodes;
  for (NodeId id : ids) {
    auto n = store.node(id);
    if (n.ok()) nodes.push_back(std::move(n).value());
    else if (!n.status().is_not_found()) return n.status();
  }
  std::sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  return nodes;
}

Resolution from_candidates(std::vector<Node> nodes, std::string_view normalized,
                           std::size_t max_candidates) {
  Resolution r;
  // A surname-only node ("Blair") gives way to the full-name people known by
  // that surname.
  if (std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return n.naming != Naming::kPartial; }))
    std::erase_if(nodes, [](const Node& n) { return n.naming == Naming::kPartial; });
  if (nodes.size() > 1) {
    // A name that is some node's canonical name beats the same string as
    // another node's alias ("China" the country over a group aliased "China").
    std::vector<Node> canonical;
    for (const auto& n : nodes)
      if (normalize_name(n.name) == normalized) canonical.push_back(n);
    if (canonical.size() == 1) nodes = std::move(canonical);
  }
  if (nodes.size() == 1) {
    r.outcome = Resolution::Outcome::kFound;
    r.node = std::move(nodes.front());
  } else if (nodes.size() > 1) {
    r.outcome = Resolution::Outcome::kAmbiguous;
    r.total_candidates = nodes.size();
    if (nodes.size() > max_candidates) nodes.resize(max_candidates);
    r.candidates = std::move(nodes);
  }
  return r;
}

}  // namespace

std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<std::size_t> prev(a.size() + 1), cur(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) prev[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    cur[0] = j;
    std::size_t row_min = cur[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      const std::size_t sub = prev[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[i] = std::min({sub, prev[i] + 1, cur[i - 1] + 1});
      row_min = std::min(row_min, cur[i]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[a.size()] > limit ? limit + 1 : prev[a.size()];
}

Result<Resolution> resolve_name(const GraphStore& store, std::string_view name,
                                const ResolveOptions& options) {
  // 1. A node id as printed by --json output.
  if (name.size() == 16) {
    std::uint64_t id = 0;
    if (from_hex(name, id)) {
      auto n = store.node(id);
      if (n.ok()) {
        Resolution r;
        r.outcome = Resolution::Outcome::kFound;
        r.node = std::move(n).value();
        return r;
      }
      if (!n.status().is_not_found()) return n.status();
    }
  }

  const std::string normalized = normalize_name(name);
  if (normalized.empty()) return Resolution{};

  const auto query_tokens = tokens(normalized);
  Resolution exact_hit;

  // 2. Exact alias.
  auto exact = store.find_nodes(normalized);
  if (!exact.ok()) return exact.status();
  if (!exact->empty()) {
    auto nodes = load_nodes(store, *exact);
    if (!nodes.ok()) return nodes.status();
    exact_hit = from_candidates(std::move(nodes).value(), normalized, options.max_candidates);
    // A surname alias ("Wang" recorded for Wang Yi) must not hide the other
    // Wangs: a one-word alias that is not the canonical name is checked
    // against whole-token matches below.
    if (exact_hit.outcome == Resolution::Outcome::kAmbiguous ||
        (exact_hit.found() && (query_tokens.size() != 1 || normalize_name(exact_hit.node.name) == normalized)))
      return exact_hit;
  }

  // 3 and 4 in one pass over the names index.
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, normalized.size() / 3));
  std::set<NodeId> token_hits;    // whole-token matches
  std::set<NodeId> prefix_hits;   // last token a prefix; used only when no whole match
  std::unordered_map<NodeId, std::size_t> closest;  // node -> best distance
  std::size_t scanned = 0;
  Status s = store.scan_names("", [&](std::string_view alias, NodeId id) {
    if (++scanned > options.max_scan) return false;
    const auto alias_tokens = tokens(alias);
    const TokenMatch m = token_match(query_tokens, alias_tokens);
    if (m == TokenMatch::kWhole) {
      token_hits.insert(id);
      return true;
    }
    if (m == TokenMatch::kPrefix) {
      prefix_hits.insert(id);
      return true;
    }
    // Suggestions are moot once a token matched.
    if (!token_hits.empty() || !prefix_hits.empty()) return true;
    std::size_t best = bounded_edit_distance(normalized, alias, limit);
    if (query_tokens.size() == 1) {
      for (const auto& t : alias_tokens)
        best = std::min(best, bounded_edit_distance(normalized, t, limit));
    }
    if (best <= limit) {
      auto [it, inserted] = closest.try_emplace(id, best);
      if (!inserted) it->second = std::min(it->second, best);
    }
    return true;
  });
  if (!s.ok()) return s;

  if (exact_hit.found()) {
    token_hits.insert(exact_hit.node.id);
    if (token_hits.size() == 1) return exact_hit;
    auto nodes = load_nodes(store, std::vector<NodeId>(token_hits.begin(), token_hits.end()));
    if (!nodes.ok()) return nodes.status();
    // An exact alias of a person beats the same word inside other names
    // ("Reagan" is not ambiguous with "Reagan Administration"); other people
    // who have the word keep it ambiguous ("Wang").
    if (exact_hit.node.kind == NodeKind::kPerson) {
      std::erase_if(*nodes, [&](const Node& n) {
        return n.id != exact_hit.node.id && (n.kind != NodeKind::kPerson || n.naming == Naming::kPartial);
      });
      if (nodes->size() == 1) return exact_hit;
    }
    Resolution r;
    r.outcome = Resolution::Outcome::kAmbiguous;
    r.candidates = std::move(nodes).value();
    r.total_candidates = r.candidates.size();
    if (r.candidates.size() > options.max_candidates) r.candidates.resize(options.max_candidates);
    return r;
  }
  if (token_hits.empty()) token_hits = std::move(prefix_hits);
  if (!token_hits.empty()) {
    auto nodes = load_nodes(store, std::vector<NodeId>(token_hits.begin(), token_hits.end()));
    if (!nodes.ok()) return nodes.status();
    return from_candidates(std::move(nodes).value(), normalized, options.max_candidates);
  }

  std::vector<std::pair<NodeId, std::size_t>> ranked(closest.begin(), closest.end());
  std::vector<std::pair<std::size_t, Node>> scored;
  for (const auto& [id, d] : ranked) {
    auto n = store.node(id);
    if (n.ok()) scored.emplace_back(d, std::move(n).value());
    else if (!n.status().is_not_found()) return n.status();
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second.mentions != b.second.mentions) return a.second.mentions > b.second.mentions;
    return a.second.name < b.second.name;
  });
  Resolution r;
  std::unordered_set<std::string> seen;
  for (const auto& [d, n] : scored) {
    if (r.suggestions.size() >= options.max_suggestions) break;
    if (seen.insert(n.name).second) r.suggestions.push_back(n.name);
  }
  return r;
}

std::string describe_unresolved(std::string_view name, const Resolution& r) {
  std::string msg;
  const std::string shown = one_line(name, 80);
  if (r.outcome == Resolution::Outcome::kAmbiguous) {
    const std::size_t total = std::max(r.total_candidates, r.candidates.size());
    msg = "ambiguous name '" + shown + "' matches " + std::to_string(total) +
          " actors; use a fuller name or the id";
    msg += total > r.candidates.size()
               ? " (the " + std::to_string(r.candidates.size()) + " most mentioned shown):"
               : std::string(":");
    for (const auto& n : r.candidates) {
      msg += "\n  " + to_hex(n.id) + "  " + one_line(n.name, 60) + "  (" + to_string(n.kind);
      if (!n.country.empty()) msg += ", " + n.country;
      msg += ", " + std::to_string(n.mentions) + (n.mentions == 1 ? " mention)" : " mentions)");
    }
    return msg;
  }
  msg = "no actor named '" + shown + "'";
  if (!r.suggestions.empty()) {
    msg += "; did you mean: ";
    for (std::size_t i = 0; i < r.suggestions.size(); ++i) {
      if (i) msg += ", ";
      msg += '\'';
      msg += one_line(r.suggestions[i], 60);
      msg += '\'';
    }
    msg += "?";
  }
  return msg;
}

}  // namespace geokg::query
