"""The pipeline a researcher would write in Python for a random-synth atlas, timed stage by stage, as the peer
of `presetatlas atlas --random N` in `make bench-peer` (never part of the product or of `make test`).

Stages, each timed in CPU seconds of this process and its threads (time.process_time) and in wall seconds:
  render    torchsynth's Voice on the CPU, 4 s at 44.1 kHz, batches of 128 random settings
  features  librosa: 128-band log-mel spectrogram and 20 MFCCs (from that mel), mean and std over time
  project   openTSNE (FFT gradients) of the z-scored features, seeded
  coverage  prdc (k = 5): a seeded 10 % of the sounds as the reference set against the rest

Rendering and features run batch by batch, so memory stays at one batch of audio (128 x 4 s), as a careful
researcher would write it; the features are kept for the later stages.
Usage: python_peer_pipeline.py N OUT.json [--threads 2]
"""
import argparse
import json
import os
import time
import warnings

warnings.filterwarnings("ignore")


class StageClock:
    """Accumulates CPU and wall seconds per named stage."""

    def __init__(self):
        self.cpu, self.wall = {}, {}

    def measure(self, stage, work):
        cpu, wall = time.process_time(), time.perf_counter()
        result = work()
        self.cpu[stage] = self.cpu.get(stage, 0.0) + time.process_time() - cpu
        self.wall[stage] = self.wall.get(stage, 0.0) + time.perf_counter() - wall
        return result


def log_mel_mfcc_summary(audio, sample_rate):
    import librosa
    import numpy as np

    mel = librosa.feature.melspectrogram(y=audio, sr=sample_rate, n_fft=2048, hop_length=512, n_mels=128)
    log_mel = librosa.power_to_db(mel, ref=1.0, top_db=None)
    mfcc = librosa.feature.mfcc(S=log_mel, n_mfcc=20)
    return np.concatenate([log_mel.mean(1), log_mel.std(1), mfcc.mean(1), mfcc.std(1)]).astype(np.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import numpy as np
    import torch

    torch.set_num_threads(args.threads)
    from torchsynth.config import SynthConfig
    from torchsynth.synth import Voice

    clock = StageClock()
    batch = 128
    voice = clock.measure("render", lambda: Voice(SynthConfig(batch_size=batch, reproducible=False)))
    torch.manual_seed(1)
    rows = []
    batches = (args.count + batch - 1) // batch
    for index in range(batches):
        audio = clock.measure("render", lambda: voice(index)[0].numpy())
        keep = min(batch, args.count - index * batch)
        rows.extend(clock.measure("features", lambda: [log_mel_mfcc_summary(audio[i], 44100) for i in range(keep)]))
        if index % 10 == 0:
            print(f"peer: {len(rows)}/{args.count} rendered and described", flush=True)
    features = np.stack(rows)

    def project():
        from openTSNE import TSNE

        mean, std = features.mean(0), features.std(0)
        z = (features - mean) / np.where(std > 0, std, 1)
        return z, TSNE(n_jobs=args.threads, random_state=1).fit(z)

    z, _ = clock.measure("project", project)

    def coverage():
        from prdc import compute_prdc

        order = np.random.default_rng(1).permutation(len(z))
        reference = order[: len(z) // 10]
        rest = order[len(z) // 10 :]
        return compute_prdc(real_features=z[reference], fake_features=z[rest], nearest_k=5)

    metrics = clock.measure("coverage", coverage)
    result = {
        "count": args.count,
        "threads": args.threads,
        "cpu_seconds": clock.cpu,
        "wall_seconds": clock.wall,
        "cpu_total": sum(clock.cpu.values()),
        "wall_total": sum(clock.wall.values()),
        "prdc": {k: float(v) for k, v in metrics.items()},
        "load_average": os.getloadavg(),
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
