#!/usr/bin/env bash
# `make fuzz`: one libFuzzer binary per reader, built with `swiftc -sanitize=fuzzer,address` straight from
# Sources/ (SwiftPM is not involved, so the package's own builds are untouched), seeded from the real files
# in .cache/factory (`make deps`) and Presets/, each run FUZZ_SECONDS (default 300) with a 1 GB RSS and
# malloc limit and a 10 s per-input timeout. Crashes land in .build/fuzz/crashes/<target>/; each one found
# becomes a regression test. Usage: scripts/fuzz.sh [target ...]  (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build/fuzz
SECONDS_PER_TARGET=${FUZZ_SECONDS:-300}
FACTORY=.cache/factory/usr/share
mkdir -p "$OUT/crashes"
# Leaks in system libraries (libvorbis, Foundation) are listed in Fuzz/lsan.supp; ours still stop a run.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"

CFLAGS=$(pkg-config --cflags libxml-2.0 sndfile fftw3f zlib)
SWIFTFLAGS=(-sanitize=fuzzer,address -O -g -parse-as-library -enable-testing -swift-version 6 -I "$OUT")
for map in Sources/C*/module.modulemap; do SWIFTFLAGS+=(-Xcc "-fmodule-map-file=$map"); done
for flag in $CFLAGS; do SWIFTFLAGS+=(-Xcc "$flag"); done
LIBS=(-lxml2 -lsndfile -lfftw3f -lz)

# A Swift module as a static library, rebuilt when any of its sources is newer.
module() {
    local name=$1 folder=$2
    local lib="$OUT/lib$name.a"
    if [[ -f $lib && -z $(find "$folder" -name '*.swift' -newer "$lib" | head -1) ]]; then return; fi
    echo "fuzz: building $name"
    swiftc "${SWIFTFLAGS[@]}" -emit-library -static -emit-module -module-name "$name" \
        -emit-module-path "$OUT/$name.swiftmodule" -o "$lib" $(find "$folder" -name '*.swift' | sort)
}
module Audio Sources/Audio
module InputFiles Sources/InputFiles
module Synthesis Sources/Synthesis
module NumpyFormat Sources/NumpyFormat
module Formats Sources/Formats
module Features Sources/Features
module SoundSpace Sources/SoundSpace
module FuzzSupport Fuzz/Support
MODULE_LIBS=(-L "$OUT" -lFuzzSupport -lSoundSpace -lFeatures -lFormats -lNumpyFormat -lSynthesis -lInputFiles -lAudio)

# Seeds: up to 400 real files of each kind whose names match SEED_NAME (default: any), copied, so a run never
# writes into .cache. The list is read whole before it is cut: `find | head` under `pipefail` ended the
# script (find dies of SIGPIPE once head has its 400) as soon as a folder held more, as .cache/songs does.
seed() {
    local target=$1 corpus="$OUT/corpus/$1" files=(); shift
    mkdir -p "$corpus"
    for source in "$@"; do
        [[ -e $source ]] || continue
        mapfile -t files < <(find "$source" -type f -size -2M -name "${SEED_NAME:-*}" 2>/dev/null | sort)
        for file in "${files[@]:0:400}"; do
            cp -n "$file" "$corpus/$(echo "$file" | md5sum | cut -c1-16)" 2>/dev/null || true
        done
    done
    python3 scripts/fuzz_seeds.py "$target" "$corpus"
}

run() {
    local target=$1 binary=$2; shift 2
    local crashes="$OUT/crashes/$target"
    mkdir -p "$crashes"
    echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
    # -rss_limit_mb/-malloc_limit_mb: an input that makes a reader take over 1 GB is a finding too.
    "$binary" "$OUT/corpus/$target" -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=1024 \
        -malloc_limit_mb=1024 -timeout=10 -max_len=262144 -artifact_prefix="$crashes/" -print_final_stats=1 \
        "$@" 2>&1 | tee "$OUT/$target.log" | grep -E "^#[0-9]+.*(INITED|DONE)|ERROR|SUMMARY|stat::number_of_executed_units" || true
}

# target  binary-source      seed folders
TARGETS=(lmms dx7 zynaddsubfx native numpy csv audio
         tempo-midi tempo-protracker tempo-fasttracker tempo-screamtracker tempo-impulsetracker
         tempo-lmms tempo-hydrogen tempo-musescore tempo-musescore-zip tempo-rosegarden tempo-ardour
         tempo-ableton tempo-flstudio tempo-reaper tempo-renoise tempo-any)
WANTED=("$@")
[[ ${#WANTED[@]} -gt 0 ]] || WANTED=("${TARGETS[@]}")

for target in "${WANTED[@]}"; do
    source=${target%%-*}
    binary="$OUT/fuzz-$source"
    if [[ ! -x $binary || Fuzz/Targets/$source.swift -nt $binary || $OUT/libFormats.a -nt $binary || $OUT/libFeatures.a -nt $binary ]]; then
        echo "fuzz: linking $binary"
        # gold warns once per ASan helper symbol; the log keeps them, a failure shows them.
        swiftc "${SWIFTFLAGS[@]}" "Fuzz/Targets/$source.swift" "${MODULE_LIBS[@]}" "${LIBS[@]}" -o "$binary" \
            > "$OUT/link-$source.log" 2>&1 || { tail -20 "$OUT/link-$source.log"; exit 1; }
    fi
    case $target in
        lmms) seed "$target" "$FACTORY/lmms/presets" ;;
        dx7) seed "$target" "$FACTORY/hexter" ;;
        zynaddsubfx) seed "$target" "$FACTORY/zynaddsubfx/banks/Companion" "$FACTORY/zynaddsubfx/banks/Bass" ;;
        native) seed "$target" Presets/tripleoscillator Presets/dx7 ;;
        numpy) seed "$target" ../shared/fixtures/librosa ;;
        csv) seed "$target" Presets/default-tempos.csv ;;
        audio) seed "$target" "$FACTORY/lmms/samples/drums" ;;
        tempo-lmms) seed "$target" "$FACTORY/lmms/projects/templates" "$FACTORY/lmms/projects/tutorials" ;;
        tempo-hydrogen) seed "$target" "$FACTORY/hydrogen/data/demo_songs" ;;
        tempo-any) seed "$target" "$FACTORY/hydrogen/data/demo_songs" "$FACTORY/lmms/projects/templates"
            SEED_NAME='*.msc?' seed "$target" .cache/songs ;;
        tempo-musescore) SEED_NAME='*.mscx' seed "$target" .cache/songs ;;
        tempo-musescore-zip) SEED_NAME='*.mscz' seed "$target" .cache/songs ;;
        *) seed "$target" ;;
    esac
    if [[ $target == tempo-* ]]; then
        FUZZ_TEMPO_FORMAT=${target#tempo-} run "$target" "$binary"
    else
        run "$target" "$binary"
    fi
done
echo "fuzz: logs in $OUT/<target>.log; anything found in $OUT/crashes/<target>/"
