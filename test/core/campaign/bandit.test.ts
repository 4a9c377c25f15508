import { describe, expect, test } from 'vitest';
import { banditSimulation, betaSample } from '../../../src/core/campaign/bandit';
import { floats, strings } from '../../../src/core/table';
import { rng } from '../../../src/core/synth/random';

describe('banditSimulation', () => {
  const rates = [0.02, 0.035, 0.05, 0.08];
  const { curves, final } = banditSimulation(rates, { horizon: 1500, runs: 40, seed: 42 });
  const regret = Object.fromEntries(strings(final, 'policy').map((p, i) => [p!, floats(final, 'regret')[i]]));
  test("Thompson sampling's regret is below uniform's and ε-greedy's on a fixed seed", () => {
    expect(regret.thompson).toBeLessThan(regret.uniform * 0.6);
    expect(regret.thompson).toBeLessThan(regret['epsilon-greedy']);
  });
  test("uniform's regret is the mean gap times the rounds", () => {
    const gap = rates.reduce((a, p) => a + (0.08 - p), 0) / rates.length;
    expect(regret.uniform).toBeGreaterThan(0.9 * gap * 1500);
    expect(regret.uniform).toBeLessThan(1.1 * gap * 1500);
  });
  test('curves are non-decreasing per policy and seeded', () => {
    const p = strings(curves, 'policy');
    const r = floats(curves, 'regret');
    for (let i = 1; i < r.length; i++) if (p[i] === p[i - 1]) expect(r[i]).toBeGreaterThanOrEqual(r[i - 1]);
    const again = banditSimulation(rates, { horizon: 1500, runs: 40, seed: 42 });
    expect(floats(again.final, 'regret')).toEqual(floats(final, 'regret'));
  });
  test('Beta draws have the right mean', () => {
    const r = rng(3);
    let s = 0;
    for (let i = 0; i < 20000; i++) s += betaSample(r, 3, 7);
    expect(s / 20000).toBeCloseTo(0.3, 2);
  });
  test('needs two arms with rates in [0, 1]', () => {
    expect(() => banditSimulation([0.1])).toThrow(/two arms/);
    expect(() => banditSimulation([0.1, 1.2])).toThrow(/\[0, 1\]/);
  });
});
