/**
 * The MLP purchase model: dense hidden layers (relu / tanh / sigmoid, optional dropout) and one logit,
 * trained in tfjs by the same SGD loop as the logistic regression (`fit.ts`). Scoring is plain JavaScript
 * (`predict.ts`), so the main thread and the headless runner score without tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { fit, parseOptions } from './fit';
import { mulberry32 } from './mulberry32';
import type { MlpModel, TrainData, TrainOptions } from './types';

/**
 * Glorot-uniform initial weights, seeded: U(−a, a) with a = √(6 / (fan_in + fan_out)).
 *
 * @example glorot(3, 2, mulberry32(1)); // Float32Array(6), the same for the same seed
 */
export function glorot(fanIn: number, fanOut: number, rand: () => number): Float32Array {
  const a = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: fanIn * fanOut }, () => (rand() * 2 - 1) * a);
}

/**
 * Trains an MLP z → h₁ → … → logit on standardised features: h_k = act(h_{k−1} W_k + b_k), dropout (rate
 * `dropout`, seeded per step) after each hidden layer while training, P(buy) = σ(h_L w + b). Weights start
 * Glorot-uniform from `seed`, biases at 0; L2 applies to the weight matrices. Every other option and
 * default is `trainLogistic`'s (learningRate 0.01, iterations 1000, batchSize 256, seed 42 …);
 * MLP defaults: hidden [16], activation 'relu', dropout 0.
 *
 * @example
 *   const mlp = await trainMlp(data, { hidden: [32, 16], activation: 'tanh', dropout: 0.1, learningRate: 0.05 });
 *   predictProba(mlp, X, n, d); // plain-JS forward pass
 */
export async function trainMlp(data: TrainData, opts: TrainOptions = {}): Promise<MlpModel> {
  const o = parseOptions('trainMlp', { ...opts, model: 'mlp' });
  const sizes = [data.d, ...o.hidden, 1];
  const act = { relu: tf.relu, tanh: tf.tanh, sigmoid: tf.sigmoid }[o.activation];
  const { values, ...common } = await fit('trainMlp', data, o, () => {
    const rand = mulberry32(o.seed ^ 0x5eed);
    const Ws: tf.Variable[] = [];
    const bs: tf.Variable[] = [];
    for (let k = 0; k + 1 < sizes.length; k++) {
      const init = glorot(sizes[k], sizes[k + 1], rand);
      Ws.push(tf.tidy(() => tf.variable(tf.tensor2d(init, [sizes[k], sizes[k + 1]]), true)));
      bs.push(tf.tidy(() => tf.variable(tf.zeros([sizes[k + 1]]), true)));
    }
    return {
      variables: Ws.flatMap((W, k) => [W, bs[k]]),
      penalised: Ws,
      logits: (x, step) => {
        let h: tf.Tensor2D = x;
        for (let k = 0; k < Ws.length; k++) {
          h = tf.add(tf.matMul(h, Ws[k]), bs[k]) as tf.Tensor2D;
          if (k < Ws.length - 1) {
            h = act(h) as tf.Tensor2D;
            if (step > 0 && o.dropout > 0) h = tf.dropout(h, o.dropout, undefined, o.seed * 100003 + step) as tf.Tensor2D;
          }
        }
        return h;
      },
    };
  });
  const layers = sizes.slice(0, -1).map((inputs, k) => ({
    inputs,
    outputs: sizes[k + 1],
    weights: Array.from(values[2 * k]),
    bias: Array.from(values[2 * k + 1]),
  }));
  return { kind: 'mlp', layers, activation: o.activation, dropout: o.dropout, ...common };
}
