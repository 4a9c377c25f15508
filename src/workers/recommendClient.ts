/**
 * The recommender worker's client: one fresh module worker per run, terminated when the run ends or is
 * cancelled (Cancel = terminate, so a long ALS sweep stops at once). Main-thread code imports it through
 * `client.ts`.
 */
import * as Comlink from 'comlink';
import type { RecommendApi } from './recommend.worker';
import type { RecommenderJob, RecommenderProgress, RecommenderResult } from '../core/recommend/pipeline';

/**
 * Run `job` in a worker. Interactions are structured-cloned (the caller keeps them); progress comes back
 * through a comlink proxy; aborting `signal` terminates the worker and rejects with
 * `DOMException('cancelled', 'AbortError')`.
 *
 * @example
 *   const result = await recommendInWorker({ train, test, model: 'als' }, { onProgress: console.log });
 */
export function recommendInWorker(
  job: RecommenderJob,
  hooks: { onProgress?: (p: RecommenderProgress) => void; signal?: AbortSignal } = {},
): Promise<RecommenderResult> {
  const { signal, onProgress } = hooks;
  if (signal?.aborted) return Promise.reject(new DOMException('cancelled', 'AbortError'));
  const worker = new Worker(new URL('./recommend.worker.ts', import.meta.url), { type: 'module', name: 'tierbook-recommend' });
  const api = Comlink.wrap<RecommendApi>(worker);
  return new Promise<RecommenderResult>((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      api[Comlink.releaseProxy]();
      worker.terminate();
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault?.();
      if (settled) return;
      finish();
      reject(new Error(`recommender worker failed: ${e.message || 'could not load the worker script'}`));
    });
    api.run(job, onProgress ? Comlink.proxy(onProgress) : undefined).then(
      (result) => {
        if (settled) return;
        finish();
        resolve(result as RecommenderResult);
      },
      (err) => {
        if (settled) return;
        finish();
        reject(err);
      },
    );
  });
}

/**
 * `recommendInWorker` in the shape of the stdlib's `RecommendRunner` (job, onProgress, signal), for the
 * app to pass as the environment's `recommend`.
 *
 * @example createStdlib({ ...env, recommend: workerRecommendRunner });
 */
export function workerRecommendRunner(job: RecommenderJob, onProgress: (p: RecommenderProgress) => void, signal: AbortSignal): Promise<RecommenderResult> {
  return recommendInWorker(job, { onProgress, signal });
}
