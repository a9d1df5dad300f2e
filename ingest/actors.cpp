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

#include "geokg/ingest/actors.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "geokg/core/ids.hpp"
#include "lexicon_impl.hpp"

namespace geokg {

namespace {

enum WordFlag : std::uint16_t {
  kWCap = 1 << 0,
  kWAllCaps = 1 << 1,
  kWPunct = 1 << 2,
  kWNumber = 1 << 3,
  kWStart = 1 << 4,        // first word of the sentence
  kWHyphenNext = 1 << 5,   // glued to the next word by a hyphen ("then-House")
  kWPossessive = 1 << 6,   // the "'s" / "'" of a possessive
  kWLowerWord = 1 << 7,    // starts with a lower-case letter
};

struct Word {
  std::uint32_t tok = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint16_t flags = 0;
  std::uint64_t lists_exact = 0;  // word lists holding the word as written
  std::uint64_t lists_lower = 0;  // word lists holding its lowercase form
  int phrases = -1;               // lexicon phrases starting with it (lowercase key)
};

struct Hit {
  std::uint32_t b = 0, e = 0;  // word range
  int name = -1;               // lexicon actor by name/alias
  int adj = -1;                // lexicon country by adjective
  int people = -1;             // lexicon country by its people in the plural
  int met = -1;                // lexicon actor by metonym
  int title = -1;              // lexicon title
  bool ignore = false;
};

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// "agriculture" -> "Agriculture": a portfolio word as a title writes it.
std::string capitalised(std::string_view w) {
  std::string s(w);
  if (!s.empty() && is_lower_ascii(s[0])) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

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
    if (is_lower_ascii(c)) any_lower = true;
    if (is_lower_ascii(c) || is_upper_ascii(c)) ++letters;
    if (std::isalnum(u) || u >= 0x80) any_alnum = true;
  }
  if (!any_alnum) return kWPunct;
  const char c0 = s[0];
  if (c0 >= '0' && c0 <= '9') f |= kWNumber;
  if (is_upper_ascii(c0) || (static_cast<unsigned char>(c0) >= 0x80 && starts_upper_utf8(s))) f |= kWCap;
  if (is_lower_ascii(c0)) f |= kWLowerWord;
  if (letters >= 2 && !any_lower && is_upper_ascii(c0)) f |= kWAllCaps;
  return f;
}

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (is_upper_ascii(x)) x = static_cast<char>(x + 32);
    if (is_upper_ascii(y)) y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (ieq(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

// The word lists of the lexicon's "words" section that the finder reads.
enum WordList : int {
  k_non_names,
  k_speech_verbs,
  k_person_prefixes,
  k_name_particles,
  k_organization_cues,
  k_group_cues,
  k_location_preps,
  k_country_location_preps,
  k_artifact_heads,
  k_artifact_stops,
  k_group_ref_nouns,
  k_counterpart_words,
  k_past_prefixes,
  k_place_nouns,
  k_agent_nouns,
  k_agent_modifiers,
  k_institution_heads,
  k_portfolio_words,
  k_institution_links,
  k_title_words,
  k_media_heads,
  k_name_openers,
  k_named_events,
  k_named_topics,
  k_title_ranks,
  kWordListCount,
};
constexpr const char* kWordListNames[kWordListCount] = {
    "non_names",
    "speech_verbs",
    "person_prefixes",
    "name_particles",
    "organization_cues",
    "group_cues",
    "location_preps",
    "country_location_preps",
    "artifact_heads",
    "artifact_stops",
    "group_ref_nouns",
    "counterpart_words",
    "past_prefixes",
    "place_nouns",
    "agent_nouns",
    "agent_modifiers",
    "institution_heads",
    "portfolio_words",
    "institution_links",
    "title_words",
    "media_heads",
    "name_openers",
    "named_events",
    "named_topics",
    "title_ranks",
};

class Finder {
 public:
  Finder(Document& doc, const ActorLexicon::Impl& lex) : doc_(doc), L_(lex) {
    // Looked up once: the scan asks these lists several times per word.
    for (int i = 0; i < kWordListCount; ++i) bits_[i] = L_.list_bit(kWordListNames[i]);
  }

  void run() {
    doc_.actors.clear();
    doc_.mentions.clear();
    anchor_key_ = doc_.anchor.key();
    dateline_country_ = dateline_country();
    find_era();
    for (std::uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      const Sentence& sent = doc_.sentences[s];
      if (sent.headline) continue;
      sent_ = s;
      build_words(sent);
      if (words_.empty() || shouting()) continue;
      match_lexicon();
      scan();
    }
    finish();
  }

 private:
  // ---- words ---------------------------------------------------------------
  std::string_view wtext(std::uint32_t i) const {
    return std::string_view(doc_.text).substr(words_[i].start, words_[i].end - words_[i].start);
  }
  std::string_view wlower(std::uint32_t i) const {
    return std::string_view(doc_.lower).substr(words_[i].start, words_[i].end - words_[i].start);
  }
  bool flag(std::uint32_t i, std::uint16_t f) const { return i < words_.size() && (words_[i].flags & f); }
  bool punct(std::uint32_t i, char c) const {
    return i < words_.size() && words_[i].end - words_[i].start == 1 && doc_.text[words_[i].start] == c;
  }
  bool lower_is(std::uint32_t i, std::string_view w) const { return i < words_.size() && wlower(i) == w; }
  bool has(WordList list, std::string_view w) const {
    const auto* info = L_.info(w);
    return info && (info->lists & bits_[list]);
  }
  bool in_list(WordList list, std::uint32_t i, bool lower) const {
    return i < words_.size() && ((lower ? words_[i].lists_lower : words_[i].lists_exact) & bits_[list]);
  }
  std::uint32_t n() const { return static_cast<std::uint32_t>(words_.size()); }

  void push_word(std::uint32_t tok, std::uint32_t b, std::uint32_t e, std::uint16_t extra) {
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

  void build_words(const Sentence& sent) {
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

  // An all-caps line ("STEADYING THE SHIP") is a heading even when not marked so.
  bool shouting() const {
    int words = 0, caps = 0;
    for (const auto& w : words_) {
      if (w.flags & (kWPunct | kWNumber | kWPossessive)) continue;
      ++words;
      if (w.flags & kWAllCaps) ++caps;
    }
    return words >= 2 && caps * 10 >= words * 6;
  }

  // ---- lexicon matching ------------------------------------------------------
  bool word_matches(std::uint32_t i, const Phrase& p, std::size_t k) const {
    if (p.any_case) return wlower(i) == p.lower[k];
    return wtext(i) == p.words[k];
  }

  bool capitalised_name_word(std::uint32_t i) const {
    return i < n() && flag(i, kWCap) && !flag(i, kWAllCaps) && hit_at_[i] < 0 &&
           !in_list(k_non_names, i, false);
  }

  void match_lexicon() {
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
      if (best == 0) {
        ++i;
        continue;
      }
      hit.b = i;
      hit.e = i + static_cast<std::uint32_t>(best);
      if (!hit.ignore && !plausible(hit)) {
        ++i;
        continue;
      }
      for (std::uint32_t k = hit.b; k < hit.e; ++k) hit_at_[k] = static_cast<int>(hits_.size());
      hits_.push_back(hit);
      i = hit.e;
    }
  }

  // Rejects "Michael Jordan", "Chad Wolf", "George Washington": an ambiguous
  // name or a metonym inside a longer capitalised name is not the state.
  bool plausible(Hit& h) const {
    const bool prev_cap = h.b > 0 && flag(h.b - 1, kWCap) && !flag(h.b - 1, kWAllCaps) && !in_list(k_non_names, h.b - 1, false) &&
                          hit_at_[h.b - 1] < 0;
    const bool next_cap = capitalised_name_word(h.e) && !flag(h.e - 1, kWHyphenNext);
    if (h.name >= 0 && L_.actors[static_cast<std::size_t>(h.name)].ambiguous && (prev_cap || next_cap)) h.name = -1;
    if (h.met >= 0 && h.name < 0 && prev_cap) h.met = -1;
    if (h.adj >= 0 && h.name < 0 && prev_cap) h.adj = -1;
    if (h.people >= 0 && h.name < 0 && (prev_cap || next_cap)) h.people = -1;
    return h.name >= 0 || h.adj >= 0 || h.people >= 0 || h.met >= 0 || h.title >= 0;
  }

  const Hit* hit(std::uint32_t i) const {
    return i < n() && hit_at_[i] >= 0 ? &hits_[static_cast<std::size_t>(hit_at_[i])] : nullptr;
  }
  const Hit* hit_starting(std::uint32_t i) const {
    const Hit* h = hit(i);
    return h && h->b == i ? h : nullptr;
  }

  // ---- actors ----------------------------------------------------------------
  int actor_from_lex(int li) {
    auto it = lex_to_doc_.find(li);
    if (it != lex_to_doc_.end()) return it->second;
    const LexActor& a = L_.actors[static_cast<std::size_t>(li)];
    ExtractedActor x;
    x.name = a.name;
    x.kind = a.kind;
    if (a.kind == NodeKind::kPerson && !fits_article_time(a)) {
      // A namesake, or the person before the roles the lexicon knows: the
      // name is the text's, the lexicon's identity and roles are not.
      const int id = add_actor(std::move(x));
      lex_to_doc_[li] = id;
      return id;
    }
    // A person stands for the country of the role held at the article's
    // date: Gorbachev is Soviet in 1987, Russian after.
    x.country = a.kind == NodeKind::kPerson ? country_at(a.roles, a.country, doc_.anchor) : a.country;
    x.sector = a.sector;
    x.roles = a.roles;
    x.from_lexicon = true;
    x.code = a.code;
    const int id = add_actor(std::move(x));
    lex_to_doc_[li] = id;
    return id;
  }

  static std::string actor_key(const ExtractedActor& a) {
    if (a.naming == Naming::kUnnamed) return "unnamed|" + a.country + "|" + a.sector;
    return std::string(to_string(a.kind)) + "|" +
           (a.kind == NodeKind::kCountry ? a.country : normalize_name(a.name));
  }

  int add_actor(ExtractedActor a) {
    std::string key = actor_key(a);
    auto [it, inserted] = by_key_.emplace(std::move(key), static_cast<int>(doc_.actors.size()));
    if (!inserted) return it->second;
    doc_.actors.push_back(std::move(a));
    last_seen_.push_back(-1);
    stated_title_.push_back(-1);
    return it->second;
  }

  int country_actor(std::string_view iso3) {
    if (iso3.empty()) return -1;
    const int li = L_.country(iso3);
    if (li >= 0) return actor_from_lex(li);
    ExtractedActor a;
    a.name = std::string(iso3);
    a.kind = NodeKind::kCountry;
    a.country = std::string(iso3);
    return add_actor(std::move(a));
  }

  // The place named by a metonym used as a place ("in Beijing"): a location of that country.
  int place_actor(std::uint32_t b, std::uint32_t e, int lex_country) {
    ExtractedActor a;
    a.name = std::string(span_text(b, e));
    a.kind = NodeKind::kLocation;
    a.country = L_.actors[static_cast<std::size_t>(lex_country)].country;
    a.from_lexicon = true;
    return add_actor(std::move(a));
  }

  std::string_view span_text(std::uint32_t b, std::uint32_t e) const {
    return std::string_view(doc_.text).substr(words_[b].start, words_[e - 1].end - words_[b].start);
  }

  void mention(std::uint32_t b, std::uint32_t e, int actor, MentionForm form, bool as_location = false,
               int actor2 = -1, bool alias = true) {
    if (actor < 0 || b >= e) return;
    Mention m;
    m.sentence = sent_;
    m.token_begin = words_[b].tok;
    m.token_end = words_[e - 1].tok + 1;
    m.actor = actor;
    m.actor2 = actor2;
    m.form = form;
    m.as_location = as_location;
    m.possessive = flag(e, kWPossessive);
    doc_.mentions.push_back(m);
    ExtractedActor& a = doc_.actors[static_cast<std::size_t>(actor)];
    ++a.mentions;
    last_seen_[static_cast<std::size_t>(actor)] = ++clock_;
    if (actor2 >= 0) {
      ++doc_.actors[static_cast<std::size_t>(actor2)].mentions;
      last_seen_[static_cast<std::size_t>(actor2)] = clock_;
    }
    if (alias && (form == MentionForm::kName || form == MentionForm::kPartName || form == MentionForm::kMetonym)) {
      std::string_view surface = span_text(b, e);
      if (surface != a.name && std::find(a.aliases.begin(), a.aliases.end(), surface) == a.aliases.end())
        a.aliases.emplace_back(surface);
    }
    // Countries in focus, for "the two countries".
    const ExtractedActor& x = doc_.actors[static_cast<std::size_t>(actor)];
    const std::string country = x.country;
    if (x.kind == NodeKind::kCountry && !as_location && form != MentionForm::kGroupRef) focus(actor);
    else if ((x.kind == NodeKind::kPerson || x.naming == Naming::kUnnamed) && !country.empty())
      focus(country_actor(country));  // people and state bodies count for their state
  }

  void focus(int country) {
    if (country < 0) return;
    focus_.push_back({sent_, country});
    if (focus_.size() > 64) focus_.erase(focus_.begin(), focus_.begin() + 32);
  }

  // The pair in focus: the two states named most often in this and the
  // previous sentence (people count for their state), the more mentioned
  // in the article on ties;
  // the window widens up to four sentences back when it holds fewer than two.
  bool focus_pair(int& first, int& second) const {
    for (std::uint32_t back = 1; back <= 4; ++back) {
      std::vector<std::pair<int, int>> tally;  // (actor, count); order = first seen from the end
      for (std::size_t k = focus_.size(); k-- > 0;) {
        if (sent_ - focus_[k].first > back) break;
        auto it = std::find_if(tally.begin(), tally.end(), [&](auto& t) { return t.first == focus_[k].second; });
        if (it == tally.end()) tally.push_back({focus_[k].second, 1});
        else ++it->second;
      }
      if (tally.size() < 2) continue;
      // Ties go to the state the whole article talks about more.
      std::stable_sort(tally.begin(), tally.end(), [&](auto& x, auto& y) {
        if (x.second != y.second) return x.second > y.second;
        return doc_.actors[static_cast<std::size_t>(x.first)].mentions >
               doc_.actors[static_cast<std::size_t>(y.first)].mentions;
      });
      first = tally[1].first;
      second = tally[0].first;
      return true;
    }
    return false;
  }

  // Adds a role stated in the text unless the person already holds it.
  void add_role(int person, int title_id, const std::string& country, const std::string& organization,
                bool past, const std::string& title_text = {}) {
    if (title_id < 0) return;
    const LexTitle& t = L_.titles[static_cast<std::size_t>(title_id)];
    ExtractedActor& p = doc_.actors[static_cast<std::size_t>(person)];
    Role r;
    r.title = title_text.empty() ? t.title : title_text;
    r.country = !country.empty() ? country : (organization.empty() ? t.country : std::string());
    r.sector = t.sector;
    r.organization = organization;
    // A role the text states in the present holds at the article date; a
    // "then-" role is past, with no dates we could know.
    if (!past && doc_.anchor.known()) r.from = doc_.anchor;
    if (!past) stated_title_[static_cast<std::size_t>(person)] = title_id;
    // The held role the text names: the same title before a generic title
    // inside a held one ("Secretary Blinken" names the Secretary of State),
    // and among equals the one held at the article date ("President Biden"
    // in 2024 is not his Vice Presidency).
    Role* match = nullptr;
    int match_rank = -1;
    for (Role& old : p.roles) {
      const bool same = ieq(old.title, r.title);
      if (!same && !icontains(old.title, r.title)) continue;
      const int rank = (same ? 2 : 0) + (role_held_at(old, doc_.anchor) ? 1 : 0);
      if (rank >= match_rank) {  // on a tie the later (listed later, more recent) role
        match = &old;
        match_rank = rank;
      }
    }
    const bool known = match != nullptr;
    if (match) {
      if (match->country.empty()) match->country = r.country;
      // Kept even when its lexicon dates end before the article ("then-House
      // Speaker Pelosi").
      stated_roles_.emplace_back(person, match->title);
    }
    if (!known) p.roles.push_back(r);
    if (p.country.empty() && !r.country.empty()) p.country = r.country;
    if (p.sector.empty()) p.sector = r.sector;
  }

  // A person the text names without a lexicon entry; one word is a surname
  // nothing completed ("Mr Howard"), marked partial.
  int new_person(std::uint32_t b, std::uint32_t e) {
    ExtractedActor a;
    a.name = std::string(span_text(b, e));
    a.kind = NodeKind::kPerson;
    if (e - b == 1) a.naming = Naming::kPartial;
    return add_actor(std::move(a));
  }

  // Damerau-Levenshtein distance of two short words is at most 1 (one
  // letter changed, added, dropped, or two neighbours swapped).
  static bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;
    if (a.size() == b.size()) {
      if (a.substr(i + 1) == b.substr(i + 1)) return true;  // changed
      return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
    }
    return a.substr(i) == b.substr(i + 1);  // added
  }

  // A long title word, or one misspelt ("Secertary", "Minster").
  bool title_word(std::uint32_t i) const {
    const std::string_view w = wlower(i);
    if (w.size() < 7) return false;
    if (const auto* titles = L_.word_list("title_words"))
      for (const auto& t : *titles)
        if (one_edit_apart(w, t)) return true;
    return false;
  }

  // [b, e) of a name the fallback found, without a title glued before it:
  // portfolio words up to a title word, or the title word alone ("Treasury
  // Secertary James Baker", "Finance Minster Gerhard Stoltenberg"). Without a
  // title word nothing goes ("Security Pacific" stays whole).
  std::uint32_t trim_title_residue(std::uint32_t b, std::uint32_t e) const {
    std::uint32_t cut = b;
    for (std::uint32_t k = b; k + 1 < e; ++k) {
      const bool portfolio = in_list(k_portfolio_words, k, false);
      if (!portfolio && !title_word(k)) break;
      if (!portfolio) cut = k + 1;  // "Secretary", "Minster": a title's head
    }
    return cut;
  }

  // ---- names -----------------------------------------------------------------
  // [b, end) capitalised name words with particles and initials inside; at most 5 words.
  std::uint32_t name_run(std::uint32_t b) const {
    if (!capitalised_name_word(b)) return b;
    std::uint32_t e = b + 1, count = 1;
    while (e < n() && count < 5) {
      if (flag(e - 1, kWPossessive)) break;
      // "Chun Doo-hwan", "Kim Dae-jung", "Mao Tse-tung": a given name's lower-case
      // syllable glued by a hyphen (not "the Pierre Gemayel-led", "Kohl-era").
      if (count >= 2 && flag(e - 1, kWHyphenNext) && flag(e, kWLowerWord) && hit_at_[e] < 0 &&
          words_[e].end - words_[e].start <= 5 && !wlower(e).ends_with("ed") && wlower(e) != "era" &&
          wlower(e) != "run" && wlower(e) != "born") {
        ++e;
        continue;
      }
      if (capitalised_name_word(e)) {
        ++e, ++count;
        continue;
      }
      // "Commerce Ministry", "Workers' Party": an organisation word closes the span.
      if (flag(e, kWCap) && hit_at_[e] < 0 &&
          (in_list(k_organization_cues, e, false) || in_list(k_group_cues, e, false))) {
        ++e;
        // "Nuclear Forces Treaty": a document named after a body.
        if (e < n() && flag(e, kWCap) && hit_at_[e] < 0 && in_list(k_artifact_heads, e, true)) ++e;
        break;
      }
      // "Osama bin Laden", "Ursula von der Leyen", "Joseph R. Biden Jr."
      if (in_list(k_name_particles, e, false) && hit_at_[e] < 0) {
        std::uint32_t k = e;
        while (k < n() && in_list(k_name_particles, k, false)) ++k;
        if (capitalised_name_word(k)) {
          e = k + 1, ++count;
          continue;
        }
        if (wtext(e) == "Jr." || wtext(e) == "Sr.") ++e;
      }
      break;
    }
    return e;
  }

  // Words of a person's canonical name.
  static bool name_has_part(std::string_view name, std::string_view part, bool first_or_last_only) {
    std::size_t i = 0;
    bool first = true;
    while (i < name.size()) {
      std::size_t j = name.find(' ', i);
      if (j == std::string_view::npos) j = name.size();
      std::string_view w = name.substr(i, j - i);
      const bool last = j == name.size();
      if (w == part && (!first_or_last_only || first || last)) return true;
      first = false;
      i = j + 1;
    }
    return false;
  }

  // "Blinken", "Wang", "Xi": a person already named in this article (the most
  // recently mentioned when several share the word; a surname before a
  // given name), else the one lexicon person with that surname who held a
  // role when the article was written. Never by a given name alone: "Mr
  // Howard" is not Howard Lutnick.
  int resolve_partial(std::string_view word) {
    if (has(k_person_prefixes, word) || has(k_non_names, word)) return -1;
    int best = -1, best_rank = -1;
    for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
      const ExtractedActor& x = doc_.actors[a];
      if (x.kind != NodeKind::kPerson || x.name == word) continue;
      // The last word is the surname of most names, the first of "Xi Jinping".
      const int rank = name_has_last(x.name, word) ? 1 : name_has_part(x.name, word, true) ? 0 : -1;
      if (rank < 0) continue;
      if (rank > best_rank || (rank == best_rank && last_seen_[a] > last_seen_[static_cast<std::size_t>(best)])) {
        best = static_cast<int>(a);
        best_rank = rank;
      }
    }
    if (best >= 0) return best;
    for (std::size_t a = 0; a < doc_.actors.size(); ++a)
      if (doc_.actors[a].kind == NodeKind::kPerson && doc_.actors[a].name == word) return static_cast<int>(a);
    int found = -1;
    if (auto it = L_.by_surname.find(word); it != L_.by_surname.end())
      for (std::uint32_t li : it->second) {
        if (!active_in_article_time(L_.actors[li])) continue;
        if (found >= 0) return -1;  // two holders share the name: do not guess
        found = static_cast<int>(li);
      }
    if (found >= 0) return actor_from_lex(found);
    // A full name seen earlier without evidence that it was a person
    // ("Charlie Bell, the former head of McDonald's ... Mr Bell").
    for (std::size_t k = unconfirmed_.size(); k-- > 0;)
      if (std::string_view(doc_.text).substr(unconfirmed_[k].last, unconfirmed_[k].end - unconfirmed_[k].last) == word)
        return confirm(unconfirmed_[k]);
    return -1;
  }

  // A capitalised name run that had no evidence of naming a person when read.
  struct Unconfirmed {
    std::uint32_t sentence = 0, token_begin = 0, token_end = 0;
    std::uint32_t start = 0, end = 0, last = 0;  // byte spans in Document::text: the name, its last word
  };

  // Makes the person of an unconfirmed run, with its mention there.
  int confirm(const Unconfirmed& u) {
    ExtractedActor x;
    x.name = doc_.text.substr(u.start, u.end - u.start);
    x.kind = NodeKind::kPerson;
    const int id = add_actor(std::move(x));
    Mention m;
    m.sentence = u.sentence;
    m.token_begin = u.token_begin;
    m.token_end = u.token_end;
    m.actor = id;
    doc_.mentions.push_back(m);
    ++doc_.actors[static_cast<std::size_t>(id)].mentions;
    last_seen_[static_cast<std::size_t>(id)] = ++clock_;
    return id;
  }

  static bool name_has_last(std::string_view name, std::string_view word) {
    return name.size() > word.size() && name.ends_with(word) && name[name.size() - word.size() - 1] == ' ';
  }

  // Whether a lexicon person fits the article's time: a role held at its
  // date; in an undated article, a role within two years of the years the
  // text states ("in 2004"); with neither, nobody can be checked, so nobody
  // fits.
  bool active_in_article_time(const LexActor& a) const {
    if (doc_.anchor.known()) {
      for (const Role& r : a.roles)
        if (role_held_at(r, doc_.anchor)) return true;
      return false;
    }
    if (era_from_ == 0) return false;
    for (const Role& r : a.roles) {
      const int from = r.from.known() ? r.from.year : -100000;
      const int to = r.to.known() ? r.to.year : 100000;
      if (from <= era_to_ + 2 && to >= era_from_ - 2) return true;
    }
    return false;
  }

  // Whether the lexicon may say who a person named in full is, given the
  // article's time: not when every role the lexicon knows starts more than
  // five years after the article's date, or, in an undated article, decades
  // after the latest year its text states (a story may state only the years
  // of its history); "Mike Johnson" in 2004 is not the Speaker of 2023.
  bool fits_article_time(const LexActor& a) const {
    const int year = doc_.anchor.known() ? doc_.anchor.year + 5 : era_to_ == 0 ? 0 : era_to_ + 20;
    if (year == 0 || a.roles.empty()) return true;
    for (const Role& r : a.roles)
      if (!r.from.known() || r.from.year <= year) return true;
    return false;
  }

  // The years an undated article's time expressions state, for
  // active_in_article_time: [era_from_, era_to_], 0 when none.
  void find_era() {
    era_from_ = era_to_ = 0;
    if (doc_.anchor.known()) return;
    for (const TimeExpression& t : doc_.times) {
      if (!t.date.known()) continue;
      if (era_from_ == 0 || t.date.year < era_from_) era_from_ = t.date.year;
      if (era_to_ == 0 || t.date.year > era_to_) era_to_ = t.date.year;
    }
  }

  // ---- patterns --------------------------------------------------------------
  struct Modifier {
    std::uint32_t b = 0, e = 0;   // word range of the modifier ("Chinese", "China's")
    std::string country;          // ISO3
    std::string organization;     // "NATO Secretary-General"
    int actor = -1;               // doc actor of the modifier
    bool present = false;
  };

  // Reads "Chinese", "China's", "U.S.", "Kremlin", "NATO" before a title.
  bool read_modifier(std::uint32_t& j, Modifier& m) {
    const Hit* h = hit_starting(j);
    if (!h || h->ignore) return false;
    int li = -1;
    if (h->adj >= 0) li = h->adj;
    else if (h->name >= 0) li = h->name;
    else if (h->met >= 0) li = h->met;
    if (li < 0) return false;
    const LexActor& a = L_.actors[static_cast<std::size_t>(li)];
    if (a.kind == NodeKind::kPerson || a.kind == NodeKind::kLocation || a.kind == NodeKind::kArtifact)
      return false;
    m.b = h->b;
    m.e = h->e;
    m.present = true;
    m.country = a.country;
    if (a.kind != NodeKind::kCountry) m.organization = a.name;
    m.actor = actor_from_lex(li);
    j = h->e;
    if (flag(j, kWPossessive)) ++j;
    return true;
  }

  // The role a person holds as this article presents it: stated in the text,
  // else the lexicon role current at the article date, else the first one.
  int current_title(int person) const {
    const int st = stated_title_[static_cast<std::size_t>(person)];
    if (st >= 0) return st;
    const ExtractedActor& p = doc_.actors[static_cast<std::size_t>(person)];
    for (const Role& r : p.roles)
      if (role_held_at(r, doc_.anchor)) {
        const int t = L_.title_id(r.title);
        if (t >= 0) return t;
      }
    for (const Role& r : p.roles) {
      const int t = L_.title_id(r.title);
      if (t >= 0) return t;
    }
    return -1;
  }

  // Person mentioned first in this sentence before word i (the subject), else
  // the subject of the latest earlier sentence that has a person.
  int subject_person(std::uint32_t tok_before) const {
    int same = -1;
    for (std::size_t k = doc_.mentions.size(); k-- > 0;) {
      const Mention& m = doc_.mentions[k];
      if (m.sentence != sent_) break;
      if (m.token_begin >= tok_before) continue;
      if (doc_.actors[static_cast<std::size_t>(m.actor)].kind == NodeKind::kPerson) same = m.actor;
    }
    if (same >= 0) return same;
    std::uint32_t s = sent_;
    int found = -1;
    for (std::size_t k = doc_.mentions.size(); k-- > 0;) {
      const Mention& m = doc_.mentions[k];
      if (m.sentence == sent_) continue;
      if (found >= 0 && m.sentence != s) break;
      if (sent_ - m.sentence > 4) break;
      if (doc_.actors[static_cast<std::size_t>(m.actor)].kind != NodeKind::kPerson || m.as_location) continue;
      found = m.actor;  // keeps going back to the first person of that sentence
      s = m.sentence;
    }
    return found;
  }

  // A name after a title: a lexicon person, a known surname, or new words.
  // Returns the person and sets [nb, ne); -1 when there is no name at j.
  int read_person_name(std::uint32_t j, std::uint32_t& ne, MentionForm& form, bool allow_single) {
    if (const Hit* h = hit_starting(j); h && h->name >= 0 &&
        L_.actors[static_cast<std::size_t>(h->name)].kind == NodeKind::kPerson) {
      ne = h->e;
      form = MentionForm::kName;
      return actor_from_lex(h->name);
    }
    const std::uint32_t e = name_run(j);
    if (e == j) return -1;
    // "General Motors Corp": an organisation's name, not a person after a title.
    if (e - j >= 2 && in_list(k_organization_cues, e - 1, false)) return -1;
    ne = e;
    if (e - j == 1) {
      const int p = resolve_partial(wtext(j));
      if (p >= 0) {
        form = MentionForm::kPartName;
        return p;
      }
      if (!allow_single) return -1;
    } else {
      // A full name already seen ("Joe Biden" again) or seen as a longer name.
      const int p = resolve_full(j, e);
      if (p >= 0) {
        form = MentionForm::kName;
        return p;
      }
    }
    form = MentionForm::kName;
    return new_person(j, e);
  }

  // A multi-word name seen before, whole or as the end of a longer name
  // ("La Russa" after "Ignazio La Russa").
  int resolve_full(std::uint32_t b, std::uint32_t e) {
    const std::string_view span = span_text(b, e);
    int best = -1;
    for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
      const ExtractedActor& x = doc_.actors[a];
      if (x.kind != NodeKind::kPerson) continue;
      const bool same = x.name == span;
      const bool suffix = x.name.size() > span.size() && x.name.ends_with(span) &&
                          x.name[x.name.size() - span.size() - 1] == ' ';
      if ((same || suffix) && (best < 0 || last_seen_[a] > last_seen_[static_cast<std::size_t>(best)]))
        best = static_cast<int>(a);
    }
    return best;
  }

  // "U.S. Secretary of State Antony Blinken", "his Chinese counterpart Dong
  // Jun", "China's minister of public security, Wang Xiaohong", "the
  // secretary". Returns the word after the pattern, or i when none applies.
  std::uint32_t title_pattern(std::uint32_t i) {
    std::uint32_t j = i;
    bool past = false;
    if (in_list(k_past_prefixes, j, true) && (flag(j, kWHyphenNext) || hit_starting(j + 1))) {
      past = true;
      ++j;
    }
    std::uint32_t det = n();
    if (lower_is(j, "his") || lower_is(j, "her") || lower_is(j, "their") || lower_is(j, "the") ||
        lower_is(j, "its") || lower_is(j, "a") || lower_is(j, "an")) {
      det = j;
      ++j;
    }
    Modifier mod;
    read_modifier(j, mod);
    // "South Korean President Chun and Trade Minister Rha": the second title
    // of a pair shares the first one's state.
    if (!mod.present && det == n() && i > 0 && i == shared_modifier_end_ && lower_is(i - 1, "and")) mod = shared_modifier_;
    // "U.S. Agriculture Secretary Richard Lyng", "U.S. Treasury Assistant
    // Secretary David Mulford", "British corporate affairs minister": the
    // portfolio and rank between a state and a title belong to the title.
    std::uint32_t portfolio_b = j;
    if (mod.present && !(hit_starting(j) && hit_starting(j)->title >= 0)) {
      std::uint32_t k = j;
      while (k < n() && k - j < 4 && hit_at_[k] < 0 &&
             (in_list(k_portfolio_words, k, false) || in_list(k_title_ranks, k, false) ||
              (flag(k, kWLowerWord) && has(k_portfolio_words, capitalised(wtext(k))))))
        ++k;
      if (k > j && hit_starting(k) && hit_starting(k)->title >= 0) j = k;
    }
    int title = -1;
    bool counterpart = false;
    std::uint32_t te = j;
    if (const Hit* h = hit_starting(j); h && h->title >= 0) {
      title = h->title;
      te = h->e;
    } else if (in_list(k_counterpart_words, j, true)) {
      counterpart = true;
      te = j + 1;
    } else {
      return i;
    }
    // "Minister for Defence Ignazio La Russa", "High Commissioner for Human
    // Rights Navi Pillay", "Minister of Mines and Energy Subroto": a
    // portfolio between title and name. The portfolio is its words
    // (portfolio_words, joined by "and"), else all but the last two
    // capitalised words.
    std::string title_text;
    if (title >= 0 && (lower_is(te, "of") || lower_is(te, "for")) && !hit_starting(te + 1)) {
      std::uint32_t name_b = te + 1;
      while (name_b < n() && (in_list(k_portfolio_words, name_b, false) ||
                              ((lower_is(name_b, "and") || punct(name_b, '&')) && name_b > te + 1 &&
                               in_list(k_portfolio_words, name_b + 1, false))))
        ++name_b;
      if (name_b == te + 1 || !capitalised_name_word(name_b)) {
        std::uint32_t k = te + 1;
        while (k < n() && flag(k, kWCap) && !flag(k, kWAllCaps) && hit_at_[k] < 0) ++k;
        name_b = k >= 2 ? k - 2 : k;
        // "La Russa", "De Clercq": a capitalised particle stays with the surname.
        if (name_b > te + 2 && in_list(k_name_particles, name_b, true)) --name_b;
        if (!(name_b > te + 1 && k - (te + 1) >= 3)) name_b = te;
      }
      if (name_b > te + 1) {
        title_text = L_.titles[static_cast<std::size_t>(title)].title + " " + std::string(wtext(te)) + " " +
                     std::string(span_text(te + 1, name_b));
        te = name_b;
      }
    }
    if (portfolio_b < j && title_text.empty()) {
      for (std::uint32_t k = portfolio_b; k < j; ++k) title_text += capitalised(wtext(k)) + " ";
      title_text += L_.titles[static_cast<std::size_t>(title)].title;
    }
    // "Emir Sheikh Tamim …", "Mr. Smith": a prefix is not part of the name.
    if (const Hit* ph = hit_starting(te); !(ph && ph->name >= 0))
      while (in_list(k_person_prefixes, te, false) && flag(te + 1, kWCap)) ++te;
    std::uint32_t ne = te;
    MentionForm form = MentionForm::kName;
    int person = -1;
    bool apposition = false;
    const bool gap_ok = !punct(te, ',');
    // A single unknown word after a title is a surname only after a country
    // ("Chinese President Xi") or a head title ("President Reagan"), never
    // an organisation word ("Premier League", "General Motors").
    const bool single_ok =
        (mod.present || counterpart || (title >= 0 && L_.titles[static_cast<std::size_t>(title)].head)) &&
        !in_list(k_organization_cues, te, false) && !in_list(k_group_cues, te, false);
    if (gap_ok) person = read_person_name(te, ne, form, single_ok);
    if (person < 0 && punct(te, ',') && (mod.present || det < n())) {
      // "China's minister of public security, Wang Xiaohong, to discuss …"
      std::uint32_t e2 = te + 1;
      MentionForm f2 = MentionForm::kName;
      const std::uint32_t run_end = name_run(te + 1);
      const Hit* ph = hit_starting(te + 1);
      const bool lex_person = ph && ph->name >= 0 &&
                              L_.actors[static_cast<std::size_t>(ph->name)].kind == NodeKind::kPerson;
      const std::uint32_t end = lex_person ? ph->e : run_end;
      const bool closed = end >= n() || punct(end, ',') || punct(end, '.') || punct(end, ';') ||
                          lower_is(end, "and") || lower_is(end, "who") || lower_is(end, "to");
      if ((lex_person || run_end - (te + 1) >= 2) && closed) {
        person = read_person_name(te + 1, e2, f2, false);
        if (person >= 0) {
          ne = e2;
          form = f2;
          apposition = true;
        }
      }
    }
    if (person < 0) {
      // "the secretary", "the Chinese foreign minister": the holder named earlier.
      if (title >= 0 && det < n() && lower_is(det, "the")) {
        const int p = holder_of(title, mod.country);
        if (p >= 0) {
          if (mod.present) mention(mod.b, mod.e, mod.actor, MentionForm::kAdjective);
          mention(det, te, p, MentionForm::kTitle);
          return te;
        }
      }
      return i;
    }
    const std::uint32_t name_b = apposition ? te + 1 : te;
    if (det < n() && (lower_is(det, "his") || lower_is(det, "her"))) {
      const int ref = subject_person(words_[det].tok);
      if (ref >= 0 && ref != person) mention(det, det + 1, ref, MentionForm::kPronoun);
    }
    if (mod.present) mention(mod.b, mod.e, mod.actor, MentionForm::kAdjective);
    if (counterpart) {
      // The counterpart of a Russian defence minister is a defence minister.
      const int ref = subject_person(words_[name_b].tok);
      if (ref >= 0 && ref != person) title = current_title(ref);
    }
    if (title >= 0) add_role(person, title, mod.country, mod.organization, past, title_text);
    mention(name_b, ne, person, form);
    if (mod.present) {
      shared_modifier_ = mod;
      shared_modifier_end_ = ne + 1;   // the word after "and"
    }
    return ne;
  }

  int holder_of(int title, const std::string& country) const {
    const LexTitle& t = L_.titles[static_cast<std::size_t>(title)];
    int best = -1;
    for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
      const ExtractedActor& x = doc_.actors[a];
      if (x.kind != NodeKind::kPerson || last_seen_[a] < 0) continue;
      if (!country.empty() && x.country != country) continue;
      bool holds = false;
      for (const Role& r : x.roles) holds = holds || ieq(r.title, t.title) || icontains(r.title, t.title);
      if (holds && (best < 0 || last_seen_[a] > last_seen_[static_cast<std::size_t>(best)]))
        best = static_cast<int>(a);
    }
    return best;
  }

  // "Wang Yi, China's foreign minister, said": a title in apposition after a name.
  std::uint32_t apposition_after(int person, std::uint32_t e) {
    if (!punct(e, ',')) return e;
    std::uint32_t j = e + 1;
    if (lower_is(j, "the") || lower_is(j, "a") || lower_is(j, "an")) ++j;
    Modifier mod;
    read_modifier(j, mod);
    const Hit* h = hit_starting(j);
    if (!h || h->title < 0) return e;
    std::uint32_t te = h->e;
    // "the Prime Minister of Ireland": the country after "of".
    if (!mod.present && lower_is(te, "of")) {
      std::uint32_t k = te + 1;
      if (lower_is(k, "the")) ++k;
      if (const Hit* c = hit_starting(k); c && c->name >= 0 &&
          L_.actors[static_cast<std::size_t>(c->name)].kind == NodeKind::kCountry) {
        std::uint32_t mk = k;
        read_modifier(mk, mod);
        te = c->e;
      }
    }
    const bool closed = te >= n() || punct(te, ',') || punct(te, '.') || punct(te, ';') ||
                        lower_is(te, "said") || lower_is(te, "and") || lower_is(te, "who") ||
                        !flag(te, kWCap);
    if (!closed) return e;
    if (mod.present) mention(mod.b, mod.e, mod.actor, MentionForm::kAdjective);
    add_role(person, h->title, mod.country, mod.organization, false);
    return te;
  }

  // ---- the scan ----------------------------------------------------------------
  void scan() {
    for (std::uint32_t i = 0; i < n();) {
      if (flag(i, kWPunct) || flag(i, kWPossessive)) {
        ++i;
        continue;
      }
      if (std::uint32_t e = title_pattern(i); e != i) {
        i = e;
        continue;
      }
      if (const Hit* h = hit_starting(i)) {
        i = on_hit(*h);
        continue;
      }
      if (std::uint32_t e = on_agent(i); e != i) {
        i = e;
        continue;
      }
      if (std::uint32_t e = on_name_run(i); e != i) {
        i = e;
        continue;
      }
      if (std::uint32_t e = on_group_ref(i); e != i) {
        i = e;
        continue;
      }
      on_pronoun(i);
      on_artifact(i);
      ++i;
    }
  }

  bool location_context(std::uint32_t b, bool country) const {
    if (b == 0) return false;
    std::uint32_t p = b - 1;
    if (lower_is(p, "the") && p > 0) --p;
    return in_list(country ? k_country_location_preps : k_location_preps, p, true);
  }

  // "the New York Stock Exchange", "the Gulf War", "the Iran scandal": a
  // place's name that opens a longer name or names a topic is no place. A
  // company or body's name becomes that organisation; an event's name ("Gulf
  // War", "World Cup") or a topic names nothing. Returns the end of the
  // longer name, or h.e when the place stands alone.
  std::uint32_t place_opens_a_name(const Hit& h) {
    const std::uint32_t k = h.e;
    // "the Iran scandal", "the Iran arms affair", "the Cyprus question": the
    // state names a topic, not a party.
    if (k < n() && !flag(k - 1, kWPossessive) && flag(k, kWLowerWord)) {
      if (in_list(k_named_topics, k, true)) return k + 1;
      if (k + 1 < n() && flag(k + 1, kWLowerWord) && in_list(k_named_topics, k + 1, true)) return k + 2;
    }
    if (k >= n() || flag(k - 1, kWPossessive) || !flag(k, kWCap) || flag(k, kWAllCaps) || hit_at_[k] >= 0) return h.e;
    if (in_list(k_named_events, k, false)) return k + 1;
    // "the Grand Gulf One plant": name words on both sides put the place inside another name.
    if (h.b > 0 && !flag(h.b - 1, kWStart) && capitalised_name_word(h.b - 1) && capitalised_name_word(k))
      return name_run(k);
    if (!capitalised_name_word(k) || in_list(k_institution_heads, k, true) || in_list(k_agent_nouns, k, true) ||
        in_list(k_title_words, k, false) || in_list(k_media_heads, k, false))
      return h.e;
    // ("Japan Finance Ministry": the state's institution, read elsewhere.)
    const std::uint32_t run = name_run(k);
    if (institution(k, run)) return h.e;
    const std::uint32_t e = extend_organization(h.b, run);
    if (!in_list(k_organization_cues, e - 1, false) && !org_suffix(e - 1)) return h.e;
    make_named(h.b, e, NodeKind::kOrganization);
    ExtractedActor& org = doc_.actors[static_cast<std::size_t>(doc_.mentions.back().actor)];
    if (org.country.empty()) org.country = hit_country(h);   // the New York Stock Exchange is American
    return e;
  }

  // A hit naming a state or place as a noun ("Iran", "the Kremlin"), not as an adjective.
  bool place_noun(const Hit& h) const {
    if (h.adj >= 0) return false;
    if (h.met >= 0) return true;
    if (h.name < 0) return false;
    const NodeKind kind = L_.actors[static_cast<std::size_t>(h.name)].kind;
    return kind == NodeKind::kLocation || kind == NodeKind::kCountry;
  }

  std::uint32_t on_hit(const Hit& h) {
    if (h.ignore) return h.e;
    if (place_noun(h))
      if (const std::uint32_t e = place_opens_a_name(h); e != h.e) return e;
    if (h.name >= 0) {
      const LexActor& la = L_.actors[static_cast<std::size_t>(h.name)];
      const int a = actor_from_lex(h.name);
      if (la.kind == NodeKind::kLocation) {
        mention(h.b, h.e, a, MentionForm::kName, true);
        return h.e;
      }
      if (la.kind == NodeKind::kPerson) {
        mention(h.b, h.e, a, MentionForm::kName);
        return apposition_after(a, h.e);
      }
      // "U.S. officials", "U.S. efforts", "the U.S. military": the adjective reading of a name.
      if (h.adj >= 0 && !flag(h.e, kWPossessive)) {
        if (std::uint32_t e = demonym_agent(h, h.adj); e != h.e) return e;
        if (!(h.b > 0 && lower_is(h.b - 1, "the")) && (flag(h.e, kWLowerWord) || capitalised_name_word(h.e))) {
          mention(h.b, h.e, a, MentionForm::kAdjective);
          doc_.mentions.back().name_too = true;
          return h.e;
        }
      }
      // "UK Government official": a state's name before an agent noun.
      if (h.adj < 0 && la.kind == NodeKind::kCountry && !flag(h.e, kWPossessive))
        if (std::uint32_t e = demonym_agent(h, h.name); e != h.e) return e;
      // "Egypt's opposition", "Iraq's army": the possessor's agent.
      if (la.kind == NodeKind::kCountry && flag(h.e, kWPossessive))
        if (std::uint32_t e = possessor_agent(h, la.country); e != h.e) return e;
      // "Al Shabaab militants", "Hezbollah fighters", "NATO troops": the
      // group's or body's own armed or official members are the group.
      if ((la.kind == NodeKind::kGroup || la.kind == NodeKind::kOrganization) && !flag(h.e - 1, kWPossessive))
        if (std::uint32_t e = members_of(h, a); e != h.e) return e;
      mention(h.b, h.e, a, MentionForm::kName, la.kind == NodeKind::kCountry && location_context(h.b, true));
      return h.e;
    }
    if (h.met >= 0) {
      const int country = actor_from_lex(h.met);
      if (flag(h.e, kWPossessive) && L_.actors[static_cast<std::size_t>(h.met)].kind == NodeKind::kCountry)
        if (std::uint32_t e = possessor_agent(h, L_.actors[static_cast<std::size_t>(h.met)].country); e != h.e)
          return e;
      // "the Beijing-Moscow relationship" is the two states, "in Beijing" the city.
      if (location_context(h.b, false)) mention(h.b, h.e, place_actor(h.b, h.e, h.met), MentionForm::kMetonym, true);
      else mention(h.b, h.e, country, MentionForm::kMetonym);
      return h.e;
    }
    if (h.adj >= 0) {
      if (std::uint32_t e = demonym_agent(h, h.adj); e != h.e) return e;
      mention(h.b, h.e, actor_from_lex(h.adj), MentionForm::kAdjective);
      return h.e;
    }
    // "Israel eased restrictions on Palestinians", "China freed two
    // Canadians": a country's people, one unnamed actor ("Canadian people").
    if (h.people >= 0) {
      mention(h.b, h.e, unnamed_actor("PPL", L_.actors[static_cast<std::size_t>(h.people)].country), MentionForm::kName);
      return h.e;
    }
    return h.e;  // a title with no name or holder: nothing to record
  }

  // ---- unnamed actors -----------------------------------------------------------
  // Agent nouns ("agents" in the lexicon) name the unnamed actor of a sector,
  // as CAMEO coders read them: "Iraqi officials" IRQGOV, "police in Kenya"
  // KENCOP, "Egypt's opposition" EGYOPP, "the government" the government of
  // the country in scope, "rebels" REB. One actor per (country, sector),
  // named "<demonym> <sector noun>" ("Iraqi government", "Malaysian police")
  // or the noun alone without a country ("rebels"): see unnamed_actor.
  // A mention of one covers the demonym or possessor and the noun (form
  // kName), or the noun alone (form kTitle).

  // [i, end) is "modifiers* agent-noun+" ("security forces", "government
  // officials"); returns the first agent noun (the body) and sets end, or -1.
  int agent_run(std::uint32_t i, std::uint32_t& end) const {
    std::uint32_t k = i;
    while (k < n() && k < i + 2 && in_list(k_agent_modifiers, k, true) && !in_list(k_agent_nouns, k, true)) ++k;
    if (!in_list(k_agent_nouns, k, true) || flag(k, kWAllCaps)) return -1;
    const int body = static_cast<int>(k);
    while (k < n() && in_list(k_agent_nouns, k, true) && !flag(k, kWAllCaps)) ++k;
    end = k;
    return body;
  }

  const AgentNoun* agent_at(std::uint32_t i) const { return L_.agent(wlower(i)); }

  // The actor of (country, sector); "" country for the sector's alone.
  int unnamed_actor(const std::string& sector, const std::string& country) {
    const SectorInfo* info = L_.sector(sector);
    std::string noun = info && !info->noun.empty() ? info->noun : std::string(sector);
    if (!info || info->noun.empty())
      for (char& c : noun) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ExtractedActor x;
    x.name = country.empty() ? noun : L_.demonym(country) + " " + noun;
    x.kind = info && info->state ? NodeKind::kOrganization : NodeKind::kGroup;
    x.country = country;
    x.sector = sector;
    x.naming = Naming::kUnnamed;
    return add_actor(std::move(x));
  }

  // "Malaysian police", "Syrian rebels", "two Brazilian men": a demonym
  // before an agent noun. Returns h.e when the words after it are no agent.
  std::uint32_t demonym_agent(const Hit& h, int lex_country) {
    // "US and British activists", "Syrian, Iraqi and Turkish rebels": the
    // noun after the last of coordinated demonyms is every one's.
    std::uint32_t at = h.e;
    for (int hops = 0; hops < 4 && (lower_is(at, "and") || punct(at, ',')); ++hops) {
      const std::uint32_t next = lower_is(at + 1, "and") ? at + 2 : at + 1;
      const Hit* n = hit_starting(next);
      if (!n || n->adj < 0 || n->name >= 0) break;
      at = n->e;
    }
    std::uint32_t end = 0;
    if (agent_run(at, end) < 0) return h.e;
    const AgentNoun* a = agent_at(end - 1);
    // "the Russian parliament's committee": the possessor of something else.
    if (!a || agent_names_someone(end) || flag(end, kWPossessive)) return h.e;
    const int g = unnamed_actor(a->sector, L_.actors[static_cast<std::size_t>(lex_country)].country);
    if (at != h.e) {
      // Only the demonym is this actor's mention (no name of it: "US" is
      // not the American opposition's); the noun belongs to the last one.
      mention(h.b, h.e, g, MentionForm::kName, false, -1, false);
      return h.e;
    }
    mention(h.b, end, g, MentionForm::kName);
    return end;
  }

  // A named group or body before the nouns of its members who act for it
  // ("Taliban fighters", "UN peacekeepers"); workers, students or doctors of
  // an organisation are not the organisation. Returns h.e when none follows.
  std::uint32_t members_of(const Hit& h, int actor) {
    std::uint32_t end = 0;
    if (agent_run(h.e, end) < 0 || agent_names_someone(end) || flag(end, kWPossessive)) return h.e;
    const AgentNoun* a = agent_at(end - 1);
    static constexpr std::string_view kActing[] = {"GOV", "DIP", "MIL", "COP", "REB", "INS", "SEP", "UAF", "SPY"};
    if (!a || std::find(std::begin(kActing), std::end(kActing), a->sector) == std::end(kActing)) return h.e;
    mention(h.b, end, actor, MentionForm::kName);
    return end;
  }

  // "Egypt's opposition", "Iraq's army": a state's possessive before an agent noun.
  std::uint32_t possessor_agent(const Hit& h, const std::string& country) {
    std::uint32_t end = 0;
    if (agent_run(h.e + 1, end) < 0) return h.e;
    const AgentNoun* a = agent_at(end - 1);
    if (!a || agent_names_someone(end) || flag(end, kWPossessive)) return h.e;
    mention(h.b, end, unnamed_actor(a->sector, country), MentionForm::kName);
    return end;
  }

  // "a police officer said", "police chief X", "army General Y": the noun
  // modifies a name after it, which is the actor.
  bool agent_names_someone(std::uint32_t end) const {
    if (capitalised_name_word(end)) return true;
    const Hit* h = hit_starting(end);
    return h && h->title >= 0;
  }

  // Country of a lexicon hit that names a state or a place in one: a country
  // name, a capital, a demonym, a located place. Empty when none.
  std::string hit_country(const Hit& h) const {
    int li = h.name >= 0 ? h.name : h.met >= 0 ? h.met : h.adj;
    if (li < 0) return {};
    const LexActor& a = L_.actors[static_cast<std::size_t>(li)];
    if (a.kind != NodeKind::kCountry && a.kind != NodeKind::kLocation) return {};
    // A historical state counts through a dated capital ("officials in
    // Moscow" in 1987), not through its name or adjective.
    if (a.historical && h.met < 0) return {};
    return a.country;
  }

  // "police in Kenya", "a court in Guyana", "the government of Iran",
  // "officials in Baghdad": the place right after the agent.
  std::string country_after(std::uint32_t end) const {
    if (!(lower_is(end, "in") || lower_is(end, "of"))) return {};
    std::uint32_t k = end + 1;
    if (lower_is(k, "the")) ++k;
    const Hit* h = hit_starting(k);
    if (!h || h->ignore) return {};
    // "the government of Iran's ..." still names Iran; "in Iranian waters" does not.
    if (h->name < 0 && h->met < 0) return {};
    return hit_country(*h);
  }

  // The one country this sentence names (as a state, place or demonym), or "".
  std::string sentence_country() const {
    std::string found;
    for (const Hit& h : hits_) {
      if (h.ignore) continue;
      const std::string c = hit_country(h);
      if (c.empty()) continue;
      if (!found.empty() && found != c) return {};
      found = c;
    }
    return found;
  }

  // "BAHRAIN, Oct 19 -", "GAZA CITY, Palestinian Territories:": the country of
  // the dateline's place, when the lexicon knows it.
  std::string dateline_country() const {
    if (doc_.dateline_end <= doc_.dateline_start) return {};
    std::string_view line = std::string_view(doc_.lower).substr(doc_.dateline_start, doc_.dateline_end - doc_.dateline_start);
    const std::size_t cut = line.find_first_of(",(-:");
    if (cut != std::string_view::npos) line = line.substr(0, cut);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (line.empty()) return {};
    std::vector<std::string> words = split_phrase_words(line);
    if (words.empty()) return {};
    const auto* info = L_.info(words.front());
    if (!info || info->phrases < 0) return {};
    for (std::uint32_t pid : L_.first_phrases[static_cast<std::size_t>(info->phrases)]) {
      const Phrase& p = L_.phrases[pid];
      if (p.lower != words || p.target < 0 || !p.active_at(anchor_key_)) continue;
      if (p.type != PhraseType::kName && p.type != PhraseType::kMetonym) continue;
      const LexActor& a = L_.actors[static_cast<std::size_t>(p.target)];
      // A dated name ("BELGRADE" in 1987) gives the state of its period even
      // when that state is historical.
      if ((a.kind == NodeKind::kCountry || a.kind == NodeKind::kLocation) && (!a.historical || p.dated))
        return a.country;
    }
    return {};
  }

  // A bare agent noun: "police in Kenya", "the government", "Insurgents
  // bombarded ... Syria's second city". Returns i when it names no actor.
  std::uint32_t on_agent(std::uint32_t i) {
    if (!in_list(k_agent_nouns, i, true) && !in_list(k_agent_modifiers, i, true)) return i;
    // Lower case, first in the sentence, a noun listed capitalised
    // ("Hindus"), or a body after "the" ("the Government").
    const AgentNoun* at_i = agent_at(i);
    const bool capital_ok = flag(i, kWCap) && ((at_i && in_list(k_agent_nouns, i, false)) ||
                                               (at_i && at_i->body && i > 0 && lower_is(i - 1, "the")));
    if (!flag(i, kWLowerWord) && !flag(i, kWStart) && !capital_ok) return i;
    std::uint32_t end = 0;
    const int body = agent_run(i, end);
    if (body < 0) return i;
    // An adjective or possessor before it is read elsewhere ("Iraqi
    // officials", "Iraq's army"), also past modifiers ("EC foreign ministers").
    std::uint32_t start = i;
    while (start > 0 && i - start < 2 && in_list(k_agent_modifiers, start - 1, true)) --start;
    // (A capitalised first word before a lower-case modifier is no name:
    // "Suspected communist rebels".)
    const bool name_before = start > 0 && capitalised_name_word(start - 1) &&
                             !(flag(start - 1, kWStart) && flag(start, kWLowerWord));
    if (start > 0 && (hit(start - 1) || flag(start - 1, kWPossessive) || name_before)) return i;
    if (agent_names_someone(end)) return i;
    const AgentNoun* first = agent_at(static_cast<std::uint32_t>(body));
    const AgentNoun* head = agent_at(end - 1);
    if (!first || !head) return i;
    // "the government's program", "the administration agreement": a
    // possessor or a modifier of another noun, not the actor.
    if (flag(end, kWPossessive) || in_list(k_artifact_heads, end, true)) return i;
    const SectorInfo* info = L_.sector(head->sector);
    std::string country = country_after(end);
    if (country.empty()) {
      if (info && info->state) {
        // "the government", "the army": the body of the dateline's state (a
        // story from LONDON speaks of Britain's government). A body without
        // "the" modifies another noun ("military sources"). A previous
        // sentence's state is too often someone else's ("... the
        // government has offered the Indonesian government"), and "close
        // to the government", "between Congress and the administration" too
        // often not the state acting. Other nouns ("officials", "diplomats")
        // are anyone's: only the article's one country gives them one.
        if (head->body) {
          const bool the = i > 0 && lower_is(i - 1, "the");
          // Without "the" a body names itself only where no noun follows it
          // ("police said", "clashed with police"; not "military sources").
          if (!the && end < n() && flag(end, kWLowerWord) && !in_list(k_speech_verbs, end, true) &&
              !lower_is(end, "and") && !lower_is(end, "on") && !lower_is(end, "in") && !lower_is(end, "at"))
            return i;
          if (the && i >= 2 &&
              (lower_is(i - 2, "to") || lower_is(i - 2, "with") || lower_is(i - 2, "and") ||
               lower_is(i - 2, "between") || lower_is(i - 2, "of") || lower_is(i - 2, "by")))
            return i;
          country = dateline_country_;
        }
      } else {
        // "met opposition from the Liberal faction", "opposition to the
        // plan": a bare body before "from"/"to" is the abstract noun.
        if (head->body && !(i > 0 && lower_is(i - 1, "the")) && (lower_is(end, "from") || lower_is(end, "to")))
          return i;
        // Rebels are of the one country the sentence names, not the reporter's.
        country = sentence_country();
      }
    }
    if (country.empty() && head->needs_country) return i;
    const int g = unnamed_actor(head->sector, country);
    if (country.empty()) pending_.push_back({g, {}, head->sector, false});
    mention(i, end, g, MentionForm::kTitle);
    return end;
  }

  // Capitalised words outside the lexicon: surnames of people already seen,
  // then the guarded fallback.
  std::uint32_t on_name_run(std::uint32_t i) {
    std::uint32_t e = name_run(i);
    if (e == i) return i;
    e = extend_organization(i, e);
    // "Mr. Smith", "Lord Goldsmith": a person prefix is evidence, not part of the name.
    bool prefixed = i > 0 && in_list(k_person_prefixes, i - 1, false);
    while (e - i >= 2 && in_list(k_person_prefixes, i, false)) {
      ++i;
      prefixed = true;
    }
    if (e - i == 1) {
      const int p = resolve_partial(wtext(i));
      if (p >= 0) {
        mention(i, e, p, MentionForm::kPartName);
        return apposition_after(p, e);
      }
    } else if (const int p = resolve_full(i, e); p >= 0) {
      mention(i, e, p, MentionForm::kName);
      return apposition_after(p, e);
    }
    const bool at_start = flag(i, kWStart);
    // '"...," said Daniel Levy': an attribution verb after a comma or a
    // closing quote introduces the speaker.
    const bool speech = in_list(k_speech_verbs, e, true) ||
                        (i >= 2 && in_list(k_speech_verbs, i - 1, true) && flag(i - 2, kWPunct) && !at_start);
    // "Finance Ministry", "Supreme Court", "the Senate": a state's institution.
    if (const std::string* sector = institution(i, e)) return make_institution(i, e, *sector);
    // "General Motors Corp": a word that is also a title opens the company's name.
    if (e - i >= 2 && in_list(k_organization_cues, e - 1, false) && i > 0)
      if (const Hit* t = hit(i - 1); t && t->e == i && t->b + 1 == i && t->title >= 0 && t->name < 0 &&
                                     !L_.titles[static_cast<std::size_t>(t->title)].head)
        --i;
    // "Radio Wales", "Greater Manchester Radio", "Fox News": the press, not a person.
    if (e - i >= 2 && (in_list(k_media_heads, e - 1, false) || in_list(k_media_heads, i, false)))
      return make_named(i, e, NodeKind::kOrganization);
    // The last word decides organisations and groups ("Foreign Ministry", "Al-Aqsa Brigades").
    if (e - i >= 2 && in_list(k_organization_cues, e - 1, false)) return make_named(i, e, NodeKind::kOrganization);
    if (e - i >= 2 && in_list(k_group_cues, e - 1, false)) return make_named(i, e, NodeKind::kGroup);
    if (e - i >= 2 && in_list(k_artifact_heads, e - 1, true)) return make_named(i, e, NodeKind::kArtifact);
    if (e - i >= 2 && (prefixed || speech)) return make_person(i, e);
    if (prefixed && e - i == 1 && !at_start) {
      const int p = new_person(i, e);
      mention(i, e, p, MentionForm::kName);
      return e;
    }
    // "Wang Xiaohong, China's minister of public security", "Bertie Ahern, the
    // Prime Minister of Ireland": an apposed title is evidence, even at a sentence start.
    if (e - i >= 2 && punct(e, ',')) {
      std::uint32_t k = e + 1;
      if (lower_is(k, "the") || lower_is(k, "a") || lower_is(k, "an")) ++k;
      if (const Hit* h = hit_starting(k); h && h->title < 0) k = h->e + (flag(h->e, kWPossessive) ? 1 : 0);
      if (const Hit* h = hit_starting(k); h && h->title >= 0) return make_person(i, e);
    }
    if (e - i >= 2 && !at_start) {
      if (location_context(i, false)) return make_named(i, e, NodeKind::kLocation);
    }
    // "the island of Anjouan", "the province of Helmand": a place noun names
    // the place after "of".
    if (i >= 2 && lower_is(i - 1, "of") && in_list(k_place_nouns, i - 2, true))
      return make_named(i, e, NodeKind::kLocation);
    // No evidence yet; a later "Mr Bell" confirms "Charlie Bell, the former head of McDonald's".
    if (e - i >= 2 && e - i <= 4)
      unconfirmed_.push_back({sent_, words_[i].tok, words_[e - 1].tok + 1, words_[i].start, words_[e - 1].end,
                              words_[e - 1].start});
    return e;  // no evidence: not an actor
  }

  // A person the fallback found in [b, e), without a title glued before the
  // name ("Energy Subroto", "Treasury Secertary James Baker").
  std::uint32_t make_person(std::uint32_t b, std::uint32_t e) {
    b = trim_title_residue(b, e);
    int p = -1;
    if (e - b == 1) p = resolve_partial(wtext(b));
    else p = resolve_full(b, e);
    if (p < 0) p = new_person(b, e);
    mention(b, e, p, e - b == 1 && doc_.actors[static_cast<std::size_t>(p)].name != wtext(b) ? MentionForm::kPartName
                                                                                         : MentionForm::kName);
    return apposition_after(p, e);
  }

  // Organisation names run on where a name run stops: across "and"/"&" to a
  // short name that ends in an organisation word ("Mitsui and Co Ltd",
  // "Securities and Exchange Commission"; not "General Motors and Ford
  // Motor Co", two companies), across "of" after one ("Bank of Japan",
  // "Ministry of International Trade and Industry"), across a possessive
  // ("Moody's Investors Service Inc") and a comma before Inc or Ltd
  // ("Salomon Brothers, Inc."). Returns the new end of [b, e).
  std::uint32_t extend_organization(std::uint32_t b, std::uint32_t e) const {
    bool complement = false;  // inside "X of Y": "and" joins words of Y
    for (int hops = 0; hops < 4 && e < n(); ++hops) {
      const bool org = in_list(k_organization_cues, e - 1, false);
      std::uint32_t k = e;
      if (punct(k, ',') && org_suffix(k + 1)) return k + 2;
      if (flag(k, kWPossessive) && e - b == 1 && !(b > 0 && in_list(k_person_prefixes, b - 1, false))) {
        const std::uint32_t r = name_run(k + 1);
        if (r == k + 1 || r - (k + 1) > 4 || !org_suffix(r - 1)) break;
        e = r;
        continue;
      }
      if (lower_is(k, "and") || punct(k, '&')) {
        if (org && !complement && e - b >= 2) break;
        const std::uint32_t r = name_run(k + 1);
        if (r == k + 1) break;
        if (!complement && (r - (k + 1) > 2 || !in_list(k_organization_cues, r - 1, false))) break;
        e = r;
        continue;
      }
      if (lower_is(k, "of") && org && !complement) {
        ++k;
        if (lower_is(k, "the")) ++k;
        if (const Hit* h = hit_starting(k); h && (h->name >= 0 || h->met >= 0)) {
          const NodeKind kind = L_.actors[static_cast<std::size_t>(h->name >= 0 ? h->name : h->met)].kind;
          if (kind == NodeKind::kCountry || kind == NodeKind::kLocation) return h->e;  // "Bank of Japan"
          break;
        }
        const std::uint32_t r = name_run(k);
        if (r == k) break;
        e = r;
        complement = true;
        continue;
      }
      break;
    }
    return e;
  }

  bool org_suffix(std::uint32_t i) const {
    if (i >= n()) return false;
    static constexpr std::string_view kSuffixes[] = {"Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.", "Corp",
                                                     "Corp.", "PLC", "Plc", "plc", "LLC", "AG", "SA", "NV"};
    for (std::string_view x : kSuffixes)
      if (wtext(i) == x) return true;
    return false;
  }

  // The sector of the state institution [b, e) names by its portfolio alone:
  // a head (institution_heads: "Ministry", "Court", "Senate") last or
  // before "of", every other word a portfolio word or a link ("Finance
  // Ministry", "Ministry of International Trade and Industry", "Supreme
  // Court"); one word only for the heads that stand alone ("the Senate",
  // "Congress": institution_alone). nullptr otherwise ("Deutsche Bank",
  // "Bank of Japan").
  const std::string* institution(std::uint32_t b, std::uint32_t e) const {
    std::uint32_t head = e;
    if (in_list(k_institution_heads, e - 1, true) && flag(e - 1, kWCap)) head = e - 1;
    else if (e - b >= 3 && in_list(k_institution_heads, b, true) && flag(b, kWCap) && lower_is(b + 1, "of"))
      head = b;
    if (head == e) return nullptr;
    if (e - b == 1) {
      const auto* alone = L_.word_list("institution_alone");
      if (!alone || !alone->count(wtext(b))) return nullptr;
    }
    for (std::uint32_t k = b; k < e; ++k)
      if (k != head && !in_list(k_portfolio_words, k, false) && !in_list(k_institution_links, k, true)) return nullptr;
    return L_.institution_sector(wlower(head));
  }

  // The country that a demonym ("Japanese Finance Ministry") or a possessor
  // ("Russia's Defence Ministry") right before word b gives; "" when none.
  std::string modifier_country(std::uint32_t b) const {
    if (b == 0) return {};
    if (const Hit* h = hit(b - 1); h && h->e == b && h->adj >= 0)
      return L_.actors[static_cast<std::size_t>(h->adj)].country;
    if (b > 1 && flag(b - 1, kWPossessive))
      if (const Hit* p = hit(b - 2); p && p->e == b - 1) {
        const int li = p->name >= 0 ? p->name : p->met;
        if (li >= 0 && L_.actors[static_cast<std::size_t>(li)].kind == NodeKind::kCountry)
          return L_.actors[static_cast<std::size_t>(li)].country;
      }
    return {};
  }

  // A state institution: tied to the country its modifier or the dateline
  // gives ("Japanese Finance Ministry"), the lexicon's entry when it has one
  // ("U.S. Senate" for the Senate of a US story); without a country, an
  // institution of this article alone until finish() finds the article's
  // one country.
  std::uint32_t make_institution(std::uint32_t b, std::uint32_t e, const std::string& sector) {
    std::string country = modifier_country(b);
    if (country.empty()) country = dateline_country_;
    const std::string span(span_text(b, e));
    const int id = institution_actor(span, sector, country);
    if (country.empty()) pending_.push_back({id, span, sector, true});
    // The modifier keeps its own mention ("Japanese", "Russia's").
    mention(b, e, id, MentionForm::kName);
    return e;
  }

  int institution_actor(const std::string& span, const std::string& sector, const std::string& country) {
    if (!country.empty()) {
      if (auto it = L_.local_names.find(country + "|" + normalize_name(span)); it != L_.local_names.end())
        return actor_from_lex(static_cast<int>(it->second));
      const std::string canonical = L_.demonym(country) + " " + span;
      if (auto it = L_.org_by_name.find(normalize_name(canonical)); it != L_.org_by_name.end())
        for (std::uint32_t li : it->second)
          if (L_.actors[li].country == country) return actor_from_lex(static_cast<int>(li));
      ExtractedActor a;
      a.name = canonical;
      a.kind = NodeKind::kOrganization;
      a.country = country;
      a.sector = sector;
      return add_actor(std::move(a));
    }
    ExtractedActor a;
    a.name = span;
    a.kind = NodeKind::kOrganization;
    a.sector = sector;
    a.naming = Naming::kCommon;
    return add_actor(std::move(a));
  }

  std::uint32_t make_named(std::uint32_t b, std::uint32_t e, NodeKind kind) {
    // "National Data Corp", "International Harvester Co": words that are no
    // name alone open an organisation's name.
    if (kind == NodeKind::kOrganization || kind == NodeKind::kGroup)
      while (b > 0 && e - b < 6 && flag(b - 1, kWCap) && hit_at_[b - 1] < 0 && in_list(k_name_openers, b - 1, false)) --b;
    // "Chinese Foreign Ministry": the adjective before it gives the country and the name.
    std::string country;
    std::uint32_t nb = b;
    if (b > 0) {
      if (const Hit* h = hit(b - 1); h && h->e == b && h->adj >= 0) {
        country = L_.actors[static_cast<std::size_t>(h->adj)].country;
        nb = h->b;
      } else if (b > 1 && flag(b - 1, kWPossessive) && kind != NodeKind::kLocation) {
        // "Russia's Defence Ministry": the possessor state gives the country
        // (the name stays without it: the possessor is its own mention).
        if (const Hit* p = hit(b - 2); p && p->e == b - 1 && p->name >= 0 &&
            L_.actors[static_cast<std::size_t>(p->name)].kind == NodeKind::kCountry)
          country = L_.actors[static_cast<std::size_t>(p->name)].country;
      }
    }
    // "Bank of Japan": the country named inside the name.
    if (country.empty() && kind == NodeKind::kOrganization)
      for (std::uint32_t k = b + 1; k + 1 < e; ++k)
        if (lower_is(k, "of"))
          if (const Hit* h = hit_starting(k + 1)) country = hit_country(*h);
    ExtractedActor a;
    a.name = std::string(span_text(nb, e));
    a.kind = kind;
    a.country = country;
    if (kind == NodeKind::kOrganization && org_suffix(e - 1)) a.sector = "BUS";  // "Mitsui and Co Ltd"
    else if (kind == NodeKind::kOrganization && (in_list(k_media_heads, e - 1, false) || in_list(k_media_heads, nb, false)))
      a.sector = "MED";  // "Fox News", "Radio Wales"
    const int id = add_actor(std::move(a));
    mention(b, e, id, MentionForm::kName, kind == NodeKind::kLocation);
    return e;
  }

  // "the two countries", "both sides": the last two states in focus.
  std::uint32_t on_group_ref(std::uint32_t i) {
    std::uint32_t j = i;
    if (lower_is(j, "the") && lower_is(j + 1, "two")) j += 2;
    else if (lower_is(j, "both")) j += 1;
    else return i;
    if (!in_list(k_group_ref_nouns, j, true)) return i;
    int a = -1, b = -1;
    if (!focus_pair(a, b)) return j + 1;
    mention(i, j + 1, a, MentionForm::kGroupRef, false, b);
    return j + 1;
  }

  void on_pronoun(std::uint32_t i) {
    const std::string_view w = wlower(i);
    if (w != "he" && w != "him" && w != "his" && w != "she" && w != "her" && w != "hers" &&
        w != "himself" && w != "herself")
      return;
    const int p = subject_person(words_[i].tok);
    if (p >= 0) mention(i, i + 1, p, MentionForm::kPronoun);
  }

  // "a bill", "the aid bill", "the INF treaty", "a suspected Chinese surveillance balloon".
  void on_artifact(std::uint32_t i) {
    if (!flag(i, kWLowerWord) || !in_list(k_artifact_heads, i, true)) return;
    // Modifiers: up to four words back to the determiner that opens the noun
    // phrase ("the first superpower arms control agreement"); the last two are
    // kept. Lowercase words count only when such an opening is found, so
    // "would impose sanctions" stays "sanctions".
    std::uint32_t b = i;
    std::string country;
    bool opened = false;
    while (b > 0 && i - b < 4) {
      const std::uint32_t k = b - 1;
      if (flag(k, kWPunct) || flag(k, kWNumber) || flag(k, kWPossessive) || in_list(k_artifact_stops, k, true)) {
        opened = true;
        break;
      }
      const std::string_view lw = wlower(k);
      if (lw.ends_with("ed") || lw.ends_with("ing") || lw.ends_with("ly")) {
        opened = true;
        break;
      }
      if (const Hit* h = hit(k)) {
        if (h->adj >= 0 && h->e == b) {
          country = L_.actors[static_cast<std::size_t>(h->adj)].country;
          b = h->b;
          opened = true;
          break;
        }
        break;
      }
      if (flag(k, kWCap) && !flag(k, kWAllCaps)) break;
      b = k;
    }
    if (!opened && b < i) {
      bool all_lower = true;
      for (std::uint32_t k = b; k < i; ++k) all_lower = all_lower && flag(k, kWLowerWord);
      if (all_lower) b = i;
    }
    // Keep the two modifiers next to the head (and a country adjective before them).
    std::uint32_t keep = b;
    {
      std::uint32_t plain = 0;
      for (std::uint32_t k = i; k-- > b;) {
        if (hit(k) && hit(k)->adj >= 0) continue;
        if (plain == 2) {
          keep = k + 1;
          break;
        }
        ++plain;
      }
    }
    std::string head(wlower(i));
    std::string name;
    bool named = false;  // "the INF treaty" names one treaty; "an aid bill" is a common noun
    for (std::uint32_t k = keep; k < i; ++k) {
      if (hit(k) && hit(k)->adj >= 0) continue;  // the country goes to `country`, not the name
      name += std::string(wtext(k)) + " ";
      named = named || flag(k, kWCap);
    }
    name += head;
    int id = -1;
    // "the bill" later in the story is the bill named before.
    for (std::size_t a = doc_.actors.size(); a-- > 0;) {
      ExtractedActor& x = doc_.actors[a];
      if (x.kind != NodeKind::kArtifact) continue;
      if (x.name == name) {
        id = static_cast<int>(a);
        break;
      }
      const bool same_head = x.name == head || x.name.ends_with(" " + head);
      if (same_head && name == head) {
        id = static_cast<int>(a);
        break;
      }
      if (same_head && x.name == head) {  // "a bill" then "the aid bill": keep the fuller name
        by_key_.erase(std::string(to_string(NodeKind::kArtifact)) + "|" + normalize_name(x.name));
        x.aliases.push_back(x.name);
        x.name = name;
        by_key_[std::string(to_string(NodeKind::kArtifact)) + "|" + normalize_name(name)] = static_cast<int>(a);
        id = static_cast<int>(a);
        break;
      }
    }
    if (id < 0) {
      ExtractedActor a;
      a.name = name;
      a.kind = NodeKind::kArtifact;
      a.country = country;
      if (!named) a.naming = Naming::kCommon;
      id = add_actor(std::move(a));
    }
    mention(b, i + 1, id, MentionForm::kName);
  }

  // ---- after the last sentence -------------------------------------------------
  void finish() {
    resolve_pending();
    // A dated article attaches only the roles held at its date (Biden is Vice
    // President in 2012, President in 2022); an undated one keeps them all.
    if (doc_.anchor.known())
      for (auto& a : doc_.actors)
        std::erase_if(a.roles, [&](const Role& r) {
          if (role_held_at(r, doc_.anchor)) return false;
          const int self = static_cast<int>(&a - doc_.actors.data());
          return std::find(stated_roles_.begin(), stated_roles_.end(), std::make_pair(self, r.title)) ==
                 stated_roles_.end();
        });
    // Every role's country is a country actor (the store links roles to it).
    const std::size_t count = doc_.actors.size();
    for (std::size_t a = 0; a < count; ++a) {
      std::vector<std::string> codes;
      for (const Role& r : doc_.actors[a].roles)
        if (!r.country.empty()) codes.push_back(r.country);
      if (doc_.actors[a].kind == NodeKind::kPerson && !doc_.actors[a].country.empty())
        codes.push_back(doc_.actors[a].country);
      for (const auto& c : codes) country_actor(c);
    }
    const std::string only_country = article_country();
    for (ExtractedActor& a : doc_.actors)
      if (a.kind == NodeKind::kPerson && a.naming == Naming::kPartial && a.country.empty()) a.scope = only_country;
    // A person named in full is also known by surname: the store finds the
    // person of another article's "Mr Ebbers" through it.
    std::vector<int> lex_of(doc_.actors.size(), -1);
    for (const auto& [li, a] : lex_to_doc_)
      if (a >= 0 && static_cast<std::size_t>(a) < lex_of.size()) lex_of[static_cast<std::size_t>(a)] = li;
    for (std::size_t i = 0; i < doc_.actors.size(); ++i) {
      ExtractedActor& a = doc_.actors[i];
      if (a.kind != NodeKind::kPerson || a.naming != Naming::kProper) continue;
      const std::string sur = lex_of[i] >= 0 ? L_.surname_of(L_.actors[static_cast<std::size_t>(lex_of[i])])
                                             : L_.surname_of(a.name, a.country);
      if (!sur.empty() && sur != a.name && std::find(a.aliases.begin(), a.aliases.end(), sur) == a.aliases.end())
        a.aliases.push_back(sur);
    }
    for (auto& a : doc_.actors) {
      a.aliases.erase(std::remove(a.aliases.begin(), a.aliases.end(), a.name), a.aliases.end());
      // A person's sector is the government's when one of the roles is, else the first role's.
      if (a.kind == NodeKind::kPerson && a.sector.empty())
        for (const Role& r : a.roles)
          if (!r.sector.empty() && (a.sector.empty() || r.sector == "GOV")) a.sector = r.sector;
      // Things are not actors: they have no actor code.
      if (a.code.empty() && a.kind != NodeKind::kArtifact) a.code = L_.actor_code(a.kind, a.country, a.sector);
    }
    std::stable_sort(doc_.mentions.begin(), doc_.mentions.end(), [](const Mention& x, const Mention& y) {
      return x.sentence != y.sentence ? x.sentence < y.sentence : x.token_begin < y.token_begin;
    });
  }

  // The one country the article names (states, places, demonyms, people's
  // and bodies' countries, the dateline), "" when it names none or several.
  std::string article_country() const {
    std::string found = dateline_country_;
    for (const ExtractedActor& a : doc_.actors) {
      if (a.mentions == 0 || a.country.empty()) continue;
      if (!found.empty() && found != a.country) return {};
      found = a.country;
    }
    return found;
  }

  // Actors made without a country take the article's one country when it
  // names only one ("police" in a story that names only Kenya are Kenyan
  // police). Otherwise an institution stays one of this article alone, a
  // non-state unnamed actor the sector's alone ("rebels"), and a state's
  // body is left out: "the government" of no known state names nobody.
  void resolve_pending() {
    if (pending_.empty()) return;
    const std::string country = article_country();
    const std::size_t before = doc_.actors.size();
    std::vector<int> to(before);  // what each actor becomes; -1 = left out
    for (std::size_t a = 0; a < before; ++a) to[a] = static_cast<int>(a);
    for (const Pending& p : pending_) {
      const auto from = static_cast<std::size_t>(p.actor);
      if (to[from] != p.actor) continue;
      if (country.empty()) {
        const SectorInfo* info = L_.sector(p.sector);
        if (!p.institution && info && info->state) to[from] = -1;
        continue;
      }
      to[from] = p.institution ? institution_actor(p.span, p.sector, country) : unnamed_actor(p.sector, country);
      ExtractedActor& src = doc_.actors[from];
      ExtractedActor& dst = doc_.actors[static_cast<std::size_t>(to[from])];
      dst.mentions += src.mentions;
      for (auto& alias : src.aliases)
        if (std::find(dst.aliases.begin(), dst.aliases.end(), alias) == dst.aliases.end()) dst.aliases.push_back(alias);
      if (src.name != dst.name && p.institution) dst.aliases.push_back(src.name);
    }
    // Renumber the actors that stay, and their mentions.
    std::vector<int> index(doc_.actors.size(), -1);
    std::vector<ExtractedActor> kept;
    for (std::size_t a = 0; a < doc_.actors.size(); ++a) {
      if (a < before && to[a] != static_cast<int>(a)) continue;
      index[a] = static_cast<int>(kept.size());
      kept.push_back(std::move(doc_.actors[a]));
    }
    auto renumber = [&](int a) {
      if (a < 0) return a;
      const int now = a < static_cast<int>(before) ? to[static_cast<std::size_t>(a)] : a;
      return now < 0 ? -1 : index[static_cast<std::size_t>(now)];
    };
    for (Mention& m : doc_.mentions) {
      m.actor = renumber(m.actor);
      m.actor2 = renumber(m.actor2);
    }
    std::erase_if(doc_.mentions, [](const Mention& m) { return m.actor < 0; });
    doc_.actors = std::move(kept);
    std::vector<std::pair<int, std::string>> roles;
    for (auto& [a, title] : stated_roles_)
      if (renumber(a) >= 0) roles.emplace_back(renumber(a), title);
    stated_roles_ = std::move(roles);
    for (auto& [li, a] : lex_to_doc_) a = renumber(a);
    by_key_.clear();
    for (std::size_t a = 0; a < doc_.actors.size(); ++a) by_key_.emplace(actor_key(doc_.actors[a]), static_cast<int>(a));
    last_seen_.assign(doc_.actors.size(), 0);
    stated_title_.assign(doc_.actors.size(), -1);
  }

  // An actor made without a country, which finish() gives the article's one
  // country when it names only one: an unnamed actor or an institution.
  struct Pending {
    int actor = -1;
    std::string span;    // the institution's name as written; "" for an unnamed actor
    std::string sector;
    bool institution = false;
  };

  Document& doc_;
  const ActorLexicon::Impl& L_;
  std::vector<Pending> pending_;
  std::vector<Unconfirmed> unconfirmed_;
  std::uint32_t sent_ = 0;
  std::vector<Word> words_;
  std::vector<Hit> hits_;
  std::vector<int> hit_at_;
  std::unordered_map<int, int> lex_to_doc_;
  std::unordered_map<std::string, int> by_key_;
  std::uint64_t bits_[kWordListCount] = {};
  Modifier shared_modifier_;              // the state of the last title read …
  std::uint32_t shared_modifier_end_ = 0;  // … and the word where a title sharing it would start
  std::vector<int> last_seen_;     // per actor: clock of its latest mention
  std::vector<int> stated_title_;  // per actor: title the text gave it, -1 if none
  std::vector<std::pair<int, std::string>> stated_roles_;  // (actor, lexicon role title) the text names
  std::vector<std::pair<std::uint32_t, int>> focus_;  // (sentence, country) mentions, latest last
  int clock_ = 0;
  std::string dateline_country_;  // country of the dateline's place, "" when none
  std::int32_t anchor_key_ = 0;   // doc_.anchor.key(): dated names hold only in their period
  int era_from_ = 0, era_to_ = 0;  // years an undated article states (find_era)
};

}  // namespace

void find_actors(Document& doc, const ActorLexicon& lexicon) {
  Finder(doc, lexicon.impl()).run();
}

}  // namespace geokg
