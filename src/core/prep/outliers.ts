/**
 * Preprocessing step: cap (winsorise) or drop extreme values of one column, e.g. customer spend.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, type ColumnInput } from '../table';
import { quantileSorted } from '../stats/quantile';
import { keepRows } from './keepRows';

export interface OutlierOptions {
  /** Column to treat. Default 'monetary'. */
  column?: string;
  /**
   * 'iqr' (default): bounds Q1 − k·IQR and Q3 + k·IQR (Tukey's fences);
   * 'percentile': bounds at the `lower` and `upper` quantiles;
   * 'none': no bounds.
   */
  method?: 'iqr' | 'percentile' | 'none';
  /** Fence multiplier of the IQR method. Default 1.5. */
  k?: number;
  /** Lower quantile of the percentile method. Default 0.01. */
  lower?: number;
  /** Upper quantile of the percentile method. Default 0.99. */
  upper?: number;
  /** 'clip' (default): winsorise values to the bounds; 'drop': remove rows outside them. */
  action?: 'clip' | 'drop';
}

export interface OutlierResult {
  /** The table with the column clipped (or the outside rows dropped). */
  table: Table;
  column: string;
  method: string;
  action: string;
  /** Bounds used (−∞ / +∞ when none). */
  low: number;
  high: number;
  /** Rows below / above the bounds. */
  below: number;
  above: number;
  /** Rows removed (action 'drop'), else 0. */
  removed: number;
  /** The column's values before and after, for a before/after histogram. */
  before: Float64Array;
  after: Float64Array;
}

/**
 * Find the bounds of the column (numpy-linear quantiles, as pandas' `quantile`) and clip values to
 * them — winsorising keeps every customer but stops a few huge accounts from dominating means and
 * k-means distances — or drop the rows outside. Defaults: column monetary, IQR fences with k = 1.5,
 * clip.
 *
 * @example
 *   capOutliers(profile);                                                   // Tukey fences, clip
 *   capOutliers(profile, { method: 'percentile', lower: 0.01, upper: 0.99 });
 *   capOutliers(profile, { action: 'drop' }).removed;
 */
export function capOutliers(table: Table, opts: OutlierOptions = {}): OutlierResult {
  const column = opts.column ?? 'monetary';
  const method = opts.method ?? 'iqr';
  const action = opts.action ?? 'clip';
  const before = floats(table, column);
  const sorted = before.filter((x) => x === x).sort();
  let low = -Infinity;
  let high = Infinity;
  if (method === 'iqr') {
    const k = opts.k ?? 1.5;
    if (!(k >= 0)) throw new Error(`capOutliers: k must be ≥ 0, got ${k}`);
    const q1 = quantileSorted(sorted, 0.25);
    const q3 = quantileSorted(sorted, 0.75);
    low = q1 - k * (q3 - q1);
    high = q3 + k * (q3 - q1);
  } else if (method === 'percentile') {
    const lo = opts.lower ?? 0.01;
    const hi = opts.upper ?? 0.99;
    if (!(lo >= 0 && hi <= 1 && lo < hi)) throw new Error(`capOutliers: need 0 ≤ lower < upper ≤ 1, got ${lo}, ${hi}`);
    low = quantileSorted(sorted, lo);
    high = quantileSorted(sorted, hi);
  } else if (method !== 'none') throw new Error(`capOutliers: method must be "iqr", "percentile" or "none", got "${method}"`);
  if (action !== 'clip' && action !== 'drop') throw new Error(`capOutliers: action must be "clip" or "drop", got "${action}"`);
  const n = before.length;
  const after = Float64Array.from(before);
  const keep = new Uint8Array(n).fill(1);
  let below = 0;
  let above = 0;
  for (let i = 0; i < n; i++) {
    const v = before[i];
    if (v < low) {
      below++;
      after[i] = low;
      keep[i] = 0;
    } else if (v > high) {
      above++;
      after[i] = high;
      keep[i] = 0;
    }
  }
  let out: Table;
  let removed = 0;
  if (action === 'drop') {
    removed = below + above;
    out = removed ? keepRows(table, keep) : table;
    const kept = after.filter((_, i) => keep[i] === 1);
    return { table: out, column, method, action, low, high, below, above, removed, before, after: kept };
  }
  const cols: Record<string, ColumnInput> = {};
  for (const f of table.schema.fields) cols[f.name] = f.name === column ? after : table.getChild(f.name)!;
  out = makeTable(cols);
  return { table: out, column, method, action, low, high, below, above, removed, before, after };
}
