/**
 * A started module worker as its clients hold it: the comlink API and a promise that rejects when the
 * worker fails to load or throws outside a call (race it with each call). The `new Worker(new URL(…))`
 * stays in each client, where Vite sees it and bundles the worker.
 *
 * @example
 *   const slot = slotOf<TrainApi>(new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }), 'training worker');
 *   await Promise.race([slot.api.init('auto'), slot.crashed]);
 */
import * as Comlink from 'comlink';

export interface Slot<T> {
  worker: Worker;
  api: Comlink.Remote<T>;
  /** Rejects when the worker fails to load or throws outside a call. */
  crashed: Promise<never>;
}

export function slotOf<T>(worker: Worker, label: string): Slot<T> {
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault?.();
      reject(new Error(`${label} failed: ${e.message || 'could not load the worker script'}`));
    });
  });
  crashed.catch(() => {}); // observed per call by the client
  return { worker, api: Comlink.wrap<T>(worker), crashed };
}
