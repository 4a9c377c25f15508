/**
 * Notebook builtins for issue 5 — recommenders and their offline evaluation.
 * Each entry is a name notebook cells can use; charts go through `chart` so they render into the
 * environment's document.
 */
import type { StdlibEnv } from './index';
import { chartIn } from './chart';

export function recommendingBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  void chart;
  return {};
}
