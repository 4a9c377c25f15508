import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { confusion, rocAuc, prAuc, logLoss, histogram } from '../../../src/core/stats/metrics';
import { floats } from '../../../src/core/table';

interface Case {
  name: string;
  y: number[];
  p: number[];
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  confusion: Record<string, { tp: number; fp: number; tn: number; fn: number; accuracy: number; precision: number; recall: number; f1: number }>;
  histogram: { edges: number[]; counts: number[] };
  histogram7: { label0: number[]; label1: number[] };
}
const golden: { cases: Case[] } = JSON.parse(readFileSync(new URL('../../fixtures/stages_metrics.json', import.meta.url), 'utf8'));

describe.each(golden.cases)('metrics on the "$name" vector against scikit-learn', (c) => {
  const y = Uint8Array.from(c.y);
  test('rocAuc(y, p) equals roc_auc_score', () => expect(rocAuc(y, c.p)).toBeCloseTo(c.rocAuc, 12));
  test('prAuc(y, p) equals average_precision_score', () => expect(prAuc(y, c.p)).toBeCloseTo(c.prAuc, 12));
  test('logLoss(y, p) equals log_loss (eps = float64 machine epsilon)', () => expect(logLoss(y, c.p)).toBeCloseTo(c.logLoss, 10));
  test('confusion(y, p, t) equals sklearn counts and scores for p > t', () => {
    for (const [t, want] of Object.entries(c.confusion)) {
      const got = confusion(y, c.p, Number(t));
      expect({ tp: got.tp, fp: got.fp, tn: got.tn, fn: got.fn }).toEqual({ tp: want.tp, fp: want.fp, tn: want.tn, fn: want.fn });
      for (const k of ['accuracy', 'precision', 'recall', 'f1'] as const) expect(got[k]).toBeCloseTo(want[k], 12);
    }
  });
  test('histogram(p) equals numpy.histogram(p, 20, range=(0, 1))', () => {
    const h = histogram(c.p);
    expect(Array.from(floats(h, 'count'))).toEqual(c.histogram.counts);
    expect(Array.from(floats(h, 'x0'))).toEqual(c.histogram.edges.slice(0, 20));
    expect(Array.from(floats(h, 'x1'))).toEqual(c.histogram.edges.slice(1));
  });
  test('histogram(p, {bins: 7, label}) gives label 0 and label 1 rows per bin', () => {
    const h = histogram(c.p, { bins: 7, label: y });
    const count = floats(h, 'count');
    const label = floats(h, 'label');
    expect(h.numRows).toBe(14);
    expect(Array.from(label)).toEqual(Array.from({ length: 14 }, (_, i) => i % 2));
    expect(Array.from(count.filter((_, i) => i % 2 === 0))).toEqual(c.histogram7.label0);
    expect(Array.from(count.filter((_, i) => i % 2 === 1))).toEqual(c.histogram7.label1);
  });
});

describe('metrics edge cases', () => {
  test('rocAuc counts ties as one half', () => {
    expect(rocAuc(Uint8Array.of(0, 1), [0.5, 0.5])).toBe(0.5);
    expect(rocAuc(Uint8Array.of(0, 0, 1, 1), [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });
  test('rocAuc and prAuc throw clear errors without both classes', () => {
    expect(() => rocAuc(Uint8Array.of(1, 1), [0.2, 0.3])).toThrow(/both classes/);
    expect(() => prAuc(Uint8Array.of(0, 0), [0.2, 0.3])).toThrow(/positive/);
  });
  test('length mismatch and bad labels are errors', () => {
    expect(() => confusion(Uint8Array.of(1), [0.1, 0.2])).toThrow(/1 labels but 2 scores/);
    expect(() => logLoss(Uint8Array.of(2), [0.1])).toThrow(/0 or 1/);
  });
  test('confusion scores are 0 when undefined', () => {
    const c = confusion(Uint8Array.of(0, 0), [0.1, 0.2]);
    expect(c).toEqual({ tp: 0, fp: 0, tn: 2, fn: 0, accuracy: 1, precision: 0, recall: 0, f1: 0, specificity: 1, balancedAccuracy: 0.5 });
  });
  test('histogram skips NaN, puts out-of-domain values in the edge bins, checks options', () => {
    const h = histogram([NaN, -1, 0, 0.5, 1, 2], { bins: 2 });
    expect(Array.from(floats(h, 'count'))).toEqual([2, 3]);
    expect(() => histogram([0.1], { bins: 0 })).toThrow(/positive integer/);
    expect(() => histogram([0.1], { domain: [1, 1] })).toThrow(/high > low/);
  });
});
