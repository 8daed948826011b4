#!/usr/bin/env python3
"""eval.py — precision, recall and F1 of entgraph's tagger on WikiGold.

The CoNLL-2003 protocol on the ner-gold split (tests/eval/data, see
SOURCE.md there): a dictionary is built from the training split's entity
phrases, the tagger runs on the test split's text and its mentions are
scored against the gold spans: exact byte span and type, micro-averaged
as conlleval does (P = correct / found, R = correct / gold).

Printed:
  1. baseline: the CoNLL-2003 baseline — tag in the test tokens only
     complete phrases that had a unique class in training, longest first,
     as written (case-sensitive);
  2. entgraph with the training dictionary (plus the shipped word list
     and patterns, which hold no name of the corpus), default rules, then
     each rule switched off alone (its contribution is the F1 it costs to
     lose it);
  3. entgraph with the shipped default dictionary (no training data), per
     type PER / LOC / ORG, then with each rule switched off in turn (its
     contribution per type) and with no rule at all;
  4. a second corpus (293 Wikinews articles, CC BY 2.5): the precision of
     the 100 most-mentioned nodes of `build`, against types judged once by
     hand (wikinews-top100.tsv), so that a regression shows;
  5. on the same articles, the entity 51 ambiguous names mean in their
     article (wikinews-ambiguous.tsv, judged by hand): resolution's
     accuracy, which the per-type scores cannot see.

Usage: eval.py [--bin ./entgraph] [--data tests/eval/data] [--dict dict]
               [--words dict/words.txt] [--patterns dict/patterns.tsv]
               [--json FILE]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TYPES = ["PER", "LOC", "ORG", "MISC"]
CONLL_CLASS = {"person": "PER", "place": "LOC", "country": "LOC", "city": "LOC",
               "region": "LOC", "organisation": "ORG", "organization": "ORG"}


def read_conll(path):
    """[[sentence: [(token, tag)]]] per document."""
    docs, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "-DOCSTART-":
                docs.append([])
                continue
            if not line:
                if sent:
                    docs[-1].append(sent)
                    sent = []
                continue
            tok, tag = line.rsplit("\t", 1)
            sent.append((tok, tag))
    if sent:
        docs[-1].append(sent)
    return docs


def phrases(sent):
    """(first, last+1, class) of each IOB2 entity in a sentence."""
    out, start, cls = [], None, None
    for i, (_, tag) in enumerate(sent + [("", "O")]):
        if start is not None and not tag.startswith("I-"):
            out.append((start, i, cls))
            start = None
        if tag.startswith("B-"):
            start, cls = i, tag[2:]
    return out


def train_phrases(docs):
    counts = collections.defaultdict(collections.Counter)
    for doc in docs:
        for sent in doc:
            for a, b, cls in phrases(sent):
                counts[tuple(t for t, _ in sent[a:b])][cls] += 1
    return counts


def token_offsets(test_docs, text):
    """Byte span in test.txt of every token: [doc][sent][tok] -> (s, e)."""
    data = text.encode("utf-8")
    pos, out = 0, []
    for doc in test_docs:
        out.append([])
        for sent in doc:
            spans = []
            for tok, _ in sent:
                b = tok.encode("utf-8")
                k = data.index(b, pos)
                spans.append((k, k + len(b)))
                pos = k + len(b)
            out[-1].append(spans)
    return out


def baseline(test_docs, offsets, counts):
    unique = {p: next(iter(c)) for p, c in counts.items() if len(c) == 1}
    longest = max(len(p) for p in unique)
    found = set()
    for d, doc in enumerate(test_docs):
        for s, sent in enumerate(doc):
            toks = [t for t, _ in sent]
            i = 0
            while i < len(toks):
                for n in range(min(longest, len(toks) - i), 0, -1):
                    cls = unique.get(tuple(toks[i:i + n]))
                    if cls:
                        found.add((offsets[d][s][i][0], offsets[d][s][i + n - 1][1], cls))
                        i += n
                        break
                else:
                    i += 1
    return found


def write_train_dict(path, counts, majority=True, case="auto"):
    """One row per phrase; several classes: the most frequent (ties: the
    first seen), or dropped when majority is False (as the baseline)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("# WikiGold training-split entity phrases (CC BY 4.0)\n")
        f.write("id\tname\ttype\tcase\n")
        for k, (p, c) in enumerate(counts.items()):
            if len(c) > 1 and not majority:
                continue
            cls = c.most_common(1)[0][0]
            f.write("p%d\t%s\t%s\t%s\n" % (k, " ".join(p), cls, case))


def run_tagger(binary, dicts, text, rules):
    """Tag each test document (blank-line separated) as its own file."""
    docs = text.encode("utf-8").split(b"\n\n")
    found = set()
    with tempfile.TemporaryDirectory() as tmp:
        base = 0
        bases = {}
        for i, d in enumerate(docs):
            p = os.path.join(tmp, "doc%03d.txt" % i)
            with open(p, "wb") as f:
                f.write(d)
            bases[p] = base
            base += len(d) + 2
        cmd = [binary, "tag", "-q", "--rules", rules, "--no-default-dict"]
        for d in dicts:
            cmd += ["-d", d]
        out = subprocess.run(cmd + [tmp], check=True, capture_output=True).stdout
        for line in out.decode("utf-8").splitlines():
            m = json.loads(line)
            cls = CONLL_CLASS.get(m["type"], m["type"].upper())
            b = bases[m["doc"]]
            found.add((b + m["start"], b + m["end"], cls))
    return found


def score(found, gold, types=TYPES):
    rows = {}
    for t in types + ["all"]:
        f = {x for x in found if t == "all" and x[2] in types or x[2] == t}
        g = {x for x in gold if t == "all" and x[2] in types or x[2] == t}
        ok = len(f & g)
        p = ok / len(f) if f else 0.0
        r = ok / len(g) if g else 0.0
        rows[t] = {"found": len(f), "gold": len(g), "correct": ok, "p": 100 * p,
                   "r": 100 * r, "f1": 200 * p * r / (p + r) if p + r else 0.0}
    return rows


def line(name, row):
    return "%-34s %6.2f %6.2f %6.2f   (%d found, %d correct, %d gold)" % (
        name, row["p"], row["r"], row["f1"], row["found"], row["correct"], row["gold"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "entgraph"))
    ap.add_argument("--data", default=os.path.join(ROOT, "tests/eval/data"))
    ap.add_argument("--dict", default=os.path.join(ROOT, "dict"))
    ap.add_argument("--words", default=os.path.join(ROOT, "dict/words.txt"))
    ap.add_argument("--patterns", default=os.path.join(ROOT, "dict/patterns.tsv"))
    ap.add_argument("--json", help="also write the figures as JSON")
    a = ap.parse_args()

    train = read_conll(os.path.join(a.data, "train.conll"))
    test = read_conll(os.path.join(a.data, "test.conll"))
    with open(os.path.join(a.data, "test.txt"), encoding="utf-8") as f:
        text = f.read()
    gold = set()
    with open(os.path.join(a.data, "test.spans.jsonl"), encoding="utf-8") as f:
        for l in f:
            g = json.loads(l)
            gold.add((g["start"], g["end"], g["type"]))
    counts = train_phrases(train)
    results = {}

    print("WikiGold test split (%d gold entities), dictionary from the training split"
          % len(gold))
    print("%-34s %6s %6s %6s" % ("", "P", "R", "F1"))
    results["baseline"] = score(baseline(test, token_offsets(test, text), counts), gold)
    print(line("CoNLL-2003 baseline", results["baseline"]["all"]))

    # the product's own word lists (words, given names, titles, heads...)
    # and patterns: everything in dict/ but its names
    extra = sorted(os.path.join(a.dict, f) for f in os.listdir(a.dict)
                   if f.endswith(".txt") and not f.startswith("stop"))
    extra += [a.patterns] if os.path.exists(a.patterns) else []
    if not os.path.exists(a.words) or not os.path.exists(a.patterns):
        print("(missing %s or %s: run make dict)" % (a.words, a.patterns))
    rules = ["partial", "initial", "patterns", "given-name", "title", "org", "place-head", "acronym",
             "generic", "person", "longer", "context", "one-sense", "importance"]
    default = ",".join(rules)
    with tempfile.TemporaryDirectory() as tmp:
        variants = [("entgraph (default rules)", default, True, "auto")]
        variants += [("  without %s" % r, "default,-" + r, True, "auto") for r in rules]
        variants += [("  without majority class", default, False, "auto"),
                     ("  without case folding (exact)", default, True, "exact"),
                     ("  with embedded (off by default)", default + ",embedded", True,
                      "auto"),
                     ("  no rule at all", "none", False, "exact")]
        for name, r, majority, case in variants:
            path = os.path.join(tmp, "train-%d-%s.tsv" % (majority, case))
            if not os.path.exists(path):
                write_train_dict(path, counts, majority, case)
            res = score(run_tagger(a.bin, [path] + extra, text, r), gold)
            results[name.strip()] = res
            print(line(name, res["all"]))
    best = results["entgraph (default rules)"]["all"]["f1"]
    print("gain over the baseline: %+.2f F1 points" %
          (best - results["baseline"]["all"]["f1"]))
    print("per type, default rules:")
    for t in TYPES:
        print(line("  " + t, results["entgraph (default rules)"][t]))
    print()
    print("Shipped dictionary (%s), no training data:" % os.path.relpath(a.dict, ROOT))
    found = run_tagger(a.bin, [a.dict], text, "default")
    results["default dictionary, all types"] = score(found, gold)
    res = score(found, gold, ["PER", "LOC", "ORG"])
    results["default dictionary"] = res
    for t in ["PER", "LOC", "ORG", "all"]:
        print(line("  " + (t if t != "all" else "PER+LOC+ORG"), res[t]))
    print("each rule switched off (P/R/F1 per type, then PER+LOC+ORG):")
    print("%-20s %-17s %-17s %-17s %-17s" % ("", "PER", "LOC", "ORG", "all"))

    def cells(r):
        return " ".join("%5.1f/%4.1f/%4.1f" % (r[t]["p"], r[t]["r"], r[t]["f1"])
                        for t in ["PER", "LOC", "ORG", "all"])
    print("%-20s %s" % ("  default rules", cells(res)))
    for r in rules:
        off = score(run_tagger(a.bin, [a.dict], text, "default,-" + r), gold,
                    ["PER", "LOC", "ORG"])
        results["default dictionary without " + r] = off
        print("%-20s %s" % ("  without " + r, cells(off)))
    none = score(run_tagger(a.bin, [a.dict], text, "none"), gold, ["PER", "LOC", "ORG"])
    results["default dictionary, no rule"] = none
    print("%-20s %s" % ("  no rule at all", cells(none)))
    print()
    results["wikinews top 100"] = top_nodes(a.bin, a.dict, a.data)
    results["wikinews ambiguous names"] = ambiguous_names(a.bin, a.dict, a.data)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0


def top_nodes(binary, dict_path, data):
    """Precision of the 100 most-mentioned nodes on a second corpus
    (Wikinews, build with the shipped dictionary), against the types
    judged by hand in wikinews-top100.tsv."""
    judged = {}
    with open(os.path.join(data, "wikinews-top100.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
    for r in rows[1:]:
        judged[r[0]] = set(r[2].split("|"))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "g.json")
        subprocess.run([binary, "build", "-q", "--no-default-dict", "-d", dict_path, "--input", "jsonl",
                        "--layout", "none", "--communities", "none", "-o", out,
                        os.path.join(data, "wikinews-articles.jsonl")], check=True)
        with open(out, encoding="utf-8") as f:
            nodes = json.load(f)["nodes"]
    top = sorted(nodes, key=lambda n: (-n["mentions"], n["id"]))[:100]
    right = [n["id"] for n in top if n["id"] in judged and n["type"] in judged[n["id"]]]
    wrong = [n["id"] for n in top if n["id"] in judged and n["type"] not in judged[n["id"]]]
    new = [n["id"] for n in top if n["id"] not in judged]
    n = len(right) + len(wrong)
    print("Wikinews (293 articles, shipped dictionary): the 100 most-mentioned nodes")
    print("  %d of %d judged nodes right (precision %.1f); wrong: %s" % (
        len(right), n, 100.0 * len(right) / n if n else 0.0, ", ".join(wrong) or "none"))
    if new:
        print("  %d not judged yet (judge them in %s): %s" % (
            len(new), "tests/eval/data/wikinews-top100.tsv", ", ".join(new)))
    return {"right": len(right), "judged": n, "wrong": wrong, "unjudged": new}


def ambiguous_names(binary, dict_path, data):
    """Which entity an ambiguous name means in its article: the first
    mention of each name judged in wikinews-ambiguous.tsv, from tag
    --input jsonl (each article a document), against the judged entity
    (none: the name must stay untagged)."""
    with open(os.path.join(data, "wikinews-ambiguous.tsv"), encoding="utf-8") as f:
        judged = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    out = subprocess.run([binary, "tag", "-q", "--no-default-dict", "-d", dict_path, "--input", "jsonl",
                          os.path.join(data, "wikinews-articles.jsonl")],
                         check=True, capture_output=True).stdout
    first = {}
    for line in out.decode("utf-8").splitlines():
        m = json.loads(line)
        first.setdefault((m["doc"], m["text"]), m["id"])
    wrong = []
    for doc, name, want in judged:
        got = first.get((doc, name), "none")
        if got != want:
            wrong.append("%s: %s, want %s" % (name, got, want))
    print("Wikinews ambiguous names (wikinews-ambiguous.tsv): the entity each means in its article")
    print("  %d of %d right (%.1f); wrong: %s" % (
        len(judged) - len(wrong), len(judged), 100.0 * (len(judged) - len(wrong)) / len(judged),
        "; ".join(wrong) or "none"))
    return {"right": len(judged) - len(wrong), "judged": len(judged), "wrong": wrong}


if __name__ == "__main__":
    sys.exit(main())
