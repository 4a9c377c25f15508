/**
 * Ad delivery probabilities per customer and per tier: P(i | u) = α_i r_ui / Σ_j α_j r_uj.
 */
import type { Table } from 'apache-arrow';
import { codes, floats, makeTable, type Codes } from '../table';
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
 * and 0 for all of u's items when the denominator is 0. Weights and scores must be finite and ≥ 0
 * (a negative or non-finite score throws, naming its row and customer).
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
  // P(i|u) depends on the recommendations and α only: computed once per (recs, α) and reused
  // while the tiers move (the threshold slider re-runs only the aggregation below).
  const base = probabilities(recs, alpha);
  const { customer, item, itemName, score, a, probability } = base;
  const n = probability.length;

  // Tier of each recommendation row, as a code into tierNames (first-seen order of the tiers table).
  const tc = codes(tiers, 'customer');
  const tt = codes(tiers, 'tier');
  const tierNames = tt.dict.slice();
  const tierSize = new Float64Array(tierNames.length + 1);
  const tierOfCustomer = new Int32Array(customer.dict.length).fill(-1);
  const index = base.customerIndex;
  const seen = new Uint8Array(customer.dict.length);
  for (let i = 0; i < tc.codes.length; i++) {
    if (tc.codes[i] < 0 || tt.codes[i] < 0) continue;
    const k = index.get(tc.dict[tc.codes[i]]);
    if (k === undefined) {
      tierSize[tt.codes[i]]++; // a tiered customer without recommendations still counts in its tier
      continue;
    }
    if (seen[k]) continue;
    seen[k] = 1;
    tierOfCustomer[k] = tt.codes[i];
    tierSize[tt.codes[i]]++;
  }
  const untiered = tierNames.length;
  let anyUntiered = false;
  const tierCodes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = customer.codes[i];
    let t = u >= 0 ? tierOfCustomer[u] : -1;
    if (t < 0) {
      t = untiered;
      if (u >= 0 && !seen[u]) {
        seen[u] = 2;
        tierSize[untiered]++;
      }
      anyUntiered = true;
    }
    tierCodes[i] = t;
  }
  if (anyUntiered) tierNames.push(UNTIERED);
  // Built on first access: the per-tier table is what follows the threshold slider.
  let perCustomerTable: Table | null = null;
  const perCustomer = () =>
    (perCustomerTable ??= makeTable({
      customer,
      tier: { codes: tierCodes, dict: tierNames },
      item,
      itemName,
      score,
      alpha: a,
      probability,
    }));

  // per tier: Σ P and customer count per (tier, item), over typed arrays
  const nItems = item.dict.length;
  const sum = new Float64Array(tierNames.length * nItems);
  const count = new Int32Array(tierNames.length * nItems);
  const nameOf = new Int32Array(nItems).fill(-1);
  for (let i = 0; i < n; i++) {
    const j = item.codes[i];
    if (j < 0) continue;
    const k = tierCodes[i] * nItems + j;
    sum[k] += probability[i];
    count[k]++;
    if (nameOf[j] < 0) nameOf[j] = itemName.codes[i];
  }
  const tTier: string[] = [];
  const tItem: string[] = [];
  const tName: (string | null)[] = [];
  const tCustomers: number[] = [];
  const tMean: number[] = [];
  for (let t = 0; t < tierNames.length; t++) {
    const size = tierSize[t];
    const rows: { j: number; mean: number }[] = [];
    for (let j = 0; j < nItems; j++) if (count[t * nItems + j] > 0) rows.push({ j, mean: sum[t * nItems + j] / size });
    if (!rows.length) continue;
    rows.sort((x, y) => y.mean - x.mean || (item.dict[x.j] < item.dict[y.j] ? -1 : item.dict[x.j] > item.dict[y.j] ? 1 : 0));
    for (const r of rows.slice(0, top)) {
      tTier.push(tierNames[t]);
      tItem.push(item.dict[r.j]);
      tName.push(nameOf[r.j] >= 0 ? itemName.dict[nameOf[r.j]] : null);
      tCustomers.push(count[t * nItems + r.j]);
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
  // Not enumerable, so showing the result (or writing it as JSON) does not build it either.
  const result = { perTier } as { perCustomer: Table; perTier: Table };
  Object.defineProperty(result, 'perCustomer', { get: perCustomer, enumerable: false });
  return result;
}

interface Base {
  customer: Codes;
  item: Codes;
  itemName: Codes;
  score: Float64Array;
  a: Float64Array;
  probability: Float64Array;
  customerIndex: Map<string, number>;
}

const cache = new WeakMap<Table, { key: string; base: Base }>();

/** P(i|u) = α_i r_ui / Σ_j α_j r_uj for every recommendation row (cached per recs table and α). */
function probabilities(recs: Table, alpha: Record<string, number>): Base {
  const key = JSON.stringify(Object.entries(alpha).sort());
  const hit = cache.get(recs);
  if (hit && hit.key === key) return hit.base;
  const customer = codes(recs, 'customer');
  const item = codes(recs, 'item');
  const itemName = codes(recs, 'itemName');
  const score = floats(recs, 'score');
  const n = score.length;
  const alphaOfItem = new Float64Array(item.dict.length);
  for (let j = 0; j < item.dict.length; j++) alphaOfItem[j] = alpha[item.dict[j]] ?? 1;
  const a = new Float64Array(n);
  const weighted = new Float64Array(n);
  const denom = new Float64Array(customer.dict.length + 1);
  const nullCustomer = customer.dict.length;
  for (let i = 0; i < n; i++) {
    if (!(score[i] >= 0 && Number.isFinite(score[i]))) {
      const who = customer.codes[i] >= 0 ? customer.dict[customer.codes[i]] : 'null';
      throw new Error(`deliveryProbabilities: recommendation row ${i + 1} (customer ${who}) has score ${score[i]}; P(i | u) needs scores r_ui ≥ 0 (finite)`);
    }
    a[i] = item.codes[i] >= 0 ? alphaOfItem[item.codes[i]] : (alpha[''] ?? 1);
    weighted[i] = a[i] * score[i];
    denom[customer.codes[i] >= 0 ? customer.codes[i] : nullCustomer] += weighted[i];
  }
  const probability = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = denom[customer.codes[i] >= 0 ? customer.codes[i] : nullCustomer];
    probability[i] = d > 0 ? weighted[i] / d : 0;
  }
  const customerIndex = new Map<string, number>();
  customer.dict.forEach((c, k) => customerIndex.set(c, k));
  const base = { customer, item, itemName, score, a, probability, customerIndex };
  cache.set(recs, { key, base });
  return base;
}
