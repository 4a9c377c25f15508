/**
 * Principal component analysis of a small number of columns (eigen-decomposition of the covariance
 * matrix by cyclic Jacobi rotations) — enough for a 2-D view of customer features.
 */
import { assertFinite, type Matrix } from './matrix';

export interface PcaResult {
  /** Row-major n × components projections (the "scores"). */
  scores: Float64Array;
  components: number;
  /** Row-major components × d loadings (unit eigenvectors of the covariance). */
  loadings: Float64Array;
  /** Variance along each component (eigenvalues of the covariance, n − 1 denominator). */
  variance: Float64Array;
  /** Share of the total variance each component explains (sklearn `explained_variance_ratio_`). */
  varianceRatio: Float64Array;
  /** Column means that were subtracted. */
  mean: Float64Array;
}

/** Eigenvalues (descending) and eigenvectors (rows) of a symmetric d × d matrix by cyclic Jacobi. */
export function symmetricEigen(A0: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(A0);
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += A[p * d + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * d + q] - A[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < d; r++) {
          const arp = A[r * d + p];
          const arq = A[r * d + q];
          A[r * d + p] = c * arp - s * arq;
          A[r * d + q] = s * arp + c * arq;
        }
        for (let r = 0; r < d; r++) {
          const apr = A[p * d + r];
          const aqr = A[q * d + r];
          A[p * d + r] = c * apr - s * aqr;
          A[q * d + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < d; r++) {
          const vrp = V[r * d + p];
          const vrq = V[r * d + q];
          V[r * d + p] = c * vrp - s * vrq;
          V[r * d + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => A[b * d + b] - A[a * d + a]);
  const values = Float64Array.from(order, (i) => A[i * d + i]);
  const vectors = new Float64Array(d * d);
  order.forEach((col, r) => {
    // sign convention: the entry of largest magnitude is positive (deterministic output)
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(V[j * d + col]) > Math.abs(V[big * d + col])) big = j;
    const sign = V[big * d + col] < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) vectors[r * d + j] = sign * V[j * d + col];
  });
  return { values, vectors };
}

/**
 * Project the rows onto their first `components` principal axes (default 2): centre each column,
 * take the eigenvectors of the covariance matrix (n − 1 denominator) with the largest eigenvalues,
 * and return the projections with each axis' share of the variance. Axis signs are fixed so the
 * largest loading of each axis is positive (numbers match sklearn's `PCA` up to the sign of an axis).
 *
 * @example
 *   const { scores, varianceRatio } = pca(matrixOf(scaled, ['recency', 'frequency', 'monetary']));
 *   // scores[2 * i], scores[2 * i + 1]: customer i on PC1, PC2
 */
export function pca(m: Matrix, opts: { components?: number } = {}): PcaResult {
  const { X, n, d } = m;
  const components = Math.min(opts.components ?? 2, d);
  if (n < 2) throw new Error(`pca: needs at least 2 rows, got ${n}`);
  assertFinite(m, 'pca');
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = X[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[a * d + b] += row[a] * row[b];
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= n - 1;
      cov[b * d + a] = cov[a * d + b];
    }
  }
  const { values, vectors } = symmetricEigen(cov, d);
  let total = 0;
  for (let j = 0; j < d; j++) total += Math.max(0, values[j]);
  const scores = new Float64Array(n * components);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < components; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (X[i * d + j] - mean[j]) * vectors[c * d + j];
      scores[i * components + c] = s;
    }
  }
  const variance = values.slice(0, components);
  return {
    scores,
    components,
    loadings: vectors.slice(0, components * d),
    variance,
    varianceRatio: Float64Array.from(variance, (v) => (total > 0 ? Math.max(0, v) / total : 0)),
    mean,
  };
}
