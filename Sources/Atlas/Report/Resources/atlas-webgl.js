// The WebGL2 point renderer, chosen with #renderer=gl (without a GPU the CPU renderer is faster).
"use strict";
// The points are drawn by WebGL2 on a canvas laid over the map: one
// draw call, visibility and colour decided in the vertex shader from per-point bytes, so a redraw costs
// the same whatever is shown. The density, init marker, labels and selection stay on the 2-D canvas.
function createGL() {
  const wanted = N >= 200000 || new URLSearchParams(location.hash.slice(1)).get("renderer") === "gl";
  if (!wanted) return null;
  const glCanvas = document.createElement("canvas");
  glCanvas.id = "glmap"; glCanvas.setAttribute("aria-hidden", "true");
  const gl = glCanvas.getContext("webgl2", {antialias: false, premultipliedAlpha: false});
  if (!gl) return null;
  canvas.parentNode.insertBefore(glCanvas, canvas.nextSibling);
  const vs = `#version 300 es
    in vec2 a_pos; in uvec4 a_attr;
    uniform vec2 u_view, u_offset, u_size; uniform float u_dpr;
    uniform uint u_originMask, u_synthMask, u_showSilent; uniform int u_mode;
    uniform vec4 u_originColour[5]; uniform float u_originSize[5]; uniform vec4 u_palette[16];
    out vec4 v_colour;
    void main() {
      uint o = a_attr.x, s = a_attr.y, f = a_attr.z, val = a_attr.w;
      bool shown = ((u_originMask >> o) & 1u) == 1u && ((u_synthMask >> min(s, 31u)) & 1u) == 1u && (u_showSilent == 1u || (f & 4u) == 0u) && (f & 8u) == 0u;
      if (u_mode >= 2) shown = shown && val > 0u;
      if (!shown) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; return; }
      vec2 px = a_pos * u_view + u_offset;
      gl_Position = vec4(px.x / u_size.x * 2.0 - 1.0, 1.0 - px.y / u_size.y * 2.0, 0.0, 1.0);
      gl_PointSize = u_originSize[o] * u_dpr;
      if (u_mode == 0) v_colour = u_originColour[o];
      else if (u_mode == 1) { vec4 c = u_palette[s % 8u]; float t = o >= 2u ? 0.45 : 0.0; v_colour = vec4(mix(c.rgb, vec3(1.0), t), c.a); }
      else if (u_mode == 2) v_colour = u_palette[min(15u, (val - 1u) >> 4)];
      else v_colour = u_palette[(val - 1u) % 12u];
    }`;
  const fs = `#version 300 es
    precision mediump float; in vec4 v_colour; out vec4 colour;
    void main() { colour = v_colour; }`;
  function shader(type, source) {
    const sh = gl.createShader(type); gl.shaderSource(sh, source); gl.compileShader(sh);
    if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(sh));
    return sh;
  }
  const program = gl.createProgram();
  gl.attachShader(program, shader(gl.VERTEX_SHADER, vs)); gl.attachShader(program, shader(gl.FRAGMENT_SHADER, fs));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program));
  gl.useProgram(program);
  // Group representatives in draw order (DRAW_ORDER): later ones on top.
  const order = drawOrder();
  const count = order.length, pos = new Float32Array(count * 2), attr = new Uint8Array(count * 4);
  order.forEach((i, k) => { pos[2 * k] = U[i]; pos[2 * k + 1] = V[i]; attr[4 * k] = O[i]; attr[4 * k + 1] = S[i]; attr[4 * k + 2] = F[i]; });
  const vao = gl.createVertexArray(); gl.bindVertexArray(vao);
  const posBuffer = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, posBuffer); gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
  const aPos = gl.getAttribLocation(program, "a_pos"); gl.enableVertexAttribArray(aPos); gl.vertexAttribPointer(aPos, 2, gl.FLOAT, false, 0, 0);
  const attrBuffer = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, attrBuffer); gl.bufferData(gl.ARRAY_BUFFER, attr, gl.DYNAMIC_DRAW);
  const aAttr = gl.getAttribLocation(program, "a_attr"); gl.enableVertexAttribArray(aAttr); gl.vertexAttribIPointer(aAttr, 4, gl.UNSIGNED_BYTE, 0, 0);
  const u = name => gl.getUniformLocation(program, name);
  const rgba = hex => [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16) / 255);
  let valueColumn = null, appliedFilter = "";
  gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
  return {
    canvas: glCanvas,
    resize(width, height, dpr) {
      glCanvas.width = Math.round(width * dpr); glCanvas.height = Math.round(height * dpr);
      glCanvas.style.width = width + "px"; glCanvas.style.height = height + "px";
    },
    // Draws the points for the current view, colouring and filters.
    draw(width, height, dpr) {
      const mode = colourBy === "s" ? 1 : colourBy === "cluster" ? 3 : colourBy.startsWith("d") ? 2 : 0;
      const column = mode === 2 ? DESCRIPTORS[Number(colourBy.slice(1))].values : mode === 3 ? CLUSTER : null;
      const filterKey = filter ? filter.k + "," + filter.lo + "," + filter.hi : "";
      if (filterKey !== appliedFilter) {
        appliedFilter = filterKey;
        order.forEach((i, k) => { attr[4 * k + 2] = F[i] | (filter && hidden(i) && !(F[i] & FLAG_SILENT) ? 8 : 0); });
        gl.bindBuffer(gl.ARRAY_BUFFER, attrBuffer); gl.bufferSubData(gl.ARRAY_BUFFER, 0, attr);
      }
      if (column !== valueColumn) {
        valueColumn = column;
        order.forEach((i, k) => { attr[4 * k + 3] = column ? column[i] : 0; });
        gl.bindBuffer(gl.ARRAY_BUFFER, attrBuffer); gl.bufferSubData(gl.ARRAY_BUFFER, 0, attr);
      }
      gl.viewport(0, 0, glCanvas.width, glCanvas.height);
      gl.clearColor(0, 0, 0, 0); gl.clear(gl.COLOR_BUFFER_BIT);
      let originMask = 0, synthMask = 0;
      D.origins.forEach((name, o) => { if (visibleOrigin[o] && !(mode === 0 && name === "random" && colourBy === "compare") && name !== "init") originMask |= 1 << o; });
      D.synths.forEach((name, k) => { if (visibleSynth[k] && k < 31) synthMask |= 1 << k; });
      gl.uniform2f(u("u_view"), view.scale, view.scale); gl.uniform2f(u("u_offset"), view.dx, view.dy);
      gl.uniform2f(u("u_size"), width, height); gl.uniform1f(u("u_dpr"), dpr);
      gl.uniform1ui(u("u_originMask"), originMask >>> 0); gl.uniform1ui(u("u_synthMask"), synthMask >>> 0);
      gl.uniform1ui(u("u_showSilent"), showSilent ? 1 : 0); gl.uniform1i(u("u_mode"), mode);
      const colours = [], sizes = [];
      for (let o = 0; o < 5; o++) { const name = D.origins[o] || "random"; colours.push(...rgba(ORIGIN_COLOURS[name] || "#000000"), ALPHA[name] || 1); sizes.push(SIZE[name] || 2); }
      gl.uniform4fv(u("u_originColour"), colours); gl.uniform1fv(u("u_originSize"), sizes);
      const palette = mode === 2 ? RAMP.map(c => c.match(/\d+/g).map(v => v / 255).concat(1)) : (mode === 3 ? CLUSTER_COLOURS : PALETTE).map(h => rgba(h).concat(1));
      while (palette.length < 16) palette.push([0, 0, 0, 1]);
      gl.uniform4fv(u("u_palette"), palette.slice(0, 16).flat());
      gl.drawArrays(gl.POINTS, 0, count);
    },
    // Waits until the points are on the canvas (the benchmark times whole redraws, not command queuing).
    finish() { const px = new Uint8Array(4); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); },
  };
}
// The same job on the CPU: each point written as a small opaque square straight into an image buffer
// (one 32-bit store per pixel, no path building), composited over the density. Without a GPU (software
// WebGL) this is the faster of the two for a million points; #renderer=gl|pixels chooses.
