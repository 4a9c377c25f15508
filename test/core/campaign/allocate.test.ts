import { describe, expect, test } from 'vitest';
import { allocateBudget, conversionsAt, tierSegments, type Segment } from '../../../src/core/campaign/allocate';
import { parseStrategy, strategyCaps } from '../../../src/core/campaign/strategy';
import { deliveryProbabilities } from '../../../src/core/campaign/delivery';
import { floats, makeTable, strings } from '../../../src/core/table';
import { mulberry32 } from '../../../src/core/stats/rng';

const seg = (tier: string, channel: string, audience: number, rate: number, costPerReach: number, value = 20): Segment => ({ tier, channel, audience, rate, costPerReach, value });
const segments = [seg('High', 'email', 1000, 0.1, 0.05), seg('High', 'social', 1000, 0.12, 0.6), seg('Low', 'email', 5000, 0.02, 0.05), seg('Low', 'social', 5000, 0.03, 0.6)];

describe('allocateBudget (greedy by marginal return)', () => {
  test('spends the budget, equalises marginal returns of funded cells', () => {
    const { plan, totals } = allocateBudget(segments, { budget: 2000, steps: 2000 });
    expect(totals.spent).toBeCloseTo(2000, 6);
    const m = floats(plan, 'marginalRoi');
    const b = floats(plan, 'budget');
    const funded = [...m].filter((_, i) => b[i] > 0);
    expect(Math.max(...funded) / Math.min(...funded)).toBeLessThan(1.05);
    // no unfunded cell beats the funded ones
    for (let i = 0; i < m.length; i++) if (b[i] === 0) expect(m[i]).toBeLessThanOrEqual(Math.max(...funded) * 1.001);
  });
  test('beats every random split of the budget', () => {
    const best = allocateBudget(segments, { budget: 1000, steps: 1000 }).totals.conversions;
    const r = mulberry32(5);
    for (let k = 0; k < 200; k++) {
      const w = segments.map(() => r());
      const s = w.reduce((a, b) => a + b, 0);
      const conv = segments.reduce((a, sg, i) => a + conversionsAt(sg, (1000 * w[i]) / s), 0);
      expect(conv).toBeLessThanOrEqual(best + 1e-6);
    }
  });
  test('respects per-tier caps', () => {
    const { plan } = allocateBudget(segments, { budget: 2000, tierCaps: { High: 0.1 } });
    const tier = strings(plan, 'tier');
    const spend = floats(plan, 'budget').reduce((a, b, i) => (tier[i] === 'High' ? a + b : a), 0);
    expect(spend).toBeLessThanOrEqual(200 + 1e-9);
  });
  test('profit objective stops when no cell pays back', () => {
    const { totals } = allocateBudget(segments, { budget: 5000, steps: 1000, objective: 'profit' });
    expect(totals.spent).toBeLessThan(5000);
    expect(totals.profit).toBeGreaterThan(0);
  });
  test('tierSegments from tier sizes, rates and channels', () => {
    const sizes = makeTable({ tier: ['High', 'Low'], customers: Float64Array.of(100, 400) });
    const s = tierSegments(sizes, { High: 0.1, Low: 0.02 }, [{ channel: 'email', costPerReach: 0.05, lift: 1, coverage: 0.5 }, { channel: 'social', costPerReach: 0.5, lift: 1.5 }], { High: 30, Low: 10 });
    expect(s.map((x) => [x.tier, x.channel, x.audience, x.rate, x.value])).toEqual([
      ['High', 'email', 50, 0.1, 30], ['High', 'social', 100, 0.15000000000000002, 30], ['Low', 'email', 200, 0.02, 10], ['Low', 'social', 400, 0.03, 10],
    ]);
    expect(() => tierSegments(sizes, { High: 0.1 }, [])).toThrow(/Low/);
  });
});

describe('parseStrategy', () => {
  test('parses the table and its shares as caps', () => {
    const t = parseStrategy('tier | goal | creative | channel | timing | budget share\nHigh | retain | early access | email | Thu | 60%\nLow | win back | coupon | social | weekend | 0.4\n');
    expect(strings(t, 'goal')).toEqual(['retain', 'win back']);
    expect(strategyCaps(t)).toEqual({ High: 0.6, Low: 0.4 });
  });
  test('located errors', () => {
    expect(() => parseStrategy('High | a | b | c | d')).toThrow(/row 1.*5 fields/);
    expect(() => parseStrategy('High | a | b | c | d | 140%')).toThrow(/row 1, column `budget share`: `140%` is not a share/);
  });
});

describe('delivery probabilities P(i|u) — properties', () => {
  const r = mulberry32(9);
  const customer: string[] = [];
  const item: string[] = [];
  const score: number[] = [];
  for (let u = 0; u < 30; u++) for (let j = 0; j < 5; j++) {
    customer.push(`u${u}`);
    item.push(`i${(u + j * 3) % 12}`);
    score.push(u === 0 ? 0 : r());
  }
  const recs = makeTable({ customer, item, itemName: item, score: Float64Array.from(score) });
  const tiers = makeTable({ customer: Array.from({ length: 30 }, (_, u) => `u${u}`), tier: Array.from({ length: 30 }, (_, u) => (u % 2 ? 'A' : 'B')) });
  const alpha = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${i}`, 0.5 + r() * 2]));
  const p = (a: Record<string, number>) => floats(deliveryProbabilities(recs, tiers, a).perCustomer, 'probability');
  test('sum to 1 per customer (0 when every r = 0)', () => {
    const pr = p(alpha);
    for (let u = 0; u < 30; u++) {
      const s = pr.slice(u * 5, u * 5 + 5).reduce((a, b) => a + b, 0);
      expect(s).toBeCloseTo(u === 0 ? 0 : 1, 12);
    }
  });
  test('scaling every α leaves them unchanged; r = 0 gives 0', () => {
    const scaled = Object.fromEntries(Object.entries(alpha).map(([k, v]) => [k, v * 7.5]));
    const a = p(alpha);
    const b = p(scaled);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
    for (let j = 0; j < 5; j++) expect(a[j]).toBe(0);
  });
});
