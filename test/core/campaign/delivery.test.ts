import { describe, expect, test } from 'vitest';
import { deliveryProbabilities, parseAlpha } from '../../../src/core/campaign/delivery';
import { floats, makeTable, strings } from '../../../src/core/table';

const recs = makeTable({
  customer: ['u1', 'u1', 'u1', 'u2', 'u2', 'u3', 'u4'],
  item: ['A', 'B', 'C', 'A', 'D', 'B', 'A'],
  itemName: ['a', 'b', 'c', 'a', 'd', 'b', 'a'],
  score: Float64Array.of(0.5, 0.3, 0.2, 0.4, 0.4, 0.9, 0),
});
const tiers = makeTable({ customer: ['u1', 'u2', 'u3', 'u5'], tier: ['High', 'High', 'Low', 'High'] });

describe('deliveryProbabilities(recs, tiers, alpha)', () => {
  const { perCustomer, perTier } = deliveryProbabilities(recs, tiers, { A: 2, C: 0 });

  test('P(i|u) = α_i r_ui / Σ_j α_j r_uj, α missing = 1, 0 when the denominator is 0', () => {
    expect(strings(perCustomer, 'customer')).toEqual(['u1', 'u1', 'u1', 'u2', 'u2', 'u3', 'u4']);
    expect(strings(perCustomer, 'tier')).toEqual(['High', 'High', 'High', 'High', 'High', 'Low', 'Untiered']);
    expect(Array.from(floats(perCustomer, 'alpha'))).toEqual([2, 1, 0, 2, 1, 1, 2]);
    const p = Array.from(floats(perCustomer, 'probability'));
    // u1: 1.0, 0.3, 0 → /1.3; u2: 0.8, 0.4 → /1.2; u3: alone → 1; u4: score 0 → 0
    const want = [1 / 1.3, 0.3 / 1.3, 0, 0.8 / 1.2, 0.4 / 1.2, 1, 0];
    p.forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
  });

  test('perTier: mean over the tier’s customers (absent = 0), top items, tiers in order', () => {
    expect(strings(perTier, 'tier')).toEqual(['High', 'High', 'High', 'High', 'Low', 'Untiered']);
    expect(strings(perTier, 'item')).toEqual(['A', 'D', 'B', 'C', 'B', 'A']);
    expect(strings(perTier, 'itemName')).toEqual(['a', 'd', 'b', 'c', 'b', 'a']);
    expect(Array.from(floats(perTier, 'customers'))).toEqual([2, 1, 1, 1, 1, 1]);
    // High has 3 customers (u1, u2, u5): A = (1/1.3 + 0.8/1.2) / 3
    const m = floats(perTier, 'meanProbability');
    expect(m[0]).toBeCloseTo((1 / 1.3 + 0.8 / 1.2) / 3, 12);
    expect(m[1]).toBeCloseTo(0.4 / 1.2 / 3, 12);
    expect(m[2]).toBeCloseTo(0.3 / 1.3 / 3, 12);
    expect(m[3]).toBe(0);
    expect(m[4]).toBe(1);
  });

  test('top limits the items per tier', () => {
    const { perTier: t } = deliveryProbabilities(recs, tiers, {}, { top: 1 });
    expect(strings(t, 'tier')).toEqual(['High', 'Low', 'Untiered']);
  });

  test('rejects negative weights', () => {
    expect(() => deliveryProbabilities(recs, tiers, { A: -1 })).toThrow(/α of item A/);
  });
});

describe('parseAlpha(text)', () => {
  test('reads ITEM=WEIGHT pairs separated by commas, semicolons or lines', () => {
    expect(parseAlpha('85123A=2, 22423=0.5')).toEqual({ '85123A': 2, '22423': 0.5 });
    expect(parseAlpha(' a = 1 ;\nb=0\n')).toEqual({ a: 1, b: 0 });
    expect(parseAlpha('   ')).toEqual({});
  });
  test('names the bad pair', () => {
    expect(() => parseAlpha('85123A=2, 22423')).toThrow('`22423` has no `=`');
    expect(() => parseAlpha('85123A=two')).toThrow(/`85123A=two` has a weight `two` that is not a number/);
    expect(() => parseAlpha('x=-1')).toThrow(/negative weight/);
    expect(() => parseAlpha('=3')).toThrow(/no item id/);
  });
});
