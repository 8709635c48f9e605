#!/usr/bin/env python3
"""Browser test of an atlas report in Debian's headless chromium (no Node, no Python packages).

    python3 scripts/e2e.py Reports/e2e

Checks: the page loads with no console errors; the canvas is drawn (the page's own pixel count and a
screenshot that is not blank); the page holds as many points as the store's map; a click on a preset, a
random setting and a sweep step each starts its audio; every point has a preview file. The page runs its self-test when opened as index.html#selftest and writes the result
into <pre id="selftest">, which `--dump-dom` returns. Prints 'N passed, N failed' and exits 1 on failure.
"""
import json
import os
import re
import sqlite3
import struct
import subprocess
import sys
import tempfile
import urllib.parse
import zlib


def chromium(*args, timeout=120):
    base = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--autoplay-policy=no-user-gesture-required", "--window-size=1280,1000",
            # No sound device here: without this flag play() never resolves (audio still decodes and plays).
            "--disable-audio-output",
            "--enable-logging=stderr", "--v=0"]
    return subprocess.run(base + list(args), capture_output=True, text=True, timeout=timeout)


def data_js(report):
    """The object data.js assigns (the file is `window.ATLAS_DATA = {...};`)."""
    text = open(os.path.join(report, "data.js"), encoding="utf-8").read()
    return json.loads(text[text.index("=") + 1:text.rindex(";")])


def png_pixels(path):
    """(width, height, rows of bytes, bytes per pixel) of an 8-bit RGB/RGBA PNG, with stdlib only."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), "unexpected PNG layout"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if ftype == 1: line[x] = (line[x] + a) & 255
            elif ftype == 2: line[x] = (line[x] + b) & 255
            elif ftype == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, rows, bpp


def selftest(page, hash_params, attempts=4):
    """The page's self-test result (index.html#<hash_params>), or None, and the last chromium run."""
    for attempt in range(attempts):
        run = chromium("--virtual-time-budget=%d" % (15000 * (attempt + 1)), "--dump-dom", "file://" + page + "#" + hash_params)
        match = re.search(r'<pre id="selftest">(.*?)</pre>', run.stdout, re.S)
        if match:
            text = match.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            return json.loads(text), run
    return None, run


def main():
    report = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "Reports/e2e")
    page = os.path.join(report, "index.html")
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name + (": " + detail if detail else ""))

    with sqlite3.connect(os.path.join(report, "atlas.sqlite")) as db:
        stored_points = db.execute("SELECT COUNT(*) FROM mapPoint WHERE method = 'map'").fetchone()[0]

    # Headless chromium sometimes dumps the DOM before the page's audio has started (virtual time and
    # media loading race); the self-test is retried, never the assertions on its result.
    state, run = selftest(page, "selftest")
    if state is None:
        check("page ran its self-test", False, (run.stderr or "")[-2000:])
        print("0 passed, %d failed" % (len(results)))
        return 1
    console_errors = [l for l in run.stderr.splitlines() if "CONSOLE" in l and ("Uncaught" in l or "error" in l.lower())]
    check("no console errors", not state["errors"] and not console_errors, "; ".join(state["errors"] + console_errors)[:500])
    check("page holds the store's points", state["points"] == stored_points, "%d in page, %d in store" % (state["points"], stored_points))
    check("canvas drawn", state["inkedPixels"] > 100, "%d of %d pixels inked" % (state["inkedPixels"], state["canvasPixels"]))
    # `playing`: the audio element the click created is not paused and plays that point; play() was not
    # rejected. (Whether its promise settles within the virtual time budget varies with chromium's fake
    # audio sink.) Every origin with points is clicked: presets, random settings, sweep steps.
    clicks = state["clicks"]
    for origin in ("preset", "random", "sweep"):
        c = clicks.get(origin)
        check("click on a %s starts its audio" % origin, bool(c) and c["playing"] and not c["rejected"],
              "clicked %r" % (c,))
    c = clicks.get("preset") or {}
    check("a clicked point lists its nearest neighbours", c.get("neighbours", 0) >= 1, "%r listed" % c.get("neighbours"))
    check("search by name finds the preset and counts matches", state["searchMatches"] >= 1 and state["listed"] >= 1
          and state["matchText"].startswith(str(state["searchMatches"])),
          "%d matches, %d listed, %r" % (state["searchMatches"], state["listed"], state["matchText"]))

    lasso = state.get("lasso") or {}
    check("a lasso selects the points inside it, listed and in the CSV", lasso.get("expected", 0) > 0
          and lasso["selected"] == lasso["expected"] and lasso["tableRows"] == min(200, lasso["selected"])
          and lasso["csvRows"] == lasso["selected"], repr(lasso)[:400])

    # A view kept in the URL reopens: zoom, colouring, search, layers.
    names = data_js(report)["names"].split("\n")
    query = next((n for n in names if n.strip()), "a")[:4]
    view = "z=4&u=0.5&v=0.5&c=o&o=preset,init&f=0,1,128&" + urllib.parse.urlencode({"q": query}) + "&bench"
    restored, run = selftest(page, view, attempts=2)
    r = restored and restored["restored"]
    check("a view restores from the URL", bool(r) and r["colourBy"] == "o" and abs(r["zoom"] - 4) < 1e-3
          and r["origins"] == ["preset", "init"] and r["search"] == query and r["matchText"] != ""
          and r["filter"] == {"k": 0, "lo": 1, "hi": 128} and r["filterText"].endswith(" points"),
          repr(r)[:400])

    # The large-map renderers (used from 200,000 points) draw the same page without errors.
    for renderer, name in (("pixels", "pixels"), ("gl", "webgl2")):
        drawn, _ = selftest(page, "bench&renderer=" + renderer, attempts=1)
        check("the %s renderer draws the map" % name, bool(drawn) and drawn["renderer"] == name and drawn["inkedPixels"] > 100
              and not drawn["errors"], repr(drawn and {k: drawn[k] for k in ("renderer", "inkedPixels", "errors")}))

    # Every point has a preview file beside the page; the page holds no absolute local path.
    previews = os.listdir(os.path.join(report, "previews"))
    check("every point has a preview", len(previews) == stored_points, "%d previews, %d points" % (len(previews), stored_points))
    # Everything the report shares: the page, its data and its summaries. None may name the folders the
    # atlas ran in: the report's, the working directory's, the home directory, or where .cache points.
    shared = ("index.html", "data.js", "neighbours.js", "parameters.js", "summary.md", "summary.json", "map.svg")
    page_text = "".join(open(os.path.join(report, f), encoding="utf-8").read() for f in shared)
    local = {os.path.abspath(report), os.path.realpath(report), os.getcwd(), os.path.expanduser("~") + "/"}
    if os.path.exists(".cache"):
        local.add(os.path.realpath(".cache"))
    found = sorted(p for p in local if p in page_text)
    check("no absolute local paths in the page", not found, "found " + ", ".join(found))
    data_bytes = os.path.getsize(os.path.join(report, "data.js"))
    print("     data.js: %d bytes, %.1f per point" % (data_bytes, data_bytes / max(1, stored_points)))

    with tempfile.TemporaryDirectory() as tmp:
        shot = os.path.join(tmp, "shot.png")
        chromium("--virtual-time-budget=8000", "--screenshot=" + shot, "file://" + page)
        if not os.path.exists(shot):
            check("screenshot taken", False)
        else:
            width, height, rows, bpp = png_pixels(shot)
            colours = set()
            for y in range(0, height, 4):
                row = rows[y]
                for x in range(0, width, 4):
                    colours.add(bytes(row[x * bpp:x * bpp + 3]))
            check("screenshot not blank", len(colours) > 20, "%d distinct colours" % len(colours))

    passed = sum(results)
    print("%d passed, %d failed" % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
