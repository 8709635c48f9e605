#!/usr/bin/env python3
"""Effect chains beyond the factory bank: one random TripleOscillator fixture patch (Tests/Fixtures/
lmms-random-references/random-chord-filter.xpf) played through random chains of the effects the engine emulates,
with random controls and wet levels, rendered by LMMS 1.2.2 and by presetatlas, compared with the README's
distance. PhaserII is left out (LMMS does not seed it). Needs LMMS=/path/to/lmms (Debian's 1.2.2 unpacked, with
LD_LIBRARY_PATH set) and .build/*/presetatlas. usage: LMMS=... scripts/lmms_effect_check.py COUNT SEED WORKDIR [BIN]"""
import os, random, re, subprocess, sys
import numpy as np, soundfile as sf
sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module
dist = import_module("lmms_distance")

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
count, seed, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
binary = sys.argv[4] if len(sys.argv) > 4 else os.path.join(ROOT, ".build/release/presetatlas")
lmms = os.environ["LMMS"]
os.makedirs(work, exist_ok=True)
rng = random.Random(seed)
u = lambda lo, hi: rng.uniform(lo, hi)
i = lambda lo, hi: rng.randint(lo, hi)

def mono(ports):  # the same ranges for both processors of a mono plugin, drawn independently
    return {f"{p}{n}": f() for p in (0, 1) for n, f in ports.items()}

# label: (file, ports {key: value})
EFFECTS = {
    "Plate2x2": lambda: ("caps", {"02": u(.005, .999), "03": u(0, .749), "04": u(.0005, 1), "05": u(0, 1)}),
    "Eq2x2": lambda: ("caps", {f"0{b}": u(-48, 24) for b in range(2, 12)}),
    "Eq": lambda: ("caps", mono({b: (lambda: u(-48, 24)) for b in range(1, 11)})),
    "Clip": lambda: ("caps", mono({1: lambda: u(-10, 30)})),
    "ToneStack": lambda: ("caps", mono({1: lambda: i(0, 5), 2: lambda: u(0, 1), 3: lambda: u(0, 1), 4: lambda: u(0, 1)})),
    "AmpIII": lambda: ("caps", mono({1: lambda: u(0, 6), 2: lambda: u(.005, 1), 3: lambda: u(.0001, 1)})),
    "AmpIV": lambda: ("caps", mono({1: lambda: u(0, 6), 2: lambda: u(.005, 1), 3: lambda: u(-20, 20), 4: lambda: u(-20, 20),
                                    5: lambda: u(-20, 20), 6: lambda: u(-20, 20), 7: lambda: u(.0001, 1)})),
    "MultiChorus": lambda: ("calf", {"04": u(.1, 10), "05": u(.1, 10), "06": u(.01, 20), "07": u(0, 360), "08": i(1, 8),
                                     "09": u(0, 360), "010": u(0, 4), "011": u(0, 4), "012": u(10, 20000),
                                     "013": u(10, 20000), "014": u(.125, 1), "015": u(0, 1)}),
    "hardLimiter": lambda: ("hard_limiter_1413", mono({0: lambda: u(-30, 0), 1: lambda: u(0, 1), 2: lambda: u(0, 1)})),
    "dcRemove": lambda: ("dc_remove_1207", {}),
    "harmonicGen": lambda: ("harmonic_gen_1220", mono({h: (lambda: u(-1, 1)) for h in range(10)})),
    "amp_stereo": lambda: ("cmt", {"00": u(0, 2)}),
    "freeverb3": lambda: ("cmt", {"04": 0, "05": u(0, 1), "06": u(0, 1), "07": u(0, 1), "08": u(0, 1), "09": u(0, 1)}),
    "fbdelay_5s": lambda: ("cmt", mono({0: lambda: u(10, 800), 1: lambda: u(0, 1), 4: lambda: u(-.9, .9)})),
    "fastLookaheadLimiter": lambda: ("fast_lookahead_limiter_1913", {"00": u(-20, 20), "01": u(-20, 0), "02": u(10, 2000)}),
    "tap_stereo_echo": lambda: ("tap_echo", {"00": u(0, 800), "01": u(0, 90), "02": u(0, 800), "03": u(0, 90), "04": u(-30, 10),
                                             "05": u(-30, 10), "06": u(-30, 10), "07": i(0, 1), "08": i(0, 1), "09": i(0, 1)}),
    "tap_autopan": lambda: ("tap_autopan", {"00": u(0, 20), "01": u(0, 100), "02": u(-20, 10)}),
    "VintageDelay": lambda: ("calf", {"04": u(60, 200), "05": i(1, 16), "06": i(1, 16), "07": i(1, 16), "08": u(0, 1),
                                      "09": u(0, 2), "010": i(0, 3), "011": i(0, 2), "012": u(0, 2), "013": u(-1, 1)}),
}
NATIVE = {
    "stereomatrix": lambda: f'<stereomatrixcontrols l-l="{u(-1,1):.4f}" l-r="{u(-1,1):.4f}" r-l="{u(-1,1):.4f}" r-r="{u(-1,1):.4f}"/>',
    "bassbooster": lambda: f'<bassboostercontrols freq="{u(50,200):.2f}" gain="{u(.1,5):.3f}" ratio="{u(.1,10):.3f}"/>',
    "dualfilter": lambda: (f'<DualFilterControls enabled1="{i(0,1)}" filter1="{i(0,13)}" cut1="{u(20,15000):.1f}" res1="{u(.01,5):.3f}" '
                           f'gain1="{u(0,200):.1f}" mix="{u(-1,1):.3f}" enabled2="{i(0,1)}" filter2="{i(0,13)}" '
                           f'cut2="{u(20,15000):.1f}" res2="{u(.01,5):.3f}" gain2="{u(0,200):.1f}"/>'),
}

def effect_xml(name):
    head = f'autoquit="{rng.choice([1, 8000])}" gate="0" wet="{u(-1, 1):.3f}" on="1"'
    if name in NATIVE:
        return f'<effect {head} name="{name}">{NATIVE[name]()}<key/></effect>'
    file, ports = EFFECTS[name]()
    # link="0": LMMS links a mono plugin's two processors unless told otherwise (then both take one value).
    unlink = lambda k: ' link="0"' if k.startswith("0") else ""
    body = "".join(f'<port{k}{unlink(k)} data="{v:.5g}"/>' for k, v in ports.items())
    return (f'<effect {head} name="ladspaeffect"><ladspacontrols link="0" ports="{len(ports)}">{body}</ladspacontrols>'
            f'<key><attribute value="{file}" name="file"/><attribute value="{name}" name="plugin"/></key></effect>')

base = open(os.path.join(ROOT, "Tests/Fixtures/lmms-random-references/random-chord-filter.xpf")).read()
track = re.search(r"<instrumenttrack[ >].*</instrumenttrack>", base, re.S).group(0)
rows = []
for n in range(count):
    pool = os.environ.get("ONLY", "").split(",") if os.environ.get("ONLY") else list(EFFECTS) + list(NATIVE)
    names = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
    chain = f'<fxchain numofeffects="{len(names)}" enabled="1">' + "".join(effect_xml(x) for x in names) + "</fxchain>"
    t = re.sub(r'<fxchain[^>]*/>', chain, track)
    name = f"fx{n:03d}"
    open(os.path.join(work, name + ".xpf"), "w").write(
        f'<?xml version="1.0"?>\n<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="instrumenttracksettings">'
        f'<head/><instrumenttracksettings name="{name}">{t}</instrumenttracksettings></lmms-project>\n')
    open(os.path.join(work, name + ".mmp"), "w").write(
        f'<?xml version="1.0"?>\n<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="song">'
        f'<head timesig_numerator="4" mastervol="100" timesig_denominator="4" bpm="120" masterpitch="0"/>'
        f'<song><trackcontainer type="song"><track muted="0" type="0" name="T" solo="0">{t}'
        f'<pattern muted="0" type="0" name="" pos="0" len="192" steps="16"><note pan="0" key="57" vol="100" pos="0" len="96"/></pattern>'
        f'</track></trackcontainer><fxmixer><fxchannel num="0" muted="0" volume="1" name="Master"><fxchain numofeffects="0" enabled="0"/>'
        f'</fxchannel></fxmixer></song></lmms-project>\n')
    ref = os.path.join(work, name + ".lmms.wav"); ours = os.path.join(work, name + ".ours.wav")
    subprocess.run([lmms, "--allowroot", "render", os.path.join(work, name + ".mmp"), "-o", ref, "-f", "wav", "-a", "-s", "44100",
                    "-x", "1"], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True, timeout=300)
    subprocess.run([binary, "render", os.path.join(work, name + ".xpf"), "--note", "69", "--hold-beats", "2", "--tail", "3",
                    "--tempo", "120", "--out", ours], check=True)
    r, _ = sf.read(ref, always_2d=True); o, _ = sf.read(ours, always_2d=True)
    m = min(len(r), len(o)); r, o = r[:m], o[:m]
    if np.max(np.abs(r)) < 1e-6 and np.max(np.abs(o)) < 1e-6:
        print(f"{name} {'+'.join(names)}: both silent"); continue
    d = dist.distance(o.mean(axis=1), r.mean(axis=1))
    rows.append(d)
    print(f"{name} {'+'.join(names)}: distance {d:.4f} largest sample difference {np.abs(o - r).max():.2e}", flush=True)
ds = np.array(rows)
print(f"random chains: n={len(ds)} median {np.median(ds):.4f}, max {ds.max():.4f}")
