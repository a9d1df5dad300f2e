#!/usr/bin/env bash
# Submit a geokg run to Slurm: split the articles into shards on shared
# storage, one array task per shard extracting it (extract.sbatch), then one
# job committing every extraction file once the whole array has succeeded
# (ingest.sbatch). Prints the two job ids.
#
# Usage: scripts/slurm/submit.sh --db DIR --work DIR [options] INPUT.jsonl[.gz]... [-- EXTRACT-OPTION...]
#   --db DIR         database the commit job writes (a path every node sees)
#   --work DIR       shards and extraction files, on storage every node sees
#   --shards N       array tasks (default 16; at most the cluster's MaxArraySize)
#   --throttle K     at most K array tasks running at once (sbatch --array=...%K)
#   --geokg PATH     the geokg binary, at the same path on every node
#                    (default: $GEOKG, else geokg on PATH, else build/cli/geokg)
#   --sbatch "OPT"   more sbatch options for both jobs (--partition=P --account=A ...)
#   --wait           return when the commit job has ended: 0 when it completed,
#                    else non-zero (a failed task cancels the commit)
#   -- OPTION...     passed to every `geokg extract` (--lexicon FILE, --pos-tagger, --date ...)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '7,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }

db="" work="" shards=16 throttle="" geokg="${GEOKG:-}" wait=0 sbatch_opts=""
inputs=() extract_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --throttle) throttle=$2; shift 2 ;;
    --geokg) geokg=$2; shift 2 ;;
    --sbatch) sbatch_opts=$2; shift 2 ;;
    --wait) wait=1; shift ;;
    -h|--help) usage ;;
    --) shift; extract_args=("$@"); break ;;
    -*) echo "submit.sh: unknown option $1" >&2; usage ;;
    *) inputs+=("$1"); shift ;;
  esac
done
[ -n "$db" ] && [ -n "$work" ] && [ ${#inputs[@]} -gt 0 ] || usage
command -v sbatch >/dev/null || { echo "submit.sh: no sbatch here (Debian: slurm-client)" >&2; exit 2; }
if [ -z "$geokg" ]; then
  geokg=$(command -v geokg || echo "$here/../../build/cli/geokg")
fi
[ -x "$geokg" ] || { echo "submit.sh: no geokg binary at $geokg (--geokg PATH)" >&2; exit 2; }
geokg=$(realpath "$geokg")
work=$(realpath -m "$work")
db=$(realpath -m "$db")

bash "$here/../scale/split.sh" "$shards" "$work" "${inputs[@]}"
rm -f "$work"/shard-*.jsonl.gz
# One option a line, read back by each array task (paths may hold spaces).
: > "$work/extract.args"
[ ${#extract_args[@]} -eq 0 ] || printf '%s\n' "${extract_args[@]}" > "$work/extract.args"

export GEOKG="$geokg" GEOKG_WORK="$work" GEOKG_DB="$db" GEOKG_SHARDS="$shards"
wait_opt=()
[ "$wait" = 0 ] || wait_opt=(--wait)
array="0-$((shards - 1))${throttle:+%$throttle}"
# shellcheck disable=SC2086  # --sbatch is a list of options
extract_job=$(sbatch --parsable $sbatch_opts --array="$array" --export=ALL \
  --output="$work/extract-%a.log" "$here/extract.sbatch")
extract_job=${extract_job%%;*}
# shellcheck disable=SC2086
ingest_job=$(sbatch --parsable $sbatch_opts --dependency="afterok:$extract_job" --kill-on-invalid-dep=yes \
  --export=ALL --output="$work/ingest.log" "${wait_opt[@]}" "$here/ingest.sbatch") || {
  status=$?
  echo "submit.sh: the commit job failed (exit $status); see $work/ingest.log and $work/extract-*.log" >&2
  exit "$status"
}
ingest_job=${ingest_job%%;*}
echo "extract array: $extract_job ($shards tasks), commit: $ingest_job; logs in $work"
if [ "$wait" = 1 ]; then
  # sbatch --wait returns 0 for a job cancelled before it ran (a task of the
  # array failed, so the commit's dependency can never be met): ask its state.
  state=$(scontrol show job -o "$ingest_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 || true)
  state=${state#JobState=}
  if [ -z "$state" ] && command -v sacct >/dev/null; then
    state=$(sacct -n -X -P -j "$ingest_job" -o State 2>/dev/null | head -n 1 | cut -d' ' -f1 || true)
  fi
  if [ -n "$state" ] && [ "$state" != COMPLETED ]; then
    echo "submit.sh: the commit job $ingest_job ended $state; see $work/extract-*.log and $work/ingest.log" >&2
    # Which tasks did not complete, with how they ended and the end of their log.
    scontrol show job -o "$extract_job" 2>/dev/null | while read -r line; do
      task=$(grep -o 'ArrayTaskId=[0-9]*' <<<"$line" | cut -d= -f2)
      task_state=$(grep -o 'JobState=[A-Z_]*' <<<"$line" | cut -d= -f2)
      [ -n "$task" ] && [ "$task_state" != COMPLETED ] || continue
      echo "submit.sh: extraction task $task ended $task_state ($(grep -o 'ExitCode=[0-9:]*' <<<"$line"), $(grep -o 'Reason=[^ ]*' <<<"$line")); the end of $work/extract-$task.log:" >&2
      tail -n 5 "$work/extract-$task.log" 2>/dev/null | sed 's/^/  /' >&2 || true
    done
    exit 2
  fi
fi
