/**
 * Value tiers from a purchase probability and several thresholds.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';
import { numbersView } from '../stats/columns';

export interface ProbabilityTierOptions {
  /** Cut points, any order; sorted high to low. Default [0.5]. */
  thresholds?: readonly number[];
  /** Tier names from the top down; one more than the thresholds. Default ['High value', 'Low value']. */
  names?: readonly string[];
}

/**
 * Tier every customer by purchase probability with t₁ > t₂ > … (thresholds sorted high to low):
 * p > t₁ → names[0], t₁ ≥ p > t₂ → names[1], …, p ≤ t_last (and NaN) → the last name.
 * Input columns: customer, probability. Output: customer, probability, tier (input order).
 * With one threshold this is `thresholdTiers`.
 *
 * @example
 *   probabilityTiers(scores, { thresholds: [0.6, 0.3], names: ['High value', 'Medium value', 'Low value'] });
 */
export function probabilityTiers(scores: Table, opts: ProbabilityTierOptions = {}): Table {
  const t = [...(opts.thresholds ?? [0.5])].sort((a, b) => b - a);
  const names = opts.names ?? ['High value', 'Low value'];
  if (t.some((x) => !Number.isFinite(x))) throw new Error(`probabilityTiers: thresholds must be numbers, got ${t.join(', ')}`);
  if (names.length !== t.length + 1) {
    throw new Error(`probabilityTiers: ${t.length} thresholds need ${t.length + 1} tier names, got ${names.length}`);
  }
  if (new Set(names).size !== names.length) throw new Error(`probabilityTiers: tier names must differ (${names.join(', ')})`);
  const customer = scores.getChild('customer');
  if (!customer) throw new Error('probabilityTiers: the scores table needs a `customer` column');
  // Read in place when the column is plain Float64 (re-run on every slider step); the output then
  // shares the column instead of a copy (Arrow columns are immutable).
  const p = numbersView(scores, 'probability');
  const tier = new Int32Array(p.length);
  const last = t.length;
  for (let i = 0; i < p.length; i++) {
    let k = 0;
    while (k < last && !(p[i] > t[k])) k++;
    tier[i] = k;
  }
  return makeTable({ customer, probability: p, tier: { codes: tier, dict: [...names] } });
}
