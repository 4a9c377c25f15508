/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005b, "RFM and CLV: using
 * iso-value curves", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
 * each transaction's value z ~ Gamma(p, ν), and ν ~ Gamma(q, v) across customers. It assumes spend per
 * transaction is independent of how often a customer buys — `spendFrequencyCheck` tests that.
 * Input per customer: x repeat purchases and m_x, their mean value (customers with x > 0 only).
 *
 * @example
 *   const gg = fitGammaGamma(summary.table);          // CDNOW: p 6.25, q 3.74, v 15.45
 *   expectedSpend(gg.params, 2, 22.35);               // shrinks 22.35 towards the population mean
 */
import type { Table } from 'apache-arrow';
import { floats } from '../table';
import { lgamma } from './special';
import { maximiseLikelihood, type MleFit } from './optimise';

/** Gamma-Gamma parameters: z ~ Gamma(p, ν), ν ~ Gamma(q, v). */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit extends MleFit {
  params: GammaGammaParams & Record<string, number>;
}

/** Repeat buyers' purchase counts x and mean spend m (only rows with x > 0 and m > 0). */
export interface SpendData {
  x: Float64Array;
  m: Float64Array;
  /** Rows with x > 0 left out because their mean spend is not positive. */
  dropped: number;
}

/** Rows of a summary table (frequency, monetary) the Gamma-Gamma model can use: x > 0 and m > 0. */
export function spendData(summary: Table): SpendData {
  const fx = floats(summary, 'frequency');
  const fm = floats(summary, 'monetary');
  const x: number[] = [];
  const m: number[] = [];
  let dropped = 0;
  for (let i = 0; i < fx.length; i++) {
    if (!(fx[i] > 0)) continue;
    if (fm[i] > 0) {
      x.push(fx[i]);
      m.push(fm[i]);
    } else dropped++;
  }
  return { x: Float64Array.from(x), m: Float64Array.from(m), dropped };
}

/**
 * Total Gamma-Gamma log-likelihood (Fader & Hardie 2013, eq. 3):
 * ln L = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(x m + v).
 *
 * @example gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, data) // −4055.9 on CDNOW
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: { x: Float64Array; m: Float64Array }): number {
  const { p, q, v } = params;
  if (!(p > 0 && q > 0 && v > 0)) return NaN;
  const { x, m } = data;
  const base = -lgamma(q) + q * Math.log(v);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    total += base + lgamma(px + q) - lgamma(px) + (px - 1) * Math.log(m[i]) + px * Math.log(x[i]) - (px + q) * Math.log(x[i] * m[i] + v);
  }
  return total;
}

/** Options of `fitGammaGamma`. */
export interface FitGammaGammaOptions {
  /** L2 penalty λ on (p, q, v); objective −LL/n + λ Σθ². Default 0. */
  penalty?: number;
  /** Starting values. Default { p: 1, q: 1, v: 1 }. */
  init?: Partial<GammaGammaParams>;
}

/**
 * Fit Gamma-Gamma by maximum likelihood over log-parameters on the repeat buyers of a summary table
 * (columns frequency, monetary). Throws when fewer than 3 customers have a repeat purchase.
 *
 * @example fitGammaGamma(summary.table).params // { p, q, v }
 */
export function fitGammaGamma(summary: Table | SpendData, opts: FitGammaGammaOptions = {}): GammaGammaFit & { dropped: number } {
  const data = 'm' in summary && summary.m instanceof Float64Array ? (summary as SpendData) : spendData(summary as Table);
  if (data.x.length < 3) throw new Error(`Gamma-Gamma: needs at least 3 customers with a repeat purchase and positive spend, got ${data.x.length}`);
  const init = { p: 1, q: 1, v: 1, ...opts.init };
  const fit = maximiseLikelihood((t) => gammaGammaLogLikelihood({ p: t[0], q: t[1], v: t[2] }, data), {
    names: ['p', 'q', 'v'],
    n: data.x.length,
    init: [init.p, init.q, init.v],
    penalty: opts.penalty,
  });
  return { ...(fit as GammaGammaFit), dropped: data.dropped ?? 0 };
}

/**
 * Expected spend per transaction given x repeat purchases with mean m (FHL 2005b eq. 5):
 * E[Z | p, q, v, x, m] = (q−1)/(px+q−1) · vp/(q−1) + px/(px+q−1) · m — a weighted mean of the population
 * mean vp/(q−1) and the customer's own mean. With x = 0 it is the population mean. Needs q > 1.
 *
 * @example expectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, 0, 0) // 35.2 = 15.44·6.25/2.74
 */
export function expectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  if (!(q > 1)) throw new Error(`Gamma-Gamma: the expected spend needs q > 1 (got q = ${q}); the fitted spend distribution has no mean`);
  const mean = (v * p) / (q - 1);
  if (!(x > 0) || !(m > 0)) return mean;
  const w = (p * x) / (p * x + q - 1);
  return (1 - w) * mean + w * m;
}

/** Result of `spendFrequencyCheck`. */
export interface SpendFrequencyCheck {
  /** Pearson correlation of frequency and mean spend over repeat buyers. */
  correlation: number;
  /** Repeat buyers it was computed over. */
  n: number;
  /** |correlation| above which the warning is raised. */
  limit: number;
  /** A sentence for the notebook when |correlation| > limit, else null. */
  warning: string | null;
}

/**
 * The Gamma-Gamma model assumes spend per transaction is independent of purchase frequency. This
 * computes the Pearson correlation of frequency and mean spend over repeat buyers and warns when
 * |ρ| > limit (default 0.3).
 *
 * @example spendFrequencyCheck(summary.table) // { correlation: 0.11, n: 946, limit: 0.3, warning: null }
 */
export function spendFrequencyCheck(summary: Table, opts: { limit?: number } = {}): SpendFrequencyCheck {
  const limit = opts.limit ?? 0.3;
  const { x, m } = spendData(summary);
  const n = x.length;
  let mx = 0;
  let mm = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    mm += m[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (m[i] - mm);
    sxx += (x[i] - mx) ** 2;
    syy += (m[i] - mm) ** 2;
  }
  const correlation = n > 1 && sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
  const warning =
    Number.isFinite(correlation) && Math.abs(correlation) > limit
      ? `Spend per transaction correlates with purchase frequency (ρ = ${correlation.toFixed(2)} over ${n} repeat buyers, |ρ| > ${limit}): ` +
        'the Gamma-Gamma model assumes they are independent, so its expected spend and CLV are biased here.'
      : null;
  return { correlation, n, limit, warning };
}
