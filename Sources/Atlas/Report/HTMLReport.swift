// index.html: a self-contained page (no network) with a canvas map of every point (pan, zoom, hover,
// click to listen, search, layer toggles) and the report's tables. Names only ever reach the page as
// escaped HTML or as JSON strings set through textContent.
import Foundation

enum HTMLReport {
    static func page(_ data: ReportData) -> String {
        let synths = data.synths
        let origins = PatchOrigin.allCases.map(\.rawValue)
        var json = "{\"synths\":[" + synths.map(Escape.jsonString).joined(separator: ",") + "],"
        json += "\"origins\":[" + origins.map(Escape.jsonString).joined(separator: ",") + "],"
        json += "\"projection\":" + Escape.jsonString(data.projectionName) + ","
        json += "\"x\":[" + data.points.map { Escape.number($0.x) }.joined(separator: ",") + "],"
        json += "\"y\":[" + data.points.map { Escape.number($0.y) }.joined(separator: ",") + "],"
        json += "\"s\":[" + data.points.map { String(synths.firstIndex(of: $0.synth) ?? 0) }.joined(separator: ",") + "],"
        json += "\"o\":[" + data.points.map { String(origins.firstIndex(of: $0.origin.rawValue) ?? 0) }.joined(separator: ",") + "],"
        json += "\"name\":[" + data.points.map { Escape.jsonString($0.name) }.joined(separator: ",") + "],"
        json += "\"src\":[" + data.points.map { Escape.jsonString($0.sourcePath) }.joined(separator: ",") + "],"
        json += "\"col\":[" + data.points.map { Escape.jsonString($0.collection) }.joined(separator: ",") + "]}"
        let audio = "{" + data.previews.sorted { $0.key < $1.key }
            .map { "\"\($0.key)\":\"\($0.value.base64EncodedString())\"" }.joined(separator: ",") + "}"

        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; media-src data:; img-src data:">
        <title>Preset atlas</title>
        <style>\(css)</style></head><body>
        <header><h1>Preset atlas</h1>
        <p>\(data.points.count) points (\(Escape.html(data.projectionName))). Drag to pan, wheel to zoom, hover for names, click to listen.</p>
        <div id="controls"><input id="search" type="search" placeholder="Search preset names" aria-label="Search preset names">
        <span id="layers"></span> <label>colour by <select id="colourBy"><option value="s">synth (paler: random, sweep)</option><option value="o">origin</option></select></label>
        <button id="reset">reset view</button></div></header>
        <main><div id="mapBox"><canvas id="map" width="900" height="640"></canvas><div id="tip" hidden></div></div>
        <aside><div id="info">Click a point to hear it.</div><ol id="matches"></ol></aside></main>
        <section id="tables">\(tables(data))</section>
        <pre id="selftest" hidden></pre>
        <script type="application/json" id="atlas-data">\(json)</script>
        <script type="application/json" id="atlas-audio">\(audio)</script>
        <script>\(script)</script>
        </body></html>

        """
        html += ""
        return html
    }

    /// The tables, as escaped HTML; rows with a preview get a play button carrying the point index.
    static func tables(_ data: ReportData) -> String {
        let indexByKey = data.indexByKey
        func playButton(_ key: String?) -> String {
            guard let key, let i = indexByKey[key], data.previews[i] != nil else { return "" }
            return "<button class=\"play\" data-point=\"\(i)\" title=\"play\">▶</button> "
        }
        func number(_ v: Double?) -> String { v.map { Escape.number($0, digits: 3) } ?? "–" }
        var h = "<h2>Presets against random settings</h2>"
        h += "<p>Precision: share of presets inside the random settings' manifold. Recall: share of random settings inside the presets' manifold. "
        h += "Density and coverage as Naeem et al. (2020), k = \(AnalysisStage.prdcNeighbours), in the full standardised embedding space. "
        h += "Occupancy: share of k-means cells (presets and random points together) that hold at least one point of each.</p>"
        h += "<table id=\"coverage\"><tr><th>synth · presets</th><th>presets</th><th>random</th><th>precision</th><th>recall</th><th>density</th><th>coverage</th><th>cells</th><th>occupied by presets</th><th>occupied by random</th></tr>"
        for scope in data.coverageScopes {
            let m = data.metrics[scope] ?? [:]
            h += "<tr><td>\(Escape.html(scope))</td>" + Summary.metricOrder.map { "<td>\(number(m[$0]))</td>" }.joined() + "</tr>"
        }
        h += "</table>"
        for synth in data.synths {
            h += "<h2>\(Escape.html(synth))</h2><div class=\"row\">"
            h += "<table><caption>Ten most original presets (distance to the nearest other preset)</caption><tr><th>#</th><th>preset</th><th>distance</th></tr>"
            for f in data.findings where f.kind == "original" && f.synth == synth {
                h += "<tr><td>\(f.rank)</td><td>\(playButton(f.patchKey))\(Escape.html(data.pointName(f.patchKey)))</td><td>\(number(f.value))</td></tr>"
            }
            h += "</table><table><caption>Largest empty regions (playable random settings furthest from any preset)</caption><tr><th>#</th><th>random point</th><th>distance</th></tr>"
            for f in data.findings where f.kind == "empty" && f.synth == synth {
                h += "<tr><td>\(f.rank)</td><td>\(playButton(f.patchKey))\(Escape.html(data.pointName(f.patchKey)))</td><td>\(number(f.value))</td></tr>"
            }
            h += "</table><table><caption>Knobs that move the sound furthest (spread of a one-knob sweep)</caption><tr><th>#</th><th>parameter</th><th>spread</th></tr>"
            for f in data.findings where f.kind == "knob" && f.synth == synth {
                h += "<tr><td>\(f.rank)</td><td>\(Escape.html(f.parameterID ?? ""))</td><td>\(number(f.value))</td></tr>"
            }
            h += "</table></div>"
        }
        if !data.skipped.isEmpty {
            h += "<h2>Skipped (too few points)</h2><ul>" + data.skipped.map { "<li>\(Escape.html($0))</li>" }.joined() + "</ul>"
        }
        if !data.badInputs.isEmpty || !data.renderErrors.isEmpty {
            h += "<h2>Problems</h2><table id=\"problems\"><tr><th>input</th><th>problem</th></tr>"
            for bad in data.badInputs { h += "<tr><td>\(Escape.html(bad.path))</td><td>\(Escape.html(bad.problem))</td></tr>" }
            for bad in data.renderErrors { h += "<tr><td>\(Escape.html(bad.name))</td><td>\(Escape.html(bad.problem))</td></tr>" }
            h += "</table>"
        }
        return h
    }

    static let css = """
    body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}header{padding:8px 16px;background:#f4f4f4}
    h1{font-size:20px;margin:0}header p{margin:4px 0}#controls{display:flex;gap:12px;flex-wrap:wrap;align-items:center}
    #layers label{margin-right:8px;white-space:nowrap}main{display:flex;gap:12px;padding:8px 16px}
    #mapBox{position:relative;flex:1;min-width:300px}canvas{width:100%;height:640px;border:1px solid #ccc;cursor:crosshair;display:block}
    #tip{position:absolute;pointer-events:none;background:rgba(255,255,255,.95);border:1px solid #999;padding:4px 6px;font-size:12px;max-width:320px}
    aside{width:260px}#matches{max-height:560px;overflow:auto;padding-left:20px}#matches li{cursor:pointer}
    #tables{padding:0 16px 24px}table{border-collapse:collapse;margin:8px 16px 8px 0}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
    caption{text-align:left;font-weight:600}.row{display:flex;flex-wrap:wrap;align-items:flex-start}button.play{padding:0 4px}
    """

    /// The page's behaviour. Plain JavaScript, no libraries. Points live in typed arrays; a uniform grid
    /// over the data finds the point under the cursor in O(points per cell); drawing batches points by
    /// colour so 50,000 points redraw in a few milliseconds.
    static let script = #"""
    "use strict";
    (function () {
      const errors = [];
      window.addEventListener("error", e => errors.push(String(e.message)));
      const origError = console.error;
      console.error = function (...a) { errors.push(a.map(String).join(" ")); origError.apply(console, a); };

      const D = JSON.parse(document.getElementById("atlas-data").textContent);
      const AUDIO = JSON.parse(document.getElementById("atlas-audio").textContent);
      const N = D.x.length;
      const X = Float32Array.from(D.x), Y = Float32Array.from(D.y);
      const S = Uint8Array.from(D.s), O = Uint8Array.from(D.o);
      const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
      const ORIGIN_COLOURS = {preset: "#D55E00", init: "#000000", random: "#56B4E9", sweep: "#009E73"};
      const SIZE = {preset: 4, init: 8, random: 2.5, sweep: 2.5};
      const ALPHA = {preset: 0.95, init: 1, random: 0.6, sweep: 0.6};
      const DRAW_ORDER = ["random", "sweep", "preset", "init"];
      // Colour by synth: the synth's colour, mixed with white for generated points (random palest).
      const TINT = {preset: 0, init: 0, random: 0.55, sweep: 0.35};
      function tint(hex, amount) {
        const c = [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16));
        return "rgb(" + c.map(v => Math.round(v + (255 - v) * amount)).join(",") + ")";
      }
      const canvas = document.getElementById("map"), ctx = canvas.getContext("2d");
      const tip = document.getElementById("tip"), info = document.getElementById("info");
      const visibleSynth = D.synths.map(() => true), visibleOrigin = D.origins.map(() => true);
      let highlight = null, player = null, lastPlayed = -1, colourBy = "s";

      // Data bounds -> unit square; the view maps the unit square to canvas pixels.
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (let i = 0; i < N; i++) { minX = Math.min(minX, X[i]); maxX = Math.max(maxX, X[i]); minY = Math.min(minY, Y[i]); maxY = Math.max(maxY, Y[i]); }
      const span = Math.max(maxX - minX, maxY - minY, 1e-9);
      const U = new Float32Array(N), V = new Float32Array(N);
      for (let i = 0; i < N; i++) { U[i] = (X[i] - minX) / span; V[i] = (maxY - Y[i]) / span; }
      let view = {scale: 1, dx: 0, dy: 0};

      // Points grouped by (origin, synth) once, so a redraw touches each point once with one fill per group.
      const GROUPS = [];
      for (let o = 0; o < D.origins.length; o++) for (let g = 0; g < D.synths.length; g++) GROUPS.push([]);
      for (let i = 0; i < N; i++) GROUPS[O[i] * D.synths.length + S[i]].push(i);
      for (let k = 0; k < GROUPS.length; k++) GROUPS[k] = Int32Array.from(GROUPS[k]);

      // Spatial grid over the unit square.
      const G = 128, grid = new Array(G * G);
      for (let c = 0; c < G * G; c++) grid[c] = [];
      for (let i = 0; i < N; i++) {
        const gx = Math.min(G - 1, Math.floor(U[i] * G)), gy = Math.min(G - 1, Math.floor(V[i] * G));
        grid[gy * G + gx].push(i);
      }

      function resize() {
        const r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
        canvas.width = Math.max(1, Math.round(r.width * dpr)); canvas.height = Math.max(1, Math.round(r.height * dpr));
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        resetView(false); draw();
      }
      // The first view frames the central 99 % of the points on each axis, so a few outliers do not
      // shrink the rest to a corner (they stay reachable by zooming out).
      function quantiles(values) {
        const sorted = Float32Array.from(values).sort(), at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
        return sorted.length ? [at(0.005), at(0.995)] : [0, 1];
      }
      const [u0, u1] = quantiles(U), [v0, v1] = quantiles(V);
      function resetView(redraw) {
        const r = canvas.getBoundingClientRect(), pad = 24;
        const scale = Math.max(1e-6, Math.min((r.width - 2 * pad) / Math.max(u1 - u0, 1e-6), (r.height - 2 * pad) / Math.max(v1 - v0, 1e-6)));
        view = {scale, dx: r.width / 2 - scale * (u0 + u1) / 2, dy: r.height / 2 - scale * (v0 + v1) / 2};
        if (redraw) draw();
      }
      const toScreenX = i => U[i] * view.scale + view.dx, toScreenY = i => V[i] * view.scale + view.dy;
      const visible = i => visibleSynth[S[i]] && visibleOrigin[O[i]];

      let pending = false;
      function draw() { if (!pending) { pending = true; requestAnimationFrame(paint); } }
      function paint() {
        pending = false;
        const r = canvas.getBoundingClientRect();
        ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, r.width, r.height);
        for (const originName of DRAW_ORDER) {
          const o = D.origins.indexOf(originName), size = SIZE[originName], half = size / 2;
          if (o < 0 || !visibleOrigin[o]) continue;
          ctx.globalAlpha = ALPHA[originName];
          for (let g = 0; g < D.synths.length; g++) {
            if (!visibleSynth[g]) continue;
            ctx.fillStyle = colourBy === "s" ? tint(PALETTE[g % PALETTE.length], TINT[originName]) : ORIGIN_COLOURS[originName];
            ctx.beginPath();
            const members = GROUPS[o * D.synths.length + g], sc = view.scale, dx = view.dx - half, dy = view.dy - half;
            const w = r.width + size, h = r.height + size;
            for (let m = 0; m < members.length; m++) {
              const i = members[m], x = U[i] * sc + dx, y = V[i] * sc + dy;
              if (x < -size || y < -size || x > w || y > h) continue;
              ctx.rect(x, y, size, size);
            }
            ctx.fill();
          }
        }
        ctx.globalAlpha = 1;
        if (highlight) {
          ctx.strokeStyle = "#d00"; ctx.lineWidth = 1.5; ctx.beginPath();
          for (const i of highlight) { if (visible(i)) { ctx.moveTo(toScreenX(i) + 6, toScreenY(i)); ctx.arc(toScreenX(i), toScreenY(i), 6, 0, 2 * Math.PI); } }
          ctx.stroke();
        }
        if (lastPlayed >= 0) { ctx.strokeStyle = "#000"; ctx.lineWidth = 2; ctx.beginPath(); ctx.arc(toScreenX(lastPlayed), toScreenY(lastPlayed), 9, 0, 2 * Math.PI); ctx.stroke(); }
      }

      // The visible point nearest to canvas position (px, py) within `radius` pixels, or -1.
      function pick(px, py, radius) {
        const u = (px - view.dx) / view.scale, v = (py - view.dy) / view.scale, reach = radius / view.scale;
        const g0x = Math.max(0, Math.floor((u - reach) * G)), g1x = Math.min(G - 1, Math.floor((u + reach) * G));
        const g0y = Math.max(0, Math.floor((v - reach) * G)), g1y = Math.min(G - 1, Math.floor((v + reach) * G));
        let best = -1, bestD = radius * radius;
        for (let gy = g0y; gy <= g1y; gy++) for (let gx = g0x; gx <= g1x; gx++) {
          for (const i of grid[gy * G + gx]) {
            if (!visible(i)) continue;
            const dx = toScreenX(i) - px, dy = toScreenY(i) - py, d = dx * dx + dy * dy;
            // Prefer presets and init patches over random points at equal distance.
            if (d < bestD || (d === bestD && best >= 0 && O[i] < O[best])) { best = i; bestD = d; }
          }
        }
        return best;
      }

      function describe(i) {
        const parts = [D.name[i], D.synths[S[i]] + " · " + D.origins[O[i]]];
        if (D.col[i]) parts.push(D.col[i]);
        if (D.src[i]) parts.push(D.src[i]);
        if (!(String(i) in AUDIO)) parts.push("(no preview)");
        return parts.join("\n");
      }

      function play(i) {
        lastPlayed = i;
        info.textContent = describe(i);
        draw();
        const b64 = AUDIO[String(i)];
        if (!b64) return Promise.resolve(false);
        if (player) player.pause();
        player = new Audio("data:audio/wav;base64," + b64);
        player.dataset.point = String(i);
        window.__atlasPlayer = player;
        window.__atlasPlayRejected = null;
        window.__atlasPlaying = player.play().then(() => true, err => {
          window.__atlasPlayRejected = err.name;
          info.textContent += "\n(audio blocked: " + err.name + ")";
          return false;
        });
        return window.__atlasPlaying;
      }

      // Pan, zoom, hover, click.
      let drag = null;
      canvas.addEventListener("mousedown", e => { drag = {x: e.offsetX, y: e.offsetY, dx: view.dx, dy: view.dy, moved: false}; });
      window.addEventListener("mouseup", () => { setTimeout(() => { drag = null; }, 0); });
      canvas.addEventListener("mousemove", e => {
        if (drag && (e.buttons & 1)) {
          const mx = e.offsetX - drag.x, my = e.offsetY - drag.y;
          if (Math.abs(mx) + Math.abs(my) > 3) drag.moved = true;
          view.dx = drag.dx + mx; view.dy = drag.dy + my; tip.hidden = true; draw(); return;
        }
        const i = pick(e.offsetX, e.offsetY, 8);
        if (i < 0) { tip.hidden = true; return; }
        tip.textContent = describe(i); tip.style.whiteSpace = "pre-line";
        tip.style.left = (e.offsetX + 12) + "px"; tip.style.top = (e.offsetY + 12) + "px"; tip.hidden = false;
      });
      canvas.addEventListener("mouseleave", () => { tip.hidden = true; });
      canvas.addEventListener("click", e => {
        if (drag && drag.moved) return;
        const i = pick(e.offsetX, e.offsetY, 10);
        if (i >= 0) play(i);
      });
      canvas.addEventListener("wheel", e => {
        e.preventDefault();
        const factor = Math.exp(-e.deltaY * 0.0015), u = (e.offsetX - view.dx) / view.scale, v = (e.offsetY - view.dy) / view.scale;
        view.scale *= factor; view.dx = e.offsetX - u * view.scale; view.dy = e.offsetY - v * view.scale; draw();
      }, {passive: false});
      document.getElementById("reset").addEventListener("click", () => resetView(true));
      document.getElementById("colourBy").addEventListener("change", e => { colourBy = e.target.value; draw(); });

      // Layer toggles: one per synth and one per origin.
      const layers = document.getElementById("layers");
      function toggle(label, colour, flags, k) {
        const l = document.createElement("label"), box = document.createElement("input");
        box.type = "checkbox"; box.checked = true; box.dataset.layer = label;
        box.addEventListener("change", () => { flags[k] = box.checked; draw(); });
        const swatch = document.createElement("span"); swatch.textContent = "■ "; swatch.style.color = colour;
        l.append(box, swatch, document.createTextNode(label)); layers.append(l);
      }
      D.synths.forEach((s, k) => toggle(s, PALETTE[k % PALETTE.length], visibleSynth, k));
      D.origins.forEach((o, k) => toggle(o, ORIGIN_COLOURS[o], visibleOrigin, k));

      // Search by name: highlight every match, list the first 100.
      const matches = document.getElementById("matches");
      document.getElementById("search").addEventListener("input", e => {
        const q = e.target.value.trim().toLowerCase();
        matches.textContent = "";
        if (!q) { highlight = null; draw(); return; }
        highlight = [];
        for (let i = 0; i < N; i++) if (D.name[i].toLowerCase().includes(q)) highlight.push(i);
        for (const i of highlight.slice(0, 100)) {
          const li = document.createElement("li"); li.textContent = D.name[i] + " (" + D.synths[S[i]] + ")";
          li.addEventListener("click", () => play(i)); matches.append(li);
        }
        draw();
      });
      for (const b of document.querySelectorAll("button.play")) b.addEventListener("click", () => play(Number(b.dataset.point)));

      window.addEventListener("resize", resize);
      resize();

      // Self-test for the browser test (index.html#selftest): clicks the first preset with a preview
      // through a real mouse event and writes what it saw into #selftest.
      window.__atlas = {pointCount: N, play, pick, toScreenX, toScreenY};
      if (location.hash === "#selftest") {
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
          const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let inked = 0;
          for (let p = 0; p < pixels.length; p += 4) if (pixels[p] < 250 || pixels[p + 1] < 250 || pixels[p + 2] < 250) inked++;
          let target = -1;
          for (let i = 0; i < N && target < 0; i++) if (D.origins[O[i]] === "preset" && String(i) in AUDIO) target = i;
          if (target < 0) for (let i = 0; i < N && target < 0; i++) if (String(i) in AUDIO) target = i;
          // Redraw cost at the default view (the benchmark scripts/bench-map.py reads it).
          const t0 = performance.now();
          for (let k = 0; k < 5; k++) paint();
          const paintMs = (performance.now() - t0) / 5;
          const hoverStart = performance.now();
          for (let k = 0; k < 1000; k++) pick(r.width * ((k * 37) % 100) / 100, r.height * ((k * 61) % 100) / 100, 8);
          const pickMs = (performance.now() - hoverStart) / 1000;
          // Search: typing part of the first preset's name highlights and lists it.
          const search = document.getElementById("search");
          search.value = target >= 0 ? D.name[target].slice(0, 6) : "";
          search.dispatchEvent(new Event("input"));
          const searchMatches = highlight ? highlight.length : 0, listed = matches.children.length;
          search.value = ""; search.dispatchEvent(new Event("input"));
          const finish = played => {
            const out = document.getElementById("selftest");
            out.textContent = JSON.stringify({
              points: N, inkedPixels: inked, paintMs, pickMs, searchMatches, listed, canvasPixels: canvas.width * canvas.height,
              clicked: target, clickedName: target >= 0 ? D.name[target] : null,
              playing: !!(window.__atlasPlayer && !window.__atlasPlayer.paused && window.__atlasPlayer.dataset.point === String(target)),
              playResolved: played, playRejected: window.__atlasPlayRejected || null, errors
            });
            out.hidden = false;
          };
          if (target < 0) { finish(false); return; }
          // Centre the target and click on it as a user would.
          // Zoomed far in first, so neighbours in a dense region do not sit under the same pixel.
          view.scale *= 1000;
          view.dx += r.width / 2 - toScreenX(target); view.dy += r.height / 2 - toScreenY(target); paint();
          const ev = new MouseEvent("click", {bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2});
          canvas.dispatchEvent(ev);
          // Report after playback started, or after 5 s (a play() that never settles is a failure, not a hang).
          let reported = false;
          const once = ok => { if (!reported) { reported = true; finish(ok); } };
          (window.__atlasPlaying || Promise.resolve(false)).then(ok => setTimeout(() => once(ok), 200));
          setTimeout(() => once(false), 5000);
        }));
      }
    })();
    """#
}
