#!/usr/bin/env python3
"""Precision of "the same preset at other notes is the nearest neighbour" for an embedding.

Reads EMBEDDINGS.npy (float32 [N, D], standardised) and EMBEDDINGS.csv (row,file) written by
`presetatlas embed`; a render's preset is its file name without the `_nNN` note suffix
(scripts/features-quality.sh names renders PRESET_n48.wav, PRESET_n60.wav, ...).
For every render: its k nearest other renders by Euclidean distance;
  precision@1 = share of renders whose nearest neighbour is the same preset;
  precision@5 = share of same-preset renders among the 5 nearest (at most 2/5 with 3 notes per preset);
  recall@5    = share of a preset's other renders found among the 5 nearest.
Prints one JSON object. Usage: python3 scripts/features_quality.py EMBEDDINGS.npy [LABEL]
"""
import csv, json, os, re, sys
import numpy as np


def main():
    npy = sys.argv[1]
    label = sys.argv[2] if len(sys.argv) > 2 else os.path.basename(npy)
    x = np.load(npy).astype(np.float64)
    with open(os.path.splitext(npy)[0] + ".csv") as f:
        files = [row["file"] for row in csv.DictReader(f)]
    presets = [re.sub(r"_n\d+$", "", os.path.splitext(os.path.basename(p))[0]) for p in files]
    groups = {}
    for i, p in enumerate(presets):
        groups.setdefault(p, []).append(i)
    keep = [i for i, p in enumerate(presets) if len(groups[p]) > 1]
    squared = (x * x).sum(1)
    distances = squared[:, None] + squared[None, :] - 2 * x @ x.T
    np.fill_diagonal(distances, np.inf)
    p1 = p5 = r5 = 0.0
    for i in keep:
        order = np.argsort(distances[i])[:5]
        same = [presets[j] == presets[i] for j in order]
        p1 += same[0]
        p5 += sum(same) / 5
        r5 += sum(same) / (len(groups[presets[i]]) - 1)
    n = max(1, len(keep))
    print(json.dumps({"embedding": label, "renders": len(keep), "presets": len({presets[i] for i in keep}),
                      "dimensions": x.shape[1], "precision_at_1": round(p1 / n, 3),
                      "precision_at_5": round(p5 / n, 3), "recall_at_5": round(r5 / n, 3)}))


if __name__ == "__main__":
    main()
