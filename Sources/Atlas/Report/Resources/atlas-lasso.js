// Lasso selection: the points inside, their table and their CSV with every parameter value.
"use strict";
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
    const row = table.insertRow(), cells = [nameOf(i), D.synths[S[i]], D.origins[O[i]], sourceParts(i).filter(Boolean).join(" · ")]
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
    const fields = [nameOf(i), D.synths[S[i]], D.origins[O[i]], collection, source,
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
