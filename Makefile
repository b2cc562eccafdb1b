# pathway — two commands do everything on a fresh Debian machine with Swift: `make run` and `make test`.
SWIFT ?= swift
AS_OF := $(shell cat SampleData/AS_OF 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build needs (libxlsxwriter links zlib; pkg-config finds it).
DEB_PACKAGES := libxlsxwriter-dev zlib1g-dev libssl-dev pkg-config
PATHWAY := .build/release/pathway
# The Swift runtime and Foundation are linked into the executable: no dynamic binding of their symbols
# at start-up and direct calls to swift_retain/release (docs/PERFORMANCE.md, seventeenth pass).
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: deps build run test sample check-reports docs clean bench fuzz
SAMPLE_ARGS := --seed 20260331 --as-of $(AS_OF)

## deps: install the Debian packages that are missing (as root, or with sudo)
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## build: release build of the pathway executable
build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product pathway

## run: compute the sample authority's dashboards into Reports/ (as-of date in SampleData/AS_OF),
##      and the data-quality findings of the messy sample into Reports/messy-validation.csv
run: build
	$(PATHWAY) run --input SampleData --output Reports --as-of $(AS_OF) --config SampleData/pathway.yaml
	$(PATHWAY) validate --input SampleData/messy > Reports/messy-validation.csv

## sample: regenerate SampleData/ (5,000 children) and SampleData/messy/ (1,000 children, --messy)
sample: build
	$(PATHWAY) sample --output SampleData --children 5000 $(SAMPLE_ARGS)
	$(PATHWAY) sample --output SampleData/messy --children 1000 --messy $(SAMPLE_ARGS)

## test: every test (unit, golden, end to end)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## check-reports: regenerate SampleData/ and Reports/ from the committed code; fail on any difference
check-reports: sample run
	git diff --exit-code -- SampleData Reports
	@untracked=$$(git status --porcelain --untracked-files=all -- SampleData Reports); \
	if [ -n "$$untracked" ]; then echo "not committed:"; echo "$$untracked"; exit 1; fi

## bench: time pathway against cat and DuckDB on generated sets (see bench/README.md; data cached in ~/.cache/pathway-bench)
bench: build
	PATHWAY=$(PATHWAY) bench/bench.sh

## fuzz: libFuzzer+ASan harnesses in Fuzz/ for FUZZ_SECONDS (default 60) each; crash inputs go to Tests/PathwayCoreTests/Fuzz/Regressions
fuzz:
	Fuzz/run.sh

## docs: regenerate docs/KPIS.md from the KPI declarations
docs: build
	$(PATHWAY) kpis > docs/KPIS.md

clean:
	rm -rf .build
