import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { qcutFirstRank, quantileSorted, linspace01 } from '../../../src/core/stats/quantile';

const golden: { qcut: Record<string, number[]>; qcutTied: { x: number[]; bins: number[] } } = JSON.parse(
  readFileSync(new URL('../../fixtures/stages_metrics.json', import.meta.url), 'utf8'),
);

describe('qcutFirstRank(x, 5) against pandas qcut(x.rank(method="first"), 5)', () => {
  test('the last rank of bins 1–4 equals pandas for every n in the fixture', () => {
    for (const [n, lastRanks] of Object.entries(golden.qcut)) {
      const bins = qcutFirstRank(Float64Array.from({ length: Number(n) }, (_, i) => i));
      const got = [1, 2, 3, 4].map((b) => {
        let last = 0;
        bins.forEach((v, i) => {
          if (v === b) last = i + 1;
        });
        return last;
      });
      expect(got, `n = ${n}`).toEqual(lastRanks);
    }
  });
  test('ties are broken by order of appearance', () => {
    expect(Array.from(qcutFirstRank(golden.qcutTied.x))).toEqual(golden.qcutTied.bins);
  });
  test('NaN gets bin 0', () => {
    expect(Array.from(qcutFirstRank([NaN, 1, 2, 3, 4, 5]))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('quantileSorted(sorted, q) — numpy linear', () => {
  test('interpolates between neighbours', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 1)).toBe(4);
    expect(quantileSorted(Float64Array.of(), 0.5)).toBeNaN();
  });
  test('linspace01(5) equals numpy.linspace(0, 1, 6)', () => {
    expect(Array.from(linspace01(5))).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
  });
});
