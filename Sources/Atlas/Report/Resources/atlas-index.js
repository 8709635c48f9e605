// Indexes over the points, built once: identical positions collapsed, groups by origin and synth,
// the draw order and a spatial grid for finding the point under the cursor.
"use strict";
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


// Origins drawn first to last (later ones on top).
const DRAW_ORDER = ["random", "sweep", "preset", "explored", "init"];
// GROUPS[origin * synths + synth]: that group's representatives in index order (typed arrays filled
// by counting, no per-point objects).
const GROUPS = [];
{
  const groupOf = i => O[i] * D.synths.length + S[i], sizes = new Int32Array(D.origins.length * D.synths.length);
  for (let i = 0; i < N; i++) if (REP[i] === i) sizes[groupOf(i)]++;
  for (let g = 0; g < sizes.length; g++) GROUPS.push(new Int32Array(sizes[g]));
  sizes.fill(0);
  for (let i = 0; i < N; i++) if (REP[i] === i) { const g = groupOf(i); GROUPS[g][sizes[g]++] = i; }
}
// Group representatives in draw order (DRAW_ORDER: later ones on top).
function drawOrder() {
  const parts = [];
  for (const name of DRAW_ORDER) { const o = ORIGIN[name]; if (o !== undefined) for (let g = 0; g < D.synths.length; g++) parts.push(GROUPS[o * D.synths.length + g]); }
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0; for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

MARKS.push(["silent count and groups", performance.now()]);
// Spatial grid over the unit square, group representatives only: cell c holds
// GRID_ITEMS[GRID_START[c] ... GRID_START[c + 1] - 1] (two typed arrays filled by counting).
const G = 128, GRID_START = new Int32Array(G * G + 1);
const cellOf = i => Math.min(G - 1, Math.floor(V[i] * G)) * G + Math.min(G - 1, Math.floor(U[i] * G));
for (let i = 0; i < N; i++) if (REP[i] === i) GRID_START[cellOf(i) + 1]++;
for (let c = 0; c < G * G; c++) GRID_START[c + 1] += GRID_START[c];
const GRID_ITEMS = new Int32Array(GRID_START[G * G]);
{
  const fill = GRID_START.slice(0, G * G);
  for (let i = 0; i < N; i++) if (REP[i] === i) GRID_ITEMS[fill[cellOf(i)]++] = i;
}
MARKS.push(["grid", performance.now()]);
