#include "geokg/core/ids.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "geokg/core/ascii.hpp"

namespace geokg {

std::uint64_t stable_hash64(std::string_view bytes) {
  std::uint64_t h = kFnv64Offset;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnv64Prime;
  }
  return splitmix64_finish(h);
}

namespace {
// Fast path: plain ASCII needs no Unicode tables.
bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

void append_folded_ascii(std::string& out, char c, bool& pending_space) {
  if (c == '.') return;  // "U.S." and "US" are one name
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_') {
    pending_space = !out.empty();
    return;
  }
  if (pending_space) {
    out.push_back(' ');
    pending_space = false;
  }
  out.push_back(ascii_lower(c));
}
}  // namespace

std::string normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  if (is_ascii(name)) {
    for (char c : name) append_folded_ascii(out, c, pending_space);
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
      UTF8PROC_IGNORE);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                          static_cast<utf8proc_ssize_t>(name.size()), &folded,
                                          options);
  if (n < 0) {
    // Invalid UTF-8: fold the ASCII bytes and keep the rest as they are.
    for (char c : name) append_folded_ascii(out, c, pending_space);
    return out;
  }
  std::string_view f(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < f.size(); ++i) {
    // U+2018/U+2019 (E2 80 98/99) -> ', U+2010..U+2015 dashes -> space, U+00A0 -> space
    if (i + 2 < f.size() && static_cast<unsigned char>(f[i]) == 0xE2 &&
        static_cast<unsigned char>(f[i + 1]) == 0x80) {
      const unsigned char c3 = static_cast<unsigned char>(f[i + 2]);
      if (c3 == 0x98 || c3 == 0x99) {
        append_folded_ascii(out, '\'', pending_space);
        i += 2;
        continue;
      }
      if (c3 >= 0x90 && c3 <= 0x95) {
        append_folded_ascii(out, ' ', pending_space);
        i += 2;
        continue;
      }
    }
    if (i + 1 < f.size() && static_cast<unsigned char>(f[i]) == 0xC2 &&
        static_cast<unsigned char>(f[i + 1]) == 0xA0) {
      append_folded_ascii(out, ' ', pending_space);
      ++i;
      continue;
    }
    append_folded_ascii(out, f[i], pending_space);
  }
  std::free(folded);
  return out;
}

NodeId country_node_id(std::string_view iso3) {
  std::string key = "country:";
  for (char c : iso3) key.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  const NodeId id = stable_hash64(key);
  return id == 0 ? 1 : id;
}

NodeId node_id(const ExtractedActor& actor, std::string_view article_id) {
  if (actor.kind == NodeKind::kCountry && !actor.country.empty()) return country_node_id(actor.country);
  std::string key;
  switch (actor.naming) {
    case Naming::kUnnamed:
      key = "unnamed:";
      key += ascii_upper(actor.country);
      key.push_back('\0');
      key += actor.sector;
      break;
    case Naming::kCommon:
      if (actor.scope.empty() && article_id.empty()) return node_id(actor.kind, actor.name, actor.country);
      key.push_back(static_cast<char>('0' + static_cast<int>(actor.kind)));
      key.push_back('\0');
      key += normalize_name(actor.name);
      if (actor.scope.empty()) {
        key += std::string_view("\0article\0", 9);
        key += article_id;
      } else {
        key += std::string_view("\0scope\0", 7);
        key += actor.scope;
      }
      break;
    case Naming::kProper:
    case Naming::kPartial:
      return node_id(actor.kind, actor.name, actor.country);
  }
  const NodeId id = stable_hash64(key);
  return id == 0 ? 1 : id;
}

NodeId node_id(NodeKind kind, std::string_view canonical_name, std::string_view country) {
  if (kind == NodeKind::kCountry && !country.empty()) return country_node_id(country);
  std::string key;
  key.push_back(static_cast<char>('0' + static_cast<int>(kind)));
  key.push_back('\0');
  key += normalize_name(canonical_name);
  const NodeId id = stable_hash64(key);
  return id == 0 ? 1 : id;
}

EdgeId event_id(NodeId source, NodeId target, std::string_view cameo, const Date& date,
                bool negated, bool hypothetical) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%016llx|%016llx|%08d|%d%d|",
                static_cast<unsigned long long>(source), static_cast<unsigned long long>(target),
                date.key(), negated ? 1 : 0, hypothetical ? 1 : 0);
  std::string key(buf);
  key += cameo;
  const EdgeId id = stable_hash64(key);
  return id == 0 ? 1 : id;
}

std::string article_id(std::string_view url, std::string_view text) {
  std::string key = url.empty() ? std::string("text:") + std::string(text)
                                : std::string("url:") + std::string(url);
  return to_hex(stable_hash64(key));
}

std::uint64_t article_content_hash(const Article& a) {
  if (a.content_hash != 0) return a.content_hash;
  std::string s = a.title;
  s += '\0';
  s += a.text;
  return std::max<std::uint64_t>(stable_hash64(s), 1);
}

std::string to_hex(std::uint64_t id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
  return buf;
}

bool from_hex(std::string_view hex, std::uint64_t& out) {
  if (hex.empty() || hex.size() > 16) return false;
  std::uint64_t v = 0;
  for (char c : hex) {
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<std::uint64_t>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint64_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint64_t>(c - 'A' + 10);
    else return false;
  }
  out = v;
  return true;
}

}  // namespace geokg
