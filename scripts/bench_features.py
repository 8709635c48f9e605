#!/usr/bin/env python3
"""Times librosa against `presetatlas embed` on the same clips (make bench-features).

Makes N deterministic 4 s synthetic notes (44.1 kHz float WAV: saw/square/sine mixtures, several
envelopes, vibrato, tremolo, noise) under .cache/bench-features/clips, then:
  - librosa: for every clip, the same frame features our embedding reads (STFT power, 128-band mel,
    power_to_db, MFCC, centroid, bandwidth, flatness, rolloff, ZCR, RMS, onset strength, and YIN over
    the held part), in 2 worker processes (one BLAS thread each): the same 2 cores;
  - ours: `presetatlas embed` (release build) with --jobs 2 over the same folder;
and prints clips/s of both (wall clock, 2 workers each) and the ratio; CPU ms per clip of both and that
ratio (steadier than wall clock on a shared, loaded machine); our peak memory on N/4 and N clips
(memory must stay flat). Results also go to .cache/bench-features/result.json.
Usage: .venv/bin/python scripts/bench_features.py [--clips 1000] [--librosa-clips 1000]
"""
import argparse, json, os, resource, subprocess, sys, time
from multiprocessing import Pool

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")
import numpy as np
import soundfile as sf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(ROOT, ".cache", "bench-features")
SR = 44100
SECONDS = 4.0
NOTE_OFF = 1.0


def make_clip(i):
    rng = np.random.default_rng(i)
    t = np.arange(int(SR * SECONDS)) / SR
    f0 = 440.0 * 2 ** ((rng.integers(36, 85) - 69) / 12)
    vibrato = 1 + (rng.random() < 0.3) * 0.01 * np.sin(2 * np.pi * rng.uniform(4, 7) * t)
    phase = np.cumsum(2 * np.pi * f0 * vibrato / SR)
    kind = i % 4
    harmonics = range(1, max(2, min(30, int(8000 / f0))))
    if kind == 0:
        y = sum(np.sin(h * phase) / h for h in harmonics)
    elif kind == 1:
        y = sum(np.sin(h * phase) / h for h in harmonics if h % 2)
    elif kind == 2:
        y = np.sin(phase + rng.uniform(0, 4) * np.sin(rng.integers(1, 5) * phase))
    else:
        y = rng.standard_normal(t.size) * 0.3 + np.sin(phase)
    attack = rng.uniform(0.002, 0.3)
    release = rng.uniform(0.05, 1.5)
    sustain = rng.uniform(0.2, 1.0)
    env = np.where(t < attack, t / attack, sustain + (1 - sustain) * np.exp(-(t - attack) / 0.2))
    env = np.where(t > NOTE_OFF, env[int(NOTE_OFF * SR)] * np.exp(-(t - NOTE_OFF) / release), env)
    if rng.random() < 0.3:
        env *= 1 + 0.3 * np.sin(2 * np.pi * rng.uniform(3, 8) * t)
    y = (0.3 * y * env / max(1e-9, np.max(np.abs(y)))).astype(np.float32)
    return y


def ensure_clips(n):
    folder = os.path.join(CACHE, f"clips{n}")
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        path = os.path.join(folder, f"clip{i:05d}.wav")
        if not os.path.exists(path):
            sf.write(path, make_clip(i), SR, subtype="FLOAT")
    return folder


def librosa_features(path):
    import librosa
    y, sr = sf.read(path, dtype="float32")
    S = np.abs(librosa.stft(y, n_fft=2048, hop_length=512, center=True, pad_mode="constant")) ** 2
    mel = librosa.feature.melspectrogram(S=S, sr=sr, n_mels=128)
    log_mel = librosa.power_to_db(mel, ref=1.0, amin=1e-10, top_db=None)
    mfcc = librosa.feature.mfcc(S=log_mel, n_mfcc=13)
    mag = np.sqrt(S)
    c = librosa.feature.spectral_centroid(S=mag, sr=sr)
    b = librosa.feature.spectral_bandwidth(S=mag, sr=sr)
    f = librosa.feature.spectral_flatness(S=mag)
    r = librosa.feature.spectral_rolloff(S=mag, sr=sr)
    z = librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512)
    rms = librosa.feature.rms(S=mag, frame_length=2048)
    flux = librosa.onset.onset_strength(S=log_mel, sr=sr)
    held = y[: int(NOTE_OFF * sr)]
    f0 = librosa.yin(held, fmin=44, fmax=2000, sr=sr, frame_length=2048, hop_length=1024)
    return float(mfcc.mean() + c.mean() + b.mean() + f.mean() + r.mean() + z.mean() + rms.mean() + flux.mean() + np.nanmean(f0))


def warm_worker(path):
    librosa_features(path)  # import librosa and compile its numba kernels before timing
    return 0


def timed_features(path):
    start = time.process_time()
    librosa_features(path)
    return time.process_time() - start


def time_librosa(files):
    """Wall seconds, and CPU seconds summed over clips, for librosa over `files` in 2 processes."""
    with Pool(2) as pool:
        pool.map(warm_worker, files[:2], chunksize=1)
        start = time.perf_counter()
        cpu = sum(pool.map(timed_features, files, chunksize=8))
        return time.perf_counter() - start, cpu


def time_ours(binary, folder, n):
    """Wall seconds, CPU seconds, peak RSS (kB) and rows of `presetatlas embed --jobs 2` over `folder`."""
    out = os.path.join(CACHE, f"out{n}", "embeddings.npy")
    # The child's CPU time and peak RSS come from getrusage in a small wrapper process.
    code = ("import resource,subprocess,sys;"
            "r=subprocess.run(sys.argv[1:]).returncode;"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(u.ru_utime+u.ru_stime, u.ru_maxrss);sys.exit(r)")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, binary, "embed", folder, "--out", out, "--jobs", "2", "--quiet"],
                            capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"presetatlas embed failed: {result.stderr.strip()}")
    cpu, rss = result.stdout.strip().splitlines()[-1].split()
    return wall, float(cpu), int(rss), np.load(out).shape[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clips", type=int, default=1000)
    parser.add_argument("--librosa-clips", type=int, default=None, help="time librosa on the first K clips only")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "presetatlas"))
    args = parser.parse_args()
    folder = ensure_clips(args.clips)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".wav"))[: args.clips]
    quarter = ensure_clips(args.clips // 4)
    # Both sides read the same files: warm the page cache first, or whichever runs first pays the disk.
    for path in files + [os.path.join(quarter, f) for f in os.listdir(quarter)]:
        with open(path, "rb") as f:
            f.read()

    ours_wall, ours_cpu, ours_rss_kb, rows = time_ours(args.binary, folder, args.clips)
    _, _, quarter_rss_kb, _ = time_ours(args.binary, quarter, args.clips // 4)
    k = args.librosa_clips or len(files)
    librosa_wall, librosa_cpu = time_librosa(files[:k])

    result = {
        "clips": len(files), "clip_seconds": SECONDS, "workers": 2, "load_average_1min": os.getloadavg()[0],
        "librosa_clips_timed": k,
        "librosa_clips_per_second_wall": round(k / librosa_wall, 2),
        "presetatlas_clips_per_second_wall": round(rows / ours_wall, 2),
        "ratio_wall": round((rows / ours_wall) / (k / librosa_wall), 2),
        "librosa_cpu_ms_per_clip": round(1000 * librosa_cpu / k, 2),
        "presetatlas_cpu_ms_per_clip": round(1000 * ours_cpu / rows, 2),
        "ratio_cpu": round((librosa_cpu / k) / (ours_cpu / rows), 2),
        "presetatlas_peak_rss_mb": {f"{args.clips // 4} clips": round(quarter_rss_kb / 1024, 1),
                                    f"{args.clips} clips": round(ours_rss_kb / 1024, 1)},
    }
    print(json.dumps(result, indent=1))
    with open(os.path.join(CACHE, "result.json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
