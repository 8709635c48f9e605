#!/usr/bin/env python3
"""Writes PresetAtlas's own preset banks, Presets/<synth>/*.xml, in the native preset format.

Each preset below is a sound designed by ear-less reasoning from synthesis practice: a short statement
of intent and the few parameters that realise it, every other parameter at its Synths/ default (the
files list every parameter). These are the project's third "tool" on the atlas: presets made by people
who know the engine, to compare with the factory banks and with random settings.
Run from the package root after changing a design:  python3 scripts/write-preset-banks.py
"""
import base64
import math
import os
import struct
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import quoteattr, escape

AUTHOR = "PresetAtlas"

# TripleOscillator (LMMS 1.2.2). Wave shapes: 0 sine 1 triangle 2 saw 3 square 4 moog saw 5 exponential
# 6 white noise. Modulation (modalgoN: how osc N is modulated by osc N+1): 0 PM 1 AM 2 mix 3 sync 4 FM.
# Filter types: 0 low-pass 1 high-pass 2 band-pass 6 Moog. Envelope times are LMMS knob values (0...2);
# an envelope acts only when its amount (amt) is not 0.
T = "tripleoscillator."
TRIPLE = [
    ("Warm Saw Pad", "Three saws, two detuned by a few cents for chorus; slow attack and release, low-pass at 2 kHz.",
     {T+"wavetype0": 2, T+"wavetype1": 2, T+"wavetype2": 2, T+"coarse1": 0, T+"coarse2": -12,
      T+"finel1": 8, T+"finer1": 12, T+"finel2": -6, T+"finer2": -10,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 2000, "eldata.fres": 0.7,
      "elvol.amt": 1, "elvol.att": 0.8, "elvol.hold": 0.2, "elvol.dec": 1, "elvol.sustain": 0.8, "elvol.rel": 1.2}),
    ("Square Sub Bass", "Square plus a sine an octave down, dark low-pass, quick decay to a firm sustain.",
     {T+"wavetype0": 3, T+"wavetype1": 0, T+"coarse0": -12, T+"coarse1": -24, T+"vol2": 0,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 600, "eldata.fres": 1.2,
      "elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0, "elvol.dec": 0.3, "elvol.sustain": 0.6, "elvol.rel": 0.08}),
    ("Pure Sine Sub", "One sine two octaves down: the plainest bass, no filter, no envelope shaping.",
     {T+"wavetype0": 0, T+"coarse0": -24, T+"vol0": 90, T+"vol1": 0, T+"vol2": 0}),
    ("Bright Saw Lead", "Two saws an octave apart, open filter with resonance, short release: cuts through a mix.",
     {T+"wavetype0": 2, T+"wavetype1": 2, T+"coarse1": 12, T+"vol1": 20, T+"vol2": 0,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 7000, "eldata.fres": 2,
      "elvol.amt": 1, "elvol.att": 0.01, "elvol.hold": 0.5, "elvol.dec": 0.4, "elvol.sustain": 0.9, "elvol.rel": 0.15}),
    ("Hollow Fifths", "Squares a fifth apart (coarse +7): an open, organ-like interval.",
     {T+"wavetype0": 3, T+"wavetype1": 3, T+"wavetype2": 1, T+"coarse1": 7, T+"coarse2": -12, T+"vol1": 25}),
    ("FM Bell", "Sine carrier frequency-modulated by a sine 19 semitones up (an inharmonic ratio), ringing decay, no sustain.",
     {T+"wavetype0": 0, T+"wavetype1": 0, T+"modalgo1": 4, T+"coarse1": 19, T+"vol1": 60, T+"vol2": 0,
      "elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0, "elvol.dec": 1.6, "elvol.sustain": 0, "elvol.rel": 1.5}),
    ("PM Electric Piano", "Sine phase-modulated by a sine an octave up: the tine bark of an electric piano, decaying.",
     {T+"wavetype0": 0, T+"wavetype1": 0, T+"modalgo1": 0, T+"coarse1": 12, T+"vol1": 40, T+"vol2": 0,
      "elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0.1, "elvol.dec": 1.2, "elvol.sustain": 0.2, "elvol.rel": 0.4}),
    ("AM Tremolo Organ", "Triangle amplitude-modulated by a slow-ish sine a few octaves down, plus a sine drawbar.",
     {T+"wavetype0": 1, T+"wavetype1": 0, T+"modalgo1": 1, T+"coarse1": -24, T+"wavetype2": 0, T+"coarse2": 12, T+"vol2": 20}),
    ("Hard Sync Lead", "Saw synchronised to a square an octave and a fifth below: the tearing sync sound.",
     {T+"wavetype0": 2, T+"wavetype1": 3, T+"modalgo1": 3, T+"coarse0": 19, T+"coarse1": 0, T+"vol2": 0,
      "elvol.amt": 1, "elvol.att": 0.02, "elvol.dec": 0.5, "elvol.sustain": 0.8, "elvol.rel": 0.2}),
    ("Noise Snare", "White noise with a sine body, very short decay, high-pass to thin the noise.",
     {T+"wavetype0": 6, T+"wavetype1": 0, T+"coarse1": -12, T+"vol0": 80, T+"vol1": 40, T+"vol2": 0,
      "eldata.fwet": 1, "eldata.ftype": 1, "eldata.fcut": 900,
      "elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0, "elvol.dec": 0.12, "elvol.sustain": 0, "elvol.rel": 0.05}),
    ("Wind", "White noise through a resonant band-pass whose cutoff a slow LFO moves: a gust.",
     {T+"wavetype0": 6, T+"vol0": 100, T+"vol1": 0, T+"vol2": 0,
      "eldata.fwet": 1, "eldata.ftype": 2, "eldata.fcut": 1200, "eldata.fres": 4,
      "elcut.lamt": 0.6, "elcut.lspd": 0.05, "elcut.lshp": 0,
      "elvol.amt": 1, "elvol.att": 0.9, "elvol.dec": 1, "elvol.sustain": 0.7, "elvol.rel": 1.5}),
    ("Filter Pluck", "Saw through a low-pass that a fast envelope opens and closes: a plucked string.",
     {T+"wavetype0": 2, T+"wavetype1": 2, T+"coarse1": 0, T+"finel1": 5, T+"vol2": 0,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 300, "eldata.fres": 1.5,
      "elcut.amt": 0.8, "elcut.att": 0, "elcut.hold": 0, "elcut.dec": 0.25, "elcut.sustain": 0,
      "elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0, "elvol.dec": 0.6, "elvol.sustain": 0, "elvol.rel": 0.3}),
    ("Major Chord Stab", "Saw and square through the chord creator (major triad), short and punchy.",
     {T+"wavetype0": 2, T+"wavetype1": 3, T+"vol2": 0, "chordcreator.chord-enabled": 1, "chordcreator.chord": 1,
      "elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0.05, "elvol.dec": 0.3, "elvol.sustain": 0.1, "elvol.rel": 0.1}),
    ("Minor Arpeggio", "Square arpeggiating a minor chord over two octaves, 125 ms steps.",
     {T+"wavetype0": 3, T+"wavetype1": 1, T+"coarse1": 12, T+"vol2": 0, "arpeggiator.arp-enabled": 1,
      "arpeggiator.arp": 3, "arpeggiator.arprange": 2, "arpeggiator.arptime": 125, "arpeggiator.arpgate": 60}),
    ("Resonant Moog Sweep", "Moog saw through a Moog filter near self-oscillation, cutoff swept by a triangle LFO.",
     {T+"wavetype0": 4, T+"wavetype1": 4, T+"coarse1": -12, T+"vol2": 0,
      "eldata.fwet": 1, "eldata.ftype": 6, "eldata.fcut": 1500, "eldata.fres": 8,
      "elcut.lamt": 0.7, "elcut.lspd": 0.2, "elcut.lshp": 1}),
    ("Triangle Choir", "Three triangles spread wide in stereo and detuned: a soft, breathy ensemble.",
     {T+"wavetype0": 1, T+"wavetype1": 1, T+"wavetype2": 1, T+"coarse1": 0, T+"coarse2": 12,
      T+"pan0": -60, T+"pan1": 60, T+"finel1": -15, T+"finer1": 15, T+"finel2": 9, T+"finer2": -9,
      "elvol.amt": 1, "elvol.att": 0.6, "elvol.dec": 1, "elvol.sustain": 0.9, "elvol.rel": 1}),
    ("Exponential Blip", "Exponential wave a fifth up with a very short envelope: a bleep for sequences.",
     {T+"wavetype0": 5, T+"coarse0": 7, T+"vol1": 0, T+"vol2": 0,
      "elvol.amt": 1, "elvol.att": 0, "elvol.hold": 0, "elvol.dec": 0.08, "elvol.sustain": 0, "elvol.rel": 0.05}),
    ("Vibrato Flute", "Sine and a quiet triangle octave, a pitch-free volume LFO for breath vibrato, gentle attack.",
     {T+"wavetype0": 0, T+"wavetype1": 1, T+"coarse1": 12, T+"vol1": 10, T+"vol2": 0,
      "elvol.amt": 1, "elvol.att": 0.15, "elvol.dec": 0.5, "elvol.sustain": 0.9, "elvol.rel": 0.2,
      "elvol.lamt": 0.15, "elvol.lspd": 0.25, "elvol.lshp": 0}),
]


def dx7(algorithm, feedback, ops, **common):
    """One DX7 voice. ops: {n: dict(level, coarse, fine, detune, rates (4), levels (4), kvs)} for the
    operators that sound or modulate; the rest stay silent (level 0). Ratios: coarse 0 = x0.5, else x coarse."""
    values = {"algorithm": algorithm, "feedback": feedback}
    for n in range(1, 7):
        op = ops.get(n, {"level": 0})
        values["op%d.level" % n] = op.get("level", 0)
        for key in ("coarse", "fine", "detune", "kvs", "mode", "ams"):
            if key in op:
                values["op%d.%s" % (n, key)] = op[key]
        for i, r in enumerate(op.get("rates", ())):
            values["op%d.eg.rate%d" % (n, i + 1)] = r
        for i, l in enumerate(op.get("levels", ())):
            values["op%d.eg.level%d" % (n, i + 1)] = l
    values.update(common)
    return values


PERC = dict(rates=(99, 40, 30, 50), levels=(99, 60, 0, 0))      # struck: decays to silence
SUST = dict(rates=(80, 50, 40, 60), levels=(99, 90, 85, 0))     # held: sustains
SLOW = dict(rates=(45, 30, 40, 45), levels=(99, 95, 90, 0))     # bowed / blown: slow attack
DX7 = [
    ("Tine Electric Piano", "Algorithm 5: three carrier/modulator pairs; a 1:14 pair gives the tine's bell-like attack.",
     dx7(5, 6, {1: dict(level=99, coarse=1, **PERC), 2: dict(level=70, coarse=1, rates=(99, 50, 35, 50), levels=(99, 50, 0, 0)),
                3: dict(level=90, coarse=1, detune=9, **PERC), 4: dict(level=55, coarse=14, rates=(99, 80, 60, 60), levels=(99, 0, 0, 0))})),
    ("Brass Section", "Algorithm 22: one modulator driving three carriers; a slow-ish modulator attack makes the brass 'blat'.",
     dx7(22, 7, {1: dict(level=95, coarse=1, **SUST), 2: dict(level=75, coarse=1, rates=(60, 40, 40, 60), levels=(99, 85, 80, 0)),
                 3: dict(level=90, coarse=1, detune=8, **SUST), 4: dict(level=90, coarse=1, detune=6, **SUST),
                 5: dict(level=88, coarse=1, **SUST), 6: dict(level=78, coarse=1, rates=(55, 40, 40, 60), levels=(99, 85, 80, 0))})),
    ("Tubular Bell", "Algorithm 5 with inharmonic ratios 1:3.5: long, clanging decay.",
     dx7(5, 0, {1: dict(level=99, coarse=1, rates=(99, 25, 20, 30), levels=(99, 70, 0, 0)),
                2: dict(level=78, coarse=3, fine=50, rates=(99, 25, 20, 30), levels=(99, 60, 0, 0)),
                3: dict(level=85, coarse=2, rates=(99, 28, 20, 30), levels=(99, 60, 0, 0)),
                4: dict(level=70, coarse=7, rates=(99, 35, 20, 30), levels=(99, 40, 0, 0))})),
    ("Marimba", "Algorithm 5: short mallet decay, the modulator at 4x fading fast to leave a woody sine.",
     dx7(5, 0, {1: dict(level=99, coarse=1, rates=(99, 55, 40, 60), levels=(99, 0, 0, 0)),
                2: dict(level=70, coarse=4, rates=(99, 75, 50, 60), levels=(99, 0, 0, 0)),
                3: dict(level=80, coarse=3, rates=(99, 65, 40, 60), levels=(99, 0, 0, 0))})),
    ("Slap Bass", "Algorithm 1: bright, fast-decaying modulation on a sustaining low carrier.",
     dx7(1, 5, {1: dict(level=99, coarse=0, rates=(99, 45, 35, 60), levels=(99, 80, 60, 0)),
                2: dict(level=85, coarse=1, rates=(99, 70, 40, 60), levels=(99, 40, 0, 0)),
                3: dict(level=80, coarse=0, detune=8, rates=(99, 45, 35, 60), levels=(99, 80, 60, 0)),
                4: dict(level=70, coarse=3, rates=(99, 80, 40, 60), levels=(99, 20, 0, 0))}, transpose=12)),
    ("Breathy Flute", "A single carrier with a light 1:1 modulator (algorithm 1, the other operators silent) and a gentle delayed vibrato.",
     dx7(1, 3, {1: dict(level=99, coarse=1, **SLOW), 2: dict(level=55, coarse=1, **SLOW)},
         **{"lfo.speed": 33, "lfo.delay": 40, "lfo.pmd": 8, "lfo.wave": 4})),
    ("Drawbar Organ", "Algorithm 32: six carriers at the drawbar ratios 0.5, 1, 2, 3, 4, 6, organ envelope (on/off).",
     dx7(32, 0, {n: dict(level=l, coarse=c, rates=(99, 99, 99, 80), levels=(99, 99, 99, 0))
                 for n, (l, c) in enumerate([(95, 0), (99, 1), (90, 2), (84, 3), (80, 4), (76, 6)], start=1)})),
    ("String Ensemble", "Algorithm 2: slow attack, detuned carriers and a saw-like 1:1 modulator, with LFO vibrato.",
     dx7(2, 6, {1: dict(level=96, coarse=1, detune=5, **SLOW), 2: dict(level=72, coarse=1, **SLOW),
                3: dict(level=92, coarse=1, detune=10, **SLOW), 4: dict(level=65, coarse=1, **SLOW)},
         **{"lfo.speed": 30, "lfo.pmd": 6, "lfo.delay": 30})),
    ("Clavinet", "Algorithm 5: high modulation ratios (3x, 5x) decaying quickly: a nasal, percussive key.",
     dx7(5, 4, {1: dict(level=99, coarse=1, rates=(99, 50, 40, 70), levels=(99, 70, 40, 0)),
                2: dict(level=82, coarse=3, rates=(99, 55, 40, 70), levels=(99, 60, 30, 0)),
                3: dict(level=90, coarse=2, rates=(99, 50, 40, 70), levels=(99, 70, 40, 0)),
                4: dict(level=78, coarse=5, rates=(99, 60, 40, 70), levels=(99, 50, 20, 0))})),
    ("Harp", "Algorithm 5: plucked decay, modulator 2x fading, carriers slightly detuned.",
     dx7(5, 2, {1: dict(level=99, coarse=1, rates=(99, 35, 25, 40), levels=(99, 50, 0, 0)),
                2: dict(level=68, coarse=2, rates=(99, 55, 25, 40), levels=(99, 20, 0, 0)),
                3: dict(level=88, coarse=1, detune=10, rates=(99, 35, 25, 40), levels=(99, 50, 0, 0))})),
    ("Glass Pad", "Algorithm 5: slow carriers with a 1:7 shimmer modulator; long release.",
     dx7(5, 0, {1: dict(level=95, coarse=1, rates=(35, 25, 30, 30), levels=(99, 90, 85, 0)),
                2: dict(level=60, coarse=7, rates=(40, 25, 30, 30), levels=(99, 80, 70, 0)),
                3: dict(level=90, coarse=2, detune=10, rates=(35, 25, 30, 30), levels=(99, 90, 85, 0)),
                4: dict(level=55, coarse=9, rates=(40, 25, 30, 30), levels=(99, 80, 70, 0))})),
    ("Feedback Saw Lead", "Algorithm 32 reduced to one carrier with full self-feedback (7): a bright saw-like lead.",
     dx7(32, 7, {6: dict(level=99, coarse=1, **SUST), 5: dict(level=80, coarse=2, detune=9, **SUST)},
         **{"lfo.speed": 35, "lfo.pmd": 4, "lfo.delay": 50})),
    ("FM Kick", "Algorithm 1: a low carrier with a fast pitch-envelope drop and a short, deep modulator.",
     dx7(1, 0, {1: dict(level=99, coarse=0, rates=(99, 60, 50, 70), levels=(99, 0, 0, 0)),
                2: dict(level=80, coarse=1, rates=(99, 85, 60, 70), levels=(99, 0, 0, 0))},
         **{"pitcheg.rate1": 80, "pitcheg.level1": 80, "pitcheg.rate2": 70, "pitcheg.level2": 50, "transpose": 12})),
    ("Metal Clang", "Algorithm 3: fixed-ratio inharmonic modulators (1.41x via fine, 9x) and feedback: metallic noise.",
     dx7(3, 7, {1: dict(level=99, coarse=1, rates=(99, 40, 30, 50), levels=(99, 30, 0, 0)),
                2: dict(level=85, coarse=1, fine=41, rates=(99, 40, 30, 50), levels=(99, 50, 0, 0)),
                3: dict(level=80, coarse=9, rates=(99, 40, 30, 50), levels=(99, 50, 0, 0)),
                4: dict(level=90, coarse=1, fine=73, rates=(99, 40, 30, 50), levels=(99, 30, 0, 0))})),
    ("Vibraphone", "Algorithm 5: 1:4 tine pair, long decay and amplitude LFO for the motor tremolo.",
     dx7(5, 0, {1: dict(level=99, coarse=1, ams=2, rates=(99, 30, 25, 35), levels=(99, 60, 0, 0)),
                2: dict(level=60, coarse=4, rates=(99, 60, 25, 35), levels=(99, 10, 0, 0)),
                3: dict(level=85, coarse=1, ams=2, detune=9, rates=(99, 30, 25, 35), levels=(99, 60, 0, 0))},
         **{"lfo.speed": 45, "lfo.amd": 25, "lfo.wave": 4})),
    ("Sitar", "Algorithm 1: a buzzing high-ratio modulator chain with feedback on a plucked carrier.",
     dx7(1, 6, {1: dict(level=99, coarse=1, rates=(99, 35, 25, 45), levels=(99, 60, 0, 0)),
                2: dict(level=82, coarse=3, rates=(99, 40, 25, 45), levels=(99, 70, 20, 0)),
                3: dict(level=78, coarse=2, rates=(99, 35, 25, 45), levels=(99, 60, 0, 0)),
                4: dict(level=70, coarse=5, rates=(99, 45, 25, 45), levels=(99, 60, 20, 0))})),
]


# amsynth 1.13.2. Waveforms: 0 sine 1 pulse 2 saw/triangle (shape = pulsewidth: 1 saw, 0 triangle)
# 3 noise 4 sample & hold. Times are stored values v (seconds = 0.0005 + v^3: 0.5 -> 0.13 s, 1 -> 1 s,
# 1.5 -> 3.4 s). Cutoff is 16^v times the key frequency; filter types 0 LP 1 HP 2 BP 3 notch 4 bypass.
AMSYNTH = [
    ("Fat Saw Bass", "Two saws, osc 2 an octave down and slightly detuned, 24 dB low-pass closing fast.",
     dict(osc1_waveform=2, osc2_waveform=2, osc2_range=-1, osc2_detune=0.04, filter_cutoff=0.2, filter_resonance=0.3,
          filter_env_amount=6.0, filter_decay=0.55, filter_sustain=0.1, amp_decay=0.8, amp_sustain=0.7, amp_release=0.3)),
    ("Hollow Square Lead", "Pulse at 30 % width with a fifth-up sine, light resonance and a touch of vibrato.",
     dict(osc1_waveform=1, osc1_pulsewidth=0.3, osc2_waveform=0, osc2_pitch=7, osc_mix=-0.4, filter_cutoff=0.8,
          filter_resonance=0.4, lfo_freq=2.3, freq_mod_amount=1.02, amp_release=0.4)),
    ("String Machine", "Detuned saws, slow attack and release, gentle low-pass, reverb.",
     dict(osc1_waveform=2, osc2_waveform=2, osc2_detune=0.06, amp_attack=0.9, amp_release=1.1, filter_cutoff=0.9,
          reverb_wet=0.35, reverb_roomsize=0.7, reverb_damp=0.4)),
    ("Ring Bell", "Sine ring-modulated by a sine 2.5 octaves up plus a fifth: inharmonic, decaying.",
     dict(osc1_waveform=0, osc2_waveform=0, osc2_range=2, osc2_pitch=7, osc_mix_mode=0.8, amp_decay=1.4, amp_sustain=0.0,
          amp_release=1.2, filter_type=4, reverb_wet=0.25, reverb_roomsize=0.6)),
    ("Sync Sweep", "Osc 2 hard-synced to a saw, its octave up; the filter envelope sweeps the sync tone.",
     dict(osc1_waveform=2, osc2_waveform=2, osc2_sync=1, osc2_range=1, osc2_pitch=5, osc_mix=0.8, filter_cutoff=0.3,
          filter_env_amount=10.0, filter_attack=0.6, filter_decay=0.9, filter_sustain=0.3)),
    ("Noise Snare", "White noise through a band-pass, very short decay: a snare-like hit.",
     dict(osc1_waveform=3, osc2_waveform=0, osc2_range=-1, osc_mix=-0.3, filter_type=2, filter_cutoff=1.0,
          filter_resonance=0.2, amp_decay=0.45, amp_sustain=0.0, amp_release=0.35)),
    ("Sample Hold Bleeps", "A sample-and-hold LFO on the cutoff: random resonant steps.",
     dict(osc1_waveform=2, osc2_waveform=1, lfo_waveform=4, lfo_freq=3.0, filter_mod_amount=0.8, filter_cutoff=0.6,
          filter_resonance=0.75)),
    ("Wobble Bass", "Saw and square an octave down, 24 dB low-pass wobbled by a sine LFO.",
     dict(osc1_waveform=2, osc2_waveform=1, osc2_range=-1, filter_cutoff=0.3, filter_resonance=0.6, lfo_freq=2.0,
          filter_mod_amount=0.9, master_vol=0.75)),
    ("Tremolo Organ", "Sine and triangle in octaves, amplitude LFO at 6 Hz, bypassed filter.",
     dict(osc1_waveform=0, osc2_waveform=2, osc2_pulsewidth=0.0, osc2_range=1, lfo_freq=2.45, amp_mod_amount=0.2,
          filter_type=4, amp_release=0.15)),
    ("Glide Mono Lead", "Mono mode with portamento: saw lead gliding in, crunch distortion.",
     dict(osc1_waveform=2, osc2_waveform=2, osc2_detune=-0.05, keyboard_mode=1, portamento_time=0.25,
          distortion_crunch=0.4, filter_cutoff=0.9, filter_resonance=0.3, master_vol=0.55)),
    ("High-Pass Air", "Noise and a sine through a resonant high-pass, slow swell: breathy air.",
     dict(osc1_waveform=3, osc2_waveform=0, osc_mix=0.2, filter_type=1, filter_cutoff=1.2, filter_resonance=0.5,
          amp_attack=1.1, amp_release=1.3, reverb_wet=0.4, reverb_roomsize=0.8)),
    ("Notch Phaser Pad", "Two saws through a notch swept by a slow triangle LFO.",
     dict(osc1_waveform=2, osc2_waveform=2, osc2_detune=0.1, filter_type=3, filter_cutoff=0.7, filter_resonance=0.5,
          lfo_waveform=2, lfo_freq=0.8, filter_mod_amount=0.7, amp_attack=0.6, amp_release=0.9)),
    ("Pluck Triangle", "Triangles with a fast filter envelope and no sustain: a soft pluck.",
     dict(osc1_waveform=2, osc1_pulsewidth=0.0, osc2_waveform=2, osc2_pulsewidth=0.0, osc2_range=1, osc_mix=-0.5,
          filter_cutoff=0.1, filter_env_amount=12.0, filter_decay=0.5, filter_sustain=0.0, amp_decay=0.9, amp_sustain=0.0,
          amp_release=0.5)),
    ("Saw Down LFO Zap", "Sawtooth-down LFO at full pitch depth on osc 2 only: falling zaps.",
     dict(osc1_waveform=1, osc2_waveform=2, lfo_waveform=6, lfo_freq=2.8, freq_mod_amount=1.2, freq_mod_osc=2,
          osc_mix=0.3, filter_cutoff=1.0)),
    ("Velocity Keys", "Pulse keys whose cutoff and level follow velocity strongly; 12 dB slope.",
     dict(osc1_waveform=1, osc1_pulsewidth=0.6, osc2_waveform=2, osc2_detune=0.02, filter_slope=0, filter_cutoff=0.4,
          filter_env_amount=5.0, filter_decay=0.7, filter_sustain=0.2, amp_decay=1.0, amp_sustain=0.3, amp_release=0.4)),
    ("Dark Drone", "Saws two octaves apart under a low cutoff, long release and a big room.",
     dict(osc1_waveform=2, osc2_waveform=2, osc2_range=-2, osc2_detune=0.03, filter_cutoff=-0.2, filter_resonance=0.5,
          amp_attack=1.2, amp_release=1.6, reverb_wet=0.5, reverb_roomsize=0.9, reverb_damp=0.2)),
]


# BitInvader (LMMS 1.2.2): one cycle of sampleLength drawn points (the "@sampleShape" attribute, base64 of
# little-endian float32 as LMMS saves it), read nearest-point or interpolated, optionally normalised.
B = "bitinvader."


def wave_text(points):
    """LMMS's saved text of a drawn wave."""
    return base64.b64encode(struct.pack("<%df" % len(points), *points)).decode("ascii")


def drawn(length, shape):
    """`length` points of shape(phase in 0..1)."""
    return [float(shape(i / length)) for i in range(length)]


def seeded_noise(length, seed):
    state, points = seed, []
    for _ in range(length):
        state = (state * 1103515245 + 12345) % 2**31
        points.append(state / 2**30 - 1)
    return points


BITINVADER = [
    ("Stepped Saw Lead", "A 16-point saw played without interpolation: the steps add a bright, buzzy edge.",
     {B+"sampleLength": 16, "@sampleShape": wave_text(drawn(16, lambda x: 1 - 2 * x)),
      "elvol.amt": 1, "elvol.att": 0.02, "elvol.hold": 0.3, "elvol.dec": 0.5, "elvol.sustain": 0.7, "elvol.rel": 0.2}),
    ("Interpolated Triangle Flute", "A smooth 32-point triangle with interpolation, slow breathy attack, low-pass at 3 kHz.",
     {B+"sampleLength": 32, B+"interpolation": 1, "@sampleShape": wave_text(drawn(32, lambda x: 1 - 4 * abs(x - 0.5))),
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 3000, "eldata.fres": 0.5,
      "elvol.amt": 1, "elvol.att": 0.4, "elvol.dec": 0.6, "elvol.sustain": 0.8, "elvol.rel": 0.4}),
    ("8-Point Square Bass", "Eight points of square wave two octaves down, dark low-pass, quick decay to a firm sustain.",
     {B+"sampleLength": 8, "@sampleShape": wave_text(drawn(8, lambda x: 1 if x < 0.5 else -1)), "track.pitch": 0,
      "track.basenote": 81, "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 800, "eldata.fres": 1.0,
      "elvol.amt": 1, "elvol.dec": 0.3, "elvol.sustain": 0.6, "elvol.rel": 0.08}),
    ("Odd Harmonic Pad", "128 points of harmonics 1, 3 and 5 (a hollow, clarinet-like cycle), interpolated, slow swell.",
     {B+"sampleLength": 128, B+"interpolation": 1, B+"normalize": 1,
      "@sampleShape": wave_text(drawn(128, lambda x: math.sin(2 * math.pi * x) + 0.5 * math.sin(6 * math.pi * x)
                                       + 0.3 * math.sin(10 * math.pi * x))),
      "elvol.amt": 1, "elvol.att": 0.3, "elvol.dec": 1, "elvol.sustain": 0.9, "elvol.rel": 0.8}),
    ("Noise Cycle Hat", "200 points of fixed noise repeated at the note's pitch, high-passed, over in a tenth of a second.",
     {B+"sampleLength": 200, "@sampleShape": wave_text(seeded_noise(200, 7)),
      "eldata.fwet": 1, "eldata.ftype": 1, "eldata.fcut": 6000, "eldata.fres": 0.7,
      "elvol.amt": 1, "elvol.hold": 0, "elvol.dec": 0.1, "elvol.sustain": 0, "elvol.rel": 0.05}),
    ("Quarter Pulse Arp", "A 64-point pulse of 25 % duty, arpeggiated over a major chord at 100 ms steps.",
     {B+"sampleLength": 64, "@sampleShape": wave_text(drawn(64, lambda x: 1 if x < 0.25 else -1)),
      "arpeggiator.arp-enabled": 1, "arpeggiator.arp": 0, "arpeggiator.arptime": 100, "arpeggiator.arpgate": 80,
      "arpeggiator.arprange": 2}),
    ("Half-Sine Organ", "A rectified sine (every half-cycle positive: the octave dominates), interpolated and normalised.",
     {B+"sampleLength": 128, B+"interpolation": 1, B+"normalize": 1, "track.vol": 80,
      "@sampleShape": wave_text(drawn(128, lambda x: abs(math.sin(2 * math.pi * x)) * 2 - 1))}),
    ("Ramp Up Pluck", "A rising 24-point ramp, plucked: fast decay to silence, low-pass following the note.",
     {B+"sampleLength": 24, "@sampleShape": wave_text(drawn(24, lambda x: 2 * x - 1)),
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 2500, "elvol.amt": 1, "elvol.dec": 0.25, "elvol.sustain": 0}),
    ("Two-Step Pulse Bass", "Four points (+1, +1, -1, -0.3): a lopsided pulse an octave down, firm sustain.",
     {B+"sampleLength": 4, "@sampleShape": wave_text([1.0, 1.0, -1.0, -0.3]), "track.basenote": 69,
      "elvol.amt": 1, "elvol.dec": 0.3, "elvol.sustain": 0.7}),
    ("Vibrato Flute Cycle", "A smooth 64-point sine-plus-octave with a slow volume LFO for breathy vibrato.",
     {B+"sampleLength": 64, B+"interpolation": 1,
      "@sampleShape": wave_text(drawn(64, lambda x: 0.8 * math.sin(2 * math.pi * x) + 0.2 * math.sin(4 * math.pi * x))),
      "elvol.lamt": 0.2, "elvol.lspd": 0.3, "elvol.latt": 0.3}),
    ("Wah Sweep Saw", "An interpolated 100-point saw through a resonant low-pass swept up by its envelope.",
     {B+"sampleLength": 100, B+"interpolation": 1, "@sampleShape": wave_text(drawn(100, lambda x: 1 - 2 * x)),
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 300, "eldata.fres": 4,
      "elcut.amt": 0.8, "elcut.att": 0.4, "elcut.dec": 0.6, "elcut.sustain": 0.3}),
    ("Stepped Triangle Chord", "A 10-point stepped triangle played as a major chord.",
     {B+"sampleLength": 10, "@sampleShape": wave_text(drawn(10, lambda x: 1 - 4 * abs(x - 0.5))),
      "chordcreator.chord-enabled": 1, "chordcreator.chord": 1, "track.vol": 70}),
    ("Band-Pass Noise Wind", "The fixed noise cycle through a narrow band-pass, slow swell and release.",
     {B+"sampleLength": 200, "@sampleShape": wave_text(seeded_noise(200, 11)),
      "eldata.fwet": 1, "eldata.ftype": 2, "eldata.fcut": 1200, "eldata.fres": 3,
      "elvol.amt": 1, "elvol.att": 0.4, "elvol.rel": 0.8}),
    ("Normalised Quiet Spike", "A near-silent cycle with one spike, normalised to full scale: a thin, buzzy click train.",
     {B+"sampleLength": 50, B+"normalize": 1,
      "@sampleShape": wave_text([0.1 if i == 0 else 0.001 for i in range(50)]), "track.vol": 60}),
    ("Panned Square Echo Lead", "A 32-point square panned left with a quick attack and long release.",
     {B+"sampleLength": 32, "@sampleShape": wave_text(drawn(32, lambda x: 1 if x < 0.5 else -1)), "track.pan": -40,
      "elvol.amt": 1, "elvol.att": 0.05, "elvol.rel": 1.0}),
    ("Crushed Sine Bell", "A sine drawn with only 12 points, not interpolated, struck: long decay and no sustain.",
     {B+"sampleLength": 12, "@sampleShape": wave_text(drawn(12, lambda x: math.sin(2 * math.pi * x))),
      "elvol.amt": 1, "elvol.dec": 1.5, "elvol.sustain": 0, "elvol.rel": 1.0}),
]


# Watsyn (LMMS 1.2.2): four drawn waves of 220 points ("@a1_wave" ... "@b2_wave", base64 floats as LMMS saves them),
# each oscillator at mult/8 of the note with a detune per channel; amod/bmod 0 mix 1 AM 2 RM 3 PM (A2 on A1, B2 on
# B1); xtalk leaks A1 into B2; abmix -100 (only A) ... 100 (only B), moved by the envAmt/Att/Hold/Dec envelope (ms).
W = "watsyn."
WATSYN_POINTS = 220
SAW = wave_text(drawn(WATSYN_POINTS, lambda x: 1 - 2 * x))
SINE = wave_text(drawn(WATSYN_POINTS, lambda x: math.sin(2 * math.pi * x)))
SQUARE = wave_text(drawn(WATSYN_POINTS, lambda x: 1 if x < 0.5 else -1))
TRIANGLE = wave_text(drawn(WATSYN_POINTS, lambda x: 1 - 4 * abs(x - 0.5)))

WATSYN = [
    ("Detuned Saw Pair", "Two saws mixed on the A side, each channel detuned 7 cents the other way: a wide lead.",
     {"@a1_wave": SAW, "@a2_wave": SAW, W+"a1_ltune": -7, W+"a1_rtune": 7, W+"a2_ltune": 7, W+"a2_rtune": -7,
      W+"abmix": -100, "elvol.amt": 1, "elvol.att": 0.02, "elvol.sustain": 0.8, "elvol.rel": 0.2}),
    ("Phase Mod Bell", "A sine whose phase a sine at three times the pitch moves: a bright strike that dies away.",
     {"@a1_wave": SINE, "@a2_wave": SINE, W+"a2_mult": 24, W+"a2_vol": 40, W+"amod": 3, W+"abmix": -100,
      "elvol.amt": 1, "elvol.hold": 0, "elvol.dec": 1.2, "elvol.sustain": 0, "elvol.rel": 0.8}),
    ("Ring Mod Clang", "B1 ring-modulated by B2 at 11/8 of its pitch: inharmonic, metallic.",
     {"@b1_wave": SINE, "@b2_wave": SINE, W+"b2_mult": 11, W+"bmod": 2, W+"abmix": 100, W+"b1_vol": 150, W+"b2_vol": 150,
      "elvol.amt": 1, "elvol.hold": 0.1, "elvol.dec": 0.8, "elvol.sustain": 0.2, "elvol.rel": 0.5}),
    ("Square To Triangle Sweep", "The mix envelope carries a square (A) over to a triangle (B) and back within a second.",
     {"@a1_wave": SQUARE, "@a2_wave": SQUARE, "@b1_wave": TRIANGLE, "@b2_wave": TRIANGLE, W+"abmix": -100,
      W+"envAmt": 200, W+"envAtt": 300, W+"envHold": 200, W+"envDec": 500}),
    ("Sub Tremolo Pad", "A triangle amplitude-modulated by a sine three octaves down, slow swell and release.",
     {"@a1_wave": TRIANGLE, "@a2_wave": SINE, W+"a2_mult": 1, W+"amod": 1, W+"abmix": -100, W+"a1_pan": -30,
      "elvol.amt": 1, "elvol.att": 0.6, "elvol.dec": 1, "elvol.sustain": 0.9, "elvol.rel": 0.9}),
    ("Crosstalk Growl", "A1's square leaks into B2, which phase-modulates a saw: a growl that the A-B mix blends in.",
     {"@a1_wave": SQUARE, "@b1_wave": SAW, "@b2_wave": SINE, W+"b2_mult": 4, W+"xtalk": 60, W+"bmod": 3, W+"abmix": 60,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 2500, "eldata.fres": 1.5}),
    ("Hollow Square Organ", "Squares an octave apart on A and B, half and half, no envelope: a steady hollow organ.",
     {"@a1_wave": SQUARE, "@a2_wave": SQUARE, "@b1_wave": SQUARE, "@b2_wave": SQUARE, W+"b1_mult": 16, W+"b2_mult": 16,
      W+"a2_vol": 60, W+"b1_vol": 70, W+"b2_vol": 40}),
    ("Detuned PM Bass", "A saw phase-modulated by a detuned sine an octave down, low-passed, an octave below the note.",
     {"@a1_wave": SAW, "@a2_wave": SINE, W+"a2_mult": 4, W+"a2_ltune": 5, W+"a2_rtune": -5, W+"a2_vol": 30, W+"amod": 3,
      W+"abmix": -100, "track.basenote": 69, "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 900, "eldata.fres": 0.8,
      "elvol.amt": 1, "elvol.dec": 0.4, "elvol.sustain": 0.6, "elvol.rel": 0.1}),
    ("Fifth Stack Brass", "Saws at the note and a fifth up (12/8) on B, a slow swell and a low-pass that opens.",
     {"@b1_wave": SAW, "@b2_wave": SAW, W+"b2_mult": 12, W+"abmix": 100, W+"b1_ltune": -4, W+"b1_rtune": 4,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 1200, "eldata.fres": 0.7,
      "elcut.amt": 0.6, "elcut.att": 0.3, "elcut.dec": 0.6, "elcut.sustain": 0.5,
      "elvol.amt": 1, "elvol.att": 0.15, "elvol.sustain": 0.9, "elvol.rel": 0.3}),
    ("Sine Sub Layer", "A sine and its lower octave (4/8) mixed, nothing else: a clean sub bass.",
     {"@a1_wave": SINE, "@a2_wave": SINE, W+"a2_mult": 4, W+"a2_vol": 120, W+"abmix": -100, "track.basenote": 69,
      "elvol.amt": 1, "elvol.hold": 0.2, "elvol.dec": 0.5, "elvol.sustain": 0.8, "elvol.rel": 0.1}),
    ("Stereo Drift Pad", "Triangles detuned 12 cents apart per channel and panned wide, a slow attack and long release.",
     {"@a1_wave": TRIANGLE, "@a2_wave": TRIANGLE, "@b1_wave": SINE, "@b2_wave": SINE, W+"a1_pan": -60, W+"a2_pan": 60,
      W+"a1_ltune": -12, W+"a1_rtune": 12, W+"a2_ltune": 12, W+"a2_rtune": -12, W+"b1_mult": 16,
      "elvol.amt": 1, "elvol.att": 0.8, "elvol.dec": 1, "elvol.sustain": 1, "elvol.rel": 1.2}),
    ("Ring Mod Bells", "Sines ring-modulated at 7/8 and 21/8 of the note on both sides: two inharmonic bells, struck.",
     {"@a1_wave": SINE, "@a2_wave": SINE, "@b1_wave": SINE, "@b2_wave": SINE, W+"a2_mult": 7, W+"b2_mult": 21,
      W+"amod": 2, W+"bmod": 2, W+"a1_vol": 180, W+"a2_vol": 180, W+"b1_vol": 150, W+"b2_vol": 150,
      "elvol.amt": 1, "elvol.hold": 0, "elvol.dec": 1.4, "elvol.sustain": 0, "elvol.rel": 1.0}),
    ("PM Pluck Decay", "Phase modulation by a saw that the mix envelope fades out: a bright pluck that turns into a sine.",
     {"@a1_wave": SINE, "@a2_wave": SAW, W+"amod": 3, W+"a2_vol": 70, "@b1_wave": SINE, "@b2_wave": SINE,
      W+"abmix": 100, W+"envAmt": -200, W+"envAtt": 0, W+"envHold": 20, W+"envDec": 400,
      "elvol.amt": 1, "elvol.hold": 0.1, "elvol.dec": 0.8, "elvol.sustain": 0.3, "elvol.rel": 0.3}),
    ("AM Buzz Lead", "A square amplitude-modulated by a saw at twice its pitch, through a resonant band-pass.",
     {"@a1_wave": SQUARE, "@a2_wave": SAW, W+"a2_mult": 16, W+"amod": 1, W+"abmix": -100,
      "eldata.fwet": 1, "eldata.ftype": 2, "eldata.fcut": 1800, "eldata.fres": 2.5,
      "elvol.amt": 1, "elvol.att": 0.03, "elvol.sustain": 0.8, "elvol.rel": 0.15}),
    ("Crossfade Arp", "A square on A and a triangle on B held at the middle of the mix, arpeggiated up a minor chord.",
     {"@a1_wave": SQUARE, "@a2_wave": SQUARE, "@b1_wave": TRIANGLE, "@b2_wave": TRIANGLE, W+"b1_mult": 16,
      W+"abmix": 20, "arpeggiator.arp-enabled": 1, "arpeggiator.arp": 3, "arpeggiator.arptime": 120,
      "arpeggiator.arpgate": 70, "arpeggiator.arprange": 2}),
    ("Crosstalk Sweep Bass", "A1's saw leaking into a PM pair while the mix envelope slides from A to B: a moving bass.",
     {"@a1_wave": SAW, "@b1_wave": SINE, "@b2_wave": SINE, W+"xtalk": 40, W+"bmod": 3, W+"b2_mult": 4,
      W+"abmix": -100, W+"envAmt": 200, W+"envAtt": 600, W+"envHold": 300, W+"envDec": 600, "track.basenote": 69,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 1500, "eldata.fres": 1.0}),
]


# Organic (LMMS 1.2.2): eight oscillators at harmonics of the note (newharmonic index: 0 = 0.5x, 1 = 0.75x, 2 = 1x,
# 3...17 = 2x...16x), wave 0 sine 1 saw 2 square 3 triangle 4 moog saw 5 exponential, volume, panning, stereo
# detune in cents; then the waveshaper ("foldback", 0...0.99) and volume.
O = "organic."


def organ(harmonics, **extra):
    """Oscillators from (harmonic index, volume[, wave, pan, detune]) tuples; unused oscillators at volume 0."""
    values = {}
    for i in range(8):
        spec = harmonics[i] if i < len(harmonics) else (i, 0)
        harmonic, volume, wave, pan, detune = (tuple(spec) + (0, 0, 0))[:5]
        values.update({O + "newharmonic%d" % i: harmonic, O + "vol%d" % i: volume, O + "wavetype%d" % i: wave,
                       O + "pan%d" % i: pan, O + "newdetune%d" % i: detune})
    values.update(extra)
    return values


ORGANIC = [
    ("Drawbar Jazz Organ", "Sub octave, fundamental, third and fifth partials loud, the rest light: a percussive jazz registration.",
     organ([(0, 80), (2, 100), (3, 35), (4, 70), (5, 25), (9, 30)],
           **{"elvol.amt": 1, "elvol.att": 0, "elvol.dec": 0.4, "elvol.sustain": 0.75, "elvol.rel": 0.1})),
    ("Hollow Odd Pad", "Only odd partials (1, 3, 5, 7), each detuned a few cents apart in stereo, slow swell.",
     organ([(2, 100, 0, 0, 6), (4, 60, 0, -30, -8), (6, 40, 0, 30, 10), (8, 25, 0, 0, -12)],
           **{"elvol.amt": 1, "elvol.att": 0.3, "elvol.dec": 1, "elvol.sustain": 0.9, "elvol.rel": 0.8})),
    ("Saw Stack Drive", "Saws on the first four harmonics through heavy waveshaping: a raspy lead.",
     organ([(2, 100, 1), (3, 60, 1), (4, 40, 1), (5, 30, 1)], **{O + "foldback": 0.6, O + "vol": 80})),
    ("Triangle Chime", "Triangles on partials 1, 3, 5, 8 and 12, struck: a soft bell that dies away without sustain.",
     organ([(2, 100, 3), (4, 50, 3), (6, 40, 3), (9, 30, 3), (13, 20, 3)],
           **{"elvol.amt": 1, "elvol.dec": 1.4, "elvol.sustain": 0, "elvol.rel": 0.8})),
    ("Wide Stereo Sines", "Sines on the first eight harmonics panned hard left and right in turn, 15 cents of stereo detune.",
     organ([(i, 100 - 10 * i, 0, 100 if i % 2 else -100, 15) for i in range(8)])),
    ("Crushed Square Organ", "Squares at the fundamental and octave, waveshaper near its limit: a fuzzed organ.",
     organ([(2, 100, 2), (3, 70, 2), (0, 50, 2)], **{O + "foldback": 0.9, O + "vol": 60})),
    ("Sub Octave Bass", "Fundamental and sub octave only, low-passed at 500 Hz: a round organ bass.",
     organ([(0, 100), (2, 80, 3)], **{"eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 500, "eldata.fres": 0.8})),
    ("Full Drawbars", "All eight oscillators at full volume on their default harmonics: the loudest, brightest organ.",
     organ([(i, 100) for i in range(8)], **{O + "vol": 70, O + "foldback": 0.2, "track.vol": 80})),
    ("Exponential Reed", "Exponential waves on partials 1, 2 and 3: a nasal reed.",
     organ([(2, 100, 5), (3, 60, 5), (4, 40, 5)])),
    ("Moog Saw Fifths", "Moog saws on the fundamental and the fifth below, gently driven.",
     organ([(2, 100, 4), (1, 70, 4)], **{O + "foldback": 0.3})),
    ("Detuned Chorus Pad", "Four sines at the fundamental and octave, each detuned in stereo by 7-20 cents, slow swell.",
     organ([(2, 100, 0, 0, 7), (2, 80, 0, 0, -12), (3, 60, 0, 0, 20), (3, 50, 0, 0, -9)],
           **{"elvol.amt": 1, "elvol.att": 0.3, "elvol.rel": 0.7})),
    ("Square Octaves Chord", "Squares an octave apart played as a minor chord, filtered.",
     organ([(2, 100, 2), (3, 50, 2)], **{"chordcreator.chord-enabled": 1, "chordcreator.chord": 1,
                                         "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 2500})),
    ("Sub and Twelfth", "Sub octave and twelfth only (harmonics 0.5 and 3): a hollow, distant tone.",
     organ([(0, 100), (4, 70, 3)])),
    ("Tremolo Organ", "Fundamental, octave and fifth with a volume LFO for tremolo.",
     organ([(2, 100), (3, 60), (4, 50)], **{"elvol.lamt": 0.4, "elvol.lspd": 0.2})),
    ("Panned Harmonics Arp", "The first four harmonics panned apart, arpeggiated up and down an octave.",
     organ([(2, 100, 0, -60), (3, 70, 0, 60), (4, 50, 0, -30), (5, 40, 0, 30)],
           **{"arpeggiator.arp-enabled": 1, "arpeggiator.arptime": 150, "arpeggiator.arpdir": 2})),
    ("High Partials Whistle", "Only the 8th, 12th and 16th partials, quiet: an airy whistle above the note.",
     organ([(9, 70), (13, 50), (17, 40)], **{O + "vol": 150})),
]


# Monstro (LMMS 1.2.2): osc 1 a pulse (o1pw %), osc 2 one wave, osc 3 two waves mixed by o3sub (-100 first ... 100
# second). Waves: 0 sine, 1-5 band-limited triangle/saw/ramp/square/moog, 6 soft square, 7 abs. sine, 8 exponential,
# 9 noise, 10-14 digital triangle/saw/ramp/square/moog. o23mo: how osc 2 reaches osc 3 (0 mix, 1 AM, 2 FM, 3 PM; only
# mix makes osc 2 heard). LFO waves as oscillators 0-8, then 9 random, 10 random smooth; rates are cycle lengths in
# ms. Envelopes (ms, sustain 0...1) act only through the matrix: <target><source>, target v volume, f pitch (an env
# amount of 1 is 2 octaves, an LFO's 1 octave), p phase, w1 pulse width, s3 sub mix; source e1 e2 l1 l2.
M = "monstro."
MONSTRO = [
    ("Sync Sweep Lead", "Osc 2 (saw, an octave up) hard-synced to the silent pulse of osc 1, its pitch swept down by env 1: the classic sync scream.",
     {M+"o1vol": 0, M+"o1ssr": 1, M+"o2syn": 1, M+"o2wav": 2, M+"o2crs": 12, M+"o2vol": 80, M+"o3vol": 0,
      M+"f2e1": 0.4, M+"e1dec": 600, M+"e1sus": 0,
      M+"v2e2": 1, M+"e2att": 5, M+"e2rel": 150}),
    ("PWM Strings", "Pulse width swept by a slow sine LFO under a stereo-detuned saw, slow swell and release, low-passed.",
     {M+"o1vol": 60, M+"o1ftl": -6, M+"o1ftr": 6, M+"w1l1": 0.3, M+"l1rat": 400,
      M+"o2wav": 2, M+"o2vol": 30, M+"o2ftl": 5, M+"o2ftr": -5, M+"o3vol": 0,
      M+"v1e1": 1, M+"v2e1": 1, M+"e1att": 400, M+"e1dec": 800, M+"e1sus": 0.7, M+"e1rel": 600,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 3000, "eldata.fres": 0.7}),
    ("FM Bell", "A sine (osc 3) frequency-modulated by a sine 19 semitones up whose level falls faster than the bell's: bright strike, pure tail.",
     {M+"o1vol": 0, M+"o23mo": 2, M+"o2crs": 19, M+"o2vol": 100, M+"o3vol": 80,
      M+"v3e1": 1, M+"e1dec": 2000, M+"e1sus": 0, M+"e1rel": 1500,
      M+"v2e2": 1, M+"e2dec": 600, M+"e2sus": 0}),
    ("AM Growl Bass", "A band-limited square an octave down, amplitude-modulated by a digital saw an octave down, through a Moog low-pass.",
     {M+"o1vol": 0, M+"o23mo": 1, M+"o2wav": 11, M+"o2crs": -12, M+"o2vol": 100,
      M+"o3wav1": 4, M+"o3wav2": 4, M+"o3crs": -12, M+"o3vol": 80,
      M+"v3e1": 1, M+"e1dec": 300, M+"e1sus": 0.6, M+"e1rel": 80,
      "eldata.fwet": 1, "eldata.ftype": 6, "eldata.fcut": 800, "eldata.fres": 1.5}),
    ("Morphing PM Bass", "A sine an octave down phase-modulated by osc 2, its sub mix moving between sine and square with a slow triangle LFO.",
     {M+"o1vol": 0, M+"o23mo": 3, M+"o2vol": 50, M+"o3wav1": 0, M+"o3wav2": 4, M+"o3crs": -12, M+"o3vol": 90,
      M+"s3l1": 0.8, M+"l1wav": 1, M+"l1rat": 2000,
      M+"v3e2": 1, M+"e2att": 3, M+"e2dec": 400, M+"e2sus": 0.8, M+"e2rel": 100}),
    ("Noise To Tone Swell", "Osc 3 starts as white noise and turns into a soft square as env 1 moves its sub mix: a breath that becomes a note.",
     {M+"o1vol": 0, M+"o2vol": 0, M+"o3wav1": 9, M+"o3wav2": 6, M+"o3sub": -100, M+"o3vol": 70,
      M+"s3e1": 1, M+"e1att": 1200, M+"e1hol": 4000,
      M+"v3e2": 1, M+"e2att": 300, M+"e2rel": 400}),
    ("Drifting Digital Saw", "A digital saw whose pitch wanders with a smooth random LFO, over a narrow pulse: an unstable old synth.",
     {M+"o1pw": 25, M+"o1vol": 30, M+"o2wav": 11, M+"o2vol": 60, M+"o3vol": 0,
      M+"f2l1": 0.03, M+"l1wav": 10, M+"l1rat": 300,
      M+"v1e1": 1, M+"v2e1": 1, M+"e1att": 20, M+"e1dec": 500, M+"e1sus": 0.8, M+"e1rel": 300}),
    ("Reverse Sync Buzz", "Osc 2 (saw, a fourth up) inverted at every edge of osc 1's pulse: a hollow, buzzing stack.",
     {M+"o1vol": 20, M+"o1ssr": 1, M+"o1ssf": 1, M+"o2synr": 1, M+"o2wav": 2, M+"o2crs": 5, M+"o2vol": 70, M+"o3vol": 0,
      M+"v1e1": 1, M+"v2e1": 1, M+"e1dec": 400, M+"e1sus": 0.5, M+"e1rel": 100}),
    ("Stereo Phase Pad", "A triangle and a saw/triangle blend with opposite stereo phase offsets, osc 2's phase drifting on a slow sine: wide and soft.",
     {M+"o1vol": 0, M+"o2wav": 1, M+"o2vol": 60, M+"o2spo": 90, M+"o3wav1": 2, M+"o3wav2": 1, M+"o3sub": -50,
      M+"o3crs": 12, M+"o3vol": 40, M+"o3spo": -120, M+"p2l2": 0.3, M+"l2rat": 3000,
      M+"v2e1": 1, M+"v3e1": 1, M+"e1att": 800, M+"e1sus": 0.9, M+"e1rel": 1200}),
    ("Pulse Pluck", "A narrow pulse whose width opens with a fast envelope, decaying to nothing: a plucked string.",
     {M+"o1pw": 20, M+"o1vol": 80, M+"o2vol": 0, M+"o3vol": 0, M+"w1e1": 0.4, M+"e1dec": 200, M+"e1sus": 0,
      M+"v1e2": 1, M+"e2dec": 400, M+"e2sus": 0, M+"e2rel": 100}),
    ("Sub Square Bass", "A square an octave down over a sine two octaves down, low-passed: a solid bass.",
     {M+"o1vol": 70, M+"o1crs": -12, M+"o2vol": 0, M+"o3crs": -24, M+"o3vol": 60,
      M+"v1e1": 1, M+"v3e1": 1, M+"e1att": 2, M+"e1dec": 200, M+"e1sus": 0.7, M+"e1rel": 60,
      "eldata.fwet": 1, "eldata.ftype": 0, "eldata.fcut": 1200, "eldata.fres": 0.8}),
    ("Square LFO Wobble", "A band-limited moog saw an octave down whose level jumps with a 4 Hz square LFO, through a Moog filter.",
     {M+"o1vol": 0, M+"o2vol": 0, M+"o3wav1": 5, M+"o3wav2": 5, M+"o3crs": -12, M+"o3vol": 90,
      M+"v3l1": 0.8, M+"l1wav": 4, M+"l1rat": 250,
      "eldata.fwet": 1, "eldata.ftype": 6, "eldata.fcut": 900, "eldata.fres": 1.2}),
    ("Chiptune Arp Square", "A 12.5 % pulse through a fast major arpeggio, short decay: an 8-bit game lead.",
     {M+"o1pw": 12.5, M+"o1vol": 60, M+"o2vol": 0, M+"o3vol": 0, M+"v1e1": 1, M+"e1dec": 150, M+"e1sus": 0.4, M+"e1rel": 40,
      "arpeggiator.arp-enabled": 1, "arpeggiator.arp": 1, "arpeggiator.arptime": 60}),
    ("Delayed Vibrato Flute", "A sine with a quiet triangle an octave up, vibrato from a sine LFO that fades in over 400 ms.",
     {M+"o1vol": 0, M+"o2vol": 70, M+"o3wav1": 1, M+"o3wav2": 1, M+"o3crs": 12, M+"o3vol": 20,
      M+"f2l1": 0.02, M+"f3l1": 0.02, M+"l1rat": 180, M+"l1att": 400,
      M+"v2e1": 1, M+"v3e1": 1, M+"e1att": 80, M+"e1sus": 0.9, M+"e1rel": 150}),
    ("Metallic FM Clang", "A sine frequency-modulated by a stereo-detuned square a fifth up, the modulator dying first: a struck metal bar.",
     {M+"o1vol": 0, M+"o23mo": 2, M+"o2wav": 4, M+"o2crs": 7, M+"o2ftl": 13, M+"o2ftr": -13, M+"o2vol": 120, M+"o3vol": 80,
      M+"v2e2": 1, M+"e2dec": 300, M+"e2sus": 0.1, M+"v3e1": 1, M+"e1dec": 1500, M+"e1sus": 0, M+"e1rel": 800}),
    ("Abs Sine Organ", "Absolute sines (an octave-doubled tone) on two oscillators plus a quiet pulse a twelfth up: a reedy organ.",
     {M+"o1vol": 15, M+"o1crs": 19, M+"o2wav": 7, M+"o2vol": 50, M+"o3wav1": 0, M+"o3wav2": 7, M+"o3crs": 12, M+"o3vol": 40,
      M+"v1e1": 1, M+"v2e1": 1, M+"v3e1": 1, M+"e1att": 5, M+"e1rel": 80}),
]


# LB302 (LMMS 1.2.2): one oscillator (shape 0 saw 1 triangle 2 square 3 round square 4 moog 5 sine 6 exponential
# 7 noise 8-11 band-limited saw, square, triangle, moog) into a resonant filter with its own decaying envelope
# (vcf_mod amount, vcf_dec decay) and distortion. Single-streamed: the track's envelopes and filter do not apply.
L = "lb302."
LB302 = [
    ("Squelch Bass", "Band-limited saw an octave down, low cutoff with high resonance and a deep, quick filter envelope.",
     {L+"shape": 8, L+"vcf_cut": 0.3, L+"vcf_res": 1.0, L+"vcf_mod": 0.8, L+"vcf_dec": 0.2, L+"db24": 1, "track.basenote": 81}),
    ("Square Acid Stab", "Band-limited square, a snappy envelope and some distortion: a short acid stab.",
     {L+"shape": 9, L+"vcf_cut": 0.5, L+"vcf_res": 0.9, L+"vcf_mod": 0.6, L+"vcf_dec": 0.05, L+"dist": 0.3}),
    ("Dark Moog Drone", "Band-limited moog wave under a nearly closed, gently resonant filter that barely moves.",
     {L+"shape": 11, L+"vcf_cut": 0.15, L+"vcf_res": 0.4, L+"vcf_mod": 0.1, L+"vcf_dec": 0.9}),
    ("Resonant Noise Sweep", "White noise through a screaming resonance swept down by a slow envelope.",
     {L+"shape": 7, L+"vcf_cut": 0.9, L+"vcf_res": 1.2, L+"vcf_mod": 1.0, L+"vcf_dec": 0.6}),
    ("Round Square Pluck", "Round square, 24 dB filter snapped open and shut: a plucked, woody tone.",
     {L+"shape": 3, L+"vcf_cut": 0.4, L+"vcf_res": 0.6, L+"vcf_mod": 0.9, L+"vcf_dec": 0.02, L+"db24": 1}),
    ("Sine Sub Thump", "Sine with the filter wide open and a touch of distortion: a plain sub bass.",
     {L+"shape": 5, L+"vcf_cut": 1.2, L+"vcf_res": 0.1, L+"vcf_mod": 0.0, L+"dist": 0.1, "track.basenote": 81}),
    ("Arpeggiated Acid Line", "Saw through a resonant filter, arpeggiated up a minor chord in 125 ms steps at half gate.",
     {L+"shape": 8, L+"vcf_cut": 0.35, L+"vcf_res": 1.1, L+"vcf_mod": 0.7, L+"vcf_dec": 0.15,
      "arpeggiator.arp-enabled": 1, "arpeggiator.arp": 1, "arpeggiator.arptime": 125, "arpeggiator.arpgate": 50,
      "arpeggiator.arprange": 2}),
    ("Saw Bass Open", "Band-limited saw an octave down with the filter wide open and little resonance.",
     {L+"shape": 8, L+"vcf_cut": 1.2, L+"vcf_res": 0.2, L+"vcf_mod": 0.2, "track.basenote": 81}),
    ("Dead Note Drone", "A 'dead' note (no filter envelope restart) on a moog wave, cutoff halfway.",
     {L+"shape": 4, L+"dead": 1, L+"vcf_cut": 0.6, L+"vcf_res": 0.7}),
    ("Exponential Blip", "The exponential wave through a snapped filter: a short blip.",
     {L+"shape": 6, L+"vcf_cut": 0.3, L+"vcf_mod": 1.0, L+"vcf_dec": 0.01}),
    ("Triangle Flute", "Naive triangle, filter mostly open, gentle resonance.",
     {L+"shape": 1, L+"vcf_cut": 1.0, L+"vcf_res": 0.3, L+"vcf_mod": 0.05}),
    ("Square Chord Stab", "Band-limited square played as a major chord through a 24 dB filter.",
     {L+"shape": 9, L+"db24": 1, L+"vcf_cut": 0.45, "chordcreator.chord-enabled": 1, "chordcreator.chord": 0}),
    ("Quiet Right Pan Saw", "Naive saw panned right at low volume with a slow filter decay.",
     {L+"shape": 0, L+"vcf_dec": 0.8, "track.pan": 50, "track.vol": 70}),
    ("Max Resonance Whistle", "Sine into the filter at maximum resonance: the filter's own whistle dominates.",
     {L+"shape": 5, L+"vcf_res": 1.25, L+"vcf_cut": 0.7, L+"vcf_mod": 0.5}),
    ("Distorted Square Sub", "Band-limited square two octaves down with full distortion.",
     {L+"shape": 9, L+"dist": 1.0, L+"vcf_cut": 0.5, "track.basenote": 93}),
    ("Distorted Triangle Lead", "Band-limited triangle driven hard by the distortion, filter half open.",
     {L+"shape": 10, L+"dist": 0.8, L+"vcf_cut": 0.8, L+"vcf_res": 0.5, L+"vcf_mod": 0.3, L+"vcf_dec": 0.3}),
]


def write_bank(synth_id, presets):
    schema = ET.parse(os.path.join("Synths", synth_id + ".xml")).getroot()
    params = [(p.get("id"), float(p.get("min")), float(p.get("max")), p.get("default")) for p in schema.iter("parameter")]
    known = {p[0] for p in params}
    folder = os.path.join("Presets", synth_id)
    os.makedirs(folder, exist_ok=True)
    for name, intent, values in presets:
        attributes = {k[1:]: v for k, v in values.items() if k.startswith("@")}
        values = {k: v for k, v in values.items() if not k.startswith("@")}
        unknown = set(values) - known
        if unknown:
            sys.exit("%s: %s has unknown parameters %s" % (synth_id, name, sorted(unknown)))
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<presetatlas-preset version="1" synth=%s name=%s author=%s>' % (quoteattr(synth_id), quoteattr(name), quoteattr(AUTHOR)),
                 "  <comment>%s</comment>" % escape(intent)]
        for pid, lo, hi, default in params:
            value = values.get(pid)
            if value is not None and not (lo <= value <= hi):
                sys.exit("%s: %s sets %s = %s outside %s...%s" % (synth_id, name, pid, value, lo, hi))
            text = default if value is None else repr(float(value)) if isinstance(value, float) else str(value)
            lines.append('  <parameter id=%s value="%s"/>' % (quoteattr(pid), text))
        for key, text in sorted(attributes.items()):
            lines.append('  <attribute key=%s value=%s/>' % (quoteattr(synth_id + "." + key), quoteattr(text)))
        lines.append("</presetatlas-preset>")
        slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
        with open(os.path.join(folder, slug + ".xml"), "w") as f:
            f.write("\n".join(lines) + "\n")
    print("%s: %d presets in %s" % (synth_id, len(presets), folder))


if __name__ == "__main__":
    write_bank("tripleoscillator", TRIPLE)
    write_bank("dx7", DX7)
    write_bank("amsynth", AMSYNTH)
    write_bank("bitinvader", BITINVADER)
    write_bank("organic", ORGANIC)
    write_bank("monstro", MONSTRO)
    write_bank("lb302", LB302)
    write_bank("watsyn", WATSYN)
