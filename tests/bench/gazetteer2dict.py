#!/usr/bin/python3
"""Convert a benchmark gazetteer into an entgraph dictionary.

  gazetteer2dict.py GAZETTEER.tsv DICT.tsv

The shared benchmark gazetteers (../shared/bench/make-gazetteer.js) are
"name<TAB>type" lines without a header, type PER/LOC/ORG. entgraph wants a
header row and its own type words, so this writes

    name<TAB>type           (header)
    Dmitry Peskov<TAB>person

with PER -> person, LOC -> place, ORG -> organisation (anything else lower
cased). No id column: entgraph derives the id from the name (folded, runs of
other characters -> '-'), and rows with the same id merge into one entity
whose later rows are aliases. To say how many entities that leaves, this
script computes the same slug approximately (NFKC, case fold, accents
stripped, runs of non-alphanumerics -> '-') and prints one line:

    rows=150000 entities=N merged_rows=M types=person:..,place:..,organisation:..

A name starting with '#' would read as a comment line, so such rows are
skipped and counted (the shared gazetteers have none).
"""
import os
import sys
import unicodedata

TYPES = {"PER": "person", "LOC": "place", "ORG": "organisation"}


def slug(name):
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    out, dash = [], False
    for c in s:
        if unicodedata.combining(c):
            continue
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gazetteer2dict.py GAZETTEER.tsv DICT.tsv")
    src, dst = sys.argv[1:]
    rows = skipped = 0
    seen = set()
    by_type = {}
    with open(src, encoding="utf-8") as f, open(dst + ".tmp", "w", encoding="utf-8") as out:
        out.write("name\ttype\n")
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            name, _, typ = line.partition("\t")
            name = name.strip()
            if not name or name.startswith("#"):
                skipped += 1
                continue
            typ = TYPES.get(typ.strip(), typ.strip().lower() or "entity")
            out.write(f"{name}\t{typ}\n")
            rows += 1
            key = slug(name)
            if key not in seen:
                seen.add(key)
                by_type[typ] = by_type.get(typ, 0) + 1
    os.replace(dst + ".tmp", dst)
    types = ",".join(f"{t}:{n}" for t, n in sorted(by_type.items()))
    print(f"rows={rows} entities={len(seen)} merged_rows={rows - len(seen)} skipped={skipped} types={types}")


if __name__ == "__main__":
    main()
