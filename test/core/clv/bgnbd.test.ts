import { describe, expect, test } from 'vitest';
import { fitBgNbd, bgnbdLogLikelihood, pAlive, expectedPurchases, expectedPurchasesNew, repeatData } from '../../../src/core/clv/bgnbd';
import { makeTable } from '../../../src/core/table';
import { cdnow, cdnowSummaryTable, near } from './cdnow';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;
const table = cdnowSummaryTable();
const fit = fitBgNbd(table);
const golden = cdnow.bgnbd;

describe('fitBgNbd(summary) on the CDNOW 1/10 sample (weeks, calibration to 1997-09-30)', () => {
  test('converges', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(2357);
  });
  test('parameters within 1 % (or 1e-3) of scipy.optimize on the same likelihood', () => {
    for (const k of NAMES) expect(near(fit.params[k], golden[k], 0.01, 1e-3), `${k}: ${fit.params[k]} vs ${golden[k]}`).toBe(true);
  });
  test('log-likelihood within 1e-4 relative of scipy’s maximum', () => {
    expect(Math.abs(fit.logLikelihood - golden.logLikelihood) / Math.abs(golden.logLikelihood)).toBeLessThan(1e-4);
    // and never worse than scipy's by more than rounding
    expect(fit.logLikelihood).toBeGreaterThan(golden.logLikelihood - 1e-6);
  });
  test('reproduces the published estimates r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4 (FHL 2005)', () => {
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const k of NAMES) expect(Math.abs(fit.params[k] - published[k]), k).toBeLessThan(1e-3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
  });
  test('standard errors within 1 % of a finite-difference Hessian in numpy', () => {
    NAMES.forEach((k, i) => expect(near(fit.standardErrors[k], golden.se[i], 0.01), `${k}: ${fit.standardErrors[k]} vs ${golden.se[i]}`).toBe(true));
  });
  test('with an L2 penalty of 0.01 on −LL/n the estimates match scipy’s penalised fit', () => {
    const pen = fitBgNbd(table, { penalty: cdnow.bgnbdPenalised.penalty });
    for (const k of NAMES) expect(near(pen.params[k], cdnow.bgnbdPenalised[k], 0.01, 1e-3), k).toBe(true);
    expect(pen.logLikelihood).toBeLessThan(fit.logLikelihood);
  });
});

describe('bgnbdLogLikelihood(params, data)', () => {
  test('matches numpy at the published parameters', () => {
    const ll = bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, repeatData(table));
    expect(ll).toBeCloseTo(golden.llAtPublished, 8);
  });
  test('is NaN for a non-positive parameter', () => {
    expect(bgnbdLogLikelihood({ r: 0, alpha: 1, a: 1, b: 1 }, repeatData(table))).toBeNaN();
  });
});

describe('predictions at scipy’s estimates', () => {
  const params = { r: golden.r, alpha: golden.alpha, a: golden.a, b: golden.b };
  const s = cdnow.summary;
  test('pAlive and expectedPurchases(39 weeks) match scipy to 1e-9 relative', () => {
    cdnow.predictions.rows.forEach((row, j) => {
      expect(near(pAlive(params, s.x[row], s.t_x[row], s.T[row]), cdnow.predictions.pAlive[j], 1e-9), `row ${row}`).toBe(true);
      expect(near(expectedPurchases(params, 39, s.x[row], s.t_x[row], s.T[row]), cdnow.predictions.expectedPurchases39[j], 1e-9), `row ${row}`).toBe(true);
    });
    let sum = 0;
    for (let i = 0; i < s.x.length; i++) sum += expectedPurchases(params, 39, s.x[i], s.t_x[i], s.T[i]);
    expect(near(sum, cdnow.predictions.sumExpectedPurchases39, 1e-9)).toBe(true);
  });
  test('expectedPurchasesNew(t) matches scipy (FHL eq. 9)', () => {
    cdnow.predictions.unconditional.t.forEach((t, j) => expect(near(expectedPurchasesNew(params, t), cdnow.predictions.unconditional.value[j], 1e-9)).toBe(true));
  });
  test('a customer without repeat purchases is alive; a long silence after many purchases lowers P(alive)', () => {
    expect(pAlive(params, 0, 0, 30)).toBe(1);
    expect(pAlive(params, 10, 5, 39)).toBeLessThan(pAlive(params, 10, 35, 39));
    expect(expectedPurchases(params, 0, 3, 10, 20)).toBe(0);
  });
});

describe('repeatData(summary)', () => {
  test('names the row with recency beyond T', () => {
    const bad = makeTable({ frequency: Float64Array.of(1, 2), recency: Float64Array.of(1, 9), T: Float64Array.of(5, 8) });
    expect(() => repeatData(bad)).toThrow(/row 2 has frequency 2, recency 9, T 8/);
  });
});
