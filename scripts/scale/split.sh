#!/usr/bin/env bash
# Deal JSONL articles (one article a line; .gz inputs are decompressed) round-
# robin into N shards DIR/in-0000.jsonl ... DIR/in-<N-1>.jsonl, the inputs of
# one `geokg extract` each. Round robin keeps the shards of one size even when
# the input is sorted by date or by source.
# Usage: scripts/scale/split.sh N DIR INPUT...
set -euo pipefail
if [ $# -lt 3 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 N DIR INPUT.jsonl[.gz]..." >&2
  exit 1
fi
n=$1 dir=$2
shift 2
mkdir -p "$dir"
rm -f "$dir"/in-*.jsonl
# zcat -f passes plain files through; split -n r/N deals whole lines.
zcat -f -- "$@" | split -n "r/$n" -d -a 4 --additional-suffix=.jsonl - "$dir/in-"
# split makes no file for a shard that gets no line; an empty shard is a
# valid input (an extraction file of no article), so make it.
for ((i = 0; i < n; i++)); do
  f=$(printf '%s/in-%04d.jsonl' "$dir" "$i")
  [ -e "$f" ] || : > "$f"
done
