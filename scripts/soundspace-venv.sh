#!/usr/bin/env bash
# Creates .venv with the Python references SoundSpace is benchmarked and cross-checked against
# (openTSNE, scikit-learn, prdc, numpy). Benchmarks and cross-checks only: never the product's runtime path.
set -euo pipefail
cd "$(dirname "$0")/.."
STAMP=.venv/.soundspace-complete
if [ -f "$STAMP" ]; then exit 0; fi
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q numpy scikit-learn openTSNE prdc
touch "$STAMP"
