#include "geokg/query/articles.hpp"

#include <algorithm>

namespace geokg::query {

ArticleRef article_ref(const ArticleRecord& a) {
  ArticleRef r;
  r.id = a.id;
  r.title = a.title;
  r.publisher = a.source;
  r.url = a.url;
  r.date = a.date;
  r.ingested_at = a.ingested_at;
  r.text_bytes = a.text_bytes;
  return r;
}

Status cite_articles(const GraphStore& store, const std::vector<const EventEdge*>& edges, ArticleIndex& index) {
  std::vector<std::string> missing;   // looked up once, found absent
  auto cite = [&](const std::string& id) -> Status {
    if (id.empty() || index.count(id)) return Status::Ok();
    if (std::find(missing.begin(), missing.end(), id) != missing.end()) return Status::Ok();
    auto a = store.article(id);
    if (!a.ok()) {
      if (!a.status().is_not_found()) return a.status();
      missing.push_back(id);
      return Status::Ok();
    }
    index.emplace(id, article_ref(*a));
    return Status::Ok();
  };
  for (const EventEdge* e : edges) {
    for (const auto& id : e->articles)
      if (Status s = cite(id); !s.ok()) return s;
    for (const auto& x : e->evidence)
      if (Status s = cite(x.article_id); !s.ok()) return s;
  }
  return Status::Ok();
}

Status cite_articles(const GraphStore& store, const std::vector<EventEdge>& edges, ArticleIndex& index) {
  std::vector<const EventEdge*> ptrs;
  ptrs.reserve(edges.size());
  for (const auto& e : edges) ptrs.push_back(&e);
  return cite_articles(store, ptrs, index);
}

std::vector<std::string> event_urls(const EventEdge& e, const ArticleIndex& index) {
  std::vector<std::string> urls;
  auto add = [&](const std::string& id) {
    auto it = index.find(id);
    if (it == index.end() || it->second.url.empty()) return;
    if (std::find(urls.begin(), urls.end(), it->second.url) == urls.end()) urls.push_back(it->second.url);
  };
  for (const auto& x : e.evidence) add(x.article_id);
  for (const auto& id : e.articles) add(id);
  return urls;
}

std::string first_url(const EventEdge& e, const ArticleIndex& index) {
  for (const auto& x : e.evidence) {
    auto it = index.find(x.article_id);
    if (it != index.end() && !it->second.url.empty()) return it->second.url;
  }
  auto urls = event_urls(e, index);
  return urls.empty() ? std::string() : urls.front();
}

}  // namespace geokg::query
