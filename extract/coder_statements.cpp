// The tree coder, stage 3 (continued): statements, their addressees and the
// acts they report (include/geokg/extract/coder.hpp; data/events/TRIGGERS.md).

#include <algorithm>

#include "coder_sentence.hpp"

namespace geokg::coder {

// Whether this sentence names actor a by more than a bare agent noun: by a
// demonym or name ("U.S. negotiators"), or with its state after "of"/"in"
// ("the foreign ministers of Brunei").
bool SentenceCoder::named_in_sentence(int a) const {
  const std::string& country = doc_.actors[static_cast<std::size_t>(a)].country;
  for (auto [k, end] = sentence_range(doc_.mentions, sidx_); k < end; ++k) {
    const Mention& mn = doc_.mentions[k];
    if (mn.actor != a) continue;
    if (mn.form != MentionForm::kTitle) return true;
    int after = static_cast<int>(mn.token_end);
    if (!inside(after) || (low(after) != "of" && low(after) != "in")) continue;
    if (inside(++after) && low(after) == "the") ++after;
    if (!inside(after) || mention_at(after) == kNone) continue;
    const Mention& state = doc_.mentions[static_cast<std::size_t>(mention_at(after))];
    if (!country.empty() && doc_.actors[static_cast<std::size_t>(state.actor)].country == country) return true;
  }
  return false;
}

// A statement is coded only with an addressee or a topic; a complement that
// holds an event gives way to that event.
void SentenceCoder::code_statement(const Match& m) {
  const int i = m.token;
  std::vector<ActorRef> src, tgt;
  first_slot_actors(m, m.trigger->source, src);
  bool reported = false;
  // ("Beirut radio stations said Israeli gunships raided south Lebanon": news
  // a medium reports is no accusation by its state; words.media_nouns.)
  bool medium = false;
  if (!m.trigger->noun)
    for (int c : kids(i))
      if (rel(c) == kDepNsubj && (listed("media_nouns", c) || std::any_of(kids(c).begin(), kids(c).end(), [&](int k) {
                                    return base(k) == kDepCompound && listed("media_nouns", k);
                                  })))
        medium = true;
  for (std::size_t e = first_event_; e < out_.size(); ++e)
    if (reported_in(event_tokens_[e - first_event_], i)) {
      reported = true;
      if (!medium) accusation(out_[e], src);
    }
  if (reported) return;
  // "told reporters during a visit to Malaysia", "told a press conference
  // Brazil had to reconsider": spoken to an audience (words.audience_words),
  // to no one the sentence names.
  // ("In a speech to a European Community seminar", "spoke to a conference")
  for (int c : kids(i))
    if (((!m.trigger->noun && (base(c) == kDepObj || rel(c) == kDepIobj)) || case_of(c) == "to") &&
        listed("audience_words", c))
      return;
  std::vector<Slot> addressee;   // a mentioned subject is no addressee
  for (const Slot& s : m.trigger->target)
    if (s.kind != SlotKind::kCcompSubj) addressee.push_back(s);
  first_slot_actors(m, addressee, tgt, nullptr, &src);
  // "told political leaders", "in a speech to 3,000 mayors": a bare agent
  // noun takes its country from the story, not the sentence; as an
  // addressee it is the speaker's audience ("told U.S. negotiators",
  // "Brazilian officials" name their state and stay).
  tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                           [&](const ActorRef& r) {
                             return doc_.actors[static_cast<std::size_t>(r.actor)].naming == Naming::kUnnamed &&
                                    !named_in_sentence(r.actor);
                           }),
            tgt.end());
  if (src.empty() || tgt.empty()) return;
  Modality md = modality(i);
  // "is expected to respond", "will tell": a statement not yet made; "refused
  // to comment": a comment declined (011), as CAMEO codes it.
  if (md.intent) md.hypothetical = true;
  std::string code = m.trigger->code, label = m.trigger->label;
  if (md.reject && !md.hypothetical && !md.negated) {
    if (auto declined = mapped("reject", code)) {
      code = *declined;
      label = "declined to comment";
    } else {
      md.negated = true;
    }
  }
  md.intent = md.reject = false;
  emit(m, code, label, src, tgt, md);
}

// A hostile act the speaker reports against its own side is the speaker's
// accusation of the actor it names ("Wang said the U.S. had taken measures
// to suppress China's economy": China accuses the U.S.), not an established
// act; an act reported by anyone else stands as reported.
void SentenceCoder::accusation(ExtractedEvent& ev, const std::vector<ActorRef>& speakers) const {
  if (speakers.empty() || ev.cameo.size() < 2 || ev.cameo.compare(0, 2, "10") < 0) return;
  const ExtractedActor& s = doc_.actors[static_cast<std::size_t>(speakers.front().actor)];
  const ExtractedActor& a = doc_.actors[static_cast<std::size_t>(ev.source)];
  const ExtractedActor& b = doc_.actors[static_cast<std::size_t>(ev.target)];
  if (s.country.empty() || b.country != s.country || a.country == s.country || ev.source == speakers.front().actor)
    return;
  ev.target = ev.source;
  ev.source = speakers.front().actor;
  ev.relation = "accused: " + ev.relation;
  ev.evidence.rule = "reported-accusation:" + ev.evidence.rule;
  ev.cameo = "112";
  ev.symmetric = false;
}

// Whether token x lies in the clausal complement of speech verb v.
bool SentenceCoder::reported_in(int x, int v) const {
  for (int a = x, steps = 0; a != kNone && steps < 12; a = head(a), ++steps)
    if (head(a) == v) {
      const std::uint8_t b = base(a);
      return b == kDepCcomp || b == kDepParataxis || b == kDepXcomp || b == kDepAdvcl;
    }
  return false;
}

}  // namespace geokg::coder
