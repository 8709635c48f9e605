#!/usr/bin/env python3
"""LMMS 1.2.2 references for timing details the random patches rarely hit: tempo-synced LFOs and arpeggios with
custom ratios (LMMS multiplies bpm x factor x scale in float), and short notes whose release ends inside a period
(LMMS never mixes that period). Writes NAME.xpf and NAME.flac into Tests/Fixtures/lmms-random-references and
prints the manifest rows to append. Needs LMMS=/path/to/lmms (Debian's 1.2.2, unpacked with its libraries; set
LD_LIBRARY_PATH for it). usage: LMMS=... scripts/lmms_timing_cases.py WORKDIR"""
import os, subprocess, sys
import xml.etree.ElementTree as ET
import numpy as np, soundfile as sf

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "lmms-random-references")
work, lmms = sys.argv[1], os.environ["LMMS"]
os.makedirs(work, exist_ok=True)
defaults = {p.get("id"): float(p.get("default"))
            for p in ET.parse(os.path.join(ROOT, "Synths", "tripleoscillator.xml")).getroot().findall("parameter")}

SAW_THROUGH_FILTER = {"tripleoscillator.wavetype0": 2, "tripleoscillator.wavetype1": 3, "tripleoscillator.wavetype2": 2,
                      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 900, "eldata.fres": 1.5}
# name: (overrides, LMMS key, tempo, note ticks)
CASES = {
    # A bare cutoff LFO, custom 6/4 sync, x100: one LFO cycle is 44,100 frames only with LMMS's float product.
    "sync-cutoff-lfo-90": (dict(SAW_THROUGH_FILTER, **{"elcut.lamt": 0.6, "elcut.lspd_syncmode": 8, "elcut.x100": 1,
                           "elcut.lspd_numerator": 6, "elcut.lspd_denominator": 4, "elcut.lshp": 1}), 45, 90, 144),
    # A custom 3/8 arpeggio at 174 BPM with a gate that overlaps the next step, and a short release.
    "sync-arp-174": (dict(SAW_THROUGH_FILTER, **{"arpeggiator.arp-enabled": 1, "arpeggiator.arp": 1,
                     "arpeggiator.arprange": 2, "arpeggiator.arptime_syncmode": 8, "arpeggiator.arptime_numerator": 3,
                     "arpeggiator.arptime_denominator": 8, "arpeggiator.arpgate": 160, "elvol.amt": 1,
                     "elvol.att": 0, "elvol.hold": 0, "elvol.dec": 0.3, "elvol.sustain": 0.9, "elvol.rel": 0.02}),
                     52, 174, 192),
    # Short notes: high sustain, a release that ends inside a period, chords of short notes.
    "short-release-90": (dict(SAW_THROUGH_FILTER, **{"elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0,
                         "elvol.dec": 0.2, "elvol.sustain": 0.95, "elvol.rel": 0.013, "chordcreator.chord-enabled": 1,
                         "chordcreator.chord": 2}), 60, 90, 5),
}

def fmt(x): return str(int(x)) if float(x).is_integer() else f"{x:.6g}"

def track(v):
    groups = {}
    for k, x in v.items():
        el, attr = k.split(".", 1)
        groups.setdefault(el, {})[attr] = fmt(x)
    a = lambda el: " ".join(f'{k}="{x}"' for k, x in groups[el].items())
    t = groups["track"]
    return f'''<instrumenttrack pan="{t["pan"]}" pitch="{t["pitch"]}" basenote="{t["basenote"]}" vol="{t["vol"]}" fxch="0">
      <instrument name="tripleoscillator"><tripleoscillator {a("tripleoscillator")} userwavefile0="" userwavefile1="" userwavefile2=""/></instrument>
      <eldata {a("eldata")}><elvol {a("elvol")} userwavefile=""/><elcut {a("elcut")} userwavefile=""/><elres {a("elres")} userwavefile=""/></eldata>
      <chordcreator {a("chordcreator")}/>
      <arpeggiator {a("arpeggiator")}/>
      <fxchain numofeffects="0" enabled="0"/>
    </instrumenttrack>'''

for name, (overrides, key, tempo, ticks) in CASES.items():
    v = dict(defaults, **overrides)
    body = track(v)
    open(os.path.join(OUT, name + ".xpf"), "w").write(f'''<?xml version="1.0"?>
<!DOCTYPE lmms-project>
<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="instrumenttracksettings">
  <head/>
  <instrumenttracksettings name="{name}">
    {body}
  </instrumenttracksettings>
</lmms-project>
''')
    song = os.path.join(work, name + ".mmp")
    open(song, "w").write(f'''<?xml version="1.0"?>
<!DOCTYPE lmms-project>
<lmms-project version="1.0" creator="LMMS" creatorversion="1.2.2" type="song">
  <head timesig_numerator="4" mastervol="100" timesig_denominator="4" bpm="{tempo}" masterpitch="0"/>
  <song><trackcontainer type="song"><track muted="0" type="0" name="T" solo="0">
    {body}
    <pattern muted="0" type="0" name="" pos="0" len="192" steps="16"><note pan="0" key="{key}" vol="100" pos="0" len="{ticks}"/></pattern>
  </track></trackcontainer>
  <fxmixer><fxchannel num="0" muted="0" volume="1" name="Master"><fxchain numofeffects="0" enabled="0"/></fxchannel></fxmixer></song>
</lmms-project>
''')
    wav = os.path.join(work, name + ".wav")
    subprocess.run([lmms, "--allowroot", "render", song, "-o", wav, "-f", "wav", "-a", "-s", "44100", "-x", "1"],
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True, timeout=300)
    audio, _ = sf.read(wav, always_2d=True, dtype="float32")
    audio = audio[:int(1.5 * 44100)]
    scale = 0.25 if np.abs(audio).max() >= 1 else 1.0
    sf.write(os.path.join(OUT, name + ".flac"), audio * scale, 44100, subtype="PCM_24")
    # LMMS's note length: ticks at frames-per-tick in float (Engine::framesPerTick), truncated to frames.
    frames = int(np.float32(ticks) * (np.float32(44100) * np.float32(60) * np.float32(4) / np.float32(192) / np.float32(tempo)))
    print(f"{name},{key + 12},{tempo},{frames},{scale}")
