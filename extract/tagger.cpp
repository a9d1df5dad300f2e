#include "geokg/extract/tagger.hpp"

#include "dense_rows.hpp"
#include "weights_file.hpp"


#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>

#include "geokg/core/ascii.hpp"
#include "geokg/core/ids.hpp"

namespace geokg {

namespace {

constexpr std::array<const char*, kTagCount> kTagNames = {
    "",     "CC",  "CD",  "DT",   "EX",  "FW",  "IN",  "JJ",  "JJR", "JJS",   "LS",    "MD",
    "NN",   "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",   "RBS",   "RP",
    "SYM",  "TO",  "UH",  "VB",   "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT",   "WP",    "WP$",
    "WRB",  "$",   "#",   "``",   "''",  "-LRB-", "-RRB-", ",", ".",  ":",     "HYPH",  "NFP",
    "ADD",  "GW",  "AFX", "XX"};

constexpr char kMagic[8] = {'G', 'K', 'T', 'A', 'G', 'G', 'E', 'R'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kClasses = kTagCount - 1;  // class c is PennTag c + 1
// Marks a word the tag dictionary settled (no bucket is this large).
constexpr std::uint32_t kDictionaryHit = 0xFFFFFFFFu;

using u64 = std::uint64_t;

constexpr u64 mix(u64 x) { return splitmix64_finish(x); }

constexpr u64 kFnvOffset = kFnv64Offset;
constexpr u64 kFnvPrime = kFnv64Prime;

inline u64 fnv(u64 h, unsigned char c) { return (h ^ c) * kFnvPrime; }

// A word character: ASCII letters and digits, and any byte of a UTF-8 sequence.
inline bool word_char(char c) {
  return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
}

u64 hash_string(std::string_view s, u64 salt) {
  u64 h = kFnvOffset;
  for (char c : s) h = fnv(h, static_cast<unsigned char>(c));
  return mix(h ^ salt);
}

// Salts keep the kinds of hash apart ("the" as a word vs "the" as a suffix).
enum Salt : u64 { kSaltForm = 1, kSaltNorm, kSaltSuf1, kSaltSuf2, kSaltSuf3, kSaltPre1, kSaltShape, kSaltSuf4 };

inline u64 feat1(u64 templ, u64 a) { return mix(a + templ * 0x9E3779B97F4A7C15ULL); }
inline u64 feat2(u64 templ, u64 a, u64 b) { return mix(feat1(templ, a) ^ (b * 0xC2B2AE3D27D4EB4FULL)); }

u64 read_u64(const unsigned char* p) {
  return static_cast<u64>(read_u32(p)) | (static_cast<u64>(read_u32(p + 4)) << 32);
}

bool ends_with_lower(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (ascii_lower(s[s.size() - suffix.size() + i]) != suffix[i]) return false;
  return true;
}
bool equals_lower(std::string_view s, std::string_view w) {
  return s.size() == w.size() && ends_with_lower(s, w);
}

// Whether tag t fits a word whose open classes are `allowed` (bits: 1 noun,
// 2 verb, 4 adjective, 8 adverb; 16 an irregular past form that is no
// verb's base: "froze" is never present tense). Closed-class tags and proper
// nouns always fit.
bool open_tag_allowed(std::uint16_t t, std::uint8_t allowed) {
  if ((allowed & 16) && (t == kTagVB || t == kTagVBP || t == kTagVBZ || t == kTagVBG)) return false;
  if (t == kTagNN || t == kTagNNS) return allowed & 1;
  if (t >= kTagVB && t <= kTagVBZ) return allowed & 2;
  if (t >= kTagJJ && t <= kTagJJS) return allowed & 4;
  if (t >= kTagRB && t <= kTagRBS) return allowed & 8;
  return true;
}

}  // namespace

const char* penn_tag_name(std::uint16_t tag) { return tag < kTagCount ? kTagNames[tag] : ""; }

std::uint16_t penn_tag_from_name(std::string_view name) {
  for (std::uint16_t t = 1; t < kTagCount; ++t)
    if (name == kTagNames[t]) return t;
  return kTagNone;
}

// ---- features ------------------------------------------------------------------------

namespace tagger_features {

namespace {

// Wire copy marks company names and tickers with angle brackets
// ("<Ecolab Co> said"): they are read as the round brackets the treebank knows.
std::string_view treebank_bracket(std::string_view word) {
  return word == "<" ? "(" : word == ">" ? ")" : word;
}

// The norm hash of a word whose lowercased FNV state is `low`: numbers are
// folded to a class, their digits say little about their tag.
u64 norm_of(std::string_view word, u64 low) {
  if (word.empty() || !is_ascii_digit(word[0])) return mix(low ^ kSaltNorm);
  bool all_digits = true;
  for (char c : word) all_digits = all_digits && is_ascii_digit(c);
  return hash_string(all_digits && word.size() == 4 ? "!YEAR" : "!DIGITS", kSaltNorm);
}

}  // namespace

std::uint64_t norm_hash(std::string_view word) {
  word = treebank_bracket(word);
  u64 low = kFnvOffset;
  for (char c : word) low = fnv(low, static_cast<unsigned char>(ascii_lower(c)));
  return norm_of(word, low);
}

WordHashes hash_word(std::string_view word) {
  word = treebank_bracket(word);
  WordHashes w;
  u64 form = kFnvOffset, low = kFnvOffset;
  for (char c : word) {
    form = fnv(form, static_cast<unsigned char>(c));
    low = fnv(low, static_cast<unsigned char>(ascii_lower(c)));
  }
  w.form = mix(form ^ kSaltForm);
  w.norm = norm_of(word, low);
  auto suffix = [&](std::size_t k, u64 salt) {
    u64 h = kFnvOffset;
    for (std::size_t i = word.size() > k ? word.size() - k : 0; i < word.size(); ++i)
      h = fnv(h, static_cast<unsigned char>(ascii_lower(word[i])));
    return mix(h ^ salt);
  };
  w.suf1 = suffix(1, kSaltSuf1);
  w.suf2 = suffix(2, kSaltSuf2);
  w.suf3 = suffix(3, kSaltSuf3);
  w.suf4 = suffix(4, kSaltSuf4);
  w.pre1 = mix(fnv(kFnvOffset, word.empty() ? 0 : static_cast<unsigned char>(ascii_lower(word[0]))) ^ kSaltPre1);
  // Shape: X upper, x lower, d digit, u non-ASCII, other bytes as themselves;
  // runs collapsed, at most 6 classes.
  u64 shape = kFnvOffset;
  char last = 0;
  int n = 0;
  for (char c : word) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (is_ascii_digit(c)) k = 'd';
    else if (static_cast<unsigned char>(c) >= 0x80) k = 'u';
    else k = c;
    if (k == last) continue;
    last = k;
    shape = fnv(shape, static_cast<unsigned char>(k));
    if (++n == 6) break;
  }
  w.shape = mix(shape ^ kSaltShape);
  return w;
}

WordHashes pad_word(int which) {
  static constexpr const char* kPads[] = {"-START2-", "-START-", "-END-", "-END2-"};
  const int i = which == -2 ? 0 : which == -1 ? 1 : which == 1 ? 2 : 3;
  WordHashes w;
  w.form = hash_string(kPads[i], kSaltForm);
  w.norm = hash_string(kPads[i], kSaltNorm);
  w.suf1 = w.suf2 = w.suf3 = w.suf4 = hash_string(kPads[i], kSaltSuf3);
  w.pre1 = hash_string(kPads[i], kSaltPre1);
  w.shape = hash_string(kPads[i], kSaltShape);
  return w;
}

void static_features(const WordHashes* w, u64 out[kNumStaticFeatures]) {
  out[0] = feat1(0, 0);  // bias
  out[1] = feat1(1, w[0].norm);
  out[2] = feat1(2, w[0].form);
  out[3] = feat1(3, w[0].suf3);
  out[4] = feat1(4, w[0].suf2);
  out[5] = feat1(5, w[0].suf1);
  out[6] = feat1(6, w[0].pre1);
  out[7] = feat1(7, w[0].shape);
  out[8] = feat1(11, w[-1].norm);
  out[9] = feat1(12, w[-1].suf3);
  out[10] = feat1(13, w[-2].norm);
  out[11] = feat1(14, w[1].norm);
  out[12] = feat1(15, w[1].suf3);
  out[13] = feat1(16, w[2].norm);
  out[14] = feat2(18, w[-1].norm, w[0].norm);
  out[15] = feat2(19, w[0].norm, w[1].norm);
  out[16] = feat1(20, w[0].suf4);
  out[17] = feat1(21, w[-1].shape);
  out[18] = feat1(22, w[1].shape);
  out[19] = feat2(25, w[-1].norm, w[0].suf3);
}

void dynamic_features(const WordHashes* w, std::uint16_t prev1, std::uint16_t prev2,
                      u64 out[kNumDynamicFeatures]) {
  const u64 p1 = prev1, p2 = prev2;
  out[0] = feat1(8, p1);
  out[1] = feat2(9, p1, p2);
  out[2] = feat2(10, p1, w[0].norm);
  out[3] = feat2(17, p1, w[0].shape);  // capitalisation after the start, a quote, a colon
  out[4] = feat2(23, p1, w[1].norm);
  out[5] = feat2(24, p1, w[0].suf3);
}

void features(const WordHashes* w, std::uint16_t prev1, std::uint16_t prev2, u64 out[kNumFeatures]) {
  static_features(w, out);
  dynamic_features(w, prev1, prev2, out + kNumStaticFeatures);
}

}  // namespace tagger_features

// ---- loading -------------------------------------------------------------------------

Result<PosTagger> PosTagger::from_bytes(std::span<const unsigned char> buf, const std::string& origin) {
  auto corrupt = [&](const std::string& why) { return Status::Corruption("tagger weights " + origin + ": " + why); };

  if (Status s = check_weights_envelope(buf, kMagic, 32, kFormatVersion, tagger_features::kTaggerFeatureVersion,
                                        "tagger weights " + origin, "tagger");
      !s.ok())
    return s;
  const std::uint32_t bits = read_u32(buf.data() + 16);
  const std::uint32_t n_classes = read_u32(buf.data() + 20);
  const std::uint32_t n_dict = read_u32(buf.data() + 24);
  const std::uint32_t n_entries = read_u32(buf.data() + 28);
  if (bits < 8 || bits > 26) return corrupt("bucket bits out of range");
  if (n_classes != kClasses)
    return Status::Incompatible("tagger weights " + origin + ": " + std::to_string(n_classes) +
                                " tags, this build knows " + std::to_string(kClasses));

  const std::size_t end = buf.size() - 4;
  std::size_t at = 32;
  for (std::uint32_t c = 0; c < n_classes; ++c) {
    if (at >= end) return corrupt("truncated tag list");
    const std::size_t len = buf[at++];
    if (at + len > end) return corrupt("truncated tag list");
    const std::string_view name(reinterpret_cast<const char*>(buf.data() + at), len);
    if (name != kTagNames[c + 1])
      return Status::Incompatible("tagger weights " + origin + ": tag " + std::to_string(c) + " is '" +
                                  std::string(name) + "', expected '" + kTagNames[c + 1] + "'");
    at += len;
  }
  const std::size_t buckets = std::size_t{1} << bits;
  if (end - at != std::size_t{n_dict} * 9 + buckets + std::size_t{n_entries} * 3)
    return corrupt("section sizes do not match the header");

  PosTagger t;
  t.bucket_bits_ = bits;
  std::size_t cap = 16;
  while (cap < 2 * std::size_t{n_dict}) cap <<= 1;
  t.dict_keys_.assign(cap, 0);
  t.dict_tags_.assign(cap, 0);
  t.dict_size_ = n_dict;
  for (std::uint32_t i = 0; i < n_dict; ++i, at += 9) {
    u64 key = read_u64(buf.data() + at);
    const std::uint8_t cls = buf[at + 8];
    if (cls >= kClasses) return corrupt("dictionary tag out of range");
    if (key == 0) key = 1;
    std::size_t slot = key & (cap - 1);
    while (t.dict_keys_[slot] != 0 && t.dict_keys_[slot] != key) slot = (slot + 1) & (cap - 1);
    t.dict_keys_[slot] = key;
    t.dict_tags_[slot] = static_cast<std::uint8_t>(cls + 1);
  }
  static_assert(kClasses <= kScoreLanes);
  const unsigned char* counts = buf.data() + at;
  std::size_t sum = 0;
  for (std::size_t b = 0; b < buckets; ++b) sum += counts[b];
  if (sum != n_entries) return corrupt("bucket counts do not add up to the weight count");
  at += buckets;
  // Buckets with many weights become dense rows (see slots_).
  constexpr unsigned kDenseFrom = 12;
  t.weights_ = n_entries;
  t.sum_rows_ = dense_rows::pick_sum_rows<std::int32_t>(kScoreLanes);
  reserve_huge(t.slots_, buckets);
  t.slots_.resize(buckets);
  std::size_t dense_rows = 0;
  for (std::size_t b = 0; b < buckets; ++b) dense_rows += counts[b] >= kDenseFrom;
  reserve_huge(t.dense_, dense_rows * kScoreLanes);
  reserve_huge(t.entries_, n_entries);
  for (std::size_t b = 0; b < buckets; ++b) {
    const unsigned n = counts[b];
    const unsigned char* e = buf.data() + at;
    for (unsigned i = 0; i < n; ++i)
      if (e[3 * i] >= kClasses) return corrupt("weight tag out of range");
    auto weight = [&](unsigned i) {
      return static_cast<std::int16_t>(static_cast<std::uint16_t>(e[3 * i + 1] | (e[3 * i + 2] << 8)));
    };
    if (n >= kDenseFrom) {
      const std::size_t row = t.dense_.size() / kScoreLanes;
      if (row >= (1u << 24)) return corrupt("too many dense rows");
      t.dense_.resize(t.dense_.size() + kScoreLanes, 0);
      std::int32_t* r = t.dense_.data() + row * kScoreLanes;
      for (unsigned i = 0; i < n; ++i) r[e[3 * i]] += weight(i);
      t.slots_[b] = static_cast<std::uint32_t>(row) | (kDenseSlot << 24);
    } else {
      if (t.entries_.size() >= (1u << 24)) return corrupt("too many weights");
      t.slots_[b] = static_cast<std::uint32_t>(t.entries_.size()) | (n << 24);
      for (unsigned i = 0; i < n; ++i) t.entries_.push_back(Entry{e[3 * i], 0, weight(i)});
    }
    at += 3 * std::size_t{n};
  }
  return t;
}

Status PosTagger::set_word_classes(std::string_view lines, const std::string& origin) {
  std::vector<std::pair<std::uint64_t, std::uint8_t>> rows;
  std::size_t n = 0;
  while (!lines.empty()) {
    ++n;
    const std::size_t eol = lines.find('\n');
    std::string_view l = lines.substr(0, eol);
    lines.remove_prefix(eol == std::string_view::npos ? lines.size() : eol + 1);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l[0] == '#') continue;
    const std::size_t tab = l.find('\t');
    if (tab == std::string_view::npos || tab + 1 >= l.size() || l[tab + 1] < '0' || l[tab + 1] > '9')
      return Status::InvalidInput(origin + ":" + std::to_string(n) + ": expected form<TAB>bits");
    const int bits = std::atoi(std::string(l.substr(tab + 1)).c_str());
    rows.emplace_back(tagger_features::norm_hash(l.substr(0, tab)), static_cast<std::uint8_t>(bits & 31));
  }
  std::size_t cap = 16;
  while (cap < 2 * rows.size()) cap <<= 1;
  class_keys_.assign(cap, 0);
  class_bits_.assign(cap, 0);
  for (auto [key, bits] : rows) {
    if (key == 0) key = 1;
    std::size_t slot = key & (cap - 1);
    while (class_keys_[slot] != 0 && class_keys_[slot] != key) slot = (slot + 1) & (cap - 1);
    class_keys_[slot] = key;
    class_bits_[slot] |= bits;
  }
  class_count_ = rows.size();
  return Status::Ok();
}

std::uint8_t PosTagger::word_classes(std::uint64_t key) const {
  if (key == 0) key = 1;
  const std::size_t mask = class_keys_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (class_keys_[slot] == key) return class_bits_[slot];
    if (class_keys_[slot] == 0) return 0;
  }
}

// ---- tagging -------------------------------------------------------------------------

struct PosTagger::Scratch {
  std::vector<tagger_features::WordHashes> words;  // 2 pads, the words, 2 pads
  std::vector<std::uint16_t> tags;
  std::vector<std::uint32_t> ranges;  // per word: the buckets of its static features
};

std::uint16_t PosTagger::dict_lookup(std::uint64_t key) const {
  if (dict_keys_.empty()) return kTagNone;
  if (key == 0) key = 1;
  const std::size_t mask = dict_keys_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (dict_keys_[slot] == key) return dict_tags_[slot];
    if (dict_keys_[slot] == 0) return kTagNone;
  }
}

void PosTagger::prefetch_weights(const std::uint32_t* buckets, int n) const {
  for (int k = 0; k < n; ++k) {
    const std::uint32_t slot = slots_[buckets[k]];
    if ((slot >> 24) != kDenseSlot) {
      if (slot >> 24) __builtin_prefetch(entries_.data() + (slot & 0xFFFFFFu));  // (an empty bucket: nothing)
      continue;
    }
    const char* row = reinterpret_cast<const char*>(dense_.data() + (slot & 0xFFFFFFu) * kScoreLanes);
    for (std::size_t b = 0; b < kScoreLanes * sizeof(std::int32_t); b += 64) __builtin_prefetch(row + b);
  }
}

void PosTagger::score(const std::uint32_t* buckets, int n, std::int32_t* scores) const {
  constexpr int kMax = tagger_features::kNumFeatures;
  n = std::min(n, kMax);
  // All slots first, then all weight runs, then the sums: the misses of one
  // feature do not wait for another's (the dynamic features' slots were not
  // fetched ahead).
  std::uint32_t slot[kMax];
  for (int k = 0; k < n; ++k) __builtin_prefetch(slots_.data() + buckets[k]);
  const std::int32_t* rows[kMax];
  std::uint32_t runs[kMax];
  int n_rows = 0, n_runs = 0;
  for (int k = 0; k < n; ++k) slot[k] = slots_[buckets[k]];
  for (int k = 0; k < n; ++k) {
    const std::uint32_t off = slot[k] & 0xFFFFFFu, count = slot[k] >> 24;
    if (count == kDenseSlot) {
      rows[n_rows++] = dense_.data() + off * kScoreLanes;
    } else if (count) {
      runs[n_runs++] = slot[k];
      __builtin_prefetch(entries_.data() + off);
    }
  }
  std::memset(scores, 0, kScoreLanes * sizeof(std::int32_t));
  for (int j = 0; j < n_runs; ++j) {
    const std::uint32_t off = runs[j] & 0xFFFFFFu, count = runs[j] >> 24;
    for (const Entry *e = entries_.data() + off, *e_end = e + count; e != e_end; ++e) scores[e->cls] += e->weight;
  }
  if (sum_rows_) {
    sum_rows_(rows, n_rows, scores);
    return;
  }
  for (int j = 0; j < n_rows; ++j)
    for (std::size_t c = 0; c < kScoreLanes; ++c) scores[c] += rows[j][c];
}

// REQUIRES: s.words holds n words between two pads on each side.
//
// The weight tables outgrow the core's cache, so the time goes to memory
// latency. Hence two passes: the first computes the word-only features of the
// whole sentence and loads their bucket slots (independent loads that
// overlap); the greedy pass then only waits for the few features that need
// the previous tags, and fetches the next word's weights ahead.
void PosTagger::tag_sequence(Scratch& s, std::size_t n) const {
  using namespace tagger_features;
  s.tags.resize(n);
  s.ranges.resize(n * kNumStaticFeatures);
  u64 feats[kNumStaticFeatures];
  for (std::size_t i = 0; i < n; ++i) {
    const WordHashes* w = s.words.data() + i + 2;
    std::uint32_t* r = s.ranges.data() + i * kNumStaticFeatures;
    if ((r[0] = dict_lookup(w->form)) != kTagNone) {
      r[1] = kDictionaryHit;
      continue;
    }
    static_features(w, feats);
    for (int k = 0; k < kNumStaticFeatures; ++k) {
      const std::uint32_t b = bucket_of(feats[k], bucket_bits_);
      r[k] = b;
      __builtin_prefetch(slots_.data() + b);
    }
  }
  std::uint16_t prev1 = kStartTag1, prev2 = kStartTag2;
  u64 dyn[kNumDynamicFeatures];
  alignas(32) std::int32_t scores[kScoreLanes];
  for (std::size_t i = 0; i < n; ++i) {
    const WordHashes* w = s.words.data() + i + 2;
    const std::uint32_t* r = s.ranges.data() + i * kNumStaticFeatures;
    std::uint16_t tag;
    if (r[1] == kDictionaryHit) {
      tag = static_cast<std::uint16_t>(r[0]);
    } else {
      dynamic_features(w, prev1, prev2, dyn);
      std::uint32_t b[kNumFeatures];
      std::copy(r, r + kNumStaticFeatures, b);
      for (int k = 0; k < kNumDynamicFeatures; ++k) b[kNumStaticFeatures + k] = bucket_of(dyn[k], bucket_bits_);
      score(b, kNumFeatures, scores);
      const std::uint8_t allowed = class_keys_.empty() ? 0 : word_classes(w->norm);
      std::size_t best = kClasses;
      for (std::size_t c = 0; c < kClasses; ++c) {
        if (allowed && !open_tag_allowed(static_cast<std::uint16_t>(c + 1), allowed)) continue;
        if (best == kClasses || scores[c] > scores[best]) best = c;
      }
      tag = static_cast<std::uint16_t>(best + 1);
    }
    // After a modal ("will not free", "would ease") a word that can be a
    // verb is one, not the adjective or noun of the same spelling (the tag
    // dictionary's words too: "free" is mostly an adjective).
    const bool after_modal = prev1 == kTagMD || (prev1 == kTagRB && prev2 == kTagMD);
    if (after_modal && (tag == kTagJJ || tag == kTagNN || tag == kTagNNS) && !class_keys_.empty() &&
        (word_classes(w->norm) & 18) == 2)
      tag = kTagVB;
    s.tags[i] = tag;
    prev2 = prev1;
    prev1 = tag;
    // Next word's static weights: their slots are in cache by now.
    if (i + 1 < n && s.ranges[(i + 1) * kNumStaticFeatures + 1] != kDictionaryHit)
      prefetch_weights(s.ranges.data() + (i + 1) * kNumStaticFeatures, kNumStaticFeatures);
  }
}

void PosTagger::tag_words(std::span<const std::string_view> words, std::span<std::uint16_t> tags) const {
  if (empty()) {
    std::fill(tags.begin(), tags.end(), kTagNone);
    return;
  }
  Scratch s;
  s.words.reserve(words.size() + 4);
  s.words.push_back(tagger_features::pad_word(-2));
  s.words.push_back(tagger_features::pad_word(-1));
  for (std::string_view w : words) s.words.push_back(tagger_features::hash_word(w));
  s.words.push_back(tagger_features::pad_word(1));
  s.words.push_back(tagger_features::pad_word(2));
  tag_sequence(s, words.size());
  std::copy(s.tags.begin(), s.tags.end(), tags.begin());
}

std::size_t split_for_treebank(std::string_view t, std::vector<std::string_view>& out) {
  const std::size_t n = t.size();
  auto two = [&](std::size_t cut) {
    out.push_back(t.substr(0, cut));
    out.push_back(t.substr(cut));
    return std::size_t{0};
  };
  if (n > 3 && ends_with_lower(t, "n't")) return two(n - 3);
  if (n >= 5) {
    if (equals_lower(t, "cannot")) return two(3);
    if (equals_lower(t, "gonna") || equals_lower(t, "wanna")) return two(3);
    if (equals_lower(t, "gotta")) return two(3);
  }
  if (n >= 3 && t[n - 2] == '\'' && (ascii_lower(t[n - 1]) == 'm' || ascii_lower(t[n - 1]) == 'd'))
    return two(n - 2);
  if (n >= 4 && t[n - 3] == '\'' &&
      (ends_with_lower(t, "'re") || ends_with_lower(t, "'ve") || ends_with_lower(t, "'ll")))
    return two(n - 3);
  // Hyphenated compounds: split at each hyphen between two word characters.
  std::size_t start = 0, pieces = 0;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (t[i] == '-' && (word_char(t[i - 1]) || t[i - 1] == '.') && word_char(t[i + 1])) {
      out.push_back(t.substr(start, i - start));
      out.push_back(t.substr(i, 1));
      start = i + 1;
      pieces += 2;
    }
  }
  out.push_back(t.substr(start));
  return pieces;  // the last piece
}

void PosTagger::tag(Document& doc) const {
  if (empty()) return;
  Scratch s;
  std::vector<std::string_view> pieces;
  std::vector<std::uint32_t> owner;  // piece index whose tag each token of the sentence takes
  for (const Sentence& sent : doc.sentences) {
    if (sent.token_end <= sent.token_begin) continue;
    pieces.clear();
    owner.clear();
    for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
      const std::size_t base = pieces.size();
      owner.push_back(static_cast<std::uint32_t>(base + split_for_treebank(doc.token_text(doc.tokens[k]), pieces)));
    }
    s.words.clear();
    s.words.push_back(tagger_features::pad_word(-2));
    s.words.push_back(tagger_features::pad_word(-1));
    for (std::string_view p : pieces) s.words.push_back(tagger_features::hash_word(p));
    s.words.push_back(tagger_features::pad_word(1));
    s.words.push_back(tagger_features::pad_word(2));
    tag_sequence(s, pieces.size());
    for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k)
      doc.tokens[k].tag = s.tags[owner[k - sent.token_begin]];
  }
}

}  // namespace geokg
