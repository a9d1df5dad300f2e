#!/usr/bin/env python3
"""Pick the held-out articles: a fixed-seed random sample of the bulk corpus.

Usage: select.py ../shared/corpus/bulk.jsonl.gz [N]      (prints N ids, default 16)

Eligible: articles of bulk.jsonl.gz that are not in ../shared/corpus/articles.jsonl
(the curated set the team has read), 400..6000 bytes of text, and naming at least
two different states or officials: a country name from data/actors/countries.json
(its name and aliases, not adjectives) or a person of data/actors/people.json, or a
title word followed by a capitalised name ("Foreign Minister Eduard Shevardnadze").
The criterion reads names only, no extraction, so it does not depend on the
extractor being judged. Prints ids only: whoever writes rules must not read these
articles.
"""
import gzip, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "data", "actors")
SEED = 20261203

def names():
    out = {}
    for f, kinds in (("countries.json", {"country"}), ("people.json", {"person"})):
        for a in json.load(open(os.path.join(DATA, f)))["actors"]:
            if a.get("kind") not in kinds:
                continue
            for n in [a["name"]] + a.get("aliases", []):
                if len(n) >= 4:
                    out[n] = a["name"]
    return out

TITLE = re.compile(r"\b(President|Prime Minister|Foreign Minister|Minister|Secretary|Chancellor|"
                   r"King|Premier|Ambassador|General|Senator)\s+[A-Z][a-z]+")

def main(argv):
    path = argv[1]
    n = int(argv[2]) if len(argv) > 2 else 16
    curated = {json.loads(l)["id"] for l in open(os.path.join(os.path.dirname(path), "articles.jsonl"))}
    table = names()
    pat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")
    eligible = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in curated or not (400 <= len(r["text"].encode()) <= 6000):
                continue
            found = {table[m] for m in pat.findall(r["text"])}
            found |= {m.group(0) for m in TITLE.finditer(r["text"])}
            if len(found) >= 2:
                eligible.append(r["id"])
    eligible.sort()
    random.Random(SEED).shuffle(eligible)
    print(f"# {len(eligible)} eligible; seed {SEED}", file=sys.stderr)
    for i in eligible[:n]:
        print(i)

if __name__ == "__main__":
    main(sys.argv)
