/**
 * Special functions for the BTYD models: log-gamma and the Gauss hypergeometric function ₂F₁.
 *
 * @example
 *   lgamma(5);                          // log(24) = 3.1780538303479458
 *   hyp2f1(0.243, 2.426, 2.219, 0.3);   // scipy.special.hyp2f1 to ~1e-14
 */

const LANCZOS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4,
  0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3,
  0.217439618115212643e-3, -0.16431810653676389e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5,
];

/**
 * log Γ(x) for x > 0 (Lanczos approximation with g = 671/128 and 14 terms, as in Numerical Recipes 3rd
 * ed. §6.1; relative error below 1e-15). Returns NaN for x ≤ 0 or NaN.
 *
 * @example lgamma(0.5) // log(√π) = 0.5723649429247001
 */
export function lgamma(x: number): number {
  if (!(x > 0)) return NaN;
  let y = x;
  const t0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(t0) - t0;
  let ser = 0.999999999999997092;
  for (let j = 0; j < 14; j++) ser += LANCZOS[j] / ++y;
  return tmp + Math.log((2.5066282746310005 * ser) / x);
}

/**
 * ₂F₁(a, b; c; z) = Σₖ (a)ₖ (b)ₖ / ((c)ₖ k!) zᵏ by its power series, for 0 ≤ z < 1 (the only range
 * the BG/NBD expectations use: z = t / (α + T + t)). Sums until a term is below 1e-16 of the total,
 * at most `maxTerms` (default 100,000) terms; throws when it has not converged, or when z is outside
 * [0, 1) or c is a non-positive integer.
 *
 * @example hyp2f1(1, 1, 2, 0.5) // −log(1 − 0.5) / 0.5 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 100_000): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1: z must be in [0, 1), got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be a non-positive integer, got ${c}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < maxTerms; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}): the series did not converge in ${maxTerms} terms`);
}
