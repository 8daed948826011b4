#!/usr/bin/python3
"""Is the static picture (-o FILE.svg, -o FILE.png) a picture?

Usage:
    /usr/bin/python3 tests/consumers/check_picture.py --bin ./entgraph [--root DIR]

The Wikinews sample and a 3,000-node synthetic graph
(tests/browser/big_graph.py --types) are written as SVG, PNG and JSON.
Checks, for each:

  - xmllint parses the SVG; it holds a disc per node and a line per edge
    of the JSON;
  - rsvg-convert (Debian's librsvg2-bin, another renderer than the one
    entgraph links) renders the SVG, and entgraph's own PNG is a whole
    2400 x 1800 PNG; in both, the area of the nodes holds pixels of more
    than one colour and a share of them not white: the picture is not
    empty;
  - every text's anchor lies inside the canvas and, with entgraph's
    width estimate of DejaVu Sans widened by 10 %, its whole box
    (tests/browser/check_svg.js measures the real boxes in Chromium);
  - the same graph gives the same SVG bytes with -j 1 and -j 2.

PNG is decoded here with zlib (8-bit RGB or RGBA, not interlaced: what
cairo writes). One line per check (`PASS name`, `FAIL name: reason`),
then `N passed, M failed`; exit 1 when anything failed.
"""

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
passed = failed = 0


def check(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS " + name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, detail))
    return ok


def png_pixels(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, head = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    width, height, depth, colour, _, _, interlace = head
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("PNG of depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, [[tuple(r[x * bpp:x * bpp + 3]) for x in range(width)] for r in rows]


def ink(path, box, scale):
    """Distinct colours and the share of non-white pixels in box (SVG units)."""
    width, height, rows = png_pixels(path)
    x0, y0, x1, y1 = (int(v * scale) for v in box)
    colours, dark, total = set(), 0, 0
    for y in range(max(0, y0), min(height, y1), 2):
        for x in range(max(0, x0), min(width, x1), 2):
            p = rows[y][x]
            colours.add(p)
            dark += min(p) < 240
            total += 1
    return len(colours), dark / max(total, 1), (width, height)


def estimate(text, px):
    """entgraph's width estimate (src/export/eg_labels.c), for the check."""
    w = 0.0
    for ch in text:
        c = ord(ch)
        if c < 0x80:
            w += 0.42 if ch in " !'(),./:;I[]fijlrt|`" else 1.0 if ch in "@%MWmw&" else \
                0.80 if "A" <= ch <= "Z" else 0.66
        elif 0x300 <= c <= 0x36f:
            pass
        else:
            w += 1.05 if c >= 0x1100 else 0.85
    return w * px


def texts_inside(root, width, height):
    bad = []
    for g in [root] + root.findall(".//" + SVG + "g"):
        size = float(g.get("font-size", "0") or 0)
        for t in g.findall(SVG + "text"):
            px = float(t.get("font-size", size) or 12)
            x, y, s = float(t.get("x")), float(t.get("y")), "".join(t.itertext())
            if not (0 <= x and x + 1.1 * estimate(s, px) <= width and px <= y <= height):
                bad.append("%r at %.0f,%.0f" % (s, x, y))
    return bad


def picture(binary, name, args, tmp):
    base = os.path.join(tmp, name)
    for j in ("1", "2"):
        subprocess.run([binary, "build", "-q", "-j", j, "-o", base + ".j" + j + ".svg"] + args, check=True)
    subprocess.run([binary, "build", "-q", "-o", base + ".svg", "-o", base + ".png",
                    "-o", base + ".json"] + args, check=True)
    graph = json.load(open(base + ".json"))
    check(open(base + ".j1.svg", "rb").read() == open(base + ".j2.svg", "rb").read(),
          name + ": same SVG with -j 1 and -j 2")
    lint = subprocess.run(["xmllint", "--noout", base + ".svg"], capture_output=True, text=True)
    check(lint.returncode == 0, name + ": xmllint parses the SVG", lint.stderr[:300])
    root = ET.parse(base + ".svg").getroot()
    width, height = float(root.get("width")), float(root.get("height"))
    discs = root.findall(".//%sg[@id='nodes']/%scircle" % (SVG, SVG))
    lines = root.findall(".//%sg[@id='edges']/%sline" % (SVG, SVG))
    check(len(discs) == len(graph["nodes"]) and len(lines) == len(graph["links"]),
          name + ": a disc per node and a line per edge",
          "%d discs, %d lines" % (len(discs), len(lines)))
    bad = texts_inside(root, width, height)
    check(not bad, name + ": every text inside the canvas", ", ".join(bad[:5]))
    xs = [float(c.get("cx")) for c in discs] or [0]
    ys = [float(c.get("cy")) for c in discs] or [0]
    box = (min(xs), min(ys), max(xs) + 1, max(ys) + 1)
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-o", base + ".rsvg.png", base + ".svg"], check=True)
        colours, share, _ = ink(base + ".rsvg.png", box, 1)
        check(colours > 1 and share > 0.005, name + ": rsvg-convert draws the nodes",
              "%d colours, %.2f%% not white" % (colours, 100 * share))
    else:
        check(False, name + ": rsvg-convert draws the nodes", "rsvg-convert not found (librsvg2-bin)")
    colours, share, size = ink(base + ".png", box, 2)
    check(size == (2400, 1800) and colours > 1 and share > 0.005,
          name + ": entgraph's PNG is the picture at 2400 x 1800",
          "%s, %d colours, %.2f%% not white" % (size, colours, 100 * share))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    tmp = tempfile.mkdtemp(prefix="eg-picture-")
    try:
        picture(binary, "wikinews", [os.path.join(a.root, "tests/data/wikinews")], tmp)
        big = os.path.join(tmp, "big")
        subprocess.run([sys.executable, os.path.join(a.root, "tests/browser/big_graph.py"), big,
                        "--nodes", "3000", "--docs", "4000", "--types"], check=True)
        picture(binary, "3000 nodes", ["--no-default-dict", "-d", os.path.join(big, "dict"), "--input", "lines",
                                       "--window", "document", os.path.join(big, "corpus.txt")], tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("picture: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
