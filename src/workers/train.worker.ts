/**
 * The training worker (module worker): tfjs lives here and only here, never in the main bundle.
 * Exposes `{ init(preferred?), train(data, opts, onProgress) }` via comlink; see `client.ts`.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { configureWasm } from '../model/wasmPaths';
import { createTrainApi } from '../model/trainApi';
import type { BackendInfo, BackendName, Progress, PurchaseModel, TrainData, TrainOptions } from '../model/types';

const service = createTrainApi(tf, { setup: configureWasm });

const api = {
  /** Chooses and activates the backend ('auto' or undefined: probe); cached per `preferred`. */
  init(preferred?: BackendName | 'auto'): Promise<BackendInfo> {
    return service.init(preferred);
  },
  /** Trains the logistic model (or the MLP with `opts.model: 'mlp'`); `onProgress` is a `Comlink.proxy` from the client, released when training ends. */
  async train(data: TrainData, opts: Omit<TrainOptions, 'onProgress'>, onProgress?: (p: Progress) => void): Promise<PurchaseModel> {
    try {
      return await service.train(data, opts, onProgress);
    } finally {
      (onProgress as unknown as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  },
};

export type TrainApi = typeof api;

Comlink.expose(api);
