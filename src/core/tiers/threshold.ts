/**
 * Two value tiers from a purchase probability and a threshold.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable } from '../table';

export interface ThresholdTierOptions {
  /** Probability above which a customer is high value. Default 0.5. */
  threshold?: number;
  /** Name of the upper tier. Default 'High value'. */
  high?: string;
  /** Name of the lower tier. Default 'Low value'. */
  low?: string;
}

/**
 * Tier every customer by purchase probability: probability > threshold → `high`, else `low`
 * (a NaN probability → `low`). Input columns: customer, probability. Output: customer,
 * probability, tier, in input order.
 *
 * @example
 *   thresholdTiers(scores);                                   // > 0.5 → 'High value'
 *   thresholdTiers(scores, { threshold: 0.3, high: 'A', low: 'B' });
 */
export function thresholdTiers(scores: Table, opts: ThresholdTierOptions = {}): Table {
  const threshold = opts.threshold ?? 0.5;
  const high = opts.high ?? 'High value';
  const low = opts.low ?? 'Low value';
  if (!Number.isFinite(threshold)) throw new Error(`thresholdTiers: threshold must be a number, got ${threshold}`);
  if (high === low) throw new Error(`thresholdTiers: the two tier names must differ (both are "${high}")`);
  const customer = scores.getChild('customer');
  if (!customer) throw new Error('thresholdTiers: the scores table needs a `customer` column');
  const p = floats(scores, 'probability');
  const tier = new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) tier[i] = p[i] > threshold ? 0 : 1;
  return makeTable({
    customer,
    probability: p,
    tier: { codes: tier, dict: [high, low] },
  });
}
export { tierSummary, type TierDefinition } from './summary';
