/**
 * k-means clustering (Lloyd's algorithm) with greedy k-means++ seeding, several seeded restarts and
 * empty-cluster relocation — the algorithm of scikit-learn's `KMeans(algorithm='lloyd')`.
 */
import { mulberry32 } from '../stats/rng';
import { assertFinite, type Matrix } from './matrix';

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

/** Buffers shared by the restarts of one `kmeans` call (no allocation inside the iterations). */
interface Workspace {
  /** Squared distance of each row to its nearest centre (seeding, then Lloyd). */
  closest: Float64Array;
  /** Candidate D² during seeding; swapped with `best`. */
  cand: Float64Array;
  best: Float64Array;
  labels: Int32Array;
  sums: Float64Array;
  sizes: Int32Array;
  next: Float64Array;
  /** Up to 4 candidate-D² buffers for the fused d = 3 seeding, made on first use. */
  trialBufs: (count: number) => Float64Array[];
}

function workspace(n: number, d: number, k: number): Workspace {
  let bufs: Float64Array[] | null = null;
  return {
    closest: new Float64Array(n),
    cand: new Float64Array(n),
    best: new Float64Array(n),
    labels: new Int32Array(n),
    sums: new Float64Array(k * d),
    sizes: new Int32Array(k),
    next: new Float64Array(k * d),
    trialBufs(count) {
      if (!bufs) bufs = Array.from({ length: 4 }, (_, t) => (t < count ? new Float64Array(n) : new Float64Array(0)));
      return bufs;
    },
  };
}

/**
 * min(D²(i), ‖xᵢ − x_base‖²) into `out` for every row; returns the sum (the candidate's potential).
 * The squared distance is accumulated column by column from 0, so it is bit-identical for every d.
 */
function candidatePotential(X: Float64Array, n: number, d: number, base: number, closest: Float64Array, out: Float64Array): number {
  let p = 0;
  if (d === 3) {
    const b0 = X[base];
    const b1 = X[base + 1];
    const b2 = X[base + 2];
    for (let i = 0, a = 0; i < n; i++, a += 3) {
      const u0 = X[a] - b0;
      const u1 = X[a + 1] - b1;
      const u2 = X[a + 2] - b2;
      const s = u0 * u0 + u1 * u1 + u2 * u2;
      const c = closest[i];
      const m = s < c ? s : c;
      out[i] = m;
      p += m;
    }
  } else if (d === 2) {
    const b0 = X[base];
    const b1 = X[base + 1];
    for (let i = 0, a = 0; i < n; i++, a += 2) {
      const u0 = X[a] - b0;
      const u1 = X[a + 1] - b1;
      const s = u0 * u0 + u1 * u1;
      const c = closest[i];
      const m = s < c ? s : c;
      out[i] = m;
      p += m;
    }
  } else {
    for (let i = 0, a = 0; i < n; i++, a += d) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const u = X[a + j] - X[base + j];
        s += u * u;
      }
      const c = closest[i];
      const m = s < c ? s : c;
      out[i] = m;
      p += m;
    }
  }
  return p;
}

/**
 * The local trials of one k-means++ step for d = 3 and at most 4 trials, fused: the draws only read
 * `closest` and `pot`, so all of them are drawn first (same `rand()` order), located in one scan,
 * and their potentials summed in one pass over the rows — each with its own running sums, in row
 * order, so every number is bit-identical to the trial-by-trial loop, just without its repeated
 * passes. Writes trial t's D² into outs[t] and its row into idx[t]; returns the potentials in pots.
 */
function fusedTrials3(
  X: Float64Array, n: number, closest: Float64Array, pot: number, T: number, rand: () => number,
  outs: Float64Array[], idx: Int32Array, pots: Float64Array,
): void {
  let r0 = rand() * pot;
  let r1 = T > 1 ? rand() * pot : 0;
  let r2 = T > 2 ? rand() * pot : 0;
  let r3 = T > 3 ? rand() * pot : 0;
  let i0 = n - 1;
  let i1 = n - 1;
  let i2 = n - 1;
  let i3 = n - 1;
  let open0 = true;
  let open1 = T > 1;
  let open2 = T > 2;
  let open3 = T > 3;
  for (let i = 0; i < n; i++) {
    const c = closest[i];
    if (open0) {
      r0 -= c;
      if (r0 < 0) {
        i0 = i;
        open0 = false;
      }
    }
    if (open1) {
      r1 -= c;
      if (r1 < 0) {
        i1 = i;
        open1 = false;
      }
    }
    if (open2) {
      r2 -= c;
      if (r2 < 0) {
        i2 = i;
        open2 = false;
      }
    }
    if (open3) {
      r3 -= c;
      if (r3 < 0) {
        i3 = i;
        open3 = false;
      }
    }
    if (!(open0 || open1 || open2 || open3)) break;
  }
  idx[0] = i0;
  idx[1] = i1;
  idx[2] = i2;
  idx[3] = i3;
  const o0 = outs[0];
  const o1 = outs[1];
  const o2 = outs[2];
  const o3 = outs[3];
  const a0 = X[i0 * 3], a1 = X[i0 * 3 + 1], a2 = X[i0 * 3 + 2];
  const b0 = X[i1 * 3], b1 = X[i1 * 3 + 1], b2 = X[i1 * 3 + 2];
  const c0 = X[i2 * 3], c1 = X[i2 * 3 + 1], c2 = X[i2 * 3 + 2];
  const e0 = X[i3 * 3], e1 = X[i3 * 3 + 1], e2 = X[i3 * 3 + 2];
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  for (let i = 0, a = 0; i < n; i++, a += 3) {
    const x0 = X[a];
    const x1 = X[a + 1];
    const x2 = X[a + 2];
    const cl = closest[i];
    let u0 = x0 - a0;
    let u1 = x1 - a1;
    let u2 = x2 - a2;
    let s = u0 * u0 + u1 * u1 + u2 * u2;
    let m = s < cl ? s : cl;
    o0[i] = m;
    p0 += m;
    if (T > 1) {
      u0 = x0 - b0;
      u1 = x1 - b1;
      u2 = x2 - b2;
      s = u0 * u0 + u1 * u1 + u2 * u2;
      m = s < cl ? s : cl;
      o1[i] = m;
      p1 += m;
    }
    if (T > 2) {
      u0 = x0 - c0;
      u1 = x1 - c1;
      u2 = x2 - c2;
      s = u0 * u0 + u1 * u1 + u2 * u2;
      m = s < cl ? s : cl;
      o2[i] = m;
      p2 += m;
    }
    if (T > 3) {
      u0 = x0 - e0;
      u1 = x1 - e1;
      u2 = x2 - e2;
      s = u0 * u0 + u1 * u1 + u2 * u2;
      m = s < cl ? s : cl;
      o3[i] = m;
      p3 += m;
    }
  }
  pots[0] = p0;
  pots[1] = p1;
  pots[2] = p2;
  pots[3] = p3;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with sklearn's 2 + ⌊ln k⌋ local trials):
 * the first centre is a uniformly random row; each next one is the best of several candidates drawn
 * with probability proportional to D(x)², the squared distance to the nearest centre so far.
 * On return `ws.closest` holds D² of every row to its nearest seed.
 */
function seedPlusPlus(X: Float64Array, n: number, d: number, k: number, rand: () => number, ws: Workspace): Float64Array {
  const C = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = Math.min(n - 1, Math.floor(rand() * n));
  C.set(X.subarray(first * d, first * d + d), 0);
  let closest = ws.closest;
  // D² to the first centre: min(s, +∞) = s
  closest.fill(Infinity);
  let pot = candidatePotential(X, n, d, first * d, closest, closest);
  let cand = ws.cand;
  let best = ws.best;
  if (d === 3 && trials <= 4 && k > 1) {
    const outs = ws.trialBufs(trials);
    const idx = new Int32Array(4);
    const pots = new Float64Array(4);
    for (let c = 1; c < k; c++) {
      fusedTrials3(X, n, closest, pot, trials, rand, outs, idx, pots);
      // the first trial with the strictly lowest potential wins, as in the loop below
      let w = 0;
      for (let t = 1; t < trials; t++) if (pots[t] < pots[w]) w = t;
      C.set(X.subarray(idx[w] * 3, idx[w] * 3 + 3), c * 3);
      const tmp = closest;
      closest = outs[w];
      outs[w] = tmp;
      pot = pots[w];
    }
    ws.closest = closest;
    return C;
  }
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
      const p = candidatePotential(X, n, d, idx * d, closest, cand);
      if (p < bestPot) {
        bestPot = p;
        bestIdx = idx;
        const tmp = best;
        best = cand;
        cand = tmp;
      }
    }
    C.set(X.subarray(bestIdx * d, bestIdx * d + d), c * d);
    const tmp = closest;
    closest = best;
    best = tmp;
    pot = bestPot;
  }
  ws.closest = closest;
  ws.cand = cand;
  ws.best = best;
  return C;
}

/**
 * `assign` for d = 3 and k ≤ 8 (the RFM case): the centres live in local variables instead of being
 * re-read from the array for every row, about twice as fast. Same arithmetic, same order, same ties
 * (first centre wins), so the same labels and distances bit for bit.
 */
function assign3Small(
  X: Float64Array, n: number, C: Float64Array, k: number,
  labels: Int32Array, dist: Float64Array | null, sums: Float64Array | null, sizes: Int32Array,
): number {
  const P = new Float64Array(24);
  P.set(C.subarray(0, k * 3));
  const c00 = P[0], c01 = P[1], c02 = P[2];
  const c10 = P[3], c11 = P[4], c12 = P[5];
  const c20 = P[6], c21 = P[7], c22 = P[8];
  const c30 = P[9], c31 = P[10], c32 = P[11];
  const c40 = P[12], c41 = P[13], c42 = P[14];
  const c50 = P[15], c51 = P[16], c52 = P[17];
  const c60 = P[18], c61 = P[19], c62 = P[20];
  const c70 = P[21], c71 = P[22], c72 = P[23];
  let inertia = 0;
  for (let i = 0, a = 0; i < n; i++, a += 3) {
    const x0 = X[a];
    const x1 = X[a + 1];
    const x2 = X[a + 2];
    let u0 = x0 - c00;
    let u1 = x1 - c01;
    let u2 = x2 - c02;
    let bestD = u0 * u0 + u1 * u1 + u2 * u2;
    let bestC = 0;
    let t = 0;
      if (k > 1) {
        u0 = x0 - c10;
        u1 = x1 - c11;
        u2 = x2 - c12;
        t = u0 * u0 + u1 * u1 + u2 * u2;
        if (t < bestD) {
          bestD = t;
          bestC = 1;
        }
      }
      if (k > 2) {
        u0 = x0 - c20;
        u1 = x1 - c21;
        u2 = x2 - c22;
        t = u0 * u0 + u1 * u1 + u2 * u2;
        if (t < bestD) {
          bestD = t;
          bestC = 2;
        }
      }
      if (k > 3) {
        u0 = x0 - c30;
        u1 = x1 - c31;
        u2 = x2 - c32;
        t = u0 * u0 + u1 * u1 + u2 * u2;
        if (t < bestD) {
          bestD = t;
          bestC = 3;
        }
      }
      if (k > 4) {
        u0 = x0 - c40;
        u1 = x1 - c41;
        u2 = x2 - c42;
        t = u0 * u0 + u1 * u1 + u2 * u2;
        if (t < bestD) {
          bestD = t;
          bestC = 4;
        }
      }
      if (k > 5) {
        u0 = x0 - c50;
        u1 = x1 - c51;
        u2 = x2 - c52;
        t = u0 * u0 + u1 * u1 + u2 * u2;
        if (t < bestD) {
          bestD = t;
          bestC = 5;
        }
      }
      if (k > 6) {
        u0 = x0 - c60;
        u1 = x1 - c61;
        u2 = x2 - c62;
        t = u0 * u0 + u1 * u1 + u2 * u2;
        if (t < bestD) {
          bestD = t;
          bestC = 6;
        }
      }
      if (k > 7) {
        u0 = x0 - c70;
        u1 = x1 - c71;
        u2 = x2 - c72;
        t = u0 * u0 + u1 * u1 + u2 * u2;
        if (t < bestD) {
          bestD = t;
          bestC = 7;
        }
      }
    labels[i] = bestC;
    if (dist) dist[i] = bestD;
    inertia += bestD;
    sizes[bestC]++;
    if (sums) {
      const b = bestC * 3;
      sums[b] += x0;
      sums[b + 1] += x1;
      sums[b + 2] += x2;
    }
  }
  return inertia;
}

/**
 * Assign every row to its nearest centre (first one on ties); `dist` gets each row's squared
 * distance, and, when `sums` is given, each row is added to its centre's column sums and size.
 * Returns the inertia.
 */
function assign(
  X: Float64Array, n: number, d: number, C: Float64Array, k: number,
  labels: Int32Array, dist: Float64Array | null, sums: Float64Array | null, sizes: Int32Array,
): number {
  let inertia = 0;
  sizes.fill(0);
  if (sums) sums.fill(0);
  if (d === 3 && k <= 8) return assign3Small(X, n, C, k, labels, dist, sums, sizes);
  if (d === 3) {
    for (let i = 0, a = 0; i < n; i++, a += 3) {
      const x0 = X[a];
      const x1 = X[a + 1];
      const x2 = X[a + 2];
      const w0 = x0 - C[0];
      const w1 = x1 - C[1];
      const w2 = x2 - C[2];
      let bestD = w0 * w0 + w1 * w1 + w2 * w2;
      let bestC = 0;
      for (let c = 1, b = 3; c < k; c++, b += 3) {
        const u0 = x0 - C[b];
        const u1 = x1 - C[b + 1];
        const u2 = x2 - C[b + 2];
        const s = u0 * u0 + u1 * u1 + u2 * u2;
        if (s < bestD) {
          bestD = s;
          bestC = c;
        }
      }
      labels[i] = bestC;
      if (dist) dist[i] = bestD;
      inertia += bestD;
      sizes[bestC]++;
      if (sums) {
        const b = bestC * 3;
        sums[b] += x0;
        sums[b + 1] += x1;
        sums[b + 2] += x2;
      }
    }
    return inertia;
  }
  for (let i = 0, a = 0; i < n; i++, a += d) {
    let bestD = Infinity;
    let bestC = 0;
    for (let c = 0, b = 0; c < k; c++, b += d) {
      let s = 0;
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
    if (dist) dist[i] = bestD;
    inertia += bestD;
    sizes[bestC]++;
    if (sums) {
      const b = bestC * d;
      for (let j = 0; j < d; j++) sums[b + j] += X[a + j];
    }
  }
  return inertia;
}

/** Lloyd iterations from the centres C (updated in place); labels and sizes are left in `ws`. */
function lloyd(X: Float64Array, n: number, d: number, k: number, C: Float64Array, maxIter: number, tolAbs: number, ws: Workspace) {
  const { labels, sums, sizes, next } = ws;
  const dist = ws.closest;
  let relocated = 0;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    assign(X, n, d, C, k, labels, null, sums, sizes);
    // Empty clusters: move each to the row farthest from its current centre (as sklearn does).
    let anyEmpty = false;
    for (let c = 0; c < k; c++) if (sizes[c] === 0) anyEmpty = true;
    if (anyEmpty) {
      // exact squared distance of every row to its nearest centre, as the assignment found it
      for (let i = 0, a = 0; i < n; i++, a += d) {
        let s = 0;
        const b = labels[i] * d;
        for (let j = 0; j < d; j++) {
          const u = X[a + j] - C[b + j];
          s += u * u;
        }
        dist[i] = s;
      }
    }
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
  const inertia = assign(X, n, d, C, k, labels, dist, null, sizes);
  return { inertia, iterations, relocated };
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
  const ws = workspace(n, d, k);
  let best: { labels: Int32Array; centers: Float64Array; inertia: number; iterations: number; sizes: Int32Array } | null = null;
  let relocated = 0;
  for (let r = 0; r < nInit; r++) {
    const C = seedPlusPlus(X, n, d, k, rand, ws);
    const run = lloyd(X, n, d, k, C, maxIter, tolAbs, ws);
    relocated += run.relocated;
    if (!best || run.inertia < best.inertia) {
      // keep the winner's labels; the workspace's label buffer is reused by the next restart
      best = { labels: ws.labels.slice(), centers: C, inertia: run.inertia, iterations: run.iterations, sizes: ws.sizes.slice() };
    }
  }
  const b = best!;
  return { k, labels: b.labels, centers: b.centers, inertia: b.inertia, iterations: b.iterations, sizes: b.sizes, relocated };
}
