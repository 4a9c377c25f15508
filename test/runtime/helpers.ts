import type { CellSpec } from '../../src/notebook/types';
import { Runtime, type RuntimeOptions } from '../../src/runtime/runtime';

/** Code cells `c1…cn` from sources; `expensive` ids get the flag. */
export function code(sources: string[], expensive: string[] = []): CellSpec[] {
  return sources.map((source, i): CellSpec => ({
    id: `c${i + 1}`,
    kind: 'code',
    source,
    options: expensive.includes(`c${i + 1}`) ? { expensive: true } : {},
  }));
}

export const delay = (ms: number, v?: unknown) => new Promise((resolve) => setTimeout(() => resolve(v), ms));

/** A runtime whose cells can call `log(name)` (returns undefined) and `delay(ms, v)`; `runs` counts log calls. */
export function harness(options: RuntimeOptions = {}) {
  const order: string[] = [];
  const runs: Record<string, number> = {};
  const warnings: string[] = [];
  const rt = new Runtime({
    warn: (m) => warnings.push(m),
    ...options,
    builtins: {
      log: (name: string) => {
        order.push(name);
        runs[name] = (runs[name] ?? 0) + 1;
      },
      delay,
      ...(options.builtins ?? {}),
    },
  });
  const reset = () => {
    order.length = 0;
    for (const k of Object.keys(runs)) delete runs[k];
  };
  return { rt, order, runs, warnings, reset };
}
