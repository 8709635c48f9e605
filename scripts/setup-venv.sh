#!/usr/bin/env bash
# Creates .venv (PyPI) for the cross-check and benchmark scripts, never for the product's runtime path.
# Always numpy and soundfile; extra packages as arguments, installed only when missing:
#   bash scripts/setup-venv.sh                              # distance cross-checks (LMMS, DX7)
#   bash scripts/setup-venv.sh librosa                      # Features cross-checks and benchmark
#   bash scripts/setup-venv.sh scikit-learn openTSNE prdc   # SoundSpace cross-checks and benchmark
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
missing=()
for package in numpy soundfile "$@"; do
  module=$(echo "$package" | tr 'A-Z-' 'a-z_'); [ "$module" = scikit_learn ] && module=sklearn
  .venv/bin/python -c "import $module" 2>/dev/null || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] || .venv/bin/pip install -q "${missing[@]}"
