#!/usr/bin/env bash
# check_scale.sh BIN — the promises of the scale features, end to end:
#   - -j1, -j2 and -j3 write byte-identical files (JSON, GraphML, SVG);
#   - a .gz input gives the same bytes as the plain one;
#   - counting 4 shards and merging them gives the same bytes as one build,
#     whether the shards are merged as files, concatenated, sorted line by
#     line (as Hadoop Streaming would), or made by GNU parallel.
# Prints PASS/FAIL per check and closes with "N passed, M failed".
set -u
BIN=$(realpath "${1:?usage: check_scale.sh BIN}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=$ROOT/tests/data
DICT=$ROOT/dict
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0

check() { # name, then a command that must succeed
    local name=$1
    shift
    if "$@" >"$TMP/log" 2>&1; then
        echo "PASS $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name"
        sed 's/^/    /' "$TMP/log" | head -20
        failed=$((failed + 1))
    fi
}

same() { # the -o outputs of two runs, named by prefix
    cmp "$TMP/$1.json" "$TMP/$2.json" && cmp "$TMP/$1.graphml" "$TMP/$2.graphml" &&
        cmp "$TMP/$1.svg" "$TMP/$2.svg"
}

build() { # prefix, then options and inputs
    local p=$1
    shift
    "$BIN" build -q --no-default-dict -d "$DICT" --evidence 2 -o "$TMP/$p.json" -o "$TMP/$p.graphml" -o "$TMP/$p.svg" "$@"
}

JSONL=$DATA/corpus/wikinews-8.jsonl
TEXTS=("$DATA/seed/beslan-echr.txt" "$DATA/wikinews")

# ---- threads ----
check "text corpus: -j1 and -j2 outputs are byte-identical" \
    bash -c "$(declare -f build same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             build t1 -j1 ${TEXTS[*]} && build t2 -j2 ${TEXTS[*]} && same t1 t2"
check "jsonl corpus: -j1, -j2 and -j3 outputs are byte-identical" \
    bash -c "$(declare -f build same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             build j1 -j1 --input jsonl $JSONL && build j2 -j2 --input jsonl $JSONL && \
             build j3 -j3 --input jsonl $JSONL && same j1 j2 && same j1 j3"

# ---- gzip ----
check "a .gz input gives the same bytes as the plain file" \
    bash -c "$(declare -f build same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             build gz -j1 --input jsonl $JSONL.gz && same j1 gz"

# ---- shards ----
split -n l/4 -d "$JSONL" "$TMP/part."
count_parts() {
    for p in "$TMP"/part.0?; do
        "$BIN" count -q --no-default-dict -d "$DICT" --input jsonl --evidence 2 -o "$p.counts" "$p" || return 1
    done
}
merge() { # prefix, then shard arguments
    local p=$1
    shift
    "$BIN" merge -q --no-default-dict -d "$DICT" -o "$TMP/$p.json" -o "$TMP/$p.graphml" -o "$TMP/$p.svg" "$@"
}
check "4 shards counted then merged equal one build" \
    bash -c "$(declare -f count_parts merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             count_parts && merge m1 $TMP/part.0?.counts && same j1 m1"
check "merging the shards in reverse order changes nothing" \
    bash -c "$(declare -f merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             merge m2 \$(ls -r $TMP/part.0?.counts) && same j1 m2"
check "shard lines sorted as a map/reduce shuffle would, merged from stdin, equal one build" \
    bash -c "$(declare -f merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             cat $TMP/part.0?.counts | LC_ALL=C sort | merge m3 - && same j1 m3"
check "whole shards concatenated in one file, as Hadoop's part-* files are, equal one build" \
    bash -c "$(declare -f merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             cat $TMP/part.00.counts $TMP/part.01.counts > $TMP/part-00000; \
             cat $TMP/part.02.counts $TMP/part.03.counts > $TMP/part-00001; \
             merge m6 $TMP/part-00000 $TMP/part-00001 && same j1 m6"
# token windows over line paragraphs: the same promises
WOPT="--window tokens:4 --paragraphs line"
check "tokens:4 with line paragraphs: -j1 and -j3 agree, and 4 shards merged (sorted) equal one build" \
    bash -c "$(declare -f build merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             build w1 -j1 $WOPT --input jsonl $JSONL && build w3 -j3 $WOPT --input jsonl $JSONL && \
             same w1 w3 && grep -q '\"window\": \"tokens:4,paragraphs=line\"' $TMP/w1.json && \
             for p in $TMP/part.0?; do \
                 '$BIN' count -q --no-default-dict -d '$DICT' $WOPT --input jsonl --evidence 2 -o \$p.wcounts \$p || exit 1; \
             done && cat $TMP/part.0?.wcounts | LC_ALL=C sort | merge w4 - && same w1 w4"
# per-period counts: the same promises, with dates across the shards
POPT="--period month --window tokens:4 --node-docs 2"
check "--period month, tokens:4, --node-docs 2: -j1 and -j3 agree, 4 shards merged (sorted) equal one build, timeline CSV too" \
    bash -c "$(declare -f build merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             build p1 -j1 $POPT --input jsonl $JSONL -o $TMP/p1.csv && \
             build p3 -j3 $POPT --input jsonl $JSONL -o $TMP/p3.csv && same p1 p3 && \
             cmp $TMP/p1.timeline.csv $TMP/p3.timeline.csv && grep -q '\"2019-10\": ' $TMP/p1.json && \
             grep -q '\"docs\": \[' $TMP/p1.json && \
             for p in $TMP/part.0?; do \
                 '$BIN' count -q --no-default-dict -d '$DICT' $POPT --input jsonl --evidence 2 -o \$p.pcounts2 \$p || exit 1; \
             done && cat $TMP/part.0?.pcounts2 | LC_ALL=C sort | merge p4 - -o $TMP/p4.csv && \
             same p1 p4 && cmp $TMP/p1.timeline.csv $TMP/p4.timeline.csv"
check "a shard cut at a line end is refused, naming the file" \
    bash -c "head -n -3 $TMP/part.01.counts > $TMP/cut.counts; \
             '$BIN' merge -q --no-default-dict -d '$DICT' -o $TMP/c.json $TMP/part.00.counts $TMP/cut.counts 2> $TMP/err; \
             test \$? -eq 3 && grep -q 'cut.counts: no Z line' $TMP/err && test ! -e $TMP/c.json"
check "count writes to stdout by default and merge reads gzip-compressed shards" \
    bash -c "$(declare -f merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
             '$BIN' count -q --no-default-dict -d '$DICT' --input jsonl --evidence 2 $JSONL | gzip > $TMP/all.counts.gz && \
             merge m4 $TMP/all.counts.gz && same j1 m4"
if command -v parallel >/dev/null 2>&1; then
    check "GNU parallel: one count per shard, then merge, equals one build" \
        bash -c "$(declare -f merge same); BIN='$BIN' DICT='$DICT' TMP='$TMP'; \
                 parallel --will-cite -j2 '$BIN' count -q --no-default-dict -d '$DICT' --input jsonl --evidence 2 \
                     -o {}.pcounts {} ::: $TMP/part.0? && merge m5 $TMP/part.0?.pcounts && same j1 m5"
else
    echo "FAIL GNU parallel is not installed (make check installs it: .ci/deps.sh check)"
    failed=$((failed + 1))
fi
check "merge refuses shards made with different windows" \
    bash -c "'$BIN' count -q --no-default-dict -d '$DICT' --window paragraph $DATA/seed/beslan-echr.txt > $TMP/para.counts; \
             '$BIN' merge -q --no-default-dict -d '$DICT' -o $TMP/x.json $TMP/part.00.counts $TMP/para.counts 2> $TMP/err; \
             test \$? -eq 3 && grep -q 'window=paragraph cannot merge with window=sentence' $TMP/err && \
             test ! -e $TMP/x.json"
check "merge names FILE:LINE of a malformed counts line" \
    bash -c "printf 'H\tentgraph-counts\t2\twindow=sentence\tevidence=0\nP\tonly-two\n' > $TMP/bad.counts; \
             '$BIN' merge -q --no-default-dict -d '$DICT' -o $TMP/y.json $TMP/bad.counts 2> $TMP/err; \
             test \$? -eq 3 && grep -q 'bad.counts:2: a P line has 7 fields' $TMP/err"

check "shards kept with different evidence sizes merge with the smallest, and say so" \
    bash -c "'$BIN' count -q --no-default-dict -d '$DICT' --input jsonl --evidence 1 -o $TMP/e1.counts $TMP/part.00 && \
             '$BIN' merge --no-default-dict -d '$DICT' -o $TMP/e.json $TMP/e1.counts $TMP/part.01.counts 2> $TMP/err && \
             grep -q 'using the smallest, 1' $TMP/err && \
             '$BIN' merge --no-default-dict -d '$DICT' --evidence 5 -o $TMP/e.json $TMP/part.01.counts 2> $TMP/err && \
             grep -q -- '--evidence 5: the counts hold at most 2 per edge' $TMP/err"
check "merge refuses a counts line with a NUL byte instead of cutting it" \
    bash -c "printf 'H\tentgraph-counts\t2\twindow=sentence\tevidence=0\nD\t1\0002\t3\n' > $TMP/nul.counts; \
             '$BIN' merge -q --no-default-dict -d '$DICT' -o $TMP/z.json $TMP/nul.counts 2> $TMP/err; \
             test \$? -eq 3 && grep -q 'nul.counts:2: NUL byte' $TMP/err"

echo "scale: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
