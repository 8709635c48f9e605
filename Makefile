# PresetAtlas: `make atlas` (the main job) and `make test`. Everything installs through `make deps`.
SWIFT ?= swift
RELEASE_BIN = .build/release/presetatlas
FACTORY = .cache/factory/usr/share
REPORT ?= Reports/factory
# Default gravity: LMMS demo projects and templates, Hydrogen demo songs; ZynAddSubFX, TripleOscillator
# and DX7 (hexter) factory banks (Debian).
BIAS_SOURCES = $(FACTORY)/lmms/projects $(FACTORY)/hydrogen/data/demo_songs $(FACTORY)/zynaddsubfx/banks \
	$(FACTORY)/lmms/presets/TripleOscillator $(FACTORY)/hexter .cache/songs/usr/share/mscore3-3.2

.PHONY: deps song-data build release atlas test e2e e2e-run bias bias-projects fidelity fidelity-lmms fidelity-dx7 fidelity-amsynth bench-amsynth \
	bench bench-tripleoscillator bench-dx7 bench-bias bench-features bench-soundspace bench-umap bench-scale bench-peer bench-map \
	features-quality embedding-quality fuzz check-generated clean

# C libraries and the factory data users have (Debian), into .cache/factory.
deps:
	@bash scripts/install-deps.sh

# MuseScore demo scores and templates for the tempo readers (Debian musescore3-common, ~4 MB).
song-data:
	@bash scripts/fetch-song-data.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product presetatlas

# The main job: the LMMS TripleOscillator factory bank, the DX7 ROM banks and Presets/ -> Reports/factory.
atlas: release song-data
	$(RELEASE_BIN) render $(FACTORY)/lmms/presets/TripleOscillator --out-dir $(REPORT)/renders --jobs 2
	$(RELEASE_BIN) atlas --out $(REPORT)
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --atlas $(REPORT) --out $(REPORT)
	@echo "report: $(REPORT)/index.html (also summary.md, bias.md)"

# Every test, against the optimised build users run: one release build of the product and the test
# targets (-enable-testing for @testable imports, in its own scratch folder so `make atlas`'s build is
# not rebuilt), then the browser test of a small atlas with that binary, then the Swift Testing suites.
TEST_SCRATCH = .build-tests
TEST_FLAGS = -c release -Xswiftc -enable-testing --scratch-path $(TEST_SCRATCH)
test: deps song-data
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	$(MAKE) --no-print-directory e2e-run E2E_BIN=$(TEST_SCRATCH)/release/presetatlas
	$(SWIFT) test $(TEST_FLAGS) --skip-build

# Browser test of a small atlas in Debian's headless chromium (installed by its own script).
E2E_REPORT ?= Reports/e2e
E2E_BIN ?= $(RELEASE_BIN)
e2e: release
	@$(MAKE) --no-print-directory e2e-run

e2e-run:
	@bash scripts/install-e2e-deps.sh
	$(E2E_BIN) atlas --out $(E2E_REPORT) --random 60 --sweep-steps 2
	python3 scripts/e2e.py $(E2E_REPORT)

bias: release song-data
	$(RELEASE_BIN) bias $(BIAS_SOURCES) --out $(REPORT)

# Default gravity in real projects: ../shared/corpora/projects (215 files from 32 repositories, grouped
# per repository by their owner__repo__ file names) plus the Debian demo songs.
PROJECTS ?= ../shared/corpora/projects
BIAS_SONGS = $(FACTORY)/lmms/projects $(FACTORY)/hydrogen/data/demo_songs .cache/songs/usr/share/mscore3-3.2
bias-projects: release song-data
	$(RELEASE_BIN) bias $(PROJECTS) $(BIAS_SONGS) --group-by name-prefix --out Reports/projects

# Our renders against the real tools' renders in ../shared/fixtures.
fidelity: fidelity-lmms fidelity-dx7 fidelity-amsynth

fidelity-lmms: release
	$(RELEASE_BIN) dev fidelity --references ../shared/fixtures/lmms-reference --presets $(FACTORY)/lmms/presets/TripleOscillator

fidelity-dx7: release
	$(RELEASE_BIN) dev fidelity-dx7 --references ../shared/fixtures/dx7-reference --bank $(FACTORY)/hexter/dx7_roms.dx7

fidelity-amsynth: release
	$(RELEASE_BIN) dev fidelity-amsynth --references ../shared/fixtures/amsynth-reference --banks $(FACTORY)/amsynth/banks

# The product's speed (figures in BENCHMARKS.md). The Python side-by-side runs are separate targets:
# bench-features (librosa), bench-soundspace (prdc, openTSNE; about 45 minutes), bench-map (chromium).
bench: bench-tripleoscillator bench-dx7 bench-amsynth bench-bias

bench-tripleoscillator: release
	@bash scripts/bench-tripleoscillator.sh $(RELEASE_BIN)

bench-dx7: release
	$(RELEASE_BIN) dev bench-dx7 $(FACTORY)/hexter/dx7_roms.dx7 --hold 1.5 --tail 1.5 --jobs 1 --jobs 2
	$(RELEASE_BIN) dev bench-dx7 --random 512 --seed 1 --hold 1.5 --tail 1.5 --jobs 1 --jobs 2 --rounds 6

bench-amsynth: release
	$(RELEASE_BIN) dev bench-amsynth $(FACTORY)/amsynth/banks/BriansBank01.amSynth.bank --jobs 1 --jobs 2

bench-bias: release
	@bash scripts/bench-bias.sh

bench-features: release
	@bash scripts/setup-venv.sh librosa
	.venv/bin/python scripts/bench_features.py --clips 1000

bench-soundspace: release
	bash scripts/bench-soundspace.sh

# UMAP against umap-learn on the same 10k and 50k x 64 points (a few minutes; umap-learn's numba JIT is most of it).
bench-umap: release
	bash scripts/bench-soundspace.sh umap10k umap50k

# 100,000 random DX7 settings plus the ROM banks end to end, with peak memory (N: make bench-scale SCALE=1000000).
bench-scale: release
	bash scripts/bench-scale.sh $(or $(SCALE),100000)

# Our pipeline against the Python one a researcher would write (torchsynth, librosa, openTSNE, prdc) on N
# random patches each, side by side in one run (N: make bench-peer PEER=2048; default 20000).
bench-peer: release
	bash scripts/bench-peer.sh $(or $(PEER),20000)

bench-map: e2e
	python3 scripts/bench-map.py $(E2E_REPORT) 1000000

# Embedding quality: precision@1/@5 of same-preset-other-note neighbours vs the MFCC-means baseline.
features-quality: release
	@bash scripts/features-quality.sh

# Does the embedding hear the sound, not the note or the volume? Category kNN accuracy and macro-F1,
# same voice at another note, movement under velocity and -12 dB, against MFCC and log-mel baselines, on
# the DX7 ROMs, the DX7 corpus in ../shared and the LMMS factory bank (BENCHMARKS.md). LIMIT=N thins the
# corpus to a seeded sample of N voices; LABEL names the results folder under Reports/embedding-quality.
LABEL ?= current
embedding-quality: release
	@bash scripts/setup-venv.sh librosa scikit-learn
	.venv/bin/python scripts/embedding_quality.py --bin $(RELEASE_BIN) --label $(LABEL) $(if $(LIMIT),--limit $(LIMIT))

# Fuzzing: every reader under libFuzzer + AddressSanitizer, FUZZ_SECONDS each (default 300); not part of
# `make test`. `scripts/fuzz.sh lmms dx7` runs some targets only.
fuzz: deps
	@bash scripts/fuzz.sh

# Generated tables (Sources/Synthesis/Generated) must be what their script writes today, byte for byte.
check-generated:
	@tmp=$$(mktemp) && python3 scripts/generate-sobol-directions.py $$tmp \
		&& cmp $$tmp Sources/Synthesis/Generated/SobolDirectionNumbers.swift \
		&& echo "check-generated: SobolDirectionNumbers.swift is byte-identical to a fresh run"; \
		status=$$?; rm -f $$tmp; exit $$status

clean:
	rm -rf .build
