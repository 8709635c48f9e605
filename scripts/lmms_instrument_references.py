#!/usr/bin/env python3
"""Reference renders of LMMS 1.2.2's other instruments (Kicker, BitInvader, ...) for test fixtures: every factory
preset of INSTRUMENT, plus COUNT presets with random instrument settings (drawn from LMMS's own knob ranges
below, applied to the factory preset --base), rendered by LMMS 1.2.2 itself.

LMMS: give --lmms-root (a folder holding usr/bin/lmms, e.g. Debian's packages unpacked), or the script fetches
Debian bookworm's lmms 1.2.2 and its libraries with `apt-get download` (scripts/lmms-1.2.2-packages.txt) into a
temporary folder and unpacks them there with `dpkg-deb -x`; nothing is installed.
Needs numpy and soundfile (bash scripts/setup-venv.sh). Never part of `make test`.
With --random-track COUNT, COUNT more (random-track-NN, from their own generator seeded S + 1) also draw the
track's filter (always on), volume and cutoff envelopes and LFOs (TRACK_RANGES; no random or user-wave LFO).
usage: scripts/lmms_instrument_references.py INSTRUMENT OUTDIR [--random COUNT] [--random-track COUNT] [--base PRESET [--bare]]
       [--random-synced COUNT] [--stereo] [--dry-factory] [--seed S] [--lmms-root DIR]
example: .venv/bin/python scripts/lmms_instrument_references.py Kicker Tests/Fixtures/lmms-instrument-references/kicker \
             --random 6 --random-track 6 --base KickPower"""
import argparse, base64, csv, glob, os, random, re, struct, subprocess, sys, tempfile
import numpy as np, soundfile as sf

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FACTORY = os.path.join(ROOT, ".cache/factory/usr/share/lmms/presets")
# Render settings (README): LMMS key 57 (MIDI 69), note volume 100, 120 BPM, a note of 96 ticks (2 beats),
# one bar rendered, 44.1 kHz, no oversampling; stored: the first 1.5 s of the mono downmix ((L + R) / 2), 24-bit
# FLAC, times STORED_SCALE (Kicker's gain and distortion reach peaks near 6).
KEY, TEMPO, TICKS, SECONDS, STORED_SCALE = 57, 120, 96, 1.5, 0.125
# Knob ranges of LMMS 1.2.2's instruments (min, max, step; "bool" for toggles), attribute names as saved.
RANGES = {
    "Kicker": {"startfreq": (5, 1000, 1), "endfreq": (5, 1000, 1), "decay": (5, 5000, 1), "dist": (0, 100, 0.1),
               "distend": (0, 100, 0.1), "gain": (0.1, 5, 0.05), "env": (0.01, 1, 0.001), "noise": (0, 1, 0.01),
               "click": (0, 1, 0.05), "slope": (0.001, 1, 0.001), "startnote": "bool", "endnote": "bool"},
    # plugins/bit_invader: the wave is drawn too (wave_attributes below), as many points as sampleLength.
    "BitInvader": {"sampleLength": (4, 200, 1), "interpolation": "bool", "normalize": "bool"},
    "LB302": {"vcf_cut": (0, 1.5, 0.005), "vcf_res": (0, 1.25, 0.005), "vcf_mod": (0, 1, 0.005), "vcf_dec": (0, 1, 0.005),
              "dist": (0, 1, 0.01), "shape": (0, 11, 1), "slide_dec": (0, 1, 0.005), "slide": "bool", "dead": "bool",
              "db24": "bool"},
    # plugins/organic: eight oscillators; LMMS gives every note random start phases (rand()), so the renders are
    # matched statistically.
    "Organic": {"vol": (0, 200, 1), "foldback": (0, 0.99, 0.01),
                **{f"{knob}{i}": r for i in range(8) for knob, r in
                   [("vol", (0, 100, 1)), ("pan", (-100, 100, 1)), ("newharmonic", (0, 17, 1)), ("newdetune", (-1200, 1200, 1)),
                    ("wavetype", (0, 5, 1))]}},
    # plugins/monstro (Monstro.cpp's models): three oscillators, two LFOs, two envelopes, the modulation matrix
    # (vol/phs/pit 1-3, pw 1, sub 3, each from env 1-2 and LFO 1-2). The LFOs' random waves (9, 10) use the
    # plugin's own fast_rand copy from seed 1, so every render is deterministic.
    "Monstro": {**{f"o{i}{knob}": r for i in (1, 2, 3) for knob, r in
                   [("vol", (0, 200, 0.1)), ("pan", (-100, 100, 0.1)), ("crs", (-24, 24, 1)), ("spo", (-180, 180, 0.1))]},
                **{f"o{i}{knob}": (-100, 100, 1) for i in (1, 2) for knob in ("ftl", "ftr")},
                "o1pw": (0.25, 99.75, 0.01), "o1ssr": "bool", "o1ssf": "bool", "o2wav": (0, 14, 1), "o2syn": "bool",
                "o2synr": "bool", "o3sub": (-100, 100, 0.1), "o3wav1": (0, 14, 1), "o3wav2": (0, 14, 1), "o3syn": "bool",
                "o3synr": "bool", "o23mo": (0, 3, 1),
                **{f"l{i}{knob}": r for i in (1, 2) for knob, r in
                   [("wav", (0, 10, 1)), ("att", (0, 2000, 1)), ("rat", (0.1, 10000, 0.1)), ("phs", (-180, 180, 0.1))]},
                **{f"e{i}{knob}": r for i in (1, 2) for knob, r in
                   [("pre", (0, 2000, 1)), ("att", (0, 2000, 1)), ("hol", (0, 4000, 1)), ("dec", (0, 4000, 1)),
                    ("sus", (0, 1, 0.001)), ("rel", (0, 4000, 1)), ("slo", (-1, 1, 0.001))]},
                **{f"{target}{source}": (-1, 1, 0.001) for target in ("v1", "v2", "v3", "p1", "p2", "p3", "f1", "f2", "f3", "w1", "s3")
                   for source in ("e1", "e2", "l1", "l2")}},
    # plugins/watsyn: four oscillators A1 A2 B1 B2 (their waves drawn too, wave_attributes below), the A-B mix and
    # its envelope (TempoSyncKnobs in ms), A1->B2 crosstalk, A2->A1 and B2->B1 modulation (mix, AM, RM, PM).
    "Watsyn": {"abmix": (-100, 100, 0.1), "envAmt": (-200, 200, 1), "envAtt": (0, 2000, 1), "envHold": (0, 2000, 1),
               "envDec": (0, 2000, 1), "xtalk": (0, 100, 0.1), "amod": (0, 3, 1), "bmod": (0, 3, 1),
               **{f"{osc}_{knob}": r for osc in ("a1", "a2", "b1", "b2") for knob, r in
                  [("vol", (0, 200, 0.1)), ("pan", (-100, 100, 0.1)), ("mult", (1, 24, 1)), ("ltune", (-600, 600, 1)),
                   ("rtune", (-600, 600, 1))]}},
}

# The instrument track's knobs (InstrumentSoundShaping.cpp, EnvelopeAndLfoParameters.cpp): element -> attribute ->
# range. The filter is always on; LFO shapes 0-3 (sine, triangle, saw, square), so every render is deterministic.
_ENVELOPE = {"pdel": (0, 0.5, 0.001), "att": (0, 1, 0.001), "hold": (0, 1, 0.001), "dec": (0, 1, 0.001),
             "sustain": (0, 1, 0.001), "rel": (0, 1, 0.001), "amt": (-1, 1, 0.005), "lshp": (0, 3, 1),
             "lpdel": (0, 0.5, 0.001), "latt": (0, 0.5, 0.001), "lspd": (0.001, 1, 0.0001), "lamt": (-1, 1, 0.005),
             "x100": "bool", "ctlenvamt": "bool"}
TRACK_RANGES = {"eldata": {"fwet": (1, 1, 1), "ftype": (0, 21, 1), "fcut": (1, 14000, 1), "fres": (0.01, 10, 0.01)},
                "elvol": _ENVELOPE, "elcut": _ENVELOPE}

def wave_attributes(instrument, element, rng):
    """Attributes drawn beyond the knobs: hand-drawn waves (base64 of float32 points uniform in -1..1), BitInvader's
    `sampleShape` (as many points as sampleLength) and Watsyn's four (GRAPHLEN = 220 points each)."""
    def drawn(length):
        return base64.b64encode(struct.pack(f"<{length}f", *(rng.uniform(-1, 1) for _ in range(length)))).decode()
    if instrument == "BitInvader":
        return {"sampleShape": drawn(int(float(re.search(r'sampleLength="([^"]*)"', element).group(1))))}
    if instrument == "Watsyn":
        return {f"{osc}_wave": drawn(220) for osc in ("a1", "a2", "b1", "b2")}
    return {}

def bare_track(text):
    """The track adds nothing to the instrument: envelope and LFO amounts 0, filter off, no arpeggio or chord,
    no effects (for testing an instrument's core on random settings)."""
    text = re.sub(r"<el(?:vol|cut|res) [^>]*>", lambda m: re.sub(r'\b(l?amt)="[^"]*"', r'\1="0"', m.group(0)), text)
    text = re.sub(r'\bfwet="[^"]*"', 'fwet="0"', text)
    text = re.sub(r'\b(arp-enabled|chord-enabled)="[^"]*"', r'\1="0"', text)
    return without_effects(text)

def without_effects(text):
    """The preset with its effect chain off and empty (the track's envelopes, filter and arpeggio kept)."""
    return re.sub(r"<fxchain [^>]*?(/>|>.*?</fxchain>)", '<fxchain numofeffects="0" enabled="0"/>', text, flags=re.S)

def lmms_root(given):
    if given: return given
    work = tempfile.mkdtemp(prefix="lmms-1.2.2-")
    packages = open(os.path.join(ROOT, "scripts/lmms-1.2.2-packages.txt")).read().split()
    subprocess.run(["apt-get", "download"] + packages, cwd=work, check=True)
    root = os.path.join(work, "root")
    for deb in glob.glob(os.path.join(work, "*.deb")):
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
    return root

def render(root, xpf_text, out_wav):
    track = re.search(r"<instrumenttrack[ >].*</instrumenttrack>", xpf_text, re.S).group(0)
    mmp = out_wav + ".mmp"
    open(mmp, "w").write(f'''<?xml version="1.0"?>
<!DOCTYPE lmms-project>
<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="song">
  <head timesig_numerator="4" mastervol="100" timesig_denominator="4" bpm="{TEMPO}" masterpitch="0"/>
  <song><trackcontainer type="song"><track muted="0" type="0" name="T" solo="0">{track}
    <pattern muted="0" type="0" name="" pos="0" len="192" steps="16"><note pan="0" key="{KEY}" vol="100" pos="0" len="{TICKS}"/></pattern>
  </track></trackcontainer>
  <fxmixer><fxchannel num="0" muted="0" volume="1" name="Master"><fxchain numofeffects="0" enabled="0"/></fxchannel></fxmixer></song>
</lmms-project>
''')
    lib = os.path.join(root, "usr/lib/x86_64-linux-gnu")
    # The caller's LD_LIBRARY_PATH comes last (libraries an unpacked root lacks, e.g. libpulse0 unpacked elsewhere).
    paths = [lib, f"{lib}/lmms", f"{lib}/lmms/optional", os.environ.get("LD_LIBRARY_PATH", "")]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LD_LIBRARY_PATH=":".join(p for p in paths if p))
    subprocess.run([os.path.join(root, "usr/bin/lmms"), "--allowroot", "render", mmp, "-o", out_wav, "-f", "wav", "-a",
                    "-s", "44100", "-x", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=300)
    os.remove(mmp)

def randomised(text, instrument, rng):
    text = randomised_element(text, instrument.lower(), RANGES[instrument], rng)
    element = re.search(rf"<{instrument.lower()}[ >][^>]*>", text).group(0)
    new = element
    for name, value in wave_attributes(instrument, element, rng).items():
        new = re.sub(rf'\b{name}="[^"]*"', f'{name}="{value}"', new)
    return text.replace(element, new, 1)

def randomised_synced(text, instrument, rng):
    """Random settings whose tempo-synced knobs (those saved with "_numerator") all follow the tempo: sync mode 1-8
    (8: custom, numerator and denominator 1-32)."""
    text = randomised(text, instrument, rng)
    element = re.search(rf"<{instrument.lower()}[ >][^>]*>", text).group(0)
    knobs = re.findall(r'\b(\w+)_numerator="', element)
    return randomised_element(text, instrument.lower(), {**{f"{k}_syncmode": (1, 8, 1) for k in knobs},
                                                         **{f"{k}_{part}": (1, 32, 1) for k in knobs
                                                            for part in ("numerator", "denominator")}}, rng)

def randomised_track(text, instrument, rng):
    text = randomised(text, instrument, rng)
    for tag, ranges in TRACK_RANGES.items():
        text = randomised_element(text, tag, ranges, rng)
    return text

def randomised_element(text, tag, ranges, rng):
    element = re.search(rf"<{tag}[ >][^>]*>", text).group(0)
    closing = "/>" if element.endswith("/>") else ">"
    new = element
    for name, r in ranges.items():
        if r == "bool": value = str(rng.randint(0, 1))
        else:
            lo, hi, step = r
            value = f"{round(lo + round(rng.uniform(0, hi - lo) / step) * step, 6):g}"
        new = re.sub(rf'\b{name}="[^"]*"', f'{name}="{value}"', new) if f' {name}="' in new else new[: -len(closing)] + f' {name}="{value}"' + closing
    return text.replace(element, new, 1)

def main():
    a = argparse.ArgumentParser(usage=__doc__)
    a.add_argument("instrument"); a.add_argument("out")
    a.add_argument("--random", type=int, default=0); a.add_argument("--seed", type=int, default=14)
    a.add_argument("--random-track", type=int, default=0)
    a.add_argument("--base", help="factory preset the random settings start from (its track, envelopes, effects)")
    a.add_argument("--stereo", action="store_true", help="store both channels (instruments with random phases per channel)")
    a.add_argument("--bare", action="store_true", help="random settings on the --base track with nothing added (bare_track)")
    a.add_argument("--dry-factory", action="store_true",
                   help="also render every factory preset without its effects (NAME-dry; track and arpeggio kept)")
    a.add_argument("--random-synced", type=int, default=0,
                   help="COUNT more random settings (synced-NN, seed S + 2) with every tempo knob synced to the tempo")
    a.add_argument("--lmms-root")
    args = a.parse_args()
    if (args.random or args.random_track or args.random_synced) and args.instrument not in RANGES: sys.exit(f"error: no knob ranges for {args.instrument}")
    root = lmms_root(args.lmms_root)
    os.makedirs(args.out, exist_ok=True)
    presets = sorted(glob.glob(os.path.join(FACTORY, args.instrument, "*.xpf")))
    if not presets: sys.exit(f"error: no factory presets in {FACTORY}/{args.instrument}")
    jobs = [(os.path.splitext(os.path.basename(p))[0], open(p).read(), "factory") for p in presets]
    if args.dry_factory: jobs += [(name + "-dry", without_effects(text), "factory without effects") for name, text, _ in list(jobs)]
    rng = random.Random(args.seed)
    base = next((j for j in jobs if j[0] == args.base), jobs[0])
    if args.bare: base = (base[0], bare_track(base[1]), base[2])
    jobs += [(f"random-{i:02d}", randomised(base[1], args.instrument, rng), f"random from {base[0]}") for i in range(args.random)]
    track_rng = random.Random(args.seed + 1)
    jobs += [(f"random-track-{i:02d}", randomised_track(base[1], args.instrument, track_rng), f"random with track from {base[0]}")
             for i in range(args.random_track)]
    synced_rng = random.Random(args.seed + 2)
    jobs += [(f"synced-{i:02d}", randomised_synced(base[1], args.instrument, synced_rng), f"random synced from {base[0]}")
             for i in range(args.random_synced)]
    rows = []
    for name, text, origin in jobs:
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", name)
        xpf = os.path.join(args.out, safe + ".xpf")
        open(xpf, "w").write(text)
        wav = os.path.join(args.out, safe + ".lmms.wav")
        render(root, text, wav)
        audio, rate = sf.read(wav, dtype="float32", always_2d=True)
        os.remove(wav)
        kept = audio[: int(SECONDS * rate)]
        clip = np.clip((kept if args.stereo else kept.mean(axis=1)) * STORED_SCALE, -1, 1)
        sf.write(os.path.join(args.out, safe + ".flac"), clip, rate, subtype="PCM_24")
        rows.append({"file": safe + ".flac", "preset": safe + ".xpf", "origin": origin, "midi_note": KEY + 12,
                     "tempo_bpm": TEMPO, "note_beats": TICKS / 48, "stored_scale": STORED_SCALE, "stored_channels": 2 if args.stereo else 1,
                     "peak": f"{np.abs(audio).max():.4f}", "channels_equal": int(np.array_equal(audio[:, 0], audio[:, 1]))})
        print(name, rows[-1]["peak"], flush=True)
    with open(os.path.join(args.out, "manifest.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0])); w.writeheader(); w.writerows(rows)

if __name__ == "__main__":
    main()
