/**
 * Cumulative gain and lift: contact the customers with the highest scores first; what share of all
 * buyers have you reached, and how many times better than contacting at random is that?
 */

/**
 * Sorts rows by score (descending, ties by row order) and, at `points` equal steps of the contacted fraction
 * q = k / points (default 100 steps, k = 0 … points), reports contacted = round(q·n), gain(q) = buyers among
 * them / all buyers, and cumulative lift(q) = gain(q) / q (1 = random; the k = 0 row has lift 1 by convention).
 *
 * @example
 *   gain(Uint8Array.of(1, 0, 1, 0), [0.9, 0.8, 0.7, 0.1], { points: 4 });
 *   // { fraction: [0, .25, .5, .75, 1], contacted: [0, 1, 2, 3, 4], gain: [0, .5, .5, 1, 1], lift: [1, 2, 1, 1.333, 1] }
 */
export function gain(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  opts: { points?: number } = {},
): { fraction: Float64Array; contacted: Float64Array; gain: Float64Array; lift: Float64Array } {
  const points = opts.points ?? 100;
  if (!Number.isInteger(points) || points < 1) throw new Error(`gain: points must be a positive integer, got ${points}`);
  if (y.length !== p.length) throw new Error(`gain: ${y.length} labels but ${p.length} scores`);
  const n = y.length;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`gain: labels must be 0 or 1, got ${y[i]} at index ${i}`);
    if (Number.isNaN(p[i])) throw new Error(`gain: score at index ${i} is NaN`);
    pos += y[i];
  }
  if (pos === 0) throw new Error('gain: needs at least one positive label');
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => p[b] - p[a] || a - b);
  // captured[k] = buyers among the first k rows
  const captured = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) captured[k + 1] = captured[k] + y[idx[k]];
  const fraction = new Float64Array(points + 1);
  const contacted = new Float64Array(points + 1);
  const g = new Float64Array(points + 1);
  const lift = new Float64Array(points + 1);
  for (let k = 0; k <= points; k++) {
    const q = k / points;
    const m = Math.round(q * n);
    fraction[k] = q;
    contacted[k] = m;
    g[k] = captured[m] / pos;
    lift[k] = k === 0 ? 1 : g[k] / q;
  }
  return { fraction, contacted, gain: g, lift };
}
