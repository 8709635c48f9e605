"""The preset sets `make embedding-quality` measures, and the categories read from their names.

A set is a list of Preset(id, name, category). DX7 voices are collected from their banks, de-duplicated
by their 118 parameter bytes (the name left out: the same sound under two names would be its own nearest
"other preset"), optionally thinned to a seeded random sample, and written back as 32-voice SysEx bulk
dumps that `presetatlas render` reads; the render of voice v of dump c is `cCCC_VVV.<ext>`.
"""
import glob, os, random, re
from dataclasses import dataclass

CATEGORY_TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "embedding_categories.tsv")
VOICE_BYTES, NAME_START = 128, 118


@dataclass
class Preset:
    id: str          # the render's file stem
    name: str        # as the bank spells it
    category: str    # "" when no row of the category table matches


def load_category_table(path=CATEGORY_TABLE):
    rows = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            category, _, pattern = line.rstrip("\n").partition("\t")
            try:
                rows.append((category.strip(), re.compile(pattern.strip())))
            except re.error as error:
                raise SystemExit(f"error: {path}:{number}: bad pattern: {error}")
    return rows


def category_of(name, table):
    upper = name.upper()
    spaced = " " + " ".join(re.findall(r"[A-Z0-9]+", upper)) + " "
    compact = re.sub(r"[^A-Z0-9]", "", upper)
    for category, pattern in table:
        if pattern.search(spaced) or pattern.search(compact):
            return category
    return ""


def voice_name(packed):
    return bytes(b & 0x7F for b in packed[NAME_START:VOICE_BYTES]).decode("ascii", "replace").strip()


def voices_in_file(path):
    """Packed voices of a DX7 file: 32-voice bulk dumps (F0 43 0n 09 20 00 ... F7) anywhere in the file,
    else raw 128-byte packed voices (hexter's .dx7)."""
    data = open(path, "rb").read()
    voices, i = [], 0
    while True:
        i = data.find(b"\xf0\x43", i)
        if i < 0:
            break
        if data[i + 2] & 0xF0 == 0 and data[i + 3:i + 6] == b"\x09\x20\x00" and len(data) >= i + 4104:
            voices += [data[i + 6 + VOICE_BYTES * k:i + 6 + VOICE_BYTES * (k + 1)] for k in range(32)]
            i += 4104
        else:
            i += 2
    if not voices and len(data) % VOICE_BYTES == 0:
        voices = [data[k:k + VOICE_BYTES] for k in range(0, len(data), VOICE_BYTES)]
    return voices


def dx7_voices(files, limit=None, seed=1):
    """(name, packed) of every distinct voice in `files` in file order; `limit` keeps a seeded sample.
    Returns (voices, found, duplicates)."""
    seen, voices, found = set(), [], 0
    for path in files:
        for packed in voices_in_file(path):
            found += 1
            if packed[:NAME_START] in seen:
                continue
            seen.add(packed[:NAME_START])
            voices.append((voice_name(packed), packed))
    duplicates = found - len(voices)
    if limit is not None and limit < len(voices):
        keep = sorted(random.Random(seed).sample(range(len(voices)), limit))
        voices = [voices[k] for k in keep]
    return voices, found, duplicates


def write_bulk_dumps(voices, folder):
    """Writes the voices as 32-voice bulk dumps cCCC.syx (the last one padded with copies of its last
    voice; padded voices get no Preset). Returns the presets' (id, name) in order."""
    os.makedirs(folder, exist_ok=True)
    ids = []
    for c in range(0, len(voices), 32):
        chunk = voices[c:c + 32]
        packed = b"".join(p for _, p in chunk) + chunk[-1][1] * (32 - len(chunk))
        packed = bytes(b & 0x7F for b in packed)
        checksum = (-sum(packed)) & 0x7F
        path = os.path.join(folder, f"c{c // 32:03d}.syx")
        blob = b"\xf0\x43\x00\x09\x20\x00" + packed + bytes([checksum, 0xF7])
        if not os.path.exists(path) or open(path, "rb").read() != blob:
            with open(path, "wb") as f:
                f.write(blob)
        ids += [(f"c{c // 32:03d}_{v:03d}", name) for v, (name, _) in enumerate(chunk)]
    for stale in glob.glob(os.path.join(folder, "c*.syx"))[:]:
        if int(os.path.basename(stale)[1:-4]) >= (len(voices) + 31) // 32:
            os.remove(stale)
    return ids


def dx7_set(files, folder, table, limit=None, seed=1):
    """Presets of a DX7 set and a one-line description of what was kept."""
    if not files:
        raise SystemExit(f"error: no DX7 bank found for {folder}")
    voices, found, duplicates = dx7_voices(files, limit, seed)
    ids = write_bulk_dumps(voices, folder)
    presets = [Preset(i, name, category_of(name, table)) for i, name in ids]
    note = f"{found} voices in {len(files)} files, {duplicates} duplicates dropped"
    if limit is not None:
        note += f", a seeded sample of {len(presets)} kept"
    return presets, note


def lmms_set(folder, table):
    files = sorted(glob.glob(os.path.join(folder, "*.xpf")))
    if not files:
        raise SystemExit(f"error: {folder}: no .xpf presets")
    stems = [os.path.splitext(os.path.basename(f))[0] for f in files]
    return [Preset(s, s, category_of(s, table)) for s in stems], f"{len(files)} presets"
