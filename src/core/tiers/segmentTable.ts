/**
 * One row per customer with the verdict of every tiering method side by side.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable } from '../table';
import { lazyCodes } from '../stats/columns';
import { joinIndex } from './joinIndex';

/**
 * Join, by customer id, the RFM scores (`rfmScores`: customer, score, segment), a cluster label per
 * customer of `clustered` (customer column + `labels`), and the model tiers (`probabilityTiers`:
 * customer, tier). Rows follow `scores`. Columns: customer, rfm_score, rfm_segment, cluster
 * (−1 = not clustered), tier (null = not scored). The id joins are cached (`joinIndex`), so re-running
 * with new tiers for the same customers — a threshold move — only copies integer codes.
 *
 * @example
 *   segmentTable(rfm_scores, { customers: features, labels: clusters.labels }, tiers);
 */
export function segmentTable(scores: Table, clustered: { customers: Table; labels: Int32Array }, tiers: Table): Table {
  if (clustered.customers.numRows !== clustered.labels.length) {
    throw new Error(`segmentTable: ${clustered.labels.length} cluster labels for ${clustered.customers.numRows} customers`);
  }
  const toCluster = joinIndex(scores, clustered.customers);
  const toTier = joinIndex(scores, tiers);
  const n = scores.numRows;
  const tierCodes = lazyCodes(tiers, 'tier');
  const dict = Array.from({ length: tierCodes.size }, (_, k) => tierCodes.value(k));
  const cluster = new Int32Array(n);
  const tier = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    cluster[i] = toCluster[i] < 0 ? -1 : clustered.labels[toCluster[i]];
    tier[i] = toTier[i] < 0 ? -1 : tierCodes.codes[toTier[i]];
  }
  return makeTable({
    customer: scores.getChild('customer')!,
    rfm_score: floats(scores, 'score'),
    rfm_segment: scores.getChild('segment')!,
    cluster,
    tier: { codes: tier, dict },
  });
}
