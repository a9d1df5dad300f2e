#!/usr/bin/env bash
# README command 1: install what is missing, build, ingest the shipped
# examples into an embedded RocksDB, print a timeline and write diagrams.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
build=${GEOKG_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target geokg

geokg="$build/cli/geokg"
out=${GEOKG_DEMO_OUT:-out}
mkdir -p "$out"
export GEOKG_DB="$out/demo.db"

# A fresh database each run: an earlier run's may hold an older extraction.
rm -rf "$GEOKG_DB"
echo "== geokg ingest examples/*.txt"
"$geokg" ingest examples/*.txt
echo
echo "== geokg stats"
"$geokg" stats
echo
echo "== geokg timeline \"Antony Blinken\""
"$geokg" timeline "Antony Blinken"
echo
echo "== geokg export --format dot --center \"Xi Jinping\" --depth 2 --render svg"
"$geokg" export --format dot --center "Xi Jinping" --depth 2 --render svg -o "$out/xi.svg"
"$geokg" export --format dot --render svg -o "$out/graph.svg"
"$geokg" timeline "Antony Blinken" --format svg -o "$out/blinken-timeline.svg"
"$geokg" timeline --format svg -o "$out/timeline.svg"
echo
echo "Wrote $out/graph.svg (whole graph), $out/xi.svg (Xi Jinping's 2-hop network),"
echo "$out/blinken-timeline.svg (Blinken's timeline) and $out/timeline.svg (every event,"
echo "one lane per CAMEO class); database in $GEOKG_DB."
echo
echo "Explore it in a browser (search, neighbourhood, evidence, timeline, paths; no network needed):"
echo "  $geokg serve --db $GEOKG_DB"
echo "then open http://127.0.0.1:8080/ (Ctrl-C stops the server; --port N picks another port)."
