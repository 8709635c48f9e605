# PresetAtlas: `make atlas` (the main job) and `make test`. Everything installs through `make deps`.
SWIFT ?= swift
RELEASE_BIN = .build/release/presetatlas
FACTORY = .cache/factory/usr/share
REPORT ?= Reports/factory

.PHONY: deps build release atlas test bench fidelity clean bench-tripleoscillator

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product presetatlas

atlas: release
	$(RELEASE_BIN) info
	$(RELEASE_BIN) render $(FACTORY)/lmms/presets/TripleOscillator --out-dir $(REPORT)/renders --jobs 2

test: deps
	$(SWIFT) test

bench: release bench-tripleoscillator

bench-tripleoscillator: release
	@bash scripts/bench-tripleoscillator.sh $(RELEASE_BIN)

fidelity: release
	$(RELEASE_BIN) fidelity --references ../shared/fixtures/lmms-reference --presets $(FACTORY)/lmms/presets/TripleOscillator

clean:
	rm -rf .build
