/**
 * Closing the loop: campaign results (customer, variant, converted) → response rates per tier and
 * variant, and a re-tiering of the customers that responded.
 */
import type { Table } from 'apache-arrow';
import { DataError } from '../errors';
import { makeTable, strings } from '../table';
import { rng } from '../synth/random';
import { wilsonInterval } from './abtest';

function flag(v: unknown): number {
  if (v === true || v === 1 || v === '1') return 1;
  if (v === false || v === 0 || v === '0') return 0;
  const l = String(v).trim().toLowerCase();
  return l === 'true' || l === 'yes' ? 1 : l === 'false' || l === 'no' ? 0 : -1;
}

/**
 * A seeded synthetic campaign on a tiers table (customer, tier): each customer gets variant "A" or "B"
 * with equal probability and converts with probability rates[tier][variant] (missing → 0).
 * Default seed 42. Returns customer, variant, converted (0/1).
 * @example simulateCampaign(tiers, { 'High value': { A: 0.08, B: 0.1 }, 'Low value': { A: 0.02, B: 0.025 } })
 */
export function simulateCampaign(tiers: Table, rates: Record<string, Record<string, number>>, seed = 42): Table {
  const c = strings(tiers, 'customer');
  const t = strings(tiers, 'tier');
  const r = rng(seed);
  const variant: string[] = [];
  const converted = new Uint8Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const v = r.next() < 0.5 ? 'A' : 'B';
    variant.push(v);
    converted[i] = r.next() < (rates[t[i] ?? '']?.[v] ?? 0) ? 1 : 0;
  }
  return makeTable({ customer: c, variant, converted: Int32Array.from(converted) });
}

function readResults(results: Table) {
  for (const col of ['customer', 'variant', 'converted']) {
    if (!results.getChild(col)) throw new DataError({ file: 'campaign results', column: col, problem: 'is missing', expected: 'columns customer, variant, converted' });
  }
  const customer = strings(results, 'customer');
  const variant = strings(results, 'variant');
  const col = results.getChild('converted')!;
  const converted = new Uint8Array(results.numRows);
  for (let i = 0; i < converted.length; i++) {
    const f = flag(col.get(i));
    if (f < 0) throw new DataError({ file: 'campaign results', row: i + 1, column: 'converted', value: String(col.get(i)), problem: 'is not 0/1 or true/false' });
    converted[i] = f;
  }
  return { customer, variant, converted };
}

/**
 * Response per tier × variant: sent, converted, rate = converted / sent, the Wilson 95% interval and the
 * posterior mean (1 + converted) / (2 + sent) under a uniform prior (what the next allocation should use).
 * Customers without a tier row are "Untiered". Tiers in first-appearance order of `tiers`.
 * @example campaignResponse(results, tiers)
 */
export function campaignResponse(results: Table, tiers: Table): Table {
  const { customer, variant, converted } = readResults(results);
  const tierOf = new Map<string, string>();
  const order: string[] = [];
  const tc = strings(tiers, 'customer');
  const tt = strings(tiers, 'tier');
  for (let i = 0; i < tc.length; i++) {
    if (tc[i] !== null && tt[i] !== null && !tierOf.has(tc[i]!)) tierOf.set(tc[i]!, tt[i]!);
    if (tt[i] !== null && !order.includes(tt[i]!)) order.push(tt[i]!);
  }
  const agg = new Map<string, { sent: number; conv: number }>();
  const variants = new Set<string>();
  for (let i = 0; i < customer.length; i++) {
    const t = tierOf.get(customer[i] ?? '') ?? 'Untiered';
    const v = variant[i] ?? '(none)';
    variants.add(v);
    const key = `${t}\u0000${v}`;
    const e = agg.get(key) ?? { sent: 0, conv: 0 };
    e.sent++;
    e.conv += converted[i];
    agg.set(key, e);
  }
  if (!order.includes('Untiered')) order.push('Untiered');
  const rows: { tier: string; variant: string; sent: number; conv: number }[] = [];
  for (const t of order) for (const v of [...variants].sort()) {
    const e = agg.get(`${t}\u0000${v}`);
    if (e) rows.push({ tier: t, variant: v, sent: e.sent, conv: e.conv });
  }
  const ci = rows.map((r) => wilsonInterval(r.conv, r.sent));
  return makeTable({
    tier: rows.map((r) => r.tier),
    variant: rows.map((r) => r.variant),
    sent: Int32Array.from(rows, (r) => r.sent),
    converted: Int32Array.from(rows, (r) => r.conv),
    rate: Float64Array.from(rows, (r) => r.conv / r.sent),
    ciLow: Float64Array.from(ci, (c) => c.low),
    ciHigh: Float64Array.from(ci, (c) => c.high),
    posteriorMean: Float64Array.from(rows, (r) => (1 + r.conv) / (2 + r.sent)),
  });
}

/**
 * Base rate per tier for the next allocation: the posterior mean over all variants, (1 + Σconverted) / (2 + Σsent).
 * @example responseRates(campaignResponse(results, tiers)); // { 'High value': 0.091, … }
 */
export function responseRates(response: Table): Record<string, number> {
  const t = strings(response, 'tier');
  const s = response.getChild('sent')!;
  const c = response.getChild('converted')!;
  const sums = new Map<string, [number, number]>();
  for (let i = 0; i < t.length; i++) {
    const e = sums.get(t[i]!) ?? [0, 0];
    e[0] += Number(s.get(i));
    e[1] += Number(c.get(i));
    sums.set(t[i]!, e);
  }
  return Object.fromEntries([...sums].map(([k, [n, x]]) => [k, (1 + x) / (2 + n)]));
}

/**
 * Re-tier customers that responded: a customer who converted in `results` moves from tier T to
 * `promote[T]` (tiers not in `promote` stay). Returns customer, tier (new), previousTier, responded (0/1), moved (0/1).
 * @example retier(tiers, results, { 'Low value': 'High value' })
 */
export function retier(tiers: Table, results: Table, promote: Record<string, string>): Table {
  const { customer, converted } = readResults(results);
  const responded = new Set<string>();
  for (let i = 0; i < customer.length; i++) if (converted[i] && customer[i] !== null) responded.add(customer[i]!);
  const c = strings(tiers, 'customer');
  const t = strings(tiers, 'tier');
  const next = t.map((x, i) => (x !== null && responded.has(c[i] ?? '') && promote[x] ? promote[x] : x));
  return makeTable({
    customer: c,
    tier: next,
    previousTier: t,
    responded: Int32Array.from(c, (x) => (responded.has(x ?? '') ? 1 : 0)),
    moved: Int32Array.from(next, (x, i) => (x !== t[i] ? 1 : 0)),
  });
}
