import { describe, expect, test } from 'vitest';
import { makeTable, floats } from '../../../src/core/table';
import { matrixOf, type Matrix } from '../../../src/core/cluster/matrix';
import { kmeans } from '../../../src/core/cluster/kmeans';
import { silhouette, silhouetteSample } from '../../../src/core/cluster/silhouette';
import { kmeansSweep } from '../../../src/core/cluster/sweep';
import { pca, symmetricEigen } from '../../../src/core/cluster/pca';
import { orderClusters, clusterProfiles } from '../../../src/core/cluster/profiles';
import { mulberry32 } from '../../../src/core/stats/rng';

/** Three tight 2-D blobs of 30 points around (0,0), (10,0), (0,10); seeded. */
function blobs(): Matrix {
  const rand = mulberry32(5);
  const centres = [[0, 0], [10, 0], [0, 10]];
  const X = new Float64Array(90 * 2);
  for (let i = 0; i < 90; i++) {
    const c = centres[Math.floor(i / 30)];
    X[2 * i] = c[0] + (rand() - 0.5);
    X[2 * i + 1] = c[1] + (rand() - 0.5);
  }
  return { X, n: 90, d: 2, columns: ['x', 'y'] };
}

describe('kmeans(m, {k})', () => {
  test('finds three separated blobs exactly, whatever the seed', () => {
    for (const seed of [1, 2, 3]) {
      const r = kmeans(blobs(), { k: 3, seed });
      const groups = new Set<string>();
      for (let b = 0; b < 3; b++) groups.add(Array.from(r.labels.subarray(b * 30, b * 30 + 30)).join());
      expect(groups.size).toBe(3);
      for (const g of groups) expect(new Set(g.split(',')).size).toBe(1);
      expect(Array.from(r.sizes).sort()).toEqual([30, 30, 30]);
    }
  });

  test('inertia equals Σ squared distances to the returned centres', () => {
    const m = blobs();
    const r = kmeans(m, { k: 3 });
    let s = 0;
    for (let i = 0; i < m.n; i++) {
      const c = r.labels[i];
      s += (m.X[2 * i] - r.centers[2 * c]) ** 2 + (m.X[2 * i + 1] - r.centers[2 * c + 1]) ** 2;
    }
    expect(r.inertia).toBeCloseTo(s, 9);
  });

  test('is deterministic for a seed', () => {
    const a = kmeans(blobs(), { k: 4, seed: 9 });
    const b = kmeans(blobs(), { k: 4, seed: 9 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
  });

  test('handles duplicate points (empty clusters relocate, k = distinct points gives inertia 0)', () => {
    const X = Float64Array.of(0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 9, 9);
    const r = kmeans({ X, n: 6, d: 2, columns: ['a', 'b'] }, { k: 3, nInit: 3 });
    expect(r.inertia).toBe(0);
    expect(new Set(r.labels).size).toBe(3);
  });

  test('rejects k > n, k < 1 and non-finite values with located messages', () => {
    const m = blobs();
    expect(() => kmeans(m, { k: 0 })).toThrow(/k must be a whole number ≥ 1/);
    expect(() => kmeans({ ...m, n: 2, X: m.X.slice(0, 4) }, { k: 3 })).toThrow(/2 rows cannot form 3 clusters/);
    const bad = Float64Array.from(m.X);
    bad[7] = NaN;
    expect(() => kmeans({ ...m, X: bad }, { k: 2 })).toThrow(/row 4, column `y` is NaN/);
  });
});

describe('silhouette(m, labels)', () => {
  test('matches a hand computation on four points', () => {
    // points 0, 1 | 4, 6 on a line
    const m: Matrix = { X: Float64Array.of(0, 1, 4, 6), n: 4, d: 1, columns: ['x'] };
    const s = silhouette(m, Int32Array.of(0, 0, 1, 1));
    const pts = [0, 1, 4, 6];
    const exp = [
      (5 - 1) / 5, // a = 1, b = (4 + 6) / 2 = 5
      (4 - 1) / 4, // a = 1, b = (3 + 5) / 2 = 4
      (3.5 - 2) / 3.5, // a = 2, b = (4 + 3) / 2
      (5.5 - 2) / 5.5, // a = 2, b = (6 + 5) / 2
    ];
    void pts;
    expect(s).toBeCloseTo(exp.reduce((a, b) => a + b) / 4, 12);
  });

  test('is near 1 for separated blobs and a singleton cluster scores 0', () => {
    expect(silhouette(blobs(), kmeans(blobs(), { k: 3 }).labels)).toBeGreaterThan(0.9);
    const m: Matrix = { X: Float64Array.of(0, 1, 10), n: 3, d: 1, columns: ['x'] };
    expect(silhouette(m, Int32Array.of(0, 0, 1))).toBeCloseTo(((10 - 1) / 10 + (9 - 1) / 9 + 0) / 3, 12);
  });

  test('a seeded sample is used above sampleSize and is the same for the same seed', () => {
    expect(silhouetteSample(10, { sampleSize: 20 }).length).toBe(10);
    const a = silhouetteSample(1000, { sampleSize: 100, seed: 3 });
    expect(a.length).toBe(100);
    expect(Array.from(a)).toEqual(Array.from(silhouetteSample(1000, { sampleSize: 100, seed: 3 })));
    expect(Array.from(a)).not.toEqual(Array.from(silhouetteSample(1000, { sampleSize: 100, seed: 4 })));
  });

  test('needs at least two clusters', () => {
    expect(() => silhouette(blobs(), new Int32Array(90))).toThrow(/needs 2 to 89 clusters/);
  });
});

describe('kmeansSweep, pca, orderClusters, clusterProfiles', () => {
  test('kmeansSweep gives k = 2…10 rows whose inertia falls and whose best silhouette is k = 3 on three blobs', () => {
    const t = kmeansSweep(blobs(), { nInit: 3 });
    expect(Array.from(floats(t, 'k'))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const inertia = floats(t, 'inertia');
    for (let i = 1; i < inertia.length; i++) expect(inertia[i]).toBeLessThanOrEqual(inertia[i - 1] + 1e-9);
    const s = floats(t, 'silhouette');
    expect(s.indexOf(Math.max(...s))).toBe(1);
  });

  test('symmetricEigen and pca recover a known covariance', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 12);
    // points on the line y = 2x: all variance on PC1
    const m: Matrix = { X: Float64Array.of(0, 0, 1, 2, 2, 4, 3, 6), n: 4, d: 2, columns: ['x', 'y'] };
    const p = pca(m);
    expect(p.varianceRatio[0]).toBeCloseTo(1, 12);
    expect(p.scores[1]).toBeCloseTo(0, 12);
    expect(Math.abs(p.scores[6] - p.scores[0])).toBeCloseTo(3 * Math.sqrt(5), 12);
  });

  test('orderClusters numbers clusters by mean value, highest first; clusterProfiles reports original units', () => {
    const table = makeTable({ spend: Float64Array.of(1, 2, 100, 101, 50), visits: Float64Array.of(1, 1, 9, 11, 3) });
    const m = matrixOf(table, ['spend']);
    const r = orderClusters(kmeans(m, { k: 3, seed: 1 }), floats(table, 'spend'));
    expect(Array.from(r.labels)).toEqual([2, 2, 0, 0, 1]);
    const prof = clusterProfiles(table, r.labels, ['spend', 'visits'], { revenue: 'spend' });
    expect(Array.from(floats(prof, 'customers'))).toEqual([2, 1, 2]);
    expect(Array.from(floats(prof, 'spend'))).toEqual([100.5, 50, 1.5]);
    expect(Array.from(floats(prof, 'visits'))).toEqual([10, 3, 1]);
    expect(floats(prof, 'revenueShare')[0]).toBeCloseTo(201 / 254, 12);
    const skip = clusterProfiles(table, Int32Array.of(0, 0, -1, -1, 1), ['spend'], { revenue: 'spend' });
    expect(Array.from(floats(skip, 'share'))).toEqual([2 / 3, 1 / 3]);
  });
});
