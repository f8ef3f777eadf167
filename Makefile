# bocheck: build, try, test and install the checker.
#
#   make build     release build (.build/release/bocheck)
#   make demo      build, then check the founding samples in Samples/ and print the report
#   make test      run the whole test suite (works on a fresh clone)
#   make install   install the tool and its built-in rules under PREFIX (default /usr/local)
#   make corpus    check the real filings of CORPUS (default ../shared/corpus/edgar) against expected.json
#   make corpus-raise  the same, then raise Tests/corpus-ratchet.json to every total this run betters
#   make bench     reading throughput on inputs built from the samples (release build)
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

FUZZ_SECONDS ?= 120
FUZZ_WORK ?= .build/fuzz-corpus

.PHONY: all build demo test corpus corpus-raise bench fuzz rules-doc install uninstall lint clean

all: build

build:
	$(SWIFT) build -c release

# bocheck exits 1 when it finds errors, which is what the samples are for: the demo succeeds whenever
# the check itself ran (exit status 0 or 1) and fails on 2 (usage error, unreadable input, bad rules).
demo: build
	@status=0; ./$(RELEASE_BIN) check Samples/ || status=$$?; \
	if [ $$status -gt 1 ]; then echo "make demo: bocheck failed with exit status $$status" >&2; exit 1; fi

test:
	$(SWIFT) test

CORPUS ?= ../shared/corpus/edgar
corpus:
	$(SWIFT) build -c release --product bocheck-corpus
	./.build/release/bocheck-corpus $(CORPUS)

corpus-raise:
	$(SWIFT) build -c release --product bocheck-corpus
	./.build/release/bocheck-corpus $(CORPUS) --raise Tests/corpus-ratchet.json

bench:
	$(SWIFT) build -c release --product bocheck-bench
	./.build/release/bocheck-bench

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
