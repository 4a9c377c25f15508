/**
 * Preprocessing step: put features on a common scale before distance-based methods (k-means).
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, type ColumnInput } from '../table';

/** How `scaleFeatures` transforms each column. */
export type Scaling = 'log1p-zscore' | 'zscore' | 'minmax' | 'log1p' | 'none';

export const SCALINGS: readonly Scaling[] = ['log1p-zscore', 'zscore', 'minmax', 'log1p', 'none'];

export interface ScaleOptions {
  /** Columns to scale, in output order. Required. */
  columns: readonly string[];
  /** The transformation. Default 'log1p-zscore'. */
  method?: Scaling;
  /** Id column copied first, unchanged. Default 'customer' (skipped when absent). */
  id?: string;
}

/**
 * Scale numeric columns, one column at a time:
 * - `zscore`: $z = (x - \bar x) / \sigma$ with the population σ (n denominator, as scikit-learn's
 *   `StandardScaler`); a constant column becomes 0;
 * - `minmax`: $(x - \min) / (\max - \min)$ into [0, 1] (`MinMaxScaler`); a constant column becomes 0;
 * - `log1p`: $\ln(1 + \max(x, 0))$ — tames the long right tail of spend and frequency;
 * - `log1p-zscore` (default): log1p, then z-score — the usual input of k-means on RFM;
 * - `none`: copied as is.
 * Returns the id column then the scaled columns (`table`), and per column the centre and scale
 * that were used (`params`: column, center, scale; for log1p-zscore they apply after log1p).
 *
 * @example
 *   scaleFeatures(profile, { columns: ['recency', 'frequency', 'monetary'] }).table;
 *   scaleFeatures(profile, { columns: ['monetary'], method: 'minmax' });
 */
export function scaleFeatures(table: Table, opts: ScaleOptions): { table: Table; params: Table } {
  const method = opts.method ?? 'log1p-zscore';
  if (!SCALINGS.includes(method)) throw new Error(`scaleFeatures: method must be one of ${SCALINGS.join(', ')}, got "${method}"`);
  if (!opts.columns.length) throw new Error('scaleFeatures: choose at least one column');
  const id = opts.id ?? 'customer';
  const out: Record<string, ColumnInput> = {};
  if (table.schema.fields.some((f) => f.name === id)) out[id] = table.getChild(id)!;
  const center: number[] = [];
  const scale: number[] = [];
  for (const col of opts.columns) {
    const v = floats(table, col);
    const n = v.length;
    if (method === 'log1p' || method === 'log1p-zscore') for (let i = 0; i < n; i++) v[i] = Math.log1p(v[i] > 0 ? v[i] : 0);
    let c = 0;
    let s = 1;
    if (method === 'zscore' || method === 'log1p-zscore') {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += v[i];
      c = sum / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (v[i] - c) * (v[i] - c);
      s = Math.sqrt(ss / n);
    } else if (method === 'minmax') {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < n; i++) {
        if (v[i] < lo) lo = v[i];
        if (v[i] > hi) hi = v[i];
      }
      c = lo;
      s = hi - lo;
    }
    if (method !== 'log1p' && method !== 'none') {
      const inv = s > 0 ? 1 / s : 0;
      for (let i = 0; i < n; i++) v[i] = (v[i] - c) * inv;
    }
    center.push(c);
    scale.push(s);
    out[col] = v;
  }
  return {
    table: makeTable(out),
    params: makeTable({ column: [...opts.columns], center: Float64Array.from(center), scale: Float64Array.from(scale) }),
  };
}
