/**
 * The purchase-probability dataset: features before a cutoff, label = buys in the following horizon.
 */
import type { Table } from 'apache-arrow';
import { DAY_MS } from '../schema';
import { codes } from '../table';
import { timeMs } from '../stats/columns';
import { customerStats, type CustomerStats } from './customerStats';
import { defaultAsOf } from './asOf';

/** Feature names, in column order of `X`. */
export const FEATURE_NAMES = [
  'recency_days',
  'log1p_frequency',
  'log1p_monetary',
  'log1p_aov',
  'tenure_days',
  'log1p_items',
  'mean_interpurchase_days',
] as const;

/** Customers × features, row-major. */
export interface FeatureMatrix {
  customers: string[];
  featureNames: string[];
  /** Row-major n × d (d = featureNames.length). */
  X: Float32Array;
}

/**
 * Features of each customer as of `asOf` from stats computed on lines before it:
 * recency_days (floor), log1p(frequency), log1p(max(0, monetary)), log1p(max(0, aov)),
 * tenure_days (floor), log1p(distinct items), mean inter-purchase days
 * ((last − first) / (orders − 1), fractional; 0 with one order).
 */
function featureRows(s: CustomerStats, asOf: number): FeatureMatrix {
  const n = s.customers.length;
  const d = FEATURE_NAMES.length;
  const X = new Float32Array(n * d);
  for (let k = 0; k < n; k++) {
    const f = s.orders[k];
    const money = Math.max(0, s.monetary[k]);
    const o = k * d;
    X[o] = Math.floor((asOf - s.last[k]) / DAY_MS);
    X[o + 1] = Math.log1p(f);
    X[o + 2] = Math.log1p(money);
    X[o + 3] = Math.log1p(f > 0 ? money / f : 0);
    X[o + 4] = Math.floor((asOf - s.first[k]) / DAY_MS);
    X[o + 5] = Math.log1p(s.items[k]);
    X[o + 6] = f > 1 ? (s.last[k] - s.first[k]) / DAY_MS / (f - 1) : 0;
  }
  return { customers: s.customers, featureNames: [...FEATURE_NAMES], X };
}

export interface PurchaseDatasetOptions {
  /**
   * Feature cutoff in ms. Default: the horizon ends at 00:00 UTC of the day after the last line
   * (`defaultAsOf`), so cutoff = that − horizonDays (≈ last timestamp − 90 days, rounded to whole
   * days so the horizon covers the last day in full).
   */
  cutoff?: number;
  /** Label horizon in days after the cutoff. Default 90. */
  horizonDays?: number;
}

/**
 * Training data for "will this customer buy in the next `horizonDays`?".
 * Features come only from lines strictly before `cutoff` (no leakage; see `FEATURE_NAMES`);
 * y = 1 when the customer has ≥ 1 line in [cutoff, cutoff + horizon). Customers = those with
 * ≥ 1 line before the cutoff, sorted by id.
 *
 * @example
 *   const ds = purchaseDataset(clean(tx).table);             // 90-day horizon ending after the last day
 *   const ds2 = purchaseDataset(tx, { cutoff: Date.UTC(2011, 8, 1), horizonDays: 60 });
 *   ds.X.length === ds.customers.length * ds.featureNames.length; // true
 */
export function purchaseDataset(
  tx: Table,
  opts: PurchaseDatasetOptions = {},
): FeatureMatrix & { y: Uint8Array; cutoff: number; horizonEnd: number } {
  const horizonDays = opts.horizonDays ?? 90;
  if (!(horizonDays > 0)) throw new Error(`purchaseDataset: horizonDays must be > 0, got ${horizonDays}`);
  const cutoff = opts.cutoff ?? defaultAsOf(tx) - horizonDays * DAY_MS;
  if (!Number.isFinite(cutoff)) throw new Error(`purchaseDataset: cutoff must be a finite time in ms, got ${cutoff}`);
  const horizonEnd = cutoff + horizonDays * DAY_MS;
  const s = customerStats(tx, { before: cutoff, items: true });
  if (s.customers.length === 0) {
    throw new Error(`purchaseDataset: no customer has a line before the cutoff ${new Date(cutoff).toISOString()}`);
  }
  // label: any line of the customer's code in [cutoff, horizonEnd)
  const { codes: cust, dict } = codes(tx, 'customer');
  const t = timeMs(tx, 'time');
  const bought = new Uint8Array(dict.length);
  for (let i = 0; i < cust.length; i++) {
    if (cust[i] >= 0 && t[i] >= cutoff && t[i] < horizonEnd) bought[cust[i]] = 1;
  }
  const y = new Uint8Array(s.customers.length);
  for (let k = 0; k < y.length; k++) y[k] = bought[s.code[k]];
  return { ...featureRows(s, cutoff), y, cutoff, horizonEnd };
}

/**
 * The same features as `purchaseDataset`, as of `asOf`, for every customer with a line before it —
 * to score the whole customer base with a model trained on `purchaseDataset`.
 *
 * @example
 *   const { customers, X } = scoringFeatures(clean(tx).table); // asOf = day after the last line
 */
export function scoringFeatures(tx: Table, opts: { asOf?: number } = {}): FeatureMatrix {
  const asOf = opts.asOf ?? defaultAsOf(tx);
  if (!Number.isFinite(asOf)) throw new Error(`scoringFeatures: asOf must be a finite time in ms, got ${asOf}`);
  return featureRows(customerStats(tx, { before: asOf, items: true }), asOf);
}
