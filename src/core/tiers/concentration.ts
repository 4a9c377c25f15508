/**
 * Revenue concentration: the Lorenz curve, the Gini coefficient and the top-share.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable } from '../table';

export interface ConcentrationResult {
  /** Lorenz curve points (customers share, revenue share), ascending by spend, at most `points` + 1. */
  curve: Table;
  /** Gini coefficient in [0, 1): 0 = everyone spends the same, → 1 = one customer brings everything. */
  gini: number;
  /** The top fraction asked for (default 0.2). */
  top: number;
  /** Share of revenue brought by the top `top` of customers by spend. */
  topShare: number;
  customers: number;
  revenue: number;
}

/**
 * Sort customers by spend (negative spend counts as 0) and accumulate: the Lorenz curve
 * $L(p)$ is the share of revenue of the poorest share p of customers; the Gini coefficient is
 * $G = \frac{\sum_i (2i - n - 1) x_{(i)}}{n \sum_i x_{(i)}}$ (i = 1..n ascending), twice the area between
 * the diagonal and the curve; `topShare` = revenue share of the ⌈top·n⌉ biggest spenders ("the top
 * 20% bring X% of revenue"). The curve keeps at most `points` (default 200) evenly spaced points
 * plus (0, 0). Defaults: column monetary, top 0.2.
 *
 * @example
 *   const c = concentration(profile); // Online Retail: top 20% bring ≈ 74% of revenue
 *   `${(c.topShare * 100).toFixed(1)}%`;
 */
export function concentration(table: Table, opts: { column?: string; top?: number; points?: number } = {}): ConcentrationResult {
  const column = opts.column ?? 'monetary';
  const top = opts.top ?? 0.2;
  const points = opts.points ?? 200;
  if (!(top > 0 && top <= 1)) throw new Error(`concentration: top must be in (0, 1], got ${top}`);
  const v = floats(table, column).map((x) => (x > 0 ? x : 0)).sort();
  const n = v.length;
  if (n === 0) throw new Error('concentration: no customers');
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += v[i];
    weighted += (2 * (i + 1) - n - 1) * v[i];
  }
  const gini = total > 0 ? weighted / (n * total) : 0;
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + v[i];
  const m = Math.min(points, n);
  const px = new Float64Array(m + 1);
  const py = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) {
    const i = Math.round((j * n) / m);
    px[j] = i / n;
    py[j] = total > 0 ? cum[i] / total : i / n;
  }
  const kTop = Math.ceil(top * n - 1e-9);
  const topShare = total > 0 ? (total - cum[n - kTop]) / total : kTop / n;
  return { curve: makeTable({ customers: px, revenue: py }), gini, top, topShare, customers: n, revenue: total };
}
