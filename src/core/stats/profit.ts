/**
 * Threshold economics: expected campaign profit at every threshold, from a margin per conversion and a
 * cost per contact.
 */

export interface ProfitOptions {
  /** Profit margin earned per converted (contacted buyer) customer (required, ≥ 0). */
  margin: number;
  /** Cost of contacting one customer (required, ≥ 0). */
  cost: number;
  /** Threshold grid step; thresholds run 0, step, 2·step, … 1 (default 0.01). */
  step?: number;
}

/**
 * Contact everyone with p > t (the rule of `confusion` and `thresholdTiers`). At each threshold t of the
 * grid: contacted(t) = TP + FP, conversions(t) = TP and
 *
 *   profit(t) = margin · TP(t) − cost · (TP(t) + FP(t)).
 *
 * Computed from the labelled rows (test set), so it is the profit the campaign would have made on them.
 *
 * @example
 *   profitCurve(Uint8Array.of(1, 0, 1, 0), [0.9, 0.8, 0.3, 0.1], { margin: 10, cost: 2, step: 0.5 });
 *   // { threshold: [0, 0.5, 1], contacted: [4, 2, 0], conversions: [2, 1, 0], profit: [12, 6, 0] }
 */
export function profitCurve(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  opts: ProfitOptions,
): { threshold: Float64Array; contacted: Float64Array; conversions: Float64Array; profit: Float64Array } {
  const { margin, cost } = opts;
  const step = opts.step ?? 0.01;
  if (!(Number.isFinite(margin) && margin >= 0)) throw new Error(`profitCurve: margin must be a number ≥ 0, got ${margin}`);
  if (!(Number.isFinite(cost) && cost >= 0)) throw new Error(`profitCurve: cost must be a number ≥ 0, got ${cost}`);
  if (!(step > 0 && step <= 1)) throw new Error(`profitCurve: step must be in (0, 1], got ${step}`);
  if (y.length !== p.length) throw new Error(`profitCurve: ${y.length} labels but ${p.length} probabilities`);
  // scores sorted ascending, all rows and buyers apart: #(p > t) = n − upperBound(t)
  const all = Float64Array.from(p).sort();
  const buyers: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`profitCurve: labels must be 0 or 1, got ${y[i]} at index ${i}`);
    if (Number.isNaN(p[i])) throw new Error(`profitCurve: probability at index ${i} is NaN`);
    if (y[i] === 1) buyers.push(p[i]);
  }
  const pos = Float64Array.from(buyers).sort();
  const above = (a: Float64Array, t: number) => {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return a.length - lo;
  };
  const k = Math.round(1 / step) + 1;
  const threshold = new Float64Array(k);
  const contacted = new Float64Array(k);
  const conversions = new Float64Array(k);
  const profit = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const t = Math.min(1, Math.round(i * step * 1e9) / 1e9);
    threshold[i] = t;
    contacted[i] = above(all, t);
    conversions[i] = above(pos, t);
    profit[i] = margin * conversions[i] - cost * contacted[i];
  }
  return { threshold, contacted, conversions, profit };
}

/**
 * The profit-optimal point of a profit curve: the threshold with the highest profit (ties: the higher
 * threshold, i.e. fewer contacts for the same profit).
 *
 * @example bestThreshold({ threshold: Float64Array.of(0, 0.5, 1), profit: Float64Array.of(12, 6, 0) }); // { threshold: 0, profit: 12 }
 */
export function bestThreshold(curve: { threshold: ArrayLike<number>; profit: ArrayLike<number>; contacted?: ArrayLike<number> }): {
  threshold: number;
  profit: number;
  contacted: number;
} {
  if (curve.threshold.length === 0) throw new Error('bestThreshold: the profit curve is empty');
  let best = 0;
  for (let i = 1; i < curve.profit.length; i++) if (curve.profit[i] >= curve.profit[best]) best = i;
  return { threshold: curve.threshold[best], profit: curve.profit[best], contacted: curve.contacted ? curve.contacted[best] : NaN };
}
