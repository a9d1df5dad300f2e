#!/usr/bin/env bash
# Reproduces data/parser/ud-arceager.bin from the UD treebanks in
# ../shared/treebanks (EWT train + GUM minus its held-out news documents,
# tagged by jackknifing), then prints the accuracies of the written file on
# EWT dev/test and the held-out GUM news, and its speed. Deterministic: same
# inputs, same bytes. Takes about 25 minutes and 3 GB of memory on one core.
# Usage: scripts/train_parser.sh [TREEBANKS_DIR] [OUT_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

treebanks=${1:-../shared/treebanks}
out=${2:-data/parser/ud-arceager.bin}
build=${GEOKG_BUILD_DIR:-build}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j 2 --target train_parser
mkdir -p "$(dirname "$out")"
"$build/tools/train_parser" \
  --ewt "$treebanks/en_ewt" \
  --gum "$treebanks/gum/gum-all.conllu.gz" \
  --tagger data/tagger/ptb-perceptron.bin \
  --out "$out" \
  --epochs 12 --bits 21 --max-weights 2500000 --seed 20261203 --explore 0.9 --folds 10 \
  ${GEOKG_PARSER_FLAGS:-}
