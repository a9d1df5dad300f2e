#pragma once
// The articles that events cite: what every output needs to name a report's
// publisher, date and URL (GDELT's SOURCEURL) without keeping copies of them
// in each event record. Read once per article from the store's article records.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"

namespace geokg::query {

// What outputs show of an article.
struct ArticleRef {
  std::string id;
  std::string title;
  std::string publisher;
  std::string url;               // "" when the input gave none
  Date date;
  std::int64_t ingested_at = 0;  // unix seconds
  std::uint64_t text_bytes = 0;
};

// What outputs show of a stored article.
ArticleRef article_ref(const ArticleRecord& a);

// Article id -> what outputs show of it.
using ArticleIndex = std::unordered_map<std::string, ArticleRef>;

// Adds to `index` the articles that `edges` cite and it does not hold yet
// (their evidence's and their articles list's ids). An article whose record
// is missing is left out (verify reports it). Errors: store failures.
Status cite_articles(const GraphStore& store, const std::vector<const EventEdge*>& edges, ArticleIndex& index);
Status cite_articles(const GraphStore& store, const std::vector<EventEdge>& edges, ArticleIndex& index);

// The distinct URLs of an event's reports, in the order of its articles;
// articles without a URL give none.
std::vector<std::string> event_urls(const EventEdge& e, const ArticleIndex& index);

// The URL of the event's first report that has one, else "".
std::string first_url(const EventEdge& e, const ArticleIndex& index);

}  // namespace geokg::query
