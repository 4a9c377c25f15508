/**
 * Customer lifetime value from a fitted BG/NBD (how many purchases) and Gamma-Gamma (how much each):
 * per-customer P(alive), expected purchases over a horizon, expected spend and discounted CLV, and
 * value tiers cut from the CLV ranking.
 *
 * CLV over K periods of length Δ (default 12 months of 30 days) with margin μ and discount rate d
 * per period (as in the lifetimes library):
 *   CLV = Σₖ₌₁ᴷ μ · E[Z] · (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1 + d)ᵏ
 *
 * @example
 *   const values = customerValue(summary.table, bgnbd.params, gg.params, { unit: 'weeks', margin: 0.3 });
 *   // customer, frequency, recency, T, p_alive, expected_purchases_39, expected_spend, clv
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, strings } from '../table';
import { expectedPurchases, pAlive, type BgNbdParams } from './bgnbd';
import { expectedSpend, type GammaGammaParams } from './gammaGamma';
import { UNIT_DAYS, type ClvUnit } from './summary';

/** Options of `customerValue`. */
export interface CustomerValueOptions {
  /** Time unit of the summary's recency and T. Default 'weeks'. */
  unit?: ClvUnit;
  /** Horizon of the expected-purchases column, in weeks (column `expected_purchases_<h>`). Default 39. */
  horizonWeeks?: number;
  /** Gross margin μ applied to expected revenue. Default 1 (CLV = discounted expected revenue). */
  margin?: number;
  /** Discount rate d per period. Default 0.01 (per month ≈ 12.7 % a year). */
  discountRate?: number;
  /** Number of periods K. Default 12. */
  periods?: number;
  /** Length of a period in days. Default 30 (a month). */
  periodDays?: number;
}

/**
 * One row per customer of the summary: customer, frequency, recency, T, p_alive,
 * expected_purchases_<horizonWeeks>, expected_spend, clv (in the summary's row order).
 *
 * @example customerValue(summary.table, bg.params, gg.params, { margin: 0.3, discountRate: 0.01 })
 */
export function customerValue(summary: Table, bg: BgNbdParams, gg: GammaGammaParams, opts: CustomerValueOptions = {}): Table {
  const unit = opts.unit ?? 'weeks';
  const u = UNIT_DAYS[unit];
  if (!u) throw new Error(`customerValue: unit must be 'weeks' or 'days', got \`${String(unit)}\``);
  const horizonWeeks = opts.horizonWeeks ?? 39;
  const margin = opts.margin ?? 1;
  const d = opts.discountRate ?? 0.01;
  const K = opts.periods ?? 12;
  const periodDays = opts.periodDays ?? 30;
  if (!(margin >= 0 && margin <= 1)) throw new Error(`customerValue: margin must be in [0, 1], got ${margin}`);
  if (!(d > -1)) throw new Error(`customerValue: discountRate must be > −1, got ${d}`);
  if (!(Number.isInteger(K) && K >= 0)) throw new Error(`customerValue: periods must be a whole number ≥ 0, got ${K}`);
  const x = floats(summary, 'frequency');
  const tx = floats(summary, 'recency');
  const T = floats(summary, 'T');
  const m = floats(summary, 'monetary');
  const n = x.length;
  const alive = new Float64Array(n);
  const horizon = new Float64Array(n);
  const spend = new Float64Array(n);
  const clv = new Float64Array(n);
  const step = periodDays / u;
  const h = (horizonWeeks * 7) / u;
  for (let i = 0; i < n; i++) {
    alive[i] = pAlive(bg, x[i], tx[i], T[i]);
    horizon[i] = expectedPurchases(bg, h, x[i], tx[i], T[i]);
    spend[i] = expectedSpend(gg, x[i], m[i]);
    let prev = 0;
    let total = 0;
    for (let k = 1; k <= K; k++) {
      const cur = expectedPurchases(bg, k * step, x[i], tx[i], T[i]);
      total += (margin * spend[i] * (cur - prev)) / Math.pow(1 + d, k);
      prev = cur;
    }
    clv[i] = total;
  }
  return makeTable({
    customer: strings(summary, 'customer'),
    frequency: x,
    recency: tx,
    T,
    p_alive: alive,
    [`expected_purchases_${horizonWeeks}`]: horizon,
    expected_spend: spend,
    clv,
  });
}

/** Options of `holdoutComparison`. */
export interface HoldoutOptions {
  /** Calibration frequencies 0 … top−1 get their own row; the rest share the row "top+". Default 7. */
  top?: number;
}

/**
 * Predicted vs actual holdout purchases by calibration frequency (FHL 2005, Figure 4): rows
 * frequency (label "0" … "7+"), customers, actual (mean holdout purchases), predicted (mean
 * E[Y(holdoutLength) | x, t_x, T]). Needs the summary's `holdout` column and a holdout length > 0.
 *
 * @example holdoutComparison(summary.table, bg.params, summary.holdoutLength)
 */
export function holdoutComparison(summary: Table, bg: BgNbdParams, holdoutLength: number, opts: HoldoutOptions = {}): Table {
  const top = opts.top ?? 7;
  if (!(holdoutLength > 0)) throw new Error(`holdoutComparison: there is no holdout period (length ${holdoutLength}); set a calibration end before the last day`);
  const x = floats(summary, 'frequency');
  const tx = floats(summary, 'recency');
  const T = floats(summary, 'T');
  const actual = floats(summary, 'holdout');
  const count = new Float64Array(top + 1);
  const sumA = new Float64Array(top + 1);
  const sumP = new Float64Array(top + 1);
  for (let i = 0; i < x.length; i++) {
    const g = Math.min(top, x[i]);
    count[g]++;
    sumA[g] += actual[i];
    sumP[g] += expectedPurchases(bg, holdoutLength, x[i], tx[i], T[i]);
  }
  const rows = Array.from({ length: top + 1 }, (_, g) => g).filter((g) => count[g] > 0);
  return makeTable({
    frequency: rows.map((g) => (g === top ? `${top}+` : String(g))),
    customers: Float64Array.from(rows, (g) => count[g]),
    actual: Float64Array.from(rows, (g) => sumA[g] / count[g]),
    predicted: Float64Array.from(rows, (g) => sumP[g] / count[g]),
  });
}

/** Options of `pAliveGrid`. */
export interface PAliveGridOptions {
  /** Customer age T in units. Default: the largest T of the summary when given, else 52. */
  T?: number;
  /** Largest frequency on the grid. Default 20. */
  maxFrequency?: number;
  /** Number of recency cells from 0 to T. Default 26. */
  recencySteps?: number;
}

/**
 * P(alive) over a grid of recency × frequency for customers of age T (FHL 2005, Figure 6 as a
 * heatmap): rows frequency, recency0, recency1 (the cell's recency span), recency (its centre), p_alive.
 *
 * @example pAliveGrid(bg.params, { T: 39 })
 */
export function pAliveGrid(bg: BgNbdParams, opts: PAliveGridOptions = {}): Table {
  const T = opts.T ?? 52;
  const F = opts.maxFrequency ?? 20;
  const S = opts.recencySteps ?? 26;
  if (!(T > 0)) throw new Error(`pAliveGrid: T must be > 0, got ${T}`);
  const n = (F + 1) * S;
  const freq = new Float64Array(n);
  const r0 = new Float64Array(n);
  const r1 = new Float64Array(n);
  const rc = new Float64Array(n);
  const p = new Float64Array(n);
  let i = 0;
  for (let f = 0; f <= F; f++) {
    for (let s = 0; s < S; s++, i++) {
      freq[i] = f;
      r0[i] = (s * T) / S;
      r1[i] = ((s + 1) * T) / S;
      rc[i] = f === 0 ? 0 : (r0[i] + r1[i]) / 2;
      p[i] = pAlive(bg, f, rc[i], T);
    }
  }
  return makeTable({ frequency: freq, recency0: r0, recency1: r1, recency: rc, p_alive: p });
}

/** Options of `clvTiers`. */
export interface ClvTierOptions {
  /** Tier names from the most valuable down. Default ['High value', 'Medium value', 'Low value']. */
  names?: string[];
  /** Share of customers in each tier but the last, from the top. Default [0.2, 0.3] (top 20 %, next 30 %). */
  shares?: number[];
}

/**
 * Value tiers from CLV: customers ranked by clv (ties by input order) and cut by share of customers.
 * Input columns: customer, clv. Output: customer, clv, tier (input order), ready for `tierSummary`
 * and the tier-share chart.
 *
 * @example clvTiers(values)                      // top 20 % High value, next 30 % Medium, rest Low
 * clvTiers(values, { names: ['A', 'B'], shares: [0.1] })
 */
export function clvTiers(values: Table, opts: ClvTierOptions = {}): Table {
  const names = opts.names ?? ['High value', 'Medium value', 'Low value'];
  const shares = opts.shares ?? [0.2, 0.3];
  if (shares.length !== names.length - 1) throw new Error(`clvTiers: ${names.length} tiers need ${names.length - 1} shares, got ${shares.length}`);
  if (shares.some((s) => !(s >= 0)) || shares.reduce((a, b) => a + b, 0) > 1) throw new Error(`clvTiers: shares must be ≥ 0 and sum to at most 1, got [${shares.join(', ')}]`);
  if (new Set(names).size !== names.length) throw new Error('clvTiers: tier names must differ');
  const clv = floats(values, 'clv');
  const n = clv.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const va = Number.isFinite(clv[a]) ? clv[a] : -Infinity;
    const vb = Number.isFinite(clv[b]) ? clv[b] : -Infinity;
    return vb - va || a - b;
  });
  const tier = new Int32Array(n).fill(names.length - 1);
  let at = 0;
  let cum = 0;
  shares.forEach((s, t) => {
    cum += s;
    const end = Math.round(cum * n);
    for (; at < end; at++) tier[order[at]] = t;
  });
  return makeTable({ customer: values.getChild('customer')!, clv, tier: { codes: tier, dict: names } });
}
