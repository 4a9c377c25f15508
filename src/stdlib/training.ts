/**
 * The shape of a training run as notebook cells see it: an async generator that yields progress
 * states and finally a state holding the model. The browser drives a Web Worker, the headless
 * runner trains in-process; both yield the same states.
 */
import type { Progress, PurchaseModel, TrainOptions } from '../model/types';

export interface TrainingRows {
  X: Float32Array;
  y: Uint8Array;
  n: number;
  d: number;
  featureNames: string[];
}

export interface TrainingState {
  status: 'training' | 'done';
  iteration: number;
  iterations: number;
  losses: Progress[];
  /** The finished model (logistic or MLP); null while training. */
  model: PurchaseModel | null;
  /** The backend that trains (known once the first progress or the model arrives; '' before). */
  backend?: string;
}

/**
 * `trainModel(rows, opts)` in a notebook: opts are `TrainOptions` (model 'logistic' | 'mlp', learningRate, iterations,
 * batchSize, l2, classWeight, earlyStopping, validationFraction, patience, hidden, activation, dropout, seed) and
 * `backend` ('auto' | 'webgl' | 'wasm' | 'cpu').
 */
export type TrainStream = (rows: TrainingRows, opts?: Partial<Omit<TrainOptions, 'onProgress'>> & { backend?: string }) => AsyncGenerator<TrainingState>;

/**
 * Turn a callback-style trainer into the generator cells consume. Progress is coalesced: a slow
 * consumer sees the latest state, never a backlog. Returning the generator early (a cancelled or
 * superseded cell) aborts the run through `signal`.
 */
export async function* progressStream(
  iterations: number,
  run: (onProgress: (p: Progress) => void, signal: AbortSignal) => Promise<PurchaseModel>,
  /** At most one progress state per this many ms (each one redraws the loss curve: 4 a second keeps it live and the main thread free). */
  minIntervalMs = 250,
): AsyncGenerator<TrainingState> {
  const controller = new AbortController();
  const losses: Progress[] = [];
  let wake: (() => void) | null = null;
  let dirty = false;
  let finished: PurchaseModel | null = null;
  let failure: unknown = null;
  const done = run((p) => {
    losses.push(p);
    dirty = true;
    wake?.();
  }, controller.signal).then(
    (model) => {
      finished = model;
      wake?.();
    },
    (error) => {
      failure = error ?? new Error('training failed');
      wake?.();
    },
  );
  try {
    yield { status: 'training', iteration: 0, iterations, losses: [], model: null };
    while (!finished && !failure) {
      if (!dirty) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (dirty && !finished && !failure) {
        dirty = false;
        const last = losses[losses.length - 1];
        yield { status: 'training', iteration: last?.iteration ?? 0, iterations, losses: losses.slice(), model: null };
        // Let the main thread breathe between redraws; training goes on in the worker meanwhile.
        if (minIntervalMs > 0 && !finished && !failure) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, minIntervalMs);
            wake = () => {
              if (finished || failure) {
                clearTimeout(timer);
                resolve();
              }
            };
          });
          wake = null;
        }
      }
    }
    if (failure) throw failure;
    const model = finished as unknown as PurchaseModel;
    const all = model.losses?.length ? model.losses : losses.slice();
    yield { status: 'done', iteration: model.iterations ?? iterations, iterations, losses: all, model, backend: model.backend };
  } finally {
    if (!finished && !failure) controller.abort();
    await done.catch(() => {});
  }
}
