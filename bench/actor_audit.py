#!/usr/bin/env python3
"""Audit of actor identities in a geokg database (issue 13's measured acceptance).

Usage:
  actor_audit.py --geokg BIN --db DB --data DATA_DIR [--years 2004-2005] [--extract PRED.jsonl --text CORPUS.jsonl]
                 [--sample N --seed S --sample-out FILE]

Prints, for the database:
  late_people      nodes that took the identity (the roles) of a lexicon person whose
                   roles all start after the last year of --years + 5 (a 2004-05
                   corpus must have none after 2010)
  surname_dupes    person nodes named by one word that duplicate a full-name person
                   node with that surname (last word; first for family-name-first
                   countries) of a compatible country (equal or one unknown) and time
                   (a lexicon person's role within two years of --years; others always)
  top100_common    nodes among the 100 of highest degree that are common nouns
                   (naming "common", or an artifact named in lower case only)
  unnamed_events   events with an unnamed actor ("Malaysian police", "rebels") at one end
With --extract and --text (the `geokg extract` output of the corpus and the corpus):
  institutions     institution actors ("Finance Ministry", "Supreme Court": portfolio
                   words and a head, as data/actors/agents.json defines them) whose
                   occurrences, by node id, come from more than one country: the
                   actor's own country, else the country of its article's dateline
With --sample N: N events with an unnamed actor, drawn with --seed, written as a
Markdown table to --sample-out for judging.
Figures only; nothing is asserted.
"""
import argparse, json, random, re, subprocess, sys, unicodedata


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace(".", "")
    return re.sub(r"[\s\-]+", " ", s).strip()


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def load_lexicon(data):
    people = json.load(open(f"{data}/actors/people.json", encoding="utf-8"))["actors"]
    countries = json.load(open(f"{data}/actors/countries.json", encoding="utf-8"))["actors"]
    agents = json.load(open(f"{data}/actors/agents.json", encoding="utf-8"))
    eras = json.load(open(f"{data}/actors/eras.json", encoding="utf-8"))["dated_names"]
    return people, countries, agents, eras


def role_years(person):
    out = []
    for r in person.get("roles", []):
        f = int(r["from"][:4]) if r.get("from") else None
        t = int(r["to"][:4]) if r.get("to") else None
        out.append((f, t))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geokg", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--years", default="2004-2005")
    ap.add_argument("--extract")
    ap.add_argument("--text")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--sample-out")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    y0, y1 = (int(x) for x in a.years.split("-"))
    people, countries, agents, eras = load_lexicon(a.data)
    by_name = {norm(p["name"]): p for p in people}

    g = json.loads(run([a.geokg, "export", "--db", a.db, "--format", "json", "--max-nodes", "0", "--max-edges", "0"]))
    nodes = {n["id"]: n for n in g["nodes"]}

    # late people
    # A namesake of a late lexicon person may stand in the corpus under the
    # same name ("Boris Johnson" in 2004 was an MP): what must not happen is
    # that the node takes the lexicon's later identity, its roles.
    late, namesakes = [], 0
    for n in nodes.values():
        p = by_name.get(norm(n["name"])) if n["kind"] == "person" else None
        if not p:
            continue
        ys = role_years(p)
        if not (ys and all(f is not None and f > y1 + 5 for f, _ in ys)):
            continue
        prof = json.loads(run([a.geokg, "actor", "--db", a.db, n["id"], "--json"]))
        late_titles = [r["title"] for r in prof.get("roles", []) if r.get("from") and int(r["from"][:4]) > y1 + 5]
        if late_titles:
            late.append(f'{n["name"]} ({n["mentions"]} mentions, roles {late_titles})')
        else:
            namesakes += 1
    print(f"late_people={len(late)} (same-name nodes without the late roles: {namesakes}) {late[:10]}")

    # surname duplicates
    # A surname is a name's last word, or its first for names written family
    # name first (the countries of the lexicon's family_name_first list).
    family_first = set(json.load(open(f"{a.data}/actors/agents.json", encoding="utf-8"))["words"]
                       .get("family_name_first", []))
    full = {}
    for n in nodes.values():
        if n["kind"] != "person":
            continue
        w = norm(n["name"]).split()
        if len(w) >= 2:
            full.setdefault(w[0] if n["country"] in family_first else w[-1], []).append(n)

    def fits_time(n):
        p = by_name.get(norm(n["name"]))
        if not p or not p.get("roles"):
            return True
        return any((f is None or f <= y1 + 2) and (t is None or t >= y0 - 2) for f, t in role_years(p))

    dupes = []
    for n in nodes.values():
        if n["kind"] != "person" or " " in norm(n["name"]):
            continue
        word = norm(n["name"])
        cands = [m for m in full.get(word, [])
                 if (not m["country"] or not n["country"] or m["country"] == n["country"]) and fits_time(m)]
        if cands:
            dupes.append((n["mentions"], n["name"], [m["name"] for m in cands][:3]))
    dupes.sort(reverse=True)
    print(f"surname_dupes={len(dupes)} mentions={sum(d[0] for d in dupes)} top={dupes[:8]}")

    # top 100 by degree
    top = json.loads(run([a.geokg, "actors", "--db", a.db, "--sort", "degree", "--limit", "100", "--json"]))
    common = [t["name"] for t in top
              if t.get("naming") == "common" or (t["kind"] == "artifact" and t["name"] == t["name"].lower())]
    print(f"top100_common={len(common)} {common[:10]}")

    # events with an unnamed actor at one end
    unnamed = [e for e in g["links"]
               if nodes.get(e["source"], {}).get("naming") == "unnamed"
               or nodes.get(e["target"], {}).get("naming") == "unnamed"]
    with_country = [e for e in unnamed
                    if all(nodes[x].get("naming") != "unnamed" or nodes[x]["country"] for x in (e["source"], e["target"]))]
    print(f"events={len(g['links'])} unnamed_events={len(unnamed)} (both ends with a country: {len(with_country)})")
    if a.sample and a.sample_out:
        rnd = random.Random(a.seed)
        pick = rnd.sample(unnamed, min(a.sample, len(unnamed)))
        with open(a.sample_out, "w", encoding="utf-8") as f:
            f.write("| # | source (code) | relation | target (code) | sentence | verdict |\n|---|---|---|---|---|---|\n")
            for i, e in enumerate(pick, 1):
                s, t = nodes[e["source"]], nodes[e["target"]]
                sent = e["evidence"].replace("|", "\\|").replace("\n", " ")
                f.write(f'| {i} | {s["name"]} ({s.get("code", "")}) | {e["cameo"]} {e["relation"]} | '
                        f'{t["name"]} ({t.get("code", "")}) | {sent} | |\n')

    if a.extract and a.text:
        capital = {}
        for c in countries:
            if c.get("kind") != "country":
                continue
            for nm in [c["name"], c.get("capital", "")] + c.get("metonyms", []):
                if nm:
                    capital[norm(nm)] = c["country"]
        words = agents["words"]
        portfolio = set(words["portfolio_words"]) | set(words["institution_links"])
        heads = {h for i in agents["institutions"] for h in i["heads"]}
        demonyms = {adj for c in countries for adj in c.get("adjectives", [])}
        texts = {}
        for line in open(a.text, encoding="utf-8"):
            r = json.loads(line)
            texts[r["id"]] = (r["text"], r.get("date") or "")

        def dateline(text, date):
            m = re.match(r"\s*([A-Z][A-Z .'\-]+?)\s*(,|\(|-)", text)
            if not m:
                return ""
            place = norm(m.group(1))
            for e in eras:
                if norm(e["name"]) == place and date and date <= e.get("to", "9999") and date >= e.get("from", "0000"):
                    return e["country"]
            return capital.get(place, "")

        def institution(name):
            w = name.split()
            while w and (w[0] in demonyms or w[0] in ("U.S.", "US")):
                w = w[1:]
            if not w:
                return False
            head = w[-1] if w[-1] in heads else (w[0] if w[0] in heads and len(w) > 2 and w[1] == "of" else None)
            return head is not None and all(x in portfolio or x == head for x in w)

        seen = {}
        for line in open(a.extract, encoding="utf-8"):
            d = json.loads(line)
            aid = d["article"]["id"]
            text, date = texts.get(aid, ("", ""))
            ctx = dateline(text, date)
            for act in d["actors"]:
                if act["kind"] != "organization" or not institution(act["name"]):
                    continue
                country = act.get("country") or ctx
                if country:
                    seen.setdefault((act["id"], act["name"]), set()).add(country)
        multi = sorted(((len(v), k[1], sorted(v)) for k, v in seen.items() if len(v) > 1), reverse=True)
        print(f"institutions={len(seen)} with_mentions_from_several_countries={len(multi)} {multi[:8]}")


if __name__ == "__main__":
    sys.exit(main())
