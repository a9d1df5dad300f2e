#!/usr/bin/env bash
# geokg benchmarks: one command builds Release (build-bench/), runs everything
# and prints a table (geokg vs NetworkX vs SQLite, with ratios and targets).
#
#   bench/run.sh            full run: 1,000,000 events among 100,000 actors, the
#                           whole bulk corpus (~10-15 min on 2 cores)
#   bench/run.sh --quick    50,000 events among 10,000 actors, 3,000 bulk
#                           articles, short budgets (about a minute after the build)
#
# Flags (or the environment variable in brackets):
#   --events N [BENCH_EVENTS]  --actors N [BENCH_ACTORS]  --seed S [BENCH_SEED]
#   --budget S [BENCH_BUDGET]  seconds per (query, group) before a system stops early
#   --articles N [BENCH_ARTICLES]  bulk articles to ingest (0 = all)
#   --out DIR [BENCH_OUT]      work directory (default bench/out, git-ignored)
#   --skip-build --skip-ingest --skip-graph --skip-peers
# Results: OUT/results.jsonl (every figure), OUT/results.md (the table).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3   # Debian's interpreter: python3-networkx lives there
EVENTS="${BENCH_EVENTS:-1000000}"
ACTORS="${BENCH_ACTORS:-100000}"
SEED="${BENCH_SEED:-42}"
BUDGET="${BENCH_BUDGET:-20}"
ARTICLES="${BENCH_ARTICLES:-0}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
BUILD="${BENCH_BUILD:-$ROOT/build-bench}"
BULK="${BENCH_BULK:-$ROOT/../shared/corpus/bulk.jsonl.gz}"
[ -e "$BULK" ] || BULK=/work/shared/corpus/bulk.jsonl.gz
SKIP_BUILD=0 SKIP_INGEST=0 SKIP_GRAPH=0 SKIP_PEERS=0 MODE=full

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick; EVENTS=50000; ACTORS=10000; BUDGET=3; ARTICLES=3000 ;;
    --events) EVENTS="$2"; shift ;;
    --actors) ACTORS="$2"; shift ;;
    --seed) SEED="$2"; shift ;;
    --budget) BUDGET="$2"; shift ;;
    --articles) ARTICLES="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    --skip-build) SKIP_BUILD=1 ;;
    --skip-ingest) SKIP_INGEST=1 ;;
    --skip-graph) SKIP_GRAPH=1 ;;
    --skip-peers) SKIP_PEERS=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown flag $1" >&2; exit 1 ;;
  esac
  shift
done

mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
record() { cat >> "$RESULTS"; }   # JSON lines in, appended to the results
# Adds "key":value pairs to every JSON line of stdin.
tag() { "$PY" -c 'import json,sys; extra=json.loads(sys.argv[1])
for l in sys.stdin:
    l=l.strip()
    if l.startswith("{"): d=json.loads(l); d.update(extra); print(json.dumps(d))' "$1"; }

# ---- machine -------------------------------------------------------------------
CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
"$PY" - "$MODE" "$EVENTS" "$ACTORS" "$SEED" "$BUDGET" "$(nproc)" "$CPU_MODEL" <<'EOF' | record
import json, os, sys
mode, events, actors, seed, budget, nproc, cpu = sys.argv[1:]
print(json.dumps({"system": "machine", "query": "_machine", "mode": mode, "events": int(events),
                  "actors": int(actors), "seed": int(seed), "budget_s": float(budget),
                  "nproc": int(nproc), "cpu": cpu, "loadavg_start": os.getloadavg()[0]}))
EOF

# ---- build -------------------------------------------------------------------------
if [ "$SKIP_BUILD" = 0 ]; then
  log "configuring and building Release in $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DGEOKG_BUILD_TESTS=OFF -DGEOKG_BUILD_BENCH=ON > "$OUT/cmake.log"
  cmake --build "$BUILD" --target geokg gen_graph query_bench serve_bench extract_bench -j2 > "$OUT/build.log"
fi
GEOKG="$BUILD/cli/geokg"
export GEOKG_DATA_DIR="${GEOKG_DATA_DIR:-$ROOT/data}"

# ---- ingest and extraction -------------------------------------------------------------
if [ "$SKIP_INGEST" = 0 ]; then
  if [ ! -e "$BULK" ]; then
    log "no bulk corpus at $BULK: ingest and extraction benchmarks skipped"
  else
    INPUT="$BULK"
    if [ "$ARTICLES" != 0 ]; then
      INPUT="$OUT/bulk-$ARTICLES.jsonl"
      (zcat "$BULK" || true) | head -n "$ARTICLES" > "$INPUT"   # zcat dies of SIGPIPE: expected
    fi
    log "extraction alone (one thread, no storage) over $INPUT"
    "$BUILD/bench/extract_bench" "$INPUT" | record
    for j in 1 2; do
      DB="$OUT/ingest-j$j.db"
      rm -rf "$DB"
      log "geokg ingest -j$j into a fresh database"
      "$PY" "$ROOT/bench/measure.py" --label "ingest-j$j" -- "$GEOKG" ingest -q -j "$j" --db "$DB" "$INPUT" \
        | tag "{\"system\":\"geokg\",\"query\":\"_ingest\",\"threads\":$j}" \
        | record
      # Database size and what it holds, added to the ingest line.
      "$PY" - "$RESULTS" "$j" "$(du -sb "$DB" | cut -f1)" "$("$GEOKG" stats --json --db "$DB" 2>/dev/null | tr -d '\n')" <<'EOF'
import json, sys
path, j, size, stats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
lines = [json.loads(l) for l in open(path)]
for d in lines:
    if d.get("query") == "_ingest" and d.get("threads") == j:
        d["db_bytes"] = size
        try:
            s = json.loads(stats)
            d["events"], d["articles"], d["nodes"] = s.get("events"), s.get("articles"), s.get("nodes")
        except ValueError:
            pass
open(path, "w").write("".join(json.dumps(d) + "\n" for d in lines))
EOF
    done
    # Cold open + first query on the ingested database (a fresh process each time).
    "$PY" "$ROOT/bench/measure.py" --label cold-ingest -- "$GEOKG" stats --db "$OUT/ingest-j1.db" \
      | tag '{"system":"geokg","query":"_cold_stats_ingest"}' | record
  fi
fi

# ---- synthetic graph, queries, peers ---------------------------------------------------------
if [ "$SKIP_GRAPH" = 0 ]; then
  DB="$OUT/graph.db"
  PREFIX="$OUT/graph"
  rm -rf "$DB" "$PREFIX".*.tsv "$PREFIX.sqlite"
  log "gen_graph: $EVENTS events among $ACTORS actors through GraphStore::commit"
  "$PY" "$ROOT/bench/measure.py" --label gen --stdout "$OUT/gen.json" -- \
    "$BUILD/bench/gen_graph" --events "$EVENTS" --actors "$ACTORS" --seed "$SEED" --db "$DB" --out "$PREFIX" \
    > "$OUT/gen.measure.json"
  "$PY" - "$OUT/gen.json" "$OUT/gen.measure.json" "$(du -sb "$DB" | cut -f1)" <<'EOF' | record
import json, sys
g = json.load(open(sys.argv[1])); m = json.load(open(sys.argv[2]))
g.update({"system": "geokg", "query": "_generate", "wall_s": m["wall_s"], "cpu_s": m["cpu_s"],
          "peak_rss_mb": m["peak_rss_mb"], "db_bytes": int(sys.argv[3])})
print(json.dumps(g))
EOF

  log "query_bench (in-process, query library)"
  "$BUILD/bench/query_bench" --db "$DB" --prefix "$PREFIX" --budget "$BUDGET" | record

  log "serve_bench (the explorer's API over HTTP)"
  "$BUILD/bench/serve_bench" --db "$DB" --prefix "$PREFIX" --budget "$BUDGET" --data "$ROOT/data" | record

  log "cold open + first query (fresh geokg processes)"
  # Ten tail actors and ten hubs by name; each is a new process on a warm page cache.
  "$PY" - "$PREFIX" <<'EOF' > "$OUT/cold-names.tsv"
import sys
prefix = sys.argv[1]
names = [l.rstrip("\n").split("\t")[3] for l in open(prefix + ".actors.tsv", encoding="utf-8")]
s = [l.split() for l in open(prefix + ".samples.tsv")]
for kind in ("hub", "tail"):
    for row in [r for r in s if r[0] == kind][:10]:
        print(kind + "\t" + names[int(row[1])])
EOF
  while IFS=$'\t' read -r kind name; do
    "$PY" "$ROOT/bench/measure.py" --label "$name" -- "$GEOKG" neighbors "$name" --db "$DB" --limit 20 \
      | tag "{\"system\":\"geokg\",\"query\":\"_cold\",\"group\":\"$kind\"}" | record
  done < "$OUT/cold-names.tsv"

  if [ "$SKIP_PEERS" = 0 ]; then
    for sys in networkx sqlite; do
      log "peer: $sys"
      "$PY" "$ROOT/bench/peers.py" --system "$sys" --prefix "$PREFIX" --budget "$BUDGET" | record
    done
  fi
fi

"$PY" - <<'EOF' | record
import json, os
print(json.dumps({"system": "machine", "query": "_machine_end", "loadavg_end": os.getloadavg()[0]}))
EOF
"$PY" "$ROOT/bench/report.py" "$RESULTS" | tee "$OUT/results.md"
