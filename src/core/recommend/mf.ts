/**
 * Biased matrix factorisation for explicit ratings, trained by stochastic gradient descent — the model
 * and defaults of Surprise's `SVD` (Funk SVD with biases).
 */
import { mulberry32, shuffle } from '../stats/rng';
import type { Interactions } from './interactions';

export interface MfOptions {
  /** Latent factors f. Default 100. */
  factors?: number;
  /** Passes over the training ratings. Default 20. */
  epochs?: number;
  /** SGD step η. Default 0.005. */
  learningRate?: number;
  /** L2 regularisation λ on biases and factors. Default 0.02. */
  regularization?: number;
  /** Standard deviation of the normal initial factors. Default 0.1. */
  initStd?: number;
  /** Seed of the initial factors and the per-epoch shuffles. Default 42. */
  seed?: number;
  /** Called after each epoch with the training RMSE of that epoch (before the updates' end). */
  onEpoch?: (p: { iteration: number; loss: number }) => void;
}

export interface MfModel {
  kind: 'mf';
  /** Global mean μ of the training ratings. */
  mu: number;
  /** User biases b_u and item biases b_i. */
  bu: Float64Array;
  bi: Float64Array;
  /** User factors p_u (row-major nUsers × f) and item factors q_i (nItems × f). */
  P: Float64Array;
  Q: Float64Array;
  factors: number;
  /** Which users and items had training ratings (unknown ones get no bias and no factor term). */
  knownUser: Uint8Array;
  knownItem: Uint8Array;
  /** Training RMSE per epoch. */
  losses: { iteration: number; loss: number }[];
}

/** A seeded standard normal sampler (Box–Muller over mulberry32). */
export function normal(rand: () => number): () => number {
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = rand();
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Fit r̂_ui = μ + b_u + b_i + q_iᵀp_u by SGD on the squared error with L2 penalty λ(b_u² + b_i² + ‖p_u‖² + ‖q_i‖²).
 * Per rating, in a seeded shuffled order each epoch, with e = r_ui − r̂_ui:
 *   b_u += η(e − λb_u), b_i += η(e − λb_i), p_u += η(e·q_i − λp_u), q_i += η(e·p_u − λq_i)
 * (p_u and q_i updated from each other's old values). Biases start at 0, factors ~ N(0, initStd²).
 * Defaults (Surprise's SVD): factors 100, epochs 20, learningRate 0.005, regularization 0.02, initStd 0.1, seed 42.
 *
 * @example
 *   const model = trainMf(train, { factors: 50, epochs: 30 });
 *   predictRating(model, u, i);
 */
export function trainMf(train: Interactions, opts: MfOptions = {}): MfModel {
  const f = opts.factors ?? 100;
  const epochs = opts.epochs ?? 20;
  const lr = opts.learningRate ?? 0.005;
  const reg = opts.regularization ?? 0.02;
  const std = opts.initStd ?? 0.1;
  const seed = opts.seed ?? 42;
  if (!(Number.isInteger(f) && f > 0)) throw new Error(`mf: factors must be a positive integer, got ${f}`);
  if (!(Number.isInteger(epochs) && epochs >= 0)) throw new Error(`mf: epochs must be a non-negative integer, got ${epochs}`);
  if (!(lr > 0)) throw new Error(`mf: learningRate must be positive, got ${lr}`);
  if (!(reg >= 0)) throw new Error(`mf: regularization must be ≥ 0, got ${reg}`);
  const nU = train.users.length;
  const nI = train.items.length;
  const n = train.user.length;
  if (n === 0) throw new Error('mf: there are no training ratings');
  const rand = mulberry32(seed);
  const gauss = normal(rand);
  const P = new Float64Array(nU * f);
  const Q = new Float64Array(nI * f);
  for (let k = 0; k < P.length; k++) P[k] = gauss() * std;
  for (let k = 0; k < Q.length; k++) Q[k] = gauss() * std;
  const bu = new Float64Array(nU);
  const bi = new Float64Array(nI);
  const knownUser = new Uint8Array(nU);
  const knownItem = new Uint8Array(nI);
  let mu = 0;
  for (let k = 0; k < n; k++) {
    mu += train.rating[k];
    knownUser[train.user[k]] = 1;
    knownItem[train.item[k]] = 1;
  }
  mu /= n;
  const { user, item, rating } = train;
  const order = Int32Array.from({ length: n }, (_, k) => k);
  const losses: { iteration: number; loss: number }[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order, rand);
    let sse = 0;
    for (let s = 0; s < n; s++) {
      const k = order[s];
      const u = user[k];
      const i = item[k];
      const pu = u * f;
      const qi = i * f;
      let dot = 0;
      for (let c = 0; c < f; c++) dot += Q[qi + c] * P[pu + c];
      const err = rating[k] - (mu + bu[u] + bi[i] + dot);
      sse += err * err;
      bu[u] += lr * (err - reg * bu[u]);
      bi[i] += lr * (err - reg * bi[i]);
      for (let c = 0; c < f; c++) {
        const puf = P[pu + c];
        const qif = Q[qi + c];
        P[pu + c] = puf + lr * (err * qif - reg * puf);
        Q[qi + c] = qif + lr * (err * puf - reg * qif);
      }
    }
    const loss = Math.sqrt(sse / n);
    losses.push({ iteration: epoch, loss });
    opts.onEpoch?.({ iteration: epoch, loss });
  }
  return { kind: 'mf', mu, bu, bi, P, Q, factors: f, knownUser, knownItem, losses };
}

/**
 * Predicted rating r̂_ui; like Surprise, an unknown user or item contributes no bias and no factor term
 * (an unknown pair gets μ). Not clipped to the rating scale.
 *
 * @example predictRating(model, 0, 3); // 3.87
 */
export function predictRating(m: MfModel, u: number, i: number): number {
  let r = m.mu;
  const ku = u >= 0 && u < m.knownUser.length && m.knownUser[u] === 1;
  const ki = i >= 0 && i < m.knownItem.length && m.knownItem[i] === 1;
  if (ku) r += m.bu[u];
  if (ki) r += m.bi[i];
  if (ku && ki) {
    const f = m.factors;
    for (let c = 0; c < f; c++) r += m.Q[i * f + c] * m.P[u * f + c];
  }
  return r;
}
