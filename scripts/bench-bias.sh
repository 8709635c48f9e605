#!/usr/bin/env bash
# Times `presetatlas bias --json` (release build) over Debian's factory data: LMMS projects and
# Hydrogen songs (tempo), ZynAddSubFX banks, TripleOscillator presets + hexter DX7 banks (stickiness).
# Prints files, best-of-3 wall seconds and the CPU seconds (user + sys) of that run, for BENCHMARKS.md;
# CPU time is the figure to compare on a shared, loaded machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/presetatlas
F=.cache/factory/usr/share
[ -x "$BIN" ] || { echo "build first: make release" >&2; exit 1; }
TIMEFORMAT='%R %U %S'
for set in "tempo:$F/lmms/projects $F/hydrogen/data/demo_songs" "zynaddsubfx:$F/zynaddsubfx/banks" \
           "triple+dx7:$F/lmms/presets/TripleOscillator $F/hexter"; do
    name=${set%%:*}; paths=${set#*:}
    # shellcheck disable=SC2086
    files=$(find $paths -type f | wc -l)
    best_wall=999999; best_cpu=0
    for _ in 1 2 3; do
        # shellcheck disable=SC2086
        read -r wall user sys < <( { time "$BIN" bias $paths --json > /dev/null; } 2>&1 )
        if (( $(echo "$wall < $best_wall" | bc -l) )); then best_wall=$wall; best_cpu=$(echo "$user + $sys" | bc -l); fi
    done
    printf "%-12s %5d files  wall %6.2f s  cpu %6.2f s  %5.0f files per cpu-second\n" \
        "$name" "$files" "$best_wall" "$best_cpu" "$(echo "$files / $best_cpu" | bc -l)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
