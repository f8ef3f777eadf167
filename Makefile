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
#   make order-file  regenerate Sources/link-order.txt, the order the release build lays out the code a run
#                  executes in (uses valgrind; run it after larger code changes, see below)
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
# stripped. The checker links no Foundation at all: it reaches the file system through the C library
# (Sources/BocheckSystem).
# Every release target below builds with the same flags, so they share one build folder; `make test` (debug)
# links dynamically as before. RELEASE_FLAGS= builds the plain release build.
#
# Code layout (Linux): every function gets its own section (-function-sections) and lld puts the functions a
# typical run executes first, in the order Sources/link-order.txt lists them, so they share as few pages as
# possible: the kernel maps 64 KiB of code around every page a run touches, and with the hot code scattered a
# check of the largest bench file kept 6.4 MB of the 11 MB of code resident; laid out, 3.6 MB (its peak RSS went
# from 16.3 to 13.1 MB). Sources/link-order.ld groups the few functions that have no symbol to name them (.L...
# closure destroyers) next to the start-up code at the end of the text. A stale or missing entry (after code
# changes) only costs memory, never correctness: lld skips symbols it does not find (--no-warn-symbol-ordering)
# and places unlisted functions after the listed ones; `make order-file` regenerates the list. The Swift standard
# library (Swift.o: 1.6 MB in one section, nearly all of it resident in any run), Foundation (one section per
# source file) and _Concurrency come as large sections that are placed as wholes; only their function-sectioned
# parts (the runtime's C++, generic specializations) and the C library are ordered function by function.
ORDER_FILE = Sources/link-order.txt
ORDER_SCRIPT = Sources/link-order.ld
LINK_ORDER = -Xswiftc -Xfrontend -Xswiftc -function-sections \
	$(if $(wildcard $(ORDER_FILE)),-Xlinker --symbol-ordering-file=$(CURDIR)/$(ORDER_FILE) -Xlinker --no-warn-symbol-ordering) \
	$(if $(wildcard $(ORDER_SCRIPT)),-Xlinker --script=$(CURDIR)/$(ORDER_SCRIPT))
STATIC_FLAGS = -Xswiftc -static-executable -Xswiftc -use-ld=lld -Xlinker --gc-sections $(LINK_ORDER) $(METADATA_FLAGS)
# Type metadata: by default the compiler fetches the metadata of a concrete generic type (`[Value]`,
# `Dictionary<String, Int>`, ...) by demangling its mangled name at its first use, about 30 K instructions each; a run
# over one filing meets some 120 such types, 3.7 M of its 26 M instructions. With accessor functions instead the
# same metadata costs a direct call (one filing: 26.3 M -> 23.7 M instructions; the code grows by 0.3 %).
METADATA_FLAGS = -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS ?= $(STATIC_FLAGS) -Xlinker --strip-all
else
RELEASE_FLAGS ?= $(METADATA_FLAGS)
endif
# SwiftPM does not recompile objects when only flags passed to the compiler change (-function-sections and the
# metadata accessors above), so a release build first drops the release objects once when they were compiled with
# other code-generation flags (recorded in .build/release-codegen); the next build compiles them anew.
codegen = $(if $(findstring -function-sections,$(1)),function-sections,plain)$(if $(findstring -disable-concrete-type-metadata-mangled-name-accessors,$(1)),+metadata-accessors)
fresh_objects = if [ -d .build/release ] && [ "$$(cat .build/release-codegen 2>/dev/null)" != "$(call codegen,$(1))" ]; \
	then echo "release objects were compiled with other flags: compiling them anew"; rm -f .build/*/release/*.build/*.o; fi; \
	mkdir -p .build && echo "$(call codegen,$(1))" > .build/release-codegen
# PRODUCT=bocheck builds that product alone (the GitHub Action does), with the same flags.
RELEASE = $(call fresh_objects,$(RELEASE_FLAGS)); $(SWIFT) build -c release $(RELEASE_FLAGS) $(if $(PRODUCT),--product $(PRODUCT))

FUZZ_SECONDS ?= 120
FUZZ_WORK ?= .build/fuzz-corpus

.PHONY: all build demo test corpus corpus-raise bench bench-peer same-output fuzz order-file rules-doc install uninstall lint clean

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

# Sources/link-order.txt: the symbols that runs over the samples and the test fixtures (text, SGML, HTML, XML;
# text and JSON reports; single files and folders) execute, under callgrind, in a release build with symbols
# (the static flags without --strip-all, in .build/order-profile). A function comes before another when an
# earlier run of the list below executes it; then when more runs execute it; ties in name order (no addresses,
# no paths). Each folder run uses two worker threads (Samples/ holds two files; the fixtures' run says
# --jobs 2). Valgrind runs threads in turn (--fair-sched=yes) and hashing is made deterministic
# (SWIFT_DETERMINISTIC_HASHING, since a set's order decides some paths), so the same build and inputs give the
# same file. After the ranking come every variant of each C library string and memory function used (the CPU
# picks one at start-up, and valgrind's CPU is not this one) and the lock-wait functions (ORDER_WAITS: whether
# two threads meet on a lock still depends on timing, so they are not ranked). Run it after larger code changes;
# then `make build` relinks with the new order (the list only moves code: what bocheck does and says stays the
# same). A stale list only costs memory.
NM ?= llvm-nm
ORDER_PROFILE = .build/order-profile
ORDER_FIXTURES = Tests/BocheckTests/Fixtures/corpus
ORDER_WAITS = __lll_lock_wa|AtomicWaitQueue|awaitSatisfyingState
order-file:
	@command -v valgrind >/dev/null 2>&1 || { echo "make order-file: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
	$(call fresh_objects,$(STATIC_FLAGS)); $(SWIFT) build -c release $(STATIC_FLAGS) --product bocheck
	@rm -rf $(ORDER_PROFILE) && mkdir -p $(ORDER_PROFILE)/runs && cp .build/release/bocheck $(ORDER_PROFILE)/bocheck
	@rm -f $(RELEASE_BIN)
	@{ echo "check Samples/"; echo "check --no-config --format json Samples/"; \
		for f in Samples/* $(ORDER_FIXTURES)/*.txt $(ORDER_FIXTURES)/*.nc $(ORDER_FIXTURES)/*.html \
			$(ORDER_FIXTURES)/*.xml; do \
			echo "check --no-config $$f"; echo "check --no-config --format json $$f"; done; \
		echo "check --jobs 2 --no-config --format json $(ORDER_FIXTURES)"; \
		echo "parse $(ORDER_FIXTURES)/edgartools__schedule13d.xml"; } > $(ORDER_PROFILE)/runs.txt
	@run=0; while read -r args; do run=$$((run + 1)); status=0; \
		SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --fair-sched=yes --demangle=no --separate-recs=1 \
			--compress-strings=no --dump-line=no --callgrind-out-file=$(ORDER_PROFILE)/runs/$$run.out \
			$(ORDER_PROFILE)/bocheck $$args >/dev/null 2>&1 || status=$$?; \
		if [ $$status -gt 1 ]; then echo "make order-file: 'bocheck $$args' failed ($$status)" >&2; exit 1; fi; \
		sed -n 's/^c\{0,1\}fn=//p' $(ORDER_PROFILE)/runs/$$run.out | grep -v '^0x[0-9a-f]*$$\|^(\| ' \
			| LC_ALL=C sort -u | sed "s/^/$$run /"; \
	done < $(ORDER_PROFILE)/runs.txt > $(ORDER_PROFILE)/executed.txt
	@grep -Ev '$(ORDER_WAITS)' $(ORDER_PROFILE)/executed.txt | awk '{ runs[$$2]++; if (!($$2 in first)) first[$$2] = $$1 } \
		END { for (s in runs) printf "%05d %05d %s\n", first[s], 99999 - runs[s], s }' \
		| LC_ALL=C sort | awk '{ print $$3 }' > $(ORDER_PROFILE)/order.txt
	@sfx='(sse2|sse3|ssse3|sse4|sse41|sse42|sse4_1|sse4_2|avx|avx2|avx512|evex|evex512|erms|fma|fma3|fma4)'; \
		$(NM) --defined-only $(ORDER_PROFILE)/bocheck | awk '$$2 ~ /^[tT]$$/ { print $$3 }' | LC_ALL=C sort -u \
			> $(ORDER_PROFILE)/text-symbols.txt; \
		{ for base in $$(grep -E "^__[a-z0-9]+_$$sfx" $(ORDER_PROFILE)/order.txt | sed -E 's/^__([a-z0-9]+)_.*/\1/' \
			| LC_ALL=C sort -u); do grep -E "^__$${base}_$$sfx" $(ORDER_PROFILE)/text-symbols.txt; done; \
			grep -E '$(ORDER_WAITS)' $(ORDER_PROFILE)/text-symbols.txt; } \
			| LC_ALL=C sort -u | grep -vxFf $(ORDER_PROFILE)/order.txt >> $(ORDER_PROFILE)/order.txt; \
		cp $(ORDER_PROFILE)/order.txt $(ORDER_FILE)
	@echo "order-file: $$(wc -l < $(ORDER_FILE)) symbols in $(ORDER_FILE) (make build relinks with them)"

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
