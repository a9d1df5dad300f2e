// Sums of dense weight rows for the tagger and the parser. Adding the rows
// of a word's or a transition's features is most of their work: the sums of
// each 32-byte block stay in vector registers over all the rows instead of
// being loaded and stored once per row. The lanes are unsigned, so they wrap
// modulo 2^16 (2^32) as the int16 (int32) sums always did, and the order of
// the additions does not change a score.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace geokg::dense_rows {

// Adds n rows of T to sums (both as wide as the kernel's blocks).
template <typename T>
using SumRows = void (*)(const T* const* rows, int n, T* sums);

// 32 bytes of unsigned lanes as wide as T.
template <typename T>
struct BlockOf;
template <>
struct BlockOf<std::int16_t> {
  using type = std::uint16_t __attribute__((vector_size(32)));
};
template <>
struct BlockOf<std::int32_t> {
  using type = std::uint32_t __attribute__((vector_size(32)));
};

template <typename T, int Blocks>
inline __attribute__((always_inline)) void sum_in_registers(const T* const* rows, int n, T* sums) {
  using Block = typename BlockOf<T>::type;
  constexpr std::size_t kLanes = 32 / sizeof(T);
  Block acc[Blocks];
  std::memcpy(acc, sums, sizeof acc);
  for (int j = 0; j < n; ++j)
    for (int b = 0; b < Blocks; ++b) {
      Block x;
      std::memcpy(&x, rows[j] + kLanes * b, sizeof x);
      acc[b] += x;
    }
  std::memcpy(sums, acc, sizeof acc);
}

template <typename T, int Blocks>
void sum_plain(const T* const* rows, int n, T* sums) {
  sum_in_registers<T, Blocks>(rows, n, sums);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GEOKG_DENSE_ROWS_AVX2 1
// The release build targets plain x86-64 (SSE2); with AVX2 a block is one register.
template <typename T, int Blocks>
__attribute__((target("avx2"))) void sum_avx2(const T* const* rows, int n, T* sums) {
  sum_in_registers<T, Blocks>(rows, n, sums);
}
#endif

template <typename T, int... B>
SumRows<T> pick(std::size_t blocks, std::integer_sequence<int, B...>) {
  if (blocks == 0 || blocks > sizeof...(B)) return nullptr;
#ifdef GEOKG_DENSE_ROWS_AVX2
  if (__builtin_cpu_supports("avx2")) {
    constexpr SumRows<T> fast[] = {sum_avx2<T, B + 1>...};
    return fast[blocks - 1];
  }
#endif
  constexpr SumRows<T> plain[] = {sum_plain<T, B + 1>...};
  return plain[blocks - 1];
}

// The kernel for rows of `lanes` elements (a multiple of 32 / sizeof(T));
// null for rows wider than 8 blocks (callers then add the rows one by one).
template <typename T>
SumRows<T> pick_sum_rows(std::size_t lanes) {
  return pick<T>(lanes / (32 / sizeof(T)), std::make_integer_sequence<int, 8>{});
}

}  // namespace geokg::dense_rows
