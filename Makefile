# PresetAtlas: `make atlas` (the main job) and `make test`. Everything installs through `make deps`.
SWIFT ?= swift
RELEASE_BIN = .build/release/presetatlas
FACTORY = .cache/factory/usr/share
REPORT ?= Reports/factory
# Default gravity: LMMS demo projects and templates, Hydrogen demo songs, ZynAddSubFX banks (Debian).
BIAS_SOURCES = $(FACTORY)/lmms/projects $(FACTORY)/hydrogen/data/demo_songs $(FACTORY)/zynaddsubfx/banks

.PHONY: deps build release atlas test bench fidelity clean bias bench-bias

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product presetatlas

atlas: release
	$(RELEASE_BIN) info
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --out $(REPORT)

test: deps
	$(SWIFT) test

bench: release
	@echo "no benchmarks yet"

bias: release
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --out $(REPORT)

# Reading speed of the bias pipeline over the factory data (release build), for BENCHMARKS.md.
bench-bias: release
	@bash scripts/bench-bias.sh

clean:
	rm -rf .build
