#!/usr/bin/env python3
"""Would a small learnt model lift the category figures that no linear map reaches? (issue 17, an experiment)

Label-free, as the atlas's transform: the patch is the class, its five renders (three notes, another
velocity, a -12 dB copy) are positives of each other. On top of each render's 100 descriptors, levelled as
the atlas levels them (QuantileMap: each dimension's level among the fitting renders), a two-layer MLP
(100 -> HIDDEN -> OUT, ReLU, output L2-normalised) is trained with the InfoNCE / NT-Xent loss (Chen et al.
2020, "A simple framework for contrastive learning of visual representations"): in a batch of patches, two
of each patch's renders must be nearer each other than any other patch's. Evaluated by the same measures as
`make embedding-quality` (embedding_quality_metrics.measure) on every render of the set.

Needs torch: run with .venv-peer/bin/python (bench-peer's environment, which has torch, numpy, scikit-learn).
Not part of the product: it only says whether writing such a model in Swift is worth it.

Usage: .venv-peer/bin/python scripts/embedding_quality_contrastive.py --run Reports/embedding-quality/s6q
       [--sets rom,corpus,lmms] [--fit pooled|self] [--fit-on all|quarter] [--epochs 300]
"""
import argparse, os, sys

import numpy as np
import torch

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import embedding_quality_metrics as metrics  # noqa: E402
import embedding_quality_sources as sources  # noqa: E402
from embedding_quality_transform import NOTES, fitting_groups, load, presets_of, quantile_map, summary  # noqa: E402


def train(levels, groups, hidden, out, epochs, temperature, seed):
    """Returns apply(levelled rows) -> embedding. `groups`: each row's patch, None when not fitting."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    used = [i for i, g in enumerate(groups) if g is not None]
    by_patch = {}
    for i in used:
        by_patch.setdefault(groups[i], []).append(i)
    patches = [rows for rows in by_patch.values() if len(rows) >= 2]
    x = torch.tensor(levels, dtype=torch.float32)
    mean, deviation = x[used].mean(0), x[used].std(0).clamp_min(1e-6)
    model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, out))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    batch = 256
    for _ in range(epochs):
        order = rng.permutation(len(patches))
        for start in range(0, len(order), batch):
            chosen = [patches[p] for p in order[start:start + batch]]
            if len(chosen) < 2:
                continue
            pairs = np.array([rng.choice(rows, 2, replace=False) for rows in chosen])
            a = torch.nn.functional.normalize(model((x[pairs[:, 0]] - mean) / deviation), dim=1)
            b = torch.nn.functional.normalize(model((x[pairs[:, 1]] - mean) / deviation), dim=1)
            logits = a @ b.T / temperature
            target = torch.arange(len(chosen))
            loss = (torch.nn.functional.cross_entropy(logits, target) + torch.nn.functional.cross_entropy(logits.T, target)) / 2
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()

    def apply(rows):
        with torch.no_grad():
            y = model((torch.tensor(rows, dtype=torch.float32) - mean) / deviation)
            return torch.nn.functional.normalize(y, dim=1).numpy()
    return apply


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--run", required=True)
    a.add_argument("--sets", default="rom,corpus,lmms")
    a.add_argument("--limit", type=int, default=1000)
    a.add_argument("--fit", default="pooled", help="pooled (every set's renders) or self")
    a.add_argument("--fit-on", default="all", help="all (every patch) or quarter (as the atlas fits)")
    a.add_argument("--hidden", type=int, default=256)
    a.add_argument("--out", type=int, default=64)
    a.add_argument("--epochs", type=int, default=300)
    a.add_argument("--temperature", type=float, default=0.1)
    a.add_argument("--seed", type=int, default=0)
    args = a.parse_args()
    torch.set_num_threads(1)
    table = sources.load_category_table()
    data = {}
    for name in args.sets.split(","):
        x, rows = load(args.run, name)
        data[name] = (x, rows, {p.id: p for p in presets_of(name, table, args.limit)})
    groups = {name: fitting_groups(rows, args.fit_on) for name, (_, rows, _) in data.items()}
    if args.fit == "pooled":
        xs = np.vstack([d[0] for d in data.values()])
        gs = [f"{name}/{g}" if g else None for name in data for g in groups[name]]
        levels = quantile_map(xs[[i for i, g in enumerate(gs) if g is not None]])
        model = train(levels(xs), gs, args.hidden, args.out, args.epochs, args.temperature, args.seed)
        models = {name: (levels, model) for name in data}
    else:
        models = {}
        for name, (x, rows, _) in data.items():
            levels = quantile_map(x[[i for i, g in enumerate(groups[name]) if g is not None]])
            models[name] = (levels, train(levels(x), groups[name], args.hidden, args.out, args.epochs, args.temperature, args.seed))
    for name, (x, rows, by_id) in data.items():
        levels, model = models[name]
        y = model(levels(x))
        label = f"mlp {args.fit}/{args.fit_on} {args.hidden}-{args.out} e{args.epochs}"
        print(f"{name:7s} {label:26s} {summary(metrics.measure(y, rows, by_id, NOTES, 60))}", flush=True)


if __name__ == "__main__":
    main()
