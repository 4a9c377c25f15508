/**
 * Timing helpers: run a function a few times with `performance.now()` and summarise.
 */

/**
 * Wall-clock ms of each of `runs` calls of `fn` (awaited), after `warmup` untimed calls (default 0).
 *
 * @example
 *   const ms = await timeRuns(() => rfm(table), 5, 1); // [28.3, 27.9, …] (5 timings, 1 warm-up first)
 */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The median of the values (mean of the middle two for an even count); NaN when empty.
 *
 * @example
 *   median([3, 1, 2]); // 2
 */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/**
 * The p-th percentile (0–100) with linear interpolation between closest ranks (numpy's default);
 * NaN when empty.
 *
 * @example
 *   percentile([1, 2, 3, 4], 50); // 2.5
 *   percentile([1, 2, 3, 4], 95); // 3.85
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = ((s.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}
