/**
 * Seeded pseudo-random numbers (mulberry32) and the few distributions the synthetic shop needs.
 * Same seed → same sequence on every platform (32-bit integer arithmetic only).
 *
 * @example
 *   const r = rng(1);
 *   r.next();        // 0.6270739405881613, always, for seed 1
 *   r.int(10);       // an integer in [0, 10)
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Exponential with the given mean. */
  exp(mean: number): number;
}

/**
 * A seeded generator.
 *
 * @example
 *   rng(42).normal(); // deterministic standard-normal draw
 */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    exp: (mean) => -mean * Math.log(1 - next()),
  };
}

/**
 * Cumulative weights for `pick`.
 *
 * @example
 *   pick(cumulative(Float64Array.of(1, 3)), 0.5); // 1 (three times as likely as 0)
 */
export function cumulative(weights: Float64Array): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    c[i] = s;
  }
  for (let i = 0; i < c.length; i++) c[i] /= s;
  return c;
}

/** Index drawn from cumulative weights `cum` with uniform `u` (binary search). */
export function pick(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
