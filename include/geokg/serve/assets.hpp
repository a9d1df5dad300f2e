#pragma once
// The explorer's page files (web/ and Debian's d3.min.js), embedded into the
// binary at build time (serve/embed.cmake writes them into a generated
// source), so that a copied geokg binary serves the page with no network
// and no files beside it.

#include <span>
#include <string_view>

namespace geokg::serve {

struct Asset {
  std::string_view path;           // "/index.html", "/app.js", "/d3.min.js", …
  std::string_view content_type;   // "text/html; charset=utf-8", …
  std::string_view body;
};

// Every embedded file, by path.
std::span<const Asset> assets();

// The file served at `path` ("/" is "/index.html"); nullptr when none.
const Asset* find_asset(std::string_view path);

}  // namespace geokg::serve
