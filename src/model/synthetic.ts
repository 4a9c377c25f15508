/**
 * A synthetic purchase problem whose ground truth the teacher sets: true coefficients, class balance and
 * noise. Plain JavaScript, seeded, no tfjs.
 */
import { mulberry32 } from './mulberry32';

export interface SyntheticOptions {
  /** Rows (customers). Default 5000. */
  n?: number;
  /** True coefficient per feature, on standard-normal features (log-odds per standard deviation). Default [1.5, -1, 0.5, 0]. */
  weights?: number[];
  /** Feature names (default x1, x2, …). */
  names?: string[];
  /** Expected share of buyers; the intercept is solved for it. Default 0.2. */
  positiveRate?: number;
  /** Standard deviation of an unobserved part of the log-odds (what the data does not show). Default 0. */
  noise?: number;
  /** Seed of every draw. Default 1. */
  seed?: number;
}

export interface SyntheticPurchases {
  X: Float32Array;
  y: Uint8Array;
  n: number;
  d: number;
  featureNames: string[];
  trueWeights: number[];
  trueBias: number;
}

/**
 * Draws features z_ij ~ N(0, 1) independently, an unobserved ε_i ~ N(0, noise²), and labels
 *
 *   y_i ~ Bernoulli(σ(b + Σ_j w_j z_ij + ε_i)),
 *
 * with the intercept b found by bisection so that the mean of σ(·) over the drawn rows equals `positiveRate`.
 * With noise > 0 a fitted model sees a blurred truth: its coefficients shrink towards 0.
 *
 * @example
 *   const s = synthPurchases({ n: 2000, weights: [2, -1], positiveRate: 0.3, noise: 0.5, seed: 7 });
 *   s.featureNames; // ['x1', 'x2'];  s.trueBias ≈ -1.2;  mean(s.y) ≈ 0.3
 */
export function synthPurchases(opts: SyntheticOptions = {}): SyntheticPurchases {
  const n = opts.n ?? 5000;
  const w = opts.weights ?? [1.5, -1, 0.5, 0];
  const d = w.length;
  const rate = opts.positiveRate ?? 0.2;
  const noise = opts.noise ?? 0;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`synthPurchases: n must be an integer ≥ 2, got ${n}`);
  if (d === 0 || w.some((v) => !Number.isFinite(v))) throw new RangeError(`synthPurchases: weights must be finite numbers, got ${JSON.stringify(w)}`);
  if (!(rate > 0 && rate < 1)) throw new RangeError(`synthPurchases: positiveRate must be in (0, 1), got ${rate}`);
  if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`synthPurchases: noise must be ≥ 0, got ${noise}`);
  const names = opts.names ?? w.map((_, j) => `x${j + 1}`);
  if (names.length !== d) throw new RangeError(`synthPurchases: ${names.length} names for ${d} weights`);
  const rand = mulberry32(opts.seed ?? 1);
  // Box–Muller: two uniforms → one standard normal (the second is dropped for simplicity)
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const X = new Float32Array(n * d);
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = noise > 0 ? noise * normal() : 0;
    for (let j = 0; j < d; j++) {
      const v = normal();
      X[i * d + j] = v;
      z += w[j] * v;
    }
    eta[i] = z;
  }
  const meanP = (b: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += 1 / (1 + Math.exp(-(eta[i] + b)));
    return s / n;
  };
  let lo = -30;
  let hi = 30;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (meanP(mid) > rate) hi = mid;
    else lo = mid;
  }
  const b = (lo + hi) / 2;
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = rand() < 1 / (1 + Math.exp(-(eta[i] + b))) ? 1 : 0;
  return { X, y, n, d, featureNames: names, trueWeights: w.slice(), trueBias: b };
}
