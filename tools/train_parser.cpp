// Trains geokg's dependency parser (UD relations) from CoNLL-U treebanks and
// writes the weights file load_parser reads (DependencyParser::from_bytes).
//
//   train_parser --ewt DIR --gum FILE --tagger data/tagger/ptb-perceptron.bin
//                --out data/parser/ud-arceager.bin
//
// Data: UD English EWT train + GUM minus its held-out documents (the GUM
// Wikinews articles that are also in the evaluation corpus). The parser reads
// predicted tags at run time, so its training data is tagged the same way:
// by jackknifing (10 folds, a tagger trained on the other nine tags each).
// Non-projective trees are made projective by lifting (Kahane et al. 1998):
// the arc-eager system builds projective trees only.
//
// Model: arc-eager transitions, averaged perceptron over the hashed features
// of geokg/extract/parser.hpp (parser_model), trained with the dynamic oracle
// of Goldberg & Nivre (2012): at every state the update moves towards the
// best-scoring zero-cost action, and from epoch 2 on the parser follows its
// own prediction with probability --explore, so that it learns to recover
// from its mistakes. Deterministic (fixed-seed splitmix64): the same inputs
// give the same file byte for byte.
//
// After writing, the file is loaded back with load_parser and
// evaluated on EWT dev and test with tags from the shipped tagger: the
// figures printed are those of the shipped weights.

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/tagger.hpp"
#include "tagger_training.hpp"
#include "treebank.hpp"

namespace {

using namespace geokg::training;
namespace pm = geokg::parser_model;
using geokg::DependencyParser;
using geokg::PosTagger;

// ---- relations -------------------------------------------------------------------

// The model's relation list: "root" first, then every relation of the
// training data in DepRel order.
struct Relations {
  std::vector<std::uint8_t> rels;            // index -> DepRel
  std::vector<int> index_of;                 // DepRel -> index (-1 absent)
  int size() const { return static_cast<int>(rels.size()); }
};

Relations relations_of(const std::vector<Sent>& train) {
  std::vector<bool> seen(geokg::kDepCount, false);
  for (const Sent& s : train)
    for (std::uint8_t r : s.rels) seen[r] = true;
  Relations out;
  out.index_of.assign(geokg::kDepCount, -1);
  out.rels.push_back(geokg::kDepRoot);
  out.index_of[geokg::kDepRoot] = 0;
  for (std::uint8_t r = 1; r < geokg::kDepCount; ++r)
    if (seen[r] && r != geokg::kDepRoot) {
      out.index_of[r] = out.size();
      out.rels.push_back(r);
    }
  return out;
}

// ---- projectivisation ------------------------------------------------------------

// True when every word between h and d (exclusive) descends from h.
bool arc_projective(const std::vector<int>& heads, int h, int d) {
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k) {
    int a = k, steps = 0;
    while (a != 0 && a != h && steps++ <= static_cast<int>(heads.size())) a = heads[a - 1];
    if (a != h) return false;
  }
  return true;
}

// Lifts the shortest non-projective arc to the head's head until none is left.
// Returns the number of lifts.
int projectivise(std::vector<int>& heads) {
  int lifts = 0;
  for (;;) {
    int best = -1, best_len = 1 << 30;
    for (int d = 1; d <= static_cast<int>(heads.size()); ++d) {
      const int h = heads[d - 1];
      const int len = std::abs(h - d);
      if (len < best_len && !arc_projective(heads, h, d)) {
        best = d;
        best_len = len;
      }
    }
    if (best < 0) return lifts;
    const int h = heads[best - 1];
    heads[best - 1] = h == 0 ? 0 : heads[h - 1];
    ++lifts;
  }
}

// ---- the dynamic oracle --------------------------------------------------------------

// Gold tree of one training sentence, 1-based (index 0 unused).
struct Gold {
  std::vector<int> head;
  std::vector<int> rel;   // relation index
  int root = 0;           // the word whose gold head is ROOT
};

// Cost of an action: the gold arcs that become unreachable (Goldberg & Nivre
// 2012, arc-eager), plus one for a gold arc built with the wrong relation.
int action_cost(const pm::State& s, const Gold& g, int action, int relations) {
  const int s0 = s.s0(), b = s.b0(), n = s.n();
  const std::vector<int>& stack = s.stack();
  auto reachable_from_root = [&]() { return !s.root_taken(); };
  if (action == pm::kShift) {
    int c = 0;
    for (int k : stack)
      if (g.head[b] == k && (k != 0 || reachable_from_root())) ++c;
    for (int d : stack)
      if (d != 0 && s.head(d) == -1 && g.head[d] == b) ++c;
    return c;
  }
  if (action == pm::kReduce) {
    int c = 0;
    if (b >= 0)
      for (int d = b; d <= n; ++d)
        if (g.head[d] == s0) ++c;
    return c;
  }
  const bool left = action - 2 < relations;
  const int r = left ? action - 2 : action - 2 - relations;
  if (left) {
    int c = 0;
    if (g.head[s0] > b) ++c;                    // its head further in the buffer
    for (int d = b; d <= n; ++d)
      if (g.head[d] == s0) ++c;                 // its dependents in the buffer
    if (g.head[s0] == b && g.rel[s0] != r) ++c;
    return c;
  }
  int c = 0;
  if (g.head[b] != s0) {
    if (g.head[b] > b) ++c;
    else
      for (int k : stack)
        if (k != s0 && g.head[b] == k && (k != 0 || reachable_from_root())) ++c;
  }
  for (int d : stack)
    if (d != 0 && s.head(d) == -1 && g.head[d] == b) ++c;
  if (g.head[b] == s0 && g.rel[b] != r) ++c;
  // ROOT takes one dependent: giving it b loses the gold root arc when that
  // word is still in the buffer.
  if (s0 == 0 && g.root != b && g.root > b) ++c;
  return c;
}

// ---- the perceptron ---------------------------------------------------------------

class ParserTrainer {
 public:
  ParserTrainer(std::size_t bits, int relations, std::vector<int> enabled)
      : bits_(bits), relations_(relations), classes_(2 + 2 * static_cast<std::size_t>(relations)),
        enabled_(std::move(enabled)),
        w_((std::size_t{1} << bits) * classes_, 0.0f), u_(w_.size(), 0.0) {}

  struct EpochStats {
    std::size_t errors = 0, states = 0;
  };

  // One pass: returns how often the prediction was not a zero-cost action.
  EpochStats epoch(const std::vector<std::vector<pm::WordInfo>>& words, const std::vector<Gold>& golds,
                   const std::vector<std::size_t>& order, double explore, std::uint64_t& rng) {
    EpochStats st;
    std::vector<float> scores(classes_);
    std::vector<int> costs(classes_);
    std::uint64_t feats[pm::kNumFeatures];
    std::uint32_t buckets[pm::kNumFeatures];
    pm::State s(0);
    for (std::size_t si : order) {
      const Gold& g = golds[si];
      s.reset(static_cast<int>(words[si].size()) - 1);
      while (!s.terminal()) {
        ++c_;
        ++st.states;
        pm::features(s, words[si].data(), feats);
        for (std::size_t j = 0; j < enabled_.size(); ++j) buckets[j] = pm::bucket_of(feats[enabled_[j]], bits_);
        score(w_.data(), buckets, scores.data());
        int pred = -1, min_cost = 1 << 30;
        for (int a = 0; a < static_cast<int>(classes_); ++a) {
          costs[a] = -1;
          if (!s.legal(a, relations_)) continue;
          costs[a] = action_cost(s, g, a, relations_);
          min_cost = std::min(min_cost, costs[a]);
          if (pred < 0 || scores[a] > scores[pred]) pred = a;
        }
        int best = -1;
        for (int a = 0; a < static_cast<int>(classes_); ++a)
          if (costs[a] == min_cost && (best < 0 || scores[a] > scores[best])) best = a;
        if (costs[pred] != min_cost) {
          ++st.errors;
          update(buckets, best, pred);
        }
        int next = best;
        if (explore > 0 && static_cast<double>(splitmix(rng) >> 11) * 0x1.0p-53 < explore) next = pred;
        s.apply(next, relations_);
      }
    }
    return st;
  }

  // Averaged weights (Daume's trick: w - u/c).
  std::vector<float> averaged() const {
    std::vector<float> a(w_.size());
    const double c = static_cast<double>(c_);
    for (std::size_t i = 0; i < w_.size(); ++i) a[i] = static_cast<float>(w_[i] - u_[i] / c);
    return a;
  }

  // Parses with `weights` (float, dense), for evaluation during training.
  void parse(const std::vector<float>& weights, const std::vector<pm::WordInfo>& words, std::vector<int>& heads,
             std::vector<int>& rels) const {
    const int n = static_cast<int>(words.size()) - 1;
    pm::State s(n);
    std::vector<float> scores(classes_);
    std::uint64_t feats[pm::kNumFeatures];
    std::uint32_t buckets[pm::kNumFeatures];
    while (!s.terminal()) {
      pm::features(s, words.data(), feats);
      for (std::size_t j = 0; j < enabled_.size(); ++j) buckets[j] = pm::bucket_of(feats[enabled_[j]], bits_);
      score(weights.data(), buckets, scores.data());
      int best = -1;
      for (int a = 0; a < static_cast<int>(classes_); ++a)
        if (s.legal(a, relations_) && (best < 0 || scores[a] > scores[best])) best = a;
      s.apply(best, relations_);
    }
    s.finish(0);
    heads.resize(n);
    rels.resize(n);
    for (int i = 1; i <= n; ++i) {
      heads[i - 1] = s.head(i);
      rels[i - 1] = s.rel(i);
    }
  }

  std::size_t bits() const { return bits_; }
  std::size_t classes() const { return classes_; }
  const std::vector<int>& enabled() const { return enabled_; }

 private:
  void score(const float* weights, const std::uint32_t* buckets, float* scores) const {
    std::fill(scores, scores + classes_, 0.0f);
    for (std::size_t k = 0; k < enabled_.size(); ++k) {
      const float* row = weights + std::size_t{buckets[k]} * classes_;
      for (std::size_t c = 0; c < classes_; ++c) scores[c] += row[c];
    }
  }
  void update(const std::uint32_t* buckets, int gold, int pred) {
    const double t = static_cast<double>(c_);
    for (std::size_t k = 0; k < enabled_.size(); ++k) {
      const std::size_t base = std::size_t{buckets[k]} * classes_;
      w_[base + gold] += 1.0f;
      u_[base + gold] += t;
      w_[base + pred] -= 1.0f;
      u_[base + pred] -= t;
    }
  }

  std::size_t bits_;
  int relations_;
  std::size_t classes_;
  std::vector<int> enabled_;   // feature templates in use
  std::vector<float> w_;
  std::vector<double> u_;  // sum of c * update, for averaging
  std::uint64_t c_ = 0;
};

// ---- data preparation --------------------------------------------------------------

// Tags of every training sentence from a tagger that never saw it: fold k (a
// contiguous run of sentences, so that a document's sentences stay together
// and the tags are as good as on unseen text) is tagged by a tagger trained
// on the other folds.
std::vector<std::vector<std::uint16_t>> jackknife_tags(std::vector<Sent>& train, int folds, int epochs,
                                                       std::size_t bits, std::size_t dict_min, double dict_ratio,
                                                       std::uint64_t seed) {
  hash_sentences(train);
  std::vector<std::vector<std::uint16_t>> tags(train.size());
  for (int f = 0; f < folds; ++f) {
    std::vector<Sent> rest;
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < train.size(); ++i) {
      if (static_cast<int>(i * static_cast<std::size_t>(folds) / train.size()) == f) mine.push_back(i);
      else rest.push_back(train[i]);
    }
    Trainer t(bits, build_dictionary(rest, dict_min, dict_ratio));
    std::vector<std::size_t> order(rest.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t rng = seed + static_cast<std::uint64_t>(f);
    for (int e = 0; e < epochs; ++e) {
      shuffle(order, rng);
      t.epoch(rest, order);
    }
    const std::vector<float> avg = t.averaged();
    std::size_t right = 0, total = 0;
    for (std::size_t i : mine) {
      t.tag(avg, train[i], tags[i]);
      for (std::size_t k = 0; k < tags[i].size(); ++k) right += tags[i][k] == train[i].tags[k];
      total += tags[i].size();
    }
    std::printf("jackknife fold %d/%d: %zu sentences tagged, accuracy %.4f\n", f + 1, folds, mine.size(),
                total ? static_cast<double>(right) / static_cast<double>(total) : 0.0);
    std::fflush(stdout);
  }
  return tags;
}

// Cache of the jackknifed tags (they take minutes): one line per sentence,
// the tag ids separated by spaces; the first line is a key of the data.
std::uint64_t data_key(const std::vector<Sent>& train, int folds, int epochs) {
  std::uint64_t h = 1469598103934665603ULL ^ static_cast<std::uint64_t>(folds * 1000 + epochs) ^ 0x2000;  // contiguous folds
  for (const Sent& s : train)
    for (std::size_t i = 0; i < s.forms.size(); ++i) {
      for (char c : s.forms[i]) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      h = (h ^ s.tags[i]) * 1099511628211ULL;
    }
  return h;
}

bool load_tag_cache(const std::string& path, std::uint64_t key, std::size_t n,
                    std::vector<std::vector<std::uint16_t>>& tags) {
  std::ifstream in(path);
  if (!in) return false;
  std::uint64_t k = 0;
  in >> k;
  if (k != key) return false;
  tags.assign(n, {});
  std::string line;
  std::getline(in, line);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::getline(in, line)) return false;
    const char* p = line.c_str();
    char* e = nullptr;
    for (long v = std::strtol(p, &e, 10); e != p; v = std::strtol(p, &e, 10)) {
      tags[i].push_back(static_cast<std::uint16_t>(v));
      p = e;
    }
  }
  return true;
}

void save_tag_cache(const std::string& path, std::uint64_t key, const std::vector<std::vector<std::uint16_t>>& tags) {
  std::ofstream out(path, std::ios::trunc);
  out << key << "\n";
  for (const auto& t : tags) {
    for (std::size_t i = 0; i < t.size(); ++i) out << (i ? " " : "") << t[i];
    out << "\n";
  }
}

std::vector<pm::WordInfo> word_infos(const Sent& s, const std::vector<std::uint16_t>& tags) {
  std::vector<pm::WordInfo> w;
  w.reserve(s.forms.size() + 1);
  w.push_back(pm::root_info());
  for (std::size_t i = 0; i < s.forms.size(); ++i) w.push_back(pm::word_info(s.forms[i], tags[i]));
  return w;
}

// ---- writing ---------------------------------------------------------------------------

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Quantises the averaged weights to int16, keeps the `max_weights` largest by
// magnitude (at most 255 per bucket), and writes the file (layout:
// data/parser/README.md).
bool write_model(const std::string& path, const ParserTrainer& t, const Relations& rels,
                 const std::vector<float>& avg, std::size_t max_weights, std::size_t& kept) {
  float max_abs = 0;
  for (float v : avg) max_abs = std::max(max_abs, std::fabs(v));
  const double scale = max_abs > 0 ? 32767.0 / max_abs : 1.0;
  std::vector<float> mags;
  for (float v : avg)
    if (std::lround(v * scale) != 0) mags.push_back(std::fabs(v));
  float threshold = 0;
  if (mags.size() > max_weights) {
    std::nth_element(mags.begin(), mags.begin() + static_cast<std::ptrdiff_t>(max_weights), mags.end(),
                     std::greater<float>());
    threshold = mags[max_weights];
  }
  const std::size_t buckets = std::size_t{1} << t.bits();
  const std::size_t classes = t.classes();
  std::string counts(buckets, '\0');
  std::string entries;
  kept = 0;
  std::vector<std::pair<float, std::size_t>> row;
  for (std::size_t b = 0; b < buckets; ++b) {
    row.clear();
    for (std::size_t c = 0; c < classes; ++c) {
      const float v = avg[b * classes + c];
      if (std::lround(v * scale) == 0 || std::fabs(v) <= threshold) continue;
      row.push_back({std::fabs(v), c});
    }
    if (row.size() > 255) {
      std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      });
      row.resize(255);
      std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    }
    for (const auto& [mag, c] : row) {
      const long q = std::lround(avg[b * classes + c] * scale);
      entries += static_cast<char>(c);
      const auto u = static_cast<std::uint16_t>(static_cast<std::int16_t>(std::clamp(q, -32767L, 32767L)));
      entries += static_cast<char>(u & 0xFF);
      entries += static_cast<char>(u >> 8);
    }
    counts[b] = static_cast<char>(row.size());
    kept += row.size();
  }
  std::string out("GKPARSER", 8);
  put_u32(out, 2);  // format version
  put_u32(out, pm::kParserFeatureVersion);
  put_u32(out, static_cast<std::uint32_t>(t.bits()));
  put_u32(out, static_cast<std::uint32_t>(rels.size()));
  put_u32(out, static_cast<std::uint32_t>(kept));
  std::uint64_t mask[2] = {0, 0};
  for (int k : t.enabled()) mask[k / 64] |= std::uint64_t{1} << (k % 64);
  for (std::uint64_t m : mask) {
    put_u32(out, static_cast<std::uint32_t>(m));
    put_u32(out, static_cast<std::uint32_t>(m >> 32));
  }
  for (std::uint8_t r : rels.rels) {
    const std::string_view name = geokg::deprel_name(r);
    out += static_cast<char>(name.size());
    out += name;
  }
  out += counts;
  out += entries;
  const auto crc = static_cast<std::uint32_t>(
      crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())));
  put_u32(out, crc);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  return static_cast<bool>(f);
}

// ---- evaluation ------------------------------------------------------------------------

struct Score {
  std::size_t words = 0, uas = 0, las = 0, las_base = 0;
  std::size_t words_np = 0, uas_np = 0, las_np = 0;  // without punctuation
  void add(const Sent& s, const std::vector<int>& heads, const std::vector<std::uint8_t>& rels) {
    for (std::size_t i = 0; i < s.forms.size(); ++i) {
      const bool h = heads[i] == s.heads[i];
      const bool l = h && rels[i] == s.rels[i];
      const bool lb = h && geokg::deprel_base(rels[i]) == geokg::deprel_base(s.rels[i]);
      ++words;
      uas += h;
      las += l;
      las_base += lb;
      if (s.rels[i] != geokg::kDepPunct) {
        ++words_np;
        uas_np += h;
        las_np += l;
      }
    }
  }
  static double pct(std::size_t a, std::size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0; }
  void print(const char* name) const {
    std::printf("%s: %zu words  UAS %.2f  LAS %.2f  LAS(universal relations, CoNLL 2018) %.2f  |  without punctuation: UAS %.2f LAS %.2f\n",
                name, words, pct(uas, words), pct(las, words), pct(las_base, words), pct(uas_np, words_np),
                pct(las_np, words_np));
  }
};

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Parses `sents` with the shipped parser and tagger; prints the scores and speed.
void evaluate(const char* name, const DependencyParser& parser, const PosTagger& tagger, const std::vector<Sent>& sents) {
  Score sc;
  geokg::ParsedWords out;
  std::vector<std::string_view> words;
  std::vector<std::uint16_t> tags;
  std::size_t tag_right = 0;
  double parse_secs = 0;
  for (const Sent& s : sents) {
    words.assign(s.forms.begin(), s.forms.end());
    tags.assign(words.size(), 0);
    tagger.tag_words(words, tags);
    for (std::size_t i = 0; i < tags.size(); ++i) tag_right += tags[i] == s.tags[i];
    const double t0 = cpu_now();
    parser.parse_words(words, tags, out);
    parse_secs += cpu_now() - t0;
    sc.add(s, out.heads, out.rels);
  }
  std::printf("%s tagging accuracy %.2f%%\n", name, Score::pct(tag_right, sc.words));
  sc.print(name);
  std::printf("%s parsing speed (DependencyParser::parse_words, one thread): %.0f words/s\n", name,
              static_cast<double>(sc.words) / parse_secs);
}

void usage() {
  std::fprintf(stderr,
               "usage: train_parser --ewt DIR --gum FILE --tagger FILE --out FILE [--epochs N] [--bits B]\n"
               "                    [--seed S] [--explore P] [--max-weights N] [--folds K] [--no-gum]\n"
               "                    [--tag-cache FILE] [--gold-tags] [--drop-features K,K,...]\n");
}

// ---- the command line ------------------------------------------------------------------

struct Options {
  std::string ewt, gum, out, tagger_path, tag_cache;
  int epochs = 15, folds = 10;
  std::size_t bits = 21, max_weights = 3'000'000;
  double explore = 0.9;
  bool use_gum = true, gold_tags = false;
  std::vector<int> dropped;   // feature templates left out (--drop-features 7,10,...)
  std::uint64_t seed = 20261203;
};

// Appends the numbers of a comma-separated list ("7,10,...") to `out`.
void append_int_list(const std::string& list, std::vector<int>& out) {
  for (std::size_t at = 0; at < list.size();) {
    const std::size_t comma = list.find(',', at);
    out.push_back(std::stoi(list.substr(at, comma == std::string::npos ? std::string::npos : comma - at)));
    at = comma == std::string::npos ? list.size() : comma + 1;
  }
}

// Fills `opt` from the command line. Returns the exit status when the run
// stops here (--help: 0, a bad or missing option: 1), nothing otherwise.
std::optional<int> parse_options(int argc, char** argv, Options& opt) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
        std::exit(1);
      }
      return argv[++i];
    };
    if (a == "--ewt") opt.ewt = next();
    else if (a == "--gum") opt.gum = next();
    else if (a == "--out") opt.out = next();
    else if (a == "--tagger") opt.tagger_path = next();
    else if (a == "--tag-cache") opt.tag_cache = next();
    else if (a == "--epochs") opt.epochs = std::stoi(next());
    else if (a == "--folds") opt.folds = std::stoi(next());
    else if (a == "--bits") opt.bits = std::stoul(next());
    else if (a == "--seed") opt.seed = std::stoull(next());
    else if (a == "--explore") opt.explore = std::stod(next());
    else if (a == "--max-weights") opt.max_weights = std::stoul(next());
    else if (a == "--no-gum") opt.use_gum = false;
    else if (a == "--drop-features") append_int_list(next(), opt.dropped);
    else if (a == "--gold-tags") opt.gold_tags = true;
    else {
      usage();
      return a == "--help" || a == "-h" ? 0 : 1;
    }
  }
  const bool complete = !opt.ewt.empty() && !opt.out.empty() && !opt.tagger_path.empty() &&
                        (!opt.use_gum || !opt.gum.empty()) && opt.bits >= 8 && opt.bits <= 26;
  if (complete) return std::nullopt;
  usage();
  return 1;
}

// ---- the phases of a run ----------------------------------------------------------------

struct Treebanks {
  std::vector<Sent> train, dev, test, gum_held;
};

// EWT train/dev/test, plus GUM (its held-out news documents apart) unless --no-gum.
bool read_treebanks(const Options& opt, Treebanks& tb) {
  const std::set<std::string> none;
  if (!read_conllu(opt.ewt + "/en_ewt-ud-train.conllu.gz", &tb.train, nullptr, none, "train_parser") ||
      !read_conllu(opt.ewt + "/en_ewt-ud-dev.conllu.gz", &tb.dev, nullptr, none, "train_parser") ||
      !read_conllu(opt.ewt + "/en_ewt-ud-test.conllu.gz", &tb.test, nullptr, none, "train_parser") ||
      (opt.use_gum && !read_conllu(opt.gum, &tb.train, &tb.gum_held, kHeldOutGum, "train_parser")))
    return false;
  std::printf("training: %zu sentences, %zu words (EWT train%s)\n", tb.train.size(), token_count(tb.train),
              opt.use_gum ? " + GUM without its held-out news documents" : "");
  return true;
}

// Tags the parser trains on: the gold ones with --gold-tags, else jackknifed
// (read from --tag-cache when it holds tags of the same data).
std::vector<std::vector<std::uint16_t>> training_tags(const Options& opt, std::vector<Sent>& train) {
  std::vector<std::vector<std::uint16_t>> tags;
  if (opt.gold_tags) {
    for (const Sent& s : train) tags.push_back(s.tags);
    return tags;
  }
  const std::uint64_t key = data_key(train, opt.folds, 10);
  if (opt.tag_cache.empty() || !load_tag_cache(opt.tag_cache, key, train.size(), tags)) {
    tags = jackknife_tags(train, opt.folds, 10, 20, 50, 0.995, opt.seed);
    if (!opt.tag_cache.empty()) save_tag_cache(opt.tag_cache, key, tags);
  } else {
    std::printf("jackknifed tags read from %s\n", opt.tag_cache.c_str());
  }
  return tags;
}

// The gold tree of `s` from its projectivised `heads`; false unless it has
// exactly one root (the system builds one; such trees are not in EWT/GUM).
bool gold_tree(const Sent& s, const std::vector<int>& heads, const Relations& rels, Gold& g) {
  g.head.assign(s.forms.size() + 1, -1);
  g.rel.assign(s.forms.size() + 1, -1);
  int roots = 0;
  for (std::size_t k = 0; k < s.forms.size(); ++k) {
    g.head[k + 1] = heads[k];
    g.rel[k + 1] = rels.index_of[s.rels[k]];
    if (heads[k] == 0) {
      g.root = static_cast<int>(k + 1);
      ++roots;
    }
  }
  return roots == 1;
}

// The training sentences as the trainer reads them: words with their tags and
// the gold trees, projectivised.
struct TrainingSet {
  std::vector<std::vector<pm::WordInfo>> words;
  std::vector<Gold> golds;
};

TrainingSet training_set(const std::vector<Sent>& train, const std::vector<std::vector<std::uint16_t>>& tags,
                         const Relations& rels) {
  TrainingSet set;
  std::size_t lifted = 0, nonproj_sents = 0, skipped = 0;
  for (std::size_t i = 0; i < train.size(); ++i) {
    const Sent& s = train[i];
    if (s.heads.size() != s.forms.size()) {  // a word outside the Penn tags: no tree
      ++skipped;
      continue;
    }
    std::vector<int> heads = s.heads;
    const int l = projectivise(heads);
    lifted += static_cast<std::size_t>(l);
    nonproj_sents += l > 0;
    Gold g;
    if (!gold_tree(s, heads, rels, g)) {
      ++skipped;
      continue;
    }
    set.words.push_back(word_infos(s, tags[i]));
    set.golds.push_back(std::move(g));
  }
  std::printf("relations: %d; non-projective sentences %zu (%zu arcs lifted); skipped %zu\n", rels.size(),
              nonproj_sents, lifted, skipped);
  return set;
}

// Words of `sents` with the shipped tagger's tags, as the parser sees them at run time.
std::vector<std::vector<pm::WordInfo>> tagged_words(const std::vector<Sent>& sents, const PosTagger& tagger) {
  std::vector<std::vector<pm::WordInfo>> out;
  for (const Sent& s : sents) {
    std::vector<std::string_view> w(s.forms.begin(), s.forms.end());
    std::vector<std::uint16_t> t(w.size());
    tagger.tag_words(w, t);
    out.push_back(word_infos(s, t));
  }
  return out;
}

// The feature templates in use: all but those of --drop-features.
std::vector<int> enabled_features(const std::vector<int>& dropped) {
  std::vector<int> enabled;
  for (int k = 0; k < pm::kNumFeatures; ++k)
    if (std::find(dropped.begin(), dropped.end(), k) == dropped.end()) enabled.push_back(k);
  std::printf("features: %zu of %d templates\n", enabled.size(), pm::kNumFeatures);
  return enabled;
}

// Scores the weights `avg` on EWT dev (tags from the shipped tagger).
Score dev_score(const ParserTrainer& trainer, const std::vector<float>& avg, const std::vector<Sent>& dev,
                const std::vector<std::vector<pm::WordInfo>>& dev_words, const Relations& rels) {
  Score sc;
  std::vector<int> heads, rel_idx;
  std::vector<std::uint8_t> rel_ids;
  for (std::size_t i = 0; i < dev.size(); ++i) {
    trainer.parse(avg, dev_words[i], heads, rel_idx);
    rel_ids.resize(rel_idx.size());
    for (std::size_t k = 0; k < rel_idx.size(); ++k) rel_ids[k] = rel_idx[k] >= 0 ? rels.rels[rel_idx[k]] : std::uint8_t{geokg::kDepDep};
    sc.add(dev[i], heads, rel_ids);
  }
  return sc;
}

// The training epochs, each in a fresh shuffled order; exploration from epoch
// 2 on, once the weights are worth following. Prints the errors and dev scores.
void train_epochs(ParserTrainer& trainer, const TrainingSet& set, const Options& opt, const std::vector<Sent>& dev,
                  const std::vector<std::vector<pm::WordInfo>>& dev_words, const Relations& rels) {
  std::vector<std::size_t> order(set.words.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::uint64_t rng = opt.seed;
  for (int e = 1; e <= opt.epochs; ++e) {
    shuffle(order, rng);
    const auto st = trainer.epoch(set.words, set.golds, order, e >= 2 ? opt.explore : 0.0, rng);
    const Score sc = dev_score(trainer, trainer.averaged(), dev, dev_words, rels);
    std::printf("epoch %2d: training errors %.4f of %zu states; EWT dev UAS %.2f LAS %.2f\n", e,
                static_cast<double>(st.errors) / static_cast<double>(st.states), st.states,
                Score::pct(sc.uas, sc.words), Score::pct(sc.las, sc.words));
    std::fflush(stdout);
  }
}

// Writes the weights file, then loads it back and evaluates it: the figures
// printed are those of the file as shipped. Returns the exit status.
int write_and_evaluate(const Options& opt, const ParserTrainer& trainer, const Relations& rels, const Treebanks& tb,
                       const PosTagger& tagger) {
  std::size_t kept = 0;
  if (!write_model(opt.out, trainer, rels, trainer.averaged(), opt.max_weights, kept)) {
    std::fprintf(stderr, "train_parser: cannot write %s\n", opt.out.c_str());
    return 1;
  }
  auto parser = geokg::load_parser(opt.out);
  if (!parser.ok()) {
    std::fprintf(stderr, "train_parser: %s\n", parser.status().to_string().c_str());
    return 1;
  }
  std::ifstream f(opt.out, std::ios::binary | std::ios::ate);
  std::printf("wrote %s: %lld bytes, 2^%zu buckets, %zu int16 weights\n", opt.out.c_str(),
              static_cast<long long>(f.tellg()), opt.bits, kept);
  evaluate("EWT dev", *parser, tagger, tb.dev);
  evaluate("EWT test", *parser, tagger, tb.test);
  if (!tb.gum_held.empty()) evaluate("GUM held-out news", *parser, tagger, tb.gum_held);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (const std::optional<int> stop = parse_options(argc, argv, opt)) return *stop;
  auto tagger = geokg::load_tagger(opt.tagger_path);
  if (!tagger.ok()) {
    std::fprintf(stderr, "train_parser: %s\n", tagger.status().to_string().c_str());
    return 1;
  }
  Treebanks tb;
  if (!read_treebanks(opt, tb)) return 1;
  const std::vector<std::vector<std::uint16_t>> tags = training_tags(opt, tb.train);
  const Relations rels = relations_of(tb.train);
  const TrainingSet set = training_set(tb.train, tags, rels);
  const std::vector<std::vector<pm::WordInfo>> dev_words = tagged_words(tb.dev, *tagger);
  ParserTrainer trainer(opt.bits, rels.size(), enabled_features(opt.dropped));
  train_epochs(trainer, set, opt, tb.dev, dev_words, rels);
  return write_and_evaluate(opt, trainer, rels, tb, *tagger);
}
