/**
 * The shape of a training run as notebook cells see it: an async generator that yields progress
 * states and finally a state holding the model. The browser drives a Web Worker, the headless
 * runner trains in-process; both yield the same states.
 */
import type { LogisticModel, TrainOptions } from '../model/types';

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
  losses: { iteration: number; loss: number }[];
  model: LogisticModel | null;
}

export type TrainStream = (rows: TrainingRows, opts?: Partial<TrainOptions> & { backend?: string }) => AsyncGenerator<TrainingState>;

/**
 * Turn a callback-style trainer into the generator cells consume. Progress is coalesced: a slow
 * consumer sees the latest state, never a backlog. Returning the generator early (a cancelled or
 * superseded cell) aborts the run through `signal`.
 */
export async function* progressStream(
  iterations: number,
  run: (onProgress: (p: { iteration: number; loss: number }) => void, signal: AbortSignal) => Promise<LogisticModel>,
): AsyncGenerator<TrainingState> {
  const controller = new AbortController();
  const losses: { iteration: number; loss: number }[] = [];
  let wake: (() => void) | null = null;
  let dirty = false;
  let finished: LogisticModel | null = null;
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
      }
    }
    if (failure) throw failure;
    const model = finished as unknown as LogisticModel;
    const all = model.losses?.length ? model.losses : losses.slice();
    yield { status: 'done', iteration: iterations, iterations, losses: all, model };
  } finally {
    if (!finished && !failure) controller.abort();
    await done.catch(() => {});
  }
}
