#!/usr/bin/env python3
"""Benchmark: how long the report's canvas map takes to redraw and to find the point under the cursor
with many points. Takes a report, copies its page with the points repeated (jittered) up to N, and
reads the timings the page's self-test measures in headless chromium.

    python3 scripts/bench-map.py Reports/e2e 50000
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile


def main():
    report, target = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50000
    html = open(os.path.join(report, "index.html"), encoding="utf-8").read()
    m = re.search(r'(<script type="application/json" id="atlas-data">)(.*?)(</script>)', html, re.S)
    data = json.loads(m.group(2))
    n, rng = len(data["x"]), random.Random(1)
    span = (max(data["x"]) - min(data["x"])) or 1
    for key in ("x", "y", "s", "o", "name", "src", "col"):
        base = data[key]
        out = [base[i % n] for i in range(target)]
        if key in ("x", "y"):
            out = [v + (rng.gauss(0, 0.02 * span) if i >= n else 0) for i, v in enumerate(out)]
        data[key] = out
    text = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    page = html[:m.start(2)] + text + html[m.end(2):]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "index.html")
        open(path, "w", encoding="utf-8").write(page)
        run = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-audio-output",
                              "--autoplay-policy=no-user-gesture-required", "--window-size=1280,1000",
                              "--virtual-time-budget=30000", "--dump-dom", "file://" + path + "#selftest"],
                             capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="selftest">(.*?)</pre>', run.stdout, re.S)
    if not found:
        sys.exit("the page's self-test did not finish")
    state = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    print("points %d: redraw %.1f ms, point under cursor %.3f ms, page %.1f MB, errors %s"
          % (state["points"], state["paintMs"], state["pickMs"], len(page.encode()) / 1e6, state["errors"] or "none"))


if __name__ == "__main__":
    main()
