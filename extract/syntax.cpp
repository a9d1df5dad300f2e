#include "geokg/extract/syntax.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <string_view>
#include <vector>

namespace geokg {
namespace {

// "the lifting of U.S. sanctions", "a tightening of controls": a gerund with
// an article and an "of" phrase is a noun (NN), so that its nominal event
// entry can read it; the tagger often calls it VBG.
void nominal_gerunds(Document& doc, const Sentence& sent) {
  for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
    Token& g = doc.tokens[k];
    if (g.tag != kTagVBG) continue;
    bool article = false, of_phrase = false;
    for (std::uint32_t c = sent.token_begin; c < sent.token_end; ++c) {
      const Token& d = doc.tokens[c];
      if (d.head != static_cast<std::int32_t>(k)) continue;
      const std::string_view w = doc.token_lower(d);
      if (c < k && deprel_base(d.rel) == kDepDet && (w == "the" || w == "a" || w == "an")) article = true;
      if (c > k && deprel_base(d.rel) == kDepNmod)
        for (std::uint32_t x = k + 1; x < c; ++x)
          if (doc.tokens[x].head == static_cast<std::int32_t>(c) && deprel_base(doc.tokens[x].rel) == kDepCase &&
              doc.token_lower(doc.tokens[x]) == "of")
            of_phrase = true;
    }
    if (article && of_phrase) g.tag = kTagNN;
  }
}

// "killed in Israeli tank shelling", "wounded in artillery shelling near
// Donetsk": a gerund right after a bare singular noun, taking no object,
// subject or clause, is the head of a compound noun ("tank shelling"); the
// parser reads it as a participle modifying that noun ("tank [that is]
// shelling"), so the nominal event entry never sees it nor its modifiers.
// (Not after an article: "a man carrying a gun", "the group fighting in Syria".)
// The parser hangs it on that noun or, as an adverbial clause, beside it.
void gerund_compounds(Document& doc, const Sentence& sent) {
  const auto begin = static_cast<std::int32_t>(sent.token_begin);
  for (std::uint32_t k = sent.token_begin + 1; k < sent.token_end; ++k) {
    Token& g = doc.tokens[k];
    Token& n = doc.tokens[k - 1];
    const auto g_at = static_cast<std::int32_t>(k), n_at = g_at - 1;
    if (g.tag != kTagVBG || n.tag != kTagNN || (n.flags & kTokCapitalized) != 0) continue;
    // (Or hung beside it on the verb: "killed [in tank] [shelling]".)
    const bool modifier = deprel_base(g.rel) == kDepAcl && g.head == n_at;
    const bool sibling = deprel_base(g.rel) == kDepAdvcl && g.head == n.head && deprel_base(n.rel) == kDepObl;
    if (!modifier && !sibling) continue;
    bool clause = false, article = false;
    for (std::int32_t c = begin; c < static_cast<std::int32_t>(sent.token_end); ++c) {
      const Token& d = doc.tokens[static_cast<std::size_t>(c)];
      const std::uint8_t b = deprel_base(d.rel);
      if (d.head == g_at && (b == kDepObj || b == kDepNsubj || b == kDepIobj || b == kDepCcomp || b == kDepXcomp ||
                             b == kDepMark || b == kDepAux))
        clause = true;
      if (d.head == n_at && b == kDepDet) article = true;
    }
    if (clause || article) continue;
    g.tag = kTagNN;
    g.rel = n.rel;
    g.head = n.head;
    n.rel = kDepCompound;
    n.head = g_at;
    // The noun's own modifiers ("Israeli", "in") now modify the compound.
    for (std::uint32_t c = sent.token_begin; c < sent.token_end; ++c) {
      Token& d = doc.tokens[c];
      if (d.head == n_at && static_cast<std::int32_t>(c) != g_at) d.head = g_at;
    }
  }
}

// "mounted a major offensive towards Basra": an adjective with an article
// that heads an argument (object, subject, oblique) is a noun the tagger
// misread; the nominal event entries read nouns.
void nominal_adjectives(Document& doc, const Sentence& sent) {
  for (std::uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
    Token& a = doc.tokens[k];
    const std::uint8_t b = deprel_base(a.rel);
    if (a.tag != kTagJJ || (b != kDepObj && b != kDepNsubj && b != kDepObl)) continue;
    bool article = false;
    for (std::uint32_t c = sent.token_begin; c < k; ++c) {
      const Token& d = doc.tokens[c];
      const std::string_view w = doc.token_lower(d);
      if (d.head == static_cast<std::int32_t>(k) && deprel_base(d.rel) == kDepDet && (w == "the" || w == "a" || w == "an"))
        article = true;
    }
    if (article) a.tag = kTagNN;
  }
}

// "Britain, France and West Germany signed": the parser at times glues a
// list of names into one, each name a compound of the last. A compound never
// crosses a comma or a conjunction, so a run of name mentions joined only by
// ",", "and", "or" (and "the") in which one name hangs as a modifier on
// another is rebuilt as a coordination: the first name takes the run's
// attachment, the others are its conjuncts, each name headed by its last word.
void coordinated_names(Document& doc, std::uint32_t sentence) {
  const auto [lo, hi] = sentence_range(doc.mentions, sentence);
  const auto word = [&](std::uint32_t k) { return doc.token_lower(doc.tokens[k]); };
  const auto gap_word = [&](std::uint32_t k) {
    const std::string_view w = word(k);
    return w == "," || w == "and" || w == "or" || w == "the";
  };
  // Each name's words: the mention's, and capitalised words just before it
  // the lexicon left out ("West" of "West Germany").
  struct Name {
    std::uint32_t b, e;
  };
  std::vector<Name> run;
  const auto flush = [&]() {
    if (run.size() < 2) return;
    const auto inside = [](const Name& n, std::int32_t t) {
      return t >= static_cast<std::int32_t>(n.b) && t < static_cast<std::int32_t>(n.e);
    };
    // Broken only where a word of one name hangs on another name other
    // than as its conjunct.
    bool glued = false;
    for (const Name& m : run)
      for (std::uint32_t k = m.b; k < m.e; ++k)
        for (const Name& o : run)
          glued = glued || (&o != &m && inside(o, doc.tokens[k].head) && deprel_base(doc.tokens[k].rel) != kDepConj);
    if (!glued) return;
    const std::uint32_t b = run.front().b, e = run.back().e;
    // ("U.S. and European Community officials": names modifying a noun, the
    // one after them or the last mention's own, are read through that noun
    // as they are.)
    const auto common_noun = [&](std::uint32_t k) {
      return k < doc.sentences[sentence].token_end && (doc.tokens[k].tag == kTagNN || doc.tokens[k].tag == kTagNNS);
    };
    if (common_noun(e) || common_noun(e - 1)) return;
    // The run's attachment: its word nearest the end that hangs outside it.
    std::int32_t out_head = -1;
    std::uint8_t out_rel = kDepRoot;
    for (std::uint32_t k = b; k < e; ++k)
      if (const std::int32_t h = doc.tokens[k].head; h < static_cast<std::int32_t>(b) || h >= static_cast<std::int32_t>(e)) {
        out_head = h;
        out_rel = doc.tokens[k].rel;
      }
    // "The United States, Japan, West Germany … and Canada agreed": the
    // list made the root with its verb a conjunct; the verb is the root and
    // the list its subject.
    if (out_head < 0)
      for (std::uint32_t k = e; k < doc.sentences[sentence].token_end; ++k)
        if (const std::int32_t h = doc.tokens[k].head; h >= static_cast<std::int32_t>(b) &&
            h < static_cast<std::int32_t>(e) && deprel_base(doc.tokens[k].rel) == kDepConj && is_verb_tag(doc.tokens[k].tag)) {
          doc.tokens[k].head = -1;
          doc.tokens[k].rel = kDepRoot;
          out_head = static_cast<std::int32_t>(k);
          out_rel = kDepNsubj;
          break;
        }
    const auto first_head = static_cast<std::int32_t>(run.front().e - 1);
    for (std::size_t m = 0; m < run.size(); ++m) {
      const auto head = static_cast<std::int32_t>(run[m].e - 1);
      for (std::uint32_t k = run[m].b; k + 1 < run[m].e; ++k)
        if (!inside(run[m], doc.tokens[k].head)) {
          doc.tokens[k].head = head;
          doc.tokens[k].rel = kDepCompound;
        }
      Token& h = doc.tokens[static_cast<std::size_t>(head)];
      h.head = m == 0 ? out_head : first_head;
      h.rel = m == 0 ? out_rel : static_cast<std::uint8_t>(kDepConj);
      if (m > 0)
        for (std::uint32_t k = run[m - 1].e; k < run[m].b; ++k) {
          doc.tokens[k].head = head;
          doc.tokens[k].rel = word(k) == "," ? kDepPunct : word(k) == "the" ? kDepDet : kDepCc;
        }
    }
  };
  bool conjunction = false;
  for (std::size_t i = lo; i < hi; ++i) {
    const Mention& mn = doc.mentions[i];
    if (mn.form != MentionForm::kName || (!run.empty() && mn.token_begin < run.back().e)) {
      if (conjunction) flush();
      run.clear();
      conjunction = false;
      continue;
    }
    Name name{mn.token_begin, mn.token_end};
    const std::uint32_t floor = run.empty() ? doc.sentences[sentence].token_begin : run.back().e;
    while (name.b > floor && !gap_word(name.b - 1) && !word(name.b - 1).empty() &&
           std::isupper(static_cast<unsigned char>(doc.token_text(doc.tokens[name.b - 1])[0])))
      --name.b;
    bool joined = !run.empty() && !conjunction && name.b > run.back().e, cc = false;
    for (std::uint32_t k = run.empty() ? name.b : run.back().e; k < name.b && joined; ++k) {
      joined = gap_word(k);
      cc = cc || word(k) == "and" || word(k) == "or";
    }
    if (!joined) {
      if (conjunction) flush();
      run.clear();
      conjunction = false;
    }
    run.push_back(name);
    conjunction = conjunction || cc;
  }
  if (conjunction) flush();
}

// "the U.S. And Japan", "the U.S. Has said": 1980s wire copy capitalises the
// word after "U.S."; a function word so written is read in lower case.
std::string_view wire_case(std::string_view previous, std::string_view w) {
  if (previous != "U.S." && previous != "U.K.") return w;
  static constexpr std::string_view kLower[] = {
      "and", "or", "but", "to", "in", "on", "at", "for", "of", "by", "with", "as", "from", "into", "over",
      "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might",
      "should", "must", "did", "does", "do", "said", "says", "that", "which", "who", "if", "than", "also"};
  for (std::string_view lower : kLower)
    if (w.size() == lower.size() && w[0] == lower[0] - 'a' + 'A' && w.substr(1) == lower.substr(1)) return lower;
  return w;
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
  for (std::size_t p = 1; p < pieces.size(); ++p) pieces[p] = wire_case(pieces[p - 1], pieces[p]);
  tag_and_parse_words(pieces, tagger, parser, tags, tree);
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
  nominal_gerunds(doc, sent);
  gerund_compounds(doc, sent);
  nominal_adjectives(doc, sent);
  coordinated_names(doc, sentence);
  sent.parsed = true;
}

}  // namespace geokg
