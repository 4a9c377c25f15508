import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { roc, precisionRecall } from '../../../src/core/stats/curves';
import { calibration } from '../../../src/core/stats/calibration';
import { gain } from '../../../src/core/stats/gain';
import { profitCurve, bestThreshold } from '../../../src/core/stats/profit';
import { binaryMetrics } from '../../../src/core/stats/report';
import { brier, prAuc, rocAuc } from '../../../src/core/stats/metrics';
import { monthNumbers, splitSummary, timeSplit } from '../../../src/core/stats/split';

interface Fx {
  metrics: Record<string, number> & {
    probability: number[];
    label: number[];
    tpr_at_fpr: { fpr: number[]; tpr: number[] };
    calibration: { meanPredicted: number[]; fractionPositive: number[] };
  };
}
const fx: Fx = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/model_online_shoppers.json', import.meta.url)), 'utf8'));
const y = Uint8Array.from(fx.metrics.label);
const p = Float64Array.from(fx.metrics.probability);

function interp(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  // numpy.interp over a non-decreasing xs: the value at the LAST point of a run of equal xs … as numpy does
  let i = 0;
  while (i < xs.length - 1 && xs[i + 1] <= x) i++;
  if (i === xs.length - 1 || xs[i] === x) return ys[i];
  return ys[i] + ((ys[i + 1] - ys[i]) * (x - xs[i])) / (xs[i + 1] - xs[i]);
}

describe('binaryMetrics(y, p, threshold) on Online Shoppers test predictions of sklearn lbfgs', () => {
  it('equals sklearn accuracy, balanced accuracy, precision, recall, F1, ROC AUC, average precision, log loss, Brier', () => {
    const m = binaryMetrics(y, p, 0.5);
    for (const k of ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier'] as const) {
      expect(m[k], k).toBeCloseTo(fx.metrics[k], 10);
    }
    expect(m.rows).toBe(3083);
    expect(m.tp + m.fn).toBe(477);
  });
  it('roc(y, p) passes through sklearn roc_curve points (TPR at FPR 0.1, 0.2, 0.5)', () => {
    const r = roc(y, p);
    fx.metrics.tpr_at_fpr.fpr.forEach((f, i) => expect(interp(r.fpr, r.tpr, f)).toBeCloseTo(fx.metrics.tpr_at_fpr.tpr[i], 10));
    expect(r.threshold[0]).toBe(Infinity);
    expect(r.fpr.at(-1)).toBe(1);
    expect(r.tpr.at(-1)).toBe(1);
  });
  it('calibration(y, p, {bins: 10}) equals sklearn calibration_curve(strategy="uniform")', () => {
    const c = calibration(y, p, { bins: 10 });
    expect(Array.from(c.meanPredicted)).toHaveLength(fx.metrics.calibration.meanPredicted.length);
    c.meanPredicted.forEach((v, i) => expect(v).toBeCloseTo(fx.metrics.calibration.meanPredicted[i], 10));
    c.fractionPositive.forEach((v, i) => expect(v).toBeCloseTo(fx.metrics.calibration.fractionPositive[i], 10));
  });
});

describe('curves on tiny literal data', () => {
  const ys = Uint8Array.of(0, 0, 1, 1);
  const ps = [0.1, 0.4, 0.35, 0.8];
  it('roc(y, p) has one point per distinct score from +∞ down', () => {
    const r = roc(ys, ps);
    expect(Array.from(r.threshold)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(r.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(r.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
  });
  it('precisionRecall(y, p): the step area is average precision', () => {
    const c = precisionRecall(ys, ps);
    let area = 0;
    for (let i = 1; i < c.recall.length; i++) area += (c.recall[i] - c.recall[i - 1]) * c.precision[i];
    expect(area).toBeCloseTo(prAuc(ys, ps), 12);
    expect(Array.from(c.precision).map((v) => +v.toFixed(3))).toEqual([1, 1, 0.5, 0.667, 0.5]);
  });
  it('roc and precisionRecall refuse a single class', () => {
    expect(() => roc(Uint8Array.of(1, 1), [0.2, 0.3])).toThrow(/needs both classes/);
    expect(() => precisionRecall(Uint8Array.of(0, 0), [0.2, 0.3])).toThrow(/needs both classes/);
  });
  it('gain(y, p, {points}) reaches every buyer at 100 % and has lift G(q)/q', () => {
    const g = gain(Uint8Array.of(1, 0, 1, 0), [0.9, 0.8, 0.7, 0.1], { points: 4 });
    expect(Array.from(g.gain)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(g.lift).map((v) => +v.toFixed(3))).toEqual([1, 2, 1, 1.333, 1]);
  });
  it('profitCurve(y, p, {margin, cost}) = margin·TP − cost·contacted at every threshold; bestThreshold picks the max', () => {
    const c = profitCurve(Uint8Array.of(1, 0, 1, 0), [0.9, 0.8, 0.3, 0.1], { margin: 10, cost: 2, step: 0.5 });
    expect(Array.from(c.threshold)).toEqual([0, 0.5, 1]);
    expect(Array.from(c.contacted)).toEqual([4, 2, 0]);
    expect(Array.from(c.profit)).toEqual([12, 6, 0]);
    expect(bestThreshold(c)).toEqual({ threshold: 0, profit: 12, contacted: 4 });
    // on real predictions: with cost/margin = 2/30 the best threshold lies well below 0.5 and beats contacting everyone
    const real = profitCurve(y, p, { margin: 30, cost: 2 });
    const b = bestThreshold(real);
    expect(real.threshold.length).toBe(101);
    expect(b.threshold).toBeLessThan(0.5);
    expect(b.profit).toBeGreaterThan(real.profit[0]);
    expect(() => profitCurve(y, p, { margin: -1, cost: 2 })).toThrow(/margin must be a number ≥ 0/);
  });
  it('brier(y, p) is the mean squared error of the probabilities', () => {
    expect(brier(Uint8Array.of(1, 0), [0.9, 0.2])).toBeCloseTo(0.025, 12);
    expect(rocAuc(ys, ps)).toBe(0.75);
  });
});

describe('timeSplit, monthNumbers, splitSummary', () => {
  it('timeSplit(times, {testFraction}) tests on the latest time values, never splitting a tie', () => {
    expect(Array.from(timeSplit(Float64Array.of(1, 2, 2, 3, 4), { testFraction: 0.3 }))).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(timeSplit(Float64Array.of(5, 1, 5, 2), { testFraction: 0.25 }))).toEqual([1, 0, 1, 0]);
    expect(Array.from(timeSplit(Float64Array.of(1, 2, 3), { cutoff: 2 }))).toEqual([0, 1, 1]);
    expect(() => timeSplit(Float64Array.of(1, 1, 1), { testFraction: 0.5 })).toThrow(/every row in the test set/);
  });
  it('monthNumbers(names) reads short and long English month names and names a bad row', () => {
    expect(Array.from(monthNumbers(['Feb', 'June', 'dec', 'September']))).toEqual([2, 6, 12, 9]);
    expect(() => monthNumbers(['Feb', 'Foo'])).toThrow(/row 2: `Foo` is not a month name/);
  });
  it('splitSummary(split, y) counts rows and positives per side', () => {
    const s = splitSummary(Uint8Array.of(0, 0, 1), Uint8Array.of(1, 0, 1));
    expect(s.split).toEqual(['train', 'test']);
    expect(Array.from(s.rows)).toEqual([2, 1]);
    expect(Array.from(s.positiveRate)).toEqual([0.5, 1]);
  });
});
