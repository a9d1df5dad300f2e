#!/usr/bin/env bash
# README command 2: install what is missing, build, run the whole test suite.
# Usage: scripts/test.sh [extra cmake -D options]   (e.g. -DGEOKG_SANITIZE=ON)
# Env:
#   GEOKG_BUILD_DIR       build directory (default build)
#   GEOKG_SANITIZE_PASS   1: afterwards build the suite again with ASan+UBSan
#                         (build-asan) and run it; 0: don't. Default: 1 when
#                         CI=true, else 0 (it doubles the time).
#   GEOKG_SKIP_FUZZ       1: skip the short fuzz run at the end
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc)

# Configure, build and run the suite in build directory $1 with cmake options $2...
run_suite() {
  local build=$1 start
  shift
  echo "== configure ($build)"
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  echo "== build ($build)"
  start=$(date +%s)
  cmake --build "$build" -j "$jobs"
  echo "== build took $(( $(date +%s) - start ))s"
  echo "== test ($build)"
  start=$(date +%s)
  ctest --test-dir "$build" --output-on-failure -j "$jobs"
  echo "== tests took $(( $(date +%s) - start ))s"
}

run_suite "${GEOKG_BUILD_DIR:-build}" "$@"

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer: any
# report fails the test that triggered it (UBSan does not recover). Line
# tables only (-g1), -O1 (as the ASan docs advise; half the compile time of
# -O3 under instrumentation) and no benchmarks keep the extra build short.
sanitize_pass=${GEOKG_SANITIZE_PASS:-}
if [ -z "$sanitize_pass" ]; then
  if [ "${CI:-}" = true ]; then sanitize_pass=1; else sanitize_pass=0; fi
fi
if [ "$sanitize_pass" = 1 ] && [[ " $* " != *GEOKG_SANITIZE=ON* ]]; then
  run_suite build-asan -DGEOKG_SANITIZE=ON -DGEOKG_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS=-g1 \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG"
fi

# Short fuzz run (clang build in build-fuzz, then 60 s over the fuzz targets).
if [ "${GEOKG_SKIP_FUZZ:-0}" != 1 ] && command -v clang++ >/dev/null; then
  echo "== fuzz (GEOKG_SKIP_FUZZ=1 skips)"
  bash scripts/fuzz.sh 60
fi
