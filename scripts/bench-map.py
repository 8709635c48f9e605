#!/usr/bin/env python3
"""Benchmark: how the report's map copes with many points. Takes a report, writes a copy of its page whose
data.js holds its points repeated (jittered) up to N, and reads the timings the page measures itself in
headless chromium (index.html#bench): first paint (navigation start to the first drawn map), redraw at
the default view, and finding the point under the cursor.

    python3 scripts/bench-map.py Reports/e2e 1000000 [gl|pixels]
    (BENCH_MAP_SCREENSHOT=shot.png also saves a screenshot of the default view)
"""
import base64
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from array import array


def column(data, key, code):
    values = array(code)
    values.frombytes(base64.b64decode(data[key]))
    return values


def main():
    report, target = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50000
    renderer = sys.argv[3] if len(sys.argv) > 3 else ""   # "gl" or "pixels"; default: the page's choice
    text = open(os.path.join(report, "data.js"), encoding="utf-8").read()
    data = json.loads(text[text.index("=") + 1:text.rindex(";")])
    n, rng = data["count"], random.Random(1)
    for key, code in (("x", "H"), ("y", "H"), ("synth", "B"), ("origin", "B"), ("flags", "B"), ("source", "H")):
        base = column(data, key, code)
        out = array(code, (base[i % n] for i in range(target)))
        if key in ("x", "y"):
            for i in range(n, target):
                out[i] = min(65535, max(0, int(out[i] + rng.gauss(0, 0.02 * 65535))))
        data[key] = base64.b64encode(out.tobytes()).decode()
    for key in [k for k in data if k.startswith("d") and k[1:].isdigit()]:
        base = column(data, key, "B")
        data[key] = base64.b64encode(array("B", (base[i % n] for i in range(target))).tobytes()).decode()
    names = data["names"].split("\n")
    data["names"] = "\n".join(names[i % n] for i in range(target))
    data["count"] = target
    with tempfile.TemporaryDirectory() as tmp:
        for name in os.listdir(report):   # the page and its scripts and style; data.js is written below
            if name == "index.html" or (name.startswith("atlas") and name.endswith((".js", ".css"))):
                shutil.copy(os.path.join(report, name), tmp)
        page_bytes = len(json.dumps(data))
        with open(os.path.join(tmp, "data.js"), "w", encoding="utf-8") as f:
            f.write("window.ATLAS_DATA = " + json.dumps(data) + ";\n")
        # No virtual time: the page's #bench run is synchronous and timed on the real clock.
        run = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-audio-output", "--disable-gpu",
                              "--window-size=1280,1000", "--dump-dom",
                              "file://" + os.path.join(tmp, "index.html") + "#bench" + ("&renderer=" + renderer if renderer else "")],
                             capture_output=True, text=True, timeout=600)
        shot = os.environ.get("BENCH_MAP_SCREENSHOT")   # optional: a PNG of the default view
        if shot:
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                            "--virtual-time-budget=20000", "--screenshot=" + os.path.abspath(shot),
                            "file://" + os.path.join(tmp, "index.html") + ("#renderer=" + renderer if renderer else "")],
                           capture_output=True, timeout=600)
    found = re.search(r'<pre id="selftest">(.*?)</pre>', run.stdout, re.S)
    if not found:
        sys.exit("the page's self-test did not finish:\n" + run.stderr[-2000:])
    state = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    print("points %d (%s): first paint %.0f ms, redraw %.1f ms, redraw after a pan %.1f ms (density %.1f ms, points %s ms), "
          "point under cursor %.3f ms, data.js %.1f MB (%.1f bytes/point), errors %s"
          % (state["points"], state.get("renderer", "canvas"), state["readyMs"], state["paintMs"], state.get("panMs", float("nan")), state["densityMs"],
             "%.1f" % state["pointsMs"] if state.get("pointsMs") is not None else "-", state["pickMs"],
             page_bytes / 1e6, page_bytes / target, state["errors"] or "none"))
    print("first paint, ms per step: " + ", ".join("%s %d" % (name, ms) for name, ms in state.get("marks", [])))


if __name__ == "__main__":
    main()
