#!/usr/bin/env python3
"""Do the .xpf files `presetatlas explore --synth tripleoscillator --out DIR` writes load and sound the same
in LMMS 1.2.2? Each file's <instrumenttrack> is put in a one-note song (key 57 = MIDI 69, 2 beats at 120 BPM,
as the factory references), rendered by LMMS itself, and compared with our render of the same file using the
README's distance (scripts/lmms_distance.py, as `presetatlas dev fidelity`) and the RMS level difference.
A file LMMS cannot load renders as silence, which shows as "LMMS silent". LMMS's white noise and random
LFOs use an unseeded rand(), so patches with them differ by their noise.
Needs LMMS 1.2.2 unpacked with its libraries under LMMS_ROOT (default /tmp/lmmsbin/root/usr); never part of
`make test`. usage: [LMMS_ROOT=...] [PRESETATLAS=binary] scripts/lmms_explored_check.py XPF_DIR WORKDIR"""
import glob, os, re, subprocess, sys
import numpy as np, soundfile as sf
sys.path.insert(0, os.path.dirname(__file__))
from lmms_distance import distance

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
folder, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
lmms_root = os.environ.get("LMMS_ROOT", "/tmp/lmmsbin/root/usr")
lib = f"{lmms_root}/lib/x86_64-linux-gnu"
env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LD_LIBRARY_PATH=f"{lib}:{lib}/lmms:{lib}/lmms/optional")
binary = os.environ.get("PRESETATLAS", os.path.join(ROOT, ".build/release/presetatlas"))
rows = []
for path in sorted(glob.glob(os.path.join(folder, "*.xpf"))):
    name = os.path.splitext(os.path.basename(path))[0]
    text = open(path, encoding="utf-8").read()
    track = re.search(r"<instrumenttrack[ >].*</instrumenttrack>", text, re.S).group(0)
    song = os.path.join(work, name + ".mmp")
    open(song, "w", encoding="utf-8").write(f'''<?xml version="1.0"?>
<!DOCTYPE lmms-project>
<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="song">
  <head timesig_numerator="4" mastervol="100" timesig_denominator="4" bpm="120" masterpitch="0"/>
  <song><trackcontainer type="song"><track muted="0" type="0" name="T" solo="0">
    {track}
    <pattern muted="0" type="0" name="" pos="0" len="192" steps="16"><note pan="0" key="57" vol="100" pos="0" len="96"/></pattern>
  </track></trackcontainer>
  <fxmixer><fxchannel num="0" muted="0" volume="1" name="Master"><fxchain numofeffects="0" enabled="0"/></fxchannel></fxmixer></song>
</lmms-project>
''')
    theirs_path, ours_path = os.path.join(work, name + ".lmms.wav"), os.path.join(work, name + ".ours.wav")
    subprocess.run([f"{lmms_root}/bin/lmms", "--allowroot", "render", song, "-o", theirs_path, "-f", "wav", "-a", "-s", "44100",
                    "-x", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=300)
    # 96 ticks at 120 BPM: 1 s held (LMMS's frames per tick in float, truncated), 4 s of tail.
    subprocess.run([binary, "render", path, "--note", "69", "--hold", "1", "--tail", "4", "--tempo", "120", "--out", ours_path],
                   check=True, stdout=subprocess.DEVNULL)
    theirs, _ = sf.read(theirs_path, always_2d=True); ours, _ = sf.read(ours_path, always_2d=True)
    t, o = theirs.mean(axis=1), ours.mean(axis=1)
    n = min(len(t), len(o)); t, o = t[:n], o[:n]
    noise = bool(re.search(r'wavetype[012]="6"', text)) or bool(re.search(r'lshp="[45]"', text))
    if np.max(np.abs(t)) < 1e-6:
        print(f"{name:12s} LMMS silent (ours peak {np.max(np.abs(o)):.3g})"); rows.append(float("nan")); continue
    d = distance(o, t)
    level = 20 * np.log10((np.sqrt(np.mean(o ** 2)) + 1e-12) / (np.sqrt(np.mean(t ** 2)) + 1e-12))
    rows.append(d)
    print(f"{name:12s} distance {d:.3f}  level {level:+.2f} dB{'  (noise or random LFO)' if noise else ''}", flush=True)
d = np.array(rows)
print(f"{len(d)} files: median distance {np.nanmedian(d):.3f}, max {np.nanmax(d):.3f}, LMMS silent {int(np.isnan(d).sum())}")
