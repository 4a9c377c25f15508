/**
 * Multi-armed bandit simulations for ad variants (or tiers' offers): Thompson sampling, UCB1, ε-greedy
 * and uniform allocation on Bernoulli arms, with their cumulative regret.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';
import { rng, type Rng } from '../synth/random';

export type BanditPolicy = 'thompson' | 'ucb1' | 'epsilon-greedy' | 'uniform';

export interface BanditOptions {
  /** Rounds (impressions) per run. Default 2000. */
  horizon?: number;
  /** Independent runs averaged. Default 100. */
  runs?: number;
  /** Policies to compare. Default all four. */
  policies?: BanditPolicy[];
  /** ε of ε-greedy (the share of rounds spent exploring uniformly). Default 0.1. */
  epsilon?: number;
  /** Regret is reported every `every` rounds (and at the last). Default horizon / 50. */
  every?: number;
  /** Seed. Default 42. */
  seed?: number;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (shape < 1 boosted by U^{1/shape}). */
function gamma(r: Rng, shape: number): number {
  if (shape < 1) return gamma(r, shape + 1) * Math.pow(1 - r.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = r.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - r.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A draw from Beta(a, b) = X/(X + Y), X ~ Gamma(a), Y ~ Gamma(b). */
export function betaSample(r: Rng, a: number, b: number): number {
  const x = gamma(r, a);
  return x / (x + gamma(r, b));
}

function argmax(v: Float64Array, r: Rng): number {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < v.length; i++) {
    if (v[i] > v[best]) {
      best = i;
      ties = 1;
    } else if (v[i] === v[best] && r.int(++ties) === 0) best = i; // random tie-break (reservoir)
  }
  return best;
}

/**
 * Simulate bandit policies on Bernoulli arms with the given true conversion rates, and report the mean
 * cumulative (pseudo-)regret R(t) = Σ_{s ≤ t} (p* − p_{a_s}), p* = max rate:
 *
 * - **Thompson sampling**: Beta(1 + successes, 1 + failures) per arm; play the arm with the largest draw.
 * - **UCB1**: play each arm once, then argmax p̂_i + √(2 ln t / n_i).
 * - **ε-greedy**: with probability ε a uniform arm, else the best p̂_i (each arm once first).
 * - **uniform**: a uniform arm every round (what a fixed equal split does).
 *
 * Returns a long table: policy, round, regret (mean over runs), plus `final` per policy (mean regret at
 * the horizon and the share of rounds on the best arm). Seeded: same options, same numbers.
 * Defaults: horizon 2000, runs 100, all four policies, ε = 0.1, every = horizon/50, seed 42.
 * @example banditSimulation([0.04, 0.05, 0.07], { horizon: 1000, runs: 50 }).final
 */
export function banditSimulation(rates: number[], opts: BanditOptions = {}): { curves: Table; final: Table } {
  const k = rates.length;
  if (k < 2) throw new RangeError(`banditSimulation: needs at least two arms, got ${k}`);
  for (const p of rates) if (!(p >= 0 && p <= 1)) throw new RangeError(`banditSimulation: rates must be in [0, 1], got ${p}`);
  const horizon = opts.horizon ?? 2000;
  const runs = opts.runs ?? 100;
  const policies = opts.policies ?? (['thompson', 'ucb1', 'epsilon-greedy', 'uniform'] as BanditPolicy[]);
  const eps = opts.epsilon ?? 0.1;
  const every = Math.max(1, Math.floor(opts.every ?? horizon / 50));
  const best = Math.max(...rates);
  const bestArm = rates.indexOf(best);
  const marks: number[] = [];
  for (let t = every; t <= horizon; t += every) marks.push(t);
  if (marks[marks.length - 1] !== horizon) marks.push(horizon);

  const cPolicy: string[] = [];
  const cRound: number[] = [];
  const cRegret: number[] = [];
  const fPolicy: string[] = [];
  const fRegret: number[] = [];
  const fBest: number[] = [];
  policies.forEach((policy, pi) => {
    const sum = new Float64Array(marks.length);
    let bestPlays = 0;
    const r = rng((opts.seed ?? 42) + 7919 * pi);
    const wins = new Float64Array(k);
    const plays = new Float64Array(k);
    const score = new Float64Array(k);
    for (let run = 0; run < runs; run++) {
      wins.fill(0);
      plays.fill(0);
      let regret = 0;
      let m = 0;
      for (let t = 1; t <= horizon; t++) {
        let arm: number;
        if (policy === 'uniform') arm = r.int(k);
        else if (policy === 'thompson') {
          for (let i = 0; i < k; i++) score[i] = betaSample(r, 1 + wins[i], 1 + plays[i] - wins[i]);
          arm = argmax(score, r);
        } else if (t <= k) arm = t - 1;
        else if (policy === 'ucb1') {
          for (let i = 0; i < k; i++) score[i] = wins[i] / plays[i] + Math.sqrt((2 * Math.log(t)) / plays[i]);
          arm = argmax(score, r);
        } else if (r.next() < eps) arm = r.int(k);
        else {
          for (let i = 0; i < k; i++) score[i] = wins[i] / plays[i];
          arm = argmax(score, r);
        }
        plays[arm]++;
        if (r.next() < rates[arm]) wins[arm]++;
        regret += best - rates[arm];
        if (arm === bestArm) bestPlays++;
        if (t === marks[m]) sum[m++] += regret;
      }
    }
    marks.forEach((t, i) => {
      cPolicy.push(policy);
      cRound.push(t);
      cRegret.push(sum[i] / runs);
    });
    fPolicy.push(policy);
    fRegret.push(sum[marks.length - 1] / runs);
    fBest.push(bestPlays / (runs * horizon));
  });
  return {
    curves: makeTable({ policy: cPolicy, round: Int32Array.from(cRound), regret: Float64Array.from(cRegret) }),
    final: makeTable({ policy: fPolicy, regret: Float64Array.from(fRegret), bestArmShare: Float64Array.from(fBest) }),
  };
}
