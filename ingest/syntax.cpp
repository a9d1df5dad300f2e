#include "geokg/ingest/syntax.hpp"

#include <string_view>
#include <vector>

namespace geokg {
namespace {

// A sentence without a finite verb whose first past participle follows a
// noun ("Zimbabwean police threatened on Thursday to refuse permits",
// "American officials handed over vehicles") is a past-tense main clause the
// tagger read as a reduced relative; the parser then makes the noun the root
// and the act a modifier of it. News sentences are full clauses, so the
// participle is read as the finite verb.
void finite_verb_for_verbless_sentence(std::vector<std::uint16_t>& tags) {
  for (std::uint16_t t : tags)
    if (t == kTagVBD || t == kTagVBZ || t == kTagVBP || t == kTagMD) return;
  for (std::size_t i = 1; i < tags.size(); ++i)
    if (tags[i] == kTagVBN && is_noun_tag(tags[i - 1])) {
      tags[i] = kTagVBD;
      return;
    }
}

}  // namespace

void parse_sentence(Document& doc, std::uint32_t sentence, const PosTagger& tagger,
                    const DependencyParser& parser) {
  Sentence& sent = doc.sentences[sentence];
  if (tagger.empty() || parser.empty() || sent.token_end <= sent.token_begin) return;
  thread_local std::vector<std::string_view> pieces;
  thread_local std::vector<std::uint32_t> owner;        // per token: the piece that stands for it
  thread_local std::vector<std::uint32_t> piece_token;  // per piece: its token (relative)
  thread_local std::vector<std::uint16_t> tags;
  thread_local ParsedWords tree;
  pieces.clear();
  owner.clear();
  piece_token.clear();
  for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
    const std::size_t base = pieces.size();
    owner.push_back(static_cast<std::uint32_t>(base + split_for_treebank(doc.token_text(doc.tokens[k]), pieces)));
    piece_token.resize(pieces.size(), k - sent.token_begin);
  }
  tags.assign(pieces.size(), kTagNone);
  tagger.tag_words(pieces, tags);
  finite_verb_for_verbless_sentence(tags);
  parser.parse_words(pieces, tags, tree);
  for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
    const std::uint32_t rel_k = k - sent.token_begin;
    Token& t = doc.tokens[k];
    std::uint32_t p = owner[rel_k];
    t.tag = tags[p];
    // Up the token's own pieces ("U.S." -> "led" in "U.S.-led") to the piece
    // whose head lies outside it; the chain is short and acyclic.
    for (std::size_t steps = 0; steps < pieces.size(); ++steps) {
      const int h = tree.heads[p];
      if (h == 0 || piece_token[static_cast<std::size_t>(h - 1)] != rel_k) break;
      p = static_cast<std::uint32_t>(h - 1);
    }
    const int h = tree.heads[p];
    t.rel = tree.rels[p];
    t.head = h == 0 ? -1 : static_cast<std::int32_t>(sent.token_begin + piece_token[static_cast<std::size_t>(h - 1)]);
    if (t.head == static_cast<std::int32_t>(k)) t.head = -1;  // a cycle inside one token: cannot happen
  }
  sent.parsed = true;
}

}  // namespace geokg
