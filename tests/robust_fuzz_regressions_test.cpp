// Replays every input in fuzz/regressions/<target>/ (inputs that once
// crashed a fuzz target) and every seed through the fuzz targets' entry
// points (fuzz/fuzz_entry.hpp), in the normal build: no clang needed, and the
// sanitizer build (-DGEOKG_SANITIZE=ON) checks them under ASan/UBSan too.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <vector>

#include "../fuzz/fuzz_entry.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs(const std::string& sub) {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(geokg::test::source_dir()) / "fuzz" / sub;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

const geokg::Extractor& extractor() {
  static const geokg::Extractor e = [] {
    auto lex = geokg::load_lexicons(geokg::test::data_dir(), {});
    if (!lex.ok()) BOOST_FAIL("cannot load lexicons: " << lex.status().message());
    return geokg::Extractor(lex.value());
  }();
  return e;
}

void replay(const fs::path& p, bool through_extractor) {
  const std::string bytes = geokg::test::read_file(p);
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  BOOST_TEST_CHECKPOINT("replaying " << p);
  if (through_extractor) geokg::fuzz::run_extractor(extractor(), data, bytes.size());
  else geokg::fuzz::run_readers(data, bytes.size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(robust_fuzz_regressions)

BOOST_AUTO_TEST_CASE(reader_regressions_and_seeds_replay_cleanly) {
  auto files = inputs("regressions/readers");
  for (const auto& p : inputs("seeds")) files.push_back(p);
  BOOST_TEST(!files.empty());
  for (const auto& p : files) replay(p, false);
  BOOST_TEST_MESSAGE(files.size() << " inputs replayed through the readers");
}

BOOST_AUTO_TEST_CASE(extractor_regressions_and_seeds_replay_cleanly) {
  auto files = inputs("regressions/extractor");
  for (const auto& p : inputs("seeds")) files.push_back(p);
  BOOST_TEST(!files.empty());
  for (const auto& p : files) replay(p, true);
  BOOST_TEST_MESSAGE(files.size() << " inputs replayed through the extractor");
}

// The entry points themselves must cope with the degenerate inputs.
BOOST_AUTO_TEST_CASE(degenerate_inputs) {
  const std::string cases[] = {"", "\n", "{", "<", "\xFF\xFE", std::string(1, '\0'), "{\"text\":\"\\u0000\"}",
                               "Date: x\n\nY", "<html><body><p>&#0;&#xD800;</p>"};
  for (const auto& c : cases) {
    const auto* d = reinterpret_cast<const std::uint8_t*>(c.data());
    geokg::fuzz::run_readers(d, c.size());
    geokg::fuzz::run_extractor(extractor(), d, c.size());
  }
  BOOST_TEST_MESSAGE("degenerate inputs survived");  // a crash or sanitizer report fails the test
}

BOOST_AUTO_TEST_SUITE_END()
