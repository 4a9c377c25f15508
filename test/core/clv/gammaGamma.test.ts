import { describe, expect, test } from 'vitest';
import { fitGammaGamma, gammaGammaLogLikelihood, expectedSpend, spendData, spendFrequencyCheck } from '../../../src/core/clv/gammaGamma';
import { makeTable } from '../../../src/core/table';
import { cdnow, cdnowSummaryTable, near } from './cdnow';

const table = cdnowSummaryTable();
const golden = cdnow.gammaGamma;

describe('fitGammaGamma(summary) on the CDNOW 1/10 sample repeat buyers', () => {
  const fit = fitGammaGamma(table);
  test('fits the 946 repeat buyers and converges', () => {
    expect(fit.n).toBe(golden.n);
    expect(fit.converged).toBe(true);
  });
  test('p, q, v within 1 % of scipy and log-likelihood within 1e-4 relative', () => {
    for (const k of ['p', 'q', 'v'] as const) expect(near(fit.params[k], golden[k], 0.01, 1e-3), `${k}: ${fit.params[k]} vs ${golden[k]}`).toBe(true);
    expect(Math.abs(fit.logLikelihood - golden.logLikelihood) / Math.abs(golden.logLikelihood)).toBeLessThan(1e-4);
  });
  test('reproduces Fader & Hardie’s published p 6.25, q 3.74, v 15.44', () => {
    expect(fit.params.p).toBeCloseTo(6.25, 1);
    expect(fit.params.q).toBeCloseTo(3.74, 1);
    expect(fit.params.v).toBeCloseTo(15.44, 1);
  });
  test('standard errors within 1 % of numpy’s', () => {
    (['p', 'q', 'v'] as const).forEach((k, i) => expect(near(fit.standardErrors[k], golden.se[i], 0.01), k).toBe(true));
  });
  test('log-likelihood matches numpy at scipy’s estimates', () => {
    expect(gammaGammaLogLikelihood(golden, spendData(table))).toBeCloseTo(golden.logLikelihood, 8);
  });
});

describe('expectedSpend(params, x, m)', () => {
  test('matches scipy’s values for the fixture rows', () => {
    const s = cdnow.summary;
    cdnow.predictions.rows.forEach((row, j) => expect(near(expectedSpend(golden, s.x[row], s.zbar[row]), cdnow.predictions.expectedSpend[j], 1e-12)).toBe(true));
  });
  test('is the population mean vp/(q−1) without repeat purchases and needs q > 1', () => {
    expect(expectedSpend({ p: 6, q: 4, v: 15 }, 0, 0)).toBeCloseTo(30, 12);
    expect(() => expectedSpend({ p: 6, q: 0.9, v: 15 }, 2, 10)).toThrow(/needs q > 1/);
  });
});

describe('spendData and spendFrequencyCheck(summary)', () => {
  test('repeat buyers with non-positive mean spend are left out and counted', () => {
    const t = makeTable({ frequency: Float64Array.of(0, 2, 3, 1), monetary: Float64Array.of(0, 10, -5, 0) });
    const d = spendData(t);
    expect(Array.from(d.x)).toEqual([2]);
    expect(d.dropped).toBe(2);
  });
  test('no warning on CDNOW (ρ ≈ 0.11)', () => {
    const c = spendFrequencyCheck(table);
    expect(c.n).toBe(946);
    expect(Math.abs(c.correlation)).toBeLessThan(0.3);
    expect(c.warning).toBeNull();
  });
  test('warns when spend rises with frequency', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => 1 + (i % 10));
    const m = Float64Array.from(x, (v, i) => 10 * v + (i % 3));
    const c = spendFrequencyCheck(makeTable({ frequency: x, monetary: m }));
    expect(c.correlation).toBeGreaterThan(0.9);
    expect(c.warning).toMatch(/assumes they are independent/);
  });
});
