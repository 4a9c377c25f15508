/**
 * `kmeans_100k_x3_k5`: Tierbook's `kmeans` (k-means++, 10 restarts, Lloyd) on 100,000 × 3 seeded points
 * vs scikit-learn `KMeans(n_clusters=5, n_init=10)` on the same matrix (goal: ≤ 1× its time). Both
 * inertias are reported, so the peer is seen to do the same work.
 *
 * Call from bench/run.ts:  `await step('kmeans', () => benchKmeans(ctx))`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { kmeans } from '../src/core/cluster/kmeans';
import type { Matrix } from '../src/core/cluster/matrix';
import { mulberry32 } from '../src/core/stats/rng';
import type { BenchContext } from './context';
import { PYTHON } from './config';
import { writeTyped } from './files';
import { result, type BenchResult } from './result';
import { summarise } from './stats';
import { median, timeRuns } from './timing';

/** The workload: rows, columns, clusters, restarts, timed runs (after one warm-up). */
export const KMEANS = { n: 100_000, d: 3, k: 5, nInit: 10, runs: 3, seed: 7 } as const;

/**
 * n × d points around k seeded centres (unit Gaussian noise by Box–Muller, centres uniform in
 * [−6, 6]^d) — the same matrix for both sides.
 *
 * @example blobs(1000, 3, 5, 7).X.length; // 3000
 */
export function blobs(n: number, d: number, k: number, seed: number): Matrix {
  const rand = mulberry32(seed);
  const centres = Float64Array.from({ length: k * d }, () => rand() * 12 - 6);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let j = 0; j < d; j++) {
      const u = Math.max(rand(), 1e-12);
      const v = rand();
      X[i * d + j] = centres[c * d + j] + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }
  return { X, n, d, columns: Array.from({ length: d }, (_, j) => `x${j}`) };
}

const PEER = `
import sys, json, time
import numpy as np
from sklearn.cluster import KMeans
path, n, d, k, n_init, runs = sys.argv[1], *map(int, sys.argv[2:7])
X = np.fromfile(path, '<f8').reshape(n, d)
KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(X)  # warm-up
ms, inertia = [], None
for _ in range(runs):
    t0 = time.perf_counter()
    km = KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(X)
    ms.append((time.perf_counter() - t0) * 1000)
    inertia = float(km.inertia_)
print(json.dumps({"ms": ms, "inertia": inertia}))
`;

/**
 * Times `kmeans` on the blobs (1 warm-up, median of 3) and scikit-learn on the same bytes.
 *
 * @example await benchKmeans(ctx); // [{ name: 'kmeans_100k_x3_k5', value: …, ratio: … }]
 */
export async function benchKmeans(ctx: BenchContext): Promise<BenchResult[]> {
  const { n, d, k, nInit, runs, seed } = KMEANS;
  const m = blobs(n, d, k, seed);
  let inertia = NaN;
  const ms = await timeRuns(() => (inertia = kmeans(m, { k, nInit, seed: 42 }).inertia), runs, 1);
  const { value, unit } = summarise(ms);
  let peerValue: number | null = null;
  let note = `inertia ${inertia.toFixed(1)}; goal ≤ 1× scikit-learn`;
  if (ctx.peers.available) {
    const path = join(ctx.work.sub('kmeans'), 'X.f64');
    writeTyped(path, m.X);
    const r = spawnSync(PYTHON, ['-c', PEER, path, String(n), String(d), String(k), String(nInit), String(runs)], { encoding: 'utf8', timeout: 600_000 });
    try {
      const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
      peerValue = median(out.ms);
      const rel = Math.abs(inertia - out.inertia) / out.inertia;
      note += `; scikit-learn inertia ${out.inertia.toFixed(1)} (${(rel * 100).toFixed(3)}% apart)`;
    } catch {
      note += `; peer failed: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0] ?? r.error?.message}`;
    }
  }
  return [result('kmeans_100k_x3_k5', value, unit, { peer: `scikit-learn KMeans(n_clusters=${k}, n_init=${nInit}), 1 warm-up`, peerValue, note })];
}
