#!/usr/bin/env python3
"""Cross-check of our TripleOscillator renders against LMMS's reference renders (never in the product's path).

Distance as ../shared/fixtures/lmms-reference/README.md defines it: mono downmix, aligned at the first
sample above -50 dB of peak, RMS-normalised, mean |log10(|STFT|+1e-5)| difference (log10 as Features' ReferenceDistance) over FFT sizes
512/1024/2048 (hop n/4), averaged. Also prints pitch (FFT peak) error in cents and level difference in dB.
usage: lmms_distance.py RENDER_DIR [NAMES...]"""
import sys, os, glob
import numpy as np, soundfile as sf

REF = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "fixtures", "lmms-reference")
if not os.path.isdir(REF):
    REF = "/work/shared/fixtures/lmms-reference"

def mono(path, scale=1.0):
    x, sr = sf.read(path, always_2d=True, dtype="float64")
    return x.mean(axis=1) * scale, sr

def align(x):
    peak = np.max(np.abs(x))
    if peak == 0: return x
    i = np.argmax(np.abs(x) > peak * 10 ** (-50 / 20))
    return x[i:]

def stft_mag(x, n):
    # librosa framing (centred frames, zero padding), as Features' ReferenceDistance.
    hop = n // 4
    frames = 1 + len(x) // hop
    x = np.pad(x, (n // 2, n))
    idx = np.arange(n)[None, :] + hop * np.arange(frames)[:, None]
    win = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)
    return np.abs(np.fft.rfft(x[idx] * win, axis=1))

def distance(a, b):
    a, b = align(a), align(b)
    m = min(len(a), len(b)); a, b = a[:m], b[:m]
    ra, rb = np.sqrt(np.mean(a * a)), np.sqrt(np.mean(b * b))
    if ra == 0 or rb == 0: return float("nan")
    a, b = a / ra, b / rb
    return float(np.mean([np.mean(np.abs(np.log10(stft_mag(a, n) + 1e-5) - np.log10(stft_mag(b, n) + 1e-5))) for n in (512, 1024, 2048)]))

def peak_hz(x, sr):
    seg = x[int(0.1 * sr): int(0.9 * sr)]
    if len(seg) < 1024: return float("nan")
    n = 1 << 18
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg)), n))
    k = int(np.argmax(spec[1:])) + 1
    if 1 <= k < len(spec) - 1:
        a, b, c = np.log(spec[k - 1] + 1e-20), np.log(spec[k] + 1e-20), np.log(spec[k + 1] + 1e-20)
        k = k + 0.5 * (a - c) / (a - 2 * b + c)
    return k * sr / n

def main():
    out = sys.argv[1]
    names = sys.argv[2:] or sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(REF, "*.flac")))
    rows = []
    for name in names:
        ref, sr = mono(os.path.join(REF, name + ".flac"), 4.0)
        path = os.path.join(out, name + ".wav")
        if not os.path.exists(path):
            print(f"{name:22s} missing"); continue
        x, _ = sf.read(path, always_2d=True, dtype="float64")
        # Store ours as the references are stored (x0.25, 24-bit) so both share the quantisation floor.
        x = np.round(np.clip(x * 0.25, -1, 1 - 2 ** -23) * 2 ** 23) / 2 ** 23 * 4
        ours = x.mean(axis=1)
        d = distance(ours, ref)
        fr, fo = peak_hz(ref, sr), peak_hz(ours, sr)
        cents = 1200 * np.log2(fo / fr) if fr > 0 and fo > 0 else float("nan")
        lvl = 20 * np.log10(np.sqrt(np.mean(ours ** 2)) / np.sqrt(np.mean(ref ** 2)))
        rows.append((name, d, cents, lvl))
        print(f"{name:22s} {d:6.3f} {cents:8.1f} c {lvl:6.2f} dB")
    ds = np.array([r[1] for r in rows])
    print(f"median {np.nanmedian(ds):.3f}  <=0.35: {np.mean(ds <= 0.35) * 100:.0f}%  n={len(ds)}")

if __name__ == "__main__":
    main()
