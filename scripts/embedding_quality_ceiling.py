"""What the name-derived categories allow: supervised ceilings beside `make embedding-quality`'s kNN figures.

The kNN accuracy of an embedding is bounded by the labels as much as by the embedding: a category read
from a preset's name ("SYNTH 2", "SPACE PAD", "BRASS 3") is what its author called it, and two sounds that
a listener would put side by side often carry different words. These figures say how much of the
categories can be predicted at all when a model is ALLOWED TO SEE them, so the label-free kNN figure
can be read against them:

 - forest on ours: scikit-learn's random forest (500 trees, seed 1) on our raw embedding, trained on the
   categories of 4/5 of the presets and scored on the renders of the other fifth (5 folds by preset, the
   same queries as the kNN accuracy: base renders of presets with a category);
 - forest on the synth's parameters (DX7 sets only): the same forest on each voice's 145 unpacked
   parameters (the name left out), one row per voice, 5 folds;
 - forest on both: the same forest on our raw embedding and the voice's parameters side by side (per render);
 - near-twins agree: among labelled voices whose nearest other labelled voice differs in at most
   TWIN_PARAMETERS of the 145 parameters (nearly the same sound), the share whose twin has the same
   category. 1 minus it is the label noise between sounds no embedding can tell apart.
Every figure has a 95 % bootstrap interval over presets (embedding_quality_metrics.figure).
"""
import os

import numpy as np

import embedding_quality_metrics as metrics

FOLDS = 5
TREES = 500
TWIN_PARAMETERS = 6
OPERATOR_BYTES, VOICE_BYTES, NAME_START = 17, 128, 118


def unpacked_parameters(packed):
    """The 145 parameters of a 128-byte packed DX7 voice (the DX7's bulk-dump layout), name left out."""
    values = []
    for op in range(6):
        b = packed[op * OPERATOR_BYTES:(op + 1) * OPERATOR_BYTES]
        values += list(b[0:11])  # 4 rates, 4 levels, break point, left and right depth
        values += [b[11] & 3, (b[11] >> 2) & 3, b[12] & 7, b[12] >> 3, b[13] & 3, (b[13] >> 2) & 7,
                   b[14], b[15] & 1, b[15] >> 1, b[16]]  # curves, rate scaling, detune, AMS, KVS, level, mode, coarse, fine
    b = packed[102:NAME_START]
    values += list(b[0:8])  # pitch EG rates and levels
    values += [b[8] & 31, b[9] & 7, (b[9] >> 3) & 1]  # algorithm, feedback, oscillator key sync
    values += list(b[10:14])  # LFO speed, delay, pitch and amplitude modulation depth
    values += [b[14] & 1, (b[14] >> 1) & 7, (b[14] >> 4) & 7, b[15]]  # LFO sync, wave, PMS, transpose
    return values


def dx7_parameters(folder, ids):
    """Unpacked parameters of the voices written by embedding_quality_sources.write_bulk_dumps, by preset id
    ("cCCC_VVV": voice VVV of folder/cCCC.syx)."""
    dumps, result = {}, {}
    for preset_id in ids:
        dump, voice = preset_id.split("_")
        if dump not in dumps:
            with open(os.path.join(folder, dump + ".syx"), "rb") as f:
                dumps[dump] = f.read()[6:6 + 32 * VOICE_BYTES]
        result[preset_id] = unpacked_parameters(dumps[dump][int(voice) * VOICE_BYTES:(int(voice) + 1) * VOICE_BYTES])
    return result


def folds_by_preset(presets, seed=1):
    order = sorted(set(presets))
    np.random.default_rng(seed).shuffle(order)
    return {p: k % FOLDS for k, p in enumerate(order)}


def forest_hits(x, labels, presets):
    """Per row: is its category predicted by a forest trained on the other folds' presets?"""
    from sklearn.ensemble import RandomForestClassifier
    x, labels, presets = np.asarray(x, float), np.asarray(labels), np.asarray(presets)
    fold = folds_by_preset(presets)
    fold_of_row = np.array([fold[p] for p in presets])
    hits = np.zeros(len(labels), bool)
    for f in range(FOLDS):
        train, test = fold_of_row != f, fold_of_row == f
        forest = RandomForestClassifier(TREES, random_state=1, n_jobs=2).fit(x[train], labels[train])
        hits[test] = forest.predict(x[test]) == labels[test]
    return hits


def twin_agreement(parameters, labels, presets):
    """Among voices with a near twin (their nearest labelled voice differs in at most TWIN_PARAMETERS
    parameters), the share whose twin has the same category; and how many voices have such a twin."""
    p = np.asarray(parameters)
    same, rows = [], []
    for start in range(0, len(p), 512):
        differing = (p[start:start + 512, None, :] != p[None, :, :]).sum(2)
        for k, row in enumerate(differing):
            i = start + k
            row[i] = 10 ** 6
            j = int(np.argmin(row))
            if row[j] <= TWIN_PARAMETERS:
                same.append(labels[i] == labels[j])
                rows.append(presets[i])
    return (metrics.figure(same, rows) if same else None), len(same)


def measure(raw, rows, presets_by_id, notes, parameters=None):
    """The ceiling figures for one set. `raw`: our raw embedding, rows[r] = (preset id, variant);
    `parameters`: preset id -> unpacked DX7 parameters, or None for other synths."""
    base = [r for r, (p, v) in enumerate(rows) if v in {f"n{n}" for n in notes} and presets_by_id[p].category]
    if len(base) < 10 * FOLDS:
        return None
    ids = [rows[r][0] for r in base]
    labels = [presets_by_id[p].category for p in ids]
    out = {"forest_on_ours": metrics.figure(forest_hits(raw[base], labels, ids), ids)}
    if parameters is not None:
        voices = sorted(p for p in parameters if presets_by_id[p].category)
        x = [parameters[p] for p in voices]
        voice_labels = [presets_by_id[p].category for p in voices]
        out["forest_on_parameters"] = metrics.figure(forest_hits(x, voice_labels, voices), voices)
        out["twins_agree"], out["twins"] = twin_agreement(x, voice_labels, voices)
        both = np.hstack([raw[base], np.array([parameters[p] for p in ids], float)])
        out["forest_on_both"] = metrics.figure(forest_hits(both, labels, ids), ids)
    return out
