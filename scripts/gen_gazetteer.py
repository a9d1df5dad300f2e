#!/usr/bin/env python3
"""Builds data/places/gazetteer.tsv, the gazetteer geokg resolves places with.

Sources (all Debian packages, installed by scripts/setup.sh; nothing is
downloaded):
  - GeoNames cities of 15,000 people or more (CC BY 4.0, geonames.org): the
    table libgeonames0 carries as a GResource (read with GLib's `gresource
    extract`, a data extraction: nothing links the GPL library), and the
    English names of libgeonames-common's message catalogue
    (/usr/share/locale/en/LC_MESSAGES/geonames.mo, msgid = geonameid);
  - countries and subdivisions with their centroids and names from
    ruby-countries (MIT; lib/countries/cache/countries.json and
    lib/countries/data/subdivisions/*.yaml);
  - the project's own country table (data/actors/countries.json): the ISO
    alpha-3 codes geokg speaks, its names and aliases, and its capitals;
  - the project's own table (data/places/extra.tsv): seas, territories and
    world regions (entries of type region), towns too small for GeoNames'
    table, spellings it lacks ("Khan Younis").

Output: one entry per line, tab-separated, sorted by type then id:
  id  type  country  adm1  adm1_name  lat  lon  population  flags  name  aliases
id: the geonameid of a city, the ISO 3166-2 code of a subdivision ("US-TX"),
the ISO alpha-3 code of a country, the geonameid of its city for a landmark,
a short name for a region ("persian-gulf"); type: country | adm1 | city |
landmark | region; country: ISO alpha-3 as geokg writes it (SUN, YUG … for
the historical states of the country table; "" for a region across
states); adm1: the ISO 3166-2 code of a city's subdivision when its
name matches one; flags: "capital" or ""; aliases: other names, '|'-separated.

Usage: python3 scripts/gen_gazetteer.py [-o data/places/gazetteer.tsv]
       python3 scripts/gen_gazetteer.py --check   # exit 1 when the committed file is stale,
                                                  # 77 (skipped) when a source package is missing
"""
import argparse
import glob
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import unicodedata

try:
    import yaml
except ImportError:
    yaml = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GEONAMES_LIB = "/usr/lib/x86_64-linux-gnu/libgeonames.so.0"
GEONAMES_RESOURCE = "/com/lomiri/geonames/cities.compiled"
GEONAMES_MO = "/usr/share/locale/en/LC_MESSAGES/geonames.mo"
EXTRA = os.path.join(ROOT, "data", "places", "extra.tsv")
RUBY_COUNTRIES = "/usr/share/rubygems-integration/all/gems/countries-3.0.0/lib/countries"

# States of the country table that ruby-countries does not hold: placed at
# their capital (a centroid of a state that no longer exists is not in any
# Debian package).
HISTORICAL_CAPITAL = {"SUN": "524901", "YUG": "792680", "CSK": "3067696", "DDR": "2950159"}

# Capitals of the country table that GeoNames spells otherwise ("Washington
# D.C.", "Nur-Sultan", "Nay Pyi Taw", "Abu Dhabi Island and Internal Islands City").
CAPITAL_IDS = {"USA": "4140963", "KAZ": "1526273", "MMR": "6611854", "ARE": "292968"}

# English names news of past decades uses that GeoNames' English catalogue
# does not give (the bulk corpus goes back to 1987).
FORMER_NAMES = {
    "703448": ["Kiev"], "1816670": ["Peking"], "1275339": ["Bombay"], "1275004": ["Calcutta"],
    "1264527": ["Madras"], "1298824": ["Rangoon"], "1566083": ["Saigon"], "498817": ["Leningrad", "St. Petersburg"],
    "1185241": ["Dacca"], "1277333": ["Bangalore"], "1809858": ["Canton"], "1526273": ["Astana"],
    "292968": ["Abu Dhabi"], "6611854": ["Naypyitaw", "Naypyidaw"], "4140963": ["Washington"],
}


CHECK = False


def fail(msg, missing=False):
    if CHECK and missing:
        print(f"gen_gazetteer: skipped: {msg}", file=sys.stderr)
        sys.exit(77)
    sys.exit(f"gen_gazetteer: {msg}")


def lookup_key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace(".", "").split())


ADMIN_WORDS = re.compile(r"^(state of|estado de|estado do|canton of|province of|region of|republic of|"
                         r"the) |( (region|province|oblast|governorate|prefecture|emirate|department|"
                         r"district|county|state|krai|voivodeship|municipality))$")


def admin_key(name):
    """A subdivision's name without the words that say what kind it is:
    "State of Uttar Pradesh", "Île-de-France Region", "Moscow Oblast"."""
    k = lookup_key(name)
    for _ in range(2):
        k = ADMIN_WORDS.sub("", k).strip()
    return k


def read_cities():
    """GeoNames cities: GVariant a(sssssssudd) = (geonameid, name, admin1 code,
    admin1 name, country code, country name, time zone, population, lat, lon)."""
    lib = os.path.realpath(GEONAMES_LIB)
    if not os.path.exists(lib):
        fail(f"{GEONAMES_LIB} is missing: apt-get install libgeonames0", missing=True)
    try:
        blob = subprocess.run(["gresource", "extract", lib, GEONAMES_RESOURCE],
                              check=True, capture_output=True).stdout
    except OSError as e:
        fail(f"cannot run gresource (apt-get install libglib2.0-bin): {e}", missing=True)
    except subprocess.CalledProcessError as e:
        fail(f"cannot extract {GEONAMES_RESOURCE} from {lib}: {e}")
    n = len(blob)
    osz = 1 if n < 256 else 2 if n < 65536 else 4
    last = int.from_bytes(blob[n - osz:], "little")
    ends = [int.from_bytes(blob[last + osz * i:last + osz * (i + 1)], "little")
            for i in range((n - last) // osz)]
    rows, start = [], 0
    for end in ends:
        t = blob[start:end]
        start = (end + 7) & ~7
        size = len(t)
        fsz = 1 if size < 256 else 2 if size < 65536 else 4
        frames = [int.from_bytes(t[size - fsz * (i + 1):size - fsz * i], "little") for i in range(7)]
        strs, p = [], 0
        for e in frames:
            strs.append(t[p:e - 1].decode("utf-8"))
            p = e
        p = (p + 3) & ~3
        (pop,) = struct.unpack_from("<I", t, p)
        p = ((p + 4) + 7) & ~7
        lat, lon = struct.unpack_from("<dd", t, p)
        gid, name, _a1code, a1name, cc, _cname, _tz = strs
        rows.append({"id": gid, "name": name, "adm1_name": a1name, "cc2": cc,
                     "pop": pop, "lat": lat, "lon": lon})
    if len(rows) < 20000:
        fail(f"only {len(rows)} cities read from {lib}: not the table this script knows")
    return rows


def read_mo(path):
    """msgid -> msgstr of a gettext catalogue."""
    data = open(path, "rb").read()
    magic, _rev, count, orig, trans = struct.unpack_from("<5I", data)
    if magic != 0x950412DE:
        fail(f"{path}: not a little-endian .mo file")
    out = {}
    for i in range(count):
        ln, off = struct.unpack_from("<2I", data, orig + 8 * i)
        tl, to = struct.unpack_from("<2I", data, trans + 8 * i)
        out[data[off:off + ln].decode("utf-8")] = data[to:to + tl].decode("utf-8")
    return out


def as_list(v):
    if v is None:
        return []
    return [v] if isinstance(v, str) else [x for x in v if isinstance(x, str)]


def latin(s):
    """Names a news text in English may hold: Latin script only."""
    return all(ord(c) < 0x250 or unicodedata.category(c)[0] in "PZ" for c in s)


def clean(s):
    s = re.sub(r" \([a-z]{2}\)$", "", s.strip())   # "Sankt Gallen (de)": the name's language
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def squeeze(key):
    return key.replace(" ", "").replace("-", "").replace("'", "")


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=os.path.join(ROOT, "data", "places", "gazetteer.tsv"))
    ap.add_argument("--check", action="store_true",
                    help="build into a temporary file and compare with the committed one")
    args = ap.parse_args()
    global CHECK
    CHECK = args.check
    if yaml is None:
        fail("python3-yaml is missing: apt-get install python3-yaml", missing=True)
    committed = args.output
    # (The check builds outside data/: a file appearing there while the tests
    # run would be read by a parallel test that fingerprints the data folder.)
    if args.check:
        args.output = os.path.join(tempfile.gettempdir(), f"geokg-gazetteer-check-{os.getpid()}.tsv")

    for p in (GEONAMES_MO, os.path.join(RUBY_COUNTRIES, "cache", "countries.json")):
        if not os.path.exists(p):
            fail(f"{p} is missing: apt-get install libgeonames-common ruby-countries", missing=True)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    table = json.load(open(os.path.join(ROOT, "data", "actors", "countries.json")))["actors"]
    ruby = json.load(open(os.path.join(RUBY_COUNTRIES, "cache", "countries.json")))
    a2_to_a3 = {a2: c["alpha3"] for a2, c in ruby.items()}
    a2_to_a3["XK"] = "XKX"   # Kosovo: the country table's code (ruby-countries has none)
    english = read_mo(GEONAMES_MO)
    cities = read_cities()

    entries = []   # dicts with the output columns

    # Subdivisions first: cities name their admin1 by the same names.
    sub_by_name = {}     # (country, name as written) -> ISO code
    sub_by_kind = {}     # (country, name without "Oblast", "State of" …) -> ISO code
    for path in sorted(glob.glob(os.path.join(RUBY_COUNTRIES, "data", "subdivisions", "*.yaml"))):
        cc2 = os.path.basename(path)[:-5]
        cc3 = a2_to_a3.get(cc2)
        if not cc3:
            continue
        subs = yaml.load(open(path, encoding="utf-8"), Loader=loader) or {}
        for code, s in sorted(subs.items(), key=lambda kv: str(kv[0])):
            geo = s.get("geo") or {}
            if geo.get("latitude") is None or geo.get("longitude") is None:
                continue
            names = [s.get("name")] + [(s.get("translations") or {}).get("en")] + as_list(s.get("unofficial_names"))
            names = [clean(n) for n in names if isinstance(n, str) and n.strip() and latin(n)]
            names = list(dict.fromkeys(names))
            if not names:
                continue
            iso = f"{cc2}-{code}"
            e = {"id": iso, "type": "adm1", "country": cc3, "adm1": iso, "adm1_name": names[0],
                 "lat": geo["latitude"], "lon": geo["longitude"], "pop": 0, "flags": "",
                 "name": names[0], "aliases": names[1:]}
            entries.append(e)
            # For matching the cities' admin1 names only: every Latin-script name.
            matching = names + [t for t in (s.get("translations") or {}).values() if isinstance(t, str) and latin(t)]
            for n in matching:
                sub_by_name.setdefault((cc3, lookup_key(n)), iso)
                sub_by_kind.setdefault((cc3, admin_key(n)), iso)

    # Countries: ruby-countries' centroids; geokg's codes, names and capitals.
    capitals = {}
    city_by_id = {c["id"]: c for c in cities}
    for a in table:
        if a.get("kind") != "country":
            continue
        cc3 = a["country"]
        r = next((c for c in ruby.values() if c["alpha3"] == cc3), None)
        if cc3 == "XKX":
            r = ruby.get("XK") or {"geo": {"latitude": 42.6026, "longitude": 20.903}, "name": "Kosovo"}
        names = [a["name"]] + [n for n in a.get("aliases", []) if len(n) > 3 or not n.isupper()]
        if r:
            names += [r.get("name", ""), (r.get("translations") or {}).get("en", "")]
            names += [n for n in as_list(r.get("unofficial_names")) if latin(n)]
            geo = r.get("geo") or {}
            lat, lon = geo.get("latitude"), geo.get("longitude")
        elif cc3 in HISTORICAL_CAPITAL:
            c = city_by_id[HISTORICAL_CAPITAL[cc3]]
            lat, lon = c["lat"], c["lon"]
        else:
            continue
        if lat is None or lon is None:
            continue
        names = list(dict.fromkeys(clean(n) for n in names if n and n.strip()))
        flags = "historical" if a.get("historical") else ""
        entries.append({"id": cc3, "type": "country", "country": cc3, "adm1": "", "adm1_name": "",
                        "lat": lat, "lon": lon, "pop": 0, "flags": flags, "name": names[0], "aliases": names[1:]})
        if a.get("capital") and not a.get("historical"):
            capitals[(cc3, lookup_key(a["capital"]))] = a["capital"]

    # Cities, with their English name as an alias and their capitals marked.
    capital_found = set()
    for c in cities:
        cc3 = a2_to_a3.get(c["cc2"])
        if not cc3:
            continue
        names = [clean(c["name"])]
        en = english.get(c["id"])
        if en and latin(en):
            names.append(clean(en))
        names += FORMER_NAMES.get(c["id"], [])
        names = list(dict.fromkeys(n for n in names if n))
        # The name as written first: "Moscow" is the city (RU-MOW), not
        # "Moscow Oblast" (RU-MOS), which the kind-less key also gives.
        adm1 = (sub_by_name.get((cc3, lookup_key(c["adm1_name"])))
                or sub_by_kind.get((cc3, admin_key(c["adm1_name"])), ""))
        entries.append({"id": c["id"], "type": "city", "country": cc3, "adm1": adm1,
                        "adm1_name": clean(c["adm1_name"]), "lat": c["lat"], "lon": c["lon"],
                        "pop": c["pop"], "flags": "", "name": names[0], "aliases": names[1:]})
    # Each country's capital: the city CAPITAL_IDS names, else the most
    # populous city of the country table's capital name (Washington, D.C., not
    # Washington, Utah).
    for (cc3, key), cap in sorted(capitals.items()):
        cands = [e for e in entries if e["type"] == "city" and e["country"] == cc3 and
                 (e["id"] == CAPITAL_IDS.get(cc3) or key in {lookup_key(n) for n in [e["name"]] + e["aliases"]})]
        if not cands:
            continue
        best = next((e for e in cands if e["id"] == CAPITAL_IDS.get(cc3)), None) or max(cands, key=lambda e: e["pop"])
        best["flags"] = "capital"
        if key not in {lookup_key(n) for n in [best["name"]] + best["aliases"]}:
            best["aliases"].append(cap)
        capital_found.add((cc3, key))
    missing = sorted(v for k, v in capitals.items() if k not in capital_found)

    # Landmarks: the country table's metonyms that name no settlement ("the
    # Kremlin", "Downing Street", "Zhongnanhai"), placed at the capital. A
    # metonym that is another spelling of the capital ("Teheran", "Berne",
    # "Ulan Bator") becomes one of its names; one that names a city is left
    # to that city ("Amsterdam", "Putrajaya").
    known = set()
    for e in entries:
        for n in [e["name"]] + e["aliases"]:
            known.add(lookup_key(n))
    capital_entry = {e["country"]: e for e in entries if e["type"] == "city" and e["flags"] == "capital"}
    for a in table:
        if a.get("kind") != "country" or a.get("historical") or a["country"] not in capital_entry:
            continue
        cap = capital_entry[a["country"]]
        for m in a.get("metonyms", []):
            k = lookup_key(m)
            if k.startswith("the "):
                k = k[4:]
            if k in known:
                continue
            capital_key = squeeze(lookup_key(a.get("capital", cap["name"])))
            if edit_distance(squeeze(k), capital_key) <= max(2, len(capital_key) // 3):
                cap["aliases"].append(clean(m))
            else:
                entries.append({"id": cap["id"], "type": "landmark", "country": cap["country"], "adm1": cap["adm1"],
                                "adm1_name": cap["adm1_name"], "lat": cap["lat"], "lon": cap["lon"], "pop": 0,
                                "flags": "", "name": clean(m), "aliases": []})
            known.add(k)

    # The project's own table: seas, territories and world regions, towns
    # below GeoNames' threshold, spellings GeoNames lacks.
    by_city_id = {e["id"]: e for e in entries if e["type"] == "city"}
    for n, line in enumerate(open(EXTRA, encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 8:
            fail(f"{EXTRA}:{n}: expected 8 tab-separated fields, found {len(f)}")
        pid, kind, name, cc3, lat, lon, pop, aliases = f
        if kind == "alias":
            if pid not in by_city_id:
                fail(f"{EXTRA}:{n}: no city with geonameid {pid} for the alias '{name}'")
            by_city_id[pid]["aliases"].append(name)
            continue
        if kind not in ("region", "town"):
            fail(f"{EXTRA}:{n}: type '{kind}' is not region, town or alias")
        entries.append({"id": pid, "type": "region" if kind == "region" else "city", "country": cc3, "adm1": "",
                        "adm1_name": "", "lat": float(lat), "lon": float(lon), "pop": int(pop), "flags": "",
                        "name": name, "aliases": [a for a in aliases.split("|") if a]})

    order = {"country": 0, "adm1": 1, "city": 2, "landmark": 3, "region": 4}
    entries.sort(key=lambda e: (order[e["type"]], f"{int(e['id']):012d}" if e["id"].isdigit() else e["id"],
                                e["name"]))
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write("# geokg gazetteer: generated by scripts/gen_gazetteer.py; do not edit.\n")
        out.write("# Cities: GeoNames (geonames.org), CC BY 4.0, via Debian libgeonames0/libgeonames-common.\n")
        out.write("# Countries and subdivisions: ruby-countries (MIT); codes and capitals: data/actors/countries.json.\n")
        out.write("#id\ttype\tcountry\tadm1\tadm1_name\tlat\tlon\tpopulation\tflags\tname\taliases\n")
        for e in entries:
            out.write("\t".join([e["id"], e["type"], e["country"], e["adm1"], e["adm1_name"],
                                 f"{float(e['lat']):.4f}", f"{float(e['lon']):.4f}", str(e["pop"]),
                                 e["flags"], e["name"], "|".join(e["aliases"])]) + "\n")
    os.replace(tmp, args.output)
    if args.check:
        same = open(args.output, "rb").read() == open(committed, "rb").read()
        os.remove(args.output)
        if not same:
            sys.exit(f"gen_gazetteer: {committed} is stale: run python3 scripts/gen_gazetteer.py and commit it")
        print(f"gen_gazetteer: {committed} is what the installed packages give", file=sys.stderr)
        return
    counts = {t: sum(1 for e in entries if e["type"] == t) for t in order}
    print(f"gen_gazetteer: {args.output}: {counts['country']} countries, {counts['adm1']} subdivisions, "
          f"{counts['city']} cities, {counts['landmark']} landmarks, {counts['region']} regions; capitals not among the cities: {', '.join(missing) or 'none'}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
