/**
 * The update step of k-means, shared by the kd-tree filtering and Hamerly iterations: empty
 * clusters take the farthest row, then every centre moves to the mean of its rows.
 */

/** What a run of iterations from given initial centres ends with (labels and sizes stay in the workspace). */
export interface IterationsResult {
  /** Σ squared distance of each row to its centre, for the final centres. */
  inertia: number;
  /** Iterations run (assign + update), at most maxIter. */
  iterations: number;
  /** Empty clusters relocated. */
  relocated: number;
}

/**
 * Move each empty cluster to the row farthest from its current centre (the first such row), as
 * scikit-learn does, fixing up the column sums and sizes. `dist` is scratch of n values. The
 * relocated rows go to `moved`; returns how many there are (0 when no cluster is empty).
 *
 * @example relocateEmpty(X, n, d, k, C, labels, sums, sizes, scratch, moved); // 0 on well-behaved data
 */
export function relocateEmpty(
  X: Float64Array, n: number, d: number, k: number, C: Float64Array,
  labels: Int32Array, sums: Float64Array, sizes: Int32Array, dist: Float64Array, moved: Int32Array,
): number {
  let anyEmpty = false;
  for (let c = 0; c < k; c++) if (sizes[c] === 0) anyEmpty = true;
  if (!anyEmpty) return 0;
  // exact squared distance of every row to the centre it was assigned to
  for (let i = 0, a = 0; i < n; i++, a += d) {
    let s = 0;
    const b = labels[i] * d;
    for (let j = 0; j < d; j++) {
      const u = X[a + j] - C[b + j];
      s += u * u;
    }
    dist[i] = s;
  }
  let count = 0;
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
    moved[count++] = far;
  }
  return count;
}

/**
 * Move every non-empty centre to the mean of its rows (sums / sizes), in place. `next` is k × d
 * scratch; when `moves` is given it gets each centre's Euclidean displacement. Returns the squared
 * shift summed over all centres and columns (in centre-then-column order), the quantity the
 * stopping rule compares with the tolerance.
 *
 * @example if (updateCentres(C, sums, sizes, k, d, next, null) <= tolAbs) break;
 */
export function updateCentres(
  C: Float64Array, sums: Float64Array, sizes: Int32Array, k: number, d: number, next: Float64Array, moves: Float64Array | null,
): number {
  let shift = 0;
  for (let c = 0; c < k; c++) {
    const b = c * d;
    let own = 0;
    for (let j = 0; j < d; j++) {
      const v = sizes[c] > 0 ? sums[b + j] / sizes[c] : C[b + j];
      const u = v - C[b + j];
      shift += u * u;
      own += u * u;
      next[b + j] = v;
    }
    if (moves) moves[c] = Math.sqrt(own);
  }
  C.set(next);
  return shift;
}
