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
