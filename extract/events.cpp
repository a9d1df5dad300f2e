#include "geokg/extract/events.hpp"

// Event detection without a parser: the flat matcher (events_matcher.hpp)
// over each sentence. This file holds its emission and pattern stages and
// find_events.

#include <algorithm>
#include <string>

#include "geokg/core/cameo.hpp"
#include "events_matcher.hpp"

namespace geokg::flat {

bool SentenceMatcher::body_of(int a, int b) const {
  const ExtractedActor* x = actor(a);
  const ExtractedActor* y = actor(b);
  return x && y && x->naming == Naming::kUnnamed && x->kind == NodeKind::kOrganization &&
         y->kind == NodeKind::kCountry && !x->country.empty() && x->country == y->country;
}

bool SentenceMatcher::same_country(int a, int b) const {
  const ExtractedActor* x = actor(a);
  const ExtractedActor* y = actor(b);
  return x && y && !x->country.empty() && x->country == y->country;
}

void SentenceMatcher::emit(const EventPattern& p, int trigger, const Args& src, const Args& tgt, const Modality& md,
          float confidence, std::string quote) {
  const Sentence& s = doc_.sentences[sidx_];
  // "said the two countries were working ...": a statement about a pair is
  // about neither in particular.
  const bool tgt_group = tgt.actors.size() > 1;
  for (int a : src.actors)
    for (int b : tgt.actors) {
      if (a < 0 || b < 0 || a == b) continue;
      // A document or weapon does not act: "an Iranian missile attack",
      // "the agreement would not hold" name no source.
      if (actor(a) && actor(a)->kind == NodeKind::kArtifact) continue;
      // A state's own unnamed body and the state are one side ("gave the
      // Japanese government a warning of sanctions against Japan").
      if (body_of(a, b) || body_of(b, a)) continue;
      // A plain statement about one's own state or compatriot is no interaction.
      if (p.statement && p.cameo == "010" && (same_country(a, b) || tgt_group)) continue;
      // "Taiwan said it would not recognise the agreement": a statement about
      // a document or law names no second actor.
      if (p.statement && actor(b) && actor(b)->kind == NodeKind::kArtifact) continue;
      // ("invited bill offers" invites no bill.)
      if (actor(b) && actor(b)->kind == NodeKind::kArtifact && !cameo_acts_on_things(p.cameo)) continue;
      bool dup = false;
      for (std::size_t e = first_event_; e < out_.size(); ++e) {
        ExtractedEvent& o = out_[e];
        if (o.source == a && o.target == b && o.cameo == p.cameo && o.negated == md.negated &&
            o.hypothetical == md.hypothetical) {
          o.confidence = std::max(o.confidence, confidence);
          dup = true;
        }
      }
      if (dup) continue;
      ExtractedEvent ev;
      ev.source = a;
      ev.target = b;
      ev.cameo = p.cameo;
      ev.relation = p.label;
      ev.date = event_date(trigger, p.nominal, !md.hypothetical && !md.negated);
      ev.location = event_place(trigger, {a, b});
      if (p.place_target && ev.location < 0 && actor(b) &&
          (actor(b)->kind == NodeKind::kLocation || actor(b)->kind == NodeKind::kCountry))
        ev.location = b;
      ev.confidence = confidence;
      ev.negated = md.negated;
      ev.hypothetical = md.hypothetical;
      ev.quote = quote;
      doc_.set_evidence_sentence(ev.evidence, s);
      ev.evidence.rule = p.id;
      out_.push_back(std::move(ev));
    }
}

void SentenceMatcher::pair_up(Args& src, Args& tgt) {
  if (src.actors.size() < 2) return;
  // Moved out and rebuilt (rather than copied and erased) to keep GCC 12's
  // -Warray-bounds from flagging a false positive here.
  std::vector<int> all = std::move(src.actors);
  src.actors.assign(1, all.front());
  tgt.actors = std::move(all);
  tgt.actors.front() = tgt.actors.back();
  tgt.actors.pop_back();
  tgt.found = true;
  tgt.weak = src.weak;
}

void SentenceMatcher::match_at(int i, const std::vector<std::uint32_t>& candidates) {
  // The tagger's common-noun reading ("Talks between X and Y", "a strike
  // on") counts as noun context even without a determiner before it.
  const bool noun_ctx = noun_context(i) || common_noun(i);
  const EventPattern* best = nullptr;
  int best_end = -1;
  std::size_t best_steps = 0;
  bool has_nominal = false;
  for (auto pi : candidates) has_nominal = has_nominal || lex_.patterns[pi].nominal;
  for (auto pi : candidates) {
    const EventPattern& p = lex_.patterns[pi];
    if (p.nominal && (!noun_ctx || i < consumed_until_)) continue;
    if (!p.nominal && noun_ctx && has_nominal) continue;
    if (!p.nominal && noun_ctx && (in(kEwDeterminers, i - 1) || (flags(std::max(i - 1, sb_)) & kTokPossessive))) continue;
    // A verb pattern on a word the tagger reads as a common noun ("the
    // strike", "their call") is no verb.
    if (!p.nominal && common_noun(i)) continue;
    const int end = match_phrase(i, p);
    if (end < 0) continue;
    const std::size_t steps = p.then.size();
    if (!best || steps > best_steps || (steps == best_steps && end > best_end)) {
      best = &p;
      best_end = end;
      best_steps = steps;
    }
  }
  if (!best) return;
  if (best->nominal)
    nominal_event(*best, i, best_end);
  else
    verbal_event(*best, i, best_end);
}

void SentenceMatcher::verbal_event(const EventPattern& p, int i, int end) {
  const bool in_quote = (flags(i) & kTokInQuote) != 0;
  Modality md = verb_modality(i);
  const std::string_view head = w(i);
  const bool participle = !(head.size() > 4 && head.substr(head.size() - 3) == "ing");
  const bool passive = p.passive && md.be && participle;
  float conf = p.confidence;

  Args subj = find_subject(md.chain_start, in_quote);
  if (!subj.found && !passive) subj = participle_clause_subject(i, in_quote);
  Args src, tgt;
  if (passive) {
    static const std::vector<std::string> kBy{"by"};
    TargetScan agent = find_target(end, p, kBy, kMaxTargetScan);
    last_subject_ = agent.args.actors;
    last_subject_weak_ = agent.args.weak;
    last_modality_ = md;
    last_verb_ = i;
    if (!agent.args.found || !subj.found) return;
    src = agent.args;
    tgt = subj;
    conf *= 0.9f;
    // "The agreement was signed by Nigeria's finance minister and the
    // ECGD": the parties of a symmetric event, not the document.
    if (p.symmetric && src.actors.size() >= 2 && tgt.actors.size() == 1 && actor(tgt.actors.front()) &&
        actor(tgt.actors.front())->kind == NodeKind::kArtifact) {
      tgt = Args{};
      pair_up(src, tgt);
    }
  } else {
    // "The U.S. has been promised a monopoly", "Iraq was warned": a pattern
    // read only in the active gives no event in the passive, whose subject
    // did not act.
    if (md.be && participle && (in(kEwParticiples, i) || (head.size() > 4 && head.ends_with("ed")))) {
      last_subject_.clear();
      return;
    }
    if (!subj.found && p.statement) subj = find_inverted_subject(end);
    last_subject_ = subj.actors;
    last_subject_weak_ = subj.weak;
    last_modality_ = md;
    last_verb_ = i;
    if (!subj.found) return;
    src = subj;
    TargetScan t = find_target(end, p, {}, kMaxTargetScan);
    // "Garcia said the government would install a plant": a statement about
    // an unnamed body is no statement to it.
    if (p.statement && t.mention && t.mention->form == MentionForm::kTitle && actor(t.mention->actor) &&
        actor(t.mention->actor)->naming == Naming::kUnnamed)
      t = TargetScan{};
    tgt = t.args;
    if (t.end > end) consumed_until_ = std::max(consumed_until_, t.end);
    // "Nigeria and Britain signed an agreement": the parties, not the document.
    if (tgt.found && p.symmetric && src.actors.size() >= 2 && tgt.actors.size() == 1 &&
        actor(tgt.actors.front()) && actor(tgt.actors.front())->kind == NodeKind::kArtifact)
      tgt = Args{};
    // "gave the Japanese government a clear warning", "paid Beijing a
    // visit": the indirect object stands inside the phrase.
    if (!tgt.found && p.then.size() > 1 && accepts(p, kObjectMarker)) tgt = object_inside_phrase(i + 1, end);
    if (!tgt.found && p.statement) tgt = quote_topic(src.actors.empty() ? -1 : src.actors.front());
    if (!tgt.found && p.symmetric) pair_up(src, tgt);
    if (!tgt.found) return;
  }
  consumed_until_ = std::max(consumed_until_, end);
  if (src.weak) conf *= 0.85f;
  if (tgt.weak) conf *= 0.85f;
  emit(p, i, src, tgt, md, conf, p.statement ? quote_of_sentence() : std::string());
}

void SentenceMatcher::nominal_event(const EventPattern& p, int i, int end) {
  Modality md;
  for (int k = i - 1; k >= sb_ && k >= i - 3; --k) {
    if (in(kEwHedges, k)) md.hypothetical = true;
    if (is(k, "no") || is(k, "without")) md.negated = true;
    if (is(k, "any")) md.hypothetical = true;   // "any attack on Soviet ships will bring": none made
    if (punct(k)) break;
  }
  conditional_context(i, md);
  Args src, tgt;
  // "talks between Biden and Xi"
  if (is(end, "between")) {
    const Mention* a = mention_starting(end + 1);
    if (a && a->actor >= 0 && is(static_cast<int>(a->token_end), "and")) {
      const Mention* b = mention_starting(static_cast<int>(a->token_end) + 1);
      if (b && b->actor >= 0) {
        src.actors.push_back(a->actor);
        tgt.actors.push_back(b->actor);
        src.found = tgt.found = true;
      }
    }
  }
  if (!src.found) {
    // Possessor or modifier before the noun: "Pelosi's visit", "the U.S. downing".
    for (int k = i - 1, hops = 0; k >= sb_ && hops < 3; --k, ++hops) {
      if ((flags(k) & kTokPossessive) != 0) continue;
      if (const Mention* m = mention_ending(k)) {
        if (m->actor >= 0 && !m->as_location &&
            (possessive(*m) || m->form == MentionForm::kAdjective || in(kEwDeterminers, static_cast<int>(m->token_begin) - 1) ||
             static_cast<int>(m->token_begin) == sb_)) {
          mention_actors(*m, src.actors);
          src.found = true;
          src.weak = weak_form(*m);
        }
        break;
      }
      if (punct(k) && !is(k, "-")) break;
      if (in(kEwPrepositions, k) || in(kEwDeterminers, k)) break;
    }
  }
  if (!tgt.found) {
    // "a visit by Pelosi to Taiwan"
    if (!src.found && is(end, "by")) {
      static const std::vector<std::string> kBy{"by"};
      TargetScan agent = find_target(end, p, kBy, 5);
      if (agent.args.found) { src = agent.args; end = agent.end; }
    }
    TargetScan t = find_target(end, p, {}, kMaxNominalTargetScan);
    tgt = t.args;
    if (t.end > end) end = t.end;
  }
  if (!src.found && tgt.found && !p.symmetric && p.implicit_agent && agent_phrase_opener(i)) {
    // "on his return from a visit to Japan", "during a trip to Moscow":
    // the clause's subject made the visit: the subject of the verb before
    // ("Howard said on his return ...", "X met Y during a visit to Z"),
    // else the subject after a fronted phrase ("During a visit to Z, X ...").
    if (!last_subject_.empty() && same_verb_phrase(last_verb_, i)) {
      src.actors = last_subject_;
      src.found = true;
      // "will visit Rome during a trip to Europe": the trip is as real as the verb.
      md.negated = md.negated || last_modality_.negated;
      md.hypothetical = md.hypothetical || last_modality_.hypothetical;
    } else {
      src = subject_after_fronted_phrase(i, end);
    }
    src.weak = true;
  }
  // "a summit meeting ... between Reagan and ...": the pair is named after
  // "between"; when it could not be read, the clause's subject is no participant.
  if (!src.found && p.symmetric && tgt.found && !between_phrase(i, end)) {
    // "during talks with Wang Yi": the participant is the clause's subject.
    src = find_subject(i, (flags(i) & kTokInQuote) != 0);
    if (!src.found) src = subject_after_fronted_phrase(i, end);
    src.weak = true;
  }
  if (!src.found || !tgt.found) return;
  float conf = p.confidence;
  if (src.weak) conf *= 0.85f;
  if (tgt.weak) conf *= 0.85f;
  emit(p, i, src, tgt, md, conf, std::string());
}

}  // namespace geokg::flat

namespace geokg {

void find_events(const Document& doc, const EventLexicon& patterns, std::vector<ExtractedEvent>& out,
                 const std::vector<bool>* only) {
  const EventLexicon::Impl& lex = patterns.impl();
  if (lex.patterns.empty() || doc.tokens.empty()) return;
  // Mention lookup by first and last token (the first mention wins on overlap).
  std::vector<int> starts(doc.tokens.size(), -1), ends(doc.tokens.size(), -1);
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mn = doc.mentions[m];
    if (mn.token_end <= mn.token_begin || mn.token_end > doc.tokens.size()) continue;
    if (starts[mn.token_begin] < 0) starts[mn.token_begin] = static_cast<int>(m);
    if (ends[mn.token_end - 1] < 0) ends[mn.token_end - 1] = static_cast<int>(m);
  }
  // One lookup per token for every closed-class list and pattern head.
  std::vector<const EventLexicon::Impl::WordInfo*> info(doc.tokens.size(), nullptr);
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) info[t] = lex.info(doc.token_lower(doc.tokens[t]));
  flat::SentenceMatcher matcher(doc, lex, starts, ends, info, out);
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (only && !(*only)[s]) continue;
    matcher.set_first_event(out.size());
    matcher.run(s);
  }
}

}  // namespace geokg
