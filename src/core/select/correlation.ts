/**
 * Feature selection: pairwise Pearson correlation of numeric columns.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable } from '../table';

/**
 * Pearson correlation $r_{ab} = \frac{\sum (a - \bar a)(b - \bar b)}{\sqrt{\sum (a - \bar a)^2 \sum (b - \bar b)^2}}$
 * of every pair of `columns`, as a long table (x, y, r) with all d² pairs (the diagonal is 1) —
 * the shape a heatmap draws. Rows with a NaN in either column are skipped for that pair (pandas
 * `DataFrame.corr()` does the same); a constant column gives NaN.
 *
 * @example
 *   correlationMatrix(features, ['recency', 'frequency', 'monetary']); // 9 rows
 */
export function correlationMatrix(table: Table, columns: readonly string[]): Table {
  const cols = columns.map((c) => floats(table, c));
  const d = columns.length;
  const x: string[] = [];
  const y: string[] = [];
  const r: number[] = [];
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      x.push(columns[a]);
      y.push(columns[b]);
      r.push(a === b ? (variance(cols[a]) > 0 ? 1 : NaN) : pearson(cols[a], cols[b]));
    }
  }
  return makeTable({ x, y, r: Float64Array.from(r) });
}

function variance(v: Float64Array): number {
  let n = 0;
  let s = 0;
  for (const x of v) if (x === x) (n++, (s += x));
  const mu = s / n;
  let ss = 0;
  for (const x of v) if (x === x) ss += (x - mu) ** 2;
  return n > 1 ? ss / (n - 1) : NaN;
}

/** Pearson correlation of two equal-length arrays over rows where both are numbers. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === a[i] && b[i] === b[i]) {
      n++;
      sa += a[i];
      sb += b[i];
    }
  }
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === a[i] && b[i] === b[i]) {
      const u = a[i] - ma;
      const v = b[i] - mb;
      sab += u * v;
      saa += u * u;
      sbb += v * v;
    }
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
