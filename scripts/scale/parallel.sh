#!/usr/bin/env bash
# Extraction on many cores or machines with GNU parallel, then one commit:
# split the articles into shards, run `geokg extract -o shard-N.jsonl.gz` on
# each shard (as many at once as -j says, on the machines -S names), then
# `geokg ingest --extracted` of all the shards into one database. The graph is
# the same whatever the number of shards (docs/scale.md).
#
# Usage: scripts/scale/parallel.sh --db DIR [options] INPUT.jsonl[.gz]... [-- EXTRACT-OPTION...]
#   --db DIR         database to commit into (required)
#   --work DIR       where shards and extraction files go (default: DIR.work
#                    beside the database); with -S it must be on storage that
#                    every machine sees at the same path
#   --shards N       number of shards (default: 4 x jobs x machines)
#   -j JOBS          extractions at once on each machine (default: cores / threads)
#   --threads T      threads of each extraction, geokg extract -j T (default 1)
#   -S LOGINS        machines, as GNU parallel's --sshlogin: "4/node1,4/node2,:"
#                    (":" is this machine); geokg must be at the same path on each
#   --geokg PATH     the geokg binary (default: $GEOKG, else geokg on PATH,
#                    else build/cli/geokg of this tree)
#   --keep           keep the shards and extraction files (default: keep only
#                    the extraction files, which can be committed again)
#   -- OPTION...     passed to every `geokg extract` (--lexicon FILE, --pos-tagger, --date ...)
# Exit: 0 when committed, 1 usage, else the status of the step that failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() { sed -n '8,23p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }

db="" work="" shards="" jobs="" threads=1 logins="" geokg="${GEOKG:-}" keep=0
inputs=() extract_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    -S) logins=$2; shift 2 ;;
    --geokg) geokg=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage ;;
    --) shift; extract_args=("$@"); break ;;
    -*) echo "parallel.sh: unknown option $1" >&2; usage ;;
    *) inputs+=("$1"); shift ;;
  esac
done
[ -n "$db" ] && [ ${#inputs[@]} -gt 0 ] || usage
command -v parallel >/dev/null || { echo "parallel.sh: GNU parallel is not installed (Debian: apt-get install parallel)" >&2; exit 2; }
if [ -z "$geokg" ]; then
  geokg=$(command -v geokg || echo "$here/../../build/cli/geokg")
fi
[ -x "$geokg" ] || { echo "parallel.sh: no geokg binary at $geokg (--geokg PATH)" >&2; exit 2; }
geokg=$(realpath "$geokg")
[ -n "$jobs" ] || jobs=$(( $(nproc) / threads > 0 ? $(nproc) / threads : 1 ))
machines=1
[ -z "$logins" ] || machines=$(tr ',' '\n' <<<"$logins" | grep -c .)
[ -n "$shards" ] || shards=$(( 4 * jobs * machines ))
# Absolute paths: a remote machine starts in its home directory.
work=$(realpath -m "${work:-$db.work}")

start=$(date +%s.%N)
bash "$here/split.sh" "$shards" "$work" "${inputs[@]}"
rm -f "$work"/shard-*.jsonl.gz

remote=()
[ -z "$logins" ] || remote=(-S "$logins")
seq -f %04g 0 $((shards - 1)) |
  parallel --will-cite --halt now,fail=1 -j "$jobs" "${remote[@]}" --joblog "$work/extract.joblog" \
    "$geokg" extract -q -j "$threads" "${extract_args[@]}" -o "$work/shard-{}.jsonl.gz" "$work/in-{}.jsonl"
mid=$(date +%s.%N)

"$geokg" ingest --extracted --strict --db "$db" "$work"/shard-*.jsonl.gz
end=$(date +%s.%N)
[ "$keep" = 1 ] || rm -f "$work"/in-*.jsonl
awk -v n="$shards" -v j="$jobs" -v m="$machines" -v a="$start" -v b="$mid" -v c="$end" 'BEGIN {
  printf "parallel.sh: %d shards extracted in %.1fs (%d at once on %d machine(s)), committed in %.1fs\n", n, b - a, j, m, c - b
}' >&2
