/**
 * Reads the WebGL renderer string (the real GPU name via `WEBGL_debug_renderer_info`) on an OffscreenCanvas,
 * so a worker can tell a real GPU from a software rasteriser. Returns null where there is no WebGL
 * (Node, no OffscreenCanvas, WebGL blocked). Feature-detected: safe to import anywhere.
 *
 * @example
 *   readWebglRenderer(); // 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) …), SwiftShader driver)'
 */
export function readWebglRenderer(): string | null {
  const Offscreen = (globalThis as { OffscreenCanvas?: typeof OffscreenCanvas }).OffscreenCanvas;
  if (typeof Offscreen !== 'function') return null;
  try {
    const canvas = new Offscreen(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

/**
 * True when a renderer string names a CPU rasteriser (SwiftShader, llvmpipe, softpipe, Microsoft Basic Render…),
 * where tfjs webgl runs ~30× slower than wasm (STACK.md pitfall 6).
 *
 * @example
 *   isSoftwareRenderer('Google SwiftShader'); // true
 *   isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11 vs_5_0 ps_5_0)'); // false
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i.test(renderer);
}
