// libFuzzer target: the whole extractor (Extractor::extract) over fuzzed
// article text, with the shipped lexicons loaded once.
#include <cstdio>
#include <cstdlib>

#include "fuzz_entry.hpp"

namespace {
const geokg::Extractor& extractor() {
  static const geokg::Extractor* e = [] {
    const char* env = std::getenv("GEOKG_DATA_DIR");
    auto lex = geokg::load_lexicons(env ? env : GEOKG_FUZZ_DATA_DIR, {});
    if (!lex.ok()) {
      std::fprintf(stderr, "cannot load lexicons: %s\n", lex.status().message().c_str());
      std::abort();
    }
    return new geokg::Extractor(lex.value());
  }();
  return *e;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  geokg::fuzz::run_extractor(extractor(), data, size);
  return 0;
}
