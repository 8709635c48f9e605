// The self-test the browser test and the map benchmark read (index.html#selftest, #bench).
"use strict";
// Clicks a preset, a random setting and a sweep step through real mouse events and writes what it saw
// into #selftest.
window.__atlas = {pointCount: N, play, pick, toScreenX, toScreenY};
const benchOnly = HASH_FLAGS.has("bench");
if (selfTesting) startSelfTest();
function startSelfTest() {
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
      const result = {clicked: target, clickedName: nameOf(target), origin: D.origins[O[target]], resolved, viaList,
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
    // A redraw after a pan (nothing cached fits a moved view): what dragging the map costs per frame.
    const tPan = performance.now();
    for (let k = 0; k < 5; k++) { view.dx += 2; paint(); if (GLR) GLR.finish(); }
    const panMs = (performance.now() - tPan) / 5;
    view.dx -= 10;
    // Where a moved view's redraw goes: the density (CPU) and the points.
    const r0 = canvas.getBoundingClientRect(), t1 = performance.now();
    if (colourBy === "compare") computeDensity(r0.width, r0.height);
    densityKey = null;
    const densityMs = performance.now() - t1;
    view.dx += 1;
    const t2 = performance.now();
    if (GLR) { GLR.draw(canvas.clientWidth, canvas.clientHeight, window.devicePixelRatio || 1); GLR.finish(); }
    const pointsMs = GLR ? performance.now() - t2 : null;
    view.dx -= 1;
    const hoverStart = performance.now();
    for (let k = 0; k < 1000; k++) pick(r.width * ((k * 37) % 100) / 100, r.height * ((k * 61) % 100) / 100, 8);
    const pickMs = (performance.now() - hoverStart) / 1000;
    const preset = firstOf("preset");
    const search = $("search");
    search.value = preset >= 0 ? nameOf(preset).slice(0, 6) : "";
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
      points: N, marks: MARKS.map(([name, t], k) => [name, Math.round(t - (k ? MARKS[k - 1][1] : 0))]), renderer: GLR ? (GLR.canvas ? "webgl2" : "pixels") : "canvas", restored, lasso, readyMs, inkedPixels: inked, paintMs, panMs, densityMs, pointsMs, pickMs, searchMatches, listed, matchText, canvasPixels: canvas.width * canvas.height,
      silent: silentCount, clicks, errors
    });
    out.hidden = false;
  }
  // The benchmark runs synchronously, before the load event, so headless chromium can time it on the real
  // clock (its virtual time stands still while a script runs) and dump the page only when it is done.
  if (benchOnly) { paint(); if (GLR) GLR.finish(); readyMs = performance.now(); runSelfTest(); }
  else requestAnimationFrame(() => requestAnimationFrame(runSelfTest));
}
