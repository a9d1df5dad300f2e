#!/usr/bin/env python3
"""Pick the held-out articles: a fixed-seed random sample of the bulk corpus.

Usage: select.py ../shared/corpus/bulk.jsonl.gz [N] [--seed S] [--exclude FILE...]
       (prints N ids, default 16; seed 20261203 drew the first set, 20261206 the
       second, with --exclude tests/gold-heldout/*.gold.json tests/audit/events-100*.md)

Eligible: articles of bulk.jsonl.gz that are not in ../shared/corpus/articles.jsonl
(the curated set the team has read), 400..6000 bytes of text, and naming at least
two different states or officials: a country name from data/actors/countries.json
(its name and aliases, not adjectives) or a person of data/actors/people.json, or a
title word followed by a capitalised name ("Foreign Minister Eduard Shevardnadze").
The criterion reads names only, no extraction, so it does not depend on the
extractor being judged. --exclude drops every article whose id appears in the
given files (an earlier set's gold files, the audit sheets whose sentences
rules were written from). Prints ids only: whoever writes rules must not read these
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
    seed, excluded, positional = SEED, set(), []
    args = iter(argv[1:])
    for a in args:
        if a == "--seed":
            seed = int(next(args))
        elif a == "--exclude":
            for f in args:
                excluded |= set(re.findall(r"\b(?:reu|bbc|wn)-[\w-]+", open(f).read()))
        else:
            positional.append(a)
    path = positional[0]
    n = int(positional[1]) if len(positional) > 1 else 16
    curated = {json.loads(l)["id"] for l in open(os.path.join(os.path.dirname(path), "articles.jsonl"))}
    table = names()
    pat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")
    eligible = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in curated or r["id"] in excluded or not (400 <= len(r["text"].encode()) <= 6000):
                continue
            found = {table[m] for m in pat.findall(r["text"])}
            found |= {m.group(0) for m in TITLE.finditer(r["text"])}
            if len(found) >= 2:
                eligible.append(r["id"])
    eligible.sort()
    random.Random(seed).shuffle(eligible)
    print(f"# {len(eligible)} eligible; seed {seed}; {len(excluded)} ids excluded", file=sys.stderr)
    for i in eligible[:n]:
        print(i)

if __name__ == "__main__":
    main(sys.argv)
