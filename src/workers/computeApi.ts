/**
 * The pure computations the compute worker runs for the main thread: tables travel as Arrow IPC bytes
 * (stream format) both ways, matrices as their typed arrays. Kept apart from `compute.worker.ts` so the
 * same functions run (and are tested) in Node.
 */
import { tableFromIPC } from 'apache-arrow';
import { writeArrow } from '../core/data/arrow';
import { recommend, type RecommendOptions } from '../core/recommend/coPurchase';
import { kmeansSweep, type SweepOptions } from '../core/cluster/sweep';
import type { Matrix } from '../core/cluster/matrix';

export const computeApi = {
  /** `recommend` (co-purchase top-k) over the IPC bytes of `recommendInput` (computeClient.ts); the result as IPC bytes. */
  recommend(ipc: Uint8Array, opts: RecommendOptions = {}): Uint8Array {
    return writeArrow(recommend(tableFromIPC(ipc), opts), 'stream');
  },
  /** `kmeansSweep` over a matrix; the table of k, inertia, silhouette, iterations as IPC bytes. */
  kmeansSweep(m: Matrix, opts: SweepOptions = {}): Uint8Array {
    return writeArrow(kmeansSweep(m, opts), 'stream');
  },
};

export type ComputeApi = typeof computeApi;
