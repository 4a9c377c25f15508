import { describe, expect, test } from 'vitest';
import { rfm } from '../../../src/core/profile/rfm';
import { defaultAsOf } from '../../../src/core/profile/asOf';
import { floats, makeTable, strings } from '../../../src/core/table';
import { DAY_MS } from '../../../src/core/schema';
import { makeTx, ms } from '../prep/tx';

const tx = makeTx([
  { customer: 'b', order: '1', time: '2011-03-01 09:00', quantity: 2, price: 5, item: 'X' },
  { customer: 'b', order: '1', time: '2011-03-01 09:00', quantity: 1, price: 4, item: 'Y' },
  { customer: 'a', order: '2', time: '2011-03-05 18:30', quantity: 1, price: 10, item: 'X' },
  { customer: 'b', order: '3', time: '2011-03-09 23:59', quantity: 3, price: 2, item: 'X' },
  { customer: null, order: '4', time: '2011-03-10 12:00', quantity: 1, price: 1, item: 'X' },
]);

describe('rfm(tx, {asOf})', () => {
  test('asOf defaults to 00:00 UTC of the day after the last line', () => {
    expect(defaultAsOf(tx)).toBe(ms('2011-03-11'));
  });

  test('counts invoices, not lines, as frequency; sums amount; floors whole days; sorts by id', () => {
    const p = rfm(tx);
    expect(strings(p, 'customer')).toEqual(['a', 'b']);
    expect(Array.from(floats(p, 'frequency'))).toEqual([1, 2]);
    expect(Array.from(floats(p, 'monetary'))).toEqual([10, 20]);
    expect(Array.from(floats(p, 'aov'))).toEqual([10, 10]);
    // a: last 03-05 18:30 → 5.23 days → 5; b: last 03-09 23:59 → 1.0007 days → 1
    expect(Array.from(floats(p, 'recency'))).toEqual([5, 1]);
    expect(Array.from(floats(p, 'tenure'))).toEqual([5, 9]);
    expect(Array.from(floats(p, 'first'))).toEqual([ms('2011-03-05 18:30'), ms('2011-03-01 09:00')]);
    expect(Array.from(floats(p, 'last'))).toEqual([ms('2011-03-05 18:30'), ms('2011-03-09 23:59')]);
  });

  test('uses only lines before an explicit asOf', () => {
    const p = rfm(tx, { asOf: ms('2011-03-06') });
    expect(strings(p, 'customer')).toEqual(['a', 'b']);
    expect(Array.from(floats(p, 'frequency'))).toEqual([1, 1]);
    expect(Array.from(floats(p, 'monetary'))).toEqual([10, 14]);
    expect(Array.from(floats(p, 'recency'))).toEqual([0, 4]);
  });

  test('an order shared by two customers counts once for each', () => {
    const t = makeTx([
      { customer: 'a', order: '1', time: '2011-01-01' },
      { customer: 'b', order: '1', time: '2011-01-01' },
      { customer: 'a', order: '1', time: '2011-01-01' },
      { customer: 'a', order: '2', time: '2011-01-02' },
    ]);
    expect(Array.from(floats(rfm(t), 'frequency'))).toEqual([2, 1]);
  });

  test('throws a clear error on a table without timestamps', () => {
    const t = makeTable({
      customer: [] as string[],
      order: [] as string[],
      time: { timestampMs: new Float64Array(0) },
      amount: new Float64Array(0),
    });
    expect(() => rfm(t)).toThrow(/no timestamps/);
  });

  test('1M lines × 50k customers: every customer gets its 5 orders and the spend total is kept', () => {
    const n = 1_000_000;
    const nc = 50_000;
    const cust = new Int32Array(n);
    const ord = new Int32Array(n);
    const time = new Float64Array(n);
    const amount = new Float64Array(n);
    const t0 = Date.UTC(2011, 0, 1);
    for (let i = 0; i < n; i++) {
      ord[i] = Math.floor(i / 4); // orders of 4 lines, each order one customer's
      cust[i] = (ord[i] * 7919) % nc;
      time[i] = t0 + Math.floor(i / 4) * 60_000;
      amount[i] = (i % 13) + 0.5;
    }
    const big = makeTable({
      customer: { codes: cust, dict: Array.from({ length: nc }, (_, k) => `c${String(k).padStart(6, '0')}`) },
      order: { codes: ord, dict: Array.from({ length: n / 4 }, (_, k) => String(k)) },
      time: { timestampMs: time },
      amount,
    });
    const p = rfm(big);
    expect(p.numRows).toBe(nc);
    // every customer gets 5 orders of 4 lines
    expect(Array.from(floats(p, 'frequency')).every((f) => f === 5)).toBe(true);
    const total = floats(p, 'monetary').reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(amount.reduce((a, b) => a + b, 0), 6);
    expect(floats(p, 'recency')[0]).toBe(Math.floor((defaultAsOf(big) - floats(p, 'last')[0]) / DAY_MS));
  });
});
