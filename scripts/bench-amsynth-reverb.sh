#!/bin/sh
# Times amsynth's reverb on its own (scripts/amsynth-reverb-bench/main.swift with the engine's sources),
# optimised as the release build is (-Ounchecked, whole module). Usage: scripts/bench-amsynth-reverb.sh [RUNS]
set -e
here=$(cd "$(dirname "$0")" && pwd)
engine="$here/../Sources/Synthesis/Amsynth"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -Ounchecked -wmo -module-name AmsynthReverbBench -o "$out/bench" "$here/amsynth-reverb-bench/main.swift" \
    "$engine/AmsynthReverb.swift" "$engine/AmsynthMath.swift"
for _ in $(seq "${1:-3}"); do "$out/bench"; done
