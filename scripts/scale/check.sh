#!/usr/bin/env bash
# The cluster pipelines, run for real on this machine: the shared corpus
# (shared/corpus/articles.jsonl) split into 4 shards, extracted and committed by
#   parallel  scripts/scale/parallel.sh (GNU parallel), or
#   slurm     scripts/slurm/submit.sh on a one-node Slurm started here
#             (slurmctld + slurmd with 2 CPUs on localhost, munged, all with a
#             config and key in a temporary directory, stopped at the end),
# must give the graph of a plain `geokg ingest` of the same articles in
# canonical order (date, then id): the same `stats --json`, CSV export and
# timelines of three actors.
# Usage: scripts/scale/check.sh parallel|slurm
# Env: GEOKG (default build/cli/geokg), GEOKG_SHARED_DIR (default ../shared).
# Exit: 0 equal, 1 different or failed, 77 skipped (what is missing is said).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-}
case $mode in parallel|slurm) ;; *) echo "usage: $0 parallel|slurm" >&2; exit 1 ;; esac

skip() { echo "SKIPPED scale check ($mode): $*" >&2; exit 77; }
geokg=$(realpath "${GEOKG:-$root/build/cli/geokg}")
corpus="${GEOKG_SHARED_DIR:-$root/../shared}/corpus/articles.jsonl"
[ -x "$geokg" ] || { echo "check.sh: no geokg at $geokg" >&2; exit 1; }
[ -r "$corpus" ] || skip "no corpus at $corpus"
command -v python3 >/dev/null || skip "python3 is not installed"
command -v parallel >/dev/null || skip "GNU parallel is not installed (scripts/setup.sh installs it)"
if [ "$mode" = slurm ]; then
  for b in munged munge slurmctld slurmd sbatch sinfo scontrol; do
    command -v "$b" >/dev/null || skip "$b is not installed (scripts/setup.sh installs slurm-wlm and munge)"
  done
  [ "$(id -u)" = 0 ] || skip "slurmd must run as root to start jobs"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/geokg-scale-$mode.XXXXXX")
pids_file="$tmp/daemons"
: > "$pids_file"
cleanup() {
  local status=$?
  if [ -s "$tmp/slurm/slurm.conf" ]; then
    SLURM_CONF="$tmp/slurm/slurm.conf" scontrol shutdown >/dev/null 2>&1 || true
    sleep 1
  fi
  # Only the daemons this run started, by the pids they wrote; then wait
  # until they are gone, since a daemon still writing its spool or state
  # directory makes the removal below fail ("Directory not empty").
  local pids=() f p
  for f in "$tmp"/slurm/slurmctld.pid "$tmp"/slurm/slurmd.pid "$tmp"/slurm/munged.pid; do
    [ -s "$f" ] && pids+=("$(cat "$f")")
  done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 50); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.2
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  if [ $status -eq 0 ]; then
    # A temporary directory left behind is no failure of the check.
    rm -rf "$tmp" 2>/dev/null || { sleep 1; rm -rf "$tmp" 2>/dev/null; } || echo "check.sh: could not remove $tmp" >&2
  else
    slurm_errors >&2; echo "check.sh: kept $tmp" >&2
  fi
  exit $status
}
trap cleanup EXIT

# The errors and job ends the Slurm daemons logged (without the MPI plugin
# noise of a machine with no PMIx).
slurm_errors() {
  grep -hiE 'error|fail|kill|cancel|requeue|drain|not responding' "$tmp"/slurm/log/slurm*.log 2>/dev/null \
    | grep -viE 'pmix|mpi|MailProg|state file|backup state' | tail -n 30 || true
}

# What the two databases are compared by.
describe() {   # DB OUT-DIR
  local db=$1 out=$2
  mkdir -p "$out"
  "$geokg" stats --json --db "$db" | grep -v '"database":' > "$out/stats.json"
  "$geokg" export --format csv --max-nodes 0 --max-edges 0 --db "$db" -o "$out/graph" 2>/dev/null
  for actor in "United States" "Tony Blair" "Ronald Reagan"; do
    "$geokg" timeline --format csv --db "$db" "$actor" > "$out/timeline-${actor// /_}.csv"
  done
}

# The reference: one plain ingest of the articles in canonical order.
python3 - "$corpus" "$tmp/canonical.jsonl" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
def key(line):
    a = json.loads(line)
    d = a.get("date")
    return (d if isinstance(d, str) else "", a["id"])
lines.sort(key=key)
open(sys.argv[2], "w", encoding="utf-8").writelines(lines)
PY
"$geokg" ingest -q --db "$tmp/plain.db" "$tmp/canonical.jsonl"
describe "$tmp/plain.db" "$tmp/expected"

start=$(date +%s)
if [ "$mode" = parallel ]; then
  # -S 2/: is the machine list of a run over several machines, with this one
  # (":", no ssh) as the only machine: the path a cluster run takes.
  GEOKG="$geokg" bash "$here/parallel.sh" --db "$tmp/scale.db" --work "$tmp/work" --shards 4 -S 2/: "$corpus"
else
  s="$tmp/slurm"
  mkdir -p "$s/state" "$s/spool" "$s/log"
  head -c 1024 /dev/urandom > "$s/munge.key"
  chmod 600 "$s/munge.key"
  # munged refuses to run as root without --force.
  munged --force --key-file="$s/munge.key" --socket="$s/munge.sock" --pid-file="$s/munged.pid" \
    --log-file="$s/log/munged.log" --seed-file="$s/munged.seed"
  # Two free ports, so that runs side by side do not meet.
  read -r port_ctld port_d < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
  node=$(hostname -s)
  mem=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
  cat > "$s/slurm.conf" <<CONF
ClusterName=geokgcheck
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port_ctld
SlurmdPort=$port_d
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$s/munge.sock
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$s/state
SlurmdSpoolDir=$s/spool
SlurmctldPidFile=$s/slurmctld.pid
SlurmdPidFile=$s/slurmd.pid
SlurmctldLogFile=$s/log/slurmctld.log
SlurmdLogFile=$s/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
# The node is the config's 2 CPUs whatever this machine has.
SlurmdParameters=config_overrides
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=2 RealMemory=$mem State=UNKNOWN
PartitionName=geokg Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$s/slurm.conf"
  slurmctld -f "$SLURM_CONF" -i
  slurmd -f "$SLURM_CONF" -N "$node"
  for _ in $(seq 60); do
    [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break
    sleep 1
  done
  [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] || { echo "check.sh: the Slurm node did not come up; logs in $s/log" >&2; exit 1; }
  # One CPU a task, so that the node runs two at once.
  run_slurm() {
    timeout 900 bash "$root/scripts/slurm/submit.sh" --db "$tmp/scale.db" --work "$tmp/work" --shards 4 \
      --sbatch --cpus-per-task=1 --geokg "$geokg" --wait "$corpus"
  }
  # A Slurm started inside a test can fail a task for reasons of its own
  # (a task ended without a word in its log under a loaded ctest -j): say
  # what the daemons logged and run it once more. A fault of geokg or of the
  # scripts fails both runs.
  if ! run_slurm; then
    echo "check.sh: the Slurm run failed; what the daemons logged:" >&2
    slurm_errors >&2
    echo "check.sh: running it once more" >&2
    rm -rf "$tmp/work" "$tmp/scale.db"
    run_slurm
  fi
  shopt -s nullglob
  made=("$tmp"/work/shard-*.jsonl.gz)
  n=${#made[@]}
  [ "$n" = 4 ] || { echo "check.sh: $n extraction files, not 4" >&2; exit 1; }
  # A task that fails: the commit job must never run, and submit.sh --wait
  # must say so with a non-zero exit.
  printf '#!/bin/sh\n[ "$1" = extract ] && exit 3\nexec %q "$@"\n' "$geokg" > "$tmp/failing-geokg"
  chmod +x "$tmp/failing-geokg"
  if timeout 600 bash "$root/scripts/slurm/submit.sh" --db "$tmp/never.db" --work "$tmp/failwork" --shards 2 \
      --sbatch --cpus-per-task=1 --geokg "$tmp/failing-geokg" --wait "$corpus" 2> "$tmp/fail.err"; then
    echo "check.sh: submit.sh --wait returned 0 although every extraction task failed" >&2
    exit 1
  fi
  [ ! -e "$tmp/never.db" ] || { echo "check.sh: the commit job ran after failed extraction tasks" >&2; exit 1; }
fi
echo "check.sh: $mode run took $(( $(date +%s) - start ))s" >&2
describe "$tmp/scale.db" "$tmp/got"

if ! diff -r "$tmp/expected" "$tmp/got" > "$tmp/diff"; then
  head -40 "$tmp/diff" >&2
  echo "FAILED scale check ($mode): the graphs differ" >&2
  exit 1
fi
# Equal and not empty: the comparison must have had something to compare.
[ "$(wc -l < "$tmp/expected/graph-edges.csv")" -gt 100 ] || { echo "check.sh: too few edges to compare" >&2; exit 1; }
for f in "$tmp"/expected/timeline-*.csv; do
  [ "$(wc -l < "$f")" -gt 5 ] || { echo "check.sh: $(basename "$f") has too few events to compare" >&2; exit 1; }
done
echo "scale check ($mode): 4 shards give the graph of a plain ingest ($(wc -l < "$tmp/expected/graph-edges.csv") edge lines, stats, 3 timelines equal)"
