"""umap-learn's trustworthiness at k = 10 on Tests/Fixtures/digits (the figure UMAPTests compares ours with).

Runs umap.UMAP(n_neighbors=15, min_dist=0.1) with random_state 0..4, init "spectral" (its default) and
"pca" (our start), and prints sklearn.manifold.trustworthiness(k=10) of each map, their mean and range.
  bash scripts/setup-venv.sh scikit-learn umap-learn && .venv/bin/python scripts/umap_digits_reference.py
Cross-check only: never the product's runtime path.
"""
import json
import numpy as np
import umap
from sklearn.manifold import trustworthiness

points = np.loadtxt("Tests/Fixtures/digits/digits.csv", delimiter=",", comments="#", dtype=np.float32)
for init in ("spectral", "pca"):
    scores = []
    for seed in range(5):
        embedding = umap.UMAP(n_neighbors=15, min_dist=0.1, init=init, random_state=seed).fit_transform(points)
        scores.append(float(trustworthiness(points, embedding, n_neighbors=10)))
    print(json.dumps({"umap": umap.__version__, "init": init, "trustworthiness": scores,
                      "mean": float(np.mean(scores)), "min": min(scores), "max": max(scores)}))
