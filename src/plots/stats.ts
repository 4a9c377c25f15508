/**
 * Small numeric helpers for chart summaries (kept here so plots depend on core only for tables).
 *
 * @example
 *   quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5 (linear interpolation, like numpy's default)
 */

/**
 * The p-quantile of ascending-sorted values by linear interpolation between closest ranks
 * (numpy `quantile(method='linear')`); NaN for an empty array.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const w = h - lo;
  return w === 0 ? sorted[lo] : sorted[lo] + w * (sorted[lo + 1] - sorted[lo]);
}
