# entgraph — build, demo, tests.
#
#   make            build ./entgraph
#   make demo       build and run on the seed article with the shipped dict/
#   make check      build and run every test (unit, end-to-end, consumers),
#                   then the same under AddressSanitizer + UBSan
#   make install PREFIX=/usr/local
#   make bench      entgraph vs its peers (tests/bench/README.md)
#
# demo and check install missing Debian packages first (.ci/deps.sh).

CC      ?= cc
PREFIX  ?= /usr/local
PYTHON  ?= /usr/bin/python3
PKGS    := igraph jansson libpcre2-8 libutf8proc libxxhash libxml-2.0 zlib
CSTD    := -std=c17 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Wshadow -Wno-unused-parameter
CFLAGS  ?= -O2 -g
# -o FILE.png renders the SVG picture with librsvg (librsvg2-dev) when
# pkg-config finds it; without it the binary is built all the same and
# -o FILE.png says what to install (src/export/eg_export_png.c).
RSVG    := $(shell pkg-config --exists librsvg-2.0 2>/dev/null && echo librsvg-2.0)
PKGS    += $(RSVG)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(if $(RSVG),-DEG_HAVE_RSVG)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -lpthread
DATADIR := $(PREFIX)/share/entgraph

LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))

# The HTML page (-o FILE.html): src/export/html/ holds its template and
# pins sigma.js + graphology (npm); vendor.sh fetches them into
# build/html/vendor.js and embed.py compiles template and libraries into
# build/html/eg_html_assets.c, part of the library. Without npm the
# binary is built all the same and -o FILE.html says what is missing.
HTML_DIR    := src/export/html
HTML_ASSETS := build/html/eg_html_assets.c
LIB_SRC     += $(HTML_ASSETS)

CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

# One build tree per flavour: build/release and build/asan.
define flavour
$(1)_LIB  := $$(LIB_SRC:%.c=build/$(1)/%.o)
$(1)_CLI  := $$(CLI_SRC:%.c=build/$(1)/%.o)
$(1)_UNIT := $$(UNIT_SRC:tests/unit/%.c=build/$(1)/unit/%)

build/$(1)/%.o: %.c
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CSTD) $$(WARN) $$(CFLAGS) $(2) -DEG_DATADIR='"$$(DATADIR)"' $$(PKG_CFLAGS) -MMD -MP -c $$< -o $$@

build/$(1)/libentgraph.a: $$($(1)_LIB)
	@rm -f $$@
	ar rcs $$@ $$^

build/$(1)/entgraph: $$($(1)_CLI) build/$(1)/libentgraph.a
	$$(CC) $(2) $$^ $$(PKG_LIBS) -o $$@

build/$(1)/unit/%: tests/unit/%.c build/$(1)/libentgraph.a
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CSTD) $$(WARN) $$(CFLAGS) $(2) $$(PKG_CFLAGS) -Isrc $$< build/$(1)/libentgraph.a $$(PKG_LIBS) -lcmocka -o $$@

# fuzz harness + replay.c's main: replays a corpus without libFuzzer (check-fuzz)
build/$(1)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.c tests/fuzz/replay.c tests/fuzz/fuzz_util.h build/$(1)/libentgraph.a
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CSTD) $$(WARN) $$(CFLAGS) $(2) $$(PKG_CFLAGS) $$(filter %.c,$$^) build/$(1)/libentgraph.a $$(PKG_LIBS) -o $$@

-include $$($(1)_LIB:.o=.d) $$($(1)_CLI:.o=.d)
endef

# `make` alone builds the binary (the flavour rules below would otherwise
# make their library the first target).
.DEFAULT_GOAL := all

SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
$(eval $(call flavour,release,))
$(eval $(call flavour,asan,$(SAN)))

.PHONY: all deps deps-check demo check eval dict check-unit check-cases check-tagging check-consumers check-scale check-browser \
        check-asan install uninstall clean

all: entgraph

entgraph: build/release/entgraph
	cp $< $@.tmp && mv -f $@.tmp $@

build/html/vendor.js: $(HTML_DIR)/package.json $(HTML_DIR)/package-lock.json $(HTML_DIR)/vendor.sh
	@bash $(HTML_DIR)/vendor.sh build/html

$(HTML_ASSETS): $(HTML_DIR)/embed.py $(HTML_DIR)/page.html $(HTML_DIR)/viewer.css \
                $(HTML_DIR)/viewer.js build/html/vendor.js
	@$(PYTHON) $(HTML_DIR)/embed.py --template $(HTML_DIR)/page.html --css $(HTML_DIR)/viewer.css \
	  --js $(HTML_DIR)/viewer.js --vendor build/html/vendor.js -o $@

deps:
	@bash .ci/deps.sh build

deps-check:
	@bash .ci/deps.sh check

demo: deps
	@$(MAKE) --no-print-directory entgraph
	./entgraph build -o out/graph.graphml -o out/graph.json tests/data/seed/beslan-echr.txt
	@$(PYTHON) -c 'import json; g = json.load(open("out/graph.json")); \
print("out/graph.graphml, out/graph.json: %d nodes, %d edges" % (len(g["nodes"]), len(g["links"]))); \
[print("  %-40s %s" % (n["label"], n["type"])) for n in g["nodes"]]'

check: deps-check
	@$(MAKE) --no-print-directory entgraph $(release_UNIT)
	@$(MAKE) --no-print-directory check-unit check-cases check-tagging check-consumers check-scale check-browser check-hostile check-docs
	@$(MAKE) --no-print-directory check-valgrind
	@$(MAKE) --no-print-directory check-asan check-fuzz

check-unit: $(release_UNIT)
	@bash tests/run_unit.sh $(release_UNIT)

check-cases: entgraph
	$(PYTHON) tests/run_cases.py --bin ./entgraph tests/cases

# build counts exactly the mentions tag writes (one tagger for both).
check-tagging: entgraph
	$(PYTHON) tests/tagging/check_tag_build.py --bin ./entgraph

check-consumers: entgraph
	$(PYTHON) tests/consumers/check_consumers.py --bin ./entgraph
	$(PYTHON) tests/consumers/check_formats.py --bin ./entgraph
	$(PYTHON) tests/consumers/check_picture.py --bin ./entgraph

# The -o FILE.html page in Debian's headless chromium (playwright-core):
# search, click, neighbours, evidence, screenshots in build/browser/.
# Skipped with a SKIP line when chromium is not installed.
check-browser: entgraph
	bash tests/browser/run.sh ./entgraph build/browser

# Threads, gzip and shards give byte-identical graphs (GNU parallel included).
check-scale: entgraph
	bash tests/scale/check_scale.sh ./entgraph

# Hostile input a .case cannot hold: generated inputs, read-only folders,
# a full disk, signals (docs/errors.md, "Hostile input").
check-hostile: entgraph
	bash tests/hostile/run.sh ./entgraph

# The man page against every command's --help (tests/docs/check_man.py),
# and the links of README.md and docs/ (tests/docs/check_links.py).
check-docs: entgraph
	python3 tests/docs/check_man.py --bin ./entgraph --page docs/entgraph.1
	python3 tests/docs/check_links.py

# The end-to-end cases again under valgrind's memcheck (tests/valgrind/):
# an invalid access, uninitialised value or definite leak fails the case.
check-valgrind: entgraph
	ENTGRAPH_DICT=$(CURDIR)/dict $(PYTHON) tests/run_cases.py --bin tests/valgrind/entgraph tests/cases

# entgraph against its peers (../shared/bench) on one corpus, in one run:
# table and ratios in out/bench/results.md. BENCH_QUICK=1: the 20 MB corpus.
# See tests/bench/README.md. Not part of check.
.PHONY: bench
bench: entgraph
	@bash tests/bench/run.sh

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
# LSAN_OPTIONS: the font caches of -o FILE.png (tests/valgrind/lsan.supp).
check-asan: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/valgrind/lsan.supp
check-asan: build/asan/entgraph $(asan_UNIT)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  bash tests/run_unit.sh $(asan_UNIT)
	ENTGRAPH_DICT=$(CURDIR)/dict ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(PYTHON) tests/run_cases.py --bin build/asan/entgraph tests/cases
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  bash tests/scale/check_scale.sh build/asan/entgraph

# Fuzzing (tests/fuzz/README.md). check-fuzz replays every seed and
# regression input through its harness, built with $(CC) under ASan +
# UBSan (no libFuzzer needed); `make fuzz` runs each harness with clang's
# libFuzzer for FUZZ_SECONDS (FUZZ=NAME for one), new inputs going to
# build/fuzz/corpus/NAME, crashes to build/fuzz/crash/NAME.
FUZZ_HARNESSES := dict patterns source tagger sparse shard roundtrip date
FUZZ          ?= $(FUZZ_HARNESSES)
FUZZ_SECONDS  ?= 60
FUZZ_CC       ?= clang
FUZZ_SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_LIB      := $(LIB_SRC:%.c=build/fuzz/%.o)
asan_REPLAY   := $(FUZZ_HARNESSES:%=build/asan/fuzz/replay_%)

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(WARN) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link -DEG_READ_CHUNK=4096 $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# header changes rebuild the fuzz objects too (a stale one reads structs
# of another layout)
-include $(FUZZ_LIB:.o=.d)

build/fuzz/libentgraph.a: $(FUZZ_LIB)
	@rm -f $@
	ar rcs $@ $^

build/fuzz/fuzz_%: build/fuzz/tests/fuzz/fuzz_%.o build/fuzz/tests/fuzz/fuzz_util.o build/fuzz/libentgraph.a
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer $^ $(PKG_LIBS) -o $@

.PHONY: fuzz fuzz-build check-fuzz check-hostile check-valgrind check-docs
fuzz-build: $(FUZZ:%=build/fuzz/fuzz_%)

fuzz: fuzz-build
	@for h in $(FUZZ); do \
	  mkdir -p build/fuzz/corpus/$$h build/fuzz/crash/$$h; \
	  echo "fuzz_$$h: $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=build/fuzz/crash/$$h/ \
	    build/fuzz/corpus/$$h tests/fuzz/corpus/$$h || exit 1; \
	done

check-fuzz: $(asan_REPLAY)
	@for h in $(FUZZ_HARNESSES); do \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    build/asan/fuzz/replay_$$h tests/fuzz/corpus/$$h 2>build/asan/fuzz/replay_$$h.log \
	    || { tail -n 40 build/asan/fuzz/replay_$$h.log; echo "FAIL fuzz replay $$h"; exit 1; }; \
	  tail -n 1 build/asan/fuzz/replay_$$h.log; \
	done

install: entgraph
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/dict
	install -m 755 entgraph $(DESTDIR)$(PREFIX)/bin/entgraph
	install -m 644 dict/*.tsv dict/*.txt $(DESTDIR)$(DATADIR)/dict/
	test ! -f dict/README.md || install -m 644 dict/README.md $(DESTDIR)$(DATADIR)/dict/
	install -d $(DESTDIR)$(DATADIR)/licenses
	install -m 644 dict/build/sources/firstnames-GFDL-1.2.txt.gz $(DESTDIR)$(DATADIR)/licenses/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/entgraph.1 $(DESTDIR)$(PREFIX)/share/man/man1/entgraph.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/entgraph $(DESTDIR)$(PREFIX)/share/man/man1/entgraph.1
	rm -rf $(DESTDIR)$(DATADIR)

# Tagging quality on WikiGold (tests/eval): baseline vs entgraph, each
# rule's contribution, the shipped dictionary per type. Not part of check.
eval: entgraph
	$(PYTHON) tests/eval/eval.py --bin ./entgraph

# Regenerate dict/world-*.tsv, dict/words.txt, dict/us-politicians.tsv and
# dict/given-names.txt (committed; needs npm, iso-codes, wamerican and
# python3-yaml; the other sources are committed in dict/build/sources/).
dict:
	bash .ci/deps.sh dict
	cd dict/build && npm ci --no-audit --no-fund
	node dict/build/cities.js > dict/build/cities.jsonl
	$(PYTHON) dict/build/generate.py --cities-json dict/build/cities.jsonl
	rm -f dict/build/cities.jsonl
	$(PYTHON) dict/build/lists.py

clean:
	rm -rf build entgraph
