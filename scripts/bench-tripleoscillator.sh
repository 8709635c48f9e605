#!/usr/bin/env bash
# Benchmark of the TripleOscillator engine: renders per second of the reference note (4 s: hold 1 s, tail 3 s)
# over LMMS's 72 factory presets, on one core and on two, and the x-realtime factor. Nothing is written.
# usage: scripts/bench-tripleoscillator.sh [BIN]   (BIN defaults to .build/release/presetatlas)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/presetatlas}
PRESETS=.cache/factory/usr/share/lmms/presets/TripleOscillator
[ -d "$PRESETS" ] || { echo "bench: $PRESETS missing (run make deps)"; exit 1; }
ARGS=(render "$PRESETS" --no-write --note 69 --velocity 100 --hold 1.0 --tail 3.0 --tempo 120)
"$BIN" "${ARGS[@]}" --jobs 1 >/dev/null 2>&1  # warm-up (page cache, schema)
for jobs in 1 2; do
  for run in 1 2 3; do
    "$BIN" "${ARGS[@]}" --jobs "$jobs" 2>&1 | grep rendered | sed "s/^/tripleoscillator run $run: /"
  done
done
