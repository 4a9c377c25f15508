/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
 * Marketing Science 24(2)): while alive, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each
 * purchase she drops out with probability p ~ Beta(a, b). Input per customer: x repeat purchases, the
 * time of the last one t_x and the length of observation T, all measured from the first purchase
 * (see `clvSummary`).
 *
 * @example
 *   const fit = fitBgNbd(summary.table);             // { params: { r, alpha, a, b }, logLikelihood, … }
 *   pAlive(fit.params, 2, 30.43, 38.86);             // 0.86…
 *   expectedPurchases(fit.params, 39, 2, 30.43, 38.86); // expected repeat purchases in the next 39 weeks
 */
import type { Table } from 'apache-arrow';
import { floats } from '../table';
import { lgamma, hyp2f1 } from './special';
import { maximiseLikelihood, type MleFit } from './optimise';

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per-customer inputs: repeat purchases x, recency t_x and age T (same time unit). */
export interface RepeatData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** A fitted BG/NBD model. */
export interface BgNbdFit extends MleFit {
  params: BgNbdParams & Record<string, number>;
}

/** The columns `frequency`, `recency`, `T` of a summary table as typed arrays; checks they are valid. */
export function repeatData(summary: Table): RepeatData {
  const x = floats(summary, 'frequency');
  const tx = floats(summary, 'recency');
  const T = floats(summary, 'T');
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] >= 0) || !(tx[i] >= 0) || !(T[i] >= tx[i]) || (x[i] === 0 && tx[i] !== 0)) {
      throw new Error(
        `BG/NBD: row ${i + 1} has frequency ${x[i]}, recency ${tx[i]}, T ${T[i]} — expected frequency ≥ 0, 0 ≤ recency ≤ T, and recency 0 when frequency is 0`,
      );
    }
  }
  return { x, tx, T };
}

/**
 * Total BG/NBD log-likelihood, FHL (2005) eq. (6):
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + 𝟙(x>0) · a/(b+x−1) · (α+t_x)^−(r+x) ].
 * The gamma terms are computed once per distinct integer x.
 *
 * @example bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, data) // −9582.4 on CDNOW
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: RepeatData): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NaN;
  const { x, tx, T } = data;
  const base = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
  const cache = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    let g = cache.get(xi);
    if (g === undefined) {
      g = lgamma(r + xi) + lgamma(b + xi) - lgamma(a + b + xi);
      cache.set(xi, g);
    }
    const lnA3 = -(r + xi) * Math.log(alpha + T[i]);
    let tail = lnA3;
    if (xi > 0) {
      const lnA4 = Math.log(a) - Math.log(b + xi - 1) - (r + xi) * Math.log(alpha + tx[i]);
      const hi = Math.max(lnA3, lnA4);
      tail = hi + Math.log(Math.exp(lnA3 - hi) + Math.exp(lnA4 - hi));
    }
    total += base + g + tail;
  }
  return total;
}

/** Options of `fitBgNbd`. */
export interface FitBgNbdOptions {
  /** L2 penalty λ on (r, α, a, b); objective −LL/n + λ Σθ². Default 0. */
  penalty?: number;
  /** Starting values. Default { r: 1, alpha: 1, a: 1, b: 1 }. */
  init?: Partial<BgNbdParams>;
}

/**
 * Fit BG/NBD by maximum likelihood over log-parameters (see `maximiseLikelihood`).
 * Input: a summary table (columns frequency, recency, T) or its arrays.
 *
 * @example
 *   fitBgNbd(summary.table).params;                 // CDNOW weeks: r 0.243, α 4.414, a 0.793, b 2.426
 *   fitBgNbd(summary.table, { penalty: 0.001 });   // shrinks the parameters towards 0
 */
export function fitBgNbd(summary: Table | RepeatData, opts: FitBgNbdOptions = {}): BgNbdFit {
  const data = 'x' in summary && summary.x instanceof Float64Array ? (summary as RepeatData) : repeatData(summary as Table);
  const init = { r: 1, alpha: 1, a: 1, b: 1, ...opts.init };
  const fit = maximiseLikelihood((t) => bgnbdLogLikelihood({ r: t[0], alpha: t[1], a: t[2], b: t[3] }, data), {
    names: ['r', 'alpha', 'a', 'b'],
    n: data.x.length,
    init: [init.r, init.alpha, init.a, init.b],
    penalty: opts.penalty,
  });
  const { a, b } = fit.params;
  if (a / (a + b) < 1e-4) {
    fit.message +=
      `; the mean dropout probability a/(a+b) = ${(a / (a + b)).toExponential(1)} is at its boundary: the calibration period shows ` +
      'almost no customer leaving (a longer calibration period or an L2 penalty gives a usable fit)';
  }
  return fit as BgNbdFit;
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + 𝟙(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) — FHL (2005) eq. (12).
 * A customer with no repeat purchase is alive with probability 1 (she cannot have dropped out yet).
 *
 * @example pAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0, 0, 30) // 1
 */
export function pAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x <= 0) return 1;
  const { r, alpha, a, b } = params;
  const lnRatio = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(lnRatio));
}

/**
 * Expected repeat purchases in the next t time units of a customer with history (x, t_x, T),
 * FHL (2005) eq. (10):
 * E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *                       / [1 + 𝟙(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)].
 *
 * @example expectedPurchases(params, 39, 2, 30.43, 38.86) // repeat purchases in the next 39 weeks
 */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const hyp = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const num = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp);
  const den = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return num / den;
}

/**
 * Expected purchases of a new customer in her first t time units, FHL (2005) eq. (9):
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 *
 * @example expectedPurchasesNew({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39) // ≈ 1.1 repeat purchases
 */
export function expectedPurchasesNew(params: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
