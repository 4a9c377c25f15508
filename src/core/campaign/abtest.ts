/**
 * Two-variant conversion tests: the pooled two-proportion z-test, Wald and Wilson intervals for each
 * rate, the Wald interval for the difference, and the Bayesian probability that B beats A in closed form.
 */
import type { Table } from 'apache-arrow';
import { Bool } from 'apache-arrow';
import { DataError } from '../errors';
import { makeTable, strings } from '../table';
import { logBeta, normalQuantile, normalSf } from './normal';

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wald interval p̂ ± z·√(p̂(1−p̂)/n) for a proportion (z = Φ⁻¹(1 − α/2); default α = 0.05).
 * @example waldInterval(40, 100); // { low: 0.30398…, high: 0.49601… }
 */
export function waldInterval(conversions: number, n: number, alpha = 0.05): Interval {
  const z = normalQuantile(1 - alpha / 2);
  const p = conversions / n;
  const h = z * Math.sqrt((p * (1 - p)) / n);
  return { low: p - h, high: p + h };
}

/**
 * Wilson score interval: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n); default α = 0.05.
 * Unlike Wald it stays inside [0, 1] and keeps its coverage near 0 and 1.
 * @example wilsonInterval(0, 20); // { low: 0, high: 0.1611… }
 */
export function wilsonInterval(conversions: number, n: number, alpha = 0.05): Interval {
  const z = normalQuantile(1 - alpha / 2);
  const p = conversions / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const h = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const d = 1 + z2 / n;
  return { low: (centre - h) / d, high: (centre + h) / d };
}

/**
 * P(p_B > p_A) for independent Beta posteriors p_A ~ Beta(αA, βA), p_B ~ Beta(αB, βB), in closed form
 * (Evan Miller, "Formulas for Bayesian A/B testing"), for integer αB:
 *   P = Σ_{i=0}^{αB−1} B(αA + i, βA + βB) / ((βB + i) · B(1 + i, βB) · B(αA, βA)).
 * Summed in log space; αB up to a few million is fine.
 * @example probBBeatsA(1 + 10, 1 + 90, 1 + 20, 1 + 80); // ≈ 0.97
 */
export function probBBeatsA(alphaA: number, betaA: number, alphaB: number, betaB: number): number {
  if (!Number.isInteger(alphaB) || alphaB < 1) throw new RangeError(`probBBeatsA: αB must be an integer ≥ 1, got ${alphaB}`);
  for (const [v, name] of [[alphaA, 'αA'], [betaA, 'βA'], [betaB, 'βB']] as const) {
    if (!(v > 0)) throw new RangeError(`probBBeatsA: ${name} must be > 0, got ${v}`);
  }
  const lbA = logBeta(alphaA, betaA);
  let max = -Infinity;
  const logs = new Float64Array(alphaB);
  for (let i = 0; i < alphaB; i++) {
    const l = logBeta(alphaA + i, betaA + betaB) - Math.log(betaB + i) - logBeta(1 + i, betaB) - lbA;
    logs[i] = l;
    if (l > max) max = l;
  }
  let s = 0;
  for (let i = 0; i < alphaB; i++) s += Math.exp(logs[i] - max);
  return Math.min(1, Math.max(0, Math.exp(max) * s));
}

/** The result of comparing two conversion rates. */
export interface TwoProportionResult {
  n_a: number;
  conv_a: number;
  n_b: number;
  conv_b: number;
  rate_a: number;
  rate_b: number;
  /** rate_b − rate_a. */
  diff: number;
  /** Pooled z statistic. */
  z: number;
  /** Two-sided p-value 2·P(Z > |z|). */
  p_value: number;
  /** Wald interval of the difference b − a at 1 − α (unpooled standard error). */
  ci_low: number;
  ci_high: number;
  wald_a: Interval;
  wald_b: Interval;
  wilson_a: Interval;
  wilson_b: Interval;
  /** P(p_B > p_A) under uniform Beta(1, 1) priors. */
  prob_b_beats_a: number;
}

/**
 * Pooled two-proportion z-test of H₀: p_A = p_B, with
 *   p̄ = (c_A + c_B)/(n_A + n_B),  z = (p̂_B − p̂_A) / √(p̄(1−p̄)(1/n_A + 1/n_B)),  p = 2(1 − Φ(|z|)),
 * the Wald interval of the difference p̂_B − p̂_A ± z_{1−α/2}·√(p̂_A(1−p̂_A)/n_A + p̂_B(1−p̂_B)/n_B),
 * per-arm Wald and Wilson intervals, and P(B > A) with Beta(1 + c, 1 + n − c) posteriors.
 * Default α = 0.05.
 * @example twoProportionTest(44700, 20034, 45489, 20119).p_value; // ≈ 0.074 (Cookie Cats, retention_1)
 */
export function twoProportionTest(nA: number, convA: number, nB: number, convB: number, opts: { alpha?: number } = {}): TwoProportionResult {
  const alpha = opts.alpha ?? 0.05;
  for (const [n, c, arm] of [[nA, convA, 'A'], [nB, convB, 'B']] as const) {
    if (!(Number.isInteger(n) && n > 0 && Number.isInteger(c) && c >= 0 && c <= n)) {
      throw new RangeError(`twoProportionTest: arm ${arm} needs integers 0 ≤ conversions ≤ n and n > 0, got n=${n}, conversions=${c}`);
    }
  }
  const pa = convA / nA;
  const pb = convB / nB;
  const pool = (convA + convB) / (nA + nB);
  const se0 = Math.sqrt(pool * (1 - pool) * (1 / nA + 1 / nB));
  const diff = pb - pa;
  const z = se0 > 0 ? diff / se0 : 0;
  const zc = normalQuantile(1 - alpha / 2);
  const se = Math.sqrt((pa * (1 - pa)) / nA + (pb * (1 - pb)) / nB);
  return {
    n_a: nA,
    conv_a: convA,
    n_b: nB,
    conv_b: convB,
    rate_a: pa,
    rate_b: pb,
    diff,
    z,
    p_value: se0 > 0 ? 2 * normalSf(Math.abs(z)) : 1,
    ci_low: diff - zc * se,
    ci_high: diff + zc * se,
    wald_a: waldInterval(convA, nA, alpha),
    wald_b: waldInterval(convB, nB, alpha),
    wilson_a: wilsonInterval(convA, nA, alpha),
    wilson_b: wilsonInterval(convB, nB, alpha),
    prob_b_beats_a: probBBeatsA(1 + convA, 1 + nA - convA, 1 + convB, 1 + nB - convB),
  };
}

/** One metric of an A/B test file, as the runner's abtest.json lists it. */
export interface AbMetric {
  metric: string;
  a: string;
  b: string;
  n_a: number;
  conv_a: number;
  n_b: number;
  conv_b: number;
  z: number;
  p_value: number;
  ci_low: number;
  ci_high: number;
  prob_b_beats_a: number;
}

/** A metric column as 0/1 flags: booleans, 0/1 numbers, or the texts true/false/1/0/yes/no. */
function flags(table: Table, column: string, file: string): Uint8Array {
  const col = table.getChild(column);
  if (!col) {
    throw new DataError({ file, column, problem: 'is not a column of the test file', expected: `one of ${table.schema.fields.map((f) => f.name).join(', ')}` });
  }
  const n = table.numRows;
  const out = new Uint8Array(n);
  const isBool = col.type instanceof Bool;
  for (let i = 0; i < n; i++) {
    const v = col.get(i) as unknown;
    let f: number;
    if (isBool || typeof v === 'boolean') f = v ? 1 : 0;
    else if (typeof v === 'number' || typeof v === 'bigint') f = Number(v) === 1 ? 1 : Number(v) === 0 ? 0 : -1;
    else if (typeof v === 'string') {
      const l = v.trim().toLowerCase();
      f = l === 'true' || l === '1' || l === 'yes' ? 1 : l === 'false' || l === '0' || l === 'no' ? 0 : -1;
    } else f = -1;
    if (f < 0) {
      throw new DataError({ file, row: i + 1, column, value: String(v), problem: 'is not a 0/1 or true/false outcome', expected: '0, 1, true or false' });
    }
    out[i] = f;
  }
  return out;
}

/**
 * Analyse an A/B test file: `variant` names the column holding the two arms, `metrics` the 0/1 (or
 * true/false) outcome columns. Arms a and b are the two variant values in sorted order (b is compared
 * against a). Each metric gets `twoProportionTest` at α (default 0.05). Rows with a null variant are
 * skipped. Throws a located DataError when the variant column does not hold exactly two values or an
 * outcome is not 0/1.
 * @example abTest(cookieCats, 'version', ['retention_1', 'retention_7'])[0].p_value; // ≈ 0.074
 */
export function abTest(table: Table, variant: string, metrics: string[], opts: { alpha?: number; file?: string } = {}): AbMetric[] {
  const file = opts.file ?? 'A/B test';
  if (!table.getChild(variant)) {
    throw new DataError({ file, column: variant, problem: 'is not a column of the test file', expected: `a variant column, one of ${table.schema.fields.map((f) => f.name).join(', ')}` });
  }
  if (metrics.length === 0) throw new DataError({ file, problem: 'names no metric column', expected: 'one or more 0/1 outcome columns, e.g. retention_1,retention_7' });
  const v = strings(table, variant);
  const values = [...new Set(v.filter((x): x is string => x !== null))].sort();
  if (values.length !== 2) {
    throw new DataError({ file, column: variant, problem: `has ${values.length} distinct values (${values.slice(0, 5).join(', ')}${values.length > 5 ? ', …' : ''})`, expected: 'exactly two variants' });
  }
  const [a, b] = values;
  return metrics.map((metric) => {
    const y = flags(table, metric, file);
    let nA = 0, cA = 0, nB = 0, cB = 0;
    for (let i = 0; i < y.length; i++) {
      if (v[i] === a) {
        nA++;
        cA += y[i];
      } else if (v[i] === b) {
        nB++;
        cB += y[i];
      }
    }
    const r = twoProportionTest(nA, cA, nB, cB, { alpha: opts.alpha });
    return { metric, a, b, n_a: nA, conv_a: cA, n_b: nB, conv_b: cB, z: r.z, p_value: r.p_value, ci_low: r.ci_low, ci_high: r.ci_high, prob_b_beats_a: r.prob_b_beats_a };
  });
}

/**
 * Guess the variant column (the first text column with exactly two distinct values) and the outcome
 * columns (every column holding only 0/1 or true/false) of a test file.
 * @example abColumns(cookieCats); // { variant: 'version', metrics: ['retention_1', 'retention_7'] }
 */
export function abColumns(table: Table): { variant: string | null; metrics: string[] } {
  let variant: string | null = null;
  const metrics: string[] = [];
  const n = table.numRows;
  for (const field of table.schema.fields) {
    const col = table.getChild(field.name)!;
    const seen = new Set<string>();
    let binary = true;
    for (let i = 0; i < n && (binary || seen.size <= 2); i++) {
      const x = col.get(i) as unknown;
      if (x === null || x === undefined) continue;
      const s = String(x).toLowerCase();
      seen.add(s);
      if (!(s === '0' || s === '1' || s === 'true' || s === 'false')) binary = false;
    }
    if (binary && seen.size > 0) metrics.push(field.name);
    else if (variant === null && seen.size === 2 && typeof col.get(0) === 'string') variant = field.name;
  }
  return { variant, metrics };
}

/**
 * Per-arm detail of `abTest` results, one row per metric × variant: n, conversions, rate, Wald and
 * Wilson intervals at 1 − α (default α = 0.05), and the difference b − a with its Wald interval on the
 * b rows (NaN on the a rows).
 * @example abDetails(abTest(cookieCats, 'version', ['retention_1']))
 */
export function abDetails(results: AbMetric[], alpha = 0.05): Table {
  const rows = results.flatMap((r) => [
    { metric: r.metric, variant: r.a, n: r.n_a, conv: r.conv_a, diff: NaN, low: NaN, high: NaN },
    { metric: r.metric, variant: r.b, n: r.n_b, conv: r.conv_b, diff: r.conv_b / r.n_b - r.conv_a / r.n_a, low: r.ci_low, high: r.ci_high },
  ]);
  const wald = rows.map((r) => waldInterval(r.conv, r.n, alpha));
  const wilson = rows.map((r) => wilsonInterval(r.conv, r.n, alpha));
  return makeTable({
    metric: rows.map((r) => r.metric),
    variant: rows.map((r) => r.variant),
    n: Int32Array.from(rows, (r) => r.n),
    conversions: Int32Array.from(rows, (r) => r.conv),
    rate: Float64Array.from(rows, (r) => r.conv / r.n),
    waldLow: Float64Array.from(wald, (w) => w.low),
    waldHigh: Float64Array.from(wald, (w) => w.high),
    wilsonLow: Float64Array.from(wilson, (w) => w.low),
    wilsonHigh: Float64Array.from(wilson, (w) => w.high),
    diffVsA: Float64Array.from(rows, (r) => r.diff),
    diffLow: Float64Array.from(rows, (r) => r.low),
    diffHigh: Float64Array.from(rows, (r) => r.high),
  });
}
