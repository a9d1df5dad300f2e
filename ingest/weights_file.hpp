// The bytes of a model weights file (tagger, parser), read in one call: an
// istreambuf_iterator copy of the 9.6 MB parser file took a third of a
// second at every start.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace geokg {

// False when the file cannot be opened or read whole.
inline bool read_weights_file(const std::string& path, std::vector<unsigned char>& buf) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  buf.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(reinterpret_cast<char*>(buf.data()), size));
}

// Reserves room for n elements and asks the kernel to back it with huge
// pages (Linux, transparent huge pages in "madvise" mode): the weight tables
// are read at random, and with 4 KB pages most lookups also missed the TLB.
// Call before the vector is filled (pages are chosen when first touched).
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
  v.reserve(n);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + v.capacity() * sizeof(T)) & ~(kHuge - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

}  // namespace geokg
