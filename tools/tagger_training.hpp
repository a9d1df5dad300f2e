#pragma once
// Training the part-of-speech tagger (averaged perceptron over
// geokg/extract/tagger.hpp's tagger_features): used by train_tagger, and by
// train_parser to tag its training data by jackknifing. Offline only.

#include <array>
#include <unordered_map>
#include <vector>

#include "treebank.hpp"

namespace geokg::training {

namespace tf = geokg::tagger_features;
inline constexpr std::size_t kTagClasses = geokg::kTagCount - 1;  // class c is PennTag c + 1

inline void hash_sentences(std::vector<Sent>& sents) {
  for (Sent& s : sents) {
    s.hashes.clear();
    s.hashes.push_back(tf::pad_word(-2));
    s.hashes.push_back(tf::pad_word(-1));
    for (const std::string& w : s.forms) s.hashes.push_back(tf::hash_word(w));
    s.hashes.push_back(tf::pad_word(1));
    s.hashes.push_back(tf::pad_word(2));
  }
}

class Trainer {
 public:
  Trainer(std::size_t bits, std::unordered_map<std::uint64_t, std::uint16_t> dict)
      : bits_(bits), w_((std::size_t{1} << bits) * kTagClasses, 0.0f), u_(w_.size(), 0.0),
        dict_(std::move(dict)) {}

  // One pass over sents in the given order; returns the number of errors.
  std::size_t epoch(const std::vector<Sent>& sents, const std::vector<std::size_t>& order) {
    std::size_t errors = 0;
    std::uint32_t buckets[tf::kNumFeatures];
    for (std::size_t si : order) {
      const Sent& s = sents[si];
      std::uint16_t prev1 = tf::kStartTag1, prev2 = tf::kStartTag2;
      for (std::size_t i = 0; i < s.forms.size(); ++i) {
        ++c_;
        const tf::WordHashes* w = s.hashes.data() + i + 2;
        std::uint16_t guess;
        if (auto it = dict_.find(w->form); it != dict_.end()) {
          guess = it->second;
        } else {
          feature_buckets(w, prev1, prev2, buckets);
          guess = predict(w_.data(), buckets);
          const std::uint16_t gold = s.tags[i];
          if (guess != gold) {
            ++errors;
            for (std::uint32_t b : buckets) {
              const std::size_t g = std::size_t{b} * kTagClasses + (gold - 1);
              const std::size_t p = std::size_t{b} * kTagClasses + (guess - 1);
              w_[g] += 1.0f;
              u_[g] += static_cast<double>(c_);
              w_[p] -= 1.0f;
              u_[p] -= static_cast<double>(c_);
            }
          }
        }
        prev2 = prev1;
        prev1 = guess;
      }
    }
    return errors;
  }

  // Averaged weights (Daume's trick: w - u/c).
  std::vector<float> averaged() const {
    std::vector<float> a(w_.size());
    const double c = static_cast<double>(c_);
    for (std::size_t i = 0; i < w_.size(); ++i) a[i] = static_cast<float>(w_[i] - u_[i] / c);
    return a;
  }

  // Tags one sentence with `weights` (as averaged() returns them).
  void tag(const std::vector<float>& weights, const Sent& s, std::vector<std::uint16_t>& out) const {
    std::uint32_t buckets[tf::kNumFeatures];
    out.resize(s.forms.size());
    std::uint16_t prev1 = tf::kStartTag1, prev2 = tf::kStartTag2;
    for (std::size_t i = 0; i < s.forms.size(); ++i) {
      const tf::WordHashes* w = s.hashes.data() + i + 2;
      if (auto it = dict_.find(w->form); it != dict_.end()) {
        out[i] = it->second;
      } else {
        feature_buckets(w, prev1, prev2, buckets);
        out[i] = predict(weights.data(), buckets);
      }
      prev2 = prev1;
      prev1 = out[i];
    }
  }

  double accuracy(const std::vector<float>& weights, const std::vector<Sent>& sents) const {
    std::size_t right = 0, total = 0;
    std::uint32_t buckets[tf::kNumFeatures];
    for (const Sent& s : sents) {
      std::uint16_t prev1 = tf::kStartTag1, prev2 = tf::kStartTag2;
      for (std::size_t i = 0; i < s.forms.size(); ++i) {
        const tf::WordHashes* w = s.hashes.data() + i + 2;
        std::uint16_t guess;
        if (auto it = dict_.find(w->form); it != dict_.end()) {
          guess = it->second;
        } else {
          feature_buckets(w, prev1, prev2, buckets);
          guess = predict(weights.data(), buckets);
        }
        right += guess == s.tags[i];
        ++total;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    return total ? static_cast<double>(right) / static_cast<double>(total) : 0.0;
  }

  std::size_t bits() const { return bits_; }
  const std::unordered_map<std::uint64_t, std::uint16_t>& dict() const { return dict_; }

 private:
  void feature_buckets(const tf::WordHashes* w, std::uint16_t p1, std::uint16_t p2,
                       std::uint32_t out[tf::kNumFeatures]) const {
    std::uint64_t feats[tf::kNumFeatures];
    tf::features(w, p1, p2, feats);
    for (int k = 0; k < tf::kNumFeatures; ++k) out[k] = tf::bucket_of(feats[k], bits_);
  }
  static std::uint16_t predict(const float* weights, const std::uint32_t buckets[tf::kNumFeatures]) {
    float scores[kTagClasses] = {};
    for (int k = 0; k < tf::kNumFeatures; ++k) {
      const float* row = weights + std::size_t{buckets[k]} * kTagClasses;
      for (std::size_t c = 0; c < kTagClasses; ++c) scores[c] += row[c];
    }
    std::size_t best = 0;
    for (std::size_t c = 1; c < kTagClasses; ++c)
      if (scores[c] > scores[best]) best = c;
    return static_cast<std::uint16_t>(best + 1);
  }

  std::size_t bits_;
  std::vector<float> w_;
  std::vector<double> u_;
  std::uint64_t c_ = 0;
  std::unordered_map<std::uint64_t, std::uint16_t> dict_;
};

// Frequent words that (almost) always take one tag skip the model.
inline std::unordered_map<std::uint64_t, std::uint16_t> build_dictionary(const std::vector<Sent>& sents, std::size_t min_count,
                                                                   double min_ratio) {
  std::unordered_map<std::uint64_t, std::array<std::uint32_t, geokg::kTagCount>> counts;
  for (const Sent& s : sents)
    for (std::size_t i = 0; i < s.forms.size(); ++i) ++counts[s.hashes[i + 2].form][s.tags[i]];
  std::unordered_map<std::uint64_t, std::uint16_t> dict;
  for (const auto& [key, c] : counts) {
    std::uint32_t total = 0, best = 0;
    std::uint16_t tag = 0;
    for (std::uint16_t t = 0; t < geokg::kTagCount; ++t) {
      total += c[t];
      if (c[t] > best) best = c[t], tag = t;
    }
    if (total >= min_count && static_cast<double>(best) / total >= min_ratio) dict.emplace(key, tag);
  }
  return dict;
}


}  // namespace geokg::training
