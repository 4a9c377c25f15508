/**
 * Ad delivery probabilities per customer and per tier: P(i | u) = α_i r_ui / Σ_j α_j r_uj.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, strings } from '../table';
export { parseAlpha } from './alpha';

/** The tier given to customers that have recommendations but no row in the tiers table. */
export const UNTIERED = 'Untiered';

export interface DeliveryOptions {
  /** Items listed per tier in `perTier`. Default 5. */
  top?: number;
}

/**
 * Turn recommendation scores into delivery probabilities. For customer u and its recommended items j:
 *   P(i | u) = α_i · r_ui / Σ_j α_j · r_uj     (α from `alpha` by item id; missing = 1)
 * and 0 for all of u's items when the denominator is 0. Weights must be finite and ≥ 0.
 *
 * perCustomer: customer, tier, item, itemName, score, alpha, probability — one row per
 * recommendation, in `recs` order; customers without a tier get tier "Untiered".
 * perTier: tier, item, itemName, customers (tier customers who have the item), meanProbability
 * (Σ P over the tier's customers / the tier's size in `tiers`, i.e. 0 for customers without the item)
 * — the `top` (default 5) items per tier by meanProbability (ties: item id); tiers in order of first
 * appearance in `tiers`, then "Untiered".
 *
 * @example
 *   const { perCustomer, perTier } = deliveryProbabilities(recs, tiers, parseAlpha('85123A=2'));
 */
export function deliveryProbabilities(
  recs: Table,
  tiers: Table,
  alpha: Record<string, number>,
  opts: DeliveryOptions = {},
): { perCustomer: Table; perTier: Table } {
  const top = opts.top ?? 5;
  for (const [id, a] of Object.entries(alpha)) {
    if (!(Number.isFinite(a) && a >= 0)) throw new Error(`deliveryProbabilities: α of item ${id} must be a number ≥ 0, got ${a}`);
  }
  const tierOf = new Map<string, string>();
  const tierNames: string[] = [];
  const tierSize = new Map<string, number>();
  {
    const c = strings(tiers, 'customer');
    const t = strings(tiers, 'tier');
    for (let i = 0; i < c.length; i++) {
      if (c[i] === null || t[i] === null) continue;
      if (!tierSize.has(t[i]!)) {
        tierNames.push(t[i]!);
        tierSize.set(t[i]!, 0);
      }
      if (!tierOf.has(c[i]!)) {
        tierOf.set(c[i]!, t[i]!);
        tierSize.set(t[i]!, tierSize.get(t[i]!)! + 1);
      }
    }
  }
  const customer = strings(recs, 'customer');
  const item = strings(recs, 'item');
  const itemName = strings(recs, 'itemName');
  const score = floats(recs, 'score');
  const n = customer.length;
  const a = new Float64Array(n);
  const weighted = new Float64Array(n);
  const denom = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    a[i] = alpha[item[i] ?? ''] ?? 1;
    weighted[i] = a[i] * score[i];
    const u = customer[i] ?? '';
    denom.set(u, (denom.get(u) ?? 0) + weighted[i]);
  }
  const probability = new Float64Array(n);
  const tier = new Array<string>(n);
  const untiered = new Set<string>();
  for (let i = 0; i < n; i++) {
    const u = customer[i] ?? '';
    const d = denom.get(u)!;
    probability[i] = d > 0 ? weighted[i] / d : 0;
    const t = tierOf.get(u);
    if (t === undefined) untiered.add(u);
    tier[i] = t ?? UNTIERED;
  }
  if (untiered.size) {
    if (!tierSize.has(UNTIERED)) tierNames.push(UNTIERED);
    tierSize.set(UNTIERED, (tierSize.get(UNTIERED) ?? 0) + untiered.size);
  }
  const perCustomer = makeTable({ customer, tier, item, itemName, score, alpha: a, probability });

  // per tier: Σ P and customer count per (tier, item)
  const agg = new Map<string, Map<string, { name: string | null; customers: number; sum: number }>>();
  for (let i = 0; i < n; i++) {
    let byItem = agg.get(tier[i]);
    if (!byItem) agg.set(tier[i], (byItem = new Map()));
    const id = item[i] ?? '';
    let e = byItem.get(id);
    if (!e) byItem.set(id, (e = { name: itemName[i], customers: 0, sum: 0 }));
    e.customers++;
    e.sum += probability[i];
  }
  const tTier: string[] = [];
  const tItem: string[] = [];
  const tName: (string | null)[] = [];
  const tCustomers: number[] = [];
  const tMean: number[] = [];
  for (const t of tierNames) {
    const byItem = agg.get(t);
    if (!byItem) continue;
    const size = tierSize.get(t)!;
    const rows = [...byItem.entries()].map(([id, e]) => ({ id, ...e, mean: e.sum / size }));
    rows.sort((x, y) => y.mean - x.mean || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const r of rows.slice(0, top)) {
      tTier.push(t);
      tItem.push(r.id);
      tName.push(r.name);
      tCustomers.push(r.customers);
      tMean.push(r.mean);
    }
  }
  const perTier = makeTable({
    tier: tTier,
    item: tItem,
    itemName: tName,
    customers: Int32Array.from(tCustomers),
    meanProbability: Float64Array.from(tMean),
  });
  return { perCustomer, perTier };
}
