/**
 * Reading clusters: relabel them by value and describe each in the features' original units.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable } from '../table';
import type { KMeansResult } from './kmeans';

/**
 * Renumber clusters so cluster 0 has the highest mean of `values` (e.g. monetary), 1 the next, …
 * k-means numbers clusters in seed order, which means nothing; after this, "cluster 0" is the most
 * valuable group on every run with the same seed. Returns a new result (centres reordered too).
 *
 * @example orderClusters(kmeans(m, { k: 4 }), floats(profile, 'monetary')).labels;
 */
export function orderClusters(r: KMeansResult, values: ArrayLike<number>): KMeansResult {
  const k = r.k;
  const d = r.centers.length / k;
  const sum = new Float64Array(k);
  for (let i = 0; i < r.labels.length; i++) sum[r.labels[i]] += values[i];
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => sum[b] / Math.max(1, r.sizes[b]) - sum[a] / Math.max(1, r.sizes[a]) || a - b,
  );
  const newOf = new Int32Array(k);
  order.forEach((old, neu) => (newOf[old] = neu));
  const centers = new Float64Array(r.centers.length);
  const sizes = new Int32Array(k);
  order.forEach((old, neu) => {
    centers.set(r.centers.subarray(old * d, old * d + d), neu * d);
    sizes[neu] = r.sizes[old];
  });
  return { ...r, labels: r.labels.map((c) => newOf[c]), centers, sizes };
}

/**
 * One row per cluster: cluster, customers, share (of clustered customers), the mean of each of `columns` in
 * the table's own (unscaled) units, and revenueShare — the cluster's share of Σ `revenue`
 * (default column `monetary`; omitted when the table has no such column).
 *
 * @example
 *   clusterProfiles(profile, labels, ['recency', 'frequency', 'monetary']);
 *   // cluster 0: 812 customers, 18.7%, recency 14.2 days, frequency 11.3, monetary 6,120, 64.0% of revenue
 */
export function clusterProfiles(table: Table, labels: Int32Array, columns: readonly string[], opts: { revenue?: string } = {}): Table {
  const n = table.numRows;
  if (labels.length !== n) throw new Error(`clusterProfiles: ${labels.length} labels for ${n} rows`);
  let k = 0;
  let clustered = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, labels[i] + 1);
  const count = new Int32Array(k);
  for (let i = 0; i < n; i++) if (labels[i] >= 0) (count[labels[i]]++, clustered++);
  const out: Record<string, Float64Array | Int32Array> = {
    cluster: Int32Array.from({ length: k }, (_, c) => c),
    customers: count,
    share: Float64Array.from(count, (c) => (clustered ? c / clustered : 0)),
  };
  for (const col of columns) {
    const v = floats(table, col);
    const s = new Float64Array(k);
    for (let i = 0; i < n; i++) if (labels[i] >= 0) s[labels[i]] += v[i];
    out[col] = s.map((x, c) => (count[c] ? x / count[c] : NaN));
  }
  const rev = opts.revenue ?? 'monetary';
  if (table.schema.fields.some((f) => f.name === rev)) {
    const v = floats(table, rev);
    const s = new Float64Array(k);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (labels[i] < 0) continue;
      s[labels[i]] += v[i];
      total += v[i];
    }
    out.revenueShare = s.map((x) => (total !== 0 ? x / total : 0));
  }
  return makeTable(out);
}
