#!/usr/bin/python3
"""Do Gephi-bound and web-bound files carry what their readers need?

Usage (Debian's python, which has python3-networkx):
    /usr/bin/python3 tests/consumers/check_formats.py --bin ./entgraph [--root DIR]

Corpora: the Wikinews articles of tests/data/wikinews as dated JSONL (the
date comes from each file name), the seed article alone, and for GraphML
the shared Wikinews sample (../shared/data/wikinews/sample) when it is
there, else tests/data/wikinews. Checks:

  - GEXF 1.3 validates against the official RelaxNG schema
    (tests/schemas/gexf-1.3, xmllint --relaxng); every node has
    viz:position, viz:size and viz:color, every node and edge a spell;
  - GEXF 1.2draft (--gexf-version 1.2) loads in networkx.read_gexf with
    the node-link JSON's nodes, labels, edges and weights, and the
    dictionary's lat, lon and population as the same numbers;
  - with --period month, GEXF 1.3 validates and has one dynamic attvalue
    per month with the JSON timeline's count, and networkx loads the
    1.2draft file with the same counts per month;
  - GraphML declares label, x, y, size, r, g, b (nodes) and weight
    (edges) under the names Gephi's importer maps, and community;
  - the CSV pair has Gephi's Id/Label and Source/Target/Type/Weight
    columns and the same nodes and edges;
  - --json-style vosviewer is a VOSviewer JSON file with the fields
    VOSviewer Online's documentation lists (app.vosviewer.com/docs/
    file-types/json-file-type/): items with id, label, description, x,
    y, cluster (1..1000), non-negative weights and scores; links with
    source_id, target_id and a non-negative strength; the node-link
    JSON's nodes, edges, positions, communities and weights; and names
    with markup are escaped in the HTML description;
  - --evidence 2 puts on the Beslan -- Russia edge of the seed graph the
    sentence that links them;
  - the JavaScript consumers (tests/consumers/js/check.js: graphology-gexf,
    graphology, cytoscape) load GEXF and the JSON styles. Their pinned
    packages are installed with `npm ci` when node_modules is missing;
    without node or npm this part is skipped with a SKIP line.

One line per check (`PASS name`, `FAIL name: reason` or `SKIP name:
reason`), then `N passed, M failed`; exit 1 when anything failed.
"""

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import xml.etree.ElementTree as ET

GEXF13 = "http://gexf.net/1.3"
VIZ13 = "http://gexf.net/1.3/viz"
GEXF12 = "http://www.gexf.net/1.2draft"
GEPHI_NODE_KEYS = ["label", "x", "y", "size", "r", "g", "b"]


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, fn):
        """fn() returns None/True (pass) or a reason string (fail)."""
        try:
            r = fn()
        except Exception as e:
            r = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
        if r is None or r is True:
            self.passed += 1
            print("PASS %s" % name)
        else:
            self.failed += 1
            print("FAIL %s: %s" % (name, r))
        sys.stdout.flush()


def run(binary, args, cwd):
    p = subprocess.run([binary, "build"] + args, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("entgraph %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.strip()))


def dated_jsonl(root, path):
    """tests/data/wikinews as JSONL, each article dated from its name."""
    folder = os.path.join(root, "tests", "data", "wikinews")
    with open(path, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(folder)):
            m = re.match(r"\d+-(\d{4}-\d{2}-\d{2})-", name)
            if not m:
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out.write(json.dumps({"id": name, "date": m.group(1), "text": f.read()}) + "\n")


def node_link(path):
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    nodes = {n["id"]: n for n in g["nodes"]}
    edges = {frozenset((l["source"], l["target"])): l for l in g["links"]}
    return nodes, edges


def check_gexf13(path, schema):
    p = subprocess.run(["xmllint", "--noout", "--relaxng", schema, path],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return "xmllint --relaxng: %s" % p.stderr.strip().splitlines()[0]
    root = ET.parse(path).getroot()
    if root.tag != "{%s}gexf" % GEXF13 or root.get("version") != "1.3":
        return "root is %s version %s" % (root.tag, root.get("version"))
    graph = root.find("{%s}graph" % GEXF13)
    if graph.get("mode") != "dynamic" or graph.get("timeformat") != "date":
        return "dated input but graph mode=%s timeformat=%s" % (graph.get("mode"), graph.get("timeformat"))
    nodes = graph.findall("{%s}nodes/{%s}node" % (GEXF13, GEXF13))
    edges = graph.findall("{%s}edges/{%s}edge" % (GEXF13, GEXF13))
    if not nodes or not edges:
        return "no nodes or no edges"
    for n in nodes:
        for what in ("position", "size", "color"):
            if n.find("{%s}%s" % (VIZ13, what)) is None:
                return "node %s has no viz:%s" % (n.get("id"), what)
    for el in nodes + edges:
        spell = el.find("{%s}spells/{%s}spell" % (GEXF13, GEXF13))
        if spell is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", spell.get("start", "")):
            return "%s %s has no dated spell" % (el.tag.split("}")[1], el.get("id"))
    starts = {n.find("{%s}spells/{%s}spell" % (GEXF13, GEXF13)).get("start") for n in nodes}
    if len(starts) < 2:
        return "every node starts on the same date: %s" % starts
    return None


def check_gexf12(path, json_path):
    import networkx as nx
    root = ET.parse(path).getroot()
    if root.tag != "{%s}gexf" % GEXF12:
        return "root namespace is %s" % root.tag
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = nx.read_gexf(path)
    nodes, edges = node_link(json_path)
    if set(g.nodes) != set(nodes):
        return "node ids differ from the JSON: %s" % sorted(set(g.nodes) ^ set(nodes))[:5]
    for n, d in g.nodes(data=True):
        if d.get("label") != nodes[n]["label"]:
            return "node %s label %r, want %r" % (n, d.get("label"), nodes[n]["label"])
        if "viz" not in d or "position" not in d["viz"]:
            return "node %s: networkx read no viz position" % n
        for k in ("lat", "lon", "population"):  # typed dictionary columns
            want = nodes[n].get(k)
            if want is not None and (type(d.get(k)) is not type(want) or d.get(k) != want):
                return "node %s: %s is %r in GEXF, %r in the JSON" % (n, k, d.get(k), want)
    got = {frozenset((a, b)): d for a, b, d in g.edges(data=True)}
    if set(got) != set(edges):
        return "edges differ from the JSON (%d vs %d)" % (len(got), len(edges))
    for k, d in got.items():
        if abs(float(d["weight"]) - float(edges[k]["weight"])) > 1e-9:
            return "edge %s weight %s, want %s" % (sorted(k), d["weight"], edges[k]["weight"])
    return None


VOS_WEIGHTS = ["Links", "Total link strength", "Mentions", "Documents"]
VOS_TAGS = re.compile(r"</?b>|<br>")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def vos_items(items, nodes):
    """The items against the node-link nodes; returns the problem or None."""
    if sorted(i.get("id") for i in items) != sorted(nodes):
        return "item ids differ from the JSON's nodes"
    for it in items:
        n = nodes[it["id"]]
        if it.get("label") != n["label"] or not isinstance(it.get("description"), str):
            return "item %s: label %r or description %r" % (it["id"], it.get("label"), it.get("description"))
        if "<" in VOS_TAGS.sub("", it["description"]):
            return "item %s: description has unescaped markup: %r" % (it["id"], it["description"])
        if not (is_num(it.get("x")) and is_num(it.get("y"))) or (it["x"], it["y"]) != (n["x"], n["y"]):
            return "item %s at (%r, %r), want (%r, %r)" % (it["id"], it.get("x"), it.get("y"), n["x"], n["y"])
        c = it.get("cluster")
        if type(c) is not int or not 1 <= c <= 1000 or c != n["community"] + 1:
            return "item %s: cluster %r, community %r" % (it["id"], c, n["community"])
        w, s = it.get("weights", {}), it.get("scores", {})
        if sorted(w) != sorted(VOS_WEIGHTS) or not all(is_num(v) and v >= 0 for v in w.values()):
            return "item %s: weights %r" % (it["id"], w)
        if (w["Links"], w["Mentions"], w["Documents"]) != (n["degree"], n["mentions"], n["documents"]):
            return "item %s: weights %r, node %r" % (it["id"], w, n)
        if not s or not all(is_num(v) for v in s.values()):
            return "item %s: scores %r" % (it["id"], s)
    return None


def check_vosviewer(path, json_path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    net = doc.get("network") if isinstance(doc, dict) else None
    if not isinstance(net, dict) or not isinstance(net.get("items"), list) or not isinstance(net.get("links"), list):
        return "no network.items and network.links"
    nodes, edges = node_link(json_path)
    items, links = net["items"], net["links"]
    r = vos_items(items, nodes)
    if r:
        return r
    total = {i["id"]: 0.0 for i in items}
    got = {}
    for l in links:
        a, b, s = l.get("source_id"), l.get("target_id"), l.get("strength")
        if a not in total or b not in total or not is_num(s) or s < 0:
            return "link %r" % l
        got[frozenset((a, b))] = s
        total[a] += s
        total[b] += s
    if set(got) != set(edges):
        return "links differ from the JSON's edges (%d vs %d)" % (len(got), len(edges))
    for k, s in got.items():
        if abs(s - max(0.0, float(edges[k]["weight"]))) > 1e-9:
            return "link %s strength %r, weight %r" % (sorted(k), s, edges[k]["weight"])
    for it in items:
        if abs(it["weights"]["Total link strength"] - total[it["id"]]) > 1e-6:
            return "item %s: total link strength %r, links add up to %r" % (
                it["id"], it["weights"]["Total link strength"], total[it["id"]])
    used = {i["cluster"] for i in items}
    labels = {c.get("cluster"): c.get("label") for c in net.get("clusters", [])}
    if set(labels) != used or not all(isinstance(v, str) and v for v in labels.values()):
        return "clusters %r for the clusters in use %r" % (labels, sorted(used))
    return None


def month_days(label):
    """The first and last day of a period named YYYY-MM."""
    import calendar
    y, m = int(label[:4]), int(label[5:7])
    return "%s-01" % label, "%s-%02d" % (label, calendar.monthrange(y, m)[1])


def timelines(json_path):
    """{("node", id) or ("edge", a, b): {period: count}} from node-link JSON."""
    nodes, edges = node_link(json_path)
    out = {("node", n): d["timeline"] for n, d in nodes.items() if d.get("timeline")}
    out.update({("edge",) + tuple(sorted(k)): d["timeline"] for k, d in edges.items() if d.get("timeline")})
    return out


def check_gexf_periods(path, schema, json_path):
    """--period month: valid, one dynamic attvalue per period with the JSON's counts."""
    p = subprocess.run(["xmllint", "--noout", "--relaxng", schema, path],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return "xmllint --relaxng: %s" % p.stderr.strip().splitlines()[0]
    graph = ET.parse(path).getroot().find("{%s}graph" % GEXF13)
    got = {}
    for el in graph.iter():
        tag = el.tag.split("}")[1]
        if tag not in ("node", "edge"):
            continue
        key = ("node", el.get("id")) if tag == "node" else \
              ("edge",) + tuple(sorted((el.get("source"), el.get("target"))))
        for a in el.findall("{%s}attvalues/{%s}attvalue" % (GEXF13, GEXF13)):
            if a.get("for") in ("period_mentions", "period_count"):
                got.setdefault(key, []).append((a.get("start"), a.get("end"), int(a.get("value"))))
    want = {k: [month_days(p) + (c,) for p, c in t.items()] for k, t in timelines(json_path).items()}
    if not want:
        return "the JSON has no timelines"
    if got != want:
        diff = sorted(set(got) ^ set(want)) or [k for k in want if got.get(k) != want[k]]
        return "dynamic attvalues differ from the JSON timelines at %s" % (diff[:3],)
    return None


def check_gexf12_periods(path, json_path):
    import networkx as nx
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = nx.read_gexf(path)
    for key, t in timelines(json_path).items():
        d = g.nodes[key[1]] if key[0] == "node" else g.edges[key[1], key[2]]
        name = "period_mentions" if key[0] == "node" else "period_count"
        want = [(c,) + month_days(p) for p, c in t.items()]
        if d.get(name) != want:
            return "%s %s: networkx read %r, want %r" % (key[0], key[1:], d.get(name), want)
    return None


def check_graphml_gephi(path):
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.parse(path).getroot()
    keys = {(k.get("for"), k.get("attr.name")): k for k in root.findall(ns + "key")}
    for name in GEPHI_NODE_KEYS + ["community"]:
        if ("node", name) not in keys:
            return "no node key with attr.name %r" % name
    if ("edge", "weight") not in keys:
        return "no edge key with attr.name 'weight'"
    for name in ("r", "g", "b", "community"):
        if keys[("node", name)].get("attr.type") not in ("int", "long"):
            return "node key %s is %s, Gephi parses colours as integers" % (name, keys[("node", name)].get("attr.type"))
    graph = root.find(ns + "graph")
    nodes = graph.findall(ns + "node")
    if len(nodes) < 20:
        return "only %d nodes" % len(nodes)
    for n in nodes:
        have = {d.get("key") for d in n.findall(ns + "data")}
        for name in GEPHI_NODE_KEYS:
            if keys[("node", name)].get("id") not in have:
                return "node %s has no %s" % (n.get("id"), name)
    return None


def check_csv(nodes_csv, edges_csv, json_path):
    nodes, edges = node_link(json_path)
    with open(nodes_csv, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0][:2] != ["Id", "Label"]:
        return "node header starts %s" % rows[0][:2]
    got = {r[0]: r[1] for r in rows[1:]}
    if got != {k: v["label"] for k, v in nodes.items()}:
        return "node table differs from the JSON"
    with open(edges_csv, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0][:4] != ["Source", "Target", "Type", "Weight"]:
        return "edge header starts %s" % rows[0][:4]
    got = {frozenset(r[:2]): r for r in rows[1:]}
    if set(got) != set(edges):
        return "edge table differs from the JSON (%d vs %d)" % (len(got), len(edges))
    for k, r in got.items():
        if r[2] != "Undirected" or abs(float(r[3]) - float(edges[k]["weight"])) > 1e-9:
            return "edge %s: %s" % (sorted(k), r[:4])
    return None


def check_evidence(json_path):
    nodes, edges = node_link(json_path)
    e = edges.get(frozenset(("beslan", "russia")))
    if e is None:
        return "no beslan -- russia edge"
    ev = e.get("evidence")
    if not isinstance(ev, list) or not 1 <= len(ev) <= 2:
        return "evidence is %r" % (ev,)
    for item in ev:
        if "Beslan" not in item["text"] or "Russia" not in item["text"]:
            return "evidence sentence does not name both: %r" % item["text"]
    if "serious failings" not in ev[0]["text"]:
        return "first evidence is not the opening sentence: %r" % ev[0]["text"]
    return None


def js_consumers(report, root, folder):
    js = os.path.join(root, "tests", "consumers", "js")
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        print("SKIP js consumers: %s not found (install nodejs and npm)" % ("node" if not node else "npm"))
        return
    if not os.path.isdir(os.path.join(js, "node_modules")):
        p = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=js, capture_output=True, text=True)
        if p.returncode != 0:
            report.check("npm ci in tests/consumers/js", lambda: p.stderr.strip().splitlines()[-1])
            return
    p = subprocess.run([node, "check.js", folder], cwd=js, capture_output=True, text=True)
    lines = [l for l in p.stdout.splitlines() if l.startswith(("PASS ", "FAIL "))]
    for line in lines:
        ok, _, rest = line.partition(" ")
        name, _, reason = rest.partition(": ") if ok == "FAIL" else (rest, "", "")
        report.check("js: " + name, lambda reason=reason: reason or None)
    if p.returncode != 0 and not any(l.startswith("FAIL") for l in lines):
        report.check("js: check.js runs", lambda: (p.stderr.strip() or "exit %d" % p.returncode).splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    a = ap.parse_args()
    binary, root = os.path.abspath(a.bin), a.root
    data = os.path.join(root, "tests", "data")
    report = Report()
    tmp = tempfile.mkdtemp(prefix="eg-formats-")
    try:
        corpus = os.path.join(tmp, "wikinews.jsonl")
        dated_jsonl(root, corpus)
        common = ["-q", "--input", "jsonl", "--evidence", "2", "--betweenness"]
        report.check("build the dated Wikinews graph in every format", lambda: run(binary, common + [
            "-o", "graph.gexf", "-o", "graph.json", "-o", "graph.csv", corpus], tmp))
        report.check("build GEXF 1.2draft and the JSON styles", lambda: (
            run(binary, common + ["--gexf-version", "1.2", "-o", "graph12.gexf", corpus], tmp),
            run(binary, common + ["--json-style", "graphology", "-o", "graph.graphology.json", corpus], tmp),
            run(binary, common + ["--json-style", "cytoscape", "-o", "graph.cytoscape.json", corpus], tmp))[-1])
        j = lambda name: os.path.join(tmp, name)
        report.check("GEXF 1.3 validates (RelaxNG) with viz and spells",
                     lambda: check_gexf13(j("graph.gexf"), os.path.join(root, "tests", "schemas", "gexf-1.3", "gexf.rng")))
        report.check("networkx read_gexf loads GEXF 1.2draft like the JSON",
                     lambda: check_gexf12(j("graph12.gexf"), j("graph.json")))
        report.check("build the dated Wikinews graph per month in GEXF 1.3, 1.2draft and JSON",
                     lambda: (run(binary, common + ["--period", "month", "-o", "period.gexf",
                                                    "-o", "period.json", corpus], tmp),
                              run(binary, common + ["--period", "month", "--gexf-version", "1.2",
                                                    "-o", "period12.gexf", corpus], tmp))[-1])
        report.check("GEXF 1.3 per month validates (RelaxNG), its attvalues are the JSON timelines",
                     lambda: check_gexf_periods(j("period.gexf"), os.path.join(
                         root, "tests", "schemas", "gexf-1.3", "gexf.rng"), j("period.json")))
        report.check("networkx read_gexf loads GEXF 1.2draft per month with the JSON timelines",
                     lambda: check_gexf12_periods(j("period12.gexf"), j("period.json")))
        report.check("CSV pair has Gephi's columns and the JSON's nodes and edges",
                     lambda: check_csv(j("graph.nodes.csv"), j("graph.edges.csv"), j("graph.json")))
        sample = os.path.normpath(os.path.join(root, "..", "shared", "data", "wikinews", "sample"))
        if not os.path.isdir(sample):
            sample = os.path.join(data, "wikinews")
        report.check("GraphML of the Wikinews sample has Gephi's names and community",
                     lambda: (run(binary, ["-q", "-o", "sample.graphml", sample], tmp),
                              check_graphml_gephi(j("sample.graphml")))[-1])
        report.check("VOSviewer JSON has VOSviewer Online's fields and the JSON's graph",
                     lambda: (run(binary, common + ["--json-style", "vosviewer", "--measure", "npmi",
                                                    "-o", "graph.vos.json", corpus], tmp),
                              run(binary, common + ["--measure", "npmi", "-o", "graph.npmi.json", corpus], tmp),
                              check_vosviewer(j("graph.vos.json"), j("graph.npmi.json")))[-1])
        markup = os.path.join(root, "tests", "browser", "data", "markup")
        report.check("VOSviewer JSON escapes markup in names and descriptions",
                     lambda: [run(binary, ["-q", "--no-default-dict", "-d", markup, "-o", out]
                                  + style + [os.path.join(markup, "doc.txt")], tmp)
                              for out, style in (("markup.vos.json", ["--json-style", "vosviewer"]),
                                                 ("markup.json", []))]
                     and check_vosviewer(j("markup.vos.json"), j("markup.json")))
        report.check("--evidence 2 shows the sentence linking Beslan and Russia",
                     lambda: (run(binary, ["-q", "--evidence", "2", "-o", "seed.json",
                                           os.path.join(data, "seed", "beslan-echr.txt")], tmp),
                              check_evidence(j("seed.json")))[-1])
        js_consumers(report, root, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (report.passed, report.failed))
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
