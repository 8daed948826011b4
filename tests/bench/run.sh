#!/usr/bin/env bash
# run.sh — `make bench`: entgraph and its peers on the same corpus and
# gazetteers in one run; one table of medians, MB/s, peak RSS, matches and
# the ratios issue 4 sets as targets (PASS/MISS). See tests/bench/README.md.
#
# The peers, the gazetteer and corpus generators live in ../shared/bench
# (read only here): this script installs what is missing, builds the C peers
# and generates the data into a git-ignored work dir (out/bench/work), once.
#
# Environment (defaults in brackets):
#   BENCH_QUICK=1        use the ~20 MB corpus for everything [0: ~200 MB]
#   BENCH_REPS=N         repetitions of every fast case [3]
#   BENCH_PY_REPS=N      repetitions of the Python pipeline [1]
#   BENCH_BIG=0          skip the 10x-corpus memory run [1]
#   BENCH_BIG_COPIES=N   size of that corpus in copies of the main one [10]
#   BENCH_KEEP_BIG=1     keep the 10x corpus file afterwards [0: delete it]
#   BENCH_WORK=DIR       work dir (tools, gazetteers, corpora) [out/bench/work]
#   BENCH_OUT=DIR        results dir [out/bench]
#   BENCH_SHARED=DIR     the shared bench folder [../shared/bench]
#   BENCH_TIMEOUT=S      per-process time limit [1800]
#   ENTGRAPH=PATH        binary to measure [./entgraph]
#
# Timing: wall = date +%s%N around each whole process (start-up, dictionary
# compile, read, work and output included); peak RSS from GNU time's %M.
# One process at a time; the cases a ratio compares run interleaved, one
# repetition of each in turn, so that noise from other users hits both.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/bench
cd "$ROOT"

SHARED=${BENCH_SHARED:-$ROOT/../shared/bench}
WORK=${BENCH_WORK:-$ROOT/out/bench/work}
OUT=${BENCH_OUT:-$ROOT/out/bench}
EG=${ENTGRAPH:-$ROOT/entgraph}
QUICK=${BENCH_QUICK:-0}
REPS=${BENCH_REPS:-3}
PY_REPS=${BENCH_PY_REPS:-1}
BIG=${BENCH_BIG:-1}
BIG_COPIES=${BENCH_BIG_COPIES:-10}
KEEP_BIG=${BENCH_KEEP_BIG:-0}
TIMEOUT=${BENCH_TIMEOUT:-1800}
PY=/usr/bin/python3 # Debian's python: python3-ahocorasick and networkx live there

say() { printf 'bench: %s\n' "$*" >&2; }
die() {
	printf 'bench: %s\n' "$*" >&2
	exit 1
}

# --- 0. the shared bench folder --------------------------------------------

if [ ! -d "$SHARED/peers" ] || [ ! -f "$SHARED/make-corpus.py" ]; then
	die "no peer benchmark at $SHARED (expected ../shared/bench beside the repository,
       with peers/, make-gazetteer.js and make-corpus.py); set BENCH_SHARED=DIR"
fi
SHARED=$(cd "$SHARED" && pwd)
ARTICLES=${BENCH_ARTICLES:-$SHARED/../data/wikinews/articles.jsonl}
[ -x "$EG" ] || die "no entgraph binary at $EG (run make first)"
EG_SRC=$EG

# --- 1. tools (the part of ../shared/bench/setup.sh that is missing) -------

# package|probe; probe is cmd:NAME, file:PATH, pc:MODULE or py:MODULE
need=(
	"gcc|cmd:gcc" "make|cmd:make" "pkg-config|cmd:pkg-config" "time|file:/usr/bin/time"
	"coreutils|cmd:timeout" "ripgrep|cmd:rg" "libhyperscan-dev|pc:libhs"
	"python3-ahocorasick|py:ahocorasick" "python3-networkx|py:networkx"
)
if [ ! -s "$WORK/gazetteer.tsv" ] || [ ! -s "$WORK/gazetteer-1k.tsv" ]; then
	need+=("nodejs|cmd:node" "npm|cmd:npm")
fi
probe() {
	local kind=${1%%:*} name=${1#*:}
	case $kind in
	cmd) command -v "$name" >/dev/null 2>&1 ;;
	file) [ -x "$name" ] ;;
	pc) pkg-config --exists "$name" 2>/dev/null ;;
	py) "$PY" -c "import $name" >/dev/null 2>&1 ;;
	esac
}
missing=()
for dep in "${need[@]}"; do
	probe "${dep#*|}" || missing+=("${dep%%|*}")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		die "missing packages: ${missing[*]}
       install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
	fi
	say "installing ${missing[*]}"
	. "$ROOT/.ci/apt.sh"
	apt_install "${missing[@]}"
fi

mkdir -p "$WORK/bin" "$OUT/logs"
make -s -C "$SHARED/peers" BIN="$WORK/bin" >&2 || die "cannot build the C peers from $SHARED/peers"

# --- 2. data: gazetteers and corpora (generated once, then cached) ---------

if [ ! -s "$WORK/gazetteer.tsv" ] || [ ! -s "$WORK/gazetteer-1k.tsv" ]; then
	# the pinned npm packages are the ones setup.sh installs
	mapfile -t pkgs < <(grep -oE '(@[a-z0-9-]+/)?[a-z0-9-]+@[0-9]+\.[0-9]+\.[0-9]+' "$SHARED/setup.sh")
	[ ${#pkgs[@]} -gt 0 ] || die "cannot read the npm package list from $SHARED/setup.sh"
	say "npm install ${pkgs[*]} (into $WORK/node)"
	mkdir -p "$WORK/node"
	[ -f "$WORK/node/package.json" ] || echo '{"name":"bench-node","private":true}' >"$WORK/node/package.json"
	(cd "$WORK/node" && npm install --no-audit --no-fund --loglevel=error "${pkgs[@]}") >&2
	BENCH_WORK=$WORK node "$SHARED/make-gazetteer.js" >"$WORK/gazetteer.log" 2>&1 ||
		die "make-gazetteer.js failed: see $WORK/gazetteer.log"
fi
if [ ! -s "$WORK/corpus.txt" ] || [ ! -s "$WORK/corpus-small.txt" ]; then
	[ -f "$ARTICLES" ] || die "no Wikinews articles at $ARTICLES (set BENCH_ARTICLES=FILE)"
	say "making the corpora from $ARTICLES"
	BENCH_WORK=$WORK "$PY" "$SHARED/make-corpus.py" "$ARTICLES" >&2
fi

# entgraph dictionaries: header row, types person/place/organisation
for g in "" -1k; do
	if [ ! -s "$WORK/dict$g.tsv" ] || [ "$WORK/dict$g.tsv" -ot "$WORK/gazetteer$g.tsv" ]; then
		"$PY" "$HERE/gazetteer2dict.py" "$WORK/gazetteer$g.tsv" "$WORK/dict$g.tsv" >"$WORK/dict$g.info"
	fi
done
# rg's names file: names only, longest first (as run-peers.sh makes it)
if [ ! -s "$WORK/names-1k.txt" ] || [ "$WORK/names-1k.txt" -ot "$WORK/gazetteer-1k.tsv" ]; then
	cut -f1 "$WORK/gazetteer-1k.tsv" | LC_ALL=C awk '{print length($0) "\t" $0}' |
		LC_ALL=C sort -t"$(printf '\t')" -k1,1nr -k2,2 | cut -f2- >"$WORK/names-1k.txt"
fi
: >"$WORK/empty.txt"

if [ "$QUICK" = 1 ]; then
	MAIN=$WORK/corpus-small.txt
else
	MAIN=$WORK/corpus.txt
fi
MAIN_B=$(stat -L -c %s "$MAIN")
MAIN_L=$(basename "$MAIN")

# --- 3. what this entgraph can do ------------------------------------------

# Measure a private copy: a rebuild of ./entgraph by someone else during the
# run must not change the binary between repetitions.
cp "$EG_SRC" "$WORK/entgraph.tmp" && mv -f "$WORK/entgraph.tmp" "$WORK/entgraph"
EG=$WORK/entgraph

help=$("$EG" build --help 2>&1 || true)
HAS_J=0 HAS_LINES=0 HAS_STATS=0
grep -qE -- '(^|[ ,])-j[ ,]|--jobs' <<<"$help" && HAS_J=1
grep -q -- '--input' <<<"$help" && grep -q 'lines' <<<"$help" && HAS_LINES=1
grep -q -- '--stats' <<<"$help" && HAS_STATS=1

J1="-j1"
[ "$HAS_J" = 1 ] || J1="(no -j: 1 thread)"

# eg_cmd JOBS DICT INPUT NAME: the entgraph command line for one case
eg_cmd() {
	local c="'$EG' build -q"
	[ "$HAS_J" = 1 ] && c+=" -j $1"
	[ "$HAS_LINES" = 1 ] && c+=" --input lines"
	[ "$HAS_STATS" = 1 ] && c+=" --stats '$WORK/out-$4.stats.json'"
	grep -q -- '--no-default-dict' <<<"$help" && c+=" --no-default-dict"
	printf '%s' "$c -d '$2' -o '$WORK/out-$4.graphml' '$3'"
}

# --- 4. the runner ----------------------------------------------------------

CASES=$OUT/cases.tsv
RAW=$OUT/raw.tsv
rm -f "$OUT"/logs/*
printf 'id\tkind\tgazetteer\tinput\tinput_bytes\treps\tartifact\twhat\tcommand\n' >"$CASES"
printf 'id\trep\twall_s\tmaxrss_kb\trc\tload1\n' >"$RAW"
declare -A C_CMD C_REPS

# def ID KIND GAZETTEER INPUT_FILE REPS ARTIFACT WHAT -- COMMAND
def() {
	local id=$1 kind=$2 gaz=$3 in=$4 reps=$5 art=$6 what=$7
	shift 8
	C_CMD[$id]="$*"
	C_REPS[$id]=$reps
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$kind" "$gaz" "$(basename "$in")" \
		"$(stat -L -c %s "$in")" "$reps" "$art" "$what" "$*" >>"$CASES"
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# run_one ID REP: one timed process; returns its exit code
run_one() {
	local id=$1 rep=$2 log=$OUT/logs/$1 t0 t1 rc=0 wall rss stats=$WORK/out-$1.stats.json
	rm -f "$stats"
	[ "$rep" != 1 ] || rm -f "${stats%.json}".*.json # an earlier run's repetitions
	t0=$(date +%s%N)
	/usr/bin/time -f '%e %M' -o "$log.time" timeout "$TIMEOUT" bash -c "${C_CMD[$id]}" \
		>"$log.out" 2>"$log.err" || rc=$?
	t1=$(date +%s%N)
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
	rss=$(tail -1 "$log.time" | awk '{print $2}')
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$rep" "$wall" "${rss:-}" "$rc" "$(load1)" >>"$RAW"
	# each repetition's --stats, so that stage times are medians too
	[ ! -f "$stats" ] || cp "$stats" "${stats%.json}.$rep.json"
	say "  $id rep $rep: ${wall}s ${rss:-?}KB rc=$rc"
	return "$rc"
}

# group NAME ID...: repetition 1 of every case, then repetition 2, ...
group() {
	local name=$1 id rep max=0
	shift
	local -A failed=()
	for id in "$@"; do ((C_REPS[$id] > max)) && max=${C_REPS[$id]}; done
	say "== $name (load $(load1))"
	for ((rep = 1; rep <= max; rep++)); do
		for id in "$@"; do
			((rep <= C_REPS[$id])) || continue
			[ -z "${failed[$id]:-}" ] || continue
			run_one "$id" "$rep" || failed[$id]=1
		done
	done
}

# --- 5. the cases -----------------------------------------------------------

G150=$WORK/gazetteer.tsv G1K=$WORK/gazetteer-1k.tsv
D150=$WORK/dict.tsv D1K=$WORK/dict-1k.tsv
HS=$WORK/bin/hs_count

def memchr limit - "$MAIN" "$REPS" - "read(2) + memchr newline count: the limit" -- \
	"'$WORK/bin/touch' memchr '$MAIN'"
# The 150k comparisons run twice (issue 16): with the default analytics
# (betweenness up to 5,000 nodes, layout, communities) against Hyperscan,
# and without them against the Python recipe, which computes none either.
ANALYTICS="default analytics: betweenness up to 5,000 nodes, layout, communities"
NO_ANALYTICS="--no-betweenness --layout none --communities none"
HAS_NOAN=0
grep -q -- '--no-betweenness' <<<"$help" && grep -q -- '--communities' <<<"$help" &&
	grep -q -- '--layout' <<<"$help" && HAS_NOAN=1
def eg150-j1 eg 150k "$MAIN" "$REPS" "$WORK/out-eg150-j1.graphml" "entgraph build $J1, GraphML, $ANALYTICS" -- \
	"$(eg_cmd 1 "$D150" "$MAIN" eg150-j1)"
ids150=(eg150-j1)
if [ "$HAS_NOAN" = 1 ]; then
	def eg150-noan-j1 eg 150k "$MAIN" "$REPS" "$WORK/out-eg150-noan-j1.graphml" "entgraph build $J1, GraphML, no analytics: $NO_ANALYTICS" -- \
		"$(eg_cmd 1 "$D150" "$MAIN" eg150-noan-j1) $NO_ANALYTICS"
	ids150+=(eg150-noan-j1)
fi
def hs150 hs 150k "$MAIN" "$REPS" - "Hyperscan literals, caseless, word check, leftmost-longest" -- \
	"'$HS' --mode longest '$MAIN' '$G150'"
ids150+=(hs150)
if [ "$HAS_J" = 1 ]; then
	def eg150-j2 eg 150k "$MAIN" "$REPS" "$WORK/out-eg150-j2.graphml" "entgraph build -j2, GraphML, $ANALYTICS" -- \
		"$(eg_cmd 2 "$D150" "$MAIN" eg150-j2)"
	ids150+=(eg150-j2)
fi
def py150 py 150k "$MAIN" "$PY_REPS" "$WORK/out-py150.graphml" "pyahocorasick + sentence pairs + networkx GraphML (no analytics)" -- \
	"'$PY' '$SHARED/peers/py_graph.py' --graph networkx --out '$WORK/out-py150.graphml' '$MAIN' '$G150'"
ids150+=(py150)

def eg1k-j1 eg 1k "$MAIN" "$REPS" "$WORK/out-eg1k-j1.graphml" "entgraph build $J1, GraphML" -- \
	"$(eg_cmd 1 "$D1K" "$MAIN" eg1k-j1)"
def rg1k rg 1k "$MAIN" "$REPS" - "rg -F -i -w -j1 --count-matches -f names" -- \
	"rg -j1 -F -i -w --count-matches -f '$WORK/names-1k.txt' '$MAIN'"
def hs1k hs 1k "$MAIN" "$REPS" - "Hyperscan literals, caseless, word check, leftmost-longest" -- \
	"'$HS' --mode longest '$MAIN' '$G1K'"

def eg150-load eg 150k "$WORK/empty.txt" "$REPS" "$WORK/out-eg150-load.graphml" "entgraph build $J1 on empty input: dictionary load" -- \
	"$(eg_cmd 1 "$D150" "$WORK/empty.txt" eg150-load)"
def hs150-load hs 150k "$WORK/empty.txt" "$REPS" - "hs_count on empty input: load + compile" -- \
	"'$HS' --mode longest '$WORK/empty.txt' '$G150'"

# The tagging rules' cost, on the shipped dictionary (its word lists are
# what discovery reads): default rules against the same without discovery
# (and one without any rule), compared by their count stage (--stats).
DSHIP=$ROOT/dict
def egdict-j1 eg dict "$MAIN" "$REPS" "$WORK/out-egdict-j1.graphml" "entgraph build $J1, shipped dict, default rules" -- \
	"$(eg_cmd 1 "$DSHIP" "$MAIN" egdict-j1)"
def egdict-nodisc-j1 eg dict "$MAIN" "$REPS" "$WORK/out-egdict-nodisc-j1.graphml" "the same, --rules default,-discovery" -- \
	"$(eg_cmd 1 "$DSHIP" "$MAIN" egdict-nodisc-j1) --rules default,-discovery"
def egdict-norules-j1 eg dict "$MAIN" "$REPS" "$WORK/out-egdict-norules-j1.graphml" "the same, --rules none" -- \
	"$(eg_cmd 1 "$DSHIP" "$MAIN" egdict-norules-j1) --rules none"

# The same costs with the 150k names (no word lists: discovery finds little,
# resolution still decides every shared form): the default rules, without
# discovery, and the rule set before resolution existed (partial, initial).
def eg150-nodisc-j1 eg 150k "$MAIN" "$REPS" "$WORK/out-eg150-nodisc-j1.graphml" "entgraph build $J1, 150k names, --rules default,-discovery" -- \
	"$(eg_cmd 1 "$D150" "$MAIN" eg150-nodisc-j1) --rules default,-discovery"
def eg150-oldrules-j1 eg 150k "$MAIN" "$REPS" "$WORK/out-eg150-oldrules-j1.graphml" "the same, --rules partial,initial (the rules before resolution)" -- \
	"$(eg_cmd 1 "$D150" "$MAIN" eg150-oldrules-j1) --rules partial,initial"
# The counting options of issue 14, on the 150k names, against the same
# run without them, by their median count stage (--stats of every
# repetition, as run_one keeps them): every document dated (the corpus has no dates)
# for --period year; --window tokens:4 against the sentence window.
DATE=2020-06-15
opt_case() { # ID WHAT EXTRA-OPTIONS
	local id=$1 what=$2
	shift 2
	def "$id" eg 150k "$MAIN" "$REPS" "$WORK/out-$id.graphml" "$what" -- \
		"$(eg_cmd 1 "$D150" "$MAIN" "$id") --date $DATE $*"
}
opt_ids=()
if [ "$HAS_STATS" = 1 ] && grep -q -- '--period' <<<"$help"; then
	opt_case egopt-base "entgraph build $J1, 150k names, every document dated"
	opt_case egopt-year "the same, --period year" --period year
	opt_case egopt-tok4 "the same, --window tokens:4" --window tokens:4
	opt_ids=(egopt-base egopt-year egopt-tok4)
fi

BIGF=$WORK/corpus-x$BIG_COPIES.txt
BIG_NOTE=""
if [ "$BIG" = 1 ] && [ "$HAS_LINES" != 1 ]; then
	BIG=0
	BIG_NOTE="skipped: this entgraph has no --input lines, and one ${BIG_COPIES}x document would be held whole in memory"
elif [ "$BIG" != 1 ]; then
	BIG_NOTE="skipped (BENCH_BIG=0)"
fi
if [ "$BIG" = 1 ]; then
	say "making $BIGF ($BIG_COPIES x $MAIN_L)"
	for ((i = 0; i < BIG_COPIES; i++)); do cat "$MAIN"; done >"$BIGF.tmp"
	mv -f "$BIGF.tmp" "$BIGF"
	# ulimit -v: a guard for the shared machine should memory grow with the input
	def eg150-big eg 150k "$BIGF" 1 "$WORK/out-eg150-big.graphml" "entgraph build $J1 on ${BIG_COPIES}x the corpus" -- \
		"ulimit -v $((16 * 1024 * 1024)); $(eg_cmd 1 "$D150" "$BIGF" eg150-big)"
fi

# --- 6. run -----------------------------------------------------------------

{
	echo "date: $(date -u +%FT%TZ)"
	echo "host: $(uname -srm); $(nproc) cores;$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-); $(free -g | awk '/Mem:/{print $2" GiB RAM"}')"
	echo "entgraph: $EG_SRC, $(sha256sum "$EG" | cut -c1-12) ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ', src modified')); -j: $([ $HAS_J = 1 ] && echo yes || echo 'no (ran without it: single thread)'); --input lines: $([ $HAS_LINES = 1 ] && echo 'yes (a line is a document)' || echo 'no (the corpus file is one document)'); --stats: $([ $HAS_STATS = 1 ] && echo yes || echo no); $NO_ANALYTICS: $([ $HAS_NOAN = 1 ] && echo yes || echo 'no (eg150-noan-j1 not run)')"
	echo "peers: $(rg --version 2>/dev/null | head -n1); hyperscan $(pkg-config --modversion libhs); $("$PY" --version 2>&1), pyahocorasick $(dpkg-query -W -f='${Version}' python3-ahocorasick 2>/dev/null), networkx $("$PY" -c 'import networkx; print(networkx.__version__)')"
	echo "corpus: $MAIN_L, $MAIN_B bytes$([ "$QUICK" = 1 ] && echo ' (BENCH_QUICK=1)')"
	echo "dictionaries: 150k $(cat "$WORK/dict.info"); 1k $(cat "$WORK/dict-1k.info")"
	echo "reps: $REPS (Python: $PY_REPS); big run: $([ "$BIG" = 1 ] && echo "$BIG_COPIES x $MAIN_L" || echo "$BIG_NOTE")"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2
cut -f1,9 "$CASES" | tail -n +2 >"$OUT/commands.txt"

say "warming the page cache"
cat "$MAIN" "$G150" "$G1K" "$D150" "$D1K" >/dev/null

group "limit" memchr
group "150k names: entgraph vs Hyperscan vs Python" "${ids150[@]}"
group "1k names: entgraph vs ripgrep vs Hyperscan" eg1k-j1 rg1k hs1k
group "dictionary load + compile" eg150-load hs150-load
group "tagging rules: shipped dictionary" egdict-j1 egdict-nodisc-j1 egdict-norules-j1
group "tagging rules: 150k names" eg150-nodisc-j1 eg150-oldrules-j1
[ ${#opt_ids[@]} = 0 ] || group "counting options: --period, token windows" "${opt_ids[@]}"
if [ "$BIG" = 1 ]; then
	cat "$BIGF" >/dev/null
	group "memory on ${BIG_COPIES}x the corpus" eg150-big
	[ "$KEEP_BIG" = 1 ] || rm -f "$BIGF"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
# other users' processes make every ratio noisy, and -j2 on a busy 2-core machine meaningless
if awk -v f="$OUT/raw.tsv" -v n="$(nproc)" 'BEGIN { while ((getline l < f) > 0) { split(l, a, "\t"); if (a[6] + 0 > m) m = a[6] + 0 } exit !(m > n) }'; then
	echo "WARNING: the machine was busy (load average above $(nproc) during the run, the bench itself counting for 1-2; see raw.tsv): ratios, -j2 above all, are noisy; rerun when it is idle" >>"$OUT/machine.txt"
fi

if [ "$HAS_J" = 1 ] && [ -f "$WORK/out-eg150-j1.graphml" ] && [ -f "$WORK/out-eg150-j2.graphml" ]; then
	if cmp -s "$WORK/out-eg150-j1.graphml" "$WORK/out-eg150-j2.graphml"; then
		echo "-j1 and -j2 GraphML outputs: byte-identical" >>"$OUT/machine.txt"
	else
		keys=$(diff "$WORK/out-eg150-j1.graphml" "$WORK/out-eg150-j2.graphml" | grep '^[<>]' |
			grep -o 'key="[^"]*"' | sort -u | tr '\n' ' ' || true)
		lines=$(diff "$WORK/out-eg150-j1.graphml" "$WORK/out-eg150-j2.graphml" | grep -c '^<' || true)
		echo "-j1 and -j2 GraphML outputs: DIFFERENT ($lines lines; data ${keys:-?})" >>"$OUT/machine.txt"
	fi
fi

"$PY" "$HERE/summarise.py" "$OUT"
