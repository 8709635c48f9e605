// The atlas page's behaviour (plain JavaScript, no libraries, no build step). Data: window.ATLAS_DATA from
// data.js (binary columns in base64). Sounds: previews/<n>.ogg, fetched only when a point is clicked.
//
// The default view is the comparison the atlas exists for: the random settings as a density (where a
// synth can sound), its presets drawn over it, the init patch as its own marker. Sweeps start hidden,
// silent renders are hidden and counted, points at identical positions are drawn once with a count.
//
// The point data: data.js's base64 columns decoded into typed arrays, names, descriptors and each
// point's place in the unit square. Runs first; the later scripts share its top-level names.
"use strict";
const errors = [];
window.addEventListener("error", e => errors.push(String(e.message)));
const origError = console.error;
console.error = function (...a) { errors.push(a.map(String).join(" ")); origError.apply(console, a); };
const $ = id => document.getElementById(id);
const loading = $("loading");
const D = window.ATLAS_DATA;
// Where the first paint's time goes (scripts/bench-map.py prints it): [step, performance.now()] pairs.
const MARKS = [["data.js loaded", performance.now()]];
if (!D) { loading.textContent = "Could not load data.js (it must sit beside index.html)."; throw new Error("data.js missing"); }

// Uint8Array.fromBase64 (Chromium 140+) decodes natively; atob plus a byte loop elsewhere.
function bytes(b64) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
  const s = atob(b64), out = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i); return out;
}
MARKS.push(["setup", performance.now()]);
const N = D.count;
const XQ = new Uint16Array(bytes(D.x).buffer), YQ = new Uint16Array(bytes(D.y).buffer);
const S = bytes(D.synth), O = bytes(D.origin), F = bytes(D.flags);
const SRC = new Uint16Array(bytes(D.source).buffer);
// Names stay one string; NAME_AT[i] is where point i's line starts (split() would make a million strings).
const NAME_TEXT = D.names, NAME_AT = new Uint32Array(N + 1);
{
  let at = 0;
  for (let k = 0; k < N; k++) { NAME_AT[k] = at; const end = NAME_TEXT.indexOf("\n", at); at = end < 0 ? NAME_TEXT.length + 1 : end + 1; }
  NAME_AT[N] = at;
}
const storedName = i => NAME_TEXT.slice(NAME_AT[i], NAME_AT[i + 1] - 1);
// Names data.js leaves out (empty) are the generated ones, rebuilt from the points' order exactly as
// the report made them (see GeneratedNames in PointData.swift). Only each point's ordinal is counted
// here; the text is made when a name is shown (a million strings up front cost a second).
const ORDINAL = new Int32Array(N), sweepTotal = new Map(), sweepKey = i => S[i] * 65536 + SRC[i];
{
  const randomSeen = new Int32Array(256), sweepSeen = new Map();
  const random = D.origins.indexOf("random"), sweep = D.origins.indexOf("sweep");
  for (let i = 0; i < N; i++) {
    if (O[i] === random) ORDINAL[i] = randomSeen[S[i]]++;
    else if (O[i] === sweep) { const g = sweepKey(i), k = sweepSeen.get(g) || 0; sweepSeen.set(g, k + 1); ORDINAL[i] = k; }
  }
  for (const [g, k] of sweepSeen) sweepTotal.set(g, k);
}
const ORIGIN_RANDOM = D.origins.indexOf("random"), ORIGIN_SWEEP = D.origins.indexOf("sweep");
function nameOf(i) {
  const stored = storedName(i);
  if (stored || (O[i] !== ORIGIN_RANDOM && O[i] !== ORIGIN_SWEEP)) return stored;
  if (O[i] === ORIGIN_RANDOM) return D.sampler + " " + ORDINAL[i];
  return D.sweeps[SRC[i]] + " " + (ORDINAL[i] + 1) + "/" + sweepTotal.get(sweepKey(i));
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
