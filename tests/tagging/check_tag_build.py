#!/usr/bin/env python3
"""check_tag_build.py — `build` counts exactly the mentions `tag` writes.

Every command tags through one function (src/tag/eg_tagger.h); this test
holds them to it on real text: the Wikinews sample and the seed article
(tests/data), with the shipped dictionary plus one pattern file, with
every rule on (--rules all) and with the default rules. For each entity, the mentions
`tag` writes (grouped by id) must equal the node's `mentions` in the
graph `build` writes, with one thread and with three; and the entities
`tag` says were found in the text must be the nodes with
source=discovered.

And `dict suggest` closes the loop: the names it suggests from the same
inputs, loaded back with -d, are found again as dictionary entities, at
least as often as discovery found them.

Usage: check_tag_build.py --bin ./entgraph
Prints PASS/FAIL lines and exits 1 on a failure.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUTS = [os.path.join(ROOT, "tests/data/wikinews"), os.path.join(ROOT, "tests/data/seed")]
# the shipped dictionary and one pattern of our own (Novichok, a substance)
DICTS = ["--no-default-dict", "-d", os.path.join(ROOT, "dict"), "-d", os.path.join(ROOT, "tests/tagging/patterns.tsv")]


def tag_counts(binary, rules):
    out = subprocess.run([binary, "tag", "-q", "--rules", rules] + DICTS + INPUTS, check=True,
                         capture_output=True).stdout.decode("utf-8")
    counts, found = collections.Counter(), set()
    for line in out.splitlines():
        m = json.loads(line)
        counts[m["id"]] += 1
        if m["source"] == "discovered":
            found.add(m["id"])
    return counts, found


def build_counts(binary, rules, jobs, tmp):
    path = os.path.join(tmp, "g-%s-%d.json" % (rules, jobs))
    subprocess.run([binary, "build", "-q", "--rules", rules, "-j", str(jobs), "--layout",
                    "none", "-o", path] + DICTS + INPUTS, check=True)
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    counts = {n["id"]: int(n["mentions"]) for n in g["nodes"]}
    found = {n["id"] for n in g["nodes"] if n.get("source") == "discovered"}
    return counts, found


def suggest_round_trip(binary, tmp):
    """Suggest, load back with -d, tag again: the same entities, from the
    dictionary now."""
    path = os.path.join(tmp, "suggested.tsv")
    subprocess.run([binary, "dict", "suggest", "-q", "--min-mentions", "1", "-o", path]
                   + DICTS + INPUTS, check=True)
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
    header, rows = rows[0], rows[1:]
    want = {r[header.index("id")]: int(r[header.index("seen_mentions")]) for r in rows}
    out = subprocess.run([binary, "tag", "-q"] + DICTS + ["-d", path] + INPUTS, check=True,
                         capture_output=True).stdout.decode("utf-8")
    got, source = collections.Counter(), {}
    for line in out.splitlines():
        m = json.loads(line)
        got[m["id"]] += 1
        source[m["id"]] = m["source"]
    bad = {k: (v, got.get(k, 0), source.get(k)) for k, v in want.items()
           if got.get(k, 0) < v or source.get(k) != "dictionary"}
    name = "dict suggest -> -d: the %d suggested names are dictionary entities" % len(want)
    if bad or not want:
        print("FAIL %s: %s" % (name, sorted(bad.items())[:8] or "nothing suggested"))
        return 1
    print("PASS " + name)
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    a = ap.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for rules in ("all", "default"):
            want, want_found = tag_counts(a.bin, rules)
            for jobs in (1, 3):
                got, got_found = build_counts(a.bin, rules, jobs, tmp)
                name = "--rules %s -j%d: build counts the %d mentions of %d entities tag " \
                       "writes" % (rules, jobs, sum(want.values()), len(want))
                diff = {k: (want.get(k, 0), got.get(k, 0)) for k in set(want) | set(got)
                        if want.get(k, 0) != got.get(k, 0)}
                if diff:
                    failed += 1
                    print("FAIL %s: %d differ (tag, build): %s" % (
                        name, len(diff), sorted(diff.items())[:8]))
                elif got_found != want_found or not want_found:
                    failed += 1
                    print("FAIL %s: found-in-text entities differ or none (%d vs %d)" % (
                        name, len(want_found), len(got_found)))
                else:
                    print("PASS %s (%d found in text)" % (name, len(want_found)))
        failed += suggest_round_trip(a.bin, tmp)
    print("tag = build: %d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
