#!/usr/bin/env python3
"""check_man.py — the man page (docs/entgraph.1) is in step with --help.

Every option any command's --help lists is in the man page, and every
option the man page names is in some command's --help, so that neither
can change alone; groff formats the page without a warning, and man
renders it. Run: check_man.py --bin ./entgraph [--page docs/entgraph.1]
"""
import argparse
import re
import subprocess
import sys

COMMANDS = [[], ["build"], ["count"], ["merge"], ["tag"], ["dict"], ["dict", "suggest"]]
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")


def help_options(binary):
    found = {}
    for cmd in COMMANDS:
        out = subprocess.run([binary] + cmd + ["--help"], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("FAIL %s --help exits %d" % (" ".join(cmd) or "entgraph", out.returncode))
        for opt in OPTION.findall(out.stdout):
            found.setdefault(opt, " ".join(cmd) or "entgraph")
    return found


def page_options(page):
    text = open(page, encoding="ascii").read()
    text = text.replace("\\-", "-")
    text = re.sub(r"\\f[BIRP]", " ", text)
    opts = set()
    for line in text.splitlines():
        if line.startswith(".\\\""):
            continue
        opts.update(o for o in OPTION.findall(line) if o != "-" )
    return opts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--page", default="docs/entgraph.1")
    a = ap.parse_args()
    failed = 0
    helps, page = help_options(a.bin), page_options(a.page)
    for opt in sorted(set(helps) - page):
        print("FAIL %s (in %s --help) is not in %s" % (opt, helps[opt], a.page))
        failed += 1
    for opt in sorted(page - set(helps)):
        print("FAIL %s is in %s but in no --help" % (opt, a.page))
        failed += 1
    if not failed:
        print("PASS the %d options of --help are the man page's" % len(helps))
    groff = subprocess.run(["groff", "-man", "-ww", "-z", a.page], capture_output=True, text=True)
    if groff.returncode or groff.stderr:
        print("FAIL groff warns: " + groff.stderr.strip()[:300])
        failed += 1
    else:
        print("PASS groff formats the page without a warning")
    man = subprocess.run(["man", "-l", a.page], capture_output=True, text=True,
                         env={"MANPAGER": "cat", "PAGER": "cat", "COLUMNS": "80", "PATH": "/usr/bin:/bin"})
    if man.returncode or "entgraph build" not in man.stdout:
        print("FAIL man -l does not render the page: " + man.stderr.strip()[:300])
        failed += 1
    else:
        print("PASS man renders the page")
    print("docs: %s" % ("0 failed" if not failed else "%d failed" % failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
