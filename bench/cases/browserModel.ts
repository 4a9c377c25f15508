/**
 * The purchase model in headless Chromium, on each tfjs backend (webgl — SwiftShader here —, wasm,
 * cpu): 1,000 SGD iterations on Online Shoppers' training rows from notebooks/purchase-intent.md,
 * timed inside the training worker (`model.ms`), with the test AUC. The Node rows (bench/model.ts)
 * carry the scikit-learn peer for the same workload.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM, openApp, serveDist, waitForNotebook } from '../../test/e2e/browser';
import { rocAuc } from '../../src/core/stats/metrics';
import { result, type BenchResult } from '../result';

interface Trained {
  backend: string;
  ms: number;
  p: number[];
  y: number[];
}

export async function benchBrowserModel(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser model: SKIPPED — ${CHROMIUM} not found`);
    return [];
  }
  const served = await serveDist();
  const s = await openApp(`${served.url}?notebook=purchase-intent`);
  try {
    await waitForNotebook(s.page, 180_000);
    // tsx (esbuild, keepNames) wraps named inner functions in `__name(…)`: give the page a no-op one.
    await s.page.evaluate('globalThis.__name = (f) => f');
    const out: BenchResult[] = [];
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      const r = await s.page.evaluate(async (backend): Promise<Trained> => {
        type Design = { X: Float32Array; y: Uint8Array; featureNames: string[] };
        const hook = (window as unknown as {
          __tierbook: {
            session: { runtime: { value: (n: string) => unknown } };
            train: (data: unknown, opts: unknown) => Promise<{ backend: string; ms: number; weights: number[]; bias: number; mean: number[]; std: number[] }>;
          };
        }).__tierbook;
        const design = hook.session.runtime.value('design') as Design;
        const split = hook.session.runtime.value('split') as Uint8Array;
        const d = design.featureNames.length;
        const pick = (which: number) => {
          const idx: number[] = [];
          split.forEach((v, i) => v === which && idx.push(i));
          const X = new Float32Array(idx.length * d);
          const y = new Uint8Array(idx.length);
          idx.forEach((row, k) => {
            X.set(design.X.subarray(row * d, row * d + d), k * d);
            y[k] = design.y[row];
          });
          return { X, y, n: idx.length, d };
        };
        const train = pick(0);
        const test = pick(1);
        const model = await hook.train(train, { learningRate: 0.01, iterations: 1000, batchSize: 256, seed: 42, backend });
        const p: number[] = [];
        for (let i = 0; i < test.n; i++) {
          let z = model.bias;
          for (let j = 0; j < d; j++) z += model.weights[j] * ((test.X[i * d + j] - model.mean[j]) / model.std[j]);
          p.push(1 / (1 + Math.exp(-z)));
        }
        return { backend: model.backend, ms: model.ms, p, y: Array.from(test.y) };
      }, backend);
      const auc = rocAuc(Uint8Array.from(r.y), Float64Array.from(r.p));
      out.push(
        result(`model_online_shoppers_1000_iterations_chromium_${backend}`, r.ms, 'ms (1 run, in the worker)', {
          note: `headless Chromium, trained on ${r.backend}${backend === 'webgl' ? ' (SwiftShader: software WebGL here)' : ''}; test AUC ${auc.toFixed(4)}`,
        }),
      );
    }
    return out;
  } finally {
    await s.close();
    await served.stop();
  }
}
