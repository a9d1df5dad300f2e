#!/usr/bin/env python3
"""Sentences that name two states and give no event: a random sample to read for recall.

Usage:
    zcat ../shared/corpus/bulk.jsonl.gz | build/cli/geokg extract -q --include-flagged - > BULK.jsonl
    python3 bench/missed_sentences.py ../shared/corpus/bulk.jsonl.gz --extract BULK.jsonl \\
        [--sample 60] [--seed 11] [--verbs] [--prefix reu --prefix bbc-politics --prefix wn]

A sentence is listed when it names at least two different states (names and
aliases of data/actors/countries.json, four letters or more) and no event of
the extraction, flagged or not, has it as evidence. --verbs keeps only
sentences with a word of diplomacy or conflict ("met", "accused", "sanctions"),
where a missed event is likeliest. Articles of the held-out gold sets are never
listed: their sentences are for measuring, not for reading. Sentences are cut
at ". " before a capital, the extractor's segmentation roughly; what is listed
is for a reader to judge, it is no measure.
"""
import argparse, gzip, json, os, random, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from audit_input import held_out_ids  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VERBS = re.compile(r"\b(met|meet|talks|agreed|signed|accused|warned|urged|called on|rejected|criticised|criticized|"
                   r"condemned|attacked|visited|visit|threatened|demanded|asked|offered|promised|pledged|protested|"
                   r"expelled|sanctions|accord|treaty|negotiat\w+|welcomed|praised|backed|supported|opposed|denied|"
                   r"blamed)\b")


def state_names():
    path = os.path.join(HERE, "..", "data", "actors", "countries.json")
    names = set()
    for a in json.load(open(path, encoding="utf-8"))["actors"]:
        if a.get("kind") != "country":
            continue
        names.update(n for n in [a["name"]] + a.get("aliases", []) if len(n) >= 4)
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="the articles (JSONL, .gz read as such)")
    ap.add_argument("--extract", required=True, help="`geokg extract --include-flagged` output for the same articles")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--verbs", action="store_true", help="only sentences with a word of diplomacy or conflict")
    ap.add_argument("--prefix", action="append", default=[], help="only articles whose id starts so (repeatable)")
    args = ap.parse_args()

    held_out = set()
    for d in ("gold-heldout", "gold-heldout-2"):
        path = os.path.join(HERE, "..", "tests", d)
        if os.path.isdir(path):
            held_out |= held_out_ids(path)
    evidence = {}
    with open(args.extract, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            evidence[rec["article"]["id"]] = [e["evidence"]["sentence"] for e in rec.get("events", [])]
    states = state_names()
    opener = gzip.open if args.corpus.endswith(".gz") else open
    candidates = []
    with opener(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            aid = rec["id"]
            if aid in held_out or (args.prefix and not aid.startswith(tuple(args.prefix))):
                continue
            coded = evidence.get(aid, [])
            for s in re.split(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z\"])", rec["text"]):
                if len(set(states.findall(s))) < 2 or len(s) > 400 or (args.verbs and not VERBS.search(s)):
                    continue
                if any(s[-40:] in x or x[-40:] in s for x in coded):
                    continue
                candidates.append((aid, " ".join(s.split())))
    print(f"{len(candidates):,} sentences name two states and give no event; {min(args.sample, len(candidates))} "
          f"drawn (seed {args.seed})")
    for aid, s in random.Random(args.seed).sample(candidates, min(args.sample, len(candidates))):
        print(f"{aid} | {s}")


if __name__ == "__main__":
    main()
