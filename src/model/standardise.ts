/**
 * Column means and population standard deviations of a row-major n × d matrix, and the standardised copy.
 * A zero (or non-finite) standard deviation is replaced by 1, so a constant column standardises to 0;
 * `constant` lists those columns.
 *
 * @example
 *   standardise(Float32Array.of(1, 5, 3, 5), 2, 2);
 *   // { mean: [2, 5], std: [1, 1], Z: Float32Array [-1, 0, 1, 0], constant: [1] }  (column 1 is constant)
 */
export function standardise(
  X: Float32Array,
  n: number,
  d: number,
): { mean: number[]; std: number[]; Z: Float32Array; constant: number[] } {
  const sum = new Float64Array(d);
  for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < d; j++, k++) sum[j] += X[k];
  const mean = Array.from(sum, (s) => s / n);
  // Second pass about the mean (numerically safer than Σx² − n·mean²).
  const ss = new Float64Array(d);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < d; j++, k++) {
      const c = X[k] - mean[j];
      ss[j] += c * c;
    }
  }
  const constant: number[] = [];
  const std = Array.from(ss, (s, j) => {
    const sd = Math.sqrt(s / n);
    if (sd > 0 && Number.isFinite(sd)) return sd;
    constant.push(j);
    return 1;
  });
  const Z = new Float32Array(n * d);
  for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < d; j++, k++) Z[k] = (X[k] - mean[j]) / std[j];
  return { mean, std, Z, constant };
}
