/**
 * Budget allocation across tiers × channels under a total budget and per-tier caps, by greedy marginal
 * return on concave response curves.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, strings } from '../table';
import { DataError } from '../errors';

/** One tier × channel cell of the plan. */
export interface Segment {
  tier: string;
  channel: string;
  /** Customers that can be reached in this tier through this channel. */
  audience: number;
  /** Probability that a reached customer converts. */
  rate: number;
  /** Cost of reaching one customer (e.g. £ per delivered email/impression set). */
  costPerReach: number;
  /** Value of one conversion (revenue, or margin for a profit objective). */
  value: number;
}

export interface AllocateOptions {
  /** Total budget. Required. */
  budget: number;
  /** Maximum share of the total budget per tier (e.g. {"Low value": 0.3}); missing tiers: no cap. */
  tierCaps?: Record<string, number>;
  /** "conversions" (default) or "profit" = value · conversions − spend (stops when no cell pays back). */
  objective?: 'conversions' | 'profit';
  /** Number of equal budget increments. Default 400. */
  steps?: number;
}

/**
 * Expected conversions of segment s for spend b — a concave response curve with saturation:
 *   reach(b) = A (1 − e^{−b / (A c)}),   conversions(b) = r · reach(b),
 * A = audience, c = cost per reach, r = conversion rate: the first pounds reach new customers at cost c,
 * later ones increasingly hit customers already reached.
 * @example conversionsAt({ audience: 1000, rate: 0.05, costPerReach: 0.5, … }, 500); // 50·(1 − e^{−1}) ≈ 31.6
 */
export function conversionsAt(s: Pick<Segment, 'audience' | 'rate' | 'costPerReach'>, spend: number): number {
  if (s.audience <= 0 || spend <= 0) return 0;
  return s.rate * s.audience * (1 - Math.exp(-spend / (s.audience * s.costPerReach)));
}

/**
 * Split `budget` into `steps` equal increments and give each, in turn, to the segment with the largest
 * marginal gain (conversions, or value·Δconversions − Δspend for "profit") whose tier is still under its
 * cap. Because every response curve is concave and the constraints (per-tier caps inside one total) are
 * nested, this greedy is optimal up to the increment size. Returns the plan per segment: tier, channel,
 * budget, conversions, revenue, profit, roi (revenue / budget), marginalRoi (value per extra £ at the
 * optimum), and totals. Defaults: objective "conversions", 400 steps, no caps.
 * @example allocateBudget(segments, { budget: 10000, tierCaps: { 'Low value': 0.3 } }).totals
 */
export function allocateBudget(segments: Segment[], opts: AllocateOptions) {
  const budget = opts.budget;
  if (!(Number.isFinite(budget) && budget >= 0)) throw new RangeError(`allocateBudget: budget must be a number ≥ 0, got ${budget}`);
  const steps = opts.steps ?? 400;
  const objective = opts.objective ?? 'conversions';
  for (const s of segments) {
    if (!(s.audience >= 0 && s.rate >= 0 && s.rate <= 1 && s.costPerReach > 0 && s.value >= 0)) {
      throw new DataError({ file: 'allocation segments', value: `${s.tier} × ${s.channel}`, problem: 'needs audience ≥ 0, rate in [0, 1], cost per reach > 0 and value ≥ 0' });
    }
  }
  const delta = budget / steps;
  const spend = new Float64Array(segments.length);
  const tierSpend = new Map<string, number>();
  const cap = (t: string) => (opts.tierCaps?.[t] ?? Infinity) * budget;
  const gain = (i: number) => {
    const s = segments[i];
    const dc = conversionsAt(s, spend[i] + delta) - conversionsAt(s, spend[i]);
    return objective === 'profit' ? s.value * dc - delta : dc;
  };
  for (let k = 0; k < steps; k++) {
    let best = -1;
    let bestGain = objective === 'profit' ? 0 : -Infinity;
    for (let i = 0; i < segments.length; i++) {
      const t = segments[i].tier;
      if ((tierSpend.get(t) ?? 0) + delta > cap(t) + 1e-9 * budget) continue;
      const g = gain(i);
      if (g > bestGain) {
        bestGain = g;
        best = i;
      }
    }
    if (best < 0) break;
    spend[best] += delta;
    const t = segments[best].tier;
    tierSpend.set(t, (tierSpend.get(t) ?? 0) + delta);
  }
  const conv = segments.map((s, i) => conversionsAt(s, spend[i]));
  const revenue = segments.map((s, i) => s.value * conv[i]);
  const marginal = segments.map((s, i) => (s.audience > 0 ? (s.value * s.rate / s.costPerReach) * Math.exp(-spend[i] / (s.audience * s.costPerReach)) : 0));
  const plan = makeTable({
    tier: segments.map((s) => s.tier),
    channel: segments.map((s) => s.channel),
    budget: Float64Array.from(spend),
    conversions: Float64Array.from(conv),
    revenue: Float64Array.from(revenue),
    profit: Float64Array.from(segments, (_, i) => revenue[i] - spend[i]),
    roi: Float64Array.from(segments, (_, i) => (spend[i] > 0 ? revenue[i] / spend[i] : 0)),
    marginalRoi: Float64Array.from(marginal),
  });
  const spent = spend.reduce((a, b) => a + b, 0);
  const totalConv = conv.reduce((a, b) => a + b, 0);
  const totalRevenue = revenue.reduce((a, b) => a + b, 0);
  return { plan, totals: { budget, spent, conversions: totalConv, revenue: totalRevenue, profit: totalRevenue - spent, objective, steps } };
}

export interface ChannelSpec {
  channel: string;
  /** Cost to reach one customer through the channel. */
  costPerReach: number;
  /** Multiplier of the tier's base conversion rate in this channel (1 = as measured). */
  lift: number;
  /** Share of the tier's customers the channel can reach (e.g. 0.6 with an e-mail opt-in). Default 1. */
  coverage?: number;
}

/**
 * Segments for `allocateBudget` from a tier summary (columns tier, customers and optionally
 * avgOrderValue) × channels: audience = customers · coverage, rate = base rate of the tier · lift
 * (capped at 1), value = the tier's value per conversion (`values[tier]`, else its avgOrderValue,
 * else 1). `rates` gives each tier's base conversion rate (e.g. from a past campaign).
 * @example tierSegments(tierSizes, { 'High value': 0.08, 'Low value': 0.02 }, [{ channel: 'email', costPerReach: 0.05, lift: 1 }])
 */
export function tierSegments(tiers: Table, rates: Record<string, number>, channels: ChannelSpec[], values: Record<string, number> = {}): Segment[] {
  const names = strings(tiers, 'tier');
  const customers = floats(tiers, 'customers');
  const aov = tiers.getChild('avgOrderValue') ? floats(tiers, 'avgOrderValue') : null;
  const out: Segment[] = [];
  names.forEach((t, i) => {
    const tier = t ?? '(no tier)';
    const base = rates[tier];
    if (base === undefined) throw new DataError({ file: 'allocation', value: tier, problem: 'has no base conversion rate', expected: `a rate for each tier (${names.join(', ')})` });
    for (const c of channels) {
      out.push({
        tier,
        channel: c.channel,
        audience: customers[i] * (c.coverage ?? 1),
        rate: Math.min(1, base * c.lift),
        costPerReach: c.costPerReach,
        value: values[tier] ?? (aov && Number.isFinite(aov[i]) ? aov[i] : 1),
      });
    }
  });
  return out;
}
