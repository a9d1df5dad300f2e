// libFuzzer target: the input readers (detect_format and the text, JSONL and
// HTML parsers) over arbitrary bytes.
#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  geokg::fuzz::run_readers(data, size);
  return 0;
}
