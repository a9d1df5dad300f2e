#pragma once
// The evidence behind one event: every report of it (article, publisher,
// URL, date, sentence, byte span, rule) with the places in each sentence
// where its actors are named, for a reader who wants to check the edge.
//
// The store keeps the sentence and its span in the article, not the actors'
// spans inside it: they are found again by matching the actors' names and
// aliases in the sentence (ASCII case-insensitive, on word boundaries, the
// longest name first). A report that names an actor only by a pronoun or a
// title ("the minister") has no span for it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "geokg/core/cameo.hpp"
#include "geokg/core/model.hpp"
#include "geokg/core/status.hpp"
#include "geokg/graph/store.hpp"
#include "geokg/query/timeline.hpp"

namespace geokg::query {

enum class MentionRole : std::uint8_t { kSource, kTarget, kLocation };
const char* to_string(MentionRole role);   // "source", "target", "location"

// [start, end) in bytes of the sentence.
struct MentionSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  MentionRole role = MentionRole::kSource;
  friend bool operator==(const MentionSpan&, const MentionSpan&) = default;
};

// The names to look for and whose they are.
struct NamedActor {
  const Node* node = nullptr;   // name and aliases; skipped when null
  MentionRole role = MentionRole::kSource;
};

// Non-overlapping spans in sentence order. Names shorter than two bytes are
// not looked for; a match must not continue a word on either side (ASCII
// letters and digits, and any non-ASCII byte, are word characters).
std::vector<MentionSpan> find_mentions(std::string_view sentence, const std::vector<NamedActor>& actors);

// The URL when it is an absolute http or https URL (scheme in any case, a
// host after "//", no whitespace or control characters); "" otherwise
// (javascript:, data:, relative or malformed), so a page never links it.
std::string web_link(std::string_view url);

struct Report {
  Evidence evidence;
  std::optional<ArticleRecord> article;   // nullopt when the article record is missing
  std::vector<MentionSpan> mentions;      // in evidence.sentence
};

struct EventDetail {
  TimelineEvent event;          // the event with its actors' names
  std::vector<Report> reports;  // in stored order, at most EventDetailOptions::max_reports
  std::size_t total_reports = 0;
};

struct EventDetailOptions {
  // Most reports returned (an event can be reported thousands of times). Default: 50.
  std::size_t max_reports = 50;
};

// Errors: store failures; NotFound when the event is absent.
Result<EventDetail> event_detail(const GraphStore& store, EdgeId id, const EventDetailOptions& options = {});

// event_json's shape (with label, Goldstein and quad class when `cameo` is
// given) plus "source_id", "target_id", "total_reports" and "reports": one
// object per report with article (id, title, date, publisher, url, link =
// web_link(url) or null), sentence, start, end, rule, cameo, date, mentions
// ([{start, end, role}] in bytes) and segments: the sentence cut at the
// mentions, [{"text", "role"}] with role null outside a mention, so a page
// can highlight without byte arithmetic.
nlohmann::json event_detail_json(const EventDetail& d, const CameoTable* cameo);

}  // namespace geokg::query
