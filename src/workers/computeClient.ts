/**
 * The compute workers' client: up to two module workers, started on first use and kept for the next
 * calls (a call takes an idle worker; with both busy it queues on the less busy one). A worker that fails
 * to load is dropped and the next call starts a fresh one. Imports comlink, apache-arrow, the IPC writer
 * and types only: the computations stay in the worker chunk. Main-thread code imports it through `client.ts`.
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

/** At most this many compute workers run at once: a second long call (the k-means sweep while co-purchase runs) does not queue. */
const MAX_WORKERS = 2;

/** The started workers and how many calls each is running. */
const pool: { slot: Slot<ComputeApi>; busy: number }[] = [];

/** An idle worker, else a new one while fewer than `MAX_WORKERS` run, else the least busy (its calls queue). */
function acquire(): (typeof pool)[number] {
  const idle = pool.find((p) => p.busy === 0);
  if (idle) return idle;
  if (pool.length < MAX_WORKERS) {
    const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'tierbook-compute' });
    const entry = { slot: slotOf<ComputeApi>(worker, 'compute worker'), busy: 0 };
    entry.slot.crashed.catch(() => {
      const i = pool.indexOf(entry);
      if (i >= 0) pool.splice(i, 1);
      worker.terminate();
    });
    pool.push(entry);
    return entry;
  }
  return pool.reduce((a, b) => (b.busy < a.busy ? b : a));
}

async function call(job: (api: Comlink.Remote<ComputeApi>) => Promise<Uint8Array>): Promise<Table> {
  const entry = acquire();
  entry.busy++;
  try {
    return tableFromIPC(await Promise.race([job(entry.slot.api), entry.slot.crashed]));
  } finally {
    entry.busy--;
  }
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

/** Terminates the compute workers, if started (the next call starts a fresh one). */
export function shutdownComputeWorker(): void {
  for (const { slot } of pool.splice(0)) {
    slot.api[Comlink.releaseProxy]();
    slot.worker.terminate();
  }
}
