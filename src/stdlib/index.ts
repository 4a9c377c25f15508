/**
 * The names a notebook's code cells can use, the same in the browser and in the headless runner.
 *
 * Only two things differ by environment and are injected: how a dataset key becomes a table
 * (`loadDataset`) and how a model is trained (`trainModel`: a Web Worker in the browser, in-process
 * in Node). Charts get the environment's `document` so the runner can write SVG files.
 *
 * @example
 *   const builtins = createStdlib({ loadDataset, trainStream, document });
 *   new Runtime({ builtins });
 */
import type { Table } from 'apache-arrow';
import { DAY_MS } from '../core/schema';
import { floats, makeTable } from '../core/table';
import { detectRoles } from '../core/data/roles';
import { toTransactions } from '../core/data/transactions';
import { clean } from '../core/prep/clean';
import { rfm } from '../core/profile/rfm';
import { purchaseDataset, scoringFeatures } from '../core/profile/purchaseDataset';
import { rfmScores } from '../core/tiers/rfmScore';
import { thresholdTiers, tierSummary } from '../core/tiers/threshold';
import { stratifiedSplit } from '../core/stats/split';
import { confusion, rocAuc, prAuc, logLoss, histogram } from '../core/stats/metrics';
import { recommend } from '../core/recommend/coPurchase';
import { deliveryProbabilities, parseAlpha } from '../core/campaign/delivery';
import { predictProba } from '../model/predict';
import { coefficients as modelCoefficients } from '../model/coefficients';
import type { LogisticModel, PurchaseModel } from '../model/types';
import { probabilityHistogram } from '../plots/histogram';
import { tierShares } from '../plots/tierShares';
import { waterfall } from '../plots/waterfall';
import { lossCurve } from '../plots/lossCurve';
import { confusionMatrix } from '../plots/confusionMatrix';
import { rfmDistribution } from '../plots/rfmDistribution';
import { rfmHeatmap } from '../plots/rfmHeatmap';
import { deliveryHeatmap } from '../plots/deliveryHeatmap';
import { segmentBars } from '../plots/segmentBars';
import { recommendationScores } from '../plots/recommendationScores';
import { dataset, columnRoles } from './dataWidgets';
import { chartIn } from './chart';
import { profilingBuiltins } from './profiling';
import { modelingBuiltins } from './modeling';
import { recommendingBuiltins } from './recommending';
import { lifetimeBuiltins } from './lifetime';
import { campaignsBuiltins } from './campaigns';
import { engineBuiltins } from './engine';
import type { TrainingState, TrainStream, TrainingRows } from './training';

export type { TrainingState, TrainStream, TrainingRows } from './training';

export interface StdlibEnv {
  /** Resolve a dataset key (a shipped dataset id or an uploaded file's name) to its raw table. */
  loadDataset: (key: string) => Promise<Table>;
  /** Train the purchase model, yielding progress and finally the model. */
  trainStream: TrainStream;
  /** The document charts render into (jsdom's in Node). */
  document?: Document;
  /**
   * Set a widget parameter from a cell's output (e.g. a "move the threshold to the profit-optimal
   * value" button). Bound to the runtime after it is created.
   */
  setParameter?: (name: string, value: unknown) => void;
  /** Runs a recommender training job (a Web Worker in the browser); in-process when absent. */
  recommend?: import('./recommending').RecommendRunner;
  /** The engine path's environment: native DuckDB in the runner, kept files for DuckDB-wasm in the app. */
  engine?: import('../engine/host').EngineHost;
  /** Runs co-purchase `recommend` and `kmeansSweep` off the main thread (the app's compute worker); in-process when absent. */
  compute?: import('../workers/computeClient').Compute;
}

/** A purchase dataset as produced by `purchaseDataset`. */
interface PurchaseData {
  customers: string[];
  featureNames: string[];
  X: Float32Array;
  y: Uint8Array;
}

/** Rows of a purchase dataset where `split[i] === which` (0 = train, 1 = test). */
export function rowsOf(data: PurchaseData, split: Uint8Array, which: 0 | 1): TrainingRows {
  const d = data.featureNames.length;
  const index: number[] = [];
  for (let i = 0; i < split.length; i++) if (split[i] === which) index.push(i);
  const X = new Float32Array(index.length * d);
  const y = new Uint8Array(index.length);
  index.forEach((row, k) => {
    X.set(data.X.subarray(row * d, row * d + d), k * d);
    y[k] = data.y[row];
  });
  return { X, y, n: index.length, d, featureNames: data.featureNames };
}

/** The finished model of a training run; pending (so dependents wait) while it is still running. */
export function trained(training: TrainingState): PurchaseModel | Promise<PurchaseModel> {
  if (training.model) return training.model;
  return new Promise<PurchaseModel>(() => {});
}

/** Probabilities and labels for the `which` rows of a purchase dataset. */
export function predictRows(model: PurchaseModel, data: PurchaseData, split: Uint8Array, which: 0 | 1) {
  const rows = rowsOf(data, split, which);
  return { p: predictProba(model, rows.X, rows.n, rows.d), y: rows.y };
}

/** Score every customer: a table of customer, probability. */
export function scoreCustomers(model: PurchaseModel, features: { customers: string[]; featureNames: string[]; X: Float32Array }): Table {
  const n = features.customers.length;
  const p = predictProba(model, features.X, n, features.featureNames.length);
  return makeTable({ customer: features.customers, probability: Float64Array.from(p) });
}

/**
 * A small Arrow table from plain columns, for notebook authors: numbers become Float64, strings
 * (or nulls) dictionary-encoded text.
 * @example table({tier: ["High", "Low"], customers: [120, 380]})
 */
export function table(columns: Record<string, ArrayLike<number> | (string | null)[]>): Table {
  const cols: Parameters<typeof makeTable>[0] = {};
  for (const [name, values] of Object.entries(columns)) {
    const list = Array.from(values as ArrayLike<unknown>);
    cols[name] = list.every((v) => typeof v === 'number') ? Float64Array.from(list as number[]) : list.map((v) => (v === null || v === undefined ? null : String(v)));
  }
  return makeTable(cols);
}

/** The last timestamp (epoch ms) of a canonical transactions table. */
export function lastTimestamp(tx: Table): number {
  const t = floats(tx, 'time');
  let max = -Infinity;
  for (let i = 0; i < t.length; i++) if (t[i] > max) max = t[i];
  return max;
}

/** Coefficient table (feature, weight per standard deviation, odds ratio) for teaching. */
export function coefficients(model: LogisticModel, featureNames: string[]): Table {
  const rows = modelCoefficients(model, featureNames);
  return makeTable({
    feature: rows.map((r) => r.feature),
    weight: Float64Array.from(rows, (r) => r.weight),
    oddsRatio: Float64Array.from(rows, (r) => r.oddsRatio),
  });
}

export function createStdlib(env: StdlibEnv): Record<string, unknown> {
  // Every chart is (data, options) and takes the environment's document, so the headless
  // runner renders the same SVG as the browser.
  const chart = chartIn(env.document);
  return {
    DAY: DAY_MS,
    table,
    setParameter: (name: string, value: unknown) => env.setParameter?.(name, value),
    dataset,
    columnRoles,
    loadDataset: env.loadDataset,
    detectRoles,
    toTransactions,
    clean,
    rfm,
    rfmScores,
    purchaseDataset,
    scoringFeatures,
    lastTimestamp,
    stratifiedSplit,
    rowsOf,
    trainModel: env.trainStream,
    trained,
    predictRows,
    scoreCustomers,
    coefficients,
    thresholdTiers,
    tierSummary,
    confusion,
    rocAuc,
    prAuc,
    logLoss,
    histogram,
    recommend: env.compute ? env.compute.recommend : recommend,
    deliveryProbabilities,
    parseAlpha,
    probabilityHistogram: chart(probabilityHistogram),
    tierShares: chart(tierShares),
    waterfall: chart(waterfall),
    lossCurve: chart(lossCurve),
    confusionMatrix: chart(confusionMatrix),
    rfmDistribution: chart(rfmDistribution),
    rfmHeatmap: chart(rfmHeatmap),
    deliveryHeatmap: chart(deliveryHeatmap),
    segmentBars: chart(segmentBars),
    recommendationScores: chart(recommendationScores),
    // One module per stage area; later entries may refine earlier ones.
    ...profilingBuiltins(env),
    ...modelingBuiltins(env),
    ...recommendingBuiltins(env),
    ...lifetimeBuiltins(env),
    ...campaignsBuiltins(env),
    ...engineBuiltins(env),
  };
}
