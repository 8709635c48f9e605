#!/usr/bin/env python3
"""Would features learnt from the log-mel spectrogram lift the category figures? (issue 17, an experiment)

The counterpart of scripts/embedding_quality_contrastive.py with another input and another model. Input:
each render's log-mel spectrogram (librosa: the whole file, channels averaged, 64 mel bands, n_fft 2048,
hop 512, power_to_db with ref = the render's own peak bin and a fixed 80 dB floor, so a -12 dB copy gives
the same input), cached as .npy under Reports/embedding-quality/spectrogram-cache/<set>/. Model: a small
CNN (four blocks of 3x3 conv, batch norm, ReLU, 2x2 max pool; the bands left are folded into channels;
mean and max over time; a linear head to OUT dimensions, L2-normalised). Trained label-free, as the
atlas's transform: the patch is the class, its five renders (three notes, another velocity, a -12 dB copy)
are positives of each other, NT-Xent / InfoNCE loss (Chen et al. 2020), light augmentation (a random time
crop of CROP frames, a small random level shift before the floor). Evaluated by the same measures as
`make embedding-quality` (embedding_quality_metrics.measure) on every render of each set, on the rows the
run's ours.csv lists, for the head's output ("cnn") and for the pooled features under the head ("cnn-rep").

Reference lines, in the same measures: "ours" (the run's descriptors, z-scored), "ours + atlas transform"
(embedding_quality_transform.atlas_transform), "logmel mean+std" (of the cached spectrograms, 128 dims,
z-scored). With --supervised, a category-supervised ceiling: a logistic regression fitted on the corpus's
base renders' categories (a feature set's rows z-scored over the corpus) and scored on ROM's base renders
(plain accuracy of its predictions; categories from embedding_quality_sources, as the measures use), for
each feature set: does the label-free embedding even carry the categories linearly?

Needs torch and librosa: run with .venv-peer/bin/python. One CPU thread (torch.set_num_threads(1)).
Not part of the product: it only says whether writing such a model in Swift is worth it.

Usage: .venv-peer/bin/python scripts/embedding_quality_spectrogram.py --run Reports/embedding-quality/s6q
       [--sets rom,corpus,lmms] [--train corpus|rom,corpus] [--epochs 60] [--minutes 25] [--out 128]
       [--supervised] [--references] [--save /tmp/cnn.pt]
"""
import argparse, os, sys, time

import numpy as np
import torch

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import embedding_quality_metrics as metrics  # noqa: E402
import embedding_quality_sources as sources  # noqa: E402
from embedding_quality_transform import NOTES, atlas_transform, load, presets_of, summary  # noqa: E402

CACHE = "Reports/embedding-quality/spectrogram-cache"
BANDS, N_FFT, HOP, FLOOR = 64, 2048, 512, 80.0


def log_mel(path):
    import librosa
    import soundfile
    audio, rate = soundfile.read(path, dtype="float32", always_2d=True)
    mono = audio.mean(axis=1)
    mel = librosa.feature.melspectrogram(y=mono, sr=rate, n_fft=N_FFT, hop_length=HOP, n_mels=BANDS)
    # ref = the render's own loudest bin: level-free; everything more than FLOOR dB below it is the floor.
    return librosa.power_to_db(mel, ref=max(float(mel.max()), 1e-20), top_db=FLOOR).astype(np.float32)


def spectrograms(run, name):
    """The cached log-mel of every row of the run's ours.csv, as one array (rows, BANDS, frames), dB."""
    import csv
    with open(os.path.join(run, name, "ours.csv")) as f:
        files = [row["file"] for row in csv.DictReader(f)]
    folder = os.path.join(CACHE, name)
    os.makedirs(folder, exist_ok=True)
    out = []
    for path in files:
        cached = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + ".npy")
        if not os.path.exists(cached):
            np.save(cached, log_mel(path))
        out.append(np.load(cached))
    frames = max(s.shape[1] for s in out)
    return np.stack([np.pad(s, ((0, 0), (0, frames - s.shape[1])), constant_values=-FLOOR) for s in out])


class Net(torch.nn.Module):
    def __init__(self, widths, out, bands=BANDS):
        super().__init__()
        layers, before = [], 1
        for w in widths:
            layers += [torch.nn.Conv2d(before, w, 3, padding=1, bias=False), torch.nn.BatchNorm2d(w),
                       torch.nn.ReLU(), torch.nn.MaxPool2d(2)]
            before = w
        self.convs = torch.nn.Sequential(*layers)
        self.features = 2 * before * (bands >> len(widths))
        self.head = torch.nn.Linear(self.features, out)

    def represent(self, x):
        h = self.convs(x.unsqueeze(1))                       # (batch, channels, bands', frames')
        h = h.flatten(1, 2)                                  # bands folded into channels
        return torch.cat([h.mean(2), h.amax(2)], 1)

    def forward(self, x):
        return torch.nn.functional.normalize(self.head(self.represent(x)), dim=1)


def scale(db):
    """dB in [-FLOOR, 0] to about [-1, 1]."""
    return db / (FLOOR / 2) + 1


def train(specs, groups, args, monitor=None):
    """specs: (rows, BANDS, frames) dB, float32 tensor. groups: each row's patch or None. Returns the model."""
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    by_patch = {}
    for i, g in enumerate(groups):
        if g is not None:
            by_patch.setdefault(g, []).append(i)
    patches = [rows for rows in by_patch.values() if len(rows) >= 2]
    model = Net([int(w) for w in args.widths.split(",")], args.out)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    steps = args.epochs * ((len(patches) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, args.lr, total_steps=steps, pct_start=0.1)
    frames = specs.shape[2]
    crop = min(args.crop, frames)

    def view(rows):
        starts = rng.integers(0, frames - crop + 1, len(rows))
        x = torch.stack([specs[r, :, s:s + crop] for r, s in zip(rows, starts)])
        shift = torch.tensor(rng.uniform(-args.gain, args.gain, (len(rows), 1, 1)), dtype=torch.float32)
        return scale((x + shift).clamp(-FLOOR, 0))

    began = time.time()
    for epoch in range(args.epochs):
        model.train()
        order, losses = rng.permutation(len(patches)), []
        for start in range(0, len(order), args.batch):
            chosen = [patches[p] for p in order[start:start + args.batch]]
            if len(chosen) < 2:
                continue
            pairs = np.array([rng.choice(rows, 2, replace=False) for rows in chosen])
            both = model(torch.cat([view(pairs[:, 0]), view(pairs[:, 1])]))
            a, b = both[:len(chosen)], both[len(chosen):]
            logits = a @ b.T / args.temperature
            target = torch.arange(len(chosen))
            loss = (torch.nn.functional.cross_entropy(logits, target) +
                    torch.nn.functional.cross_entropy(logits.T, target)) / 2
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        minutes = (time.time() - began) / 60
        line = f"  epoch {epoch + 1:3d}  loss {np.mean(losses):.3f}  {minutes:5.1f} min"
        if monitor and ((epoch + 1) % args.monitor == 0 or epoch + 1 == args.epochs):
            line += "  " + monitor(model)
        print(line, flush=True)
        if minutes > args.minutes:
            print(f"  stopped: over {args.minutes} minutes", flush=True)
            break
    model.trained_epochs, model.train_minutes = epoch + 1, (time.time() - began) / 60
    return model


def embed(model, specs, which="cnn"):
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(specs), 128):
            x = scale(specs[start:start + 128])
            out.append((model(x) if which == "cnn" else model.represent(x)).numpy())
    return np.vstack(out)


def line(m):
    """The template's summary, then the 95 % intervals of the category accuracy, same-voice and -12 dB."""
    def ci(f):
        lo, hi = (f or {}).get("ci", [None, None])
        return f"[{lo:.2f}, {hi:.2f}]" if lo is not None else "[-]"
    cat = (m["category"] or {}).get("accuracy")
    return (f"{summary(m)}  | acc {ci(cat)} same-voice {ci(m['same_voice_other_note'])} "
            f"-12dB {ci(m['movement'].get('gain'))}")


def zscore(x, over=None):
    over = x if over is None else over
    return (x - over.mean(0)) / np.where(over.std(0) < 1e-12, 1, over.std(0))


def quick_accuracy(y, rows, by_id):
    """kNN category accuracy as the measures count it, without the bootstrap (training monitor only)."""
    base = [r for r, (p, v) in enumerate(rows) if v in {f"n{n}" for n in NOTES} and by_id[p].category]
    ids = {p: k for k, p in enumerate(sorted({p for p, _ in rows}))}
    preset = np.array([ids[p] for p, _ in rows])
    found, _ = metrics.nearest(np.asarray(y, float), np.array(base), np.array(base), metrics.K, preset)
    cats = [by_id[p].category for p, _ in rows]
    return float(np.mean([metrics.knn_vote([cats[j] for j in row]) == cats[i] for i, row in zip(base, found)]))


def supervised(features, data):
    """Logistic regression on corpus base renders' categories, accuracy of its predictions on ROM's."""
    from sklearn.linear_model import LogisticRegression

    def labelled(name):
        rows, by_id = data[name][1], data[name][2]
        keep = [i for i, (p, v) in enumerate(rows) if v in {f"n{n}" for n in NOTES} and by_id[p].category]
        return keep, np.array([by_id[rows[i][0]].category for i in keep])
    train_rows, train_labels = labelled("corpus")
    test_rows, test_labels = labelled("rom")
    x_train, x_test = features["corpus"][train_rows], features["rom"][test_rows]
    x_test, x_train = zscore(x_test, x_train), zscore(x_train)
    model = LogisticRegression(C=1.0, max_iter=3000).fit(x_train, train_labels)
    seen = np.isin(test_labels, model.classes_)
    return float(np.mean(model.predict(x_test) == test_labels)), int(seen.sum()), len(test_labels)


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--run", required=True)
    a.add_argument("--sets", default="rom,corpus,lmms")
    a.add_argument("--limit", type=int, default=1000)
    a.add_argument("--train", default="corpus", help="the sets whose patches train the CNN, comma-separated")
    a.add_argument("--widths", default="16,32,64,128")
    a.add_argument("--out", type=int, default=128)
    a.add_argument("--epochs", type=int, default=60)
    a.add_argument("--minutes", type=float, default=25, help="stop after the epoch that passes this")
    a.add_argument("--batch", type=int, default=128)
    a.add_argument("--lr", type=float, default=2e-3)
    a.add_argument("--crop", type=int, default=160, help="frames of each training view")
    a.add_argument("--gain", type=float, default=3.0, help="random level shift of a training view, +- dB")
    a.add_argument("--temperature", type=float, default=0.1)
    a.add_argument("--seed", type=int, default=0)
    a.add_argument("--monitor", type=int, default=10, help="print quick ROM/corpus accuracy every N epochs")
    a.add_argument("--references", action="store_true", help="also print ours, ours + transform, logmel mean+std")
    a.add_argument("--supervised", action="store_true", help="also print the logistic-regression ceiling")
    a.add_argument("--no-train", action="store_true", help="only the references (and ceiling)")
    a.add_argument("--save", help="save the trained model's state here")
    args = a.parse_args()
    torch.set_num_threads(1)
    np.random.seed(args.seed)
    table = sources.load_category_table()
    data, specs = {}, {}
    began = time.time()
    for name in args.sets.split(","):
        x, rows = load(args.run, name)
        data[name] = (x, rows, {p.id: p for p in presets_of(name, table, args.limit)})
        specs[name] = spectrograms(args.run, name)
    frames = max(s.shape[2] for s in specs.values())
    specs = {n: torch.tensor(np.pad(s, ((0, 0), (0, 0), (0, frames - s.shape[2])), constant_values=-FLOOR))
             for n, s in specs.items()}
    print(f"spectrograms: {', '.join(f'{n} {tuple(s.shape)}' for n, s in specs.items())}, "
          f"{time.time() - began:.0f} s", flush=True)

    features = {}
    if args.references:
        for name, (x, rows, by_id) in data.items():
            print(f"{name:7s} {'ours':26s} {line(metrics.measure(zscore(x), rows, by_id, NOTES, 60))}", flush=True)
            y = atlas_transform(x, rows)
            print(f"{name:7s} {'ours + atlas transform':26s} {line(metrics.measure(y, rows, by_id, NOTES, 60))}", flush=True)
            s = specs[name].numpy()
            m = zscore(np.concatenate([s.mean(2), s.std(2)], 1))
            print(f"{name:7s} {'logmel mean+std':26s} {line(metrics.measure(m, rows, by_id, NOTES, 60))}", flush=True)
    if args.supervised and {"rom", "corpus"} <= set(data):
        features["ours"] = {n: d[0] for n, d in data.items()}
        features["logmel mean+std"] = {n: np.concatenate([s.numpy().mean(2), s.numpy().std(2)], 1) for n, s in specs.items()}

    if not args.no_train:
        names = args.train.split(",")
        x = torch.cat([specs[n] for n in names])
        groups = [f"{n}/{p}" for n in names for p, _ in data[n][1]]
        watch = [n for n in ("rom", "corpus") if n in data]

        def monitor(model):
            return "  ".join(f"{n} {quick_accuracy(embed(model, specs[n]), data[n][1], data[n][2]):.3f}" for n in watch)
        print(f"training on {'+'.join(names)}: {len(x)} renders, {len(set(groups))} patches", flush=True)
        model = train(x, groups, args, monitor)
        if args.save:
            torch.save(model.state_dict(), args.save)
        label = f"cnn {'+'.join(names)} {args.out}d e{model.trained_epochs}"
        for which in ("cnn", "cnn-rep"):
            ys = {n: embed(model, specs[n], which) for n in data}
            tag = label if which == "cnn" else label.replace("cnn", "cnn-rep", 1).replace(f" {args.out}d", f" {model.features}d")
            for name, (x_, rows, by_id) in data.items():
                y = ys[name] if which == "cnn" else zscore(ys[name])
                print(f"{name:7s} {tag:26s} {line(metrics.measure(y, rows, by_id, NOTES, 60))}", flush=True)
            features[tag] = ys
        print(f"trained {model.trained_epochs} epochs in {model.train_minutes:.1f} min", flush=True)
    if args.supervised and {"rom", "corpus"} <= set(data):
        for tag, ys in features.items():
            accuracy, seen, total = supervised(ys, data)
            print(f"rom     supervised LR (corpus) {tag:26s} acc {accuracy:.2f}  "
                  f"({seen} of {total} ROM renders in a corpus category)", flush=True)


if __name__ == "__main__":
    main()
