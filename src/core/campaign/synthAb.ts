/**
 * A seeded synthetic A/B test file, the built-in default of the A/B notebook (real test files such as
 * Cookie Cats have no licence to ship).
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';
import { rng } from '../synth/random';

/** The dataset key under which notebooks find the synthetic test. */
export const SYNTHETIC_AB_KEY = 'synthetic-ab-test';

export interface SyntheticAbOptions {
  /** Users in the test. Default 20000. */
  n?: number;
  /** Outcome rates by metric and variant. Default {clicked: {A: 0.10, B: 0.11}, purchased: {A: 0.030, B: 0.032}}. */
  rates?: Record<string, { A: number; B: number }>;
  /** Seed. Default 7. */
  seed?: number;
}

/**
 * Users split 50/50 into variants "A" and "B", each outcome drawn as a Bernoulli with its rate.
 * Columns: user_id, variant, then one 0/1 column per metric. Same options → same table.
 * @example syntheticAbTest({ n: 1000 }).numRows; // 1000
 */
export function syntheticAbTest(opts: SyntheticAbOptions = {}): Table {
  const n = opts.n ?? 20000;
  const rates = opts.rates ?? { clicked: { A: 0.1, B: 0.11 }, purchased: { A: 0.03, B: 0.032 } };
  const r = rng(opts.seed ?? 7);
  const variant: string[] = new Array(n);
  const cols: Record<string, Int32Array> = {};
  for (const m of Object.keys(rates)) cols[m] = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = r.next() < 0.5 ? 'A' : 'B';
    variant[i] = v;
    for (const [m, p] of Object.entries(rates)) cols[m][i] = r.next() < p[v] ? 1 : 0;
  }
  return makeTable({ user_id: Array.from({ length: n }, (_, i) => `u${i + 1}`), variant, ...cols });
}
