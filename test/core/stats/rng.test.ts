import { describe, expect, test } from 'vitest';
import { mulberry32, shuffle } from '../../../src/core/stats/rng';
import { stratifiedSplit } from '../../../src/core/stats/split';

describe('mulberry32(seed)', () => {
  test('gives the reference mulberry32 sequence for seed 42', () => {
    const r = mulberry32(42);
    // reference values of the public-domain mulberry32 (Tommy Ettinger) with seed 42
    expect([r(), r(), r()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });
  test('same seed, same sequence; values in [0, 1) with a uniform mean', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = a();
      expect(x).toBe(b());
      if (i < 1000) expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
  test('shuffle is a seeded permutation', () => {
    const s = shuffle(Int32Array.from({ length: 10 }, (_, i) => i), mulberry32(1));
    expect(Array.from(s).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(s)).toEqual(Array.from(shuffle(Int32Array.from({ length: 10 }, (_, i) => i), mulberry32(1))));
    expect(Array.from(s)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('stratifiedSplit(y, {testFraction, seed})', () => {
  const y = Uint8Array.from({ length: 1000 }, (_, i) => (i % 10 < 3 ? 1 : 0)); // 300 positives
  test('takes round(fraction × class size) of each class', () => {
    const m = stratifiedSplit(y);
    let pos = 0;
    let neg = 0;
    m.forEach((t, i) => {
      if (t) y[i] ? pos++ : neg++;
    });
    expect([pos, neg]).toEqual([75, 175]);
    const m2 = stratifiedSplit(y, { testFraction: 0.1, seed: 3 });
    expect(m2.reduce((a, b) => a + b, 0)).toBe(100);
  });
  test('is deterministic per seed and differs across seeds', () => {
    expect(Array.from(stratifiedSplit(y, { seed: 5 }))).toEqual(Array.from(stratifiedSplit(y, { seed: 5 })));
    expect(Array.from(stratifiedSplit(y, { seed: 5 }))).not.toEqual(Array.from(stratifiedSplit(y, { seed: 6 })));
  });
  test('rejects bad fractions and labels', () => {
    expect(() => stratifiedSplit(y, { testFraction: 1.5 })).toThrow(/testFraction/);
    expect(() => stratifiedSplit(Uint8Array.of(0, 2))).toThrow(/0 or 1/);
  });
});
