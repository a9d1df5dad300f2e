#pragma once
// Helpers shared by the reader/text/time suites.

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include "geokg/ingest/reader.hpp"

namespace geokg::test {

// An article with only text (and optionally a title), as a reader would give it.
inline Article make_article(std::string text, std::string title = {}) {
  Article a;
  a.text = std::move(text);
  a.title = std::move(title);
  return a;
}

// Reads a file that holds exactly one article (the test fails otherwise).
inline Article read_single_article(const std::string& path) {
  std::vector<Article> got;
  BOOST_REQUIRE(read_articles(path, {},
                              [&](Article&& a) {
                                got.push_back(std::move(a));
                                return true;
                              },
                              [](const ReadIssue&) {})
                    .ok());
  BOOST_REQUIRE_EQUAL(got.size(), 1u);
  return std::move(got[0]);
}

}  // namespace geokg::test
