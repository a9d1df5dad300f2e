// Placeholder until the query commands land (issue 5); the query engineer replaces this file.
#include "common.hpp"

namespace geokg::cli {
void register_query_commands(CLI::App&) {}
}  // namespace geokg::cli
