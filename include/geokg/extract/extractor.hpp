#pragma once
// The pure extractor: Article in, Extraction out, no I/O. Lexicons are loaded
// once (load_lexicons in geokg/ingest/model_files.hpp, which does the I/O)
// and shared read-only by any number of threads.

#include <memory>
#include <string>
#include <vector>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/geo/gazetteer.hpp"
#include "geokg/extract/event_lexicon.hpp"
#include "geokg/extract/lexicon.hpp"
#include "geokg/extract/parser.hpp"
#include "geokg/extract/tagger.hpp"
#include "geokg/extract/triggers.hpp"

namespace geokg {

struct Lexicons {
  ActorLexicon actors;
  EventLexicon events;       // flat word-order patterns (events/*.json): the coder without a parser
  TriggerLexicon triggers;   // the codebook the tree coder reads (events/triggers/*.json)
  CameoTable cameo;
  PosTagger tagger;          // tags the sentences the parser reads
  DependencyParser parser;   // empty unless LexiconOptions::tree_coder: the flat coder runs
  geo::Gazetteer gazetteer;  // places/gazetteer.tsv; empty when the data folder has none
  bool tag_everything = false;  // LexiconOptions::pos_tagger (ingest/model_files.hpp)
  bool flat_fallback = false;   // LexiconOptions::flat_fallback
};

// Gives every common noun of `ex` (Naming::kCommon) its scope: the node ids
// of the actors its events link it to (ExtractedActor::scope). Extractor::
// extract calls it; an event coder that builds an Extraction itself should too.
void scope_common_nouns(Extraction& ex);

// Removes the events with no state or political actor at either end: company
// news ("Bell Petroleum agreed to talks with Regal International", "Giant Bay
// signed an agreement") is not geopolitics. A political actor is a country,
// or an actor of a sector other than business (GOV, MIL, OPP, LAB, MED, …).
// Protests and strikes (14x), sanctions (163) and seizures (171) stay: CAMEO
// codes them between business actors too. A company's statements and appeals
// (01x, 02x: filings, requests to a regulator) go whoever the other end is.
// Extractor::extract calls it.
void drop_business_only_events(Extraction& ex);

// Removes statements (01x) to an audience: in "told reporters", "told a
// television interviewer" the media are the channel, and in "told farmers
// here", "told the Semiconductor Industry Association", "in a speech to a
// seminar" the listeners are no party; CAMEO codes no target for them. An
// audience is an organisation or group of no state and a sector the trigger
// words list as "audience_sectors" (media, business, labour, farmers …) or
// of no sector at all. Extractor::extract calls it.
void drop_statements_to_audiences(Extraction& ex, const TriggerLexicon& words);

// Removes meetings, agreements, aid and other acts of cooperation (03x-09x)
// done by the press: "The Times of Zambia said … the government's talks
// with the IMF" reports others' talks; a newspaper is the speaker, not a
// party. Statements, criticism and accusations by the press stay.
// Extractor::extract calls it.
void drop_acts_of_the_press(Extraction& ex);

// Removes events between a state and itself: one end the country, the other
// the same country or its government or officials ("the U.S. Department of
// Agriculture rejected a U.S. firm's offer" is no event of the US
// government against the US; "Velayati warned that Iran would …" is no
// threat to Iran). A government acting on its own state is a misreading far
// more often than news. Between two officials or bodies of one government
// only the routine of governing goes (statements, requests, meetings,
// cooperation: 01x-04x, 06x, 07x, as "Gros and Finance Minister Funaro
// attend council meetings"); their praise and quarrels stay ("Blair backed
// Brown"), and so do the acts a government does to its own land (curfews,
// martial law: 17x; lifting them: 08x) and protests (14x).
// Extractor::extract calls it.
void drop_events_within_one_state(Extraction& ex);

// Whether the document reports on the arts or sport: at least
// kArtsOrSportWords of its words are in the trigger words' "sports_context"
// or "arts_context" lists (film, album, Oscars, tournament, striker …).
inline constexpr int kArtsOrSportWords = 3;
bool arts_or_sport_report(const Document& doc, const TriggerLexicon& words);

// In a report on the arts or sport, removes the events whose source is not
// a state (a country, or an organisation of a state sector: GOV, MIL, COP,
// JUD, LEG, SPY): what directors, actors, bands, clubs and players do to one
// another is no geopolitics ("Clint Eastwood … beating Scorsese", "the band
// began their rise after supporting Franz Ferdinand", "club director Terry
// Brady held talks with Strachan"), while a state's acts there stay ("India
// has ordered the deportation of actress Negar Khan"). Extractor::extract
// calls it.
void drop_private_acts_in_arts_and_sport(Extraction& ex);

class Extractor {
 public:
  explicit Extractor(std::shared_ptr<const Lexicons> lexicons);
  // Thread-safe: const and stateless between calls.
  Extraction extract(const Article& article) const;
  const Lexicons& lexicons() const { return *lexicons_; }

 private:
  std::shared_ptr<const Lexicons> lexicons_;
};

}  // namespace geokg
