/**
 * Tier summary: size, revenue and benefits of each tier.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, strings } from '../table';

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
  const money = new Map<string, number>();
  const pc = strings(profile, 'customer');
  const pm = floats(profile, 'monetary');
  for (let i = 0; i < pc.length; i++) if (pc[i] !== null) money.set(pc[i]!, (money.get(pc[i]!) ?? 0) + pm[i]);

  const names: string[] = definitions.map((d) => d.name);
  const at = new Map<string, number>();
  names.forEach((nm, k) => {
    if (at.has(nm)) throw new Error(`tierSummary: tier "${nm}" is defined twice`);
    at.set(nm, k);
  });
  const count: number[] = names.map(() => 0);
  const revenue: number[] = names.map(() => 0);
  const tc = strings(tiers, 'customer');
  const tt = strings(tiers, 'tier');
  let total = 0;
  let totalRevenue = 0;
  for (let i = 0; i < tc.length; i++) {
    const t = tt[i];
    if (t === null) continue;
    let k = at.get(t);
    if (k === undefined) {
      k = names.length;
      names.push(t);
      at.set(t, k);
      count.push(0);
      revenue.push(0);
    }
    const r = tc[i] === null ? 0 : (money.get(tc[i]!) ?? 0);
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
