#include "geokg/core/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

namespace geokg {

std::string default_data_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("GEOKG_DATA_DIR"); env && *env && fs::is_directory(env, ec))
    return env;
  for (const char* dir : {GEOKG_SOURCE_DATA_DIR, GEOKG_INSTALL_DATA_DIR})
    if (fs::is_directory(dir, ec)) return dir;
  return {};
}

}  // namespace geokg
