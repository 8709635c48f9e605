"""Baseline embeddings for `make embedding-quality`, computed with librosa from the same audio files.

mfcc:   librosa.feature.mfcc, 20 coefficients (librosa's defaults: 2,048-sample frames, hop 512, 128 mel
        bands), mean and standard deviation over all frames: 40 dimensions.
logmel: librosa.feature.melspectrogram with 64 bands, power_to_db (ref 1.0, floor -80 dB below the clip's
        peak, librosa's top_db), mean and standard deviation over all frames: 128 dimensions.
Both read the clip as our embedder does: the whole file, channels averaged to mono, at its own rate.
Also the clip's peak level in dBFS, so silent renders can be counted. Two worker processes.
"""
import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np

BASELINES = ("mfcc", "logmel")


def features(path):
    import librosa
    import soundfile
    audio, rate = soundfile.read(path, dtype="float32", always_2d=True)
    mono = audio.mean(axis=1)
    peak = float(np.abs(mono).max()) if len(mono) else 0.0
    peak_db = 20 * np.log10(peak) if peak > 0 else -np.inf
    # One power STFT for both (librosa.feature.mfcc(y=...) computes exactly this 128-band mel first).
    power = np.abs(librosa.stft(mono, n_fft=2048, hop_length=512)) ** 2
    mel128 = librosa.power_to_db(librosa.feature.melspectrogram(S=power, sr=rate, n_mels=128))
    mfcc = librosa.feature.mfcc(S=mel128, n_mfcc=20)
    mel = librosa.power_to_db(librosa.feature.melspectrogram(S=power, sr=rate, n_mels=64), ref=1.0)
    return (np.concatenate([mfcc.mean(1), mfcc.std(1)]), np.concatenate([mel.mean(1), mel.std(1)]), peak_db)


def compute(paths, cache, jobs=2):
    """{"mfcc": [N, 40], "logmel": [N, 128], "peak_db": [N]} for `paths`, cached in `cache` (.npz) and
    reused while every path is in it (renders do not change when only the embedder does)."""
    key = "\n".join(paths)
    if os.path.exists(cache):
        stored = np.load(cache, allow_pickle=False)
        row_of = {path: row for row, path in enumerate(str(stored["key"]).split("\n"))}
        if all(path in row_of for path in paths):  # the same renders, or fewer (our embedder left some out)
            rows = [row_of[path] for path in paths]
            return {name: stored[name][rows] for name in (*BASELINES, "peak_db")}
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(features, paths, chunksize=16))
    out = {"mfcc": np.array([r[0] for r in results]), "logmel": np.array([r[1] for r in results]),
           "peak_db": np.array([r[2] for r in results])}
    np.savez(cache, key=np.array(key), **out)
    return out


def standardise(x):
    x = np.asarray(x, float)
    std = x.std(0)
    return (x - x.mean(0)) / np.where(std > 0, std, 1)
