#include "geokg/extract/extractor.hpp"

#include <algorithm>

#include "geokg/core/ids.hpp"
#include "geokg/extract/actors.hpp"
#include "geokg/extract/coder.hpp"
#include "geokg/extract/events.hpp"
#include "geokg/extract/places.hpp"
#include "geokg/extract/syntax.hpp"
#include "geokg/extract/text.hpp"
#include "geokg/extract/time.hpp"
#include "geokg/core/ascii.hpp"

namespace geokg {

namespace {
// The actor an event's end names, nullptr for none (-1) or out of range.
const ExtractedActor* end_actor(const Extraction& ex, int a) {
  return a >= 0 && static_cast<std::size_t>(a) < ex.actors.size() ? &ex.actors[static_cast<std::size_t>(a)] : nullptr;
}
bool of_sector(const Extraction& ex, int a, std::string_view sector) {
  const ExtractedActor* x = end_actor(ex, a);
  return x != nullptr && x->sector == sector;
}
}  // namespace

Extractor::Extractor(std::shared_ptr<const Lexicons> lexicons) : lexicons_(std::move(lexicons)) {}

namespace {

// The word-order patterns read a sentence better with its tree (a name that
// heads the subject of a complement clause is no object: "recognised
// Germany's fiscal policy was on the right track"), but only sentences with a
// tree trigger were parsed. Reads the sentences among `silent` with the
// patterns into `out`, parsing first those where they find an event (and
// reading again only when one was parsed).
void find_flat_events(Document& doc, const Lexicons& lex, const std::vector<bool>& silent,
                      std::vector<ExtractedEvent>& out) {
  std::vector<ExtractedEvent> trial;
  find_events(doc, lex.events, trial, &silent);
  bool parsed = false;
  std::uint32_t s = 0;
  for (const ExtractedEvent& e : trial) {
    while (s < doc.sentences.size() && doc.to_original(doc.sentences[s].end) <= e.evidence.start) ++s;
    if (s < doc.sentences.size() && !doc.sentences[s].parsed) {
      parse_sentence(doc, s, lex.tagger, lex.parser);
      parsed = true;
    }
  }
  if (parsed) find_events(doc, lex.events, out, &silent);
  else out.insert(out.end(), std::make_move_iterator(trial.begin()), std::make_move_iterator(trial.end()));
}

}  // namespace

Extraction Extractor::extract(const Article& article) const {
  const Lexicons& lex = *lexicons_;
  Document doc = prepare_document(article);
  if (lex.tag_everything) lex.tagger.tag(doc);
  anchor_times(doc);
  find_actors(doc, lex.actors, &lex.gazetteer);
  place_actor_countries(doc.actors, lex.gazetteer);
  Extraction out;
  if (!lex.parser.empty() && lex.triggers.size() > 0) {
    // Parsing is the costly step: only sentences that can hold an event.
    for (std::uint32_t s = 0; s < doc.sentences.size(); ++s)
      if (sentence_may_hold_event(doc, s, lex.triggers)) parse_sentence(doc, s, lex.tagger, lex.parser);
    std::vector<bool> read;
    code_events(doc, lex.triggers, out.events, &read);
    // Where the tree is silent (a parse gone wrong, a frame the triggers lack),
    // the flat patterns may still read the sentence.
    if (lex.flat_fallback) {
      std::vector<bool> silent(doc.sentences.size());
      for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) silent[s] = !read[s];
      const std::size_t tree_events = out.events.size();
      find_flat_events(doc, lex, silent, out.events);
      // Word order cannot tell whom a statement addresses or is about (any
      // name in the sentence became the target): statements come from the
      // tree only. Nor can it tell a pact or talks held from ones merely
      // named, hoped for or coming ("the loan agreement with the IMF
      // expires", "any accord with Moscow", "talks next week"): the tree
      // codes such a noun only with its light verb, and so do we. A named
      // attack or offensive has mostly happened ("Israel's offensive against
      // Hamas"), and stays.
      out.events.erase(std::remove_if(out.events.begin() + static_cast<std::ptrdiff_t>(tree_events), out.events.end(),
                                      [&](const ExtractedEvent& e) {
                                        return e.cameo.starts_with("01") ||
                                               (e.cameo < "09" && lex.events.nominal(e.evidence.rule));
                                      }),
                       out.events.end());
      // As in the tree coder: crowds fighting police riot (145), forces
      // firing on crowds repress them (175); neither is war.
      auto actor = [&](int a) -> const ExtractedActor& { return doc.actors[static_cast<std::size_t>(a)]; };
      for (std::size_t e = tree_events; e < out.events.size(); ++e) {
        ExtractedEvent& ev = out.events[e];
        if (ev.source < 0 || ev.target < 0) continue;
        if (const CrowdAndForce cf = crowd_and_force(ev.cameo, actor(ev.source), actor(ev.target)); !cf.code.empty()) {
          ev.cameo = cf.code;
          ev.relation = cf.label;
        }
        // Nor is a person, party or legislature "attacking" someone unarmed
        // (the tree coder's verbal attack): "the Lib Dems attacked Tony Blair".
        if (ev.evidence.rule == "attack" && attack_of_words(actor(ev.source), actor(ev.target))) {
          ev.cameo = "111";
          ev.relation = "criticized";
        }
      }
    }
  } else {
    find_events(doc, lex.events, out.events);
  }
  for (auto& ev : out.events) {
    ev.evidence.article_id = article.id;
    ev.evidence.source = article.source;
  }
  const bool arts_or_sport = arts_or_sport_report(doc, lex.triggers);
  out.actors = std::move(doc.actors);
  if (arts_or_sport) drop_private_acts_in_arts_and_sport(out);
  drop_business_only_events(out);
  drop_statements_to_audiences(out, lex.triggers);
  drop_acts_of_the_press(out);
  drop_events_within_one_state(out);
  scope_common_nouns(out);
  resolve_event_places(article, out, lex.gazetteer);
  return out;
}

void drop_business_only_events(Extraction& ex) {
  auto political = [&](int a) {
    const ExtractedActor* x = end_actor(ex, a);
    return x != nullptr && political_actor(*x);
  };
  auto company = [&](int a) { return of_sector(ex, a, "BUS"); };
  std::erase_if(ex.events, [&](const ExtractedEvent& e) {
    if (e.cameo.starts_with("14") || e.cameo.starts_with("163") || e.cameo.starts_with("171")) return false;
    // A company's statements and requests, to a regulator as to anyone
    // ("told the Securities and Exchange Commission it has acquired …",
    // "asked the Federal Trade Commission to vacate an order"), are filings.
    if ((e.cameo.starts_with("01") || e.cameo.starts_with("02")) && (company(e.source) || company(e.target))) return true;
    // "Sheldahl Inc signed the agreements with Sumitomo Bakelite Co Ltd,
    // Tokyo, Japan", "Chrysler Canada buys the models from Japan": a
    // company's deals reach a state only through a partner's name or seat,
    // or a market; the state is no party to them.
    if (e.cameo >= "03" && e.cameo < "07" && company(e.source)) {
      const ExtractedActor* s = end_actor(ex, e.source);
      const ExtractedActor* t = end_actor(ex, e.target);
      if (s->kind != NodeKind::kPerson && t != nullptr && t->kind == NodeKind::kCountry) return true;
    }
    return !political(e.source) && !political(e.target);
  });
}

bool arts_or_sport_report(const Document& doc, const TriggerLexicon& words) {
  int hits = 0;
  for (const Token& t : doc.tokens) {
    const std::string_view w = doc.token_lower(t);
    if ((words.word_in("sports_context", w) || words.word_in("arts_context", w)) && ++hits >= kArtsOrSportWords)
      return true;
  }
  return false;
}

void drop_private_acts_in_arts_and_sport(Extraction& ex) {
  auto state = [&](int a) {
    const ExtractedActor* x = end_actor(ex, a);
    if (x == nullptr) return false;
    if (x->kind == NodeKind::kCountry) return true;
    if (x->kind == NodeKind::kPerson) return false;
    const std::string_view s = x->sector;
    return s == "GOV" || s == "MIL" || s == "COP" || s == "JUD" || s == "LEG" || s == "SPY";
  };
  std::erase_if(ex.events, [&](const ExtractedEvent& e) { return !state(e.source); });
}

void drop_statements_to_audiences(Extraction& ex, const TriggerLexicon& words) {
  std::erase_if(ex.events, [&](const ExtractedEvent& e) {
    if (!e.cameo.starts_with("01")) return false;
    const ExtractedActor* t = end_actor(ex, e.target);
    if (t == nullptr || t->kind == NodeKind::kCountry) return false;
    // "a lawyer for Yukos told Judge Clark in an emergency hearing": a judge
    // hears testimony, a journalist an interview.
    if (t->kind == NodeKind::kPerson)
      return t->code.size() >= 3 && (t->code.ends_with("JUD") || t->code.ends_with("MED"));
    // "Leon Greenblatt, a Chicago investor, told the Securities and Exchange
    // Commission he has acquired 89,450 shares": a private person (no state,
    // no sector) telling an institution files or testifies.
    if (const ExtractedActor* s = end_actor(ex, e.source); s != nullptr && s->kind == NodeKind::kPerson && s->code.empty())
      return true;
    // "told the West German Trade and Industry Association": an association
    // of a state's people is spoken to (an IGO's is a party: EFTA).
    if (t->kind == NodeKind::kOrganization && !t->code.starts_with("IGO")) {
      const std::size_t space = t->name.rfind(' ');
      if (words.word_in("audience_heads", ascii_lower(space == std::string::npos ? t->name : t->name.substr(space + 1))))
        return true;
    }
    if (t->sector.empty()) return t->country.empty();
    const std::string sector = ascii_lower(t->sector);  // word lists are kept in lower case
    return words.word_in("audience_sectors", sector);
  });
}

void drop_acts_of_the_press(Extraction& ex) {
  std::erase_if(ex.events, [&](const ExtractedEvent& e) {
    return e.cameo >= "03" && e.cameo < "10" && of_sector(ex, e.source, "MED");
  });
}

namespace {

// A state's body in a CAMEO code: a country and a state sector ("USALEG", "IRQMIL").
bool is_state_body_code(std::string_view code) {
  if (code.size() != 6) return false;
  const std::string_view sector = code.substr(3);
  return sector == "LEG" || sector == "JUD" || sector == "MIL" || sector == "COP" || sector == "SPY";
}

}  // namespace

void drop_events_within_one_state(Extraction& ex) {
  // (A diplomat is the state abroad: a minister's talks with his own
  // ambassador are business inside one government.)
  auto state_side = [](const ExtractedActor& a) {
    return a.kind == NodeKind::kCountry || a.sector == "GOV" || a.sector == "DIP";
  };
  std::erase_if(ex.events, [&](const ExtractedEvent& e) {
    const ExtractedActor* source = end_actor(ex, e.source);
    const ExtractedActor* target = end_actor(ex, e.target);
    if (source == nullptr || target == nullptr) return false;
    // What a government does to its own land: curfews, martial law,
    // censorship (17x), lifting them (08x), threatening them (132x, 137),
    // protests against it (14x).
    if (e.cameo.starts_with("08") || e.cameo.starts_with("14") || e.cameo.starts_with("17") ||
        e.cameo.starts_with("132") || e.cameo == "137")
      return false;
    const ExtractedActor& s = *source;
    const ExtractedActor& t = *target;
    // "Miyazawa is scheduled to arrive in Tokyo": a trip home or within one's
    // own state is no visit.
    // (A person's state is the one of their code: "JPNGOV" for Miyazawa.)
    const std::string home = !s.country.empty() ? s.country : s.code.size() >= 3 ? s.code.substr(0, 3) : "";
    if (e.cameo.starts_with("04") && (t.kind == NodeKind::kLocation || t.kind == NodeKind::kCountry) &&
        !home.empty() && home == t.country)
      return true;
    // "House Majority leader Foley urged Congress to give the system more
    // time": a member's talk to the body of a state he sits in (the same
    // code, "USALEG"); two bodies ("House and Senate negotiators agreed") stand.
    if (e.cameo < "05" && s.kind == NodeKind::kPerson && t.kind == NodeKind::kOrganization && s.code == t.code &&
        is_state_body_code(s.code))
      return true;
    if (s.country.empty() || s.country != t.country || !state_side(s) || !state_side(t)) return false;
    if (s.kind == NodeKind::kCountry || t.kind == NodeKind::kCountry) return true;
    return e.cameo < "05" || e.cameo.starts_with("06") || e.cameo.starts_with("07");
  });
}

void scope_common_nouns(Extraction& ex) {
  for (std::size_t i = 0; i < ex.actors.size(); ++i) {
    ExtractedActor& a = ex.actors[i];
    if (a.naming != Naming::kCommon) continue;
    std::vector<std::string> with;
    for (const ExtractedEvent& e : ex.events) {
      const int other = e.source == static_cast<int>(i) ? e.target : e.target == static_cast<int>(i) ? e.source : -1;
      if (other < 0 || static_cast<std::size_t>(other) >= ex.actors.size()) continue;
      const ExtractedActor& o = ex.actors[static_cast<std::size_t>(other)];
      if (o.naming == Naming::kCommon) continue;
      with.push_back(to_hex(node_id(o)));
    }
    std::sort(with.begin(), with.end());
    with.erase(std::unique(with.begin(), with.end()), with.end());
    a.scope.clear();
    for (const auto& w : with) a.scope += (a.scope.empty() ? "" : ",") + w;
  }
}

}  // namespace geokg
