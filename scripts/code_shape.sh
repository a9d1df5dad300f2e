#!/usr/bin/env bash
# The shape figures of issue 19: the largest source files and the longest
# functions (Universal Ctags' start and end lines) of the product's modules.
# Usage: scripts/code_shape.sh [N]   (N rows of each, default 5)
set -eu  # no pipefail: head closing its pipe early is not a failure
cd "$(dirname "$0")/.."
n=${1:-5}
dirs="core identity graph extract ingest query geo serve cli include tools"
echo "largest files (lines):"
find $dirs -name '*.cpp' -o -name '*.hpp' | xargs wc -l | grep -v ' total$' | sort -rn | head -n "$n"
echo "longest functions (lines, file:line name):"
find $dirs -name '*.cpp' -o -name '*.hpp' |
  xargs ctags --c++-kinds=f --fields=+ne -o - 2>/dev/null |
  awk -F'\t' '{ line = ""; end = ""
    for (i = 4; i <= NF; ++i) { if ($i ~ /^line:/) line = substr($i, 6); if ($i ~ /^end:/) end = substr($i, 5) }
    if (line != "" && end != "") printf "%6d %s:%s %s\n", end - line + 1, $2, line, $1 }' |
  sort -rn | head -n "$n"
