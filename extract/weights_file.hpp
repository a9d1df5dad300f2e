// What the tagger's and the parser's weights files share: the envelope
// (magic, versions, checksum) and weight tables backed by huge pages.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "geokg/core/status.hpp"

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace geokg {

inline std::uint32_t read_u32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

// Checks a weights file's envelope: at least header_size bytes and a CRC-32,
// the 8-byte magic, a CRC-32 of all but the last 4 bytes stored in them, the
// format version at byte 8 and the feature version at byte 12. `what` names
// the file in errors ("tagger weights data/tagger/ptb-perceptron.bin"),
// `kind` the model ("tagger"). Corruption or Incompatible; Ok when it holds.
inline Status check_weights_envelope(std::span<const unsigned char> buf, const char (&magic)[8],
                                     std::size_t header_size, std::uint32_t format_version,
                                     std::uint32_t feature_version, const std::string& what,
                                     const std::string& kind) {
  if (buf.size() < header_size + 4 || std::memcmp(buf.data(), magic, sizeof magic) != 0)
    return Status::Corruption(what + ": not a geokg " + kind + " file (bad magic)");
  const std::uint32_t crc_stored = read_u32(buf.data() + buf.size() - 4);
  const auto crc = static_cast<std::uint32_t>(
      crc32(crc32(0L, Z_NULL, 0), buf.data(), static_cast<uInt>(buf.size() - 4)));
  if (crc != crc_stored) return Status::Corruption(what + ": checksum mismatch (truncated or damaged)");
  const std::uint32_t version = read_u32(buf.data() + 8);
  const std::uint32_t features = read_u32(buf.data() + 12);
  if (version != format_version || features != feature_version)
    return Status::Incompatible(what + ": format " + std::to_string(version) + "/features " +
                                std::to_string(features) + ", this build reads " +
                                std::to_string(format_version) + "/" + std::to_string(feature_version));
  return Status::Ok();
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
