/**
 * Lloyd iterations accelerated by Hamerly's bounds (Hamerly 2010, "Making k-means even faster"),
 * used by `kmeans` above four columns (where a kd-tree stops paying): the labels and centres of
 * measuring every row against every centre, with most distances skipped. Each row keeps an upper
 * bound on the distance to its own centre and a lower bound on the distance to every other
 * centre. When the centres move, the upper bound grows by its centre's movement and the lower
 * bound shrinks by the largest movement; a row whose upper bound is below max(lower bound, half
 * the distance from its centre to the nearest other centre) keeps its cluster and is not measured.
 *
 * Speed in JavaScript: the bounds are stored relative to the summed movements (`drift`), so a
 * skipped row costs three reads and no writes; the rows in doubt are first collected without
 * branching (`+(test)` adds 0 or 1 to the list length), because a mispredicted branch per row
 * costs more than the distances it saves; the column sums change only when a row changes cluster.
 *
 * Exactness: a row is skipped only when its centre wins by `slack`, far above the rounding error of
 * the bounds, and every distance is computed as a plain scan computes it (columns in order, the
 * first centre on ties), so labels, centres, inertia and iteration counts equal those of plain
 * Lloyd with the same sum updates, bit for bit (test/core/cluster/lloyd-reference.ts, `incremental`).
 */
import { relocateEmpty, updateCentres, type IterationsResult } from './centres';
import type { KMeansWorkspace } from './workspace';

/**
 * The margin by which a bound test must pass for a row to be skipped: 1e-9 × the diagonal of the
 * data's bounding box. Points and centres lie in that box, so the rounding error of a bound (a few
 * ulps of quantities no larger than the diagonal, per iteration) stays orders of magnitude below
 * it, and so does the rounding of the squared distances a plain scan compares.
 *
 * @example boundSlack(Float64Array.of(0, 0, 3, 4), 2, 2); // 5e-9
 */
export function boundSlack(X: Float64Array, n: number, d: number): number {
  let diag = 0;
  for (let j = 0; j < d && n > 0; j++) {
    let lo = X[j];
    let hi = X[j];
    for (let a = j + d; a < n * d; a += d) {
      const v = X[a];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    diag += (hi - lo) * (hi - lo);
  }
  return 1e-9 * Math.sqrt(diag);
}

/** Half the distance from each centre to its nearest other centre (+∞ when k = 1) into `half`. */
function halfGaps(C: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let c = 0; c < k; c++) {
    for (let e = c + 1; e < k; e++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const u = C[c * d + j] - C[e * d + j];
        s += u * u;
      }
      const h = 0.5 * Math.sqrt(s);
      if (h < half[c]) half[c] = h;
      if (h < half[e]) half[e] = h;
    }
  }
}

/** The per-restart state of the passes. */
interface State {
  X: Float64Array;
  n: number;
  d: number;
  k: number;
  C: Float64Array;
  slack: number;
  ws: KMeansWorkspace;
  /** Upper bound of each row minus its centre's drift when the bound was set. */
  upper: Float64Array;
  /** Lower bound of each row plus `maxDrift` when the bound was set. */
  lower: Float64Array;
  /** Largest movements summed over the iterations so far. */
  maxDrift: number;
  /** The rows a pass must measure. */
  rows: Int32Array;
  /** Out-values of `nearestTwo`: the nearest centre and the second-nearest D². */
  nearest: number;
  second: number;
}

/**
 * Measure the row at offset a against every centre: returns the nearest D² (the first centre on
 * ties); the nearest centre goes to `st.nearest` and the second-nearest D² to `st.second`.
 */
function nearestTwo(st: State, a: number): number {
  const { X, d, k, C } = st;
  let best = Infinity;
  let second = Infinity;
  let nl = 0;
  for (let c = 0, q = 0; c < k; c++, q += d) {
    let e = 0;
    for (let j = 0; j < d; j++) {
      const u = X[a + j] - C[q + j];
      e += u * u;
    }
    if (e < best) {
      second = best;
      best = e;
      nl = c;
    } else if (e < second) {
      second = e;
    }
  }
  st.nearest = nl;
  st.second = second;
  return best;
}

/**
 * Re-measure row i (offset a) against every centre: it joins the nearest, moving its values
 * between the column sums and sizes if that is a change, and its bounds are reset. Returns its D².
 */
function rescan(st: State, i: number, a: number): number {
  const { X, d, ws } = st;
  const { labels, sums, sizes, drift } = ws;
  const best = nearestTwo(st, a);
  const nl = st.nearest;
  st.upper[i] = Math.sqrt(best) - drift[nl];
  st.lower[i] = Math.sqrt(st.second) + st.maxDrift;
  const l = labels[i];
  if (nl !== l) {
    labels[i] = nl;
    sizes[l]--;
    sizes[nl]++;
    const o = l * d;
    const q = nl * d;
    for (let j = 0; j < d; j++) {
      sums[o + j] -= X[a + j];
      sums[q + j] += X[a + j];
    }
  }
  return best;
}

/** The first assignment: every row measured against every centre, sums and sizes built in row order. */
function firstPass(st: State): void {
  const { X, n, d, ws, upper, lower } = st;
  const { labels, sums, sizes } = ws;
  sums.fill(0);
  sizes.fill(0);
  for (let i = 0, a = 0; i < n; i++, a += d) {
    const best = nearestTwo(st, a);
    const l = st.nearest;
    labels[i] = l;
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(st.second);
    sizes[l]++;
    const o = l * d;
    for (let j = 0; j < d; j++) sums[o + j] += X[a + j];
  }
}

/**
 * Phase 1 of a pass: the rows whose bounds do not prove they keep their cluster, into `st.rows`
 * (in row order, without a branch per row). Returns how many.
 */
function doubtful(st: State): number {
  const { n, slack, upper, lower, maxDrift, ws, rows } = st;
  const { labels, drift, half } = ws;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    const u = upper[i] + drift[l] + slack;
    rows[count] = i;
    count += +(u >= lower[i] - maxDrift) & +(u >= half[l]);
  }
  return count;
}

/**
 * Phase 2: tighten the upper bound of the listed rows (all rows when `all`) to the exact distance
 * to their centre — D² into `dist` when given — and keep in `st.rows` those still in doubt.
 * Returns how many remain.
 */
function tighten(st: State, count: number, all: boolean, dist: Float64Array | null): number {
  const { X, d, C, slack, upper, lower, maxDrift, ws, rows } = st;
  const { labels, drift, half } = ws;
  let kept = 0;
  for (let r = 0; r < count; r++) {
    const i = all ? r : rows[r];
    const a = i * d;
    const l = labels[i];
    const o = l * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const u = X[a + j] - C[o + j];
      s += u * u;
    }
    if (dist) dist[i] = s;
    const e = Math.sqrt(s);
    upper[i] = e - drift[l];
    const u = e + slack;
    rows[kept] = i;
    kept += +(u >= lower[i] - maxDrift) & +(u >= half[l]);
  }
  return kept;
}

/**
 * An assignment after the centres moved: rows proven to keep their cluster are skipped, the rest
 * measured against their centre and, if still in doubt, against all. With `dist`, every row's D² to
 * its (final) centre goes there and their sum in row order, the inertia, is returned; else 0.
 */
function boundedPass(st: State, dist: Float64Array | null): number {
  const { n, d, rows } = st;
  const doubt = dist ? tighten(st, n, true, dist) : tighten(st, doubtful(st), false, null);
  for (let r = 0; r < doubt; r++) {
    const i = rows[r];
    const s = rescan(st, i, i * d);
    if (dist) dist[i] = s;
  }
  if (!dist) return 0;
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += dist[i];
  return inertia;
}

/**
 * Lloyd iterations from the centres C (updated in place) until the summed squared centre shift
 * is ≤ tolAbs or maxIter iterations have run, then a final assignment, so that `ws.labels`,
 * `ws.sizes` and the returned inertia agree with the returned centres. The column sums are built
 * in row order by the first assignment and afterwards updated, in row order, as rows change
 * cluster. An empty cluster takes the row farthest from its centre. `slack` comes from
 * `boundSlack` on the same matrix; the workspace's bufs[0..2] and rows are overwritten (run it
 * after seeding).
 *
 * @example
 *   const ws = kmeansWorkspace(n, d, k);
 *   const C = seedPlusPlus(X, n, d, k, mulberry32(42), ws);
 *   const { inertia } = hamerly(X, n, d, k, C, 300, tolAbs, boundSlack(X, n, d), ws);
 */
export function hamerly(
  X: Float64Array, n: number, d: number, k: number, C: Float64Array, maxIter: number, tolAbs: number, slack: number,
  ws: KMeansWorkspace,
): IterationsResult {
  const { labels, sums, sizes, next, moves, drift, half, moved } = ws;
  const scratch = ws.bufs[0];
  if (ws.rows.length < n) ws.rows = new Int32Array(n);
  const st: State = { X, n, d, k, C, slack, ws, upper: ws.bufs[1], lower: ws.bufs[2], maxDrift: 0, rows: ws.rows, nearest: 0, second: 0 };
  drift.fill(0);
  firstPass(st);
  halfGaps(C, k, d, half);
  let relocated = 0;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    if (it > 0) boundedPass(st, null);
    const count = relocateEmpty(X, n, d, k, C, labels, sums, sizes, scratch, moved);
    for (let r = 0; r < count; r++) {
      // a relocated row's bounds no longer hold: it is measured again next time
      st.upper[moved[r]] = Infinity;
      st.lower[moved[r]] = -Infinity;
    }
    relocated += count;
    const shift = updateCentres(C, sums, sizes, k, d, next, moves);
    let largest = 0;
    for (let c = 0; c < k; c++) {
      drift[c] += moves[c];
      if (moves[c] > largest) largest = moves[c];
    }
    st.maxDrift += largest;
    halfGaps(C, k, d, half);
    if (shift <= tolAbs) break;
  }
  const inertia = boundedPass(st, scratch);
  return { inertia, iterations, relocated };
}
