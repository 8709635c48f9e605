#!/bin/bash
# Queues the shard array, then the merge to run after every shard succeeded.
#   WORK=/shared/atlas SOURCES="/shared/banks/dx7 /shared/banks/lmms" bash deploy/slurm/submit.sh
set -euo pipefail
here=$(dirname "$0")
array=$(sbatch --parsable --export=ALL "$here/atlas-shards.sbatch")
sbatch --dependency="afterok:${array%%;*}" --export=ALL "$here/atlas-merge.sbatch"
