/**
 * The SGD training loop shared by the logistic regression and the MLP: option parsing, validation,
 * standardisation on the rows trained on, class weights, seeded mini-batches, L2, early stopping on a
 * stratified validation split, progress. Runs on whatever tfjs backend is active.
 */
import * as tf from '@tensorflow/tfjs';
import { DataError } from '../core/errors';
import { stratifiedSplit } from '../core/stats/split';
import { mulberry32, shuffleInPlace } from './mulberry32';
import { standardise } from './standardise';
import type { Activation, ClassWeight, ModelCommon, Progress, TrainData, TrainOptions } from './types';

/** The defaults of `trainLogistic` / `trainMlp`. */
export const TRAIN_DEFAULTS = {
  learningRate: 0.01,
  iterations: 1000,
  batchSize: 256,
  l2: 0,
  seed: 42,
  progressEvery: 10,
  model: 'logistic' as 'logistic' | 'mlp',
  classWeight: null as ClassWeight | null,
  earlyStopping: false,
  validationFraction: 0.1,
  patience: 5,
  hidden: [16] as number[],
  activation: 'relu' as Activation,
  dropout: 0,
};

export type ParsedOptions = typeof TRAIN_DEFAULTS & Pick<TrainOptions, 'onProgress'>;

function fail(who: string, message: string): never {
  throw new RangeError(`${who}: ${message}`);
}

function positiveInteger(who: string, name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) fail(who, `${name} must be a positive integer, got ${v}`);
  return v;
}

/** Defaults filled in and every option checked; errors name the function and the option. */
export function parseOptions(who: string, opts: TrainOptions): ParsedOptions {
  const defined = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  const o = { ...TRAIN_DEFAULTS, ...defined } as ParsedOptions;
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) fail(who, `learningRate must be a positive number, got ${o.learningRate}`);
  positiveInteger(who, 'iterations', o.iterations);
  positiveInteger(who, 'batchSize', o.batchSize);
  positiveInteger(who, 'progressEvery', o.progressEvery);
  positiveInteger(who, 'patience', o.patience);
  if (!(o.l2 >= 0) || !Number.isFinite(o.l2)) fail(who, `l2 must be ≥ 0, got ${o.l2}`);
  if (!Number.isFinite(o.seed)) fail(who, `seed must be a finite number, got ${o.seed}`);
  if (o.model !== 'logistic' && o.model !== 'mlp') fail(who, `model must be 'logistic' or 'mlp', got ${String(o.model)}`);
  if (!(o.validationFraction > 0 && o.validationFraction < 0.9)) fail(who, `validationFraction must be in (0, 0.9), got ${o.validationFraction}`);
  if (!Array.isArray(o.hidden) || o.hidden.length === 0) fail(who, `hidden must list at least one layer size, got ${JSON.stringify(o.hidden)}`);
  for (const h of o.hidden) positiveInteger(who, 'each hidden layer size', h);
  if (!['relu', 'tanh', 'sigmoid'].includes(o.activation)) fail(who, `activation must be 'relu', 'tanh' or 'sigmoid', got ${String(o.activation)}`);
  if (!(o.dropout >= 0 && o.dropout < 1)) fail(who, `dropout must be in [0, 1), got ${o.dropout}`);
  const cw = o.classWeight;
  if (cw !== null && cw !== 'balanced') {
    if (typeof cw !== 'object' || !(cw[0] > 0) || !(cw[1] > 0) || !Number.isFinite(cw[0]) || !Number.isFinite(cw[1])) {
      fail(who, `classWeight must be 'balanced', null or {0: w0, 1: w1} with positive weights, got ${JSON.stringify(cw)}`);
    }
  }
  return o;
}

/** Checks shapes, finiteness and labels; throws DataError naming the row and feature. */
export function validate(who: string, data: TrainData): void {
  const { X, y, n, d } = data;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) fail(who, `n and d must be positive integers, got n=${n}, d=${d}`);
  if (X.length !== n * d) fail(who, `X has ${X.length} values, expected n × d = ${n * d}`);
  if (y.length !== n) fail(who, `y has ${y.length} labels, expected n = ${n}`);
  const name = (j: number) => data.featureNames?.[j] ?? `x${j}`;
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < d; j++, k++) {
      if (!Number.isFinite(X[k])) {
        throw new DataError({
          file: 'model training data', row: i + 1, column: name(j), value: String(X[k]), problem: 'is not a finite number',
          expected: 'a number for every customer and feature; fill or drop missing values first',
        });
      }
    }
  }
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] > 1) throw new DataError({ file: 'model training data', row: i + 1, column: 'label', value: String(y[i]), problem: 'is not a 0/1 label' });
    positives += y[i];
  }
  if (positives === 0 || positives === n) {
    throw new DataError({
      file: 'model training data', column: 'label',
      problem: `has only one class (${positives} of ${n} rows are positive): a purchase model needs both`,
      expected: 'both buyers (1) and non-buyers (0) among the training rows',
    });
  }
}

/** Rows `index` of a row-major matrix with `d` columns, as float32. */
function take(X: ArrayLike<number>, d: number, index: ArrayLike<number>): Float32Array {
  const out = new Float32Array(index.length * d);
  for (let k = 0; k < index.length; k++) {
    for (let j = 0, from = index[k] * d; j < d; j++) out[k * d + j] = X[from + j];
  }
  return out;
}

/** A network as the loop sees it: trainable variables, which of them get L2, and the forward pass. */
export interface Network {
  variables: tf.Variable[];
  /** Variables penalised by L2 (weight matrices, not biases). */
  penalised: tf.Variable[];
  /** Logits [batch, 1]; `step` ≥ 1 while training (seeds dropout), 0 for evaluation. */
  logits: (x: tf.Tensor2D, step: number) => tf.Tensor2D;
  /**
   * Optional closed-form SGD step (updates the variables, returns the batch loss when `report`): used instead of
   * autodiff + optimizer when given — the logistic model's gradient is Xᵀ(σ(Xw + b) − y)/|B|, a third of the kernels.
   */
  step?: (x: tf.Tensor2D, y: tf.Tensor2D, w: tf.Tensor2D | null, lr: number, l2: number, report: boolean) => tf.Scalar | null;
}

/**
 * Trains `build(d)` by mini-batch SGD on the mean (weighted) binary cross-entropy of standardised features,
 * and returns the common model fields plus the final (or best) values of the variables.
 */
export async function fit(
  who: string,
  data: TrainData,
  o: ParsedOptions,
  build: (d: number) => Network,
): Promise<ModelCommon & { values: Float32Array[] }> {
  validate(who, data);
  const { d } = data;
  const names = (j: number) => data.featureNames?.[j] ?? `x${j}`;

  // Rows trained on / held out (stratified, seeded) for early stopping.
  let fitRows: number[] | null = null;
  let valRows: number[] = [];
  if (o.earlyStopping) {
    const mask = stratifiedSplit(data.y, { testFraction: o.validationFraction, seed: o.seed });
    fitRows = [];
    for (let i = 0; i < data.n; i++) (mask[i] ? valRows : fitRows).push(i);
    if (valRows.length === 0) fail(who, `early stopping needs validation rows: ${data.n} rows × validationFraction ${o.validationFraction} rounds to none`);
  }
  const Xfit = fitRows ? take(data.X, d, fitRows) : data.X;
  const yfit = fitRows ? Uint8Array.from(fitRows, (r) => data.y[r]) : data.y;
  const n = yfit.length;
  const { mean, std, Z, constant } = standardise(Xfit, n, d);
  const warnings = constant.map(
    (j) => `feature \`${names(j)}\` is constant on the ${n.toLocaleString('en-US')} rows trained on (value ${mean[j]}): it cannot separate buyers from non-buyers and its weight stays 0`,
  );
  let Zval: Float32Array | null = null;
  if (valRows.length) {
    const Xv = take(data.X, d, valRows);
    Zval = new Float32Array(Xv.length);
    for (let k = 0; k < Xv.length; k++) Zval[k] = (Xv[k] - mean[k % d]) / std[k % d];
  }

  // Sample weights: w_y per row, or none.
  let sw: Float32Array | null = null;
  if (o.classWeight) {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += yfit[i];
    const w = o.classWeight === 'balanced' ? { 0: n / (2 * (n - pos)), 1: n / (2 * pos) } : o.classWeight;
    sw = Float32Array.from(yfit, (v) => (v ? w[1] : w[0]));
  }

  const full = o.batchSize >= n;
  const losses: Progress[] = [];
  const rand = mulberry32(o.seed);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;

  const t0 = performance.now();
  // A batch is uploaded from the rows it takes (perm[start, start + size)): no gather or slice kernel, and O(batch) on
  // every backend (a wasm slice copies its whole input out of the heap). Full-batch training uploads the rows once.
  const upload = (index: ArrayLike<number>) => ({
    xb: tf.tensor2d(take(Z, d, index), [index.length, d]),
    yb: tf.tensor2d(take(yfit, 1, index), [index.length, 1]),
    wb: sw ? tf.tensor2d(take(sw, 1, index), [index.length, 1]) : null,
  });
  const fullBatch = full ? upload(perm) : null;
  const Xv = Zval ? tf.tensor2d(Zval, [valRows.length, d]) : null;
  const yv = Zval ? tf.tensor2d(Float32Array.from(valRows, (r) => data.y[r]), [valRows.length, 1]) : null;
  const net = build(d);
  const optimizer = tf.train.sgd(o.learningRate);
  let best: { loss: number; step: number; values: tf.Tensor[] } | null = null;
  let sinceBest = 0;
  let pos = n; // forces a shuffle before the first batch
  let steps = 0;
  try {
    for (let it = 1; it <= o.iterations; it++) {
      let start = 0;
      let size = n;
      if (!full) {
        if (pos >= n) {
          shuffleInPlace(perm, rand);
          pos = 0;
        }
        start = pos;
        size = Math.min(o.batchSize, n - pos);
        pos += size;
      }
      const report = it % o.progressEvery === 0 || it === o.iterations;
      const batch = () => fullBatch ?? upload(perm.subarray(start, start + size));
      const cost = tf.tidy(() => {
        if (net.step) {
          const { xb, yb, wb } = batch();
          return net.step(xb, yb, wb, o.learningRate, o.l2, report) ?? undefined;
        }
        return optimizer.minimize(
          () => {
            const { xb, yb, wb } = batch();
            // loss = mean_i w_i · BCE(y_i, σ(logit_i))  [+ l2/2 · Σ ‖W‖²]
            const logits = net.logits(xb, it);
            let loss = (wb ? tf.losses.sigmoidCrossEntropy(yb, logits, wb) : tf.losses.sigmoidCrossEntropy(yb, logits)) as tf.Scalar;
            if (o.l2 > 0) {
              for (const v of net.penalised) loss = tf.add(loss, tf.mul(tf.sum(tf.square(v)), o.l2 / 2));
            }
            return loss;
          },
          report,
          net.variables,
        ) ?? undefined;
      }) as tf.Scalar | undefined;
      steps = it;
      if (!cost) continue;
      const loss = (await cost.data())[0];
      cost.dispose();
      if (!Number.isFinite(loss)) {
        throw new Error(`${who}: the loss became ${loss} at iteration ${it} (training diverged); lower the learning rate (now ${o.learningRate})`);
      }
      const p: Progress = { iteration: it, loss };
      if (Xv && yv) {
        const vt = tf.tidy(() => tf.losses.sigmoidCrossEntropy(yv, net.logits(Xv, 0)) as tf.Scalar);
        p.valLoss = (await vt.data())[0];
        vt.dispose();
        if (!best || p.valLoss < best.loss - 1e-4) {
          best?.values.forEach((t) => t.dispose());
          best = { loss: p.valLoss, step: it, values: net.variables.map((v) => v.clone()) };
          sinceBest = 0;
        } else sinceBest++;
      }
      losses.push(p);
      o.onProgress?.(p);
      if (best && sinceBest >= o.patience) break;
    }
    const source: tf.Tensor[] = best ? best.values : net.variables;
    const values = await Promise.all(source.map(async (v) => (await v.data()) as Float32Array));
    return {
      values,
      mean, std, losses, warnings,
      backend: tf.getBackend(),
      ms: performance.now() - t0,
      iterations: steps,
      trainRows: n,
      validationRows: valRows.length,
      ...(best ? { bestIteration: best.step } : {}),
    };
  } finally {
    best?.values.forEach((t) => t.dispose());
    optimizer.dispose();
    for (const t of [fullBatch?.xb, fullBatch?.yb, fullBatch?.wb, Xv, yv]) t?.dispose();
    net.variables.forEach((v) => v.dispose());
  }
}
