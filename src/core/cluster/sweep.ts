/**
 * Choosing k: k-means for a range of k with its inertia (the elbow) and silhouette.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';
import { kmeans } from './kmeans';
import { silhouette } from './silhouette';
import type { Matrix } from './matrix';

export interface SweepOptions {
  /** Smallest k. Default 2. */
  from?: number;
  /** Largest k. Default 10. */
  to?: number;
  /** Restarts per k. Default 10. */
  nInit?: number;
  /** Seed of k-means and of the silhouette sample. Default 42. */
  seed?: number;
  /** Silhouette sample size (see `silhouette`). Default 5000. */
  sampleSize?: number;
}

/**
 * One row per k in [from, to] (default 2…10): k, inertia, silhouette, iterations.
 * Look for the "elbow" where inertia stops falling fast, and for a high silhouette.
 * Each k is clustered with `kmeans(m, {k, nInit, seed})`, so the row for k equals a separate call.
 *
 * @example
 *   kmeansSweep(matrixOf(scaled, ['recency', 'frequency', 'monetary'])); // 9 rows, k = 2…10
 */
export function kmeansSweep(m: Matrix, opts: SweepOptions = {}): Table {
  const from = opts.from ?? 2;
  const to = Math.min(opts.to ?? 10, m.n - 1);
  if (!(Number.isInteger(from) && from >= 2 && to >= from)) {
    throw new Error(`kmeansSweep: needs 2 ≤ from ≤ to < rows, got from ${from}, to ${opts.to ?? 10}, ${m.n} rows`);
  }
  const seed = opts.seed ?? 42;
  const ks: number[] = [];
  const inertia: number[] = [];
  const sil: number[] = [];
  const iterations: number[] = [];
  for (let k = from; k <= to; k++) {
    const r = kmeans(m, { k, nInit: opts.nInit ?? 10, seed });
    ks.push(k);
    inertia.push(r.inertia);
    sil.push(silhouette(m, r.labels, { sampleSize: opts.sampleSize, seed }));
    iterations.push(r.iterations);
  }
  return makeTable({
    k: Int32Array.from(ks),
    inertia: Float64Array.from(inertia),
    silhouette: Float64Array.from(sil),
    iterations: Int32Array.from(iterations),
  });
}
