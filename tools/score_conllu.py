#!/usr/bin/env python3
"""UAS and LAS of a predicted CoNLL-U file against a gold one with the same words.

Usage: score_conllu.py GOLD.conllu PRED.conllu

Words are matched by sentence and word id (the output of `geokg parse --conllu GOLD`
keeps the gold tokenisation). LAS compares universal relations (the part before ':'),
as the CoNLL 2018 shared task does; LAS(full) compares relations with their subtypes.
Punctuation counts, as in CoNLL 2018.
"""
import sys

def words(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                sents.append(cur)
            cur = []
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        cur.append((c[1], c[6], c[7]))
    if cur:
        sents.append(cur)
    return sents

def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    gold, pred = words(argv[1]), words(argv[2])
    if len(gold) != len(pred):
        print(f"sentence counts differ: gold {len(gold)}, predicted {len(pred)}")
        return 1
    n = uas = las = lasf = 0
    for g, p in zip(gold, pred):
        if len(g) != len(p) or any(a[0] != b[0] for a, b in zip(g, p)):
            print("word forms differ in a sentence; not the same tokenisation")
            return 1
        for (_, gh, gr), (_, ph, pr) in zip(g, p):
            n += 1
            if gh == ph:
                uas += 1
                lasf += gr == pr
                las += gr.split(":")[0] == pr.split(":")[0]
    print(f"words={n} UAS={100*uas/n:.2f} LAS={100*las/n:.2f} LAS(full)={100*lasf/n:.2f}")
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))
