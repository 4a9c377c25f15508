/**
 * notebooks/clv.md in the headless runner, on a CDNOW-shaped file simulated from a known BG/NBD
 * process (whitespace-separated, header ` customer_id  date number_of_cds  dollar_value`, YYYYMMDD
 * dates, first purchases in Q1 1997, observed to 1998-06-30), passed as `--data transactions=PATH`
 * with the column-mapping options. Checks the runner's contract files bgnbd.json, gamma_gamma.json
 * and clv.csv, and that the fit recovers the simulation's parameters.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeEnv } from '../../src/cli/nodeEnv';
import { rolesFromSet } from '../../src/cli/args';
import { runNotebook } from '../../src/cli/runNotebook';
import { mulberry32 } from '../../src/core/stats/rng';

const TRUTH = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
const DAY = 86_400_000;

/** Gamma(shape, rate) by Marsaglia–Tsang (shape < 1 boosted). */
function gamma(rand: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(rand, shape + 1, rate) * Math.pow(rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal
      x = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** A CDNOW-style log of `n` customers simulated from BG/NBD(TRUTH), weekly rates, seeded. */
function simulateCdnow(n: number, seed: number): string {
  const rand = mulberry32(seed);
  const start = Date.UTC(1997, 0, 1);
  const end = Date.UTC(1998, 5, 30);
  const lines = [' customer_id  date number_of_cds  dollar_value'];
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
  for (let c = 1; c <= n; c++) {
    const id = String(c).padStart(5, '0');
    const lambda = gamma(rand, TRUTH.r, TRUTH.alpha); // purchases per week
    const g1 = gamma(rand, TRUTH.a, 1);
    const p = g1 / (g1 + gamma(rand, TRUTH.b, 1));
    const spend = 10 + gamma(rand, 2, 0.1);
    let t = start + Math.floor(rand() * 90) * DAY;
    lines.push(` ${id} ${fmt(t)}  1   ${spend.toFixed(2)}`);
    for (;;) {
      t += (-Math.log(1 - rand()) / lambda) * 7 * DAY;
      if (t > end + DAY - 1) break;
      const cds = 1 + Math.floor(rand() * 3);
      lines.push(` ${id} ${fmt(t)}  ${cds}   ${(spend * (0.6 + 0.8 * rand())).toFixed(2)}`);
      if (rand() < p) break; // drops out after a repeat purchase (never at the first: FHL 2005, assumption iii)
    }
  }
  return lines.join('\r\n') + '\r\n';
}

describe('runNotebook(clv.md) with --data transactions=cdnow-like.txt and --set map.*', () => {
  let dir: string;
  let files: Map<string, string>;
  let failed: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tierbook-clv-'));
    const path = join(dir, 'cdnow_like.txt');
    writeFileSync(path, simulateCdnow(3000, 11));
    const env = nodeEnv({ data: { transactions: path }, backend: 'cpu' });
    const params = rolesFromSet({ transactions: env.keys.transactions, 'map.customer': 'customer_id', 'map.date': 'date', 'map.amount': 'dollar_value' });
    const result = await runNotebook(readFileSync('notebooks/clv.md', 'utf8'), env, params);
    files = new Map(result.files.map((f) => [f.name, f.content]));
    failed = result.cells.filter((c) => c.status !== 'done').map((c) => `${c.name}: ${c.status} ${c.error ?? ''}`);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every cell runs; the calibration ends on 1997-09-30 with a 39-week holdout', () => {
    expect(failed).toEqual([]);
    const split = JSON.parse(files.get('split.json')!);
    expect(split).toMatchObject({ calibration_end: '1997-09-30', observation_end: '1998-06-30', unit: 'weeks', holdout_length: 39, customers: 3000 });
  });

  test('bgnbd.json has r, alpha, a, b, log_likelihood, converged and recovers the simulated parameters (within 3 SE)', () => {
    const bg = JSON.parse(files.get('bgnbd.json')!);
    for (const k of ['r', 'alpha', 'a', 'b', 'log_likelihood']) expect(typeof bg[k]).toBe('number');
    expect(bg.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(bg[k] - TRUTH[k]), `${k} = ${bg[k]} ± ${bg.standard_errors[k]}, truth ${TRUTH[k]}`).toBeLessThan(3 * bg.standard_errors[k]);
    }
  });

  test('gamma_gamma.json has p, q, v, log_likelihood, converged', () => {
    const gg = JSON.parse(files.get('gamma_gamma.json')!);
    for (const k of ['p', 'q', 'v', 'log_likelihood']) expect(Number.isFinite(gg[k])).toBe(true);
    expect(gg.converged).toBe(true);
  });

  test('clv.csv has one row per customer with the contract columns and sane values', () => {
    const rows = files.get('clv.csv')!.trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['customer', 'frequency', 'recency', 'T', 'p_alive', 'expected_purchases_39', 'expected_spend', 'clv']);
    expect(rows.length - 1).toBe(3000);
    for (const r of rows.slice(1)) {
      const [x, tx, T, alive, e39, spend, clv] = r.slice(1).map(Number);
      expect(x >= 0 && tx >= 0 && tx <= T && T <= 39).toBe(true);
      expect(alive > 0 && alive <= 1).toBe(true);
      expect(e39 >= 0 && spend > 0 && clv >= 0).toBe(true);
    }
  });

  test('the holdout check, the P(alive) grid and the CLV tiers are written', () => {
    expect(files.get('holdout_chart.svg')).toMatch(/^<svg|<figure/);
    expect(files.has('alive_chart.svg')).toBe(true);
    expect(files.get('clv_tier_summary.csv')!.split('\n')[0]).toMatch(/^tier,rule,customers/);
  });
});
