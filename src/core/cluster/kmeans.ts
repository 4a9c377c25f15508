/**
 * k-means clustering (Lloyd's algorithm) with greedy k-means++ seeding, several seeded restarts and
 * empty-cluster relocation — the algorithm of scikit-learn's `KMeans(algorithm='lloyd')`.
 * The Lloyd iterations are accelerated without changing what they compute: up to four columns by
 * kd-tree filtering (kdtree.ts, filtering.ts), above by Hamerly's distance bounds (hamerly.ts).
 * Both give every row the cluster a plain scan gives it for the same centres; the centres can
 * differ from a plain implementation's in the last bits, because the column sums are added up in
 * another order (test/core/cluster/lloyd-reference.ts is the plain implementation they are tested
 * against).
 */
import { mulberry32 } from '../stats/rng';
import { filterLabels, filterLloyd } from './filtering';
import { boundSlack, hamerly } from './hamerly';
import { buildKdTree } from './kdtree';
import { assertFinite, type Matrix } from './matrix';
import { seedPlusPlus } from './seeding';
import { kmeansWorkspace } from './workspace';

/**
 * Up to this many columns the iterations walk a kd-tree (filtering.ts); above, they use Hamerly's
 * bounds (hamerly.ts). On unclustered data a kd-tree stops pruning beyond about four columns.
 */
const TREE_MAX_D = 4;

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
  const ws = kmeansWorkspace(n, d, k);
  const tree = d <= TREE_MAX_D ? buildKdTree(X, n, d, 16, ws.bufs) : null;
  const slack = tree ? 0 : boundSlack(X, n, d);
  const rand = mulberry32(opts.seed ?? 42);
  let best: { centers: Float64Array; inertia: number; iterations: number; labels: Int32Array | null; sizes: Int32Array } | null = null;
  let relocated = 0;
  for (let r = 0; r < nInit; r++) {
    const C = seedPlusPlus(X, n, d, k, rand, ws);
    const run = tree
      ? filterLloyd(tree, k, C, maxIter, tolAbs, ws)
      : hamerly(X, n, d, k, C, maxIter, tolAbs, slack, ws);
    relocated += run.relocated;
    if (!best || run.inertia < best.inertia) {
      // Hamerly leaves the labels in the workspace, reused by the next restart: keep the winner's;
      // the tree labels only the winner, at the end
      const labels = tree ? null : ws.labels.slice();
      best = { centers: C, inertia: run.inertia, iterations: run.iterations, labels, sizes: ws.sizes.slice() };
    }
  }
  const b = best!;
  if (tree) {
    b.labels = ws.labels;
    b.inertia = filterLabels(tree, k, b.centers, b.labels, ws);
  }
  return { k, labels: b.labels!, centers: b.centers, inertia: b.inertia, iterations: b.iterations, sizes: b.sizes, relocated };
}
