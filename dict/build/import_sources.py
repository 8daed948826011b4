#!/usr/bin/env python3
"""import_sources.py — refresh dict/build/sources/ from upstream data sets.

The files there are gzipped (name.tsv.gz...): the dictionary loader reads
every .tsv, .csv and .txt file under dict/, and these are not dictionaries.

`make dict` needs no network: it reads the files in dict/build/sources/,
which this script writes from local copies (git checkouts) of the upstream
repositories. Run it by hand when a source should be refreshed, then
`make dict`, and commit both.

  --congress-legislators DIR   a checkout of unitedstates/congress-legislators
                               (CC0): executive.yaml is copied as it is,
                               legislators-current.yaml cut down to
                               us-legislators-current.tsv
  --ssa-names DIR              a folder of the US Social Security
                               Administration's national baby-name files
                               yobYYYY.txt (public domain, US government
                               work), e.g. names/ of aramshiva/babies:
                               summed to ssa-given-names.tsv (names with
                               500+ births, 1880 onwards)
  --forenames FILE             common-forenames-by-country.csv of
                               sigpwned/popular-names-by-country-dataset
                               (CC0), copied as it is
  --firstnames DIR             a checkout of MatthiasWinkelmann/firstname-database
                               (Jörg Michael's name dictionary of the c't
                               program gender.c, GNU FDL 1.2+): firstnames.csv
                               copied as it is behind a comment header with its
                               licence notice, and LICENSE.txt (the GFDL text)
  --sp500 DIR                  a checkout of datasets/s-and-p-500-companies
                               (ODC PDDL 1.0): data/constituents.csv copied
                               as it is behind a comment header
  --football-clubs DIR         a checkout of openfootball/clubs (CC0 1.0):
                               every <country>/<code>.clubs.txt, as it is,
                               each behind a line "#@ <its path>"

    python3 dict/build/import_sources.py --congress-legislators ~/congress-legislators \\
        --ssa-names ~/babies/names --forenames ~/names/common-forenames-by-country.csv \\
        --firstnames ~/firstname-database --sp500 ~/s-and-p-500-companies \\
        --football-clubs ~/clubs
"""
import argparse
import collections
import glob
import gzip
import io
import os
import re
import sys

import yaml

SOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sources")
SSA_MIN = 500


def out(name):
    """A source file for writing: gzip without a time stamp (reproducible),
    and a name the dictionary loader never reads (it walks dict/ for
    .tsv, .csv and .txt files)."""
    raw = open(os.path.join(SOURCES, name + ".gz"), "wb")
    z = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
    return io.TextIOWrapper(z, encoding="utf-8", newline="")


def copy(src, name):
    with open(src, encoding="utf-8") as i, out(name) as o:
        o.write(i.read())


def legislators(src):
    copy(os.path.join(src, "executive.yaml"), "us-executive.yaml")
    data = yaml.safe_load(open(os.path.join(src, "legislators-current.yaml"), encoding="utf-8"))
    cols = ["bioguide", "wikidata", "official_full", "first", "middle", "last", "suffix",
            "nickname", "type", "state", "party", "start"]
    with out("us-legislators-current.tsv") as f:
        f.write("# unitedstates/congress-legislators legislators-current.yaml (CC0), cut\n"
                "# down by dict/build/import_sources.py; the last term of each member.\n")
        f.write("\t".join(cols) + "\n")
        for p in data:
            t = p["terms"][-1]
            row = [p["id"].get("bioguide", ""), p["id"].get("wikidata", "")]
            row += [p["name"].get(k, "") for k in
                    ("official_full", "first", "middle", "last", "suffix", "nickname")]
            row += [t["type"], t["state"], t.get("party", ""), t["start"]]
            f.write("\t".join(str(x).replace("\t", " ") for x in row) + "\n")
    return len(data)


def ssa(folder):
    births = collections.defaultdict(lambda: [0, 0])
    files = sorted(glob.glob(os.path.join(folder, "yob*.txt")))
    for path in files:
        for line in open(path, encoding="utf-8"):
            name, sex, n = line.strip().split(",")
            births[name][0 if sex == "F" else 1] += int(n)
    years = "%s-%s" % (files[0][-8:-4], files[-1][-8:-4])
    keep = sorted(((n, f, m) for n, (f, m) in births.items() if f + m >= SSA_MIN),
                  key=lambda r: (-(r[1] + r[2]), r[0]))
    with out("ssa-given-names.tsv") as f:
        f.write("# US Social Security Administration, national baby names %s (public\n"
                "# domain): births per name, names with %d+ births in all.\n"
                "# Written by dict/build/import_sources.py.\n" % (years, SSA_MIN))
        f.write("name\tfemale\tmale\n")
        for r in keep:
            f.write("%s\t%d\t%d\n" % r)
    return len(keep)


FIRSTNAMES_NOTICE = """\
# firstnames.csv of https://github.com/MatthiasWinkelmann/firstname-database
# (commit %s), copied as it is below this header by dict/build/import_sources.py.
# Copyright (c) 2007-2008 Jörg MICHAEL (the name dictionary of c't's gender.c,
# http://www.heise.de/ct/ftp/07/17/182/); updated 2016 by Matthias Winkelmann.
# Permission is granted to copy, distribute and/or modify this document under
# the terms of the GNU Free Documentation License, Version 1.2 or any later
# version published by the Free Software Foundation; with no Invariant
# Sections, no Front-Cover Texts, and no Back-Cover Texts. A copy of the
# licence is in firstnames-GFDL-1.2.txt.gz beside this file.
# Columns: name; gender; then per country the frequency x, meaning between
# 2^x and 2^(x+1) per cent of the country's population (empty: rare or none).
# A '+' inside a name stands for '-', ' ' or nothing (Jean+Pierre).
"""


def firstnames(src):
    commit = git_commit(src)
    with open(os.path.join(src, "firstnames.csv"), encoding="utf-8") as i, \
            out("firstnames-by-country.csv") as o:
        o.write(FIRSTNAMES_NOTICE % commit)
        o.write(i.read())
    copy(os.path.join(src, "LICENSE.txt"), "firstnames-GFDL-1.2.txt")


def git_commit(src):
    import subprocess
    try:
        return subprocess.run(["git", "-C", src, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def sp500(src):
    with open(os.path.join(src, "data", "constituents.csv"), encoding="utf-8") as i, \
            out("sp500-constituents.csv") as o:
        o.write("# data/constituents.csv of https://github.com/datasets/s-and-p-500-companies\n"
                "# (commit %s), Open Data Commons Public Domain Dedication and License\n"
                "# (PDDL) 1.0; copied as it is below this header by\n"
                "# dict/build/import_sources.py.\n" % git_commit(src))
        o.write(i.read())


def football_clubs(src):
    paths = sorted(glob.glob(os.path.join(src, "*", "*", "*.clubs.txt")))
    paths = [p for p in paths if re.match(r"^[a-z]+\.clubs\.txt$", os.path.basename(p))]
    with out("football-clubs.txt") as o:
        o.write("# The club lists of https://github.com/openfootball/clubs (commit %s),\n"
                "# CC0 1.0 (public domain dedication); each file as it is, behind a line\n"
                "# '#@ <its path>'. Written by dict/build/import_sources.py.\n" % git_commit(src))
        for p in paths:
            o.write("#@ %s\n" % os.path.relpath(p, src))
            with open(p, encoding="utf-8") as i:
                o.write(i.read().rstrip("\n") + "\n")
    return len(paths)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--congress-legislators")
    ap.add_argument("--ssa-names")
    ap.add_argument("--forenames")
    ap.add_argument("--firstnames")
    ap.add_argument("--sp500")
    ap.add_argument("--football-clubs")
    a = ap.parse_args()
    os.makedirs(SOURCES, exist_ok=True)
    if a.congress_legislators:
        print("us-legislators-current.tsv: %d" % legislators(a.congress_legislators))
    if a.ssa_names:
        print("ssa-given-names.tsv: %d" % ssa(a.ssa_names))
    if a.forenames:
        copy(a.forenames, "common-forenames-by-country.csv")
    if a.firstnames:
        firstnames(a.firstnames)
    if a.sp500:
        sp500(a.sp500)
    if a.football_clubs:
        print("football-clubs.txt: %d files" % football_clubs(a.football_clubs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
