/**
 * A kd-tree over the rows of a matrix for k-means filtering: each node holds a range of rows (in
 * tree order), their tight bounding box, column sums and scatter, so a whole node can be given to
 * one centre at once. Built once per `kmeans` call and shared by every restart and iteration.
 *
 * The build sorts the rows along a 24-bit Morton (Z-order) curve with a two-pass radix sort and
 * splits each node where the next bit of the Morton code changes: the cells halve along the
 * columns in turn (a kd split at the cell's middle) and empty halves are skipped, so nothing is
 * compared or swapped row by row per level. Rows that share a whole code (squeezed into one cell
 * by a far outlier) are split at medians instead. The rows are then copied in tree order, so that
 * a node's rows lie side by side in memory.
 */

/** The tree: nodes in creation order, node 0 the root. */
export interface KdTree {
  /** Rows and columns. */
  n: number;
  d: number;
  /** Nodes in the tree. */
  nodes: number;
  /** Tree order → row number. */
  perm: Int32Array;
  /** The matrix the tree is over (row-major, d columns; not copied). */
  X: Float64Array;
  /** Its rows in tree order: `Y[p * d + j] = X[perm[p] * d + j]`. */
  Y: Float64Array;
  /** First and one-past-last tree position of each node's rows. */
  start: Int32Array;
  end: Int32Array;
  /** Children of each node (−1 for a leaf). */
  left: Int32Array;
  right: Int32Array;
  /** Tight bounding box of each node's rows (nodes × d). */
  lo: Float64Array;
  hi: Float64Array;
  /** Column sums of each node's rows (nodes × d). */
  sum: Float64Array;
  /** Scatter of each node's rows about their mean, Σ ‖y − mean‖². */
  scatter: Float64Array;
  /** Depth of the deepest node (the root has depth 0). */
  depth: number;
}

/** Growable node storage. */
class Nodes {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  left: Int32Array;
  right: Int32Array;
  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
  }
  /** A new node over rows from..to−1 (children −1), growing the storage when full. */
  add(from: number, to: number): number {
    if (this.count === this.start.length) {
      const more = (a: Int32Array) => {
        const b = new Int32Array(2 * a.length);
        b.set(a);
        return b;
      };
      this.start = more(this.start);
      this.end = more(this.end);
      this.left = more(this.left);
      this.right = more(this.right);
    }
    const node = this.count++;
    this.start[node] = from;
    this.end[node] = to;
    this.left[node] = -1;
    this.right[node] = -1;
    return node;
  }
}

/** Column j's c bits of the Morton codes: its value scaled to [0, 2^c), spread d apart, shifted into place. */
function mortonColumn(X: Float64Array, n: number, d: number, j: number, c: number, spread: Int32Array | null, codes: Int32Array): void {
  const top = 2 ** c - 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let a = j; a < n * d; a += d) {
    const v = X[a];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scale = hi > lo && Number.isFinite(hi - lo) ? top / (hi - lo) : 0;
  const shift = d - 1 - j;
  for (let i = 0, a = j; i < n; i++, a += d) {
    const q = scale > 0 ? Math.min(top, Math.floor((X[a] - lo) * scale)) : 0;
    codes[i] |= (spread ? spread[q] : q) << shift;
  }
}

/**
 * 24-bit Morton codes of the rows: each column scaled to c = ⌊24 / d⌋ bits over its range, the
 * bits interleaved (column 0 highest). Returns c·d, the bits used.
 */
function morton(X: Float64Array, n: number, d: number, codes: Int32Array): number {
  const c = Math.floor(24 / d);
  // spread[v]: the c bits of v, d apart (one column needs no spreading)
  let spread: Int32Array | null = null;
  if (d > 1) {
    spread = new Int32Array(1 << c);
    for (let v = 0; v < 1 << c; v++) {
      let s = 0;
      for (let i = 0; i < c; i++) if (v & (1 << i)) s |= 1 << (i * d);
      spread[v] = s;
    }
  }
  codes.fill(0, 0, n);
  for (let j = 0; j < d && c > 0; j++) mortonColumn(X, n, d, j, c, spread, codes);
  return c * d;
}

/**
 * One stable counting-sort pass on the 12-bit digit of the codes at `shift`, moving codes and perm
 * into the t-arrays. Returns false, moving nothing, when every row has the same digit.
 */
function radixPass(
  n: number, shift: number, count: Int32Array, codes: Int32Array, perm: Int32Array, tCodes: Int32Array, tPerm: Int32Array,
): boolean {
  count.fill(0);
  for (let i = 0; i < n; i++) count[(codes[i] >>> shift) & 4095]++;
  if (n === 0 || count[(codes[0] >>> shift) & 4095] === n) return false;
  for (let v = 0, s = 0; v < 4096; v++) {
    const t = count[v];
    count[v] = s;
    s += t;
  }
  for (let i = 0; i < n; i++) {
    const p = count[(codes[i] >>> shift) & 4095]++;
    tCodes[p] = codes[i];
    tPerm[p] = perm[i];
  }
  return true;
}

/** Stable sort of perm (and the codes with it) by code: two passes of 12-bit counting sort. */
function radixSort(n: number, codes: Int32Array, perm: Int32Array, tCodes: Int32Array, tPerm: Int32Array): void {
  const count = new Int32Array(4096);
  let a = [codes, perm];
  let b = [tCodes, tPerm];
  for (const shift of [0, 12]) {
    if (!radixPass(n, shift, count, a[0], a[1], b[0], b[1])) continue;
    const t = a;
    a = b;
    b = t;
  }
  if (a[1] !== perm) {
    codes.set(a[0].subarray(0, n));
    perm.set(a[1].subarray(0, n));
  }
}

/** Per-node boxes, column sums and scatters. */
interface Totals {
  lo: Float64Array;
  hi: Float64Array;
  sum: Float64Array;
  scatter: Float64Array;
}

/** A leaf's box, sums and scatter from its rows from..to−1 of Y (tree order). */
function leafTotals(Y: Float64Array, d: number, from: number, to: number, node: number, T: Totals): void {
  const o = node * d;
  for (let j = 0; j < d; j++) {
    let mn = Y[from * d + j];
    let mx = mn;
    let s = 0;
    for (let a = from * d + j; a < to * d; a += d) {
      const v = Y[a];
      if (v < mn) mn = v;
      if (v > mx) mx = v;
      s += v;
    }
    T.lo[o + j] = mn;
    T.hi[o + j] = mx;
    T.sum[o + j] = s;
  }
  let sc = 0;
  for (let a = from * d; a < to * d; a += d) {
    for (let j = 0; j < d; j++) {
      const u = Y[a + j] - T.sum[o + j] / (to - from);
      sc += u * u;
    }
  }
  T.scatter[node] = sc;
}

/**
 * An inner node's box, sums and scatter from its children l and r (of nl and nr rows): the scatter
 * by parallel axes, each child's scatter plus its size × its mean's squared distance to the mean.
 */
function innerTotals(d: number, node: number, l: number, r: number, nl: number, nr: number, T: Totals): void {
  const o = node * d;
  let sc = T.scatter[l] + T.scatter[r];
  for (let j = 0; j < d; j++) {
    T.lo[o + j] = Math.min(T.lo[l * d + j], T.lo[r * d + j]);
    T.hi[o + j] = Math.max(T.hi[l * d + j], T.hi[r * d + j]);
    const s = T.sum[l * d + j] + T.sum[r * d + j];
    T.sum[o + j] = s;
    const ul = T.sum[l * d + j] / nl - s / (nl + nr);
    const ur = T.sum[r * d + j] / nr - s / (nl + nr);
    sc += nl * ul * ul + nr * ur * ur;
  }
  T.scatter[node] = sc;
}

/** What `grow` reads and builds. */
interface Growth {
  X: Float64Array;
  d: number;
  perm: Int32Array;
  /** Morton codes in tree order. */
  codes: Int32Array;
  leaf: number;
  t: Nodes;
  deepest: number;
}

/**
 * A node over rows from..to−1 and, if it has more than `leaf` rows, its subtree. The rows share
 * their codes above bit b: the node splits where the first lower bit that varies turns from 0 to
 * 1 (a kd split at the middle of the node's cell); rows that share a whole code (crowded into one
 * cell by a far outlier, say) are split at the median of their widest column instead, and rows
 * that are all equal make a leaf. Returns the node.
 */
function grow(g: Growth, from: number, to: number, b: number, depth: number): number {
  const { codes, t } = g;
  const node = t.add(from, to);
  if (depth > g.deepest) g.deepest = depth;
  if (to - from <= g.leaf) return node;
  let cut = -1;
  for (; b >= 0 && cut < 0; b--) {
    if (((codes[from] >>> b) & 1) === ((codes[to - 1] >>> b) & 1)) continue;
    let l = from;
    let r = to - 1;
    while (r - l > 1) {
      const m = (l + r) >> 1;
      if ((codes[m] >>> b) & 1) r = m;
      else l = m;
    }
    cut = r;
  }
  if (cut < 0) cut = medianSplit(g.X, g.d, g.perm, from, to);
  if (cut < 0) return node;
  const l = grow(g, from, cut, b, depth + 1);
  const r = grow(g, cut, to, b, depth + 1);
  t.left[node] = l;
  t.right[node] = r;
  return node;
}

/**
 * Reorder perm[from..to) around the median of the rows' widest column (quickselect): returns the
 * middle position, with no larger value before it and no smaller after; −1 when all the rows are
 * equal.
 */
function medianSplit(X: Float64Array, d: number, perm: Int32Array, from: number, to: number): number {
  let j = -1;
  let width = 0;
  for (let c = 0; c < d; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = from; p < to; p++) {
      const v = X[perm[p] * d + c];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi - lo > width) {
      width = hi - lo;
      j = c;
    }
  }
  if (j < 0) return -1;
  const mid = from + ((to - from) >> 1);
  let l = from;
  let r = to - 1;
  while (r > l) {
    const pivot = X[perm[(l + r) >> 1] * d + j];
    let i = l;
    let k = r;
    while (i <= k) {
      while (X[perm[i] * d + j] < pivot) i++;
      while (X[perm[k] * d + j] > pivot) k--;
      if (i <= k) {
        const tmp = perm[i];
        perm[i] = perm[k];
        perm[k] = tmp;
        i++;
        k--;
      }
    }
    if (mid <= k) r = k;
    else if (mid >= i) l = i;
    else break;
  }
  return mid;
}

/** `count` arrays of n integers: views on the scratch buffers (two per buffer of n doubles), else new. */
function intArrays(scratch: Float64Array[], n: number, count: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (const b of scratch) {
    for (let h = 0; h + 1 <= (2 * b.length) / n && out.length < count && n > 0; h++) {
      out.push(new Int32Array(b.buffer, b.byteOffset + h * n * 4, n));
    }
  }
  while (out.length < count) out.push(new Int32Array(n));
  return out;
}

/**
 * Build the tree over the n × d rows of X, with at most `leaf` rows per leaf (default 16) unless
 * they are all equal. `scratch` buffers of n doubles, when given, hold the sort's three
 * arrays of n integers (the k-means workspace lends its distance buffers, so that no fresh memory
 * has to be touched for them).
 *
 * @example const t = buildKdTree(m.X, m.n, m.d); t.start[0] === 0 && t.end[0] === m.n; // true
 */
export function buildKdTree(X: Float64Array, n: number, d: number, leaf = 16, scratch: Float64Array[] = []): KdTree {
  const [codes, tCodes, tPerm] = intArrays(scratch, n, 3);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const W = morton(X, n, d, codes);
  radixSort(n, codes, perm, tCodes, tPerm);
  const t = new Nodes(Math.max(16, Math.ceil((4 * n) / leaf)));
  const g: Growth = { X, d, perm, codes, leaf, t, deepest: 0 };
  if (n > 0) grow(g, 0, n, W - 1, 0);
  // the rows in tree order, so that a node's rows lie side by side
  const Y = new Float64Array(n * d);
  for (let p = 0, b = 0; p < n; p++) for (let j = 0, a = perm[p] * d; j < d; j++) Y[b++] = X[a + j];
  // boxes, sums and scatters, children before parents (children are created after their parent)
  const nodes = t.count;
  const T: Totals = {
    lo: new Float64Array(nodes * d), hi: new Float64Array(nodes * d), sum: new Float64Array(nodes * d), scatter: new Float64Array(nodes),
  };
  const { start, end, left, right } = t;
  for (let node = nodes - 1; node >= 0; node--) {
    const l = left[node];
    const r = right[node];
    if (l < 0) leafTotals(Y, d, start[node], end[node], node, T);
    else innerTotals(d, node, l, r, end[l] - start[l], end[r] - start[r], T);
  }
  return {
    n, d, nodes, perm, X, Y, start: t.start, end: t.end, left: t.left, right: t.right, lo: T.lo, hi: T.hi, sum: T.sum, scatter: T.scatter,
    depth: g.deepest,
  };
}
