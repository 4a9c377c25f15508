/**
 * Scores rows with a trained logistic model in plain JavaScript (no tfjs), so the main thread and the
 * headless runner can score without loading tfjs. Import it from here, not from `logistic.ts`, in main-thread
 * code: `logistic.ts` imports tfjs.
 */
import type { LogisticModel } from './types';

/**
 * Purchase probability per row: σ(b + Σ_j w_j (x_j − mean_j) / std_j).
 *
 * @example
 *   const model = { kind: 'logistic', weights: [2], bias: -1, mean: [10], std: [5], … } as LogisticModel;
 *   predictProba(model, Float32Array.of(10, 15), 2, 1);
 *   // Float32Array [σ(-1), σ(1)] ≈ [0.2689, 0.7311]
 */
export function predictProba(model: LogisticModel, X: Float32Array, n: number, d: number): Float32Array {
  const { weights, bias, mean, std } = model;
  if (weights.length !== d || mean.length !== d || std.length !== d) {
    throw new RangeError(`predictProba: the model has ${weights.length} features, the data ${d}`);
  }
  if (!Number.isInteger(n) || n < 0 || X.length !== n * d) {
    throw new RangeError(`predictProba: X has ${X.length} values, expected n × d = ${n} × ${d} = ${n * d}`);
  }
  // Fold the standardisation into the weights: z = b' + Σ w'_j x_j, w'_j = w_j / std_j, b' = b − Σ w'_j mean_j.
  const w = new Float64Array(d);
  let b = bias;
  for (let j = 0; j < d; j++) {
    w[j] = weights[j] / std[j];
    b -= w[j] * mean[j];
  }
  const out = new Float32Array(n);
  for (let i = 0, k = 0; i < n; i++) {
    let z = b;
    for (let j = 0; j < d; j++, k++) z += w[j] * X[k];
    out[i] = 1 / (1 + Math.exp(-z));
  }
  return out;
}
