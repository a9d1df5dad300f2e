// Trains geokg's part-of-speech tagger (Penn Treebank tags) from CoNLL-U
// treebanks and writes the weights file load_tagger reads (PosTagger::from_bytes).
//
//   train_tagger --ewt DIR --gum FILE --out data/tagger/ptb-perceptron.bin
//
// Training data: UD English EWT train + GUM minus its held-out documents
// (the GUM Wikinews articles that are also in the evaluation corpus).
// Model: averaged perceptron, greedy left to right, features hashed into
// 2^bits buckets (geokg/extract/tagger.hpp tagger_features), a tag dictionary
// for frequent unambiguous words. Everything is deterministic: sentences are
// shuffled with a fixed-seed splitmix64 Fisher-Yates, so the same inputs give
// the same file byte for byte.
//
// After writing, the file is loaded back with load_tagger and evaluated on
// EWT dev, EWT test and the held-out GUM documents: the figures printed are
// those of the shipped weights.

#include <zlib.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geokg/ingest/model_files.hpp"
#include "geokg/extract/tagger.hpp"
#include "tagger_training.hpp"

namespace {

using geokg::PosTagger;
using namespace geokg::training;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_u64(std::string& out, std::uint64_t v) {
  put_u32(out, static_cast<std::uint32_t>(v));
  put_u32(out, static_cast<std::uint32_t>(v >> 32));
}

// Quantises the averaged weights to int16, keeps the `max_weights` largest
// (by magnitude), and writes the file (layout: data/tagger/README.md).
bool write_model(const std::string& path, const Trainer& t, const std::vector<float>& avg, std::size_t max_weights,
                 std::size_t& kept, double& threshold) {
  float max_abs = 0;
  for (float v : avg) max_abs = std::max(max_abs, std::fabs(v));
  const double scale = max_abs > 0 ? 32767.0 / max_abs : 1.0;
  // Magnitude threshold that keeps at most max_weights non-zero quantised weights.
  std::vector<float> mags;
  mags.reserve(avg.size() / 4);
  for (float v : avg)
    if (std::lround(v * scale) != 0) mags.push_back(std::fabs(v));
  threshold = 0;
  if (mags.size() > max_weights) {
    std::nth_element(mags.begin(), mags.begin() + static_cast<std::ptrdiff_t>(max_weights), mags.end(),
                     std::greater<float>());
    threshold = mags[max_weights];
  }
  const std::size_t buckets = std::size_t{1} << t.bits();
  std::string counts(buckets, '\0');
  std::string entries;
  kept = 0;
  for (std::size_t b = 0; b < buckets; ++b) {
    unsigned n = 0;
    for (std::size_t c = 0; c < kTagClasses; ++c) {
      const float v = avg[b * kTagClasses + c];
      const long q = std::lround(v * scale);
      if (q == 0 || std::fabs(v) <= threshold) continue;
      entries += static_cast<char>(c);
      const auto u = static_cast<std::uint16_t>(static_cast<std::int16_t>(std::clamp(q, -32767L, 32767L)));
      entries += static_cast<char>(u & 0xFF);
      entries += static_cast<char>(u >> 8);
      ++n;
    }
    counts[b] = static_cast<char>(n);
    kept += n;
  }
  // The dictionary sorted by key, so that the file does not depend on hash-map order.
  std::vector<std::pair<std::uint64_t, std::uint16_t>> dict(t.dict().begin(), t.dict().end());
  std::sort(dict.begin(), dict.end());

  std::string out("GKTAGGER", 8);
  put_u32(out, 1);  // format version
  put_u32(out, tf::kTaggerFeatureVersion);
  put_u32(out, static_cast<std::uint32_t>(t.bits()));
  put_u32(out, static_cast<std::uint32_t>(kTagClasses));
  put_u32(out, static_cast<std::uint32_t>(dict.size()));
  put_u32(out, static_cast<std::uint32_t>(kept));
  for (std::size_t c = 0; c < kTagClasses; ++c) {
    const std::string_view name = geokg::penn_tag_name(static_cast<std::uint16_t>(c + 1));
    out += static_cast<char>(name.size());
    out += name;
  }
  for (const auto& [key, tag] : dict) {
    put_u64(out, key);
    out += static_cast<char>(tag - 1);
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

struct Eval {
  double accuracy = 0;
  double tokens_per_s = 0;
  std::size_t tokens = 0;
};

Eval evaluate(const PosTagger& tagger, const std::vector<Sent>& sents) {
  std::vector<std::vector<std::string_view>> words(sents.size());
  for (std::size_t i = 0; i < sents.size(); ++i)
    for (const auto& f : sents[i].forms) words[i].push_back(f);
  std::vector<std::uint16_t> tags;
  std::size_t right = 0, total = 0;
  // Timed in thread CPU time over a few rounds, so that neither noise nor
  // other processes on a shared machine skew the figure.
  const auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  const double t0 = cpu_now();
  int rounds = 0;
  do {
    right = total = 0;
    for (std::size_t i = 0; i < sents.size(); ++i) {
      tags.assign(words[i].size(), 0);
      tagger.tag_words(words[i], tags);
      for (std::size_t k = 0; k < tags.size(); ++k) right += tags[k] == sents[i].tags[k];
      total += tags.size();
    }
    ++rounds;
  } while (cpu_now() - t0 < 0.5);
  const double secs = cpu_now() - t0;
  Eval e;
  e.tokens = total;
  e.accuracy = total ? static_cast<double>(right) / static_cast<double>(total) : 0;
  e.tokens_per_s = static_cast<double>(total) * rounds / secs;
  return e;
}

// The most frequent (gold -> predicted) errors, to see where the model fails.
void print_confusions(const PosTagger& tagger, const std::vector<Sent>& sents, std::size_t top) {
  std::map<std::pair<std::uint16_t, std::uint16_t>, std::size_t> errors;
  std::vector<std::string_view> words;
  std::vector<std::uint16_t> tags;
  for (const Sent& s : sents) {
    words.assign(s.forms.begin(), s.forms.end());
    tags.assign(words.size(), 0);
    tagger.tag_words(words, tags);
    for (std::size_t k = 0; k < tags.size(); ++k)
      if (tags[k] != s.tags[k]) ++errors[{s.tags[k], tags[k]}];
  }
  std::vector<std::pair<std::size_t, std::pair<std::uint16_t, std::uint16_t>>> sorted;
  for (const auto& [k, n] : errors) sorted.push_back({n, k});
  std::sort(sorted.rbegin(), sorted.rend());
  std::printf("most frequent errors (gold -> tagged) on EWT test:");
  for (std::size_t i = 0; i < std::min(top, sorted.size()); ++i)
    std::printf(" %s->%s %zu", geokg::penn_tag_name(sorted[i].second.first), geokg::penn_tag_name(sorted[i].second.second),
                sorted[i].first);
  std::printf("\n");
}

void usage() {
  std::fprintf(stderr,
               "usage: train_tagger --ewt DIR --gum FILE --out FILE [--epochs N] [--bits B] [--seed S]\n"
               "                    [--max-weights N] [--dict-min N] [--dict-ratio R]\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string ewt, gum, out;
  int epochs = 10;
  std::size_t bits = 20, max_weights = 2'000'000, dict_min = 20;
  double dict_ratio = 0.97;
  std::uint64_t seed = 20240426;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
        std::exit(1);
      }
      return argv[++i];
    };
    if (a == "--ewt") ewt = next();
    else if (a == "--gum") gum = next();
    else if (a == "--out") out = next();
    else if (a == "--epochs") epochs = std::stoi(next());
    else if (a == "--bits") bits = std::stoul(next());
    else if (a == "--seed") seed = std::stoull(next());
    else if (a == "--max-weights") max_weights = std::stoul(next());
    else if (a == "--dict-min") dict_min = std::stoul(next());
    else if (a == "--dict-ratio") dict_ratio = std::stod(next());
    else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else {
      usage();
      return 1;
    }
  }
  if (ewt.empty() || gum.empty() || out.empty() || bits < 8 || bits > 26) {
    usage();
    return 1;
  }

  std::vector<Sent> train, dev, test, gum_held;
  const std::set<std::string> none;
  if (!read_conllu(ewt + "/en_ewt-ud-train.conllu.gz", &train, nullptr, none) ||
      !read_conllu(ewt + "/en_ewt-ud-dev.conllu.gz", &dev, nullptr, none) ||
      !read_conllu(ewt + "/en_ewt-ud-test.conllu.gz", &test, nullptr, none) ||
      !read_conllu(gum, &train, &gum_held, kHeldOutGum, "train_tagger"))
    return 1;
  for (auto* v : {&train, &dev, &test, &gum_held}) hash_sentences(*v);
  std::printf("training: %zu sentences, %zu tokens (EWT train + GUM without its %zu held-out docs)\n", train.size(),
              token_count(train), kHeldOutGum.size());
  std::printf("held out: EWT dev %zu tokens, EWT test %zu tokens, GUM news %zu tokens\n", token_count(dev),
              token_count(test), token_count(gum_held));

  Trainer trainer(bits, build_dictionary(train, dict_min, dict_ratio));
  std::printf("tag dictionary: %zu words (count >= %zu, one tag >= %.3f)\n", trainer.dict().size(), dict_min,
              dict_ratio);
  std::vector<std::size_t> order(train.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::uint64_t rng = seed;
  const std::size_t n_train = token_count(train);
  for (int e = 1; e <= epochs; ++e) {
    shuffle(order, rng);
    const std::size_t errors = trainer.epoch(train, order);
    std::printf("epoch %2d: training accuracy %.4f\n", e, 1.0 - static_cast<double>(errors) / n_train);
    std::fflush(stdout);
  }
  const std::vector<float> avg = trainer.averaged();
  std::printf("averaged float weights: EWT dev %.4f\n", trainer.accuracy(avg, dev));

  std::size_t kept = 0;
  double threshold = 0;
  if (!write_model(out, trainer, avg, max_weights, kept, threshold)) {
    std::fprintf(stderr, "train_tagger: cannot write %s\n", out.c_str());
    return 1;
  }
  auto tagger = geokg::load_tagger(out);
  if (!tagger.ok()) {
    std::fprintf(stderr, "train_tagger: %s\n", tagger.status().to_string().c_str());
    return 1;
  }
  std::ifstream f(out, std::ios::binary | std::ios::ate);
  std::printf("wrote %s: %lld bytes, 2^%zu buckets, %zu int16 weights (|w| > %.4f kept), %zu dictionary words\n",
              out.c_str(), static_cast<long long>(f.tellg()), bits, kept, threshold, tagger->dictionary_size());
  const Eval d = evaluate(*tagger, dev), t = evaluate(*tagger, test), g = evaluate(*tagger, gum_held);
  std::printf("shipped weights accuracy: EWT dev %.4f (%zu tokens), EWT test %.4f (%zu tokens), GUM held-out news %.4f (%zu tokens)\n",
              d.accuracy, d.tokens, t.accuracy, t.tokens, g.accuracy, g.tokens);
  std::printf("speed (PosTagger::tag_words, one thread): %.2f M tokens/s\n", t.tokens_per_s / 1e6);
  print_confusions(*tagger, test, 15);
  return 0;
}
