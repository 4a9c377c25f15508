/**
 * Quantiles and quantile bins computed exactly like numpy / pandas (float for float).
 */

/** `numpy.linspace(0, 1, q + 1)`: k · (1 / q), the last exactly 1. */
export function linspace01(q: number): Float64Array {
  const out = new Float64Array(q + 1);
  const step = 1 / q;
  for (let k = 0; k <= q; k++) out[k] = k * step;
  out[q] = 1;
  return out;
}

/**
 * Quantile of an ascending-sorted array with numpy's default `linear` method (Hyndman–Fan 7),
 * including numpy's lerp rounding (from the upper neighbour when the weight is ≥ 0.5).
 *
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const vi = (n - 1) * q;
  if (vi >= n - 1) return sorted[n - 1];
  if (vi < 0) return sorted[0];
  const prev = Math.floor(vi);
  const a = sorted[prev];
  const b = sorted[prev + 1];
  const gamma = vi - prev;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/**
 * Bin 1..q of every value, as pandas `qcut(x.rank(method='first'), q, labels=range(1, q + 1))`:
 * values are ranked 1..n ascending with ties in order of appearance, the rank range is cut at its
 * numpy-linear quantiles (right-closed bins, the lowest edge included). Default q = 5 (quintiles).
 * NaN values get bin 0.
 *
 * @example qcutFirstRank(Float64Array.of(10, 10, 20, 5, 7)); // Int32Array [3, 4, 5, 1, 2]
 */
export function qcutFirstRank(x: ArrayLike<number>, q = 5): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) idx.push(i);
  idx.sort((a, b) => x[a] - x[b] || a - b); // stable: ties keep their order (method='first')
  const n = idx.length;
  const ranks = new Float64Array(n);
  for (let r = 0; r < n; r++) ranks[r] = r + 1;
  const qs = linspace01(q);
  const edges = new Float64Array(q + 1);
  for (let k = 0; k <= q; k++) edges[k] = quantileSorted(ranks, qs[k]);
  const out = new Int32Array(x.length);
  let bin = 1;
  for (let r = 0; r < n; r++) {
    const rank = r + 1;
    while (bin < q && rank > edges[bin]) bin++; // right-closed: edges[bin−1] < rank ≤ edges[bin]
    out[idx[r]] = bin;
  }
  return out;
}
