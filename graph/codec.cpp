#include "geokg/graph/codec.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace geokg::codec {

namespace {

// Guards against absurd lengths from corrupt input before any allocation.
constexpr std::uint64_t kMaxListLength = 1u << 24;

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void u64(std::uint64_t v) {
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    out_.append(b, 8);
  }
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void f64(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, 8);
    u64(u);
  }
  void f32(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    varint(u);
  }
  void str(std::string_view s) {
    varint(s.size());
    out_.append(s.data(), s.size());
  }
  void date(const Date& d) {
    // Zig-zag the year so that negative years stay small and decodable.
    const std::int64_t y = d.year;
    varint(static_cast<std::uint64_t>((y << 1) ^ (y >> 63)));
    u8(static_cast<std::uint8_t>(d.month));
    u8(static_cast<std::uint8_t>(d.day));
    u8(static_cast<std::uint8_t>(d.precision));
  }
  void role(const Role& r) {
    str(r.title);
    str(r.country);
    str(r.sector);
    str(r.organization);
    date(r.from);
    date(r.to);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}
  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }

  std::uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<std::uint8_t>(*p_++);
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!need(1)) return 0;
      const auto b = static_cast<std::uint8_t>(*p_++);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  std::uint64_t u64() {
    if (!need(8)) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(p_[i])) << (8 * i);
    p_ += 8;
    return v;
  }
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  double f64() {
    const std::uint64_t u = u64();
    double d;
    std::memcpy(&d, &u, 8);
    return d;
  }
  float f32() {
    const std::uint64_t v = varint();
    if (v > 0xFFFFFFFFu) ok_ = false;
    const auto u = static_cast<std::uint32_t>(v);
    float f;
    std::memcpy(&f, &u, 4);
    return f;
  }
  std::uint32_t u32() {
    const std::uint64_t v = varint();
    if (v > 0xFFFFFFFFu) ok_ = false;
    return static_cast<std::uint32_t>(v);
  }
  void str(std::string& s) {
    const std::uint64_t n = varint();
    if (!need(n)) return;
    s.assign(p_, static_cast<std::size_t>(n));
    p_ += n;
  }
  void fail() { ok_ = false; }
  bool boolean() {
    const std::uint8_t b = u8();
    if (b > 1) ok_ = false;
    return b == 1;
  }
  void date(Date& d) {
    const std::uint64_t z = varint();
    const auto y = static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
    const std::uint8_t month = u8();
    const std::uint8_t day = u8();
    const std::uint8_t prec = u8();
    if (!ok_) return;
    if (prec > static_cast<std::uint8_t>(DatePrecision::kDay) || y < -200000 || y > 200000 ||
        month > 12 || day > 31) {
      ok_ = false;
      return;
    }
    d = Date{static_cast<int>(y), month, day, static_cast<DatePrecision>(prec)};
  }
  void role(Role& r) {
    str(r.title);
    str(r.country);
    str(r.sector);
    str(r.organization);
    date(r.from);
    date(r.to);
  }
  // A list length, refused when it could not possibly fit in the rest.
  std::size_t length() {
    const std::uint64_t n = varint();
    if (n > kMaxListLength || n > static_cast<std::uint64_t>(end_ - p_)) {
      ok_ = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  bool version() {
    if (u8() != kFormatVersion) ok_ = false;
    return ok_;
  }
  // The node record's version byte: 1 (no code and naming) or 2.
  std::uint8_t node_version() {
    const std::uint8_t v = u8();
    if (v != kFormatVersion && v != kNodeFormatVersion) ok_ = false;
    return v;
  }
  // The edge record's version byte: 1 (no per-report code and date), 2 (no
  // resolved place) or 3.
  std::uint8_t edge_version() {
    const std::uint8_t v = u8();
    if (v != kFormatVersion && v != kEdgePerReportVersion && v != kEdgeFormatVersion) ok_ = false;
    return v;
  }

 private:
  bool need(std::uint64_t n) {
    if (!ok_ || n > static_cast<std::uint64_t>(end_ - p_)) {
      ok_ = false;
      return false;
    }
    return true;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

Status finish(const Reader& r, const char* what) {
  if (!r.ok()) return Status::Corruption(std::string("malformed ") + what + " record");
  if (!r.at_end()) return Status::Corruption(std::string("trailing bytes after ") + what + " record");
  return Status::Ok();
}

void write_evidence(Writer& w, const Evidence& e) {
  w.str(e.article_id);
  w.str(e.source);
  w.str(e.sentence);
  w.varint(e.start);
  w.varint(e.end);
  w.str(e.rule);
  w.str(e.cameo);
  w.date(e.date);
}

void read_evidence(Reader& r, Evidence& e, std::uint8_t version) {
  r.str(e.article_id);
  r.str(e.source);
  r.str(e.sentence);
  e.start = r.u32();
  e.end = r.u32();
  r.str(e.rule);
  if (version >= kEdgePerReportVersion) {
    r.str(e.cameo);
    r.date(e.date);
  }
}

// An event's resolved place (edge version 3): name, precision, entry id and
// name, country, subdivision, latitude and longitude (IEEE doubles), near.
void write_place(Writer& w, const Place& p) {
  w.str(p.name);
  w.u8(static_cast<std::uint8_t>(p.precision));
  w.str(p.entry);
  w.str(p.entry_name);
  w.str(p.country);
  w.str(p.adm1);
  w.f64(p.lat);
  w.f64(p.lon);
  w.u8(p.near ? 1 : 0);
}

void read_place(Reader& r, Place& p) {
  r.str(p.name);
  const std::uint8_t precision = r.u8();
  if (precision > static_cast<std::uint8_t>(PlacePrecision::kRegion)) r.fail();
  p.precision = static_cast<PlacePrecision>(precision);
  r.str(p.entry);
  r.str(p.entry_name);
  r.str(p.country);
  r.str(p.adm1);
  p.lat = r.f64();
  p.lon = r.f64();
  if (!(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180)) r.fail();
  p.near = r.boolean();
}

void write_strings(Writer& w, const std::vector<std::string>& v) {
  w.varint(v.size());
  for (const auto& s : v) w.str(s);
}

// A static edge's relation, stored by name; a name outside StaticRelation is damage.
void read_static_relation(Reader& r, StaticRelation& out) {
  std::string name;
  r.str(name);
  if (!r.ok()) return;
  if (const auto relation = static_relation_from_string(name)) out = *relation;
  else r.fail();
}

void read_strings(Reader& r, std::vector<std::string>& v) {
  const std::size_t n = r.length();
  v.clear();
  v.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) r.str(v.emplace_back());
}

template <typename T>
void union_into(std::vector<T>& into, const std::vector<T>& more) {
  for (const auto& x : more)
    if (std::find(into.begin(), into.end(), x) == into.end()) into.push_back(x);
}

}  // namespace

std::string encode(const Node& n) {
  std::string out;
  out.reserve(64 + n.name.size());
  Writer w(out);
  w.u8(kNodeFormatVersion);
  w.u64(n.id);
  w.u8(static_cast<std::uint8_t>(n.kind));
  w.str(n.name);
  write_strings(w, n.aliases);
  w.str(n.country);
  w.str(n.sector);
  w.varint(n.roles.size());
  for (const auto& r : n.roles) w.role(r);
  w.varint(n.mentions);
  w.varint(n.articles);
  w.date(n.first_seen);
  w.date(n.last_seen);
  w.str(n.code);
  w.u8(static_cast<std::uint8_t>(n.naming));
  w.date(n.country_date);
  return out;
}

Status decode(std::string_view bytes, Node& n) {
  Reader r(bytes);
  n = Node{};
  const std::uint8_t version = r.node_version();
  if (!r.ok()) return finish(r, "node");
  n.id = r.u64();
  const std::uint8_t kind = r.u8();
  if (kind > static_cast<std::uint8_t>(NodeKind::kArtifact)) return Status::Corruption("bad node kind");
  n.kind = static_cast<NodeKind>(kind);
  r.str(n.name);
  read_strings(r, n.aliases);
  r.str(n.country);
  r.str(n.sector);
  const std::size_t roles = r.length();
  for (std::size_t i = 0; i < roles && r.ok(); ++i) r.role(n.roles.emplace_back());
  n.mentions = r.varint();
  n.articles = r.u32();
  r.date(n.first_seen);
  r.date(n.last_seen);
  if (version >= kNodeFormatVersion) {
    r.str(n.code);
    const std::uint8_t naming = r.u8();
    if (naming > static_cast<std::uint8_t>(Naming::kCommon)) return Status::Corruption("bad node naming");
    n.naming = static_cast<Naming>(naming);
    r.date(n.country_date);
  }
  return finish(r, "node");
}

std::string encode(const EventEdge& e) {
  std::string out;
  out.reserve(96);
  Writer w(out);
  w.u8(kEdgeFormatVersion);
  w.u64(e.id);
  w.u64(e.source);
  w.u64(e.target);
  w.str(e.cameo);
  w.str(e.relation);
  w.date(e.date);
  w.u64(e.location);
  w.u8(e.negated ? 1 : 0);
  w.u8(e.hypothetical ? 1 : 0);
  w.f32(e.confidence);
  w.str(e.quote);
  w.varint(e.mentions);
  write_strings(w, e.sources);
  write_strings(w, e.articles);
  w.varint(e.evidence.size());
  for (const auto& ev : e.evidence) write_evidence(w, ev);
  write_place(w, e.place);
  return out;
}

Status decode(std::string_view bytes, EventEdge& e) {
  Reader r(bytes);
  e = EventEdge{};
  const std::uint8_t version = r.edge_version();
  if (!r.ok()) return finish(r, "edge");
  e.id = r.u64();
  e.source = r.u64();
  e.target = r.u64();
  r.str(e.cameo);
  r.str(e.relation);
  r.date(e.date);
  e.location = r.u64();
  e.negated = r.boolean();
  e.hypothetical = r.boolean();
  e.confidence = r.f32();
  r.str(e.quote);
  e.mentions = r.u32();
  read_strings(r, e.sources);
  read_strings(r, e.articles);
  const std::size_t n = r.length();
  for (std::size_t i = 0; i < n && r.ok(); ++i) read_evidence(r, e.evidence.emplace_back(), version);
  if (version >= kEdgeFormatVersion) read_place(r, e.place);
  return finish(r, "edge");
}

std::string encode(const StaticEdge& e) {
  std::string out;
  Writer w(out);
  w.u8(kFormatVersion);
  w.u64(e.source);
  w.u64(e.target);
  w.str(to_string(e.relation));
  w.role(e.role);
  return out;
}

Status decode(std::string_view bytes, StaticEdge& e) {
  Reader r(bytes);
  e = StaticEdge{};
  if (!r.version()) return finish(r, "static edge");
  e.source = r.u64();
  e.target = r.u64();
  read_static_relation(r, e.relation);
  r.role(e.role);
  return finish(r, "static edge");
}

std::string encode(const ArticleRecord& a) {
  std::string out;
  Writer w(out);
  w.u8(kArticleFormatVersion);
  w.str(a.id);
  w.str(a.title);
  w.date(a.date);
  w.str(a.source);
  w.str(a.url);
  w.i64(a.ingested_at);
  w.varint(a.text_bytes);
  w.varint(a.nodes.size());
  for (NodeId id : a.nodes) w.u64(id);
  w.varint(a.edges.size());
  for (EdgeId id : a.edges) w.u64(id);
  w.u64(a.content_hash);
  w.varint(a.node_mentions.size());
  for (std::uint64_t m : a.node_mentions) w.varint(m);
  w.varint(a.node_names.size());
  for (const auto& names : a.node_names) write_strings(w, names);
  w.varint(a.edge_reports.size());
  for (std::uint32_t r : a.edge_reports) w.varint(r);
  w.varint(a.static_edges.size());
  for (const StaticEdge& e : a.static_edges) {
    w.u64(e.source);
    w.u64(e.target);
    w.str(to_string(e.relation));
    w.role(e.role);
  }
  return out;
}

Status decode(std::string_view bytes, ArticleRecord& a) {
  Reader r(bytes);
  a = ArticleRecord{};
  const std::uint8_t version = r.u8();
  if (version != kFormatVersion && version != kArticleFormatVersion)
    return Status::Corruption("malformed article record");
  r.str(a.id);
  r.str(a.title);
  r.date(a.date);
  r.str(a.source);
  r.str(a.url);
  a.ingested_at = r.i64();
  a.text_bytes = r.varint();
  std::size_t n = r.length();
  a.nodes.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) a.nodes.push_back(r.u64());
  n = r.length();
  a.edges.reserve(n);
  for (std::size_t i = 0; i < n && r.ok(); ++i) a.edges.push_back(r.u64());
  if (version >= kArticleFormatVersion) {
    a.content_hash = r.u64();
    n = r.length();
    for (std::size_t i = 0; i < n && r.ok(); ++i) a.node_mentions.push_back(r.varint());
    n = r.length();
    for (std::size_t i = 0; i < n && r.ok(); ++i) read_strings(r, a.node_names.emplace_back());
    n = r.length();
    for (std::size_t i = 0; i < n && r.ok(); ++i) a.edge_reports.push_back(r.u32());
    n = r.length();
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
      StaticEdge& e = a.static_edges.emplace_back();
      e.source = r.u64();
      e.target = r.u64();
      read_static_relation(r, e.relation);
      r.role(e.role);
    }
  }
  return finish(r, "article");
}

void merge_into(Node& into, const Node& u) {
  if (into.id == 0) into.id = u.id;
  if (into.name.empty()) {
    into.name = u.name;
    into.kind = u.kind;
    into.naming = u.naming;   // an empty base names nothing yet
  }
  union_into(into.aliases, u.aliases);
  // The country (and code) of the latest dated report that gave one: an
  // actor's country changes over time (Gorbachev SUN in 1987, RUS later).
  if (!u.country.empty() && (into.country.empty() || into.country_date < u.country_date)) {
    into.country = u.country;
    into.code = u.code;
    into.country_date = u.country_date;
  }
  if (into.sector.empty()) into.sector = u.sector;
  if (into.code.empty()) into.code = u.code;
  into.naming = std::min(into.naming, u.naming);
  union_into(into.roles, u.roles);
  into.mentions += u.mentions;
  into.articles += u.articles;
  if (u.first_seen.known() && (!into.first_seen.known() || u.first_seen < into.first_seen))
    into.first_seen = u.first_seen;
  if (u.last_seen.known() && (!into.last_seen.known() || u.last_seen > into.last_seen))
    into.last_seen = u.last_seen;
}

int cameo_specificity(std::string_view cameo) {
  // "04" and "040" say only the root; "043" one level more, "0431" two.
  std::size_t n = cameo.size();
  while (n > 2 && cameo[n - 1] == '0') --n;
  return static_cast<int>(n);
}

bool date_wins(const Date& current, const Date& reported) {
  return reported.precision > current.precision && current.compatible(reported);
}

bool cameo_wins(std::string_view current, std::string_view reported) {
  return cameo_specificity(reported) > cameo_specificity(current);
}

namespace {

// Every field of an edge merge but the three lists.
void merge_edge_fields(EventEdge& into, const EventEdge& u) {
  if (into.id == 0) {
    // An empty base: take the identity fields from the update.
    into.id = u.id;
    into.source = u.source;
    into.target = u.target;
    into.cameo = u.cameo;
    into.date = u.date;
    into.negated = u.negated;
    into.hypothetical = u.hypothetical;
  }
  if (date_wins(into.date, u.date)) into.date = u.date;
  if (cameo_wins(into.cameo, u.cameo)) {
    into.cameo = u.cameo;
    if (!u.relation.empty()) into.relation = u.relation;
  }
  if (into.relation.empty()) into.relation = u.relation;
  if (into.location == 0) {
    into.location = u.location;
    into.place = u.place;
  }
  if (into.quote.empty()) into.quote = u.quote;
  into.confidence = std::max(into.confidence, u.confidence);
  into.mentions += u.mentions;
}

std::uint64_t item_hash(const std::string& s) { return std::hash<std::string>{}(s); }

std::uint64_t item_hash(const Evidence& e) {
  std::uint64_t h = std::hash<std::string>{}(e.article_id);
  const auto mix = [&h](std::uint64_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  mix(std::hash<std::string>{}(e.sentence));
  mix(e.start);
  mix(e.end);
  mix(std::hash<std::string>{}(e.cameo));
  mix(static_cast<std::uint64_t>(e.date.key()));
  return h;
}

}  // namespace

void merge_into(EventEdge& into, const EventEdge& u) {
  merge_edge_fields(into, u);
  union_into(into.sources, u.sources);
  union_into(into.articles, u.articles);
  union_into(into.evidence, u.evidence);
}

template <typename T>
void EdgeFold::index(Index<T>& ix, std::vector<T>& list) {
  ix.list = &list;
  ix.by_hash.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) ix.by_hash.emplace(item_hash(list[i]), i);
}

template <typename T>
void EdgeFold::add_unique(Index<T>& ix, const T& item) {
  const std::uint64_t h = item_hash(item);
  const auto [first, last] = ix.by_hash.equal_range(h);
  for (auto it = first; it != last; ++it)
    if ((*ix.list)[it->second] == item) return;
  ix.by_hash.emplace(h, ix.list->size());
  ix.list->push_back(item);
}

EdgeFold::EdgeFold(EventEdge base) : acc_(std::move(base)) {
  index(sources_, acc_.sources);
  index(articles_, acc_.articles);
  index(evidence_, acc_.evidence);
}

void EdgeFold::add(const EventEdge& u) {
  merge_edge_fields(acc_, u);
  for (const auto& s : u.sources) add_unique(sources_, s);
  for (const auto& a : u.articles) add_unique(articles_, a);
  for (const auto& e : u.evidence) add_unique(evidence_, e);
}

}  // namespace geokg::codec
