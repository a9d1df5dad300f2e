#include "geokg/extract/places.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "geokg/core/ascii.hpp"
#include "geokg/core/ids.hpp"

namespace geokg {

namespace {

bool word_char(char c) { return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }

// Where `name` stands in `sentence` as whole words, case-sensitive first then
// ignoring case; npos when it does not.
std::size_t find_words(std::string_view sentence, std::string_view name) {
  if (name.empty()) return std::string_view::npos;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t at = 0; at + name.size() <= sentence.size(); ++at) {
      bool same = true;
      for (std::size_t k = 0; k < name.size() && same; ++k)
        same = pass == 0 ? sentence[at + k] == name[k] : ascii_lower(sentence[at + k]) == ascii_lower(name[k]);
      if (!same) continue;
      const bool left = at == 0 || !word_char(sentence[at - 1]);
      const bool right = at + name.size() == sentence.size() || !word_char(sentence[at + name.size()]);
      if (left && right) return at;
    }
  }
  return std::string_view::npos;
}

// The words after "NAME, " when they name a subdivision or country
// ("Paris, Texas, police said" -> "Texas"; "Paris, Tex." -> "Tex").
std::string qualifier_after(std::string_view sentence, std::size_t end, const geo::Gazetteer& g) {
  if (end + 2 > sentence.size() || sentence[end] != ',' || sentence[end + 1] != ' ') return {};
  std::size_t b = end + 2, e = b;
  while (e < sentence.size() && (word_char(sentence[e]) || sentence[e] == ' ' || sentence[e] == '.')) {
    if (sentence[e] == ' ' && (e + 1 >= sentence.size() || !is_ascii_upper(sentence[e + 1])))
      break;
    ++e;
  }
  std::string q(sentence.substr(b, e - b));
  while (!q.empty() && (q.back() == '.' || q.back() == ' ')) q.pop_back();
  if (q.empty() || !is_ascii_upper(q.front())) return {};
  // A postal code ("TX") or the name of a subdivision or country.
  if (q.size() == 2 && is_ascii_upper(q[1])) return q;
  for (std::uint32_t i : g.find(q))
    if (g.entry(i).type != geo::EntryType::kCity) return q;
  // "Tex.", "Calif.": an abbreviation of a subdivision.
  if (end + 2 + q.size() < sentence.size() && sentence[end + 2 + q.size()] == '.' && q.size() >= 3) return q;
  return {};
}

bool near_word_before(std::string_view sentence, std::size_t at) {
  std::size_t e = at;
  while (e > 0 && sentence[e - 1] == ' ') --e;
  if (e >= 4 && sentence.substr(e - 4, 4) == "the ") {   // "near the Kremlin"
    e -= 4;
    while (e > 0 && sentence[e - 1] == ' ') --e;
  }
  std::size_t b = e;
  while (b > 0 && word_char(sentence[b - 1])) --b;
  const std::string w = ascii_lower(sentence.substr(b, e - b));
  return w == "near" || w == "outside" || w == "nearby" || w == "off";
}

}  // namespace

geo::PlaceContext article_place_context(const Article& article, const Extraction& ex, const geo::Gazetteer& g) {
  geo::PlaceContext ctx;
  std::map<std::string, double> weight;
  double total = 0;
  for (const auto& a : ex.actors) {
    // A place's own country is the lexicon's guess for it, not what the story is about.
    if (a.country.empty() || a.kind == NodeKind::kLocation) continue;
    const double w = std::max<std::uint32_t>(a.mentions, 1);
    weight[a.country] += w;
    total += w;
  }
  for (const auto& [c, w] : weight) ctx.article_countries.emplace_back(c, w / total);

  const geo::Dateline d = geo::find_dateline(article.text);
  if (!d.place.empty()) {
    geo::PlaceQuery q;
    q.name = d.place;
    q.qualifier = d.qualifier;
    const Place p = geo::resolve_place(g, q, ctx);
    if (p.resolved()) {
      ctx.dateline_country = p.country;
      if (p.precision == PlacePrecision::kCity) ctx.dateline_city = p.entry_name;
    }
  }
  return ctx;
}

Namesakes namesakes_by_state(const geo::Gazetteer& g, std::string_view name) {
  Namesakes n;
  for (std::uint32_t i : g.find(name)) {
    const geo::Entry& e = g.entry(i);
    if (e.type != geo::EntryType::kCity) n.cities_only = false;
    if (e.type != geo::EntryType::kCity && e.type != geo::EntryType::kAdm1) n.cities_or_subdivisions = false;
    if (e.country.empty()) {
      n.stateless = true;
      continue;
    }
    auto it = std::find_if(n.by_state.begin(), n.by_state.end(), [&](const auto& x) { return x.second == e.country; });
    if (it == n.by_state.end()) n.by_state.emplace_back(e.population, e.country);
    else it->first = std::max(it->first, e.population);
  }
  std::sort(n.by_state.rbegin(), n.by_state.rend());
  return n;
}

std::string dominant_state(const Namesakes& n) {
  if (n.by_state.empty() || n.by_state[0].first < 100000) return {};
  if (n.by_state.size() > 1 && n.by_state[0].first < 10 * n.by_state[1].first) return {};
  return n.by_state[0].second;
}

std::string city_state_of(const geo::Gazetteer& g, std::string_view name) {
  const Namesakes places = namesakes_by_state(g, name);
  if (!places.cities_or_subdivisions || places.stateless) return {};
  if (!places.cities_only && places.by_state.size() == 1) return places.by_state[0].second;
  return dominant_state(places);
}

void place_actor_countries(std::vector<ExtractedActor>& actors, const geo::Gazetteer& g) {
  std::set<std::string> named;   // the states the article's other actors stand for
  for (const ExtractedActor& a : actors)
    if (!a.country.empty() && a.kind != NodeKind::kLocation) named.insert(a.country);
  for (ExtractedActor& a : actors) {
    if (a.kind != NodeKind::kLocation || !a.country.empty()) continue;
    const Namesakes n = namesakes_by_state(g, a.name);
    if (n.stateless || n.by_state.empty()) continue;
    std::string state;
    if (n.by_state.size() == 1) {
      state = n.by_state[0].second;
    } else {
      std::vector<std::string> in_story;
      for (const auto& [pop, c] : n.by_state)
        if (named.count(c)) in_story.push_back(c);
      if (in_story.size() == 1) state = in_story.front();
      else if (in_story.empty()) state = dominant_state(n);
    }
    if (state.empty()) continue;
    a.country = state;
    if (a.code.empty()) a.code = state;
  }
}

void resolve_event_places(const Article& article, Extraction& ex, const geo::Gazetteer& g) {
  if (std::none_of(ex.events.begin(), ex.events.end(), [](const ExtractedEvent& e) { return e.location >= 0; }))
    return;
  const geo::PlaceContext base = article_place_context(article, ex, g);
  const auto n = static_cast<int>(ex.actors.size());
  for (ExtractedEvent& ev : ex.events) {
    ev.place = Place{};
    if (ev.location < 0 || ev.location >= n) continue;
    const ExtractedActor& where = ex.actors[static_cast<std::size_t>(ev.location)];
    geo::PlaceContext ctx = base;
    for (int k : {ev.source, ev.target})
      if (k >= 0 && k < n && !ex.actors[static_cast<std::size_t>(k)].country.empty())
        ctx.event_countries.push_back(ex.actors[static_cast<std::size_t>(k)].country);
    // The sentence: which of the place's names it uses, what follows it, and
    // the other places it names.
    const std::string_view sentence = ev.evidence.sentence;
    std::string_view surface = where.name;
    std::size_t at = find_words(sentence, where.name);
    for (const auto& alias : where.aliases) {
      if (at != std::string_view::npos) break;
      at = find_words(sentence, alias);
      surface = alias;
    }
    if (at == std::string_view::npos) surface = where.name;
    for (int k = 0; k < n; ++k) {
      const ExtractedActor& other = ex.actors[static_cast<std::size_t>(k)];
      if (k != ev.location && other.kind == NodeKind::kLocation && find_words(sentence, other.name) != std::string_view::npos)
        ctx.sentence_places.push_back(other.name);
    }
    geo::PlaceQuery q;
    q.name = where.name;
    q.hint_country = where.country;
    q.is_country = where.kind == NodeKind::kCountry;
    std::string qualifier;
    if (at != std::string_view::npos) {
      qualifier = qualifier_after(sentence, at + surface.size(), g);
      q.near = near_word_before(sentence, at);
    }
    q.qualifier = qualifier;
    ev.place = geo::resolve_place(g, q, ctx);
  }
}

}  // namespace geokg
