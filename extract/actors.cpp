// Actor recognition over the tokens of prepare_document, then in-article
// coreference. One left-to-right pass per sentence over "words" (tokens split
// at inner hyphens and before a possessive "'s", so that "then-House" and
// "Pelosi's" read the same whatever the tokenizer did):
//   1. lexicon hits: longest match of names, adjectives, metonyms, titles;
//   2. patterns that make people from titles ("Russian Defence Minister Sergei
//      Shoigu", "his Chinese counterpart Dong Jun", "China's minister of public
//      security, Wang Xiaohong", "Wang Yi, China's foreign minister");
//   3. capitalised spans: surnames of people already seen, else a guarded
//      fallback that needs evidence ("X said", "Mr. X", "X Ministry");
//   4. artifacts ("a bill", "the INF treaty"), pronouns, "the minister",
//      "the two countries".
// No regex and no allocation per token: words live in one reused vector and
// compare as string_views into Document::text / Document::lower.

#include "geokg/extract/actors.hpp"

#include <utf8proc.h>

#include <cctype>

#include "actor_finder.hpp"

namespace geokg {
namespace finder {

namespace {

// Upper case of a non-ASCII first letter ("Élysée", "Ölmez").
bool starts_upper_utf8(std::string_view s) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 && utf8proc_isupper(cp);
}

std::uint16_t word_flags(std::string_view s) {
  std::uint16_t f = 0;
  bool any_alnum = false, any_lower = false;
  int letters = 0;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (is_ascii_lower(c)) any_lower = true;
    if (is_ascii_lower(c) || is_ascii_upper(c)) ++letters;
    if (std::isalnum(u) || u >= 0x80) any_alnum = true;
  }
  if (!any_alnum) return kWPunct;
  const char c0 = s[0];
  if (c0 >= '0' && c0 <= '9') f |= kWNumber;
  if (is_ascii_upper(c0) || (static_cast<unsigned char>(c0) >= 0x80 && starts_upper_utf8(s))) f |= kWCap;
  if (is_ascii_lower(c0)) f |= kWLowerWord;
  // Initials ("F.W. de Klerk", "P.W. Botha") open a name; they are not an
  // all-caps acronym. ("U.S.", "U.N." are lexicon hits before they are words.)
  bool initials = s.size() >= 4 && s.size() % 2 == 0;
  for (std::size_t i = 0; i < s.size() && initials; ++i) initials = i % 2 ? s[i] == '.' : is_ascii_upper(s[i]);
  if (letters >= 2 && !any_lower && is_ascii_upper(c0) && !initials) f |= kWAllCaps;
  return f;
}

}  // namespace

void Finder::run() {
  doc_.actors.clear();
  doc_.mentions.clear();
  anchor_key_ = doc_.anchor.key();
  article_dateline_ = dateline_country();
  find_era();
  std::uint32_t paragraph = 0;
  dateline_country_ = article_dateline_;
  for (std::uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    const Sentence& sent = doc_.sentences[s];
    if (s == 0 || sent.paragraph != paragraph) {
      paragraph = sent.paragraph;
      const std::string own = s == 0 ? std::string() : paragraph_dateline_country(sent);
      dateline_country_ = own.empty() ? article_dateline_ : own;
    }
    if (sent.headline) continue;
    sent_ = s;
    build_words(sent);
    if (words_.empty() || shouting()) continue;
    match_lexicon();
    scan();
  }
  finish();
}

// ---- words ---------------------------------------------------------------------

void Finder::push_word(std::uint32_t tok, std::uint32_t b, std::uint32_t e, std::uint16_t extra) {
  if (b >= e) return;
  Word w;
  w.tok = tok;
  w.start = b;
  w.end = e;
  const std::string_view text = std::string_view(doc_.text).substr(b, e - b);
  const std::string_view lower = std::string_view(doc_.lower).substr(b, e - b);
  w.flags = static_cast<std::uint16_t>(word_flags(text) | extra);
  if (!(w.flags & (kWPunct | kWNumber))) {
    // One lookup for a lowercase word, two for a capitalised one.
    if (const auto* info = L_.info(lower)) {
      w.lists_lower = info->lists;
      w.phrases = info->phrases;
    }
    if (text == lower) w.lists_exact = w.lists_lower;
    else if (const auto* info = L_.info(text)) w.lists_exact = info->lists;
  }
  words_.push_back(w);
}

void Finder::build_words(const Sentence& sent) {
  words_.clear();
  shared_modifier_end_ = 0;
  const std::string_view text(doc_.text);
  for (std::uint32_t t = sent.token_begin; t < sent.token_end && t < doc_.tokens.size(); ++t) {
    const Token& tok = doc_.tokens[t];
    std::string_view s = text.substr(tok.start, tok.end - tok.start);
    // A lone hyphen glued to both neighbours joins them ("then - House" as three tokens).
    if (s == "-" && !words_.empty() && words_.back().end == tok.start && t + 1 < sent.token_end &&
        doc_.tokens[t + 1].start == tok.end) {
      words_.back().flags |= kWHyphenNext;
      continue;
    }
    if ((s == "'s" || s == "'S" || s == "'") && !words_.empty() && words_.back().end == tok.start) {
      push_word(t, tok.start, tok.end, kWPossessive);
      continue;
    }
    std::uint32_t b = tok.start;
    const std::uint32_t e = tok.end;
    std::uint32_t body_end = e;
    bool poss = false;
    if (s.size() > 2 && (s.ends_with("'s") || s.ends_with("'S"))) {
      body_end = e - 2;
      poss = true;
    }
    // Split at inner hyphens between letters: "Beijing-Moscow", "then-House".
    for (std::uint32_t k = b + 1; k + 1 < body_end; ++k) {
      if (text[k] == '-' && std::isalnum(static_cast<unsigned char>(text[k - 1])) &&
          (std::isalnum(static_cast<unsigned char>(text[k + 1])) ||
           static_cast<unsigned char>(text[k + 1]) >= 0x80)) {
        push_word(t, b, k, kWHyphenNext);
        b = k + 1;
      }
    }
    push_word(t, b, body_end, 0);
    if (poss) push_word(t, body_end, e, kWPossessive);
  }
  for (auto& w : words_)
    if (!(w.flags & (kWPunct | kWPossessive))) {
      w.flags |= kWStart;
      break;
    }
  hits_.clear();
  hit_at_.assign(words_.size(), -1);
}

bool Finder::shouting() const {
  int words = 0, caps = 0;
  for (const auto& w : words_) {
    if (w.flags & (kWPunct | kWNumber | kWPossessive)) continue;
    ++words;
    if (w.flags & kWAllCaps) ++caps;
  }
  return words >= 2 && caps * 10 >= words * 6;
}

// ---- lexicon matching ----------------------------------------------------------

void Finder::match_lexicon() {
  for (std::uint32_t i = 0; i < n();) {
    if (flag(i, kWPunct) || flag(i, kWPossessive)) {
      ++i;
      continue;
    }
    const auto* cands = words_[i].phrases >= 0 ? &L_.first_phrases[static_cast<std::size_t>(words_[i].phrases)] : nullptr;
    Hit hit;
    std::size_t best = 0;
    if (cands) {
      for (std::uint32_t pid : *cands) {
        const Phrase& p = L_.phrases[pid];
        if (p.words.size() < best) break;
        if (i + p.words.size() > n() || !p.active_at(anchor_key_)) continue;
        bool ok = true;
        for (std::size_t k = 0; k < p.words.size() && ok; ++k) ok = word_matches(i + static_cast<std::uint32_t>(k), p, k);
        if (!ok) continue;
        best = p.words.size();
        switch (p.type) {
          case PhraseType::kName: if (hit.name < 0) hit.name = p.target; break;
          case PhraseType::kAdjective: if (hit.adj < 0) hit.adj = p.target; break;
          case PhraseType::kPeople: if (hit.people < 0) hit.people = p.target; break;
          case PhraseType::kMetonym: if (hit.met < 0) hit.met = p.target; break;
          case PhraseType::kTitle: if (hit.title < 0) hit.title = p.target; break;
          case PhraseType::kIgnore: hit.ignore = true; break;
        }
      }
    }
    // "North and South Korea", "East and West Germany": the first of two names
    // that share their last words, written once.
    if (best == 0 && cands && lower_is(i + 1, "and") && flag(i + 2, kWCap))
      for (std::uint32_t pid : *cands) {
        const Phrase& p = L_.phrases[pid];
        const std::size_t len = p.words.size();
        if (len < 2 || p.type != PhraseType::kName || i + 2 + len > n() || !p.active_at(anchor_key_) ||
            !word_matches(i, p, 0))
          continue;
        bool ok = true;
        for (std::size_t k = 1; k < len && ok; ++k) ok = word_matches(i + 2 + static_cast<std::uint32_t>(k), p, k);
        if (!ok) continue;
        hit.name = p.target;
        best = 1;
        break;
      }
    if (best == 0) {
      ++i;
      continue;
    }
    hit.b = i;
    hit.e = i + static_cast<std::uint32_t>(best);
    // "Crown Prince Abdullah bin Abdul Aziz": a person's name form goes on
    // through a patronymic or surname particle, which names the same person.
    if (hit.name >= 0 && L_.actors[static_cast<std::size_t>(hit.name)].kind == NodeKind::kPerson &&
        hit.e < n() && in_list(k_name_particles, hit.e, false) && !flag(hit.e, kWCap)) {
      std::uint32_t k = hit.e;
      while (k < n() && in_list(k_name_particles, k, false)) ++k;
      if (k > hit.e && capitalised_name_word(k)) {
        while (k < n() && capitalised_name_word(k)) ++k;
        hit.e = k;
      }
    }
    // "non-OPEC producers", "non-EU nationals": everyone but that actor.
    if (const std::uint32_t at = words_[i].start; at >= 4) {
      const std::string_view before = std::string_view(doc_.text).substr(at - 4, 4);
      if ((before[0] == 'n' || before[0] == 'N') && before.substr(1) == "on-") hit.ignore = true;
    }
    if (!hit.ignore && !plausible(hit)) {
      ++i;
      continue;
    }
    for (std::uint32_t k = hit.b; k < hit.e; ++k) hit_at_[k] = static_cast<int>(hits_.size());
    hits_.push_back(hit);
    i = hit.e;
  }
}

bool Finder::plausible(Hit& h) const {
  const bool prev_cap = h.b > 0 && flag(h.b - 1, kWCap) && !flag(h.b - 1, kWAllCaps) && !in_list(k_non_names, h.b - 1, false) &&
                        hit_at_[h.b - 1] < 0;
  const bool next_cap = capitalised_name_word(h.e) && !flag(h.e - 1, kWHyphenNext);
  if (h.name >= 0 && L_.actors[static_cast<std::size_t>(h.name)].ambiguous && (prev_cap || next_cap)) h.name = -1;
  if (h.met >= 0 && h.name < 0 && prev_cap) h.met = -1;
  if (h.adj >= 0 && h.name < 0 && prev_cap) h.adj = -1;
  // ("Americans Paul Whelan and Trevor Reed": a people before the names of its own; see on_hit.)
  if (h.people >= 0 && h.name < 0 && (prev_cap || (next_cap && name_run(h.e) < h.e + 2))) h.people = -1;
  return h.name >= 0 || h.adj >= 0 || h.people >= 0 || h.met >= 0 || h.title >= 0;
}

}  // namespace finder

void find_actors(Document& doc, const ActorLexicon& lexicon, const geo::Gazetteer* gazetteer) {
  finder::Finder(doc, lexicon.impl(), gazetteer).run();
}

}  // namespace geokg
