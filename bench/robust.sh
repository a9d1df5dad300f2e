#!/usr/bin/env bash
# Worst cases at geokg's input and store bounds (README "Limits"), each one
# run of the geokg binary measured by bench/measure.py (wall, CPU, peak RSS):
#
#   same-event   N one-line articles that all report the same event (one
#                edge with N reports): ingest time for N = 25k, 50k, 200k
#                (--sizes "25000 50000 200000")
#   html         pathological pages at the HTML bounds (16 MiB of markup:
#                nesting at and past the depth cap, open formatting elements,
#                misnested end tags, plain text): `geokg extract`
#   gzip-bomb    1 GiB of text in 1 MB of gzip: `geokg ingest`
#
# usage: bench/robust.sh [--geokg PATH] [--out DIR] [--sizes "N..."] [same-event|html|gzip-bomb]...
# Default: every case, geokg from build/cli/geokg, work files in bench/out/robust.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
GEOKG="$ROOT/build/cli/geokg"
OUT="$ROOT/bench/out/robust"
SIZES="25000 50000 200000"
CASES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --geokg) GEOKG="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    --sizes) SIZES="$2"; shift ;;
    same-event|html|gzip-bomb) CASES+=("$1") ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "robust.sh: unknown argument $1" >&2; exit 1 ;;
  esac
  shift
done
[ ${#CASES[@]} -gt 0 ] || CASES=(same-event html gzip-bomb)
mkdir -p "$OUT"
export GEOKG_DATA_DIR="${GEOKG_DATA_DIR:-$ROOT/data}"
measure() { local label="$1"; shift; "$PY" "$ROOT/bench/measure.py" --label "$label" -- "$@"; }

for c in "${CASES[@]}"; do
  case "$c" in
    same-event)
      for n in $SIZES; do
        "$PY" - "$n" "$OUT/same-$n.jsonl" <<'PYEOF'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
publishers = ["Reuters", "AP", "AFP", "BBC", "Xinhua"]
text = ("U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi "
        "in Beijing on Friday.")
with open(path, "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"se{i}", "date": "2024-04-26",
                            "source": publishers[i % 5], "text": text}) + "\n")
PYEOF
        rm -rf "$OUT/same-$n.db"
        measure "same-event ingest $n" "$GEOKG" ingest -q -j 2 --db "$OUT/same-$n.db" "$OUT/same-$n.jsonl"
        rm -rf "$OUT/same-$n.db" "$OUT/same-$n.jsonl"
      done
      ;;
    html)
      "$PY" - "$OUT" <<'PYEOF'
import sys
out = sys.argv[1]
cap = 16 * 1024 * 1024 - 4096
head = "<html><body><p>Blinken met Xi Jinping in Beijing on Friday.</p>"
tail = "</body></html>"
def fill(name, prefix, unit):
    n = (cap - len(head) - len(tail) - len(prefix)) // len(unit)
    with open(f"{out}/{name}.html", "w") as f:
        f.write(head + prefix + unit * n + tail)
fill("nested-div", "", "<div>")                                   # depth far past the cap
fill("at-depth-cap", "<div>" * 256, "<span>x</span>")             # every element at the cap
fill("unclosed-b-i", "", "<b><i>")
fill("reopened-formatting", "".join(f'<b class="c{i}">' for i in range(12)), "<p>x</p>")
fill("misnested-b", "", "<b><div>" * 128 + "t" + "</b>" * 128)
fill("end-tags-at-depth", "<b>" * 12 + "<div>" * 244 + "x", "</b>")
fill("tables", "", "<table><tr><td>x")
fill("paragraphs", "", "<p>Officials in Beijing said the talks would continue.</p>\n")
PYEOF
      for page in nested-div at-depth-cap unclosed-b-i reopened-formatting misnested-b end-tags-at-depth tables paragraphs; do
        measure "html $page (16 MiB)" "$GEOKG" extract "$OUT/$page.html"
        rm -f "$OUT/$page.html"
      done
      ;;
    gzip-bomb)
      "$PY" - "$OUT/bomb.txt.gz" <<'PYEOF'
import sys, zlib
z = zlib.compressobj(9, zlib.DEFLATED, 31)
block = b"Officials in Beijing said the talks would continue. " * 20000
with open(sys.argv[1], "wb") as f:
    for _ in range((1 << 30) // len(block)):
        f.write(z.compress(block))
    f.write(z.flush())
PYEOF
      measure "gzip bomb 1 GiB ($(stat -c %s "$OUT/bomb.txt.gz") bytes)" \
        "$GEOKG" ingest -q --db "$OUT/bomb.db" "$OUT/bomb.txt.gz"
      rm -rf "$OUT/bomb.db" "$OUT/bomb.txt.gz"
      ;;
  esac
done
