#!/usr/bin/env bash
# README command 2: install what is missing, build, run the whole test suite.
# Usage: scripts/test.sh [extra cmake -D options]   (e.g. -DGEOKG_SANITIZE=ON)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
build=${GEOKG_BUILD_DIR:-build}
jobs=$(nproc)

echo "== configure ($build)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
echo "== build"
start=$(date +%s)
cmake --build "$build" -j "$jobs"
echo "== build took $(( $(date +%s) - start ))s"
echo "== test"
start=$(date +%s)
ctest --test-dir "$build" --output-on-failure -j "$jobs"
echo "== tests took $(( $(date +%s) - start ))s"
# Short fuzz run (clang build in build-fuzz, then 60 s over the fuzz targets).
# Opt out with GEOKG_SKIP_FUZZ=1.
if [ "${GEOKG_SKIP_FUZZ:-0}" != 1 ] && command -v clang++ >/dev/null; then
  echo "== fuzz (GEOKG_SKIP_FUZZ=1 skips)"
  bash scripts/fuzz.sh 60
fi
