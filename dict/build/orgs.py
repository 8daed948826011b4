#!/usr/bin/env python3
"""orgs.py — write the generated organisation lists of entgraph's default
gazetteer from the committed sources in dict/build/sources/ (see
import_sources.py for where they come from).

  sp500-companies.tsv   the companies of the S&P 500 index
                        (datasets/s-and-p-500-companies, ODC PDDL 1.0)
  sport-clubs.tsv       football clubs of 90+ countries
                        (openfootball/clubs, CC0 1.0)

A company or club with a form (name or alias) of exactly one organisation
of the other files is that organisation: its row takes that id, label,
description, country and priority and adds only the aliases no other file
has (Manchester United FC to the hand-written Manchester United). One with
forms of two organisations is left out, and so is one whose name is a
form of a person or place or whose id another file has; an alias that is
a form of any other file is dropped. A form must also be safe alone:

  - a form of one word is kept only when it is no common lower-case word
    (words.txt), no given name (given-names.txt), no surname of a person of
    the people files, no all-capital acronym of four letters or fewer
    (AES, CF, SC) and at least four letters long; a company or club whose
    name itself fails is left out (Target, Amazon, Jamshedpur);
  - an alias of one word is never kept: a company's name without its
    legal form (Eaton, Linde, Rollins, Chubb are surnames as often) or a
    club's short name (Arsenal, Palace, Spurs are places, words or towns
    as often); nor a club's alias with an abbreviating dot (Bayern Mün.,
    Gr. Fürth) or of a reserve or youth team;
  - a form that two generated organisations share is left to neither.

Priority -1, as other generated rows (hand-written rows have 0).
Run by `make dict` (lists.py calls it last), or alone after lists.py.
"""
import csv
import gzip
import io
import os
import re
import sys
from collections import Counter

from names import dict_rows, fold, slug

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.dirname(HERE)
SOURCES = os.path.join(HERE, "sources")
# Named to sort after the hand-written organisation and people files: the
# loader reads dict/ in byte order and the first row of an id keeps its
# label, priority and attributes, so a row here that names a hand-written
# organisation only adds aliases.
OUTPUTS = ("sp500-companies.tsv", "sport-clubs.tsv")
PRIORITY = -1
HEADER = ["id", "name", "aliases", "description", "type", "priority", "country"]

# Legal forms that end a company's name in the S&P list; the name without
# them is an alias.
LEGAL = re.compile(r",?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|plc|PLC|"
                   r"Ltd\.?|Limited|N\.V\.|S\.A\.|AG|SE|L\.P\.|LP)$")
US_STATES = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
    "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
    "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
    "Wisconsin", "Wyoming", "District of Columbia", "Washington, D.C.", "D.C.",
}
# Words that mark a form as an organisation's name: legal forms and the
# abbreviations of clubs. A form of common words only (Best Buy, State
# Street, Waste Management, Crystal Palace, West Ham) needs one of them.
MARKS = {"inc", "incorporated", "corporation", "corp", "company", "co", "companies", "plc",
         "ltd", "limited", "group", "holdings", "fc", "f.c", "afc", "a.f.c", "cf", "sc", "sv",
         "ac", "fk", "sk", "if", "bk", "cd", "club", "football"}
# openfootball's file codes that are no ISO 3166-1 alpha-2 code.
CLUB_COUNTRY = {"eng": "GB", "sco": "GB", "wal": "GB", "nir": "GB", "kos": "XK"}


def source(name):
    return io.TextIOWrapper(gzip.open(os.path.join(SOURCES, name + ".gz")), encoding="utf-8")


def word_list(name):
    return {fold(l.strip()) for l in open(os.path.join(DICT, name), encoding="utf-8")
            if l.strip() and not l.startswith("#")}


class Known:
    """The ids and folded forms of the other dictionary files, and what a
    one-word form must not be."""

    def __init__(self):
        self.ids, self.forms, self.surnames = set(), set(), set()
        self.countries, self.orgs, self.org_forms = {}, {}, {}
        for name in sorted(os.listdir(DICT)):
            if not name.endswith(".tsv") or name in OUTPUTS or name.startswith("patterns"):
                continue
            for r in dict_rows(name):
                ident = r.get("id") or slug(r["name"])
                self.ids.add(ident)
                forms = [r["name"]] + [a for a in (r.get("aliases") or "").split("|") if a]
                self.forms.update(fold(a) for a in forms)
                if (r.get("type") or name.split("-")[0].split(".")[0]) in (
                        "organisation", "organisations"):
                    self.orgs.setdefault(ident, r)
                    for a in forms:
                        self.org_forms.setdefault(fold(a), set()).add(ident)
                if name.startswith(("people", "us-politicians")) and len(r["name"].split()) > 1:
                    self.surnames.add(fold(r["name"].split()[-1]))
                if name == "world-countries.tsv":
                    for a in forms:
                        self.countries[a] = r.get("iso3166") or r["id"]
        self.words = word_list("words.txt")
        self.given = word_list("given-names.txt")

    def one_word_ok(self, form):
        f = fold(form)
        return not (f in self.words or f in self.given or f in self.surnames
                    or len(form) < 4 or (form.isupper() and len(form) <= 4))

    def form_ok(self, form):
        if fold(form) in self.forms:
            return False
        words = [w.strip(".,!'’()").lower() for w in form.split()]
        if len(words) > 1:
            return bool(MARKS.intersection(words)) or not all(
                w in self.words or w in ("the", "of", "and", "&") for w in words)
        return self.one_word_ok(form)


def sp500(known):
    rows = {}
    lines = (l for l in source("sp500-constituents.csv") if not l.startswith("#"))
    for r in csv.DictReader(lines):
        name = re.sub(r"\s*\(Class [A-Z]\)$", "", r["Security"]).strip()
        # "Coca-Cola Company (The)", "Lilly (Eli)": the word in brackets first
        m = re.match(r"^(.*\S)\s*\((The|Eli)\)$", name)
        if m:
            name = m.group(1) if m.group(2) == "The" else m.group(2) + " " + m.group(1)
        core = LEGAL.sub("", name)
        forms = [name]
        if name.endswith(" Inc."):
            forms.append(core + " Inc")
        # the name without its legal form, unless the legal form is part of
        # the name (Merck & Co.) or a person's name is left (Walt Disney,
        # Charles Schwab, Ralph Lauren are people as often)
        if core != name and not re.search(r"(&|\band)$", core) \
                and fold(core.split()[0]) not in known.given:
            forms.append(core)
        hq = r["Headquarters Location"]
        tail = hq.split(",")[-1].strip()
        country = "US" if tail in US_STATES else known.countries.get(tail, "")
        desc = "company of the S&P 500 index (%s)" % r["GICS Sub-Industry"]
        if hq and hq.lower() != "none":
            desc += ", headquarters " + hq
        probes = forms + [core, core + " Inc.", core + ", Inc."]
        rows.setdefault(name, (forms, desc, country, probes))
    return rows


CLUB_MARKS = re.compile(r"\b(FC|AFC|CF|SC|SV|AC|AS|FK|SK|IF|BK|CD|CA|SE|EC|Club|Clube|"
                        r"United|City|Athletic|Rovers|Wanderers|Sporting|Real|Racing|Calcio|"
                        r"Fußball|Football|Futebol|Fútbol|Spor|Kulübü)\b")


def football():
    """Clubs: a line that opens a club ('Name, year, @ stadium, city'), its
    alias lines ('| a | b'); reserve teams ('ii) ...'), addresses (indented),
    headings ('= ...') and comments are skipped."""
    rows, country, club = {}, "", None
    for l in source("football-clubs.txt"):
        if l.startswith("#@ "):
            code = os.path.basename(l[3:].strip()).split(".")[0]
            country = CLUB_COUNTRY.get(code, code.upper())
            club = None
            continue
        l = re.sub(r"\s#.*$", "", l.rstrip("\n"))
        if not l.strip() or l.startswith(("#", "=")):
            continue
        if l.lstrip().startswith("|"):
            if club is not None:
                for a in l.split("|"):
                    a = re.sub(r"\[[a-z]+\]", "", a).strip()
                    if a and not re.search(r"\bI+$", a):
                        club[2].append(a)
                        if "." not in a and len(a.split()) > 1:
                            club[0].append(a)
            continue
        if l[0].isspace() or re.match(r"^[ivx]+\)", l):
            club = None
            continue
        fields = [f.strip() for f in re.split(r"[,\t]", l) if f.strip()]
        name = re.sub(r"\s*\(.*\)$", "", fields[0])
        # its town: the last field that is no year and no '@ stadium'
        towns = [f for f in fields[1:] if not re.match(r"^(\d{4}|@)", f)]
        town = re.sub(r"\s*\(.*\)$", "", towns[-1].split("›")[0]).strip() if towns else ""
        club = ([name], country, [name], town)
        if name in rows:
            rows[name] = None  # two clubs of that name: neither
        elif name:
            rows[name] = club
    out = {}
    for name, v in rows.items():
        if v is None:
            continue
        forms, cc, probes, town = v
        # no alias that is the club's town (Den Haag of ADO Den Haag), nor
        # a town and City, Town or County without a club's mark: it opens
        # other names (Birmingham City University, Derby County Council)
        # (a club named so goes by its next name: Edinburgh City FC)
        forms = [f for f in forms if fold(f) != fold(town) and not (
            re.search(r" (City|Town|County)$", f) and not CLUB_MARKS.search(f[:-5]))]
        if not forms or forms[0] in out:
            continue
        name = forms[0]
        extra = [f[:-3] + " F.C." for f in forms if f.endswith(" FC")]
        if CLUB_MARKS.search(name) is None and len(name.split()) == 1:
            continue  # a bare one-word name (Jamshedpur): a town as often
        out[name] = (forms + extra, "football club in %s" % cc, cc, probes + extra)
    return out


# A hand-written organisation is the generated one only if its description
# says it is of the same kind (the Metropolitan Police is no football club).
KIND = {
    "sp500-companies.tsv": re.compile(r"compan|maker|firm|agency|exchange|corporat|bank|utility|"
                                      r"conglomerate|retailer|manufacturer|producer|airline|"
                                      r"operator|insurer|chain|platform|group", re.I),
    "sport-clubs.tsv": re.compile(r"club|football|soccer|team", re.I),
}


def write(known, count, name, rows, head_comment):
    """Write rows (label, (forms, description, country, probes)), where
    probes are the forms that tell whether another file has the
    organisation (forms and all the source's short names); count: how many
    generated organisations have each folded form or probe (one shared is
    left to neither). Returns (new organisations, merged into a hand-written one,
    left out)."""
    kept, merged, left = [], 0, 0
    for label, (forms, desc, cc, probes) in rows:
        if count[fold(label)] > 1:
            left += 1  # two clubs of one name (after their brackets went)
            continue
        forms = [f for f in forms if "(" not in f and count[fold(f)] == 1]
        hits = set().union(*(known.org_forms.get(fold(f), set()) for f in probes
                             if count[fold(f)] == 1))
        merge = len(hits) == 1 and bool(
            KIND[name].search(known.orgs[next(iter(hits))].get("description", "")))
        if merge:
            ident = next(iter(hits))
            org = known.orgs[ident]
            row = [ident, org["name"], None, org.get("description", ""), "organisation",
                   org.get("priority") or "0", org.get("country") or cc]
            candidates = forms
        elif (hits or fold(label) in known.forms
              or slug(label) in known.ids or not known.form_ok(label)):
            left += 1
            continue
        else:
            ident = slug(label)
            row = [ident, label, None, desc, "organisation", str(PRIORITY), cc]
            candidates = forms[1:]
        aliases, seen = [], {fold(row[1])}
        for a in candidates:
            if fold(a) not in seen and len(a.split()) > 1 and known.form_ok(a):
                seen.add(fold(a))
                aliases.append(a)
        if aliases or not merge:
            row[2] = "|".join(aliases)
            kept.append(row)
            merged += merge
        known.ids.add(ident)
    with open(os.path.join(DICT, name), "w", encoding="utf-8") as f:
        f.write(head_comment % (len(kept) - merged, merged, left))
        f.write("\t".join(HEADER) + "\n")
        for r in kept:
            f.write("\t".join(r) + "\n")
    return len(kept) - merged, merged, left


def main():
    known = Known()
    companies = sorted(sp500(known).items())
    clubs = sorted(football().items())
    both = companies + clubs
    count = Counter(f for _, (forms, _, _, probes) in both
                    for f in {fold(x) for x in forms + probes})
    n1 = write(known, count, OUTPUTS[0], companies,
               "# Generated by dict/build/orgs.py from the S&P 500 constituents of\n"
               "# datasets/s-and-p-500-companies (ODC PDDL 1.0). %d companies, and %d\n"
               "# rows that add aliases to a hand-written organisation; %d left out\n"
               "# (named by a word, given name, surname or place, or like two\n"
               "# organisations). Do not edit.\n")
    n2 = write(known, count, OUTPUTS[1], clubs,
               "# Generated by dict/build/orgs.py from openfootball/clubs (CC0 1.0).\n"
               "# %d clubs, and %d rows that add aliases to a hand-written organisation;\n"
               "# %d left out (shared by two clubs, named by a word, given name,\n"
               "# surname or place, or like two organisations). Do not edit.\n")
    print("%s %d (+%d merged, %d left out), %s %d (+%d merged, %d left out)"
          % ((OUTPUTS[0],) + n1 + (OUTPUTS[1],) + n2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
