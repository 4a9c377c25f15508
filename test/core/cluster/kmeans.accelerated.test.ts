import { describe, expect, test } from 'vitest';
import { kmeans } from '../../../src/core/cluster/kmeans';
import { seedPlusPlus } from '../../../src/core/cluster/seeding';
import { buildKdTree } from '../../../src/core/cluster/kdtree';
import { filterLabels, filterLloyd } from '../../../src/core/cluster/filtering';
import { boundSlack, hamerly } from '../../../src/core/cluster/hamerly';
import { kmeansWorkspace } from '../../../src/core/cluster/workspace';
import type { Matrix } from '../../../src/core/cluster/matrix';
import { mulberry32 } from '../../../src/core/stats/rng';
import { matrixFrom, referenceLloyd, referenceSeeds, testMatrices, type ReferenceRun } from './lloyd-reference';

/** sklearn's tolerance: tol × the mean column variance. */
function tolAbs(m: Matrix, tol = 1e-4): number {
  let v = 0;
  for (let j = 0; j < m.d; j++) {
    let s = 0;
    for (let i = 0; i < m.n; i++) s += m.X[i * m.d + j];
    const mu = s / m.n;
    let s2 = 0;
    for (let i = 0; i < m.n; i++) s2 += (m.X[i * m.d + j] - mu) ** 2;
    v += s2 / m.n;
  }
  return (v / m.d) * tol;
}

/** Largest |a − b| over two arrays. */
function maxGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let g = 0;
  for (let i = 0; i < a.length; i++) g = Math.max(g, Math.abs(a[i] - b[i]));
  return g;
}

/** Same labels, sizes, iterations and relocations; inertia and centres equal up to rounding. */
function expectSameRun(got: ReferenceRun, want: ReferenceRun, scale: number): void {
  expect(Array.from(got.labels)).toEqual(Array.from(want.labels));
  expect(Array.from(got.sizes)).toEqual(Array.from(want.sizes));
  expect(got.iterations).toBe(want.iterations);
  expect(got.relocated).toBe(want.relocated);
  expect(Math.abs(got.inertia - want.inertia)).toBeLessThanOrEqual(1e-12 * Math.max(want.inertia, scale));
  expect(maxGap(got.centers, want.centers)).toBeLessThanOrEqual(1e-12 * scale);
}

/** Largest absolute value in the matrix (at least 1): the scale of rounding in its sums. */
function scaleOf(m: Matrix): number {
  return m.X.reduce((a, v) => Math.max(a, Math.abs(v)), 1);
}

const KS = [1, 2, 5, 9];

/**
 * Five initial centres, two of which start empty: three k-means++ seeds, a copy of the first (it
 * loses every tie to it) and a point far outside the data.
 */
function withEmptyCentres(m: Matrix, ws: ReturnType<typeof kmeansWorkspace>): Float64Array {
  const d = m.d;
  const C0 = new Float64Array(5 * d);
  const seeds = seedPlusPlus(m.X, m.n, d, 3, mulberry32(5), ws);
  C0.set(seeds);
  C0.set(seeds.subarray(0, d), 3 * d);
  C0.fill(1e3, 4 * d);
  return C0;
}

describe('seedPlusPlus (greedy k-means++) picks the seeds of the one-trial-at-a-time reference, bit for bit', () => {
  for (const d of [1, 2, 3, 5]) {
    test(`d = ${d}, k = 1 … 25 (2 to 5 trials per centre), three generator seeds`, () => {
      for (const { m } of testMatrices(d, 11)) {
        for (const k of [1, 2, 5, 8, 25]) {
          for (const seed of [1, 2, 3]) {
            const got = seedPlusPlus(m.X, m.n, d, k, mulberry32(seed), kmeansWorkspace(m.n, d, k));
            expect(Array.from(got)).toEqual(Array.from(referenceSeeds(m, k, mulberry32(seed))));
          }
        }
      }
    });
  }

  test('every seed is a row of the matrix, and 150 clusters (7 trials in passes of 3 + 2 + 2) still match', () => {
    const m = testMatrices(3, 4)[2].m;
    const got = seedPlusPlus(m.X, m.n, 3, 150, mulberry32(7), kmeansWorkspace(m.n, 3, 150));
    expect(Array.from(got)).toEqual(Array.from(referenceSeeds(m, 150, mulberry32(7))));
    const rows = new Set(Array.from({ length: m.n }, (_, i) => Array.from(m.X.subarray(3 * i, 3 * i + 3)).join()));
    for (let c = 0; c < 150; c++) expect(rows.has(Array.from(got.subarray(3 * c, 3 * c + 3)).join())).toBe(true);
  });
});

describe('kd-tree filtering gives plain Lloyd’s result from the same initial centres', () => {
  for (const d of [1, 2, 3, 4]) {
    test(`d = ${d}: blobs, wide blobs, uniform, duplicate-filled grid; k = ${KS.join(', ')}`, () => {
      for (const { m } of testMatrices(d, 21)) {
        const tree = buildKdTree(m.X, m.n, d);
        for (const k of KS) {
          const ws = kmeansWorkspace(m.n, d, k);
          const C0 = seedPlusPlus(m.X, m.n, d, k, mulberry32(k), ws);
          const want = referenceLloyd(m, C0, 300, tolAbs(m), 'fresh');
          const C = C0.slice();
          const run = filterLloyd(tree, k, C, 300, tolAbs(m), ws);
          const labels = new Int32Array(m.n);
          const inertia = filterLabels(tree, k, C, labels, ws);
          expect(Math.abs(run.inertia - inertia)).toBeLessThanOrEqual(1e-12 * Math.max(inertia, scaleOf(m)));
          expectSameRun({ ...run, labels, inertia, centers: C, sizes: ws.sizes }, want, scaleOf(m));
        }
      }
    });
  }

  test('empty clusters are relocated as plain Lloyd relocates them (a centre far from all rows, a repeated centre)', () => {
    for (const d of [1, 2, 3, 4]) {
      for (const { m } of testMatrices(d, 61)) {
        const tree = buildKdTree(m.X, m.n, d);
        const ws = kmeansWorkspace(m.n, d, 5);
        const C0 = withEmptyCentres(m, ws);
        const want = referenceLloyd(m, C0, 300, tolAbs(m), 'fresh');
        expect(want.relocated).toBeGreaterThanOrEqual(2);
        const C = C0.slice();
        const run = filterLloyd(tree, 5, C, 300, tolAbs(m), ws);
        const labels = new Int32Array(m.n);
        const inertia = filterLabels(tree, 5, C, labels, ws);
        expectSameRun({ ...run, labels, inertia, centers: C, sizes: ws.sizes }, want, scaleOf(m));
      }
    }
  });

  test('maxIter caps the iterations (and 0 assigns to the seeds)', () => {
    const m = testMatrices(3, 5)[1].m;
    const tree = buildKdTree(m.X, m.n, 3);
    for (const maxIter of [0, 1, 2]) {
      const ws = kmeansWorkspace(m.n, 3, 6);
      const C0 = seedPlusPlus(m.X, m.n, 3, 6, mulberry32(9), ws);
      const want = referenceLloyd(m, C0, maxIter, 0, 'fresh');
      const C = C0.slice();
      const run = filterLloyd(tree, 6, C, maxIter, 0, ws);
      const labels = new Int32Array(m.n);
      const inertia = filterLabels(tree, 6, C, labels, ws);
      expectSameRun({ ...run, labels, inertia, centers: C, sizes: ws.sizes }, want, scaleOf(m));
    }
  });
});

describe('Hamerly iterations give plain Lloyd’s result (sums updated row by row) bit for bit', () => {
  for (const d of [1, 3, 5, 8, 12]) {
    test(`d = ${d}: blobs, wide blobs, uniform, duplicate-filled grid; k = ${KS.join(', ')} and 12`, () => {
      for (const { m } of testMatrices(d, 31)) {
        for (const k of [...KS, 12]) {
          const ws = kmeansWorkspace(m.n, d, k);
          const C0 = seedPlusPlus(m.X, m.n, d, k, mulberry32(k), ws);
          const want = referenceLloyd(m, C0, 300, tolAbs(m), 'incremental');
          const C = C0.slice();
          const run = hamerly(m.X, m.n, d, k, C, 300, tolAbs(m), boundSlack(m.X, m.n, d), ws);
          expect(Array.from(ws.labels)).toEqual(Array.from(want.labels));
          expect(Array.from(ws.sizes)).toEqual(Array.from(want.sizes));
          expect(Array.from(C)).toEqual(Array.from(want.centers));
          expect(run).toEqual({ inertia: want.inertia, iterations: want.iterations, relocated: want.relocated });
        }
      }
    });
  }

  test('empty clusters are relocated as plain Lloyd relocates them, and tol = 0 runs to a fixed point', () => {
    for (const d of [2, 6]) {
      for (const { m } of testMatrices(d, 71)) {
        const ws = kmeansWorkspace(m.n, d, 5);
        const C0 = withEmptyCentres(m, ws);
        const want = referenceLloyd(m, C0, 300, 0, 'incremental');
        expect(want.relocated).toBeGreaterThanOrEqual(2);
        const C = C0.slice();
        const run = hamerly(m.X, m.n, d, 5, C, 300, 0, boundSlack(m.X, m.n, d), ws);
        expect(Array.from(ws.labels)).toEqual(Array.from(want.labels));
        expect(Array.from(C)).toEqual(Array.from(want.centers));
        expect(run).toEqual({ inertia: want.inertia, iterations: want.iterations, relocated: want.relocated });
      }
    }
  });
});

test('Hamerly: maxIter caps the iterations (and 0 assigns to the seeds)', () => {
  const m = testMatrices(5, 6)[1].m;
  for (const maxIter of [0, 1, 2]) {
    const ws = kmeansWorkspace(m.n, 5, 6);
    const C0 = seedPlusPlus(m.X, m.n, 5, 6, mulberry32(9), ws);
    const want = referenceLloyd(m, C0, maxIter, 0, 'incremental');
    const C = C0.slice();
    const run = hamerly(m.X, m.n, 5, 6, C, maxIter, 0, boundSlack(m.X, m.n, 5), ws);
    expect(Array.from(ws.labels)).toEqual(Array.from(want.labels));
    expect(Array.from(C)).toEqual(Array.from(want.centers));
    expect(run).toEqual({ inertia: want.inertia, iterations: want.iterations, relocated: want.relocated });
  }
});

describe('buildKdTree', () => {
  test('nodes partition the rows; boxes, sums and scatters describe their rows', () => {
    for (const d of [1, 2, 3, 4]) {
      for (const { m } of testMatrices(d, 41).filter((_, i) => i !== 1)) {
        const t = buildKdTree(m.X, m.n, d, 8);
        expect(Array.from(t.perm).sort((a, b) => a - b)).toEqual(Array.from({ length: m.n }, (_, i) => i));
        expect([t.start[0], t.end[0]]).toEqual([0, m.n]);
        for (let node = 0; node < t.nodes; node++) {
          const [from, to] = [t.start[node], t.end[node]];
          expect(to).toBeGreaterThan(from);
          const l = t.left[node];
          if (l >= 0) {
            const r = t.right[node];
            expect([t.start[l], t.end[l], t.start[r], t.end[r]]).toEqual([from, t.start[r], t.end[l], to]);
          }
          for (let j = 0; j < d; j++) {
            const col = Array.from({ length: to - from }, (_, p) => m.X[t.perm[from + p] * d + j]);
            expect(t.lo[node * d + j]).toBe(Math.min(...col));
            expect(t.hi[node * d + j]).toBe(Math.max(...col));
            const sum = col.reduce((a, b) => a + b, 0);
            expect(t.sum[node * d + j]).toBeCloseTo(sum, 9);
          }
          let scatter = 0;
          for (let p = from; p < to; p++) {
            for (let j = 0; j < d; j++) scatter += (m.X[t.perm[p] * d + j] - t.sum[node * d + j] / (to - from)) ** 2;
          }
          expect(t.scatter[node]).toBeCloseTo(scatter, 8);
        }
      }
    }
  });

  test('equal rows share one leaf however many there are; rows crowded by a far outlier are still split', () => {
    const equal = matrixFrom(100, 2, 1, (_, i) => (i < 90 ? 1 : i));
    const t = buildKdTree(equal.X, equal.n, 2, 4);
    const leafSizes = (tree: typeof t) =>
      Array.from({ length: tree.nodes }, (_, node) => (tree.left[node] < 0 ? tree.end[node] - tree.start[node] : 0));
    expect(Math.max(...leafSizes(t))).toBe(90);
    // one row at 1e12: every other row falls into the same Morton cell, and is split by medians
    const crowded = matrixFrom(2000, 3, 2, (rand, i) => (i === 0 ? 1e12 : rand()));
    const u = buildKdTree(crowded.X, crowded.n, 3, 8);
    expect(Math.max(...leafSizes(u))).toBeLessThanOrEqual(8);
    const ws = kmeansWorkspace(crowded.n, 3, 4);
    const C0 = seedPlusPlus(crowded.X, crowded.n, 3, 4, mulberry32(1), ws);
    const C = C0.slice();
    const run = filterLloyd(u, 4, C, 300, 0, ws);
    const labels = new Int32Array(crowded.n);
    const inertia = filterLabels(u, 4, C, labels, ws);
    expectSameRun({ ...run, labels, inertia, centers: C, sizes: ws.sizes }, referenceLloyd(crowded, C0, 300, 0, 'fresh'), 1e12);
  });
});

describe('kmeans equals restarts of plain Lloyd from the same seeds', () => {
  for (const [d, k] of [[2, 4], [3, 5], [3, 8], [6, 5]] as const) {
    test(`d = ${d}, k = ${k}`, () => {
      const m = testMatrices(d, 51)[1].m;
      const got = kmeans(m, { k, nInit: 4, seed: 3 });
      const rand = mulberry32(3);
      let best: ReferenceRun | null = null;
      for (let r = 0; r < 4; r++) {
        const C0 = seedPlusPlus(m.X, m.n, d, k, rand, kmeansWorkspace(m.n, d, k));
        const run = referenceLloyd(m, C0, 300, tolAbs(m), d <= 4 ? 'fresh' : 'incremental');
        if (!best || run.inertia < best.inertia) best = run;
      }
      expect(Array.from(got.labels)).toEqual(Array.from(best!.labels));
      expect(Array.from(got.sizes)).toEqual(Array.from(best!.sizes));
      expect(Math.abs(got.inertia - best!.inertia)).toBeLessThanOrEqual(1e-12 * best!.inertia);
      expect(maxGap(got.centers, best!.centers)).toBeLessThanOrEqual(1e-12 * scaleOf(m));
    });
  }
});
