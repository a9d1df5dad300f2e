// The actor finder of find_actors (actors.hpp), private to the ingest
// module: the words of a sentence, the lexicon hits over them, and the
// Finder whose stages live in actors.cpp (words, lexicon hits), actor_names.cpp
// (actors, names, article time), actor_titles.cpp (titles and their holders),
// actor_scan.cpp (the scan, unnamed actors, artifacts), actor_organizations.cpp
// (organisations' names, institutions, bracketed companies) and
// actor_finish.cpp (after the last sentence: roles, scopes, pending countries).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "geokg/core/ascii.hpp"
#include "geokg/extract/actors.hpp"
#include "lexicon_impl.hpp"

namespace geokg::finder {

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

// "agriculture" -> "Agriculture": a portfolio word as a title writes it.
inline std::string capitalised(std::string_view w) {
  std::string s(w);
  if (!s.empty() && is_ascii_lower(s[0])) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
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
  k_artifact_verb_openers,
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
  k_own_side_modifiers,
  k_fronted_openers,
  k_organization_nouns,
  k_currency_words,
  k_possessive_name_openers,
  k_person_nouns,
  k_organization_titles,
  kWordListCount,
};
inline constexpr const char* kWordListNames[kWordListCount] = {
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
    "artifact_verb_openers",
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
    "own_side_modifiers",
    "fronted_openers",
    "organization_nouns",
    "currency_words",
    "possessive_name_openers",
    "person_nouns",
    "organization_titles",
};

class Finder {
 public:
  Finder(Document& doc, const ActorLexicon::Impl& lex, const geo::Gazetteer* gazetteer = nullptr)
      : doc_(doc), L_(lex), G_(gazetteer) {
    // Looked up once: the scan asks these lists several times per word.
    for (int i = 0; i < kWordListCount; ++i) bits_[i] = L_.list_bit(kWordListNames[i]);
  }

  void run();

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

  void push_word(std::uint32_t tok, std::uint32_t b, std::uint32_t e, std::uint16_t extra);

  void build_words(const Sentence& sent);

  // An all-caps line ("STEADYING THE SHIP") is a heading even when not marked so.
  bool shouting() const;

  // ---- lexicon matching ------------------------------------------------------
  bool word_matches(std::uint32_t i, const Phrase& p, std::size_t k) const {
    if (p.any_case) return wlower(i) == p.lower[k];
    return wtext(i) == p.words[k];
  }

  bool capitalised_name_word(std::uint32_t i) const {
    return i < n() && flag(i, kWCap) && !flag(i, kWAllCaps) && hit_at_[i] < 0 &&
           !in_list(k_non_names, i, false);
  }

  void match_lexicon();

  // Rejects "Michael Jordan", "Chad Wolf", "George Washington": an ambiguous
  // name or a metonym inside a longer capitalised name is not the state.
  bool plausible(Hit& h) const;

  const Hit* hit(std::uint32_t i) const {
    return i < n() && hit_at_[i] >= 0 ? &hits_[static_cast<std::size_t>(hit_at_[i])] : nullptr;
  }
  const Hit* hit_starting(std::uint32_t i) const {
    const Hit* h = hit(i);
    return h && h->b == i ? h : nullptr;
  }
  // The hit starting at i, or after a "the" there ("of [the] United States").
  const Hit* hit_after_the(std::uint32_t i) const { return hit_starting(lower_is(i, "the") ? i + 1 : i); }

  // ---- actors ----------------------------------------------------------------
  int actor_from_lex(int li);

  static std::string actor_key(const ExtractedActor& a);

  int add_actor(ExtractedActor a);

  int country_actor(std::string_view iso3);

  // The place named by a metonym used as a place ("in Beijing"): a location of that country.
  int place_actor(std::uint32_t b, std::uint32_t e, int lex_country);

  std::string_view span_text(std::uint32_t b, std::uint32_t e) const {
    return std::string_view(doc_.text).substr(words_[b].start, words_[e - 1].end - words_[b].start);
  }

  void mention(std::uint32_t b, std::uint32_t e, int actor, MentionForm form, bool as_location = false,
               int actor2 = -1, bool alias = true);

  void focus(int country);

  // The pair in focus: the two states named most often in this and the
  // previous sentence (people count for their state), the more mentioned
  // in the article on ties;
  // the window widens up to four sentences back when it holds fewer than two.
  bool focus_pair(int& first, int& second) const;
  // The one state named in this sentence (so far) and the one before, else -1.
  int named_state_single() const;

  // Adds a role stated in the text unless the person already holds it.
  void add_role(int person, int title_id, const std::string& country, const std::string& organization,
                bool past, const std::string& title_text = {});

  // A person the text names without a lexicon entry; one word is a surname
  // nothing completed ("Mr Howard"), marked partial.
  int new_person(std::uint32_t b, std::uint32_t e);

  // Damerau-Levenshtein distance of two short words is at most 1 (one
  // letter changed, added, dropped, or two neighbours swapped).
  static bool one_edit_apart(std::string_view a, std::string_view b);

  // A long title word, or one misspelt ("Secertary", "Minster").
  bool title_word(std::uint32_t i) const;

  // [b, e) of a name the fallback found, without a title glued before it:
  // portfolio words up to a title word, or the title word alone ("Treasury
  // Secertary James Baker", "Finance Minster Gerhard Stoltenberg"). Without a
  // title word nothing goes ("Security Pacific" stays whole).
  std::uint32_t trim_title_residue(std::uint32_t b, std::uint32_t e) const;

  // ---- names -----------------------------------------------------------------
  // [b, end) capitalised name words with particles and initials inside; at most 5 words.
  std::uint32_t name_run(std::uint32_t b) const;

  // Words of a person's canonical name.
  static bool name_has_part(std::string_view name, std::string_view part, bool first_or_last_only);

  // "Blinken", "Wang", "Xi": a person already named in this article (the most
  // recently mentioned when several share the word; a surname before a
  // given name), else the one lexicon person with that surname who held a
  // role when the article was written. Never by a given name alone: "Mr
  // Howard" is not Howard Lutnick.
  int resolve_partial(std::string_view word);

  // A capitalised name run that had no evidence of naming a person when read.
  struct Unconfirmed {
    std::uint32_t sentence = 0, token_begin = 0, token_end = 0;
    std::uint32_t start = 0, end = 0, last = 0;  // byte spans in Document::text: the name, its last word
  };

  // Makes the person of an unconfirmed run, with its mention there.
  int confirm(const Unconfirmed& u);

  static bool name_has_last(std::string_view name, std::string_view word) {
    return name.size() > word.size() && name.ends_with(word) && name[name.size() - word.size() - 1] == ' ';
  }

  // Whether a lexicon person fits the article's time: a role held at its
  // date; in an undated article, a role within two years of the years the
  // text states ("in 2004"); with neither, nobody can be checked, so nobody
  // fits.
  bool active_in_article_time(const LexActor& a) const;

  // Whether the lexicon may say who a person named in full is, given the
  // article's time: not when every role the lexicon knows starts more than
  // ten years after the article's date, or, in an undated article, decades
  // after the latest year its text states (a story may state only the years
  // of its history); "Mike Johnson" in 2004 is not the Speaker of 2023, but
  // "Jacques Chirac" in 1987 is the later President (then Prime Minister).
  bool fits_article_time(const LexActor& a) const;

  // The years an undated article's time expressions state, for
  // active_in_article_time: [era_from_, era_to_], 0 when none.
  void find_era();

  // ---- patterns --------------------------------------------------------------
  struct Modifier {
    std::uint32_t b = 0, e = 0;   // word range of the modifier ("Chinese", "China's")
    std::string country;          // ISO3
    std::string organization;     // "NATO Secretary-General"
    int actor = -1;               // doc actor of the modifier
    bool present = false;
  };

  // Reads "Chinese", "China's", "U.S.", "Kremlin", "NATO" before a title.
  bool read_modifier(std::uint32_t& j, Modifier& m);

  // The role a person holds as this article presents it: stated in the text,
  // else the lexicon role current at the article date, else the first one.
  int current_title(int person) const;

  // Person mentioned first in this sentence before word i (the subject), else
  // the subject of the latest earlier sentence that has a person.
  // (`officials`: an unnamed official named by a title in an earlier
  // sentence counts too, for "he" and "she".)
  int subject_person(std::uint32_t tok_before, bool officials = false) const;
  // The comma that closes a phrase fronted before a sentence's subject
  // ("Before meeting with Bush, the Crown Prince …"), else kNoComma.
  static constexpr std::uint32_t kNoComma = ~std::uint32_t{0};
  std::uint32_t fronted_comma(std::uint32_t sentence) const;
  bool subject_after(std::uint32_t comma, std::uint32_t b) const;
  bool speaker(const Mention& m) const;
  // Whether m names an unnamed official by a title ("India's finance
  // minister", "a government spokesman"): one person, whom "he" may stand for.
  bool official_by_title(const Mention& m) const;

  // A name after a title: a lexicon person, a known surname, or new words.
  // Returns the person and sets [nb, ne); -1 when there is no name at j.
  int read_person_name(std::uint32_t j, std::uint32_t& ne, MentionForm& form, bool allow_single);

  // A multi-word name seen before, whole or as the end of a longer name
  // ("La Russa" after "Ignazio La Russa").
  int resolve_full(std::uint32_t b, std::uint32_t e);

  // "U.S. Secretary of State Antony Blinken", "his Chinese counterpart Dong
  // Jun", "China's minister of public security, Wang Xiaohong", "the
  // secretary". Returns the word after the pattern, or i when none applies.
  std::uint32_t title_pattern(std::uint32_t i);

  // A title pattern as it is read: what stands before the title, the title,
  // and the name it goes with.
  struct TitleMatch {
    bool past = false;                  // "former", "ex-"
    std::uint32_t det = 0;              // "his", "the", … ; n() when none
    Modifier mod;                       // the state or organisation
    std::uint32_t portfolio_b = 0;      // portfolio words between state and title start here
    std::uint32_t j = 0;                // the title's first word
    int title = -1;                     // lexicon title; -1 for "counterpart"
    bool counterpart = false;
    std::uint32_t te = 0;               // the word after the title (and its portfolio)
    std::string title_text;             // the title as written when a portfolio widens it
    bool portfolio_ends = false;        // "Minister of Energy and Mines." a portfolio list, no name after it
    int person = -1;                    // the holder named
    std::uint32_t ne = 0;               // the word after the holder's name
    MentionForm form = MentionForm::kName;
    bool apposition = false;            // ", Wang Xiaohong," after the title
  };
  // The stages of title_pattern: "former", a determiner, the state (or the
  // shared one of "… and Trade Minister"), portfolio words before a title;
  void read_title_lead(std::uint32_t i, TitleMatch& t);
  // the title or "counterpart" at t.j (false: none);
  bool read_title_word(TitleMatch& t);
  // a portfolio after the title ("Minister for Defence") or before it;
  void read_title_portfolio(TitleMatch& t);
  bool portfolio_at(std::uint32_t k) const;
  std::uint32_t portfolio_list_end(std::uint32_t te) const;
  // the holder's name after the title, or in apposition after a comma;
  void read_title_holder(TitleMatch& t);
  // and the mentions and role of a holder found.
  void record_title_holder(const TitleMatch& t);

  int holder_of(int title, const std::string& country) const;

  // "Wang Yi, China's foreign minister, said": a title in apposition after a name.
  std::uint32_t apposition_after(int person, std::uint32_t e);
  std::uint32_t past_rank_title(std::uint32_t k) const;

  // ---- the scan ----------------------------------------------------------------
  void scan();

  bool location_context(std::uint32_t b, bool country) const;

  // "the New York Stock Exchange", "the Gulf War", "the Iran scandal": a
  // place's name that opens a longer name or names a topic is no place. A
  // company or body's name becomes that organisation; an event's name ("Gulf
  // War", "World Cup") or a topic names nothing. Returns the end of the
  // longer name, or h.e when the place stands alone.
  std::uint32_t place_opens_a_name(const Hit& h);

  // A hit naming a state or place as a noun ("Iran", "the Kremlin"), not as an adjective.
  bool place_noun(const Hit& h) const;

  std::uint32_t on_hit(const Hit& h);

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
  int agent_run(std::uint32_t i, std::uint32_t& end) const;
  int leader_before_body(std::uint32_t start, int body, std::uint32_t end) const;

  const AgentNoun* agent_at(std::uint32_t i) const { return L_.agent(wlower(i)); }
  // Word i is an agent noun here: listed, and a noun named only after
  // certain words ("militant group") stands after one of them.
  bool agent_noun(std::uint32_t i, bool lower) const {
    if (!in_list(k_agent_nouns, i, lower)) return false;
    const AgentNoun* a = agent_at(i);
    return !a || a->only_after.empty() ||
           (i > 0 && std::find(a->only_after.begin(), a->only_after.end(), wlower(i - 1)) != a->only_after.end());
  }
  const AgentNoun* run_head(std::uint32_t end) const;

  // The actor of (country, sector); "" country for the sector's alone.
  int unnamed_actor(const std::string& sector, const std::string& country);

  // "Malaysian police", "Syrian rebels", "two Brazilian men": a demonym
  // before an agent noun. Returns h.e when the words after it are no agent.
  std::uint32_t demonym_agent(const Hit& h, int lex_country);

  // A named group or body before the nouns of its members who act for it
  // ("Taliban fighters", "UN peacekeepers"); workers, students or doctors of
  // an organisation are not the organisation. Returns h.e when none follows.
  std::uint32_t members_of(const Hit& h, int actor);

  // "Egypt's opposition", "Iraq's army": a state's possessive before an agent noun.
  std::uint32_t possessor_agent(const Hit& h, const std::string& country);

  // "a police officer said", "police chief X", "army General Y": the noun
  // modifies a name after it, which is the actor.
  bool stance(const AgentNoun* a, std::uint32_t end) const;   // "opposition to": no party
  bool agent_names_someone(std::uint32_t end) const;

  // Country of a lexicon hit that names a state or a place in one: a country
  // name, a capital, a demonym, a located place. Empty when none.
  std::string hit_country(const Hit& h) const;

  // "police in Kenya", "a court in Guyana", "the government of Iran",
  // "officials in Baghdad": the place right after the agent.
  std::string country_after(std::uint32_t end) const;
  std::string city_state(std::uint32_t b, std::uint32_t e) const;
  std::string place_state_after_of(std::uint32_t end) const;
  std::uint32_t city_after(std::uint32_t k) const;
  std::string second_country_after(std::uint32_t end, const std::string& first) const;

  // The one country this sentence names (as a state, place or demonym), or "".
  std::string sentence_country() const;

  // "BAHRAIN, Oct 19 -", "GAZA CITY, Palestinian Territories:": the country of
  // the dateline's place, when the lexicon knows it.
  std::string dateline_country() const;
  std::string dateline_country(std::uint32_t start, std::uint32_t end) const;
  std::string paragraph_dateline_country(const Sentence& sent) const;
  std::string coordinated_state(std::uint32_t start) const;

  // A bare agent noun: "police in Kenya", "the government", "Insurgents
  // bombarded ... Syria's second city". Returns i when it names no actor.
  std::uint32_t on_agent(std::uint32_t i);

  // Capitalised words outside the lexicon: surnames of people already seen,
  // then the guarded fallback.
  std::uint32_t on_name_run(std::uint32_t i);

  // A person the fallback found in [b, e), without a title glued before the
  // name ("Energy Subroto", "Treasury Secertary James Baker").
  std::uint32_t make_person(std::uint32_t b, std::uint32_t e);
  // A name after a noun for a person ("Canadian businessman Michael Spavor").
  std::uint32_t make_described_person(std::uint32_t b, std::uint32_t e, std::uint32_t db = 0, std::uint32_t dn = 0);
  std::uint32_t apposed_person_noun(std::uint32_t k) const;
  // Names after a people in the plural ("Americans Paul Whelan and Trevor Reed").
  std::uint32_t people_named(std::uint32_t k, const std::string& country);

  // Organisation names run on where a name run stops: across "and"/"&" to a
  // short name that ends in an organisation word ("Mitsui and Co Ltd",
  // "Securities and Exchange Commission"; not "General Motors and Ford
  // Motor Co", two companies), across "of" after one ("Bank of Japan",
  // "Ministry of International Trade and Industry"), across a possessive
  // ("Moody's Investors Service Inc") and a comma before Inc or Ltd
  // ("Salomon Brothers, Inc."). Returns the new end of [b, e).
  std::uint32_t extend_organization(std::uint32_t b, std::uint32_t e) const;

  bool org_suffix(std::uint32_t i) const;

  // The sector of the state institution [b, e) names by its portfolio alone:
  // a head (institution_heads: "Ministry", "Court", "Senate") last or
  // before "of", every other word a portfolio word or a link ("Finance
  // Ministry", "Ministry of International Trade and Industry", "Supreme
  // Court"); one word only for the heads that stand alone ("the Senate",
  // "Congress": institution_alone). nullptr otherwise ("Deutsche Bank",
  // "Bank of Japan").
  const std::string* institution(std::uint32_t b, std::uint32_t e) const;

  // The country that a demonym ("Japanese Finance Ministry") or a possessor
  // ("Russia's Defence Ministry") right before word b gives; "" when none.
  std::string modifier_country(std::uint32_t b) const;

  // A state institution: tied to the country its modifier or the dateline
  // gives ("Japanese Finance Ministry"), the lexicon's entry when it has one
  // ("U.S. Senate" for the Senate of a US story); without a country, an
  // institution of this article alone until finish() finds the article's
  // one country.
  std::uint32_t make_institution(std::uint32_t b, std::uint32_t e, const std::string& sector);

  int institution_actor(const std::string& span, const std::string& sector, const std::string& country);

  std::uint32_t make_named(std::uint32_t b, std::uint32_t e, NodeKind kind);

  // "the two countries", "both sides": the last two states in focus.
  std::uint32_t on_group_ref(std::uint32_t i);

  void on_pronoun(std::uint32_t i);

  // "a bill", "the aid bill", "the INF treaty", "a suspected Chinese surveillance balloon".
  void on_artifact(std::uint32_t i);

  // Wire copy brackets company names: "<Ecolab Co> of the United States",
  // "<Computer Connection A/S>, Mjoendalen, Norway,". The bracketed words are
  // one company (sector BUS), whatever state or place they hold, and the
  // place after it is its seat, not an actor: it gives the company's
  // country. An all-capital bracket is a ticker ("<HAVA>", "<RD.AS>") and
  // names no one. i is the '<'; returns the word after what was read.
  std::uint32_t on_bracketed_company(std::uint32_t i);
  // The seat after a company's name ending before e: "of [the] Place[, Place]…",
  // or ", Place[, Place], Country" when it ends in a place the lexicon
  // places. Sets country and returns the word after the seat, or e.
  std::uint32_t company_seat(std::uint32_t e, std::string& country);
  // The company named by words [b, e) (sector BUS), with its mention.
  void make_company(std::uint32_t b, std::uint32_t e, const std::string& country);

  // ---- after the last sentence -------------------------------------------------
  void finish();

  // The one country the article names (states, places, demonyms, people's
  // and bodies' countries, the dateline), "" when it names none or several.
  std::string article_country() const;
  // article_country() when the dateline names it or a demonym or possessive
  // does ("Thai protesters", "Zambia's"): the story's own state, not only a
  // place someone goes to ("a visit to Brazil"); "" otherwise.
  std::string home_country() const;

  // Actors made without a country take the article's one country when it
  // names only one ("police" in a story that names only Kenya are Kenyan
  // police). Otherwise an institution stays one of this article alone, a
  // non-state unnamed actor the sector's alone ("rebels"), and a state's
  // body is left out: "the government" of no known state names nobody.
  void resolve_pending();

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
  const geo::Gazetteer* G_ = nullptr;   // cities the lexicon lacks; may be null
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
  std::string article_dateline_;  // country of the story's dateline place, "" when none
  std::string dateline_country_;  // that of the sentence's paragraph (a digest's own dateline), else the story's
  std::int32_t anchor_key_ = 0;   // doc_.anchor.key(): dated names hold only in their period
  int era_from_ = 0, era_to_ = 0;  // years an undated article states (find_era)
};

}  // namespace geokg::finder
