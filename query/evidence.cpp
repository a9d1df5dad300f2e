#include "geokg/query/evidence.hpp"

#include <algorithm>
#include <set>

#include "geokg/core/ascii.hpp"
#include "geokg/core/ids.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/subgraph.hpp"

namespace geokg::query {

using nlohmann::json;

const char* to_string(MentionRole role) {
  switch (role) {
    case MentionRole::kSource: return "source";
    case MentionRole::kTarget: return "target";
    case MentionRole::kLocation: return "location";
  }
  return "source";
}

namespace {

bool word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

bool equal_at(std::string_view text, std::size_t at, std::string_view name) {
  for (std::size_t k = 0; k < name.size(); ++k)
    if (ascii_lower(text[at + k]) != ascii_lower(name[k])) return false;
  return true;
}

// Most names looked for per actor (a node can collect hundreds of aliases).
constexpr std::size_t kMaxNamesPerActor = 64;

}  // namespace

std::vector<MentionSpan> find_mentions(std::string_view sentence, const std::vector<NamedActor>& actors) {
  struct Hit {
    MentionSpan span;
    std::size_t order;   // the actor's position: the first actor wins a tie
  };
  std::vector<Hit> hits;
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const Node* n = actors[a].node;
    if (!n) continue;
    std::set<std::string_view> names;
    names.insert(n->name);
    for (const auto& alias : n->aliases) {
      if (names.size() >= kMaxNamesPerActor) break;
      names.insert(alias);
    }
    for (std::string_view name : names) {
      if (name.size() < 2 || name.size() > sentence.size()) continue;
      for (std::size_t i = 0; i + name.size() <= sentence.size(); ++i) {
        if (!equal_at(sentence, i, name)) continue;
        const std::size_t end = i + name.size();
        if (i > 0 && word_byte(sentence[i - 1]) && word_byte(name.front())) continue;
        if (end < sentence.size() && word_byte(sentence[end]) && word_byte(name.back())) continue;
        hits.push_back({{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), actors[a].role}, a});
      }
    }
  }
  // Longest first, then earliest, then the first actor: "Wang Yi" beats "Wang".
  std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) {
    const auto lx = x.span.end - x.span.start, ly = y.span.end - y.span.start;
    if (lx != ly) return lx > ly;
    if (x.span.start != y.span.start) return x.span.start < y.span.start;
    return x.order < y.order;
  });
  std::vector<MentionSpan> out;
  for (const Hit& h : hits) {
    const bool overlaps = std::any_of(out.begin(), out.end(), [&](const MentionSpan& s) {
      return h.span.start < s.end && s.start < h.span.end;
    });
    if (!overlaps) out.push_back(h.span);
  }
  std::sort(out.begin(), out.end(), [](const MentionSpan& x, const MentionSpan& y) { return x.start < y.start; });
  return out;
}

std::string web_link(std::string_view url) {
  std::size_t scheme = 0;
  for (std::string_view s : {std::string_view("http://"), std::string_view("https://")}) {
    if (url.size() > s.size() && equal_at(url, 0, s)) scheme = s.size();
  }
  if (scheme == 0) return {};
  const char host = url[scheme];
  if (host == '/' || host == '\\' || host == '?' || host == '#') return {};
  for (char c : url) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F) return {};
  }
  return std::string(url);
}

Result<EventDetail> event_detail(const GraphStore& store, EdgeId id, const EventDetailOptions& options) {
  auto e = store.edge(id);
  if (!e.ok()) return e.status();
  EventDetail d;
  NodeCache cache(store);
  TimelineEvent& ev = d.event;
  ev.edge = std::move(e).value();
  ev.source_name = cache.name(ev.edge.source);
  ev.target_name = cache.name(ev.edge.target);
  if (ev.edge.location != 0) ev.location_name = cache.name(ev.edge.location);
  const Node* source = cache.get(ev.edge.source);
  const Node* target = cache.get(ev.edge.target);
  const Node* location = ev.edge.location != 0 ? cache.get(ev.edge.location) : nullptr;
  if (!cache.status().ok()) return cache.status();
  if (source) ev.source_kind = to_string(source->kind);
  if (target) ev.target_kind = to_string(target->kind);
  const std::vector<NamedActor> actors = {{source, MentionRole::kSource},
                                          {target, MentionRole::kTarget},
                                          {location, MentionRole::kLocation}};

  d.total_reports = ev.edge.evidence.size();
  const std::size_t n = std::min(d.total_reports, options.max_reports);
  d.reports.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Report r;
    r.evidence = ev.edge.evidence[i];
    if (!r.evidence.article_id.empty()) {
      auto a = store.article(r.evidence.article_id);
      if (a.ok()) r.article = std::move(a).value();
      else if (!a.status().is_not_found()) return a.status();
    }
    r.mentions = find_mentions(r.evidence.sentence, actors);
    d.reports.push_back(std::move(r));
  }
  return d;
}

namespace {

json date_or_null(const Date& d) { return d.known() ? json(d.iso()) : json(nullptr); }

json segments_json(std::string_view sentence, const std::vector<MentionSpan>& mentions) {
  json out = json::array();
  std::size_t at = 0;
  for (const MentionSpan& m : mentions) {
    if (m.start > at) out.push_back({{"text", sentence.substr(at, m.start - at)}, {"role", nullptr}});
    out.push_back({{"text", sentence.substr(m.start, m.end - m.start)}, {"role", to_string(m.role)}});
    at = m.end;
  }
  if (at < sentence.size()) out.push_back({{"text", sentence.substr(at)}, {"role", nullptr}});
  return out;
}

}  // namespace

json event_detail_json(const EventDetail& d, const CameoTable* cameo) {
  json j = event_json(d.event, cameo);
  j["source_id"] = to_hex(d.event.edge.source);
  j["target_id"] = to_hex(d.event.edge.target);
  j["total_reports"] = d.total_reports;
  json reports = json::array();
  for (const Report& r : d.reports) {
    const Evidence& x = r.evidence;
    json article = {{"id", x.article_id}, {"publisher", x.source}};
    if (r.article) {
      const std::string link = web_link(r.article->url);
      article["title"] = r.article->title;
      article["date"] = date_or_null(r.article->date);
      if (!r.article->source.empty()) article["publisher"] = r.article->source;
      article["url"] = r.article->url;
      article["link"] = link.empty() ? json(nullptr) : json(link);
    } else {
      article["title"] = nullptr;
      article["date"] = nullptr;
      article["url"] = nullptr;
      article["link"] = nullptr;
    }
    json mentions = json::array();
    for (const MentionSpan& m : r.mentions)
      mentions.push_back({{"start", m.start}, {"end", m.end}, {"role", to_string(m.role)}});
    reports.push_back({{"article", article},
                       {"sentence", x.sentence},
                       {"start", x.start},
                       {"end", x.end},
                       {"rule", x.rule},
                       {"cameo", x.cameo},
                       {"date", date_or_null(x.date)},
                       {"mentions", mentions},
                       {"segments", segments_json(x.sentence, r.mentions)}});
  }
  j["reports"] = reports;
  return j;
}

}  // namespace geokg::query
