/**
 * Issue 5: "typed arrays or tfjs — whichever the bench shows faster" for biased MF. Trains the same
 * model as src/core/recommend/mf.ts — r̂_ui = μ + b_u + b_i + q_i·p_u, L2 λ on biases and factors,
 * Surprise's defaults (100 factors, 20 epochs, η 0.005, λ 0.02, init N(0, 0.1²), seed 42) — with
 * @tensorflow/tfjs in Node (wasm backend, single-threaded as in the app; cpu when wasm cannot start),
 * by mini-batch SGD, beside the typed-array `trainMf` on the same 100k synthetic ratings in the same run.
 *
 * The tfjs step is per-rating SGD with the updates of a batch applied together: for each rating k of a
 * batch (rows gathered with `tf.gather`), e_k = r_k − r̂_k and
 *   Δb_u = η Σ_{k: u_k=u} (e_k − λ b_u),  Δp_u = η Σ_{k: u_k=u} (e_k q_i − λ p_u)   (and alike for b_i, q_i),
 * summed per row with `tf.scatterND` (duplicate indices add; the wasm backend has no UnsortedSegmentSum).
 * So batch size 1 is exactly `trainMf`; larger batches only read within-batch parameters one step stale.
 *
 * Reports: tfjs ms vs typed-array ms on all 100k ratings (1 run each, same data, same process), and the
 * test RMSE of both on a seeded 80/20 holdout (a second fit of each), which must be close.
 *
 * Call from bench/run.ts: `await step('recommend tfjs', () => benchRecommendTfjs())`, or alone:
 * `npx tsx bench/recommendTfjs.ts` (prints the rows as JSON).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { trainMf, normal, type MfModel, type MfOptions } from '../src/core/recommend/mf';
import { evaluateRatings } from '../src/core/recommend/evaluate';
import { holdout } from '../src/core/recommend/split';
import type { Interactions } from '../src/core/recommend/interactions';
import { mulberry32, shuffle } from '../src/core/stats/rng';
import { syntheticRatings100k } from './recommendData';
import { useWasmBackend } from './tfBackend';
import { result, type BenchResult } from './result';

export interface MfTfjsOptions extends Omit<MfOptions, 'onEpoch'> {
  /** Ratings per mini-batch. Default 1024. */
  batchSize?: number;
}

/**
 * Biased MF by mini-batch SGD in tfjs on the active backend (see the file comment for the update).
 * Same initialisation stream as `trainMf` (mulberry32(seed): P, then Q, then the per-epoch shuffles).
 * Defaults: factors 100, epochs 20, learningRate 0.005, regularization 0.02, initStd 0.1, seed 42,
 * batchSize 1024. Returns an `MfModel` (float32 values widened to Float64Array), so `evaluateRatings` applies.
 *
 * @example
 *   const model = await trainMfTfjs(train, { batchSize: 1024 });
 *   evaluateRatings(model, test).rmse; // ≈ trainMf's
 */
export async function trainMfTfjs(train: Interactions, opts: MfTfjsOptions = {}): Promise<MfModel> {
  const f = opts.factors ?? 100;
  const epochs = opts.epochs ?? 20;
  const lr = opts.learningRate ?? 0.005;
  const reg = opts.regularization ?? 0.02;
  const std = opts.initStd ?? 0.1;
  const seed = opts.seed ?? 42;
  const batch = opts.batchSize ?? 1024;
  if (!(Number.isInteger(f) && f > 0)) throw new Error(`mfTfjs: factors must be a positive integer, got ${f}`);
  if (!(Number.isInteger(batch) && batch > 0)) throw new Error(`mfTfjs: batchSize must be a positive integer, got ${batch}`);
  const nU = train.users.length;
  const nI = train.items.length;
  const n = train.user.length;
  if (n === 0) throw new Error('mfTfjs: there are no training ratings');
  const rand = mulberry32(seed);
  const gauss = normal(rand);
  const P0 = new Float32Array(nU * f);
  const Q0 = new Float32Array(nI * f);
  for (let k = 0; k < P0.length; k++) P0[k] = gauss() * std;
  for (let k = 0; k < Q0.length; k++) Q0[k] = gauss() * std;
  const knownUser = new Uint8Array(nU);
  const knownItem = new Uint8Array(nI);
  let mu = 0;
  for (let k = 0; k < n; k++) {
    mu += train.rating[k];
    knownUser[train.user[k]] = 1;
    knownItem[train.item[k]] = 1;
  }
  mu /= n;
  let P = tf.tensor2d(P0, [nU, f]);
  let Q = tf.tensor2d(Q0, [nI, f]);
  let bu = tf.zeros([nU]) as tf.Tensor1D;
  let bi = tf.zeros([nI]) as tf.Tensor1D;
  const order = Int32Array.from({ length: n }, (_, k) => k);
  const ub = new Int32Array(batch);
  const ib = new Int32Array(batch);
  const rb = new Float32Array(batch);
  const losses: { iteration: number; loss: number }[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order, rand);
    let sse = tf.scalar(0);
    for (let s = 0; s < n; s += batch) {
      const m = Math.min(batch, n - s);
      for (let j = 0; j < m; j++) {
        const k = order[s + j];
        ub[j] = train.user[k];
        ib[j] = train.item[k];
        rb[j] = train.rating[k];
      }
      const next = tf.tidy(() => {
        const uIdx = tf.tensor1d(ub.subarray(0, m), 'int32');
        const iIdx = tf.tensor1d(ib.subarray(0, m), 'int32');
        const r = tf.tensor1d(rb.subarray(0, m));
        const pu = tf.gather(P, uIdx);
        const qi = tf.gather(Q, iIdx);
        const bub = tf.gather(bu, uIdx);
        const bib = tf.gather(bi, iIdx);
        const pred = tf.add(tf.add(tf.add(bub, bib), tf.sum(tf.mul(pu, qi), 1)), mu);
        const e = tf.sub(r, pred);
        const e2 = tf.expandDims(e, 1);
        const uRows = tf.expandDims(uIdx, 1);
        const iRows = tf.expandDims(iIdx, 1);
        // Per-rating ascent directions, summed per row (scatterND adds duplicate indices).
        const dbu = tf.scatterND(uRows, tf.sub(e, tf.mul(bub, reg)), [nU]);
        const dbi = tf.scatterND(iRows, tf.sub(e, tf.mul(bib, reg)), [nI]);
        const dP = tf.scatterND(uRows, tf.sub(tf.mul(e2, qi), tf.mul(pu, reg)), [nU, f]);
        const dQ = tf.scatterND(iRows, tf.sub(tf.mul(e2, pu), tf.mul(qi, reg)), [nI, f]);
        return {
          P: tf.add(P, tf.mul(dP, lr)) as tf.Tensor2D,
          Q: tf.add(Q, tf.mul(dQ, lr)) as tf.Tensor2D,
          bu: tf.add(bu, tf.mul(dbu, lr)) as tf.Tensor1D,
          bi: tf.add(bi, tf.mul(dbi, lr)) as tf.Tensor1D,
          sse: tf.add(sse, tf.sum(tf.square(e))) as tf.Scalar,
        };
      });
      tf.dispose([P, Q, bu, bi, sse]);
      ({ P, Q, bu, bi, sse } = next);
    }
    const loss = Math.sqrt((await sse.data())[0] / n);
    sse.dispose();
    losses.push({ iteration: epoch, loss });
  }
  const model: MfModel = {
    kind: 'mf',
    mu,
    bu: Float64Array.from(await bu.data()),
    bi: Float64Array.from(await bi.data()),
    P: Float64Array.from(await P.data()),
    Q: Float64Array.from(await Q.data()),
    factors: f,
    knownUser,
    knownItem,
    losses,
  };
  tf.dispose([P, Q, bu, bi]);
  return model;
}

/**
 * tfjs vs typed arrays for biased MF, 100k ratings × 20 epochs (1 timed run each, same process), plus
 * the test RMSE of both on a seeded 80/20 holdout. One row: value = tfjs ms, peer = trainMf ms.
 */
export async function benchRecommendTfjs(): Promise<BenchResult[]> {
  const { backend, fallback } = await useWasmBackend();
  const ratings = syntheticRatings100k();
  const batchSize = 1024;
  // Warm-up: compiles/initialises the kernels once (2 epochs on a small slice), not timed.
  const warm = holdout(ratings, { testFraction: 0.9, seed: 7 }).train;
  await trainMfTfjs(warm, { epochs: 2, batchSize });
  trainMf(warm, { epochs: 2 });

  const leakBefore = tf.memory().numTensors;
  let t0 = performance.now();
  const tfModel = await trainMfTfjs(ratings, { batchSize });
  const tfMs = performance.now() - t0;
  const leaked = tf.memory().numTensors - leakBefore;
  t0 = performance.now();
  const taModel = trainMf(ratings);
  const taMs = performance.now() - t0;

  const { train, test } = holdout(ratings, { testFraction: 0.2, seed: 42 });
  const tfRmse = evaluateRatings(await trainMfTfjs(train, { batchSize }), test).rmse;
  const taRmse = evaluateRatings(trainMf(train), test).rmse;
  const muOnly = evaluateRatings({ ...trainMf(train, { epochs: 0 }), bu: new Float64Array(train.users.length), bi: new Float64Array(train.items.length) }, test).rmse;

  const f3 = (x: number) => x.toFixed(4);
  const lastLoss = (m: MfModel) => f3(m.losses[m.losses.length - 1].loss);
  const winner = tfMs < taMs ? 'tfjs' : 'typed arrays';
  const note =
    `biased MF, 100 factors, 20 epochs, η 0.005, λ 0.02 on 100k synthetic ratings; tfjs ${backend}` +
    (fallback ? ` (FALLBACK from wasm: ${fallback})` : ' (single-threaded)') +
    `, mini-batch ${batchSize} (gather + scatterND), float32; typed arrays per-rating, float64. ` +
    `Faster: ${winner} (${(tfMs / taMs).toFixed(2)}×). ` +
    `Train RMSE after epoch 20: tfjs ${lastLoss(tfModel)}, typed ${lastLoss(taModel)}. ` +
    `Test RMSE (80/20 holdout, seed 42): tfjs ${f3(tfRmse)}, typed ${f3(taRmse)} (global mean only: ${f3(muOnly)}). ` +
    `Tensors leaked by the tfjs fit: ${leaked}.`;
  return [result(`mf_100k_20_epochs_tfjs_${backend}`, tfMs, 'ms (1 run each)', { peer: 'typed-array trainMf (this repo)', peerValue: taMs, note })];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  benchRecommendTfjs().then((rows) => console.log(JSON.stringify(rows, null, 2)), (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
