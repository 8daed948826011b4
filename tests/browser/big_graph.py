#!/usr/bin/env python3
"""big_graph.py OUTDIR [--nodes N] [--docs D] [--types] — a synthetic
corpus for the HTML page at scale: with the defaults its graph has 20,246
nodes and 102,100 edges (tests/browser/run.sh, time_page.js).

Writes OUTDIR/dict/people.tsv (N invented two-word names, each with an
alias; --types: every third name a place and every third an
organisation instead, so that communities mix types) and
OUTDIR/corpus.txt in `lines` form (a line is a document that
names 3 or 4 entities, a fifth of them drawn with a skew so that some
are hubs). Run with --input lines --window document. Seeded: same files
every time.
"""
import argparse
import os
import random

SYL = ["ka", "lo", "mi", "ra", "ven", "tor", "sel", "da", "bri", "no", "qua", "zel",
       "fen", "gor", "hal", "jin", "mor", "pel", "ru", "sta", "tem", "vu", "wes", "yar"]


def names(n, rng):
    out, seen = [], set()
    while len(out) < n:
        first = "".join(rng.choice(SYL) for _ in range(2)).capitalize()
        last = "".join(rng.choice(SYL) for _ in range(3)).capitalize()
        if (first, last) in seen:
            continue
        seen.add((first, last))
        out.append((first, last))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--nodes", type=int, default=21000)
    ap.add_argument("--docs", type=int, default=24500)
    ap.add_argument("--types", action="store_true")
    a = ap.parse_args()
    rng = random.Random(7)
    os.makedirs(os.path.join(a.outdir, "dict"), exist_ok=True)
    people = names(a.nodes, rng)
    files = ["people.tsv", "places.tsv", "organisations.tsv"] if a.types else ["people.tsv"]
    outs = [open(os.path.join(a.outdir, "dict", name), "w") for name in files]
    for f in outs:
        f.write("id\tname\taliases\n")
    for i, (first, last) in enumerate(people):
        outs[i % len(outs)].write("p%05d\t%s %s\t%s\n" % (i, first, last, last.upper()))
    for f in outs:
        f.close()
    with open(os.path.join(a.outdir, "corpus.txt"), "w") as f:
        for d in range(a.docs):
            k = rng.choice((3, 4))
            picked = {min(int(rng.paretovariate(0.6)) - 1, a.nodes - 1) if rng.random() < 0.2
                      else rng.randrange(a.nodes) for _ in range(k)}
            parts = ["%s %s" % people[i] for i in sorted(picked)]
            f.write("Report %d: %s met today.\n" % (d, ", ".join(parts[:-1]) + " and " + parts[-1]))


if __name__ == "__main__":
    main()
