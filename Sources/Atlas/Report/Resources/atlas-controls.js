// Mouse and controls: pan, zoom, hover, click, layer toggles, search, filters; then the page starts.
"use strict";
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
  for (let i = 0; i < N; i++) if (nameOf(i).toLowerCase().includes(q)) highlight.push(i);
  matchCount.textContent = highlight.length.toLocaleString("en") + (highlight.length === 1 ? " match" : " matches");
  for (const i of highlight.slice(0, 100)) {
    const li = document.createElement("li"); li.textContent = nameOf(i) + " (" + D.synths[S[i]] + ", " + D.origins[O[i]] + ")";
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
MARKS.push(["controls", performance.now()]);
resize();
restoreState(new URLSearchParams(location.hash.slice(1)));
// Navigation start to the first drawn map (scripts/bench-map.py reads it).
let readyMs = 0;
requestAnimationFrame(() => { readyMs = performance.now(); });
