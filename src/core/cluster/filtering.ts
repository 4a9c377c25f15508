/**
 * Lloyd iterations by kd-tree filtering (Kanungo et al. 2002, "An efficient k-means clustering
 * algorithm: analysis and implementation"): the tree is walked with a shrinking list of candidate
 * centres; a candidate is dropped from a node when another candidate is nearer to every point of
 * the node's bounding box, and a node left with one candidate joins that centre as a whole (its
 * precomputed column sums and count), without looking at its rows. Only rows near a boundary
 * between clusters are measured one by one. For low-dimensional data, an iteration costs a small
 * fraction of a pass over the rows.
 *
 * Exactness: a candidate is dropped only when it loses by a margin (in squared distance) at the
 * box's most favourable corner, far above rounding, and rows are measured as a plain scan measures
 * them (columns in order, the first centre on ties), so every row gets the cluster plain Lloyd
 * gives it for the same centres. The column sums are added up per node rather than row by row, so
 * the centres can differ from plain Lloyd's in the last bits; the final labels and inertia are
 * computed row by row for the final centres.
 */
import { relocateEmpty, updateCentres, type IterationsResult } from './centres';
import type { KdTree } from './kdtree';
import type { KMeansWorkspace } from './workspace';

/** "Write no labels" (an empty array rather than null keeps the walk's fields of one type). */
const NO_LABELS = new Int32Array(0);

/** What a walk of the tree reads and writes. */
interface Walk {
  t: KdTree;
  k: number;
  C: Float64Array;
  margin: number;
  /** Candidate lists, one region of k per tree level. */
  cands: Int32Array;
  sums: Float64Array;
  sizes: Int32Array;
  /** Row labels to write (empty: only sums and sizes). */
  labels: Int32Array;
  /** Whether to add up the inertia (in tree order, by node: scatter + size × squared offset). */
  measure: boolean;
}

/**
 * Drop from the node's candidates cands[off..off+m) those another candidate beats over its whole
 * bounding box; the survivors (in the same order) go to cands[off+m..]. Returns how many.
 */
function survivors(w: Walk, node: number, off: number, m: number): number {
  const { t, C, margin, cands } = w;
  const d = t.d;
  const { lo, hi } = t;
  const b = node * d;
  // the candidate nearest the box's centre is the one most likely to beat the others
  let best = cands[off];
  let bestD = Infinity;
  for (let r = 0; r < m; r++) {
    const c = cands[off + r];
    let s = 0;
    for (let j = 0; j < d; j++) {
      const u = 0.5 * (lo[b + j] + hi[b + j]) - C[c * d + j];
      s += u * u;
    }
    if (s < bestD) {
      bestD = s;
      best = c;
    }
  }
  let kept = 0;
  const out = off + m;
  for (let r = 0; r < m; r++) {
    const c = cands[off + r];
    if (c !== best) {
      // the corner of the box farthest in the direction from `best` to c is where c does best;
      // if `best` is still nearer there by the margin, it is nearer everywhere in the box
      let gap = 0;
      for (let j = 0; j < d; j++) {
        const z = C[c * d + j];
        const y = C[best * d + j];
        const v = z > y ? hi[b + j] : lo[b + j];
        const uz = v - z;
        const uy = v - y;
        gap += uz * uz - uy * uy;
      }
      if (gap > margin) continue;
    }
    cands[out + kept++] = c;
  }
  return kept;
}

/**
 * Measure the rows of a leaf against its candidates cands[off..off+m) (plain scan, first on ties);
 * returns the sum of their squared distances when measuring, else 0.
 */
function scanLeaf(w: Walk, node: number, off: number, m: number): number {
  const { t, C, cands, sums, sizes, labels, measure } = w;
  const { Y, perm } = t;
  const d = t.d;
  let inertia = 0;
  for (let p = t.start[node], a = p * d; p < t.end[node]; p++, a += d) {
    let bestD = Infinity;
    let l = 0;
    for (let r = 0; r < m; r++) {
      const c = cands[off + r];
      const q = c * d;
      let s = 0;
      if (d === 3) {
        const u0 = Y[a] - C[q];
        const u1 = Y[a + 1] - C[q + 1];
        const u2 = Y[a + 2] - C[q + 2];
        s = u0 * u0 + u1 * u1 + u2 * u2;
      } else {
        for (let j = 0; j < d; j++) {
          const u = Y[a + j] - C[q + j];
          s += u * u;
        }
      }
      if (s < bestD) {
        bestD = s;
        l = c;
      }
    }
    sizes[l]++;
    const o = l * d;
    for (let j = 0; j < d; j++) sums[o + j] += Y[a + j];
    if (labels.length > 0) labels[perm[p]] = l;
    if (measure) inertia += bestD;
  }
  return inertia;
}

/**
 * Assign the rows under `node`, whose candidates are cands[off..off+m); returns their inertia when
 * measuring, else 0.
 */
function visit(w: Walk, node: number, off: number, m: number): number {
  const t = w.t;
  const kept = m > 1 ? survivors(w, node, off, m) : 1;
  const list = m > 1 ? off + m : off;
  if (kept === 1) {
    // the whole node joins one centre
    const c = w.cands[list];
    const d = t.d;
    const size = t.end[node] - t.start[node];
    w.sizes[c] += size;
    let off2 = 0;
    for (let j = 0; j < d; j++) {
      const s = t.sum[node * d + j];
      w.sums[c * d + j] += s;
      const u = s / size - w.C[c * d + j];
      off2 += u * u;
    }
    if (w.labels.length > 0) for (let p = t.start[node]; p < t.end[node]; p++) w.labels[t.perm[p]] = c;
    return w.measure ? t.scatter[node] + size * off2 : 0;
  }
  if (t.left[node] < 0) return scanLeaf(w, node, list, kept);
  return visit(w, t.left[node], list, kept) + visit(w, t.right[node], list, kept);
}

/**
 * One assignment of every row to its nearest centre: column sums and sizes, labels unless
 * `NO_LABELS`, and the inertia (summed in tree order) when `measure`.
 */
function assignAll(w: Walk, labels: Int32Array, measure: boolean): number {
  w.sums.fill(0);
  w.sizes.fill(0);
  w.labels = labels;
  w.measure = measure;
  for (let c = 0; c < w.k; c++) w.cands[c] = c;
  return visit(w, 0, 0, w.k);
}

/**
 * The squared-distance lead a candidate must lose by to be dropped: 1e-9 × the squared diagonal of
 * the root's box (the data's bounding box) — far above the rounding of squared distances within
 * the box, far below any real difference.
 */
function margin(t: KdTree): number {
  let diag = 0;
  for (let j = 0; j < t.d; j++) diag += (t.hi[j] - t.lo[j]) ** 2;
  return 1e-9 * diag;
}

/** A walk over the tree for the centres C, summing into the workspace's sums and sizes. */
function walk(t: KdTree, k: number, C: Float64Array, ws: KMeansWorkspace): Walk {
  return {
    t, k, C, margin: margin(t), cands: new Int32Array((t.depth + 2) * k), sums: ws.sums, sizes: ws.sizes, labels: NO_LABELS, measure: false,
  };
}

/**
 * Lloyd iterations from the centres C (updated in place) until the summed squared centre shift is
 * ≤ tolAbs or maxIter iterations have run, then a final assignment for the returned centres: its
 * sizes stay in `ws.sizes`, and its inertia is returned, added up by node (a node that joins one
 * centre c adds its scatter + size × ‖mean − c‖²), which equals the row-by-row sum up to rounding.
 * The labels are not written (see `filterLabels`). An empty cluster takes the row farthest from
 * its centre, as in plain Lloyd.
 *
 * @example
 *   const tree = buildKdTree(X, n, d);
 *   const { inertia } = filterLloyd(tree, k, C, 300, tolAbs, ws);
 */
export function filterLloyd(t: KdTree, k: number, C: Float64Array, maxIter: number, tolAbs: number, ws: KMeansWorkspace): IterationsResult {
  const { X, n, d } = t;
  const { labels, sums, sizes, next, moved } = ws;
  const w = walk(t, k, C, ws);
  let relocated = 0;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    assignAll(w, NO_LABELS, false);
    let empty = false;
    for (let c = 0; c < k; c++) if (sizes[c] === 0) empty = true;
    if (empty) {
      // relocation needs each row's cluster: assign again, this time writing the labels
      assignAll(w, labels, false);
      relocated += relocateEmpty(X, n, d, k, C, labels, sums, sizes, ws.bufs[0], moved);
    }
    if (updateCentres(C, sums, sizes, k, d, next, null) <= tolAbs) break;
  }
  const inertia = assignAll(w, NO_LABELS, true);
  return { inertia, iterations, relocated };
}

/**
 * The cluster of every row for the centres C into `labels` and the rows per cluster into
 * `ws.sizes`; returns the inertia summed row by row, in row order.
 *
 * @example const inertia = filterLabels(tree, k, C, labels, ws);
 */
export function filterLabels(t: KdTree, k: number, C: Float64Array, labels: Int32Array, ws: KMeansWorkspace): number {
  const { X, n, d } = t;
  assignAll(walk(t, k, C, ws), labels, false);
  let inertia = 0;
  for (let i = 0, a = 0; i < n; i++, a += d) {
    const o = labels[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const u = X[a + j] - C[o + j];
      s += u * u;
    }
    inertia += s;
  }
  return inertia;
}
