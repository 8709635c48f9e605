"""Writes the seeded benchmark inputs for SoundSpace (float32 .npy, 64 dimensions) into a folder.

Clustered data (a Gaussian mixture of 30 clusters with unequal spreads) so that t-SNE has structure
to find and trustworthiness means something: reference/candidate 20k x 64 for kNN + coverage metrics
(the candidate: 20 of the clusters, wider, shifted by 0.5 in its first dimension), and 10k / 50k x 64 for maps.
"""
import sys
import numpy as np


def mixture(rng, n, dims=64, clusters=30, spread_scale=1.0, used_clusters=None):
    centres = rng.standard_normal((clusters, dims)) * 4.0
    spreads = rng.uniform(0.5, 2.0, clusters) * spread_scale
    labels = rng.integers(0, used_clusters or clusters, n)
    return (centres[labels] + rng.standard_normal((n, dims)) * spreads[labels, None]).astype(np.float32)


def main(folder):
    rng = np.random.default_rng(20261126)
    reference = mixture(rng, 20000)
    # Same cluster centres (same generator seed), but only the first 20 clusters, 30 % wider, shifted
    # by 0.5 in the first dimension: precision, recall and coverage all strictly between 0 and 1.
    candidate = mixture(np.random.default_rng(20261126), 20000, spread_scale=1.3, used_clusters=20)
    candidate[:, 0] += 0.5
    np.save(f"{folder}/reference20k.npy", reference)
    np.save(f"{folder}/candidate20k.npy", candidate.astype(np.float32))
    np.save(f"{folder}/points10k.npy", mixture(np.random.default_rng(10), 10000))
    np.save(f"{folder}/points50k.npy", mixture(np.random.default_rng(50), 50000))


def main_scale(folder):
    """Above the exact limit (100k): reference 200k x 64 and candidate 20k, built as the 20k pair is."""
    reference = mixture(np.random.default_rng(20261204), 200000)
    candidate = mixture(np.random.default_rng(20261204), 20000, spread_scale=1.3, used_clusters=20)
    candidate[:, 0] += 0.5
    np.save(f"{folder}/reference200k.npy", reference)
    np.save(f"{folder}/candidate200k-20k.npy", candidate.astype(np.float32))


if __name__ == "__main__":
    main_scale(sys.argv[1]) if sys.argv[2:] == ["scale"] else main(sys.argv[1])
