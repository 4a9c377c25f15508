import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from '../../../src/core/data/csv';
import { makeTable } from '../../../src/core/table';
import { designMatrix } from '../../../src/core/stats/designMatrix';
import { stratifiedSplit } from '../../../src/core/stats/split';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/model_online_shoppers.json', import.meta.url)), 'utf8')) as {
  n: number; positives: number; featureNames: string[]; columnMeans: number[]; testIndex: number[];
};
const CATEGORICAL = ['Month', 'OperatingSystems', 'Browser', 'Region', 'TrafficType', 'VisitorType'];

describe('designMatrix(table, {label, categorical})', () => {
  it('one-hot encodes with sorted levels, numbers as they are, booleans 0/1 (small literal table)', () => {
    const t = makeTable({ a: Float64Array.of(1.5, 2, 3), c: ['b', 'a', 'b'], k: Float64Array.of(10, 2, 10), y: ['TRUE', 'FALSE', 'true'] });
    const m = designMatrix(t, { label: 'y', categorical: ['c', 'k'] });
    expect(m.featureNames).toEqual(['a', 'c=a', 'c=b', 'k=2', 'k=10']);
    expect(Array.from(m.X)).toEqual([1.5, 0, 1, 0, 1, 2, 1, 0, 1, 0, 3, 0, 1, 0, 1]);
    expect(Array.from(m.y)).toEqual([1, 0, 1]);
  });
  it('names the row and column of a text value in a numeric feature, and of a bad label', () => {
    const t = makeTable({ a: ['1', 'x'], y: Float64Array.of(0, 1) });
    expect(() => designMatrix(t, { label: 'y', file: 'f.csv' })).toThrow(/f\.csv, row 1, column `a`: `1` is not a number/);
    const u = makeTable({ a: Float64Array.of(1, 2), y: Float64Array.of(0, 2) });
    expect(() => designMatrix(u, { label: 'y' })).toThrow(/row 2, column `y`: `2` is not a 0\/1 label/);
    expect(() => designMatrix(u, { label: 'nope' })).toThrow(/`nope`: is not a column/);
  });
  it('on Online Shoppers equals the pandas design of test/golden/model_online_shoppers.py, and the split too', () => {
    const raw = parseCsv(gunzipSync(readFileSync('public/data/online-shoppers.csv.gz')), { file: 'online-shoppers.csv' });
    const m = designMatrix(raw, { label: 'Revenue', categorical: CATEGORICAL });
    expect(m.n).toBe(fx.n);
    expect(m.featureNames).toEqual(fx.featureNames);
    let positives = 0;
    for (let i = 0; i < m.n; i++) positives += m.y[i];
    expect(positives).toBe(fx.positives);
    for (let j = 0; j < m.d; j++) {
      let s = 0;
      for (let i = 0; i < m.n; i++) s += m.X[i * m.d + j];
      expect(s / m.n, m.featureNames[j]).toBeCloseTo(fx.columnMeans[j], 6);
    }
    const split = stratifiedSplit(m.y, { testFraction: 0.25, seed: 42 });
    const test: number[] = [];
    split.forEach((s, i) => s && test.push(i));
    expect(test).toEqual(fx.testIndex);
  });
});
