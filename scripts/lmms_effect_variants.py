#!/usr/bin/env python3
"""LMMS 1.2.2 renders of one preset with chosen effects of its chain switched off, for test fixtures that check one
effect at a time (e.g. LB302's STrash with its CAPS PhaserI off leaves LMMS's stereo enhancer as the chain's only
effect PresetAtlas had not checked). Same song, note and storage as scripts/lmms_instrument_references.py.

usage: .venv/bin/python scripts/lmms_effect_variants.py PRESET.xpf OUTDIR --off N [N ...] [--name NAME] [--lmms-root DIR]
  N: 1-based positions in the preset's <fxchain>. Appends a row to OUTDIR/manifest.csv (origin "variant").
example: .venv/bin/python scripts/lmms_effect_variants.py Tests/Fixtures/lmms-instrument-references/lb302/STrash.xpf \\
           Tests/Fixtures/lmms-instrument-references/effects --off 2 --name STrash-without-PhaserI
"""
import argparse, csv, os, re, sys
import numpy as np, soundfile as sf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lmms_instrument_references as ref


def switched_off(text, positions):
    """The preset with the effects at `positions` (1-based) switched off."""
    effects = list(re.finditer(r"<effect [^>]*>", text))
    for n in sorted(positions, reverse=True):
        if not 1 <= n <= len(effects):
            sys.exit(f"the chain has {len(effects)} effects, no effect {n}")
        m = effects[n - 1]
        tag = re.sub(r'\bon="[^"]*"', 'on="0"', m.group(0))
        text = text[:m.start()] + tag + text[m.end():]
    return text


def main():
    a = argparse.ArgumentParser(usage=__doc__)
    a.add_argument("preset"); a.add_argument("out")
    a.add_argument("--off", type=int, nargs="+", required=True); a.add_argument("--name")
    a.add_argument("--lmms-root")
    args = a.parse_args()
    os.makedirs(args.out, exist_ok=True)
    name = args.name or os.path.splitext(os.path.basename(args.preset))[0] + "-off-" + "-".join(map(str, args.off))
    text = switched_off(open(args.preset).read(), args.off)
    open(os.path.join(args.out, name + ".xpf"), "w").write(text)
    wav = os.path.join(args.out, name + ".lmms.wav")
    ref.render(ref.lmms_root(args.lmms_root), text, wav)
    audio, rate = sf.read(wav, dtype="float32", always_2d=True)
    os.remove(wav)
    clip = np.clip(audio[: int(ref.SECONDS * rate)].mean(axis=1) * ref.STORED_SCALE, -1, 1)
    sf.write(os.path.join(args.out, name + ".flac"), clip, rate, subtype="PCM_24")
    manifest = os.path.join(args.out, "manifest.csv")
    rows = list(csv.DictReader(open(manifest))) if os.path.exists(manifest) else []
    rows = [r for r in rows if r["preset"] != name + ".xpf"]
    rows.append({"file": name + ".flac", "preset": name + ".xpf", "origin": "variant", "midi_note": ref.KEY + 12,
                 "tempo_bpm": ref.TEMPO, "note_beats": ref.TICKS / 48, "stored_scale": ref.STORED_SCALE,
                 "stored_channels": 1, "peak": f"{np.abs(audio).max():.4f}",
                 "channels_equal": int(np.array_equal(audio[:, 0], audio[:, 1])), "effects_off": " ".join(map(str, args.off))})
    with open(manifest, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[-1])); w.writeheader(); w.writerows(rows)
    print(name, rows[-1]["peak"])


if __name__ == "__main__":
    main()
