/**
 * Notebook builtins for issue 3 — loading, preprocessing, profile features, feature selection, k-means, tiers.
 * Each entry is a name notebook cells can use; charts go through `chart` so they render into the
 * environment's document.
 */
import type { StdlibEnv } from './index';
import { chartIn } from './chart';

export function profilingBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  void chart;
  return {};
}
