#!/usr/bin/env bash
# run.sh ENTGRAPH [OUTDIR] — the HTML page in a real browser (make check).
#
# Writes pages of the seed article (document window, so that Dmitry
# Peskov has neighbours, and --evidence 2), of the Wikinews sample (and
# its -o FILE.svg picture, for check_svg.js), of
# names full of markup, of types and names such as "constructor" and
# "__proto__", of no entity, of a synthetic 3,000-node graph (for
# check_big_page.js) and of a 20,000-node one,
# each with its node-link JSON, and has check_page.js open them in
# Debian's headless chromium (playwright-core from npm, pinned in
# package-lock.json; no browser is downloaded): nodes drawn, search with
# suggestions, click on the node, neighbours by weight, evidence. The
# screenshots go to OUTDIR (default build/browser).
#
# Without /usr/bin/chromium (or $CHROMIUM) the test is skipped with a
# SKIP line; without node or npm too. Exit 1 when a check fails.
set -euo pipefail

bin=${1:?usage: run.sh ENTGRAPH [OUTDIR]}
out=${2:-build/browser}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

skip() { echo "SKIP browser test: $*"; exit 0; }
[ -x "$CHROMIUM" ] || skip "$CHROMIUM not found (Debian: apt-get install chromium, or make deps-check as root)"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || skip "node or npm not found"

if [ ! -d "$here/node_modules/playwright-core" ]; then
	(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$out"
rm -rf "$out"/*.html "$out"/*.json "$out"/*.png "$out"/*.svg "$out/big" "$out/big3k"
"$bin" build -q --window document --evidence 2 -o "$out/seed.html" -o "$out/seed.json" \
	tests/data/seed/beslan-echr.txt
# an absolute input path: the page shows the documents relative to it
"$bin" build -q --evidence 2 --node-docs 3 -o "$out/wikinews.html" -o "$out/wikinews.json" \
	-o "$out/wikinews.svg" "$PWD/tests/data/wikinews/"

# names, notes and evidence with </script>, <!--, quotes, \u003c, U+2028
"$bin" build -q --no-default-dict -d tests/browser/data/markup --evidence 2 -o "$out/markup.html" -o "$out/markup.json" \
	tests/browser/data/markup/doc.txt
# types, ids and names that are members of Object.prototype
# ("constructor", "__proto__", "toString", an entity called Constructor)
"$bin" build -q --no-default-dict -d tests/browser/data/proto --evidence 2 -o "$out/proto.html" -o "$out/proto.json" \
	tests/browser/data/proto/doc.txt
# names found in the text beside dictionary names: the Source filter
"$bin" build -q --no-default-dict -d tests/data/dict/rules --evidence 2 -o "$out/found.html" -o "$out/found.json" \
	tests/browser/data/found.txt
# dated news counted per year: the time slider
"$bin" build -q --input jsonl --period year -o "$out/period.html" -o "$out/period.json" \
	tests/data/corpus/wikinews-8.jsonl
# no entity at all: an empty page that still loads
printf 'Nothing to see here.\n' | "$bin" build -q --no-default-dict -d tests/browser/data/markup -o "$out/empty.html" -o "$out/empty.json" -
# 23,032 nodes and 102,563 edges (big_graph.py): it must load and draw
"${PYTHON:-/usr/bin/python3}" "$here/big_graph.py" "$out/big"
"$bin" build -q --no-default-dict -d "$out/big/dict" --input lines --window document -o "$out/big.html" \
	-o "$out/big.json" "$out/big/corpus.txt"
# 2,939 nodes of three types in mixed communities, 16,553 edges: the page
# at real size (check_big_page.js) and its picture
"${PYTHON:-/usr/bin/python3}" "$here/big_graph.py" "$out/big3k" --nodes 3000 --docs 4000 --types
"$bin" build -q --no-default-dict -d "$out/big3k/dict" --input lines --window document -o "$out/big3k.html" \
	-o "$out/big3k.json" -o "$out/big3k.svg" "$out/big3k/corpus.txt"

status=0
node "$here/check_page.js" "$out/seed.html" "$out/seed.json" "$out/seed.png" --search Peskov || status=1
node "$here/check_page.js" "$out/wikinews.html" "$out/wikinews.json" "$out/wikinews.png" --search Navalny || status=1
node "$here/check_page.js" "$out/markup.html" "$out/markup.json" "$out/markup.png" --search Alpha || status=1
node "$here/check_page.js" "$out/proto.html" "$out/proto.json" "$out/proto.png" --search Constructor || status=1
node "$here/check_page.js" "$out/found.html" "$out/found.json" "$out/found.png" --search Albright --require-sources || status=1
node "$here/check_time.js" "$out/period.html" "$out/period.json" "$out/period.png" || status=1
node "$here/check_page.js" "$out/empty.html" "$out/empty.json" "$out/empty.png" || status=1
node "$here/check_page.js" "$out/big.html" "$out/big.json" "$out/big.png" --load-only || status=1
# the static picture (-o FILE.svg): drawn, texts inside, labels apart
node "$here/check_svg.js" "$out/wikinews.svg" "$out/wikinews.json" "$out/wikinews-svg.png" --min-labels 30 || status=1
node "$here/check_svg.js" "$out/big3k.svg" "$out/big3k.json" "$out/big3k-svg.png" --min-labels 30 || status=1
# 3,000 nodes: labels apart and on the hubs, a click picks the node on
# top, no hollow legend swatch
node "$here/check_big_page.js" "$out/big3k.html" "$out/big3k.json" "$out/big3k.png" || status=1
exit $status
