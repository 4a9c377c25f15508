import { describe, expect, test } from 'vitest';
import { customerValue, holdoutComparison, pAliveGrid, clvTiers } from '../../../src/core/clv/value';
import { floats, makeTable, strings } from '../../../src/core/table';
import { cdnow, cdnowSummaryTable, near } from './cdnow';

const bg = { r: cdnow.bgnbd.r, alpha: cdnow.bgnbd.alpha, a: cdnow.bgnbd.a, b: cdnow.bgnbd.b };
const gg = { p: cdnow.gammaGamma.p, q: cdnow.gammaGamma.q, v: cdnow.gammaGamma.v };
const table = cdnowSummaryTable();

describe('customerValue(summary, bg, gg, {margin, discountRate})', () => {
  const o = cdnow.predictions.clvOptions;
  const values = customerValue(table, bg, gg, { unit: 'weeks', margin: o.margin, discountRate: o.discountRate, periods: o.periods, periodDays: 30 });
  test('has the runner’s clv.csv columns', () => {
    expect(values.schema.fields.map((f) => f.name)).toEqual(['customer', 'frequency', 'recency', 'T', 'p_alive', 'expected_purchases_39', 'expected_spend', 'clv']);
    expect(values.numRows).toBe(2357);
  });
  test('P(alive), 39-week purchases, spend and discounted CLV match the numpy/scipy reference', () => {
    const cols = { p_alive: 'pAlive', expected_purchases_39: 'expectedPurchases39', expected_spend: 'expectedSpend', clv: 'clv' } as const;
    for (const [col, key] of Object.entries(cols)) {
      const v = floats(values, col);
      cdnow.predictions.rows.forEach((row, j) => expect(near(v[row], cdnow.predictions[key][j], 1e-9), `${col} row ${row}`).toBe(true));
    }
    const total = floats(values, 'clv').reduce((a, b) => a + b, 0);
    expect(near(total, cdnow.predictions.sumClv, 1e-9)).toBe(true);
  });
  test('CLV scales with the margin and falls with the discount rate', () => {
    const full = floats(customerValue(table, bg, gg, { margin: 1 }), 'clv');
    const half = floats(customerValue(table, bg, gg, { margin: 0.5 }), 'clv');
    const dear = floats(customerValue(table, bg, gg, { margin: 1, discountRate: 0.05 }), 'clv');
    expect(half[0]).toBeCloseTo(full[0] / 2, 12);
    expect(dear[0]).toBeLessThan(full[0]);
  });
  test('in days the same customers get the same predictions', () => {
    const days = makeTable({
      customer: ['1', '2'],
      frequency: Float64Array.of(2, 0),
      recency: Float64Array.of(30.43 * 7, 0),
      T: Float64Array.of(38.86 * 7, 38.86 * 7),
      monetary: Float64Array.of(22.35, 0),
    });
    const bgDays = { ...bg, alpha: bg.alpha * 7 }; // λ per day = λ per week / 7 → α scales by 7
    const d = customerValue(days, bgDays, gg, { unit: 'days' });
    const w = customerValue(table, bg, gg, { unit: 'weeks' });
    expect(floats(d, 'expected_purchases_39')[0]).toBeCloseTo(floats(w, 'expected_purchases_39')[0], 10);
    expect(floats(d, 'clv')[0]).toBeCloseTo(floats(w, 'clv')[0], 8);
  });
  test('rejects a margin outside [0, 1]', () => {
    expect(() => customerValue(table, bg, gg, { margin: 30 })).toThrow(/margin must be in \[0, 1\]/);
  });
});

describe('holdoutComparison(summary, bg, holdoutLength)', () => {
  const t = makeTable({
    frequency: Float64Array.of(0, 0, 1, 9, 12),
    recency: Float64Array.of(0, 0, 10, 30, 35),
    T: Float64Array.of(20, 30, 30, 38, 38),
    holdout: Float64Array.of(0, 1, 1, 5, 7),
  });
  const h = holdoutComparison(t, bg, 39);
  test('groups by calibration frequency with a top group "7+", means of actual and predicted', () => {
    expect(strings(h, 'frequency')).toEqual(['0', '1', '7+']);
    expect(Array.from(floats(h, 'customers'))).toEqual([2, 1, 2]);
    expect(Array.from(floats(h, 'actual'))).toEqual([0.5, 1, 6]);
    const p = floats(h, 'predicted');
    expect(p[0]).toBeGreaterThan(0);
    expect(p[2]).toBeGreaterThan(p[0]);
  });
  test('needs a holdout period', () => {
    expect(() => holdoutComparison(t, bg, 0)).toThrow(/no holdout period/);
  });
});

describe('pAliveGrid(bg, {T, maxFrequency, recencySteps})', () => {
  const g = pAliveGrid(bg, { T: 39, maxFrequency: 3, recencySteps: 4 });
  test('one cell per frequency × recency step; frequency 0 is alive; P(alive) grows with recency', () => {
    expect(g.numRows).toBe(16);
    const p = floats(g, 'p_alive');
    expect(Array.from(p.subarray(0, 4))).toEqual([1, 1, 1, 1]);
    for (let s = 1; s < 4; s++) expect(p[12 + s]).toBeGreaterThan(p[12 + s - 1]);
    expect(Array.from(floats(g, 'recency0').subarray(4, 8))).toEqual([0, 9.75, 19.5, 29.25]);
  });
});

describe('clvTiers(values, {names, shares})', () => {
  const v = makeTable({ customer: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], clv: Float64Array.of(5, 90, 1, 40, 3, 60, 2, NaN, 8, 7) });
  test('top 20 % High value, next 30 % Medium value, the rest (and NaN) Low value', () => {
    expect(strings(clvTiers(v), 'tier')).toEqual([
      'Low value', 'High value', 'Low value', 'Medium value', 'Low value', 'High value', 'Low value', 'Low value', 'Medium value', 'Medium value',
    ]);
  });
  test('custom names and shares; the number of shares must fit the names', () => {
    expect(strings(clvTiers(v, { names: ['Top', 'Rest'], shares: [0.1] }), 'tier').filter((t) => t === 'Top')).toHaveLength(1);
    expect(() => clvTiers(v, { names: ['A', 'B'], shares: [0.1, 0.2] })).toThrow(/2 tiers need 1 shares/);
  });
});
