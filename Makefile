# PresetAtlas: `make atlas` (the main job) and `make test`. Everything installs through `make deps`.
SWIFT ?= swift
RELEASE_BIN = .build/release/presetatlas
FACTORY = .cache/factory/usr/share
REPORT ?= Reports/factory
# Default gravity: LMMS demo projects and templates, Hydrogen demo songs; ZynAddSubFX, TripleOscillator
# and DX7 (hexter) factory banks (Debian).
BIAS_SOURCES = $(FACTORY)/lmms/projects $(FACTORY)/hydrogen/data/demo_songs $(FACTORY)/zynaddsubfx/banks \
	$(FACTORY)/lmms/presets/TripleOscillator $(FACTORY)/hexter $(wildcard .cache/songs/usr/share/mscore3-3.2)

.PHONY: deps build release atlas test bench fidelity clean bias bench-bias e2e bench-map bench-tripleoscillator bench-soundspace fidelity-dx7 bench-dx7
.PHONY: deps build release atlas test bench fidelity clean bias bench-bias e2e bench-map bench-features features-quality
.PHONY: deps build release atlas test bench fidelity clean bias bench-bias song-data e2e bench-map bench-tripleoscillator bench-soundspace

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product presetatlas

# The main job: the LMMS TripleOscillator factory bank, the DX7 ROM banks and Presets/ -> Reports/factory.
atlas: release song-data
	$(RELEASE_BIN) info
	$(RELEASE_BIN) render $(FACTORY)/lmms/presets/TripleOscillator --out-dir $(REPORT)/renders --jobs 2
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

test: deps song-data
	$(SWIFT) test

bench: release bench-tripleoscillator bench-dx7
bench: release bench-tripleoscillator bench-bias

bench-tripleoscillator: release
	@bash scripts/bench-tripleoscillator.sh $(RELEASE_BIN)

fidelity: release fidelity-dx7
	$(RELEASE_BIN) fidelity --references ../shared/fixtures/lmms-reference --presets $(FACTORY)/lmms/presets/TripleOscillator

# SoundSpace vs prdc and openTSNE on the same seeded data (figures in BENCHMARKS.md).
bench-soundspace: release
	bash scripts/bench-soundspace.sh

# DX7 engine speed: renders/s of a 3 s note on 1 and 2 cores, block kernel vs the naive loop.
bench-dx7: release
	$(RELEASE_BIN) bench-dx7 $(FACTORY)/hexter/dx7_roms.dx7 --hold 1.5 --tail 1.5 --jobs 1 --jobs 2

# DX7 fidelity: every ROM voice against hexter 1.1.1's renders (../shared/fixtures/dx7-reference).
fidelity-dx7: release
	$(RELEASE_BIN) fidelity-dx7 --references ../shared/fixtures/dx7-reference --bank $(FACTORY)/hexter/dx7_roms.dx7

bias: release
# MuseScore demo scores and templates for the tempo readers (Debian musescore3-common, ~4 MB).
song-data:
	@bash scripts/fetch-song-data.sh

bias: release song-data
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --out $(REPORT)

# Reading speed of the bias pipeline over the factory data (release build), for BENCHMARKS.md.
bench-bias: release
	@bash scripts/bench-bias.sh

# librosa vs `presetatlas embed` on the same 1000 clips of 4 s, 2 cores (figures in BENCHMARKS.md).
bench-features: release
	@bash scripts/features-venv.sh
	.venv/bin/python scripts/bench_features.py --clips 1000

# Embedding quality: precision@1/@5 of same-preset-other-note neighbours vs the MFCC-means baseline.
features-quality: release
	@bash scripts/features-quality.sh

clean:
	rm -rf .build
