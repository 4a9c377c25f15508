/**
 * Golden figures of the modeling charts (issue 4): each export renders one chart from fixed, small data into
 * the given document. modeling.test.ts serialises every export and compares it with test/golden/plots/<name>.svg|html.
 */
import { roc, precisionRecall } from '../../src/core/stats/curves';
import { calibration } from '../../src/core/stats/calibration';
import { gain } from '../../src/core/stats/gain';
import { profitCurve } from '../../src/core/stats/profit';
import { rocCurve } from '../../src/plots/rocCurve';
import { prCurve } from '../../src/plots/prCurve';
import { calibrationPlot } from '../../src/plots/calibration';
import { gainChart } from '../../src/plots/gainChart';
import { liftChart } from '../../src/plots/liftChart';
import { profitChart } from '../../src/plots/profitCurve';
import { coefficientChart } from '../../src/plots/coefficientChart';
import { trueVsFitted } from '../../src/plots/trueVsFitted';

type Figure = (document: Document) => Element;

/** 200 fixed scores: buyers (every 4th row) score higher on average; a deterministic, non-random shape. */
export function scoredRows(): { y: Uint8Array; p: Float64Array } {
  const n = 200;
  const y = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 4 === 0 ? 1 : 0;
    const u = ((i * 37) % 101) / 101; // a fixed spread in [0, 1)
    p[i] = y[i] ? 0.25 + 0.7 * u : 0.6 * u * u;
  }
  return { y, p };
}
const { y, p } = scoredRows();

export const modelingRoc: Figure = (document) => rocCurve(roc(y, p), { threshold: 0.5, auc: 0.871, document });
export const modelingPr: Figure = (document) => prCurve(precisionRecall(y, p), { threshold: 0.3, baseRate: 0.25, averagePrecision: 0.702, document });
export const modelingCalibration: Figure = (document) => calibrationPlot(calibration(y, p, { bins: 10 }), { brier: 0.1234, document });
export const modelingGain: Figure = (document) => gainChart(gain(y, p, { points: 20 }), { contacted: 0.3, document });
export const modelingLift: Figure = (document) => liftChart(gain(y, p, { points: 20 }), { contacted: 0.3, document });
export const modelingProfit: Figure = (document) => profitChart(profitCurve(y, p, { margin: 30, cost: 4, step: 0.05 }), { threshold: 0.5, document });
export const modelingCoefficients: Figure = (document) =>
  coefficientChart(
    [
      { feature: 'PageValues', weight: 1.52, oddsRatio: Math.exp(1.52) },
      { feature: 'ExitRates', weight: -0.61, oddsRatio: Math.exp(-0.61) },
      { feature: 'Month=Nov', weight: 0.34, oddsRatio: Math.exp(0.34) },
      { feature: 'VisitorType=New_Visitor', weight: 0.12, oddsRatio: Math.exp(0.12) },
      { feature: 'BounceRates', weight: -0.05, oddsRatio: Math.exp(-0.05) },
    ],
    { top: 4, document },
  );
export const modelingTrueVsFitted: Figure = (document) =>
  trueVsFitted(
    [
      { feature: 'x1', true: 1.5, fitted: 1.43 },
      { feature: 'x2', true: -1, fitted: -1.05 },
      { feature: 'x3', true: 0.5, fitted: 0.42 },
      { feature: 'x4', true: 0, fitted: -0.08 },
    ],
    { document },
  );
