/**
 * The recommender worker: trains, evaluates and lists one recommender (core/recommend/pipeline.ts) off
 * the main thread, reporting progress after each epoch. Typed arrays only — no tfjs here (the bench
 * compares this typed-array SGD with tfjs; see bench/recommend.ts).
 */
import * as Comlink from 'comlink';
import { runRecommenderJob, type RecommenderJob, type RecommenderProgress, type RecommenderResult } from '../core/recommend/pipeline';

const api = {
  run(job: RecommenderJob, onProgress?: (p: RecommenderProgress) => void): RecommenderResult {
    return runRecommenderJob(job, onProgress ? (p) => void onProgress(p) : undefined);
  },
};

export type RecommendApi = typeof api;

Comlink.expose(api);
