/**
 * The golden figures: each export renders one chart from fixed, small literal data into the given
 * document. plots.test.ts serialises every export and compares it with test/golden/plots/<name>.svg|html.
 */
import { makeTable } from '../../src/core/table';
import { probabilityHistogram } from '../../src/plots/histogram';
import { tierShares } from '../../src/plots/tierShares';
import { waterfall } from '../../src/plots/waterfall';
import { lossCurve } from '../../src/plots/lossCurve';
import { confusionMatrix } from '../../src/plots/confusionMatrix';
import { rfmDistribution } from '../../src/plots/rfmDistribution';
import { rfmHeatmap } from '../../src/plots/rfmHeatmap';
import { deliveryHeatmap } from '../../src/plots/deliveryHeatmap';
import { segmentBars } from '../../src/plots/segmentBars';
import { recommendationScores } from '../../src/plots/recommendationScores';

type Figure = (document: Document) => Element;

/** 20 bins of width 0.05, one row per class per bin (label 0 then 1), counts from a fixed shape. */
export function histogramBins(bins = 20): ReturnType<typeof makeTable> {
  const x0 = new Float64Array(2 * bins);
  const x1 = new Float64Array(2 * bins);
  const count = new Float64Array(2 * bins);
  const label = new Int32Array(2 * bins);
  for (let b = 0; b < bins; b++) {
    const mid = (b + 0.5) / bins;
    for (let c = 0; c < 2; c++) {
      const i = c * bins + b;
      x0[i] = b / bins;
      x1[i] = (b + 1) / bins;
      label[i] = c;
      // non-buyers pile up at low probabilities, buyers at high ones
      count[i] = Math.round(c === 0 ? 400 * Math.exp(-mid * 6) : 60 * Math.exp(-((mid - 0.7) ** 2) / 0.03));
    }
  }
  return makeTable({ x0, x1, count, label });
}

export const histogram: Figure = (document) => probabilityHistogram(histogramBins(), { threshold: 0.35, document });

export const histogramUnlabelled: Figure = (document) =>
  probabilityHistogram(
    makeTable({
      x0: Float64Array.of(0, 0.25, 0.5, 0.75),
      x1: Float64Array.of(0.25, 0.5, 0.75, 1),
      count: Float64Array.of(120, 60, 30, 12),
    }),
    { threshold: 0.9, document },
  );

export const tierSharesTwo: Figure = (document) =>
  tierShares(
    makeTable({
      tier: ['High value', 'Low value'],
      customers: Float64Array.of(1215, 3123),
      share: Float64Array.of(1215 / 4338, 3123 / 4338),
      revenueShare: Float64Array.of(0.712, 0.288),
    }),
    { document },
  );

export const tierSharesFour: Figure = (document) =>
  tierShares(
    makeTable({
      tier: ['Platinum', 'Gold', 'Silver', 'Bronze'],
      customers: Float64Array.of(100, 300, 600, 1000),
      share: Float64Array.of(0.05, 0.15, 0.3, 0.5),
      revenueShare: Float64Array.of(0.42, 0.31, 0.19, 0.08),
    }),
    { document },
  );

export const cleaningWaterfall: Figure = (document) =>
  waterfall(
    makeTable({
      step: ['loaded', 'missingCustomer', 'cancelled', 'nonPositiveQuantity', 'nonPositivePrice', 'duplicates'],
      label: ['Loaded', 'Missing customer id', 'Cancelled orders', 'Non-positive quantity', 'Non-positive price', 'Duplicate lines'],
      removed: Float64Array.of(0, 135080, 8905, 0, 40, 5192),
      rows: Float64Array.of(541909, 406829, 397924, 397924, 397884, 392692),
    }),
    { document },
  );

export const cleaningWaterfallCustomers: Figure = (document) =>
  waterfall(
    makeTable({
      step: ['loaded', 'missingCustomer', 'cancelled', 'nonPositiveQuantity', 'nonPositivePrice', 'duplicates'],
      label: ['Loaded', 'Missing customer id', 'Cancelled orders', 'Non-positive quantity', 'Non-positive price', 'Duplicate lines'],
      removed: Float64Array.of(0, 135080, 8905, 0, 40, 5192),
      rows: Float64Array.of(541909, 406829, 397924, 397924, 397884, 392692),
      customers: Float64Array.of(4372, 4372, 4339, 4339, 4338, 4338),
    }),
    { document },
  );

export function lossPoints(upTo: number, every = 100): { iteration: number; loss: number }[] {
  const out: { iteration: number; loss: number }[] = [];
  for (let it = 0; it <= upTo; it += every) out.push({ iteration: it, loss: 0.42 + 0.27 * Math.exp(-it / 180) });
  return out;
}

export const lossCurveDone: Figure = (document) => lossCurve(lossPoints(1000), { iterations: 1000, document });

export const lossCurveStreaming: Figure = (document) => lossCurve(lossPoints(300), { iterations: 1000, document });

export const lossCurveEmpty: Figure = (document) => lossCurve([], { iterations: 1000, document });

export const confusion: Figure = (document) =>
  confusionMatrix({ tp: 412, fp: 151, tn: 1630, fn: 297 }, { threshold: 0.35, document });

/** 30 customers: recency in days, frequency in orders, monetary in £ (one with spend ≤ 0). */
export function rfmProfile(): ReturnType<typeof makeTable> {
  return makeTable({
    recency: Float64Array.of(1, 3, 5, 8, 12, 15, 18, 22, 25, 30, 33, 40, 45, 52, 60, 71, 80, 95, 110, 130, 150, 170, 190, 220, 250, 280, 300, 330, 350, 373),
    frequency: Float64Array.of(1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 11, 14, 18, 25, 40, 75, 209),
    monetary: Float64Array.of(-12, 15, 40, 80, 120, 160, 200, 250, 300, 310, 350, 420, 480, 550, 600, 700, 820, 950, 1100, 1300, 1500, 1800, 2200, 2900, 3600, 4800, 7500, 12000, 52000, 280206),
  });
}

export const rfmDistributionFigure: Figure = (document) => rfmDistribution(rfmProfile(), { document });

/** 60 customers with R, F, M scores 1–5 and monetary; a fixed pattern (R and F correlated). */
export function rfmScoresTable(): ReturnType<typeof makeTable> {
  const n = 60;
  const r = new Int32Array(n);
  const f = new Int32Array(n);
  const m = new Int32Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = (i % 5) + 1;
    f[i] = Math.min(5, Math.max(1, r[i] + ((i * 7) % 3) - 1));
    m[i] = Math.min(5, Math.max(1, f[i] + ((i * 11) % 3) - 1));
    monetary[i] = 50 * m[i] * m[i] + 10 * (i % 7);
  }
  return makeTable({ r, f, m, monetary });
}

export const rfmHeatmapFigure: Figure = (document) => rfmHeatmap(rfmScoresTable(), { document });

export const rfmHeatmapScoresOnly: Figure = (document) => {
  const t = rfmScoresTable();
  return rfmHeatmap(makeTable({ r: t.getChild('r')!, f: t.getChild('f')!, m: t.getChild('m')! }), { document });
};

export function perTierTable(): ReturnType<typeof makeTable> {
  return makeTable({
    tier: ['High value', 'High value', 'High value', 'High value', 'High value', 'Low value', 'Low value', 'Low value', 'Low value', 'Low value'],
    item: ['85123A', '22423', '47566', '85099B', '84879', '85123A', '85099B', '20725', '22197', '21212'],
    itemName: [
      'WHITE HANGING HEART T-LIGHT HOLDER',
      'REGENCY CAKESTAND 3 TIER',
      'PARTY BUNTING',
      'JUMBO BAG RED RETROSPOT',
      'ASSORTED COLOUR BIRD ORNAMENT',
      'WHITE HANGING HEART T-LIGHT HOLDER',
      'JUMBO BAG RED RETROSPOT',
      'LUNCH BAG RED RETROSPOT',
      'POPCORN HOLDER',
      'PACK OF 72 RETROSPOT CAKE CASES',
    ],
    meanProbability: Float64Array.of(0.31, 0.24, 0.18, 0.15, 0.12, 0.27, 0.22, 0.2, 0.17, 0.14),
  });
}

export const deliveryHeatmapFigure: Figure = (document) => deliveryHeatmap(perTierTable(), { document });

export const SEGMENT_COUNTS: [string, number][] = [
  ['Hibernating', 1065],
  ['Loyal', 827],
  ['Champions', 633],
  ['At risk', 580],
  ['Potential loyalist', 484],
  ['About to sleep', 343],
  ['Need attention', 187],
  ['Lost', 111],
  ["Can't lose", 63],
  ['Promising', 94],
  ['New', 42],
];

export function segmentTable(): ReturnType<typeof makeTable> {
  const segment: string[] = [];
  // interleave so the input is not already sorted
  const left = SEGMENT_COUNTS.map(([, c]) => c);
  for (let more = true; more; ) {
    more = false;
    SEGMENT_COUNTS.forEach(([s], k) => {
      if (left[k] > 0) (segment.push(s), left[k]--, (more = true));
    });
  }
  return makeTable({ segment });
}

export const segments: Figure = (document) => segmentBars(segmentTable(), { document });

/** 8 customers × 5 ranks; scores fall with rank. */
export function recsTable(): ReturnType<typeof makeTable> {
  const customer: string[] = [];
  const rank = new Int32Array(40);
  const score = new Float64Array(40);
  for (let u = 0; u < 8; u++) {
    for (let k = 1; k <= 5; k++) {
      const i = u * 5 + (k - 1);
      customer.push(`c${u}`);
      rank[i] = k;
      score[i] = Math.round((0.9 / k) * (0.6 + 0.05 * u) * 1000) / 1000;
    }
  }
  return makeTable({ customer, rank, score });
}

export const recommendationScoresFigure: Figure = (document) => recommendationScores(recsTable(), { document });
