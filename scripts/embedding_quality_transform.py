#!/usr/bin/env python3
"""The learnt invariance transform, measured: "ours + transform" beside "ours" (`make embedding-quality`).

The transform is fitted without labels: the patch is the class, its renders at the probe notes (and,
with --fit-on all, the other velocity and the -12 dB copy) are one sound. It is the one the atlas learns
(Sources/SoundSpace/InvarianceTransform.swift): each dimension replaced by its level among the fitting
renders (QuantileMap.swift: 257 quantiles, ties averaged, linear between; --no-quantiles leaves it out),
z-score, within-patch scatter S_w shrunk towards its mean
variance (S_w + r tr(S_w)/D I), whiten by S_w^(-1/2), then either keep every whitened direction
("whiten") or the leading discriminant directions of the whitened between-patch scatter ("lda", k kept);
or, without whitening, drop the m directions of largest within-patch scatter ("removeM").

Reads the embeddings a run of scripts/embedding_quality.py left (WORK/LABEL/SET/ours.raw.npy, ours.csv)
and the presets of each set, fits on FIT (a set's own renders: "self"; or another set's), and prints
the measures of embedding_quality_metrics for every setting asked for.

Usage: scripts/embedding_quality_transform.py --run Reports/embedding-quality/after [--corpus-run DIR]
       [--reg 0.1,1] [--method whiten,lda] [--components 32] [--fit self,corpus,rom]
"""
import argparse, csv, glob, hashlib, os, sys, tempfile

import numpy as np

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import embedding_quality_metrics as metrics  # noqa: E402
import embedding_quality_sources as sources  # noqa: E402

FACTORY = ".cache/factory/usr/share"
CORPUS = "../shared/corpora/dx7/cartridges"
NOTES = [48, 60, 72]


KNOTS = 257
QUANTILES = True


def quantile_map(xs):
    """Per dimension: distinct knot values and their levels, as QuantileMap.fit with unit weights."""
    n = len(xs)
    targets = (np.arange(KNOTS) + 0.5) / KNOTS
    maps = []
    for d in range(xs.shape[1]):
        ordered = np.sort(xs[:, d], kind="stable")
        # The smallest value whose cumulative count reaches each target.
        knots = ordered[np.minimum(np.ceil(targets * n - 1e-9).astype(int) - 1, n - 1).clip(0)]
        distinct, inverse = np.unique(knots, return_inverse=True)
        levels = np.bincount(inverse, weights=targets) / np.bincount(inverse)
        maps.append((distinct, levels))
    return lambda rows: np.column_stack([np.interp(rows[:, d], v, l) for d, (v, l) in enumerate(maps)])


def fit(x, groups, regularisation, method, components):
    """Returns apply(x) -> transformed rows. `groups` holds each row's patch (None: not used for fitting)."""
    used = np.array([g is not None for g in groups])
    levels = quantile_map(x[used]) if QUANTILES else (lambda rows: rows)
    fitted = fit_levels(levels(x), groups, regularisation, method, components)
    return lambda rows: fitted(levels(rows))


def fit_levels(x, groups, regularisation, method, components):
    used = np.array([g is not None for g in groups])
    xs = x[used]
    labels = np.array([g for g in groups if g is not None])
    mean, deviation = xs.mean(0), xs.std(0)
    deviation[deviation < 1e-12] = 1
    z = (xs - mean) / deviation
    d = z.shape[1]
    within, between = np.zeros((d, d)), np.zeros((d, d))
    for g in np.unique(labels):
        members = z[labels == g]
        centre = members.mean(0)
        between += len(members) * np.outer(centre, centre)
        within += (members - centre).T @ (members - centre)
    within /= len(z)
    between /= len(z)
    within += regularisation * np.trace(within) / d * np.eye(d)
    values, vectors = np.linalg.eigh(within)
    whiten = vectors @ np.diag(1 / np.sqrt(np.maximum(values, 1e-12))) @ vectors.T
    if method.startswith("remove"):
        # Project out the m directions along which a patch's renders spread most; leave the rest in z-scores.
        m = int(method[len("remove"):])
        wv, wvec = np.linalg.eigh(within)
        keep = wvec[:, np.argsort(wv)[::-1][m:]]
        projection = keep.T
    elif method == "lda":
        bv, bvec = np.linalg.eigh(whiten @ between @ whiten)
        order = np.argsort(bv)[::-1][:components]
        projection = bvec[:, order].T @ whiten
    else:
        projection = whiten
    return lambda rows: ((rows - mean) / deviation) @ projection.T


def load(run, name):
    x = np.load(os.path.join(run, name, "ours.raw.npy"))
    with open(os.path.join(run, name, "ours.csv")) as f:
        files = [os.path.basename(row["file"]) for row in csv.DictReader(f)]
    rows = [tuple(os.path.splitext(f)[0].split("__")) for f in files]
    return x, rows


def presets_of(name, table, limit):
    folder = tempfile.mkdtemp(prefix="eq-transform-")
    if name == "rom":
        return sources.dx7_set(sorted(glob.glob(f"{FACTORY}/hexter/*.dx7")), folder, table)[0]
    if name == "corpus":
        return sources.dx7_set(sorted(glob.glob(f"{CORPUS}/*.syx")), folder, table, limit)[0]
    return sources.lmms_set(f"{FACTORY}/lmms/presets/TripleOscillator", table)[0]


def fitting_groups(rows, fit_on):
    """Each row's patch when the row is one of the fitting renders, else None. notes: every patch's renders
    at the probe notes; all: also its other velocity and -12 dB copy; quarter: all five of a quarter of the
    patches (chosen by a hash of the id), as the atlas fits (the other patches only use the transform)."""
    if fit_on == "quarter":
        return [p if int(hashlib.md5(p.encode()).hexdigest(), 16) % 4 == 0 else None for p, _ in rows]
    keep = (lambda v: v.startswith("n")) if fit_on == "notes" else (lambda v: True)
    return [p if keep(v) else None for p, v in rows]


def atlas_transform(x, rows):
    """The setting the atlas uses (InvarianceStage): a quarter of the patches, all five renders, lda, r 0.1, 32."""
    return fit(x, fitting_groups(rows, "quarter"), 0.1, "lda", 32)(x)


def summary(m):
    cat = (m["category"] or {}).get("accuracy") or {}
    return (f"acc {cat.get('value', float('nan')):.2f}  same-voice {m['same_voice_other_note']['value']:.2f}  "
            f"own-note {m['nearest_other_voice_at_own_note']['value']:.2f}  "
            f"vel {m['movement'].get('vel', {}).get('value', float('nan')):.2f}  "
            f"-12dB {m['movement'].get('gain', {}).get('value', float('nan')):.2f}")


def supervised_accuracy(x, rows, by_id, folds=5):
    """How far categories can be told apart by a linear map of these features when the map may SEE the
    categories: scikit-learn's shrinkage LDA with the category as the class, fitted on 4/5 of the presets,
    then a 5-nearest vote for the other fifth (base renders; folds by preset, seeded). Not a bound (it
    keeps at most categories - 1 directions and votes among 4/5 of the presets), but it shows how much
    of the categories these features carry linearly."""
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
    from sklearn.neighbors import KNeighborsClassifier
    z = quantile_map(x)(x) if QUANTILES else x
    z = (z - z.mean(0)) / np.where(z.std(0) < 1e-12, 1, z.std(0))
    base = [i for i, (p, v) in enumerate(rows) if v in {f"n{n}" for n in NOTES} and by_id[p].category]
    presets = sorted({rows[i][0] for i in base})
    np.random.default_rng(1).shuffle(presets)
    fold = {p: k % folds for k, p in enumerate(presets)}
    hits = []
    for f in range(folds):
        train = [i for i in base if fold[rows[i][0]] != f]
        test = [i for i in base if fold[rows[i][0]] == f]
        labels = [by_id[rows[i][0]].category for i in train]
        lda = LinearDiscriminantAnalysis(solver="eigen", shrinkage=0.1).fit(z[train], labels)
        vote = KNeighborsClassifier(metrics.K).fit(lda.transform(z[train]), labels)
        hits += list(vote.predict(lda.transform(z[test])) == np.array([by_id[rows[i][0]].category for i in test]))
    return float(np.mean(hits))


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--run", required=True, help="folder holding rom/, lmms/ (and corpus/) of one run")
    a.add_argument("--corpus-run", help="folder holding corpus/ when another run made it")
    a.add_argument("--limit", type=int, default=1000)
    a.add_argument("--sets", default="rom,corpus,lmms")
    a.add_argument("--reg", default="0.1")
    a.add_argument("--method", default="whiten,lda")
    a.add_argument("--components", type=int, default=32)
    a.add_argument("--fit", default="self", help="self (each set's own renders), or a set name, or pooled")
    a.add_argument("--fit-on", default="notes,all")
    a.add_argument("--no-quantiles", action="store_true", help="leave out step 0 (levels among the fitting renders)")
    a.add_argument("--supervised", action="store_true",
                   help="also print a category-supervised LDA's 5-fold accuracy (see supervised_accuracy)")
    args = a.parse_args()
    global QUANTILES
    QUANTILES = not args.no_quantiles
    table = sources.load_category_table()
    data = {}
    for name in args.sets.split(","):
        run = args.corpus_run if name == "corpus" and args.corpus_run else args.run
        if not os.path.exists(os.path.join(run, name, "ours.raw.npy")):
            continue
        x, rows = load(run, name)
        data[name] = (x, rows, {p.id: p for p in presets_of(name, table, args.limit)})
    for name, (x, rows, by_id) in data.items():
        z = (x - x.mean(0)) / np.where(x.std(0) < 1e-12, 1, x.std(0))
        print(f"{name:7s} ours                       {summary(metrics.measure(z, rows, by_id, NOTES, 60))}", flush=True)
        if args.supervised and name != "lmms":
            print(f"{name:7s} supervised LDA + 5-nearest  acc {supervised_accuracy(x, rows, by_id):.2f}", flush=True)
        for fit_name in args.fit.split(","):
            for fit_on in args.fit_on.split(","):
                for method in args.method.split(","):
                    for reg in (float(r) for r in args.reg.split(",")):
                        if fit_name == "pooled":
                            # Every set's renders, each set weighted equally by repeating the smaller ones' rows.
                            largest = max(len(d[0]) for d in data.values())
                            xs, gs = [], []
                            for other, (ox, orows, _) in data.items():
                                repeat = max(1, round(largest / len(ox)))
                                xs += [ox] * repeat
                                gs += [f"{other}/{g}" if g else None for g in fitting_groups(orows, fit_on)] * repeat
                            transform = fit(np.vstack(xs), gs, reg, method, args.components)
                        else:
                            source = name if fit_name == "self" else fit_name
                            if source not in data:
                                continue
                            sx, srows, _ = data[source]
                            transform = fit(sx, fitting_groups(srows, fit_on), reg, method, args.components)
                        y = transform(x)
                        label = f"fit {fit_name}/{fit_on} {method} r={reg:g}"
                        print(f"{name:7s} {label:26s} {summary(metrics.measure(y, rows, by_id, NOTES, 60))}", flush=True)


if __name__ == "__main__":
    main()
