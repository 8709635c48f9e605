#!/usr/bin/env bash
# `make bench-peer`: our whole pipeline against the Python pipeline a researcher would write, in one run on
# this machine, on N random patches each (default 20000): `presetatlas atlas` of N random DX7 settings (4 s
# sounds: --hold 3 --tail 1, no sweeps) against scripts/python_peer_pipeline.py (torchsynth Voice CPU renders
# of 4 s, librosa log-mel + MFCC, openTSNE, prdc). The peer's packages live in their own .venv-peer because
# torchsynth 1.0.2 needs pytorch-lightning 1.6 and a setuptools with pkg_resources.
# Usage: bash scripts/bench-peer.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
BIN=.build/release/presetatlas
[ -x "$BIN" ] || swift build -c release --product presetatlas >/dev/null
ROMS=.cache/factory/usr/share/hexter/dx7_roms.dx7
[ -e "$ROMS" ] || { echo "bench-peer: $ROMS missing (make deps)"; exit 2; }
if ! .venv-peer/bin/python -W ignore -c "import torchsynth.synth, librosa, openTSNE, prdc" 2>/dev/null; then
  python3 -m venv .venv-peer
  .venv-peer/bin/pip install -q torchsynth "pytorch-lightning==1.6.5" "setuptools<81" librosa openTSNE prdc
fi
OUT=.cache/bench-peer
rm -rf "$OUT" && mkdir -p "$OUT"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== ours: presetatlas atlas, $N random DX7 settings + the ROM banks"
/usr/bin/time -v "$BIN" atlas "$ROMS" --random "$N" --hold 3 --tail 1 --sweep-steps 0 --out "$OUT/ours" \
  2> "$OUT/ours.log" >/dev/null || { tail -20 "$OUT/ours.log"; exit 1; }
grep -E " took |Elapsed|Maximum resident|User time|System time" "$OUT/ours.log"
# The peer writes no audio; the same run without the random settings' Ogg previews is the like-for-like row.
echo "== ours without previews (--random-previews 0; the ROM voices keep theirs)"
/usr/bin/time -v "$BIN" atlas "$ROMS" --random "$N" --random-previews 0 --hold 3 --tail 1 --sweep-steps 0 \
  --out "$OUT/ours-no-previews" 2> "$OUT/ours-no-previews.log" >/dev/null || { tail -20 "$OUT/ours-no-previews.log"; exit 1; }
grep -E " took |Elapsed|Maximum resident|User time|System time" "$OUT/ours-no-previews.log"
echo "== peer: torchsynth + librosa + openTSNE + prdc, $N random Voice settings"
/usr/bin/time -v .venv-peer/bin/python -W ignore scripts/python_peer_pipeline.py "$N" "$OUT/peer.json" \
  > "$OUT/peer.log" 2> "$OUT/peer.time" || { tail -20 "$OUT/peer.log" "$OUT/peer.time"; exit 1; }
python3 -c "import json; r = json.load(open('$OUT/peer.json')); print('stage CPU s:', {k: round(v, 1) for k, v in r['cpu_seconds'].items()}); print('stage wall s:', {k: round(v, 1) for k, v in r['wall_seconds'].items()})"
grep -E "Elapsed|Maximum resident|User time|System time" "$OUT/peer.time"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
