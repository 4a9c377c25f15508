import { describe, expect, test } from 'vitest';
import { floats, strings } from '../../../src/core/table';
import { customerFeatures } from '../../../src/core/profile/features';
import { customerHistory } from '../../../src/core/profile/history';
import { rfm } from '../../../src/core/profile/rfm';
import { clean } from '../../../src/core/prep/clean';
import { makeTx } from '../prep/tx';

const lines = makeTx([
  { customer: 'a', order: '1', time: '2011-01-01 10:00', quantity: 1, price: 10, item: 'X', country: 'UK' },
  { customer: 'a', order: '1', time: '2011-01-01 10:05', quantity: 2, price: 5, item: 'Y', country: 'UK' },
  { customer: 'a', order: '2', time: '2011-01-11 09:00', quantity: 1, price: 4, item: 'X', country: 'FR' },
  { customer: 'a', order: 'C9', time: '2011-01-12 09:00', quantity: -1, price: 4, item: 'X', country: 'UK', cancelled: true },
  { customer: 'a', order: '3', time: '2011-01-31 09:00', quantity: 1, price: 6, item: 'Z', country: 'UK' },
  { customer: 'b', order: '4', time: '2011-01-20 12:00', quantity: 3, price: 1, item: 'X', country: 'DE' },
]);
const orders = clean(lines).table;

describe('customerFeatures(orders, {returnsFrom})', () => {
  const f = customerFeatures(orders, { returnsFrom: lines });

  test('starts with the rfm columns of the same customers', () => {
    const p = rfm(orders);
    expect(strings(f, 'customer')).toEqual(['a', 'b']);
    for (const c of ['recency', 'frequency', 'monetary', 'aov', 'tenure']) expect(Array.from(floats(f, c))).toEqual(Array.from(floats(p, c)));
  });

  test('inter-purchase days between orders (first line of each order): mean and n − 1 standard deviation', () => {
    // a: orders at Jan 1 10:00, Jan 11 09:00, Jan 31 09:00 → gaps 9.9583, 20 days
    const g = [(10 * 24 - 1) / 24, 20];
    const mean = (g[0] + g[1]) / 2;
    expect(floats(f, 'ipt_mean')[0]).toBeCloseTo(mean, 12);
    expect(floats(f, 'ipt_std')[0]).toBeCloseTo(Math.sqrt((g[0] - mean) ** 2 + (g[1] - mean) ** 2), 12);
    expect(floats(f, 'ipt_mean')[1]).toBe(0);
  });

  test('distinct items, return rate from the uncleaned lines, most frequent country', () => {
    expect(Array.from(floats(f, 'items'))).toEqual([3, 1]);
    expect(Array.from(floats(f, 'return_rate'))).toEqual([1 / 4, 0]);
    expect(strings(f, 'country')).toEqual(['UK', 'DE']);
  });
});

describe('customerHistory(orders, id)', () => {
  test('one row per order, oldest first, with its spend', () => {
    const h = customerHistory(orders, 'a');
    expect(strings(h, 'order')).toEqual(['1', '2', '3']);
    expect(Array.from(floats(h, 'spend'))).toEqual([20, 4, 6]);
    expect(customerHistory(orders, 'nobody').numRows).toBe(0);
  });
});

describe('cachedCodes / cachedTimes / withColumnScope', () => {
  test('a nullable dictionary column reads the same codes as lazyCodes, and a scope decodes once', async () => {
    const { cachedCodes, cachedTimes, withColumnScope } = await import('../../../src/core/profile/cachedColumns');
    const { lazyCodes, timeMs } = await import('../../../src/core/stats/columns');
    expect(Array.from(cachedCodes(lines, 'customer').codes)).toEqual(Array.from(lazyCodes(lines, 'customer').codes));
    const withNull = makeTx([
      { customer: 'a', order: '1', time: '2011-01-01' },
      { customer: null, order: '2', time: '2011-01-02' },
      { customer: 'b', order: '3', time: '2011-01-03' },
    ]);
    expect(Array.from(cachedCodes(withNull, 'customer').codes)).toEqual([0, -1, 1]);
    expect(cachedCodes(withNull, 'customer')).not.toBe(cachedCodes(withNull, 'customer'));
    withColumnScope(() => {
      expect(cachedCodes(withNull, 'customer')).toBe(cachedCodes(withNull, 'customer'));
      expect(Array.from(cachedTimes(withNull, 'time'))).toEqual(Array.from(timeMs(withNull, 'time')));
    });
  });
});
