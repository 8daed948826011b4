#!/usr/bin/env bash
# deps.sh [build|check|dict] — make sure the Debian packages entgraph needs are here.
#
#   build  compiler, make, pkg-config and the -dev libraries (default)
#   check  build + what the tests need: cmocka, python3-networkx,
#          python3-igraph (for /usr/bin/python3), xmllint, rsvg-convert
#          (a second renderer of the -o FILE.svg picture), groff and man
#          (the man page's check), and node +
#          npm for the JavaScript consumer tests (tests/consumers/js);
#          as root also chromium, for the browser test of the HTML page
#          (tests/browser; without chromium it is skipped, so a non-root
#          run only gets a note)
#
# Silent when everything is present. When something is missing: as root it
# runs apt-get update + apt-get install for exactly the missing packages;
# otherwise it prints the sudo command to run and exits 1. apt-get waits
# for the package locks when another process holds them (.ci/apt.sh).
set -euo pipefail
. "$(dirname "$0")/apt.sh"

what=${1:-build}
case $what in
build | check | dict) ;;
*)
	echo "usage: $0 [build|check]" >&2
	exit 2
	;;
esac

# package|probe — a probe is `cmd:NAME` (on PATH), `pc:NAME` (pkg-config
# module) or `py:MODULE` (importable by Debian's /usr/bin/python3). dpkg's
# word is taken first; the probe accepts a library installed another way.
build_deps=(
	"gcc|cmd:gcc"
	"make|cmd:make"
	"pkg-config|cmd:pkg-config"
	"libigraph-dev|pc:igraph"
	"libjansson-dev|pc:jansson"
	"libpcre2-dev|pc:libpcre2-8"
	"libutf8proc-dev|pc:libutf8proc"
	"libxml2-dev|pc:libxml-2.0"
	"librsvg2-dev|pc:librsvg-2.0"
	"libxxhash-dev|pc:libxxhash"
	"zlib1g-dev|pc:zlib"
)
check_deps=(
	"libcmocka-dev|pc:cmocka"
	"python3-networkx|py:networkx"
	"python3-igraph|py:igraph"
	"libxml2-utils|cmd:xmllint"
	"librsvg2-bin|cmd:rsvg-convert"
	"groff-base|cmd:groff"
	"man-db|cmd:man"
	"parallel|cmd:parallel"
	"valgrind|cmd:valgrind"
	"nodejs|cmd:node"
	"npm|cmd:npm"
)

# check, optional: installed as root, else a note (the test skips itself)
check_optional=(
	"chromium|cmd:chromium"
)

# make dict: the sources of the generated gazetteer files
dict_deps=(
	"iso-codes|file:/usr/share/iso-codes/json/iso_3166-1.json"
	"wamerican|file:/usr/share/dict/american-english"
	"python3-yaml|py:yaml"
	"npm|cmd:npm"
)

deps=("${build_deps[@]}")
if [ "$what" = check ]; then
	deps+=("${check_deps[@]}")
elif [ "$what" = dict ]; then
	deps=("${dict_deps[@]}")
fi

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

probe() {
	local kind=${1%%:*} name=${1#*:}
	case $kind in
	cmd) command -v "$name" >/dev/null 2>&1 ;;
	pc) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$name" ;;
	py) [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $name" >/dev/null 2>&1 ;;
	file) [ -e "$name" ] ;;
	*) return 1 ;;
	esac
}

missing=()
for dep in "${deps[@]}"; do
	pkg=${dep%%|*}
	if ! installed "$pkg" && ! probe "${dep#*|}"; then
		missing+=("$pkg")
	fi
done

if [ "$what" = check ]; then
	for dep in "${check_optional[@]}"; do
		pkg=${dep%%|*}
		installed "$pkg" || probe "${dep#*|}" && continue
		if [ "$(id -u)" -eq 0 ]; then
			missing+=("$pkg")
		else
			echo "entgraph: $pkg is not installed: its tests will be skipped (sudo apt-get install -y $pkg)" >&2
		fi
	done
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "entgraph: missing packages for '$what': ${missing[*]}" >&2
	echo "install them with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi

echo "deps.sh: installing ${missing[*]}" >&2
apt_install "${missing[@]}"
