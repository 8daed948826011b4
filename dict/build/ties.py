#!/usr/bin/env python3
"""ties.py — list the ties of a dictionary folder: forms shared by entities
of the same priority, where only file order decides which one wins.

`entgraph dict check` names, for each shared form, the winner with its
priority and the other entities with the file:line that defines them; this
script reads each of those lines for its priority (0 when the file has no
priority column) and prints the forms whose winner does not win on priority.

    python3 dict/build/ties.py [--bin ./entgraph] [DICT]     # exit 1 if any tie
"""
import argparse
import re
import subprocess
import sys

SHARED = re.compile(r"^(.*?):(\d+): '(.*)' is shared by (\d+) entities; "
                    r"'(.*?)' \((.*?), priority (-?\d+)\) wins over (.*)$")
LOSER = re.compile(r"(\S+) \((.*?):(\d+)\)")


def priority_at(path, line, cache={}):
    if path not in cache:
        head, rows = None, {}
        for n, l in enumerate(open(path, encoding="utf-8"), 1):
            if l.startswith("#") or not l.strip():
                continue
            f = l.rstrip("\n").split("\t")
            if head is None:
                head = f
            else:
                rows[n] = dict(zip(head, f))
        cache[path] = rows
    v = cache[path].get(line, {}).get("priority", "")
    return int(v) if v.strip() else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="./entgraph")
    ap.add_argument("dict", nargs="?", default="dict")
    a = ap.parse_args()
    out = subprocess.run([a.bin, "dict", "check", "-d", a.dict], capture_output=True,
                         text=True).stdout
    ties = 0
    for l in out.splitlines():
        m = SHARED.match(l)
        if not m:
            continue
        form, win, prio = m.group(3), m.group(5), int(m.group(7))
        same = [i for i, p, n in LOSER.findall(m.group(8)) if priority_at(p, int(n)) == prio]
        if same:
            ties += 1
            print("%s:%s: '%s': %s ties with %s at priority %d"
                  % (m.group(1), m.group(2), form, win, " ".join(same), prio))
    print("%d tie(s)" % ties)
    return 1 if ties else 0


if __name__ == "__main__":
    sys.exit(main())
