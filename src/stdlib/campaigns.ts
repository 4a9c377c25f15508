/**
 * Notebook builtins for issue 6 — ad strategy, budget allocation, A/B tests, bandits, fairness, privacy.
 * Each entry is a name notebook cells can use; charts go through `chart` so they render into the
 * environment's document.
 */
import type { StdlibEnv } from './index';
import { chartIn } from './chart';

export function campaignsBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  void chart;
  return {};
}
