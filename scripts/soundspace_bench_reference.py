"""Times the Python references on SoundSpace's benchmark inputs and prints one JSON line per task.

  prdc FOLDER K          prdc.compute_prdc on reference20k (real) vs candidate20k (fake)
  opentsne FILE OUT      openTSNE.TSNE (defaults, all cores, seed 1) on FILE, map saved to OUT
  umap FILE OUT [INIT]   umap-learn UMAP (n_neighbors 15, min_dist 0.1, all cores, no random_state so its
                         parallel layout runs; init "spectral" by default, or "pca" as ours) on FILE, map
                         saved to OUT; numba compiles first on 6,000 random points, timed apart ("warmup")
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


def run_umap(path, out, init):
    import umap
    warm = np.random.default_rng(0).normal(size=(6000, 64)).astype(np.float32)
    start = time.perf_counter()
    umap.UMAP(n_neighbors=15, min_dist=0.1, init=init, n_jobs=-1).fit_transform(warm)
    warmup = time.perf_counter() - start
    points = np.load(path)
    start = time.perf_counter()
    embedding = umap.UMAP(n_neighbors=15, min_dist=0.1, init=init, n_jobs=-1).fit_transform(points)
    seconds = time.perf_counter() - start
    np.save(out, np.asarray(embedding, dtype=np.float32))
    print(json.dumps({"task": "umap", "init": init, "points": len(points), "seconds": seconds, "warmup": warmup}))


if __name__ == "__main__":
    if sys.argv[1] == "prdc":
        run_prdc(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "umap":
        run_umap(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "spectral")
    else:
        run_opentsne(sys.argv[2], sys.argv[3])
