import { describe, expect, test } from 'vitest';
import { rfmScores } from '../../../src/core/tiers/rfmScore';
import { segmentOf, SEGMENT_RULES } from '../../../src/core/tiers/segments';
import { thresholdTiers, tierSummary } from '../../../src/core/tiers/threshold';
import { floats, makeTable, strings } from '../../../src/core/table';

describe('rfmScores(profile, {weights})', () => {
  const profile = makeTable({
    customer: ['a', 'b', 'c', 'd', 'e'],
    recency: Float64Array.of(1, 300, 30, 30, 90),
    frequency: Float64Array.of(20, 1, 3, 3, 2),
    monetary: Float64Array.of(5000, 10, 300, 200, 50),
  });
  test('gives quintiles 1–5, recent = 5, ties in row order; score is the mean; segment from R×F', () => {
    const s = rfmScores(profile);
    expect(strings(s, 'customer')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(Array.from(floats(s, 'r'))).toEqual([5, 1, 4, 3, 2]);
    expect(Array.from(floats(s, 'f'))).toEqual([5, 1, 3, 4, 2]);
    expect(Array.from(floats(s, 'm'))).toEqual([5, 1, 4, 3, 2]);
    expect(Array.from(floats(s, 'score'))).toEqual([5, 1, 11 / 3, 10 / 3, 2]);
    expect(strings(s, 'segment')).toEqual(['Champions', 'Lost', 'Potential loyalist', 'Loyal', 'Hibernating']);
  });
  test('weights change the score only', () => {
    const s = rfmScores(profile, { weights: { r: 2, f: 0, m: 0 } });
    expect(Array.from(floats(s, 'score'))).toEqual([5, 1, 4, 3, 2]);
    expect(() => rfmScores(profile, { weights: { r: 0, f: 0, m: 0 } })).toThrow(/at least one weight/);
    expect(() => rfmScores(profile, { weights: { r: -1, f: 1, m: 1 } })).toThrow(/weight r/);
  });
});

describe('segmentOf(r, f)', () => {
  test('every R×F cell has exactly one segment, and all 11 segments are used', () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const hits = SEGMENT_RULES.filter((s) => r >= s.r[0] && r <= s.r[1] && f >= s.f[0] && f <= s.f[1]).map((s) => s.name);
        // Lost (R1 F1) is listed before Hibernating, which would also match it
        if (r === 1 && f === 1) expect(hits).toEqual(['Lost', 'Hibernating']);
        else expect(hits.length, `R${r} F${f}: ${hits}`).toBe(1);
        used.add(segmentOf(r, f));
      }
    }
    expect(used.size).toBe(11);
    expect(segmentOf(1, 1)).toBe('Lost');
    expect(segmentOf(2, 5)).toBe("Can't lose");
    expect(() => segmentOf(0, 3)).toThrow(/1–5/);
  });
});

describe('thresholdTiers(scores, {threshold, high, low})', () => {
  const scores = makeTable({ customer: ['a', 'b', 'c', 'd'], probability: Float64Array.of(0.9, 0.5, 0.2, NaN) });
  test('probability > threshold is high value', () => {
    const t = thresholdTiers(scores);
    expect(strings(t, 'tier')).toEqual(['High value', 'Low value', 'Low value', 'Low value']);
    expect(strings(t, 'customer')).toEqual(['a', 'b', 'c', 'd']);
    const t2 = thresholdTiers(scores, { threshold: 0.1, high: 'A', low: 'B' });
    expect(strings(t2, 'tier')).toEqual(['A', 'A', 'A', 'B']);
  });
  test('rejects equal tier names', () => {
    expect(() => thresholdTiers(scores, { high: 'X', low: 'X' })).toThrow(/must differ/);
  });
});

describe('tierSummary(tiers, profile, definitions)', () => {
  test('counts customers and revenue per tier, definitions first, then other tiers', () => {
    const tiers = makeTable({ customer: ['a', 'b', 'c', 'd', 'e'], tier: ['High', 'Low', 'High', 'Odd', 'Low'] });
    const profile = makeTable({ customer: ['a', 'b', 'c', 'd'], monetary: Float64Array.of(600, 100, 200, 100) });
    const s = tierSummary(tiers, profile, [
      { name: 'Low', rule: 'P ≤ 0.5', benefits: 'coupon' },
      { name: 'High', rule: 'P > 0.5', benefits: 'free shipping' },
      { name: 'Empty', rule: 'never', benefits: '-' },
    ]);
    expect(strings(s, 'tier')).toEqual(['Low', 'High', 'Empty', 'Odd']);
    expect(strings(s, 'rule')).toEqual(['P ≤ 0.5', 'P > 0.5', 'never', '']);
    expect(Array.from(floats(s, 'customers'))).toEqual([2, 2, 0, 1]);
    expect(Array.from(floats(s, 'share'))).toEqual([0.4, 0.4, 0, 0.2]);
    expect(Array.from(floats(s, 'revenue'))).toEqual([100, 800, 0, 100]);
    expect(Array.from(floats(s, 'revenueShare'))).toEqual([0.1, 0.8, 0, 0.1]);
    expect(strings(s, 'benefits')).toEqual(['coupon', 'free shipping', '-', '']);
  });
});
