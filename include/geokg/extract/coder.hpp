#pragma once
// Event coding on dependency trees: CAMEO events read from the parsed
// sentences of a document.
//
// A trigger (verb or noun, by lemma; triggers.hpp) is coded where its
// arguments are actors at the grammatical positions the trigger names:
// subject, object, obliques with their preposition, the "by" agent of a
// passive, the possessor or modifier of a nominal event, the subject of the
// light verb ("held talks", "launched an attack"). Control ("urged X to
// release Y": an appeal to X), coordination of subjects, objects and verbs,
// relative clauses and appositions are followed on the tree. Frames
// (appeals, intentions, demands, rejections, threats) code what they embed;
// modal "will" is an intention, "refused to"/"will not" a rejection;
// negated, conditional, questioned and speculative events are flagged.
// A statement is coded only with an addressee or a topic actor; a reported
// clause that holds an event is coded as that event, with its own actors.
// Dates and places are the time and place modifiers of the event's own
// clause.

#include <vector>

#include "geokg/core/model.hpp"
#include "geokg/extract/document.hpp"
#include "geokg/extract/triggers.hpp"

namespace geokg {

// True when sentence s can hold an event: a word that may be a trigger (a
// statement verb only with a preposition its target may follow) and mentions
// of two different actors, or of one political actor with a word of an act
// that falls on its own state (TriggerLexicon::one_actor_trigger: "protested",
// "lifted the curfew"). Only such sentences need parsing.
bool sentence_may_hold_event(const Document& doc, std::uint32_t s, const TriggerLexicon& triggers);

// Appends the events of every parsed sentence of doc. Source/target/location
// index Document::actors. REQUIRES: find_actors ran; parse_sentence ran on
// the sentences to code (unparsed sentences are skipped).
// With `read`: one entry per sentence, true where the coder read the
// sentence (it coded an event, or found a trigger whose arguments it judged,
// or a sports report), false where it had nothing to go on.
void code_events(const Document& doc, const TriggerLexicon& triggers, std::vector<ExtractedEvent>& out,
                 std::vector<bool>* read = nullptr);

}  // namespace geokg
