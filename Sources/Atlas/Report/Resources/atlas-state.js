// What is shown and how: colours and sizes, layer visibility, the filter, the view, and the keys the
// cached layers compare.
"use strict";
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const ORIGIN_COLOURS = {preset: "#D55E00", init: "#000000", random: "#56B4E9", sweep: "#009E73", explored: "#CC79A7"};
const SIZE = {preset: 4, init: 8, random: 2.5, sweep: 2.5, explored: 6};
const ALPHA = {preset: 0.95, init: 1, random: 0.6, sweep: 0.6, explored: 1};
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

MARKS.push(["state", performance.now()]);

// A descriptor range filter: {k, lo, hi} over the quantised values (1...255), or null.
let filter = null;
const hidden = i => (!showSilent && (F[i] & FLAG_SILENT)) || (filter !== null && !(DESCRIPTORS[filter.k].values[i] >= filter.lo && DESCRIPTORS[filter.k].values[i] <= filter.hi));
const visible = i => visibleSynth[S[i]] && visibleOrigin[O[i]] && !hidden(i);
const toScreenX = i => U[i] * view.scale + view.dx, toScreenY = i => V[i] * view.scale + view.dy;
// What decides which points are drawn and how (cached layers compare it), and where.
const styleKey = () => [colourBy, visibleOrigin.join(), visibleSynth.join(), showSilent, filter ? filter.k + "," + filter.lo + "," + filter.hi : ""].join("|");
const viewKey = (width, height) => [view.scale, view.dx, view.dy, width, height].join(",");
