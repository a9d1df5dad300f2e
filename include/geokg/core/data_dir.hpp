#pragma once
// Where the shipped data files (lexicons, CAMEO table, patterns) are found.

#include <string>

namespace geokg {

// First existing of: $GEOKG_DATA_DIR, the source tree's data/ (when running
// from a build tree), the install prefix's share/geokg. Returns "" if none.
std::string default_data_dir();

}  // namespace geokg
