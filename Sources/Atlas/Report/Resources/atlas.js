// The atlas page's behaviour (plain JavaScript, no libraries, no build step). Data: window.ATLAS_DATA from
// data.js (binary columns in base64). Sounds: previews/<n>.ogg, fetched only when a point is clicked.
//
// The default view is the comparison the atlas exists for: the random settings as a density (where a
// synth can sound), its presets drawn over it, the init patch as its own marker. Sweeps start hidden,
// silent renders are hidden and counted, points at identical positions are drawn once with a count.
"use strict";
(function () {
  const errors = [];
  window.addEventListener("error", e => errors.push(String(e.message)));
  const origError = console.error;
  console.error = function (...a) { errors.push(a.map(String).join(" ")); origError.apply(console, a); };
  const $ = id => document.getElementById(id);
  const loading = $("loading");
  const D = window.ATLAS_DATA;
  // Where the first paint's time goes (scripts/bench-map.py prints it): [step, performance.now()] pairs.
  const MARKS = [["data.js loaded", performance.now()]];
  if (!D) { loading.textContent = "Could not load data.js (it must sit beside index.html)."; return; }

  // ---- Columns -------------------------------------------------------------------------------------
  function bytes(b64) { const s = atob(b64), out = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i); return out; }
  MARKS.push(["setup", performance.now()]);
  const N = D.count;
  const XQ = new Uint16Array(bytes(D.x).buffer), YQ = new Uint16Array(bytes(D.y).buffer);
  const S = bytes(D.synth), O = bytes(D.origin), F = bytes(D.flags);
  const SRC = new Uint16Array(bytes(D.source).buffer);
  const NAMES = D.names.split("\n");
  // Names data.js leaves out (empty) are the generated ones, rebuilt from the points' order exactly as
  // the report made them (see GeneratedNames in PointData.swift).
  {
    const randomSeen = new Int32Array(256), sweepSeen = new Map(), sweepTotal = new Map(), sweepKey = i => S[i] * 65536 + SRC[i];
    const random = D.origins.indexOf("random"), sweep = D.origins.indexOf("sweep");
    for (let i = 0; i < N; i++) if (O[i] === sweep) { const g = sweepKey(i); sweepTotal.set(g, (sweepTotal.get(g) || 0) + 1); }
    for (let i = 0; i < N; i++) {
      if (O[i] === random) { const k = randomSeen[S[i]]++; if (!NAMES[i]) NAMES[i] = D.sampler + " " + k; }
      else if (O[i] === sweep) { const g = sweepKey(i), k = sweepSeen.get(g) || 0; sweepSeen.set(g, k + 1); if (!NAMES[i]) NAMES[i] = D.sweeps[SRC[i]] + " " + (k + 1) + "/" + sweepTotal.get(g); }
    }
  }
  // Descriptor columns (0 = missing, 1...255 over the descriptor's range).
  const DESCRIPTORS = (D.descriptors || []).map((d, k) => Object.assign({values: bytes(D["d" + k])}, d));
  const CLUSTERS = D.clusters || [], CLUSTER = D.cluster ? bytes(D.cluster) : null;
  const descriptorValue = (k, i) => { const q = DESCRIPTORS[k].values[i], d = DESCRIPTORS[k]; return q ? d.min + (q - 1) / 254 * (d.max - d.min) : NaN; };
  const FLAG_OGG = 1, FLAG_WAV = 2, FLAG_SILENT = 4;
  const ORIGIN = {}; D.origins.forEach((o, k) => { ORIGIN[o] = k; });
  const [bx0, bx1, by0, by1] = D.bounds;
  // Data -> unit square (aspect kept); the view maps the unit square to canvas pixels.
  const spanX = bx1 - bx0, spanY = by1 - by0, span = Math.max(spanX, spanY, 1e-9);
  const U = new Float32Array(N), V = new Float32Array(N);
  for (let i = 0; i < N; i++) { U[i] = XQ[i] / 65535 * spanX / span; V[i] = (1 - YQ[i] / 65535) * spanY / span; }

  MARKS.push(["columns and names", performance.now()]);
  // Points at the same position and of the same origin are drawn once; REP[i] is the group's first point.
  // Found in O(N): a two-pass radix sort of the positions (y, then x; stable, so each run of equal
  // positions keeps its points in index order), then one scan of the runs.
  const REP = new Int32Array(N), COUNT = new Uint32Array(N);
  {
    const byY = new Int32Array(N), byXY = new Int32Array(N), counts = new Uint32Array(65537);
    for (let i = 0; i < N; i++) counts[YQ[i] + 1]++;
    for (let k = 1; k <= 65536; k++) counts[k] += counts[k - 1];
    for (let i = 0; i < N; i++) byY[counts[YQ[i]]++] = i;
    counts.fill(0);
    for (let i = 0; i < N; i++) counts[XQ[i] + 1]++;
    for (let k = 1; k <= 65536; k++) counts[k] += counts[k - 1];
    for (let k = 0; k < N; k++) { const i = byY[k]; byXY[counts[XQ[i]]++] = i; }
    const first = new Int32Array(256);
    for (let a = 0; a < N;) {
      const x = XQ[byXY[a]], y = YQ[byXY[a]];
      let b = a;
      while (b < N && XQ[byXY[b]] === x && YQ[byXY[b]] === y) b++;
      for (let k = a; k < b; k++) first[O[byXY[k]]] = -1;
      for (let k = a; k < b; k++) {
        const i = byXY[k], o = O[i];
        if (first[o] < 0) { first[o] = i; REP[i] = i; COUNT[i] = 1; } else { REP[i] = first[o]; COUNT[first[o]]++; }
      }
      a = b;
    }
  }
  // Every point at the same position as point i, whatever its origin (a sweep step on the init patch).
  const samePlace = i => { const out = []; for (let j = 0; j < N && out.length < 500; j++) if (XQ[j] === XQ[i] && YQ[j] === YQ[i]) out.push(j); return out; };

  // Each cluster's label sits at the mean map position of its members.
  const clusterCentre = CLUSTERS.map(() => [0, 0, 0]);
  if (CLUSTER) for (let i = 0; i < N; i++) { const c = CLUSTER[i]; if (c) { const m = clusterCentre[c - 1]; m[0] += U[i]; m[1] += V[i]; m[2]++; } }
  let showClusters = false;

  MARKS.push(["duplicates and clusters", performance.now()]);
  let silentCount = 0;
  for (let i = 0; i < N; i++) if (F[i] & FLAG_SILENT) silentCount++;

  // ---- State ---------------------------------------------------------------------------------------
  const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
  const ORIGIN_COLOURS = {preset: "#D55E00", init: "#000000", random: "#56B4E9", sweep: "#009E73", explored: "#CC79A7"};
  const SIZE = {preset: 4, init: 8, random: 2.5, sweep: 2.5, explored: 6};
  const ALPHA = {preset: 0.95, init: 1, random: 0.6, sweep: 0.6, explored: 1};
  const DRAW_ORDER = ["random", "sweep", "preset", "explored", "init"];
  const TINT = {preset: 0, init: 0, random: 0.55, sweep: 0.35, explored: 0};
  const DENSITY_RGB = [0, 114, 178], DENSITY_CELL = 4;
  function tint(hex, amount) {
    const c = [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16));
    return "rgb(" + c.map(v => Math.round(v + (255 - v) * amount)).join(",") + ")";
  }
  const canvas = $("map"), ctx = canvas.getContext("2d");
  const tip = $("tip"), info = $("info");
  const visibleSynth = D.synths.map(() => true), visibleOrigin = D.origins.map(o => o !== "sweep");
  let showSilent = false, highlight = null, player = null, lastPlayed = -1, colourBy = "compare";
  let view = {scale: 1, dx: 0, dy: 0}, defaultScale = 1;

  MARKS.push(["silent count and state", performance.now()]);
  const GROUPS = [];
  for (let o = 0; o < D.origins.length; o++) for (let g = 0; g < D.synths.length; g++) GROUPS.push([]);
  for (let i = 0; i < N; i++) if (REP[i] === i) GROUPS[O[i] * D.synths.length + S[i]].push(i);
  for (let k = 0; k < GROUPS.length; k++) GROUPS[k] = Int32Array.from(GROUPS[k]);

  MARKS.push(["groups", performance.now()]);
  // Spatial grid over the unit square, group representatives only.
  const G = 128, grid = new Array(G * G);
  for (let c = 0; c < G * G; c++) grid[c] = [];
  for (let i = 0; i < N; i++) {
    if (REP[i] !== i) continue;
    const gx = Math.min(G - 1, Math.floor(U[i] * G)), gy = Math.min(G - 1, Math.floor(V[i] * G));
    grid[gy * G + gx].push(i);
  }

  // A descriptor range filter: {k, lo, hi} over the quantised values (1...255), or null.
  let filter = null;
  const hidden = i => (!showSilent && (F[i] & FLAG_SILENT)) || (filter !== null && !(DESCRIPTORS[filter.k].values[i] >= filter.lo && DESCRIPTORS[filter.k].values[i] <= filter.hi));
  const visible = i => visibleSynth[S[i]] && visibleOrigin[O[i]] && !hidden(i);
  const toScreenX = i => U[i] * view.scale + view.dx, toScreenY = i => V[i] * view.scale + view.dy;

  // ---- View ----------------------------------------------------------------------------------------
  function resize() {
    const r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(r.width * dpr)); canvas.height = Math.max(1, Math.round(r.height * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (GLR && GLR.resize) GLR.resize(canvas.clientWidth, canvas.clientHeight, dpr);
    resetView(false); draw();
  }
  // The first view frames the central 99 % of the audible points on each axis, so a few outliers do not
  // shrink the rest to a corner (they stay reachable by zooming out).
  function quantiles(column) {
    let n = 0;
    const sorted = new Float32Array(N);
    for (let i = 0; i < N; i++) if (!(F[i] & FLAG_SILENT)) sorted[n++] = column[i];
    const part = sorted.subarray(0, n).sort(), at = q => part[Math.min(n - 1, Math.floor(q * n))];
    return n ? [at(0.005), at(0.995)] : [0, 1];
  }
  MARKS.push(["grid", performance.now()]);
  const [u0, u1] = quantiles(U), [v0, v1] = quantiles(V);
  function resetView(redraw) {
    const r = canvas.getBoundingClientRect(), pad = 24;
    const scale = Math.max(1e-6, Math.min((r.width - 2 * pad) / Math.max(u1 - u0, 1e-6), (r.height - 2 * pad) / Math.max(v1 - v0, 1e-6)));
    view = {scale, dx: r.width / 2 - scale * (u0 + u1) / 2, dy: r.height / 2 - scale * (v0 + v1) / 2};
    defaultScale = scale;
    if (redraw) draw();
  }

  // ---- Drawing -------------------------------------------------------------------------------------
  let pending = false;
  function draw() { if (!pending) { pending = true; requestAnimationFrame(paint); } saveState(); }

  // The random settings' density: counts per DENSITY_CELL-pixel cell, shaded on a log scale.
  const densityCanvas = document.createElement("canvas"), densityCtx = densityCanvas.getContext("2d");
  function paintDensity(width, height) {
    const gw = Math.ceil(width / DENSITY_CELL), gh = Math.ceil(height / DENSITY_CELL), counts = new Float32Array(gw * gh);
    const o = ORIGIN.random;
    let max = 0;
    for (let g = 0; g < D.synths.length; g++) {
      if (!visibleSynth[g]) continue;
      const members = GROUPS[o * D.synths.length + g];
      for (let m = 0; m < members.length; m++) {
        const i = members[m];
        if (hidden(i)) continue;
        const cx = Math.floor(toScreenX(i) / DENSITY_CELL), cy = Math.floor(toScreenY(i) / DENSITY_CELL);
        if (cx < 0 || cy < 0 || cx >= gw || cy >= gh) continue;
        const c = (counts[cy * gw + cx] += COUNT[i]);
        if (c > max) max = c;
      }
    }
    if (!max) return;
    blur(counts, gw, gh, 2); blur(counts, gw, gh, 2);
    max = 0; for (let c = 0; c < counts.length; c++) if (counts[c] > max) max = counts[c];
    densityCanvas.width = gw; densityCanvas.height = gh;
    const image = densityCtx.createImageData(gw, gh), px = image.data, norm = 1 / Math.log(1 + max);
    for (let c = 0; c < counts.length; c++) {
      if (counts[c] < 1e-3 * max) continue;
      px[c * 4] = DENSITY_RGB[0]; px[c * 4 + 1] = DENSITY_RGB[1]; px[c * 4 + 2] = DENSITY_RGB[2];
      px[c * 4 + 3] = Math.round(255 * (0.08 + 0.62 * Math.log(1 + counts[c]) * norm));
    }
    densityCtx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(densityCanvas, 0, 0, gw * DENSITY_CELL, gh * DENSITY_CELL);
  }

  // Box blur of radius r cells, rows then columns (twice over: close to a Gaussian), so the density reads
  // as regions rather than as the points themselves.
  function blur(a, w, h, r) {
    const line = new Float32Array(Math.max(w, h)), k = 1 / (2 * r + 1);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) line[x] = a[y * w + x];
      let sum = 0; for (let x = -r; x <= r; x++) sum += x >= 0 && x < w ? line[x] : 0;
      for (let x = 0; x < w; x++) { a[y * w + x] = sum * k; const add = x + r + 1, drop = x - r; sum += (add < w ? line[add] : 0) - (drop >= 0 ? line[drop] : 0); }
    }
    for (let x = 0; x < w; x++) {
      for (let y = 0; y < h; y++) line[y] = a[y * w + x];
      let sum = 0; for (let y = -r; y <= r; y++) sum += y >= 0 && y < h ? line[y] : 0;
      for (let y = 0; y < h; y++) { a[y * w + x] = sum * k; const add = y + r + 1, drop = y - r; sum += (add < h ? line[add] : 0) - (drop >= 0 ? line[drop] : 0); }
    }
  }

  function paintPoints(originName, width, height) {
    const o = ORIGIN[originName], size = SIZE[originName], half = size / 2;
    if (o === undefined || !visibleOrigin[o]) return;
    ctx.globalAlpha = ALPHA[originName];
    for (let g = 0; g < D.synths.length; g++) {
      if (!visibleSynth[g]) continue;
      ctx.fillStyle = colourBy === "s" ? tint(PALETTE[g % PALETTE.length], TINT[originName]) : ORIGIN_COLOURS[originName];
      ctx.beginPath();
      const members = GROUPS[o * D.synths.length + g], sc = view.scale, dx = view.dx - half, dy = view.dy - half;
      const w = width + size, h = height + size;
      for (let m = 0; m < members.length; m++) {
        const i = members[m];
        if (hidden(i)) continue;
        const x = U[i] * sc + dx, y = V[i] * sc + dy;
        if (x < -size || y < -size || x > w || y > h) continue;
        ctx.rect(x, y, size, size);
      }
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  // The init patch: a ringed diamond, unmistakable over the density.
  const INITS = []; for (let i = 0; i < N; i++) if (O[i] === ORIGIN.init && REP[i] === i) INITS.push(i);
  function paintInit() {
    const o = ORIGIN.init;
    if (o === undefined || !visibleOrigin[o]) return;
    for (const i of INITS) {
      if (!visible(i)) continue;
      const x = toScreenX(i), y = toScreenY(i), r = 7;
      ctx.beginPath(); ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath();
      ctx.fillStyle = "#000"; ctx.fill(); ctx.strokeStyle = "#fff"; ctx.lineWidth = 2; ctx.stroke();
    }
  }

  // Colour by a descriptor: 16 colour bins (dark blue low ... yellow high), one path each.
  const RAMP = Array.from({length: 16}, (_, b) => {
    const t = b / 15, c = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
    const p = t * 4, k = Math.min(3, Math.floor(p)), f = p - k;
    return "rgb(" + [0, 1, 2].map(j => Math.round(c[k][j] + (c[k + 1][j] - c[k][j]) * f)).join(",") + ")";
  });
  function paintByDescriptor(k, width, height) {
    const values = DESCRIPTORS[k].values, bins = RAMP.map(() => []);
    for (const originName of DRAW_ORDER) {
      const o = ORIGIN[originName];
      if (o === undefined || !visibleOrigin[o]) continue;
      for (let g = 0; g < D.synths.length; g++) {
        if (!visibleSynth[g]) continue;
        for (const i of GROUPS[o * D.synths.length + g]) {
          if (hidden(i) || !values[i]) continue;
          const x = toScreenX(i), y = toScreenY(i);
          if (x < -4 || y < -4 || x > width + 4 || y > height + 4) continue;
          bins[Math.min(15, (values[i] - 1) >> 4)].push(i);
        }
      }
    }
    bins.forEach((members, b) => {
      ctx.fillStyle = RAMP[b]; ctx.beginPath();
      for (const i of members) { const size = O[i] === ORIGIN.preset || O[i] === ORIGIN.init ? 4 : 3; ctx.rect(toScreenX(i) - size / 2, toScreenY(i) - size / 2, size, size); }
      ctx.fill();
    });
  }

  const CLUSTER_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999", "#882255", "#44AA99", "#117733"];
  function paintByCluster(width, height) {
    const bins = CLUSTER_COLOURS.map(() => []);
    for (let i = 0; i < N; i++) {
      if (REP[i] !== i || !visible(i) || !CLUSTER[i]) continue;
      const x = toScreenX(i), y = toScreenY(i);
      if (x < -4 || y < -4 || x > width + 4 || y > height + 4) continue;
      bins[(CLUSTER[i] - 1) % bins.length].push(i);
    }
    bins.forEach((members, b) => {
      ctx.fillStyle = CLUSTER_COLOURS[b]; ctx.beginPath();
      for (const i of members) ctx.rect(toScreenX(i) - 1.5, toScreenY(i) - 1.5, 3, 3);
      ctx.fill();
    });
  }
  function paintClusterLabels() {
    ctx.font = "12px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.lineJoin = "round";
    CLUSTERS.forEach((c, k) => {
      const [su, sv, n] = clusterCentre[k];
      if (!n || !visibleSynth[D.synths.indexOf(c.synth)]) return;
      const x = su / n * view.scale + view.dx, y = sv / n * view.scale + view.dy;
      ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.lineWidth = 4; ctx.strokeText(c.label, x, y);
      ctx.fillStyle = "#222"; ctx.fillText(c.label, x, y);
    });
  }


  // ---- WebGL2 points for large maps ------------------------------------------------------------------
  // From 200,000 points (or with #gl=1) the points are drawn by WebGL2 on a canvas laid over the map: one
  // draw call, visibility and colour decided in the vertex shader from per-point bytes, so a redraw costs
  // the same whatever is shown. The density, init marker, labels and selection stay on the 2-D canvas.
  function createGL() {
    const wanted = N >= 200000 || new URLSearchParams(location.hash.slice(1)).get("renderer") === "gl";
    if (!wanted) return null;
    const glCanvas = document.createElement("canvas");
    glCanvas.id = "glmap"; glCanvas.setAttribute("aria-hidden", "true");
    const gl = glCanvas.getContext("webgl2", {antialias: false, premultipliedAlpha: false});
    if (!gl) return null;
    canvas.parentNode.insertBefore(glCanvas, canvas.nextSibling);
    const vs = `#version 300 es
      in vec2 a_pos; in uvec4 a_attr;
      uniform vec2 u_view, u_offset, u_size; uniform float u_dpr;
      uniform uint u_originMask, u_synthMask, u_showSilent; uniform int u_mode;
      uniform vec4 u_originColour[5]; uniform float u_originSize[5]; uniform vec4 u_palette[16];
      out vec4 v_colour;
      void main() {
        uint o = a_attr.x, s = a_attr.y, f = a_attr.z, val = a_attr.w;
        bool shown = ((u_originMask >> o) & 1u) == 1u && ((u_synthMask >> min(s, 31u)) & 1u) == 1u && (u_showSilent == 1u || (f & 4u) == 0u) && (f & 8u) == 0u;
        if (u_mode >= 2) shown = shown && val > 0u;
        if (!shown) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; return; }
        vec2 px = a_pos * u_view + u_offset;
        gl_Position = vec4(px.x / u_size.x * 2.0 - 1.0, 1.0 - px.y / u_size.y * 2.0, 0.0, 1.0);
        gl_PointSize = u_originSize[o] * u_dpr;
        if (u_mode == 0) v_colour = u_originColour[o];
        else if (u_mode == 1) { vec4 c = u_palette[s % 8u]; float t = o >= 2u ? 0.45 : 0.0; v_colour = vec4(mix(c.rgb, vec3(1.0), t), c.a); }
        else if (u_mode == 2) v_colour = u_palette[min(15u, (val - 1u) >> 4)];
        else v_colour = u_palette[(val - 1u) % 12u];
      }`;
    const fs = `#version 300 es
      precision mediump float; in vec4 v_colour; out vec4 colour;
      void main() { colour = v_colour; }`;
    function shader(type, source) {
      const sh = gl.createShader(type); gl.shaderSource(sh, source); gl.compileShader(sh);
      if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(sh));
      return sh;
    }
    const program = gl.createProgram();
    gl.attachShader(program, shader(gl.VERTEX_SHADER, vs)); gl.attachShader(program, shader(gl.FRAGMENT_SHADER, fs));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program));
    gl.useProgram(program);
    // Group representatives in draw order (random, sweep, preset, init): later ones on top.
    const order = [];
    for (const name of DRAW_ORDER) { const o = ORIGIN[name]; if (o !== undefined) for (let i = 0; i < N; i++) if (O[i] === o && REP[i] === i) order.push(i); }
    const count = order.length, pos = new Float32Array(count * 2), attr = new Uint8Array(count * 4);
    order.forEach((i, k) => { pos[2 * k] = U[i]; pos[2 * k + 1] = V[i]; attr[4 * k] = O[i]; attr[4 * k + 1] = S[i]; attr[4 * k + 2] = F[i]; });
    const vao = gl.createVertexArray(); gl.bindVertexArray(vao);
    const posBuffer = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, posBuffer); gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
    const aPos = gl.getAttribLocation(program, "a_pos"); gl.enableVertexAttribArray(aPos); gl.vertexAttribPointer(aPos, 2, gl.FLOAT, false, 0, 0);
    const attrBuffer = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, attrBuffer); gl.bufferData(gl.ARRAY_BUFFER, attr, gl.DYNAMIC_DRAW);
    const aAttr = gl.getAttribLocation(program, "a_attr"); gl.enableVertexAttribArray(aAttr); gl.vertexAttribIPointer(aAttr, 4, gl.UNSIGNED_BYTE, 0, 0);
    const u = name => gl.getUniformLocation(program, name);
    const rgba = hex => [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16) / 255);
    let valueColumn = null, appliedFilter = "";
    gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
    return {
      canvas: glCanvas,
      resize(width, height, dpr) {
        glCanvas.width = Math.round(width * dpr); glCanvas.height = Math.round(height * dpr);
        glCanvas.style.width = width + "px"; glCanvas.style.height = height + "px";
      },
      // Draws the points for the current view, colouring and filters.
      draw(width, height, dpr) {
        const mode = colourBy === "s" ? 1 : colourBy === "cluster" ? 3 : colourBy.startsWith("d") ? 2 : 0;
        const column = mode === 2 ? DESCRIPTORS[Number(colourBy.slice(1))].values : mode === 3 ? CLUSTER : null;
        const filterKey = filter ? filter.k + "," + filter.lo + "," + filter.hi : "";
        if (filterKey !== appliedFilter) {
          appliedFilter = filterKey;
          order.forEach((i, k) => { attr[4 * k + 2] = F[i] | (filter && hidden(i) && !(F[i] & FLAG_SILENT) ? 8 : 0); });
          gl.bindBuffer(gl.ARRAY_BUFFER, attrBuffer); gl.bufferSubData(gl.ARRAY_BUFFER, 0, attr);
        }
        if (column !== valueColumn) {
          valueColumn = column;
          order.forEach((i, k) => { attr[4 * k + 3] = column ? column[i] : 0; });
          gl.bindBuffer(gl.ARRAY_BUFFER, attrBuffer); gl.bufferSubData(gl.ARRAY_BUFFER, 0, attr);
        }
        gl.viewport(0, 0, glCanvas.width, glCanvas.height);
        gl.clearColor(0, 0, 0, 0); gl.clear(gl.COLOR_BUFFER_BIT);
        let originMask = 0, synthMask = 0;
        D.origins.forEach((name, o) => { if (visibleOrigin[o] && !(mode === 0 && name === "random" && colourBy === "compare") && name !== "init") originMask |= 1 << o; });
        D.synths.forEach((name, k) => { if (visibleSynth[k] && k < 31) synthMask |= 1 << k; });
        gl.uniform2f(u("u_view"), view.scale, view.scale); gl.uniform2f(u("u_offset"), view.dx, view.dy);
        gl.uniform2f(u("u_size"), width, height); gl.uniform1f(u("u_dpr"), dpr);
        gl.uniform1ui(u("u_originMask"), originMask >>> 0); gl.uniform1ui(u("u_synthMask"), synthMask >>> 0);
        gl.uniform1ui(u("u_showSilent"), showSilent ? 1 : 0); gl.uniform1i(u("u_mode"), mode);
        const colours = [], sizes = [];
        for (let o = 0; o < 5; o++) { const name = D.origins[o] || "random"; colours.push(...rgba(ORIGIN_COLOURS[name] || "#000000"), ALPHA[name] || 1); sizes.push(SIZE[name] || 2); }
        gl.uniform4fv(u("u_originColour"), colours); gl.uniform1fv(u("u_originSize"), sizes);
        const palette = mode === 2 ? RAMP.map(c => c.match(/\d+/g).map(v => v / 255).concat(1)) : (mode === 3 ? CLUSTER_COLOURS : PALETTE).map(h => rgba(h).concat(1));
        while (palette.length < 16) palette.push([0, 0, 0, 1]);
        gl.uniform4fv(u("u_palette"), palette.slice(0, 16).flat());
        gl.drawArrays(gl.POINTS, 0, count);
      },
      // Waits until the points are on the canvas (the benchmark times whole redraws, not command queuing).
      finish() { const px = new Uint8Array(4); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); },
    };
  }
  // The same job on the CPU: each point written as a small opaque square straight into an image buffer
  // (one 32-bit store per pixel, no path building), composited over the density. Without a GPU (software
  // WebGL) this is the faster of the two for a million points; #renderer=gl|pixels chooses.
  function createPixels() {
    const order = [];
    for (const name of DRAW_ORDER) { const o = ORIGIN[name]; if (o !== undefined) for (let i = 0; i < N; i++) if (O[i] === o && REP[i] === i) order.push(i); }
    const idx = Int32Array.from(order), layer = document.createElement("canvas"), lctx = layer.getContext("2d");
    let image = null, pixels = null;
    const abgr = hex => { const c = [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16)); return (255 << 24 | c[2] << 16 | c[1] << 8 | c[0]) >>> 0; };
    const rampABGR = RAMP.map(c => { const v = c.match(/\d+/g).map(Number); return (255 << 24 | v[2] << 16 | v[1] << 8 | v[0]) >>> 0; });
    return {
      draw(width, height) {
        const w = Math.max(1, Math.round(width)), h = Math.max(1, Math.round(height));
        if (!image || image.width !== w || image.height !== h) { layer.width = w; layer.height = h; image = lctx.createImageData(w, h); pixels = new Uint32Array(image.data.buffer); }
        pixels.fill(0);
        const mode = colourBy === "s" ? 1 : colourBy === "cluster" ? 3 : colourBy.startsWith("d") ? 2 : 0;
        const column = mode === 2 ? DESCRIPTORS[Number(colourBy.slice(1))].values : mode === 3 ? CLUSTER : null;
        const originColour = D.origins.map(o => abgr(ORIGIN_COLOURS[o] || "#000000")), size = D.origins.map(o => Math.max(2, Math.round(SIZE[o] || 2)));
        const synthColour = D.synths.map((_, k) => abgr(PALETTE[k % PALETTE.length])), clusterColour = CLUSTER_COLOURS.map(abgr);
        const shownOrigin = D.origins.map((name, o) => visibleOrigin[o] && name !== "init" && !(colourBy === "compare" && name === "random"));
        const sc = view.scale, dx = view.dx, dy = view.dy;
        for (let k = 0; k < idx.length; k++) {
          const i = idx[k], o = O[i];
          if (!shownOrigin[o] || !visibleSynth[S[i]] || hidden(i)) continue;
          let colour = originColour[o];
          if (mode === 1) colour = synthColour[S[i]];
          else if (mode >= 2) { const v = column[i]; if (!v) continue; colour = mode === 2 ? rampABGR[Math.min(15, (v - 1) >> 4)] : clusterColour[(v - 1) % clusterColour.length]; }
          const n = size[o], x0 = Math.round(U[i] * sc + dx - n / 2), y0 = Math.round(V[i] * sc + dy - n / 2);
          if (x0 < 0 || y0 < 0 || x0 + n > w || y0 + n > h) continue;
          for (let y = y0; y < y0 + n; y++) { const row = y * w; for (let x = x0; x < x0 + n; x++) pixels[row + x] = colour; }
        }
        lctx.putImageData(image, 0, 0);
        ctx.drawImage(layer, 0, 0, width, height);
      },
      finish() {},
    };
  }

  MARKS.push(["view and drawing code", performance.now()]);
  let GLR = null;
  const RENDERER = new URLSearchParams(location.hash.slice(1)).get("renderer");
  if (RENDERER === "pixels" || (N >= 200000 && RENDERER !== "gl")) GLR = createPixels();
  else try { GLR = createGL(); } catch (e) { console.warn("WebGL2 unavailable, drawing with canvas 2D: " + e.message); GLR = null; }

  function paint() {
    pending = false;
    const r = canvas.getBoundingClientRect();
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, r.width, r.height);
    if (GLR) {
      if (colourBy === "compare" && visibleOrigin[ORIGIN.random]) paintDensity(r.width, r.height);
      GLR.draw(canvas.clientWidth, canvas.clientHeight, window.devicePixelRatio || 1);
      paintInit();
    } else if (colourBy === "compare") {
      if (visibleOrigin[ORIGIN.random]) paintDensity(r.width, r.height);
      paintPoints("sweep", r.width, r.height);
      paintPoints("preset", r.width, r.height);
      paintInit();
    } else if (colourBy === "cluster") {
      paintByCluster(r.width, r.height);
    } else if (colourBy.startsWith("d")) {
      paintByDescriptor(Number(colourBy.slice(1)), r.width, r.height);
    } else {
      for (const originName of DRAW_ORDER) paintPoints(originName, r.width, r.height);
    }
    if (highlight) {
      ctx.strokeStyle = "#d00"; ctx.lineWidth = 1.5; ctx.beginPath();
      for (const i of highlight) { if (visible(i)) { ctx.moveTo(toScreenX(i) + 6, toScreenY(i)); ctx.arc(toScreenX(i), toScreenY(i), 6, 0, 2 * Math.PI); } }
      ctx.stroke();
    }
    if (showClusters) paintClusterLabels();
    for (const poly of [lassoPath, selectionPolygon]) {
      if (!poly || poly.length < 2) continue;
      ctx.strokeStyle = "#333"; ctx.lineWidth = 1.5; ctx.setLineDash([5, 4]); ctx.beginPath();
      poly.forEach(([u, v], k) => { const x = u * view.scale + view.dx, y = v * view.scale + view.dy; if (k) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
      if (poly === selectionPolygon) ctx.closePath();
      ctx.stroke(); ctx.setLineDash([]);
    }
    if (lastPlayed >= 0) { ctx.strokeStyle = "#000"; ctx.lineWidth = 2; ctx.beginPath(); ctx.arc(toScreenX(lastPlayed), toScreenY(lastPlayed), 9, 0, 2 * Math.PI); ctx.stroke(); }
  }

  // The visible group representative nearest to canvas position (px, py) within `radius` pixels, or -1.
  function pick(px, py, radius) {
    const u = (px - view.dx) / view.scale, v = (py - view.dy) / view.scale, reach = radius / view.scale;
    const g0x = Math.max(0, Math.floor((u - reach) * G)), g1x = Math.min(G - 1, Math.floor((u + reach) * G));
    const g0y = Math.max(0, Math.floor((v - reach) * G)), g1y = Math.min(G - 1, Math.floor((v + reach) * G));
    let best = -1, bestD = radius * radius;
    for (let gy = g0y; gy <= g1y; gy++) for (let gx = g0x; gx <= g1x; gx++) {
      for (const i of grid[gy * G + gx]) {
        if (!visible(i)) continue;
        const dx = toScreenX(i) - px, dy = toScreenY(i) - py, d = dx * dx + dy * dy;
        // Prefer presets and init patches over generated points at equal distance.
        if (d < bestD || (d === bestD && best >= 0 && O[i] < O[best])) { best = i; bestD = d; }
      }
    }
    return best;
  }

  // ---- Describing and playing ------------------------------------------------------------------------
  function describe(i) {
    const parts = [NAMES[i], D.synths[S[i]] + " · " + D.origins[O[i]]];
    if (D.origins[O[i]] === "sweep") parts.push("sweep of " + D.sweeps[SRC[i]] + " from the init patch");
    else if (D.sources[SRC[i]]) parts.push(...D.sources[SRC[i]].split("\n").filter(Boolean));
    if (F[i] & FLAG_SILENT) parts.push("(inaudible)");
    if (CLUSTER && CLUSTER[i]) parts.push("cluster: " + CLUSTERS[CLUSTER[i] - 1].label);
    DESCRIPTORS.forEach((d, k) => { const v = descriptorValue(k, i); if (isFinite(v)) parts.push(d.label + " " + v.toFixed(2) + " (" + d.unit + ")"); });
    const r = REP[i];
    if (COUNT[r] > 1) parts.push("×" + COUNT[r] + " " + D.origins[O[i]] + " points at this position");
    return parts.join("\n");
  }
  const previewURL = i => (F[i] & FLAG_OGG) ? "previews/" + i + ".ogg" : (F[i] & FLAG_WAV) ? "previews/" + i + ".wav" : null;

  // "Sounds like this": neighbours.js (nearest points in the full embedding) loads on the first click.
  let neighbours = null, neighboursLoading = null;
  function loadNeighbours() {
    if (!neighboursLoading) neighboursLoading = new Promise(resolve => {
      const tag = document.createElement("script"); tag.src = "neighbours.js";
      tag.onload = () => {
        const nb = window.ATLAS_NEIGHBOURS;
        neighbours = nb ? {k: nb.k, index: new Uint32Array(bytes(nb.index).buffer)} : null;
        resolve(neighbours);
      };
      tag.onerror = () => resolve(null);
      document.head.append(tag);
    });
    return neighboursLoading;
  }
  function neighbourList(i) {
    const box = document.createElement("div"); box.className = "neighbours"; box.textContent = "finding similar sounds…";
    loadNeighbours().then(nb => {
      if (lastPlayed !== i) return;
      if (!nb) { box.remove(); return; }
      box.textContent = "Sounds like this (nearest in the full embedding):";
      const list = document.createElement("ol");
      for (let j = 0; j < nb.k; j++) {
        const m = nb.index[i * nb.k + j];
        if (m === 0xFFFFFFFF || m >= N) continue;
        const li = document.createElement("li"); li.className = "playable";
        li.textContent = NAMES[m] + " (" + D.origins[O[m]] + ")";
        li.addEventListener("click", () => play(m)); list.append(li);
      }
      box.append(list);
    });
    return box;
  }

  function play(i) {
    lastPlayed = i;
    info.textContent = describe(i);
    info.append(neighbourList(i));
    const members = samePlace(i);
    if (members.length > 1) {
      const list = document.createElement("ol");
      for (const m of members) {
        const li = document.createElement("li"); li.textContent = NAMES[m] + " (" + D.origins[O[m]] + ")"; li.className = "playable";
        li.dataset.point = String(m); li.addEventListener("click", () => play(m)); list.append(li);
      }
      info.append("\n" + members.length + " points at this position:", list);
    }
    draw();
    const url = previewURL(i);
    if (!url) { info.append("\n(no preview)"); return Promise.resolve(false); }
    if (player) player.pause();
    const status = document.createElement("div"); status.className = "status"; status.textContent = "loading sound…"; info.prepend(status);
    player = new Audio(url);
    player.dataset.point = String(i);
    player.addEventListener("playing", () => { status.textContent = "▶ playing"; });
    player.addEventListener("ended", () => { status.textContent = ""; });
    player.addEventListener("error", () => { status.textContent = "could not load " + url; });
    window.__atlasPlayer = player;
    window.__atlasPlayRejected = null;
    const mine = player;
    window.__atlasPlaying = player.play().then(() => true, err => {
      if (mine !== player) return false;   // paused because another point was clicked: not a failure
      window.__atlasPlayRejected = err.name;
      status.textContent = "(audio blocked: " + err.name + ")";
      return false;
    });
    return window.__atlasPlaying;
  }

  // ---- The view in the URL ---------------------------------------------------------------------------
  // #z=zoom&u=..&v=..(centre, unit square)&c=colouring&q=search&o=origins shown&syn=synths shown&silent=1&p=point
  // kept up to date with history.replaceState, so copying the address shares the view.
  let stateTimer = 0, restoring = false;
  const HASH_FLAGS = new URLSearchParams(location.hash.slice(1));
  const selfTesting = HASH_FLAGS.has("selftest") || HASH_FLAGS.has("bench");
  function stateHash() {
    const r = canvas.getBoundingClientRect(), p = new URLSearchParams();
    p.set("z", (view.scale / defaultScale).toPrecision(4));
    p.set("u", ((r.width / 2 - view.dx) / view.scale).toFixed(5)); p.set("v", ((r.height / 2 - view.dy) / view.scale).toFixed(5));
    p.set("c", colourBy);
    const q = $("search").value.trim(); if (q) p.set("q", q);
    p.set("o", D.origins.filter((o, k) => visibleOrigin[k]).join(","));
    if (synthBoxes.length && visibleSynth.some(v => !v)) p.set("syn", D.synths.filter((s, k) => visibleSynth[k]).join(","));
    if (showSilent) p.set("silent", "1");
    if (showClusters) p.set("clusters", "1");
    if (filter) p.set("f", filter.k + "," + filter.lo + "," + filter.hi);
    if (lastPlayed >= 0) p.set("p", String(lastPlayed));
    if (selectionPolygon) p.set("sel", selectionPolygon.map(([u, v]) => u.toFixed(4) + "," + v.toFixed(4)).join(";"));
    return "#" + p.toString();
  }
  function saveState() {
    if (restoring || selfTesting) return;
    clearTimeout(stateTimer);
    stateTimer = setTimeout(() => history.replaceState(null, "", stateHash()), 250);
  }
  function restoreState(p) {
    if (!p.has("z")) return;
    restoring = true;
    const r = canvas.getBoundingClientRect(), z = Number(p.get("z")), u = Number(p.get("u")), v = Number(p.get("v"));
    if (z > 0 && isFinite(u) && isFinite(v)) { view.scale = defaultScale * z; view.dx = r.width / 2 - u * view.scale; view.dy = r.height / 2 - v * view.scale; }
    const c = p.get("c"), select = $("colourBy");
    if (c && [...select.options].some(o => o.value === c)) { select.value = c; colourBy = c; legend(); }
    if (p.has("o")) { const shown = p.get("o").split(","); D.origins.forEach((o, k) => { visibleOrigin[k] = shown.includes(o); originBoxes[k].checked = visibleOrigin[k]; }); }
    if (p.has("syn") && synthBoxes.length) { const shown = p.get("syn").split(","); D.synths.forEach((s, k) => { visibleSynth[k] = shown.includes(s); synthBoxes[k].checked = visibleSynth[k]; }); }
    if (p.get("silent") === "1" && silentBox) { showSilent = true; silentBox.checked = true; }
    if (p.get("clusters") === "1" && clusterBox) { showClusters = true; clusterBox.checked = true; }
    const f = (p.get("f") || "").split(",").map(Number);
    if (f.length === 3 && f.every(Number.isInteger) && f[0] >= 0 && f[0] < DESCRIPTORS.length) {
      filterBy.value = String(f[0]); filterMin.value = String(f[1]); filterMax.value = String(f[2]); applyFilter();
    }
    if (p.has("q")) { $("search").value = p.get("q"); $("search").dispatchEvent(new Event("input")); }
    const played = Number(p.get("p"));
    if (p.has("p") && played >= 0 && played < N) { lastPlayed = played; info.textContent = describe(played); }
    const polygon = (p.get("sel") || "").split(";").map(pair => pair.split(",").map(Number)).filter(q => q.length === 2 && q.every(isFinite));
    if (polygon.length >= 3) select(polygon);
    restoring = false;
    draw();
  }

  // ---- Lasso selection, its table and its CSV --------------------------------------------------------
  let lassoMode = false, lassoPath = null, suppressClick = false, selection = null, selectionPolygon = null;
  function setLasso(on) { lassoMode = on; $("lasso").setAttribute("aria-pressed", String(on)); canvas.classList.toggle("lasso", on); }
  $("lasso").addEventListener("click", () => setLasso(!lassoMode));
  // Ray casting in unit-square coordinates.
  function inside(polygon, u, v) {
    let hit = false;
    for (let a = 0, b = polygon.length - 1; a < polygon.length; b = a++) {
      const [ua, va] = polygon[a], [ub, vb] = polygon[b];
      if ((va > v) !== (vb > v) && u < (ub - ua) * (v - va) / (vb - va) + ua) hit = !hit;
    }
    return hit;
  }
  function select(polygon) {
    selectionPolygon = polygon;
    let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity;
    for (const [u, v] of polygon) { u0 = Math.min(u0, u); u1 = Math.max(u1, u); v0 = Math.min(v0, v); v1 = Math.max(v1, v); }
    selection = [];
    for (let i = 0; i < N; i++) {
      if (U[i] < u0 || U[i] > u1 || V[i] < v0 || V[i] > v1 || !visible(i)) continue;
      if (inside(polygon, U[i], V[i])) selection.push(i);
    }
    showSelection(); draw();
  }
  function sourceParts(i) { return D.origins[O[i]] === "sweep" ? ["sweep", D.sweeps[SRC[i]]] : (D.sources[SRC[i]] || "\n").split("\n"); }
  function showSelection() {
    const section = $("selection"), table = $("selectionTable");
    if (!selection) { section.hidden = true; return; }
    section.hidden = false;
    $("selectionSummary").textContent = selection.length.toLocaleString("en") + " points selected" + (selection.length > 200 ? " (first 200 listed)." : ".");
    table.textContent = "";
    const head = table.insertRow();
    for (const h of ["name", "synth", "origin", "source"].concat(DESCRIPTORS.map(d => d.label))) { const th = document.createElement("th"); th.textContent = h; head.append(th); }
    for (const i of selection.slice(0, 200)) {
      const row = table.insertRow(), cells = [NAMES[i], D.synths[S[i]], D.origins[O[i]], sourceParts(i).filter(Boolean).join(" · ")]
        .concat(DESCRIPTORS.map((d, k) => { const v = descriptorValue(k, i); return isFinite(v) ? v.toFixed(2) : ""; }));
      cells.forEach((c, k) => { const td = row.insertCell(); td.textContent = c; if (k === 0) { td.className = "playable"; td.addEventListener("click", () => play(i)); } });
    }
  }
  $("clearSelection").addEventListener("click", () => { selection = null; selectionPolygon = null; showSelection(); draw(); });

  let parametersLoading = null;
  function loadParameters() {
    if (!parametersLoading) parametersLoading = new Promise(resolve => {
      const tag = document.createElement("script"); tag.src = "parameters.js";
      tag.onload = () => resolve(window.ATLAS_PARAMETERS || {}); tag.onerror = () => resolve({});
      document.head.append(tag);
    });
    return parametersLoading;
  }
  const csvField = v => {
    let t = String(v);
    if (/^[=+\-@]/.test(t) && isNaN(Number(t))) t = "'" + t;   // no spreadsheet formulas from names
    return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  };
  // The selection as CSV: identity, map position, descriptors and every parameter value.
  async function selectionCSV() {
    const params = await loadParameters(), bySynth = {};
    for (const [synth, block] of Object.entries(params)) {
      const points = new Uint32Array(bytes(block.points).buffer), values = new Float32Array(bytes(block.values).buffer), row = new Map();
      points.forEach((p, r) => row.set(p, r));
      bySynth[synth] = {ids: block.ids, values, row};
    }
    const ids = [...new Set(selection.flatMap(i => (bySynth[D.synths[S[i]]] || {ids: []}).ids))];
    const header = ["name", "synth", "origin", "collection", "source", "x", "y"].concat(DESCRIPTORS.map(d => d.label), ids);
    const lines = [header.map(csvField).join(",")];
    for (const i of selection) {
      const [collection, source] = sourceParts(i), block = bySynth[D.synths[S[i]]];
      const fields = [NAMES[i], D.synths[S[i]], D.origins[O[i]], collection, source,
                      (bx0 + XQ[i] / 65535 * spanX).toPrecision(6), (by0 + YQ[i] / 65535 * spanY).toPrecision(6)]
        .concat(DESCRIPTORS.map((d, k) => { const v = descriptorValue(k, i); return isFinite(v) ? v.toPrecision(4) : ""; }));
      for (const id of ids) {
        const c = block ? block.ids.indexOf(id) : -1, r = block ? block.row.get(i) : undefined;
        const v = c >= 0 && r !== undefined ? block.values[r * block.ids.length + c] : NaN;
        fields.push(isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : "");
      }
      lines.push(fields.map(csvField).join(","));
    }
    return lines.join("\n") + "\n";
  }
  $("csv").addEventListener("click", async () => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([await selectionCSV()], {type: "text/csv"}));
    a.download = "atlas-selection.csv"; document.body.append(a); a.click(); a.remove();
  });

  // ---- Interaction ---------------------------------------------------------------------------------
  let drag = null;
  canvas.addEventListener("mousedown", e => {
    if (lassoMode) { lassoPath = [[(e.offsetX - view.dx) / view.scale, (e.offsetY - view.dy) / view.scale]]; return; }
    drag = {x: e.offsetX, y: e.offsetY, dx: view.dx, dy: view.dy, moved: false};
  });
  window.addEventListener("mouseup", () => {
    if (lassoPath) {
      const path = lassoPath; lassoPath = null; setLasso(false); suppressClick = true;
      setTimeout(() => { suppressClick = false; }, 0);
      if (path.length >= 3) select(path);
      draw();
    }
    setTimeout(() => { drag = null; }, 0);
  });
  canvas.addEventListener("mousemove", e => {
    if (lassoPath && (e.buttons & 1)) { lassoPath.push([(e.offsetX - view.dx) / view.scale, (e.offsetY - view.dy) / view.scale]); draw(); return; }
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
    if (suppressClick || (drag && drag.moved)) return;
    const i = pick(e.offsetX, e.offsetY, 10);
    if (i >= 0) play(i);
  });
  canvas.addEventListener("wheel", e => {
    e.preventDefault();
    const factor = Math.exp(-e.deltaY * 0.0015), u = (e.offsetX - view.dx) / view.scale, v = (e.offsetY - view.dy) / view.scale;
    view.scale *= factor; view.dx = e.offsetX - u * view.scale; view.dy = e.offsetY - v * view.scale; draw();
  }, {passive: false});
  $("reset").addEventListener("click", () => resetView(true));
  const LEGENDS = {
    compare: "Blue shading: where random settings sound (darker: more of them). Orange squares: presets. Black diamond: the init patch.",
    s: "Each synth its own colour; random settings and sweep steps paler.",
    o: "Orange: presets, black: init patch, light blue: random settings, green: sweep steps.",
    cluster: "Each colour one cluster of similar sounds (k-means in the full embedding); turn on cluster labels for their names.",
  };
  function legend() { $("legend").textContent = LEGENDS[colourBy] || "Colour: low (dark blue) to high (yellow)."; }
  $("colourBy").addEventListener("change", e => { colourBy = e.target.value; legend(); draw(); });

  // Layer toggles: one per synth, one per origin, and the silent renders (hidden by default, counted).
  const layers = $("layers");
  function toggle(label, colour, checked, onChange) {
    const l = document.createElement("label"), box = document.createElement("input");
    box.type = "checkbox"; box.checked = checked; box.dataset.layer = label;
    box.addEventListener("change", () => { onChange(box.checked); draw(); });
    const swatch = document.createElement("span"); swatch.textContent = "■ "; swatch.style.color = colour;
    l.append(box, swatch, document.createTextNode(label)); layers.append(l);
    return box;
  }
  const synthBoxes = D.synths.length > 1 ? D.synths.map((s, k) => toggle(s, PALETTE[k % PALETTE.length], true, on => { visibleSynth[k] = on; })) : [];
  const originBoxes = D.origins.map((o, k) => toggle(o, ORIGIN_COLOURS[o], visibleOrigin[k], on => { visibleOrigin[k] = on; }));
  let clusterBox = null;
  const silentBox = !silentCount ? null : toggle(silentCount.toLocaleString("en") + " of " + N.toLocaleString("en") + " settings are inaudible (below −50 dBFS): show them", "#999", false, on => { showSilent = on; });

  // Search by name: highlight every match, count them, list the first 100.
  const matches = $("matches"), matchCount = $("matchCount");
  $("search").addEventListener("input", e => {
    const q = e.target.value.trim().toLowerCase();
    matches.textContent = ""; matchCount.textContent = "";
    if (!q) { highlight = null; draw(); return; }
    highlight = [];
    for (let i = 0; i < N; i++) if (NAMES[i].toLowerCase().includes(q)) highlight.push(i);
    matchCount.textContent = highlight.length.toLocaleString("en") + (highlight.length === 1 ? " match" : " matches");
    for (const i of highlight.slice(0, 100)) {
      const li = document.createElement("li"); li.textContent = NAMES[i] + " (" + D.synths[S[i]] + ", " + D.origins[O[i]] + ")";
      li.addEventListener("click", () => play(i)); matches.append(li);
    }
    draw();
  });
  for (const b of document.querySelectorAll("button.play")) b.addEventListener("click", () => play(Number(b.dataset.point)));

  // Bias figures appear once loaded (the bias command writes them after the page, maybe never).
  for (const img of document.querySelectorAll("img.bias-figure")) {
    const show = () => { img.hidden = false; $("bias").hidden = false; };
    if (img.complete && img.naturalWidth) show(); else img.addEventListener("load", show);
  }

  DESCRIPTORS.forEach((d, k) => $("colourBy").append(new Option("points by " + d.label + " (" + d.unit + ")", "d" + k)));
  // Filter by a descriptor's range: the two sliders appear once a descriptor is chosen.
  const filterBy = $("filterBy"), filterMin = $("filterMin"), filterMax = $("filterMax"), filterText = $("filterText");
  DESCRIPTORS.forEach((d, k) => filterBy.append(new Option(d.label, String(k))));
  $("filter").hidden = !DESCRIPTORS.length;
  function applyFilter() {
    const k = filterBy.value === "" ? -1 : Number(filterBy.value);
    filterMin.hidden = filterMax.hidden = k < 0;
    if (k < 0) { filter = null; filterText.textContent = ""; draw(); return; }
    const lo = Math.min(Number(filterMin.value), Number(filterMax.value)), hi = Math.max(Number(filterMin.value), Number(filterMax.value));
    filter = {k, lo, hi};
    const d = DESCRIPTORS[k], value = q => (d.min + (q - 1) / 254 * (d.max - d.min)).toFixed(2);
    let shown = 0; for (let i = 0; i < N; i++) if (visible(i)) shown++;
    filterText.textContent = value(lo) + " to " + value(hi) + " " + d.unit + ": " + shown.toLocaleString("en") + " points";
    draw();
  }
  for (const el of [filterBy, filterMin, filterMax]) el.addEventListener("input", applyFilter);
  if (CLUSTERS.length) {
    $("colourBy").append(new Option("points by sound cluster", "cluster"));
    clusterBox = toggle("cluster labels", "#222", false, on => { showClusters = on; });
  }

  // Ready: controls appear only now, so none is ever dead.
  legend();
  loading.hidden = true;
  $("controls").hidden = false;
  window.addEventListener("resize", resize);
  MARKS.push(["renderer and controls", performance.now()]);
  resize();
  restoreState(new URLSearchParams(location.hash.slice(1)));
  // Navigation start to the first drawn map (scripts/bench-map.py reads it).
  let readyMs = 0;
  requestAnimationFrame(() => { readyMs = performance.now(); });

  // ---- Self-test for the browser test (index.html#selftest) ------------------------------------------
  // Clicks a preset, a random setting and a sweep step through real mouse events and writes what it saw
  // into #selftest.
  window.__atlas = {pointCount: N, play, pick, toScreenX, toScreenY};
  const benchOnly = HASH_FLAGS.has("bench");
  if (!selfTesting) return;
  function clickPoint(target) {
    const r = canvas.getBoundingClientRect();
    // Zoomed far in first, so neighbours in a dense region do not sit under the same pixel.
    view.scale *= 1000;
    view.dx += r.width / 2 - toScreenX(target); view.dy += r.height / 2 - toScreenY(target); paint();
    window.__atlasPlaying = null;
    canvas.dispatchEvent(new MouseEvent("click", {bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2}));
    // A point under another one (a sweep step on the init patch) is reached through the list of the
    // points at the clicked position, as a user would.
    const viaList = lastPlayed !== target;
    if (viaList) { const li = info.querySelector('li[data-point="' + target + '"]'); if (li) li.click(); }
    const settle = new Promise(resolve => {
      (window.__atlasPlaying || Promise.resolve(false)).then(ok => setTimeout(() => resolve(ok), 200));
      setTimeout(() => resolve(false), 5000);
    });
    return settle.then(resolved => loadNeighbours().then(() => resolved)).then(resolved => {
      const p = window.__atlasPlayer;
      const result = {clicked: target, clickedName: NAMES[target], origin: D.origins[O[target]], resolved, viaList,
                      playing: !!(p && !p.paused && p.dataset.point === String(target)), rejected: window.__atlasPlayRejected || null,
                      neighbours: info.querySelectorAll(".neighbours li").length};
      resetView(false); paint();
      return result;
    });
  }
  const firstOf = origin => { for (let i = 0; i < N; i++) if (O[i] === ORIGIN[origin] && REP[i] === i && !(F[i] & FLAG_SILENT) && previewURL(i)) return i; return -1; };
  async function runSelfTest() {
    const r = canvas.getBoundingClientRect();
    // The view as restored from the URL, before the test changes it.
    const restored = {colourBy, search: $("search").value, zoom: view.scale / defaultScale, matchText: matchCount.textContent,
                      origins: D.origins.filter((o, k) => visibleOrigin[k]), hash: stateHash(), filter, filterText: filterText.textContent};
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let p = 0; p < pixels.length; p += 4) if (pixels[p] < 250 || pixels[p + 1] < 250 || pixels[p + 2] < 250) inked++;
    // Redraw cost at the default view (scripts/bench-map.py reads it).
    const t0 = performance.now();
    for (let k = 0; k < 5; k++) { paint(); if (GLR) GLR.finish(); }
    const paintMs = (performance.now() - t0) / 5;
    // Where a redraw's time goes: the density (CPU) and the points (WebGL2 when used).
    const r0 = canvas.getBoundingClientRect(), t1 = performance.now();
    if (colourBy === "compare") paintDensity(r0.width, r0.height);
    const densityMs = performance.now() - t1, t2 = performance.now();
    if (GLR) { GLR.draw(canvas.clientWidth, canvas.clientHeight, window.devicePixelRatio || 1); GLR.finish(); }
    const pointsMs = GLR ? performance.now() - t2 : null;
    const hoverStart = performance.now();
    for (let k = 0; k < 1000; k++) pick(r.width * ((k * 37) % 100) / 100, r.height * ((k * 61) % 100) / 100, 8);
    const pickMs = (performance.now() - hoverStart) / 1000;
    const preset = firstOf("preset");
    const search = $("search");
    search.value = preset >= 0 ? NAMES[preset].slice(0, 6) : "";
    search.dispatchEvent(new Event("input"));
    const searchMatches = highlight ? highlight.length : 0, listed = matches.children.length, matchText = matchCount.textContent;
    search.value = ""; search.dispatchEvent(new Event("input"));
    const clicks = {};
    for (const origin of benchOnly ? [] : ["preset", "random", "sweep"]) {
      visibleOrigin[ORIGIN[origin]] = true;
      const target = firstOf(origin);
      if (target >= 0) clicks[origin] = await clickPoint(target);
    }
    visibleOrigin[ORIGIN.sweep] = false;
    // Lasso: a square of 200 pixels around the canvas centre, drawn with real mouse events; the points
    // inside it, counted here from their screen positions, must be the selection, and the CSV one row each.
    let lasso = null;
    if (!benchOnly) {
      resetView(false); paint();
      const cx = Math.round(canvas.clientWidth / 2), cy = Math.round(canvas.clientHeight / 2), h = 100;
      let expected = 0;
      for (let i = 0; i < N; i++) if (visible(i) && Math.abs(toScreenX(i) - cx) < h && Math.abs(toScreenY(i) - cy) < h) expected++;
      $("lasso").click();
      const at = (type, x, y) => canvas.dispatchEvent(new MouseEvent(type, {bubbles: true, buttons: type === "mouseup" ? 0 : 1, clientX: r.left + canvas.clientLeft + x, clientY: r.top + canvas.clientTop + y}));
      at("mousedown", cx - h, cy - h); at("mousemove", cx + h, cy - h); at("mousemove", cx + h, cy + h); at("mousemove", cx - h, cy + h);
      window.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
      const csv = selection ? await selectionCSV() : "";
      lasso = {expected, selected: selection ? selection.length : -1, tableRows: $("selectionTable").rows.length - 1,
               csvRows: csv ? csv.trim().split("\n").length - 1 : -1, csvHeader: csv.split("\n")[0].slice(0, 300)};
    }
    const out = $("selftest");
    out.textContent = JSON.stringify({
      points: N, marks: MARKS.map(([name, t], k) => [name, Math.round(t - (k ? MARKS[k - 1][1] : 0))]), renderer: GLR ? (GLR.canvas ? "webgl2" : "pixels") : "canvas", restored, lasso, readyMs, inkedPixels: inked, paintMs, densityMs, pointsMs, pickMs, searchMatches, listed, matchText, canvasPixels: canvas.width * canvas.height,
      silent: silentCount, clicks, errors
    });
    out.hidden = false;
  }
  // The benchmark runs synchronously, before the load event, so headless chromium can time it on the real
  // clock (its virtual time stands still while a script runs) and dump the page only when it is done.
  if (benchOnly) { paint(); if (GLR) GLR.finish(); readyMs = performance.now(); runSelfTest(); }
  else requestAnimationFrame(() => requestAnimationFrame(runSelfTest));
})();
