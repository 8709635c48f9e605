#!/usr/bin/env python3
"""Held-out amsynth references: presets of Debian's factory banks that are NOT among the 96 shared
references (by position and by parameter values), rendered by amsynth 1.13.2's own DSSI plugin exactly
as the shared fixture was (its recipe/amsynthref.c), then measured with `presetatlas dev fidelity-amsynth`.

usage: scripts/amsynth_heldout.py OUT_DIR [--count 192] [--seed 16]
Needs gcc, Debian's dssi-dev ladspa-sdk libasound2-dev (amsynthref's headers), libsndfile (FLAC) and the
factory data in .cache/factory (amsynth_dssi.so and the banks). Then:
  .build/release/presetatlas dev fidelity-amsynth --references OUT_DIR --banks .cache/factory/usr/share/amsynth/banks
"""
import argparse, csv, hashlib, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "..", "shared", "fixtures", "amsynth-reference")
BANKS = os.path.join(ROOT, ".cache", "factory", "usr", "share", "amsynth", "banks")
PLUGIN = os.path.join(ROOT, ".cache", "factory", "usr", "lib", "dssi", "amsynth_dssi.so")
# Interleaved stereo float32 -> 24-bit FLAC, as the fixture stores its renders.
RAW2FLAC = r"""
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    FILE *f = fopen(argv[1], "rb"); if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END); long n = ftell(f) / 8; fseek(f, 0, SEEK_SET);
    float *buf = malloc(n * 8); if (fread(buf, 8, n, f) != (size_t)n) return 1;
    SF_INFO info = { .samplerate = 44100, .channels = 2, .format = SF_FORMAT_FLAC | SF_FORMAT_PCM_24 };
    SNDFILE *out = sf_open(argv[2], SFM_WRITE, &info); if (!out) { fprintf(stderr, "%s: %s\n", argv[2], sf_strerror(NULL)); return 1; }
    sf_command(out, SFC_SET_CLIPPING, NULL, SF_TRUE);
    sf_writef_float(out, buf, n); sf_close(out); return 0;
}
"""


def run(args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def values(tool, bank, index):
    """The 41 values amsynth reads for a preset (name, {parameter: value})."""
    lines = run([tool, "--dump", os.path.join(BANKS, bank), str(index)]).splitlines()
    return lines[0][2:].strip(), {l.split("\t")[1]: float(l.split("\t")[2]) for l in lines[1:]}


def key(v):
    return hashlib.sha1(repr(sorted(v.items())).encode()).hexdigest()


def flags(v):
    # amsynth casts choices with (int): waveform 3 = noise, 4 = sample & hold; mono/legato with
    # portamento mode 0 ("always") glides the first note up from 0 Hz.
    f = []
    if any(int(v[k]) in (3, 4) for k in ("osc1_waveform", "osc2_waveform", "lfo_waveform")):
        f.append("noise")
    if int(v["keyboard_mode"]) in (1, 2) and int(v["portamento_mode"]) == 0 and v["portamento_time"] > 0:
        f.append("glide0")
    return " ".join(f)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=192)
    parser.add_argument("--seed", type=int, default=16)
    a = parser.parse_args()
    for path in (PLUGIN, BANKS, os.path.join(FIXTURE, "manifest.csv")):
        if not os.path.exists(path):
            sys.exit(f"amsynth_heldout: {path} is missing (factory data: scripts/install-deps.sh; fixture: ../shared)")
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="amsynth-heldout.")
    tool, raw2flac = os.path.join(work, "amsynthref"), os.path.join(work, "raw2flac")
    subprocess.run(["gcc", "-O2", "-ffp-contract=off", "-o", tool, os.path.join(FIXTURE, "recipe", "amsynthref.c"), "-ldl", "-lm"], check=True)
    with open(raw2flac + ".c", "w") as f:
        f.write(RAW2FLAC)
    subprocess.run(["gcc", "-O2", "-o", raw2flac, raw2flac + ".c", "-lsndfile"], check=True)

    shared = list(csv.DictReader(open(os.path.join(FIXTURE, "manifest.csv"))))
    taken = {(r["bank"], int(r["index"])) for r in shared}
    seen = {key(values(tool, r["bank"], int(r["index"]))[1]) for r in shared}
    candidates = [(bank, int(line.split("\t")[0])) for bank in sorted(os.listdir(BANKS))
                  for line in run([tool, "--list", os.path.join(BANKS, bank)]).splitlines()]
    candidates = [c for c in candidates if c not in taken]
    random.Random(a.seed).shuffle(candidates)
    rows = ["file,bank,index,name,rms,peak,stereo,n_parameters,flags,params_key"]
    for bank, index in candidates:
        if len(rows) > a.count:
            break
        name, v = values(tool, bank, index)
        if key(v) in seen:
            continue  # the same sound as a shared reference or an earlier pick
        seen.add(key(v))
        file = f"{bank.split('.')[0]}_{index:03d}.flac"
        raw = os.path.join(work, "out.raw")
        subprocess.run([tool, PLUGIN, os.path.join(BANKS, bank), str(index), raw], check=True, capture_output=True)
        subprocess.run([raw2flac, raw, os.path.join(a.out, file)], check=True)
        rows.append(f"{file},{bank},{index},{name.replace(',', ' ')},,,,,{flags(v)},{key(v)[:16]}")
    with open(os.path.join(a.out, "manifest.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows) - 1} held-out references in {a.out} (from {len(candidates)} presets not in the shared set)")


if __name__ == "__main__":
    main()
