// The view kept in the URL, so a copied address reopens it.
"use strict";
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
