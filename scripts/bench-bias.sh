#!/usr/bin/env bash
# Times `presetatlas bias` (release build) over Debian's factory data: LMMS projects, Hydrogen songs
# and ZynAddSubFX banks. Prints files read and wall-clock seconds (best of 3) for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/presetatlas
F=.cache/factory/usr/share
[ -x "$BIN" ] || { echo "build first: make release" >&2; exit 1; }
for set in "tempo:$F/lmms/projects $F/hydrogen/data/demo_songs" "zynaddsubfx:$F/zynaddsubfx/banks"; do
    name=${set%%:*}; paths=${set#*:}
    files=$(find $paths -type f | wc -l)
    best=999999
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        "$BIN" bias $paths --json > /dev/null
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
    done
    printf "%-12s %5d files  %.2f s  %.0f files/s\n" "$name" "$files" "$best" "$(echo "$files / $best" | bc -l)"
done
