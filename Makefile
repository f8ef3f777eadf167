# bocheck: build, try, test and install the checker.
#
#   make build     release build (.build/release/bocheck)
#   make demo      build, then check the founding samples in Samples/ and print the report
#   make test      run the whole test suite (works on a fresh clone)
#   make install   install the tool and its built-in rules under PREFIX (default /usr/local)
#   make lint      swift format lint on the sources and tests
#   make clean     remove the build products

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BINDIR = $(DESTDIR)$(PREFIX)/bin
RULESDIR = $(DESTDIR)$(PREFIX)/share/bocheck/Rules
RELEASE_BIN = .build/release/bocheck

.PHONY: all build demo test install uninstall lint clean

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

# The installed tool finds its rules in ../share/bocheck/Rules relative to its own executable.
install: build
	install -d "$(BINDIR)" "$(RULESDIR)"
	install -m 755 $(RELEASE_BIN) "$(BINDIR)/bocheck"
	install -m 644 Rules/*.rule "$(RULESDIR)/"

uninstall:
	rm -f "$(BINDIR)/bocheck"
	rm -rf "$(DESTDIR)$(PREFIX)/share/bocheck"

lint:
	$(SWIFT) format lint --recursive Sources Tests

clean:
	rm -rf .build
