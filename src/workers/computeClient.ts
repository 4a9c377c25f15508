/**
 * The compute worker's client: one module worker, started on first use and kept for the next calls
 * (calls queue in it, one at a time). A worker that fails to load is dropped and the next call starts a
 * fresh one. Imports comlink, apache-arrow, the IPC writer and types only: the computations stay in the
 * worker chunk. Main-thread code imports it through `client.ts`.
 */
import * as Comlink from 'comlink';
import { tableFromIPC, type Table } from 'apache-arrow';
import { writeArrow } from '../core/data/arrow';
import type { ComputeApi } from './computeApi';
import { slotOf, type Slot } from './slot';
import type { RecommendOptions } from '../core/recommend/coPurchase';
import type { SweepOptions } from '../core/cluster/sweep';
import type { Matrix } from '../core/cluster/matrix';

/** What the stdlib runs through its environment's `compute` (the worker here; in-process in Node). */
export interface Compute {
  recommend(tx: Table, opts?: RecommendOptions): Promise<Table>;
  kmeansSweep(m: Matrix, opts?: SweepOptions): Promise<Table>;
}

/** The columns `recommend` reads: only these travel to the worker. */
export const RECOMMEND_COLUMNS = ['customer', 'item', 'quantity', 'itemName'] as const;

/** The transactions' columns `recommend` reads, as Arrow IPC bytes (the other columns stay behind). */
export function recommendInput(tx: Table): Uint8Array {
  const have = new Set(tx.schema.fields.map((f) => f.name));
  return writeArrow(tx.select(RECOMMEND_COLUMNS.filter((c) => have.has(c))), 'stream');
}

let slot: Slot<ComputeApi> | null = null;

function acquire(): Slot<ComputeApi> {
  if (slot) return slot;
  const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'tierbook-compute' });
  const started = slotOf<ComputeApi>(worker, 'compute worker');
  started.crashed.catch(() => {
    if (slot === started) slot = null;
    worker.terminate();
  });
  return (slot = started);
}

async function call(job: (api: Comlink.Remote<ComputeApi>) => Promise<Uint8Array>): Promise<Table> {
  const s = acquire();
  return tableFromIPC(await Promise.race([job(s.api), s.crashed]));
}

/**
 * The compute worker as the stdlib's `compute`: co-purchase recommendations (only the four columns
 * `recommend` reads travel) and the k-means sweep, each resolving to the same table the in-process
 * function returns.
 *
 * @example createStdlib({ ...env, compute: workerCompute });
 */
export const workerCompute: Compute = {
  recommend: (tx, opts = {}) => {
    const ipc = recommendInput(tx);
    return call((api) => api.recommend(Comlink.transfer(ipc, [ipc.buffer as ArrayBuffer]), opts));
  },
  kmeansSweep: (m, opts = {}) => call((api) => api.kmeansSweep(m, opts)),
};

/** Terminates the compute worker, if started (the next call starts a fresh one). */
export function shutdownComputeWorker(): void {
  if (!slot) return;
  slot.api[Comlink.releaseProxy]();
  slot.worker.terminate();
  slot = null;
}
