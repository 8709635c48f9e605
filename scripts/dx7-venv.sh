#!/usr/bin/env bash
# Creates .venv with what the DX7 cross-check scripts need (numpy, soundfile); idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import numpy, soundfile" 2>/dev/null || .venv/bin/pip install -q numpy soundfile
