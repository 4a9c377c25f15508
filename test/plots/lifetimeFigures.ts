/**
 * Golden figures of the lifetime-value charts (rendered by lifetime.test.ts into
 * test/golden/plots/<name>.svg|html): fixed literal data, plus a P(alive) grid from the published
 * CDNOW BG/NBD parameters.
 */
import { makeTable } from '../../src/core/table';
import { pAliveGrid } from '../../src/core/clv/value';
import { clvHoldout } from '../../src/plots/clvHoldout';
import { pAliveHeatmap } from '../../src/plots/pAliveHeatmap';

type Figure = (document: Document) => Element;

/** A holdout comparison shaped like CDNOW's (means by calibration frequency 0 … 7+). */
export function holdoutTable() {
  return makeTable({
    frequency: ['0', '1', '2', '3', '4', '5', '6', '7+'],
    customers: Float64Array.of(1411, 439, 214, 100, 62, 38, 29, 64),
    actual: Float64Array.of(0.24, 0.7, 1.39, 1.56, 2.53, 2.95, 3.86, 6.36),
    predicted: Float64Array.of(0.23, 0.85, 1.29, 1.73, 2.38, 2.96, 3.47, 6.52),
  });
}

/** The published CDNOW estimates (FHL 2005). */
export const CDNOW_BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

export const clvHoldoutCdnow: Figure = (document) => clvHoldout(holdoutTable(), { holdoutLabel: '39 weeks', document });

export const pAliveHeatmapCdnow: Figure = (document) =>
  pAliveHeatmap(pAliveGrid(CDNOW_BGNBD, { T: 39, maxFrequency: 12, recencySteps: 13 }), { unit: 'weeks', document });
