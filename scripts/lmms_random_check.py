#!/usr/bin/env python3
"""Fidelity beyond the factory bank: random TripleOscillator patches (uniform in each parameter's normalised
range, as Synths/tripleoscillator.xml defines it), random notes and tempos, rendered by LMMS 1.2.2 itself and
by presetatlas, compared with the README's distance (log10, as Features' ReferenceDistance).
Needs an LMMS 1.2.2 binary: LMMS=/path/to/lmms (e.g. Debian's, unpacked with its libraries); never part of
`make test`. usage: LMMS=... [PRESETATLAS=binary] scripts/lmms_random_check.py COUNT SEED WORKDIR"""
import os, random, subprocess, sys, math
import xml.etree.ElementTree as ET
import numpy as np, soundfile as sf
sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module
dist = import_module("lmms_distance")

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
count, seed, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
lmms = os.environ["LMMS"]
os.makedirs(work, exist_ok=True)
rng = random.Random(seed)
params = ET.parse(os.path.join(ROOT, "Synths", "tripleoscillator.xml")).getroot().findall("parameter")

def draw(p):
    lo, hi, scale = float(p.get("min")), float(p.get("max")), p.get("scale")
    u = rng.random()
    if scale == "log": return lo * (hi / lo) ** u
    if scale in ("int", "enum", "bool"): return min(lo + math.floor(u * (hi - lo + 1)), hi)
    return lo + u * (hi - lo)

# Random sources LMMS does not let us seed (noise, random LFO, arpeggio skip/miss) and user waves are held
# fixed so the comparison is about the deterministic engine; the times are kept short enough to hear.
FIXED = {"arpeggiator.arpskip": 0, "arpeggiator.arpmiss": 0}
def patch():
    v = {p.get("id"): draw(p) for p in params}
    v.update(FIXED)
    for i in range(3):
        if v[f"tripleoscillator.wavetype{i}"] in (6, 7): v[f"tripleoscillator.wavetype{i}"] = rng.choice([0, 1, 2, 3, 4, 5])
    if v["arpeggiator.arpdir"] == 4: v["arpeggiator.arpdir"] = rng.choice([0, 1, 2, 3])  # random direction: rand()
    for el in ("elvol", "elcut", "elres"):
        if v[f"{el}.lshp"] in (4, 5): v[f"{el}.lshp"] = rng.choice([0, 1, 2, 3])
    return v

def fmt(x): return str(int(x)) if float(x).is_integer() else f"{x:.6g}"

def xpf(v):
    groups = {}
    for k, x in v.items():
        el, attr = k.split(".", 1)
        groups.setdefault(el, {})[attr] = fmt(x)
    a = lambda el: " ".join(f'{k}="{x}"' for k, x in groups[el].items())
    track = groups["track"]
    return f'''<instrumenttrack pan="{track["pan"]}" pitch="{track["pitch"]}" basenote="{track["basenote"]}" vol="{track["vol"]}" fxch="0">
      <instrument name="tripleoscillator"><tripleoscillator {a("tripleoscillator")} userwavefile0="" userwavefile1="" userwavefile2=""/></instrument>
      <eldata {a("eldata")}><elvol {a("elvol")} userwavefile=""/><elcut {a("elcut")} userwavefile=""/><elres {a("elres")} userwavefile=""/></eldata>
      <chordcreator {a("chordcreator")}/>
      <arpeggiator {a("arpeggiator")}/>
      <fxchain numofeffects="0" enabled="0"/>
    </instrumenttrack>'''

rows = []
for n in range(count):
    v = patch()
    key = rng.randint(33, 84)          # LMMS keys; MIDI = key + 12
    tempo = rng.choice([60, 90, 120, 125, 140, 174])
    track = xpf(v)
    name = f"random{n:03d}"
    open(os.path.join(work, name + ".xpf"), "w").write(f'''<?xml version="1.0"?>
<!DOCTYPE lmms-project>
<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="instrumenttracksettings">
  <head/>
  <instrumenttracksettings name="{name}">
    {track}
  </instrumenttracksettings>
</lmms-project>
''')
    open(os.path.join(work, name + ".mmp"), "w").write(f'''<?xml version="1.0"?>
<!DOCTYPE lmms-project>
<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="song">
  <head timesig_numerator="4" mastervol="100" timesig_denominator="4" bpm="{tempo}" masterpitch="0"/>
  <song><trackcontainer type="song"><track muted="0" type="0" name="T" solo="0">
    {track}
    <pattern muted="0" type="0" name="" pos="0" len="192" steps="16"><note pan="0" key="{key}" vol="100" pos="0" len="96"/></pattern>
  </track></trackcontainer>
  <fxmixer><fxchannel num="0" muted="0" volume="1" name="Master"><fxchain numofeffects="0" enabled="0"/></fxchannel></fxmixer></song>
</lmms-project>
''')
    ref = os.path.join(work, name + ".lmms.wav")
    subprocess.run([lmms, "--allowroot", "render", os.path.join(work, name + ".mmp"), "-o", ref, "-f", "wav", "-a",
                    "-s", "44100", "-x", "1"], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=120)
    # LMMS's note length: 96 ticks at frames-per-tick in float (Engine::framesPerTick), truncated to frames.
    frames = int(np.float32(96) * (np.float32(44100) * np.float32(60) * np.float32(4) / np.float32(192) / np.float32(tempo)))
    hold = frames / 44100
    ours = os.path.join(work, name + ".ours.wav")
    subprocess.run([os.environ.get("PRESETATLAS", os.path.join(ROOT, ".build/release/presetatlas")), "render", os.path.join(work, name + ".xpf"),
                    "--note", str(key + 12), "--hold", f"{hold:.9f}", "--tail", "4", "--tempo", str(tempo), "--out", ours],
                   check=True)
    r, _ = sf.read(ref, always_2d=True); o, _ = sf.read(ours, always_2d=True)
    rm, om = r.mean(axis=1), o.mean(axis=1)
    n = min(len(rm), len(om)); rm, om = rm[:n], om[:n]   # LMMS renders whole bars plus its tail
    if np.max(np.abs(rm)) < 1e-6 and np.max(np.abs(om)) < 1e-6:
        print(f"{name} key {key} tempo {tempo}: both silent"); continue
    d = dist.distance(om, rm)
    lvl = 20 * np.log10((np.sqrt(np.mean(om ** 2)) + 1e-12) / (np.sqrt(np.mean(rm ** 2)) + 1e-12))
    rows.append(d)
    print(f"{name} key {key} tempo {tempo}: distance {d:.3f} level {lvl:+.2f} dB", flush=True)
ds = np.array(rows)
print(f"random patches: n={len(ds)} median {np.median(ds):.3f}, {np.mean(ds <= 0.35) * 100:.0f}% <= 0.35, max {ds.max():.3f}")
