#!/usr/bin/python3
"""Do the tools people load entgraph's files with read them, and agree?

Usage (Debian's python, which has python3-networkx and python3-igraph):
    /usr/bin/python3 tests/consumers/check_consumers.py --bin ./entgraph [--root DIR]

For each corpus (the seed article; the seed article plus the wikinews
sample in tests/data) it runs `entgraph build` with the shipped dictionary,
writing GraphML and JSON into a temporary directory, then checks:

  - xmllint --noout accepts the GraphML;
  - networkx.read_graphml and igraph.Graph.Read_GraphML load the GraphML,
    networkx.node_link_graph loads the JSON;
  - all three agree on the node id set, and on each node's label, type,
    mentions and documents;
  - all three agree on the edge set and each edge's count (and weight);
  - the expected seed entities and links are there;
  - the shipped dictionary's number columns (lat, lon, population) reach
    every reader as numbers: GraphML keys of type double/long (types of
    the GraphML specification), floats and integers in networkx and
    igraph, JSON numbers; an entity without a value has none (no "").

One line per check, `PASS name` or `FAIL name: reason`, then the closing
line `N passed, M failed`; exit 1 when anything failed.
"""

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

SEED_NODES = ["beslan", "strasbourg", "russia", "chechnya", "dmitry-peskov",
              "european-court-of-human-rights", "kremlin"]
SEED_EDGES = [("beslan", "russia"), ("chechnya", "russia"),
              ("european-court-of-human-rights", "strasbourg")]
NODE_ATTRS = ["label", "type", "mentions", "documents"]


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, fn):
        """Run fn(); None or True is a pass, a string is the failure reason."""
        try:
            r = fn()
        except Exception as e:  # a consumer blowing up is a failure, not a crash
            r = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
        if r is None or r is True:
            self.passed += 1
            print("PASS %s" % name)
            return True
        self.failed += 1
        print("FAIL %s: %s" % (name, r))
        sys.stdout.flush()
        return False


def norm(v):
    """Numbers compare as numbers whatever the reader made of them."""
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return v
    return v


# Each reader gives: {node id: {attr: value}}, {frozenset(a, b): {attr: value}}

def from_networkx_graphml(path):
    import networkx as nx
    g = nx.read_graphml(path)
    if g.is_directed():
        raise ValueError("networkx read a directed graph")
    key = {}
    nodes = {}
    for n, d in g.nodes(data=True):
        nid = d.get("id", n)
        key[n] = nid
        nodes[nid] = d
    edges = {}
    for a, b, d in g.edges(data=True):
        edges[frozenset((key[a], key[b]))] = d
    return nodes, edges


def from_igraph_graphml(path):
    import igraph
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # igraph warns about the "id" attribute
        g = igraph.Graph.Read_GraphML(path)
    if g.is_directed():
        raise ValueError("igraph read a directed graph")
    names = g.vs.attributes()
    if "id" not in names:
        raise ValueError("igraph: no vertex attribute 'id' (have: %s)" % ", ".join(names))
    nodes = {v["id"]: {k: v[k] for k in names} for v in g.vs}
    ids = g.vs["id"]
    edges = {frozenset((ids[e.source], ids[e.target])): e.attributes() for e in g.es}
    return nodes, edges


def from_networkx_json(path):
    import networkx as nx
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            g = nx.node_link_graph(data, edges="links")
        except TypeError:  # networkx < 3.4 has no edges= and reads "links"
            g = nx.node_link_graph(data)
    if g.is_directed() or g.is_multigraph():
        raise ValueError("node_link_graph made a directed or multi graph")
    nodes = {n: dict(d, id=n) for n, d in g.nodes(data=True)}
    edges = {frozenset((a, b)): d for a, b, d in g.edges(data=True)}
    return nodes, edges


READERS = [
    ("networkx-graphml", "graphml", from_networkx_graphml),
    ("igraph-graphml", "graphml", from_igraph_graphml),
    ("networkx-json", "json", from_networkx_json),
]


def compare(loaded, label):
    """Every reader against the first one: nodes, attributes, edges, counts."""
    names = list(loaded)
    if len(names) < 2:
        return "fewer than two readers loaded the graph"
    ref_name = names[0]
    ref_nodes, ref_edges = loaded[ref_name]
    if not ref_nodes:
        return "%s: the graph is empty" % ref_name
    for other in names[1:]:
        nodes, edges = loaded[other]
        if set(nodes) != set(ref_nodes):
            a = sorted(set(ref_nodes) - set(nodes))[:5]
            b = sorted(set(nodes) - set(ref_nodes))[:5]
            return "node ids differ, %s vs %s: only in first %s, only in second %s" % (ref_name, other, a, b)
        for nid in sorted(nodes):
            for attr in NODE_ATTRS:
                x, y = ref_nodes[nid].get(attr), nodes[nid].get(attr)
                if x is None or y is None:
                    return "node %s: attribute %s missing in %s" % (nid, attr, ref_name if x is None else other)
                if norm(x) != norm(y):
                    return "node %s: %s is %r in %s, %r in %s" % (nid, attr, x, ref_name, y, other)
        if set(edges) != set(ref_edges):
            a = sorted("--".join(sorted(k)) for k in set(ref_edges) - set(edges))[:5]
            b = sorted("--".join(sorted(k)) for k in set(edges) - set(ref_edges))[:5]
            return "edge sets differ, %s vs %s: only in first %s, only in second %s" % (ref_name, other, a, b)
        for k in sorted(edges, key=sorted):
            for attr in ("count", "weight", "documents"):
                x, y = ref_edges[k].get(attr), edges[k].get(attr)
                if x is None or y is None:
                    return "edge %s: attribute %s missing in %s" % ("--".join(sorted(k)), attr, ref_name if x is None else other)
                if norm(x) != norm(y):
                    return "edge %s: %s is %r in %s, %r in %s" % ("--".join(sorted(k)), attr, x, ref_name, y, other)
    return None


def expected_seed(loaded):
    for reader, (nodes, edges) in loaded.items():
        missing = [n for n in SEED_NODES if n not in nodes]
        if missing:
            return "%s: missing nodes %s" % (reader, ", ".join(missing))
        gone = ["%s--%s" % e for e in SEED_EDGES if frozenset(e) not in edges]
        if gone:
            return "%s: missing edges %s" % (reader, ", ".join(gone))
        if frozenset(("beslan", "dmitry-peskov")) in edges:
            return "%s: unexpected edge beslan--dmitry-peskov with sentence windows" % reader
        for a, b in SEED_EDGES:
            c = norm(edges[frozenset((a, b))].get("count"))
            if not isinstance(c, float) or c < 1:
                return "%s: edge %s--%s has count %r" % (reader, a, b, c)
    return None


GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}
TYPED = {"lat": "double", "lon": "double", "population": "long"}


def dictionary_numbers(root):
    """{entity id: {lat, lon, population}} as the shipped dictionary gives them."""
    import csv
    import glob
    out = {}
    for path in sorted(glob.glob(os.path.join(root, "dict", "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            rows = csv.reader((l for l in f if not l.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
            head = next(rows, [])
            if "id" not in head or not set(TYPED) & set(head):
                continue
            for r in rows:
                got = {k: float(r[head.index(k)]) for k in TYPED
                       if k in head and head.index(k) < len(r) and r[head.index(k)]}
                if got:
                    out.setdefault(r[head.index("id")], {}).update(got)
    return out


def typed_columns(graphml, loaded, root):
    import xml.etree.ElementTree as ET
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = {k.get("attr.name"): k.get("attr.type")
            for k in ET.parse(graphml).getroot().findall(ns + "key") if k.get("for") == "node"}
    bad = sorted(t for t in keys.values() if t not in GRAPHML_TYPES)
    if bad:
        return "GraphML key types outside the specification: %s" % bad
    for name, want in TYPED.items():
        if keys.get(name) != want:
            return "GraphML key %s is %r, want %r" % (name, keys.get(name), want)
    truth = dictionary_numbers(root)
    seen = 0
    for reader, (nodes, _) in loaded.items():
        for nid, attrs in nodes.items():
            for name in TYPED:
                v = attrs.get(name)
                if v is None or (isinstance(v, float) and v != v):
                    continue  # no value (igraph fills NaN)
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    return "%s: node %s %s is %r, not a number" % (reader, nid, name, v)
                if name == "population" and v != int(v):
                    return "%s: node %s population %r is not whole" % (reader, nid, v)
                want = truth.get(nid, {}).get(name)
                if want is None or abs(v - want) > 1e-9 * max(1.0, abs(want)):
                    return "%s: node %s %s is %r, the dictionary says %r" % (reader, nid, name, v, want)
                seen += 1
        missing = [n for n in nodes if n not in truth and any(
            isinstance(nodes[n].get(k), str) for k in TYPED)]
        if missing:
            return "%s: nodes without a value have a string: %s" % (reader, missing[:3])
    if not seen:
        return "no node has a lat, lon or population"
    return None


def run_corpus(rep, binary, root, tmp, name, inputs):
    graphml = os.path.join(tmp, name + ".graphml")
    js = os.path.join(tmp, name + ".json")
    argv = [binary, "build", "-q", "--no-default-dict", "-d", os.path.join(root, "dict"),
            "-o", graphml, "-o", js] + inputs

    def build():
        try:
            p = subprocess.run(argv, capture_output=True, timeout=120)
        except OSError as e:
            return "cannot run %s: %s" % (binary, e)
        except subprocess.TimeoutExpired:
            return "timed out"
        if p.returncode != 0:
            return "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip()[:300])
        for f in (graphml, js):
            if not os.path.isfile(f):
                return "%s not written" % os.path.basename(f)
        return None

    if not rep.check("%s: entgraph build" % name, build):
        return

    def xmllint():
        if not shutil.which("xmllint"):
            return "xmllint not installed (apt-get install libxml2-utils)"
        p = subprocess.run(["xmllint", "--noout", graphml], capture_output=True)
        if p.returncode != 0:
            return p.stderr.decode("utf-8", "replace").strip().splitlines()[0]
        return None

    rep.check("%s: xmllint --noout accepts the GraphML" % name, xmllint)

    loaded = {}
    for reader, kind, fn in READERS:
        path = graphml if kind == "graphml" else js

        def load(fn=fn, path=path, reader=reader):
            loaded[reader] = fn(path)

        rep.check("%s: %s loads it" % (name, reader), load)
    rep.check("%s: readers agree on nodes, labels, edges and counts" % name,
              lambda: compare(loaded, name))
    if name.startswith("seed"):
        rep.check("%s: expected seed nodes and edges" % name, lambda: expected_seed(loaded))
    rep.check("%s: lat, lon and population are numbers in every reader" % name,
              lambda: typed_columns(graphml, loaded, root))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, help="the entgraph binary")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(here)),
                    help="repository root (default: two levels above this file)")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    root = os.path.abspath(a.root)
    data = os.path.join(root, "tests", "data")

    rep = Report()

    def imports():
        for module in ("networkx", "igraph"):
            importlib.import_module(module)

    if rep.check("python has networkx and igraph (%s)" % sys.executable, imports):
        tmp = tempfile.mkdtemp(prefix="eg-consumers-")
        try:
            run_corpus(rep, binary, root, tmp, "seed",
                       [os.path.join(data, "seed", "beslan-echr.txt")])
            run_corpus(rep, binary, root, tmp, "seed+wikinews",
                       [os.path.join(data, "seed"), os.path.join(data, "wikinews")])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (rep.passed, rep.failed))
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
