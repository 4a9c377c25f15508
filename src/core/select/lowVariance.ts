/**
 * Feature selection: flag features that barely vary.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable } from '../table';

/**
 * Variance of each column (population, n denominator, as scikit-learn's `VarianceThreshold`) and of
 * the column min-max scaled to [0, 1] — the scaled one is comparable across units. A feature is
 * kept when its scaled variance is above `threshold` (default 0.001): a column that is almost
 * constant cannot separate customers. Columns: feature, variance, scaledVariance, keep (1/0).
 *
 * @example
 *   lowVariance(features, ['recency', 'frequency', 'monetary', 'return_rate'], { threshold: 0.001 });
 */
export function lowVariance(table: Table, columns: readonly string[], opts: { threshold?: number } = {}): Table {
  const threshold = opts.threshold ?? 0.001;
  const variance: number[] = [];
  const scaled: number[] = [];
  for (const c of columns) {
    const v = floats(table, c);
    let n = 0;
    let s = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) {
      if (x !== x) continue;
      n++;
      s += x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const mu = s / n;
    let ss = 0;
    for (const x of v) if (x === x) ss += (x - mu) ** 2;
    const varc = n > 0 ? ss / n : NaN;
    variance.push(varc);
    scaled.push(hi > lo ? varc / (hi - lo) ** 2 : 0);
  }
  return makeTable({
    feature: [...columns],
    variance: Float64Array.from(variance),
    scaledVariance: Float64Array.from(scaled),
    keep: Int32Array.from(scaled, (v) => (v > threshold ? 1 : 0)),
  });
}
