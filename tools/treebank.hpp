#pragma once
// Reading UD treebanks (CoNLL-U, gzip) for the offline trainers
// (train_tagger, train_parser). Not part of the geokg binary.

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/core/ids.hpp"
#include "geokg/ingest/conllu.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/tagger.hpp"

namespace geokg::training {

struct Sent {
  std::vector<std::string> forms;
  std::vector<std::uint16_t> tags;       // PennTag ids (XPOS)
  std::vector<int> heads;                // 1-based, 0 = root
  std::vector<std::uint8_t> rels;        // DepRel ids
  std::vector<tagger_features::WordHashes> hashes;  // 2 pads, words, 2 pads (hash_sentences)
};

// The GUM documents kept out of training: their texts are in the evaluation corpus.
inline const std::set<std::string> kHeldOutGum = {
    "GUM_news_afghan",    "GUM_news_asylum",        "GUM_news_election", "GUM_news_flag",
    "GUM_news_korea",     "GUM_news_questionnaire", "GUM_news_sensitive", "GUM_news_taxes"};

// Forms get the normalisation prepare_document applies (normalise_treebank_form).
inline std::string normalise_form(std::string_view s) { return normalise_treebank_form(s); }

// Reads a .conllu.gz file; sentences of documents in `hold_out` go to
// *held_out (when given), the others to *main. Words with an XPOS outside the
// Penn set are skipped (none in EWT or GUM); such a sentence gets no tree
// (heads/rels left empty) so that the parser trainer can skip it.
inline bool read_conllu(const std::string& path, std::vector<Sent>* main, std::vector<Sent>* held_out,
                        const std::set<std::string>& hold_out, const char* who = "train") {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) {
    std::fprintf(stderr, "%s: cannot open %s\n", who, path.c_str());
    return false;
  }
  std::vector<char> line(1 << 16);
  Sent cur;
  bool in_held_out = false, tree_ok = true;
  std::size_t unknown = 0;
  auto flush = [&]() {
    if (!cur.forms.empty()) {
      if (!tree_ok) {
        cur.heads.clear();
        cur.rels.clear();
      }
      auto* dst = in_held_out && held_out ? held_out : main;
      if (dst) dst->push_back(std::move(cur));
    }
    cur = Sent();
    tree_ok = true;
  };
  while (gzgets(f, line.data(), static_cast<int>(line.size()))) {
    std::string_view l(line.data());
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
    if (l.empty()) {
      flush();
      continue;
    }
    if (l[0] == '#') {
      constexpr std::string_view kDoc = "# newdoc id = ";
      if (l.substr(0, kDoc.size()) == kDoc) {
        flush();
        in_held_out = hold_out.count(std::string(l.substr(kDoc.size()))) > 0;
      }
      continue;
    }
    std::string_view col[10];
    std::size_t n = 0, start = 0;
    for (std::size_t i = 0; i <= l.size() && n < 10; ++i) {
      if (i == l.size() || l[i] == '\t') {
        col[n++] = l.substr(start, i - start);
        start = i + 1;
      }
    }
    if (n < 5) continue;
    // Multiword ranges ("1-2 don't") and empty nodes ("8.1"): the words themselves follow.
    if (col[0].find('-') != std::string_view::npos || col[0].find('.') != std::string_view::npos) continue;
    const std::uint16_t tag = penn_tag_from_name(col[4]);
    if (tag == kTagNone) {
      ++unknown;
      tree_ok = false;
      continue;
    }
    cur.forms.push_back(normalise_form(col[1]));
    cur.tags.push_back(tag);
    if (n >= 8) {
      cur.heads.push_back(std::atoi(std::string(col[6]).c_str()));
      const std::uint8_t rel = deprel_from_name(col[7]);
      if (rel == kDepNone) tree_ok = false;
      cur.rels.push_back(rel);
    } else {
      tree_ok = false;
    }
  }
  flush();
  gzclose(f);
  if (unknown) std::fprintf(stderr, "%s: %s: %zu tokens with an unknown XPOS skipped\n", who, path.c_str(), unknown);
  return true;
}

inline std::size_t token_count(const std::vector<Sent>& sents) {
  std::size_t n = 0;
  for (const Sent& s : sents) n += s.forms.size();
  return n;
}

inline std::uint64_t splitmix(std::uint64_t& state) {
  return splitmix64_finish(state += 0x9E3779B97F4A7C15ULL);
}

// Fixed-seed Fisher-Yates shuffle of order.
inline void shuffle(std::vector<std::size_t>& order, std::uint64_t& rng) {
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix(rng) % i]);
}

}  // namespace geokg::training
