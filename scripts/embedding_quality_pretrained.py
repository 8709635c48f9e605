#!/usr/bin/env python3
"""Would a pretrained music model hear the categories better? musicnn beside `make embedding-quality`.

musicnn (Pons & Serra 2019; PyPI `musicnn` 0.1.0, which carries its weights) is a CNN trained to tag music:
MTT_musicnn on MagnaTagATune's 50 tags (many of them instruments: guitar, strings, piano, violin, synth,
flute, harpsichord, harp, cello, choir, drums), MSD_musicnn on the Million Song Dataset's. Its front end
has timbral filters shaped for spectral envelopes. This script embeds the renders a run of
scripts/embedding_quality.py left (WORK/SET/flat, the rows of WORK/LABEL/SET/ours.csv, so every embedding
is measured on the same rows) with one model's layers, each render's whole 2 s as one input (musicnn's
front end is convolutional in time), and prints the measures of embedding_quality_metrics for each layer,
raw (standardised) and through the same label-free transform the atlas fits ("+ transform").

Not part of the product (Python and TensorFlow stay out of its runtime); it tells whether the category
goals are within reach of an embedding learnt from a large labelled music corpus. Needs a venv with
tensorflow-cpu, librosa, soundfile and musicnn (its wheel without dependencies: it pins 2019 versions):
  python3 -m venv /tmp/venv-musicnn && /tmp/venv-musicnn/bin/pip install tensorflow-cpu librosa soundfile
  /tmp/venv-musicnn/bin/pip install --no-deps musicnn

Usage: /tmp/venv-musicnn/bin/python scripts/embedding_quality_pretrained.py --run Reports/embedding-quality/s12
       [--work Reports/embedding-quality] [--sets rom,lmms] [--model MTT_musicnn] [--limit N]
"""
import argparse, os, sys

import numpy as np

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import embedding_quality_metrics as metrics  # noqa: E402
import embedding_quality_sources as sources  # noqa: E402
import embedding_quality_transform as transform  # noqa: E402

LAYERS = ("penultimate", "max_pool", "mean_pool", "tags")
SECONDS = 2.0
BATCH = 64


def log_mel(path, config):
    import librosa
    audio, _ = librosa.load(path, sr=config.SR, mono=True, duration=SECONDS)
    audio = np.pad(audio, (0, max(0, int(SECONDS * config.SR) - len(audio))))
    mel = librosa.feature.melspectrogram(y=audio, sr=config.SR, hop_length=config.FFT_HOP, n_fft=config.FFT_SIZE,
                                         n_mels=config.N_MELS).T
    # musicnn scales so; it casts to float16 first, where 10000 * mel overflows on loud notes, so float32 here.
    return np.log10(10000 * mel.astype(np.float32) + 1)


def embed(paths, model, cache):
    """Each layer's activations for every file, in order; kept in `cache` (npz) and reused."""
    if os.path.exists(cache):
        stored = np.load(cache, allow_pickle=True)
        if list(stored["paths"]) == list(paths):
            return {layer: stored[layer] for layer in LAYERS}
    import tensorflow as tf
    from musicnn import configuration as config, models
    tf.compat.v1.disable_eager_execution()
    specs = np.stack([log_mel(p, config) for p in paths])
    labels = config.MTT_LABELS if "MTT" in model else config.MSD_LABELS
    tf.compat.v1.reset_default_graph()
    with tf.name_scope("model"):
        x = tf.compat.v1.placeholder(tf.float32, [None, specs.shape[1], config.N_MELS])
        training = tf.compat.v1.placeholder(tf.bool)
        y, _, _, _, _, _, mean_pool, max_pool, penultimate = models.define_model(x, training, model, len(labels))
        tags = tf.nn.sigmoid(y)
    session = tf.compat.v1.Session()
    session.run(tf.compat.v1.global_variables_initializer())
    import musicnn
    tf.compat.v1.train.Saver().restore(session, os.path.join(os.path.dirname(musicnn.__file__), model) + "/")
    out = {layer: [] for layer in LAYERS}
    for start in range(0, len(specs), BATCH):
        values = session.run([penultimate, max_pool, mean_pool, tags], {x: specs[start:start + BATCH], training: False})
        for layer, value in zip(LAYERS, values):
            out[layer].append(np.asarray(value).reshape(len(value), -1))
        print(f"\r{model}: {min(start + BATCH, len(specs))}/{len(specs)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    out = {layer: np.vstack(v) for layer, v in out.items()}
    np.savez(cache, paths=np.array(paths), **out)
    return out


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--run", required=True, help="WORK/LABEL of an embedding_quality.py run (for ours.csv)")
    a.add_argument("--work", default="Reports/embedding-quality", help="where that run kept its renders")
    a.add_argument("--sets", default="rom,lmms")
    a.add_argument("--model", default="MTT_musicnn", choices=("MTT_musicnn", "MSD_musicnn"))
    a.add_argument("--limit", type=int, help="the corpus sample the run used (its --limit)")
    args = a.parse_args()
    table = sources.load_category_table()
    for name in args.sets.split(","):
        if not os.path.exists(os.path.join(args.run, name, "ours.csv")):
            print(f"skipped {name}: no {args.run}/{name}/ours.csv", file=sys.stderr)
            continue
        _, rows = transform.load(args.run, name)
        by_id = {p.id: p for p in transform.presets_of(name, table, args.limit)}
        paths = [os.path.join(args.work, name, "flat", f"{p}__{v}.flac") for p, v in rows]
        layers = embed(paths, args.model, os.path.join(args.run, name, f"{args.model}.npz"))
        for layer, x in layers.items():
            z = (x - x.mean(0)) / np.where(x.std(0) < 1e-12, 1, x.std(0))
            y = transform.atlas_transform(x, rows)
            for label, e in ((layer, z), (layer + " + transform", y)):
                print(f"{name:7s} {args.model} {label:26s} d={x.shape[1]:4d} "
                      f"{transform.summary(metrics.measure(e, rows, by_id, transform.NOTES, 60))}", flush=True)


if __name__ == "__main__":
    main()
