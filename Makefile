# PresetAtlas: `make atlas` (the main job) and `make test`. Everything installs through `make deps`.
SWIFT ?= swift
RELEASE_BIN = .build/release/presetatlas
FACTORY = .cache/factory/usr/share
REPORT ?= Reports/factory
# Default gravity: LMMS demo projects and templates, Hydrogen demo songs; ZynAddSubFX, TripleOscillator
# and DX7 (hexter) factory banks (Debian).
BIAS_SOURCES = $(FACTORY)/lmms/projects $(FACTORY)/hydrogen/data/demo_songs $(FACTORY)/zynaddsubfx/banks \
	$(FACTORY)/lmms/presets/TripleOscillator $(FACTORY)/hexter

.PHONY: deps build release atlas test bench fidelity clean bias bench-bias e2e bench-map bench-tripleoscillator bench-soundspace

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product presetatlas

# The main job: the LMMS TripleOscillator factory bank, the DX7 ROM banks and Presets/ -> Reports/factory.
atlas: release
	$(RELEASE_BIN) info
	$(RELEASE_BIN) render $(FACTORY)/lmms/presets/TripleOscillator --out-dir $(REPORT)/renders --jobs 2
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --out $(REPORT)
	$(RELEASE_BIN) atlas --out $(REPORT)
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --atlas $(REPORT) --out $(REPORT)

# Browser test of a small atlas in Debian's headless chromium (installed here only, not by `make test`).
E2E_REPORT ?= Reports/e2e
e2e: release
	@bash scripts/install-e2e-deps.sh
	$(RELEASE_BIN) atlas --out $(E2E_REPORT) --random 60 --sweep-steps 2
	python3 scripts/e2e.py $(E2E_REPORT)

# Redraw and hover cost of the report's map with 50,000 points (figures in BENCHMARKS.md).
bench-map: e2e
	python3 scripts/bench-map.py $(E2E_REPORT) 50000

test: deps
	$(SWIFT) test

bench: release bench-tripleoscillator

bench-tripleoscillator: release
	@bash scripts/bench-tripleoscillator.sh $(RELEASE_BIN)

fidelity: release
	$(RELEASE_BIN) fidelity --references ../shared/fixtures/lmms-reference --presets $(FACTORY)/lmms/presets/TripleOscillator

# SoundSpace vs prdc and openTSNE on the same seeded data (figures in BENCHMARKS.md).
bench-soundspace: release
	bash scripts/bench-soundspace.sh

bias: release
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --out $(REPORT)

# Reading speed of the bias pipeline over the factory data (release build), for BENCHMARKS.md.
bench-bias: release
	@bash scripts/bench-bias.sh

clean:
	rm -rf .build
