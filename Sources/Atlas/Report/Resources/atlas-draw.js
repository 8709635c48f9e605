// Drawing the map on the 2-D canvas (density, points, init marker, labels, selection) and finding
// the point under the cursor; which point renderer draws large maps.
"use strict";
let pending = false;
function draw() { if (!pending) { pending = true; requestAnimationFrame(paint); } saveState(); }

// The random settings' density: counts per DENSITY_CELL-pixel cell, shaded on a log scale.
// Kept across redraws: recomputed only when the view, the size or what is shown changes.
const densityCanvas = document.createElement("canvas"), densityCtx = densityCanvas.getContext("2d");
let densityKey = null, densityEmpty = true;
function paintDensity(width, height) {
  const key = styleKey() + "|" + viewKey(width, height);
  if (key !== densityKey) { densityKey = key; densityEmpty = !computeDensity(width, height); }
  if (densityEmpty) return;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(densityCanvas, 0, 0, densityCanvas.width * DENSITY_CELL, densityCanvas.height * DENSITY_CELL);
}
// Counts the shown random settings per cell into densityCanvas; false when there are none.
function computeDensity(width, height) {
  const gw = Math.ceil(width / DENSITY_CELL), gh = Math.ceil(height / DENSITY_CELL), counts = new Float32Array(gw * gh);
  const o = ORIGIN.random, sc = view.scale / DENSITY_CELL, dx = view.dx / DENSITY_CELL, dy = view.dy / DENSITY_CELL;
  let max = 0;
  for (let g = 0; g < D.synths.length; g++) {
    if (!visibleSynth[g]) continue;
    const members = GROUPS[o * D.synths.length + g];
    for (let m = 0; m < members.length; m++) {
      const i = members[m];
      if (hidden(i)) continue;
      const cx = Math.floor(U[i] * sc + dx), cy = Math.floor(V[i] * sc + dy);
      if (cx < 0 || cy < 0 || cx >= gw || cy >= gh) continue;
      const c = (counts[cy * gw + cx] += COUNT[i]);
      if (c > max) max = c;
    }
  }
  if (!max) return false;
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
  return true;
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

let GLR = null;
const RENDERER = new URLSearchParams(location.hash.slice(1)).get("renderer");
if (RENDERER === "pixels" || (N >= 200000 && RENDERER !== "gl")) GLR = createPixels();
else try { GLR = createGL(); } catch (e) { console.warn("WebGL2 unavailable, drawing with canvas 2D: " + e.message); GLR = null; }
MARKS.push(["point renderer", performance.now()]);

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
    for (let at = GRID_START[gy * G + gx], end = GRID_START[gy * G + gx + 1]; at < end; at++) {
      const i = GRID_ITEMS[at];
      if (!visible(i)) continue;
      const dx = toScreenX(i) - px, dy = toScreenY(i) - py, d = dx * dx + dy * dy;
      // Prefer presets and init patches over generated points at equal distance.
      if (d < bestD || (d === bestD && best >= 0 && O[i] < O[best])) { best = i; bestD = d; }
    }
  }
  return best;
}
