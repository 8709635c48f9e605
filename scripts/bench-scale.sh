#!/usr/bin/env bash
# End to end at scale: N random DX7 settings plus hexter's factory ROM banks through `presetatlas atlas`
# (render, embed, project, coverage, report), timed stage by stage, with peak memory from /usr/bin/time -v.
# Usage: bash scripts/bench-scale.sh [N]   (default 100000; the issue's goals: 100k under 4 min and 3 GB,
# 1M under 60 min and 6 GB on 2 cores). Figures go in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
BIN=.build/release/presetatlas
[ -x "$BIN" ] || swift build -c release --product presetatlas >/dev/null
ROMS=.cache/factory/usr/share/hexter/dx7_roms.dx7
[ -e "$ROMS" ] || { echo "bench-scale: $ROMS missing (make deps)"; exit 2; }
OUT=.cache/bench-scale/dx7-$N
rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$BIN" atlas "$ROMS" --random "$N" --out "$OUT" 2> "$OUT.time" || { cat "$OUT.time"; exit 1; }
grep -E "Elapsed|Maximum resident|User time|System time" "$OUT.time"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
du -sh "$OUT" | sed 's/^/report and store: /'
