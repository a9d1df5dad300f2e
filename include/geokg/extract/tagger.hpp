#pragma once
// Part-of-speech tagging with Penn Treebank tags: a greedy left-to-right
// averaged perceptron (Collins 2002) over hashed features, trained by
// tools/train_tagger.cpp from UD English EWT and GUM (scripts/train_tagger.sh;
// accuracies and the weights format in data/tagger/README.md).
//
// Penn tags rather than UD UPOS because the verb forms (VBD/VBN/VBG/VBZ/VBP,
// MD) are what passives, tense and modality hinge on.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/status.hpp"
#include "geokg/extract/document.hpp"

namespace geokg {

// Token::tag values. 0 means "no tagger ran". The numbering is part of the
// weights file contract (the file lists the tag names and Load checks them),
// so only append before kTagCount.
enum PennTag : std::uint16_t {
  kTagNone = 0,
  kTagCC, kTagCD, kTagDT, kTagEX, kTagFW, kTagIN, kTagJJ, kTagJJR, kTagJJS, kTagLS, kTagMD,
  kTagNN, kTagNNS, kTagNNP, kTagNNPS, kTagPDT, kTagPOS, kTagPRP, kTagPRPS /* PRP$ */, kTagRB,
  kTagRBR, kTagRBS, kTagRP, kTagSYM, kTagTO, kTagUH, kTagVB, kTagVBD, kTagVBG, kTagVBN, kTagVBP,
  kTagVBZ, kTagWDT, kTagWP, kTagWPS /* WP$ */, kTagWRB,
  kTagDollar /* $ */, kTagHash /* # */, kTagOpenQuote /* `` */, kTagCloseQuote /* '' */,
  kTagLRB /* -LRB- */, kTagRRB /* -RRB- */, kTagComma /* , */, kTagPeriod /* . */,
  kTagColon /* : */, kTagHYPH, kTagNFP, kTagADD, kTagGW, kTagAFX, kTagXX,
  kTagCount
};

// "NN", "PRP$", "-LRB-", ...; "" for kTagNone and out-of-range values.
const char* penn_tag_name(std::uint16_t tag);
// Inverse of penn_tag_name; kTagNone for an unknown name.
std::uint16_t penn_tag_from_name(std::string_view name);

inline bool is_verb_tag(std::uint16_t t) { return t >= kTagVB && t <= kTagVBZ; }
inline bool is_noun_tag(std::uint16_t t) { return t >= kTagNN && t <= kTagNNPS; }
inline bool is_proper_noun_tag(std::uint16_t t) { return t == kTagNNP || t == kTagNNPS; }
inline bool is_adjective_tag(std::uint16_t t) { return t >= kTagJJ && t <= kTagJJS; }
inline bool is_adverb_tag(std::uint16_t t) { return t >= kTagRB && t <= kTagRBS; }

// Our tokenizer keeps some words whole that Penn/UD split; the tagger and
// the parser see them split. Appends the pieces of `token` to `out` and
// returns the index (relative to the first appended piece) of the piece that
// stands for the token (its tag and its place in the tree):
//   contractions "don't" (do|n't), "can't" (ca|n't), "cannot" (can|not),
//   "I'm" (I|'m), "we're", "they've", "it'll", "he'd", "gonna" (gon|na):
//   the first part ("don't" VBP, "can't" MD, "I'm" PRP);
//   hyphenated words "U.S.-led" (U.S.|-|led), "Al-Zaman": the last part,
//   the head of an English compound ("U.S.-led" VBN, "long-term" NN).
std::size_t split_for_treebank(std::string_view token, std::vector<std::string_view>& out);

class PosTagger {
 public:
  // An empty tagger: tag() leaves every Token::tag at kTagNone.
  PosTagger() = default;

  // Builds a tagger from the bytes of a weights file written by train_tagger
  // (format in data/tagger/README.md; load_tagger in geokg/ingest/
  // model_files.hpp reads one). Errors name `origin`: Corruption when the
  // magic, sizes or checksum are wrong, Incompatible for another version or
  // tag set.
  static Result<PosTagger> from_bytes(std::span<const unsigned char> bytes, const std::string& origin);

  bool empty() const { return slots_.empty(); }

  // Takes the open word classes of word forms, lines "form<TAB>bits" (1 noun,
  // 2 verb, 4 adjective, 8 adverb, 16 irregular past; data/lemmas/
  // wordnet-pos.tsv.gz, written by scripts/gen_pos_lexicon.py from WordNet).
  // Afterwards an open-class tag a listed word cannot have is never chosen
  // ("their protest" is no JJS): the next best allowed tag is. Unlisted words
  // and closed classes are unconstrained. InvalidInput names `origin` and the line.
  Status set_word_classes(std::string_view lines, const std::string& origin);
  std::size_t word_class_count() const { return class_count_; }

  // Sets Token::tag of every token of doc, sentence by sentence. Tokens of no
  // sentence (a dateline) keep kTagNone. Thread-safe (const, no shared state);
  // no I/O. An empty tagger does nothing. Tokens are split as
  // split_for_treebank() says and take the tag of the piece it names.
  void tag(Document& doc) const;

  // Tags one sentence given as Penn/UD tokens (no splitting): tags[i] for
  // words[i]. REQUIRES: tags.size() == words.size(). Used by the trainer's
  // evaluation and by tests on treebank text.
  void tag_words(std::span<const std::string_view> words, std::span<std::uint16_t> tags) const;

  std::size_t bucket_bits() const { return bucket_bits_; }
  std::size_t weight_count() const { return weights_; }
  std::size_t dictionary_size() const { return dict_size_; }

 private:
  struct Entry {
    std::uint8_t cls;
    std::uint8_t pad;
    std::int16_t weight;
  };
  struct Scratch;
  // The scores of all tags (kScoreLanes) for the weights of n buckets.
  void score(const std::uint32_t* buckets, int n, std::int32_t* scores) const;
  void prefetch_weights(const std::uint32_t* buckets, int n) const;
  void tag_sequence(Scratch& s, std::size_t n) const;
  std::uint16_t dict_lookup(std::uint64_t form_hash) const;

  // Per bucket: its weights as a sparse run of entries_, or as a dense row
  // of dense_ (the bias, frequent words and suffixes: weights for most
  // tags), which adds with SIMD. Slot layout: bits 0-23 the offset (entries)
  // or row index (dense), bits 24-31 the entry count, kDenseSlot for a row.
  static constexpr std::uint32_t kDenseSlot = 0xFF;
  static constexpr std::size_t kScoreLanes = 56;  // the tags rounded up to 8 int32 lanes
  using SumRows = void (*)(const std::int32_t* const* rows, int n, std::int32_t* sums);
  std::size_t bucket_bits_ = 0;
  std::size_t weights_ = 0;
  std::vector<std::uint32_t> slots_;
  std::vector<Entry> entries_;
  std::vector<std::int32_t> dense_;        // rows of kScoreLanes
  SumRows sum_rows_ = nullptr;
  std::vector<std::uint64_t> dict_keys_;   // open addressing, 0 = empty slot
  std::vector<std::uint8_t> dict_tags_;
  std::size_t dict_size_ = 0;
  std::vector<std::uint64_t> class_keys_;  // open addressing by the form's norm hash, 0 = empty
  std::vector<std::uint8_t> class_bits_;
  std::size_t class_count_ = 0;
  std::uint8_t word_classes(std::uint64_t norm_hash) const;
};

// ---- Features (shared by PosTagger and tools/train_tagger.cpp) --------------------
// Both sides must compute exactly the same hashes; changing anything here
// changes the model: bump kTaggerFeatureVersion and retrain.
namespace tagger_features {

inline constexpr std::uint32_t kTaggerFeatureVersion = 1;
inline constexpr int kNumStaticFeatures = 20;   // of the words only
inline constexpr int kNumDynamicFeatures = 6;   // involving the previous predicted tags
inline constexpr int kNumFeatures = kNumStaticFeatures + kNumDynamicFeatures;
// Previous-tag values before the sentence start.
inline constexpr std::uint16_t kStartTag1 = 0xFFF1;
inline constexpr std::uint16_t kStartTag2 = 0xFFF2;

// Per-word hashes computed once per position.
struct WordHashes {
  std::uint64_t form = 0;    // the word as written (case kept): also the tag-dictionary key
  std::uint64_t norm = 0;    // lowercased; numbers folded to a class ("!YEAR", "!DIGITS")
  std::uint64_t suf1 = 0, suf2 = 0, suf3 = 0, suf4 = 0, pre1 = 0;  // of the lowercased word
  std::uint64_t shape = 0;   // character classes with runs collapsed: "Xx", "X.X.", "d,d"
};

WordHashes hash_word(std::string_view word);
// hash_word(word).norm alone (what the parser reads of a word).
std::uint64_t norm_hash(std::string_view word);
// Padding positions: -2, -1 before the sentence, +1, +2 after it.
WordHashes pad_word(int which);

// Features of the word at w[0] given w[-2..2] (callers pad the sentence with
// two pad_word()s on each side) and the two previous predicted tags.
void features(const WordHashes* w, std::uint16_t prev1, std::uint16_t prev2,
              std::uint64_t out[kNumFeatures]);
// The same two parts separately: features() = static_features() followed by
// dynamic_features(). The static ones of a whole sentence are known before
// tagging starts, which lets the tagger fetch their weights ahead.
void static_features(const WordHashes* w, std::uint64_t out[kNumStaticFeatures]);
void dynamic_features(const WordHashes* w, std::uint16_t prev1, std::uint16_t prev2,
                      std::uint64_t out[kNumDynamicFeatures]);

// The bucket of a feature hash in a table of 2^bits buckets.
inline std::uint32_t bucket_of(std::uint64_t h, std::size_t bits) {
  return static_cast<std::uint32_t>(h >> (64 - bits));
}

}  // namespace tagger_features

}  // namespace geokg
