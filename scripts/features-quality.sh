#!/usr/bin/env bash
# Embedding quality on the factory banks (make features-quality): renders every preset at MIDI 48, 60
# and 72 with `presetatlas render` (hold 1 s, tail 3 s), embeds them with our descriptors and with the
# plain MFCC-means baseline, and prints precision@1/@5 of "same preset at other notes is nearest".
# Banks: LMMS TripleOscillator factory presets (72) and hexter's DX7 ROM collection (dx7_roms.dx7; a render
# of voice i is named dx7_roms_iii, so each voice is its own preset here, duplicates across ROMs included).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/presetatlas}
OUT=.cache/features-quality
FACTORY=.cache/factory/usr/share
mkdir -p "$OUT"
banks=("lmms:$FACTORY/lmms/presets/TripleOscillator" "dx7:$FACTORY/hexter/dx7_roms.dx7")
for bank in "${banks[@]}"; do
  name=${bank%%:*}; source=${bank#*:}
  dir="$OUT/$name/renders"
  mkdir -p "$dir"
  for note in 48 60 72; do
    tmp="$OUT/$name/n$note"
    if [ ! -d "$tmp" ]; then
      "$BIN" render "$source" --out-dir "$tmp.partial" --note "$note" --hold 1.0 --tail 3.0 --jobs 2 >/dev/null || true
      mv "$tmp.partial" "$tmp"
    fi
    for f in "$tmp"/*.wav; do
      stem=$(basename "$f" .wav)
      ln -sf "$(realpath "$f")" "$dir/${stem}_n$note.wav"
    done
  done
  for kind in descriptors mfcc-means; do
    "$BIN" embed "$dir" --out "$OUT/$name/$kind.npy" --kind "$kind" --note-off 1.0 --quiet
    python3 scripts/features_quality.py "$OUT/$name/$kind.npy" "$name $kind"
  done
done
