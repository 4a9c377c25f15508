import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainLogistic, predictProba, coefficients, TRAIN_DEFAULTS } from '../../src/model/logistic';
import { DataError } from '../../src/core/errors';
import { mulberry32 } from '../../src/model/mulberry32';
import type { LogisticModel } from '../../src/model/types';

interface Fixture {
  features: string[];
  d: number;
  train: { n: number; X: number[]; y: number[] };
  test: { n: number; X: number[]; y: number[] };
  scaler: { mean: number[]; std: number[] };
  sklearn: Record<'lbfgs' | 'sgd', { auc: number; weights: number[]; bias: number }>;
  trueWeights: number[];
}
const fx: Fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/model_logistic.json', import.meta.url)), 'utf8'),
);
const train = { X: Float32Array.from(fx.train.X), y: Uint8Array.from(fx.train.y), n: fx.train.n, d: fx.d };
const testX = Float32Array.from(fx.test.X);

/** ROC AUC by the rank-sum (Mann–Whitney) formula with midranks for ties. */
function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const idx = Array.from(scores, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const ranks = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    for (let k = i; k <= j; k++) ranks[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let pos = 0;
  let sum = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) { pos++; sum += ranks[i]; }
  const neg = y.length - pos;
  return (sum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** A seeded synthetic problem of n × d (for timing / leak tests). */
function synth(n: number, d: number, seed = 7) {
  const rand = mulberry32(seed);
  const X = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = -1;
    for (let j = 0; j < d; j++) {
      const v = rand() * 2 - 1;
      X[i * d + j] = v * (j + 1) * 10 + j;
      z += v * (j % 2 === 0 ? 1.5 : -1);
    }
    y[i] = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { X, y, n, d };
}

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('trainLogistic', () => {
  let model: LogisticModel;
  beforeAll(async () => {
    model = await trainLogistic(train);
  });

  it('trainLogistic(data) with the defaults reaches sklearn’s test ROC AUC within 0.01', () => {
    const ours = auc(predictProba(model, testX, fx.test.n, fx.d), fx.test.y);
    console.log(
      `test AUC: ours ${ours.toFixed(4)} (${model.backend}, ${model.ms.toFixed(0)} ms), sklearn lbfgs ${fx.sklearn.lbfgs.auc.toFixed(4)}, sklearn SGD ${fx.sklearn.sgd.auc.toFixed(4)}`,
    );
    expect(Math.abs(ours - fx.sklearn.lbfgs.auc)).toBeLessThan(0.01);
    expect(Math.abs(ours - fx.sklearn.sgd.auc)).toBeLessThan(0.01);
    expect(model.backend).toBe('cpu');
    expect(model.iterations).toBe(1000);
  });

  it('trainLogistic(data) gives the coefficient signs of sklearn (features with a true effect)', () => {
    console.log('weights ours', model.weights.map((w) => w.toFixed(3)).join(' '),
      '| lbfgs', fx.sklearn.lbfgs.weights.map((w) => w.toFixed(3)).join(' '));
    for (let j = 0; j < fx.d; j++) {
      if (fx.trueWeights[j] === 0) continue; // the pure-noise feature's sign is itself noise
      expect(Math.sign(model.weights[j])).toBe(Math.sign(fx.sklearn.lbfgs.weights[j]));
      expect(Math.sign(model.weights[j])).toBe(Math.sign(fx.sklearn.sgd.weights[j]));
    }
    // and it is the same standardisation as sklearn's StandardScaler
    for (let j = 0; j < fx.d; j++) {
      expect(model.mean[j]).toBeCloseTo(fx.scaler.mean[j], 2);
      expect(model.std[j] / fx.scaler.std[j]).toBeCloseTo(1, 5);
    }
  });

  it('trainLogistic(data, {seed}) is deterministic: same seed → identical weights; another seed → different', async () => {
    const again = await trainLogistic(train, { iterations: 200 });
    const again2 = await trainLogistic(train, { iterations: 200 });
    const other = await trainLogistic(train, { iterations: 200, seed: 43 });
    expect(again2.weights).toEqual(again.weights);
    expect(again2.bias).toBe(again.bias);
    expect(again2.losses).toEqual(again.losses);
    expect(other.weights).not.toEqual(again.weights);
  });

  it('trainLogistic(data) decreases the loss from ln 2 (weights start at 0)', () => {
    const L = model.losses;
    const head = L.slice(0, 3).reduce((s, p) => s + p.loss, 0) / 3;
    const tail = L.slice(-10).reduce((s, p) => s + p.loss, 0) / 10;
    expect(L[0].loss).toBeLessThan(Math.log(2));
    expect(L[0].loss).toBeGreaterThan(0.6);
    expect(tail).toBeLessThan(head - 0.1);
    expect(tail).toBeLessThan(0.5);
  });

  it('trainLogistic(data, {progressEvery}) reports every progressEvery steps and at the last step', async () => {
    const seen: number[] = [];
    const m = await trainLogistic(train, { iterations: 95, progressEvery: 20, onProgress: (p) => seen.push(p.iteration) });
    expect(seen).toEqual([20, 40, 60, 80, 95]);
    expect(m.losses.map((p) => p.iteration)).toEqual(seen);
    const def: number[] = [];
    await trainLogistic(train, { iterations: 30, onProgress: (p) => def.push(p.iteration) });
    expect(def).toEqual([10, 20, 30]);
    expect(TRAIN_DEFAULTS).toEqual({
      learningRate: 0.01, iterations: 1000, batchSize: 256, l2: 0, seed: 42, progressEvery: 10, model: 'logistic',
      classWeight: null, earlyStopping: false, validationFraction: 0.1, patience: 5, hidden: [16], activation: 'relu', dropout: 0,
    });
  });

  it('trainLogistic(data) leaves no tensor behind (also on error and in full-batch and l2 modes)', async () => {
    const before = tf.memory().numTensors;
    await trainLogistic(train, { iterations: 50 });
    await trainLogistic(train, { iterations: 20, batchSize: 10_000, l2: 0.01 });
    await expect(trainLogistic(train, { iterations: 20, learningRate: 1e39 })).rejects.toThrow(/diverged/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trainLogistic(data, {batchSize ≥ n}) is full-batch gradient descent and seed-independent', async () => {
    const a = await trainLogistic(train, { iterations: 100, batchSize: 5000, seed: 1 });
    const b = await trainLogistic(train, { iterations: 100, batchSize: 5000, seed: 2 });
    expect(a.weights).toEqual(b.weights);
  });

  it('trainLogistic(data, {l2}) shrinks the weights', async () => {
    const plain = await trainLogistic(train, { iterations: 300 });
    const ridge = await trainLogistic(train, { iterations: 300, l2: 0.5 });
    const norm = (m: LogisticModel) => Math.hypot(...m.weights);
    expect(norm(ridge)).toBeLessThan(norm(plain) * 0.8);
  });

  it('trainLogistic rejects bad input with located errors', async () => {
    const X = Float32Array.of(1, 2, NaN, 4);
    await expect(trainLogistic({ X, y: Uint8Array.of(0, 1), n: 2, d: 2, featureNames: ['recency', 'monetary'] })).rejects.toThrow(
      'model training data, row 2, column `recency`: `NaN` is not a finite number',
    );
    await expect(trainLogistic({ X: Float32Array.of(1, 2), y: Uint8Array.of(1, 1), n: 2, d: 1 })).rejects.toBeInstanceOf(DataError);
    await expect(trainLogistic({ X: Float32Array.of(1, 2), y: Uint8Array.of(0, 2), n: 2, d: 1 })).rejects.toThrow(/0\/1 label/);
    await expect(trainLogistic({ X: Float32Array.of(1, 2, 3), y: Uint8Array.of(0, 1), n: 2, d: 2 })).rejects.toThrow(/expected n × d = 4/);
    await expect(trainLogistic(train, { iterations: 0 })).rejects.toThrow(/iterations must be a positive integer/);
    await expect(trainLogistic(train, { learningRate: -1 })).rejects.toThrow(/learningRate/);
  });

  it('trainLogistic handles a constant feature (std 0 → 1, weight stays 0)', async () => {
    const n = 200;
    const X = new Float32Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) { X[2 * i] = i; X[2 * i + 1] = 5; y[i] = i >= 100 ? 1 : 0; }
    const m = await trainLogistic({ X, y, n, d: 2 }, { iterations: 100 });
    expect(m.std[1]).toBe(1);
    expect(m.mean[1]).toBe(5);
    expect(m.weights[1]).toBe(0);
    expect(m.weights[0]).toBeGreaterThan(0);
  });

});

describe('predictProba / coefficients', () => {
  const model: LogisticModel = {
    kind: 'logistic', weights: [2, -0.5], bias: -1, mean: [10, 0], std: [5, 2],
    losses: [], backend: 'cpu', ms: 0, iterations: 0,
  };

  it('predictProba(model, X, n, d) is σ(b + Σ w (x − mean) / std) by hand', () => {
    const p = predictProba(model, Float32Array.of(10, 0, 15, 4, 0, -2), 3, 2);
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    expect(p[0]).toBeCloseTo(sig(-1), 6); // z = -1
    expect(p[1]).toBeCloseTo(sig(-1 + 2 * 1 - 0.5 * 2), 6); // z = 0 → 0.5
    expect(p[1]).toBeCloseTo(0.5, 6);
    expect(p[2]).toBeCloseTo(sig(-1 + 2 * -2 - 0.5 * -1), 6); // z = -4.5
  });

  it('predictProba rejects a shape mismatch', () => {
    expect(() => predictProba(model, Float32Array.of(1, 2, 3), 2, 2)).toThrow(/expected n × d/);
    expect(() => predictProba(model, Float32Array.of(1, 2, 3), 1, 3)).toThrow(/the model has 2 features, the data 3/);
  });

  it('coefficients(model, names) gives weight and odds ratio per standard deviation', () => {
    const c = coefficients(model, ['frequency', 'recency']);
    expect(c).toEqual([
      { feature: 'frequency', weight: 2, oddsRatio: Math.exp(2) },
      { feature: 'recency', weight: -0.5, oddsRatio: Math.exp(-0.5) },
    ]);
    expect(() => coefficients(model, ['a'])).toThrow(/1 feature names for a model with 2 weights/);
  });
});
