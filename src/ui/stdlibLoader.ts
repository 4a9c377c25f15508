/**
 * The notebook library (src/stdlib: every stage, chart and model helper) is loaded with a dynamic
 * import while the app boots, so it is its own chunk, fetched in parallel with the notebook, and the
 * main bundle stays small. `boot()` awaits `loadStdlib()`; sessions then build their builtins
 * synchronously with `stdlibFactory()`.
 */
import type { createStdlib } from '../stdlib';

let factory: typeof createStdlib | null = null;

export async function loadStdlib(): Promise<void> {
  factory ??= (await import('../stdlib')).createStdlib;
}

export function stdlibFactory(): typeof createStdlib {
  if (!factory) throw new Error('the notebook library is not loaded yet (call loadStdlib() first)');
  return factory;
}
