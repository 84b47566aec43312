# The two commands a fresh Debian machine needs: `make site` and `make test`.
SWIFT ?= swift
BIN_DEBUG := .build/debug/syllabus
BIN_RELEASE := .build/release/syllabus
PYTEST := .venv/bin/pytest

.PHONY: site build release test unit-test integration-test deps test-deps clean bench fuzz

## make site: install what is missing, build, and write public/ from content/.
site: release
	$(BIN_RELEASE) build

deps:
	scripts/install-build-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test-deps: deps
	scripts/install-test-tools.sh

## make test: everything the tests need, then all tests.
test: test-deps unit-test integration-test

unit-test: build
	$(SWIFT) test

integration-test: build
	SYLLABUS_BIN=$(CURDIR)/$(BIN_DEBUG) $(PYTEST) -q IntegrationTests

clean:
	rm -rf .build public
