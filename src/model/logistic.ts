/**
 * The purchase-probability model: logistic regression trained by plain mini-batch SGD in tfjs.
 *
 * Runs in the training worker (webgl / wasm / cpu) and in Node tests (cpu / wasm); never tfjs-node.
 * Scoring (`predictProba`) and the coefficient table (`coefficients`) are plain JavaScript in their own
 * files and re-exported here; main-thread code must import them from `./predict` / `./coefficients`,
 * because this file imports tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { fit, parseOptions, TRAIN_DEFAULTS } from './fit';
import type { LogisticModel, TrainData, TrainOptions } from './types';

export type { LogisticModel, Progress, TrainData, TrainOptions } from './types';
export { predictProba } from './predict';
export { coefficients } from './coefficients';
export { TRAIN_DEFAULTS };

/**
 * Trains σ(b + w·z) on standardised features z = (x − mean) / std (fitted on the rows trained on, std 0 → 1) by
 * mini-batch SGD on the mean binary cross-entropy. One iteration = one mini-batch gradient step; the batches
 * walk a seeded permutation of the rows, reshuffled each epoch, so the same inputs and seed give the same
 * weights. Weights start at 0. Each batch's rows are uploaded as the batch (no gather on the device).
 *
 * Defaults: learningRate 0.01, iterations 1000, batchSize 256 (≥ n: full batch), l2 0, seed 42, progressEvery 10,
 * classWeight none, earlyStopping false (validationFraction 0.1, patience 5). Uses whatever tfjs backend is active
 * (`chooseBackend` picks one in the worker). A constant feature is reported in `model.warnings`; a single-class
 * label is a DataError.
 *
 * @example
 *   const model = await trainLogistic({ X, y, n: 4000, d: 7 }, { onProgress: (p) => console.log(p.iteration, p.loss) });
 *   predictProba(model, X, 4000, 7); // Float32Array of purchase probabilities
 *   await trainLogistic(data, { classWeight: 'balanced', earlyStopping: true, l2: 1e-4 });
 */
export async function trainLogistic(data: TrainData, opts: TrainOptions = {}): Promise<LogisticModel> {
  const o = parseOptions('trainLogistic', opts);
  const { values, ...common } = await fit('trainLogistic', data, o, (d) => {
    const w = tf.tidy(() => tf.variable(tf.zeros([d, 1]), true));
    const b = tf.tidy(() => tf.variable(tf.zeros([1]), true));
    const logits = (x: tf.Tensor2D) => tf.add(tf.matMul(x, w), b) as tf.Tensor2D;
    return {
      variables: [w, b],
      penalised: [w],
      logits,
      // The closed-form gradient of the (weighted) mean cross-entropy, the same loss autodiff would differentiate:
      //   r = c ⊙ (σ(z) − y),  ∇w = Xᵀ r / |B| + λ w,  ∇b = Σ r / |B|;  loss = mean c ⊙ (max(z, 0) − z y + log(1 + e^−|z|)) + λ/2 ‖w‖²
      // and the step with lr / |B| folded into r (s = r · lr / |B|), the fewest kernels per step:
      //   w ← w − (Xᵀ s + lr λ w),  b ← b − Σ s   (not w (1 − lr λ): float32(1 − lr λ) would bias every step the same way)
      step: (x, y, c, lr, l2, report) => {
        const z = logits(x);
        let r: tf.Tensor2D = tf.sub(tf.sigmoid(z), y);
        if (c) r = tf.mul(r, c);
        const s = tf.mul(r, lr / x.shape[0]);
        let loss: tf.Scalar | null = null;
        if (report) {
          let l: tf.Tensor = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
          if (c) l = tf.mul(l, c);
          loss = tf.mean(l) as tf.Scalar;
          if (l2 > 0) loss = tf.add(loss, tf.mul(tf.sum(tf.square(w)), l2 / 2)) as tf.Scalar;
          loss = tf.keep(loss);
        }
        const dw = tf.matMul(x, s, true, false);
        w.assign(tf.sub(w, l2 > 0 ? tf.add(dw, tf.mul(w, lr * l2)) : dw) as tf.Tensor2D);
        b.assign(tf.sub(b, tf.sum(s)) as tf.Tensor1D);
        return loss;
      },
    };
  });
  return { kind: 'logistic', weights: Array.from(values[0]), bias: values[1][0], ...common };
}
