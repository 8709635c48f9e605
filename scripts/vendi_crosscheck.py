#!/usr/bin/env python3
"""Cross-check of our Vendi scores (Sources/SoundSpace/VendiScore.swift) against the `vendi-score` package
from PyPI (Friedman and Dieng's reference implementation), on the same rows and the same kernel.

`presetatlas explore ... --vendi-sets DIR` writes DIR/bank.npy, random.npy, exported.npy (the standardised
embedding rows each score was computed on) and DIR/vendi.json (the Gaussian bandwidth h and our scores).
This script builds K[i,j] = exp(-|x_i - x_j|^2 / (2 h^2)) and asks vendi_score.vendi.score_K for each set,
and also vendi.score with the kernel as a Python function (the package's own pairwise loop).
Never part of `make test`. usage: bash scripts/setup-venv.sh vendi-score
                                  .venv/bin/python scripts/vendi_crosscheck.py DIR"""
import json, os, sys
import numpy as np
from vendi_score import vendi

folder = sys.argv[1]
info = json.load(open(os.path.join(folder, "vendi.json")))
h = float(info["bandwidth"])
worst = 0.0
for name, ours in sorted(info["scores"].items()):
    x = np.load(os.path.join(folder, name + ".npy")).astype(np.float64)
    squared = np.maximum(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2), 0.0)
    by_matrix = float(vendi.score_K(np.exp(-squared / (2 * h * h))))
    by_function = float(vendi.score(list(x), lambda a, b: float(np.exp(-((a - b) ** 2).sum() / (2 * h * h)))))
    relative = abs(by_matrix - ours) / by_matrix
    worst = max(worst, relative)
    print(f"{name:9s} n={len(x):4d}  ours {ours:.6f}  vendi-score score_K {by_matrix:.6f}  score(k) {by_function:.6f}"
          f"  relative difference {relative:.2e}")
print(f"bandwidth h={h:.6f}; largest relative difference {worst:.2e}")
sys.exit(0 if worst < 1e-6 else 1)
