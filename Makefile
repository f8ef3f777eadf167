# bocheck: build, try, test and install the checker.
#
#   make build     release build (.build/release/bocheck; on Linux with the Swift runtime linked statically)
#   make demo      build, then check the founding samples in Samples/ and print the report
#   make test      run the whole test suite (works on a fresh clone)
#   make install   install the tool and its built-in rules under PREFIX (default /usr/local)
#   make corpus    check the real filings of CORPUS (default ../shared/corpus/edgar) against expected.json
#   make corpus-raise  the same, then raise Tests/corpus-ratchet.json to every total this run betters
#   make bench     benchmark (not a test): latency, corpus throughput against cat and grep, peak memory, on a
#                  seeded corpus written to .build/bench-corpus (medians of repeated runs; uses hyperfine); the
#                  peer edgartools too when a Python with it is there (.build/peer-venv or BENCH_PEER_PYTHON)
#   make bench-peer  make that Python (a virtual environment with edgartools, from PyPI), then make bench
#   make same-output  write what bocheck says about the bench and real corpora to SAME_OUTPUT, to diff before and
#                  after a change meant to keep it
#   make fuzz      fuzz the reader with libFuzzer for FUZZ_SECONDS (default 120) seconds
#   make rules-doc regenerate Rules/README.md from the rule files
#   make lint      swift format lint on the sources and tests
#   make clean     remove the build products

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BINDIR = $(DESTDIR)$(PREFIX)/bin
RULESDIR = $(DESTDIR)$(PREFIX)/share/bocheck/Rules
RELEASE_BIN = .build/release/bocheck
# The release build is a fully static executable on Linux (the C library too): with no shared library to load and
# no symbol to bind, a run over one filing starts several milliseconds sooner; unused code is dropped and symbols
# stripped. The checker links FoundationEssentials only, not Foundation's Unicode and locale data.
# Every release target below builds with the same flags, so they share one build folder; `make test` (debug)
# links dynamically as before. RELEASE_FLAGS= builds the plain release build.
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS ?= -Xswiftc -static-executable -Xswiftc -use-ld=lld -Xlinker --gc-sections -Xlinker --strip-all
else
RELEASE_FLAGS ?=
endif
RELEASE = $(SWIFT) build -c release $(RELEASE_FLAGS)

FUZZ_SECONDS ?= 120
FUZZ_WORK ?= .build/fuzz-corpus

.PHONY: all build demo test corpus corpus-raise bench bench-peer same-output fuzz rules-doc install uninstall lint clean

all: build

build:
	$(RELEASE)

# bocheck exits 1 when it finds errors, which is what the samples are for: the demo succeeds whenever
# the check itself ran (exit status 0 or 1) and fails on 2 (usage error, unreadable input, bad rules).
demo: build
	@status=0; ./$(RELEASE_BIN) check Samples/ || status=$$?; \
	if [ $$status -gt 1 ]; then echo "make demo: bocheck failed with exit status $$status" >&2; exit 1; fi

test:
	$(SWIFT) test

CORPUS ?= ../shared/corpus/edgar
corpus:
	$(RELEASE) --product bocheck-corpus
	./.build/release/bocheck-corpus $(CORPUS)

corpus-raise:
	$(RELEASE) --product bocheck-corpus
	./.build/release/bocheck-corpus $(CORPUS) --raise Tests/corpus-ratchet.json

# hyperfine times the commands when it is installed (the target tries apt-get when it is missing and this runs
# as root); otherwise the benchmark times them with its own loop. BENCH_FLAGS: --seed N --files N --runs N ...
BENCH_FLAGS ?=
bench:
	@command -v hyperfine >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		{ apt-get install -y hyperfine >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && \
		apt-get install -y hyperfine >/dev/null 2>&1; }; }; } || \
		echo "make bench: hyperfine is not installed; the benchmark times with its own loop" >&2
	$(RELEASE)
	./.build/release/bocheck-bench --real $(CORPUS) $(BENCH_FLAGS)

# What a change that only makes bocheck faster must leave byte for byte the same: the JSON report of `check` over
# the bench corpus and over the real corpus (when it is there), and the model `parse` reads from every real filing
# and every seventh bench file, written to SAME_OUTPUT (a folder). Run it before and after the change, each time
# into its own folder, and compare them with `diff -r`: no difference, no change in what bocheck says.
SAME_OUTPUT ?= .build/same-output
same-output:
	$(RELEASE)
	./.build/release/bocheck-bench --corpus-only --real $(CORPUS) $(BENCH_FLAGS) >/dev/null
	@rm -rf $(SAME_OUTPUT) && mkdir -p $(SAME_OUTPUT)/parse
	@./$(RELEASE_BIN) check --no-config --format json .build/bench-corpus > $(SAME_OUTPUT)/check-bench.json; \
		echo "exit $$?" >> $(SAME_OUTPUT)/check-bench.json
	@if [ -d $(CORPUS) ]; then ./$(RELEASE_BIN) check --no-config --format json $(CORPUS) > $(SAME_OUTPUT)/check-real.json; \
		echo "exit $$?" >> $(SAME_OUTPUT)/check-real.json; fi
	@i=0; for f in $$( [ -d $(CORPUS) ] && ls $(CORPUS)/*.txt $(CORPUS)/*.htm* $(CORPUS)/*.xml $(CORPUS)/*.nc 2>/dev/null) \
		.build/bench-corpus/*; do \
		case "$$f" in .build/bench-corpus/*) i=$$((i+1)); [ $$((i % 7)) -eq 0 ] || continue;; esac; \
		out=$(SAME_OUTPUT)/parse/$$(basename "$$f").json; \
		./$(RELEASE_BIN) parse "$$f" > "$$out" 2>&1; echo "exit $$?" >> "$$out"; \
	done
	@echo "same-output: wrote $$(ls $(SAME_OUTPUT)/parse | wc -l) models and the check reports to $(SAME_OUTPUT)"

# The peer: edgartools in a virtual environment under .build/, made once (pinned to the version the README's
# numbers were measured with; EDGARTOOLS=edgartools takes the newest). Only this target installs anything.
PEER_VENV = .build/peer-venv
EDGARTOOLS ?= edgartools==5.62.1
PYTHON3 ?= python3
bench-peer:
	@$(PEER_VENV)/bin/python -c "import edgar.beneficial_ownership" >/dev/null 2>&1 || \
		{ $(PYTHON3) -m venv $(PEER_VENV) && $(PEER_VENV)/bin/pip install -q "$(EDGARTOOLS)"; }
	$(MAKE) bench

# libFuzzer needs its own build (Fuzz/ is a separate package so the main build never links libFuzzer). The
# readers' corpus is seeded from the samples, the real filings in the test fixtures and the kept regressions;
# the rule parser's from Rules/. Crashing inputs land in Fuzz/; keep each one as a regression test.
FUZZ_FLAGS = -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
fuzz:
	cd Fuzz && for target in bocheck-fuzz-reader bocheck-fuzz-rules; do \
		$(SWIFT) build -c release --product $$target --sanitize=fuzzer --sanitize=address \
			-Xswiftc -sanitize=fuzzer,address || exit 1; done
	mkdir -p $(FUZZ_WORK)/reader $(FUZZ_WORK)/rules
	cp Samples/* Tests/BocheckTests/Fixtures/corpus/*.txt Tests/BocheckTests/Fixtures/corpus/*.xml \
		Tests/BocheckTests/Fixtures/corpus/*.html Tests/BocheckTests/Fixtures/corpus/*.nc \
		Tests/BocheckTests/Fixtures/fuzz-regressions/* $(FUZZ_WORK)/reader/
	cp Rules/*.rule $(FUZZ_WORK)/rules/
	cd Fuzz && SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=lsan.supp \
		./.build/release/bocheck-fuzz-reader ../$(FUZZ_WORK)/reader $(FUZZ_FLAGS)
	cd Fuzz && SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=lsan.supp \
		./.build/release/bocheck-fuzz-rules ../$(FUZZ_WORK)/rules $(FUZZ_FLAGS)

# The installed tool finds its rules in ../share/bocheck/Rules relative to its own executable.
install: build
	install -d "$(BINDIR)" "$(RULESDIR)"
	install -m 755 $(RELEASE_BIN) "$(BINDIR)/bocheck"
	install -m 644 Rules/*.rule "$(RULESDIR)/"

uninstall:
	rm -f "$(BINDIR)/bocheck"
	rm -rf "$(DESTDIR)$(PREFIX)/share/bocheck"

rules-doc:
	$(SWIFT) build --product bocheck
	./.build/debug/bocheck rules --markdown > Rules/README.md

lint:
	$(SWIFT) format lint --recursive Sources Tests

clean:
	rm -rf .build Fuzz/.build
