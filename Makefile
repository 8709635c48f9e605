# PresetAtlas: `make atlas` (the main job) and `make test`. Everything installs through `make deps`.
SWIFT ?= swift
RELEASE_BIN = .build/release/presetatlas
FACTORY = .cache/factory/usr/share
REPORT ?= Reports/factory

.PHONY: deps build release atlas test bench fidelity clean bench-soundspace

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product presetatlas

atlas: release
	$(RELEASE_BIN) info

test: deps
	$(SWIFT) test

bench: release
	@echo "no benchmarks yet"

# SoundSpace vs prdc and openTSNE on the same seeded data (figures in BENCHMARKS.md).
bench-soundspace: release
	bash scripts/bench-soundspace.sh

clean:
	rm -rf .build
