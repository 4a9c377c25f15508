/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with scikit-learn's 2 + ⌊ln k⌋ local
 * trials per centre), deterministic for a seeded generator.
 */
import { seedingTrials, type KMeansWorkspace } from './workspace';

/**
 * min(D²(i), ‖xᵢ − x_base‖²) into `out` for every row; returns the sum (the candidate's potential).
 * The squared distance is accumulated column by column from 0, so it is bit-identical for every d.
 */
function candidatePotential(X: Float64Array, n: number, d: number, base: number, closest: Float64Array, out: Float64Array): number {
  let p = 0;
  if (d === 2) {
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

/** ‖xᵢ − x_base‖² into `out` for every row (D² to the first centre); returns their sum. */
function firstPotential(X: Float64Array, n: number, d: number, base: number, out: Float64Array): number {
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
      out[i] = s;
      p += s;
    }
    return p;
  }
  for (let i = 0, a = 0; i < n; i++, a += d) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const u = X[a + j] - X[base + j];
      s += u * u;
    }
    out[i] = s;
    p += s;
  }
  return p;
}

/** The row drawn with probability closest[i] / pot by the uniform draw r ∈ [0, pot). */
function draw(closest: Float64Array, n: number, r: number): number {
  for (let i = 0; i < n; i++) {
    r -= closest[i];
    if (r < 0) return i;
  }
  return n - 1;
}

/**
 * The potentials of the two or three d = 3 trial rows rows[g..g+T) in one pass: trial t's D² goes
 * to outs[t] and its sum to pots[t]. Each trial keeps its own running sum in row order, so every number equals
 * `candidatePotential`'s bit for bit, without its repeated passes over the rows. With T = 2 the
 * third trial repeats the second (same row, same numbers) and its results are ignored.
 */
function trials3(
  X: Float64Array, n: number, closest: Float64Array, rows: Int32Array, g: number, T: number, outs: Float64Array[], pots: Float64Array,
): void {
  const ra = rows[g] * 3;
  const rb = rows[g + 1] * 3;
  const rc = rows[T > 2 ? g + 2 : g + 1] * 3;
  const a0 = X[ra], a1 = X[ra + 1], a2 = X[ra + 2];
  const b0 = X[rb], b1 = X[rb + 1], b2 = X[rb + 2];
  const c0 = X[rc], c1 = X[rc + 1], c2 = X[rc + 2];
  const o0 = outs[g];
  const o1 = outs[g + 1];
  const o2 = outs[T > 2 ? g + 2 : g + 1];
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
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
    u0 = x0 - b0;
    u1 = x1 - b1;
    u2 = x2 - b2;
    s = u0 * u0 + u1 * u1 + u2 * u2;
    m = s < cl ? s : cl;
    o1[i] = m;
    p1 += m;
    u0 = x0 - c0;
    u1 = x1 - c1;
    u2 = x2 - c2;
    s = u0 * u0 + u1 * u1 + u2 * u2;
    m = s < cl ? s : cl;
    o2[i] = m;
    p2 += m;
  }
  pots[g] = p0;
  pots[g + 1] = p1;
  if (T > 2) pots[g + 2] = p2;
}

/**
 * Greedy k-means++ seeding: the first centre is a uniformly random row; each next one is the best
 * (lowest potential Σ min(D², ‖x − candidate‖²), the first on ties) of 2 + ⌊ln k⌋ candidates drawn
 * with probability proportional to D(x)², the squared distance to the nearest centre so far.
 * All candidates of a step are drawn before any is scored (the draws only read D²), so the
 * generator is used in the same order whichever way the scores are computed.
 * On return `ws.bufs[0]` holds D² of every row to its nearest seed. Returns the k × d seeds.
 *
 * @example
 *   const C = seedPlusPlus(m.X, m.n, m.d, 4, mulberry32(42), kmeansWorkspace(m.n, m.d, 4));
 */
export function seedPlusPlus(X: Float64Array, n: number, d: number, k: number, rand: () => number, ws: KMeansWorkspace): Float64Array {
  const C = new Float64Array(k * d);
  const trials = seedingTrials(k);
  const first = Math.min(n - 1, Math.floor(rand() * n));
  C.set(X.subarray(first * d, first * d + d), 0);
  // bufs[0] is D² so far; the d = 3 trials score into bufs[1..trials], the others into bufs[1] and
  // keep the best so far in bufs[2]; the winner's buffer is swapped into bufs[0]. D² to the first
  // centre is min(‖x − c‖², +∞) = ‖x − c‖², written directly.
  const bufs = ws.bufs;
  let pot = firstPotential(X, n, d, first * d, bufs[0]);
  const rows = new Int32Array(trials);
  const pots = new Float64Array(trials);
  const fused = d === 3 && bufs.length > trials;
  const outs = fused ? bufs.slice(1, trials + 1) : [];
  for (let c = 1; c < k; c++) {
    const closest = bufs[0];
    for (let t = 0; t < trials; t++) rows[t] = draw(closest, n, rand() * pot);
    let w = 0;
    if (fused) {
      // trials in passes of three, or two when two or four are left (there are always at least
      // two, so no pass is left with one): each pass reads the rows once
      for (let g = 0; g < trials; ) {
        const left = trials - g;
        const size = left === 4 ? 2 : Math.min(3, left);
        trials3(X, n, closest, rows, g, size, outs, pots);
        g += size;
      }
      for (let t = 1; t < trials; t++) if (pots[t] < pots[w]) w = t;
      bufs[0] = outs[w];
      outs[w] = closest;
    } else {
      for (let t = 0; t < trials; t++) {
        pots[t] = candidatePotential(X, n, d, rows[t] * d, closest, bufs[1]);
        if (t === 0 || pots[t] < pots[w]) {
          w = t;
          const tmp = bufs[2];
          bufs[2] = bufs[1];
          bufs[1] = tmp;
        }
      }
      bufs[0] = bufs[2];
      bufs[2] = closest;
    }
    C.set(X.subarray(rows[w] * d, rows[w] * d + d), c * d);
    pot = pots[w];
  }
  if (fused) for (let t = 0; t < trials; t++) bufs[t + 1] = outs[t];
  return C;
}
