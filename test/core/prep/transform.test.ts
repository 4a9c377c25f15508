import { describe, expect, test } from 'vitest';
import { makeTable, floats, strings } from '../../../src/core/table';
import { netReturns } from '../../../src/core/prep/returns';
import { capOutliers } from '../../../src/core/prep/outliers';
import { scaleFeatures } from '../../../src/core/prep/scale';
import { encodeColumn } from '../../../src/core/prep/encode';
import { clean } from '../../../src/core/prep/clean';
import { makeTx } from './tx';

describe('netReturns(tx)', () => {
  const tx = makeTx([
    { customer: 'a', order: '1', time: '2011-01-01', quantity: 10, price: 2, item: 'A' },
    { customer: 'a', order: '2', time: '2011-01-05', quantity: 3, price: 2, item: 'A' },
    { customer: 'a', order: 'C3', time: '2011-01-06', quantity: -5, price: 2, item: 'A', cancelled: true },
    { customer: 'b', order: '4', time: '2011-01-02', quantity: 2, price: 5, item: 'B' },
    { customer: 'b', order: 'C5', time: '2011-01-03', quantity: -2, price: 5, item: 'B', cancelled: true },
    { customer: 'c', order: 'C6', time: '2011-01-03', quantity: -1, price: 5, item: 'B', cancelled: true },
    { customer: 'a', order: '7', time: '2011-01-07', quantity: 4, price: 2, item: 'A' },
  ]);

  test('takes a return back from the latest earlier purchase first, then earlier ones', () => {
    const r = netReturns(tx);
    // a: 5 returned → order 2 (3) netted to 0, order 1 loses 2; the later order 7 is untouched
    expect(strings(r.table, 'order')).toEqual(['1', '7']);
    expect(Array.from(floats(r.table, 'quantity'))).toEqual([8, 4]);
    expect(Array.from(floats(r.table, 'amount'))).toEqual([16, 8]);
    expect(r.returns).toBe(3);
    expect(r.unmatched).toBe(1); // c returned something bought before the data starts
    expect(r.netted).toBe(3);
    expect(r.removed).toBe(5); // 3 return lines + order 2 + b's order 4
  });

  test('clean(tx, {returns: "net"}) logs a "Returns netted" step instead of dropping cancellations', () => {
    const { table, steps } = clean(tx, { returns: 'net' });
    expect(strings(steps, 'step')).toContain('returnsNetted');
    expect(floats(table, 'amount').reduce((a, b) => a + b, 0)).toBe(24);
    const dropped = clean(tx).table;
    expect(floats(dropped, 'amount').reduce((a, b) => a + b, 0)).toBe(20 + 6 + 10 + 8);
  });
});

describe('clean(tx) with nothing left', () => {
  test('"0 rows left after cleaning" names the step that removed the last rows', () => {
    const tx = makeTx([
      { customer: 'a', order: '1', time: '2011-01-01', quantity: 0 },
      { customer: 'b', order: '2', time: '2011-01-01', quantity: -1 },
    ]);
    expect(() => clean(tx)).toThrow(/0 rows left after cleaning: "Quantity ≤ 0" removed the last 2 rows/);
    expect(() => clean(makeTx([]))).toThrow(/0 rows left after cleaning: the transactions table is empty/);
  });
});

describe('capOutliers(table, options)', () => {
  const t = makeTable({ customer: ['a', 'b', 'c', 'd', 'e', 'f'], monetary: Float64Array.of(1, 2, 3, 4, 5, 100) });

  test('IQR fences as pandas quantile(0.25 / 0.75), values outside clipped (winsorised)', () => {
    // Q1 = 2.25, Q3 = 4.75, IQR = 2.5 → [−1.5, 8.5]
    const r = capOutliers(t);
    expect(r.low).toBeCloseTo(-1.5, 12);
    expect(r.high).toBeCloseTo(8.5, 12);
    expect(r.above).toBe(1);
    expect(Array.from(floats(r.table, 'monetary'))).toEqual([1, 2, 3, 4, 5, 8.5]);
    expect(r.table.numRows).toBe(6);
  });

  test('percentile bounds and the drop action', () => {
    const r = capOutliers(t, { method: 'percentile', lower: 0.2, upper: 0.8, action: 'drop' });
    // numpy linear: q(0.2) = 2, q(0.8) = 5
    expect([r.low, r.high]).toEqual([2, 5]);
    expect(r.removed).toBe(2);
    expect(strings(r.table, 'customer')).toEqual(['b', 'c', 'd', 'e']);
    expect(Array.from(r.after)).toEqual([2, 3, 4, 5]);
  });

  test('rejects unknown methods and bad quantiles', () => {
    expect(() => capOutliers(t, { method: 'zscore' as never })).toThrow(/method must be/);
    expect(() => capOutliers(t, { method: 'percentile', lower: 0.9, upper: 0.1 })).toThrow(/0 ≤ lower < upper ≤ 1/);
  });
});

describe('scaleFeatures(table, {columns, method})', () => {
  const t = makeTable({ customer: ['a', 'b', 'c', 'd'], x: Float64Array.of(1, 2, 3, 4), c: Float64Array.of(7, 7, 7, 7) });

  test('zscore uses the population standard deviation (StandardScaler); a constant column becomes 0', () => {
    const { table, params } = scaleFeatures(t, { columns: ['x', 'c'], method: 'zscore' });
    const sd = Math.sqrt(1.25);
    expect(Array.from(floats(table, 'x'))).toEqual([1, 2, 3, 4].map((v) => (v - 2.5) / sd));
    expect(Array.from(floats(table, 'c'))).toEqual([0, 0, 0, 0]);
    expect(strings(table, 'customer')).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.from(floats(params, 'center'))).toEqual([2.5, 7]);
  });

  test('minmax, log1p and log1p-zscore', () => {
    expect(Array.from(floats(scaleFeatures(t, { columns: ['x'], method: 'minmax' }).table, 'x'))).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(Array.from(floats(scaleFeatures(t, { columns: ['x'], method: 'log1p' }).table, 'x'))).toEqual([1, 2, 3, 4].map(Math.log1p));
    const z = floats(scaleFeatures(t, { columns: ['x'] }).table, 'x');
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(z.reduce((a, b) => a + b * b, 0)).toBeCloseTo(4, 12);
    expect(() => scaleFeatures(t, { columns: ['x'], method: 'robust' as never })).toThrow(/method must be one of/);
  });
});

describe('encodeColumn(table, column, options)', () => {
  const t = makeTable({ country: ['UK', 'FR', 'UK', null, 'DE', 'UK', 'FR'] });

  test('one-hot keeps the top levels by frequency and pools the rest as other; null rows are all 0', () => {
    const e = encodeColumn(t, 'country', { top: 2 });
    expect(e.schema.fields.map((f) => f.name)).toEqual(['country', 'country=UK', 'country=FR', 'country=other']);
    expect(Array.from(floats(e, 'country=UK'))).toEqual([1, 0, 1, 0, 0, 1, 0]);
    expect(Array.from(floats(e, 'country=other'))).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  test('ordinal codes follow the given order (−1 for null and unknown levels), else frequency', () => {
    expect(Array.from(floats(encodeColumn(t, 'country', { method: 'ordinal', order: ['DE', 'FR'] }), 'country_code'))).toEqual([-1, 1, -1, -1, 0, -1, 1]);
    expect(Array.from(floats(encodeColumn(t, 'country', { method: 'ordinal' }), 'country_code'))).toEqual([0, 1, 0, -1, 2, 0, 1]);
  });
});
