#!/usr/bin/env bash
# Adds librosa (and numpy, soundfile) to .venv for the Features cross-checks and benchmark
# (scripts/bench_features.py). Benchmarks only: never the product's runtime path.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -c "import librosa, soundfile, numpy" 2>/dev/null || .venv/bin/pip install -q numpy soundfile librosa
