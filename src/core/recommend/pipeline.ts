/**
 * One recommender run as plain data in and out — train a model on the training split, evaluate it on
 * the test split, list the top recommendations for every customer. The same function runs in the
 * browser's recommend worker and in the headless runner, so both give the same numbers.
 */
import type { Interactions } from './interactions';
import { trainMf, type MfOptions } from './mf';
import { trainAls, type AlsOptions } from './als';
import { trainItemKnn, type ItemKnnOptions } from './itemKnn';
import { trainPopularity } from './popularity';
import { trainContent, type ContentOptions } from './content';
import { topN, type RecommenderModel, type TopN } from './score';
import { evaluateRatings, evaluateTopN, type RatingMetrics, type TopNMetrics } from './evaluate';

export const MODEL_NAMES = ['mf', 'als', 'itemknn', 'popularity', 'content'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** Human names of the models, for tables and charts. */
export const MODEL_LABELS: Record<ModelName, string> = {
  mf: 'Biased MF (SGD)',
  als: 'Implicit ALS',
  itemknn: 'Item-kNN (cosine)',
  popularity: 'Popularity',
  content: 'Content-based',
};

/** Per-model options (each model reads its own entry). */
export interface RecommenderParams {
  mf?: Omit<MfOptions, 'onEpoch'>;
  als?: Omit<AlsOptions, 'onEpoch'>;
  itemknn?: ItemKnnOptions;
  content?: ContentOptions;
}

export interface RecommenderProgress {
  model: ModelName;
  phase: 'train' | 'evaluate' | 'list';
  iteration: number;
  iterations: number;
  /** Training loss of the iteration (MF: RMSE; ALS: weighted squared error per observed pair); NaN otherwise. */
  loss: number;
}

/** Check a model name; throws a clear error listing the choices. */
export function modelName(name: unknown): ModelName {
  if (typeof name === 'string' && (MODEL_NAMES as readonly string[]).includes(name)) return name as ModelName;
  throw new Error(`unknown recommender \`${String(name)}\` (choose one of ${MODEL_NAMES.join(', ')})`);
}

/** Iterations a model reports progress over (1 for the one-pass models). */
export function iterationsOf(name: ModelName, params: RecommenderParams = {}): number {
  if (name === 'mf') return params.mf?.epochs ?? 20;
  if (name === 'als') return params.als?.iterations ?? 15;
  return 1;
}

/**
 * Train model `name` on `train` with its options from `params`; `onProgress` after each epoch.
 *
 * @example trainRecommender('als', train, { als: { factors: 64 } });
 */
export function trainRecommender(name: ModelName, train: Interactions, params: RecommenderParams = {}, onProgress?: (p: RecommenderProgress) => void): RecommenderModel {
  const iterations = iterationsOf(name, params);
  const onEpoch = (p: { iteration: number; loss: number }) => onProgress?.({ model: name, phase: 'train', iteration: p.iteration, iterations, loss: p.loss });
  let model: RecommenderModel;
  switch (name) {
    case 'mf':
      model = trainMf(train, { ...params.mf, onEpoch });
      break;
    case 'als':
      model = trainAls(train, { ...params.als, onEpoch });
      break;
    case 'itemknn':
      model = trainItemKnn(train, params.itemknn);
      break;
    case 'popularity':
      model = trainPopularity(train);
      break;
    case 'content':
      model = trainContent(train, params.content);
      break;
  }
  if (iterations === 1) onEpoch({ iteration: 1, loss: NaN });
  return model;
}

export interface RecommenderJob {
  train: Interactions;
  test: Interactions;
  model: ModelName;
  params?: RecommenderParams;
  /** List length of the top-N metrics. Default 10. */
  k?: number;
  /** Recommendations listed per customer. Default 5; 0 lists none (a comparison run). */
  top?: number;
  /** Relevance threshold of explicit test ratings (see evaluateTopN). Default: every held-out pair. */
  relevantMin?: number;
}

export interface RecommenderResult {
  model: ModelName;
  label: string;
  /** RMSE/MAE on the test pairs — biased MF on explicit ratings only, else null. */
  ratings: RatingMetrics | null;
  topN: TopNMetrics;
  /** Top `top` per customer, excluding items in the customer's training AND test pairs (what to show them next). */
  recommendations: TopN | null;
  losses: { iteration: number; loss: number }[];
  /** Wall-clock milliseconds of training and of evaluation. */
  trainMs: number;
  evaluateMs: number;
}

/**
 * Train, evaluate and list — see `trainRecommender`, `evaluateRatings`, `evaluateTopN`, `topN`.
 * `signal` is checked between phases and epochs (in the browser, Cancel terminates the worker instead).
 *
 * @example
 *   const result = runRecommenderJob({ train, test, model: 'itemknn', params: { itemknn: { k: 40 } } });
 *   result.topN.ndcg;
 */
export function runRecommenderJob(job: RecommenderJob, onProgress?: (p: RecommenderProgress) => void, signal?: AbortSignal): RecommenderResult {
  const name = modelName(job.model);
  const stop = () => {
    if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
  };
  const t0 = performance.now();
  const losses: { iteration: number; loss: number }[] = [];
  const model = trainRecommender(name, job.train, job.params ?? {}, (p) => {
    stop();
    if (!Number.isNaN(p.loss)) losses.push({ iteration: p.iteration, loss: p.loss });
    onProgress?.(p);
  });
  const t1 = performance.now();
  stop();
  onProgress?.({ model: name, phase: 'evaluate', iteration: 0, iterations: 1, loss: NaN });
  const ratings = model.kind === 'mf' && job.train.explicit ? evaluateRatings(model, job.test) : null;
  const metrics = evaluateTopN(model, job.train, job.test, { k: job.k ?? 10, relevantMin: job.relevantMin });
  const t2 = performance.now();
  stop();
  const top = job.top ?? 5;
  let recommendations: TopN | null = null;
  if (top > 0) {
    onProgress?.({ model: name, phase: 'list', iteration: 0, iterations: 1, loss: NaN });
    recommendations = topN(model, job.train, { k: top, exclude: job.test });
  }
  return { model: name, label: MODEL_LABELS[name], ratings, topN: metrics, recommendations, losses, trainMs: t1 - t0, evaluateMs: t2 - t1 };
}
