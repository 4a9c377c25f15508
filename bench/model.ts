/**
 * Bench entries of issue 4 (purchase models), side by side with scikit-learn in the same run:
 *  - `model_online_shoppers_1000_iterations_<backend>`: `trainLogistic` with the method's defaults (lr 0.01, 1,000
 *    mini-batch steps of 256) on UCI Online Shoppers (74 one-hot features, the stratified split of
 *    purchase-intent.md) vs SGDClassifier(log_loss, adaptive, eta0 0.01) and LogisticRegression (lbfgs) on the
 *    same rows; the note compares test ROC AUCs (goal: at least sklearn's).
 *  - `model_synthetic_<n>x20_1000_epochs_<backend>`: 1,000 epochs on a seeded n × 20 matrix (default n = 100,000):
 *    ours full-batch (one step = one epoch, lr 0.5), sklearn per-sample SGDClassifier(max_iter=1000, tol=None);
 *    goal: ratio ≤ 0.2 and AUC at least sklearn's.
 * Node backends: cpu and wasm (the browser's webgl/wasm/cpu comparison is test/e2e/backends.test.ts).
 *
 * How to call (from bench/run.ts, inside its `step` helper):
 *   import { benchModel } from './model';
 *   await step('model', () => benchModel());                                  // full size
 *   await benchModel({ syntheticRows: 10_000, backends: ['wasm'], runs: 1 });  // a quick look
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from '../src/core/data/csv';
import { designMatrix } from '../src/core/stats/designMatrix';
import { rocAuc } from '../src/core/stats/metrics';
import { stratifiedSplit } from '../src/core/stats/split';
import { trainLogistic } from '../src/model/logistic';
import { predictProba } from '../src/model/predict';
import { synthPurchases } from '../src/model/synthetic';
import type { TrainData, TrainOptions } from '../src/model/types';
import { result, type BenchResult } from './result';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PYTHON = '/usr/bin/python3';

export interface BenchModelOptions {
  /** Rows of the synthetic matrix (20 features). Default 100,000. */
  syntheticRows?: number;
  /** Epochs on the synthetic matrix, both sides. Default 1,000. */
  syntheticEpochs?: number;
  /** tfjs backends to time in Node. Default ['cpu', 'wasm']. */
  backends?: ('cpu' | 'wasm')[];
  /** Timed runs per figure (median reported). Default 3 for Online Shoppers, 1 for the synthetic matrix. */
  runs?: number;
}

interface Problem {
  data: TrainData;
  split: Uint8Array;
}

function rows(p: Problem, which: 0 | 1): TrainData {
  const { data, split } = p;
  const idx: number[] = [];
  for (let i = 0; i < data.n; i++) if (split[i] === which) idx.push(i);
  const X = new Float32Array(idx.length * data.d);
  idx.forEach((r, k) => X.set(data.X.subarray(r * data.d, (r + 1) * data.d), k * data.d));
  return { X, y: Uint8Array.from(idx, (r) => data.y[r]), n: idx.length, d: data.d };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The scikit-learn side on the same rows; null when Python or sklearn is missing. */
function peer(p: Problem, epochs: number, runs: number): { sgd_ms: number[]; sgd_auc: number; sgd_epochs_run: number; lbfgs_ms: number[]; lbfgs_auc: number } | null {
  if (!existsSync(PYTHON)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-model-'));
  try {
    writeFileSync(join(dir, 'X.f32'), new Uint8Array(p.data.X.buffer, p.data.X.byteOffset, p.data.X.byteLength));
    writeFileSync(join(dir, 'y.u8'), p.data.y);
    writeFileSync(join(dir, 'split.u8'), p.split);
    writeFileSync(join(dir, 'shape.json'), JSON.stringify([p.data.n, p.data.d]));
    const r = spawnSync(PYTHON, [join(ROOT, 'bench/model_peer.py'), dir, String(epochs), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) {
      console.log(`bench model: scikit-learn peer failed — ${r.stderr.trim().split('\n').pop()}`);
      return null;
    }
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function useBackend(name: 'cpu' | 'wasm'): Promise<boolean> {
  tf.enableProdMode();
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

async function ours(p: Problem, opts: TrainOptions, runs: number) {
  const train = rows(p, 0);
  const test = rows(p, 1);
  const ms: number[] = [];
  let auc = NaN;
  await trainLogistic(train, { ...opts, iterations: 5 }); // warm-up: kernels, JIT
  for (let r = 0; r < runs; r++) {
    const model = await trainLogistic(train, opts);
    ms.push(model.ms);
    auc = rocAuc(test.y, predictProba(model, test.X, test.n, test.d));
  }
  return { ms: median(ms), auc };
}

/** UCI Online Shoppers as purchase-intent.md builds it (design matrix, stratified split, seed 42). */
export function onlineShoppers(): Problem {
  const raw = parseCsv(gunzipSync(readFileSync(join(ROOT, 'public/data/online-shoppers.csv.gz'))), { file: 'online-shoppers.csv' });
  const data = designMatrix(raw, { label: 'Revenue', categorical: ['Month', 'OperatingSystems', 'Browser', 'Region', 'TrafficType', 'VisitorType'] });
  return { data, split: stratifiedSplit(data.y, { testFraction: 0.25, seed: 42 }) };
}

/** A seeded n × 20 logistic problem (synthPurchases, 30 % buyers, some unobserved noise). */
export function syntheticMatrix(n: number): Problem {
  const weights = Array.from({ length: 20 }, (_, j) => (j % 3 === 0 ? 0 : (j % 2 ? 1 : -1) * (0.2 + 0.05 * j)));
  const data = synthPurchases({ n, weights, positiveRate: 0.3, noise: 0.5, seed: 11 });
  return { data, split: stratifiedSplit(data.y, { testFraction: 0.2, seed: 42 }) };
}

/**
 * Runs both workloads on each backend with the scikit-learn peer beside them.
 *
 * @example
 *   const results = await benchModel({ syntheticRows: 100_000 });
 */
export async function benchModel(opts: BenchModelOptions = {}): Promise<BenchResult[]> {
  const backends = opts.backends ?? ['cpu', 'wasm'];
  const n = opts.syntheticRows ?? 100_000;
  const epochs = opts.syntheticEpochs ?? 1000;
  const out: BenchResult[] = [];
  const fmt = (x: number) => x.toLocaleString('en');

  const shop = onlineShoppers();
  const shopRuns = opts.runs ?? 3;
  const shopPeer = peer(shop, 0, shopRuns);
  const synth = syntheticMatrix(n);
  const synthRuns = opts.runs ?? 1;
  const synthPeer = peer(synth, epochs, synthRuns);

  for (const backend of backends) {
    if (!(await useBackend(backend))) {
      console.log(`bench model: backend ${backend} could not start; skipped`);
      continue;
    }
    const a = await ours(shop, { learningRate: 0.01, iterations: 1000, batchSize: 256, seed: 42 }, shopRuns);
    out.push(
      result(`model_online_shoppers_1000_iterations_${backend}`, a.ms, `ms (median of ${shopRuns})`, {
        peer: "scikit-learn SGDClassifier(loss='log_loss', learning_rate='adaptive', eta0=0.01) after StandardScaler",
        peerValue: shopPeer ? median(shopPeer.sgd_ms) : null,
        note:
          `${fmt(shop.data.n)} sessions × ${shop.data.d}, tfjs ${backend}, lr 0.01, 1,000 steps × 256; test ROC AUC ours ${a.auc.toFixed(4)}` +
          (shopPeer ? `, sklearn SGD ${shopPeer.sgd_auc.toFixed(4)} (${shopPeer.sgd_epochs_run} epochs), lbfgs ${shopPeer.lbfgs_auc.toFixed(4)} in ${median(shopPeer.lbfgs_ms).toFixed(0)} ms` : ', no sklearn peer'),
      }),
    );
    const b = await ours(synth, { learningRate: 0.5, iterations: epochs, batchSize: synth.data.n, seed: 42, progressEvery: 100 }, synthRuns);
    out.push(
      result(`model_synthetic_${n >= 1000 ? `${n / 1000}k` : n}x20_${epochs}_epochs_${backend}`, b.ms, `ms (median of ${synthRuns})`, {
        peer: `scikit-learn SGDClassifier(loss='log_loss', max_iter=${epochs}, tol=None) after StandardScaler`,
        peerValue: synthPeer ? median(synthPeer.sgd_ms) : null,
        note:
          `${fmt(n)} × 20 (80 % train), ${fmt(epochs)} epochs each: ours full-batch GD on tfjs ${backend} (lr 0.5), sklearn per-sample SGD; goal ratio ≤ 0.2; ` +
          `test ROC AUC ours ${b.auc.toFixed(4)}` + (synthPeer ? `, sklearn SGD ${synthPeer.sgd_auc.toFixed(4)}, lbfgs ${synthPeer.lbfgs_auc.toFixed(4)}` : ', no sklearn peer'),
      }),
    );
  }
  return out;
}

// `npx tsx bench/model.ts [rows]` runs it alone and prints the rows.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rowsArg = process.argv[2] ? Number(process.argv[2]) : undefined;
  benchModel({ syntheticRows: rowsArg }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
