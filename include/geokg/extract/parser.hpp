#pragma once
// Dependency parsing with Universal Dependencies relations: a greedy
// arc-eager transition parser (Nivre 2003) scored by an averaged perceptron
// over hashed features (Zhang & Nivre 2011 templates), trained with a
// dynamic oracle (Goldberg & Nivre 2012) by tools/train_parser.cpp from UD
// English EWT and GUM (scripts/train_parser.sh; figures and the weights
// format in data/parser/README.md).
//
// The parser reads words with Penn tags (PosTagger) and gives each word a
// head and a relation. The event coder reads these trees: subject, object,
// obliques with their preposition, passives, control, clausal complements.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/status.hpp"

namespace geokg {

// UD relations (v2, with the subtypes of English EWT and GUM). The numbering
// is ours; the weights file lists the names it was trained with and Load maps
// them, so only append before kDepCount.
enum DepRel : std::uint8_t {
  kDepNone = 0,
  kDepAcl, kDepAclRelcl, kDepAdvcl, kDepAdvclRelcl, kDepAdvmod, kDepAmod, kDepAppos, kDepAux,
  kDepAuxPass, kDepCase, kDepCc, kDepCcPreconj, kDepCcomp, kDepCompound, kDepCompoundPrt,
  kDepConj, kDepCop, kDepCsubj, kDepCsubjOuter, kDepCsubjPass, kDepDep, kDepDet, kDepDetPredet,
  kDepDiscourse, kDepDislocated, kDepExpl, kDepFixed, kDepFlat, kDepGoeswith, kDepIobj, kDepList,
  kDepMark, kDepNmod, kDepNmodDesc, kDepNmodPoss, kDepNmodUnmarked, kDepNsubj, kDepNsubjOuter,
  kDepNsubjPass, kDepNummod, kDepObj, kDepObl, kDepOblAgent, kDepOblUnmarked, kDepOrphan,
  kDepParataxis, kDepPunct, kDepReparandum, kDepRoot, kDepVocative, kDepXcomp,
  kDepCount
};

// "nsubj:pass", ...; "" for kDepNone and out-of-range values.
const char* deprel_name(std::uint8_t rel);
// Inverse of deprel_name; kDepNone for an unknown name.
std::uint8_t deprel_from_name(std::string_view name);
// The universal part: kDepNsubjPass -> kDepNsubj, kDepAclRelcl -> kDepAcl.
std::uint8_t deprel_base(std::uint8_t rel);

// A parsed sentence of n words: heads[i] is the 1-based index of word i's
// head (0 = the root), rels[i] its relation. Vectors are indexed 0..n-1.
struct ParsedWords {
  std::vector<int> heads;
  std::vector<std::uint8_t> rels;
};

class DependencyParser {
 public:
  // An empty parser: parse_words() attaches every word to the root as kDepDep.
  DependencyParser() = default;

  // Builds a parser from the bytes of a weights file written by train_parser
  // (format in data/parser/README.md; load_parser in geokg/ingest/
  // model_files.hpp reads one). Errors name `origin`: Corruption when the
  // magic, sizes or checksum are wrong, Incompatible for another version or
  // feature set.
  static Result<DependencyParser> from_bytes(std::span<const unsigned char> bytes, const std::string& origin);

  bool empty() const { return slots_.empty(); }

  // Parses one sentence. REQUIRES: tags.size() == words.size(); tags are
  // PennTag ids (a tagger ran). Thread-safe (const); no I/O; time linear in
  // the number of words (at most 2n transitions).
  void parse_words(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                   ParsedWords& out) const;

  std::size_t bucket_bits() const { return bucket_bits_; }
  std::size_t weight_count() const { return weights_; }

 private:
  struct Entry {
    std::uint8_t cls;
    std::uint8_t pad;
    std::int16_t weight;
  };
  // Per bucket: its weights as a sparse run of entries_ (few classes), or as
  // a dense row of dense_ (bias, tag features: weights for most classes),
  // which adds with SIMD. Slot layout: bits 0-23 the offset (entries) or
  // row index (dense), bits 24-31 the entry count, kDenseSlot for a row.
  static constexpr std::uint32_t kDenseSlot = 0xFF;
  // Adds n dense rows to sums[0..row_stride_) (chosen at load for the row
  // width and the CPU; null: the plain loop).
  using SumRows = void (*)(const std::int16_t* const* rows, int n, std::int16_t* sums);
  // The scores of all classes for the features' hashes (row_stride_ lanes).
  void score(const std::uint64_t* feats, std::int16_t* scores) const;
  SumRows sum_rows_ = nullptr;
  std::size_t bucket_bits_ = 0;
  std::size_t classes_ = 0;
  std::size_t row_stride_ = 0;            // classes_ rounded up to 16
  std::size_t weights_ = 0;
  std::vector<std::uint8_t> class_rel_;   // relation of each LEFT/RIGHT class (model order -> DepRel)
  std::vector<std::uint8_t> enabled_;     // the feature templates the model uses
  std::vector<std::uint32_t> slots_;
  std::vector<Entry> entries_;
  std::vector<std::int16_t> dense_;
};

// ---- The transition system and features (shared with tools/train_parser.cpp) -----------
// Both sides must compute exactly the same features; changing anything here
// changes the model: bump kParserFeatureVersion and retrain.
namespace parser_model {

inline constexpr std::uint32_t kParserFeatureVersion = 1;
inline constexpr int kNumFeatures = 78;

// Actions: 0 SHIFT, 1 REDUCE, 2 + r LEFT-ARC(r), 2 + R + r RIGHT-ARC(r) for
// relation index r < R (R = the model's relation count; index 0 is "root").
inline constexpr int kShift = 0;
inline constexpr int kReduce = 1;

// One word as the features see it.
struct WordInfo {
  std::uint64_t form = 0;   // hash of the lowercased word (numbers folded), as tagger_features::norm
  std::uint16_t tag = 0;    // PennTag
};

// Configuration of the arc-eager system over words 1..n (0 is the root).
// ROOT sits at the bottom of the stack and takes exactly one dependent.
class State {
 public:
  explicit State(int n) { reset(n); }
  void reset(int n);

  int n() const { return n_; }
  int s0() const { return stack_.back(); }
  int s1() const { return stack_.size() >= 2 ? stack_[stack_.size() - 2] : -1; }
  int b0() const { return b_ <= n_ ? b_ : -1; }
  bool buffer_empty() const { return b_ > n_; }
  bool terminal() const { return buffer_empty() && stack_.size() == 1; }
  const std::vector<int>& stack() const { return stack_; }
  int buffer_front() const { return b_; }

  int head(int i) const { return head_[i]; }
  int rel(int i) const { return rel_[i]; }   // relation index, -1 when no head
  int leftmost(int i) const { return l1_[i]; }
  int leftmost2(int i) const { return l2_[i]; }
  int rightmost(int i) const { return r1_[i]; }
  int rightmost2(int i) const { return r2_[i]; }
  int left_count(int i) const { return nl_[i]; }
  int right_count(int i) const { return nr_[i]; }
  std::uint64_t left_labels(int i) const { return ll_[i]; }
  std::uint64_t right_labels(int i) const { return rl_[i]; }
  bool root_taken() const { return nr_[0] > 0; }

  // Legality; `relations` is R. Relation index 0 ("root") is only for arcs
  // from ROOT, and ROOT takes one dependent.
  bool legal(int action, int relations) const;
  void apply(int action, int relations);
  // Words without a head after the last transition are attached: the first to
  // ROOT when it has no dependent, the others to ROOT's dependent as `fallback`.
  void finish(int fallback_rel);

 private:
  void add_arc(int h, int d, int r);
  int n_ = 0;
  int b_ = 1;
  std::vector<int> stack_;
  std::vector<int> head_, rel_, l1_, l2_, r1_, r2_;
  std::vector<std::uint8_t> nl_, nr_;
  std::vector<std::uint64_t> ll_, rl_;
};

// Hashes of the features of state s over words w[0..n] (w[0] is ROOT).
void features(const State& s, const WordInfo* w, std::uint64_t out[kNumFeatures]);

// WordInfo of a word (form hash via the tagger's normalisation) and of ROOT.
WordInfo word_info(std::string_view word, std::uint16_t tag);
WordInfo root_info();

inline std::uint32_t bucket_of(std::uint64_t h, std::size_t bits) {
  return static_cast<std::uint32_t>(h >> (64 - bits));
}

}  // namespace parser_model

}  // namespace geokg
