#!/usr/bin/env bash
# Creates .venv with the Python packages the cross-check scripts use (never needed by the product).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -c "import numpy, soundfile" 2>/dev/null || .venv/bin/pip install -q numpy soundfile
