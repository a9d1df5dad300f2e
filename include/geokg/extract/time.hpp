#pragma once
// Time anchoring: the article's own date and the dates that sentences name.

#include <optional>
#include <string_view>

#include "geokg/extract/document.hpp"

namespace geokg {

// Sets Document::anchor (article metadata, else a dateline or caption date
// such as "April 26, 2024") and fills Document::times with every time
// expression resolved against it: weekdays ("on Friday" -> the latest Friday
// not after the anchor), today/yesterday, last week/month/year, "in February
// 2023", "in 2022", "in November" (the latest November before the anchor),
// explicit dates. Expressions that cannot be resolved are left out.
void anchor_times(Document& doc);

// Resolves one expression ("on Friday", "last year", "Feb. 3, 2021") against
// an anchor date; nullopt when it is not a time expression or cannot be resolved.
std::optional<Date> resolve_time_expression(std::string_view expression, const Date& anchor);

// True for a weekday's name in any case ("Friday", "friday").
bool names_weekday(std::string_view word);

}  // namespace geokg
