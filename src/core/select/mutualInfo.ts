/**
 * Feature selection: mutual information between each feature and a discrete target.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable } from '../table';
import { quantileSorted } from '../stats/quantile';

export interface MutualInfoOptions {
  /** Target column (discrete: 0/1 label, class codes). Required. */
  target: string;
  /** Feature columns. Default: every numeric column except the target. */
  columns?: readonly string[];
  /** Equal-frequency bins per feature. Default 10. */
  bins?: number;
}

/**
 * Equal-frequency bins of the values, as pandas `qcut(x, bins, labels=False, duplicates='drop')`: edges
 * at the numpy-linear quantiles k / bins, repeated edges merged (so equal values share a bin),
 * right-closed bins with the lowest edge included. NaN → the extra last code `bins`.
 *
 * @example qcutValues(Float64Array.of(1, 2, 2, 2, 3, 4, 5, 9, 9, 9, 10, 11), 4); // [0,0,0,0,1,1,2,2,2,2,3,3]
 */
export function qcutValues(x: Float64Array, bins: number): Int32Array {
  const sorted = x.filter((v) => v === v).sort();
  const edges: number[] = [];
  for (let k = 0; k <= bins; k++) {
    const e = quantileSorted(sorted, k / bins);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  const out = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) {
      out[i] = bins;
      continue;
    }
    let lo = 1;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    out[i] = Math.max(0, lo - 1);
  }
  return out;
}

/**
 * Mutual information $I(X;Y) = \sum_{x,y} p(x,y) \ln \frac{p(x,y)}{p(x)p(y)}$ (in nats) between each
 * feature, cut into `bins` equal-frequency bins (`qcutValues`: equal values share a bin), and the
 * target. 0 means the feature says nothing about the target; the larger, the more it tells — and,
 * unlike correlation, it sees non-linear relations. Output rows (feature, mi) sorted by mi, largest first.
 * Equals scikit-learn's `mutual_info_score(target, pd.qcut(feature, bins, labels=False, duplicates='drop'))`.
 *
 * @example
 *   mutualInformation(purchaseTable, { target: 'label' });
 */
export function mutualInformation(table: Table, opts: MutualInfoOptions): Table {
  const bins = opts.bins ?? 10;
  if (!(Number.isInteger(bins) && bins >= 2)) throw new Error(`mutualInformation: bins must be a whole number ≥ 2, got ${bins}`);
  const columns =
    opts.columns ?? table.schema.fields.filter((f) => f.name !== opts.target && [2, 3, 7].includes(f.type.typeId)).map((f) => f.name);
  const y = floats(table, opts.target);
  const levels = new Map<number, number>();
  const yc = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let k = levels.get(y[i]);
    if (k === undefined) levels.set(y[i], (k = levels.size));
    yc[i] = k;
  }
  const ny = levels.size;
  const mi = columns.map((c) => {
    const b = qcutValues(floats(table, c), bins);
    return mutualInfoCodes(b, bins + 1, yc, ny);
  });
  const order = columns.map((_, i) => i).sort((a, b) => mi[b] - mi[a] || a - b);
  return makeTable({ feature: order.map((i) => columns[i]), mi: Float64Array.from(order, (i) => mi[i]) });
}

/** Mutual information (nats) of two code arrays with nx and ny levels. */
export function mutualInfoCodes(x: Int32Array, nx: number, y: Int32Array, ny: number): number {
  const n = x.length;
  const joint = new Float64Array(nx * ny);
  const px = new Float64Array(nx);
  const py = new Float64Array(ny);
  for (let i = 0; i < n; i++) {
    joint[x[i] * ny + y[i]]++;
    px[x[i]]++;
    py[y[i]]++;
  }
  let mi = 0;
  for (let a = 0; a < nx; a++) {
    for (let b = 0; b < ny; b++) {
      const j = joint[a * ny + b];
      if (j > 0) mi += (j / n) * Math.log((j * n) / (px[a] * py[b]));
    }
  }
  return Math.max(0, mi);
}
