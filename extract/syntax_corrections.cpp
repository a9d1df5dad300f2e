#include "geokg/extract/syntax.hpp"

// tag_and_parse_words: the tagger and the parser, and the corrections news
// sentences need where the models, trained on other text, go wrong. Each
// correction is a function of its own, named for the error it mends, with
// the sentence that showed it.

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <span>
#include <string_view>
#include <vector>

namespace geokg {
namespace {

// Whether w is one of the words of a fixed list.
template <std::size_t N>
bool one_of(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// A sentence without a finite verb whose first past participle follows a
// noun ("Zimbabwean police threatened on Thursday to refuse permits",
// "American officials handed over vehicles"), or the comma closing an
// apposition ("John Kerry, the Secretary of State, contacted"), is a
// past-tense main clause the tagger read as a reduced relative; the parser
// then makes the noun the root and the act a modifier of it. News sentences
// are full clauses, so the participle is read as the finite verb.
void finite_verb_for_verbless_sentence(std::vector<std::uint16_t>& tags) {
  for (std::uint16_t t : tags)
    if (t == kTagVBD || t == kTagVBZ || t == kTagVBP || t == kTagMD) return;
  // (An apposition: a name, a comma, a phrase without a verb, a comma.)
  const auto closes_apposition = [&](std::size_t comma) {
    if (comma < 2 || tags[comma] != kTagComma || !is_noun_tag(tags[comma - 1])) return false;
    for (std::size_t j = comma - 1; j-- > 1;) {
      if (is_verb_tag(tags[j])) return false;
      if (tags[j] == kTagComma) return tags[j - 1] == kTagNNP || tags[j - 1] == kTagNNPS;
    }
    return false;
  };
  for (std::size_t i = 1; i < tags.size(); ++i) {
    // (Over adverbs, after a pronoun too: "Chidambaram also called", "He
    // also called".)
    std::size_t before = i - 1;
    while (before > 0 && tags[before] == kTagRB) --before;
    if (tags[i] == kTagVBN && (is_noun_tag(tags[before]) || tags[before] == kTagPRP || closes_apposition(before))) {
      tags[i] = kTagVBD;
      return;
    }
  }
}

// "Aid to Mali was frozen by the EU": a sentence that opens with a base-form
// verb and a preposition, and has a finite verb later, opens with a noun
// phrase, not an imperative (news reports; it does not command).
void subject_noun_for_opening_imperative(std::vector<std::uint16_t>& tags) {
  if (tags.size() < 4 || tags[0] != kTagVB || (tags[1] != kTagIN && tags[1] != kTagTO)) return;
  for (std::size_t k = 2; k < tags.size(); ++k)
    if (tags[k] == kTagVBD || tags[k] == kTagVBZ || tags[k] == kTagVBP || tags[k] == kTagMD) {
      tags[0] = kTagNN;
      return;
    }
}

// "the wounded soldiers", "free two kidnapped police officers": a past form
// right after a determiner, or after a number that opens its phrase, and
// before a common noun is a participle modifying that noun, never the
// finite verb.
void participle_before_noun(std::vector<std::uint16_t>& tags) {
  for (std::size_t i = 1; i + 1 < tags.size(); ++i) {
    if (tags[i] != kTagVBD || (tags[i + 1] != kTagNN && tags[i + 1] != kTagNNS)) continue;
    const std::uint16_t p = tags[i - 1];
    if (p == kTagDT || p == kTagPRPS || (p == kTagCD && (i < 2 || tags[i - 2] != kTagDT))) tags[i] = kTagVBN;
  }
}

// "Obama's administration plans to give the opposition $25 million": after
// a noun, a verb of intention in -s followed by "to" and a verb is the finite
// verb the tagger read as a plural noun, unless a finite verb follows
// ("government plans to cut taxes were shelved": the noun) or precedes it
// ("announced last week plans to impose tariffs").
void finite_verb_for_intention_to(std::span<const std::string_view> words, std::vector<std::uint16_t>& tags) {
  static constexpr std::string_view kIntending[] = {"plans", "aims", "intends", "wants", "hopes", "seeks",
                                                    "vows", "pledges", "promises", "threatens", "expects"};
  const std::size_t n = tags.size();
  for (std::size_t i = 1; i + 2 < n; ++i) {
    if (tags[i] != kTagNNS || !is_noun_tag(tags[i - 1]) || tags[i + 1] != kTagTO || tags[i + 2] != kTagVB) continue;
    if (!one_of(kIntending, words[i])) continue;
    // "Reagan announced last week plans to impose tariffs": the noun phrase
    // before it is already a verb's object (a verb of saying takes a clause).
    std::size_t b = i - 1;
    while (b > 0 && (is_noun_tag(tags[b - 1]) || tags[b - 1] == kTagJJ || tags[b - 1] == kTagDT ||
                     tags[b - 1] == kTagPOS || tags[b - 1] == kTagCD))
      --b;
    if (b > 0 && is_verb_tag(tags[b - 1]) && words[b - 1] != "say" && words[b - 1] != "says" && words[b - 1] != "said")
      continue;
    // (A speech verb after a comma is the attribution of the whole sentence:
    // "Saudi Arabia plans to invest ..., the minister said".)
    bool finite_after = false, comma = false;
    for (std::size_t k = i + 3; k < n && !finite_after; ++k) {
      comma = comma || tags[k] == kTagComma;
      const bool speech = comma && (words[k] == "said" || words[k] == "says" || words[k] == "told");
      finite_after = !speech && (tags[k] == kTagVBD || tags[k] == kTagVBZ || tags[k] == kTagVBP || tags[k] == kTagMD);
    }
    if (!finite_after) tags[i] = kTagVBZ;
  }
}

// "Mugabe rejected opposition demands that he step down": after a verb that
// takes an object and never a bare clause, "noun demands" is a noun phrase,
// not a clause whose verb is "demands".
void request_noun_after_object_verb(std::span<const std::string_view> words, std::vector<std::uint16_t>& tags) {
  static constexpr std::string_view kObjectVerbs[] = {"rejected", "rejects", "reject", "rebuffed", "rebuffs",
                                                      "dismissed", "dismisses", "spurned", "ignored", "ignores",
                                                      "accepted", "accepts", "heeded", "resisted", "resists"};
  static constexpr std::string_view kRequests[] = {"demands", "calls", "requests", "appeals", "pleas"};
  for (std::size_t i = 2; i < tags.size(); ++i)
    if (tags[i] == kTagVBZ && one_of(kRequests, words[i]) && is_noun_tag(tags[i - 1]) && one_of(kObjectVerbs, words[i - 2]))
      tags[i] = kTagNNS;
}

// "yielded to pressure from its partners", "gave in to pressure": after a
// verb of yielding, "to" opens the pressure or demand yielded to, never an
// infinitive ("to pressure X" is read as a verb by the tagger).
void request_noun_after_yielding_to(std::span<const std::string_view> words, std::vector<std::uint16_t>& tags) {
  static constexpr std::string_view kYielding[] = {
      "bow", "bows", "bowed", "bowing", "yield", "yields", "yielded", "yielding", "succumb", "succumbs",
      "succumbed", "succumbing", "accede", "accedes", "acceded", "acceding", "submit", "submits", "submitted",
      "submitting", "capitulate", "capitulated", "capitulating", "relent", "relented", "bend", "bent"};
  static constexpr std::string_view kGiveIn[] = {"give", "gives", "gave", "given", "giving",
                                                 "cave", "caves", "caved", "caving"};
  static constexpr std::string_view kRequests[] = {"pressure", "demand", "request", "appeal", "protest", "call"};
  for (std::size_t i = 2; i < tags.size(); ++i) {
    if (tags[i] != kTagVB || words[i - 1] != "to" || !one_of(kRequests, words[i])) continue;
    const bool yielding =
        one_of(kYielding, words[i - 2]) || (i >= 3 && words[i - 2] == "in" && one_of(kGiveIn, words[i - 3]));
    if (yielding) {
      tags[i] = kTagNN;
      tags[i - 1] = kTagIN;
    }
  }
}

// The index of the tree's (first) root word; -1 when none.
int root_index(const ParsedWords& tree) {
  for (std::size_t i = 0; i < tree.heads.size(); ++i)
    if (tree.heads[i] == 0) return static_cast<int>(i);
  return -1;
}

// "The United States put pressure on …": the parser at times makes a
// sentence-initial article the root and the main verb its dependent. An
// article heads nothing: the verb becomes the root and takes the article's
// other dependents, and the article goes to the subject it opens.
void article_never_root(std::span<const std::uint16_t> tags, ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  const int root = root_index(tree);
  if (root < 0 || tags[root] != kTagDT) return;
  int verb = -1;
  for (int i = root + 1; i < n && verb < 0; ++i)
    if (H[i] == root + 1 && (tags[i] == kTagVBD || tags[i] == kTagVBZ || tags[i] == kTagVBP || tags[i] == kTagVBG ||
                             tags[i] == kTagVBN || tags[i] == kTagVB))
      verb = i;
  if (verb < 0) return;
  for (int j = 0; j < n; ++j)
    if (j != verb && H[j] == root + 1) H[j] = verb + 1;
  H[verb] = 0;
  R[verb] = kDepRoot;
  int subject = root + 1 < n ? root + 1 : verb;
  for (int j = root + 1; j < verb; ++j)
    if (H[j] == verb + 1 && deprel_base(R[j]) == kDepNsubj) {
      subject = j;
      break;
    }
  H[root] = subject + 1;
  R[root] = kDepDet;
}

// "Russia on Thursday denied any involvement", "North Korea on Monday
// rejected the overtures": with a time phrase between subject and verb the
// parser at times makes the subject the root and the finite verb its
// parataxis or apposition. A noun root with a finite verb below it that has
// no subject of its own heads that verb's clause: the verb becomes the root,
// the noun its subject, and the noun's phrases after the verb, and the time
// phrase before it, the verb's.
void finite_verb_over_nominal_root(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                                   ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  const int root = root_index(tree);
  if (root < 0 || !is_noun_tag(tags[root])) return;
  // ("Military assistance to Mali was suspended by France": a participle
  // with a finite auxiliary of its own is a finite clause too.)
  const auto finite_aux = [&](int v) {
    for (int c = 0; c < n; ++c)
      if (H[c] == v + 1 && (R[c] == kDepAux || R[c] == kDepAuxPass) &&
          (tags[c] == kTagVBD || tags[c] == kTagVBZ || tags[c] == kTagVBP || tags[c] == kTagMD))
        return true;
    return false;
  };
  int verb = -1;
  for (int i = root + 1; i < n && verb < 0; ++i) {
    if (H[i] != root + 1) continue;
    const std::uint8_t b = deprel_base(R[i]);
    if ((tags[i] == kTagVBD || tags[i] == kTagVBZ || tags[i] == kTagVBP || (tags[i] == kTagVBN && finite_aux(i))) &&
        (b == kDepParataxis || b == kDepAppos || b == kDepAcl || b == kDepDep))
      verb = i;
  }
  if (verb < 0) return;
  bool passive = false;
  for (int c = 0; c < n; ++c)
    if (H[c] == verb + 1 && R[c] == kDepAuxPass) passive = true;
  for (int j = 0; j < n; ++j)
    if (H[j] == verb + 1 && deprel_base(R[j]) == kDepNsubj) return;
  const auto case_word = [&](int j) {
    for (int c = 0; c < n; ++c)
      if (H[c] == j + 1 && R[c] == kDepCase) return words[c];
    return std::string_view{};
  };
  for (int j = 0; j < n; ++j) {
    if (j == verb || H[j] != root + 1) continue;
    if (j > verb) {
      H[j] = verb + 1;
      if (deprel_base(R[j]) == kDepNmod) R[j] = kDepObl;
    } else if (j > root && deprel_base(R[j]) == kDepNmod && case_word(j) != "of") {
      H[j] = verb + 1;
      R[j] = kDepObl;
    }
  }
  H[verb] = 0;
  R[verb] = kDepRoot;
  H[root] = verb + 1;
  R[root] = passive ? kDepNsubjPass : kDepNsubj;
}

// "In separate talks with Finance Minister Kiichi Miyazawa, the U.S. group
// urged Japan": a fronted phrase the parser misreads can leave a verb with
// several subjects, the first after a preposition hung on the verb. The
// nearest subject before the verb keeps the role and those after the
// preposition become loose dependents, so that no phrase of a circumstance
// is taken as the actor.
void one_subject_per_verb(ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  for (int v = 0; v < n; ++v) {
    int keep = -1, count = 0;   // keep: the last subject before the verb
    for (int j = 0; j < v; ++j)
      if (H[j] == v + 1 && R[j] == kDepNsubj) {
        ++count;
        keep = j;
      }
    if (count < 2) continue;
    // Only a subject after a preposition hung on the verb ("with Finance
    // Minister Kiichi Miyazawa"): elsewhere two subjects are more often one
    // right and one of another clause than a fronted phrase.
    int preposition = n;
    for (int m = 0; m < keep; ++m)
      if (H[m] == v + 1 && (R[m] == kDepMark || R[m] == kDepCase)) preposition = std::min(preposition, m);
    for (int j = preposition + 1; j < keep; ++j)
      if (H[j] == v + 1 && R[j] == kDepNsubj) R[j] = kDepDep;
  }
}

// "wants to hold a summit with North Korean leader Kim Jong Un": the parser
// may make the preposition a clause marker and the name a second subject of
// the verb, after it. A subject after its verb, behind a preposition hung on
// that verb as a marker, when the verb has a subject before it, is the
// preposition's object: of the noun right before the preposition, or of the
// verb.
void prepositional_object_read_as_subject(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                                          ParsedWords& tree) {
  // (Prepositions only: "if", "because", "while" mark the clauses they open.)
  static constexpr std::string_view kPrepositions[] = {"with", "to", "for", "from", "against", "on", "at",
                                                       "by", "between", "among", "toward", "towards", "into"};
  const auto preposition = [&](int k) {
    return tags[k] == kTagIN && one_of(kPrepositions, words[k]);
  };
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  for (int j = 0; j < n; ++j) {
    const int v = H[j] - 1;
    if (R[j] != kDepNsubj || v < 0 || j < v) continue;
    bool before = false;
    for (int k = 0; k < v && !before; ++k) before = H[k] == v + 1 && R[k] == kDepNsubj;
    if (!before) continue;
    int m = -1;
    for (int k = v + 1; k < j; ++k) {
      if (H[k] == v + 1 && R[k] == kDepMark && preposition(k)) m = k;
      if (m >= 0 && k > m && is_verb_tag(tags[k])) m = -1;
    }
    if (m < 1) continue;
    const bool noun_before = is_noun_tag(tags[m - 1]) && tags[m - 1] != kTagNNP && tags[m - 1] != kTagNNPS;
    H[m] = j + 1;
    R[m] = kDepCase;
    H[j] = noun_before ? m : v + 1;   // m - 1 as a 1-based head is m
    R[j] = noun_before ? kDepNmod : kDepObl;
  }
}

// "... to buy back its debt from commercial banks, central bank president
// Jier Nogales said.": a closing attribution (a comma, a noun phrase, "said"
// or "says" with its own time phrase, the final stop) is the speaker's clause beside the sentence,
// never a relative clause, a conjunct or a complement inside it. The phrase
// after the comma becomes the verb's subject; the verb hangs on the root.
void closing_attribution(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                         ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  int n = static_cast<int>(H.size());
  while (n > 0 && (tags[n - 1] == kTagPeriod || tags[n - 1] == kTagCloseQuote)) --n;
  // (Its time may follow: "..., Haitian police said on Thursday.")
  int v = n - 1;
  while (v > 0 && n - v <= 4 && words[v] != "said" && words[v] != "says") --v;
  if (v < 3 || (words[v] != "said" && words[v] != "says") || H[v] == 0) return;
  for (int k = v + 1; k < n; ++k)
    for (int a = k; a != v; a = H[a] - 1)
      if (a < v || H[a] == 0) return;   // a word after the verb that is not its own
  if (R[v] == kDepParataxis || deprel_base(R[v]) == kDepCcomp) return;
  int comma = v - 1;
  // (A title may hold "of": "US Deputy Secretary of Energy Jeffrey Kupfer".)
  const auto title_of = [&](int k) { return words[k] == "of" && k + 1 < v && tags[k + 1] == kTagNNP; };
  while (comma > 0 && tags[comma] != kTagComma && v - comma <= 8) {
    if (is_verb_tag(tags[comma]) || (tags[comma] == kTagIN && !title_of(comma)) || tags[comma] == kTagWDT ||
        tags[comma] == kTagWP)
      return;
    --comma;
  }
  if (comma <= 0 || tags[comma] != kTagComma || comma + 1 >= v) return;
  const int root = root_index(tree);
  if (root < 0 || root > comma) return;
  // The phrase's head: its word hung outside it; the others' subjects under it.
  int phrase = -1;
  for (int k = comma + 1; k < v; ++k)
    if (H[k] - 1 < comma + 1 || H[k] - 1 > v) phrase = k;
  if (phrase < 0) {
    for (int k = comma + 1; k < v; ++k)
      if (H[k] == v + 1 && deprel_base(R[k]) == kDepNsubj) phrase = k;
    if (phrase < 0) return;
  }
  for (int k = comma + 1; k < v; ++k)
    if (k != phrase && H[k] == v + 1 && deprel_base(R[k]) == kDepNsubj) {
      H[k] = phrase + 1;
      R[k] = kDepAppos;
    }
  H[phrase] = v + 1;
  R[phrase] = kDepNsubj;
  // What the verb held before the comma is the sentence's.
  for (int k = 0; k < comma; ++k)
    if (H[k] == v + 1) H[k] = root + 1;
  H[comma] = v + 1;
  R[comma] = kDepPunct;
  H[v] = root + 1;
  R[v] = kDepParataxis;
}

// "gave in to pressure", "caved in to demands": a verb, "in", "to" and a noun
// phrase is a phrasal verb and its oblique; the parser makes both words the
// noun's prepositions, or "in" an adverb. "in" becomes the verb's particle.
void particle_before_to(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                        ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  for (int k = 1; k + 2 < n; ++k) {
    if (words[k] != "in" || words[k + 1] != "to" || !is_verb_tag(tags[k - 1])) continue;
    const int head = H[k] - 1;
    const bool adverb = R[k] == kDepAdvmod && head == k - 1;  // "giving in" already the verb's
    if (!adverb && (R[k] != kDepCase || head < 0 || H[k + 1] != head + 1 || H[head] != k)) continue;
    H[k] = k;  // the verb, k - 1, as a 1-based head
    R[k] = kDepCompoundPrt;
  }
}

// "called for reform of the United Nations, the World Bank and the IMF": a
// capitalised conjunct that the parser joined to a common noun (or to a
// word before it) coordinates with the name in that noun's phrase just
// before it; names are listed with names.
void names_coordinate_with_names(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                                 ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  const auto capitalised = [&](int k) { return !words[k].empty() && words[k][0] >= 'A' && words[k][0] <= 'Z'; };
  // (A list item after a comma may come hung as the verb's bare oblique or
  // parataxis: "…the United Nations, the World Bank and the IMF".)
  const auto listed_after_comma = [&](int c) {
    const std::uint8_t r = deprel_base(R[c]);
    if (r != kDepObl && r != kDepParataxis) return false;
    bool comma = false;
    for (int k = 0; k < c; ++k) {
      if (H[k] != c + 1) continue;
      if (R[k] == kDepCase) return false;
      comma = comma || words[k] == ",";
    }
    return comma;
  };
  for (int c = 1; c < n; ++c) {
    if ((R[c] != kDepConj && !listed_after_comma(c)) || !capitalised(c) || !is_noun_tag(tags[c])) continue;
    const int h = H[c] - 1;
    if (h < 0 || h >= c || tags[h] == kTagNNP || tags[h] == kTagNNPS) continue;
    // The last name before the conjunct in an "of" phrase below h.
    const auto below_h = [&](int k) {
      for (int steps = 0; k >= 0 && steps < n; k = H[k] - 1, ++steps)
        if (k == h) return true;
      return false;
    };
    int name = -1;
    for (int k = h + 1; k < c; ++k)
      if (R[k] == kDepNmod && (tags[k] == kTagNNP || tags[k] == kTagNNPS) && below_h(k)) name = k;
    if (name < 0) continue;
    bool of = false;
    for (int k = h + 1; k < name; ++k) of = of || (H[k] == name + 1 && R[k] == kDepCase && words[k] == "of");
    if (!of) continue;
    H[c] = name + 1;
    R[c] = kDepConj;
  }
}

// "received less than other EU states": with no number after "than", "less
// than" compares; it does not count the noun phrase the parser made the
// object ("received more than 100 delegates" counts). The comparative
// becomes the object, the phrase after "than" its oblique.
void comparison_is_no_object(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                             ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  for (int k = 1; k + 2 < n; ++k) {
    if (words[k + 1] != "than" || (words[k] != "less" && words[k] != "more" && words[k] != "fewer")) continue;
    if (tags[k + 2] == kTagCD) continue;
    int object = H[k] - 1;   // (through an adjective: "less than other EU states")
    for (int steps = 0; steps < 2 && object > k && deprel_base(R[object]) == kDepAmod; ++steps) object = H[object] - 1;
    if (object <= k || R[object] != kDepObj || H[object] == 0 || !is_verb_tag(tags[H[object] - 1])) continue;
    bool counted = false;
    for (int c = 0; c < n; ++c) counted = counted || (H[c] == object + 1 && R[c] == kDepNummod);
    if (counted) continue;
    H[k] = H[object];
    R[k] = kDepObj;
    H[k + 1] = object + 1;
    R[k + 1] = kDepCase;
    H[object] = k + 1;
    R[object] = kDepObl;
  }
}

// "visited the White House Monday", "met Eduard Shevardnadze Tuesday": wire
// copy dates a clause with a bare weekday after its last noun phrase, and the
// parser makes the weekday that phrase's head, the name its compound. The
// name's last word heads the phrase again, and the weekday hangs on the verb.
void bare_weekday_after_a_name(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                               ParsedWords& tree) {
  static constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  for (int k = 1; k < n; ++k) {
    if (!one_of(kWeekdays, words[k])) continue;
    const int verb = H[k] - 1;
    const std::uint8_t r = deprel_base(R[k]);
    if (verb < 0 || !is_verb_tag(tags[verb]) || (r != kDepObj && r != kDepObl && r != kDepNsubj)) continue;
    const int name = k - 1;   // the phrase's last word, right before the weekday
    if (H[name] != k + 1 || (R[name] != kDepCompound && R[name] != kDepFlat) ||
        (tags[name] != kTagNNP && tags[name] != kTagNNPS))
      continue;
    for (int c = 0; c < n; ++c)
      if (c != name && H[c] == k + 1) H[c] = name + 1;
    H[name] = H[k];
    R[name] = R[k];
    H[k] = verb + 1;
    R[k] = kDepOblUnmarked;
  }
}

// "he acknowledged Palestinian leaders were in the middle of a campaign":
// a verb's object followed by a finite clause with no subject of its own is
// that clause's subject (the parser read "leaders" as what was acknowledged).
void object_as_clause_subject(std::span<const std::uint16_t> tags, ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  const auto finite = [&](int i) {
    return tags[i] == kTagVBD || tags[i] == kTagVBZ || tags[i] == kTagVBP || tags[i] == kTagMD;
  };
  for (int c = 0; c < n; ++c) {
    if (deprel_base(R[c]) != kDepCcomp || H[c] == 0) continue;
    const int v = H[c] - 1;
    int obj = -1;
    bool subject = false, finite_clause = finite(c), marked = false;
    for (int j = 0; j < n; ++j) {
      if (H[j] == v + 1 && deprel_base(R[j]) == kDepObj && j < c) obj = j;
      if (H[j] != c + 1) continue;
      const std::uint8_t b = deprel_base(R[j]);
      if (b == kDepNsubj || b == kDepNsubjPass || b == kDepCsubj || b == kDepExpl) subject = true;
      if ((b == kDepCop || b == kDepAux) && finite(j) && j < c) finite_clause = true;
      if (b == kDepMark) marked = true;
    }
    if (obj < 0 || subject || !finite_clause || marked) continue;
    // Nothing of the verb's between the object and the clause ("told him on
    // Friday the talks had failed" keeps its reading).
    bool adjacent = true;
    for (int j = obj + 1; j < c && adjacent; ++j)
      if (H[j] == v + 1) adjacent = false;
    if (!adjacent) continue;
    H[obj] = c + 1;
    R[obj] = kDepNsubj;
  }
}

// "complained that Japan was dumping microchips" read with "that" and the
// clause's verb as loose dependents of "complained": a verb left as "dep"
// of another verb, with a subject of its own and a "that" before it that
// hangs on the same verb, is that verb's complement clause.
void that_clause_left_loose(std::span<const std::string_view> words, std::span<const std::uint16_t> tags,
                            ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  for (int c = 1; c < n; ++c) {
    if (R[c] != kDepDep || !is_verb_tag(tags[c]) || H[c] == 0 || !is_verb_tag(tags[H[c] - 1])) continue;
    const int v = H[c] - 1;
    int that = -1;
    for (int k = v + 1; k < c; ++k)
      if ((words[k] == "that") && H[k] == v + 1 && (R[k] == kDepDep || R[k] == kDepMark)) that = k;
    bool subject = false;
    for (int k = that + 1; that >= 0 && k < c; ++k) subject = subject || (H[k] == c + 1 && R[k] == kDepNsubj);
    if (that < 0 || !subject) continue;
    R[c] = kDepCcomp;
    H[that] = c + 1;
    R[that] = kDepMark;
  }
}

// "Argentina's demand that Britain share revenue", "Japan's insistence that
// China withdraw": a relative clause whose "that" is its object (subject)
// while the verb has an object (subject) of its own cannot be a relative
// clause; it is the noun's complement clause ("that" its marker), so that
// the demand's content, and whom it is made of, can be read.
void complement_that_clause(std::span<const std::string_view> words, ParsedWords& tree) {
  auto& H = tree.heads;
  auto& R = tree.rels;
  const int n = static_cast<int>(H.size());
  for (int v = 0; v < n; ++v) {
    if (R[v] != kDepAclRelcl) continue;
    int that = -1;
    for (int c = 0; c < v && that < 0; ++c)
      if (H[c] == v + 1 && (R[c] == kDepObj || R[c] == kDepNsubj) && (words[c] == "that" || words[c] == "That")) that = c;
    if (that < 0) continue;
    int same_role = 0;
    for (int c = 0; c < n; ++c) same_role += H[c] == v + 1 && R[c] == R[that];
    if (same_role < 2) continue;
    R[that] = kDepMark;
    R[v] = kDepAcl;
  }
}

}  // namespace

void tag_and_parse_words(std::span<const std::string_view> words, const PosTagger& tagger,
                         const DependencyParser& parser, std::vector<std::uint16_t>& tags, ParsedWords& tree) {
  tags.assign(words.size(), kTagNone);
  tagger.tag_words(words, tags);
  subject_noun_for_opening_imperative(tags);
  participle_before_noun(tags);
  finite_verb_for_verbless_sentence(tags);
  finite_verb_for_intention_to(words, tags);
  request_noun_after_object_verb(words, tags);
  request_noun_after_yielding_to(words, tags);
  parser.parse_words(words, tags, tree);
  article_never_root(tags, tree);
  finite_verb_over_nominal_root(words, tags, tree);
  one_subject_per_verb(tree);
  prepositional_object_read_as_subject(words, tags, tree);
  closing_attribution(words, tags, tree);
  object_as_clause_subject(tags, tree);
  particle_before_to(words, tags, tree);
  bare_weekday_after_a_name(words, tags, tree);
  names_coordinate_with_names(words, tags, tree);
  comparison_is_no_object(words, tags, tree);
  complement_that_clause(words, tree);
  that_clause_left_loose(words, tags, tree);
}

}  // namespace geokg
