#!/usr/bin/env bash
# Validates deploy/kubernetes/*.json against the Kubernetes OpenAPI schemas (kubernetes-validate from
# PyPI; kubectl is not on the development machines) and the Slurm scripts with bash -n.
#   bash scripts/check-deploy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh kubernetes-validate >/dev/null
for manifest in deploy/kubernetes/*.json; do
  .venv/bin/kubernetes-validate --strict "$manifest"
done
for script in deploy/slurm/*; do bash -n "$script" && echo "$script: bash -n ok"; done
