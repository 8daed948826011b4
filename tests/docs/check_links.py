#!/usr/bin/env python3
"""check_links.py — every relative link of README.md and docs/*.md names a
file of the repository (the reference moved to docs/; a moved section must
not leave a dead link behind). Run from the repository root."""
import os
import re
import sys

failed = checked = 0
files = ["README.md"] + sorted("docs/" + f for f in os.listdir("docs") if f.endswith(".md"))
for f in files:
    text = open(f, encoding="utf-8").read()
    for m in re.finditer(r"\]\(([^)#\s]+)(#[^)]*)?\)", text):
        target = m.group(1)
        if re.match(r"[a-z]+:", target):
            continue
        checked += 1
        path = os.path.normpath(os.path.join(os.path.dirname(f), target))
        if not os.path.exists(path):
            print("FAIL %s links to %s, which does not exist" % (f, target))
            failed += 1
print("%s %d links of %d files resolve" % ("PASS" if not failed else "FAIL", checked - failed, len(files)))
sys.exit(1 if failed else 0)
