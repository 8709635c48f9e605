// The view: the canvas size and the first view, framed on the audible points.
"use strict";
function resize() {
  const r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(r.width * dpr)); canvas.height = Math.max(1, Math.round(r.height * dpr));
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (GLR && GLR.resize) GLR.resize(canvas.clientWidth, canvas.clientHeight, dpr);
  resetView(false); draw();
}
// The first view frames the central 99 % of the audible points on each axis, so a few outliers do not
// shrink the rest to a corner (they stay reachable by zooming out).
// U grows with XQ and V falls with YQ, so the quantiles come from a histogram of the 16-bit positions
// (no sort of a million floats): `at(q)` is the quantised value of ascending rank floor(q * n).
function quantiles(column, ascending) {
  const histogram = new Uint32Array(65536);
  let n = 0;
  for (let i = 0; i < N; i++) if (!(F[i] & FLAG_SILENT)) { histogram[column[i]]++; n++; }
  const at = q => {
    const rank = Math.min(n - 1, Math.floor(q * n)), wanted = ascending ? rank : n - 1 - rank;
    let seen = 0; for (let k = 0; k < 65536; k++) { seen += histogram[k]; if (seen > wanted) return k; }
    return 65535;
  };
  return n ? [at(0.005), at(0.995)] : null;
}
const uq = quantiles(XQ, true), vq = quantiles(YQ, false);
const [u0, u1] = uq ? uq.map(q => q / 65535 * spanX / span) : [0, 1], [v0, v1] = vq ? vq.map(q => (1 - q / 65535) * spanY / span) : [0, 1];
MARKS.push(["first view", performance.now()]);
function resetView(redraw) {
  const r = canvas.getBoundingClientRect(), pad = 24;
  const scale = Math.max(1e-6, Math.min((r.width - 2 * pad) / Math.max(u1 - u0, 1e-6), (r.height - 2 * pad) / Math.max(v1 - v0, 1e-6)));
  view = {scale, dx: r.width / 2 - scale * (u0 + u1) / 2, dy: r.height / 2 - scale * (v0 + v1) / 2};
  defaultScale = scale;
  if (redraw) draw();
}
