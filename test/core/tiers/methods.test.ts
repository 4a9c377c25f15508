import { describe, expect, test } from 'vitest';
import { makeTable, floats, strings } from '../../../src/core/table';
import { probabilityTiers } from '../../../src/core/tiers/probabilityTiers';
import { thresholdTiers } from '../../../src/core/tiers/threshold';
import { concentration } from '../../../src/core/tiers/concentration';
import { segmentTable } from '../../../src/core/tiers/segmentTable';
import { joinIndex } from '../../../src/core/tiers/joinIndex';

const scores = makeTable({ customer: ['a', 'b', 'c', 'd', 'e'], probability: Float64Array.of(0.9, 0.5, 0.45, 0.1, NaN) });

describe('probabilityTiers(scores, {thresholds, names})', () => {
  test('p > t₁ → first name, t₁ ≥ p > t₂ → second, the rest (and NaN) → last; thresholds in any order', () => {
    const t = probabilityTiers(scores, { thresholds: [0.2, 0.5], names: ['High', 'Mid', 'Low'] });
    expect(strings(t, 'tier')).toEqual(['High', 'Mid', 'Mid', 'Low', 'Low']);
  });

  test('with one threshold it equals thresholdTiers', () => {
    const a = probabilityTiers(scores, { thresholds: [0.45] });
    expect(strings(a, 'tier')).toEqual(strings(thresholdTiers(scores, { threshold: 0.45 }), 'tier'));
  });

  test('names must be one more than thresholds and distinct', () => {
    expect(() => probabilityTiers(scores, { thresholds: [0.5], names: ['A'] })).toThrow(/1 thresholds need 2 tier names/);
    expect(() => probabilityTiers(scores, { thresholds: [0.5], names: ['A', 'A'] })).toThrow(/must differ/);
  });
});

describe('concentration(profile, {top})', () => {
  test('Gini, Lorenz curve and top share on a small example', () => {
    // spend 0, 0, 0, 10 → G = (2·4 − 5)·10 / (4·10) = 0.75; the top 25% bring 100%
    const c = concentration(makeTable({ monetary: Float64Array.of(10, 0, -5, 0) }), { top: 0.25 });
    expect(c.gini).toBeCloseTo(0.75, 12);
    expect(c.topShare).toBe(1);
    expect(Array.from(floats(c.curve, 'customers'))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(floats(c.curve, 'revenue'))).toEqual([0, 0, 0, 0, 1]);
  });

  test('equal spend gives Gini 0 and top 20% bring 20%', () => {
    const c = concentration(makeTable({ monetary: new Float64Array(10).fill(3) }));
    expect(c.gini).toBeCloseTo(0, 12);
    expect(c.topShare).toBeCloseTo(0.2, 12);
  });
});

describe('segmentTable(scores, clusters, tiers)', () => {
  test('joins the three methods by customer id, in the order of the RFM scores', () => {
    const rfm = makeTable({ customer: ['a', 'b', 'c'], score: Float64Array.of(5, 3, 1), segment: ['Champions', 'Need attention', 'Lost'] });
    const clustered = { customers: makeTable({ customer: ['c', 'a'] }), labels: Int32Array.of(2, 0) };
    const tiers = makeTable({ customer: ['b', 'a', 'c'], tier: ['Low value', 'High value', 'Low value'] });
    const s = segmentTable(rfm, clustered, tiers);
    expect(s.schema.fields.map((f) => f.name)).toEqual(['customer', 'rfm_score', 'rfm_segment', 'cluster', 'tier']);
    expect(Array.from(floats(s, 'cluster'))).toEqual([0, -1, 2]);
    expect(strings(s, 'tier')).toEqual(['High value', 'Low value', 'Low value']);
  });
});

describe('joinIndex(from, to)', () => {
  test('maps each row of from to the row of the same customer in to (−1 absent), and caches by column', () => {
    const a = makeTable({ customer: ['x', 'y', 'z'] });
    const b = makeTable({ customer: ['z', 'x', 'x'], v: Float64Array.of(1, 2, 3) });
    const at = joinIndex(a, b);
    expect(Array.from(at)).toEqual([1, -1, 0]);
    // a new table over the same columns (as probabilityTiers builds on every threshold move) hits the cache
    const b2 = makeTable({ customer: b.getChild('customer')!, w: Float64Array.of(0, 0, 0) });
    expect(joinIndex(a, b2)).toBe(at);
  });

  test('segmentTable leaves the tier null for a customer the model did not score', () => {
    const rfm = makeTable({ customer: ['a', 'b'], score: Float64Array.of(5, 3), segment: ['Champions', 'Lost'] });
    const s = segmentTable(rfm, { customers: makeTable({ customer: ['a', 'b'] }), labels: Int32Array.of(1, 0) }, makeTable({ customer: ['a'], tier: ['High value'] }));
    expect(strings(s, 'tier')).toEqual(['High value', null]);
  });
});
