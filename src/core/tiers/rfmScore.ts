/**
 * RFM quintile scores and segments.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, strings } from '../table';
import { qcutFirstRank } from '../stats/quantile';
import { segmentOf } from './segments';

export interface RfmScoreOptions {
  /** Weights of the R, F and M scores in `score` (their weighted mean). Default {r: 1, f: 1, m: 1}. */
  weights?: { r: number; f: number; m: number };
}

/**
 * Quintile scores 1–5 of an RFM profile (`rfm(...)`: customer, recency, frequency, monetary).
 * Each of recency, frequency and monetary is cut like pandas
 * `qcut(x.rank(method='first'), 5, labels=[1, 2, 3, 4, 5])` — ties broken by row order of the
 * profile — and recency is reversed (labels 5..1) so the most recent customers score 5.
 * score = (w_r·r + w_f·f + w_m·m) / (w_r + w_f + w_m); segment from the R×F map (`SEGMENT_RULES`).
 * Columns: customer, r, f, m, score, segment — rows in profile order.
 *
 * @example
 *   rfmScores(rfm(cleaned));                             // equal weights
 *   rfmScores(profile, { weights: { r: 2, f: 1, m: 1 } }); // recency counts double
 */
export function rfmScores(profile: Table, opts: RfmScoreOptions = {}): Table {
  const w = opts.weights ?? { r: 1, f: 1, m: 1 };
  for (const k of ['r', 'f', 'm'] as const) {
    if (!(Number.isFinite(w[k]) && w[k] >= 0)) throw new Error(`rfmScores: weight ${k} must be a number ≥ 0, got ${w[k]}`);
  }
  const wsum = w.r + w.f + w.m;
  if (!(wsum > 0)) throw new Error('rfmScores: at least one weight must be > 0');
  const rBin = qcutFirstRank(floats(profile, 'recency'));
  const f = qcutFirstRank(floats(profile, 'frequency'));
  const m = qcutFirstRank(floats(profile, 'monetary'));
  const n = rBin.length;
  const r = new Int32Array(n);
  const score = new Float64Array(n);
  const segment = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    if (rBin[i] === 0 || f[i] === 0 || m[i] === 0) {
      throw new Error(`rfmScores: row ${i} has a missing recency, frequency or monetary value`);
    }
    r[i] = 6 - rBin[i];
    score[i] = (w.r * r[i] + w.f * f[i] + w.m * m[i]) / wsum;
    segment[i] = segmentOf(r[i], f[i]);
  }
  return makeTable({ customer: strings(profile, 'customer'), r, f, m, score, segment });
}
