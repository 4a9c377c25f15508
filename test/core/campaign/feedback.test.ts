import { describe, expect, test } from 'vitest';
import { campaignResponse, responseRates, retier, simulateCampaign } from '../../../src/core/campaign/feedback';
import { audienceTiers, audienceWith, tierSizes } from '../../../src/core/campaign/audience';
import { floats, makeTable, strings } from '../../../src/core/table';

const tiers = makeTable({ customer: ['a', 'b', 'c', 'd'], tier: ['High', 'High', 'Low', 'Low'] });
const results = makeTable({ customer: ['a', 'b', 'c', 'd', 'e'], variant: ['A', 'B', 'A', 'B', 'A'], converted: ['1', 'false', 'TRUE', '0', '1'] });

describe('closing the loop', () => {
  test('response per tier × variant with posterior means', () => {
    const r = campaignResponse(results, tiers);
    expect(strings(r, 'tier')).toEqual(['High', 'High', 'Low', 'Low', 'Untiered']);
    expect(Array.from(floats(r, 'rate'))).toEqual([1, 0, 1, 0, 1]);
    expect(Array.from(floats(r, 'posteriorMean'))).toEqual([2 / 3, 1 / 3, 2 / 3, 1 / 3, 2 / 3]);
    expect(responseRates(r)).toEqual({ High: 0.5, Low: 0.5, Untiered: 2 / 3 });
  });
  test('responders are promoted', () => {
    const t = retier(tiers, results, { Low: 'High' });
    expect(strings(t, 'tier')).toEqual(['High', 'High', 'High', 'Low']);
    expect(Array.from(floats(t, 'moved'))).toEqual([0, 0, 1, 0]);
  });
  test('a bad outcome is located', () => {
    const bad = makeTable({ customer: ['a'], variant: ['A'], converted: ['maybe'] });
    expect(() => campaignResponse(bad, tiers)).toThrow(/campaign results, row 1, column `converted`/);
  });
  test('simulateCampaign is seeded and follows the rates', () => {
    const many = makeTable({ customer: Array.from({ length: 4000 }, (_, i) => `c${i}`), tier: Array.from({ length: 4000 }, (_, i) => (i % 2 ? 'High' : 'Low')) });
    const s = simulateCampaign(many, { High: { A: 0.2, B: 0.3 }, Low: { A: 0, B: 0 } }, 1);
    expect(floats(simulateCampaign(many, { High: { A: 0.2, B: 0.3 }, Low: { A: 0, B: 0 } }, 1), 'converted')).toEqual(floats(s, 'converted'));
    const rates = responseRates(campaignResponse(s, many));
    expect(rates.High).toBeGreaterThan(0.22);
    expect(rates.High).toBeLessThan(0.28);
    expect(rates.Low).toBeLessThan(0.001);
  });
});

describe('audiences', () => {
  test('tiers from a score, attribute by mode, sizes', () => {
    const scores = makeTable({ customer: ['a', 'b', 'c'], score: Float64Array.of(4.5, 3, 1) });
    const t = audienceTiers(scores);
    expect(strings(t, 'tier')).toEqual(['High value', 'Medium value', 'Low value']);
    const lines = makeTable({ customer: ['a', 'a', 'a', 'b'], country: ['FR', 'UK', 'UK', 'DE'] });
    const a = audienceWith(t, lines, 'country', ['High value']);
    expect(strings(a, 'country')).toEqual(['UK', 'DE', '(missing)']);
    expect(Array.from(floats(a, 'selected'))).toEqual([1, 0, 0]);
    expect(Array.from(floats(tierSizes(t), 'customers'))).toEqual([1, 1, 1]);
  });
});
