"""Times the Python references on SoundSpace's benchmark inputs and prints one JSON line per task.

  prdc FOLDER K          prdc.compute_prdc on reference20k (real) vs candidate20k (fake)
  opentsne FILE OUT      openTSNE.TSNE (defaults, all cores, seed 1) on FILE, map saved to OUT
Benchmarks only: never the product's runtime path.
"""
import json
import sys
import time
import numpy as np


def run_prdc(folder, k):
    from prdc import compute_prdc
    real = np.load(f"{folder}/reference20k.npy")
    fake = np.load(f"{folder}/candidate20k.npy")
    start = time.perf_counter()
    metrics = compute_prdc(real_features=real, fake_features=fake, nearest_k=k)
    seconds = time.perf_counter() - start
    print(json.dumps({"task": "prdc", "seconds": seconds, **{key: float(v) for key, v in metrics.items()}}))


def run_opentsne(path, out):
    from openTSNE import TSNE
    points = np.load(path)
    start = time.perf_counter()
    embedding = TSNE(n_jobs=-1, random_state=1).fit(points)
    seconds = time.perf_counter() - start
    np.save(out, np.asarray(embedding, dtype=np.float32))
    print(json.dumps({"task": "opentsne", "points": len(points), "seconds": seconds}))


if __name__ == "__main__":
    if sys.argv[1] == "prdc":
        run_prdc(sys.argv[2], int(sys.argv[3]))
    else:
        run_opentsne(sys.argv[2], sys.argv[3])
