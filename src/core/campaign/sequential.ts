/**
 * Peeking and a simple sequential rule. Looking at a fixed-horizon test several times and stopping at
 * the first "significant" look inflates the false-positive rate; a rule designed for continuous
 * monitoring keeps it at α.
 */
import { makeTable } from '../table';
import type { Table } from 'apache-arrow';
import { mulberry32 } from '../stats/rng';
import { normalQuantile, normalSf } from './normal';

export interface PeekingOptions {
  /** True conversion rate of both arms (an A/A test, so every rejection is a false positive). Default 0.1. */
  rate?: number;
  /** Users per arm at the end of the test. Default 2000. */
  n?: number;
  /** Numbers of equally spaced looks to compare. Default [1, 2, 3, 5, 10, 20, 50]. */
  looks?: number[];
  /** Simulated tests. Default 1000. */
  simulations?: number;
  /** Two-sided significance level of each look. Default 0.05. */
  alpha?: number;
  /** Seed. Default 42. */
  seed?: number;
}

/**
 * Simulate `simulations` A/A tests (both arms convert at `rate`, users arriving one pair at a time) and,
 * for each number of looks K, the share of tests that a pooled z-test at level α declares significant at
 * *any* of the looks n_k = ⌈k·n/K⌉, k = 1…K. With K = 1 this is α (up to noise); it grows with K.
 * Returns a table: looks, falsePositiveRate, rejections, simulations, nominal (α). Seeded.
 * Defaults: rate 0.1, n 2000, looks [1, 2, 3, 5, 10, 20, 50], 1000 simulations, α 0.05, seed 42.
 * @example peekingSimulation({ looks: [1, 10] }); // falsePositiveRate ≈ [0.05, 0.19]
 */
export function peekingSimulation(opts: PeekingOptions = {}): Table {
  const rate = opts.rate ?? 0.1;
  const n = opts.n ?? 2000;
  const looks = opts.looks ?? [1, 2, 3, 5, 10, 20, 50];
  const sims = opts.simulations ?? 1000;
  const alpha = opts.alpha ?? 0.05;
  if (!(rate > 0 && rate < 1)) throw new RangeError(`peekingSimulation: rate must be in (0, 1), got ${rate}`);
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`peekingSimulation: n must be an integer ≥ 2, got ${n}`);
  for (const k of looks) if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new RangeError(`peekingSimulation: looks must be integers in [1, n], got ${k}`);
  const zc = normalQuantile(1 - alpha / 2);
  // Every look point of every K, as user counts; a flag per (K, look point).
  const points = new Set<number>();
  const plans = looks.map((k) => Array.from({ length: k }, (_, j) => Math.ceil(((j + 1) * n) / k)));
  for (const plan of plans) for (const p of plan) points.add(p);
  const isPoint = new Uint8Array(n + 1);
  for (const p of points) isPoint[p] = 1;
  const significantAt = new Uint8Array(n + 1);
  const rejections = new Int32Array(looks.length);
  const rand = mulberry32(opts.seed ?? 42);
  for (let s = 0; s < sims; s++) {
    let ca = 0;
    let cb = 0;
    for (let i = 1; i <= n; i++) {
      if (rand() < rate) ca++;
      if (rand() < rate) cb++;
      if (isPoint[i]) {
        const pool = (ca + cb) / (2 * i);
        const se = Math.sqrt(pool * (1 - pool) * (2 / i));
        significantAt[i] = se > 0 && Math.abs((cb - ca) / i / se) > zc ? 1 : 0;
      }
    }
    plans.forEach((plan, k) => {
      if (plan.some((p) => significantAt[p])) rejections[k]++;
    });
  }
  return makeTable({
    looks: Int32Array.from(looks),
    falsePositiveRate: Float64Array.from(rejections, (r) => r / sims),
    rejections,
    simulations: new Int32Array(looks.length).fill(sims),
    nominal: new Float64Array(looks.length).fill(alpha),
  });
}

/**
 * Boundary of the simple sequential test (after Evan Miller, "Simple Sequential A/B Testing"): with
 * equal traffic, under H₀ each conversion lands in treatment or control with probability 1/2, so
 * d = T − C is a fair random walk; by the reflection principle P(max_{m ≤ N} d_m ≥ b) ≈ 2·P(d_N ≥ b),
 * which gives b = ⌈z_{1−α/2} √N⌉ for a one-sided level α (≈ 2√N at α = 0.05).
 * @example sequentialBoundary(1000); // 62
 */
export function sequentialBoundary(maxConversions: number, alpha = 0.05): number {
  if (!(Number.isInteger(maxConversions) && maxConversions > 0)) throw new RangeError(`sequentialBoundary: N must be a positive integer, got ${maxConversions}`);
  return Math.ceil(normalQuantile(1 - alpha / 2) * Math.sqrt(maxConversions));
}

export type SequentialDecision = 'treatment wins' | 'no winner' | 'continue';

/**
 * The simple sequential rule, checked after every conversion: stop with "treatment wins" as soon as
 * T − C ≥ b (b = sequentialBoundary(N, α)); stop with "no winner" when T + C reaches N; else continue.
 * Default α = 0.05.
 * @example sequentialDecision(540, 470, 1000); // { decision: 'treatment wins', boundary: 62, … }
 */
export function sequentialDecision(treatment: number, control: number, maxConversions: number, alpha = 0.05) {
  const boundary = sequentialBoundary(maxConversions, alpha);
  const lead = treatment - control;
  const decision: SequentialDecision = lead >= boundary ? 'treatment wins' : treatment + control >= maxConversions ? 'no winner' : 'continue';
  return { decision, lead, boundary, conversions: treatment + control, maxConversions, remaining: Math.max(0, maxConversions - treatment - control) };
}

/**
 * Exact probability that the sequential rule declares "treatment wins" when each conversion is the
 * treatment's with probability q (q = 1/2 under H₀ with equal traffic, so the result is the rule's true
 * false-positive rate; q > 1/2 gives its power), by dynamic programming over the walk d = T − C.
 * Default q = 0.5.
 * @example sequentialRejectionRate(1000, 62); // ≈ 0.05
 */
export function sequentialRejectionRate(maxConversions: number, boundary: number, q = 0.5): number {
  const N = maxConversions;
  const off = N;
  let prob = new Float64Array(2 * N + 1);
  let next = new Float64Array(2 * N + 1);
  prob[off] = 1;
  let hit = 0;
  for (let m = 0; m < N; m++) {
    next.fill(0);
    for (let d = -m; d <= m; d++) {
      const p = prob[off + d];
      if (p === 0) continue;
      if (d + 1 >= boundary) hit += p * q;
      else next[off + d + 1] += p * q;
      next[off + d - 1] += p * (1 - q);
    }
    [prob, next] = [next, prob];
  }
  return hit;
}

/** Two-sided p-value of a z statistic, 2·P(Z > |z|) (re-exported for notebooks). */
export function twoSidedP(z: number): number {
  return 2 * normalSf(Math.abs(z));
}
