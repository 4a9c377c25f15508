/**
 * Notebook builtins for issue 5 — recommenders and their offline evaluation.
 * Each entry is a name notebook cells can use; charts go through `chart` so they render into the
 * environment's document.
 *
 * Training runs through the environment's `recommend` runner — in the browser the app runs the job in a
 * Web Worker (src/workers/recommendClient.ts); without one (the headless runner) in-process. Both run
 * `runRecommenderJob`, so both give the same numbers.
 *
 * @example (notebook cells)
 *   interactions = interactionsFrom(raw)               // transactions → purchase counts; a ratings file → ratings
 *   split = recommenderSplit(interactions, {method: "random", testFraction: 0.2, seed: 42})
 *   run = trainRecommender(split, {model: "als", params: {als: {factors: 32}}})
 *   result = recommenderResult(run)
 *   recommendations = recommendationTable(result, split)
 *   metrics = recommenderMetrics(result, split)
 */
import { chartLabel, chartText } from '../plots/locale';
import type { Table } from 'apache-arrow';
import type { StdlibEnv } from './index';
import { chartIn } from './chart';
import { makeTable } from '../core/table';
import { detectRoles } from '../core/data/roles';
import { toTransactions } from '../core/data/transactions';
import { clean } from '../core/prep/clean';
import type { RoleMap } from '../core/schema';
import { interactionsFromRatings, interactionsFromTransactions, type Interactions } from '../core/recommend/interactions';
import { holdout, withTestSet, type Holdout, type HoldoutOptions } from '../core/recommend/split';
import { SOURCES } from '../core/recommend/score';
import {
  MODEL_LABELS,
  MODEL_NAMES,
  iterationsOf,
  modelName,
  runRecommenderJob,
  type ModelName,
  type RecommenderJob,
  type RecommenderParams,
  type RecommenderProgress,
  type RecommenderResult,
} from '../core/recommend/pipeline';
import { recommend as coPurchaseRecommend } from '../core/recommend/coPurchase';
import { recommenderComparison } from '../plots/recommenderComparison';
import { lossCurve } from '../plots/lossCurve';

/** Runs one job: in the browser a worker, in Node in-process. */
export type RecommendRunner = (job: RecommenderJob, onProgress: (p: RecommenderProgress) => void, signal: AbortSignal) => Promise<RecommenderResult>;

/** In-process runner (the headless runner and tests); yields to the event loop first so a state streams. */
export const inProcessRunner: RecommendRunner = async (job, onProgress, signal) => {
  await new Promise((r) => setTimeout(r, 0));
  return runRecommenderJob(job, onProgress, signal);
};

/**
 * The runner of this environment: `env.recommend` when the host provides one (the browser app runs jobs
 * in src/workers/recommendClient.ts — `workerRecommendRunner`), else in-process (the headless runner).
 */
function runnerOf(env: StdlibEnv): RecommendRunner {
  return (env as StdlibEnv & { recommend?: RecommendRunner }).recommend ?? inProcessRunner;
}

/** Whether a raw table is a transactions export (customer, order and item roles detected or given). */
export function isTransactions(raw: Table, roles?: RoleMap): boolean {
  const r = roles ?? detectRoles(raw);
  return !!(r.customer && r.item && r.order);
}

/**
 * Interactions from whatever the dataset is: a transactions table (customer, order, item roles) becomes
 * implicit purchase counts (distinct orders per customer × item, after the default cleaning); any other
 * table is read as explicit ratings `user item rating [timestamp]`.
 */
export function interactionsFrom(raw: Table, opts: { roles?: RoleMap; file?: string } = {}): Interactions {
  const file = opts.file ?? 'dataset';
  if (isTransactions(raw, opts.roles)) {
    const tx = toTransactions(raw, opts.roles ?? detectRoles(raw), { file });
    return interactionsFromTransactions(clean(tx).table, { source: file });
  }
  return interactionsFromRatings(raw, { file });
}

/** Holdout: a supplied `test` table (read like `interactionsFrom`) when given, else `holdout(inter, opts)`. */
export function recommenderSplit(inter: Interactions, opts: HoldoutOptions & { test?: Table | null; testFile?: string } = {}): Holdout {
  if (opts.test) {
    const test = interactionsFrom(opts.test, { file: opts.testFile ?? 'test' });
    return withTestSet(inter, { ...test, explicit: inter.explicit });
  }
  return holdout(inter, opts);
}

/** One training run as a cell sees it. */
export interface RecommenderState {
  status: 'training' | 'evaluating' | 'done';
  model: ModelName;
  label: string;
  iteration: number;
  iterations: number;
  losses: { iteration: number; loss: number }[];
  result: RecommenderResult | null;
}

/**
 * Stream one run's states: progress after each epoch, then 'done' with the result. Returning the
 * generator (a cancelled or superseded cell) aborts the run — in the browser that terminates the worker.
 */
export async function* recommenderStream(job: RecommenderJob, runner: RecommendRunner): AsyncGenerator<RecommenderState> {
  const name = modelName(job.model);
  const iterations = iterationsOf(name, job.params);
  const controller = new AbortController();
  const losses: { iteration: number; loss: number }[] = [];
  let phase: RecommenderState['status'] = 'training';
  let iteration = 0;
  let wake: (() => void) | null = null;
  let dirty = false;
  let result: RecommenderResult | null = null;
  let failure: unknown = null;
  const done = runner(
    job,
    (p) => {
      if (p.phase === 'train') {
        iteration = p.iteration;
        if (!Number.isNaN(p.loss)) losses.push({ iteration: p.iteration, loss: p.loss });
      } else phase = 'evaluating';
      dirty = true;
      wake?.();
    },
    controller.signal,
  ).then(
    (r) => {
      result = r;
      wake?.();
    },
    (e) => {
      failure = e ?? new Error('recommender training failed');
      wake?.();
    },
  );
  const state = (): RecommenderState => ({ status: phase, model: name, label: MODEL_LABELS[name], iteration, iterations, losses: losses.slice(), result: null });
  try {
    yield state();
    while (!result && !failure) {
      if (!dirty) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (dirty && !result && !failure) {
        dirty = false;
        yield state();
      }
    }
    if (failure) throw failure;
    const r = result as unknown as RecommenderResult;
    yield { status: 'done', model: name, label: MODEL_LABELS[name], iteration: iterations, iterations, losses: r.losses, result: r };
  } finally {
    if (!result && !failure) controller.abort();
    await done.catch(() => {});
  }
}

/** The result of a finished run; pending (dependents wait) while it runs. */
export function recommenderResult(state: RecommenderState): RecommenderResult | Promise<RecommenderResult> {
  return state.result ?? new Promise<RecommenderResult>(() => {});
}

/**
 * The top-N table: customer, rank, item, score, item_name, because ("because you bought …", or why the
 * popular list was used), source (the model's label, "popularity (cold start)" or "popularity (fill)").
 */
export function recommendationTable(result: RecommenderResult, split: Holdout): Table {
  const recs = result.recommendations;
  if (!recs) throw new Error('recommendationTable: this run listed no recommendations (top was 0)');
  const { train } = split;
  const because = Array.from(recs.because, (i, e) =>
    i >= 0 ? `because you bought ${train.itemNames[i]}` : recs.source[e] === 1 ? 'new customer: most popular items' : 'popular with other customers',
  );
  const sourceLabels = [result.label, SOURCES[1], SOURCES[2]];
  return makeTable({
    customer: { codes: recs.user, dict: train.users },
    rank: recs.rank,
    item: { codes: recs.item, dict: train.items },
    score: recs.score,
    item_name: { codes: recs.item, dict: train.itemNames },
    because,
    source: { codes: Int32Array.from(recs.source), dict: sourceLabels },
  });
}

/** Round to 6 significant decimals for JSON. */
const r6 = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null);

/**
 * The run's metrics as the runner writes them to metrics.json: rmse and mae (explicit ratings, biased MF
 * only), precision/recall/ndcg/map/hit rate at k, coverage, novelty, and their denominators.
 */
export function recommenderMetrics(result: RecommenderResult, split: Holdout): Record<string, unknown> {
  const m = result.topN;
  const k = m.k;
  return {
    model: result.model,
    ...(result.ratings ? { rmse: r6(result.ratings.rmse), mae: r6(result.ratings.mae), rated_test_pairs: result.ratings.n } : {}),
    [`precision_at_${k}`]: r6(m.precision),
    [`recall_at_${k}`]: r6(m.recall),
    [`ndcg_at_${k}`]: r6(m.ndcg),
    [`map_at_${k}`]: r6(m.map),
    [`hit_rate_at_${k}`]: r6(m.hitRate),
    coverage: r6(m.coverage),
    novelty: r6(m.novelty),
    users_evaluated: m.users,
    cold_start_users: m.coldStartUsers,
    catalogue_items: m.catalogue,
    explicit: split.train.explicit,
    split: split.description,
    train_pairs: split.train.user.length,
    test_pairs: split.test.user.length,
    train_ms: Math.round(result.trainMs),
    evaluate_ms: Math.round(result.evaluateMs),
  };
}

/** A comparison run's state: the finished results so far and the model in training. */
export interface ComparisonState {
  status: 'training' | 'done';
  current: ModelName | null;
  results: RecommenderResult[];
}

/**
 * Train and evaluate several models on the same split, one after the other (no recommendation lists).
 * A model that cannot run on this data (content without item names) is skipped and reported in `skipped`.
 */
export async function* comparisonStream(
  split: Holdout,
  opts: { models?: ModelName[]; params?: RecommenderParams; k?: number },
  runner: RecommendRunner,
): AsyncGenerator<ComparisonState & { skipped: { model: ModelName; reason: string }[] }> {
  const models = (opts.models ?? [...MODEL_NAMES]).map(modelName);
  const results: RecommenderResult[] = [];
  const skipped: { model: ModelName; reason: string }[] = [];
  for (const m of models) {
    yield { status: 'training', current: m, results: results.slice(), skipped: skipped.slice() };
    try {
      for await (const s of recommenderStream({ train: split.train, test: split.test, model: m, params: opts.params, k: opts.k, top: 0 }, runner)) {
        if (s.result) results.push(s.result);
      }
    } catch (e) {
      if ((e as { name?: string })?.name === 'AbortError') throw e;
      skipped.push({ model: m, reason: (e as Error)?.message ?? String(e) });
    }
  }
  yield { status: 'done', current: null, results, skipped };
}

/** Long table (model, metric, value) of the top-N metrics of every finished model, for the chart and CSV. */
export function comparisonTable(state: ComparisonState): Table {
  const model: string[] = [];
  const metric: string[] = [];
  const value: number[] = [];
  for (const r of state.results) {
    const k = r.topN.k;
    const rows: [string, number][] = [
      [`precision@${k}`, r.topN.precision],
      [`recall@${k}`, r.topN.recall],
      [`NDCG@${k}`, r.topN.ndcg],
      [`MAP@${k}`, r.topN.map],
      [`hit rate@${k}`, r.topN.hitRate],
      ['coverage', r.topN.coverage],
    ];
    for (const [name, v] of rows) {
      model.push(r.label);
      metric.push(name);
      value.push(v);
    }
  }
  return makeTable({ model, metric, value: Float64Array.from(value) });
}

/** The co-purchase recommender's key among the targeting recommenders. */
export const CO_PURCHASE = 'copurchase';

/** The recommenders an ad campaign can take its items from: co-purchase, then every trainable model. */
export const TARGETING_RECOMMENDERS: { value: string; label: string }[] = [
  { value: CO_PURCHASE, label: 'Co-purchase (item–item)' },
  ...MODEL_NAMES.map((value) => ({ value, label: MODEL_LABELS[value] })),
];

/** A targeting run as a cell sees it: training progress, then the top-N table. */
export interface TargetingState {
  status: 'training' | 'evaluating' | 'done';
  model: string;
  label: string;
  iteration: number;
  iterations: number;
  losses: { iteration: number; loss: number }[];
  /** customer, rank, item, itemName, score (≥ 0), because — null until done. */
  table: Table | null;
}

/**
 * Top-`k` items per customer of the cleaned transactions `orders`, from `model`: "copurchase" (the
 * item–item co-purchase recommender, `recommend` — instant) or a trainable model (mf, als, itemknn,
 * popularity, content) trained on ALL of the customers' purchases (no holdout: this is for serving, the
 * recommendations notebook evaluates) through the environment's runner (a worker in the browser).
 * Streams training states; the last one is `done` with `table`: customer, rank, item, itemName, score,
 * because — the columns `deliveryProbabilities` reads. Model scores below 0 (MF and ALS predictions can
 * be) become 0, so such an item is never shown (P(i|u) needs r_ui ≥ 0).
 * Defaults: model "copurchase", k 5, the models' own default parameters.
 *
 * @example (notebook cells)
 *   targeting = targetingRecommendations(orders, {model: "als", k: 5, params: {als: {factors: 16}}})
 *   recommendations = targetingTable(targeting)
 */
export async function* targetingStream(
  orders: Table,
  opts: { model?: string; k?: number; params?: RecommenderParams },
  runner: RecommendRunner,
): AsyncGenerator<TargetingState> {
  const key = opts.model ?? CO_PURCHASE;
  const k = opts.k ?? 5;
  if (key === CO_PURCHASE) {
    const table = coPurchaseRecommend(orders, { k });
    yield { status: 'done', model: CO_PURCHASE, label: TARGETING_RECOMMENDERS[0].label, iteration: 1, iterations: 1, losses: [], table };
    return;
  }
  if (!(MODEL_NAMES as readonly string[]).includes(key)) {
    throw new Error(`targetingRecommendations: unknown recommender \`${key}\` (choose one of ${TARGETING_RECOMMENDERS.map((r) => r.value).join(', ')})`);
  }
  const inter = interactionsFromTransactions(orders, { source: 'orders' });
  const none = new Int32Array(0);
  const test: Interactions = { ...inter, user: none, item: none, rating: new Float64Array(0), time: new Float64Array(0) };
  for await (const s of recommenderStream({ train: inter, test, model: key as ModelName, params: opts.params, k, top: k }, runner)) {
    const base = { status: s.status, model: s.model, label: s.label, iteration: s.iteration, iterations: s.iterations, losses: s.losses };
    if (!s.result) {
      yield { ...base, table: null };
      continue;
    }
    const recs = s.result.recommendations!;
    const score = Float64Array.from(recs.score, (v) => (v > 0 ? v : 0));
    const because = Array.from(recs.because, (i, e) => (i >= 0 ? inter.itemNames[i] : recs.source[e] === 1 ? 'new customer: popular' : 'popular'));
    const table = makeTable({
      customer: { codes: recs.user, dict: inter.users },
      rank: recs.rank,
      item: { codes: recs.item, dict: inter.items },
      itemName: { codes: recs.item, dict: inter.itemNames },
      score,
      because,
    });
    yield { ...base, status: 'done', table };
  }
}

/** The table of a finished targeting run; pending (dependents wait) while it trains. */
export function targetingTable(state: TargetingState): Table | Promise<Table> {
  return state.table ?? new Promise<Table>(() => {});
}

export function recommendingBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  const runner = runnerOf(env);
  return {
    interactionsFrom,
    recommenderSplit,
    recommenderModels: MODEL_NAMES.map((value) => ({ value, label: MODEL_LABELS[value] })),
    trainRecommender: (split: Holdout, opts: { model: string; params?: RecommenderParams; k?: number; top?: number }) =>
      recommenderStream({ train: split.train, test: split.test, model: modelName(opts.model), params: opts.params, k: opts.k, top: opts.top }, runner),
    recommenderResult,
    recommendationTable,
    targetingRecommenders: TARGETING_RECOMMENDERS,
    targetingRecommendations: (orders: Table, opts: { model?: string; k?: number; params?: RecommenderParams } = {}) => targetingStream(orders, opts, runner),
    targetingTable,
    recommenderMetrics,
    compareRecommenders: (split: Holdout, opts: { models?: ModelName[]; params?: RecommenderParams; k?: number } = {}) => comparisonStream(split, opts, runner),
    comparisonTable,
    recommenderComparison: chart(recommenderComparison),
    recommenderLoss: (state: RecommenderState) =>
      chart(lossCurve)(state.losses, { iterations: state.iterations, title: chartText('loss.recommenderTitle', { model: chartLabel(state.label) }), subtitle: chartText(state.model === 'mf' ? 'loss.recommenderMf' : 'loss.recommenderAls') }),
  };
}
