/**
 * The training options of issue 4 on tfjs cpu: MLP (JS forward pass = tfjs), class weights, early stopping on
 * a validation split, standardisation on the rows trained on, no tensor leak, clear errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainLogistic } from '../../src/model/logistic';
import { trainMlp } from '../../src/model/mlp';
import { predictProba } from '../../src/model/predict';
import { coefficients } from '../../src/model/coefficients';
import { synthPurchases } from '../../src/model/synthetic';
import { confusion, rocAuc } from '../../src/core/stats/metrics';
import { stratifiedSplit } from '../../src/core/stats/split';
import type { MlpModel } from '../../src/model/types';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/model_logistic.json', import.meta.url)), 'utf8'));
const train = { X: Float32Array.from(fx.train.X as number[]), y: Uint8Array.from(fx.train.y as number[]), n: fx.train.n as number, d: fx.d as number };
const testX = Float32Array.from(fx.test.X as number[]);
const testY = Uint8Array.from(fx.test.y as number[]);

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
});

/** The MLP's forward pass done by tfjs ops, to check the plain-JS one. */
function tfForward(m: MlpModel, X: Float32Array, n: number, d: number): Float32Array {
  return tf.tidy(() => {
    let h: tf.Tensor2D = tf.div(tf.sub(tf.tensor2d(X, [n, d]), tf.tensor1d(m.mean)), tf.tensor1d(m.std));
    m.layers.forEach((l, k) => {
      h = tf.add(tf.matMul(h, tf.tensor2d(l.weights, [l.inputs, l.outputs])), tf.tensor1d(l.bias));
      if (k < m.layers.length - 1) h = ({ relu: tf.relu, tanh: tf.tanh, sigmoid: tf.sigmoid }[m.activation])(h) as tf.Tensor2D;
    });
    return tf.sigmoid(h).dataSync() as Float32Array;
  });
}

describe('trainMlp', () => {
  it('trainMlp(data, {hidden, activation}) learns (test AUC near sklearn logistic) and predictProba equals the tfjs forward pass', async () => {
    for (const activation of ['relu', 'tanh'] as const) {
      const m = await trainMlp(train, { hidden: [8, 4], activation, learningRate: 0.1, iterations: 400 });
      expect(m.kind).toBe('mlp');
      expect(m.layers.map((l) => [l.inputs, l.outputs])).toEqual([[6, 8], [8, 4], [4, 1]]);
      const js = predictProba(m, testX, fx.test.n, fx.d);
      const ref = tfForward(m, testX, fx.test.n, fx.d);
      let maxDiff = 0;
      for (let i = 0; i < js.length; i++) maxDiff = Math.max(maxDiff, Math.abs(js[i] - ref[i]));
      expect(maxDiff).toBeLessThan(1e-5);
      const auc = rocAuc(testY, js);
      console.log(`MLP ${activation} test AUC ${auc.toFixed(4)} (sklearn logistic ${fx.sklearn.lbfgs.auc.toFixed(4)})`);
      expect(auc).toBeGreaterThan(fx.sklearn.lbfgs.auc - 0.02);
    }
  });
  it('trainMlp(data, {dropout, seed}) is deterministic for a seed and differs with dropout', async () => {
    const a = await trainMlp(train, { hidden: [6], dropout: 0.3, iterations: 60, learningRate: 0.1 });
    const b = await trainMlp(train, { hidden: [6], dropout: 0.3, iterations: 60, learningRate: 0.1 });
    const c = await trainMlp(train, { hidden: [6], dropout: 0, iterations: 60, learningRate: 0.1 });
    expect(b.layers).toEqual(a.layers);
    expect(c.layers[0].weights).not.toEqual(a.layers[0].weights);
  });
  it('coefficients(mlp) explains that an MLP has no weight per feature', async () => {
    const m = await trainMlp(train, { hidden: [2], iterations: 10 });
    expect(() => coefficients(m, fx.features)).toThrow(/an MLP has no single weight per feature/);
  });
  it('rejects bad MLP options by name', async () => {
    await expect(trainMlp(train, { hidden: [0] })).rejects.toThrow(/each hidden layer size must be a positive integer/);
    await expect(trainMlp(train, { dropout: 1 })).rejects.toThrow(/dropout must be in \[0, 1\)/);
    await expect(trainMlp(train, { activation: 'gelu' as never })).rejects.toThrow(/activation must be/);
  });
});

describe('class weights, early stopping, standardisation', () => {
  it("trainLogistic(data, {classWeight: 'balanced'}) raises recall at 0.5 on a 25 % positive problem", async () => {
    const plain = await trainLogistic(train, { iterations: 300, learningRate: 0.1 });
    const balanced = await trainLogistic(train, { iterations: 300, learningRate: 0.1, classWeight: 'balanced' });
    const r0 = confusion(testY, predictProba(plain, testX, fx.test.n, fx.d)).recall;
    const r1 = confusion(testY, predictProba(balanced, testX, fx.test.n, fx.d)).recall;
    console.log(`recall at 0.5: none ${r0.toFixed(3)}, balanced ${r1.toFixed(3)}`);
    expect(r1).toBeGreaterThan(r0 + 0.15);
    await expect(trainLogistic(train, { classWeight: { 0: 1, 1: -2 } })).rejects.toThrow(/classWeight must be/);
  });
  it('trainLogistic(data, {earlyStopping}) holds out a stratified 10 %, stops when the validation loss stalls, keeps the best step', async () => {
    const m = await trainLogistic(train, { iterations: 5000, learningRate: 0.5, earlyStopping: true, patience: 3 });
    expect(m.validationRows).toBe(200);
    expect(m.trainRows).toBe(1800);
    expect(m.iterations).toBeLessThan(5000);
    expect(m.bestIteration).toBeLessThanOrEqual(m.iterations);
    const val = m.losses.filter((p) => p.valLoss !== undefined);
    expect(val.length).toBe(m.losses.length);
    const bestVal = Math.min(...val.map((p) => p.valLoss!));
    expect(val.find((p) => p.iteration === m.bestIteration)!.valLoss).toBe(bestVal);
    // standardisation is fitted on the 1,800 rows trained on, not on the held-out ones
    const mask = stratifiedSplit(train.y, { testFraction: 0.1, seed: 42 });
    let s = 0;
    let k = 0;
    for (let i = 0; i < train.n; i++) if (!mask[i]) (s += train.X[i * train.d]), k++;
    expect(m.mean[0]).toBeCloseTo(s / k, 3);
  });
  it('a constant feature gives a clear warning and a zero weight, not NaN', async () => {
    const d = 3;
    const X = new Float32Array(train.n * d);
    for (let i = 0; i < train.n; i++) {
      X[i * d] = train.X[i * train.d];
      X[i * d + 1] = 7;
      X[i * d + 2] = train.X[i * train.d + 1];
    }
    const m = await trainLogistic({ X, y: train.y, n: train.n, d, featureNames: ['recency', 'always7', 'frequency'] }, { iterations: 50 });
    expect(m.weights.every(Number.isFinite)).toBe(true);
    expect(m.weights[1]).toBe(0);
    expect(m.warnings).toEqual([expect.stringMatching(/feature `always7` is constant on the 2,000 rows trained on \(value 7\).*weight stays 0/)]);
    const p = predictProba(m, X, train.n, d);
    expect(p.every((v) => Number.isFinite(v))).toBe(true);
  });
  it('a single-class label is a clear DataError for both models', async () => {
    const y = new Uint8Array(train.n);
    await expect(trainLogistic({ ...train, y })).rejects.toThrow(/label.*has only one class \(0 of 2,?000 rows are positive\)/);
    await expect(trainMlp({ ...train, y })).rejects.toThrow(/has only one class/);
  });
});

describe('no tensor leak', () => {
  it('5 re-trainings of each model (with class weights, early stopping, dropout) leave tf.memory().numTensors unchanged', async () => {
    await trainLogistic(train, { iterations: 20 }); // warm-up: kernels registered once
    const before = tf.memory().numTensors;
    for (let r = 0; r < 5; r++) {
      await trainLogistic(train, { iterations: 40, classWeight: 'balanced', earlyStopping: true, l2: 1e-3, progressEvery: 5 });
      await trainMlp(train, { iterations: 40, hidden: [4, 3], dropout: 0.2, earlyStopping: true, l2: 1e-3, progressEvery: 5 });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
  it('a run stopped mid-training (its progress callback throws, as a cancelled runner cell does) leaves no tensors', async () => {
    const before = tf.memory().numTensors;
    const stop = (p: { iteration: number }) => {
      if (p.iteration === 30) throw new DOMException('cancelled', 'AbortError');
    };
    await expect(trainLogistic(train, { iterations: 200, earlyStopping: true, onProgress: stop })).rejects.toThrow(/cancelled/);
    await expect(trainMlp(train, { iterations: 200, dropout: 0.1, onProgress: stop })).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('synthPurchases', () => {
  it('synthPurchases({weights, positiveRate, noise, seed}) hits the class balance, is seeded, and logistic recovers the truth', async () => {
    const s = synthPurchases({ n: 6000, weights: [1.5, -1, 0.5, 0], positiveRate: 0.25, seed: 3 });
    const again = synthPurchases({ n: 6000, weights: [1.5, -1, 0.5, 0], positiveRate: 0.25, seed: 3 });
    expect(again.X).toEqual(s.X);
    const rate = s.y.reduce((a, v) => a + v, 0) / s.n;
    expect(Math.abs(rate - 0.25)).toBeLessThan(0.02);
    const m = await trainLogistic(s, { learningRate: 0.1, iterations: 1500 });
    // per-SD weights ≈ true weights (features are N(0, 1), so std ≈ 1)
    m.weights.forEach((w, j) => expect(Math.abs(w - s.trueWeights[j])).toBeLessThan(0.2));
    expect(() => synthPurchases({ positiveRate: 1 })).toThrow(/positiveRate must be in \(0, 1\)/);
  });
});
