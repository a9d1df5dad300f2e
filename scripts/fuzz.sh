#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each one.
# Usage: scripts/fuzz.sh [SECONDS]   total time shared by the targets (default 60)
# Env:   GEOKG_FUZZ_BUILD_DIR (default build-fuzz), GEOKG_FUZZ_TARGETS ("readers extractor")
# A crash, leak, timeout or sanitizer report leaves the input in
# $build/artifacts/<target>/ and makes the script exit 1: minimise it
# (<target>_fuzz -minimize_crash=1 FILE), fix the bug, and keep the input in
# fuzz/regressions/<target>/ so the test suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

total=${1:-60}
build=${GEOKG_FUZZ_BUILD_DIR:-build-fuzz}
targets=(${GEOKG_FUZZ_TARGETS:-readers extractor})
per=$(( total / ${#targets[@]} ))
(( per >= 1 )) || per=1

echo "== configure ($build)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DGEOKG_FUZZ=ON -DGEOKG_BUILD_TESTS=OFF -DGEOKG_BUILD_BENCH=OFF >/dev/null
echo "== build"
cmake --build "$build" -j "${GEOKG_FUZZ_JOBS:-2}" --target $(printf '%s_fuzz ' "${targets[@]}")

shared=${GEOKG_SHARED_DIR:-../shared}
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  # Seeds: ours, the example article, and every input that once failed.
  cp -n fuzz/seeds/* examples/* "$corpus"/ 2>/dev/null || true
  cp -n fuzz/regressions/"$t"/* "$corpus"/ 2>/dev/null || true
  rm -f "$corpus"/README.md
  echo "== fuzz $t for ${per}s (corpus $corpus, $(ls "$corpus" | wc -l) inputs)"
  log="$build/$t.log"
  if ! "$build/fuzz/${t}_fuzz" "$corpus" -max_total_time="$per" -timeout=20 -rss_limit_mb=2560 \
        -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1; then
    status=1
    echo "!! $t: failure, see $log and $artifacts"
    grep -m5 -E "ERROR|SUMMARY|runtime error" "$log" || true
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ *DONE" "$log" || tail -2 "$log"
done
exit $status
