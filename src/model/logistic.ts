/**
 * The purchase-probability model: logistic regression trained by plain mini-batch SGD in tfjs.
 *
 * Runs in the training worker (webgl / wasm / cpu) and in Node tests (cpu / wasm); never tfjs-node.
 * Scoring (`predictProba`) and the coefficient table (`coefficients`) are plain JavaScript in their own
 * files and re-exported here; main-thread code must import them from `./predict` / `./coefficients`,
 * because this file imports tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { DataError } from '../core/errors';
import { mulberry32, shuffleInPlace } from './mulberry32';
import { standardise } from './standardise';
import type { LogisticModel, Progress, TrainData, TrainOptions } from './types';

export type { LogisticModel, Progress, TrainData, TrainOptions } from './types';
export { predictProba } from './predict';
export { coefficients } from './coefficients';

/** The defaults of `trainLogistic`. */
export const TRAIN_DEFAULTS = {
  learningRate: 0.01,
  iterations: 1000,
  batchSize: 256,
  l2: 0,
  seed: 42,
  progressEvery: 10,
} as const;

type Parsed = Required<Omit<TrainOptions, 'onProgress'>> & Pick<TrainOptions, 'onProgress'>;

function positiveInteger(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`trainLogistic: ${name} must be a positive integer, got ${v}`);
  return v;
}

function parseOptions(opts: TrainOptions): Parsed {
  const o = { ...TRAIN_DEFAULTS, ...stripUndefined(opts) } as Parsed;
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) {
    throw new RangeError(`trainLogistic: learningRate must be a positive number, got ${o.learningRate}`);
  }
  positiveInteger('iterations', o.iterations);
  positiveInteger('batchSize', o.batchSize);
  positiveInteger('progressEvery', o.progressEvery);
  if (!(o.l2 >= 0) || !Number.isFinite(o.l2)) throw new RangeError(`trainLogistic: l2 must be ≥ 0, got ${o.l2}`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`trainLogistic: seed must be a finite number, got ${o.seed}`);
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Checks shapes, finiteness and labels; throws DataError naming the row and feature. */
function validate(data: TrainData): void {
  const { X, y, n, d } = data;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(`trainLogistic: n and d must be positive integers, got n=${n}, d=${d}`);
  }
  if (X.length !== n * d) throw new RangeError(`trainLogistic: X has ${X.length} values, expected n × d = ${n * d}`);
  if (y.length !== n) throw new RangeError(`trainLogistic: y has ${y.length} labels, expected n = ${n}`);
  const name = (j: number) => data.featureNames?.[j] ?? `x${j}`;
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < d; j++, k++) {
      if (!Number.isFinite(X[k])) {
        throw new DataError({
          file: 'model training data',
          row: i + 1,
          column: name(j),
          value: String(X[k]),
          problem: 'is not a finite number',
          expected: 'a number for every customer and feature; fill or drop missing values first',
        });
      }
    }
  }
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] > 1) {
      throw new DataError({ file: 'model training data', row: i + 1, column: 'label', value: String(y[i]), problem: 'is not a 0/1 label' });
    }
    positives += y[i];
  }
  if (positives === 0 || positives === n) {
    throw new DataError({
      file: 'model training data',
      column: 'label',
      problem: `has only one class (${positives} of ${n} rows are positive)`,
      expected: 'both buyers (1) and non-buyers (0)',
    });
  }
}

/**
 * Trains σ(b + w·z) on standardised features z = (x − mean) / std (fitted on these rows, std 0 → 1) by plain
 * SGD on the mean binary cross-entropy. One iteration = one mini-batch gradient step; the batches walk a
 * seeded permutation of the rows, reshuffled each epoch, so the same inputs and seed give the same weights.
 * Weights start at 0. X is uploaded once; batches are gathered on the device.
 *
 * Defaults: learningRate 0.01, iterations 1000, batchSize 256 (≥ n: full batch), l2 0, seed 42, progressEvery 10.
 * Uses whatever tfjs backend is active (`chooseBackend` picks one in the worker).
 *
 * @example
 *   const model = await trainLogistic({ X, y, n: 4000, d: 7 }, { onProgress: (p) => console.log(p.iteration, p.loss) });
 *   predictProba(model, X, 4000, 7); // Float32Array of purchase probabilities
 */
export async function trainLogistic(data: TrainData, opts: TrainOptions = {}): Promise<LogisticModel> {
  const o = parseOptions(opts);
  validate(data);
  const { n, d } = data;
  const { mean, std, Z } = standardise(data.X, n, d);
  const yf = Float32Array.from(data.y);
  const full = o.batchSize >= n;
  const losses: Progress[] = [];
  const rand = mulberry32(o.seed);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;

  const t0 = performance.now();
  const Xt = tf.tensor2d(Z, [n, d]);
  const yt = tf.tensor2d(yf, [n, 1]);
  const w = tf.tidy(() => tf.variable(tf.zeros([d, 1]), true));
  const b = tf.tidy(() => tf.variable(tf.zeros([1]), true));
  const optimizer = tf.train.sgd(o.learningRate);
  let permT: tf.Tensor1D | null = null;
  let pos = n; // forces a shuffle before the first batch
  try {
    for (let it = 1; it <= o.iterations; it++) {
      let start = 0;
      let size = n;
      if (!full) {
        if (pos >= n) {
          shuffleInPlace(perm, rand);
          permT?.dispose();
          permT = tf.tensor1d(perm, 'int32');
          pos = 0;
        }
        start = pos;
        size = Math.min(o.batchSize, n - pos);
        pos += size;
      }
      const idxT = permT;
      const report = it % o.progressEvery === 0 || it === o.iterations;
      const cost = tf.tidy(() =>
        optimizer.minimize(
          () => {
            let xb: tf.Tensor2D = Xt;
            let yb: tf.Tensor2D = yt;
            if (!full && idxT) {
              const idx = idxT.slice(start, size);
              xb = tf.gather(Xt, idx);
              yb = tf.gather(yt, idx);
            }
            // logits = X_b · w + b;  loss = mean BCE(y_b, σ(logits)) [+ l2/2 · Σ w²]
            const logits = tf.add(tf.matMul(xb, w), b);
            let loss = tf.losses.sigmoidCrossEntropy(yb, logits) as tf.Scalar;
            if (o.l2 > 0) loss = tf.add(loss, tf.mul(tf.sum(tf.square(w)), o.l2 / 2));
            return loss;
          },
          report,
          [w, b],
        ) ?? undefined,
      ) as tf.Scalar | undefined;
      if (cost) {
        const loss = (await cost.data())[0];
        cost.dispose();
        if (!Number.isFinite(loss)) {
          throw new Error(
            `trainLogistic: the loss became ${loss} at iteration ${it} (training diverged); lower the learning rate (now ${o.learningRate})`,
          );
        }
        const p = { iteration: it, loss };
        losses.push(p);
        o.onProgress?.(p);
      }
    }
    const weights = Array.from(await w.data());
    const bias = (await b.data())[0];
    const ms = performance.now() - t0;
    return { kind: 'logistic', weights, bias, mean, std, losses, backend: tf.getBackend(), ms, iterations: o.iterations };
  } finally {
    permT?.dispose();
    optimizer.dispose();
    Xt.dispose();
    yt.dispose();
    w.dispose();
    b.dispose();
  }
}
