#!/usr/bin/env python3
"""Random precision audit of extracted events (the parser issue's acceptance).

Usage:
  event_audit.py --geokg BIN CORPUS [--coder tree|tree-only|flat] [--extract PRED.jsonl]
                 [--exclude-gold DIR] [--exclude-audited FILE...]
                 [--sample N --seed S --sample-out FILE]

Runs `geokg extract` over CORPUS (or reads its output from --extract) and
prints figures: articles, unflagged events, the share of each CAMEO root
(root 01, statements, is the share the codebook issue asks about), and the
negated or hypothetical events apart. With --sample, draws N unflagged events
at random (--seed) from articles not held out (the ids of DIR/*.gold.json,
--exclude-gold, are never drawn), nor events judged in earlier audit files
(--exclude-audited, matched by sentence, so a near-duplicate article cannot bring one back), and writes them as a
Markdown table with an empty verdict column, for a reader who did not write
the rules to judge.
Figures only; nothing is asserted.
"""
import argparse, collections, json, os, random, sys

from audit_input import audited_sentences, extraction_lines, held_out_ids, sentence_key


def cell(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", help="articles (any input geokg reads)")
    ap.add_argument("--geokg", default="build/cli/geokg")
    ap.add_argument("--coder", default="tree", choices=["tree", "tree-only", "flat"])
    ap.add_argument("--extract", help="read this `geokg extract` output instead of running it")
    ap.add_argument("--exclude-gold", nargs="*", metavar="DIR",
                    default=[os.path.join(os.path.dirname(__file__), "..", "tests", d) for d in ("gold-heldout", "gold-heldout-2")],
                    help="held-out gold folders whose articles are never drawn")
    ap.add_argument("--exclude-audited", nargs="*", default=[], metavar="FILE",
                    help="earlier audit files whose events (by article and sentence) are never drawn again")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample-out", default="-")
    args = ap.parse_args()
    if not args.extract and not args.corpus:
        ap.error("give CORPUS or --extract")

    excluded = set().union(*(held_out_ids(d) for d in args.exclude_gold if os.path.isdir(d)))
    judged = audited_sentences(args.exclude_audited)
    roots = collections.Counter()
    articles = flagged = 0
    pool = []
    for line in extraction_lines(args, ["--include-flagged", "--coder", args.coder], "event_audit"):
        rec = json.loads(line)
        articles += 1
        art = rec.get("article", {})
        for e in rec.get("events", []):
            if e.get("negated") or e.get("hypothetical"):
                flagged += 1
                continue
            roots[e["cameo"][:2]] += 1
            if art.get("id") not in excluded and \
                    sentence_key(art.get("id"), e.get("evidence", {}).get("sentence", "")) not in judged:
                codes = {a["name"]: a.get("code", "") for a in rec.get("actors", [])}
                pool.append((art, dict(e, source_code=codes.get(e["source"], ""), target_code=codes.get(e["target"], ""))))

    total = sum(roots.values())
    print(f"articles {articles:,}  unflagged events {total:,}  negated or hypothetical {flagged:,}")
    if total:
        print(f"root 01 (statements): {roots['01']:,} = {roots['01'] / total:.3f} of unflagged events")
        print("by root: " + ", ".join(f"{r} {n}" for r, n in sorted(roots.items())))
    if not args.sample:
        return

    rng = random.Random(args.seed)
    drawn = rng.sample(pool, min(args.sample, len(pool)))
    out = sys.stdout if args.sample_out == "-" else open(args.sample_out, "w", encoding="utf-8")
    print("| # | article | source | code | target | date | sentence | rule | verdict |", file=out)
    print("|---|---|---|---|---|---|---|---|---|", file=out)
    for i, (art, e) in enumerate(drawn, 1):
        ev = e.get("evidence", {})
        print(f"| {i} | {cell(art.get('id', ''))} | {cell(e['source'])} ({e['source_code']}) | {e['cameo']} {cell(e.get('label', ''))} "
              f"| {cell(e['target'])} ({e['target_code']}) | {e.get('date', '')} | {cell(ev.get('sentence', ''))} | {cell(ev.get('rule', ''))} |  |",
              file=out)
    if out is not sys.stdout:
        out.close()
        print(f"{len(drawn)} events drawn (seed {args.seed}) from {len(pool):,} not held out nor judged before -> {args.sample_out}")


if __name__ == "__main__":
    main()
