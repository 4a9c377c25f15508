/**
 * The training worker's client: async functions over a typed comlink proxy. Imports only comlink and types,
 * so tfjs stays in the worker chunk. Main-thread code imports it through `client.ts`.
 */
import * as Comlink from 'comlink';
import type { TrainApi } from './train.worker';
import { slotOf, type Slot as TrainSlot } from './slot';
import type { BackendInfo, BackendName, Progress, PurchaseModel, TrainData, TrainOptions } from '../model/types';

export type TrainBackend = 'auto' | BackendName;

export interface TrainHooks {
  /** Loss readings as they come (every `progressEvery` steps). Default: `opts.onProgress`, if any. */
  onProgress?: (p: Progress) => void;
  /** Aborting terminates the worker and rejects with `DOMException('cancelled', 'AbortError')`. */
  signal?: AbortSignal;
  /**
   * Transfer X's own buffer to the worker (zero-copy; X and y are unusable afterwards). Default false: X and y
   * are copied and the copies transferred, so the caller can keep scoring with X.
   */
  detach?: boolean;
}

type Slot = TrainSlot<TrainApi>;

/** One idle worker kept warm (tfjs loaded, backend chosen) between runs. */
let idle: Slot | null = null;

/** A worker started ahead of the first run (`prewarmTrainWorker`): the next run takes it once it is ready. */
let warming: Promise<Slot | null> | null = null;

function spawn(): Slot {
  return slotOf<TrainApi>(new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'tierbook-train' }), 'training worker');
}

function release(slot: Slot): void {
  if (idle) kill(slot);
  else idle = slot;
}

function kill(slot: Slot): void {
  slot.api[Comlink.releaseProxy]();
  slot.worker.terminate();
}

function abortError(): DOMException {
  return new DOMException('cancelled', 'AbortError');
}

/**
 * Runs `job` on a worker: the warm idle one, else the one being prewarmed (once it is ready), else a fresh
 * one. Abort → terminate + AbortError; failure → the worker is discarded.
 */
function withWorker<T>(signal: AbortSignal | undefined, job: (slot: Slot) => Promise<T>): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (!idle && warming) {
    const pending = warming;
    warming = null; // only one run takes it; a second run meanwhile starts its own
    return new Promise<T>((resolve, reject) => {
      // A Cancel while the worker still starts answers at once and hands the starting worker to the next run.
      let handedOn = false;
      const onAbort = () => {
        if (!warming) [warming, handedOn] = [pending, true];
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      void pending.then((ready) => {
        signal?.removeEventListener('abort', onAbort);
        if (!signal?.aborted) runOn(ready ?? spawn(), signal, job).then(resolve, reject);
        else if (ready && !handedOn) release(ready);
      });
    });
  }
  const slot = idle ?? spawn();
  idle = null;
  return runOn(slot, signal, job);
}

function runOn<T>(slot: Slot, signal: AbortSignal | undefined, job: (slot: Slot) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      kill(slot);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    Promise.race([job(slot), slot.crashed]).then(
      (value) => {
        signal?.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        release(slot);
        resolve(value);
      },
      (err) => {
        signal?.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        kill(slot);
        reject(err);
      },
    );
  });
}

/**
 * Trains the purchase model (logistic, or the MLP with `model: 'mlp'`) in the training worker. A warm idle worker is reused; a cancelled or
 * failed one is terminated and the next call starts a fresh one. X and y travel as transferred buffers
 * (copies unless `hooks.detach`); progress comes back through a comlink proxy.
 *
 * Options: `TrainOptions` (defaults: learningRate 0.01, iterations 1000, batchSize 256, l2 0, seed 42,
 * progressEvery 10, classWeight none, earlyStopping false; MLP: hidden [16], activation 'relu', dropout 0) and `backend` (default 'auto': probe; a named one is used when it initialises).
 *
 * @example
 *   const ctl = new AbortController();
 *   const model = await trainInWorker({ X, y, n, d }, { iterations: 1000 },
 *     { onProgress: (p) => chart.push(p), signal: ctl.signal });
 *   // ctl.abort() → rejects with DOMException('cancelled', 'AbortError')
 */
export function trainInWorker(
  data: TrainData,
  opts: TrainOptions & { backend?: TrainBackend } = {},
  hooks: TrainHooks = {},
): Promise<PurchaseModel> {
  const { backend = 'auto', onProgress: optsProgress, ...trainOpts } = opts;
  const onProgress = hooks.onProgress ?? optsProgress;
  return withWorker(hooks.signal, async ({ api }) => {
    await api.init(backend);
    const X = hooks.detach ? data.X : data.X.slice();
    const y = hooks.detach ? data.y : data.y.slice();
    const payload: TrainData = { X, y, n: data.n, d: data.d, featureNames: data.featureNames };
    const buffers = X.buffer === y.buffer ? [X.buffer] : [X.buffer, y.buffer];
    return api.train(
      Comlink.transfer(payload, buffers as ArrayBuffer[]),
      trainOpts,
      onProgress ? Comlink.proxy(onProgress) : undefined,
    );
  });
}

/**
 * Terminates the idle training worker, if any (frees tfjs memory, e.g. when a notebook closes). A run in
 * progress is not affected; the next call starts a fresh worker.
 *
 * @example
 *   shutdownTrainWorker();
 */
export function shutdownTrainWorker(): void {
  if (idle) kill(idle);
  idle = null;
  const pending = warming;
  warming = null;
  void pending?.then((slot) => slot && kill(slot));
}

/**
 * Starts the training worker now (loads tfjs, chooses the backend) so that the first run finds it ready:
 * the app calls it while a notebook that trains opens, so the worker's start-up overlaps the data loading
 * instead of following it. Does nothing when a worker is already idle or starting. A worker that fails to
 * start is dropped silently; the run that needs one then starts its own and reports the failure.
 *
 * @example
 *   prewarmTrainWorker();               // at boot
 *   await trainInWorker(data, opts);    // takes the started worker
 */
export function prewarmTrainWorker(backend: TrainBackend = 'auto'): void {
  if (idle || warming) return;
  const slot = spawn();
  warming = Promise.race([slot.api.init(backend), slot.crashed]).then(
    () => slot,
    () => {
      kill(slot);
      return null;
    },
  );
}

/**
 * Starts (or reuses) the training worker and reports the backend it chose: renderer, software flag, probes.
 *
 * @example
 *   await backendInfo(); // { backend: 'wasm', renderer: 'ANGLE (… SwiftShader …)', software: true, probes: [...] }
 */
export function backendInfo(preferred: TrainBackend = 'auto', signal?: AbortSignal): Promise<BackendInfo> {
  return withWorker(signal, ({ api }) => api.init(preferred));
}
