/**
 * The training service the worker exposes over comlink, built around an injected tfjs so it also runs
 * in-process (Node tests, the headless runner) with no Worker.
 */
import type * as TF from '@tensorflow/tfjs';
import { chooseBackend } from './backend';
import { trainLogistic } from './logistic';
import { trainMlp } from './mlp';
import type { BackendInfo, BackendName, Progress, PurchaseModel, TrainData, TrainOptions } from './types';

export interface TrainApiOptions {
  /** Runs once before the first backend choice (the worker passes `configureWasm`). Default: nothing. */
  setup?: (tf: typeof TF) => void;
}

/**
 * @example
 *   const api = createTrainApi(tf, { setup: configureWasm });
 *   await api.init();                       // { backend: 'wasm', renderer: '… SwiftShader …', software: true, probes: [...] }
 *   const model = await api.train(data, { iterations: 1000 }, (p) => console.log(p.loss));
 */
export function createTrainApi(tf: typeof TF, options: TrainApiOptions = {}) {
  let setupDone = false;
  let current: { key: string; info: BackendInfo } | null = null;
  const api = {
    /** Chooses (once per `preferred`, then cached) and activates the backend. `'auto'`/undefined: probe. */
    async init(preferred?: BackendName | 'auto'): Promise<BackendInfo> {
      const key = preferred ?? 'auto';
      if (current?.key === key && tf.getBackend() === current.info.backend) return current.info;
      if (!setupDone) {
        options.setup?.(tf);
        setupDone = true;
      }
      tf.enableProdMode();
      const info = await chooseBackend(tf, { preferred: key === 'auto' ? undefined : key });
      current = { key, info };
      return info;
    },
    /**
     * Trains the logistic model, or the MLP when `opts.model === 'mlp'`, on the active backend (choosing one first if `init` was never called). `onProgress` may be a
     * comlink proxy: its calls are awaited (errors ignored) before the model is returned, so every progress
     * callback has run on the caller's side when the promise resolves.
     */
    async train(
      data: TrainData,
      opts: Omit<TrainOptions, 'onProgress'> = {},
      onProgress?: (p: Progress) => unknown,
    ): Promise<PurchaseModel> {
      if (!current) await api.init();
      const pending: unknown[] = [];
      const train = opts.model === 'mlp' ? trainMlp : trainLogistic;
      const model = await train(data, {
        ...opts,
        onProgress: onProgress ? (p) => void pending.push(onProgress(p)) : undefined,
      });
      await Promise.allSettled(pending);
      return model;
    },
  };
  return api;
}

export type TrainService = ReturnType<typeof createTrainApi>;
