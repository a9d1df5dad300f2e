#!/usr/bin/env python3
"""Random audit of the places of extracted events (issue 18's acceptance).

Usage:
  place_audit.py --geokg BIN CORPUS [--extract PRED.jsonl] [--exclude-gold DIR]
                 [--exclude-audited FILE...] [--sample N --seed S --sample-out FILE.tsv]

Runs `geokg extract` over CORPUS (or reads its output from --extract) and
prints figures over the unflagged events: how many carry a place (the
`location` the coder attached), how many of those the gazetteer resolved,
by precision (country, adm1, city, landmark, region), and how many are "near" a
place. With --sample, draws N unflagged events that carry a place, at
random (--seed), from articles not held out (the ids of DIR/*.gold.json,
taken from the file names, are never drawn, nor are the events of earlier
audit files given with --exclude-audited) and writes them as a TSV with
empty `right_place` and `right_entry` columns, for a reader who did not write the rules
to judge by reading the sentence (right place for the event? right
gazetteer entry for that place?). Figures only; nothing is asserted.
"""
import argparse, collections, csv, json, os, random, sys

from audit_input import audited_sentences, extraction_lines, held_out_ids, sentence_key


def one_line(s):
    return " ".join(str(s).split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", help="articles (any input geokg reads)")
    ap.add_argument("--geokg", default="build/cli/geokg")
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
    articles = events = placed = resolved = near = 0
    precision = collections.Counter()
    pool = []
    for line in extraction_lines(args, ["-q"], "place_audit"):
        rec = json.loads(line)
        articles += 1
        art = rec.get("article", {})
        for e in rec.get("events", []):
            if e.get("negated") or e.get("hypothetical"):
                continue
            events += 1
            if not e.get("location"):
                continue
            placed += 1
            place = e.get("place") or {"name": e["location"], "precision": "none"}
            precision[place.get("precision", "none")] += 1
            if place.get("precision", "none") != "none":
                resolved += 1
            if place.get("near"):
                near += 1
            if art.get("id") not in excluded and \
                    sentence_key(art.get("id"), e.get("evidence", {}).get("sentence", "")) not in judged:
                pool.append((art, e, place))

    def share(n, d):
        return f"{n:,} of {d:,} = {n / d:.3f}" if d else f"{n:,} of 0"

    print(f"articles {articles:,}  unflagged events {events:,}")
    print(f"events with a place: {share(placed, events)}")
    print(f"events with a resolved place: {share(resolved, events)} (of placed events: {share(resolved, placed)})")
    print("placed events by precision: " + ", ".join(f"{k} {v:,}" for k, v in sorted(precision.items())))
    print(f"placed events 'near' their place: {near:,}")
    if not args.sample:
        return

    rng = random.Random(args.seed)
    drawn = rng.sample(pool, min(args.sample, len(pool)))
    out = sys.stdout if args.sample_out == "-" else open(args.sample_out, "w", encoding="utf-8", newline="")
    w = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["n", "article", "sentence", "event", "place_text", "resolved_entry", "country", "precision",
                "near", "lat", "lon", "right_place", "right_entry"])
    for i, (art, e, p) in enumerate(drawn, 1):
        entry = ""
        if p.get("precision", "none") != "none":
            entry = f"{p.get('entry', '')} ({p.get('id', '')})"
        event = f"{e['source']} -{e['cameo']} {e.get('relation', '')}-> {e['target']}"
        w.writerow([i, art.get("id", ""), one_line(e.get("evidence", {}).get("sentence", "")), one_line(event),
                    p.get("name", ""), entry, p.get("country", ""), p.get("precision", "none"),
                    "near" if p.get("near") else "", p.get("lat", ""), p.get("lon", ""), "", ""])
    if out is not sys.stdout:
        out.close()
        print(f"{len(drawn)} placed events drawn (seed {args.seed}) from {len(pool):,} not held out nor judged before -> {args.sample_out}")


if __name__ == "__main__":
    main()
