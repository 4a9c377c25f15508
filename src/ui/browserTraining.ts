/**
 * Training in the browser: the notebook's `trainModel` runs in a Web Worker (src/workers/client.ts),
 * streaming progress back; cancelling the cell terminates the worker.
 */
import { trainInWorker } from '../workers/client';
import { progressStream, type TrainStream } from '../stdlib/training';

let preferred: 'auto' | 'webgl' | 'wasm' | 'cpu' = 'auto';

/** The user's backend choice (auto = probe once and keep the fastest real one). */
export function setPreferredBackend(backend: string) {
  if (backend === 'auto' || backend === 'webgl' || backend === 'wasm' || backend === 'cpu') preferred = backend;
}

export const browserTrainStream: TrainStream = (rows, opts = {}) => {
  const iterations = opts.iterations ?? 1000;
  // A notebook's own choice ('webgl' | 'wasm' | 'cpu') wins; 'auto' or none defers to the side panel's choice.
  const asked = opts.backend as typeof preferred | undefined;
  const backend = asked && asked !== 'auto' ? asked : preferred;
  return progressStream(iterations, (onProgress, signal) =>
    trainInWorker({ X: rows.X.slice(), y: rows.y, n: rows.n, d: rows.d }, { ...opts, iterations, backend }, { onProgress, signal }),
  );
};
