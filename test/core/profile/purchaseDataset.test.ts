import { describe, expect, test } from 'vitest';
import { purchaseDataset, scoringFeatures, FEATURE_NAMES } from '../../../src/core/profile/purchaseDataset';
import { clean } from '../../../src/core/prep/clean';
import { makeTx, ms } from '../prep/tx';
import { retail, retailGolden } from '../prep/retail';

const tx = makeTx([
  { customer: 'a', order: '1', time: '2011-01-01 10:00', quantity: 2, price: 5, item: 'X' },
  { customer: 'a', order: '1', time: '2011-01-01 10:00', quantity: 1, price: 5, item: 'Y' },
  { customer: 'a', order: '2', time: '2011-01-11 10:00', quantity: 1, price: 15, item: 'X' },
  { customer: 'b', order: '3', time: '2011-01-20 00:00', quantity: 1, price: 7, item: 'Z' },
  { customer: 'b', order: '4', time: '2011-02-01 00:00', quantity: 100, price: 100, item: 'Z' }, // at cutoff → label only
  { customer: 'c', order: '5', time: '2011-02-15 00:00', quantity: 1, price: 1, item: 'Z' }, // new after cutoff
  { customer: 'a', order: '6', time: '2011-03-03 00:00', quantity: 1, price: 1, item: 'Z' }, // after the horizon
]);

describe('purchaseDataset(tx, {cutoff, horizonDays})', () => {
  const cutoff = ms('2011-02-01');
  const ds = purchaseDataset(tx, { cutoff, horizonDays: 30 });

  test('customers are those with a line before the cutoff; labels come from [cutoff, cutoff + horizon)', () => {
    expect(ds.customers).toEqual(['a', 'b']);
    expect(Array.from(ds.y)).toEqual([0, 1]);
    expect(ds.cutoff).toBe(cutoff);
    expect(ds.horizonEnd).toBe(ms('2011-03-03'));
    expect(ds.featureNames).toEqual([...FEATURE_NAMES]);
  });

  test('features use only lines strictly before the cutoff (no leakage)', () => {
    const d = ds.featureNames.length;
    const a = Array.from(ds.X.subarray(0, d));
    const b = Array.from(ds.X.subarray(d, 2 * d));
    // a: last 01-11 10:00 → 20.58 days → 20; 2 orders; 30 spent; aov 15; first 01-01 → 30 days; 2 items; 10 days apart
    expect(a).toEqual([20, Math.log1p(2), Math.log1p(30), Math.log1p(15), 30, Math.log1p(2), 10].map(Math.fround));
    // b: the 10,000 order at the cutoff must not be in its features
    expect(b).toEqual([12, Math.log1p(1), Math.log1p(7), Math.log1p(7), 12, Math.log1p(1), 0].map(Math.fround));
  });

  test('the default cutoff is the day after the last line minus the horizon', () => {
    const def = purchaseDataset(tx, { horizonDays: 40 });
    expect(def.horizonEnd).toBe(ms('2011-03-04'));
    expect(def.cutoff).toBe(ms('2011-01-23'));
    expect(def.customers).toEqual(['a', 'b']);
    expect(Array.from(def.y)).toEqual([1, 1]);
    expect(() => purchaseDataset(tx)).toThrow(/before the cutoff 2010-12-04/); // 90 days back: no history
  });

  test('scoringFeatures(tx) scores every customer as of the day after the last line', () => {
    const s = scoringFeatures(tx);
    expect(s.customers).toEqual(['a', 'b', 'c']);
    const d = s.featureNames.length;
    expect(s.X[0]).toBe(1); // a bought on 03-03 00:00, asOf 03-04 → recency 1
    expect(s.X[d + 2]).toBeCloseTo(Math.log1p(10_007), 5);
  });

  test('throws when no customer has a line before the cutoff', () => {
    expect(() => purchaseDataset(tx, { cutoff: ms('2010-01-01') })).toThrow(/no customer has a line before the cutoff/);
  });
});

const real = retail();
describe.skipIf(!real)('purchaseDataset(cleaned Online Retail) against pandas', () => {
  const g = retailGolden();
  const cleaned = real ? clean(real).table : null;

  test('same customers, labels and features (float32) as the pandas reference', () => {
    const ds = purchaseDataset(cleaned!);
    expect(ds.cutoff).toBe(g.purchase.cutoff);
    expect(ds.customers.length).toBe(g.purchase.n);
    let pos = 0;
    for (const v of ds.y) pos += v;
    expect(pos).toBe(g.purchase.positives);
    expect(ds.featureNames).toEqual(g.purchase.featureNames);
    const d = ds.featureNames.length;
    expect(ds.customers.slice(0, 25)).toEqual(g.purchase.head.customer);
    expect(Array.from(ds.y.subarray(0, 25))).toEqual(g.purchase.head.y);
    for (let r = 0; r < 25; r++) {
      for (let j = 0; j < d; j++) expect(ds.X[r * d + j]).toBeCloseTo(g.purchase.head.X[r][j], 4);
    }
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let r = 0; r < ds.customers.length; r++) sum += ds.X[r * d + j];
      expect(Math.abs(sum - g.purchase.featureSums[j]) / Math.max(1, Math.abs(g.purchase.featureSums[j]))).toBeLessThan(1e-6);
    }
    console.log(`purchaseDataset: ${ds.customers.length} customers, ${pos} buy in the 90-day horizon`);
  });

  test('scoringFeatures covers all 4,338 customers with the pandas feature sums', () => {
    const s = scoringFeatures(cleaned!);
    expect(s.customers.length).toBe(g.scoring.n);
    const d = s.featureNames.length;
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let r = 0; r < s.customers.length; r++) sum += s.X[r * d + j];
      expect(Math.abs(sum - g.scoring.featureSums[j]) / Math.max(1, Math.abs(g.scoring.featureSums[j]))).toBeLessThan(1e-6);
    }
  });
});
