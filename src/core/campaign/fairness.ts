/**
 * Fairness audit of a targeting decision: who gets selected (shown the ad, given the offer), by group.
 */
import type { Table } from 'apache-arrow';
import { makeTable, strings } from '../table';
import { DataError } from '../errors';

function binary(table: Table, column: string, what: string): Uint8Array {
  const col = table.getChild(column);
  if (!col) throw new DataError({ file: 'fairness audit', column, problem: `is not a column (${what})`, expected: table.schema.fields.map((f) => f.name).join(', ') });
  const out = new Uint8Array(table.numRows);
  for (let i = 0; i < out.length; i++) {
    const v = col.get(i) as unknown;
    out[i] = v === true || v === 1 || v === '1' || v === 'true' || v === 'TRUE' ? 1 : 0;
  }
  return out;
}

export interface FairnessOptions {
  /** Column with the true outcome (1 = would convert / qualified), for the equal-opportunity difference. */
  label?: string;
  /** Groups with fewer rows are pooled into "Other" (their rates are noise). Default 0 (no pooling). */
  minGroupSize?: number;
}

/**
 * Selection rates by group and the usual disparity measures. For each group g:
 *   selection rate s_g = selected_g / n_g,   impact ratio s_g / max_h s_h,
 * flagged when the ratio is below 4/5 (the "four-fifths rule" of adverse impact). Overall:
 *   demographic-parity difference = max_g s_g − min_g s_g,
 *   disparate-impact ratio = min_g s_g / max_g s_g,
 * and, when `label` is given, the true-positive rate TPR_g = P(selected | label = 1, g) per group and the
 * equal-opportunity difference max_g TPR_g − min_g TPR_g. `selected` and `label` are 0/1 or boolean columns.
 * Groups are sorted by size, largest first; null groups are "(missing)".
 * @example fairnessAudit(audience, 'country', 'selected').summary.fourFifthsViolations
 */
export function fairnessAudit(table: Table, group: string, selected: string, opts: FairnessOptions = {}) {
  const g = strings(table, group).map((x) => x ?? '(missing)');
  const s = binary(table, selected, 'selected flag');
  const y = opts.label ? binary(table, opts.label, 'label') : null;
  const stats = new Map<string, { n: number; sel: number; pos: number; tp: number }>();
  for (let i = 0; i < g.length; i++) {
    let e = stats.get(g[i]);
    if (!e) stats.set(g[i], (e = { n: 0, sel: 0, pos: 0, tp: 0 }));
    e.n++;
    e.sel += s[i];
    if (y && y[i]) {
      e.pos++;
      e.tp += s[i];
    }
  }
  const min = opts.minGroupSize ?? 0;
  if (min > 0) {
    const other = { n: 0, sel: 0, pos: 0, tp: 0 };
    for (const [k, e] of [...stats]) {
      if (e.n < min) {
        other.n += e.n;
        other.sel += e.sel;
        other.pos += e.pos;
        other.tp += e.tp;
        stats.delete(k);
      }
    }
    if (other.n > 0) stats.set('Other', other);
  }
  const rows = [...stats.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  const rate = rows.map(([, e]) => e.sel / e.n);
  const maxRate = Math.max(...rate);
  const minRate = Math.min(...rate);
  const ratio = rate.map((r) => (maxRate > 0 ? r / maxRate : 1));
  const tpr = rows.map(([, e]) => (e.pos > 0 ? e.tp / e.pos : NaN));
  const definedTpr = tpr.filter((v) => Number.isFinite(v));
  const groups = makeTable({
    group: rows.map(([k]) => k),
    n: Int32Array.from(rows, ([, e]) => e.n),
    selected: Int32Array.from(rows, ([, e]) => e.sel),
    selectionRate: Float64Array.from(rate),
    impactRatio: Float64Array.from(ratio),
    fourFifths: rows.map((_, i) => (ratio[i] < 0.8 ? 'below 4/5' : 'ok')),
    ...(y ? { truePositiveRate: Float64Array.from(tpr) } : {}),
  });
  return {
    groups,
    summary: {
      groups: rows.length,
      demographicParityDifference: maxRate - minRate,
      disparateImpactRatio: maxRate > 0 ? minRate / maxRate : 1,
      fourFifthsViolations: ratio.filter((r) => r < 0.8).length,
      equalOpportunityDifference: y && definedTpr.length ? Math.max(...definedTpr) - Math.min(...definedTpr) : null,
    },
  };
}
