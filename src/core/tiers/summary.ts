/**
 * Tier summary: size, revenue and benefits of each tier.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';
import { numbersView } from '../stats/columns';
import { lazyCodes } from '../stats/columns';
import { joinIndex } from './joinIndex';

/** How a tier is defined and what its customers get. */
export interface TierDefinition {
  name: string;
  /** The rule in words, e.g. "P(purchase in 90 days) > 0.5". */
  rule: string;
  /** What the tier's customers get, e.g. "free shipping, early access". */
  benefits: string;
}

/**
 * One row per tier: tier, rule, customers, share (of tiered customers), revenue (Σ profile
 * monetary of its customers), revenueShare (of the revenue of all tiered customers), benefits.
 * Rows follow `definitions`, then tiers not defined there in order of first appearance (rule and
 * benefits ""). A defined tier with no customer gets a row of zeros. Customers missing from the
 * profile add 0 revenue.
 *
 * @example
 *   tierSummary(tiers, rfm(cleaned), [
 *     { name: 'High value', rule: 'P > 0.5', benefits: 'free shipping' },
 *     { name: 'Low value', rule: 'P ≤ 0.5', benefits: 'welcome-back coupon' },
 *   ]);
 */
export function tierSummary(tiers: Table, profile: Table, definitions: TierDefinition[]): Table {
  // spend of each tiers row, through a cached id join (a threshold move re-runs this with new tiers
  // for the same customers, so only integer codes are read here)
  const at = joinIndex(tiers, profile);
  const pm = numbersView(profile, 'monetary');

  const names: string[] = definitions.map((d) => d.name);
  const index = new Map<string, number>();
  names.forEach((nm, k) => {
    if (index.has(nm)) throw new Error(`tierSummary: tier "${nm}" is defined twice`);
    index.set(nm, k);
  });
  const tc = lazyCodes(tiers, 'customer').codes;
  const tt = lazyCodes(tiers, 'tier');
  // dictionary code → summary row; tiers not defined get rows in order of first appearance
  const rowOfCode = new Int32Array(tt.size).fill(-2);
  const count: number[] = names.map(() => 0);
  const revenue: number[] = names.map(() => 0);
  let total = 0;
  let totalRevenue = 0;
  for (let i = 0; i < tt.codes.length; i++) {
    const c = tt.codes[i];
    if (c < 0) continue;
    let k = rowOfCode[c];
    if (k === -2) {
      const nm = tt.value(c);
      k = index.get(nm) ?? -1;
      if (k < 0) {
        k = names.length;
        names.push(nm);
        index.set(nm, k);
        count.push(0);
        revenue.push(0);
      }
      rowOfCode[c] = k;
    }
    const r = tc[i] < 0 || at[i] < 0 ? 0 : pm[at[i]];
    count[k]++;
    revenue[k] += r;
    total++;
    totalRevenue += r;
  }
  const rule = names.map((_, k) => definitions[k]?.rule ?? '');
  const benefits = names.map((_, k) => definitions[k]?.benefits ?? '');
  return makeTable({
    tier: names,
    rule,
    customers: Int32Array.from(count),
    share: Float64Array.from(count, (c) => (total > 0 ? c / total : 0)),
    revenue: Float64Array.from(revenue),
    revenueShare: Float64Array.from(revenue, (r) => (totalRevenue !== 0 ? r / totalRevenue : 0)),
    benefits,
  });
}
