// Describing a point and playing its preview; its nearest neighbours ("sounds like this").
"use strict";
function describe(i) {
  const parts = [nameOf(i), D.synths[S[i]] + " · " + D.origins[O[i]]];
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
      li.textContent = nameOf(m) + " (" + D.origins[O[m]] + ")";
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
      const li = document.createElement("li"); li.textContent = nameOf(m) + " (" + D.origins[O[m]] + ")"; li.className = "playable";
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
