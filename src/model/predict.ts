/**
 * Scores rows with a trained purchase model (logistic or MLP) in plain JavaScript (no tfjs), so the main
 * thread and the headless runner can score without loading tfjs. Import it from here, not from
 * `logistic.ts` / `mlp.ts`, in main-thread code: those import tfjs.
 */
import type { LogisticModel, MlpModel, PurchaseModel } from './types';

function checkShape(who: string, features: number, X: Float32Array, n: number, d: number, mean: number[], std: number[]): void {
  if (features !== d || mean.length !== d || std.length !== d) throw new RangeError(`${who}: the model has ${features} features, the data ${d}`);
  if (!Number.isInteger(n) || n < 0 || X.length !== n * d) {
    throw new RangeError(`${who}: X has ${X.length} values, expected n × d = ${n} × ${d} = ${n * d}`);
  }
}

function predictLogistic(model: LogisticModel, X: Float32Array, n: number, d: number): Float32Array {
  const { weights, bias, mean, std } = model;
  checkShape('predictProba', weights.length, X, n, d, mean, std);
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

const ACTIVATIONS = {
  relu: (v: number) => (v > 0 ? v : 0),
  tanh: Math.tanh,
  sigmoid: (v: number) => 1 / (1 + Math.exp(-v)),
};

function predictMlp(model: MlpModel, X: Float32Array, n: number, d: number): Float32Array {
  const { layers, mean, std } = model;
  checkShape('predictProba', layers[0]?.inputs ?? 0, X, n, d, mean, std);
  const act = ACTIVATIONS[model.activation];
  if (!act) throw new RangeError(`predictProba: unknown activation ${model.activation}`);
  const width = Math.max(...layers.map((l) => Math.max(l.inputs, l.outputs)));
  let a = new Float64Array(width);
  let b = new Float64Array(width);
  const W = layers.map((l) => Float64Array.from(l.weights));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) a[j] = (X[i * d + j] - mean[j]) / std[j];
    for (let k = 0; k < layers.length; k++) {
      const { inputs, outputs, bias } = layers[k];
      const w = W[k];
      const last = k === layers.length - 1;
      // b_o = act(Σ_j a_j W[j, o] + bias_o)   (no activation on the final logit)
      for (let o = 0; o < outputs; o++) {
        let z = bias[o];
        for (let j = 0; j < inputs; j++) z += a[j] * w[j * outputs + o];
        b[o] = last ? z : act(z);
      }
      const t = a;
      a = b;
      b = t;
    }
    out[i] = 1 / (1 + Math.exp(-a[0]));
  }
  return out;
}

/**
 * Purchase probability per row. Logistic: σ(b + Σ_j w_j (x_j − mean_j) / std_j). MLP: the same
 * standardisation, then each dense layer (activation on hidden layers, none on the logit), then σ. Dropout is
 * a training-only device (inverted dropout), so scoring uses the weights as they are.
 *
 * @example
 *   const model = { kind: 'logistic', weights: [2], bias: -1, mean: [10], std: [5], … } as LogisticModel;
 *   predictProba(model, Float32Array.of(10, 15), 2, 1);
 *   // Float32Array [σ(-1), σ(1)] ≈ [0.2689, 0.7311]
 */
export function predictProba(model: PurchaseModel, X: Float32Array, n: number, d: number): Float32Array {
  if (model.kind === 'mlp') return predictMlp(model, X, n, d);
  if (model.kind === 'logistic') return predictLogistic(model, X, n, d);
  throw new RangeError(`predictProba: unknown model kind ${(model as { kind?: string }).kind}`);
}
