/**
 * Notebook builtins for issue 3 — preprocessing, profile features, feature selection, k-means,
 * probability tiers and revenue concentration. Each entry is a name notebook cells can use; charts go
 * through `chart` so they render into the environment's document.
 *
 * Names are chosen so notebook cells can take the natural output names (`kmeans`, `features`,
 * `segments`): the builtins are `clusterCustomers`, `scaleFeatures`, `segmentTable`.
 */
import type { Table } from 'apache-arrow';
import type { StdlibEnv } from './index';
import { chartIn } from './chart';
import { makeTable, strings, floats } from '../core/table';
import { hasColumn } from '../core/stats/columns';
import { netReturns } from '../core/prep/returns';
import { capOutliers } from '../core/prep/outliers';
import { scaleFeatures, SCALINGS, type Scaling } from '../core/prep/scale';
import { encodeColumn } from '../core/prep/encode';
import { customerFeatures } from '../core/profile/features';
import { customerHistory } from '../core/profile/history';
import { correlationMatrix } from '../core/select/correlation';
import { mutualInformation } from '../core/select/mutualInfo';
import { lowVariance } from '../core/select/lowVariance';
import { matrixOf } from '../core/cluster/matrix';
import { kmeans } from '../core/cluster/kmeans';
import { silhouette } from '../core/cluster/silhouette';
import { kmeansSweep } from '../core/cluster/sweep';
import { pca } from '../core/cluster/pca';
import { orderClusters, clusterProfiles } from '../core/cluster/profiles';
import { probabilityTiers } from '../core/tiers/probabilityTiers';
import { concentration } from '../core/tiers/concentration';
import { segmentTable } from '../core/tiers/segmentTable';
import { SEGMENT_RULES } from '../core/tiers/segments';
import { lorenzCurve } from '../plots/lorenz';
import { elbowChart } from '../plots/elbow';
import { silhouetteChart } from '../plots/silhouette';
import { pcaScatter } from '../plots/pcaScatter';
import { correlationHeatmap } from '../plots/correlationHeatmap';
import { spendHistogram } from '../plots/spendHistogram';

/** Split "recency, frequency, monetary" into column names, checking each exists in `table`. */
export function columnList(table: Table, text: string | readonly string[]): string[] {
  const names = (typeof text === 'string' ? text.split(',') : [...text]).map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new Error('choose at least one column (a comma-separated list, e.g. "recency, frequency, monetary")');
  const have = table.schema.fields.map((f) => f.name);
  for (const n of names) if (!have.includes(n)) throw new Error(`no column \`${n}\` (columns: ${have.join(', ')})`);
  return names;
}

/** The result of `clusterCustomers`: what k-means found, aligned with `customers` (the scaled features). */
export interface Clustering {
  k: number;
  columns: string[];
  inertia: number;
  silhouette: number;
  /** How many rows the silhouette scored (all when ≤ sampleSize). */
  silhouetteRows: number;
  iterations: number;
  nInit: number;
  seed: number;
  sizes: Int32Array;
  labels: Int32Array;
  centers: Float64Array;
  /** The scaled feature table k-means ran on (customer + columns). */
  customers: Table;
}

/**
 * k-means on the given columns of a scaled feature table (`scaleFeatures(...).table`), with clusters
 * renumbered by mean `valueColumn` of `original` (default monetary of the same rows; cluster 0 = the
 * highest) and its silhouette. Defaults: nInit 10, seed 42, silhouette sample 5,000.
 */
export function clusterCustomers(
  features: Table,
  opts: { k: number; columns?: string | readonly string[]; nInit?: number; seed?: number; sampleSize?: number; value?: ArrayLike<number> },
): Clustering {
  const columns = columnList(features, opts.columns ?? features.schema.fields.filter((f) => f.name !== 'customer').map((f) => f.name));
  const m = matrixOf(features, columns);
  const seed = opts.seed ?? 42;
  const nInit = opts.nInit ?? 10;
  let r = kmeans(m, { k: opts.k, nInit, seed });
  r = orderClusters(r, opts.value ?? (hasColumn(features, 'monetary') ? floats(features, 'monetary') : new Float64Array(m.n)));
  const sampleSize = opts.sampleSize ?? 5000;
  return {
    k: r.k,
    columns,
    inertia: r.inertia,
    silhouette: silhouette(m, r.labels, { sampleSize, seed }),
    silhouetteRows: Math.min(m.n, sampleSize),
    iterations: r.iterations,
    nInit,
    seed,
    sizes: r.sizes,
    labels: r.labels,
    centers: r.centers,
    customers: features,
  };
}

/** Cluster label of each row of `table` by customer id (−1 = not in the clustering). */
export function labelsFor(table: Table, clustering: Clustering): Int32Array {
  const at = new Map<string, number>();
  strings(clustering.customers, 'customer').forEach((c, i) => c !== null && at.set(c, clustering.labels[i]));
  return Int32Array.from(strings(table, 'customer'), (c) => (c === null ? -1 : (at.get(c) ?? -1)));
}

/** The scaled table's columns on their first two principal components, with the cluster labels. */
export function pcaOf(clustering: Clustering) {
  const p = pca(matrixOf(clustering.customers, clustering.columns));
  return { scores: p.scores, labels: clustering.labels, varianceRatio: p.varianceRatio, loadings: p.loadings };
}

/** A purchase dataset (`purchaseDataset`) as a table: customer, one column per feature, label. */
export function purchaseTable(data: { customers: string[]; featureNames: string[]; X: Float32Array; y: Uint8Array }): Table {
  const d = data.featureNames.length;
  const n = data.customers.length;
  const cols: Record<string, Float64Array | string[]> = { customer: data.customers };
  data.featureNames.forEach((f, j) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = data.X[i * d + j];
    cols[f] = v;
  });
  cols.label = Float64Array.from(data.y);
  return makeTable(cols);
}

/**
 * A table with the given columns and no rows — what a stage returns when the data cannot feed it
 * (e.g. no item column, so no recommendations), so later cells still run.
 *
 * @example emptyTable({ customer: 'text', rank: 'int', score: 'number' }).numRows; // 0
 */
export function emptyTable(columns: Record<string, 'text' | 'int' | 'number'>): Table {
  const cols: Record<string, string[] | Int32Array | Float64Array> = {};
  for (const [name, kind] of Object.entries(columns)) cols[name] = kind === 'text' ? [] : kind === 'int' ? new Int32Array(0) : new Float64Array(0);
  return makeTable(cols);
}

/** The R×F segment rules as a table (segment, R, F, description) for the notebook. */
export function segmentRules(): Table {
  return makeTable({
    segment: SEGMENT_RULES.map((s) => s.name),
    R: SEGMENT_RULES.map((s) => (s.r[0] === s.r[1] ? `${s.r[0]}` : `${s.r[0]}–${s.r[1]}`)),
    F: SEGMENT_RULES.map((s) => (s.f[0] === s.f[1] ? `${s.f[0]}` : `${s.f[0]}–${s.f[1]}`)),
    description: SEGMENT_RULES.map((s) => s.description),
  });
}

export function profilingBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  return {
    hasColumn,
    columnValues: (table: Table, name: string) => floats(table, name),
    netReturns,
    capOutliers,
    scaleFeatures,
    SCALINGS: SCALINGS as readonly Scaling[],
    encodeColumn,
    customerFeatures,
    customerHistory,
    correlationMatrix,
    mutualInformation,
    lowVariance,
    matrixOf,
    kmeansSweep: env.compute ? env.compute.kmeansSweep : kmeansSweep,
    clusterCustomers,
    labelsFor,
    clusterProfiles,
    pcaOf,
    purchaseTable,
    probabilityTiers,
    concentration,
    segmentTable,
    segmentRules,
    columnList,
    emptyTable,
    lorenzCurve: chart(lorenzCurve),
    elbowChart: chart(elbowChart),
    silhouetteChart: chart(silhouetteChart),
    pcaScatter: chart(pcaScatter),
    correlationHeatmap: chart(correlationHeatmap),
    spendHistogram: chart(spendHistogram),
  };
}
