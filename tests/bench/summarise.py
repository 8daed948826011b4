#!/usr/bin/python3
"""Turn the raw repetitions of tests/bench/run.sh into the benchmark table.

  summarise.py OUTDIR

Reads OUTDIR/cases.tsv (one row per case: what ran, on which input),
OUTDIR/raw.tsv (one row per repetition: wall seconds, peak RSS, exit code,
load average), OUTDIR/logs/ID.{out,err} (the last repetition's output) and
OUTDIR/machine.txt. Writes OUTDIR/results.tsv (one row per case) and
OUTDIR/results.md (machine, cases table, targets table) and prints the
markdown to standard output.

Every ratio compares two cases run on the same input file in the same run,
interleaved repetition by repetition, as a ratio of median wall times (the
same as the ratio of MB/s). The targets are the ones of issue 4.
"""
import csv
import glob
import json
import os
import re
import statistics
import sys


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def slurp(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def graphml_counts(path):
    """(mentions, nodes, edges) of an entgraph GraphML file, or None."""
    if not path or path == "-" or not os.path.exists(path):
        return None
    mentions = nodes = edges = 0
    pat = re.compile(r'<data key="v_mentions">(\d+)</data>')
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "<node " in line:
                nodes += 1
            elif "<edge " in line:
                edges += 1
            else:
                m = pat.search(line)
                if m:
                    mentions += int(m.group(1))
    return mentions, nodes, edges


def found(case, logdir):
    """(matches, detail) that the case reports about its own work."""
    out = slurp(os.path.join(logdir, case["id"] + ".out"))
    err = slurp(os.path.join(logdir, case["id"] + ".err"))
    kind = case["kind"]
    if kind == "eg":
        c = graphml_counts(case["artifact"])
        if c is None:
            return "", ""
        detail = f"{c[1]} nodes, {c[2]} edges"
        stats = case["artifact"][: -len(".graphml")] + ".stats.json"
        try:
            with open(stats, encoding="utf-8") as f:
                sec = json.load(f).get("seconds", {})
            detail += "; last run: " + ", ".join(f"{k} {v:.2f} s" for k, v in sec.items())
        except (OSError, ValueError, AttributeError):
            pass
        return str(c[0]), detail
    if kind == "hs":
        m = re.search(r"matches=(\d+)", out)
        c = re.search(r"compile ([\d.]+)s", err)
        s = re.search(r"scan ([\d.]+)s", err)
        detail = []
        if c:
            detail.append(f"compile {float(c.group(1)):.2f} s")
        if s and case["input_bytes"] != "0":
            detail.append(f"scan {float(s.group(1)):.2f} s")
        return (m.group(1) if m else ""), ", ".join(detail)
    if kind == "py":
        m = re.search(r"matches=(\d+)", out)
        n = re.search(r"nodes=(\d+) edges=(\d+)", out)
        return (m.group(1) if m else ""), (f"{n.group(1)} nodes, {n.group(2)} edges" if n else "")
    if kind == "rg":
        m = re.search(r"^\s*(\d+)\s*$", out, re.M)
        return (m.group(1) if m else ""), ""
    if kind == "limit":
        m = re.search(r"newlines=(\d+)", out)
        return "", (f"{m.group(1)} newlines" if m else "")
    return "", ""


def fmt_mbps(v):
    if v is None:
        return ""
    return f"{v:,.1f}" if v >= 10 else f"{v:.3g}"


def fmt_rss(v):
    return "" if v is None else f"{v:.0f}"


def main():
    outdir = sys.argv[1]
    cases = read_tsv(os.path.join(outdir, "cases.tsv"))
    raw = read_tsv(os.path.join(outdir, "raw.tsv"))
    logdir = os.path.join(outdir, "logs")
    machine = slurp(os.path.join(outdir, "machine.txt")).strip()

    res = {}
    for c in cases:
        reps = [r for r in raw if r["id"] == c["id"]]
        ok = [r for r in reps if r["rc"] == "0"]
        bad = [r for r in reps if r["rc"] != "0"]
        walls = [float(r["wall_s"]) for r in ok]
        rss = [int(r["maxrss_kb"]) for r in ok if r["maxrss_kb"]]
        nbytes = int(c["input_bytes"])
        med = statistics.median(walls) if walls else None
        matches, detail = found(c, logdir) if walls else ("", "")
        status = "ok"
        if bad:
            rc = bad[0]["rc"]
            why = "timeout" if rc == "124" else f"rc={rc}"
            errl = [l for l in slurp(os.path.join(logdir, c["id"] + ".err")).splitlines() if l.strip()]
            status = f"FAILED {why}" + (f": {errl[-1][:160]}" if errl else "")
        elif not reps:
            status = "not run"
        res[c["id"]] = dict(
            c,
            runs=len(walls),
            median=med,
            lo=min(walls) if walls else None,
            hi=max(walls) if walls else None,
            mbps=(nbytes / 1e6 / med) if med and nbytes else None,
            rss_mb=(max(rss) / 1024) if rss else None,
            loads="/".join(r["load1"] for r in reps),
            matches=matches,
            detail=detail,
            status=status,
        )

    # results.tsv: one row per case
    cols = ["id", "what", "gazetteer", "input", "input_bytes", "runs", "median_wall_s", "min_wall_s",
            "max_wall_s", "MB_per_s", "peak_rss_MB", "matches", "detail", "load1_per_rep", "status", "command"]
    with open(os.path.join(outdir, "results.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for c in cases:
            r = res[c["id"]]
            row = [r["id"], r["what"], r["gazetteer"], r["input"], r["input_bytes"], str(r["runs"]),
                   f"{r['median']:.4f}" if r["median"] is not None else "",
                   f"{r['lo']:.4f}" if r["lo"] is not None else "",
                   f"{r['hi']:.4f}" if r["hi"] is not None else "",
                   f"{r['mbps']:.2f}" if r["mbps"] is not None else "",
                   f"{r['rss_mb']:.1f}" if r["rss_mb"] is not None else "",
                   r["matches"], r["detail"], r["loads"], r["status"], r["command"]]
            f.write("\t".join(x.replace("\t", " ") for x in row) + "\n")

    md = ["# entgraph benchmark (`make bench`)", "", "```", machine, "```", "",
          "| case | what | names | input | runs | median s (min–max) | MB/s | peak RSS MB | matches | detail | status |",
          "|---|---|---|---|---:|---:|---:|---:|---:|---|---|"]
    for c in cases:
        r = res[c["id"]]
        wall = f"{r['median']:.3f} ({r['lo']:.3f}–{r['hi']:.3f})" if r["median"] is not None else ""
        size = int(r["input_bytes"]) / 1e6
        md.append(f"| {r['id']} | {r['what']} | {r['gazetteer']} | {r['input']} ({size:,.1f} MB) | {r['runs']} | {wall} | "
                  f"{fmt_mbps(r['mbps'])} | {fmt_rss(r['rss_mb'])} | "
                  f"{r['matches']} | {r['detail']} | {r['status']} |")

    # --- targets ---
    def wall(i):
        r = res.get(i)
        return r["median"] if r and r["median"] is not None else None

    def speedup(fast, slow):  # how many times faster `fast` is than `slow`
        a, b = wall(fast), wall(slow)
        return b / a if a and b else None

    rows = []

    def target(name, value, shown, goal, ok, compared):
        verdict = "n/a" if value is None else ("PASS" if ok(value) else "MISS")
        rows.append(f"| {name} | {shown if value is not None else '–'} | {goal} | **{verdict}** | {compared} |")

    main_in = res["eg150-j1"]["input"] if "eg150-j1" in res else "?"
    # Issue 16: the 150k comparisons twice, each row labelled with the
    # analytics entgraph computes; a raw.tsv from before eg150-noan-j1
    # existed gives n/a on its rows.
    default_an = "default analytics (betweenness ≤ 5,000 nodes, layout, communities)"
    no_an = "no analytics (--no-betweenness --layout none --communities none)"
    noan_missing = "" if "eg150-noan-j1" in res else " (eg150-noan-j1 not in this run)"
    v = speedup("eg150-j1", "hs150")
    target(f"150k names, {default_an}: entgraph -j1 vs Hyperscan leftmost-longest", v,
           f"{v:.2f}×" if v else "", "≥ 10×", lambda x: x >= 10, f"eg150-j1 / hs150 on {main_in}")
    v = speedup("eg150-noan-j1", "py150")
    py = res.get("py150")
    target(f"150k names, {no_an}: entgraph -j1 vs Python (pyahocorasick + networkx, which computes none either)",
           v, f"{v:.1f}×" if v else "", "≥ 50×", lambda x: x >= 50,
           f"eg150-noan-j1 / py150 on {py['input'] if py else '?'} (Python: {py['runs'] if py else 0} run)"
           + noan_missing)
    for case, label in (("eg150-j1", "default analytics"), ("eg150-noan-j1", "no analytics")):
        v = speedup("memchr", case)
        v = 1 / v if v else None
        rows.append(f"| 150k names, {label}: entgraph -j1 as a fraction of the memchr limit | "
                    f"{f'{100 * v:.2f} %' if v else '–'} | (report) | {'–' if v else '**n/a**'} | "
                    f"{case} MB/s / memchr MB/s on {main_in}{'' if case in res else f' ({case} not in this run)'} |")
    v = speedup("eg1k-j1", "rg1k")
    target("1k names: entgraph -j1 vs rg -F -i -w -j1", v, f"{v:.2f}×" if v else "", "≥ 1×",
           lambda x: x >= 1, f"eg1k-j1 / rg1k on {main_in}")
    v = speedup("eg1k-j1", "hs1k")
    target("1k names: entgraph -j1 vs Hyperscan (aim)", v, f"{v:.2f}×" if v else "", "≥ 1× (aim)",
           lambda x: x >= 1, f"eg1k-j1 / hs1k on {main_in}")
    if "eg150-j2" in res:
        v = speedup("eg150-j2", "eg150-j1")
        target("150k names, default analytics: entgraph -j2 vs -j1", v, f"{v:.2f}×" if v else "", "≥ 1.8×",
               lambda x: x >= 1.8, f"eg150-j2 / eg150-j1 on {main_in}")
    else:
        rows.append("| 150k names, default analytics: entgraph -j2 vs -j1 | – | ≥ 1.8× | **n/a** | "
                    "this entgraph has no -j option |")
    r1 = res.get("eg150-j1", {}).get("rss_mb")
    target("peak RSS, 150k names", r1, f"{r1:.0f} MB" if r1 else "", "< 300 MB",
           lambda x: x < 300, f"eg150-j1 on {main_in}, largest of the runs")
    big = res.get("eg150-big")
    if big and big["rss_mb"] is not None and r1:
        v = big["rss_mb"] / r1
        target("peak RSS on 10× the corpus vs 1×", v, f"{big['rss_mb']:.0f} MB = {v:.3f}×", "≤ 1.10×",
               lambda x: x <= 1.10, f"eg150-big on {big['input']} vs eg150-j1")
    else:
        m = re.search(r"big run: (.*)", machine)
        why = big["status"] if big else (m.group(1) if m else "not run")
        rows.append(f"| peak RSS on 10× the corpus vs 1× | – | ≤ 1.10× | **n/a** | {why} |")
    v = wall("eg150-load")
    hs_load = wall("hs150-load")
    hs_detail = res.get("hs150-load", {}).get("detail", "")
    target("150k names: dictionary load + compile (entgraph on empty input)", v, f"{v:.3f} s" if v else "", "< 1 s",
           lambda x: x < 1, f"Hyperscan on empty input: {f'{hs_load:.3f} s' if hs_load else '–'} wall ({hs_detail})"
           + (f", {hs_load / v:.1f}× entgraph" if v and hs_load else ""))

    # --- tagging rules: the count stage with and without discovery ---
    def count_stages(i):  # every repetition's count stage, from its --stats
        r = res.get(i)
        if not r or not r.get("artifact"):
            return []
        stem = r["artifact"][: -len(".graphml")] + ".stats"
        seconds = []
        for path in sorted(glob.glob(glob.escape(stem) + ".*.json")) or [stem + ".json"]:
            try:
                with open(path, encoding="utf-8") as f:
                    seconds.append(json.load(f)["seconds"]["count"])
            except (OSError, ValueError, KeyError):
                pass
        return seconds

    def count_stage(i):  # their median
        runs = count_stages(i)
        return statistics.median(runs) if runs else None

    def growth(a, b):  # a's count stage over b's, as a fraction
        return (a - b) / b if a and b else None

    def reported(name, v, compared):
        rows.append(f"| {name} | {f'{100 * v:+.1f} %' if v is not None else '–'} | (report) | – | "
                    f"{compared}, median count stage |")

    on, off, bare = count_stage("egdict-j1"), count_stage("egdict-nodisc-j1"), count_stage("egdict-norules-j1")
    v = (on - off) / on if on and off else None
    target("discovery's share of the count stage (shipped dict)", v,
           f"{100 * v:.0f} % ({on:.2f} s with, {off:.2f} s without)" if v is not None else "",
           "≤ 20 %", lambda x: x <= 0.20, "egdict-j1 vs egdict-nodisc-j1, median count stage")
    reported("all tagging rules vs none, count stage (shipped dict)", growth(on, bare),
             "egdict-j1 vs egdict-norules-j1")

    # --- the same with the 150k names: resolution's cost (issue 11) ---
    full, nodisc, before = count_stage("eg150-j1"), count_stage("eg150-nodisc-j1"), count_stage("eg150-oldrules-j1")
    v = growth(nodisc, before)
    target("ambiguity resolution's cost, count stage (150k names)", v,
           f"{100 * v:+.1f} % ({nodisc:.2f} s with, {before:.2f} s with partial,initial only)" if v is not None else "",
           "≤ 10 %", lambda x: x <= 0.10, "eg150-nodisc-j1 vs eg150-oldrules-j1, median count stage")
    reported("all tagging rules vs the rules before resolution and discovery, count stage (150k names)",
             growth(full, before), "eg150-j1 vs eg150-oldrules-j1")

    # --- issue 14: what --period year and --window tokens:4 add to the count stage ---
    base = count_stage("egopt-base")
    for case, name in (("egopt-year", "--period year"), ("egopt-tok4", "--window tokens:4")):
        runs, v = count_stages(case), growth(count_stage(case), base)
        target(f"{name}: its cost in the count stage (150k names)", v,
               f"{100 * v:+.1f} % ({count_stage(case):.2f} s vs {base:.2f} s)" if v is not None else "",
               "≤ 15 %", lambda x: x <= 0.15,
               f"{case} vs egopt-base, medians of {len(runs)} count stages (issue 14)")

    md += ["", "## Targets (issues 4 and 16)", "",
           "| target | measured | goal | verdict | compared |", "|---|---:|---|---|---|"] + rows
    md += ["", "Ratios are of median wall times of whole processes (start-up, dictionary compile, "
           "read, work, output) on the same input in the same run, repetitions interleaved. "
           "Matches are not the same thing for every tool: entgraph counts mentions (its case "
           "policy: names in lower case do not match all-lower-case text, all-caps names match "
           "only as written), Hyperscan and Python count caseless word-bounded leftmost-longest "
           "hits, rg counts caseless whole-word hits (leftmost-first). ripgrep and GNU grep with "
           "the 150k names collapse (minutes and gigabytes for 200 KB) and are not run: see "
           "../shared/bench/RESULTS.md.", ""]
    text = "\n".join(md)
    with open(os.path.join(outdir, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    print(f"written: {os.path.join(outdir, 'results.md')}, results.tsv, raw.tsv (every repetition), logs/")


if __name__ == "__main__":
    main()
