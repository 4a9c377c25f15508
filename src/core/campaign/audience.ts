/**
 * Campaign audiences: tiers cut from a score, joined with one attribute per customer (e.g. country) and
 * a selected flag, ready for allocation, export and the fairness audit.
 */
import type { Table } from 'apache-arrow';
import { floats, makeTable, strings } from '../table';

export interface AudienceTierOptions {
  /** Score column. Default "score". */
  score?: string;
  /** Cut points, descending: score ≥ cuts[0] → names[0], ≥ cuts[1] → names[1], …, else the last name. Default [4, 2.5]. */
  cuts?: number[];
  /** Tier names, one more than the cuts. Default ["High value", "Medium value", "Low value"]. */
  names?: string[];
}

/**
 * Tiers from a score: tier k is the first with score ≥ cuts[k]. Returns customer, score, tier.
 * Defaults: score column "score", cuts [4, 2.5], names High value / Medium value / Low value.
 * @example audienceTiers(rfmScores(profile)) // RFM score ≥ 4 → High value, ≥ 2.5 → Medium value, else Low value
 */
export function audienceTiers(scores: Table, opts: AudienceTierOptions = {}): Table {
  const cuts = opts.cuts ?? [4, 2.5];
  const names = opts.names ?? ['High value', 'Medium value', 'Low value'];
  if (names.length !== cuts.length + 1) throw new RangeError(`audienceTiers: ${cuts.length} cuts need ${cuts.length + 1} names, got ${names.length}`);
  for (let k = 1; k < cuts.length; k++) if (!(cuts[k] < cuts[k - 1])) throw new RangeError('audienceTiers: cuts must be strictly descending');
  const s = floats(scores, opts.score ?? 'score');
  const tier = Array.from(s, (v) => {
    let k = 0;
    while (k < cuts.length && !(v >= cuts[k])) k++;
    return names[k];
  });
  return makeTable({ customer: strings(scores, 'customer'), score: Float64Array.from(s), tier });
}

/**
 * The tiers table joined with each customer's most frequent value of `attribute` in `lines` (ties: the
 * first seen; none: "(missing)"), and `selected` = 1 when the tier is in `selectedTiers` (default: the
 * first tier name of the table). Returns customer, tier, <attribute>, selected.
 * @example audienceWith(tiers, orders, 'country', ['High value'])
 */
export function audienceWith(tiers: Table, lines: Table, attribute: string, selectedTiers?: string[]): Table {
  const lc = strings(lines, 'customer');
  const la = strings(lines, attribute);
  const counts = new Map<string, Map<string, number>>();
  for (let i = 0; i < lc.length; i++) {
    if (lc[i] === null || la[i] === null) continue;
    let m = counts.get(lc[i]!);
    if (!m) counts.set(lc[i]!, (m = new Map()));
    m.set(la[i]!, (m.get(la[i]!) ?? 0) + 1);
  }
  const mode = (c: string | null): string => {
    const m = c === null ? undefined : counts.get(c);
    if (!m) return '(missing)';
    let best = '';
    let n = -1;
    for (const [k, v] of m) if (v > n) [best, n] = [k, v];
    return best;
  };
  const customer = strings(tiers, 'customer');
  const tier = strings(tiers, 'tier');
  const chosen = new Set(selectedTiers ?? (tier.length ? [tier.find((t) => t !== null) ?? ''] : []));
  return makeTable({
    customer,
    tier,
    [attribute]: customer.map(mode),
    selected: Int32Array.from(tier, (t) => (t !== null && chosen.has(t) ? 1 : 0)),
  });
}

/**
 * Customers per tier (tier, customers, share), tiers in first-appearance order — the input of `tierSegments`.
 * @example tierSizes(tiers)
 */
export function tierSizes(tiers: Table): Table {
  const t = strings(tiers, 'tier');
  const m = new Map<string, number>();
  for (const x of t) if (x !== null) m.set(x, (m.get(x) ?? 0) + 1);
  const total = t.length;
  return makeTable({
    tier: [...m.keys()],
    customers: Float64Array.from(m.values()),
    share: Float64Array.from(m.values(), (v) => v / total),
  });
}

/**
 * Value of one conversion per tier: the mean average order value (monetary / frequency) of the tier's
 * customers in an RFM profile (columns customer, frequency, monetary). Tiers without profiled customers are left out.
 * @example tierValues(tiers, rfm(orders)); // { 'High value': 612.3, … }
 */
export function tierValues(tiers: Table, profile: Table): Record<string, number> {
  const pc = strings(profile, 'customer');
  const f = floats(profile, 'frequency');
  const m = floats(profile, 'monetary');
  const aov = new Map<string, number>();
  for (let i = 0; i < pc.length; i++) if (pc[i] !== null && f[i] > 0) aov.set(pc[i]!, m[i] / f[i]);
  const c = strings(tiers, 'customer');
  const t = strings(tiers, 'tier');
  const sums = new Map<string, [number, number]>();
  for (let i = 0; i < c.length; i++) {
    const v = aov.get(c[i] ?? '');
    if (v === undefined || t[i] === null) continue;
    const e = sums.get(t[i]!) ?? [0, 0];
    e[0] += v;
    e[1]++;
    sums.set(t[i]!, e);
  }
  return Object.fromEntries([...sums].map(([k, [s, n]]) => [k, s / n]));
}
