/**
 * The per-tier ad strategy: goal, creative, channel, timing and budget share of each tier, written as
 * an editable text table.
 */
import type { Table } from 'apache-arrow';
import { DataError } from '../errors';
import { floats, makeTable, strings } from '../table';

/** Header of the strategy text table. */
export const STRATEGY_COLUMNS = ['tier', 'goal', 'creative', 'channel', 'timing', 'budget share'] as const;

/**
 * Parse a strategy written one tier per line, fields separated by `|`:
 *   tier | goal | creative | channel | timing | budget share
 * (a header line starting with "tier" and blank lines are skipped; the share is a fraction 0.4 or a
 * percentage 40%). A share is the most of the total budget the tier may take (a cap for `allocateBudget`), so
 * the shares may sum to more than 1 — the allocation then decides within the caps. Throws a located DataError.
 * @example parseStrategy('High value | retain | early access | email | Thursday 9:00 | 50%')
 */
export function parseStrategy(text: string): Table {
  const rows: string[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const f = line.split('|').map((x) => x.trim());
    if (f[0].toLowerCase() === 'tier') return;
    const fail = (problem: string) => new DataError({ file: 'strategy table', row: i + 1, value: line.trim(), problem, expected: STRATEGY_COLUMNS.join(' | ') });
    if (f.length !== 6) throw fail(`has ${f.length} fields`);
    if (!f[0]) throw fail('has no tier name');
    rows.push(f);
  });
  const share = rows.map((f, i) => {
    const pct = f[5].endsWith('%');
    const v = Number(pct ? f[5].slice(0, -1) : f[5]) / (pct ? 100 : 1);
    if (!(Number.isFinite(v) && v >= 0 && v <= 1)) throw new DataError({ file: 'strategy table', row: i + 1, column: 'budget share', value: f[5], problem: 'is not a share between 0 and 1', expected: '0.4 or 40%' });
    return v;
  });
  return makeTable({
    tier: rows.map((f) => f[0]),
    goal: rows.map((f) => f[1]),
    creative: rows.map((f) => f[2]),
    channel: rows.map((f) => f[3]),
    timing: rows.map((f) => f[4]),
    budgetShare: Float64Array.from(share),
  });
}

/** The budget shares of a parsed strategy as per-tier caps for `allocateBudget`. */
export function strategyCaps(strategy: Table): Record<string, number> {
  const out: Record<string, number> = {};
  const t = strategy.getChild('tier')!;
  const s = strategy.getChild('budgetShare')!;
  for (let i = 0; i < strategy.numRows; i++) out[String(t.get(i))] = Number(s.get(i));
  return out;
}

/**
 * The strategy with the items each tier is shown: one row per strategy tier with its goal, creative,
 * channel, timing and budget share, plus `items` — the tier's leading items in `perTier` order (as
 * `deliveryProbabilities(...).perTier` lists them: by mean P(i | u) over the tier's customers), at most
 * `items` of them (default 3), written "name (P̄ 0.123)" and joined by "; " — and `recommender`, the
 * label of the recommender the items came from (default ""). A strategy tier without recommendations
 * gets `items` = "" (none of its customers has any).
 *
 * @example strategyWithItems(parseStrategy(text), delivery.perTier, { items: 3, recommender: 'Implicit ALS' })
 */
export function strategyWithItems(strategy: Table, perTier: Table, opts: { items?: number; recommender?: string } = {}): Table {
  const limit = opts.items ?? 3;
  if (!(Number.isInteger(limit) && limit > 0)) throw new Error(`strategyWithItems: items must be a positive integer, got ${limit}`);
  const tiers = strings(strategy, 'tier');
  const byTier = new Map<string, string[]>();
  const pt = strings(perTier, 'tier');
  const names = strings(perTier, 'itemName');
  const ids = strings(perTier, 'item');
  const mean = floats(perTier, 'meanProbability');
  for (let i = 0; i < pt.length; i++) {
    const t = pt[i] ?? '';
    const list = byTier.get(t) ?? [];
    if (list.length < limit) list.push(`${names[i] ?? ids[i]} (P̄ ${mean[i].toFixed(3)})`);
    byTier.set(t, list);
  }
  return makeTable({
    tier: tiers,
    goal: strings(strategy, 'goal'),
    creative: strings(strategy, 'creative'),
    channel: strings(strategy, 'channel'),
    timing: strings(strategy, 'timing'),
    budgetShare: Float64Array.from(floats(strategy, 'budgetShare')),
    items: tiers.map((t) => (byTier.get(t ?? '') ?? []).join('; ')),
    recommender: tiers.map(() => opts.recommender ?? ''),
  });
}
