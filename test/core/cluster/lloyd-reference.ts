/**
 * Test oracle: plain k-means, written for clarity, not speed — every row measured against every
 * centre in every iteration, and greedy k-means++ seeding that scores one trial at a time. The
 * accelerated code in src/core/cluster (kd-tree filtering, Hamerly, the fused seeding passes) is
 * tested against these: same seeds bit for bit, same labels, same iteration counts, same inertia.
 */
import type { Matrix } from '../../../src/core/cluster/matrix';
import { mulberry32 } from '../../../src/core/stats/rng';

/** Squared distance between row i of X and row c of C, columns added in order from 0. */
function dist2(X: Float64Array, i: number, C: Float64Array, c: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const u = X[i * d + j] - C[c * d + j];
    s += u * u;
  }
  return s;
}

/** The nearest centre of row i (the first one on ties) and its squared distance. */
function nearest(X: Float64Array, i: number, C: Float64Array, k: number, d: number): [number, number] {
  let best = 0;
  let bestD = dist2(X, i, C, 0, d);
  for (let c = 1; c < k; c++) {
    const s = dist2(X, i, C, c, d);
    if (s < bestD) {
      bestD = s;
      best = c;
    }
  }
  return [best, bestD];
}

export interface ReferenceRun {
  labels: Int32Array;
  centers: Float64Array;
  sizes: Int32Array;
  inertia: number;
  iterations: number;
  relocated: number;
}

/**
 * Plain Lloyd from the centres C0 (not modified): assign every row, move each empty cluster to the
 * row farthest from its centre, move every centre to its rows' mean, stop when the summed squared
 * shift is ≤ tolAbs or after maxIter iterations; then a final assignment. The column sums are
 * rebuilt in row order every iteration (`fresh`), or built in row order once and then updated row
 * by row, in row order, as rows change cluster (`incremental`).
 *
 * @example referenceLloyd(m, C0, 300, 1e-4, 'fresh').inertia;
 */
export function referenceLloyd(
  m: Matrix, C0: Float64Array, maxIter: number, tolAbs: number, sumsMode: 'fresh' | 'incremental',
): ReferenceRun {
  const { X, n, d } = m;
  const k = C0.length / d;
  const C = C0.slice();
  const labels = new Int32Array(n);
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  let relocated = 0;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    const next = new Int32Array(n);
    for (let i = 0; i < n; i++) next[i] = nearest(X, i, C, k, d)[0];
    if (sumsMode === 'fresh' || it === 0) {
      sums.fill(0);
      sizes.fill(0);
      for (let i = 0; i < n; i++) {
        sizes[next[i]]++;
        for (let j = 0; j < d; j++) sums[next[i] * d + j] += X[i * d + j];
      }
    } else {
      for (let i = 0; i < n; i++) {
        const from = labels[i];
        const to = next[i];
        if (from === to) continue;
        sizes[from]--;
        sizes[to]++;
        for (let j = 0; j < d; j++) {
          sums[from * d + j] -= X[i * d + j];
          sums[to * d + j] += X[i * d + j];
        }
      }
    }
    labels.set(next);
    if (sizes.some((s) => s === 0)) {
      const dist = Float64Array.from({ length: n }, (_, i) => dist2(X, i, C, labels[i], d));
      for (let c = 0; c < k; c++) {
        if (sizes[c] > 0) continue;
        let far = 0;
        for (let i = 1; i < n; i++) if (dist[i] > dist[far]) far = i;
        const from = labels[far];
        for (let j = 0; j < d; j++) {
          sums[from * d + j] -= X[far * d + j];
          sums[c * d + j] = X[far * d + j];
        }
        sizes[from]--;
        sizes[c] = 1;
        labels[far] = c;
        dist[far] = 0;
        relocated++;
      }
    }
    let shift = 0;
    const moved = new Float64Array(k * d);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const v = sizes[c] > 0 ? sums[c * d + j] / sizes[c] : C[c * d + j];
        const u = v - C[c * d + j];
        shift += u * u;
        moved[c * d + j] = v;
      }
    }
    C.set(moved);
    if (shift <= tolAbs) break;
  }
  let inertia = 0;
  sizes.fill(0);
  for (let i = 0; i < n; i++) {
    const [c, s] = nearest(X, i, C, k, d);
    labels[i] = c;
    sizes[c]++;
    inertia += s;
  }
  return { labels, centers: C, sizes, inertia, iterations, relocated };
}

/**
 * Greedy k-means++ seeds, one trial at a time: the first centre is row ⌊rand()·n⌋; for each next
 * one, 2 + ⌊ln k⌋ rows are drawn ∝ D² (a running remainder subtracted row by row) and the first
 * with the lowest potential Σ min(D², ‖x − row‖²) (summed in row order) is kept.
 *
 * @example referenceSeeds(m, 4, mulberry32(42));
 */
export function referenceSeeds(m: Matrix, k: number, rand: () => number): Float64Array {
  const { X, n, d } = m;
  const C = new Float64Array(k * d);
  const first = Math.min(n - 1, Math.floor(rand() * n));
  C.set(X.subarray(first * d, first * d + d));
  let D = Float64Array.from({ length: n }, (_, i) => dist2(X, i, C, 0, d));
  let pot = D.reduce((a, b) => a + b, 0);
  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    const rows: number[] = [];
    for (let t = 0; t < trials; t++) {
      let r = rand() * pot;
      let row = n - 1;
      for (let i = 0; i < n; i++) {
        r -= D[i];
        if (r < 0) {
          row = i;
          break;
        }
      }
      rows.push(row);
    }
    let bestPot = Infinity;
    let bestRow = -1;
    let bestD = D;
    for (const row of rows) {
      const cand = X.subarray(row * d, row * d + d);
      const E = Float64Array.from({ length: n }, (_, i) => Math.min(D[i], dist2(X, i, cand, 0, d)));
      const p = E.reduce((a, b) => a + b, 0);
      if (p < bestPot) {
        bestPot = p;
        bestRow = row;
        bestD = E;
      }
    }
    C.set(X.subarray(bestRow * d, bestRow * d + d), c * d);
    D = bestD;
    pot = bestPot;
  }
  return C;
}

/** An n × d matrix of seeded values from `gen(rand, i, j)`. */
export function matrixFrom(n: number, d: number, seed: number, gen: (rand: () => number, i: number, j: number) => number): Matrix {
  const rand = mulberry32(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X[i * d + j] = gen(rand, i, j);
  return { X, n, d, columns: Array.from({ length: d }, (_, j) => `x${j}`) };
}

/**
 * Seeded test matrices: Gaussian blobs (well and badly separated), uniform noise, and a small
 * integer grid full of duplicates and exact ties.
 */
export function testMatrices(d: number, seed: number): { name: string; m: Matrix }[] {
  const gauss = (rand: () => number) => Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
  const centres = matrixFrom(6, d, seed + 100, (rand) => rand() * 12 - 6);
  return [
    { name: `blobs d=${d}`, m: matrixFrom(3000, d, seed, (rand, i, j) => centres.X[(i % 6) * d + j] + gauss(rand)) },
    { name: `wide blobs d=${d}`, m: matrixFrom(2000, d, seed + 1, (rand, i, j) => centres.X[(i % 6) * d + j] / 3 + gauss(rand)) },
    { name: `uniform d=${d}`, m: matrixFrom(2000, d, seed + 2, (rand) => rand()) },
    { name: `grid d=${d}`, m: matrixFrom(400, d, seed + 3, (rand) => Math.floor(rand() * 3)) },
  ];
}
