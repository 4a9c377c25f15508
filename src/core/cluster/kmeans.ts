/**
 * k-means clustering (Lloyd's algorithm) with greedy k-means++ seeding, several seeded restarts and
 * empty-cluster relocation — the algorithm of scikit-learn's `KMeans(algorithm='lloyd')`.
 */
import { mulberry32 } from '../stats/rng';
import { assertFinite, sqDist, type Matrix } from './matrix';

export interface KMeansOptions {
  /** Number of clusters. Required, 1 ≤ k ≤ n. */
  k: number;
  /** Restarts from different k-means++ seeds; the lowest inertia wins. Default 10 (sklearn `n_init=10`). */
  nInit?: number;
  /** Lloyd iterations per restart at most. Default 300. */
  maxIter?: number;
  /**
   * Convergence tolerance, relative to the data: stop when the squared centre shift summed over the
   * centres is ≤ tol × (mean column variance). Default 1e-4 (as sklearn).
   */
  tol?: number;
  /** Seed of the random generator (mulberry32). Default 42. */
  seed?: number;
}

export interface KMeansResult {
  k: number;
  /** Cluster of each row, 0..k−1. */
  labels: Int32Array;
  /** Row-major k × d centres. */
  centers: Float64Array;
  /** Σ squared distance of each row to its centre (sklearn `inertia_`). */
  inertia: number;
  /** Lloyd iterations of the winning restart. */
  iterations: number;
  /** Rows per cluster. */
  sizes: Int32Array;
  /** Empty clusters relocated over all restarts (0 on well-behaved data). */
  relocated: number;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with sklearn's 2 + ⌊ln k⌋ local trials):
 * the first centre is a uniformly random row; each next one is the best of several candidates drawn
 * with probability proportional to D(x)², the squared distance to the nearest centre so far.
 */
function seedPlusPlus(X: Float64Array, n: number, d: number, k: number, rand: () => number): Float64Array {
  const C = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = Math.min(n - 1, Math.floor(rand() * n));
  C.set(X.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(X, i, C, 0, d);
    pot += closest[i];
  }
  const cand = new Float64Array(n);
  const best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestPot = Infinity;
    let bestIdx = -1;
    for (let t = 0; t < trials; t++) {
      // draw a row with probability closest[i] / pot
      let r = rand() * pot;
      let idx = n - 1;
      for (let i = 0; i < n; i++) {
        r -= closest[i];
        if (r < 0) {
          idx = i;
          break;
        }
      }
      let p = 0;
      const base = idx * d;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const a = i * d;
        for (let j = 0; j < d; j++) {
          const u = X[a + j] - X[base + j];
          s += u * u;
        }
        const m = s < closest[i] ? s : closest[i];
        cand[i] = m;
        p += m;
      }
      if (p < bestPot) {
        bestPot = p;
        bestIdx = idx;
        best.set(cand);
      }
    }
    C.set(X.subarray(bestIdx * d, bestIdx * d + d), c * d);
    closest.set(best);
    pot = bestPot;
  }
  return C;
}

/** Assign every row to its nearest centre; returns the inertia. `dist` gets each row's squared distance. */
function assign(X: Float64Array, n: number, d: number, C: Float64Array, k: number, labels: Int32Array, dist: Float64Array): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let bestD = Infinity;
    let bestC = 0;
    const a = i * d;
    for (let c = 0; c < k; c++) {
      let s = 0;
      const b = c * d;
      for (let j = 0; j < d; j++) {
        const u = X[a + j] - C[b + j];
        s += u * u;
      }
      if (s < bestD) {
        bestD = s;
        bestC = c;
      }
    }
    labels[i] = bestC;
    dist[i] = bestD;
    inertia += bestD;
  }
  return inertia;
}

function lloyd(X: Float64Array, n: number, d: number, k: number, C: Float64Array, maxIter: number, tolAbs: number) {
  const labels = new Int32Array(n);
  const dist = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  const next = new Float64Array(k * d);
  let relocated = 0;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    assign(X, n, d, C, k, labels, dist);
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      sizes[c]++;
      const a = i * d;
      const b = c * d;
      for (let j = 0; j < d; j++) sums[b + j] += X[a + j];
    }
    // Empty clusters: move each to the row farthest from its current centre (as sklearn does).
    for (let c = 0; c < k; c++) {
      if (sizes[c] > 0) continue;
      let far = 0;
      for (let i = 1; i < n; i++) if (dist[i] > dist[far]) far = i;
      const from = labels[far];
      const a = far * d;
      for (let j = 0; j < d; j++) {
        sums[from * d + j] -= X[a + j];
        sums[c * d + j] = X[a + j];
      }
      sizes[from]--;
      sizes[c] = 1;
      labels[far] = c;
      dist[far] = 0;
      relocated++;
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const b = c * d;
      for (let j = 0; j < d; j++) {
        const v = sizes[c] > 0 ? sums[b + j] / sizes[c] : C[b + j];
        const u = v - C[b + j];
        shift += u * u;
        next[b + j] = v;
      }
    }
    C.set(next);
    if (shift <= tolAbs) break;
  }
  // Final assignment so labels and inertia agree with the returned centres.
  const inertia = assign(X, n, d, C, k, labels, dist);
  sizes.fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  return { labels, inertia, iterations, sizes, relocated };
}

/**
 * Cluster the rows of a matrix into k groups minimising the inertia Σᵢ ‖xᵢ − μ_{c(i)}‖².
 * Each of `nInit` restarts seeds with greedy k-means++ from one seeded generator, then runs Lloyd
 * iterations until the centres move less than the tolerance; the restart with the lowest inertia
 * is returned. A cluster that becomes empty takes the row farthest from its centre.
 * Defaults: nInit 10, maxIter 300, tol 1e-4, seed 42.
 *
 * @example
 *   const m = matrixOf(scaled, ['recency', 'frequency', 'monetary']);
 *   const { labels, centers, inertia } = kmeans(m, { k: 4 });
 */
export function kmeans(m: Matrix, opts: KMeansOptions): KMeansResult {
  const { X, n, d } = m;
  const k = opts.k;
  const nInit = opts.nInit ?? 10;
  const maxIter = opts.maxIter ?? 300;
  const tol = opts.tol ?? 1e-4;
  if (!Number.isInteger(k) || k < 1) throw new Error(`kmeans: k must be a whole number ≥ 1, got ${k}`);
  if (n < k) throw new Error(`kmeans: ${n} rows cannot form ${k} clusters (need at least k rows)`);
  if (!Number.isInteger(nInit) || nInit < 1) throw new Error(`kmeans: nInit must be a whole number ≥ 1, got ${nInit}`);
  assertFinite(m, 'kmeans');
  // tolerance relative to the mean column variance, as sklearn's _tolerance
  let meanVar = 0;
  for (let j = 0; j < d; j++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) s += X[i * d + j];
    const mu = s / n;
    for (let i = 0; i < n; i++) {
      const u = X[i * d + j] - mu;
      s2 += u * u;
    }
    meanVar += s2 / n;
  }
  const tolAbs = (meanVar / d) * tol;
  const rand = mulberry32(opts.seed ?? 42);
  let best: (ReturnType<typeof lloyd> & { centers: Float64Array }) | null = null;
  let relocated = 0;
  for (let r = 0; r < nInit; r++) {
    const C = seedPlusPlus(X, n, d, k, rand);
    const run = lloyd(X, n, d, k, C, maxIter, tolAbs);
    relocated += run.relocated;
    if (!best || run.inertia < best.inertia) best = { ...run, centers: C };
  }
  const b = best!;
  return { k, labels: b.labels, centers: b.centers, inertia: b.inertia, iterations: b.iterations, sizes: b.sizes, relocated };
}
