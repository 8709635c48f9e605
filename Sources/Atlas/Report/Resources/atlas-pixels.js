// The CPU point renderer for large maps: typed arrays and one 32-bit store per pixel.
"use strict";
function createPixels() {
  // Per point in draw order, kept in typed arrays: its unit-square position (read in sequence), and
  // its colour (0: not drawn) and square size, recomputed only when the colouring or filters change.
  const idx = drawOrder(), count = idx.length, PU = new Float32Array(count), PV = new Float32Array(count);
  for (let k = 0; k < count; k++) { PU[k] = U[idx[k]]; PV[k] = V[idx[k]]; }
  const colour = new Uint32Array(count), size = new Uint8Array(count);
  const layer = document.createElement("canvas"), lctx = layer.getContext("2d");
  let image = null, pixels = null, styled = null, drawn = null;
  const abgr = hex => { const c = [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16)); return (255 << 24 | c[2] << 16 | c[1] << 8 | c[0]) >>> 0; };
  const rampABGR = RAMP.map(c => { const v = c.match(/\d+/g).map(Number); return (255 << 24 | v[2] << 16 | v[1] << 8 | v[0]) >>> 0; });
  function restyle() {
    const mode = colourBy === "s" ? 1 : colourBy === "cluster" ? 3 : colourBy.startsWith("d") ? 2 : 0;
    const column = mode === 2 ? DESCRIPTORS[Number(colourBy.slice(1))].values : mode === 3 ? CLUSTER : null;
    const originColour = D.origins.map(o => abgr(ORIGIN_COLOURS[o] || "#000000")), originSize = D.origins.map(o => Math.max(2, Math.round(SIZE[o] || 2)));
    const synthColour = D.synths.map((_, k) => abgr(PALETTE[k % PALETTE.length])), clusterColour = CLUSTER_COLOURS.map(abgr);
    const shownOrigin = D.origins.map((name, o) => visibleOrigin[o] && name !== "init" && !(colourBy === "compare" && name === "random"));
    for (let k = 0; k < count; k++) {
      const i = idx[k], o = O[i];
      size[k] = originSize[o];
      let c = 0;
      if (shownOrigin[o] && visibleSynth[S[i]] && !hidden(i)) {
        if (mode === 0) c = originColour[o];
        else if (mode === 1) c = synthColour[S[i]];
        else { const v = column[i]; if (v) c = mode === 2 ? rampABGR[Math.min(15, (v - 1) >> 4)] : clusterColour[(v - 1) % clusterColour.length]; }
      }
      colour[k] = c;
    }
  }
  // One 32-bit store per pixel of each point's square, straight into the image buffer.
  function render(w, h) {
    pixels.fill(0);
    const sc = view.scale, dx = view.dx, dy = view.dy;
    for (let k = 0; k < count; k++) {
      const c = colour[k];
      if (c === 0) continue;
      const n = size[k], x0 = Math.round(PU[k] * sc + dx - n / 2), y0 = Math.round(PV[k] * sc + dy - n / 2);
      if (x0 < 0 || y0 < 0 || x0 + n > w || y0 + n > h) continue;
      for (let row = y0 * w + x0, end = row + n * w; row < end; row += w) for (let x = row; x < row + n; x++) pixels[x] = c;
    }
    lctx.putImageData(image, 0, 0);
  }
  return {
    draw(width, height) {
      const w = Math.max(1, Math.round(width)), h = Math.max(1, Math.round(height));
      if (!image || image.width !== w || image.height !== h) { layer.width = w; layer.height = h; image = lctx.createImageData(w, h); pixels = new Uint32Array(image.data.buffer); drawn = null; }
      const style = styleKey(), where = style + "|" + viewKey(w, h);
      if (style !== styled) { restyle(); styled = style; }
      if (where !== drawn) { render(w, h); drawn = where; }
      ctx.drawImage(layer, 0, 0, width, height);
    },
    finish() {},
  };
}
