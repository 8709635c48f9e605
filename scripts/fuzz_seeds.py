#!/usr/bin/env python3
"""Small hand-made seeds for fuzz targets whose formats have no real files in .cache (MIDI, tracker modules,
MuseScore, Rosegarden, Ardour, CSV, .npy, audio headers), laid out as the formats' specs say.
Usage: fuzz_seeds.py TARGET CORPUS_FOLDER (writes a few files, never overwrites real seeds)."""
import gzip, io, os, struct, sys, zipfile

def midi():
    track = bytes([0, 0xFF, 0x51, 3, 0x07, 0xA1, 0x20, 0, 0x90, 60, 100, 0x60, 60, 0, 0, 0xFF, 0x2F, 0])
    return b"MThd" + struct.pack(">IHHH", 6, 1, 1, 480) + b"MTrk" + struct.pack(">I", len(track)) + track

def mod():
    head = b"seed module".ljust(20, b"\0") + bytes(31 * 30) + bytes([1, 127]) + bytes(128) + b"M.K."
    pattern = bytearray(64 * 16)
    pattern[2], pattern[3] = 0x0F, 125  # Fxx: 125 BPM
    pattern[6], pattern[7] = 0x0F, 6    # Fxx: speed 6
    return head + bytes(pattern)

def xm():
    return (b"Extended Module: " + b"song".ljust(20, b"\0") + b"\x1a" + b"FastTracker v2.00".ljust(20, b"\0")
            + struct.pack("<HI", 0x0104, 276) + struct.pack("<8H", 1, 0, 8, 1, 1, 1, 6, 125) + bytes(256))

def s3m():
    return (b"song".ljust(28, b"\0") + bytes([0x1A, 16, 0, 0]) + struct.pack("<6H", 1, 0, 0, 0, 0x1320, 2)
            + b"SCRM" + bytes([64, 6, 125, 0xB0, 0, 0xFC]) + bytes(64))

def it():
    return (b"IMPM" + b"song".ljust(26, b"\0") + struct.pack("<H", 0x1004) + struct.pack("<8H", 1, 0, 0, 0, 0x0214, 0x0214, 9, 6)
            + bytes([128, 48, 6, 125]) + bytes(128))

MSCX = b'<?xml version="1.0"?><museScore version="3.01"><Score><Staff id="1"><Measure><voice><Tempo><tempo>2</tempo><text>q = 120</text></Tempo><Chord><durationType>quarter</durationType><Note><pitch>60</pitch></Note></Chord></voice></Measure></Staff></Score></museScore>'

def mscz():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("META-INF/container.xml", '<container><rootfiles><rootfile full-path="score.mscx"/></rootfiles></container>')
        archive.writestr("score.mscx", MSCX)
    return buffer.getvalue()

ROSEGARDEN = b'<?xml version="1.0"?><rosegarden-data version="1.7"><composition defaultTempo="120.0000" compositionDefaultTempo="2000000"><tempo time="0" bph="7200" tempo="2000000"/></composition></rosegarden-data>'
ARDOUR = b'<?xml version="1.0"?><Session version="3001" name="s"><TempoMap><Tempo start="0" beats-per-minute="120" note-type="4" movable="0"/><Meter start="0" divisions-per-bar="4" note-type="4"/></TempoMap></Session>'
LMMS = b'<?xml version="1.0"?><lmms-project version="1.0" creatorversion="1.2.2" type="song"><head bpm="140" timesig_numerator="4"/><song><trackcontainer/></song></lmms-project>'
HYDROGEN = b'<?xml version="1.0"?><song><version>0.9.7</version><bpm>120</bpm><name>x</name><author>a</author></song>'

def npy():
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + struct.pack("<6f", 1, 2, 3, 4, 5, 6)

def wav():
    samples = struct.pack("<8h", 0, 1000, 2000, 1000, 0, -1000, -2000, -1000)
    fmt = struct.pack("<HHIIHH", 1, 1, 44100, 88200, 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(samples)) + samples
    return b"RIFF" + struct.pack("<I", len(body)) + body

def flac_header():
    packed = (44100 << 44) | (1 << 41) | (15 << 36) | 1000
    return b"fLaC" + bytes([0x80, 0, 0, 34]) + bytes([0x10, 0, 0x10, 0]) + bytes(6) + packed.to_bytes(8, "big") + bytes(16)

SEEDS = {
    "tempo-midi": [midi()], "tempo-protracker": [mod()], "tempo-fasttracker": [xm()],
    "tempo-screamtracker": [s3m()], "tempo-impulsetracker": [it()], "tempo-musescore": [MSCX],
    "tempo-musescore-zip": [mscz()], "tempo-rosegarden": [ROSEGARDEN, gzip.compress(ROSEGARDEN)],
    "tempo-ardour": [ARDOUR], "tempo-lmms": [LMMS], "tempo-hydrogen": [HYDROGEN],
    "tempo-any": [midi(), mod(), xm(), s3m(), it(), mscz(), gzip.compress(ROSEGARDEN), ARDOUR, LMMS, HYDROGEN],
    "csv": [b"x,y,z\n1,2,3\n4,5,6\n", b"1;2\r\n3;4\r\n", b"# points\n1 2\n3 4\n", npy()],
    "numpy": [npy()], "audio": [wav(), flac_header()],
}

target, folder = sys.argv[1], sys.argv[2]
os.makedirs(folder, exist_ok=True)
for number, seed in enumerate(SEEDS.get(target, [])):
    path = os.path.join(folder, f"handmade-{number}")
    if not os.path.exists(path):
        with open(path, "wb") as out:
            out.write(seed)
