/**
 * Golden figures of the profiling charts (issue 3): each export renders one chart from fixed, small
 * literal data into the given document. profiling.test.ts compares each with test/golden/plots/<name>.
 */
import { makeTable } from '../../src/core/table';
import { lorenzCurve } from '../../src/plots/lorenz';
import { elbowChart } from '../../src/plots/elbow';
import { silhouetteChart } from '../../src/plots/silhouette';
import { pcaScatter } from '../../src/plots/pcaScatter';
import { correlationHeatmap } from '../../src/plots/correlationHeatmap';
import { spendHistogram } from '../../src/plots/spendHistogram';
import { concentration } from '../../src/core/tiers/concentration';
import { correlationMatrix } from '../../src/core/select/correlation';

type Figure = (document: Document) => Element;

/** 50 customers whose spend grows geometrically (a long right tail). */
function spends(): Float64Array {
  return Float64Array.from({ length: 50 }, (_, i) => Math.round(20 * 1.12 ** i));
}

const sweep = makeTable({
  k: Int32Array.of(2, 3, 4, 5, 6, 7, 8, 9, 10),
  inertia: Float64Array.of(6488, 4879, 3963, 3332, 2875, 2574, 2360, 2179, 2022),
  silhouette: Float64Array.of(0.434, 0.338, 0.337, 0.316, 0.314, 0.308, 0.302, 0.28, 0.277),
});

export const lorenzFigure: Figure = (document) => {
  const c = concentration(makeTable({ monetary: spends() }), { points: 25 });
  return lorenzCurve(c.curve, { gini: c.gini, top: c.top, topShare: c.topShare, document });
};

export const elbowFigure: Figure = (document) => elbowChart(sweep, { chosen: 4, document });

export const silhouetteFigure: Figure = (document) => silhouetteChart(sweep, { chosen: 4, document });

export const pcaScatterFigure: Figure = (document) => {
  const n = 12;
  const scores = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 3;
    scores[2 * i] = (i % 3) * 2 + (i % 4) * 0.1;
    scores[2 * i + 1] = (i % 3 === 1 ? 1.5 : -0.5) + (i % 5) * 0.1;
  }
  return pcaScatter({ scores, labels, varianceRatio: [0.71, 0.22] }, { document });
};

export const correlationFigure: Figure = (document) =>
  correlationHeatmap(
    correlationMatrix(
      makeTable({
        recency: Float64Array.of(5, 40, 200, 12, 90, 300),
        frequency: Float64Array.of(12, 4, 1, 9, 2, 1),
        monetary: Float64Array.of(3000, 800, 90, 2100, 300, 60),
      }),
      ['recency', 'frequency', 'monetary'],
    ),
    { document },
  );

export const spendBeforeAfterFigure: Figure = (document) => {
  const before = spends();
  const high = 2000;
  const after = before.map((v) => Math.min(v, high));
  return spendHistogram({ before, after, low: 20, high, below: 0, above: before.filter((v) => v > high).length, column: 'monetary', action: 'clip' }, { bins: 12, document });
};
