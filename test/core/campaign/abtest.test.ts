/**
 * A/B statistics against scipy (test/golden/campaign_abtest.py → test/fixtures/campaign_abtest.json) on the
 * committed Cookie Cats and ab_data counts, plus the table-level `abTest` on a file built from those counts.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalCdf, normalSf, normalQuantile, logBeta } from '../../../src/core/campaign/normal';
import { twoProportionTest, abTest, abColumns, abDetails, wilsonInterval, waldInterval, probBBeatsA } from '../../../src/core/campaign/abtest';
import { sampleSizePerArm, powerOf } from '../../../src/core/campaign/planner';
import { sequentialBoundary, sequentialRejectionRate, sequentialDecision, peekingSimulation } from '../../../src/core/campaign/sequential';
import { makeTable, floats } from '../../../src/core/table';
import { DataError } from '../../../src/core/errors';

const golden = JSON.parse(readFileSync('test/fixtures/campaign_abtest.json', 'utf8'));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** A test file with exactly the given counts: n_a rows of a (the first conv_a converted), then b. */
export function fileWithCounts(rows: { metric: string; a: string; b: string; n_a: number; conv_a: number; n_b: number; conv_b: number }[]) {
  const { a, b, n_a, n_b } = rows[0];
  const variant: string[] = [...Array(n_a).fill(a), ...Array(n_b).fill(b)];
  const cols: Record<string, Uint8Array> = {};
  for (const r of rows) {
    const y = new Uint8Array(n_a + n_b);
    for (let i = 0; i < r.conv_a; i++) y[i] = 1;
    for (let i = 0; i < r.conv_b; i++) y[n_a + i] = 1;
    cols[r.metric] = y;
  }
  return makeTable({ version: variant, ...Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, { bool: v }])) });
}

describe('normal distribution (vs scipy.stats.norm)', () => {
  test('cdf, sf and ppf to 1e-12 relative', () => {
    for (const r of golden.normal) {
      if ('x' in r) {
        expect(rel(normalCdf(r.x), r.cdf)).toBeLessThan(1e-12);
        expect(rel(normalSf(r.x), r.sf)).toBeLessThan(1e-12);
      } else expect(rel(normalQuantile(r.p), r.ppf) < 1e-12 || Math.abs(normalQuantile(r.p) - r.ppf) < 1e-14).toBe(true);
    }
  });
  test('logBeta matches exact values', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
  });
});

describe('twoProportionTest (vs scipy, Cookie Cats / ab_data counts)', () => {
  for (const g of golden.tests) {
    test(`${g.dataset} ${g.metric}`, () => {
      const r = twoProportionTest(g.n_a, g.conv_a, g.n_b, g.conv_b);
      expect(rel(r.z, g.z)).toBeLessThan(1e-12);
      expect(rel(r.p_value, g.p_value)).toBeLessThan(1e-9);
      expect(Math.abs(r.ci_low - g.ci_low)).toBeLessThan(1e-12);
      expect(Math.abs(r.ci_high - g.ci_high)).toBeLessThan(1e-12);
      for (const k of ['wald_a', 'wald_b', 'wilson_a', 'wilson_b'] as const) {
        expect(Math.abs(r[k].low - g[k][0])).toBeLessThan(1e-12);
        expect(Math.abs(r[k].high - g[k][1])).toBeLessThan(1e-12);
      }
      expect(rel(r.prob_b_beats_a, g.prob_b_beats_a)).toBeLessThan(1e-7);
    });
  }
  test('Wilson stays in [0, 1] where Wald collapses', () => {
    expect(waldInterval(0, 20)).toEqual({ low: 0, high: 0 });
    const w = wilsonInterval(0, 20);
    expect(w.low).toBeCloseTo(0, 15);
    expect(w.high).toBeGreaterThan(0.1);
  });
  test('P(B > A) is ½ for identical arms and symmetric', () => {
    expect(probBBeatsA(11, 91, 11, 91)).toBeCloseTo(0.5, 10);
    expect(probBBeatsA(11, 91, 21, 81) + probBBeatsA(21, 81, 11, 91)).toBeCloseTo(1, 10);
  });
  test('rejects impossible counts', () => {
    expect(() => twoProportionTest(10, 11, 10, 1)).toThrow(/arm A/);
  });
});

describe('abTest(table, variant, metrics)', () => {
  const cc = golden.tests.filter((g: { dataset: string }) => g.dataset === 'cookie_cats');
  const file = fileWithCounts(cc);
  test('reproduces the counts and statistics, arms in sorted order', () => {
    const out = abTest(file, 'version', ['retention_1', 'retention_7']);
    expect(out.map((m) => Object.keys(m))).toEqual(cc.map(() => ['metric', 'a', 'b', 'n_a', 'conv_a', 'n_b', 'conv_b', 'z', 'p_value', 'ci_low', 'ci_high', 'prob_b_beats_a']));
    out.forEach((m, i) => {
      expect([m.a, m.b, m.n_a, m.conv_a, m.n_b, m.conv_b]).toEqual([cc[i].a, cc[i].b, cc[i].n_a, cc[i].conv_a, cc[i].n_b, cc[i].conv_b]);
      expect(rel(m.p_value, cc[i].p_value)).toBeLessThan(1e-9);
    });
    const d = abDetails(out);
    expect(d.numRows).toBe(4);
    expect(floats(d, 'rate')[0]).toBeCloseTo(20034 / 44700, 14);
  });
  test('detects the variant and outcome columns', () => {
    expect(abColumns(file)).toEqual({ variant: 'version', metrics: ['retention_1', 'retention_7'] });
  });
  test('located errors: not two variants, a non-binary outcome, an unknown column', () => {
    const t = makeTable({ v: ['a', 'b', 'c'], y: Float64Array.of(0, 1, 2) });
    expect(() => abTest(t, 'v', ['y'], { file: 'x.csv' })).toThrow(/x.csv, column `v`: .*has 3 distinct values/);
    const u = makeTable({ v: ['a', 'b', 'b'], y: Float64Array.of(0, 1, 2) });
    expect(() => abTest(u, 'v', ['y'], { file: 'x.csv' })).toThrow(DataError);
    expect(() => abTest(u, 'v', ['y'], { file: 'x.csv' })).toThrow(/row 3, column `y`: `2` is not a 0\/1/);
    expect(() => abTest(u, 'w', ['y'])).toThrow(/`w`/);
  });
});

describe('planner (vs the closed form in scipy)', () => {
  for (const g of golden.sample_size) {
    test(`n per arm for p₁=${g.baseline}, δ=${g.mde}, α=${g.alpha}, power=${g.power}`, () => {
      expect(sampleSizePerArm(g.baseline, g.mde, { alpha: g.alpha, power: g.power })).toBe(g.n);
      expect(powerOf(g.baseline, g.mde, g.n, { alpha: g.alpha })).toBeGreaterThanOrEqual(g.power - 1e-9);
      expect(powerOf(g.baseline, g.mde, g.n - 1, { alpha: g.alpha })).toBeLessThan(g.power);
    });
  }
  test('relative MDE and bad input', () => {
    expect(sampleSizePerArm(0.1, 0.2, { relative: true })).toBe(sampleSizePerArm(0.1, 0.02));
    expect(() => sampleSizePerArm(0.95, 0.1)).toThrow(/\(0, 1\)/);
  });
});

describe('peeking and the sequential rule', () => {
  for (const g of golden.sequential) {
    test(`N=${g.N}, α=${g.alpha}: boundary and exact rates match numpy`, () => {
      expect(sequentialBoundary(g.N, g.alpha)).toBe(g.boundary);
      expect(sequentialRejectionRate(g.N, g.boundary)).toBeCloseTo(g.fpr, 12);
      expect(sequentialRejectionRate(g.N, g.boundary, 0.55)).toBeCloseTo(g.power_q055, 12);
    });
  }
  test('decisions', () => {
    expect(sequentialDecision(540, 470, 1000).decision).toBe('treatment wins');
    expect(sequentialDecision(500, 500, 1000).decision).toBe('no winner');
    expect(sequentialDecision(100, 90, 1000).decision).toBe('continue');
  });
  test('more looks, more false positives (seeded, same numbers every run)', () => {
    const t = peekingSimulation({ n: 500, looks: [1, 10], simulations: 400, seed: 1 });
    const fpr = floats(t, 'falsePositiveRate');
    expect(fpr[0]).toBeLessThan(0.09);
    expect(fpr[1]).toBeGreaterThan(fpr[0] + 0.05);
    expect(floats(peekingSimulation({ n: 500, looks: [1, 10], simulations: 400, seed: 1 }), 'falsePositiveRate')).toEqual(fpr);
  });
});
