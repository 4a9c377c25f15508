/**
 * The seeded logistic-regression workload: n rows × d features on different scales (like a customer
 * profile: days, counts, money), with labels drawn from a known logistic model.
 */
import { mulberry32 } from '../src/model/mulberry32';
import type { TrainData } from '../src/model/types';

/**
 * A reproducible classification problem; feature j has scale 10^(j mod 3) and ~40–60 % positives.
 *
 * @example
 *   const data = logisticData(4000, 7); // { X: Float32Array(28000), y: Uint8Array(4000), n: 4000, d: 7 }
 */
export function logisticData(n: number, d: number, seed = 7): TrainData {
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const X = new Float32Array(n * d);
  const y = new Uint8Array(n);
  const w = Array.from({ length: d }, (_, j) => (j % 2 ? 0.8 : -0.6) / (j + 1));
  for (let i = 0; i < n; i++) {
    let z = 0.1;
    for (let j = 0; j < d; j++) {
      const v = normal();
      X[i * d + j] = v * 10 ** (j % 3) + 5 * j;
      z += w[j] * v;
    }
    y[i] = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { X, y, n, d };
}

/**
 * Rows that `iterations` mini-batch steps of `trainLogistic` visit: its batches walk a permutation
 * of the n rows, the last batch of each pass being the remainder (n mod batch).
 *
 * @example
 *   samplesVisited(4000, 256, 1000); // 250048 (16 steps per pass: 15 × 256 + 160)
 */
export function samplesVisited(n: number, batchSize: number, iterations: number): number {
  if (batchSize >= n) return n * iterations;
  let pos = n;
  let total = 0;
  for (let it = 0; it < iterations; it++) {
    if (pos >= n) pos = 0;
    const size = Math.min(batchSize, n - pos);
    pos += size;
    total += size;
  }
  return total;
}
