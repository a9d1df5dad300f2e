#!/usr/bin/env bash
# Reproduces data/tagger/ptb-perceptron.bin from the UD treebanks in
# ../shared/treebanks (EWT train + GUM minus its held-out news documents),
# then prints the accuracies of the written file on EWT dev/test and the
# held-out GUM news, and its speed. Deterministic: same inputs, same bytes.
# Usage: scripts/train_tagger.sh [TREEBANKS_DIR] [OUT_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

treebanks=${1:-../shared/treebanks}
out=${2:-data/tagger/ptb-perceptron.bin}
build=${GEOKG_BUILD_DIR:-build}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j 2 --target train_tagger
mkdir -p "$(dirname "$out")"
"$build/tools/train_tagger" \
  --ewt "$treebanks/en_ewt" \
  --gum "$treebanks/gum/gum-all.conllu.gz" \
  --out "$out" \
  --epochs 10 --bits 20 --seed 20240426 --dict-min 50 --dict-ratio 0.995 --max-weights 2000000
