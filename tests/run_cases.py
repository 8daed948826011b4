#!/usr/bin/env python3
r"""End-to-end cases for entgraph: one .case file per behaviour.

Usage:
    run_cases.py --bin PATH [--root DIR] [-v] [-k SUBSTRING] CASE_OR_DIR...

Every FILE.case is one behaviour, named after it
(possessive-matches-base-name.case). For each case the runner makes a fresh
temporary directory {tmp}, writes the case's files into it, runs the binary
there (cwd = {tmp}) and checks exit code, stderr/stdout and the JSON graph.
It prints one line per case, `PASS name` or `FAIL name: reason` (with -v the
command and its stderr follow a failure, indented), then the closing line
`N passed, M failed`, and exits 1 when any case failed.

Case file format
----------------
A case is a sequence of sections. A section starts with a header line

    == NAME [WORD...]

and runs to the next header. Lines before the first header are a free
description. In every section except `file` and `stdin`, blank lines and
lines starting with `#` are ignored.

Placeholders, replaced in `args` and in every path: {bin} the binary,
{root} the repository, {data} = {root}/tests/data, {dict} = {root}/dict
(the shipped gazetteer), {tmp} the case's temporary directory. In `args`
each placeholder becomes one shell-quoted word; relative paths are relative
to {tmp}.

Running:
  == args               the command line after the binary, split like a shell
                        (shlex); several lines are joined with spaces.
                        {bin} is prepended automatically.
  == before             command lines (after the binary, one a line) run
                        first, in order, each of which must exit 0: the
                        steps that make the command's inputs (count before
                        merge).
  == stdin [FLAGS]      bytes for the standard input (default: empty).
  == file PATH [FLAGS]  create PATH (relative to {tmp}; parents made) with the
                        section's lines as content. Repeatable. Content is
                        taken literally (`#` lines kept), lines joined by "\n",
                        with a final "\n" unless FLAGS has `noeol`.
                        FLAGS `escapes`: decode \xNN (a raw byte), \uXXXX,
                        \n \t \r \0 \\ in the content. An empty section with
                        `noeol` makes an empty file.
  == symlink            lines `LINK -> TARGET`: make symbolic links (LINK
                        relative to {tmp}, TARGET written as given), after
                        the files.
  == deterministic      run the command a second time; every output file
                        (each -o/--output; for X.csv the X.nodes.csv,
                        X.edges.csv and X.timeline.csv it writes) must be
                        byte-identical to the first run's.

Checking the run:
  == exit               expected exit code (default 0).
  == stderr             each line is a regex (Python re, MULTILINE) that must
                        match somewhere in stderr.
  == stderr-not         each line is a regex that must NOT match stderr.
  == stderr-lines       N: stderr has exactly N lines (1 = "exactly one
                        line", 0 = silent).
  == stdout / == stdout-lines   the same for stdout.

Checking files:
  == file-exists        paths that must exist after the run.
  == file-absent        paths that must not exist after the run; their
                        directory must hold the same entries as before the
                        run (no temp file left behind); a missing directory
                        must still be missing.
  == file-unchanged     paths that must be byte-identical to before the run
                        (create them with `file`); their directory must hold
                        the same entries as before the run.
  == contains           lines `PATH REGEX`: the regex (Python re, MULTILINE)
                        matches somewhere in the file PATH after the run
                        (for outputs the JSON checks do not read, e.g. CSV).
  == contains-not       lines `PATH REGEX`: the regex does NOT match PATH.
  == same-files         lines `A B`: the two files are byte-identical after
                        the run (an output of `before` against the run's:
                        the same graph for -j 1 and -j 3).
  == wellformed [PATH...]  the listed outputs (default: every -o output that
                        exists) parse: .json as strict UTF-8 JSON, .graphml
                        (and any other) as XML 1.0, .png as a whole PNG.

Checking the graph (JSON node-link output):
  == json               PATH of the JSON output to check; default: the first
                        -o/--output argument ending in .json.
  == nodes              one node per line: `ID [CHECK]...`, a CHECK being
                        ATTR=VALUE (numbers compare numerically), ATTR~REGEX
                        (re.search on the value as text) or ATTR:TYPE (the
                        JSON type: str, int, number or bool). Lines are
                        shlex-split, so quote values with spaces:
                        label="Dmitry Peskov".
  == no-nodes           ids that must not be nodes.
  == edges              `A -- B [CHECK]...`, undirected, CHECK as for nodes.
  == no-edges           `A -- B` pairs that must not be edges.
  == node-count / == edge-count   N: exact number of nodes / links.

Whenever the JSON output is loaded, node-link invariants are checked too:
directed and multigraph are false, node ids are unique strings, every link
joins two existing nodes, no self-loop, no duplicate pair.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

TIMEOUT = 30

# sections whose lines are data, not comments
RAW_SECTIONS = {"file", "stdin"}
KNOWN = {
    "args", "stdin", "file", "deterministic", "exit", "stderr", "stderr-not",
    "stderr-lines", "stdout", "stdout-not", "stdout-lines", "file-exists",
    "file-absent", "file-unchanged", "wellformed", "json", "nodes",
    "no-nodes", "edges", "no-edges", "node-count", "edge-count", "symlink",
    "contains", "contains-not", "before", "same-files",
}
FLAGS = {"escapes", "noeol"}


class CaseError(Exception):
    """The .case file itself is malformed."""


class Fail(Exception):
    """A check failed; the message is the one-line reason."""


class Section:
    def __init__(self, name, words, lineno):
        self.name = name
        self.words = words
        self.lineno = lineno
        self.lines = []

    def items(self):
        """Meaningful lines: comments and blank lines dropped, stripped."""
        return [l.strip() for l in self.lines
                if l.strip() and not l.lstrip().startswith("#")]

    def raw_bytes(self):
        flags = set(self.words[1:] if self.name == "file" else self.words)
        bad = flags - FLAGS
        if bad:
            raise CaseError("line %d: unknown flag(s) %s" % (self.lineno, " ".join(sorted(bad))))
        lines = list(self.lines)
        while lines and lines[-1] == "":  # blank lines before the next header
            lines.pop()
        text = "\n".join(lines)
        if lines and "noeol" not in flags:
            text += "\n"
        if "escapes" in flags:
            return decode_escapes(text)
        return text.encode("utf-8")


def decode_escapes(text):
    out = bytearray()
    i = 0
    simple = {"n": b"\n", "t": b"\t", "r": b"\r", "0": b"\0", "\\": b"\\"}
    while i < len(text):
        c = text[i]
        if c != "\\" or i + 1 == len(text):
            out += c.encode("utf-8")
            i += 1
            continue
        e = text[i + 1]
        if e in simple:
            out += simple[e]
            i += 2
        elif e == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", text[i + 2:i + 4]):
            out.append(int(text[i + 2:i + 4], 16))
            i += 4
        elif e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2:i + 6]):
            out += chr(int(text[i + 2:i + 6], 16)).encode("utf-8")
            i += 6
        else:
            raise CaseError("bad escape \\%s" % e)
    return bytes(out)


def parse_case(path):
    sections = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("== "):
                words = line[3:].split()
                if not words or words[0] not in KNOWN:
                    raise CaseError("line %d: unknown section %r" % (lineno, line))
                cur = Section(words[0], words[1:], lineno)
                if cur.name == "file" and not cur.words:
                    raise CaseError("line %d: file section needs a PATH" % lineno)
                sections.append(cur)
            elif cur is not None:
                cur.lines.append(line)
    names = [s.name for s in sections]
    if names.count("args") != 1:
        raise CaseError("needs exactly one 'args' section")
    for s in sections:
        if s.name not in ("file",) and names.count(s.name) > 1:
            raise CaseError("section %r given twice" % s.name)
    return {s.name: s for s in sections if s.name != "file"}, [s for s in sections if s.name == "file"]


def one_int(sec):
    items = sec.items()
    if len(items) != 1 or not re.fullmatch(r"-?\d+", items[0]):
        raise CaseError("line %d: %s wants one integer" % (sec.lineno, sec.name))
    return int(items[0])


class Env:
    def __init__(self, binary, root, tmp):
        self.values = {
            "{bin}": binary,
            "{root}": root,
            "{data}": os.path.join(root, "tests", "data"),
            "{dict}": os.path.join(root, "dict"),
            "{tmp}": tmp,
        }
        self.tmp = tmp

    def path(self, text):
        for k, v in self.values.items():
            text = text.replace(k, v)
        return os.path.join(self.tmp, text)  # absolute paths stay absolute

    def args(self, text):
        for k, v in self.values.items():
            text = text.replace(k, shlex.quote(v))
        return shlex.split(text)


def output_paths(argv):
    """The -o/--output arguments of a command line, in order."""
    outs = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-o", "--output") and i + 1 < len(argv):
            outs.append(argv[i + 1])
            i += 2
            continue
        if a.startswith("--output="):
            outs.append(a[len("--output="):])
        elif a.startswith("-o") and len(a) > 2 and not a.startswith("--"):
            outs.append(a[2:])
        i += 1
    return outs


def run(argv, stdin, cwd):
    try:
        p = subprocess.run(argv, input=stdin, cwd=cwd, capture_output=True, timeout=TIMEOUT)
    except FileNotFoundError:
        raise Fail("cannot run %s" % argv[0])
    except PermissionError:
        raise Fail("cannot execute %s" % argv[0])
    except subprocess.TimeoutExpired:
        raise Fail("timed out after %ds" % TIMEOUT)
    return p


def snapshot(paths):
    """Before the run: bytes of each file and entries of each directory."""
    snap = {}
    for p in paths:
        d = os.path.dirname(p)
        snap[p] = {
            "bytes": open(p, "rb").read() if os.path.isfile(p) else None,
            "dir": sorted(os.listdir(d)) if os.path.isdir(d) else None,
        }
    return snap


def check_dir_same(p, before, show):
    d = os.path.dirname(p)
    now = sorted(os.listdir(d)) if os.path.isdir(d) else None
    if before["dir"] is None and now is not None:
        raise Fail("%s: directory was created" % show)
    if before["dir"] is not None and now != before["dir"]:
        extra = sorted(set(now or []) - set(before["dir"]))
        gone = sorted(set(before["dir"]) - set(now or []))
        raise Fail("%s: directory entries changed (new: %s, gone: %s)"
                   % (show, " ".join(extra) or "-", " ".join(gone) or "-"))


def text_lines(b):
    s = b.decode("utf-8", "replace")
    return s.splitlines()


def check_contains(secs, env):
    for key, want in (("contains", True), ("contains-not", False)):
        for line in secs[key].items() if key in secs else []:
            show, _, rx = line.partition(" ")
            if not rx:
                raise CaseError("%s: want `PATH REGEX`, got %r" % (key, line))
            full = env.path(show)
            if not os.path.isfile(full):
                raise Fail("%s: no such file" % show)
            text = open(full, "rb").read().decode("utf-8", "replace")
            if bool(re.search(rx.strip(), text, re.M)) != want:
                raise Fail("%s %s /%s/: %s" % (show, "does not match" if want else "matches",
                                               rx.strip(), brief(text)))


def check_stream(secs, key, data):
    text = data.decode("utf-8", "replace")
    if key in secs:
        for rx in secs[key].items():
            if not re.search(rx, text, re.M):
                raise Fail("%s does not match /%s/: %s" % (key, rx, brief(text)))
    if key + "-not" in secs:
        for rx in secs[key + "-not"].items():
            if re.search(rx, text, re.M):
                raise Fail("%s matches /%s/: %s" % (key, rx, brief(text)))
    if key + "-lines" in secs:
        want = one_int(secs[key + "-lines"])
        got = len(text_lines(data))
        if got != want:
            raise Fail("%s has %d line(s), want %d: %s" % (key, got, want, brief(text)))


def brief(text, n=160):
    text = text.strip().replace("\n", " | ")
    if not text:
        return "(empty)"
    return text if len(text) <= n else text[:n] + "..."


def load_graph(path, show):
    if not os.path.isfile(path):
        raise Fail("%s: no such output" % show)
    raw = open(path, "rb").read()
    try:
        g = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise Fail("%s: not strict UTF-8 JSON: %s" % (show, e))
    if not isinstance(g, dict):
        raise Fail("%s: top level is not an object" % show)
    if g.get("directed") is not False or g.get("multigraph") is not False:
        raise Fail("%s: directed/multigraph must be false" % show)
    nodes, links = g.get("nodes"), g.get("links")
    if not isinstance(nodes, list) or not isinstance(links, list):
        raise Fail("%s: nodes and links must be lists" % show)
    by_id = {}
    for n in nodes:
        if not isinstance(n, dict) or not isinstance(n.get("id"), str):
            raise Fail("%s: node without a string id: %r" % (show, n))
        if n["id"] in by_id:
            raise Fail("%s: duplicate node id %r" % (show, n["id"]))
        by_id[n["id"]] = n
    edges = {}
    for e in links:
        s, t = e.get("source"), e.get("target")
        if s not in by_id or t not in by_id:
            raise Fail("%s: link %r -- %r joins unknown nodes" % (show, s, t))
        if s == t:
            raise Fail("%s: self-loop on %r" % (show, s))
        k = frozenset((s, t))
        if k in edges:
            raise Fail("%s: duplicate link %s -- %s" % (show, s, t))
        edges[k] = e
    return by_id, edges


def attr_ok(actual, op, want):
    if op == "~":
        return actual is not None and re.search(want, str(actual)) is not None
    if isinstance(actual, bool) or actual is None:
        return str(actual).lower() == want.lower()
    if isinstance(actual, (int, float)):
        try:
            return float(actual) == float(want)
        except ValueError:
            return False
    return actual == want


JSON_TYPES = {"str": (str,), "int": (int,), "number": (int, float), "bool": (bool,)}


def check_attrs(obj, specs, what):
    for spec in specs:
        m = re.match(r"^([A-Za-z_][\w.-]*)(=|~|:)(.*)$", spec, re.S)
        if not m:
            raise CaseError("bad attribute check %r" % spec)
        key, op, want = m.groups()
        if key not in obj:
            raise Fail("%s has no attribute %r" % (what, key))
        if op == ":":
            if want not in JSON_TYPES:
                raise CaseError("unknown type %r in %r" % (want, spec))
            v = obj[key]
            ok = isinstance(v, JSON_TYPES[want]) and (want == "bool" or not isinstance(v, bool))
            if not ok:
                raise Fail("%s: %s is %r, want a JSON %s" % (what, key, v, want))
            continue
        if not attr_ok(obj[key], op, want):
            raise Fail("%s: %s is %r, want %s%s" % (what, key, obj[key], op, want))


def split_check(line, sec):
    try:
        return shlex.split(line)
    except ValueError as e:
        raise CaseError("line %d: %s" % (sec.lineno, e))


def edge_words(words, sec):
    if len(words) < 3 or words[1] != "--":
        raise CaseError("%s section: want `A -- B ...`, got %r" % (sec.name, " ".join(words)))
    return words[0], words[2], words[3:]


def check_graph(secs, env, outs):
    graph_keys = ("nodes", "no-nodes", "edges", "no-edges", "node-count", "edge-count")
    if not any(k in secs for k in graph_keys) and "json" not in secs:
        return
    if "json" in secs:
        items = secs["json"].items()
        if len(items) != 1:
            raise CaseError("json section wants one path")
        show = items[0]
        path = env.path(show)
    else:
        js = [o for o in outs if o.endswith(".json")]
        if not js:
            raise CaseError("graph checks need a .json output (-o X.json or a json section)")
        show = js[0]
        path = os.path.join(env.tmp, js[0])
    nodes, edges = load_graph(path, os.path.basename(show))
    for line in secs["nodes"].items() if "nodes" in secs else []:
        words = split_check(line, secs["nodes"])
        nid = words[0]
        if nid not in nodes:
            raise Fail("node %s missing (have: %s)" % (nid, " ".join(sorted(nodes)) or "none"))
        check_attrs(nodes[nid], words[1:], "node " + nid)
    for line in secs["no-nodes"].items() if "no-nodes" in secs else []:
        if line in nodes:
            raise Fail("unexpected node %s" % line)
    for line in secs["edges"].items() if "edges" in secs else []:
        a, b, specs = edge_words(split_check(line, secs["edges"]), secs["edges"])
        e = edges.get(frozenset((a, b)))
        if e is None:
            have = sorted("%s--%s" % tuple(sorted(k)) for k in edges)
            raise Fail("edge %s -- %s missing (have: %s)" % (a, b, brief(" ".join(have)) if have else "none"))
        check_attrs(e, specs, "edge %s -- %s" % (a, b))
    for line in secs["no-edges"].items() if "no-edges" in secs else []:
        a, b, _ = edge_words(split_check(line, secs["no-edges"]), secs["no-edges"])
        e = edges.get(frozenset((a, b)))
        if e is not None:
            raise Fail("unexpected edge %s -- %s (count %s)" % (a, b, e.get("count")))
    if "node-count" in secs:
        want = one_int(secs["node-count"])
        if len(nodes) != want:
            raise Fail("%d nodes, want %d (%s)" % (len(nodes), want, brief(" ".join(sorted(nodes)))))
    if "edge-count" in secs:
        want = one_int(secs["edge-count"])
        if len(edges) != want:
            have = sorted("%s--%s" % tuple(sorted(k)) for k in edges)
            raise Fail("%d edges, want %d (%s)" % (len(edges), want, brief(" ".join(have))))


def check_wellformed(sec, env, outs):
    paths = [env.path(p) for p in sec.items()] or \
        [os.path.join(env.tmp, o) for o in outs if os.path.exists(os.path.join(env.tmp, o))]
    if not paths:
        raise Fail("wellformed: no output to check")
    for p in paths:
        show = os.path.basename(p)
        if not os.path.isfile(p):
            raise Fail("%s: no such output" % show)
        raw = open(p, "rb").read()
        if p.endswith(".json"):
            try:
                json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as e:
                raise Fail("%s: not well-formed JSON: %s" % (show, e))
        elif p.endswith(".png"):
            if not (raw.startswith(b"\x89PNG\r\n\x1a\n") and raw[12:16] == b"IHDR"
                    and raw.endswith(b"IEND\xaeB`\x82")):
                raise Fail("%s: not a whole PNG" % show)
        else:
            try:
                ET.fromstring(raw)
            except ET.ParseError as e:
                raise Fail("%s: not well-formed XML: %s" % (show, e))


def run_case(path, binary, root, verbose):
    secs, files = parse_case(path)
    tmp = tempfile.mkdtemp(prefix="eg-case-")
    detail = []
    try:
        env = Env(binary, root, tmp)
        for f in files:
            target = env.path(f.words[0])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as fh:
                fh.write(f.raw_bytes())
        for line in secs["symlink"].items() if "symlink" in secs else []:
            m = re.fullmatch(r"(\S+)\s+->\s+(\S+)", line)
            if not m:
                raise CaseError("symlink: want `LINK -> TARGET`, got %r" % line)
            link = env.path(m.group(1))
            os.makedirs(os.path.dirname(link), exist_ok=True)
            os.symlink(m.group(2), link)
        for line in secs["before"].items() if "before" in secs else []:
            step = [binary] + env.args(line)
            q = run(step, b"", tmp)
            if q.returncode != 0:
                raise Fail("before: %s: exit %d; stderr: %s" % (line, q.returncode,
                           brief(q.stderr.decode("utf-8", "replace"))))
        argv = [binary] + env.args(" ".join(secs["args"].items()))
        detail.append("command: " + " ".join(shlex.quote(a) for a in argv))
        outs = output_paths(argv[1:])
        stdin = secs["stdin"].raw_bytes() if "stdin" in secs else b""
        watched = {}
        for key in ("file-absent", "file-unchanged"):
            if key in secs:
                for p in secs[key].items():
                    watched[p] = env.path(p)
        snap = snapshot(watched.values())
        for show, p in watched.items():
            if show in (secs["file-unchanged"].items() if "file-unchanged" in secs else []) \
                    and snap[p]["bytes"] is None:
                raise CaseError("file-unchanged %s: create it with a file section" % show)

        p = run(argv, stdin, tmp)
        detail.append("exit %d; stderr: %s" % (p.returncode, brief(p.stderr.decode("utf-8", "replace"), 2000)))
        want_exit = one_int(secs["exit"]) if "exit" in secs else 0
        if p.returncode != want_exit:
            raise Fail("exit %d, want %d; stderr: %s"
                       % (p.returncode, want_exit, brief(p.stderr.decode("utf-8", "replace"))))
        check_stream(secs, "stderr", p.stderr)
        check_stream(secs, "stdout", p.stdout)

        for show in secs["file-exists"].items() if "file-exists" in secs else []:
            if not os.path.exists(env.path(show)):
                raise Fail("%s: does not exist" % show)
        for show in secs["file-absent"].items() if "file-absent" in secs else []:
            full = watched[show]
            if os.path.exists(full):
                raise Fail("%s: exists after the run" % show)
            check_dir_same(full, snap[full], show)
        for show in secs["file-unchanged"].items() if "file-unchanged" in secs else []:
            full = watched[show]
            now = open(full, "rb").read() if os.path.isfile(full) else None
            if now != snap[full]["bytes"]:
                raise Fail("%s: changed by the run" % show)
            check_dir_same(full, snap[full], show)
        check_contains(secs, env)
        for line in secs["same-files"].items() if "same-files" in secs else []:
            pair = line.split()
            if len(pair) != 2:
                raise CaseError("same-files wants two paths a line: %r" % line)
            got = [open(env.path(x), "rb").read() if os.path.isfile(env.path(x)) else None
                   for x in pair]
            if got[0] is None or got[1] is None:
                raise Fail("same-files %s: missing" % line)
            if got[0] != got[1]:
                raise Fail("same-files %s: differ" % line)
        if "wellformed" in secs:
            check_wellformed(secs["wellformed"], env, outs)
        check_graph(secs, env, outs)

        if "deterministic" in secs:
            if not outs:
                raise CaseError("deterministic needs -o outputs")
            first = {}
            # -o X.csv writes X.nodes.csv, X.edges.csv (and X.timeline.csv)
            files = []
            for o in outs:
                base = os.path.basename(o).lower()
                table = any(base.endswith(t) and len(base) > len(t)
                            for t in (".nodes.csv", ".edges.csv"))
                if base.endswith(".csv") and not table:
                    stem = o[:-len(".csv")]
                    files += [stem + ".nodes.csv", stem + ".edges.csv"]
                    if os.path.isfile(os.path.join(tmp, stem + ".timeline.csv")):
                        files.append(stem + ".timeline.csv")
                else:
                    files.append(o)
            outs = files
            for o in outs:
                full = os.path.join(tmp, o)
                if not os.path.isfile(full):
                    raise Fail("%s: no such output" % o)
                first[o] = open(full, "rb").read()
                os.unlink(full)
            p2 = run(argv, stdin, tmp)
            if p2.returncode != p.returncode:
                raise Fail("second run: exit %d, first %d" % (p2.returncode, p.returncode))
            for o in outs:
                full = os.path.join(tmp, o)
                if not os.path.isfile(full) or open(full, "rb").read() != first[o]:
                    raise Fail("%s: second run's output differs" % o)
        return None
    except Fail as e:
        msg = str(e)
        if verbose:
            msg += "".join("\n    " + d for d in detail)
        return msg
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def collect(paths):
    cases = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                cases += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".case")]
        elif os.path.isfile(p):
            cases.append(p)
        else:
            raise SystemExit("run_cases.py: %s: no such case file or directory" % p)
    return cases


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Run entgraph end-to-end .case files.")
    ap.add_argument("--bin", required=True, help="the entgraph binary")
    ap.add_argument("--root", default=os.path.dirname(here), help="repository root (default: parent of tests/)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show command and stderr of failures")
    ap.add_argument("-k", dest="filter", help="only cases whose name contains this")
    ap.add_argument("cases", nargs="+", metavar="CASE_OR_DIR")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    root = os.path.abspath(a.root)

    passed = failed = 0
    for path in collect(a.cases):
        name = os.path.basename(path)[:-len(".case")]
        if a.filter and a.filter not in name:
            continue
        try:
            reason = run_case(path, binary, root, a.verbose)
        except CaseError as e:
            reason = "bad case file: %s" % e
        if reason is None:
            passed += 1
            print("PASS %s" % name)
        else:
            failed += 1
            print("FAIL %s: %s" % (name, reason))
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
