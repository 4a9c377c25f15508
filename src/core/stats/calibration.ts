/**
 * Calibration (reliability) table: do predicted probabilities match observed frequencies?
 */

/**
 * Cuts [0, 1] into `bins` equal-width bins (default 10; like scikit-learn `calibration_curve(strategy='uniform')`,
 * a probability of exactly 1 falls in the last bin) and returns, for each non-empty bin, the mean predicted
 * probability, the observed fraction of positives and the row count. A perfectly calibrated model lies on
 * the diagonal.
 *
 * @example
 *   calibration(Uint8Array.of(0, 1, 1, 0), [0.1, 0.9, 0.8, 0.3], { bins: 2 });
 *   // { bin: [0, 1], meanPredicted: [0.2, 0.85], fractionPositive: [0, 1], count: [2, 2] }
 */
export function calibration(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  opts: { bins?: number } = {},
): { bin: Int32Array; meanPredicted: Float64Array; fractionPositive: Float64Array; count: Float64Array } {
  const bins = opts.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`calibration: bins must be a positive integer, got ${bins}`);
  if (y.length !== p.length) throw new Error(`calibration: ${y.length} labels but ${p.length} probabilities`);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < y.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw new Error(`calibration: probability at index ${i} is ${p[i]}, not in [0, 1]`);
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`calibration: labels must be 0 or 1, got ${y[i]} at index ${i}`);
    const b = Math.min(bins - 1, Math.floor(p[i] * bins));
    sumP[b] += p[i];
    sumY[b] += y[i];
    count[b]++;
  }
  const keep: number[] = [];
  for (let b = 0; b < bins; b++) if (count[b] > 0) keep.push(b);
  return {
    bin: Int32Array.from(keep),
    meanPredicted: Float64Array.from(keep, (b) => sumP[b] / count[b]),
    fractionPositive: Float64Array.from(keep, (b) => sumY[b] / count[b]),
    count: Float64Array.from(keep, (b) => count[b]),
  };
}
