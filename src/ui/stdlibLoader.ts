/**
 * The notebook library (src/stdlib: every stage, chart and model helper) is loaded with a dynamic
 * import while the app boots, so it is its own chunk, fetched in parallel with the notebook, and the
 * main bundle stays small. `boot()` awaits `loadStdlib()`; sessions then build their builtins
 * synchronously with `stdlibFactory()`.
 */
import type { createStdlib } from '../stdlib';

let factory: typeof createStdlib | null = null;

export async function loadStdlib(): Promise<void> {
  if (factory) return;
  const [{ createStdlib }, { registerDuckdbWasm }] = await Promise.all([import('../stdlib'), import('../engine/host')]);
  // DuckDB-wasm (~33 MB) is fetched only when a notebook runs the DuckDB engine. The stdlib cannot
  // import it itself: the stdlib is also inlined into the sandbox's single script.
  registerDuckdbWasm(() => import('../engine/duckdbWasm'));
  factory = createStdlib;
}

export function stdlibFactory(): typeof createStdlib {
  if (!factory) throw new Error('the notebook library is not loaded yet (call loadStdlib() first)');
  return factory;
}
