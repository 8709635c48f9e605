#!/usr/bin/env python3
"""Fidelity table for the DX7 engine while tuning: the reference distance of
../shared/fixtures/lmms-reference/README.md (mono, aligned at -50 dB of peak, RMS-normalised, mean
|log(|STFT|+1e-5)| difference over n_fft 512/1024/2048, hop n_fft/4, librosa-style centred Hann
frames) between our renders (DIR/dx7_roms_NNN.wav) and hexter's (fixtures/dx7-reference).
Usage: .venv/bin/python scripts/dx7-distance.py OURS_DIR [REFERENCE_DIR]"""
import sys, os, glob
import numpy as np
import soundfile as sf

def aligned(x):
    peak = np.max(np.abs(x)) if len(x) else 0
    if peak <= 0: return x
    idx = np.nonzero(np.abs(x) > peak * 10 ** (-50 / 20))[0]
    return x[idx[0]:] if len(idx) else x

def rms_norm(x):
    ms = np.mean(x.astype(np.float64) ** 2)
    return x / np.sqrt(ms) if ms > 0 else x

def logmag(x, n):
    hop = n // 4
    win = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)
    pad = np.pad(x, (n // 2, n // 2))
    frames = 1 + len(x) // hop
    idx = np.arange(n)[None, :] + hop * np.arange(frames)[:, None]
    padded = np.pad(pad, (0, max(0, idx.max() + 1 - len(pad))))
    return np.log(np.abs(np.fft.rfft(padded[idx] * win, axis=1)) + 1e-5)

def distance(a, b):
    x, y = rms_norm(aligned(a)), rms_norm(aligned(b))
    n = min(len(x), len(y)); x, y = x[:n], y[:n]
    return float(np.mean([np.mean(np.abs(logmag(x, s) - logmag(y, s))) for s in (512, 1024, 2048)]))

def main():
    ours = sys.argv[1]
    ref = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../shared/fixtures/dx7-reference")
    names = {}
    manifest = os.path.join(ref, "manifest.csv")
    if os.path.exists(manifest):
        import csv
        for row in csv.DictReader(open(manifest)):
            names[row.get("file", "")] = row.get("name", "")
    rows = []
    for path in sorted(glob.glob(os.path.join(ref, "*.flac"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        mine = os.path.join(ours, stem + ".wav")
        if not os.path.exists(mine): continue
        a, _ = sf.read(path, dtype="float32"); b, _ = sf.read(mine, dtype="float32")
        if a.ndim > 1: a = a.mean(axis=1)
        if b.ndim > 1: b = b.mean(axis=1)
        rows.append((distance(b, a), stem, names.get(os.path.basename(path), "")))
    for d, stem, name in sorted(rows):
        print(f"{d:6.3f}  {stem}  {name}")
    ds = np.array([r[0] for r in rows])
    print(f"n={len(ds)} median={np.median(ds):.3f} p90={np.percentile(ds, 90):.3f} share<=0.40={np.mean(ds <= 0.40):.2f}")

main()
