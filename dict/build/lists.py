#!/usr/bin/env python3
"""lists.py — write the generated people list and the given-name list of
entgraph's default gazetteer from the committed sources in
dict/build/sources/ (see import_sources.py for where they come from).

  us-politicians.tsv  US presidents and vice presidents since 1789 and the
                    members of the current Congress, from
                    unitedstates/congress-legislators (CC0)
  given-names.txt   given names: the US Social Security Administration's
                    baby names (public domain) with GIVEN_MIN births or
                    more, the popular names of 106 countries
                    (sigpwned/popular-names-by-country-dataset, CC0) and
                    the first names of the people above and of the
                    hand-written people files, and EXTRA_GIVEN; minus the
                    hand-written non-names, titles and generics, and minus
                    a name that is a common lower-case word (wamerican)
                    given to fewer than WORD_NAME_MIN babies; and the
                    names of Jörg Michael's first-name dictionary
                    (MatthiasWinkelmann/firstname-database, GNU FDL 1.2+)
                    that reach FIRSTNAMES_MIN in some country, except the
                    names known only in China, Korea and Vietnam, common
                    words and the names of places (see firstnames())

Run by `make dict` after generate.py (it reads dict/words.txt and the
hand-written lists); it then runs orgs.py (sp500-companies.tsv,
sport-clubs.tsv), which needs given-names.txt and the people files.
"""
import csv
import gzip
import io
import os
import re
import sys

import orgs
from names import dict_rows, fold, slug

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.dirname(HERE)
SOURCES = os.path.join(HERE, "sources")
GIVEN_MIN = 1000       # SSA births, 1880-2023, both sexes
WORD_NAME_MIN = 10000  # a name that is also a lower-case word needs this many
# Jörg Michael's dictionary gives a name's frequency per country as x:
# between 2^x and 2^(x+1) per cent of the population. -7 is 1 in 12,800 or
# more in at least one of its 55 countries and regions; -8, the lowest
# class, "rare", is left out (32,000 names, more often place names and
# surnames in text: Gwynedd, Kern).
FIRSTNAMES_MIN = -7
# ... and a name from it that is also a place (a country, an ISO region, a
# hand-written place, a city of PLACE_POP+ inhabitants) needs 1 in 100.
FIRSTNAMES_PLACE_MIN = 0
PLACE_POP = 100000
# Its columns of countries that write the family name first, and whose given
# names are syllables (Young, Min, Long, Hung, Sun) that mostly stand after
# the family name in English text: a name known only there is not taken.
FAMILY_FIRST_COLUMNS = {"China", "Korea", "Vietnam"}
PEOPLE_PRIORITY = -1   # below hand-written rows (0), above every generated place
# Given names of people in the news that none of the sources has (the
# people files' sections with Japanese names also hold Korean ones, family
# name first, and the business section mixes both orders, so they are not
# read). Written by hand, listed here.
EXTRA_GIVEN = """
Shinzo Fumio Yoshihide Shigeru Taro Junichiro Yoshihiko Naoto Yukio Sanae Yuriko
Toshimitsu Haruhiko Kazuo Akira Hiroshi Takeshi Kenji Hideki Masayoshi Tadashi Koichi
Katsunobu Ichiro Shohei Haruki Hayao Svetlana Pyotr Walid Jürgen Horst Benoît
Jean-Luc Jean-Marie Jean-Claude Jean-Pierre Jean-Paul Jean-Yves Marie-Claire
Ségolène Javad Giorgos Bola Olusegun Goodluck Muhammadu Uhuru Kofi Thabo Jacob
Akio Changpeng Demis Gautam Guillaume Mukesh Ratan Safra Satya Sergey Sundar Wael
""".split()
# Entries of the SSA files that stand for no name.
PLACEHOLDERS = {"Unknown", "Baby", "Infant", "Female", "Male", "Boy", "Girl", "Babyboy",
                "Babygirl", "Unnamed", "Notnamed", "Noname"}

# Surnames of presidents and vice presidents that are not aliases: shared by
# two of them (Adams, Harrison, Johnson, Roosevelt, Bush, Clinton), common
# surnames (Stevenson: Robert Louis, Teófilo; Tompkins, Hamlin, Dawes), or
# far more often another person, a place or a word in news and political
# text. The full names always are aliases.
SURNAME_NOT_ALIAS = {
    "Washington", "Jackson", "Madison", "Monroe", "Tyler", "Taylor", "Pierce", "Grant",
    "Hayes", "Arthur", "Cleveland", "Wilson", "Harding", "Hoover", "Ford", "Carter",
    "Kennedy", "Gore", "Harris", "Dallas", "Hobart", "Fairbanks", "Marshall", "Sherman",
    "Wallace", "Barkley", "Garner", "Curtis", "Morton", "Wheeler", "Hendricks", "Burr",
    "Gerry", "King", "Rockefeller", "Humphrey", "Vance", "Buchanan", "Stevenson",
    "Tompkins", "Hamlin", "Dawes", "Johnson", "Clinton",
}




def source(name):
    return io.TextIOWrapper(gzip.open(os.path.join(SOURCES, name + ".gz")), encoding="utf-8")


def word_list(name):
    out = set()
    p = os.path.join(DICT, name)
    for l in open(p, encoding="utf-8"):
        l = l.strip()
        if l and not l.startswith("#"):
            out.add(fold(l))
    return out


HAND_PEOPLE = ("people.tsv", "people-world.tsv", "people-history.tsv")


def hand_people():
    """Ids of the hand-written people: a generated person whose full name
    has one of these slugs is that person, and takes the id."""
    return {row.get("id") or slug(row["name"]) for name in HAND_PEOPLE for row in dict_rows(name)}


# How presidents and vice presidents are usually named, where it is not
# "First Last" or "Nickname Last" (key: first, middle and last name).
CANONICAL = {
    "John Quincy Adams": "John Quincy Adams",
    "William Henry Harrison": "William Henry Harrison",
    "William Howard Taft": "William Howard Taft",
    "John Nance Garner": "John Nance Garner",
    "Richard Mentor Johnson": "Richard Mentor Johnson",
    "William Rufus de Vane King": "William R. King",
    "Ulysses Simpson Grant": "Ulysses S. Grant",
    "Rutherford Birchard Hayes": "Rutherford B. Hayes",
    "James Abram Garfield": "James A. Garfield",
    "Chester Alan Arthur": "Chester A. Arthur",
    "James Knox Polk": "James K. Polk",
    "Warren Gamaliel Harding": "Warren G. Harding",
    "Harry S. Truman": "Harry S. Truman",
    "Dwight David Eisenhower": "Dwight D. Eisenhower",
    "John Fitzgerald Kennedy": "John F. Kennedy",
    "Lyndon Baines Johnson": "Lyndon B. Johnson",
    "Franklin Delano Roosevelt": "Franklin D. Roosevelt",
    "George Herbert Walker Bush": "George H. W. Bush",
    "George Walker Bush": "George W. Bush",
    "John Caldwell Calhoun": "John C. Calhoun",
    "John Cabell Breckinridge": "John C. Breckinridge",
    "Daniel D. Tompkins": "Daniel D. Tompkins",
    "George Mifflin Dallas": "George M. Dallas",
    "Adlai Ewing Stevenson": "Adlai E. Stevenson",
    "Charles Warren Fairbanks": "Charles W. Fairbanks",
    "James Schoolcraft Sherman": "James S. Sherman",
    "Thomas Riley Marshall": "Thomas R. Marshall",
    "Charles Gates Dawes": "Charles G. Dawes",
    "Henry Agard Wallace": "Henry A. Wallace",
    "Levi Parsons Morton": "Levi P. Morton",
    "William Almon Wheeler": "William A. Wheeler",
    "Thomas Andrews Hendricks": "Thomas A. Hendricks",
    "Alben William Barkley": "Alben W. Barkley",
}


def full_names(first, middle, last, suffix, nickname, canonical=None):
    """The canonical name first, then the other full forms: nickname or
    first name with the last name, the first name with the middle initial
    (one middle name) or the whole middle name, each also with the suffix
    (Jr.)."""
    key = " ".join(x for x in (first, middle, last) if x)
    canonical = canonical or CANONICAL.get(key) or "%s %s" % (nickname or first, last)
    bases = ["%s %s" % (nickname, last)] if nickname else []
    bases.append("%s %s" % (first, last))
    if middle:
        if len(middle.split()) == 1:
            bases.append("%s %s. %s" % (first, middle[0], last))
        bases.append(key)
    names = [canonical]
    for b in bases:
        for n in (b, b + " " + suffix if suffix else None):
            if n and n not in names:
                names.append(n)
    if suffix and not canonical.endswith(suffix) and canonical + " " + suffix not in names:
        names.append(canonical + " " + suffix)
    return names


def years(terms, kind):
    runs = []
    for t in terms:
        if t["type"] != kind:
            continue
        a, b = int(t["start"][:4]), int(t["end"][:4])
        if runs and a <= runs[-1][1]:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    return ", ".join("%d" % a if a == b else "%d–%d" % (a, b) for a, b in runs)


def executive(hand, words):
    data = yaml.safe_load(source("us-executive.yaml"))
    surnames = {}
    for p in data:
        surnames[p["name"]["last"]] = surnames.get(p["name"]["last"], 0) + 1
    rows = []
    for p in data:
        n = p["name"]
        if any(t["type"] not in ("prez", "viceprez") for t in p["terms"]):
            continue
        names = full_names(n["first"], n.get("middle", ""), n["last"], n.get("suffix", ""),
                           n.get("nickname", ""))
        last = n["last"]
        if (surnames[last] == 1 and last not in SURNAME_NOT_ALIAS
                and fold(last) not in words):
            names.append(last)
        office = []
        for kind, title in (("prez", "President"), ("viceprez", "Vice President")):
            y = years(p["terms"], kind)
            if y:
                office.append("%s of the United States (%s)" % (title, y))
        rows.append(person(hand, names, "; ".join(office), p["id"].get("bioguide", ""), ""))
    return rows


def legislators(hand, ssa):
    rows = []
    r = csv.DictReader((l for l in source("us-legislators-current.tsv") if not l.startswith("#")),
                       delimiter="\t")
    for p in r:
        official = p["official_full"] if '"' not in p["official_full"] else None
        names = full_names(p["first"], p["middle"], p["last"], p["suffix"], p["nickname"],
                           official or None)
        linked = p["bioguide"] in LINK or any(slug(n) in hand for n in names)
        if (not linked and p["type"] == "rep" and p["last"] in COMMON_SURNAMES
                and ssa.get(p["nickname"] or p["first"], 0) >= COMMON_GIVEN_MIN):
            names = [n for n in names if len(n.replace(" " + p["suffix"], "").split()) > 2
                     or "." in n.split()[1]]
            if not names:
                continue
        chamber = "US Senator" if p["type"] == "sen" else "US Representative"
        desc = "%s from %s (%s)" % (chamber, p["state"], p["party"])
        rows.append(person(hand, names, desc, p["bioguide"], p["wikidata"]))
    return rows


# About the 100 most common US surnames (written from the 2010 Census
# ranking). A member of the House whose given name is also common (100,000+
# SSA births) and whose surname is one of these keeps only the forms with a
# middle name or initial: "Adam Smith" is the economist more often than the
# Representative. Senators keep their plain names.
COMMON_SURNAMES = set("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson
White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart
Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed
Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray
Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
""".split())
COMMON_GIVEN_MIN = 100000


# Hand-written people whose id is no slug of a generated full name
# (bioguide id -> hand-written id).
LINK = {"V000137": "jd-vance"}


def person(hand, names, desc, bioguide, wikidata):
    ids = [slug(n) for n in names]
    linked = [LINK[bioguide]] if bioguide in LINK else [i for i in ids if i in hand]
    pid = linked[0] if linked else ids[0]
    return [pid, names[0], "|".join(names[1:]), "person", PEOPLE_PRIORITY,
            "" if linked else desc, bioguide, wikidata]


def people(words, ssa):
    hand = hand_people()
    rows = executive(hand, words) + legislators(hand, ssa)
    seen, out = set(), []
    for r in rows:  # a president who is in Congress now is one row
        if r[0] not in seen:
            seen.add(r[0])
            out.append(r)
    # A form of two of these people (George Bush, John Adams) stays only with
    # the one it is the name of, or with neither.
    owners = {}
    for r in out:
        for n in [r[1]] + r[2].split("|"):
            if n:
                owners.setdefault(fold(n), set()).add(r[0])
    named = {fold(r[1]): r[0] for r in out}
    for r in out:
        r[2] = "|".join(n for n in r[2].split("|") if n and (
            len(owners[fold(n)]) == 1 or named.get(fold(n)) == r[0]))
    with open(os.path.join(DICT, "us-politicians.tsv"), "w", encoding="utf-8") as f:
        f.write("# US presidents and vice presidents (1789-) and the current Congress, from\n"
                "# unitedstates/congress-legislators (CC0). Generated by dict/build/lists.py;\n"
                "# do not edit: run make dict. A row whose id a hand-written file has is\n"
                "# that person (matched by the slug of a full name) and adds aliases only;\n"
                "# the file name sorts after the hand-written files, which load first.\n")
        f.write("id\tname\taliases\ttype\tpriority\tdescription\tbioguide\twikidata\n")
        for r in out:
            f.write("\t".join(str(x) for x in r) + "\n")
    return out


def ssa_births():
    """Given name -> SSA births, both sexes, all years."""
    ssa = {}
    for row in csv.DictReader((l for l in source("ssa-given-names.tsv") if not l.startswith("#")),
                              delimiter="\t"):
        ssa[row["name"]] = int(row["female"]) + int(row["male"])
    return ssa


def place_names():
    """Folded names and aliases of the countries, ISO regions, hand-written
    places and cities of PLACE_POP+ inhabitants."""
    out = set()
    for name in ("world-countries.tsv", "world-regions.tsv", "places.tsv", "world-cities.tsv"):
        for r in dict_rows(name):
            if name == "world-cities.tsv" and int(r.get("population") or 0) < PLACE_POP:
                continue
            for a in [r["name"]] + (r.get("aliases") or "").split("|"):
                if a:
                    out.add(fold(a))
    return out


def firstnames(words):
    """Names of Jörg Michael's first-name dictionary with FIRSTNAMES_MIN in
    some country (Jean+Pierre is Jean-Pierre), of three letters or more,
    not known only in China, Korea and Vietnam, no common lower-case word
    (Dieter, Else, Edit, Odd, Bent are left out), and no place name unless
    the name is as frequent as FIRSTNAMES_PLACE_MIN (Ewa stays)."""
    places = place_names()
    head, best = None, {}
    lines = (l for l in source("firstnames-by-country.csv") if not l.startswith("#"))
    for row in csv.reader(lines, delimiter=";"):
        if head is None:
            head = row
            continue
        n = row[0]
        if "+" in n:
            a, b = n.split("+", 1)
            if not b[:1].isupper():
                continue
            n = a + "-" + b
        freq = [int(x) for c, x in zip(head[2:], row[2:])
                if x.strip() and c not in FAMILY_FIRST_COLUMNS]
        if freq:
            best[n] = max(best.get(n, -99), max(freq))
    out = set()
    for n, x in best.items():
        f = fold(n)
        if (x < FIRSTNAMES_MIN or len(n) < 3 or f in words
                or not re.match(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]*[a-zß-öø-ÿĀ-ſ]$", n)
                or (f in places and x < FIRSTNAMES_PLACE_MIN)):
            continue
        out.add(n)
    return out


def given_names(words, first_names, ssa):
    drop = word_list("non-names.txt") | word_list("titles.txt") | word_list("generics.txt")
    world = set()
    for row in csv.DictReader(source("common-forenames-by-country.csv")):
        for field in ("Romanized Name", "Localized Name"):
            for w in re.split(r"[\s/]+", row.get(field) or ""):
                if re.match(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]+$", w):
                    world.add(w)
    names = {n for n, c in ssa.items() if c >= GIVEN_MIN} | world | first_names | set(EXTRA_GIVEN)
    known = {fold(n) for n in names}
    michael = {n for n in firstnames(words) if fold(n) not in known}
    names |= michael
    keep, left = [], []
    for n in sorted(names):
        f = fold(n)
        if len(n) < 2 or f in drop or n in PLACEHOLDERS:
            left.append(n)
        elif f in words and ssa.get(n, 0) < WORD_NAME_MIN and n not in world:
            left.append(n)
        else:
            keep.append(n)
    with open(os.path.join(DICT, "given-names.txt"), "w", encoding="utf-8") as f:
        f.write("# Given names, one a line, as written. Generated by dict/build/lists.py\n"
                "# from the US Social Security Administration's baby names 1880-2023\n"
                "# (public domain; names given to %d+ babies), the popular given names of\n"
                "# 106 countries (sigpwned/popular-names-by-country-dataset, CC0) and the\n"
                "# first names of us-politicians.tsv and the hand-written people files\n"
                "# (and EXTRA_GIVEN of lists.py: Japanese and other names of people in\n"
                "# the news that no source has);\n"
                "# minus non-names, titles and generics, and minus %d names that are\n"
                "# common lower-case words given to fewer than %d babies; and %d names\n"
                "# of Jörg Michael's first-name dictionary (c't gender.c, (c) 2007-2008\n"
                "# Jörg Michael, 2016 Matthias Winkelmann; GNU Free Documentation License\n"
                "# 1.2 or later; its text: dict/build/sources/firstnames-GFDL-1.2.txt.gz,\n"
                "# installed in share/entgraph/licenses/) given to 1 in %d people or more\n"
                "# in some country, no common word or place name. Do not edit.\n"
                % (GIVEN_MIN, len([n for n in left if fold(n) not in drop]), WORD_NAME_MIN,
                   len(michael & set(keep)), round(100 / 2 ** FIRSTNAMES_MIN)))
        f.write("\n".join(keep) + "\n")
    return keep, left


# Sections of the people files whose names put the family name first, or
# mix both orders (Business: Zhang Yiming beside Jensen Huang).
FAMILY_NAME_FIRST = ("# China", "# Japan", "# Asia-Pacific", "# East and South-East Asia",
                     "# Business")


def hand_first_names():
    """First words of the hand-written people's names (Recep, Narendra,
    Volodymyr...), except in the sections that write the family name first
    (Xi Jinping, Kim Jong Un, Hun Manet)."""
    out = set()
    for name in HAND_PEOPLE:
        skip, head = False, None
        for l in open(os.path.join(DICT, name), encoding="utf-8"):
            if l.startswith("# "):
                skip = l.startswith(FAMILY_NAME_FIRST)
                continue
            if l.startswith("#") or not l.strip():
                continue
            f = l.rstrip("\n").split("\t")
            if head is None:
                head = f
            elif not skip:
                w = dict(zip(head, f))["name"].split()[0]
                if re.match(r"^[A-ZÀ-Þ][a-zà-ÿĀ-ſ]{2,}$", w):
                    out.add(w)
    return out


def main():
    words = word_list("words.txt")
    ssa = ssa_births()
    rows = people(words, ssa)
    firsts = hand_first_names()
    for r in rows:
        for n in [r[1]] + r[2].split("|"):
            w = n.split()[0] if len(n.split()) > 1 else ""  # not a bare surname
            if re.match(r"^[A-Z][a-z]+$", w):
                firsts.add(w)
    keep, left = given_names(words, firsts, ssa)
    print("us-politicians.tsv %d, given-names.txt %d (%d left out)" % (len(rows), len(keep), len(left)))
    # the generated organisations need the given names and people above
    return orgs.main()


if __name__ == "__main__":
    sys.exit(main())
