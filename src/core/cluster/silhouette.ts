/**
 * Silhouette coefficient of a clustering (Rousseeuw 1987), exact or on a seeded sample.
 */
import { mulberry32, shuffle } from '../stats/rng';
import { assertFinite, type Matrix } from './matrix';

export interface SilhouetteOptions {
  /**
   * Score at most this many rows, drawn without replacement with the seeded generator (all rows
   * when n ≤ sampleSize). Default 5000. The cost is O(s² d) for s scored rows.
   */
  sampleSize?: number;
  /** Seed of the sample (mulberry32). Default 42. */
  seed?: number;
}

/**
 * The rows a silhouette score uses: all rows when n ≤ sampleSize, else a seeded sample (sorted).
 *
 * @example silhouetteSample(23570, { sampleSize: 5000, seed: 42 }).length; // 5000
 */
export function silhouetteSample(n: number, opts: SilhouetteOptions = {}): Int32Array {
  const size = opts.sampleSize ?? 5000;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (n <= size) return all;
  return shuffle(all, mulberry32(opts.seed ?? 42)).slice(0, size).sort();
}

/**
 * Mean silhouette s = mean over rows of (b − a) / max(a, b), where a is the row's mean Euclidean
 * distance to the other rows of its cluster and b the smallest mean distance to another cluster's
 * rows; a row alone in its cluster scores 0 (as scikit-learn's `silhouette_score`). When n exceeds
 * `sampleSize` (default 5000) the score is computed on a seeded sample of rows (distances among the
 * sampled rows only, like sklearn's `sample_size`). Needs 2 ≤ clusters ≤ scored rows − 1.
 *
 * @example
 *   silhouette(m, kmeans(m, { k: 4 }).labels);                  // exact for ≤ 5,000 rows
 *   silhouette(m, labels, { sampleSize: 2000, seed: 7 });       // seeded sample
 */
export function silhouette(m: Matrix, labels: Int32Array, opts: SilhouetteOptions = {}): number {
  const { X, n, d } = m;
  if (labels.length !== n) throw new Error(`silhouette: ${labels.length} labels for ${n} rows`);
  assertFinite(m, 'silhouette');
  const rows = silhouetteSample(n, opts);
  const s = rows.length;
  let k = 0;
  for (let t = 0; t < s; t++) k = Math.max(k, labels[rows[t]] + 1);
  const lab = new Int32Array(s);
  const size = new Int32Array(k);
  for (let t = 0; t < s; t++) {
    lab[t] = labels[rows[t]];
    size[lab[t]]++;
  }
  let used = 0;
  for (let c = 0; c < k; c++) if (size[c] > 0) used++;
  if (used < 2 || used > s - 1) throw new Error(`silhouette: needs 2 to ${s - 1} clusters among the scored rows, got ${used}`);
  // Packed copy of the scored rows, so the O(s²) loop reads contiguous memory.
  const P = new Float64Array(s * d);
  for (let t = 0; t < s; t++) P.set(X.subarray(rows[t] * d, rows[t] * d + d), t * d);
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < s; i++) {
    sums.fill(0);
    const a0 = i * d;
    for (let j = 0; j < s; j++) {
      let q = 0;
      const b0 = j * d;
      for (let u = 0; u < d; u++) {
        const v = P[a0 + u] - P[b0 + u];
        q += v * v;
      }
      sums[lab[j]] += Math.sqrt(q);
    }
    const own = lab[i];
    if (size[own] <= 1) continue; // s(i) = 0
    const a = sums[own] / (size[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && size[c] > 0 && sums[c] / size[c] < b) b = sums[c] / size[c];
    const mx = a > b ? a : b;
    total += mx > 0 ? (b - a) / mx : 0;
  }
  return total / s;
}
