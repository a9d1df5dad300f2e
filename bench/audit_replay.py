#!/usr/bin/env python3
"""Replay the verdicts of earlier random audits on a new extraction.

Usage:
  audit_replay.py --extract PRED.jsonl [PRED2.jsonl ...] [--audits FILE...]
                  [--exclude-gold DIR] [--list-unjudged N]

The audit files (tests/audit/events-*.md) judged some 2,000 events of the
bulk corpus one draw at a time, each draw from sentences no earlier draw
held, so together they cover most of the graph. An event of a new
extraction with the same sentence, source, CAMEO code and target as a
judged row takes that row's verdict (right or acceptable counts as right);
an event no row matches is unjudged. For each extraction given, prints the
unflagged events, how many a verdict covers, and the share right among
those, with its 95% Wilson interval: the precision of the whole graph on
the events readers have judged, so that two extractor versions can be
compared on the same verdicts. Rules written from those verdicts were
measured on them, so the figure flatters the extractor on what it was
tuned on; a fresh draw remains the honest measure.
Figures only; nothing is asserted.
"""
import argparse, glob, json, math, os, re, sys

from audit_input import held_out_ids, sentence_key


def wilson(k, n, z=1.96):
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = p + z * z / (2 * n)
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (c - h) / d, (c + h) / d


def name_of(cell):
    """'Antony Blinken (USAGOV)' -> 'Antony Blinken'."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", cell.strip())


def verdicts(paths):
    """(sentence key, source, code, target) -> True (right) / False (wrong)."""
    out = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)]
                if len(cells) < 10 or not cells[1].isdigit() or not cells[9]:
                    continue
                verdict = cells[9].lower()
                if verdict.startswith("duplicate") or verdict.startswith("wrong: duplicate"):
                    continue
                right = verdict.startswith("right") or verdict.startswith("acceptable")
                key = (sentence_key(cells[2], cells[7]), name_of(cells[3]), cells[4].split(" ")[0],
                       name_of(cells[5]))
                out.setdefault(key, right)
    return out


def replay(path, judged, excluded, unjudged_out):
    total = covered = right = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            art = rec.get("article", {})
            if art.get("id") in excluded:
                continue
            for e in rec.get("events", []):
                if e.get("negated") or e.get("hypothetical"):
                    continue
                total += 1
                key = (sentence_key(art.get("id"), e.get("evidence", {}).get("sentence", "")), e["source"],
                       e["cameo"], e["target"])
                if key in judged:
                    covered += 1
                    right += judged[key]
                elif unjudged_out is not None:
                    unjudged_out.append((art.get("id"), e["source"], e["cameo"], e["target"], key[0]))
    return total, covered, right


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extract", nargs="+", required=True, help="`geokg extract --include-flagged` outputs")
    ap.add_argument("--audits", nargs="*", default=sorted(glob.glob(os.path.join(here, "..", "tests", "audit",
                                                                                     "events-*.md"))))
    ap.add_argument("--exclude-gold", nargs="*", metavar="DIR",
                    default=[os.path.join(here, "..", "tests", d) for d in ("gold-heldout", "gold-heldout-2")],
                    help="held-out gold folders whose articles are never drawn")
    ap.add_argument("--list-unjudged", type=int, default=0, metavar="N",
                    help="print N unjudged events of the last extraction")
    args = ap.parse_args()
    judged = verdicts(args.audits)
    excluded = set().union(*(held_out_ids(d) for d in args.exclude_gold if os.path.isdir(d)))
    print(f"{len(judged):,} judged rows from {len(args.audits)} audit files")
    unjudged = []
    for i, path in enumerate(args.extract):
        last = i == len(args.extract) - 1
        total, covered, right = replay(path, judged, excluded, unjudged if last else None)
        lo, hi = wilson(right, covered)
        share = right / covered if covered else 0.0
        print(f"{path}: unflagged events {total:,}, judged {covered:,}, right {right:,} = {share:.3f} "
              f"({lo:.2f}-{hi:.2f}), unjudged {total - covered:,}")
    for row in unjudged[:args.list_unjudged]:
        print("  unjudged:", " | ".join(str(x) for x in row))


if __name__ == "__main__":
    sys.exit(main())
