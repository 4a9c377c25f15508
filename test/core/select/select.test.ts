import { describe, expect, test } from 'vitest';
import { makeTable, floats, strings } from '../../../src/core/table';
import { correlationMatrix, pearson } from '../../../src/core/select/correlation';
import { mutualInformation, mutualInfoCodes, qcutValues } from '../../../src/core/select/mutualInfo';
import { lowVariance } from '../../../src/core/select/lowVariance';

const t = makeTable({
  a: Float64Array.of(1, 2, 3, 4, 5, 6),
  b: Float64Array.of(2, 4, 6, 8, 10, 12),
  c: Float64Array.of(6, 5, 4, 3, 2, 1),
  k: Float64Array.of(3, 3, 3, 3, 3, 3),
  y: Float64Array.of(0, 0, 0, 1, 1, 1),
});

describe('correlationMatrix(table, columns)', () => {
  test('all d² pairs with r = 1, −1 and NaN for a constant column', () => {
    const m = correlationMatrix(t, ['a', 'b', 'c', 'k']);
    expect(m.numRows).toBe(16);
    const r = floats(m, 'r');
    expect(strings(m, 'x').slice(0, 4)).toEqual(['a', 'a', 'a', 'a']);
    expect(r[1]).toBeCloseTo(1, 12);
    expect(r[2]).toBeCloseTo(-1, 12);
    expect(Number.isNaN(r[3])).toBe(true);
    expect(Number.isNaN(r[15])).toBe(true);
  });

  test('pearson skips rows with a NaN, like pandas corr()', () => {
    // numpy: corrcoef([1, 2, 4], [1, 3, 2])[0, 1] = 0.3273268353539886
    expect(pearson(Float64Array.of(1, 2, NaN, 4), Float64Array.of(1, 3, 7, 2))).toBeCloseTo(0.3273268353539886, 12);
  });
});

describe('mutualInformation(table, {target})', () => {
  test('a feature that determines a balanced binary label carries ln 2 nats; sorted largest first', () => {
    const mi = mutualInformation(t, { target: 'y', columns: ['k', 'a'], bins: 2 });
    expect(strings(mi, 'feature')).toEqual(['a', 'k']);
    expect(floats(mi, 'mi')[0]).toBeCloseTo(Math.LN2, 12);
    expect(floats(mi, 'mi')[1]).toBeCloseTo(0, 12);
  });

  test('mutualInfoCodes matches sklearn mutual_info_score on a small contingency', () => {
    // sklearn.metrics.mutual_info_score([0,0,1,1,1,2], [0,1,0,1,1,1]) = 0.08720802396075794
    expect(mutualInfoCodes(Int32Array.of(0, 0, 1, 1, 1, 2), 3, Int32Array.of(0, 1, 0, 1, 1, 1), 2)).toBeCloseTo(0.08720802396075794, 12);
  });

  test('bins like pd.qcut(x, q, labels=False, duplicates="drop") and scores like mutual_info_score', () => {
    const x = Float64Array.of(1, 2, 2, 2, 3, 4, 5, 9, 9, 9, 10, 11);
    expect(Array.from(qcutValues(x, 4))).toEqual([0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3]);
    const table = makeTable({ x, y: Float64Array.of(0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1) });
    // mutual_info_score(y, pd.qcut(x, 4, labels=False, duplicates='drop')) = 0.1887786394856627
    expect(floats(mutualInformation(table, { target: 'y', bins: 4 }), 'mi')[0]).toBeCloseTo(0.1887786394856627, 12);
  });
});

describe('lowVariance(table, columns, {threshold})', () => {
  test('population variance, variance after min-max scaling, and keep', () => {
    const v = lowVariance(t, ['a', 'k'], { threshold: 0.01 });
    expect(floats(v, 'variance')[0]).toBeCloseTo(17.5 / 6, 12);
    expect(floats(v, 'scaledVariance')[0]).toBeCloseTo(17.5 / 6 / 25, 12);
    expect(Array.from(floats(v, 'keep'))).toEqual([1, 0]);
  });
});
