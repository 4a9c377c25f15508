/**
 * Notebook builtins for issue 6 — customer lifetime value (BG/NBD, Gamma-Gamma).
 * Each entry is a name notebook cells can use; charts go through `chart` so they render into the
 * environment's document.
 */
import type { StdlibEnv } from './index';
import { chartIn } from './chart';

export function lifetimeBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  void chart;
  return {};
}
