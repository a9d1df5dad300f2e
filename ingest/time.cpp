#include "geokg/ingest/time.hpp"

namespace geokg {

void anchor_times(Document& doc) { doc.anchor = doc.article ? doc.article->date : Date{}; }

std::optional<Date> resolve_time_expression(std::string_view, const Date&) { return std::nullopt; }

}  // namespace geokg
