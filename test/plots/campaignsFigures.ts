/**
 * Golden figures of the campaign charts (issue 6): each export renders one chart from fixed, small
 * literal data into the given document. campaigns.test.ts compares them with test/golden/plots/<name>.svg|html.
 */
import { makeTable } from '../../src/core/table';
import { abIntervals } from '../../src/plots/abIntervals';
import { regretCurves } from '../../src/plots/regretCurves';
import { peekingCurve } from '../../src/plots/peekingCurve';
import { allocationBars } from '../../src/plots/allocationBars';
import { selectionRates } from '../../src/plots/selectionRates';

export function abIntervalsCookieCats(document: Document): Element {
  return abIntervals(
    [
      { metric: 'retention_1', a: 'gate_30', b: 'gate_40', n_a: 44700, conv_a: 20034, n_b: 45489, conv_b: 20119, p_value: 0.0744 },
      { metric: 'retention_7', a: 'gate_30', b: 'gate_40', n_a: 44700, conv_a: 8502, n_b: 45489, conv_b: 8279, p_value: 0.00155 },
    ],
    { document },
  );
}

export function regretCurvesThreePolicies(document: Document): Element {
  const policy: string[] = [];
  const round: number[] = [];
  const regret: number[] = [];
  for (const [p, slope] of [['thompson', 0.3], ['epsilon-greedy', 0.6], ['uniform', 1]] as const) {
    for (let t = 100; t <= 1000; t += 100) {
      policy.push(p);
      round.push(t);
      regret.push(slope === 1 ? 0.02 * t : 4 * slope * Math.log(t) + slope * 0.005 * t);
    }
  }
  return regretCurves(makeTable({ policy, round: Int32Array.from(round), regret: Float64Array.from(regret) }), { document });
}

export function peekingCurveLooks(document: Document): Element {
  return peekingCurve(
    makeTable({
      looks: Int32Array.of(1, 2, 5, 10, 20, 50),
      falsePositiveRate: Float64Array.of(0.051, 0.083, 0.136, 0.194, 0.238, 0.33),
      nominal: Float64Array.of(0.05, 0.05, 0.05, 0.05, 0.05, 0.05),
    }),
    { document },
  );
}

export function allocationBarsPlan(document: Document): Element {
  return allocationBars(
    makeTable({
      tier: ['High value', 'High value', 'Low value', 'Low value'],
      channel: ['email', 'social', 'email', 'social'],
      budget: Float64Array.of(100, 1400, 80, 420),
      conversions: Float64Array.of(90, 150, 15, 20),
    }),
    { document },
  );
}

export function selectionRatesCountries(document: Document): Element {
  return selectionRates(
    makeTable({
      group: ['United Kingdom', 'Germany', 'France', 'Other'],
      n: Int32Array.of(3900, 95, 87, 260),
      selectionRate: Float64Array.of(0.28, 0.33, 0.3, 0.19),
      impactRatio: Float64Array.of(0.28 / 0.33, 1, 0.3 / 0.33, 0.19 / 0.33),
    }),
    { document },
  );
}
