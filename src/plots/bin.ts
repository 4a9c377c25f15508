/**
 * Typed-array binning for chart histograms (linear or log-spaced edges), so a figure never builds
 * one object per customer.
 *
 * @example
 *   binValues(Float64Array.of(1, 2, 2, 9), { bins: 4 });
 *   // { x0: [0, 2.5, 5, 7.5], x1: [2.5, 5, 7.5, 10], count: [3, 0, 0, 1], dropped: 0 }
 */

export interface Bins {
  /** Lower edge of each bin (inclusive). */
  x0: Float64Array;
  /** Upper edge of each bin (exclusive, except the last). */
  x1: Float64Array;
  /** Values per bin. */
  count: Float64Array;
  /** Values left out: NaN, infinite, or ≤ 0 on a log scale. */
  dropped: number;
}

export interface BinOptions {
  /** Approximate number of bins (default 20); linear edges are rounded to a nice step. */
  bins?: number;
  /** Log-spaced edges at `perDecade` bins per power of ten (default false: linear edges from a nice 0-or-min). */
  log?: boolean;
  /** Bins per decade on a log scale (default 4). */
  perDecade?: number;
}

function niceStep(span: number, bins: number): number {
  const raw = span / Math.max(1, bins);
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

/**
 * Histogram of `values`. Linear (default): edges at multiples of a nice step covering [min(0, lo), hi].
 * Log: edges at 10^(k / perDecade) covering the positive values; non-positive values are dropped and counted.
 */
export function binValues(values: ArrayLike<number>, opts: BinOptions = {}): Bins {
  const { bins = 20, log = false, perDecade = 4 } = opts;
  let lo = Infinity;
  let hi = -Infinity;
  let dropped = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (log && v <= 0)) {
      dropped++;
      continue;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return { x0: new Float64Array(0), x1: new Float64Array(0), count: new Float64Array(0), dropped };
  let edges: Float64Array;
  if (log) {
    const k0 = Math.floor(Math.log10(lo) * perDecade + 1e-9);
    let k1 = Math.ceil(Math.log10(hi) * perDecade - 1e-9);
    if (k1 <= k0) k1 = k0 + 1;
    edges = new Float64Array(k1 - k0 + 1);
    for (let k = k0; k <= k1; k++) edges[k - k0] = +(10 ** (k / perDecade)).toPrecision(12);
  } else {
    const start = Math.min(0, lo);
    const step = niceStep(hi - start, bins);
    const first = Math.floor(start / step) * step;
    let m = Math.max(1, Math.ceil((hi - first) / step));
    if (first + m * step <= hi) m++;
    edges = new Float64Array(m + 1);
    for (let k = 0; k <= m; k++) edges[k] = +(first + k * step).toPrecision(12);
  }
  const nb = edges.length - 1;
  const count = new Float64Array(nb);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    // binary search for the last edge ≤ v
    let a = 0;
    let b = nb;
    while (b - a > 1) {
      const mid = (a + b) >> 1;
      if (edges[mid] <= v) a = mid;
      else b = mid;
    }
    count[a]++;
  }
  return { x0: edges.slice(0, nb), x1: edges.slice(1), count, dropped };
}
