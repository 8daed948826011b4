#!/usr/bin/env bash
# vendor.sh OUTDIR — fetch the libraries of the HTML page with npm and
# join their own minified UMD builds into OUTDIR/vendor.js.
#
# Versions are pinned by package.json + package-lock.json beside this
# script (npm ci, no install scripts). make runs this when vendor.js is
# missing or older than the pins. Without npm, or when npm ci fails, it
# writes nothing, says so on one line and exits 0: make still builds
# entgraph, and `-o FILE.html` then fails naming the missing step.
set -uo pipefail

out=${1:?usage: vendor.sh OUTDIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
note() { echo "entgraph: $* (needed only for -o FILE.html)" >&2; exit 0; }

npm=${NPM:-npm}
command -v "$npm" >/dev/null 2>&1 ||
	note "npm not found: building without the HTML page's libraries; install npm and run make again"

mkdir -p "$out/npm"
cp "$here/package.json" "$here/package-lock.json" "$out/npm/"
(cd "$out/npm" && "$npm" ci --ignore-scripts --no-audit --no-fund --loglevel=error >npm.log 2>&1) ||
	note "npm ci failed (see $out/npm/npm.log): building without the HTML page's libraries; run make again when npm works"

nm=$out/npm/node_modules
ver() { sed -n 's/^  "version": "\(.*\)",$/\1/p' "$nm/$1/package.json"; }
{
	printf '/* graphology %s (MIT licence, Guillaume Plique) */\n' "$(ver graphology)"
	cat "$nm/graphology/dist/graphology.umd.min.js"
	printf '\n/* sigma.js %s (MIT licence, Alexis Jacomy, Guillaume Plique, Benoît Simard) */\n' "$(ver sigma)"
	cat "$nm/sigma/dist/sigma.min.js"
	printf '\n'
} >"$out/vendor.js.tmp" && mv -f "$out/vendor.js.tmp" "$out/vendor.js"
