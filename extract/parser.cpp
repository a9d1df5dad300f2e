#include "geokg/extract/parser.hpp"


#include <algorithm>
#include <array>
#include <cstring>
#include <climits>

#include "geokg/core/ids.hpp"
#include "geokg/extract/tagger.hpp"
#include "dense_rows.hpp"
#include "weights_file.hpp"

namespace geokg {

namespace {

constexpr std::array<const char*, kDepCount> kDepNames = {
    "",          "acl",       "acl:relcl",  "advcl",      "advcl:relcl", "advmod",     "amod",
    "appos",     "aux",       "aux:pass",   "case",       "cc",          "cc:preconj", "ccomp",
    "compound",  "compound:prt", "conj",    "cop",        "csubj",       "csubj:outer", "csubj:pass",
    "dep",       "det",       "det:predet", "discourse",  "dislocated",  "expl",       "fixed",
    "flat",      "goeswith",  "iobj",       "list",       "mark",        "nmod",       "nmod:desc",
    "nmod:poss", "nmod:unmarked", "nsubj",  "nsubj:outer", "nsubj:pass", "nummod",     "obj",
    "obl",       "obl:agent", "obl:unmarked", "orphan",   "parataxis",   "punct",      "reparandum",
    "root",      "vocative",  "xcomp"};

constexpr char kMagic[8] = {'G', 'K', 'P', 'A', 'R', 'S', 'E', 'R'};
constexpr std::uint32_t kFormatVersion = 2;

using u64 = std::uint64_t;

constexpr u64 mix(u64 x) { return splitmix64_finish(x); }
inline u64 f1(u64 templ, u64 a) { return mix(templ * 0x9E3779B97F4A7C15ULL + a + 1); }
inline u64 f2(u64 templ, u64 a, u64 b) { return mix(f1(templ, a) ^ (b * 0xC2B2AE3D27D4EB4FULL + 7)); }
inline u64 f3(u64 templ, u64 a, u64 b, u64 c) {
  return mix(f2(templ, a, b) ^ (c * 0x165667B19E3779F9ULL + 13));
}


}  // namespace

const char* deprel_name(std::uint8_t rel) { return rel < kDepCount ? kDepNames[rel] : ""; }

std::uint8_t deprel_from_name(std::string_view name) {
  for (std::uint8_t r = 1; r < kDepCount; ++r)
    if (name == kDepNames[r]) return r;
  return kDepNone;
}

std::uint8_t deprel_base(std::uint8_t rel) {
  const std::string_view name = deprel_name(rel);
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? rel : deprel_from_name(name.substr(0, colon));
}

// ---- transition system --------------------------------------------------------------

namespace parser_model {

void State::reset(int n) {
  n_ = n;
  b_ = 1;
  stack_.assign(1, 0);
  const auto size = static_cast<std::size_t>(n) + 1;
  head_.assign(size, -1);
  rel_.assign(size, -1);
  l1_.assign(size, -1);
  l2_.assign(size, -1);
  r1_.assign(size, -1);
  r2_.assign(size, -1);
  nl_.assign(size, 0);
  nr_.assign(size, 0);
  ll_.assign(size, 0);
  rl_.assign(size, 0);
}

bool State::legal(int action, int relations) const {
  if (action == kShift) return !buffer_empty();
  if (action == kReduce) return stack_.size() > 1 && (head_[s0()] != -1 || buffer_empty());
  if (buffer_empty()) return false;
  const int r = action - 2 < relations ? action - 2 : action - 2 - relations;
  const bool left = action - 2 < relations;
  const int s = s0();
  if (left) return s != 0 && head_[s] == -1 && r != 0;
  return s == 0 ? (r == 0 && !root_taken()) : r != 0;
}

void State::add_arc(int h, int d, int r) {
  head_[d] = h;
  rel_[d] = r;
  const std::uint64_t bit = std::uint64_t{1} << (r & 63);
  if (d < h) {
    // Left dependents arrive right to left in arc-eager: the newest is leftmost.
    if (l1_[h] == -1 || d < l1_[h]) {
      l2_[h] = l1_[h];
      l1_[h] = d;
    } else if (l2_[h] == -1 || d < l2_[h]) {
      l2_[h] = d;
    }
    if (nl_[h] < 255) ++nl_[h];
    ll_[h] |= bit;
  } else {
    if (r1_[h] == -1 || d > r1_[h]) {
      r2_[h] = r1_[h];
      r1_[h] = d;
    } else if (r2_[h] == -1 || d > r2_[h]) {
      r2_[h] = d;
    }
    if (nr_[h] < 255) ++nr_[h];
    rl_[h] |= bit;
  }
}

void State::apply(int action, int relations) {
  if (action == kShift) {
    stack_.push_back(b_++);
    return;
  }
  if (action == kReduce) {
    stack_.pop_back();
    return;
  }
  const bool left = action - 2 < relations;
  const int r = left ? action - 2 : action - 2 - relations;
  if (left) {
    add_arc(b_, s0(), r);
    stack_.pop_back();
  } else {
    add_arc(s0(), b_, r);
    stack_.push_back(b_++);
  }
}

void State::finish(int fallback_rel) {
  for (int i = 1; i <= n_; ++i) {
    if (head_[i] != -1) continue;
    if (!root_taken()) add_arc(0, i, 0);
    else add_arc(r1_[0], i, fallback_rel);
  }
}

WordInfo word_info(std::string_view word, std::uint16_t tag) {
  return WordInfo{tagger_features::norm_hash(word), tag};
}

WordInfo root_info() { return WordInfo{0x524F4F54ULL /* "ROOT" */, 0xFFF0}; }

namespace {

// What the feature templates look at in a state: the positions (-1 = none)
// of the two top stack words, the next three buffer words, s0's head and
// grandhead (0 = ROOT), the outer two children on each side of s0 and the
// left of b0; and the word and tag of s0 and b0, alone and joined.
struct FeatureView {
  const State& s;
  const WordInfo* w;
  int s0, s1, b0, b1, b2, s0h, s0h2, s0l, s0l2, s0r, s0r2, b0l, b0l2;
  u64 s0w, s0p, b0w, b0p, s0wp, b0wp;

  // The word, tag and relation (+1) at a position, markers where there is none.
  u64 W(int i) const { return i < 0 ? 0x4E4F4E45ULL /* "NONE" */ : w[i].form; }
  u64 P(int i) const { return i < 0 ? 0xFFF1 : w[i].tag; }
  u64 L(int i) const { return i < 0 ? 0xFF : static_cast<u64>(s.rel(i) + 1); }
};

FeatureView feature_view(const State& s, const WordInfo* w) {
  auto child = [](int i, int c) { return i < 0 ? -1 : c; };
  FeatureView v{s, w, s.s0(), s.s1(), s.b0(), -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0};
  v.b1 = v.b0 >= 0 && v.b0 + 1 <= s.n() ? v.b0 + 1 : -1;
  v.b2 = v.b1 >= 0 && v.b1 + 1 <= s.n() ? v.b1 + 1 : -1;
  v.s0h = s.head(v.s0);  // 0 = ROOT, -1 = none yet
  v.s0h2 = v.s0h > 0 ? s.head(v.s0h) : -1;
  v.s0l = child(v.s0, s.leftmost(v.s0));
  v.s0l2 = child(v.s0, s.leftmost2(v.s0));
  v.s0r = child(v.s0, s.rightmost(v.s0));
  v.s0r2 = child(v.s0, s.rightmost2(v.s0));
  v.b0l = v.b0 >= 0 ? s.leftmost(v.b0) : -1;
  v.b0l2 = v.b0 >= 0 ? s.leftmost2(v.b0) : -1;
  v.s0w = v.W(v.s0);
  v.s0p = v.P(v.s0);
  v.b0w = v.W(v.b0);
  v.b0p = v.P(v.b0);
  v.s0wp = f1(100, v.s0w ^ (v.s0p << 48));
  v.b0wp = f1(101, v.b0w ^ (v.b0p << 48));
  return v;
}

// Templates 0-26: the bias, single words, word pairs, three tags.
void word_features(const FeatureView& v, u64* out, int& k) {
  const u64 s0w = v.s0w, s0p = v.s0p, b0w = v.b0w, b0p = v.b0p, s0wp = v.s0wp, b0wp = v.b0wp;
  out[k++] = f1(0, 0);  // bias
  // single words
  out[k++] = f1(1, s0w);
  out[k++] = f1(2, s0p);
  out[k++] = f1(3, s0wp);
  out[k++] = f1(4, b0w);
  out[k++] = f1(5, b0p);
  out[k++] = f1(6, b0wp);
  out[k++] = f1(7, v.W(v.b1));
  out[k++] = f1(8, v.P(v.b1));
  out[k++] = f2(9, v.W(v.b1), v.P(v.b1));
  out[k++] = f1(10, v.W(v.b2));
  out[k++] = f1(11, v.P(v.b2));
  out[k++] = f2(12, v.W(v.b2), v.P(v.b2));
  // word pairs
  out[k++] = f2(13, s0wp, b0wp);
  out[k++] = f2(14, s0wp, b0w);
  out[k++] = f2(15, s0w, b0wp);
  out[k++] = f2(16, s0wp, b0p);
  out[k++] = f2(17, s0p, b0wp);
  out[k++] = f2(18, s0w, b0w);
  out[k++] = f2(19, s0p, b0p);
  out[k++] = f2(20, b0p, v.P(v.b1));
  // three tags
  out[k++] = f3(21, b0p, v.P(v.b1), v.P(v.b2));
  out[k++] = f3(22, s0p, b0p, v.P(v.b1));
  out[k++] = f3(23, v.P(v.s0h), s0p, b0p);
  out[k++] = f3(24, s0p, v.P(v.s0l), b0p);
  out[k++] = f3(25, s0p, v.P(v.s0r), b0p);
  out[k++] = f3(26, s0p, b0p, v.P(v.b0l));
}

// Templates 27-38: the distance between s0 and b0 (bucketed), and the
// number of children on each side (valency).
void distance_features(const FeatureView& v, u64* out, int& k) {
  const State& s = v.s;
  const u64 s0w = v.s0w, s0p = v.s0p, b0w = v.b0w, b0p = v.b0p;
  int dist = 0;
  if (v.b0 >= 0) {
    const int d = v.b0 - v.s0;
    dist = d < 6 ? d : d < 10 ? 6 : 7;
  }
  const u64 vl0 = static_cast<u64>(std::min(s.left_count(v.s0), 7));
  const u64 vr0 = static_cast<u64>(std::min(s.right_count(v.s0), 7));
  const u64 vlb = v.b0 >= 0 ? static_cast<u64>(std::min(s.left_count(v.b0), 7)) : 8;
  // distance
  out[k++] = f2(27, s0w, dist);
  out[k++] = f2(28, s0p, dist);
  out[k++] = f2(29, b0w, dist);
  out[k++] = f2(30, b0p, dist);
  out[k++] = f3(31, s0w, b0w, dist);
  out[k++] = f3(32, s0p, b0p, dist);
  // valency
  out[k++] = f2(33, s0w, vr0);
  out[k++] = f2(34, s0p, vr0);
  out[k++] = f2(35, s0w, vl0);
  out[k++] = f2(36, s0p, vl0);
  out[k++] = f2(37, b0w, vlb);
  out[k++] = f2(38, b0p, vlb);
}

// Templates 39-66: heads, leftmost and rightmost children and their labels
// (second order), then grandheads and second children (third order).
void tree_features(const FeatureView& v, u64* out, int& k) {
  // second order: heads, leftmost and rightmost children, labels
  out[k++] = f1(39, v.W(v.s0h));
  out[k++] = f1(40, v.P(v.s0h));
  out[k++] = f1(41, v.L(v.s0));
  out[k++] = f1(42, v.W(v.s0l));
  out[k++] = f1(43, v.P(v.s0l));
  out[k++] = f1(44, v.L(v.s0l));
  out[k++] = f1(45, v.W(v.s0r));
  out[k++] = f1(46, v.P(v.s0r));
  out[k++] = f1(47, v.L(v.s0r));
  out[k++] = f1(48, v.W(v.b0l));
  out[k++] = f1(49, v.P(v.b0l));
  out[k++] = f1(50, v.L(v.b0l));
  // third order
  out[k++] = f1(51, v.W(v.s0h2));
  out[k++] = f1(52, v.P(v.s0h2));
  out[k++] = f1(53, v.L(v.s0h));
  out[k++] = f1(54, v.W(v.s0l2));
  out[k++] = f1(55, v.P(v.s0l2));
  out[k++] = f1(56, v.L(v.s0l2));
  out[k++] = f1(57, v.W(v.s0r2));
  out[k++] = f1(58, v.P(v.s0r2));
  out[k++] = f1(59, v.L(v.s0r2));
  out[k++] = f1(60, v.W(v.b0l2));
  out[k++] = f1(61, v.P(v.b0l2));
  out[k++] = f1(62, v.L(v.b0l2));
  out[k++] = f3(63, v.s0p, v.P(v.s0l), v.P(v.s0l2));
  out[k++] = f3(64, v.s0p, v.P(v.s0r), v.P(v.s0r2));
  out[k++] = f3(65, v.s0p, v.P(v.s0h), v.P(v.s0h2));
  out[k++] = f3(66, v.b0p, v.P(v.b0l), v.P(v.b0l2));
}

// Templates 67-77: the sets of labels on each side, the word below s0, and
// whether s0 already has its head (arc-eager).
void label_features(const FeatureView& v, u64* out, int& k) {
  const State& s = v.s;
  const u64 s0w = v.s0w, s0p = v.s0p, b0w = v.b0w, b0p = v.b0p;
  const u64 sl0 = s.left_labels(v.s0), sr0 = s.right_labels(v.s0);
  const u64 slb = v.b0 >= 0 ? s.left_labels(v.b0) : 0;
  // label sets
  out[k++] = f2(67, s0w, sr0);
  out[k++] = f2(68, s0p, sr0);
  out[k++] = f2(69, s0w, sl0);
  out[k++] = f2(70, s0p, sl0);
  out[k++] = f2(71, b0w, slb);
  out[k++] = f2(72, b0p, slb);
  // the word below s0, and whether s0 already has its head (arc-eager)
  out[k++] = f1(73, v.P(v.s1));
  out[k++] = f1(74, v.W(v.s1));
  out[k++] = f3(75, v.P(v.s1), s0p, b0p);
  out[k++] = f2(76, s0p, s.head(v.s0) != -1);
  out[k++] = f3(77, s0p, b0p, s.head(v.s0) != -1);
}

}  // namespace

void features(const State& s, const WordInfo* w, u64 out[kNumFeatures]) {
  const FeatureView v = feature_view(s, w);
  int k = 0;
  word_features(v, out, k);
  distance_features(v, out, k);
  tree_features(v, out, k);
  label_features(v, out, k);
  static_assert(kNumFeatures == 78);
}

}  // namespace parser_model

// ---- loading ---------------------------------------------------------------------------

Result<DependencyParser> DependencyParser::from_bytes(std::span<const unsigned char> buf, const std::string& origin) {
  auto corrupt = [&](const std::string& why) { return Status::Corruption("parser weights " + origin + ": " + why); };

  if (Status s = check_weights_envelope(buf, kMagic, 44, kFormatVersion, parser_model::kParserFeatureVersion,
                                        "parser weights " + origin, "parser");
      !s.ok())
    return s;
  const std::uint32_t bits = read_u32(buf.data() + 16);
  const std::uint32_t n_rels = read_u32(buf.data() + 20);
  const std::uint32_t n_entries = read_u32(buf.data() + 24);
  if (bits < 8 || bits > 26) return corrupt("bucket bits out of range");
  if (n_rels == 0 || 2 + 2 * n_rels > 255) return corrupt("relation count out of range");

  const std::size_t end = buf.size() - 4;
  std::size_t at = 44;
  DependencyParser p;
  // The features the model was trained with (a bit per feature template).
  const u64 mask_lo = static_cast<u64>(read_u32(buf.data() + 28)) | (static_cast<u64>(read_u32(buf.data() + 32)) << 32);
  const u64 mask_hi = static_cast<u64>(read_u32(buf.data() + 36)) | (static_cast<u64>(read_u32(buf.data() + 40)) << 32);
  for (int k = 0; k < parser_model::kNumFeatures; ++k)
    if ((k < 64 ? mask_lo >> k : mask_hi >> (k - 64)) & 1) p.enabled_.push_back(static_cast<std::uint8_t>(k));
  if (p.enabled_.empty()) return corrupt("no features enabled");
  p.class_rel_.resize(n_rels);
  for (std::uint32_t r = 0; r < n_rels; ++r) {
    if (at >= end) return corrupt("truncated relation list");
    const std::size_t len = buf[at++];
    if (at + len > end) return corrupt("truncated relation list");
    const std::string_view name(reinterpret_cast<const char*>(buf.data() + at), len);
    const std::uint8_t rel = deprel_from_name(name);
    if (rel == kDepNone)
      return Status::Incompatible("parser weights " + origin + ": unknown relation '" + std::string(name) + "'");
    if ((r == 0) != (rel == kDepRoot)) return corrupt("relation 0 must be 'root'");
    p.class_rel_[r] = rel;
    at += len;
  }
  const std::size_t buckets = std::size_t{1} << bits;
  if (end - at != buckets + std::size_t{n_entries} * 3) return corrupt("section sizes do not match the header");
  p.bucket_bits_ = bits;
  p.classes_ = 2 + 2 * std::size_t{n_rels};
  p.row_stride_ = (p.classes_ + 15) / 16 * 16;
  p.sum_rows_ = dense_rows::pick_sum_rows<std::int16_t>(p.row_stride_);
  p.weights_ = n_entries;
  const unsigned char* counts = buf.data() + at;
  std::size_t sum = 0;
  for (std::size_t b = 0; b < buckets; ++b) sum += counts[b];
  if (sum != n_entries) return corrupt("bucket counts do not add up to the weight count");
  at += buckets;
  // Buckets with many weights become dense rows (see slots_). Scores add up
  // in int16 lanes (eight to an SSE register): weights are divided by 8 so
  // that a transition's sum stays in range (measured on EWT test: the
  // largest |score| is about 140,000 before, 17,500 after; accuracy is the
  // same to 0.01 point).
  constexpr unsigned kDenseFrom = 12;
  constexpr int kWeightShift = 3, kShiftRound = (1 << kWeightShift) / 2;
  reserve_huge(p.slots_, buckets);
  p.slots_.resize(buckets);
  std::size_t dense_rows = 0;
  for (std::size_t b = 0; b < buckets; ++b) dense_rows += counts[b] >= kDenseFrom;
  reserve_huge(p.dense_, dense_rows * p.row_stride_);
  reserve_huge(p.entries_, n_entries);
  for (std::size_t b = 0; b < buckets; ++b) {
    const unsigned n = counts[b];
    const unsigned char* e = buf.data() + at;
    for (unsigned i = 0; i < n; ++i)
      if (e[3 * i] >= p.classes_) return corrupt("weight class out of range");
    auto weight = [&](unsigned i) {
      const auto w = static_cast<std::int16_t>(static_cast<std::uint16_t>(e[3 * i + 1] | (e[3 * i + 2] << 8)));
      return static_cast<std::int16_t>((w + (w >= 0 ? kShiftRound : -kShiftRound)) / (1 << kWeightShift));
    };
    if (n >= kDenseFrom) {
      const std::size_t row = p.dense_.size() / p.row_stride_;
      if (row >= (1u << 24)) return corrupt("too many dense rows");
      p.dense_.resize(p.dense_.size() + p.row_stride_, 0);
      std::int16_t* r = p.dense_.data() + row * p.row_stride_;
      for (unsigned i = 0; i < n; ++i) r[e[3 * i]] = weight(i);
      p.slots_[b] = static_cast<std::uint32_t>(row) | (kDenseSlot << 24);
    } else {
      if (p.entries_.size() >= (1u << 24)) return corrupt("too many weights");
      p.slots_[b] = static_cast<std::uint32_t>(p.entries_.size()) | (n << 24);
      for (unsigned i = 0; i < n; ++i) p.entries_.push_back(Entry{e[3 * i], 0, weight(i)});
    }
    at += 3 * std::size_t{n};
  }
  return p;
}

// ---- parsing ---------------------------------------------------------------------------

namespace {

// The legal action of the highest score; among equal scores the lowest
// action (the order in which the parser always considered them). -1 when
// none is legal. Legality is the same for every relation of a direction, so
// the legal actions are up to five ranges in increasing order: SHIFT,
// REDUCE, LEFT-ARC(1..R-1), RIGHT-ARC(root), RIGHT-ARC(1..R-1).
int best_action(const parser_model::State& state, const std::int16_t* sc, int relations) {
  using namespace parser_model;
  int lo[5], hi[5], n = 0;
  auto add = [&](int action, int from, int to) {
    if (!state.legal(action, relations)) return;
    lo[n] = from;
    hi[n++] = to;
  };
  add(kShift, kShift, kShift + 1);
  add(kReduce, kReduce, kReduce + 1);
  add(2 + 1, 2 + 1, 2 + relations);
  add(2 + relations, 2 + relations, 2 + relations + 1);
  add(2 + relations + 1, 2 + relations + 1, 2 + 2 * relations);
  // The maximum first (a loop the compiler vectorises), then its first place.
  std::int16_t top = INT16_MIN;
  for (int i = 0; i < n; ++i)
    for (int a = lo[i]; a < hi[i]; ++a) top = std::max(top, sc[a]);
  for (int i = 0; i < n; ++i)
    for (int a = lo[i]; a < hi[i]; ++a)
      if (sc[a] == top) return a;
  return -1;
}

}  // namespace

void DependencyParser::score(const u64* feats, std::int16_t* sc) const {
  using namespace parser_model;
  // The weight tables outgrow the cache, so the time goes to memory
  // latency: all bucket slots are fetched at once, then all weight runs,
  // so that the misses overlap instead of following one another.
  const int nf = static_cast<int>(enabled_.size());
  std::uint32_t buckets[kNumFeatures];
  for (int j = 0; j < nf; ++j) {
    buckets[j] = bucket_of(feats[enabled_[static_cast<std::size_t>(j)]], bucket_bits_);
    __builtin_prefetch(slots_.data() + buckets[j]);
  }
  const std::int16_t* rows[kNumFeatures];
  std::uint32_t runs[kNumFeatures];
  int n_rows = 0, n_runs = 0;
  for (int j = 0; j < nf; ++j) {
    const std::uint32_t slot = slots_[buckets[j]];
    const std::uint32_t off = slot & 0xFFFFFFu;
    if ((slot >> 24) == kDenseSlot) {
      // (No prefetch: the dense rows are the frequent features' and mostly
      // in cache; prefetching them measured no faster.)
      rows[n_rows++] = dense_.data() + off * row_stride_;
    } else if (slot >> 24) {  // (an empty bucket has nothing to fetch)
      runs[n_runs++] = slot;
      __builtin_prefetch(entries_.data() + off);
    }
  }
  std::fill(sc, sc + row_stride_, std::int16_t{0});
  for (int j = 0; j < n_runs; ++j) {
    const std::uint32_t off = runs[j] & 0xFFFFFFu, count = runs[j] >> 24;
    for (const Entry *e = entries_.data() + off, *e_end = e + count; e != e_end; ++e)
      sc[e->cls] = static_cast<std::int16_t>(sc[e->cls] + e->weight);
  }
  if (sum_rows_) {
    sum_rows_(rows, n_rows, sc);
    return;
  }
  for (int j = 0; j < n_rows; ++j)
    for (std::size_t c = 0; c < row_stride_; ++c) sc[c] = static_cast<std::int16_t>(sc[c] + rows[j][c]);
}

void DependencyParser::parse_words(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                                   ParsedWords& out) const {
  using namespace parser_model;
  const int n = static_cast<int>(words.size());
  out.heads.assign(words.size(), 0);
  out.rels.assign(words.size(), kDepDep);
  if (n == 0) return;
  if (empty()) return;
  const int relations = static_cast<int>(class_rel_.size());

  thread_local std::vector<WordInfo> info;
  thread_local State state(0);
  thread_local std::vector<std::int16_t> scores;
  info.resize(words.size() + 1);
  info[0] = root_info();
  for (int i = 0; i < n; ++i) info[i + 1] = word_info(words[i], tags[i]);
  state.reset(n);
  scores.resize(row_stride_);

  u64 feats[kNumFeatures];
  while (!state.terminal()) {
    features(state, info.data(), feats);
    std::int16_t* __restrict sc = scores.data();
    score(feats, sc);
    const int best = best_action(state, sc, relations);
    if (best < 0) break;  // cannot happen: REDUCE or SHIFT is always legal before the end
    state.apply(best, relations);
  }
  int dep_index = 0;
  for (int r = 1; r < relations; ++r)
    if (class_rel_[r] == kDepDep) dep_index = r;
  state.finish(dep_index);
  for (int i = 1; i <= n; ++i) {
    out.heads[i - 1] = state.head(i);
    out.rels[i - 1] = state.rel(i) >= 0 ? class_rel_[state.rel(i)] : std::uint8_t{kDepDep};
  }
  // A word left on the stack with no head when the buffer reaches the final
  // period is attached to it by the last LEFT-ARC available; punctuation
  // heads nothing in UD, so such words go to the punctuation's head.
  thread_local std::vector<bool> moved;
  moved.assign(words.size(), false);
  for (int i = 0; i < n; ++i) {
    const int h = out.heads[static_cast<std::size_t>(i)];
    if (h <= 0 || out.rels[static_cast<std::size_t>(i)] == kDepPunct) continue;
    if (out.rels[static_cast<std::size_t>(h - 1)] != kDepPunct) continue;
    const int hh = out.heads[static_cast<std::size_t>(h - 1)];
    if (hh != i + 1) out.heads[static_cast<std::size_t>(i)] = hh;
    if (hh == 0) out.rels[static_cast<std::size_t>(i)] = kDepRoot;
    moved[static_cast<std::size_t>(i)] = true;
  }
  // A preposition or determiner moved so heads right, to the noun phrase
  // that follows it ("with [China's top diplomat]").
  for (int i = 0; i < n; ++i) {
    const std::uint8_t r = out.rels[static_cast<std::size_t>(i)];
    if (!moved[static_cast<std::size_t>(i)] || (r != kDepCase && r != kDepDet) || out.heads[static_cast<std::size_t>(i)] > i + 1)
      continue;
    int k = i + 2;  // 1-based index of the next word
    for (int steps = 0; k <= n && steps < n; ++steps) {
      const int hk = out.heads[static_cast<std::size_t>(k - 1)];
      if (hk <= k || hk > n) break;
      k = hk;
    }
    if (k > n) continue;
    const std::uint16_t t = tags[static_cast<std::size_t>(k - 1)];
    if (is_noun_tag(t) || t == kTagPRP || t == kTagCD) out.heads[static_cast<std::size_t>(i)] = k;
  }
}

}  // namespace geokg
