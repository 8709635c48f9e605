#!/usr/bin/env python3
"""Does the embedding hear the sound, or the note and the volume? (`make embedding-quality`)

For each preset set (DX7 ROM banks, the DX7 corpus, the LMMS TripleOscillator factory bank):
 1. `presetatlas render` plays every preset at MIDI 48, 60 and 72, velocity 100 (the base renders), and at
    the middle note once more at velocity 64; this script writes a -12 dB copy of each middle-note render.
    Hold and tail are the atlas's probe (1 s + 1 s). Renders are kept in WORK/SET/renders and reused.
 2. `presetatlas embed` embeds all of a set's renders in one call (standardised over the set), and librosa
    computes two baselines from the same files (scripts/embedding_quality_baselines.py). "ours + transform"
    is the atlas's learnt invariance fitted on the set's raw embedding without labels, as the atlas does
    (scripts/embedding_quality_transform.py: a quarter of the voices, each voice's 5 renders one class). A render our
    embedder leaves out (an inaudible one) is left out of every embedding's measures alike.
 3. scripts/embedding_quality_metrics.py measures, with 95 % bootstrap intervals over presets:
    category accuracy and macro-F1 of a 5-nearest-neighbour vote, leave-one-preset-out, categories read
    from preset names by scripts/embedding_categories.tsv; how often a render's nearest other render is
    the same voice at another note; how often its nearest other voice is at its own note (chance: one
    in the number of notes); how far velocity 64 and the -12 dB copy move a point, as a share of the
    median gap between different voices.
 4. scripts/embedding_quality_ceiling.py says what the name-derived categories allow: the accuracy of
    supervised models that SEE the categories (a random forest on our raw embedding; on DX7 sets, one on
    the voices' synthesis parameters and one on both) and how often nearly identical voices share a category.
Writes WORK/LABEL/results.json and results.md and prints the tables.

Usage: scripts/embedding_quality.py [--bin .build/release/presetatlas] [--sets rom,corpus,lmms]
       [--limit N (corpus voices, seeded sample)] [--label NAME] [--work Reports/embedding-quality]
"""
import argparse, csv, glob, hashlib, json, os, shutil, subprocess, sys

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import embedding_quality_baselines as baselines  # noqa: E402
import embedding_quality_ceiling as ceiling  # noqa: E402
import embedding_quality_metrics as metrics  # noqa: E402
import embedding_quality_sources as sources  # noqa: E402
import embedding_quality_transform as transform  # noqa: E402

FACTORY = ".cache/factory/usr/share"
CORPUS = "../shared/corpora/dx7/cartridges"
COLUMNS = (("ours", "ours"), ("transform", "ours + transform"), ("mfcc", "MFCC mean+std"), ("logmel", "log-mel mean+std"))


def arguments():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--bin", default=os.environ.get("BIN", ".build/release/presetatlas"))
    a.add_argument("--work", default="Reports/embedding-quality")
    a.add_argument("--label", default="current", help="results go to WORK/LABEL (e.g. before, after)")
    a.add_argument("--sets", default="rom,corpus,lmms")
    a.add_argument("--limit", type=int, help="corpus: a seeded random sample of this many distinct voices")
    a.add_argument("--notes", default="48,60,72")
    a.add_argument("--velocity", type=int, default=64, help="the other velocity, at the middle note")
    a.add_argument("--gain-db", type=float, default=-12.0)
    a.add_argument("--hold", type=float, default=1.0)
    a.add_argument("--tail", type=float, default=1.0)
    a.add_argument("--jobs", type=int, default=2)
    a.add_argument("--no-baselines", action="store_true")
    a.add_argument("--no-transform", action="store_true", help="leave out the \"ours + transform\" column")
    a.add_argument("--no-ceiling", action="store_true", help="leave out the supervised ceilings (scikit-learn)")
    a.add_argument("--embed-arg", action="append", default=[], metavar="ARG",
                   help="passed on to `presetatlas embed` (repeat for several), e.g. --embed-arg=--kind --embed-arg=mfcc-means")
    args = a.parse_args()
    args.notes = [int(n) for n in args.notes.split(",")]
    args.sets = args.sets.split(",")
    for name in args.sets:
        if name not in ("rom", "corpus", "lmms"):
            a.error(f"unknown set {name!r}: choose from rom, corpus, lmms")
    if args.limit is not None and args.limit < 10:
        a.error("--limit must be at least 10")
    if not os.access(args.bin, os.X_OK):
        a.error(f"{args.bin}: no presetatlas binary (make release, or --bin PATH)")
    return args


def preset_set(name, args, table):
    folder = os.path.join(args.work, name, "voices")
    if name == "rom":
        return sources.dx7_set(sorted(glob.glob(f"{FACTORY}/hexter/*.dx7")), folder, table) + (folder,)
    if name == "corpus":
        if not os.path.isdir(CORPUS):
            print(f"skipped corpus: {CORPUS} is absent", file=sys.stderr)
            return None
        return sources.dx7_set(sorted(glob.glob(f"{CORPUS}/*.syx")), folder, table, args.limit) + (folder,)
    lmms = f"{FACTORY}/lmms/presets/TripleOscillator"
    return sources.lmms_set(lmms, table) + (lmms,)


def render(args, source, out, note, velocity):
    """Renders every preset of `source` once into `out` (kept: a finished folder has a .done marker)."""
    marker = os.path.join(out, ".done")
    settings = f"{note} {velocity} {args.hold} {args.tail} {fingerprint(source)}"
    if os.path.exists(marker) and open(marker).read() == settings:
        return
    shutil.rmtree(out, ignore_errors=True)
    command = [args.bin, "render", source, "--out-dir", out, "--format", "flac", "--note", str(note),
               "--velocity", str(velocity), "--hold", str(args.hold), "--tail", str(args.tail), "--jobs", str(args.jobs)]
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        print(f"warning: {' '.join(command)} exited {result.returncode}: {result.stderr.strip()[-300:]}", file=sys.stderr)
    with open(marker, "w") as f:
        f.write(settings)


def fingerprint(folder):
    """MD5 over the names and bytes of a folder's files: renders are redone when the presets change."""
    digest = hashlib.md5()
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        digest.update(os.path.basename(path).encode())
        with open(path, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def gain_copies(renders, out, gain_db):
    import soundfile
    os.makedirs(out, exist_ok=True)
    factor = 10 ** (gain_db / 20)
    for path in glob.glob(os.path.join(renders, "*.flac")):
        target = os.path.join(out, os.path.basename(path))
        if not os.path.exists(target):
            audio, rate = soundfile.read(path, dtype="float32")
            soundfile.write(target, audio * factor, rate, subtype="PCM_24")


def renders_of(name, args, presets, source):
    """Every render of the set, linked as WORK/SET/flat/ID__VARIANT.flac; returns the flat folder."""
    root = os.path.join(args.work, name, "renders")
    middle = args.notes[len(args.notes) // 2]
    folders = {f"n{n}": (n, 100) for n in args.notes}
    folders["vel"] = (middle, args.velocity)
    for variant, (note, velocity) in folders.items():
        render(args, source, os.path.join(root, variant), note, velocity)
    gain = os.path.join(root, "gain")
    if not os.path.exists(os.path.join(gain, ".from")) or open(os.path.join(gain, ".from")).read() != open(
            os.path.join(root, f"n{middle}", ".done")).read() + f" {args.gain_db}":
        shutil.rmtree(gain, ignore_errors=True)
    gain_copies(os.path.join(root, f"n{middle}"), gain, args.gain_db)
    with open(os.path.join(gain, ".from"), "w") as f:
        f.write(open(os.path.join(root, f"n{middle}", ".done")).read() + f" {args.gain_db}")
    flat = os.path.join(args.work, name, "flat")
    os.makedirs(flat, exist_ok=True)
    for old in os.listdir(flat):
        os.remove(os.path.join(flat, old))
    missing = 0
    for variant in (*folders, "gain"):
        for p in presets:
            path = os.path.join(root, variant, p.id + ".flac")
            if os.path.exists(path):
                os.symlink(os.path.abspath(path), os.path.join(flat, f"{p.id}__{variant}.flac"))
            else:
                missing += 1
    if missing:
        print(f"warning: {name}: {missing} renders missing (their presets failed to render)", file=sys.stderr)
    return flat


def embed_ours(args, flat, out):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    command = [args.bin, "embed", flat, "--out", out, "--note-off", str(args.hold), "--jobs", str(args.jobs), "--quiet",
               *args.embed_arg]
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if not os.path.exists(out):
        raise SystemExit(f"error: {' '.join(command)} failed: {result.stderr.strip()[-500:]}")
    with open(os.path.splitext(out)[0] + ".csv") as f:
        files = [os.path.basename(row["file"]) for row in csv.DictReader(f)]
    return np.load(out), files


def inaudible_base_renders(path):
    """How many renders at the probe notes `presetatlas embed` left out as inaudible (its OUT.inaudible.csv)."""
    with open(path) as f:
        return sum(os.path.splitext(row["file"])[0].rsplit("__", 1)[-1].startswith("n") for row in csv.DictReader(f))


def measure_set(name, args, table):
    found = preset_set(name, args, table)
    if found is None:
        return None
    presets, description, source = found
    by_id = {p.id: p for p in presets}
    flat = renders_of(name, args, presets, source)
    out = os.path.join(args.work, args.label, name, "ours.npy")
    x, files = embed_ours(args, flat, out)
    rows = [tuple(os.path.splitext(f)[0].split("__")) for f in files]
    embeddings = {"ours": x}
    if not args.no_transform:
        # The atlas's learnt invariance (label-free, patch as class), fitted on this set's raw embedding.
        embeddings["transform"] = transform.atlas_transform(np.load(os.path.splitext(out)[0] + ".raw.npy"), rows)
    paths = [os.path.join(flat, f) for f in files]
    if not args.no_baselines:
        extra = baselines.compute(paths, os.path.join(args.work, name, "baselines.npz"), args.jobs)
        embeddings.update({b: baselines.standardise(extra[b]) for b in baselines.BASELINES})
    inaudible = inaudible_base_renders(os.path.splitext(out)[0] + ".inaudible.csv")
    labelled = {p.id for p in presets if p.category}
    middle = args.notes[len(args.notes) // 2]
    result = {"set": name, "description": description, "presets": len(presets),
              "presets_with_category": len(labelled),
              "categories": {c: sum(p.category == c for p in presets) for c in sorted({p.category for p in presets if p.category})},
              "inaudible_base_renders": inaudible,
              "embedded_renders": len(rows), "not_embedded": len(os.listdir(flat)) - len(rows), "embeddings": {}}
    for key, x in embeddings.items():
        result["embeddings"][key] = metrics.measure(x, rows, by_id, args.notes, middle)
    if not args.no_ceiling:
        parameters = ceiling.dx7_parameters(source, [p.id for p in presets]) if name != "lmms" else None
        raw = np.load(os.path.splitext(out)[0] + ".raw.npy")
        result["ceiling"] = ceiling.measure(raw, rows, by_id, args.notes, parameters)
    return result


def cell(entry):
    if not entry or entry.get("value") is None:
        return "-"
    low, high = entry.get("ci", [None, None])
    return f"{entry['value']:.2f} [{low:.2f}, {high:.2f}]" if low is not None else f"{entry['value']:.2f}"


def table(result, args):
    e = result["embeddings"]
    keys = [k for k, _ in COLUMNS if k in e]
    inaudible = result["inaudible_base_renders"]
    lines = [f"### {result['set']}: {result['description']}",
             f"{result['presets']} presets ({result['presets_with_category']} with a category), "
             f"{result['embedded_renders']} renders embedded ({result.get('not_embedded', 0)} not: every embedding is "
             f"measured on the same rows), {inaudible} of them base renders our "
             f"embedder left out as inaudible; dimensions: " + ", ".join(f"{k} {e[k]['dimensions']}" for k in keys), "",
             "| measure | " + " | ".join(label for k, label in COLUMNS if k in e) + " |",
             "|---" * (len(keys) + 1) + "|"]

    def row(label, pick):
        lines.append(f"| {label} | " + " | ".join(cell(pick(e[k])) for k in keys) + " |")
    row("category accuracy, 5 nearest", lambda m: (m["category"] or {}).get("accuracy"))
    row("category macro-F1", lambda m: (m["category"] or {}).get("macro_f1"))
    row("category accuracy without " + ", ".join(sorted(metrics.USE_NAMED)) + " (named for their use)",
        lambda m: (m.get("category_instruments") or {}).get("accuracy"))
    row("nearest other render is the same voice at another note", lambda m: m["same_voice_other_note"])
    row(f"nearest other voice is at the query's own note (chance {1 / len(args.notes):.2f})",
        lambda m: m["nearest_other_voice_at_own_note"])
    row(f"velocity {args.velocity} instead of 100 moves the point by (share of median voice gap)",
        lambda m: m["movement"].get("vel"))
    row(f"a {args.gain_db:g} dB copy moves the point by (share of median voice gap)",
        lambda m: m["movement"].get("gain"))
    ours = e.get("ours", {}).get("category") or {}
    if ours.get("f1_per_category"):
        lines += ["", "ours, F1 per category: " + ", ".join(f"{c} {v:.2f}" for c, v in ours["f1_per_category"].items())]
    limits = result.get("ceiling")
    if limits:
        lines += ["", "What the name categories allow (supervised: the model sees the categories of 4/5 of the presets, "
                  "scored on the other fifth):",
                  f"- random forest on ours (raw): {cell(limits['forest_on_ours'])}"]
        if "forest_on_parameters" in limits:
            lines.append(f"- random forest on the voices' {len(ceiling.unpacked_parameters(bytes(128)))} synthesis parameters: "
                         f"{cell(limits['forest_on_parameters'])}")
            lines.append(f"- random forest on ours and those parameters side by side: {cell(limits['forest_on_both'])}")
            lines.append(f"- voices whose nearest other voice differs in at most {ceiling.TWIN_PARAMETERS} parameters "
                         f"({limits['twins']}) share its category: {cell(limits['twins_agree'])}")
    return "\n".join(lines)


def main():
    args = arguments()
    category_table = sources.load_category_table()
    results = [r for r in (measure_set(name, args, category_table) for name in args.sets) if r]
    out = os.path.join(args.work, args.label)
    os.makedirs(out, exist_ok=True)
    settings = (f"binary {args.bin}; notes {','.join(map(str, args.notes))}, velocity 100 (and {args.velocity}), "
                f"hold {args.hold} s, tail {args.tail} s; 95 % bootstrap intervals over presets, 1,000 draws")
    text = "\n\n".join([settings] + [table(r, args) for r in results]) + "\n"
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"settings": vars(args), "results": results}, f, indent=1, default=float)
    print(text)


if __name__ == "__main__":
    main()
