/**
 * The CDNOW 1/10-sample fixture (test/fixtures/clv_cdnow.json, written by test/golden/clv_cdnow.py):
 * the Fader–Hardie summary (x, t_x, T in weeks, zbar) and scipy's estimates and predictions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeTable } from '../../../src/core/table';

export interface CdnowFixture {
  summary: { x: number[]; t_x: number[]; T: number[]; zbar: number[] };
  rawLog: { customers: number; sumX: number; holdoutTotal: number; holdoutByX: Record<string, number>; sameDayRows: number };
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; se: number[]; llAtPublished: number };
  bgnbdPenalised: { penalty: number; r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; v: number; logLikelihood: number; se: number[]; n: number };
  predictions: {
    rows: number[];
    pAlive: number[];
    expectedPurchases39: number[];
    expectedSpend: number[];
    clv: number[];
    clvOptions: { periods: number; periodLength: number; discountRate: number; margin: number };
    sumExpectedPurchases39: number;
    sumClv: number;
    unconditional: { t: number[]; value: number[] };
    hyp2f1: number[][];
  };
}

export const cdnow: CdnowFixture = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/clv_cdnow.json'), 'utf8'));

/** The fixture's summary as a summary table (customer ids 1 … 2357). */
export function cdnowSummaryTable() {
  const s = cdnow.summary;
  return makeTable({
    customer: s.x.map((_, i) => String(i + 1)),
    frequency: Float64Array.from(s.x),
    recency: Float64Array.from(s.t_x),
    T: Float64Array.from(s.T),
    monetary: Float64Array.from(s.zbar),
  });
}

/** |a − b| ≤ rel·|b| or ≤ abs. */
export function near(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= Math.max(rel * Math.abs(b), abs);
}
