"""The measures of `make embedding-quality`, on one embedding of one preset set.

Rows are renders: every preset at the probe notes (the "base" renders, velocity 100) plus, at the middle
note, one render at another velocity and one -12 dB copy of the base render. Distances are Euclidean in
the embedding as given (each embedding is standardised over all rows of its set before it gets here).

Every figure comes with a 95 % bootstrap interval: presets are drawn with replacement (all renders of a
drawn preset come along), the figure is recomputed from the per-render results, 1,000 draws, seed 1.
Neighbours are found once on the full set; the bootstrap measures how much the figure depends on which
presets happen to be in the bank, not the neighbour search.
"""
import numpy as np

K = 5
DRAWS = 1000
# Categories named for what a sound is used for, not for the instrument it sounds like: a preset's author
# calls a sound a lead, a pad or an effect by its role in a song. Accuracy is also given without them.
USE_NAMED = {"leads", "pads", "effects"}


def nearest(x, queries, candidates, k, preset=None):
    """For each query row: its k nearest candidate rows and their distances, nearest first. A candidate is
    never the query itself, nor (when `preset` codes are given) of the query's preset. Blocks of queries,
    so a 20,000-render set never needs its full distance matrix."""
    queries, candidates = np.asarray(queries), np.asarray(candidates)
    c = x[candidates]
    c_squared = (c * c).sum(1)
    found, distances = [], []
    for start in range(0, len(queries), 256):
        q_rows = queries[start:start + 256]
        q = x[q_rows]
        d = (q * q).sum(1)[:, None] + c_squared[None, :] - 2 * q @ c.T
        d = np.sqrt(np.maximum(d, 0))
        d[q_rows[:, None] == candidates[None, :]] = np.inf
        if preset is not None:
            d[preset[q_rows][:, None] == preset[candidates][None, :]] = np.inf
        kk = min(k, len(candidates))
        part = np.argpartition(d, kk - 1, axis=1)[:, :kk]
        order = np.take_along_axis(part, np.argsort(np.take_along_axis(d, part, 1), axis=1, kind="stable"), 1)
        found.append(candidates[order])
        distances.append(np.take_along_axis(d, order, 1))
    return np.vstack(found), np.vstack(distances)


def bootstrap(preset_of_row, statistic, presets, seed=1):
    """95 % interval of statistic(weights) where weights[r] = how often row r's preset was drawn."""
    rng = np.random.default_rng(seed)
    index = {p: k for k, p in enumerate(presets)}
    rows_preset = np.array([index[p] for p in preset_of_row])
    values = []
    for _ in range(DRAWS):
        counts = np.bincount(rng.integers(0, len(presets), len(presets)), minlength=len(presets))
        values.append(statistic(counts[rows_preset].astype(float)))
    values = np.array([v for v in values if np.isfinite(v)])
    return [float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))] if len(values) else [None, None]


def weighted_share(hits):
    hits = np.asarray(hits, float)
    return lambda w: (w * hits).sum() / w.sum() if w.sum() > 0 else np.nan


def figure(hits, preset_of_row):
    hits = np.asarray(hits, float)
    presets = sorted(set(preset_of_row))
    value = float(hits.mean()) if len(hits) else None
    return {"value": value, "ci": bootstrap(preset_of_row, weighted_share(hits), presets) if len(hits) else [None, None],
            "n": int(len(hits))}


def knn_vote(neighbour_labels):
    """Majority category of the K nearest; a tie goes to the tied category whose nearest member is nearest."""
    votes = {}
    for rank, label in enumerate(neighbour_labels):
        votes.setdefault(label, []).append(rank)
    best = max(len(r) for r in votes.values())
    return min((ranks[0], label) for label, ranks in votes.items() if len(ranks) == best)[1]


def macro_f1(truth, predicted, weights=None):
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    weights = np.ones(len(truth)) if weights is None else weights
    scores = {}
    for c in sorted(set(truth)):
        tp = weights[(truth == c) & (predicted == c)].sum()
        fp = weights[(truth != c) & (predicted == c)].sum()
        fn = weights[(truth == c) & (predicted != c)].sum()
        if tp + fn == 0:
            continue
        scores[c] = 2 * tp / (2 * tp + fp + fn)
    return (float(np.mean(list(scores.values()))) if scores else np.nan), scores


def category_measures(x, base, preset, category):
    """kNN (K=5) category accuracy and macro-F1, leave-one-preset-out: a query's own preset's renders are
    never among its neighbours. Queries and voters: base renders whose preset has a category."""
    labelled = np.array([i for i in base if category[i]])
    if len(labelled) < K + 1:
        return None
    found, _ = nearest(x, labelled, labelled, K, preset)
    truth = [category[i] for i in labelled]
    predicted = [knn_vote([category[j] for j in row]) for row in found]
    rows = [preset[i] for i in labelled]
    hits = [t == p for t, p in zip(truth, predicted)]
    f1, per_class = macro_f1(truth, predicted)
    return {
        "accuracy": figure(hits, rows),
        "macro_f1": {"value": f1, "ci": bootstrap(rows, lambda w: macro_f1(truth, predicted, w)[0], sorted(set(rows)))},
        "f1_per_category": {c: round(float(v), 3) for c, v in per_class.items()},
        "queries": len(truth), "categories": len(set(truth)),
    }


def note_measures(x, base, preset, note):
    """Same voice at another note: share of base renders whose nearest other base render is the same preset.
    Own note: among other presets' base renders, share whose nearest is at the query's own note."""
    base = np.array(base)
    nearest_any, _ = nearest(x, base, base, 1)
    nearest_foreign, _ = nearest(x, base, base, 1, preset)
    counts = np.bincount(preset[base], minlength=preset.max() + 1)
    several = counts[preset[base]] > 1
    same = preset[nearest_any[:, 0]] == preset[base]
    own = note[nearest_foreign[:, 0]] == note[base]
    return {"same_voice_other_note": figure(same[several], preset[base][several]),
            "nearest_other_voice_at_own_note": figure(own, preset[base])}


def movement_measures(x, middle, variants, preset):
    """How far a changed copy moves a point, as a share of the median gap between different voices:
    gap = distance from a middle-note base render to the nearest middle-note base render of another
    preset; movement = distance from that render to its variant. Figure = median movement / median gap."""
    middle = np.array(middle)
    if len(set(preset[middle])) < 2:
        return {}
    _, gap = nearest(x, middle, middle, 1, preset)
    gap_of = dict(zip(preset[middle], gap[:, 0]))
    result = {}
    for name, pairs in variants.items():
        if not pairs:
            continue
        rows = np.array([preset[i] for i, _ in pairs])
        moves = np.array([np.linalg.norm(x[i] - x[j]) for i, j in pairs])
        gaps = np.array([gap_of[preset[i]] for i, _ in pairs])

        def share(w, moves=moves, gaps=gaps):
            return weighted_median(moves, w) / weighted_median(gaps, w)
        result[name] = {"value": float(np.median(moves) / np.median(gaps)),
                        "ci": bootstrap(rows, share, sorted(set(rows))), "n": len(pairs),
                        "median_gap": float(np.median(gaps))}
    return result


def weighted_median(values, weights):
    order = np.argsort(values)
    cumulative = np.cumsum(weights[order])
    if cumulative[-1] <= 0:
        return np.nan
    return float(values[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def measure(x, rows, presets_by_id, notes, middle_note):
    """All measures for embedding x; rows[r] = (preset id, variant), variant "n48" ... or "vel", "gain"."""
    x = np.asarray(x, float)
    ids = sorted({p for p, _ in rows})
    code = {p: k for k, p in enumerate(ids)}
    preset = np.array([code[p] for p, _ in rows])
    category = [presets_by_id[p].category for p, _ in rows]
    note = np.array([int(v[1:]) if v.startswith("n") else -1 for _, v in rows])
    base = [r for r, (_, v) in enumerate(rows) if v in {f"n{n}" for n in notes}]
    middle = [r for r in base if note[r] == middle_note]
    at = {(p, v): r for r, (p, v) in enumerate(rows)}
    variants = {name: [(at[(p, f"n{middle_note}")], r) for r, (p, v) in enumerate(rows)
                       if v == name and (p, f"n{middle_note}") in at] for name in ("vel", "gain")}
    out = {"renders": len(base), "presets": len(set(preset[base])), "dimensions": int(x.shape[1])}
    out["category"] = category_measures(x, base, preset, category)
    out["category_instruments"] = category_measures(x, base, preset, ["" if c in USE_NAMED else c for c in category])
    out.update(note_measures(x, base, preset, note))
    out["movement"] = movement_measures(x, middle, variants, preset)
    return out
