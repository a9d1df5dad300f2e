// GDELT 2.0 exports: the event table (61 tab-separated columns) and the
// mentions table (16 columns), in GDELT's column order, without a header row
// (as GDELT ships them). Column by column: README.md, "GDELT export".
#include <algorithm>
#include <cstdio>

#include "geokg/core/ids.hpp"
#include "geokg/query/format.hpp"
#include "geokg/query/text.hpp"

namespace geokg::query {

const std::vector<std::string>& gdelt_event_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> c{"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"})
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
        c.push_back(std::string(actor) + f);
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"})
      c.push_back(f);
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"})
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"})
        c.push_back(std::string(geo) + f);
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return columns;
}

const std::vector<std::string>& gdelt_mention_columns() {
  static const std::vector<std::string> columns{
      "GlobalEventID",    "EventTimeDate",     "MentionTimeDate", "MentionType",
      "MentionSourceName", "MentionIdentifier", "SentenceID",      "Actor1CharOffset",
      "Actor2CharOffset",  "ActionCharOffset",  "InRawText",       "Confidence",
      "MentionDocLen",     "MentionDocTone",    "MentionDocTranslationInfo", "Extras"};
  return columns;
}

std::uint64_t gdelt_event_id(EdgeId id) { return id & 0x7fff'ffff'ffff'ffffULL; }

namespace {

// A field: one line, no tabs (one_line turns tabs and newlines into spaces).
std::string field(std::string_view s) { return one_line(s); }

// YYYYMMDDHHMMSS in UTC; "" for 0.
std::string timestamp(std::int64_t unix_seconds) { return utc_time(unix_seconds, "%Y%m%d%H%M%S"); }

// The actor fields of one side: Code, Name, CountryCode, KnownGroupCode,
// EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
std::vector<std::string> actor_fields(const Node* n, const Date& date) {
  std::vector<std::string> f(10);
  if (n == nullptr) return f;
  Node then = *n;
  node_as_of(then, date);
  f[0] = then.code;
  f[1] = field(then.name);
  // IGOUNO: an international body, its group code after IGO/NGO.
  std::string rest = then.code;
  if (rest.starts_with("IGO") || rest.starts_with("NGO")) {
    f[7] = rest.substr(0, 3);
    if (rest.size() >= 6) f[3] = rest.substr(rest.size() - 3);
    return f;
  }
  f[2] = then.country;
  if (!then.country.empty() && rest.starts_with(then.country)) rest = rest.substr(then.country.size());
  for (std::size_t i = 0; i < 3 && rest.size() >= 3 * (i + 1); ++i) f[7 + i] = rest.substr(3 * i, 3);
  return f;
}

// Day (YYYYMMDD), MonthYear (YYYYMM), Year, FractionDate: the parts a date
// does not give are 00; FractionDate is the year plus the share of it gone
// by at the first day the date covers. Empty for an undated event.
std::vector<std::string> date_fields(const Date& d) {
  if (!d.known()) return {"", "", "", ""};
  char day[16], month[16], year[8], fraction[16];
  std::snprintf(day, sizeof day, "%04d%02d%02d", d.year, d.month, d.day);
  std::snprintf(month, sizeof month, "%04d%02d", d.year, d.month);
  std::snprintf(year, sizeof year, "%04d", d.year);
  const Date first = Date::Day(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
  const double gone = static_cast<double>(first.days_since_epoch() - Date::Day(d.year, 1, 1).days_since_epoch());
  std::snprintf(fraction, sizeof fraction, "%.4f", d.year + gone / 365.0);
  return {day, month, year, fraction};
}

// Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID of
// an event's place. Type as GDELT's: 1 a country, 2 a U.S. state, 3 a U.S.
// city or landmark, 4 a city or landmark elsewhere, 5 a subdivision elsewhere;
// a region (a sea, a continent) is given as type 1, with its country if any.
// A place the gazetteer resolved gives its ISO 3166-2 subdivision, its
// coordinates and its gazetteer id (a city's geonameid, a subdivision's ISO
// code, a country's alpha-3); an unresolved one its name and the country the
// lexicon gave (type 1 for a country node, 3 or 4 otherwise), no coordinates.
std::vector<std::string> geo_fields(const Node* node, const Place& place) {
  std::vector<std::string> f(8);
  if (place.resolved()) {
    const bool us = place.country == "USA";
    switch (place.precision) {
      case PlacePrecision::kCountry:
      case PlacePrecision::kRegion: f[0] = "1"; break;   // GDELT has no type for a sea or continent
      case PlacePrecision::kAdm1: f[0] = us ? "2" : "5"; break;
      default: f[0] = us ? "3" : "4"; break;
    }
    f[1] = field(place.name);
    f[2] = place.country;
    f[3] = place.adm1;
    char lat[32], lon[32];
    std::snprintf(lat, sizeof lat, "%.4f", place.lat);
    std::snprintf(lon, sizeof lon, "%.4f", place.lon);
    f[5] = lat;
    f[6] = lon;
    f[7] = place.entry;
    return f;
  }
  if (node == nullptr) return f;
  f[0] = node->kind == NodeKind::kCountry ? "1" : node->country == "USA" ? "3" : "4";
  f[1] = field(node->name);
  f[2] = node->country;
  return f;
}

// The earliest ingestion time of the event's articles.
std::int64_t first_ingested(const EventEdge& e, const ArticleIndex& articles) {
  std::int64_t first = 0;
  for (const auto& id : e.articles) {
    auto it = articles.find(id);
    if (it != articles.end() && it->second.ingested_at > 0 && (first == 0 || it->second.ingested_at < first))
      first = it->second.ingested_at;
  }
  return first;
}

// A report's identifier: its URL, else a citation "ARTICLE_ID (PUBLISHER)".
std::string identifier(const std::string& article_id, const ArticleIndex& articles) {
  auto it = articles.find(article_id);
  if (it != articles.end() && !it->second.url.empty()) return field(it->second.url);
  const std::string publisher = it == articles.end() ? std::string() : it->second.publisher;
  return field(publisher.empty() ? article_id : article_id + " (" + publisher + ")");
}

// Lead paragraph: the first 400 bytes of the article (GDELT's IsRootEvent
// marks events of the lead paragraph; the store keeps no paragraph bounds).
constexpr std::uint32_t kLeadBytes = 400;

void write_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "\t" : "") << fields[i];
  out << "\n";
}

}  // namespace

void write_gdelt_events(std::ostream& out, const Subgraph& g, const CameoTable* cameo) {
  auto node = [&](NodeId id) -> const Node* {
    auto it = g.index.find(id);
    return it == g.index.end() ? nullptr : &g.nodes[it->second];
  };
  std::vector<std::string> row;
  row.reserve(61);
  for (const EventEdge& e : g.edges) {
    row.clear();
    row.push_back(std::to_string(gdelt_event_id(e.id)));
    for (auto& f : date_fields(e.date)) row.push_back(std::move(f));
    for (auto& f : actor_fields(node(e.source), e.date)) row.push_back(std::move(f));
    for (auto& f : actor_fields(node(e.target), e.date)) row.push_back(std::move(f));
    const bool lead = std::any_of(e.evidence.begin(), e.evidence.end(),
                                  [](const Evidence& x) { return x.start < kLeadBytes; });
    row.push_back(lead ? "1" : "0");
    row.push_back(e.cameo);
    row.push_back(e.cameo.substr(0, 3));
    row.push_back(e.cameo.substr(0, 2));
    const CameoCode* code = cameo ? cameo->find_or_root(e.cameo) : nullptr;
    row.push_back(code ? std::to_string(code->quad_class) : "");
    char gold[16] = "";
    if (code) std::snprintf(gold, sizeof gold, "%.1f", code->goldstein);
    row.push_back(gold);
    row.push_back(std::to_string(e.mentions));
    row.push_back(std::to_string(event_source_count(e)));
    row.push_back(std::to_string(e.articles.size()));
    row.push_back("");   // AvgTone: geokg scores no tone
    for (int side = 0; side < 2; ++side)
      for (auto& f : geo_fields(nullptr, Place{})) row.push_back(std::move(f));
    for (auto& f : geo_fields(e.location ? node(e.location) : nullptr, e.place)) row.push_back(std::move(f));
    row.push_back(timestamp(first_ingested(e, g.articles)));
    const std::string url = first_url(e, g.articles);
    row.push_back(!url.empty() ? field(url)
                               : identifier(e.evidence.empty() ? (e.articles.empty() ? std::string() : e.articles.front())
                                                               : e.evidence.front().article_id,
                                            g.articles));
    write_row(out, row);
  }
}

void write_gdelt_mentions(std::ostream& out, const Subgraph& g, const CameoTable* /*cameo*/) {
  std::vector<std::string> row;
  for (const EventEdge& e : g.edges) {
    const std::string added = timestamp(first_ingested(e, g.articles));
    const std::string confidence = std::to_string(std::clamp(static_cast<int>(e.confidence * 100.0f + 0.5f), 0, 100));
    for (const Evidence& x : e.evidence) {
      auto it = g.articles.find(x.article_id);
      const ArticleRef* a = it == g.articles.end() ? nullptr : &it->second;
      const bool web = a != nullptr && !a->url.empty();
      // GDELT names a web source by its host ("reuters.com").
      std::string source = a ? a->publisher : x.source;
      if (web) {
        std::string_view host = a->url;
        if (const auto p = host.find("://"); p != std::string_view::npos) host.remove_prefix(p + 3);
        host = host.substr(0, host.find_first_of("/?#"));
        if (host.starts_with("www.")) host.remove_prefix(4);
        if (!host.empty()) source = std::string(host);
      }
      row = {std::to_string(gdelt_event_id(e.id)),
             added,
             timestamp(a ? a->ingested_at : 0),
             web ? "1" : "2",
             field(source),
             identifier(x.article_id, g.articles),
             "",   // SentenceID: not kept
             "",   // Actor1CharOffset: not kept
             "",   // Actor2CharOffset
             std::to_string(x.start),
             "1",
             confidence,
             a ? std::to_string(a->text_bytes) : "",
             "",   // MentionDocTone
             "",   // MentionDocTranslationInfo
             ""};  // Extras
      write_row(out, row);
    }
  }
}

}  // namespace geokg::query
