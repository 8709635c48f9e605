#!/usr/bin/env python3
"""What a listen to a folder of rendered patches would meet, measured (nobody here can hear): per WAV the
level (RMS and peak, dBFS), the strongest partial (Hz and nearest note), the spectral centroid and how many
partials stand within 20 dB of the strongest while the note is held, the attack (10-90 % of the envelope's
peak), and how long the sound lasts (until the envelope stays 60 dB under its peak).
usage: .venv/bin/python scripts/describe_renders.py DIR [HOLD_SECONDS=1]"""
import glob, math, os, sys
import numpy as np, soundfile as sf

NOTES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
def note(hz):
    if not hz or hz <= 0: return "-"
    m = 69 + 12 * math.log2(hz / 440)
    return f"{NOTES[int(round(m)) % 12]}{int(round(m)) // 12 - 1}{(m - round(m)) * 100:+.0f}c"

folder = sys.argv[1]
hold = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rows = []
for path in sorted(glob.glob(os.path.join(folder, "*.wav"))):
    x, sr = sf.read(path, always_2d=True, dtype="float64")
    x = x.mean(axis=1)
    rms = 20 * math.log10(max(np.sqrt(np.mean(x ** 2)), 1e-12)); peak = 20 * math.log10(max(np.max(np.abs(x)), 1e-12))
    seg = x[int(0.1 * sr): int(hold * sr)]
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg)))) if len(seg) > 1024 else np.zeros(2)
    freqs = np.fft.rfftfreq(len(seg), 1 / sr) if len(seg) > 1024 else np.zeros(2)
    k = int(np.argmax(spec[1:])) + 1
    top = freqs[k] if spec[k] > 0 else 0
    centroid = float((freqs * spec).sum() / spec.sum()) if spec.sum() > 0 else 0
    # Peaks within 20 dB of the strongest: local maxima of the magnitude spectrum.
    strong = spec > spec[k] * 0.1
    partials = int(np.sum(strong[1:-1] & (spec[1:-1] > spec[:-2]) & (spec[1:-1] >= spec[2:])))
    frame = int(0.01 * sr)
    env = np.array([np.sqrt(np.mean(x[i:i + frame] ** 2)) for i in range(0, len(x) - frame, frame)])
    ep = env.max() if len(env) else 0
    if ep > 0:
        attack = (np.argmax(env >= 0.9 * ep) - np.argmax(env >= 0.1 * ep)) * 0.01
        loud = np.nonzero(env > ep * 10 ** (-60 / 20))[0]
        lasts = (loud[-1] + 1) * 0.01 if len(loud) else 0
    else:
        attack = lasts = 0
    rows.append((os.path.basename(path), rms, peak, top, centroid, partials, attack, lasts, len(x) / sr))
    print(f"{os.path.basename(path)[:28]:28s} rms {rms:6.1f} dBFS  peak {peak:6.1f}  strongest {top:8.1f} Hz {note(top):9s} "
          f"centroid {centroid:7.0f} Hz  partials {partials:3d}  attack {attack:5.2f} s  lasts {lasts:5.2f} s of {len(x) / sr:.1f}")
if rows:
    a = np.array([r[1:] for r in rows], dtype=float)
    print(f"{len(rows)} renders: median rms {np.median(a[:, 0]):.1f} dBFS, median centroid {np.median(a[:, 3]):.0f} Hz, "
          f"median partials {np.median(a[:, 4]):.0f}, median attack {np.median(a[:, 5]):.2f} s, median length {np.median(a[:, 6]):.2f} s, "
          f"{int(np.sum(a[:, 6] >= a[:, 7] - 0.05))} still sounding at the end")
